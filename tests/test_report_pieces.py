"""The report's and the outline's pieces written once per map (issue 18, fifth pass), each
on a small literal input with its answer worked out by hand: the reasons written from a
head and a rest (`report._Reasons`), the inferred reasons merged once (`Report.chains`),
the per-map escapes of names, claims, citations, scores and stands, the lists moved out
of the template, and `md_escape`'s quick test for work to do."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import Analysis, Contribution, PositionScore, analyse
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
)
from argmap.render import outline, report
from argmap.render.markup import esc
from argmap.render.summary import Camp
from argmap.text import md_escape

STANCES = {
    "s1": Stance("s1", "jo", "a", Position.OPPOSES, "src1"),
    "s2": Stance("s2", "al", "a", Position.SUPPORTS, "src2"),
}
KINDS = {("a", "b"): "attacks", ("b", "p"): "supports"}
NUMBERS = {"src1": 1, "src2": 2}


def _md_writer(numbers: dict[str, int] | None = None) -> report._Reasons:
    return report._Reasons(STANCES, KINDS, lambda c: f"*{c.upper()}*", md_escape, numbers)


def test_a_reason_reads_its_stance_each_step_and_its_end() -> None:
    c = Contribution("s1", "a", ("a", "b", "p"), -1, 0.25)
    assert _md_writer()(c, 3) == (
        "opposes *A*, which attacks *B*, which supports *P* (against, weight 0.25, 3 stances)"
    )
    # Without a known stance, a kind for the step or a second stance.
    lost = Contribution("gone", "a", ("a", "x"), 1, 0.5)
    assert _md_writer()(lost) == "takes a stance on *A*, which bears on *X* (for, weight 0.5)"
    assert _md_writer()(Contribution("s2", "a", ("a",), 1, 1.0)) == "supports *A* (for, weight 1)"


def test_an_inferred_reason_says_whose_each_step_is() -> None:
    c = Contribution("s1", "a", ("a", "b", "p"), -1, 0.25, sources=("src2", "ghost"))
    assert _md_writer(NUMBERS)(c, 3) == (
        "opposes *A* (source 1), which attacks *B* (per source 2), which supports *P*"
        " (no source) (against, weight 0.25, 3 stances)"
    )
    # A path longer than its sources, a stance whose source has no number, an empty id.
    short = Contribution("s1", "a", ("a", "b", "p"), 1, 0.5, sources=("",))
    writer = report._Reasons(STANCES, KINDS, lambda c: c, md_escape, {"src2": 2})
    assert writer(short) == (
        "opposes a, which attacks b (no source), which supports p (no source) (for, weight 0.5)"
    )


def test_reasons_that_share_pieces_are_each_written_whole() -> None:
    writer = _md_writer(NUMBERS)
    one = Contribution("s1", "a", ("a", "b", "p"), -1, 0.25, sources=("src1", "src2"))
    other = Contribution("s2", "a", ("a", "b", "p"), -1, 0.25, sources=("src1", "src2"))
    shorter = Contribution("s1", "b", ("b", "p"), 1, 0.5, sources=("src2",))
    texts = [writer(one), writer(other), writer(shorter), writer(one, 2)]
    assert texts == [
        "opposes *A* (source 1), which attacks *B* (per source 1), which supports *P*"
        " (per source 2) (against, weight 0.25)",
        "supports *A* (source 2), which attacks *B* (per source 1), which supports *P*"
        " (per source 2) (against, weight 0.25)",
        "opposes *B* (source 1), which supports *P* (per source 2) (for, weight 0.5)",
        "opposes *A* (source 1), which attacks *B* (per source 1), which supports *P*"
        " (per source 2) (against, weight 0.25, 2 stances)",
    ]
    # Two heads, three rests (the same path with other times is another rest), two
    # distinct steps ("b" -> "p" per source 2 is shared).
    assert (len(writer.heads), len(writer.rests), len(writer.steps)) == (3, 3, 2)
    # Without numbers the sources make no other rest.
    plain = _md_writer()
    plain(one)
    plain(other)
    assert len(plain.rests) == 1


def test_each_text_part_is_escaped_alone_as_reason_parts_cuts_it() -> None:
    # A kind starting a line with a digit and a dot would be escaped at its own start.
    kinds = {("a", "b"): "1. odd*"}
    c = Contribution("s1", "a", ("a", "b"), 1, 1.0)
    text = report._Reasons(STANCES, kinds, lambda c: f"<{c}>", md_escape)(c)
    parts = report.reason_parts(c, STANCES, kinds)
    assert text == "".join(md_escape(v) if k == "text" else f"<{v}>" for k, v in parts)
    assert text == "opposes <a>, which 1. odd\\* <b> (for, weight 1)"
    html = report._Reasons(STANCES, {("a", "b"): "<&>"}, lambda c: c, esc)(c)
    assert html == "opposes a, which &lt;&amp;&gt; b (for, weight 1)"


def _inferred_map() -> tuple[ArgumentMap, Analysis]:
    amap = ArgumentMap(
        title="t",
        sources=(Source("x", "T", "P", "2024"), Source("y", "U", "Q", "2024")),
        actors=(Actor("jo", "Jo <b>", ActorKind.PERSON), Actor("al", "Al", ActorKind.PERSON)),
        claims=(
            Claim("p", "Allow it", ClaimKind.PROPOSAL),
            Claim("c", "Saves *lives*"),
        ),
        stances=(
            Stance("t1", "jo", "c", Position.SUPPORTS, "x", quote="Yes"),
            Stance("t2", "jo", "c", Position.SUPPORTS, "x", quote="Yes again"),
            Stance("t3", "al", "p", Position.OPPOSES, "x", quote="No"),
        ),
        relations=(Relation("r1", "c", "p", RelationKind.SUPPORTS, source="y"),),
    )
    return amap, analyse(amap)


def test_the_inferred_reasons_are_merged_once_for_both_reports() -> None:
    amap, analysis = _inferred_map()
    built = report.build_report(amap, analysis)
    # Jo's two stances cite x and the relation y: they reach the proposal only through
    # another source's relation, so Jo's position is inferred, and the two read the same.
    (proposal, rows), *_ = built.inferred
    assert (proposal.id, [actor for actor, _ in rows]) == ("p", ["jo"])
    chain = built.chains["p", "jo"]
    assert [(c.stance, c.path, times) for c, times in chain] == [("t1", ("c", "p"), 2)]
    assert set(built.chains) == {("p", "jo")}
    text = report.render_markdown(amap, analysis, report=built)
    assert (
        "- Jo \\<b\\>:\n  - supports *Saves \\*lives\\** (source 1), which supports *Allow it*"
        " (per source 2) (for, weight 0.5, 2 stances)\n" in text
    )
    page = report.render_html(amap, analysis, report=built)
    assert (
        "<li>supports <em>Saves *lives*</em> (source 1), which supports <em>Allow it</em>"
        " (per source 2) (for, weight 0.5, 2 stances)</li>" in page
    )


def test_holders_are_each_claims_actors_for_the_claims_asked() -> None:
    amap = ArgumentMap(
        title="t",
        stances=(
            Stance("1", "jo", "p", Position.SUPPORTS, "x"),
            Stance("2", "al", "p", Position.NEUTRAL, "x"),
            Stance("3", "jo", "p", Position.OPPOSES, "y"),
            Stance("4", "al", "q", Position.SUPPORTS, "x"),
            Stance("5", "bo", "r", Position.SUPPORTS, "x"),
        ),
    )
    assert report._holders(amap, {"p", "q", "z"}) == {"p": {"jo", "al"}, "q": {"al"}}


def _small() -> ArgumentMap:
    return ArgumentMap(
        title="t",
        sources=(Source("s", "T", "P & Co", "2024"),),
        actors=(Actor("jo", "Jo *x*", ActorKind.PERSON),),
        claims=(Claim("c", "A <b>", ClaimKind.PROPOSAL, label="Lbl|"),),
    )


def test_markdown_names_claims_and_citations_fall_back_to_the_id() -> None:
    amap = _small()
    words = report._Md(amap, report.build_report(amap, analyse(amap)))
    assert (words.name("jo"), words.name("x_y")) == ("Jo \\*x\\*", "x\\_y")
    assert (words.claim("c"), words.claim("n*")) == ("Lbl\\|", "n\\*")
    assert (words.em("c"), words.cite("s"), words.cite("n|")) == (
        "*Lbl\\|*",
        "P \\& Co, source 1",
        "n\\|",
    )


def test_html_ids_scores_and_stands_are_escaped_once_each() -> None:
    amap = _small()
    html = report._Html(amap, report.build_report(amap, analyse(amap)))
    assert (html.id("a'b"), html.id("a'b")) == ("a&#39;b", "a&#39;b")
    assert html.score(PositionScore(0.5, False, ())) == "+0.50"
    assert html.score(PositionScore(-0.0001, True, ())) == " 0.00"
    assert html.stand(PositionScore(0.5, False, ())) == "for"
    # The same score, mixed, stands otherwise: the key is the score and the mix.
    assert html.stand(PositionScore(0.5, True, ())) == "mixed, leaning for"
    assert html.stand(PositionScore(0.0, True, ())) == "mixed, evenly balanced"
    assert (html.em("c"), html.em("<x>")) == ("<em>Lbl|</em>", "<em>&lt;x&gt;</em>")


def test_derived_attacks_and_incoherent_positions_as_list_items() -> None:
    amap = _small()
    analysis = analyse(amap)
    html = report._Html(amap, report.build_report(amap, analysis))
    odd = replace(
        analysis, derived_attacks=(("c", "x<"),), incoherent=(("jo", "c", "q"), ("zz", "q", "c"))
    )
    assert html.derived(odd) == "<li><em>Lbl|</em> attacks <em>x&lt;</em></li>\n"
    assert html.incoherent(odd) == (
        "<li>Jo *x* supports both <em>Lbl|</em> and <em>q</em>, but the first attacks"
        " the second.</li>\n"
        "<li>zz supports both <em>q</em> and <em>Lbl|</em>, but the first attacks the"
        " second.</li>\n"
    )
    assert html.derived(analysis) == html.incoherent(analysis) == ""


def test_the_outlines_repeated_markup_is_the_templates() -> None:
    assert outline._LEADS == {
        "+ for:": '<span class="o-rel">+ for:</span> ',
        "\u2212 against:": '<span class="o-rel">\u2212 against:</span> ',
        "": "",
    }
    assert outline._lead("<x>") == '<span class="o-rel">&lt;x&gt;</span> '
    assert outline._head("A&B") == '<p class="o-head">A&amp;B</p><ul class="o-args">\n'
    assert outline._HEADS["Against"] == '<p class="o-head">Against</p><ul class="o-args">\n'
    assert outline._KIND_CLASS[ClaimKind.EVIDENCE] == "evidence"
    assert outline._STANCE_OPEN[Position.OPPOSES] == (
        '<li class="o-stance o-opposes"><span class="o-sign" aria-hidden="true">\u2212</span>'
        " <strong>"
    )


# The test as it was: one search, anchored branches tried at every position.
_OLD_ANY = re.compile(r"[\\`*_\[\]<>|#&~$\x00-\x1f\x7f]|^\s*[-+=]|^\s*\d+[.)]")


def _old_md_escape(text: str) -> str:
    if not _OLD_ANY.search(text):
        return text
    escaped = re.sub(r"([\\`*_\[\]<>|#&~$])", r"\\\1", re.sub(r"[\x00-\x1f\x7f]", " ", text))
    return re.sub(r"^(\s*(?=[-+=])|\s*\d+(?=[.)]))", r"\1\\", escaped)


@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c-+=1.)a*`_\\|#x\x7f")), max_size=12))
def test_md_escape_is_the_one_search_it_replaced(text: str) -> None:
    assert md_escape(text) == _old_md_escape(text)


def test_md_escape_leaves_plain_text_and_escapes_a_start_only_at_the_start() -> None:
    assert md_escape("plain words, 1.5 and x-y") == "plain words, 1.5 and x-y"
    assert md_escape("  12) twelve") == "  12\\) twelve"
    assert md_escape("\n= under") == " \\= under"
    assert md_escape("a\n- b") == "a - b"


def test_a_said_dates_cite_is_written_once_per_date() -> None:
    amap = _small()
    built = report.build_report(amap, analyse(amap))
    words, html = report._Md(amap, built), report._Html(amap, built)
    assert (words.date("2024-01"), words.date("1. May")) == (", 2024-01", ", 1\\. May")
    assert (html.date("2024-01"), html.date("<May>")) == (", 2024-01", ", &lt;May&gt;")
    assert (words.dates, html.dates) == (
        {"2024-01": ", 2024-01", "1. May": ", 1\\. May"},
        {"2024-01": ", 2024-01", "<May>": ", &lt;May&gt;"},
    )


def test_the_camps_list_links_every_member_in_its_order() -> None:
    amap = ArgumentMap(
        title="t",
        actors=(
            Actor("b'", "Bo & co", ActorKind.PERSON),
            Actor("a", "Al", ActorKind.PERSON),
        ),
    )
    built = report.build_report(amap, analyse(amap))
    camps = (Camp(2, "For: <x>", ("a", "b'")), Camp(3, "Against", ("zz",)))
    html = report._Html(amap, replace(built, summary=replace(built.summary, camps=camps)))
    assert html.camps() == (
        '<li value="2"><strong>For: &lt;x&gt;</strong>: <a href="#actor-a">Al</a>,'
        ' <a href="#actor-b&#39;">Bo &amp; co</a></li>\n'
        '<li value="3"><strong>Against</strong>: <a href="#actor-zz">zz</a></li>\n'
    )
