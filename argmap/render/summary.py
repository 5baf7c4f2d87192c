"""What a reader on deadline needs first, as plain data: the report and the outline open with it.

`summarise(amap, analysis)` answers, for the central proposal (the question): who is for,
against or mixed, each with one quote; the camps, named by where their members stand;
the most contested claims; and what the map's acceptance says about the question and why.
The Markdown report, report.html and the outline all render this one `Summary`, so the
three say the same thing in the same order. Nothing here formats text.

The positions shown are those of `shown_positions`, and the ones held back those of
`inferred_positions`: one place to change what the report counts as a position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.analysis import Analysis, Contested, Contribution, PositionScore
from argmap.model import ArgumentMap, Claim, RelationKind, Stance

__all__ = [
    "Camp",
    "Summary",
    "Verdict",
    "Voice",
    "inferred_positions",
    "numbered_camps",
    "proposals_in_order",
    "shown_positions",
    "stand",
    "summarise",
    "unaligned",
]

Positions = Mapping[str, Mapping[str, PositionScore]]

#: The summary lists this many contested claims; the details list them all.
CONTESTED_SHOWN = 3


def shown_positions(analysis: Analysis) -> Positions:
    """The positions the report and outline show as where actors stand: the stated ones
    (the actor's own source links them to the proposal)."""
    return analysis.positions


def inferred_positions(analysis: Analysis) -> Positions:
    """Positions reached only through other sources' relations, shown apart and marked."""
    return analysis.inferred_positions


def stand(position: PositionScore) -> str:
    """`for`, `against` or `undecided`, with `mixed, leaning ...` for a mixed actor.

    >>> stand(PositionScore(0.2, True, ()))
    'mixed, leaning for'
    >>> stand(PositionScore(-1.0, False, ()))
    'against'
    """
    side = _sign_word(position.score)
    if not position.mixed:
        return side
    return "mixed, evenly balanced" if side == "undecided" else f"mixed, leaning {side}"


def _sign_word(score: float) -> str:
    rounded = round(score, 2)
    return "for" if rounded > 0 else "against" if rounded < 0 else "undecided"


@dataclass(frozen=True)
class Voice:
    """One actor on the question: the score, and the words that show it best."""

    actor: str  # actor id
    name: str
    position: PositionScore
    stance: Stance | None  # the stance quoted, or None when the actor has none
    same_as: str | None = None  # actor id of an earlier voice quoted with the same words


@dataclass(frozen=True)
class Camp:
    """A numbered camp with the analysis's title ("For: Allow it · mean +1.00 · 2 actors")."""

    number: int
    title: str
    members: tuple[str, ...]  # actor ids, in name order


@dataclass(frozen=True)
class Verdict:
    """What the map's acceptance says about the question, and the claims it rests on."""

    label: str  # grounded: in, out or undecided
    bipolar: str
    supporting: tuple[tuple[str, str], ...]  # (claim id, its label) of each claim for it
    attacking: tuple[tuple[str, str], ...]  # (claim id, its label) of each claim against it
    reasons: tuple[str, ...]  # the claims that make the label what it is
    totals: tuple[int, int, int]  # claims in, out and undecided in the whole map


@dataclass(frozen=True)
class Summary:
    question: Claim | None  # the central proposal: the one most actors take a side on
    sides: tuple[tuple[str, tuple[Voice, ...]], ...]  # ("for" | "against" | "mixed", voices)
    neutral: tuple[str, ...]  # actor ids with only a neutral stance on the question
    inferred: int  # inferred positions on the question, held back
    camps: tuple[Camp, ...]
    unaligned: tuple[str, ...]  # actor ids, name order
    contested: tuple[Contested, ...]  # the most contested, at most CONTESTED_SHOWN
    verdict: Verdict | None


def actor_name(amap: ArgumentMap, actor_id: str) -> str:
    actor = amap.actors_by_id.get(actor_id)
    return actor.name if actor else actor_id


def by_name(amap: ArgumentMap, actors: Iterable[str]) -> tuple[str, ...]:
    """Actor ids in name order (then id order): readers look for a name."""
    return tuple(a for _, a in sorted((actor_name(amap, a), a) for a in actors))


def proposals_in_order(amap: ArgumentMap, analysis: Analysis) -> list[Claim]:
    """Proposals with the most actors taking a side first, then by id."""
    sides: dict[str, int] = {}
    for by_proposal in shown_positions(analysis).values():
        for proposal in by_proposal:
            sides[proposal] = sides.get(proposal, 0) + 1
    return sorted(amap.proposals, key=lambda p: (-sides.get(p.id, 0), p.id))


def unaligned(analysis: Analysis) -> set[str]:
    """Actors with no camp: no stated position and no agreement with anyone."""
    return set(analysis.unaligned)


def numbered_camps(amap: ArgumentMap, analysis: Analysis) -> tuple[Camp, ...]:
    """The analysis's numbered camps, each titled by what its members' positions hold."""
    return tuple(
        Camp(
            camp.number,
            camp.title(_label(amap, camp.proposal)),
            by_name(amap, camp.members),
        )
        for camp in analysis.camp_info
    )


def _label(amap: ArgumentMap, proposal: str | None) -> str | None:
    claim = amap.claims_by_id.get(proposal or "")
    return claim.display if claim else proposal


def _question(amap: ArgumentMap, analysis: Analysis) -> Claim | None:
    """The analysis's central question, or (for a hand-built analysis without one) the
    proposal the most actors take a side on."""
    found = amap.claims_by_id.get(analysis.question or "")
    if found is not None:
        return found
    ordered = proposals_in_order(amap, analysis)
    return ordered[0] if ordered else None


def summarise(amap: ArgumentMap, analysis: Analysis) -> Summary:
    """The summary of the map: see the module's docstring."""
    question = _question(amap, analysis)
    alone = unaligned(analysis)
    return Summary(
        question=question,
        sides=_sides(amap, analysis, question),
        neutral=_neutral(amap, analysis, question),
        inferred=sum(
            question is not None and question.id in by_proposal
            for by_proposal in inferred_positions(analysis).values()
        ),
        camps=numbered_camps(amap, analysis),
        unaligned=by_name(amap, alone),
        contested=analysis.contested[:CONTESTED_SHOWN],
        verdict=_verdict(amap, analysis, question) if question else None,
    )


def _sides(
    amap: ArgumentMap, analysis: Analysis, question: Claim | None
) -> tuple[tuple[str, tuple[Voice, ...]], ...]:
    if question is None:
        return ()
    stances = {s.id: s for s in amap.stances}
    rows = [
        (actor, by_proposal[question.id])
        for actor, by_proposal in shown_positions(analysis).items()
        if question.id in by_proposal
    ]
    # Strongest first inside each side, then by name, as a reader scans a list.
    rows.sort(key=lambda r: (-abs(round(r[1].score, 4)), actor_name(amap, r[0]), r[0]))
    columns: dict[str, list[Voice]] = {"for": [], "against": [], "mixed": []}
    # The analysis's one count of the sides decides each actor's column.
    counted = analysis.sides.get(question.id)
    side: dict[str, str] = {}
    if counted is not None:
        for name, actors in (
            ("for", counted.for_),
            ("against", counted.against),
            ("mixed", counted.mixed),
        ):
            side.update(dict.fromkeys(actors, name))
    quoted: dict[tuple[str | None, str], str] = {}  # (quote, source) -> first actor
    for actor, position in rows:
        stance = best_stance(position, stances)
        key = (stance.quote, stance.source) if stance and stance.quote else None
        same_as = quoted.get(key) if key else None
        if key and same_as is None:
            quoted[key] = actor
        voice = Voice(actor, actor_name(amap, actor), position, stance, same_as)
        columns[side.get(actor) or position.side].append(voice)
    return tuple((side, tuple(voices)) for side, voices in columns.items())


def best_stance(position: PositionScore, stances: Mapping[str, Stance]) -> Stance | None:
    """The stance that shows the position best: the heaviest on the side the actor leans,
    a quoted one before a reported one without words, the earliest on a tie."""
    lean = 1 if position.score >= 0 else -1

    def rank(item: tuple[int, Contribution]) -> tuple[bool, bool, float, int]:
        index, c = item
        stance = stances.get(c.stance)
        return (c.sign != lean, not (stance and stance.quote), -c.weight, index)

    for _, contribution in sorted(enumerate(position.contributions), key=rank):
        if contribution.stance in stances:
            return stances[contribution.stance]
    return None


def _neutral(amap: ArgumentMap, analysis: Analysis, question: Claim | None) -> tuple[str, ...]:
    if question is None:
        return ()
    counted = analysis.sides.get(question.id)
    if counted is not None:
        return by_name(amap, counted.neutral)
    positions = shown_positions(analysis)
    return by_name(
        amap,
        {
            s.actor
            for s in amap.stances
            if s.claim == question.id and question.id not in positions.get(s.actor, {})
        },
    )


def _verdict(amap: ArgumentMap, analysis: Analysis, question: Claim) -> Verdict:
    label = analysis.acceptance.get(question.id, "undecided")
    arguing: dict[RelationKind, list[tuple[str, str]]] = {
        RelationKind.SUPPORTS: [],
        RelationKind.ATTACKS: [],
    }
    for relation in amap.relations:
        if relation.target == question.id and relation.origin in amap.claims_by_id:
            entry = (relation.origin, analysis.acceptance.get(relation.origin, "undecided"))
            if entry not in arguing[relation.kind]:
                arguing[relation.kind].append(entry)
    attacking = tuple(arguing[RelationKind.ATTACKS])
    labels = list(analysis.acceptance.values())
    return Verdict(
        label=label,
        bipolar=analysis.bipolar_acceptance.get(question.id, label),
        supporting=tuple(arguing[RelationKind.SUPPORTS]),
        attacking=attacking,
        reasons=acceptance_reasons(analysis, question.id, attacking),
        totals=(labels.count("in"), labels.count("out"), labels.count("undecided")),
    )


def acceptance_reasons(
    analysis: Analysis, claim: str, attacking: Iterable[tuple[str, str]]
) -> tuple[str, ...]:
    """The claims that make `claim` out (its attackers that are in) or undecided (its
    attackers that are undecided); none for a claim that is in.

    The analysis's own `acceptance_reasons` are used when it has them (it does, from
    `analyse`); the attackers stand in for a hand-built analysis.
    """
    if analysis.acceptance_reasons:
        return tuple(analysis.acceptance_reasons.get(claim, ()))
    label = analysis.acceptance.get(claim, "undecided")
    if label == "in":
        return ()
    return tuple(c for c, attacker in attacking if attacker == ("in" if label == "out" else label))
