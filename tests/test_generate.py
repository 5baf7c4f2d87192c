"""The benchmark's map generator: valid, deterministic maps of the size asked for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from argmap.checks import check
from argmap.load import loads
from argmap.model import Position

from .helpers import generate

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("stances", [1, 7, 100, 600])
def test_generated_map_has_no_problem_at_all(stances: int) -> None:
    loaded = loads(generate.generate(stances, seed=3), "map.yaml")
    assert loaded.problems == ()
    assert check(loaded.map, verify_quotes=False) == []
    assert len(loaded.map.stances) == stances


def test_same_seed_same_text_other_seed_other_text() -> None:
    assert generate.generate(50, seed=1) == generate.generate(50, seed=1)
    assert generate.generate(50, seed=1) != generate.generate(50, seed=2)


def test_map_has_the_variety_of_a_real_one() -> None:
    amap = loads(generate.generate(1000, seed=1), "map.yaml").map
    positions = Counter(s.position for s in amap.stances)
    assert set(positions) == set(Position)
    assert {c.kind.value for c in amap.claims} == {"proposal", "claim", "evidence"}
    assert {r.kind.value for r in amap.relations} == {"supports", "attacks"}
    assert any(s.reported and s.quote is None for s in amap.stances)
    assert any(s.reported and s.quote is not None for s in amap.stances)
    assert any(a.affiliations for a in amap.actors)
    assert len(amap.sources) == 25
    # Quotes carry the characters a fast path must not misread as YAML syntax.
    quotes = [s.quote for s in amap.stances if s.quote]
    for needle in ("&", "!", "*", ": ", "’", "'"):
        assert any(needle in q for q in quotes), needle


def test_problems_are_unknown_claims_spread_through_the_file() -> None:
    loaded = loads(generate.generate(200, seed=1, problems=4), "map.yaml")
    problems = check(loaded.map, verify_quotes=False)
    assert [p.rule for p in problems] == ["unknown-claim"] * 4
    lines = [p.loc.line for p in problems]
    assert lines == sorted(lines) and len(set(lines)) == 4


def test_command_line_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "map.yaml"
    assert generate.main(["--stances", "20", "--seed", "5", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == generate.generate(20, seed=5)


def test_command_line_refuses_more_problems_than_stances() -> None:
    with pytest.raises(SystemExit) as exit_info:
        generate.main(["--stances", "5", "--problems", "6"])
    assert exit_info.value.code == 2
