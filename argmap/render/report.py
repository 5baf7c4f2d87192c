"""The analysis as a report: report.html and report.md, or a terminal summary.

Both reports have one structure, for a reader on deadline: first the summary of
`argmap.render.summary` (the question, who is for, against or mixed with one quote each,
the camps, the most contested claims, what the map's acceptance says and why), then the
details: each proposal's table of positions, the camps, the contested and key claims,
which claims stand, and last each actor with their words (each quote once) and the
path-by-path reasons for their scores, collapsed.

report.html comes from a Jinja2 template with autoescaping on, so no string from the map
reaches its markup unescaped. In report.md every string from the map goes through
`argmap.text.md_escape`, so a curator's `*`, `<` or `|` shows as written.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from argmap.analysis import Analysis, Contribution, PositionScore
from argmap.load.gcpause import paused_gc
from argmap.model import UNKNOWN, ArgumentMap, Claim, Position, Source, Stance
from argmap.render.markup import esc, source_html
from argmap.render.summary import (
    Camp,
    Summary,
    Verdict,
    Voice,
    actor_name,
    by_name,
    inferred_positions,
    numbered_camps,
    proposals_in_order,
    shown_positions,
    stand,
    summarise,
    unaligned,
)
from argmap.render.templates import render_parts
from argmap.text import excerpt, md_escape, plural, signed

__all__ = [
    "html_parts",
    "markdown_parts",
    "md",
    "render_html",
    "render_markdown",
    "render_text",
    "signed",
    "stand",
]

#: Markdown escaping; the one helper lives in argmap.text.
md = md_escape

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The terminal summary lists at most this many actors per proposal.
_TEXT_ACTORS = 12
# The reasons listed for one actor's position on one proposal. A curated map stays far
# below it (16 at most in the drug consumption rooms map); a coded dataset of thousands
# of statements would otherwise make the report a book.
_REASONS = 20
# The summary names this many members of a camp (and of the unaligned); the Camps
# section names them all.
_CAMP_NAMES = 5


def _plain(text: str) -> str:
    # Terminal output: no control characters (an escape sequence in a map stays inert).
    return _CONTROL.sub(" ", text)


# ---- what both reports say, worked out once ------------------------------------------


@dataclass(frozen=True)
class Said:
    """Words an actor said (or was reported to say) once, and every stance they show."""

    stance: Stance  # the first stance with these words
    stances: tuple[Stance, ...]  # every stance of the actor with the same words and source
    same_as: str | None  # an earlier actor already shown with the same words


@dataclass(frozen=True)
class ActorEntry:
    actor: str
    name: str
    kind: str
    role: str | None
    camp: Camp | None
    positions: tuple[tuple[Claim, PositionScore], ...]
    said: tuple[Said, ...]
    # per proposal: the reasons shown, each with how many stances give it, and how many
    # weaker ones are left out
    reasons: tuple[tuple[Claim, tuple[tuple[Contribution, int], ...], int], ...]

    @property
    def reason_count(self) -> int:
        return sum(sum(n for _, n in shown) + more for _, shown, more in self.reasons)


#: The reasons shown for one position: each contribution (`_strongest`, then `_merged`)
#: with how many stances give it.
Reasons = tuple[tuple[Contribution, int], ...]


@dataclass(frozen=True)
class Report:
    summary: Summary
    proposals: tuple[tuple[Claim, tuple[tuple[str, PositionScore], ...], tuple[str, ...]], ...]
    actors: tuple[ActorEntry, ...]
    inferred: tuple[tuple[Claim, tuple[tuple[str, PositionScore], ...]], ...]
    camp_of: Mapping[str, Camp]
    source_numbers: Mapping[str, int]  # source id -> its number in the Sources list
    # (proposal id, actor id) -> the reasons shown for each inferred position, worked out
    # once for both reports.
    chains: Mapping[tuple[str, str], Reasons] = field(default_factory=dict)


def _ranked(
    amap: ArgumentMap, rows: Iterable[tuple[str, PositionScore]]
) -> tuple[tuple[str, PositionScore], ...]:
    ordered = sorted(rows, key=lambda r: (-round(r[1].score, 4), actor_name(amap, r[0]), r[0]))
    return tuple(ordered)


def _by_proposal(
    positions: Mapping[str, Mapping[str, PositionScore]],
) -> dict[str, list[tuple[str, PositionScore]]]:
    found: dict[str, list[tuple[str, PositionScore]]] = {}
    for actor, by_proposal in positions.items():
        for proposal, position in by_proposal.items():
            found.setdefault(proposal, []).append((actor, position))
    return found


def build_report(amap: ArgumentMap, analysis: Analysis) -> Report:
    """Everything both reports show, in their order: pure data, no formatting."""
    # Hundreds of thousands of small objects that all live as long as the report: the
    # cyclic collector walking the whole map again and again meanwhile was half the time
    # at 100,000 stances.
    with paused_gc():
        return _build_report(amap, analysis)


def _build_report(amap: ArgumentMap, analysis: Analysis) -> Report:
    summary = summarise(amap, analysis)
    camp_of = {actor: camp for camp in summary.camps for actor in camp.members}
    shown = _by_proposal(shown_positions(analysis))
    ordered = proposals_in_order(amap, analysis)
    holders = _holders(amap, {p.id for p in ordered})
    proposals = tuple(
        (
            proposal,
            _ranked(amap, shown.get(proposal.id, [])),
            by_name(
                amap,
                holders.get(proposal.id, set())
                - {actor for actor, _ in shown.get(proposal.id, [])},
            ),
        )
        for proposal in ordered
    )
    stance_of = {s.id: s for s in amap.stances}
    found = _by_proposal(inferred_positions(analysis))
    inferred = tuple((p, _ranked(amap, found[p.id])) for p in ordered if found.get(p.id))
    return Report(
        summary=summary,
        proposals=proposals,
        actors=_actor_entries(amap, analysis, camp_of, stance_of),
        inferred=inferred,
        camp_of=camp_of,
        source_numbers={source.id: n for n, source in enumerate(amap.sources, start=1)},
        chains={
            (proposal.id, actor): _merged(_strongest(p.contributions), stance_of)
            for proposal, rows in inferred
            for actor, p in rows
        },
    )


def _holders(amap: ArgumentMap, claims: set[str]) -> dict[str, set[str]]:
    """Claim id -> the actors with a stance on it, for the `claims` asked about: one pass
    over the stances (a pass per proposal made the report quadratic)."""
    found: dict[str, set[str]] = {}
    for stance in amap.stances:
        if stance.claim in claims:
            found.setdefault(stance.claim, set()).add(stance.actor)
    return found


def _actor_entries(
    amap: ArgumentMap,
    analysis: Analysis,
    camp_of: Mapping[str, Camp],
    stance_of: Mapping[str, Stance],
) -> tuple[ActorEntry, ...]:
    positions = shown_positions(analysis)
    by_actor: dict[str, list[Stance]] = {}
    for stance in amap.stances:
        by_actor.setdefault(stance.actor, []).append(stance)
    seen: dict[tuple[str, str], str] = {}  # (quote, source) -> first actor shown with it
    entries = []
    for actor_id in by_name(amap, (a.id for a in amap.actors)):
        actor = amap.actors_by_id[actor_id]
        groups: dict[tuple[str | None, str, bool, str], list[Stance]] = {}
        for stance in by_actor.get(actor_id, []):
            # A stance without words is its own entry: nothing to say once.
            words = stance.quote if stance.quote else None
            key = (words, stance.source, stance.reported, "" if words else stance.id)
            groups.setdefault(key, []).append(stance)
        said = []
        for (words, source, _, _), stances in groups.items():
            same_as = seen.get((words, source)) if words else None
            if words and same_as is None:
                seen[words, source] = actor_id
            said.append(Said(stances[0], tuple(stances), same_as))
        mine = [
            (amap.claims_by_id[p], score)
            for p, score in positions.get(actor_id, {}).items()
            if p in amap.claims_by_id
        ]
        entries.append(
            ActorEntry(
                actor=actor_id,
                name=actor.name,
                kind=actor.kind.value,
                role=actor.role,
                camp=camp_of.get(actor_id),
                positions=tuple(mine),
                said=tuple(said),
                reasons=tuple(
                    (claim, _merged(shown, stance_of), len(score.contributions) - len(shown))
                    for claim, score in mine
                    for shown in [_strongest(score.contributions)]
                ),
            )
        )
    return tuple(entries)


def _strongest(contributions: tuple[Contribution, ...]) -> tuple[Contribution, ...]:
    """The `_REASONS` heaviest contributions, in their own order."""
    if len(contributions) <= _REASONS:
        return contributions
    keep = sorted(range(len(contributions)), key=lambda i: -contributions[i].weight)[:_REASONS]
    return tuple(contributions[i] for i in sorted(keep))


def _merged(
    contributions: Iterable[Contribution], stances: Mapping[str, Stance]
) -> tuple[tuple[Contribution, int], ...]:
    """Reasons that read the same (two stances of one actor on one claim, in two sources)
    once, with how many stances give them, in the order they first come."""
    first: dict[tuple[object, ...], Contribution] = {}
    times: dict[tuple[object, ...], int] = {}
    for c in contributions:
        stance = stances.get(c.stance)
        key = (stance.position if stance else None, c.claim, c.path, c.sign, c.weight)
        first.setdefault(key, c)
        times[key] = times.get(key, 0) + 1
    return tuple((c, times[key]) for key, c in first.items())


def _relation_kinds(amap: ArgumentMap) -> dict[tuple[str, str], str]:
    kinds: dict[tuple[str, str], str] = {}
    for relation in amap.relations:
        # As in argmap.analysis.graph: where a pair is related both ways, the attack is kept.
        if kinds.get((relation.origin, relation.target)) != "attacks":
            # A StrEnum member is its value, and is written as it.
            kinds[relation.origin, relation.target] = relation.kind
    return kinds


def _claim_text(amap: ArgumentMap, claim_id: str) -> str:
    claim = amap.claims_by_id.get(claim_id)
    return claim.display if claim else claim_id


def _counts(amap: ArgumentMap) -> str:
    return (
        f"{plural(len(amap.actors), 'actor')}, {plural(len(amap.claims), 'claim')}"
        f" ({plural(len(amap.proposals), 'proposal')}), {plural(len(amap.stances), 'stance')},"
        f" {plural(len(amap.relations), 'relation')} and {plural(len(amap.sources), 'source')}"
    )


_SIDE_TITLES = {"for": "For", "against": "Against", "mixed": "Mixed"}

# What grounded acceptance means, said once for both reports. No word here calls a
# proposal defeated: the label says which objections the map leaves standing.
_LABEL_WHY = {
    "in": "every claim against it is answered in the map",
    "out": "an objection to it stands unanswered in the map",
    "undecided": "the objections to it are themselves undecided (attacks in a cycle)",
}


def verdict_parts(verdict: Verdict) -> list[tuple[str, str]]:
    """The acceptance sentence as (kind, value) parts: `text` in words, `claim` an id, so
    each report formats claim names its own way and escapes them its own way."""
    held_for = sum(label == "in" for _, label in verdict.supporting)
    held_against = sum(label == "in" for _, label in verdict.attacking)
    parts: list[tuple[str, str]] = [
        (
            "text",
            f"The map holds {plural(len(verdict.supporting), 'claim')} for it ({held_for} standing)"
            f" and {plural(len(verdict.attacking), 'claim')} against it ({held_against} standing).",
        )
    ]
    if verdict.label == "in" and not verdict.attacking:
        parts.append(
            ("text", " Grounded acceptance: in, since nothing in the map argues against it.")
        )
    else:
        parts.append(
            ("text", f" Grounded acceptance: {verdict.label}, since {_LABEL_WHY[verdict.label]}")
        )
        if verdict.reasons:
            parts.append(("text", ": "))
            for i, claim in enumerate(verdict.reasons):
                if i:
                    parts.append(("text", " and " if i == len(verdict.reasons) - 1 else ", "))
                parts.append(("claim", claim))
        parts.append(("text", "."))
    if verdict.bipolar != verdict.label:
        parts.append(
            ("text", f" With the attacks that support chains imply (bipolar): {verdict.bipolar}.")
        )
    ins, outs, undecided = verdict.totals
    parts.append(
        (
            "text",
            " This weighs only the arguments in the map, not whether a claim is true."
            f" Across the map: {ins} claims in, {outs} out, {undecided} undecided.",
        )
    )
    return parts


# ---- Markdown --------------------------------------------------------------------------


def render_markdown(amap: ArgumentMap, analysis: Analysis, *, report: Report | None = None) -> str:
    """The whole report as GitHub-flavoured Markdown, ending in one newline. `report` is
    `build_report`'s, when the caller has it."""
    return "".join(markdown_parts(amap, analysis, report=report))


def markdown_parts(
    amap: ArgumentMap, analysis: Analysis, *, report: Report | None = None
) -> list[str]:
    """`render_markdown`'s text as parts to be written one after the other, never joined
    (a build writes them: at 100,000 stances the whole is 75 million characters)."""
    report = build_report(amap, analysis) if report is None else report
    words = _Md(amap, report)
    sections = [
        [_heading_md(amap)],
        [_summary_md(amap, report.summary)],
        [_positions_md(amap, report)],
        [_camps_md(amap, analysis, report.summary)],
        [_contested_md(words, analysis)],
        [_key_claims_md(amap, analysis)],
        [_acceptance_md(words, analysis)],
        [_incoherent_md(words, analysis)],
        _lines(_actors_md(words, report)),
        [_sources_md(amap)],
    ]
    if report.inferred:
        sections.append(_lines(_inferred_md(words, report)))
    parts: list[str] = []
    for section in sections:
        if parts:
            parts.append("\n\n")
        parts += rstrip_parts(section, "\n")
    parts.append("\n")
    return parts


def _lines(lines: list[str]) -> list[str]:
    """`"\\n".join(lines)` as parts: each line, then a line end before the next."""
    parts = ["\n"] * (2 * len(lines) - 1) if lines else []
    parts[::2] = lines
    return parts


def rstrip_parts(parts: list[str], chars: str) -> list[str]:
    """`parts` such that `"".join(...)` is `"".join(parts).rstrip(chars)`: `parts` less
    its trailing parts made only of `chars`, the last one left stripped.

    >>> rstrip_parts(["a", "b\\n", "\\n", ""], "\\n")
    ['a', 'b']
    """
    end = len(parts)
    while end and not parts[end - 1].rstrip(chars):
        end -= 1
    if not end:
        return []
    return [*parts[: end - 1], parts[end - 1].rstrip(chars)]


def _heading_md(amap: ArgumentMap) -> str:
    lines = [f"# {md(amap.title)}", ""]
    if amap.description:
        lines += [md(amap.description), ""]
    lines.append(f"*{_counts(amap)}, analysed by argmap from `{_code(amap.path)}`.*")
    return "\n".join(lines)


def _code(text: str) -> str:
    # Inside a code span nothing is markup; only a backtick could end it.
    return _plain(text).replace("`", "'")


def _summary_md(amap: ArgumentMap, summary: Summary) -> str:
    lines = ["## Summary", ""]
    question = summary.question
    if question is None:
        return "\n".join([*lines, "The map has no proposal."])
    lines.append(f"**The question: {md(question.display)}**")
    if question.label:
        lines += ["", f"> {md(question.text)}"]
    tally = [f"{len(voices)} {side}" for side, voices in summary.sides]
    if summary.neutral:
        tally.append(f"{len(summary.neutral)} neutral")
    lines += ["", " · ".join(tally)]
    for side, voices in summary.sides:
        if not voices:
            continue
        lines += ["", f"**{_SIDE_TITLES[side]}** ({len(voices)}):", ""]
        lines += [f"- {_voice_md(amap, voice)}" for voice in voices]
    if not any(voices for _, voices in summary.sides):
        lines += ["", "No actor takes a side on it."]
    if summary.neutral:
        names = ", ".join(md(actor_name(amap, a)) for a in summary.neutral)
        lines += ["", f"Neutral: {names}."]
    if summary.inferred:
        lines += [
            "",
            f"{plural(summary.inferred, 'inferred position')} on it, reached only through other"
            f" sources' relations, {'is' if summary.inferred == 1 else 'are'} not counted here"
            " (see *Inferred positions* at the end).",
        ]
    if summary.camps or summary.unaligned:
        lines += ["", "**Camps**:", ""]
        for camp in summary.camps:
            lines.append(f"{camp.number}. {_camp_head_md(camp)}: {_few_md(amap, camp.members)}")
        if summary.unaligned:
            lines += ["", f"Unaligned: {_few_md(amap, summary.unaligned)}."]
    lines += ["", "**Most contested**:", ""]
    if not summary.contested:
        lines.append("No claim has both supporters and opponents.")
    for c in summary.contested:
        lines.append(
            f"- {md(_claim_text(amap, c.claim))}: {len(c.supporters)} for"
            f" ({', '.join(md(actor_name(amap, a)) for a in c.supporters)}),"
            f" {len(c.opponents)} against"
            f" ({', '.join(md(actor_name(amap, a)) for a in c.opponents)})"
        )
    if summary.verdict:
        words = _parts_md(amap, verdict_parts(summary.verdict))
        lines += ["", f"**What the map's acceptance says**: {words}"]
    return "\n".join(lines)


def _voice_md(amap: ArgumentMap, voice: Voice) -> str:
    head = f"**{md(voice.name)}** ({stand(voice.position)}, {signed(voice.position.score)})"
    stance = voice.stance
    if stance is None:
        return head
    if voice.same_as:
        return f"{head}: the same words as {md(actor_name(amap, voice.same_as))}"
    if not stance.quote:
        return f"{head}: reported, not quoted ({_cite_md(amap, stance.source)})"
    said = "reported: " if stance.reported else ""
    return f'{head}: {said}"{md(excerpt(stance.quote))}"'


def _camp_head_md(camp: Camp) -> str:
    return md(camp.title)


def _few_md(amap: ArgumentMap, actors: tuple[str, ...]) -> str:
    names = [md(actor_name(amap, a)) for a in actors[:_CAMP_NAMES]]
    more = len(actors) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _positions_md(amap: ArgumentMap, report: Report) -> str:
    lines = [
        "## Where each actor stands",
        "",
        "A score runs from -1 (against the proposal) to +1 (for it): the weighted mean of the"
        " actor's stances on the proposal and on the claims that bear on it, each relation on"
        " the way halving the weight. *Mixed* marks an actor whose stances pull both ways."
        " Each actor's words and reasons are under *Actors* below; the method is in"
        " docs/analysis.md.",
    ]
    if not report.proposals:
        return "\n".join([*lines, "", "The map has no proposal."])
    for proposal, rows, neutral in report.proposals:
        lines += ["", f"### {md(proposal.display)}", ""]
        if proposal.label:
            lines += [f"> {md(proposal.text)}", ""]
        if not rows and not neutral:
            lines.append("No actor takes a side on this proposal.")
            continue
        if rows:
            lines += ["| Actor | Score | Stand | Camp |", "| --- | ---: | --- | --- |"]
            for actor, p in rows:
                camp = report.camp_of.get(actor)
                number = str(camp.number) if camp else "unaligned"
                lines.append(
                    f"| {md(actor_name(amap, actor))} | {signed(p.score)} | {stand(p)} | {number} |"
                )
        if neutral:
            names = ", ".join(md(actor_name(amap, a)) for a in neutral)
            lines += ["", f"Neutral: {names}."]
    return "\n".join(lines)


def _camps_md(amap: ArgumentMap, analysis: Analysis, summary: Summary) -> str:
    lines = [
        "## Camps",
        "",
        "Actors who take the same stance on a claim agree, actors who take opposite stances"
        " conflict (discourse network analysis; agreement minus conflict, normalisation:"
        f" {analysis.normalisation}). The camps are the split that leaves the least agreement"
        " across camps and the least conflict inside them (structural balance); each is named"
        " by its members' mean score on the question.",
        "",
    ]
    for camp in summary.camps:
        names = ", ".join(md(actor_name(amap, a)) for a in camp.members)
        lines.append(f"{camp.number}. {_camp_head_md(camp)}: {names}")
    if summary.unaligned:
        names = ", ".join(md(actor_name(amap, a)) for a in summary.unaligned)
        lines += ["", f"Unaligned (no position and no stance shared with anyone): {names}."]
    lines += ["", "**Frustration**: " + _frustration_md(amap, analysis)]
    return "\n".join(lines)


def frustration(analysis: Analysis) -> list[tuple[str, str, float]]:
    """The frustrated edges with their agreement weights."""
    # Only the frustrated pairs: a dict of every pair would be millions on a big map.
    wanted = set(analysis.frustration)
    weights = {(a, b): w for a, b, w in analysis.agreement if (a, b) in wanted} if wanted else {}
    return [(a, b, weights.get((a, b), 0.0)) for a, b in analysis.frustration]


def _frustration_md(amap: ArgumentMap, analysis: Analysis) -> str:
    if not analysis.frustration:
        return "none. Every agreement lies inside a camp and every conflict between camps."
    items = []
    for a, b, weight in frustration(analysis):
        kind = "agree but sit in different camps" if weight > 0 else "conflict inside one camp"
        items.append(
            f"- {md(actor_name(amap, a))} and {md(actor_name(amap, b))} {kind} ({signed(weight)})"
        )
    count = len(analysis.frustration)
    verb = "breaks" if count == 1 else "break"
    return "\n".join([f"{plural(count, 'edge')} {verb} the balance.", "", *items])


def _contested_md(words: _Md, analysis: Analysis) -> str:
    lines = [
        "## Contested claims",
        "",
        "Claims that some actors support and others oppose, ranked by"
        " (1 - |s - o| / (s + o)) × ln(1 + s + o) for s supporters and o opponents.",
        "",
    ]
    if not analysis.contested:
        return "\n".join([*lines, "No claim has both supporters and opponents."])
    lines += ["| Claim | Score | Supporters | Opponents |", "| --- | ---: | --- | --- |"]
    for c in analysis.contested:
        supporters = ", ".join([words.name(a) for a in c.supporters])
        opponents = ", ".join([words.name(a) for a in c.opponents])
        lines.append(f"| {words.claim(c.claim)} | {c.score:.2f} | {supporters} | {opponents} |")
    return "\n".join(lines)


def key_claims(analysis: Analysis, top: int = 10) -> list[tuple[str, float]]:
    """The `top` claims by centrality, highest first, then by id."""
    return sorted(_key_candidates(analysis.centrality, top), key=_centrality_key)[:top]


def _centrality_key(item: tuple[str, float]) -> tuple[float, str]:
    return -round(item[1], 6), item[0]


def _key_candidates(centrality: Mapping[str, float], top: int) -> Iterable[tuple[str, float]]:
    """The claims that may be among the `top` first by `_centrality_key`: those whose
    rounded value is at least the `top`-th highest value rounded (rounding keeps the
    order of values), found within a millionth of it. Sorting every claim by the key
    (20,000 on the debate) for ten of them cost each report 17 ms."""
    values = centrality.values()
    if top <= 0 or len(centrality) <= 4 * top or not all(map(math.isfinite, values)):
        return centrality.items()
    least = round(heapq.nlargest(top, values)[-1], 6)
    # A value rounds to within half a millionth of itself: below this, none rounds to `least`.
    bound = least - 1e-6
    return [item for item in centrality.items() if item[1] >= bound]


def _key_claims_md(amap: ArgumentMap, analysis: Analysis) -> str:
    lines = [
        "## Key claims",
        "",
        "The claims the debate argues about most: PageRank on the relation graph, where"
        " each support or attack points from the arguing claim to the claim argued about.",
        "",
    ]
    ranked = key_claims(analysis)
    if not ranked:
        return "\n".join([*lines, "The map has no claims."])
    lines += ["| Claim | Kind | Centrality |", "| --- | --- | ---: |"]
    for claim_id, value in ranked:
        claim = amap.claims_by_id.get(claim_id)
        kind = claim.kind.value if claim else ""
        lines.append(f"| {md(_claim_text(amap, claim_id))} | {kind} | {value:.3f} |")
    return "\n".join(lines)


_ACCEPTANCE_INTRO = (
    "Grounded semantics (Dung) on the attacks between claims: a claim is *in* when every"
    " attacker is out, *out* when an attacker is in, and *undecided* otherwise. The"
    " bipolar column adds the attacks that support chains imply (supported and secondary"
    " attacks, after Cayrol and Lagasquie-Schiex). This weighs only the arguments in the"
    " map: a claim is out when an attack on it stands unanswered, whatever its truth."
)


def _acceptance_md(words: _Md, analysis: Analysis) -> str:
    lines = [
        "## Which claims stand",
        "",
        _ACCEPTANCE_INTRO,
        "",
        "| Claim | Grounded | Bipolar |",
        "| --- | --- | --- |",
    ]
    for claim in words.amap.claims:
        grounded = analysis.acceptance.get(claim.id, "")
        bipolar = analysis.bipolar_acceptance.get(claim.id, "")
        lines.append(f"| {words.display(claim)} | {grounded} | {bipolar} |")
    if analysis.derived_attacks:
        lines += [
            "",
            "<details><summary>"
            f"{plural(len(analysis.derived_attacks), 'derived attack')}</summary>",
            "",
        ]
        lines += [f"- {words.em(a)} attacks {words.em(b)}" for a, b in analysis.derived_attacks]
        lines += ["", "</details>"]
    return "\n".join(lines)


def _incoherent_md(words: _Md, analysis: Analysis) -> str:
    lines = ["## Incoherent positions", ""]
    if not analysis.incoherent:
        return "\n".join([*lines, "No actor supports two claims one of which attacks the other."])
    for actor, claim, attacked in analysis.incoherent:
        lines.append(
            f"- {words.name(actor)} supports both {words.em(claim)} and"
            f" {words.em(attacked)}, but the first attacks the second."
        )
    return "\n".join(lines)


class _Claims:
    """A report's claims, each escaped (`escape`) and emphasised (`emphasis`) once
    per map: every stance and reason names one. report.md and report.html differ only in
    the escape and the emphasis."""

    def __init__(
        self,
        amap: ArgumentMap,
        claims: dict[str, str],
        escape: Callable[[str], str],
        emphasis: tuple[str, str],
    ) -> None:
        self.amap = amap
        self.claims = claims
        self.escape = escape
        self.opens, self.closes = emphasis
        self.ems: dict[str, str] = {}
        # A plain dict: `get` on the map's read-only view is a method call per claim.
        self.by_id = dict(amap.claims_by_id)

    def claim(self, claim: str) -> str:
        """The claim of id `claim` escaped (an unknown id: the id itself, escaped)."""
        found = self.claims.get(claim)
        return self.escape(claim) if found is None else found

    def em(self, claim: str) -> str:
        """`claim(claim)` emphasised."""
        found = self.ems.get(claim)
        if found is None:
            found = self.ems[claim] = f"{self.opens}{self.claim(claim)}{self.closes}"
        return found

    def display(self, claim: Claim) -> str:
        """`escape(claim.display)`, from the claims escaped once where `claim` is the one
        of its id (a map with two claims of one id is refused, but may still be reported)."""
        if self.by_id.get(claim.id) is claim:
            return self.claims[claim.id]
        return self.escape(claim.display)


class _Md(_Claims):
    """report.md's words for what a big map repeats on every stance and reason, each
    escaped once per map: actor names, claims, citations, and the reasons' pieces."""

    def __init__(self, amap: ArgumentMap, report: Report) -> None:
        super().__init__(amap, _claims_md(amap.claims), md, ("*", "*"))
        self.names = {a: md(actor.name) for a, actor in amap.actors_by_id.items()}
        self.cites = _citations(amap.sources)
        self.dates: dict[str, str] = {}
        stances = {s.id: s for s in amap.stances}
        kinds = _relation_kinds(amap)
        self.reason = _Reasons(stances, kinds, self.em, md)
        self.chain = _Reasons(stances, kinds, self.em, md, report.source_numbers)

    def name(self, actor: str) -> str:
        found = self.names.get(actor)
        return md(actor) if found is None else found

    def date(self, date: str) -> str:
        """`f", {md(date)}"`: a few thousand dates on a hundred thousand stances."""
        found = self.dates.get(date)
        if found is None:
            found = self.dates[date] = f", {md(date)}"
        return found

    def cite(self, source: str) -> str:
        """`_cite_md(amap, source)`."""
        found = self.cites.get(source)
        return md(source) if found is None else found


def _actors_md(words: _Md, report: Report) -> list[str]:
    lines = [
        "## Actors",
        "",
        "Each actor's words, each quote once, with the claims they show a stance on; then the"
        " reasons for their scores, path by path.",
    ]
    for entry in report.actors:
        lines += ["", f"### {md(entry.name)}", ""]
        about = [entry.kind, *([md(entry.role)] if entry.role else [])]
        camp = f"camp {entry.camp.number}" if entry.camp else "unaligned"
        positions = "; ".join(
            f"{words.claim(claim.id)}: {stand(p)}, {signed(p.score)}"
            for claim, p in entry.positions
        )
        lines.append(
            f"{', '.join(about)}; {camp}." + (f" **Positions**: {positions}." if positions else "")
        )
        if entry.said:
            lines.append("")
            lines += [f"- {_said_md(words, said)}" for said in entry.said]
        count = entry.reason_count
        if count:
            lines += [
                "",
                f"<details><summary>Why these scores: {plural(count, 'reason')}</summary>",
                "",
            ]
            for claim, shown, more in entry.reasons:
                lines.append(f"- On *{words.claim(claim.id)}*:")
                lines += [f"  - {words.reason(c, times)}" for c, times in shown]
                if more:
                    lines.append(
                        f"  - ... and {more} weaker reasons"
                        " (`argmap export --format json` lists them all)"
                    )
            lines += ["", "</details>"]
    return lines


def _said_md(words: _Md, said: Said) -> str:
    stance = said.stance
    # A StrEnum member is its value: the position joins as its word. Most words are one
    # stance's: no list to join.
    stances = said.stances
    if len(stances) == 1:
        on = stances[0].position + " " + words.em(stances[0].claim)
    else:
        on = "; ".join([s.position + " " + words.em(s.claim) for s in stances])
    if said.same_as:
        quoted = f"the same words as {words.name(said.same_as)}"
    elif stance.quote:
        quoted = f'{"reported: " if stance.reported else ""}"{md(stance.quote)}"'
    else:
        quoted = "reported, not quoted"
    date = words.date(stance.date) if stance.date else ""
    return f"{quoted} ({words.cite(stance.source)}{date}): {on}"


def reason_parts(
    c: Contribution,
    stances: Mapping[str, Stance],
    kinds: Mapping[tuple[str, str], str],
    times: int = 1,
    numbers: Mapping[str, int] | None = None,
) -> list[tuple[str, str]]:
    """One path-by-path reason as (kind, value) parts, `text` or `claim` (an id):
    "supports *A*, which attacks *B* (against, weight 0.5)", and ", 2 stances" when two
    stances give the same reason. With source `numbers`, each step says whose it is:
    "supports *A* (source 1), which attacks *B* (per source 2)": the chain of sources
    behind an inferred position."""
    stance = stances.get(c.stance)
    parts = [
        ("text", f"{stance.position.value if stance else 'takes a stance on'} "),
        ("claim", c.claim),
    ]
    if numbers is not None and stance is not None and stance.source in numbers:
        parts.append(("text", f" (source {numbers[stance.source]})"))
    for i, (origin, target) in enumerate(zip(c.path, c.path[1:], strict=False)):
        parts += [
            ("text", f", which {kinds.get((origin, target), 'bears on')} "),
            ("claim", target),
        ]
        if numbers is not None:
            source = c.sources[i] if i < len(c.sources) else None
            number = numbers.get(source) if source else None
            where = f"per source {number}" if number else "no source"
            parts.append(("text", f" ({where})"))
    effect = "for" if c.sign > 0 else "against"
    by = f", {times} stances" if times > 1 else ""
    parts.append(("text", f" ({effect}, weight {c.weight:g}{by})"))
    return parts


class _Reasons:
    """Each reason's text as `reason_parts` says it, written by a report's own `claim` and
    `text` (its escaping), from pieces written once per map.

    A big map gives a hundred thousand reasons, but far fewer pieces: the stance's head
    ("supports *A*", with " (source 1)" when `numbers` are given) and the rest, the path
    to the proposal (", which attacks *B*", with " (per source 2)", each step written
    once) and the end (" (for, weight 0.5)"). At 100,000 stances 101,593 inferred reasons
    have 63,061 heads and 15,256 rests. Each piece joins its parts, each written as
    `reason_parts` cuts them, so the text is the same byte for byte."""

    def __init__(
        self,
        stances: Mapping[str, Stance],
        kinds: Mapping[tuple[str, str], str],
        claim: Callable[[str], str],
        text: Callable[[str], str],
        numbers: Mapping[str, int] | None = None,
    ) -> None:
        self.stances = stances
        self.kinds = kinds
        self.claim = claim
        self.escape = text
        self.texts: dict[str, str] = {}
        self.numbers = numbers
        self.heads: dict[tuple[str | None, str, int | None], str] = {}
        # (path, its sources, for, weight, times): weights are 0.5 ** hops, never -0.0,
        # so equal keys are equal text.
        self.rests: dict[tuple[tuple[str, ...], tuple[str | None, ...], bool, float, int], str]
        self.rests = {}
        self.steps: dict[tuple[str, str, int | None], str] = {}

    def __call__(self, c: Contribution, times: int = 1) -> str:
        stance = self.stances.get(c.stance)
        numbers = self.numbers
        number = numbers.get(stance.source) if numbers is not None and stance else None
        # A StrEnum member is its value, so the position keys as (and prints as) its word.
        head = (stance.position if stance else None, c.claim, number)
        found = self.heads.get(head)
        if found is None:
            found = self.heads[head] = self._head(head)
        # Without numbers the sources say nothing: one rest for every source.
        rest = (c.path, c.sources if numbers is not None else (), c.sign > 0, c.weight, times)
        more = self.rests.get(rest)
        if more is None:
            more = self.rests[rest] = self._rest(*rest)
        return found + more

    def text(self, value: str) -> str:
        """A text part escaped: a few thousand distinct ones ("supports ", " (source 7)")."""
        found = self.texts.get(value)
        if found is None:
            found = self.texts[value] = self.escape(value)
        return found

    def _head(self, key: tuple[str | None, str, int | None]) -> str:
        position, claim, number = key
        word = "takes a stance on" if position is None else position
        head = self.text(f"{word} ") + self.claim(claim)
        return head if number is None else head + self.text(f" (source {number})")

    def _rest(
        self,
        path: tuple[str, ...],
        sources: tuple[str | None, ...],
        for_: bool,
        weight: float,
        times: int,
    ) -> str:
        pieces = []
        numbers = self.numbers
        for i in range(len(path) - 1):
            number = None
            if numbers is not None:
                source = sources[i] if i < len(sources) else None
                number = numbers.get(source) if source else None
            key = (path[i], path[i + 1], number)
            step = self.steps.get(key)
            if step is None:
                step = self.steps[key] = self._step(key)
            pieces.append(step)
        by = f", {times} stances" if times > 1 else ""
        pieces.append(self.text(f" ({'for' if for_ else 'against'}, weight {weight:g}{by})"))
        return "".join(pieces)

    def _step(self, key: tuple[str, str, int | None]) -> str:
        origin, target, number = key
        step = self.text(f", which {self.kinds.get((origin, target), 'bears on')} ")
        step += self.claim(target)
        if self.numbers is None:
            return step
        return step + self.text(f" ({f'per source {number}' if number else 'no source'})")


def _parts_md(amap: ArgumentMap, parts: Iterable[tuple[str, str]]) -> str:
    return "".join(
        _md_text(value) if kind == "text" else f"*{_claim_md(amap, value)}*"
        for kind, value in parts
    )


# The words between a reason's claims ("supports ", ", which attacks ", "(for, weight
# 0.5)") are a few hundred strings repeated on every reason of a big map.
_md_text = functools.lru_cache(maxsize=4096)(md_escape)


def _claim_md(amap: ArgumentMap, claim_id: str) -> str:
    """`md(_claim_text(amap, claim_id))`, each claim escaped once per map."""
    found = _claims_md(amap.claims).get(claim_id)
    return md(_claim_text(amap, claim_id)) if found is None else found


# As `_CITATIONS`: the last map's claims, escaped, kept beside the tuple they come from.
_CLAIMS_MD: list[tuple[tuple[Claim, ...], dict[str, str]]] = []


def _claims_md(claims: tuple[Claim, ...]) -> dict[str, str]:
    if _CLAIMS_MD and _CLAIMS_MD[0][0] is claims:
        return _CLAIMS_MD[0][1]
    # The last claim of an id wins, as in `claims_by_id`.
    found = {claim.id: md(claim.display) for claim in claims}
    _CLAIMS_MD[:] = [(claims, found)]
    return found


def _cite_md(amap: ArgumentMap, source_id: str) -> str:
    # The full citation is in the Sources list, once: here the publisher and its number.
    cited = _citations(amap.sources).get(source_id)
    return md(source_id) if cited is None else cited


# The last map's citations: `_cite_md` runs once per stance, and looking the source up
# in the list each time made the report quadratic (4.6 s at 20,000 statements). The
# sources tuple is kept beside its citations, so its id cannot be reused for another.
_CITATIONS: list[tuple[tuple[Source, ...], dict[str, str]]] = []


def _citations(sources: tuple[Source, ...]) -> dict[str, str]:
    """Source id -> "publisher, source N", for the first source of each id."""
    if _CITATIONS and _CITATIONS[0][0] is sources:
        return _CITATIONS[0][1]
    found: dict[str, str] = {}
    for number, source in enumerate(sources, start=1):
        publisher = "publisher unknown" if source.publisher == UNKNOWN else source.publisher
        found.setdefault(source.id, f"{md(publisher)}, source {number}")
    _CITATIONS[:] = [(sources, found)]
    return found


def _cite(amap: ArgumentMap, report: Report, source_id: str) -> str:
    """A short citation for report.html: the publisher and the source's number."""
    source = amap.sources_by_id.get(source_id)
    if source is None:
        return source_id
    publisher = "publisher unknown" if source.publisher == UNKNOWN else source.publisher
    return f"{publisher}, source {report.source_numbers[source_id]}"


def _sources_md(amap: ArgumentMap) -> str:
    lines = ["## Sources", ""]
    if not amap.sources:
        return "\n".join([*lines, "The map names no source."])
    lines += [f"{n}. {_source_md(amap, s.id)}" for n, s in enumerate(amap.sources, start=1)]
    return "\n".join(lines)


def _source_md(amap: ArgumentMap, source_id: str) -> str:
    source = amap.sources_by_id.get(source_id)
    if source is None:
        return md(source_id)
    title = md(source.title)
    url = source.url or ""
    if url.startswith(("https://", "http://")) and not re.search(r"[\s<>]", url):
        title = f"[{title}](<{url}>)"
    date = "undated" if source.date == UNKNOWN else md(source.date)
    publisher = "publisher unknown" if source.publisher == UNKNOWN else md(source.publisher)
    return f"{publisher}, {title}, {date}"


def _inferred_md(words: _Md, report: Report) -> list[str]:
    lines = [
        "## Inferred positions",
        "",
        "<details><summary>Positions reached only through other sources' relations:"
        " not stated by the actor's own source, and not counted above</summary>",
    ]
    for proposal, rows in report.inferred:
        lines += ["", f"### {md(proposal.display)} (inferred)", ""]
        lines += ["| Actor | Score | Stand |", "| --- | ---: | --- |"]
        lines += [
            f"| {words.name(actor)} | {signed(p.score)} | inferred: {stand(p)} |"
            for actor, p in rows
        ]
        lines.append("")
        for actor, _ in rows:
            lines.append(f"- {words.name(actor)}:")
            lines += [
                f"  - {words.chain(c, times)}" for c, times in report.chains[proposal.id, actor]
            ]
    lines += ["", "</details>"]
    return lines


# ---- HTML ------------------------------------------------------------------------------


def render_html(
    amap: ArgumentMap,
    analysis: Analysis,
    *,
    page_href: str = "index.html",
    report: Report | None = None,
) -> str:
    """report.html: the same report as a page with no script. The page is an autoescaped
    template; its long lists (the proposals' tables, the claims' labels, the actors, the
    sources, the inferred positions) are fragments built by `_Html`, every value through
    `argmap.render.markup.esc`. `report` is `build_report`'s, when the caller has it."""
    return "".join(html_parts(amap, analysis, page_href=page_href, report=report))


def html_parts(
    amap: ArgumentMap,
    analysis: Analysis,
    *,
    page_href: str = "index.html",
    report: Report | None = None,
) -> list[str]:
    """`render_html`'s text as parts to be written one after the other, never joined (a
    build writes them: at 100,000 stances the whole is 90 million characters)."""
    report = build_report(amap, analysis) if report is None else report
    html = _Html(amap, report)
    return render_parts(
        "report.html",
        {
            "proposals_html": html.proposals(),
            "contested_html": html.contested(analysis),
            "labels_html": html.labels(analysis),
            "camps_html": html.camps(),
            "unaligned_html": html.linked_names(report.summary.unaligned),
            "derived_html": html.derived(analysis),
            "incoherent_html": html.incoherent(analysis),
            "actors_html": html.actors(),
            "sources_html": html.sources(),
            "inferred_html": html.inferred(),
        },
        amap=amap,
        report=report,
        summary=report.summary,
        counts=_counts(amap),
        verdict=verdict_parts(report.summary.verdict) if report.summary.verdict else [],
        key_claims=key_claims(analysis),
        frustration=frustration(analysis),
        analysis=analysis,
        cite=html.cite_text,
        name=lambda a: actor_name(amap, a),
        claim=lambda c: _claim_text(amap, c),
        unknown=UNKNOWN,
        page_href=page_href,
        acceptance_intro=_ACCEPTANCE_INTRO,
        camp_names=_CAMP_NAMES,
    )


class _Html(_Claims):
    """report.html's long lists as markup, written as the template wrote them (the same
    bytes). Every value from the map goes through `esc`; each name, claim and citation is
    escaped once and reused, since a big map repeats them on every stance."""

    def __init__(self, amap: ArgumentMap, report: Report) -> None:
        claims = {c: esc(claim.display) for c, claim in amap.claims_by_id.items()}
        super().__init__(amap, claims, esc, ("<em>", "</em>"))
        self.report = report
        self.names = {a: esc(actor.name) for a, actor in amap.actors_by_id.items()}
        self.words: dict[str, str] = {}
        self.cites: dict[str, str] = {}
        self.ids: dict[str, str] = {}
        self.dates: dict[str, str] = {}
        self.scores: dict[float, str] = {}
        self.stands: dict[tuple[float, bool], str] = {}
        stances = {s.id: s for s in amap.stances}
        kinds = _relation_kinds(amap)
        self.reason = _Reasons(stances, kinds, self.em, esc)
        self.chain = _Reasons(stances, kinds, self.em, esc, report.source_numbers)

    def name(self, actor: str) -> str:
        found = self.names.get(actor)
        return esc(actor) if found is None else found

    def word(self, word: str) -> str:
        """`esc(word)` of a word a few of which label every claim ("in", "out")."""
        found = self.words.get(word)
        if found is None:
            found = self.words[word] = esc(word)
        return found

    def id(self, actor: str) -> str:
        """`esc(actor)`, for the links to an actor's section."""
        found = self.ids.get(actor)
        if found is None:
            found = self.ids[actor] = esc(actor)
        return found

    def score(self, p: PositionScore) -> str:
        """`esc(signed(p.score))`; a few hundred distinct scores on any map."""
        found = self.scores.get(p.score)
        if found is None:
            found = self.scores[p.score] = esc(signed(p.score))
        return found

    def date(self, date: str) -> str:
        """`f", {esc(date)}"`, once per distinct date."""
        found = self.dates.get(date)
        if found is None:
            found = self.dates[date] = f", {esc(date)}"
        return found

    def stand(self, p: PositionScore) -> str:
        """`esc(stand(p))`, which reads only the score and whether it is mixed."""
        key = (p.score, p.mixed)
        found = self.stands.get(key)
        if found is None:
            found = self.stands[key] = esc(stand(p))
        return found

    def cite_text(self, source: str) -> str:
        return _cite(self.amap, self.report, source)

    def cite(self, source: str) -> str:
        found = self.cites.get(source)
        if found is None:
            found = self.cites[source] = esc(self.cite_text(source))
        return found

    def parts(self, parts: Iterable[tuple[str, str]]) -> str:
        return "".join(
            f"<em>{self.claim(value)}</em>" if kind == "claim" else esc(value)
            for kind, value in parts
        )

    def linked_names(self, actors: Iterable[str]) -> str:
        return ", ".join(f'<a href="#actor-{self.id(a)}">{self.name(a)}</a>' for a in actors)

    def proposals(self) -> list[str]:
        out: list[str] = []
        camp_of = self.report.camp_of
        for proposal, rows, neutral in self.report.proposals:
            out.append(f'<section class="proposal" id="proposal-{esc(proposal.id)}">\n')
            out.append(f"<h3>{esc(proposal.display)}</h3>\n")
            if proposal.label:
                out.append(f'<p class="claim-text">{esc(proposal.text)}</p>\n')
            if rows:
                out.append(_TABLE_POSITIONS)
                for actor, p in rows:
                    camp = str(camp_of[actor].number) if actor in camp_of else "unaligned"
                    out.append(
                        f'<tr><td><a href="#actor-{self.id(actor)}">{self.name(actor)}</a></td>'
                        f'<td class="num">{self.score(p)}</td><td>{self.stand(p)}</td>'
                        f"<td>{camp}</td></tr>\n"
                    )
                out.append("</tbody>\n</table>\n")
            elif not neutral:
                out.append("<p>No actor takes a side on this proposal.</p>\n")
            if neutral:
                out.append(f"<p>Neutral: {self.linked_names(neutral)}.</p>\n")
            out.append("</section>\n")
        return out

    def contested(self, analysis: Analysis) -> list[str]:
        return [
            f'<tr><td>{self.claim(c.claim)}</td><td class="num">{c.score:.2f}</td>'
            f"<td>{', '.join([self.name(a) for a in c.supporters])}</td>"
            f"<td>{', '.join([self.name(a) for a in c.opponents])}</td></tr>\n"
            for c in analysis.contested
        ]

    def labels(self, analysis: Analysis) -> list[str]:
        grounded, bipolar = analysis.acceptance, analysis.bipolar_acceptance
        word = self.word
        return [
            f"<tr><td>{self.display(c)}</td><td>{word(grounded.get(c.id, ''))}</td>"
            f"<td>{word(bipolar.get(c.id, ''))}</td></tr>\n"
            for c in self.amap.claims
        ]

    def camps(self) -> str:
        """The Camps section's list: every member of each camp, linked to their section."""
        return "".join(
            [
                f'<li value="{camp.number}"><strong>{esc(camp.title)}</strong>:'
                f" {self.linked_names(camp.members)}</li>\n"
                for camp in self.report.summary.camps
            ]
        )

    def derived(self, analysis: Analysis) -> str:
        return "".join(
            [f"<li>{self.em(a)} attacks {self.em(b)}</li>\n" for a, b in analysis.derived_attacks]
        )

    def incoherent(self, analysis: Analysis) -> str:
        return "".join(
            [
                f"<li>{self.name(actor)} supports both {self.em(claim)} and {self.em(attacked)},"
                " but the first attacks the second.</li>\n"
                for actor, claim, attacked in analysis.incoherent
            ]
        )

    def actors(self) -> list[str]:
        out: list[str] = []
        for entry in self.report.actors:
            self._actor(entry, out)
        return out

    def _actor(self, e: ActorEntry, out: list[str]) -> None:
        role = f", {esc(e.role)}" if e.role else ""
        camp = f"camp {e.camp.number} ({esc(e.camp.title)})" if e.camp else "unaligned"
        out.append(
            f'<section class="actor" id="actor-{esc(e.actor)}">\n<h3>{esc(e.name)}</h3>\n'
            f'<p class="about">{esc(e.kind)}{role}; {camp}.</p>\n'
        )
        if e.positions:
            out.append('<ul class="positions">\n')
            out.extend(
                f"<li>{self.claim(c.id)}: {self.stand(p)}, {self.score(p)}</li>\n"
                for c, p in e.positions
            )
            out.append("</ul>\n")
        if e.said:
            out.append('<ul class="said">\n')
            out.extend(self._said(said) for said in e.said)
            out.append("</ul>\n")
        count = e.reason_count
        if count:
            out.append(
                f"<details>\n<summary>Why these scores: {esc(plural(count, 'reason'))}</summary>\n"
                "<ul>\n"
            )
            for c, shown, more in e.reasons:
                out.append(f"<li>On <em>{self.claim(c.id)}</em>:\n<ul>\n")
                out.extend(f"<li>{self.reason(r, times)}</li>\n" for r, times in shown)
                if more:
                    out.append(
                        f"<li>\u2026 and {more} weaker reasons (<code>argmap export --format json"
                        "</code> lists them all)</li>\n"
                    )
                out.append("</ul>\n</li>\n")
            out.append("</ul>\n</details>\n")
        out.append("</section>\n")

    def _said(self, said: Said) -> str:
        stance = said.stance
        if said.same_as:
            words = (
                f'the same words as <a href="#actor-{self.id(said.same_as)}">'
                f"{self.name(said.same_as)}</a>"
            )
        elif stance.quote:
            reported = "reported: " if stance.reported else ""
            words = f'{reported}<span class="quote">\u201c{esc(stance.quote)}\u201d</span>'
        else:
            words = "reported, not quoted"
        date = self.date(stance.date) if stance.date else ""
        stances = said.stances
        if len(stances) == 1:  # most words are one stance's: no list to join
            on = _POSITION_HTML[stances[0].position] + " " + self.em(stances[0].claim)
        else:
            on = "; ".join([_POSITION_HTML[s.position] + " " + self.em(s.claim) for s in stances])
        cited = f"{self.cite(stance.source)}{date}"
        return f'<li>{words} <span class="src">\u2014 {cited}</span>: {on}</li>\n'

    def sources(self) -> list[str]:
        return [
            f'<li id="source-{esc(src.id)}">{source_html(src, UNKNOWN)}</li>\n'
            for src in self.amap.sources
        ]

    def inferred(self) -> list[str]:
        out: list[str] = []
        chains = self.report.chains
        for proposal, rows in self.report.inferred:
            out.append(f"<h3>{esc(proposal.display)} (inferred)</h3>\n{_TABLE_INFERRED}")
            out.extend(
                f'<tr><td><a href="#actor-{self.id(actor)}">{self.name(actor)}</a></td>'
                f'<td class="num">{self.score(p)}</td><td>inferred: {self.stand(p)}</td>'
                "</tr>\n"
                for actor, p in rows
            )
            out.append('</tbody>\n</table>\n<ul class="chains">\n')
            for actor, _ in rows:
                out.append(f"<li>{self.name(actor)}:\n<ul>\n")
                out.extend(
                    f"<li>{self.chain(c, times)}</li>\n" for c, times in chains[proposal.id, actor]
                )
                out.append("</ul>\n</li>\n")
            out.append("</ul>\n")
        return out


# A stance's position in markup: its word, escaped like any other value.
_POSITION_HTML = {position: esc(position.value) for position in Position}

_TABLE_POSITIONS = (
    '<table>\n<thead><tr><th scope="col">Actor</th><th scope="col" class="num">Score</th>'
    '<th scope="col">Stand</th><th scope="col">Camp</th></tr></thead>\n<tbody>\n'
)
_TABLE_INFERRED = (
    '<table>\n<thead><tr><th scope="col">Actor</th><th scope="col" class="num">Score</th>'
    '<th scope="col">Stand</th></tr></thead>\n<tbody>\n'
)


# ---- the terminal ----------------------------------------------------------------------


def render_text(amap: ArgumentMap, analysis: Analysis) -> str:
    """A short plain-text summary for the terminal, ending in one newline."""
    lines = [_plain(amap.title), _counts(amap)]
    by_proposal = _by_proposal(shown_positions(analysis))
    for proposal in proposals_in_order(amap, analysis):
        lines += ["", _plain(proposal.display)]
        rows = _ranked(amap, by_proposal.get(proposal.id, []))
        for actor, p in rows[:_TEXT_ACTORS]:
            mixed = " (mixed)" if p.mixed else ""
            lines.append(f"  {signed(p.score)}  {_plain(actor_name(amap, actor))}{mixed}")
        if len(rows) > _TEXT_ACTORS:
            lines.append(f"  ... and {len(rows) - _TEXT_ACTORS} more")
        if not rows:
            lines.append("  no actor takes a side")
    lines += ["", f"Camps (frustration: {len(analysis.frustration) or 'none'})"]
    for camp in numbered_camps(amap, analysis):
        names = ", ".join(_plain(actor_name(amap, a)) for a in camp.members)
        lines.append(f"  {camp.number}. {_plain(camp.title)}: {names}")
    alone = unaligned(analysis)
    if alone:
        lines.append(
            f"  unaligned: {', '.join(_plain(actor_name(amap, a)) for a in by_name(amap, alone))}"
        )
    lines += ["", "Most contested"]
    for c in analysis.contested[:3]:
        lines.append(
            f"  {c.score:.2f}  {_plain(_claim_text(amap, c.claim))}"
            f" ({len(c.supporters)} for, {len(c.opponents)} against)"
        )
    if not analysis.contested:
        lines.append("  none")
    labels = list(analysis.acceptance.values())
    lines += [
        "",
        f"Acceptance (grounded): {labels.count('in')} in, {labels.count('out')} out,"
        f" {labels.count('undecided')} undecided",
    ]
    incoherent = sorted({actor for actor, _, _ in analysis.incoherent})
    names = ", ".join(_plain(actor_name(amap, a)) for a in incoherent) or "none"
    lines.append(f"Incoherent: {names}")
    return "\n".join(lines) + "\n"
