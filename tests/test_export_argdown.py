"""Argdown: exact text for a small map, escaping, and the real Argdown CLI reading it back.

The CLI tests need node and npm (the CLI is installed into .cache/argdown on first use);
without them they skip on a developer's machine and fail in CI.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from argmap.analysis import analyse
from argmap.export.argdown import argdown, data_block, escape, titles
from argmap.load import load_file, loads
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Stance,
)

from .export_helpers import CURATED, argdown_binary, bench_roundtrip, tricky

SMALL = """
title: Small
sources:
  gazette: {title: Gazette, publisher: G, date: 2024-03-01}
actors:
  jo: {name: Jo Green, kind: person, role: councillor}
claims:
  p: {kind: proposal, text: "Allow it", label: Allow}
  r: {text: "It saves lives", tags: [health]}
stances:
  - {actor: jo, supports: p, source: gazette, quote: "Yes, now."}
relations:
  - {from: r, supports: p}
"""


def test_small_map_exact_text() -> None:
    amap = loads(SMALL).map
    assert argdown(amap, analyse(amap)) == (
        "===\n"
        'title: "Small"\n'
        'dot: {graphVizSettings: {rankdir: "LR", size: "100,100"}}\n'  # a legible map
        "===\n"
        "\n"
        "# Proposals\n"
        "\n"
        "[Allow]: Allow it\n"  # the label is the title; kind and id are data
        '  {id: "p", kind: "proposal", label: "Allow", stances: [\n'
        '    {id: "jo/supports/p", actor: "jo", position: "supports", source: "gazette",'
        ' quote: "Yes, now.", reported: false}]}\n'
        "\n"
        "# Claims\n"
        "\n"
        "[r]: It saves lives\n"  # no label: the id; the tag stays in data
        '  {id: "r", kind: "claim", tags: ["health"]}\n'
        "  +> [Allow]\n"
        "\n"
        "# Actors\n"
        "\n"
        '## Jo Green {actor: "jo", name: "Jo Green", kind: "person", role: "councillor"}\n'
        "\n"
        '<Jo Green>: councillor {actor: "jo"}\n'  # the actor on the map, with its side
        "  +> [Allow]\n"
        "\n"
        "# Sources\n"
        "\n"
        '## Gazette {source: "gazette", title: "Gazette", publisher: "G", date: "2024-03-01"}\n'
    )


def test_titles_are_labels_only_when_safe_and_unique() -> None:
    pairs = [("a", "Allow it"), ("b", "Same"), ("c", "Same"), ("d", "a"), ("e", "x]"),
             ("f", "DCRs, now?"), ("g", "==="), ("h", "line\u2028break"), ("i", None)]  # fmt: skip
    assert titles(pairs) == {
        "a": "Allow it", "b": "b", "c": "c", "d": "d", "e": "e", "f": "DCRs, now?",
        "g": "g", "h": "h", "i": "i",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words, and more; end.", "plain words, and more; end."),
        ("a [ref] <arg> #tag @x", r"a \[ref\] \<arg\> \#tag \@x"),
        ("http://x.org/a_b", r"http\:\/\/x\.org\/a\_b"),
        ("*bold* {data} \\", r"\*bold\* \{data\} \\"),
        ("U.A.E. 3.5 :A:", r"U\.A\.E. 3\.5 \:A:"),
        ("two\n lines\t here ", "two lines here"),
        ("===", r"\==="),
        ("a\u2028b\u2029c", "a b c"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_data_block_keeps_braces_out_of_strings() -> None:
    block = data_block({"quote": 'a} b {c "d"\nе', "n": None, "flag": True, "list": ["x"]})
    assert block == r'{quote: "a\u007d b \u007bc \"d\"\nе", flag: true, list: ["x"]}'


def test_tags_stay_in_data_not_in_the_text() -> None:
    claim = Claim("c", "C", tags=("ok tag", "bad)tag"))
    amap = ArgumentMap(title="t", claims=(claim,))
    text = argdown(amap, analyse(amap))
    assert "[c]: C\n" in text
    assert 'tags: ["ok tag", "bad)tag"]' in text


def test_line_separators_and_front_matter_delimiters_are_escaped() -> None:
    block = data_block({"quote": "a\u2028b\u2029"})
    assert block == r'{quote: "a\u2028b\u2029"}'
    amap = ArgumentMap(title="===", description="x\n===\ny", claims=(Claim("c", "==="),))
    text = argdown(amap, analyse(amap))
    assert text.startswith('===\ntitle: "\\u003d\\u003d\\u003d"\ndot: ')
    assert '\ndescription: "x\\n\\u003d\\u003d\\u003d\\ny"\n===\n' in text
    assert "[c]: \\===\n" in text


# ------------------------------------------------------------------ the real Argdown CLI


@pytest.fixture(scope="module")
def read_argdown() -> Any:
    argdown_binary()
    return bench_roundtrip()


def _statement_text(statement: dict[str, Any]) -> str:
    """A statement's text without the tags Argdown keeps inside it."""
    member = next(m for m in statement["members"] if m.get("text") is not None)
    text: str = member["text"]
    starts = [r["start"] for r in member.get("ranges", []) if r["type"] == "tag"]
    return (text[: min(starts)] if starts else text).strip()


def _check_against_model(amap: ArgumentMap, data: dict[str, Any]) -> None:
    statements = {s["data"]["id"]: s for s in data["statements"].values()}
    assert sorted(statements) == sorted(c.id for c in amap.claims)
    title = {claim_id: s["title"] for claim_id, s in statements.items()}
    for claim in amap.claims:
        statement = statements[claim.id]
        assert _statement_text(statement) == " ".join(claim.text.split())
        assert statement["data"]["kind"] == claim.kind.value
        assert statement["title"] in (claim.id, claim.label)
        assert statement.get("tags", []) == []  # tags are data, not text
        stances = [s for s in amap.stances if s.claim == claim.id]
        found = statement["data"].get("stances", [])
        assert sorted(s["id"] for s in found) == sorted(s.id for s in stances)
        by_id = {s.id: s for s in stances}
        for entry in found:
            stance = by_id[entry["id"]]
            assert entry["actor"] == stance.actor
            assert entry["position"] == stance.position.value
            assert entry.get("quote") == stance.quote
            assert entry["reported"] is stance.reported
    arguments = data.get("arguments", {})
    actors = {t: a["data"]["actor"] for t, a in arguments.items() if "actor" in a.get("data", {})}
    own = [r for r in data["relations"] if r["from"] not in actors]
    relations = sorted(_folded(own, set(arguments) - set(actors)))
    kinds = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}
    claim_of = {t: claim_id for claim_id, t in title.items()}
    seen = sorted((claim_of.get(a, a), k, claim_of.get(b, b)) for a, k, b in relations)
    assert seen == sorted((r.origin, kinds[r.kind.value], r.target) for r in amap.relations)
    arrows = {(actors[r["from"]], r["relationType"], claim_of[r["to"]])
              for r in data["relations"] if r["from"] in actors}  # fmt: skip
    sides = {"supports": "support", "opposes": "attack"}
    assert arrows == {(s.actor, sides[s.position.value], s.claim)
                      for s in amap.stances if s.position.value in sides}  # fmt: skip


def _folded(relations: list[dict[str, Any]], arguments: set[str]) -> list[tuple[str, str, str]]:
    """Argdown's relations with each undercut inference's two halves joined again.

    The export writes an undercut relation R as the argument `<R>`, with `[origin] +> <R>`
    and `<R> -> [target]` (or `+>`, or `_> <other>`).
    """
    into = {
        r["to"]: r["from"]
        for r in relations
        if r["relationType"] == "support" and r["to"] in arguments
    }
    folded = []
    for r in relations:
        if r["to"] in arguments and r["relationType"] == "support":
            continue  # the first half, joined below
        origin = into[r["from"]] if r["from"] in arguments else r["from"]
        folded.append((origin, r["relationType"], r["to"]))
    return folded


def test_argdown_cli_reads_the_tricky_map(read_argdown: Any) -> None:
    amap, analysis = tricky()
    text = argdown(amap, analysis)
    data = read_argdown.argdown_json(text)
    _check_against_model(amap, data)
    dealers = data["statements"]["room-helps-dealers"]["data"]
    assert dealers["relations"] == [
        {"id": "room-helps-dealers/attacks/allow-room", "note": 'a note, with "quotes"'}
    ]
    assert data["statements"]["Allow the room"]["data"]["id"] == "allow-room"
    assert read_argdown.read_argdown(text) == {
        "claims": 4,
        "proposals": 1,
        "relations": 3,
        "supports": 2,
        "attacks": 1,
        "undercuts": 0,
        "stances": 7,
        "stance arrows": 5,
        "actors": 4,
        "sources": 2,
    }


def test_argdown_cli_reads_the_curated_map(read_argdown: Any) -> None:
    amap = load_file(str(CURATED)).map
    data = read_argdown.argdown_json(argdown(amap, analyse(amap)))
    _check_against_model(amap, data)


def test_argdown_cli_reads_random_text_back_exactly(read_argdown: Any) -> None:
    # Runs of Argdown's markup characters, words and white space; one document holds
    # them all so the CLI starts once. A fixed seed keeps a failure reproducible.
    rng = random.Random(7)
    pieces = [*"\\@#*_[]<>/{}.:;,-+()=!?'\"~`|^&%$", "//", "/*", "*/", "<!--", "-->", ".A.",
              ":smile:", "->", "+>", "<-", "><", "__", "**", "[a](b)", " ", "\t", "word",
              "é", "‘", "\u00a0"]  # fmt: skip
    texts = [
        "x" + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(300)
    ]
    claims = tuple(Claim(f"c{i}", text) for i, text in enumerate(texts))
    amap = ArgumentMap(title="random", claims=claims)
    data = read_argdown.argdown_json(argdown(amap, analyse(amap)))
    assert len(data["statements"]) == len(texts)
    assert data["relations"] == []
    for claim in claims:
        statement = data["statements"][claim.id]  # no label: the id is the title
        assert _statement_text(statement) == " ".join(claim.text.split())


def test_argdown_cli_rejects_what_it_should(read_argdown: Any) -> None:
    # The check above would be worthless if the runner hid Argdown's errors.
    with pytest.raises(RuntimeError, match="argdown failed"):
        read_argdown.argdown_json('[a]: text {broken: "} x"}\n  +> [b]\n')


def test_a_claims_stances_and_relations_come_in_id_order_whatever_the_maps_order() -> None:
    # `argdown` takes any ArgumentMap, not only a canonical one: a claim's arrows and its
    # stances are listed by id even when the map holds them the other way round.
    amap = ArgumentMap(
        title="t",
        actors=(Actor("a", "A", ActorKind.PERSON),),
        claims=(
            Claim("p", "P", ClaimKind.PROPOSAL),
            Claim("q", "Q", ClaimKind.PROPOSAL),
            Claim("r", "R"),
        ),
        relations=(
            Relation("r2", "r", "q", RelationKind.ATTACKS),
            Relation("r1", "r", "p", RelationKind.SUPPORTS),
        ),
        stances=(
            Stance("s2", "a", "r", Position.OPPOSES, "src", quote="two"),
            Stance("s1", "a", "r", Position.SUPPORTS, "src", quote="one"),
        ),
    )
    claim = argdown(amap, analyse(amap)).split("[r]: R\n")[1].split("\n\n")[0]
    assert claim.splitlines()[-2:] == ["  +> [p]", "  -> [q]"]
    assert claim.index('id: "s1"') < claim.index('id: "s2"')


def test_what_an_arrow_cannot_say_goes_in_the_claims_data_block() -> None:
    # A relation's source, note and inferred flag have no Argdown syntax: the claim it
    # comes from carries them, by relation id.
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("r", "R")),
        relations=(
            Relation(
                "r1", "r", "p", RelationKind.SUPPORTS, source="src", note="a note", inferred=True
            ),
        ),
    )
    claim = argdown(amap, analyse(amap)).split("[r]: R\n")[1].split("\n\n")[0]
    assert claim.splitlines() == [
        '  {id: "r", kind: "claim", relations: [{id: "r1", source: "src", note: "a note", '
        "inferred: true}]}",
        "  +> [p]",
    ]
