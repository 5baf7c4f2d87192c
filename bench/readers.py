"""The fast path against one reader built on libyaml's composer, at a chosen size.

    python bench/readers.py --stances 20000          # generates the map in a temp folder

Three ways to read the same clean map into an `ArgumentMap`, each timed in CPU seconds
(the best of `--reps` runs, garbage collector off as the loader runs it):

- fast: `argmap.load.fast.fast_load`, the line-by-line reader of plain block YAML;
- composer: `yaml.compose` with libyaml's `CSafeLoader` (the composer in C), its nodes
  turned into `argmap.load.compose.Node`s and built by `build_map`, the full loader's
  builder: the least a single reader on libyaml's composer has to do;
- full: `argmap.load.compose.compose` (PyYAML's event stream, composed in Python) and
  `build_map`, the reader every file that is not clean goes through.

All three must give the same map; the script says so before it prints the times.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from argmap.load.build import build_map
from argmap.load.compose import Node, compose
from argmap.load.fast import fast_load
from argmap.model import ArgumentMap

PATH = "arguments.yaml"


def _node(node: Any) -> Node:
    mark = node.start_mark
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # libyaml gives "" for a plain scalar, PyYAML None
        return Node("scalar", node.value, mark.line + 1, mark.column + 1, plain)
    if isinstance(node, yaml.SequenceNode):
        return Node("seq", [_node(n) for n in node.value], mark.line + 1, mark.column + 1)
    pairs = [(_node(k), _node(v)) for k, v in node.value]
    return Node("map", pairs, mark.line + 1, mark.column + 1)


def composer_reader(text: str) -> ArgumentMap:
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    return build_map(_node(root) if root is not None else None, PATH).map


def full_reader(text: str) -> ArgumentMap:
    root, _ = compose(text, PATH)
    return build_map(root, PATH).map


def fast_reader(text: str) -> ArgumentMap:
    amap = fast_load(text, PATH)
    assert amap is not None, "the fast path refused a clean generated map"
    return amap


def best_of(reps: int, read: Callable[[str], ArgumentMap], text: str) -> float:
    times = []
    for _ in range(reps):
        gc.collect()
        gc.disable()
        start = time.process_time()
        try:
            read(text)
        finally:
            times.append(time.process_time() - start)
            gc.enable()
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stances", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "map.yaml"
        file.write_text(generate(args.stances, args.seed), encoding="utf-8")
        text = file.read_text(encoding="utf-8")
    readers = {"fast": fast_reader, "composer": composer_reader, "full": full_reader}
    maps = {name: read(text) for name, read in readers.items()}
    same = all(m == maps["full"] for m in maps.values())
    print(f"{args.stances} stances, {len(text):,} characters; same map from all: {same}")
    fast = best_of(args.reps, fast_reader, text)
    for name, read in readers.items():
        seconds = fast if name == "fast" else best_of(args.reps, read, text)
        print(f"{name:9} {seconds:6.2f} s CPU   {seconds / fast:4.1f} x fast")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
