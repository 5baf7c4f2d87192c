"""The outline view: the whole map as nested HTML lists, for reading, printing and find.

Each proposal lists the claims for and against it, each claim the claims and evidence
for and against it in turn, and under every claim who holds it, with their words and the
source. A claim reached a second time (the relations form a graph, not a tree) links to
its first entry instead of repeating it, so the outline grows linearly with the map.
The markup is the template `templates/outline.html`, autoescaped: no user string reaches it
unescaped. Only http(s) urls become links. The outline opens with the same summary as the
report (`argmap.render.summary`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from argmap.analysis import Analysis, PositionScore
from argmap.load.gcpause import paused_gc
from argmap.model import (
    UNKNOWN,
    Actor,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    RelationKind,
    Stance,
)
from argmap.render.markup import esc, source_html
from argmap.render.summary import (
    Summary,
    actor_name,
    by_name,
    numbered_camps,
    shown_positions,
    stand,
    summarise,
)
from argmap.text import signed

__all__ = ["outline_html", "outline_parts", "score_words"]

# Deeper chains continue as separate entries at the end: keeps the HTML nesting (and this
# module's recursion) shallow whatever the map.
_MAX_DEPTH = 12

_POSITION_VERB = {
    Position.SUPPORTS: "supports",
    Position.OPPOSES: "opposes",
    Position.NEUTRAL: "is neutral on",
}
_POSITION_ORDER = {Position.SUPPORTS: 0, Position.OPPOSES: 1, Position.NEUTRAL: 2}
_KIND_WORD = {
    ClaimKind.PROPOSAL: "Proposal",
    ClaimKind.CLAIM: "Claim",
    ClaimKind.EVIDENCE: "Evidence",
}


def score_words(score: float) -> str:
    """A position score in words, e.g. 'for (+0.80)'."""
    if score > 0.33:
        word = "for"
    elif score < -0.33:
        word = "against"
    else:
        word = "divided"
    return f"{word} ({score:+.2f})"


@dataclass(slots=True)
class Entry:
    """One claim in the outline: its stances and the claims for and against it, or, for a
    claim already shown (`ref`), a link to its first entry."""

    claim: Claim
    mark: str  # "" at the top, else the relation to the parent: "+ for:" or "− against:"
    ref: bool = False
    stances: list[Stance] = field(default_factory=list)
    groups: list[tuple[str, list[Entry]]] = field(default_factory=list)  # ("For", entries)
    # The claims that undercut the link from this entry to its parent, and whether an
    # accepted one disables the link: (claim, disabled).
    cuts: list[tuple[Claim, bool]] = field(default_factory=list)
    # A proposal's stated sides, `analysis.sides[...].summary()`: the count the page's
    # tooltip and panel and the report give.
    sides: str = ""


class _Outline:
    def __init__(self, amap: ArgumentMap, disabled: frozenset[str] = frozenset()) -> None:
        self.amap = amap
        self.disabled = disabled
        self.done: set[str] = set()
        self.stances: dict[str, list[Stance]] = defaultdict(list)
        for stance in amap.stances:
            self.stances[stance.claim].append(stance)
        for items in self.stances.values():
            # Most claims have one stance, and a sort computes its key even for one item.
            if len(items) > 1:
                items.sort(key=lambda s: (_POSITION_ORDER[s.position], s.actor, s.id))
        self.claims = amap.claims_by_id
        # Target -> the (origin, relation id) of each `_ARGUING` kind, in its order.
        self.arguing: dict[str, tuple[list[tuple[str, str]], ...]] = {}
        self.cut_by: dict[str, list[str]] = defaultdict(list)
        group = {kind: i for i, (kind, _, _) in enumerate(_ARGUING)}
        for relation in sorted(amap.relations, key=attrgetter("id")):
            if relation.origin not in self.claims:
                continue
            if relation.kind is RelationKind.UNDERCUTS:
                self.cut_by[relation.target].append(relation.origin)
                continue
            groups = self.arguing.get(relation.target)
            if groups is None:
                groups = self.arguing[relation.target] = tuple([] for _ in _ARGUING)
            groups[group[relation.kind]].append((relation.origin, relation.id))

    def entry(self, claim: Claim, depth: int, mark: str = "") -> Entry:
        if claim.id in self.done or depth > _MAX_DEPTH:
            return Entry(claim, mark, ref=True)
        self.done.add(claim.id)
        entry = Entry(claim, mark, stances=self.stances.get(claim.id, []))
        groups = self.arguing.get(claim.id)
        if groups is None:
            return entry
        claims = self.claims
        for (_, heading, sign), children in zip(_ARGUING, groups, strict=True):
            if children:
                entries = []
                for origin, relation in children:
                    child = self.entry(claims[origin], depth + 1, sign)
                    cutters = self.cut_by.get(relation)
                    if cutters:
                        cut = relation in self.disabled
                        child.cuts = [(claims[c], cut) for c in cutters]
                    entries.append(child)
                entry.groups.append((heading, entries))
        return entry


# The order and the words of the groups under a claim: what supports it, then what
# attacks it, each entry marked with its sign so the relation never rests on colour.
_ARGUING = (
    (RelationKind.SUPPORTS, "For", "+ for:"),
    (RelationKind.ATTACKS, "Against", "\u2212 against:"),
)


def _tree(
    amap: ArgumentMap, disabled: frozenset[str] = frozenset()
) -> tuple[list[Entry], list[Entry]]:
    """The proposals' trees, then the trees of the claims linked to no proposal
    (`disabled`: the relations an accepted undercut disables)."""
    outline = _Outline(amap, disabled)
    claims = sorted(amap.claims, key=attrgetter("id"))
    # The most argued-about proposal first (relations into it and stances on it).
    weight: dict[str, int] = defaultdict(int)
    for relation in amap.relations:
        weight[relation.target] += 1
    for stance in amap.stances:
        weight[stance.claim] += 1
    proposals = sorted(
        (c for c in claims if c.kind is ClaimKind.PROPOSAL), key=lambda c: (-weight[c.id], c.id)
    )
    tops = [outline.entry(p, 0) for p in proposals]
    rest = [c for c in claims if c.id not in outline.done]
    # Roots of what is left: claims arguing about nothing left, so chains stay nested.
    left = {c.id for c in rest}
    arguing_left = {r.origin for r in amap.relations if r.target in left and r.origin != r.target}
    others = [
        outline.entry(claim, 0)
        for claim in [c for c in rest if c.id not in arguing_left] + rest
        if claim.id not in outline.done
    ]
    return tops, others


def _actor_groups(
    amap: ArgumentMap, analysis: Analysis
) -> list[tuple[str, list[tuple[Actor, list[tuple[Claim, PositionScore]]]]]]:
    """Actors by camp, numbered and named as in the report, then the unaligned."""
    groups = []
    positions = shown_positions(analysis)
    camps = numbered_camps(amap, analysis)
    placed = {a for camp in camps for a in camp.members}
    members = [(f"Camp {c.number}: {c.title}", list(c.members)) for c in camps]
    rest = by_name(amap, (a.id for a in amap.actors if a.id not in placed))
    if rest:
        members.append(("Unaligned", list(rest)))
    for title, actor_ids in members:
        rows = []
        for actor_id in actor_ids:
            actor = amap.actors_by_id.get(actor_id)
            if actor is None:
                continue
            scores = positions.get(actor_id, {})
            shown = [
                (amap.claims_by_id[p], scores[p]) for p in sorted(scores) if p in amap.claims_by_id
            ]
            rows.append((actor, shown))
        groups.append((title, rows))
    return groups


def _cite(amap: ArgumentMap, source_id: str) -> str:
    source = amap.sources_by_id.get(source_id)
    if source is None:
        return source_id
    publisher = "publisher unknown" if source.publisher == UNKNOWN else source.publisher
    return f"{publisher}, {source.title}"


def outline_html(amap: ArgumentMap, analysis: Analysis, summary: Summary | None = None) -> str:
    """The outline as an HTML fragment: the summary, the proposals with their argument
    trees, the claims linked to no proposal, then the actors by camp. `summary` is
    `summarise`'s, when the caller has it.

    The template `templates/outline.html` holds the page's frame and the summary; the
    trees and the actors, most of its bytes, are built by `_Markup`, every value through
    `argmap.render.markup.esc`."""
    return "".join(outline_parts(amap, analysis, summary))


def outline_parts(
    amap: ArgumentMap, analysis: Analysis, summary: Summary | None = None
) -> list[str]:
    """`outline_html`'s fragment as parts to be written one after the other, never joined
    (at 100,000 stances the whole is 67 million characters)."""
    # The tree is an object per claim and a list per group, all alive until the page is
    # written: the cyclic collector walking them and the whole map meanwhile cost a fifth.
    with paused_gc():
        return _outline_parts(amap, analysis, summary)


def _outline_parts(amap: ArgumentMap, analysis: Analysis, summary: Summary | None) -> list[str]:
    from argmap.render.report import rstrip_parts, verdict_parts
    from argmap.render.templates import render_parts

    tops, others = _tree(amap, frozenset(analysis.disabled_relations))
    for top in tops:
        if not top.ref and top.claim.id in analysis.sides:
            top.sides = analysis.sides[top.claim.id].summary()
    summary = summarise(amap, analysis) if summary is None else summary
    html = _Markup(amap)
    parts = render_parts(
        "outline.html",
        {
            "tops_html": html.entries(tops),
            "others_html": html.entries(others),
            "actors_html": html.actor_groups(_actor_groups(amap, analysis)),
        },
        summary=summary,
        verdict=verdict_parts(summary.verdict) if summary.verdict else [],
        # Only whether there are any: Jinja2's context is freed by the collector, not at
        # once, and holding the trees (23,000 entries on the debate) it kept them too, for
        # a collection to walk after the outline and another to free.
        tops=bool(tops),
        others=bool(others),
        name=lambda a: actor_name(amap, a),
        claim=lambda c: amap.claims_by_id[c].display if c in amap.claims_by_id else c,
        cite=lambda source_id: _cite(amap, source_id),
        camp_names=5,
    )
    return rstrip_parts(parts, "\n")


def _lead(mark: str) -> str:
    return f'<span class="o-rel">{esc(mark)}</span> ' if mark else ""


def _head(heading: str) -> str:
    return f'<p class="o-head">{esc(heading)}</p><ul class="o-args">\n'


# What every entry or stance of a kind repeats, written once: the same markup, each
# value through `esc` as everywhere else.
_LEADS = {sign: _lead(sign) for _, _, sign in _ARGUING} | {"": ""}
_HEADS = {heading: _head(heading) for _, heading, _ in _ARGUING}
_KIND_CLASS = {kind: esc(kind.value) for kind in ClaimKind}
_STANCE_OPEN = {
    position: f'<li class="o-stance o-{esc(position.value)}"><span class="o-sign"'
    f' aria-hidden="true">{esc(position.mark)}</span> <strong>'
    for position in Position
}


class _Markup:
    """The outline's entries and actors as markup, the bytes the template's macro wrote.
    Every value from the map goes through `esc`; names and sources are escaped once."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.names = {a: esc(actor.name) for a, actor in amap.actors_by_id.items()}
        self.sources: dict[str, str] = {}
        self.dates: dict[str, str] = {}  # a stance's date as written: a few thousand on any map
        # A stance's markup before its date, by (actor, position), and after its words, by
        # source: a fifth and a fortieth as many as the stances on the debate of 20,000.
        self.openings: dict[tuple[str, str], str] = {}
        self.endings: dict[str, str] = {}

    def name(self, actor: str) -> str:
        found = self.names.get(actor)
        return esc(actor) if found is None else found

    def date(self, date: str) -> str:
        """`f" ({esc(date)})"`, once per distinct date."""
        found = self.dates.get(date)
        if found is None:
            found = self.dates[date] = f" ({esc(date)})"
        return found

    def source(self, source_id: str) -> str:
        found = self.sources.get(source_id)
        if found is None:
            source = self.amap.sources_by_id.get(source_id)
            found = self.sources[source_id] = source_html(source, UNKNOWN)
        return found

    def entries(self, entries: list[Entry]) -> list[str]:
        out: list[str] = []
        for entry in entries:
            self._entry(entry, out)
            out.append("\n")
        return out

    def _entry(self, e: Entry, out: list[str]) -> None:
        claim = e.claim
        lead = _LEADS[e.mark] if e.mark in _LEADS else _lead(e.mark)
        cut = (
            "".join(
                [
                    f'<p class="o-cut">\u2298 This link is undercut by \u201c{esc(c.display)}\u201d'
                    f"{': disabled, it no longer counts' if off else ''}.</p>"
                    for c, off in e.cuts
                ]
            )
            if e.cuts
            else ""
        )
        kind = _KIND_WORD[claim.kind]
        if e.ref:
            out.append(
                f'<li>{lead}<span class="o-kind">{kind}</span> {esc(claim.text)}'
                f' <a href="#o-{esc(claim.id)}">(see its entry)</a>{cut}</li>\n'
            )
            return
        cited = ""
        if claim.source and claim.source in self.amap.sources_by_id:
            cited = f' <span class="o-src">\u2014 {self.source(claim.source)}</span>'
        out.append(
            f'<li id="o-{esc(claim.id)}" class="o-{_KIND_CLASS[claim.kind]}">\n'
            f'<p class="o-claim">{lead}<span class="o-kind">{kind}</span>'
            f' <span class="o-text">{esc(claim.text)}</span>{cited}</p>\n{cut}'
        )
        if e.sides:
            out.append(f'<p class="o-sides">Stated positions: {esc(e.sides)}</p>\n')
        if e.stances:
            out.append('<ul class="o-stances" aria-label="who holds it">\n')
            out.extend(map(self._stance, e.stances))
            out.append("</ul>\n")
        for heading, children in e.groups:
            out.append(_HEADS[heading] if heading in _HEADS else _head(heading))
            for child in children:
                self._entry(child, out)
                out.append("\n")
            out.append("</ul>\n")
        out.append("</li>\n")

    def _stance(self, st: Stance) -> str:
        opening = self.openings.get((st.actor, st.position))
        if opening is None:
            opening = self.openings[st.actor, st.position] = (
                f"{_STANCE_OPEN[st.position]}{self.name(st.actor)}</strong>"
                f" {_POSITION_VERB[st.position]} it"
            )
        ending = self.endings.get(st.source)
        if ending is None:
            ending = self.endings[st.source] = (
                f' <span class="o-src">\u2014 {self.source(st.source)}</span></li>\n'
            )
        date = self.date(st.date) if st.date else ""
        if st.quote:
            reported = "reported: " if st.reported else ""
            words = f'{reported}<span class="o-quote">\u201c{esc(st.quote)}\u201d</span>'
        else:
            words = "<em>reported, no quote</em>"
        return f"{opening}{date}: {words}{ending}"

    def actor_groups(
        self, groups: list[tuple[str, list[tuple[Actor, list[tuple[Claim, PositionScore]]]]]]
    ) -> list[str]:
        out: list[str] = []
        known = self.amap.actors_by_id
        for title, rows in groups:
            out.append(f'<h4>{esc(title)} ({len(rows)})</h4><ul class="o-actor-list">\n')
            for actor, shown in rows:
                role = f"; {esc(actor.role)}" if actor.role else ""
                affiliated = ", ".join(self.name(a) for a in actor.affiliations if a in known)
                with_ = f"; affiliated with {affiliated}" if affiliated else ""
                on = "".join(
                    f"; on \u201c{esc(c.display)}\u201d: {esc(stand(p))}, {esc(signed(p.score))}"
                    for c, p in shown
                )
                out.append(
                    f'<li id="o-actor-{esc(actor.id)}"><strong>{esc(actor.name)}</strong>'
                    f" \u2014 {esc(actor.kind.value)}{role}{with_}{on}</li>\n"
                )
            out.append("</ul>\n")
        return out
