"""bench/roundtrip.py on the curated map: every reader sees what the map holds."""

from __future__ import annotations

from argmap.export import EXPORTERS
from argmap.load import load_file

from .export_helpers import CURATED, argdown_binary, bench_roundtrip, tricky


def test_every_format_reads_back_with_the_maps_counts() -> None:
    argdown_binary()
    bench = bench_roundtrip()
    for amap in (load_file(str(CURATED)).map, tricky()[0]):
        results = bench.roundtrip(amap)
        formats = {fmt.split()[0] for fmt, _, _ in results}
        assert formats == set(EXPORTERS) - {"json"}
        differing = [(fmt, rows) for fmt, _, rows in results if any(w != s for _, w, s in rows)]
        assert differing == []
        assert "**no**" not in bench.table(results)


def test_table_marks_a_difference() -> None:
    bench = bench_roundtrip()
    table = bench.table([("csv", "reader", [("stances", 3, 2)])])
    assert table.splitlines()[-1] == "| csv | reader | stances 3 ≠ 2 | **no** |"
