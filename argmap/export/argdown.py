"""The `argdown` export: the claims and their relations as an Argdown document.

Each claim is one statement, `[title]: text`, under a heading for its kind (Proposals,
Claims, Evidence). The title is the claim's label when it has one that Argdown can hold
as a title (words joined by single spaces, `,`, `'` or `-`) and no other claim or id
has; otherwise the claim's id. Kind, label, tags and the claim's id live in the
statement's YAML data block, not in its text, so the map's boxes show the text alone.
Each relation is written once, under the claim it comes from, as `+> [target]`
(supports) or `-> [target]` (attacks). An undercut denies an inference, and Argdown's
undercut (`_>`) targets an argument, so a relation that is undercut is written as an
argument titled by its id under "# Inferences": its claim supports it (`+> <id>`), it
supports or attacks the target (`+> [target]`, `-> [target]`), and the undercut is
`_> <id>`.

Actors are visible on the map: under each actor's heading, an argument titled by the
actor's name (`<Jo van Green>: councillor`) supports (`+>`) each claim the actor
supports and attacks (`->`) each claim the actor opposes; a neutral stance draws no
arrow. Every stance (actor, position, source, quote, reported, date, note) is kept in
its claim's data block, with the source, note and `inferred` flag of each relation
the claim argues in (`relations`), and each actor and source has a heading of its own with its
fields as data.

Text is escaped so that Argdown reads it back exactly: the characters that start
Argdown markup (links, references, tags, emphasis, comments, data, mentions) get a
backslash, and so do `.` and `:` before a non-space (they could open a shortcode such
as `.A.`) and a leading `=` (a line of `===` would open front matter). Runs of white
space, line breaks and U+2028/U+2029 included, become one space, since a statement is
one line. Data values are JSON strings, which YAML reads as they are, with `{` and `}`
written as `\\u007b` and `\\u007d` so Argdown's lexer never ends a data block inside a
string, and U+2028/U+2029 as `\\u2028`/`\\u2029` so no reader takes them for a line
break.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from argmap.analysis import Analysis
from argmap.model import ArgumentMap, Claim, ClaimKind, Position, Relation, RelationKind, Stance

__all__ = ["argdown", "data_block", "escape", "titles"]

# Characters that begin markup anywhere in Argdown text; see the module docstring.
_MARKUP = re.compile(r"[\\@#*_\[\]<>/{}]|[.:](?=\S)|^=")
_SPACE = re.compile(r"\s+")
# A tag in the `#(...)` form ends at the first `)`; other tags cannot hold one at all.
# A label Argdown reads as a title exactly: words joined by one space, ", ", ' or -.
_TITLE_SAFE = re.compile(r"[^\W_]+(?:(?:, |[ '’-])[^\W_]+)*[?!]?\Z")
_HEADINGS = (
    (ClaimKind.PROPOSAL, "Proposals"),
    (ClaimKind.CLAIM, "Claims"),
    (ClaimKind.EVIDENCE, "Evidence"),
)
_ARROWS = {RelationKind.SUPPORTS: "+>", RelationKind.ATTACKS: "->"}

Data = Mapping[str, object]


def escape(text: str) -> str:
    """Text as Argdown statement or heading text that Argdown reads back unchanged.

    >>> escape("See https://example.org: [1] #2")
    'See https\\\\:\\\\/\\\\/example\\\\.org: \\\\[1\\\\] \\\\#2'
    """
    return _MARKUP.sub(lambda m: "\\" + m.group(0), _SPACE.sub(" ", text).strip())


_JSON_ESCAPES = str.maketrans(
    {"{": "\\u007b", "}": "\\u007d", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


_EQUALS = "\\u003d"
_LAYOUT = 'dot: {graphVizSettings: {rankdir: "LR", size: "100,100"}}'


def titles(items: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """id -> the title Argdown shows: the label when safe and unique, else the id.

    >>> titles([("a", "Allow it"), ("b", "Same"), ("c", "Same"), ("d", "a"), ("e", "x]")])
    {'a': 'Allow it', 'b': 'b', 'c': 'c', 'd': 'd', 'e': 'e'}
    """
    pairs = list(items)
    ids = {item_id for item_id, _ in pairs}
    uses = Counter(label for _, label in pairs if label)
    result = {}
    for item_id, label in pairs:
        usable = label is not None and bool(_TITLE_SAFE.match(label)) and uses[label] == 1
        result[item_id] = label if label is not None and usable and label not in ids else item_id
    return result


def _value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)
    if isinstance(value, Mapping):
        return data_block(value)
    if isinstance(value, Iterable):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as Argdown data")


def data_block(data: Data) -> str:
    """A mapping as a one-line Argdown data block (YAML flow style), absent values left out.

    >>> data_block({"kind": "evidence", "label": None, "tags": ["a}b"]})
    '{kind: "evidence", tags: ["a\\\\u007db"]}'
    """
    items = [f"{key}: {_value(value)}" for key, value in data.items() if value is not None]
    return "{" + ", ".join(items) + "}"


def _stance_data(stance: Stance) -> dict[str, object]:
    return {
        "id": stance.id,
        "actor": stance.actor,
        "position": stance.position.value,
        "source": stance.source,
        "quote": stance.quote,
        "reported": stance.reported,
        "date": stance.date,
        "note": stance.note,
    }


def _claim_data(data: dict[str, object]) -> str:
    """The claim's data block with one stance a line, so a diff shows stances one by one.

    Argdown's lexer ends a data block at a `}` followed by white space and anything but
    `,` or `}`; each stance's `}` here is followed by `,` or, for the last, by `]}`.
    """
    stances = data.pop("stances")
    block = data_block(data)
    if not isinstance(stances, list):
        return block
    rows = ",\n    ".join(data_block(stance) for stance in stances)
    return f"{block[:-1]}, stances: [\n    {rows}]}}"


def _by_claim(
    amap: ArgumentMap,
) -> tuple[dict[str, list[Stance]], dict[str, list[Relation]]]:
    """Each claim's stances and the relations from it, in id order: made once, since
    looking them up claim by claim in the whole map grew with claims x stances."""
    stances: dict[str, list[Stance]] = defaultdict(list)
    for stance in sorted(amap.stances, key=lambda s: s.id):
        stances[stance.claim].append(stance)
    relations: dict[str, list[Relation]] = defaultdict(list)
    for relation in sorted(amap.relations, key=lambda r: r.id):
        relations[relation.origin].append(relation)
    return stances, relations


def _statement(
    claim: Claim,
    stances: Sequence[Stance],
    relations: Sequence[Relation],
    undercut: frozenset[str],
    title: Mapping[str, str],
) -> list[str]:
    """The claim's line, its data block, and an arrow per relation from it; `stances` and
    `relations` are the claim's own, in id order (`_by_claim`)."""
    # What an arrow cannot say: the relation's source, note and whether it is inferred.
    about = [
        {"id": r.id, "source": r.source, "note": r.note, "inferred": r.inferred or None}
        for r in relations
        if r.source or r.note or r.inferred
    ]
    data: dict[str, object] = {
        "id": claim.id,
        "kind": claim.kind.value,
        "label": claim.label,
        "source": claim.source,
        "tags": list(claim.tags) or None,
        "relations": about or None,
        "stances": [_stance_data(s) for s in stances] or None,
    }
    lines = [f"[{title[claim.id]}]: {escape(claim.text)}", f"  {_claim_data(data)}"]
    lines += [_arrow(r, undercut, title) for r in relations]
    return lines


def _arrow(relation: Relation, undercut: frozenset[str], title: Mapping[str, str]) -> str:
    """The line under a claim for one of its relations (module docstring)."""
    if relation.id in undercut:
        return f"  +> <{relation.id}>"
    if relation.kind is RelationKind.UNDERCUTS:
        return f"  _> <{relation.target}>"
    return f"  {_ARROWS[relation.kind]} [{title.get(relation.target, relation.target)}]"


def _inferences(amap: ArgumentMap, undercut: frozenset[str], title: Mapping[str, str]) -> list[str]:
    """The undercut relations as arguments, each with what it argues for or against."""
    labels = {c.id: c.display for c in amap.claims}
    lines: list[str] = []
    for relation in sorted((r for r in amap.relations if r.id in undercut), key=lambda r: r.id):
        target = labels.get(relation.target, relation.target)
        text = (
            f"{labels.get(relation.origin, relation.origin)}, so it {relation.kind.value} {target}"
        )
        if relation.kind is RelationKind.UNDERCUTS:
            arrow = f"  _> <{relation.target}>"
        else:
            arrow = f"  {_ARROWS[relation.kind]} [{title.get(relation.target, relation.target)}]"
        lines += [f"<{relation.id}>: {escape(text)}", arrow, ""]
    return lines


def _actors(amap: ArgumentMap, title: Mapping[str, str]) -> list[str]:
    """Each actor's heading, then its argument with an arrow per claim it takes a side on."""
    actors = sorted(amap.actors, key=lambda a: a.id)
    named = titles((a.id, a.name) for a in actors)
    arrows: dict[str, set[tuple[str, str]]] = {}
    for stance in amap.stances:
        arrow = {Position.SUPPORTS: "+>", Position.OPPOSES: "->"}.get(stance.position)
        if arrow and stance.claim in title:
            arrows.setdefault(stance.actor, set()).add((title[stance.claim], arrow))
    lines: list[str] = []
    for actor in actors:
        data = {
            "actor": actor.id,
            "name": actor.name,
            "kind": actor.kind.value,
            "role": actor.role,
            "affiliations": list(actor.affiliations) or None,
            "aliases": list(actor.aliases) or None,
        }
        lines += [f"## {escape(actor.name)} {data_block(data)}", ""]
        if actor.id in arrows:
            about = escape(actor.role or actor.kind.value)
            lines.append(f"<{named[actor.id]}>: {about} {data_block({'actor': actor.id})}")
            lines += [f"  {arrow} [{claim}]" for claim, arrow in sorted(arrows[actor.id])]
            lines.append("")
    return lines


def _front_matter(amap: ArgumentMap) -> list[str]:
    # JSON strings are YAML strings, so the title needs no YAML quoting rules of its own.
    # Argdown ends front matter at any `===`, even inside a string: `=` is escaped there.
    lines = ["===", f"title: {_value(amap.title).replace('=', _EQUALS)}"]
    # Graphviz shrinks the whole map into 10 x 10 inches by default (scale 0.06 for the
    # curated map, unreadable); left to right at up to 100 inches keeps the text at full
    # size on a page that scrolls.
    lines.append(_LAYOUT)
    if amap.description:
        lines.append(f"description: {_value(amap.description).replace('=', _EQUALS)}")
    return [*lines, "==="]


def argdown(amap: ArgumentMap, analysis: Analysis) -> str:
    """The map as Argdown text (see the module docstring); `analysis` is not used.

    Claims come in id order under their kind's heading, relations in id order under the
    claim they come from, then the actors and the sources, each in id order.

    >>> from argmap.analysis import analyse
    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(
    ...     title="t",
    ...     claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("r", "R")),
    ...     relations=(Relation("r/attacks/p", "r", "p", RelationKind.ATTACKS),),
    ... )
    >>> print(argdown(amap, analyse(amap)).split("# Claims")[1].strip())
    [r]: R
      {id: "r", kind: "claim"}
      -> [p]
    """
    lines = [*_front_matter(amap), ""]
    undercut = frozenset(r.target for r in amap.relations if r.kind is RelationKind.UNDERCUTS)
    title = titles((c.id, c.label) for c in sorted(amap.claims, key=lambda c: c.id))
    stances, relations = _by_claim(amap)
    for kind, heading in _HEADINGS:
        claims = sorted((c for c in amap.claims if c.kind is kind), key=lambda c: c.id)
        if claims:
            lines += [f"# {heading}", ""]
            for claim in claims:
                lines += [
                    *_statement(claim, stances[claim.id], relations[claim.id], undercut, title),
                    "",
                ]
    if undercut:
        lines += ["# Inferences", "", *_inferences(amap, undercut, title)]
    if amap.actors:
        lines += ["# Actors", "", *_actors(amap, title)]
    if amap.sources:
        lines += ["# Sources", ""]
        for source in sorted(amap.sources, key=lambda s: s.id):
            data = {
                "source": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "date": source.date,
                "url": source.url,
            }
            lines += [f"## {escape(source.title)} {data_block(data)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
