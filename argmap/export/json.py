"""The `json` export: the whole map and its analysis, for scripts.

The document's shape is a stable contract, described in docs/json.md and marked by
`"format": "argmap/2"`. The same map always gives byte-identical output: object keys are
sorted, lists keep the map's order (or a documented ranking), and floats are rounded to
four decimals.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from argmap.analysis import Analysis, PositionScore
from argmap.analysis.camps import Agreement
from argmap.model import ArgumentMap

__all__ = ["FORMAT", "dump_parts", "dumps", "to_json_data"]

#: The contract's name and version; a change that breaks readers bumps the number.
FORMAT = "argmap/2"
_DECIMALS = 4


def _num(value: float) -> float:
    # Rounding makes the output independent of summation noise; `+ 0.0` turns -0.0 into 0.0.
    return round(float(value), _DECIMALS) + 0.0


def to_json_data(amap: ArgumentMap, analysis: Analysis) -> dict[str, Any]:
    """The map and analysis as plain JSON-ready data, following docs/json.md.

    The parsed text of `dumps`: plain dicts, lists, strings and numbers, with the
    document's own key order (sorted). One builder serves both, so the data and the
    text cannot drift apart.

    >>> from argmap.analysis import analyse
    >>> from argmap.model import ArgumentMap, Claim, ClaimKind
    >>> amap = ArgumentMap(title="t", claims=(Claim("p", "P", ClaimKind.PROPOSAL),))
    >>> data = to_json_data(amap, analyse(amap))
    >>> data["format"], data["claims"][0]["id"], data["analysis"]["acceptance"]
    ('argmap/2', 'p', {'p': 'in'})
    """
    found: dict[str, Any] = json.loads(dumps(amap, analysis))
    return found


# `_document` is only ever encoded (by `dumps`), so it hands the encoder the map's own
# values wherever the encoder writes them as it would their plain copies: a tuple is
# written as a JSON array, and a kind or position (a `StrEnum`, so a `str`) as its value.
# That spares a list per tag list, path and side, and the enum `.value` lookups, which
# are Python-level descriptors: one per stance, claim and relation.


def _document(amap: ArgumentMap, analysis: Analysis) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "title": amap.title,
        "description": amap.description,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "date": s.date,
                "url": s.url,
                "file": s.file,
            }
            for s in amap.sources
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "affiliations": a.affiliations,
                "aliases": a.aliases,
            }
            for a in amap.actors
        ],
        "claims": [
            {
                "id": c.id,
                "kind": c.kind,
                "text": c.text,
                "label": c.label,
                "source": c.source,
                "tags": c.tags,
            }
            for c in amap.claims
        ],
        "stances": [
            {
                "id": s.id,
                "actor": s.actor,
                "claim": s.claim,
                "position": s.position,
                "source": s.source,
                "quote": s.quote,
                "reported": s.reported,
                "date": s.date,
                "note": s.note,
            }
            for s in amap.stances
        ],
        "relations": [
            {
                "id": r.id,
                "from": r.origin,
                "to": r.target,
                "kind": r.kind,
                "source": r.source,
                "inferred": r.inferred,
                "note": r.note,
            }
            for r in amap.relations
        ],
        "analysis": _analysis_data(analysis),
    }


#: Stands in for the agreement list while `dumps` encodes the rest (see there).
_PAIRS = "\x00argmap-agreement-pairs\x00"


def _analysis_data(analysis: Analysis) -> dict[str, Any]:
    return {
        "question": analysis.question,
        "positions": _scores(analysis.positions),
        "inferred_positions": _scores(analysis.inferred_positions),
        "position_details": {
            actor: {proposal: _position(p) for proposal, p in by_proposal.items()}
            for positions in (analysis.positions, analysis.inferred_positions)
            for actor, by_proposal in positions.items()
        },
        "sides": {
            proposal: {
                "for": s.for_,
                "against": s.against,
                "mixed": s.mixed,
                "neutral": s.neutral,
            }
            for proposal, s in analysis.sides.items()
        },
        "stance_sides": {p: dict(by) for p, by in analysis.stance_sides.items()},
        "normalisation": analysis.normalisation,
        "agreement": _PAIRS,
        "camps": [
            {
                "number": camp.number,
                "members": camp.members,
                "side": camp.side,
                "proposal": camp.proposal,
                "mean": None if camp.mean is None else _num(camp.mean),
                "stated": camp.stated,
            }
            for camp in analysis.camp_info
        ],
        "unaligned": analysis.unaligned,
        "frustration": analysis.frustration,
        "contested": [
            {
                "claim": c.claim,
                "score": _num(c.score),
                "supporters": c.supporters,
                "opponents": c.opponents,
            }
            for c in analysis.contested
        ],
        "centrality": _numbers(analysis.centrality),
        "acceptance": dict(analysis.acceptance),
        "acceptance_reasons": dict(analysis.acceptance_reasons),
        "bipolar_acceptance": dict(analysis.bipolar_acceptance),
        "bipolar_reasons": dict(analysis.bipolar_reasons),
        "strength": _numbers(analysis.strength),
        "disabled_relations": analysis.disabled_relations,
        "derived_attacks": analysis.derived_attacks,
        "incoherent": [
            {"actor": actor, "claim": claim, "attacks": attacked}
            for actor, claim, attacked in analysis.incoherent
        ],
    }


def _scores(positions: Mapping[str, Mapping[str, PositionScore]]) -> dict[str, dict[str, float]]:
    return {
        actor: {proposal: _num(p.score) for proposal, p in by_proposal.items()}
        for actor, by_proposal in positions.items()
    }


def _numbers(values: Mapping[str, float]) -> dict[str, float]:
    # `_num` written out: one Python call fewer per claim, twice per claim.
    return {key: round(float(value), _DECIMALS) + 0.0 for key, value in values.items()}


def _position(position: PositionScore) -> dict[str, Any]:
    return {
        "score": _num(position.score),
        "mixed": position.mixed,
        "contributions": [
            {
                "stance": c.stance,
                "claim": c.claim,
                "path": c.path,
                "sign": c.sign,
                "weight": _num(c.weight),
                "relations": c.relations,
                "sources": c.sources,
                "stated": c.stated,
            }
            for c in position.contributions
        ],
    }


def dumps(amap: ArgumentMap, analysis: Analysis) -> str:
    """The JSON document as text: compact, sorted keys, UTF-8, one final newline.

    `dump_parts` joined: a caller that writes the text should write the parts.
    """
    return "".join(dump_parts(amap, analysis))


def dump_parts(amap: ArgumentMap, analysis: Analysis) -> list[str]:
    """The JSON document's text in consecutive parts (`argmap.fsutil.Text`), never joined.

    Compact because indenting sends `json` down its pure-Python encoder, which is ten
    times slower on a big map (12 s instead of 1 s at 20,000 stances); `jq .` or
    `python -m json.tool` shows it indented.

    The agreement list is written as text, not encoded from a dict per pair: on a big map
    it has millions of pairs (2.76 M at 100,000 stances), and those dicts took most of
    the export's memory (2.7 GiB at 100,000 stances). The text is what `json.dumps`
    writes for them, byte for byte. It stays in chunks between the text before and after
    it: putting it in place (`str.replace`), then adding the final newline, copied the
    whole 300 MB document twice at 100,000 stances, and encoding it at once for the file
    a third time (2 GiB peak, 3 s of it in `replace`).
    """
    from argmap.load.gcpause import paused_gc

    # A dict or list per entry, none of them in a cycle: with the collector on, making
    # them walked the whole loaded map and analysis again, several times over.
    with paused_gc():
        data = _document(amap, analysis)
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        del data
        placeholder = json.dumps(_PAIRS, ensure_ascii=False)
        # The first '"agreement":' followed by the placeholder, as `replace(..., 1)` found it.
        start = text.index('"agreement":' + placeholder) + len('"agreement":')
        head, tail = text[:start], text[start + len(placeholder) :]
        del text
        return [head, *_pairs_parts(analysis.agreement), tail, "\n"]


def _pairs_json(pairs: Iterable[tuple[str, str, float]]) -> str:
    """`json.dumps([{"actors": [a, b], "weight": _num(w)}, ...])`, compact, sorted keys."""
    return "".join(_pairs_parts(pairs))


def _pairs_parts(pairs: Iterable[tuple[str, str, float]]) -> list[str]:
    """`_pairs_json`'s text in parts: a chunk of pairs each, with the brackets and commas
    between them."""
    if isinstance(pairs, Agreement):
        # Each actor's and each distinct weight's JSON written once, then every pair
        # is one C-level format of three of them, a chunk of pairs at a time.
        names = [json.dumps(actor, ensure_ascii=False) for actor in pairs.actors]
        numbers = [json.dumps(_num(weight)) for weight in pairs.values]
        pair = '{{"actors":[{},{}],"weight":{}}}'.format
        parts = ["["]
        for first, second, weight in pairs.columns():
            if len(parts) > 1:
                parts.append(",")
            parts.append(
                ",".join(
                    map(
                        pair,
                        map(names.__getitem__, first),
                        map(names.__getitem__, second),
                        map(numbers.__getitem__, weight),
                    )
                )
            )
        parts.append("]")
        return parts
    texts: dict[str, str] = {}
    number_texts: dict[float, str] = {}

    def name(actor: str) -> str:
        if (text := texts.get(actor)) is None:
            text = texts[actor] = json.dumps(actor, ensure_ascii=False)
        return text

    def number(weight: float) -> str:
        if (text := number_texts.get(weight)) is None:
            text = number_texts[weight] = json.dumps(_num(weight))
        return text

    items = (
        '{"actors":[' + name(a) + "," + name(b) + '],"weight":' + number(w) + "}"
        for a, b, w in pairs
    )
    return ["[" + ",".join(items) + "]"]
