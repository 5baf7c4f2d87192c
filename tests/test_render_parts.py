"""The build's files as parts, never joined (issue 18, sixth pass): the renders hand their
text over as strings written one after the other (`argmap.fsutil.Text`), and a page's long
fragments go into its rendered frame at its slots (`templates.splice`), not through
Jinja2, which copied each of them twice and then joined everything. Each helper on small
literal inputs with its answer worked out by hand, and against the joined text it stands
for on random inputs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.analysis import analyse
from argmap.fsutil import _chunks, write_all_or_none
from argmap.load import loads
from argmap.pipeline import OUTPUT_FILES, build, render_all
from argmap.render import html, outline, report
from argmap.render.report import _lines, rstrip_parts
from argmap.render.templates import render_parts, render_template, slot, splice
from tests.conftest import example_yaml

# ---- fsutil: writing parts ---------------------------------------------------------------


def test_chunks_join_runs_of_short_parts_and_cut_long_ones() -> None:
    assert list(_chunks(["ab", "c", "defgh", "", "i", "j"], 3)) == ["abc", "def", "gh", "ij"]
    assert list(_chunks("abcdefg", 3)) == ["abc", "def", "g"]
    assert list(_chunks(["abc"], 3)) == ["abc"]
    assert list(_chunks(["", ""], 3)) == []
    assert list(_chunks("", 3)) == []
    assert list(_chunks([], 3)) == []
    assert list(_chunks(["a", "bcdefgh", "", "i"], 3)) == ["a", "bcd", "efg", "h", "i"]
    assert list(_chunks(["a", "b", "c", "d"], 2)) == ["ab", "cd"]
    assert list(_chunks(["a", "", "b", ""], 2)) == ["ab"]


def _reference_chunks(parts: list[str], size: int) -> list[str]:
    """The same cut, one part at a time."""
    out: list[str] = []
    run: list[str] = []
    held = 0
    for part in parts:
        if len(part) >= size:
            if held:
                out.append("".join(run))
            run, held = [], 0
            out += [part[i : i + size] for i in range(0, len(part), size)]
        elif held + len(part) > size:
            out.append("".join(run))
            run, held = [part], len(part)
        else:
            run.append(part)
            held += len(part)
    if held:
        out.append("".join(run))
    return out


def test_chunks_are_the_parts_cut_one_at_a_time() -> None:
    rng = random.Random(18)
    for _ in range(5000):
        parts = ["x\u2014y"[: rng.randrange(4)] * rng.randrange(4) for _ in range(rng.randrange(9))]
        size = rng.randrange(1, 7)
        chunks = list(_chunks(parts, size))
        assert chunks == _reference_chunks(parts, size)
        assert "".join(chunks) == "".join(parts)
        assert all(0 < len(c) <= size for c in chunks)


def test_parts_are_written_one_after_the_other(tmp_path: Path) -> None:
    parts = ["<p>", "caf\u00e9 \u2014", "", "x" * 1_500_000, "</p>\n"]
    write_all_or_none(tmp_path, {"a.html": lambda: parts, "b.md": ["b", "\n"], "c.txt": "c"})
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "".join(parts)
    assert (tmp_path / "b.md").read_bytes() == b"b\n"
    assert (tmp_path / "c.txt").read_bytes() == b"c"


# ---- parts that stand for a joined text --------------------------------------------------


def test_rstrip_parts_drops_the_trailing_parts_of_only_those_characters() -> None:
    assert rstrip_parts(["a", "b\n", "\n", ""], "\n") == ["a", "b"]
    assert rstrip_parts(["a\n\n"], "\n") == ["a"]
    assert rstrip_parts(["\n", "\n"], "\n") == []
    assert rstrip_parts([], "\n") == []
    assert rstrip_parts(["a\n", "b"], "\n") == ["a\n", "b"]
    parts = ["x", "y\n"]
    assert rstrip_parts(parts, "\n") == ["x", "y"] and parts == ["x", "y\n"]


def test_rstrip_parts_is_the_joined_text_stripped() -> None:
    rng = random.Random(6)
    for _ in range(3000):
        parts = ["".join(rng.choice("a\n") for _ in range(rng.randrange(4))) for _ in range(5)]
        assert "".join(rstrip_parts(parts, "\n")) == "".join(parts).rstrip("\n")


def test_lines_are_the_lines_with_a_line_end_between() -> None:
    assert _lines(["a", "", "b"]) == ["a", "\n", "", "\n", "b"]
    assert _lines(["a"]) == ["a"]
    assert _lines([]) == []


# ---- templates: fragments at their slots --------------------------------------------------


def test_splice_puts_each_fragment_at_its_slot_as_it_is() -> None:
    frame = f"<p>{slot('a')}</p>{slot('b-2')}{slot('a')}"
    assert splice(frame, {"a": ["x", "<y>"], "b-2": "&z"}) == [
        "<p>",
        "x",
        "<y>",
        "</p>",
        "&z",
        "x",
        "<y>",
    ]
    assert splice("plain", {"a": "unused"}) == ["plain"]
    assert splice("", {}) == [""]
    assert str(slot("x_1")) == "<argmap-slot x_1>"


def test_render_parts_gives_the_fragments_slots_by_name() -> None:
    whole = render_template("report.css")
    assert render_parts("report.css", {}) == [whole]
    assert render_parts("report.css", {"unused": ["x"]}) == [whole]


def test_a_slot_in_a_maps_words_stays_text() -> None:
    # A slot is a tag: the map's words reach the frame escaped, so they never hold one.
    text = example_yaml().replace("title:", "title: '<argmap-slot actors_html>' #", 1)
    amap = loads(text).map
    analysis = analyse(amap)
    for page in (
        report.render_html(amap, analysis),
        html.render_outline(amap, analysis),
        html.render_index(amap, analysis),
    ):
        assert "&lt;argmap-slot actors_html&gt;" in page
        assert "<argmap-slot" not in page


def test_the_report_style_has_the_summarys() -> None:
    # The summary's markup (`_summary.html`) is styled by summary.css, which report.html
    # includes whole.
    css = (Path(report.__file__).parent / "templates" / "summary.css").read_text("utf-8")
    amap = loads(example_yaml()).map
    page = report.render_html(amap, analyse(amap))
    assert ".s-grid" in css and ".s-tally" in css
    assert css in page


# ---- the renders: parts and their joined text ---------------------------------------------


def test_each_render_is_its_parts_joined() -> None:
    amap = loads(example_yaml()).map
    analysis = analyse(amap)
    built = report.build_report(amap, analysis)
    for parts, whole in (
        (report.html_parts(amap, analysis, report=built), report.render_html(amap, analysis)),
        (report.markdown_parts(amap, analysis), report.render_markdown(amap, analysis)),
        (outline.outline_parts(amap, analysis), outline.outline_html(amap, analysis)),
        (html.outline_page_parts(amap, analysis), html.render_outline(amap, analysis)),
        (html.index_parts(amap, analysis), html.render_index(amap, analysis)),
    ):
        assert isinstance(parts, list) and all(isinstance(p, str) for p in parts)
        assert "".join(parts) == whole


def test_the_build_writes_what_render_all_gives(tmp_path: Path) -> None:
    source = tmp_path / "arguments.yaml"
    source.write_text(example_yaml(), encoding="utf-8")
    build(source, tmp_path / "out")
    texts, _ = render_all(source)
    assert list(texts) == list(OUTPUT_FILES)
    for name, text in texts.items():
        assert isinstance(text, str)
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_the_outline_fragment_ends_without_a_line_end(ending: str) -> None:
    amap = loads(example_yaml()).map
    parts = outline.outline_parts(amap, analyse(amap))
    assert not "".join(parts).endswith("\n")
    assert rstrip_parts([*parts, ending], "\n") == parts
