"""The analysis as a Markdown report (readable on any code host) or a terminal summary.

Pure functions from a map and its analysis to a string; the `argmap report` command
writes or prints it. Every string from the map goes through `md` in the Markdown report,
so a curator's `*`, `<` or `|` shows as written and can never become markup or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from argmap.analysis import Analysis, Contribution, PositionScore
from argmap.model import UNKNOWN, ArgumentMap, Claim, Source, Stance

__all__ = ["md", "render_markdown", "render_text", "signed", "stand"]

# Any ASCII punctuation may be backslash-escaped in CommonMark; these are the characters
# that can start markup inside a line (with GitHub's tables, strikethrough and maths).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~$])")
# ... and these only at the start of a line: a list item, a setext underline.
_MD_LINE_START = re.compile(r"^(\s*(?=[-+=])|\s*\d+(?=[.)]))")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Anything `md` would change: one search decides whether it has work to do.
_MD_ANY = re.compile(r"[\\`*_\[\]<>|#&~$\x00-\x1f\x7f]|^\s*[-+=]|^\s*\d+[.)]")
# The terminal summary lists at most this many actors per proposal.
_TEXT_ACTORS = 12
# The reasons listed for one actor's position on one proposal. A curated map stays far
# below it (16 at most in the drug consumption rooms map); a coded dataset of thousands
# of statements would otherwise make the report a book.
_REASONS = 20


def md(text: str) -> str:
    """Escape `text` for Markdown: one line, every markup character backslash-escaped.

    >>> print(md("a *b* <i>|"), md("1. x"), md("- y"), md("2021-06"))
    a \\*b\\* \\<i\\>\\| 1\\. x \\- y 2021-06
    """
    if not _MD_ANY.search(text):
        return text  # most names and quotes: no substitution to make
    escaped = _MD_SPECIAL.sub(r"\\\1", _CONTROL.sub(" ", text))
    return _MD_LINE_START.sub(r"\1\\", escaped)


def _plain(text: str) -> str:
    # Terminal output: no control characters (an escape sequence in a map stays inert).
    return _CONTROL.sub(" ", text)


def signed(value: float) -> str:
    """A score with its sign and two decimals; zero (and rounding noise) is ` 0.00`.

    >>> signed(0.5), signed(-1.0), signed(-0.0001)
    ('+0.50', '-1.00', ' 0.00')
    """
    rounded = round(value, 2)
    return " 0.00" if rounded == 0 else f"{rounded:+.2f}"


def stand(position: PositionScore) -> str:
    """`for`, `against` or `undecided`, with `mixed, leaning ...` for a mixed actor.

    >>> stand(PositionScore(0.2, True, ()))
    'mixed, leaning for'
    """
    rounded = round(position.score, 2)
    side = "for" if rounded > 0 else "against" if rounded < 0 else "undecided"
    if not position.mixed:
        return side
    return "mixed, evenly balanced" if side == "undecided" else f"mixed, leaning {side}"


def render_markdown(amap: ArgumentMap, analysis: Analysis) -> str:
    """The whole report as GitHub-flavoured Markdown, ending in one newline."""
    sections = [
        _heading(amap),
        _positions_md(amap, analysis),
        _camps_md(amap, analysis),
        _contested_md(amap, analysis),
        _key_claims_md(amap, analysis),
        _acceptance_md(amap, analysis),
        _incoherent_md(amap, analysis),
    ]
    return "\n\n".join(s.rstrip("\n") for s in sections) + "\n"


def _heading(amap: ArgumentMap) -> str:
    lines = [f"# {md(amap.title)}", ""]
    if amap.description:
        lines += [md(amap.description), ""]
    lines.append(f"*{_counts(amap)}, analysed by argmap from `{_code(amap.path)}`.*")
    return "\n".join(lines)


def _counts(amap: ArgumentMap) -> str:
    return (
        f"{_n(len(amap.actors), 'actor')}, {_n(len(amap.claims), 'claim')}"
        f" ({_n(len(amap.proposals), 'proposal')}), {_n(len(amap.stances), 'stance')},"
        f" {_n(len(amap.relations), 'relation')} and {_n(len(amap.sources), 'source')}"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _code(text: str) -> str:
    # Inside a code span nothing is markup; only a backtick could end it.
    return _plain(text).replace("`", "'")


def _actor(amap: ArgumentMap, actor_id: str) -> str:
    actor = amap.actors_by_id.get(actor_id)
    return actor.name if actor else actor_id


def _names(amap: ArgumentMap, actors: Iterable[str]) -> list[str]:
    # Readers look for a name, so lists of actors are in name order (then id order).
    return [name for name, _ in sorted((_actor(amap, a), a) for a in actors)]


def _claim(amap: ArgumentMap, claim_id: str) -> str:
    claim = amap.claims_by_id.get(claim_id)
    return claim.display if claim else claim_id


def _by_proposal(analysis: Analysis) -> dict[str, list[tuple[str, PositionScore]]]:
    found: dict[str, list[tuple[str, PositionScore]]] = {}
    for actor, by_proposal in analysis.positions.items():
        for proposal, position in by_proposal.items():
            found.setdefault(proposal, []).append((actor, position))
    return found


def _ranked(
    amap: ArgumentMap, rows: Iterable[tuple[str, PositionScore]]
) -> list[tuple[str, PositionScore]]:
    return sorted(rows, key=lambda row: (-round(row[1].score, 4), _actor(amap, row[0]), row[0]))


def _positions_md(amap: ArgumentMap, analysis: Analysis) -> str:
    lines = [
        "## Where each actor stands",
        "",
        "A score runs from -1 (against the proposal) to +1 (for it): the weighted mean of the"
        " actor's stances on the proposal and on the claims that bear on it, each relation on"
        " the way halving the weight. *Mixed* marks an actor whose stances pull both ways."
        " The method is in docs/analysis.md.",
    ]
    if not amap.proposals:
        return "\n".join([*lines, "", "The map has no proposal."])
    by_proposal = _by_proposal(analysis)
    stances = {s.id: s for s in amap.stances}
    kinds = _relation_kinds(amap)
    for proposal in _proposals(amap, analysis):
        lines += ["", f"### {md(proposal.display)}", ""]
        if proposal.label:
            lines += [f"> {md(proposal.text)}", ""]
        rows = _ranked(amap, by_proposal.get(proposal.id, []))
        neutral = sorted(
            {s.actor for s in amap.stances if s.claim == proposal.id}
            - {actor for actor, _ in rows},
        )
        if not rows and not neutral:
            lines.append("No actor takes a side on this proposal.")
            continue
        if rows:
            lines += ["| Actor | Score | Stand |", "| --- | ---: | --- |"]
            lines += [
                f"| {md(_actor(amap, actor))} | {signed(p.score)} | {stand(p)} |"
                for actor, p in rows
            ]
        for actor, position in rows:
            lines += [
                "",
                f"**{md(_actor(amap, actor))}**: {stand(position)}, {signed(position.score)}",
                "",
            ]
            shown = _strongest(position.contributions)
            lines += [f"- {_contribution_md(amap, c, stances, kinds)}" for c in shown]
            if len(position.contributions) > len(shown):
                more = len(position.contributions) - len(shown)
                lines.append(
                    f"- ... and {more} weaker reasons"
                    " (`argmap export --format json` lists them all)"
                )
        if neutral:
            names = ", ".join(md(_actor(amap, a)) for a in neutral)
            lines += ["", f"Neutral: {names}."]
            for stance in amap.stances:
                if stance.claim == proposal.id and stance.actor in neutral:
                    lines.append(
                        f"- {md(_actor(amap, stance.actor))}: {_evidence_md(amap, stance)}"
                    )
    return "\n".join(lines)


def _strongest(contributions: tuple[Contribution, ...]) -> tuple[Contribution, ...]:
    """The `_REASONS` heaviest contributions, in their own order."""
    if len(contributions) <= _REASONS:
        return contributions
    keep = sorted(range(len(contributions)), key=lambda i: -contributions[i].weight)[:_REASONS]
    return tuple(contributions[i] for i in sorted(keep))


def _contribution_md(
    amap: ArgumentMap,
    c: Contribution,
    stances: Mapping[str, Stance],
    kinds: Mapping[tuple[str, str], str],
) -> str:
    stance = stances.get(c.stance)
    verb = stance.position.value if stance else "takes a stance on"
    route = "".join(
        f", which {kinds.get((origin, target), 'bears on')} *{md(_claim(amap, target))}*"
        for origin, target in zip(c.path, c.path[1:], strict=False)
    )
    effect = "for" if c.sign > 0 else "against"
    head = f"{verb} *{md(_claim(amap, c.claim))}*{route} ({effect}, weight {c.weight:g})"
    return f"{head}: {_evidence_md(amap, stance)}" if stance else head


def _relation_kinds(amap: ArgumentMap) -> dict[tuple[str, str], str]:
    kinds: dict[tuple[str, str], str] = {}
    for relation in amap.relations:
        # As in argmap.analysis.graph: where a pair is related both ways, the attack is kept.
        if kinds.get((relation.origin, relation.target)) != "attacks":
            kinds[relation.origin, relation.target] = relation.kind.value
    return kinds


def _evidence_md(amap: ArgumentMap, stance: Stance) -> str:
    said = "reported" if stance.reported else "said"
    words = f'{said} "{md(stance.quote)}"' if stance.quote else "reported, not quoted"
    source = amap.sources_by_id.get(stance.source)
    return f"{words} ({_source_md(source) if source else md(stance.source)})"


def _source_md(source: Source) -> str:
    title = md(source.title)
    url = source.url or ""
    if url.startswith(("https://", "http://")) and not re.search(r"[\s<>]", url):
        title = f"[{title}](<{url}>)"
    date = "undated" if source.date == UNKNOWN else md(source.date)
    publisher = "publisher unknown" if source.publisher == UNKNOWN else md(source.publisher)
    return f"{publisher}, {title}, {date}"


def _camp_lean(analysis: Analysis, camp: Iterable[str]) -> float | None:
    scores = [p.score for a in camp for p in analysis.positions.get(a, {}).values()]
    return sum(scores) / len(scores) if scores else None


def _camps_md(amap: ArgumentMap, analysis: Analysis) -> str:
    lines = [
        "## Camps",
        "",
        "Actors who take the same stance on a claim agree, actors who take opposite stances"
        " conflict (discourse network analysis; agreement minus conflict, normalisation:"
        f" {analysis.normalisation}). The camps are the split that leaves the least agreement"
        " across camps and the least conflict inside them (structural balance).",
        "",
    ]
    alone = _unaligned(analysis)
    for number, camp, mean in _numbered_camps(analysis, alone):
        leaning = f", mean score {signed(mean)}" if mean is not None else ""
        names = ", ".join(md(name) for name in _names(amap, camp))
        lines.append(f"{number}. {names} ({_n(len(camp), 'actor')}{leaning})")
    if alone:
        names = ", ".join(md(name) for name in _names(amap, alone))
        lines += ["", f"Unaligned (no position and no stance shared with anyone): {names}."]
    lines += ["", "**Frustration**: " + _frustration_md(amap, analysis)]
    return "\n".join(lines)


def _numbered_camps(
    analysis: Analysis, alone: set[str]
) -> list[tuple[int, tuple[str, ...], float | None]]:
    """The numbered camps (the analysis's one numbering), with their mean lean."""
    return [
        (camp.number, camp.members, _camp_lean(analysis, camp.members))
        for camp in analysis.camp_info
    ]


def _unaligned(analysis: Analysis) -> set[str]:
    return set(analysis.unaligned)


def _frustration_md(amap: ArgumentMap, analysis: Analysis) -> str:
    if not analysis.frustration:
        return "none. Every agreement lies inside a camp and every conflict between camps."
    weights = {(a, b): w for a, b, w in analysis.agreement}
    items = []
    for a, b in analysis.frustration:
        weight = weights.get((a, b), 0.0)
        kind = "agree but sit in different camps" if weight > 0 else "conflict inside one camp"
        items.append(f"- {md(_actor(amap, a))} and {md(_actor(amap, b))} {kind} ({signed(weight)})")
    count = len(analysis.frustration)
    verb = "breaks" if count == 1 else "break"
    return "\n".join([f"{_n(count, 'edge')} {verb} the balance.", "", *items])


def _contested_md(amap: ArgumentMap, analysis: Analysis) -> str:
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
        supporters = ", ".join(md(_actor(amap, a)) for a in c.supporters)
        opponents = ", ".join(md(_actor(amap, a)) for a in c.opponents)
        lines.append(
            f"| {md(_claim(amap, c.claim))} | {c.score:.2f} | {supporters} | {opponents} |"
        )
    return "\n".join(lines)


def _key_claims_md(amap: ArgumentMap, analysis: Analysis, top: int = 10) -> str:
    lines = [
        "## Key claims",
        "",
        "The claims the debate argues about most: PageRank on the relation graph, where"
        " each support or attack points from the arguing claim to the claim argued about.",
        "",
    ]
    ranked = sorted(analysis.centrality.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))
    if not ranked:
        return "\n".join([*lines, "The map has no claims."])
    lines += ["| Claim | Kind | Centrality |", "| --- | --- | ---: |"]
    for claim_id, value in ranked[:top]:
        claim = amap.claims_by_id.get(claim_id)
        kind = claim.kind.value if claim else ""
        lines.append(f"| {md(_claim(amap, claim_id))} | {kind} | {value:.3f} |")
    return "\n".join(lines)


def _acceptance_md(amap: ArgumentMap, analysis: Analysis) -> str:
    lines = [
        "## Which claims stand",
        "",
        "Grounded semantics (Dung) on the attacks between claims: a claim is *in* when every"
        " attacker is out, *out* when an attacker is in, and *undecided* otherwise. The"
        " bipolar column adds the attacks that support chains imply (supported and secondary"
        " attacks, after Cayrol and Lagasquie-Schiex). This weighs only the arguments in the"
        " map: a claim is out when an attack on it stands unanswered, whatever its truth.",
        "",
        "| Claim | Grounded | Bipolar |",
        "| --- | --- | --- |",
    ]
    for claim in amap.claims:
        grounded = analysis.acceptance.get(claim.id, "")
        bipolar = analysis.bipolar_acceptance.get(claim.id, "")
        lines.append(f"| {md(claim.display)} | {grounded} | {bipolar} |")
    if analysis.derived_attacks:
        lines += ["", "Derived attacks:", ""]
        lines += [
            f"- *{md(_claim(amap, a))}* attacks *{md(_claim(amap, b))}*"
            for a, b in analysis.derived_attacks
        ]
    return "\n".join(lines)


def _incoherent_md(amap: ArgumentMap, analysis: Analysis) -> str:
    lines = ["## Incoherent positions", ""]
    if not analysis.incoherent:
        return "\n".join([*lines, "No actor supports two claims one of which attacks the other."])
    for actor, claim, attacked in analysis.incoherent:
        lines.append(
            f"- {md(_actor(amap, actor))} supports both *{md(_claim(amap, claim))}* and"
            f" *{md(_claim(amap, attacked))}*, but the first attacks the second."
        )
    return "\n".join(lines)


def _proposals(amap: ArgumentMap, analysis: Analysis) -> list[Claim]:
    """Proposals with the most actors taking a side first, then by id."""
    sides: dict[str, int] = {}
    for by_proposal in analysis.positions.values():
        for proposal in by_proposal:
            sides[proposal] = sides.get(proposal, 0) + 1
    return sorted(amap.proposals, key=lambda p: (-sides.get(p.id, 0), p.id))


def render_text(amap: ArgumentMap, analysis: Analysis) -> str:
    """A short plain-text summary for the terminal, ending in one newline."""
    lines = [_plain(amap.title), _counts(amap)]
    by_proposal = _by_proposal(analysis)
    for proposal in _proposals(amap, analysis):
        lines += ["", _plain(proposal.display)]
        rows = _ranked(amap, by_proposal.get(proposal.id, []))
        for actor, p in rows[:_TEXT_ACTORS]:
            mixed = " (mixed)" if p.mixed else ""
            lines.append(f"  {signed(p.score)}  {_plain(_actor(amap, actor))}{mixed}")
        if len(rows) > _TEXT_ACTORS:
            lines.append(f"  ... and {len(rows) - _TEXT_ACTORS} more")
        if not rows:
            lines.append("  no actor takes a side")
    lines += ["", f"Camps (frustration: {len(analysis.frustration) or 'none'})"]
    alone = _unaligned(analysis)
    for number, camp, mean in _numbered_camps(analysis, alone):
        leaning = f" (mean {signed(mean)})" if mean is not None else ""
        lines.append(f"  {number}. {', '.join(map(_plain, _names(amap, camp)))}{leaning}")
    if alone:
        lines.append(f"  unaligned: {', '.join(map(_plain, _names(amap, alone)))}")
    lines += ["", "Most contested"]
    for c in analysis.contested[:3]:
        lines.append(
            f"  {c.score:.2f}  {_plain(_claim(amap, c.claim))}"
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
    names = ", ".join(_plain(_actor(amap, a)) for a in incoherent) or "none"
    lines.append(f"Incoherent: {names}")
    return "\n".join(lines) + "\n"
