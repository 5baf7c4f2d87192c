"""The page's data and JSON made the cheaper way (issue 18, seventh pass) give the bytes
the simple way gave: `script_json` against its old five `replace` passes, the page's
entries against json's own key sort, the collector left as it was; and pyvis's options
and vis-network read without running pyvis's `__init__`."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import Analysis, Contribution, analyse
from argmap.errors import OutputError
from argmap.model import ActorKind, ArgumentMap, Claim, ClaimKind, Position, RelationKind
from argmap.render import html
from argmap.render.aggregate import pair_arrays

# Text with every character `script_json` escapes, a quote and a backslash, and one
# past Latin-1 and one past the BMP, so the strings come in each of Python's widths.
_TEXT = st.text(alphabet=st.sampled_from('ab<>&"\\\u2028\u2029\u00e9\u2212\U0001f600'))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


def _script_json_reference(value: object) -> str:
    # The function before the seventh pass: a `replace` of each character, found or not.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@given(_JSON)
def test_script_json_is_the_five_replaces(value: object) -> None:
    assert html.script_json(value) == _script_json_reference(value)


def test_script_json_escapes_each_character_found_and_only_those() -> None:
    assert html.script_json(["<", ">", "&", "\u2028", "\u2029"]) == (
        '["\\u003c","\\u003e","\\u0026","\\u2028","\\u2029"]'
    )
    # A block with some of them and none of the others.
    assert html.script_json({"b": "a>b", "a": "x&y"}) == '{"a":"x\\u0026y","b":"a\\u003eb"}'
    assert html.script_json("\u00e9\u2212") == '"\u00e9\u2212"'


def test_a_kind_or_position_is_written_as_its_value() -> None:
    # The page's data holds the StrEnum members themselves: json writes each as its word.
    members = [ActorKind.PUBLIC_BODY, ClaimKind.EVIDENCE, Position.NEUTRAL, RelationKind.ATTACKS]
    assert html.script_json(members) == '["public-body","evidence","neutral","attacks"]'
    assert html.script_json(members) == html.script_json([m.value for m in members])


def test_the_page_data_entries_are_in_the_order_json_sorts_them(
    example_map: ArgumentMap,
) -> None:
    analysis = analyse(example_map)
    views = html.build_views(example_map, analysis)
    data = html._page_data(example_map, analysis, views)
    for table in ("sources", "actors", "claims"):
        for entry in data[table].values():
            assert list(entry) == sorted(entry), table
    claim = example_map.claims[0]
    assert data["claims"][claim.id]["kind"] == claim.kind.value
    assert data["stances"][0][2] == sorted(example_map.stances, key=lambda s: s.id)[0].position


def test_index_parts_leaves_the_collector_as_it_was(example_map: ArgumentMap) -> None:
    analysis = analyse(example_map)
    assert gc.isenabled()
    html.index_parts(example_map, analysis)
    assert gc.isenabled()
    gc.disable()
    try:
        html.index_parts(example_map, analysis)
        assert not gc.isenabled()
    finally:
        gc.enable()


# ---- pyvis, read without running its __init__ ------------------------------------------


def test_pyvis_is_read_from_its_folder_without_importing_it() -> None:
    # A fresh interpreter: pyvis's __init__ (its Network, IPython, jsonpickle) never runs.
    code = (
        "import sys\n"
        "from argmap.render import html\n"
        "html.vis_options(); html._vis_network_js()\n"
        "print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('pyvis', 'IPython', 'jsonpickle')))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found == "[]\n"


def test_the_folder_and_the_options_are_pyvis_own() -> None:
    import pyvis
    from pyvis.options import Options

    assert html._pyvis_folder() == Path(pyvis.__file__).parent
    assert html._pyvis_options().__module__ == "argmap.render._pyvis.options"
    assert html._pyvis_options()().to_json() == Options().to_json()
    text = (Path(pyvis.__file__).parent / html._VIS_PATH).read_text(encoding="utf-8")
    assert html._vis_network_js() == text


@pytest.mark.parametrize("end", ["</script", "</SCRIPT>", "</ScRiPt "])
def test_a_vis_file_that_could_end_the_script_is_refused(
    end: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / html._VIS_PATH
    bundle.parent.mkdir(parents=True)
    monkeypatch.setattr(html, "_pyvis_folder", lambda: tmp_path)
    html._vis_network_js.cache_clear()
    try:
        bundle.write_text(f"/* @version {html.VIS_VERSION} */ var a = '<\\/script>';")
        assert html._vis_network_js().startswith("/* @version")
        html._vis_network_js.cache_clear()
        bundle.write_text(f"/* @version {html.VIS_VERSION} */ var a = '{end}';")
        with pytest.raises(OutputError, match="is not the expected vis-network"):
            html._vis_network_js()
        html._vis_network_js.cache_clear()
        bundle.write_text("/* @version 9.1.1 */")
        with pytest.raises(OutputError, match="is not the expected vis-network"):
            html._vis_network_js()
        html._vis_network_js.cache_clear()
        bundle.unlink()
        with pytest.raises(OutputError, match="cannot read vis-network"):
            html._vis_network_js()
    finally:
        html._vis_network_js.cache_clear()


# ---- the board, the partners, the lines' sides -----------------------------------------


def _heaviest_reference(contributions: tuple[Contribution, ...], sign: int) -> Contribution | None:
    pulls = [c for c in contributions if sign == 0 or c.sign == sign]
    return min(pulls, key=lambda c: (-c.weight, len(c.path), c.stance), default=None)


_CONTRIBUTIONS = st.lists(
    st.builds(
        Contribution,
        stance=st.sampled_from(["s1", "s2", "s3"]),
        claim=st.just("c"),
        path=st.lists(st.sampled_from("abc"), min_size=1, max_size=3).map(tuple),
        sign=st.sampled_from([1, -1]),
        weight=st.sampled_from([1.0, 0.5, 0.25, 0.0, -0.0]),
    ),
    max_size=8,
).map(tuple)


@given(_CONTRIBUTIONS, st.sampled_from([1, -1, 0]))
def test_the_heaviest_pull_is_the_one_the_three_keys_chose(
    contributions: tuple[Contribution, ...], sign: int
) -> None:
    assert html._heaviest(contributions, sign) is _heaviest_reference(contributions, sign)


def test_the_heaviest_pull_then_the_shortest_path_then_the_first_stance() -> None:
    def c(stance: str, weight: float, hops: int, sign: int = 1) -> Contribution:
        return Contribution(stance, "x", tuple("x" * (hops + 1)), sign, weight)

    a, b, d, e = c("s2", 0.5, 1), c("s1", 0.5, 2), c("s3", 1.0, 2, -1), c("s0", 0.5, 1)
    assert html._heaviest((a, b, d), 1) is a
    assert html._heaviest((a, b, d), -1) is d
    assert html._heaviest((a, b, d), 0) is d
    assert html._heaviest((b, a, e), 1) is e  # the same weight and path: the first stance id
    assert html._heaviest((a, e, b), 1) is e
    assert html._heaviest((a,), -1) is None
    assert html._heaviest((), 0) is None


def _partners_reference(analysis: Analysis) -> dict[str, list[list[Any]]]:
    # html._partners before the seventh pass: the actors sorted by a merge sort of intp.
    pairs = pair_arrays(analysis.agreement)
    named = np.zeros(len(pairs.actors), dtype=np.bool_)
    named[pairs.first] = True
    named[pairs.second] = True
    chosen: dict[str, list[list[Any]]] = {pairs.actors[i]: [] for i in np.flatnonzero(named)}
    shown = [round(w, 3) for w in pairs.values]
    weight = pairs.weights()
    ordered = pairs.by_ids()
    for sign in (1, -1):
        rows = ordered[weight[ordered] * sign > 0]
        rows = rows[np.argsort(weight[rows] * -sign, kind="stable")]
        actor = np.column_stack((pairs.first[rows], pairs.second[rows])).ravel()
        other = np.column_stack((pairs.second[rows], pairs.first[rows])).ravel()
        code = np.repeat(pairs.code[rows], 2)
        by_actor = np.argsort(actor, kind="stable")
        grouped = actor[by_actor]
        start = np.concatenate(([0], np.cumsum(np.bincount(grouped))))
        kept = by_actor[np.arange(len(grouped)) - start[grouped] < html._PARTNERS_SHOWN]
        for a, b, c in zip(actor[kept], other[kept], code[kept], strict=True):
            chosen[pairs.actors[a]].append([pairs.actors[b], shown[c]])
    return chosen


_PAIRS = st.lists(
    st.tuples(
        st.integers(0, 11).map("a{:02}".format),
        st.integers(0, 11).map("a{:02}".format),
        st.sampled_from([1.0, -1.0, 0.5, -0.5, 2.0, 0.0, 1.0 / 3]),
    ).filter(lambda p: p[0] < p[1]),
    max_size=60,
    unique_by=lambda p: (p[0], p[1]),
).map(lambda pairs: sorted(pairs))


@given(_PAIRS)
def test_the_partners_are_the_ones_the_merge_sort_chose(
    pairs: list[tuple[str, str, float]],
) -> None:
    analysis = SimpleNamespace(agreement=pairs)
    assert html._partners(analysis) == _partners_reference(analysis)  # type: ignore[arg-type]


def test_small_numbers_are_sorted_by_radix_and_others_as_they_are() -> None:
    numbers = np.array([3, 1, 2, 1, 0, 65535], dtype=np.intp)
    small = html._small(numbers, 1 << 16)
    assert small.dtype == np.uint16
    assert small.tolist() == numbers.tolist()
    assert np.argsort(small, kind="stable").tolist() == [4, 1, 3, 2, 0, 5]
    assert html._small(numbers, (1 << 16) + 1) is numbers


def test_the_lines_sides_name_each_stance_by_its_place() -> None:
    analysis = SimpleNamespace(
        stance_sides={"p": {"s2": -1, "s10": 1, "gone": 1}, "q": {}, "b": {"s1": 0}}
    )
    index = {"s1": 0, "s10": 1, "s2": 2}
    sides = html._stance_sides(analysis, index)  # type: ignore[arg-type]
    assert sides == {"b": {"0": 0}, "p": {"2": -1, "1": 1}, "q": {}}
    assert list(sides) == ["b", "p", "q"]
    assert html.script_json(sides) == '{"b":{"0":0},"p":{"1":1,"2":-1},"q":{}}'


def test_an_aggregated_legend_has_a_swatch_for_each_class_drawn_under_it(
    example_map: ArgumentMap,
) -> None:
    from argmap.render.aggregate import Unit
    from argmap.render.views import View, ViewEdge, ViewNode

    part = View(
        "argument",
        (ViewNode("@a", "agg-claims", 0, 0, "A"), ViewNode("b", "claim", 9, 0, "B")),
        (ViewEdge("e", "@a", "b", "agg-supports"),),
        2,
        1,
    )
    view = View("argument", (), (), 0, 0, units=(Unit("@a", "A", "", ("b",)),), parts=(part,))
    legend = html._legend(view, example_map, analyse(example_map), [])
    texts = [item["text"] for item in legend]
    words = {cls: words for cls, (words, _) in html.AGGREGATE_EDGE_STYLES.items()}
    nodes = {cls: words for cls, (words, _) in html.AGGREGATE_NODE_STYLES.items()}
    assert words["agg-supports"] in texts
    assert nodes["agg-claims"] in texts
    assert html.NODE_STYLES["claim"][0] in texts
    # Only the classes drawn: no other aggregate line.
    assert [w for w in words.values() if w in texts] == [words["agg-supports"]]


def test_the_contested_list_names_a_claim_by_its_label_and_an_unknown_by_its_id() -> None:
    from argmap.analysis.contested import Contested

    amap = ArgumentMap(
        title="t",
        claims=(Claim("c", "The long text of it", label="Short"), Claim("d", "Plain")),
    )
    analysis = SimpleNamespace(
        contested=(
            Contested("c", 1.0, ("a",), ("b",)),
            Contested("ghost", 0.9, ("a",), ("b", "e")),
            Contested("d", 0.5, ("a",), ("b",)),
        )
    )
    listed = html._contested(amap, analysis)  # type: ignore[arg-type]
    assert [(r["id"], r["name"], r["supporters"], r["opponents"]) for r in listed] == [
        ("c", "Short", 1, 1),
        ("ghost", "ghost", 1, 2),
        ("d", "Plain", 1, 1),
    ]


def test_a_board_row_without_a_pull_shows_the_actors_own_stance_on_the_proposal() -> None:
    from argmap.model import Actor, Source, Stance

    amap = ArgumentMap(
        title="t",
        sources=(Source("src", "T", "P", "2024"),),
        actors=(Actor("a", "A", ActorKind.PERSON), Actor("b", "B", ActorKind.PERSON)),
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("q", "Q")),
        stances=(
            Stance("s1", "a", "p", Position.SUPPORTS, "src", quote="x"),
            Stance("s2", "b", "p", Position.NEUTRAL, "src", quote="y"),
            Stance("s3", "b", "q", Position.SUPPORTS, "src", quote="z"),
        ),
    )
    index = {"s1": 0, "s2": 1, "s3": 2}
    board = html._board(amap, analyse(amap), index)["p"]
    # b pulls nowhere on p: the row names b's own (neutral) stance on p, not the one on q.
    assert board["neutral"] == [["b", 0.0, 1]]
    assert board["for"] == [["a", 1.0, 0]]
