"""What both reports now write once per map (issue 18, seventh pass): a claim's
emphasis, its name in the acceptance tables, the acceptance words; each the bytes it was
written as on every row before, including for a map with two claims of one id."""

from __future__ import annotations

from dataclasses import replace

from argmap.analysis import analyse
from argmap.model import ArgumentMap, Claim, ClaimKind, Position, Source, Stance
from argmap.render import report


def _twins() -> ArgumentMap:
    # Two claims of one id (a map `check` refuses, but the renders may still be given):
    # `claims_by_id` keeps the last.
    return ArgumentMap(
        title="t",
        sources=(Source("s", "T", "P", "2024"),),
        claims=(
            Claim("c", "First <b>", ClaimKind.PROPOSAL, label="One|*"),
            Claim("c", "Second <i>", ClaimKind.CLAIM),
            Claim("d", "D & e"),
        ),
    )


def _valid() -> ArgumentMap:
    return ArgumentMap(
        title="t",
        sources=(Source("s", "T", "P", "2024"),),
        claims=(Claim("c", "C <b>", ClaimKind.PROPOSAL),),
    )


def _writers(amap: ArgumentMap) -> tuple[report._Html, report._Md]:
    built = report.build_report(_valid(), analyse(_valid()))
    return report._Html(amap, built), report._Md(amap, built)


def test_each_claim_of_a_table_is_written_by_its_own_text() -> None:
    amap = _twins()
    html, md = _writers(amap)
    _, second, d = amap.claims
    assert [html.display(c) for c in amap.claims] == [
        "One|*",
        "Second &lt;i&gt;",
        "D &amp; e",
    ]
    assert [md.display(c) for c in amap.claims] == ["One\\|\\*", "Second \\<i\\>", "D \\& e"]
    # A claim that is the one of its id is written from the claims escaped once.
    assert html.display(second) is html.claims["c"]
    assert md.display(d) is md.claims["d"]
    # One not in the map at all is escaped as it is.
    assert html.display(Claim("z", "<z>")) == "&lt;z&gt;"
    assert md.display(Claim("z", "*z*")) == "\\*z\\*"


def test_the_acceptance_tables_name_each_claim_as_before() -> None:
    amap = _twins()
    html, md = _writers(amap)
    analysis = replace(
        analyse(_valid()),
        acceptance={"c": "in", "d": "<out>"},
        bipolar_acceptance={"d": "undecided"},
        derived_attacks=(),
    )
    assert html.labels(analysis) == [
        "<tr><td>One|*</td><td>in</td><td></td></tr>\n",
        "<tr><td>Second &lt;i&gt;</td><td>in</td><td></td></tr>\n",
        "<tr><td>D &amp; e</td><td>&lt;out&gt;</td><td>undecided</td></tr>\n",
    ]
    assert html.words == {"in": "in", "": "", "<out>": "&lt;out&gt;", "undecided": "undecided"}
    table = report._acceptance_md(md, analysis).split("\n")[-3:]
    assert table == [
        "| One\\|\\* | in |  |",
        "| Second \\<i\\> | in |  |",
        "| D \\& e | <out> | undecided |",
    ]


def test_a_claims_emphasis_is_written_once_per_claim() -> None:
    html, md = _writers(_twins())
    assert html.em("c") == "<em>Second &lt;i&gt;</em>"
    assert html.em("<x>") == "<em>&lt;x&gt;</em>"
    assert html.em("c") is html.ems["c"]
    assert md.em("d") == "*D \\& e*"
    assert md.em("n*") == "*n\\**"
    assert md.em("d") is md.ems["d"]
    assert set(md.ems) == {"d", "n*"}


def test_a_said_line_names_each_stance_with_its_claim() -> None:
    amap = _twins()
    html, md = _writers(amap)
    stances = (
        Stance("s1", "jo", "c", Position.SUPPORTS, "s", quote="Yes."),
        Stance("s2", "jo", "d", Position.OPPOSES, "s", quote="Yes."),
    )
    said = report.Said(stances[0], stances, None)
    assert report._said_md(md, said) == (
        '"Yes." (P, source 1): supports *Second \\<i\\>*; opposes *D \\& e*'
    )
    assert html._said(said) == (
        '<li><span class="quote">\u201cYes.\u201d</span> <span class="src">\u2014 P, source 1'
        "</span>: supports <em>Second &lt;i&gt;</em>; opposes <em>D &amp; e</em></li>\n"
    )


def test_relation_kinds_are_their_words() -> None:
    from argmap.model import Relation, RelationKind

    amap = ArgumentMap(
        title="t",
        claims=(Claim("a", "A"), Claim("b", "B")),
        relations=(
            Relation("r1", "a", "b", RelationKind.ATTACKS),
            Relation("r2", "a", "b", RelationKind.SUPPORTS),
            Relation("r3", "b", "a", RelationKind.SUPPORTS),
        ),
    )
    kinds = report._relation_kinds(amap)
    assert kinds == {("a", "b"): "attacks", ("b", "a"): "supports"}
    assert [f"{k}" for k in kinds.values()] == ["attacks", "supports"]
