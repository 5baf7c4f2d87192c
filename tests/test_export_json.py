"""`argmap export --format json`: the documented contract, exact and deterministic."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.export.json
from argmap.analysis import analyse
from argmap.cli import cli
from argmap.export import EXPORTERS
from argmap.export.json import dumps, to_json_data
from argmap.load import loads
from argmap.model import canonical

from .helpers import REPORT_MAP as MAP
from .helpers import write_map as write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def data(text: str = MAP) -> dict[str, object]:
    amap = loads(text).map
    return to_json_data(amap, analyse(amap))


def test_docstring_examples_run() -> None:
    assert doctest.testmod(argmap.export.json).failed == 0


def test_top_level_keys_and_map_entries() -> None:
    found = data()
    assert sorted(found) == [
        "actors",
        "analysis",
        "claims",
        "description",
        "format",
        "relations",
        "sources",
        "stances",
        "title",
    ]
    assert found["format"] == "argmap/2"
    assert found["sources"][0] == {  # type: ignore[index]
        "id": "gazette",
        "title": "Council debates drug room",
        "publisher": "The Gazette",
        "date": "2024-03-01",
        "url": "https://example.org/gazette",
        "file": None,
    }
    assert found["actors"][3] == {  # type: ignore[index]
        "id": "max",
        "name": "Max Mixed",
        "kind": "person",
        "role": None,
        "affiliations": [],
        "aliases": [],
    }
    assert found["claims"][0] == {  # type: ignore[index]
        "id": "allow",
        "kind": "proposal",
        "text": "The town should allow a drug consumption room",
        "label": "Allow a room",
        "source": None,
        "tags": [],
    }
    assert found["stances"][2] == {  # type: ignore[index]
        "id": "greens/supports/allow",
        "actor": "greens",
        "claim": "allow",
        "position": "supports",
        "source": "gazette",
        "quote": None,
        "reported": True,
        "date": None,
        "note": None,
    }
    assert found["relations"][1] == {  # type: ignore[index]
        "id": "dealers/attacks/allow",
        "from": "dealers",
        "to": "allow",
        "kind": "attacks",
        "source": "herald",
        "inferred": False,
        "note": None,
    }


def test_analysis_section() -> None:
    analysis = data()["analysis"]
    # The test map's relations are the herald's, so Sam's and Max's herald stances state
    # positions through them in one step; Jo's gazette stance on `saves` does not.
    assert analysis == {
        "question": "allow",
        "positions": {
            "jo": {"allow": 1.0},
            "greens": {"allow": 1.0},
            "sam": {"allow": -1.0},
            "max": {"allow": 0.0},
        },
        "inferred_positions": {},
        "position_details": analysis["position_details"],  # type: ignore[index]
        "sides": {
            "allow": {"for": ["greens", "jo"], "against": ["sam"], "mixed": ["max"], "neutral": []}
        },
        "stance_sides": {
            "allow": {
                "jo/supports/allow": 1,
                "jo/supports/saves": 1,
                "greens/supports/allow": 1,
                "sam/supports/dealers": -1,
                "sam/opposes/saves": -1,
                "max/supports/saves": 1,
                "max/supports/dealers": -1,
            }
        },
        "normalisation": "none",
        "agreement": [
            {"actors": ["greens", "jo"], "weight": 1.0},
            {"actors": ["jo", "max"], "weight": 1.0},
            {"actors": ["jo", "sam"], "weight": -1.0},
        ],
        "camps": [
            {
                "number": 1,
                "members": ["greens", "jo", "max"],
                "side": "for",
                "proposal": "allow",
                "mean": 0.6667,
                "stated": 3,
            },
            {
                "number": 2,
                "members": ["sam"],
                "side": "against",
                "proposal": "allow",
                "mean": -1.0,
                "stated": 1,
            },
        ],
        "unaligned": [],
        "frustration": [],
        "contested": [
            {
                "claim": "saves",
                "score": 0.9242,
                "supporters": ["jo", "max"],
                "opponents": ["sam"],
            }
        ],
        "centrality": {"allow": 0.5209, "saves": 0.1976, "dealers": 0.2816},
        "acceptance": {"allow": "in", "saves": "in", "dealers": "out"},
        "acceptance_reasons": {"dealers": ["saves"]},
        "bipolar_acceptance": {"allow": "in", "saves": "in", "dealers": "out"},
        "bipolar_reasons": {"dealers": ["saves"]},
        # saves 0.5; dealers attacked by saves 0.25; allow 0.5 + 0.5 * (0.5 - 0.25).
        "strength": {"allow": 0.625, "saves": 0.5, "dealers": 0.25},
        "disabled_relations": [],
        "derived_attacks": [],
        "incoherent": [{"actor": "max", "claim": "saves", "attacks": "dealers"}],
    }
    # The two-step route saves -> dealers -> allow is inferred, so it is not in Max's
    # stated position, which rests on the two one-step routes alone.
    assert analysis["position_details"]["max"] == {  # type: ignore[index]
        "allow": {
            "score": 0.0,
            "mixed": True,
            "contributions": [
                {
                    "stance": "max/supports/saves",
                    "claim": "saves",
                    "path": ["saves", "allow"],
                    "sign": 1,
                    "weight": 0.5,
                    "relations": ["saves/supports/allow"],
                    "sources": ["herald"],
                    "stated": True,
                },
                {
                    "stance": "max/supports/dealers",
                    "claim": "dealers",
                    "path": ["dealers", "allow"],
                    "sign": -1,
                    "weight": 0.5,
                    "relations": ["dealers/attacks/allow"],
                    "sources": ["herald"],
                    "stated": True,
                },
            ],
        }
    }


def test_dumps_sorts_keys_rounds_and_ends_in_a_newline() -> None:
    amap = loads(MAP).map
    text = dumps(amap, analyse(amap))
    assert text == dumps(loads(MAP).map, analyse(loads(MAP).map))
    assert text.startswith('{"actors":[{"affiliations":[],')
    assert text.count("\n") == 1
    assert text.endswith("}\n")
    assert json.loads(text) == data()
    assert '"weight":0.3333' in dumps(
        amap, analyse(amap, normalisation="jaccard")
    )  # 1 / 3 for jo and greens


def test_export_command_prints_or_writes(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path)
    amap = canonical(loads(MAP, path).map)  # the command exports in canonical order
    expected = dumps(amap, analyse(amap))
    result = runner.invoke(cli, ["export", "--format", "json", path])
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    result = runner.invoke(cli, ["export", "--format", "json", "-o", "-", path])
    assert (result.exit_code, result.stdout) == (0, expected)
    out = tmp_path / "deep" / "map.json"
    result = runner.invoke(cli, ["export", "--format", "json", "-o", str(out), path])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {out}\n")
    assert out.read_text(encoding="utf-8") == expected


def test_unknown_format_is_a_usage_error_listing_the_formats(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["export", "--format", "xml", write(tmp_path)])
    assert result.exit_code == 2
    # click words the list as "'json'" for one choice, "one of 'a', 'b'" for several.
    names = sorted(EXPORTERS)
    listed = f"'{names[0]}'" if len(names) == 1 else "one of " + ", ".join(f"'{n}'" for n in names)
    assert result.stderr.endswith(f"Error: Invalid value for '--format': 'xml' is not {listed}.\n")


def test_export_refuses_an_invalid_map(runner: CliRunner, tmp_path: Path) -> None:
    path = write(
        tmp_path, MAP.replace("from: saves\n    supports: allow", "from: save\n    supports: allow")
    )
    result = runner.invoke(cli, ["export", "--format", "json", path])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown claim 'save'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_docs_json_md_matches_the_export() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "json.md").read_text(encoding="utf-8")
    # The example is the export of this one-stance map, exactly.
    example = json.loads(doc.split("## Example")[1].split("```json")[1].split("```")[0])
    one = """\
title: Should the town allow a drug consumption room?
sources:
  gazette:
    title: Council debates drug room
    publisher: The Gazette
    date: 2024-03-01
actors:
  jo:
    name: Jo Green
    kind: person
claims:
  allow:
    kind: proposal
    text: The town should allow a drug consumption room
stances:
  - actor: jo
    supports: allow
    source: gazette
    quote: We should open a room this year.
"""
    assert data(one) == example
    # Every analysis key is documented in the table, and nothing more.
    section = doc.split("## `analysis`")[1].split("A `detail` is")[0]
    documented = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `")}
    assert documented == set(data()["analysis"])  # type: ignore[arg-type]
