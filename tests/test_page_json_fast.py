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

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import analyse
from argmap.errors import OutputError
from argmap.model import ActorKind, ArgumentMap, ClaimKind, Position, RelationKind
from argmap.render import html

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
