"""Every export opened by a second reader of its own ecosystem, counted against the map.

    python bench/second_readers.py                    # curated map + a generated one
    python bench/second_readers.py --stances 10000    # a bigger generated map
    python bench/second_readers.py other.yaml

bench/roundtrip.py (run by the tests) reads each format with ONE reader. This script
exports the curated map and a generated map (bench/generate.py, with an actor renamed
"José ..." and a quote that starts with `=`, so non-ASCII text and formula starts are
exercised) in every format, opens each file with the other readers that users of the
format have, and prints a Markdown table: format x reader -> what the reader counted
(`map = seen`, or `map ≠ seen`) and whether a non-ASCII word of an actor's name came
through intact. Exit status 1 on any difference. A reader that is not installed is a
row saying so (and exit status 1 too, unless --allow-missing).

It is not part of the test run: it needs R, LibreOffice, node and two Python
environments. Installing the readers (as root on Debian 12):

    apt-get install r-base-core r-cran-igraph r-cran-readr libreoffice-calc-nogui \\
        python3-graph-tool
    pip install -e '.[test,readers]'     # python-igraph 1.0, arguebuf 2.7, pandas, odfpy
    python3.13 -m venv .cache/readers-py313   # arguebuf 3.0 needs Python 3.13
    .cache/readers-py313/bin/pip install 'igraph==0.11.*' 'arguebuf==3.0.*'
    npm install --prefix .cache/readers graphology@0.26.0 graphology-graphml@0.5.2 \\
        graphology-gexf@0.13.2
    npm install --prefix .cache/argdown @argdown/cli@1.7.5

graph-tool 2.45 is Debian's `python3-graph-tool`, built for Debian's own Python
(/usr/bin/python3), so it runs there; python-igraph 0.11 and arguebuf 3.0 run in
.cache/readers-py313. Those readers are run as `PYTHON bench/second_readers.py --read
READER FILE WORD`, which imports nothing of argmap, and print their counts as JSON.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OTHER_PYTHON = ROOT / ".cache" / "readers-py313" / "bin" / "python"
DEBIAN_PYTHON = Path("/usr/bin/python3")
NODE_MODULES = ROOT / ".cache" / "readers" / "node_modules"
ARGDOWN = ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"

Counts = dict[str, int]
#: A count a reader cannot see (the format's data is there, the reader skips it).
NOT_READ = -1


class Missing(Exception):
    """A reader that is not installed here."""


# ------------------------------------------------------------------ Python graph readers
# These run in whichever interpreter has the library, so they import nothing of argmap.


def _graph_counts(
    node_types: list[str],
    edges: list[dict[str, Any]],
    nodes: list[dict[str, Any]],
    texts: list[str],
    word: str,
) -> Counts:
    """The counts every graph reader reports, from plain lists of what it read."""
    counts: Counter[str] = Counter()
    for edge in edges:
        weight = int(edge.get("count") or 1)
        counts[str(edge.get("type"))] += weight
        if edge.get("kind") == "undercuts":
            counts["undercuts"] += weight
    positions = sum(
        1
        for node in nodes
        for key, value in node.items()
        if key.startswith("position_") and _number(value) is not None
    )
    types = Counter(node_types)
    return {
        "actors": types["actor"],
        "claims": types["claim"],
        "sources": types["source"],
        "stances": counts["stance"],
        "relations": counts["relation"],
        "undercuts": counts["undercuts"],
        "edge ids": sum(1 for e in edges if e.get("argmap_id")),
        "stated positions": positions,
        "actors in a camp": sum(1 for n in nodes if (_number(n.get("camp")) or 0) > 0),
        "non-ASCII": int(any(word in t for t in texts)),
    }


def _number(value: Any) -> float | None:
    """A numeric attribute as a float; None when absent or NaN (how defaults must read)."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def read_igraph(path: str, word: str) -> Counts:
    """python-igraph's GraphML reader (`Graph.Read_GraphML`)."""
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    nodes = [v.attributes() for v in graph.vs]
    edges = [e.attributes() for e in graph.es]
    texts = [str(n.get("label")) for n in nodes]
    return _graph_counts([str(n["type"]) for n in nodes], edges, nodes, texts, word)


def read_graph_tool(path: str, word: str) -> Counts:
    """graph-tool's GraphML reader (`load_graph`)."""
    import graph_tool

    graph = graph_tool.load_graph(path, fmt="graphml")
    vprops, eprops = dict(graph.vp), dict(graph.ep)
    nodes = [{k: p[v] for k, p in vprops.items()} for v in graph.vertices()]
    edges = [{k: p[e] for k, p in eprops.items()} for e in graph.edges()]
    texts = [str(n.get("label")) for n in nodes]
    return _graph_counts([str(n["type"]) for n in nodes], edges, nodes, texts, word)


def read_arguebuf(path: str, word: str) -> Counts:
    """arguebuf's AIF loader: atoms, schemes by kind, undercuts, participants."""
    import importlib.metadata
    import logging

    import arguebuf

    logging.getLogger("arguebuf").setLevel(logging.ERROR)
    graph = arguebuf.load.file(path)
    # 2.x's AIF loader skips `participants` and `locutions`; 3.x gives an atom asserted
    # by exactly one locution that locution's speaker.
    speakers = not importlib.metadata.version("arguebuf").startswith("2.")
    ids = {
        n["nodeID"]: str(n.get("argmapID", "")) for n in json.loads(Path(path).read_text())["nodes"]
    }
    # A claim's argmap id is a slug; a stance's (its quote's I node) has `/` in it.
    spoken = [ids[n.id] for n in graph.atom_nodes.values() if n.participant is not None]
    schemes = Counter(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    undercuts = sum(
        1
        for e in graph.edges.values()
        if e.source.id in graph.scheme_nodes and e.target.id in graph.scheme_nodes
    )
    participants = getattr(graph, "participants", {})
    texts = [str(getattr(n, "plain_text", "")) for n in graph.atom_nodes.values()]
    return {
        "I nodes": len(graph.atom_nodes),
        "S nodes": len(graph.scheme_nodes),
        "supports": schemes["Support"],
        "attacks": schemes["Attack"] - undercuts,
        "undercuts": undercuts,
        "participants": len(participants) if speakers else NOT_READ,
        "quotes with a speaker": sum("/" in i for i in spoken) if speakers else NOT_READ,
        "claims with a speaker": sum("/" not in i for i in spoken) if speakers else NOT_READ,
        "non-ASCII": int(any(word in t for t in texts)),
    }


def read_pandas(path: str, word: str) -> Counts:
    """pandas.read_csv, every cell as text."""
    import pandas

    frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
    return _table_counts(frame.to_dict("records"), word)


def _table_counts(rows: list[dict[str, Any]], word: str) -> Counts:
    """Counts of a stance table in either CSV dialect, rows as dicts of strings."""
    agreement = Counter(str(row.get("agreement", "")) for row in rows)
    actor = "actor_id" if rows and "actor_id" in rows[0] else "person"
    cells = [str(v) for row in rows for v in row.values()]
    counts = {
        "stances": len(rows),
        "supports": agreement["yes"] + agreement["1"],
        "opposes": agreement["no"] + agreement["0"],
        "neutral": agreement["neutral"] + agreement[""],
        "multi-line cells": sum(1 for c in cells if "\n" in c),
        "non-ASCII": int(any(word in c for c in cells)),
    }
    if actor == "actor_id":
        counts["actors"] = len({row["actor_id"] for row in rows})
    return counts


PY_READERS: dict[str, Callable[[str, str], Counts]] = {
    "igraph": read_igraph,
    "graph-tool": read_graph_tool,
    "arguebuf": read_arguebuf,
    "pandas": read_pandas,
}


def in_python(python: Path, reader: str) -> Callable[[str, str], Counts]:
    """A Python reader run in another interpreter (this script's `--read` mode)."""

    def read(path: str, word: str) -> Counts:
        if not python.exists():
            raise Missing(f"{python} not found")
        args = [str(python), __file__, "--read", reader, path, word]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
            if "ModuleNotFoundError" in done.stderr:
                raise Missing(tail[0])
            raise RuntimeError(tail[0])
        counts: Counts = json.loads(done.stdout)
        return counts

    return read


def version_of(python: Path, module: str) -> str:
    """The version of `module` that `python` imports, or '?'."""
    code = (
        "import importlib.metadata as meta\n"
        f"try: print(meta.version({module!r}))\n"
        f"except meta.PackageNotFoundError: import {module.replace('-', '_')} as m;"
        " print(m.__version__.split()[0])"
    )
    if not python.exists():
        return "?"
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


# --------------------------------------------------------------------------- R readers

_R_GRAPH = r"""
suppressMessages(library(igraph))
args <- commandArgs(TRUE)
g <- read_graph(args[1], format = "graphml")
count <- E(g)$count; if (is.null(count)) count <- rep(1, ecount(g))
type <- E(g)$type; kind <- E(g)$kind
pos <- grep("^position_", vertex_attr_names(g), value = TRUE)
stated <- sum(sapply(pos, function(p) sum(!is.na(vertex_attr(g, p)))))
camp <- V(g)$camp; camp[is.na(camp)] <- 0
ids <- E(g)$argmap_id
cat(sprintf("actors=%d\nclaims=%d\nsources=%d\n", sum(V(g)$type == "actor"),
    sum(V(g)$type == "claim"), sum(V(g)$type == "source")))
cat(sprintf("stances=%d\nrelations=%d\nundercuts=%d\n", sum(count[type == "stance"]),
    sum(count[type == "relation"]), sum(count[kind == "undercuts"])))
cat(sprintf("edge ids=%d\nstated positions=%d\nactors in a camp=%d\n",
    sum(!is.na(ids) & ids != ""), stated, sum(camp > 0)))
cat(sprintf("non-ASCII=%d\n", as.integer(any(grepl(args[2], V(g)$label, fixed = TRUE)))))
"""

_R_CSV = r"""
args <- commandArgs(TRUE)
if (args[3] == "readr") {
  d <- as.data.frame(readr::read_csv(args[1], col_types = readr::cols(.default = "c"),
                     na = character(), progress = FALSE))
} else {
  d <- read.csv(args[1], encoding = "UTF-8", colClasses = "character", na.strings = NULL)
}
a <- d$agreement
cells <- unlist(d, use.names = FALSE)
cat(sprintf("stances=%d\nsupports=%d\nopposes=%d\nneutral=%d\n", nrow(d),
    sum(a %in% c("yes", "1")), sum(a %in% c("no", "0")), sum(a %in% c("neutral", ""))))
cat(sprintf("multi-line cells=%d\n", sum(grepl("\n", cells, fixed = TRUE))))
cat(sprintf("non-ASCII=%d\n", as.integer(any(grepl(args[2], cells, fixed = TRUE)))))
if ("actor_id" %in% names(d)) cat(sprintf("actors=%d\n", length(unique(d$actor_id))))
"""


def in_r(code: str, *extra: str) -> Callable[[str, str], Counts]:
    """An R reader: Rscript runs `code` on the file and prints `key=value` lines."""

    def read(path: str, word: str) -> Counts:
        if not shutil.which("Rscript"):
            raise Missing("Rscript not found")
        args = ["Rscript", "--vanilla", "-e", code, path, word, *extra]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip()[-300:])
        return _key_values(done.stdout)

    return read


def _key_values(text: str) -> Counts:
    return {k: int(v) for k, v in (line.split("=", 1) for line in text.splitlines() if line)}


def r_version(package: str) -> str:
    if not shutil.which("Rscript"):
        return "?"
    code = f'cat(as.character(packageVersion("{package}")))'
    done = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


# ----------------------------------------------------------------- graphology (node.js)

_GRAPHOLOGY = r"""
const fs = require('fs');
const [format, path, word] = process.argv.slice(1);
const {MultiGraph} = require('graphology');
const {parse} = require(`graphology-${format}`);
const g = parse(MultiGraph, fs.readFileSync(path, 'utf-8'));
const c = {actors: 0, claims: 0, sources: 0, stances: 0, relations: 0, undercuts: 0,
           'edge ids': 0, 'stated positions': 0, 'actors in a camp': 0, 'non-ASCII': 0};
const real = v => v !== undefined && v !== null && v !== '' && !Number.isNaN(Number(v));
g.forEachNode((n, a) => {
  if (a.type === 'actor') c.actors++;
  if (a.type === 'claim') c.claims++;
  if (a.type === 'source') c.sources++;
  for (const k of Object.keys(a))
    if (k.startsWith('position_') && real(a[k])) c['stated positions']++;
  if (Number(a.camp) > 0) c['actors in a camp']++;
  if (String(a.label).includes(word)) c['non-ASCII'] = 1;
});
g.forEachEdge((e, a) => {
  const n = Number(a.count || 1);
  if (a.type === 'stance') c.stances += n;
  if (a.type === 'relation') c.relations += n;
  if (a.kind === 'undercuts') c.undercuts += n;
  if (a.argmap_id) c['edge ids']++;
});
c['title kept'] = +String(g.getAttribute('title') || g.getAttribute('description') || '')
  .includes(process.argv[4]);
console.log(JSON.stringify(c));
"""


def in_graphology(fmt: str) -> Callable[[str, str], Counts]:
    """graphology-graphml or graphology-gexf, parsing into a MultiGraph."""

    def read(path: str, word: str) -> Counts:
        if not (NODE_MODULES / f"graphology-{fmt}").exists() or not shutil.which("node"):
            raise Missing(f"graphology-{fmt} not in {NODE_MODULES}")
        args = ["node", "-e", _GRAPHOLOGY, fmt, path, word, TITLE_WORD[0]]
        env = {"NODE_PATH": str(NODE_MODULES), "PATH": "/usr/bin:/bin"}
        done = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip()[-300:])
        counts: Counts = json.loads(done.stdout)
        return counts

    return read


#: The first word of the map's title, for the readers that report graph metadata.
TITLE_WORD = [""]


def npm_version(package: str, folder: Path = NODE_MODULES) -> str:
    try:
        return str(json.loads((folder / package / "package.json").read_text())["version"])
    except OSError:
        return "?"


# ------------------------------------------------------------- XSD (lxml) as a reader


def read_xsd(fmt: str) -> Callable[[str, str], Counts]:
    """lxml's XML Schema validator with the official schema, and the elements it holds."""

    def read(path: str, word: str) -> Counts:
        from lxml import etree

        schema_file = {
            "graphml": ROOT / "tests" / "fixtures" / "xsd" / "graphml-1.1" / "graphml.xsd",
            "gexf": ROOT / "tests" / "fixtures" / "xsd" / "gexf-1.3" / "gexf.xsd",
        }[fmt]
        schema = etree.XMLSchema(etree.parse(str(schema_file)))
        doc = etree.parse(path)
        schema.validate(doc)
        root = doc.getroot()
        ns = {"g": root.nsmap[None]}
        node = "//g:node" if fmt == "graphml" else "//g:nodes/g:node"
        edge = "//g:edge" if fmt == "graphml" else "//g:edges/g:edge"
        labels = (
            [str(x) for x in root.xpath("//g:node/@label", namespaces=ns)]
            if fmt == "gexf"
            else [str(x.text) for x in root.iter("{*}data")]
        )
        return {
            "XSD errors": len(schema.error_log),
            "nodes": len(root.xpath(node, namespaces=ns)),
            "edges": len(root.xpath(edge, namespaces=ns)),
            "non-ASCII": int(any(word in t for t in labels)),
        }

    return read


# ------------------------------------------------------------------ Argdown CLI `map`


def read_argdown_map(path: str, word: str) -> Counts:
    """`argdown map FILE DIR -f dot`: the boxes and arrows of the map Argdown draws."""
    import html
    import re

    if not ARGDOWN.exists():
        raise Missing(f"{ARGDOWN} not found")
    with tempfile.TemporaryDirectory() as out:
        args = [str(ARGDOWN), "map", path, out, "-f", "dot"]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        dots = list(Path(out).glob("*.dot"))
        if done.returncode != 0 or not dots:
            raise RuntimeError(f"argdown map failed: {done.stdout[-300:]}{done.stderr[-300:]}")
        dot = dots[0].read_text(encoding="utf-8")
    node = re.compile(r'^\s*n\d+ \[label=<(.*)>, .*type="(statement|argument)-map-node"\];$')
    nodes = [m.groups() for m in map(node.match, dot.splitlines()) if m]
    kinds = Counter(re.findall(r'^\s*n\d+ -> n\d+ \[type="(\w+)"', dot, re.M))
    labels = [html.unescape(re.sub(r"<[^>]*>", " ", label)) for label, _ in nodes]
    return {
        "statement boxes": sum(1 for _, kind in nodes if kind == "statement"),
        "argument boxes": sum(1 for _, kind in nodes if kind == "argument"),
        "supports": kinds["support"],
        "attacks": kinds["attack"],
        "undercuts": kinds["undercut"],
        "non-ASCII": int(any(word in label for label in labels)),
    }


# --------------------------------------------------------------------- LibreOffice


def read_libreoffice(path: str, word: str) -> Counts:
    """LibreOffice Calc: the CSV imported (UTF-8, comma, `"`) and saved as ODS, which
    pandas reads back; formula cells are counted in the ODS itself."""
    import pandas

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise Missing("soffice not found")
    with tempfile.TemporaryDirectory() as out:
        # 44 = comma, 34 = `"`, 76 = UTF-8, 1 = start at line 1: the Text Import dialog's
        # choices that docs/exports.md tells a user to keep.
        profile = f"-env:UserInstallation=file://{out}/u"  # a fresh profile, no dialogs
        args = [soffice, "--headless", "--norestore", profile, "--infilter=CSV:44,34,76,1"]
        args += ["--convert-to", "ods", "--outdir", out, path]
        subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
        ods = Path(out) / (Path(path).stem + ".ods")
        if not ods.exists():
            raise RuntimeError("soffice wrote no ods")
        with zipfile.ZipFile(ods) as archive:
            content = archive.read("content.xml").decode("utf-8")
        frame = pandas.read_excel(ods, engine="odf", dtype=str, keep_default_na=False)
    counts = _table_counts(frame.to_dict("records"), word)
    counts["formula cells"] = content.count("table:formula=")
    return counts


def soffice_version() -> str:
    soffice = shutil.which("soffice")
    if not soffice:
        return "?"
    done = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=False)
    parts = done.stdout.split()
    return parts[1] if len(parts) > 1 else "?"


# ------------------------------------------------------------------------- the table


def make_readers() -> list[tuple[str, str, Callable[[str, str], Counts]]]:
    """(file, reader's name, read) for every second reader, in table order."""
    import importlib.metadata as meta

    def here(module: str) -> str:
        try:
            return meta.version(module)
        except meta.PackageNotFoundError:
            return "?"

    old = OTHER_PYTHON
    return [
        ("graphml", f"python-igraph {here('igraph')}", read_igraph),
        ("graphml", f"python-igraph {version_of(old, 'igraph')}", in_python(old, "igraph")),
        (
            "graphml",
            f"graph-tool {version_of(DEBIAN_PYTHON, 'graph-tool')}",
            in_python(DEBIAN_PYTHON, "graph-tool"),
        ),
        ("graphml", f"R igraph {r_version('igraph')}", in_r(_R_GRAPH)),
        (
            "graphml",
            f"graphology-graphml {npm_version('graphology-graphml')}",
            in_graphology("graphml"),
        ),
        ("graphml", "GraphML 1.1 XSD (lxml)", read_xsd("graphml")),
        ("gexf", f"graphology-gexf {npm_version('graphology-gexf')}", in_graphology("gexf")),
        ("gexf", "GEXF 1.3 XSD (lxml)", read_xsd("gexf")),
        (
            "argdown",
            f"Argdown CLI {npm_version('@argdown/cli', ARGDOWN.parents[1])} `map`",
            read_argdown_map,
        ),
        ("aif", f"arguebuf {here('arguebuf')}", read_arguebuf),
        ("aif", f"arguebuf {version_of(old, 'arguebuf')}", in_python(old, "arguebuf")),
        ("csv", f"pandas {here('pandas')} read_csv", read_pandas),
        ("csv", f"R {r_version('base')} read.csv", in_r(_R_CSV, "base")),
        ("csv", f"R readr {r_version('readr')} read_csv", in_r(_R_CSV, "readr")),
        ("csv --bom", f"LibreOffice Calc {soffice_version()} (to ods)", read_libreoffice),
        ("csv --dialect dna", f"pandas {here('pandas')} read_csv", read_pandas),
        ("csv --dialect dna", f"R {r_version('base')} read.csv", in_r(_R_CSV, "base")),
    ]


def expected(amap: Any, analysis: Any, fmt: str) -> Counts:
    """What a faithful reader of `fmt` must count, from argmap's own model."""
    from argmap.export.graph import build_network
    from argmap.model import Position

    stances, relations = amap.stances, amap.relations
    positions = Counter(s.position for s in stances)
    undercuts = sum(1 for r in relations if r.kind.value == "undercuts")
    if fmt in ("graphml", "gexf") or fmt.endswith("XSD"):
        net = build_network(amap, analysis, "full")
        counts = {
            "actors": len(amap.actors),
            "claims": len(amap.claims),
            "sources": len(amap.sources),
            "stances": len(stances),
            "relations": len(relations),
            "undercuts": undercuts,
            "edge ids": len(net.edges),
            "stated positions": sum(
                1 for _, attrs in net.nodes for key in attrs if key.startswith("position_")
            ),
            "actors in a camp": sum(1 for _, attrs in net.nodes if "camp" in attrs),
            "non-ASCII": 1,
        }
        if fmt == "gexf":
            counts["title kept"] = 1
        return counts
    if fmt.startswith("csv"):
        counts = {
            "stances": len(stances),
            "supports": positions[Position.SUPPORTS],
            "opposes": positions[Position.OPPOSES],
            "neutral": positions[Position.NEUTRAL],
            "multi-line cells": _multiline(amap, fmt),
            "non-ASCII": 1,
        }
        if "dna" not in fmt:
            counts["actors"] = len({s.actor for s in stances})
        if fmt == "csv --bom":
            counts["formula cells"] = 0  # LibreOffice runs an `=...` cell it imports
        return counts
    if fmt == "aif":
        taking = positions[Position.SUPPORTS] + positions[Position.OPPOSES]
        kinds = Counter(r.kind.value for r in relations)
        questioned = Counter(s.claim for s in stances if s.position is Position.NEUTRAL)
        return {
            "I nodes": len(amap.claims) + taking,
            "S nodes": len(relations) + taking,
            "supports": kinds["supports"] + positions[Position.SUPPORTS],
            "attacks": kinds["attacks"] + positions[Position.OPPOSES],
            "undercuts": undercuts,
            # arguebuf 3 makes a participant of each actor that speaks.
            "participants": len({s.actor for s in stances}),
            "quotes with a speaker": taking,
            # IAT anchors a neutral stance's Pure Questioning on the claim's own I node;
            # arguebuf 3 takes any illocution for an assertion, so a claim questioned by
            # exactly one neutral stance gets the questioner as its speaker (docs/exports.md).
            "claims with a speaker": sum(1 for n in questioned.values() if n == 1),
            "non-ASCII": 1,
        }
    raise ValueError(fmt)


def _multiline(amap: Any, fmt: str) -> int:
    """Cells holding a line break, as the CSV export writes them."""
    from argmap.export.csv import csv_text

    dialect = "dna" if "dna" in fmt else "argmap"
    rows = list(csv.reader(io.StringIO(csv_text(amap, dialect=dialect), newline="")))
    return sum(1 for row in rows[1:] for cell in row if "\n" in cell)


def expected_argdown(amap: Any) -> Counts:
    """The boxes and arrows `argdown map` draws for the export (see argmap/export/argdown)."""
    from argmap.model import Position

    kinds = Counter(r.kind.value for r in amap.relations)
    undercut = {r.target for r in amap.relations if r.kind.value == "undercuts"}
    sides = {(s.actor, s.claim, s.position) for s in amap.stances if s.position.sign}
    actors = {s.actor for s in amap.stances if s.position is not Position.NEUTRAL}
    return {
        "statement boxes": len(amap.claims),
        "argument boxes": len(actors) + len(undercut),
        "supports": kinds["supports"]
        + len(undercut)
        + sum(1 for *_, p in sides if p is Position.SUPPORTS),
        "attacks": kinds["attacks"] + sum(1 for *_, p in sides if p is Position.OPPOSES),
        "undercuts": kinds["undercuts"],
        "non-ASCII": 1,
    }


def exports(amap: Any, analysis: Any, folder: Path) -> dict[str, Path]:
    """Every file the readers open, written as `argmap export` writes it."""
    from argmap.export.aif import aif
    from argmap.export.argdown import argdown
    from argmap.export.csv import csv_text
    from argmap.export.graph import gexf, graphml

    texts = {
        "graphml": ("map.graphml", graphml(amap, analysis)),
        "gexf": ("map.gexf", gexf(amap, analysis)),
        "argdown": ("map.argdown", argdown(amap, analysis)),
        "aif": ("map.aif.json", aif(amap, analysis)),
        "csv": ("stances.csv", csv_text(amap)),
        "csv --bom": ("stances-bom.csv", csv_text(amap, bom=True)),
        "csv --dialect dna": ("statements.csv", csv_text(amap, dialect="dna")),
    }
    paths = {}
    for fmt, (name, text) in texts.items():
        paths[fmt] = folder / name
        paths[fmt].write_text(text, encoding="utf-8", newline="")
    return paths


Result = tuple[str, str, str, Counts, Counts | str]


def run(name: str, amap: Any, words: tuple[str, str], folder: Path) -> list[Result]:
    """Every second reader on every export of one map: (map, format, reader, want, seen).

    `words` are a non-ASCII word of an actor's name, which graph, Argdown and CSV readers
    must show intact, and one of a claim's text, for AIF readers (arguebuf keeps the I
    nodes, not who spoke).
    """
    from argmap.analysis import analyse

    analysis = analyse(amap)
    TITLE_WORD[0] = amap.title.split()[0]
    paths = exports(amap, analysis, folder)
    results: list[Result] = []
    for fmt, reader, read in make_readers():
        if fmt == "argdown":
            want = expected_argdown(amap)
        elif "XSD" in reader:
            net_counts = expected(amap, analysis, "graphml")
            want = {"XSD errors": 0, "nodes": 0, "edges": net_counts["edge ids"], "non-ASCII": 1}
            want["nodes"] = net_counts["actors"] + net_counts["claims"] + net_counts["sources"]
        else:
            want = expected(amap, analysis, fmt)
        seen: Counts | str
        try:
            seen = read(str(paths[fmt]), words[fmt == "aif"])
        except Missing as missing:
            seen = f"not installed: {missing}"
        except Exception as error:  # a reader that crashes is a finding, not a stop
            seen = f"failed: {type(error).__name__}: {error}"
        results.append((name, fmt, reader, want, seen))
    return results


def table(results: list[Result]) -> str:
    """Markdown: one line per map, format and reader."""
    lines = [
        "| map | format | reader | counts (map = seen) | same |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, fmt, reader, want, seen in results:
        if isinstance(seen, str):
            lines.append(f"| {name} | {fmt} | {reader} | {seen} | **no** |")
            continue
        cells = ", ".join(_cell(k, v, seen.get(k)) for k, v in want.items())
        same = "yes" if _same(want, seen) else "**no**"
        lines.append(f"| {name} | {fmt} | {reader} | {cells} | {same} |")
    return "\n".join(lines) + "\n"


def _cell(key: str, want: int, seen: int | None) -> str:
    if seen == NOT_READ:
        return f"{key} {want} (not read)"
    return f"{key} {want}" if seen == want else f"{key} {want} ≠ {'—' if seen is None else seen}"


def _same(want: Counts, seen: Counts) -> bool:
    return all(seen.get(k) in (v, NOT_READ) for k, v in want.items())


def generated_map(stances: int) -> Any:
    """A generated map with "José" in a person's name, a claim's text and a quote that
    starts with `=` and has two lines (the generator writes ASCII, one-line quotes)."""
    import dataclasses

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from argmap.load import loads
    from argmap.model import ActorKind

    amap = loads(generate(stances, seed=1), "generated.yaml").map
    speakers = {s.actor for s in amap.stances}
    person = min(a.id for a in amap.actors if a.kind is ActorKind.PERSON and a.id in speakers)
    actors = tuple(
        dataclasses.replace(a, name=f"José {a.name}") if a.id == person else a for a in amap.actors
    )
    first = min(amap.stances, key=lambda s: s.id)
    stances_ = tuple(
        dataclasses.replace(s, quote=f"=1+1, said José.\n{s.quote or ''}") if s is first else s
        for s in amap.stances
    )
    claim = min(c.id for c in amap.claims)
    claims = tuple(
        dataclasses.replace(c, text=f"{c.text} (José)") if c.id == claim else c for c in amap.claims
    )
    return dataclasses.replace(amap, actors=actors, claims=claims, stances=stances_)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--read"]:
        print(json.dumps(PY_READERS[argv[1]](argv[2], argv[3])))
        return 0
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=str(ROOT / "arguments.yaml"))
    parser.add_argument("--stances", type=int, default=2000, help="the generated map's size")
    parser.add_argument("--allow-missing", action="store_true")
    args = parser.parse_args(argv)
    from argmap.commands.report import load_valid

    curated = load_valid(args.map)
    # Non-ASCII words of an actor's name and of a claim's text in the curated map.
    words = ("Southampton’s", "£10bn") if Path(args.map).name == "arguments.yaml" else ("", "")
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "curated").mkdir()
        (Path(folder) / "generated").mkdir()
        results += run(Path(args.map).name, curated, words, Path(folder) / "curated")
        amap = generated_map(args.stances)
        generated = f"generated {args.stances}"
        results += run(generated, amap, ("José", "José"), Path(folder) / "generated")
    print(table(results), end="")
    for *_, want, seen in results:
        if isinstance(seen, str):
            if not (args.allow_missing and seen.startswith("not installed")):
                return 1
        elif not _same(want, seen):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
