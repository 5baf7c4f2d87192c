"""The outline view: the whole map as nested HTML lists, for reading, printing and find.

Each proposal lists the claims for and against it, each claim the claims and evidence
for and against it in turn, and under every claim who holds it, with their words and the
source. A claim reached a second time (the relations form a graph, not a tree) links to
its first entry instead of repeating it, so the outline grows linearly with the map.
Every user string goes through `html.escape`; only http(s) urls become links.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from html import escape

from argmap.analysis import Analysis
from argmap.model import ArgumentMap, Claim, ClaimKind, Position, RelationKind, Source, Stance
from argmap.render.views import camp_order

__all__ = ["outline_html", "safe_href", "score_words"]

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


def safe_href(url: str | None) -> str | None:
    """`url` if it is an http or https url (the only kind that becomes a link), else None."""
    if url is None:
        return None
    stripped = url.strip()
    scheme, sep, rest = stripped.partition("://")
    if (
        sep
        and scheme.lower() in ("http", "https")
        and rest
        and not any(c.isspace() for c in stripped)
    ):
        return stripped
    return None


def score_words(score: float) -> str:
    """A position score in words, e.g. 'for (+0.80)'."""
    if score > 0.33:
        word = "for"
    elif score < -0.33:
        word = "against"
    else:
        word = "divided"
    return f"{word} ({score:+.2f})"


@functools.lru_cache(maxsize=4096)  # called once per stance, for a handful of sources
def source_html(source: Source | None) -> str:
    """The source as 'Title, Publisher, date' with a link when the url is http(s)."""
    if source is None:
        return ""
    date = "date unknown" if source.date == "unknown" else escape(source.date)
    publisher = "publisher unknown" if source.publisher == "unknown" else escape(source.publisher)
    parts = f"<cite>{escape(source.title)}</cite>, {publisher}, {date}"
    href = safe_href(source.url)
    if href is not None:
        parts += f' <a href="{escape(href)}" rel="noopener noreferrer">link</a>'
    elif source.url:
        parts += f' <span class="o-url">{escape(source.url)}</span>'
    return parts


def _stance_html(stance: Stance, amap: ArgumentMap) -> str:
    actor = amap.actors_by_id.get(stance.actor)
    name = escape(actor.name if actor else stance.actor)
    verb = _POSITION_VERB[stance.position]
    sign = stance.position.mark
    if stance.quote:
        # Literal quote marks, not <q>: they survive copying and are read out.
        quote = f'<span class="o-quote">\u201c{escape(stance.quote)}\u201d</span>'
        words = f"{'reported: ' if stance.reported else ''}{quote}"
    else:
        words = "<em>reported, no quote</em>"
    date = f" ({escape(stance.date)})" if stance.date else ""
    src = source_html(amap.sources_by_id.get(stance.source))
    return (
        f'<li class="o-stance o-{stance.position.value}"><span class="o-sign" aria-hidden="true">'
        f"{sign}</span> <strong>{name}</strong> {verb} it{date}: {words}"
        f' <span class="o-src">\u2014 {src}</span></li>'
    )


class _Outline:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.done: set[str] = set()
        self.stances: dict[str, list[Stance]] = defaultdict(list)
        for stance in amap.stances:
            self.stances[stance.claim].append(stance)
        for items in self.stances.values():
            items.sort(key=lambda s: (_POSITION_ORDER[s.position], s.actor, s.id))
        self.arguing: dict[str, list[tuple[RelationKind, str]]] = defaultdict(list)
        for relation in sorted(amap.relations, key=lambda r: r.id):
            if relation.origin in amap.claims_by_id:
                self.arguing[relation.target].append((relation.kind, relation.origin))

    def claim(self, claim: Claim, out: list[str], depth: int, sign: str = "") -> None:
        anchor = f"o-{claim.id}"
        kind = _KIND_WORD[claim.kind]
        lead = f'<span class="o-rel">{sign}</span> ' if sign else ""
        if claim.id in self.done or depth > _MAX_DEPTH:
            out.append(
                f'<li>{lead}<span class="o-kind">{kind}</span> {escape(claim.text)}'
                f' <a href="#{escape(anchor)}">(see its entry)</a></li>'
            )
            return
        self.done.add(claim.id)
        source = self.amap.sources_by_id.get(claim.source or "")
        cite = f' <span class="o-src">\u2014 {source_html(source)}</span>' if source else ""
        out.append(
            f'<li id="{escape(anchor)}" class="o-{claim.kind.value}">'
            f'<p class="o-claim">{lead}<span class="o-kind">{kind}</span> '
            f'<span class="o-text">{escape(claim.text)}</span>{cite}</p>'
        )
        stances = self.stances.get(claim.id, [])
        if stances:
            out.append('<ul class="o-stances" aria-label="who holds it">')
            out.extend(_stance_html(s, self.amap) for s in stances)
            out.append("</ul>")
        arguing = self.arguing.get(claim.id, [])
        for kind_, heading, mark in (
            (RelationKind.SUPPORTS, "For", "+ for:"),
            (RelationKind.ATTACKS, "Against", "\u2212 against:"),
        ):
            children = [o for k, o in arguing if k is kind_]
            if not children:
                continue
            out.append(f'<p class="o-head">{heading}</p><ul class="o-args">')
            for child in children:
                self.claim(self.amap.claims_by_id[child], out, depth + 1, mark)
            out.append("</ul>")
        out.append("</li>")


def _actors_html(amap: ArgumentMap, analysis: Analysis) -> list[str]:
    out = ['<h3 id="o-actors">Actors by camp</h3>']
    proposals = {c.id: c for c in amap.proposals}
    camps = camp_order(analysis)
    in_camp = {a for camp in camps for a in camp}
    groups: list[tuple[str, Sequence[str]]] = [
        (f"Camp {i + 1}", camp) for i, camp in enumerate(camps)
    ]
    rest = sorted(a.id for a in amap.actors if a.id not in in_camp)
    if rest:
        groups.append(("In no camp", rest))
    for name, members in groups:
        out.append(f'<h4>{escape(name)} ({len(members)})</h4><ul class="o-actor-list">')
        for actor_id in members:
            actor = amap.actors_by_id.get(actor_id)
            if actor is None:
                continue
            bits = [escape(actor.kind.value)]
            if actor.role:
                bits.append(escape(actor.role))
            affiliations = [
                escape(amap.actors_by_id[a].name)
                for a in actor.affiliations
                if a in amap.actors_by_id
            ]
            if affiliations:
                bits.append("affiliated with " + ", ".join(affiliations))
            scores: Mapping[str, object] = analysis.positions.get(actor.id, {})
            for proposal_id in sorted(scores):
                score = analysis.positions[actor.id][proposal_id]
                if proposal_id in proposals:
                    mixed = ", mixed" if score.mixed else ""
                    bits.append(
                        f"on \u201c{escape(proposals[proposal_id].display)}\u201d: "
                        f"{score_words(score.score)}{mixed}"
                    )
            out.append(f"<li><strong>{escape(actor.name)}</strong> \u2014 {'; '.join(bits)}</li>")
        out.append("</ul>")
    return out


def outline_html(amap: ArgumentMap, analysis: Analysis) -> str:
    """The outline as an HTML fragment: proposals, their argument trees, then the rest."""
    outline = _Outline(amap)
    out = ['<h2 id="outline-title">Outline</h2>']
    out.append(
        '<p class="o-intro">Every proposal with the claims for and against it, the evidence'
        " under them, and who holds each claim, in their own words.</p>"
    )
    claims = sorted(amap.claims, key=lambda c: c.id)
    # The most argued-about proposal first (relations into it and stances on it).
    weight: dict[str, int] = defaultdict(int)
    for relation in amap.relations:
        weight[relation.target] += 1
    for stance in amap.stances:
        weight[stance.claim] += 1
    proposals = sorted(
        (c for c in claims if c.kind is ClaimKind.PROPOSAL), key=lambda c: (-weight[c.id], c.id)
    )
    if proposals:
        out.append('<ol class="o-tree">')
        for proposal in proposals:
            outline.claim(proposal, out, 0)
        out.append("</ol>")
    rest = [c for c in claims if c.id not in outline.done]
    # Roots of what is left: claims arguing about nothing left, so chains stay nested.
    arguing_left = {
        r.origin
        for r in amap.relations
        if r.target in {c.id for c in rest} and r.origin != r.target
    }
    if rest:
        out.append('<h3 id="o-other">Claims linked to no proposal</h3><ul class="o-tree">')
        for claim in [c for c in rest if c.id not in arguing_left] + rest:
            if claim.id not in outline.done:
                outline.claim(claim, out, 0)
        out.append("</ul>")
    out.extend(_actors_html(amap, analysis))
    return "\n".join(out)
