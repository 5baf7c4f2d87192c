"""Export a map in every format, read each file back with a reader that is not ours, and
print what each reader saw beside what the map holds.

    python bench/roundtrip.py                  # the curated arguments.yaml
    python bench/roundtrip.py other.yaml

Readers: networkx and lxml's XML Schema validator (the official GraphML 1.1 and GEXF 1.3
schemas in tests/fixtures/xsd) for GraphML and GEXF, the Argdown CLI (`argdown json`, installed into
.cache/argdown by `npm install --prefix .cache/argdown @argdown/cli`) for Argdown,
arguebuf for AIF, Python's csv module for CSV. Kumu has no reader outside its web app,
so its blueprint is read as plain JSON and its references are resolved here. The table
is Markdown; the exit status is 1 when any count differs from the map's.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.analysis import Analysis, analyse  # noqa: E402
from argmap.export import EXPORTERS, NETWORK_EXPORTERS  # noqa: E402
from argmap.model import ArgumentMap, ClaimKind  # noqa: E402

ARGDOWN = ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"

# (what was counted, the map's count, the reader's count)
Row = tuple[str, int, int]


def model_counts(amap: ArgumentMap) -> dict[str, int]:
    """What the map holds, by the names the rows below use."""
    relations = Counter(r.kind.value for r in amap.relations)
    return {
        "actors": len(amap.actors),
        "claims": len(amap.claims),
        "proposals": sum(c.kind is ClaimKind.PROPOSAL for c in amap.claims),
        "sources": len(amap.sources),
        "stances": len(amap.stances),
        "relations": len(amap.relations),
        "supports": relations["supports"],
        "attacks": relations["attacks"],
        "undercuts": relations["undercuts"],
    }


def _nodes_edges(graph: object) -> tuple[Counter[str], Counter[str]]:
    import networkx as nx

    assert isinstance(graph, nx.Graph)
    nodes = Counter(str(t) for _, t in graph.nodes(data="type"))
    edges = Counter(str(t) for *_, t in graph.edges(data="type"))
    return nodes, edges


XSD = ROOT / "tests" / "fixtures" / "xsd"
SCHEMAS = {"graphml": XSD / "graphml-1.1" / "graphml.xsd", "gexf": XSD / "gexf-1.3" / "gexf.xsd"}


def xsd_errors(fmt: str, text: str) -> list[str]:
    """What lxml's XML Schema validator finds wrong with a GraphML or GEXF text."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMAS[fmt])))
    schema.validate(etree.fromstring(text.encode("utf-8")))
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def read_network(fmt: str, text: str, network: str) -> dict[str, int]:
    """GraphML or GEXF read back by networkx (nodes and edges by `type`, stances and
    relations by their aggregated `count`) and checked by lxml against the format's XSD.

    Gephi drops weight-0 edges and merges parallel edges of one kind, so both must be 0.
    """
    import networkx as nx

    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(text.encode("utf-8")))
    nodes, _ = _nodes_edges(graph)
    counts: Counter[str] = Counter()
    ends: Counter[tuple[str, str, str]] = Counter()
    for u, v, data in graph.edges(data=True):
        counts[str(data.get("type"))] += int(data.get("count", 1))
        if data.get("kind") == "undercuts":
            counts["undercuts"] += int(data.get("count", 1))
        ends[u, v, str(data.get("kind"))] += 1
    seen = {"actors": nodes["actor"], "claims": nodes["claim"], "sources": nodes["source"]}
    seen["XSD errors"] = len(xsd_errors(fmt, text))
    seen["zero-weight edges"] = sum(1 for *_, w in graph.edges(data="weight") if w == 0)
    seen["parallel edges of one kind"] = sum(n - 1 for n in ends.values())
    if network == "agreement":
        return seen | {"actors": graph.number_of_nodes(), "agreement edges": counts["agreement"]}
    seen["stances"] = counts["stance"]
    if network == "full":
        seen["relations"] = counts["relation"]
        seen["undercuts"] = counts["undercuts"]
        seen["proposals"] = sum(bool(p) for _, p in graph.nodes(data="proposal"))
    return seen


def read_argdown(text: str) -> dict[str, int]:
    """The Argdown CLI's JSON: statements, relations, and the data Argdown kept."""
    data = argdown_json(text)
    statements = data["statements"].values()

    def walk(sections: list[dict[str, object]]) -> list[dict[str, object]]:
        found = []
        for section in sections:
            found.append(section)
            found += walk(section.get("children", []))  # type: ignore[arg-type]
        return found

    sections = [s.get("data") or {} for s in walk(data.get("sections", []))]
    arguments: dict[str, dict[str, object]] = data.get("arguments", {})  # type: ignore[assignment]
    # An actor's argument (data `actor`) draws its stances; the rest are the map's own.
    actors = {t for t, a in arguments.items() if "actor" in (a.get("data") or {})}  # type: ignore[operator]
    relations_seen = [r for r in data["relations"] if r["from"] not in actors]
    relations = Counter(r["relationType"] for r in relations_seen)
    # An undercut relation is an argument: `[origin] +> <id>` plus its own arrow out; the
    # first half is not a relation of the map.
    halves = sum(1 for r in relations_seen if r["to"] in arguments
                 and r["relationType"] == "support")  # fmt: skip
    return {
        "claims": len(data["statements"]),
        "proposals": sum((s.get("data") or {}).get("kind") == "proposal" for s in statements),
        "relations": len(relations_seen) - halves,
        "supports": relations["support"] - halves,
        "attacks": relations["attack"],
        "undercuts": relations["undercut"],
        "stances": sum(len(s.get("data", {}).get("stances", [])) for s in statements),
        "stance arrows": len(data["relations"]) - len(relations_seen),
        "actors": sum("actor" in d for d in sections),  # type: ignore[operator]
        "sources": sum("source" in d for d in sections),  # type: ignore[operator]
    }


def argdown_json(text: str) -> dict[str, object]:
    """Run `argdown json` on `text`; raise `RuntimeError` with its output if it fails."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "map.argdown"
        source.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [str(ARGDOWN), "json", str(source), str(Path(folder) / "out")],
            capture_output=True,
            text=True,
            check=False,
        )
        target = Path(folder) / "out" / "map.json"
        if done.returncode != 0 or not target.exists() or "error" in done.stdout.lower():
            raise RuntimeError(f"argdown failed ({done.returncode}): {done.stdout}{done.stderr}")
        result: dict[str, object] = json.loads(target.read_text(encoding="utf-8"))
        return result


class _Skipped(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Skipping edge"):
            self.count += 1


def read_aif(text: str) -> dict[str, int]:
    """arguebuf's AIF loader: atom and scheme nodes, and the edges it keeps.

    arguebuf models the argument layer only: it drops L and YA nodes and logs each edge
    that touches one as skipped, so the skipped edges count the stances (two each). The
    IAT check reads the JSON itself: an I node anchored (L -> YA -> I) by the locution of
    an opposing stance would make a reader take the opponent for the claim's speaker.
    """
    import arguebuf

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        path.write_text(text, encoding="utf-8")
        handler = _Skipped()
        logger = logging.getLogger("arguebuf")
        logger.addHandler(handler)
        try:
            graph = arguebuf.load.file(path)
        finally:
            logger.removeHandler(handler)
    schemes = Counter(type(node.scheme).__name__ for node in graph.scheme_nodes.values())
    # An undercut is a conflict scheme node pointing at another scheme node.
    undercuts = sum(
        1
        for edge in graph.edges.values()
        if edge.source.id in graph.scheme_nodes and edge.target.id in graph.scheme_nodes
    )
    return {
        "I nodes": len(graph.atom_nodes),
        "S nodes": len(graph.scheme_nodes),
        "supports": schemes["Support"],
        "attacks": schemes["Attack"] - undercuts,
        "undercuts": undercuts,
        "argument edges": len(graph.edges),
        "stances": handler.count // 2,
        "claims asserted by an opponent": _opponent_anchors(json.loads(text)),
    }


def _opponent_anchors(data: dict[str, list[dict[str, object]]]) -> int:
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    targets: dict[object, list[object]] = {}
    for edge in data["edges"]:
        targets.setdefault(edge["fromID"], []).append(edge["toID"])
    count = 0
    for node in nodes.values():
        if node["type"] != "L" or "/opposes/" not in str(node.get("argmapID")):
            continue
        for ya in targets.get(node["nodeID"], []):
            anchored = [nodes[t] for t in targets.get(ya, [])]
            count += sum(
                1 for n in anchored if n["type"] == "I" and n["argmapID"] != node["argmapID"]
            )
    return count


def read_csv(text: str) -> dict[str, int]:
    """Python's csv reader: rows after the header, and the actors and claims they name."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return {
        "stances": len(rows),
        "actors with a stance": len({row["actor_id"] for row in rows}),
        "claims with a stance": len({row["claim_id"] for row in rows}),
        "formula cells": _formulas(rows),
    }


def read_dna_csv(text: str) -> dict[str, int]:
    """The DNA dialect by Python's csv reader: statements, agreement codes, people."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return {
        "stances": len(rows),
        "agreement 1": sum(row["agreement"] == "1" for row in rows),
        "agreement 0": sum(row["agreement"] == "0" for row in rows),
        "agreement empty (neutral)": sum(row["agreement"] == "" for row in rows),
        "formula cells": _formulas(rows),
    }


def _formulas(rows: list[dict[str, str]]) -> int:
    starts = ("=", "+", "-", "@", "\t", "\r")
    return sum(1 for row in rows for cell in row.values() if cell.startswith(starts))


def read_kumu(text: str) -> dict[str, int]:
    """The blueprint as JSON: elements and connections by type, ends resolved."""
    data = json.loads(text)
    ids = [e["id"] for e in data["elements"]] + [c["id"] for c in data["connections"]]
    if len(ids) != len(set(ids)):
        raise ValueError("Kumu ids must be unique across elements and connections")
    elements = {e["id"] for e in data["elements"]}
    connections = [c for c in data["connections"] if {c["from"], c["to"]} <= elements]
    types = Counter(e["type"] for e in data["elements"])
    kinds = Counter(c["id"].split(":", 1)[0] for c in connections)
    types = types | Counter(f"connection {c['type']}" for c in connections)
    return {
        "actors": types["Actor"],
        "claims": types["Proposal"] + types["Claim"] + types["Evidence"],
        "proposals": types["Proposal"],
        "stances": kinds["stance"],
        "relations": kinds["relation"],
        "undercuts": types["connection undercuts"],
        "stance types shared with a relation": sum(
            1
            for t in {c["type"] for c in connections if c["id"].startswith("stance:")}
            if t in {c["type"] for c in connections if c["id"].startswith("relation:")}
        ),
        "'unknown' values": sum(1 for c in connections for v in c.values() if v == "unknown"),
    }


READERS: dict[str, tuple[str, Callable[[str], dict[str, int]]]] = {
    "argdown": ("Argdown CLI 1.7.5 (`argdown json`)", read_argdown),
    "aif": ("arguebuf (`arguebuf.load.file`)", read_aif),
    "csv": ("Python csv.DictReader", read_csv),
    "kumu": ("json + reference check (no Kumu reader outside kumu.io)", read_kumu),
}


def expected(amap: ArgumentMap, analysis: Analysis, fmt: str, network: str) -> dict[str, int]:
    """The counts a faithful reader of each format must see."""
    model = model_counts(amap)
    if fmt in NETWORK_EXPORTERS:
        clean = {"XSD errors": 0, "zero-weight edges": 0, "parallel edges of one kind": 0}
        if network == "agreement":
            return {"actors": model["actors"], "agreement edges": len(analysis.agreement)} | clean
        keys = ["actors", "claims", "stances"]
        if network == "full":
            keys += ["sources", "relations", "undercuts", "proposals"]
        return {key: model[key] for key in keys} | clean
    if fmt == "aif":
        # IAT: a supporting or opposing stance adds its quote's I node and an RA or CA.
        positions = Counter(s.position.value for s in amap.stances)
        taking = positions["supports"] + positions["opposes"]
        return {
            "I nodes": model["claims"] + taking,
            "S nodes": model["relations"] + taking,
            "supports": model["supports"] + positions["supports"],
            "attacks": model["attacks"] + positions["opposes"],
            "undercuts": model["undercuts"],
            "argument edges": 2 * (model["relations"] + taking),
            "stances": model["stances"],
            "claims asserted by an opponent": 0,
        }
    if fmt == "csv":
        return {
            "stances": model["stances"],
            "actors with a stance": len({s.actor for s in amap.stances}),
            "claims with a stance": len({s.claim for s in amap.stances}),
            "formula cells": 0,
        }
    if fmt == "csv --dialect dna":
        positions = Counter(s.position.value for s in amap.stances)
        return {
            "stances": model["stances"],
            "agreement 1": positions["supports"],
            "agreement 0": positions["opposes"],
            "agreement empty (neutral)": positions["neutral"],
            "formula cells": 0,
        }
    if fmt == "kumu":
        keys = ("actors", "claims", "proposals", "stances", "relations", "undercuts")
        clean = {"stance types shared with a relation": 0, "'unknown' values": 0}
        return {k: model[k] for k in keys} | clean
    # Argdown: one arrow per (actor, claim, side), neutral stances draw none.
    arrows = {(s.actor, s.claim, s.position.value) for s in amap.stances if s.position.sign}
    counts = {k: model[k] for k in model if k != "sources"}
    return counts | {"stance arrows": len(arrows), "sources": model["sources"]}


def roundtrip(amap: ArgumentMap) -> list[tuple[str, str, list[Row]]]:
    """Every format (and network) exported, read back, and compared: (format, reader, rows)."""
    analysis = analyse(amap)
    results = []
    for fmt in sorted(NETWORK_EXPORTERS):
        for network in ("full", "agreement", "stances"):
            text = NETWORK_EXPORTERS[fmt](amap, analysis, network)
            seen = read_network(fmt, text, network)
            want = expected(amap, analysis, fmt, network)
            reader = f"networkx read_{fmt} + lxml XSD"
            rows = [(key, want[key], seen.get(key, -1)) for key in want]
            results.append((f"{fmt} --network {network}", reader, rows))
    for fmt, (reader, read) in READERS.items():
        seen = read(EXPORTERS[fmt](amap, analysis))
        want = expected(amap, analysis, fmt, "full")
        results.append((fmt, reader, [(key, want[key], seen.get(key, -1)) for key in want]))
    from argmap.export.csv import csv_text

    seen = read_dna_csv(csv_text(amap, dialect="dna"))
    want = expected(amap, analysis, "csv --dialect dna", "full")
    rows = [(key, want[key], seen.get(key, -1)) for key in want]
    results.append(("csv --dialect dna", "Python csv.DictReader", rows))
    return results


def table(results: list[tuple[str, str, list[Row]]]) -> str:
    """The results as a Markdown table, one line per format."""
    lines = ["| format | reader | counts (map = seen) | same |", "| --- | --- | --- | --- |"]
    for fmt, reader, rows in results:
        counts = ", ".join(
            f"{key} {want}" if want == seen else f"{key} {want} ≠ {seen}"
            for key, want, seen in rows
        )
        same = "yes" if all(want == seen for _, want, seen in rows) else "**no**"
        lines.append(f"| {fmt} | {reader} | {counts} | {same} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from argmap.commands.report import load_valid

    path = argv[0] if argv else str(ROOT / "arguments.yaml")
    results = roundtrip(load_valid(path))
    print(table(results), end="")
    return 0 if all(w == s for _, _, rows in results for _, w, s in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
