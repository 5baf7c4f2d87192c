# ruff: noqa: E501  (the mutants are lines of the module, kept whole to be found)
"""Hand mutants of argmap/render/sugiyama.py (issue 18, sixth pass): each applied in
turn to a copy of the checkout, the sugiyama tests run against it, the verdicts printed.

    python bench/sugiyama_mutants.py /tmp/copy-of-the-checkout [NAME ...]

The copy (made by the caller: `cp -r argmap tests pyproject.toml ... /tmp/copy`) is
mutated, never this checkout. A mutant is killed when tests/test_layout_sugiyama.py, or
else tests/test_render_mutants.py and tests/test_build_speed.py, fail; docs/performance.md
("sugiyama (sixth pass)") lists the survivors and why each is equivalent or not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# (name, text of the module, its replacement)
MUTANTS = [
    # _Rows
    (
        "put always renews",
        "        if row != self.order[index]:\n            self.order[index] = row",
        "        if True:\n            self.order[index] = row",
    ),
    (
        "put forgets positions",
        "            self.order[index] = row\n            _number(row, self.pos)\n",
        "            self.order[index] = row\n",
    ),
    (
        "crossings ignore lower version",
        "seen[0] == version[index] and seen[1] == version[index + 1]",
        "seen[0] == version[index]",
    ),
    (
        "crossings skip <1",
        "            if len(order[index]) < 2 or len(order[index + 1]) < 2:\n                continue  # the lines fan out of one node or into one: none cross\n            seen = counted[index]",
        "            if len(order[index]) < 1 or len(order[index + 1]) < 1:\n                continue  # the lines fan out of one node or into one: none cross\n            seen = counted[index]",
    ),
    (
        "crossings store no count",
        "            counted[index] = (version[index], version[index + 1], count)\n",
        "",
    ),
    (
        "transpose wakes only the row above",
        "unsettled.update(i for i in (index - 1, index + 1) if i not in frozen)",
        "unsettled.update(i for i in (index - 1,) if i not in frozen)",
    ),
    (
        "transpose wakes frozen rows",
        "unsettled.update(i for i in (index - 1, index + 1) if i not in frozen)",
        "unsettled.update(i for i in (index - 1, index + 1) if i >= 0)",
    ),
    ("transpose no early return", "            if not improved:\n                return\n", ""),
    (
        "transpose one pass fewer",
        "        for _ in range(passes):\n            improved = False",
        "        for _ in range(passes - 1):\n            improved = False",
    ),
    (
        "read single count 2",
        "                first[v] = last[v] = pos[near[0]]\n                count[v] = 1",
        "                first[v] = last[v] = pos[near[0]]\n                count[v] = 2",
    ),
    (
        "read none first 0",
        "                first[v], last[v], count[v], ends[v] = _NONE, -1, 0, []",
        "                first[v], last[v], count[v], ends[v] = 0, -1, 0, []",
    ),
    (
        "read unsorted",
        "                ends[v] = sorted([pos[m] for m in near])",
        "                ends[v] = [pos[m] for m in near]",
    ),
    (
        "transpose_row no settled skip",
        "        if self.settled[index] == state:\n            return False",
        "        if False:\n            return False",
    ),
    (
        "transpose_row reads up always stale",
        "        if self.up_read[index] != above:",
        "        if self.up_read[index] == above - 1:",
    ),
    (
        "transpose_row never rereads down",
        "        if self.down_read[index] != below:",
        "        if self.down_read[index] == -1:",
    ),
    (
        "up disjoint <=",
        "            if up_last[u] < up_first[v]:",
        "            if up_last[u] <= up_first[v]:",
    ),
    (
        "up single pair branch gone",
        "            elif up_count[u] == 1 == up_count[v]:\n                now = swapped = 0\n",
        "",
    ),
    (
        "down disjoint swapped",
        "            if down_last[u] < down_first[v]:\n                swapped += down_count[u] * down_count[v]",
        "            if down_last[u] < down_first[v]:\n                now += down_count[u] * down_count[v]",
    ),
    (
        "down and",
        "            elif down_count[u] != 1 or down_count[v] != 1:",
        "            elif down_count[u] != 1 and down_count[v] != 1:",
    ),
    (
        "swap on ties",
        "            if swapped < now:\n                layer[i - 1], layer[i] = v, u",
        "            if swapped <= now:\n                layer[i - 1], layer[i] = v, u",
    ),
    (
        "no new version after swaps",
        "            _number(layer, self.pos)\n            version[index] = self._tick()\n        else:",
        "            _number(layer, self.pos)\n        else:",
    ),
    (
        "settled also when swapped",
        "        else:\n            self.settled[index] = state\n        return swapped_any",
        "        self.settled[index] = state\n        return swapped_any",
    ),
    # minimise / starts
    (
        "no early stop at 0",
        "        if best_count == 0:\n            break\n    return best, best_count",
        "    return best, best_count",
    ),
    (
        "early stop at <=1",
        "        if best_count == 0:\n            break\n    return best, best_count",
        "        if best_count <= 1:\n            break\n    return best, best_count",
    ),
    (
        "second walk for small only",
        "    yield _walk(tops, everyone, layer, downs, depth, True)\n    if len(everyone) > _SMALL:",
        "    yield _walk(tops, everyone, layer, downs, depth, True)\n    if len(everyone) >= _SMALL:",
    ),
    # _coordinates
    (
        "ys minus half",
        "y = 0.0 if i == 0 else y + heights[i - 1] / 2 + layer_gap + h / 2",
        "y = 0.0 if i == 0 else y + heights[i - 1] / 2 + layer_gap - h / 2",
    ),
    ("initial shift whole", "        shift = offset / 2\n", "        shift = offset\n"),
    (
        "weight mixed for dummies",
        "return _DUMMY if da and db else _MIXED if da or db else _REAL",
        "return _MIXED if da and db else _MIXED if da or db else _REAL",
    ),
    (
        "rise floor 0.5",
        "0.0 if e is None else max(1.0, ys[graph.layer[e[1]]]",
        "0.0 if e is None else max(0.5, ys[graph.layer[e[1]]]",
    ),
    (
        "line gaps swapped",
        "            gap / 6\n            if ends[a] is not None and ends[b] is not None\n            else gap / 3",
        "            gap / 3\n            if ends[a] is not None and ends[b] is not None\n            else gap / 6",
    ),
    (
        "stillness weight 1",
        "[_DUMMY if ends[n] is not None else totals[n] or 0.1 for n in row]",
        "[_DUMMY if ends[n] is not None else totals[n] or 1.0 for n in row]",
    ),
    (
        "backward is forward",
        "for kind, n, m, w, m2, w2, total, near in plan if it % 2 == 0 else backward:",
        "for kind, n, m, w, m2, w2, total, near in plan:",
    ),
    (
        "two pulls drop +0.0",
        "                d = (0.0 + x[m] * w + x[m2] * w2) / total\n                x[n] = (d - 0.0) * total / total + 0.0",
        "                d = (0.0 + x[m] * w + x[m2] * w2) / total\n                x[n] = d",
    ),
    (
        "one pull drop *total/total",
        "                d = (0.0 + x[m] * w) / total\n                x[n] = (d - 0.0) * total / total + 0.0",
        "                d = (0.0 + x[m] * w) / total\n                x[n] = d + 0.0",
    ),
    (
        "pair pools on >",
        "                if mean_a >= mean_b:\n                    mean_a = mean_b",
        "                if mean_a > mean_b:\n                    mean_a = mean_b",
    ),
    (
        "pair offsets swapped",
        "                x[a] = mean_a + oa\n                x[b] = mean_b + ob",
        "                x[a] = mean_a + ob\n                x[b] = mean_b + oa",
    ),
    (
        "pair on >= 2 pulls",
        "pair = len(row) == 2 and all(spec[2] == 2 for spec in specs)",
        "pair = len(row) == 2 and all(spec[2] >= 2 for spec in specs)",
    ),
    (
        "dummy step swapped",
        "                d = x_upper + (x[m2] - x_upper) * w / w2",
        "                d = x_upper + (x[m2] - x_upper) * w2 / w",
    ),
    (
        "still weight 1",
        "                x[n] = (x[n] - 0.0) * 0.1 / 0.1 + 0.0",
        "                x[n] = (x[n] - 0.0) * 1.0 / 1.0 + 0.0",
    ),
    (
        "still stays -0.0",
        "                x[n] = (x[n] - 0.0) * 0.1 / 0.1 + 0.0",
        "                x[n] = x[n]",
    ),
    (
        "many pulls first only",
        "                d = sum([x[a] * b for a, b in near]) / total\n                x[n]",
        "                d = sum([x[a] * b for a, b in near[:2]]) / total\n                x[n]",
    ),
    (
        "boxes count-0 target 0",
        "        elif count == 0:\n            targets.append(x[n] - o)",
        "        elif count == 0:\n            targets.append(0.0 - o)",
    ),
    (
        "boxes two pulls one",
        "        if count == 2:\n            targets.append((0.0 + x[m] * w + x[m2] * w2) / total - o)",
        "        if count == 2:\n            targets.append((0.0 + x[m] * w) / total - o)",
    ),
    (
        "lines slope half",
        "half.append(dummy_width / 2 + min(dummy_width, slope * height / 4))",
        "half.append(dummy_width / 2 + min(dummy_width, slope * height / 2))",
    ),
    (
        "lines still node target 0",
        "        desired.append(sum([x[m] * w for m, w in pulls[n]]) / total if total else x[n])",
        "        desired.append(sum([x[m] * w for m, w in pulls[n]]) / total if total else 0.0)",
    ),
    (
        "fit_row pair pools on >",
        "        if ma >= mb:\n            ma = mb = (sa + sb) / (wa + wb)",
        "        if ma > mb:\n            ma = mb = (sa + sb) / (wa + wb)",
    ),
    (
        "isotonic pools on >",
        "        while means and means[-1] >= mean:",
        "        while means and means[-1] > mean:",
    ),
    ("isotonic no shortcut", "    if len(means) == len(target):\n        return means\n", ""),
    (
        "plan skips empty rows late",
        "        offsets = row_offsets[index]\n        if not row:\n            continue\n",
        "        offsets = row_offsets[index]\n",
    ),
    (
        "read first/last swapped",
        "            first[v] = e[0]\n            last[v] = e[-1]",
        "            first[v] = e[-1]\n            last[v] = e[0]",
    ),
    (
        "read multis include singles",
        "split = singles, [v for v in layer if len(near_of[v]) > 1]",
        "split = singles, [v for v in layer if len(near_of[v]) >= 1]",
    ),
    (
        "read split keyed by index only",
        "        split = self.split.get((index, above))",
        "        split = self.split.get((index, True))",
    ),
    ("read split not reset per start", "        self.split = {}\n", ""),
    (
        "static count capped",
        "                count[v] = len(near)",
        "                count[v] = min(len(near), 1)",
    ),
    (
        "inversions bisect_left",
        "        at = bisect_right(seen, value)",
        "        at = bisect_left(seen, value)",
    ),
    ("inversions off by one", "        count += i - at\n", "        count += i - at - 1\n"),
    ("inversions threshold >=", "    if len(seq) > _BISECT:", "    if len(seq) >= _BISECT:"),
    ("inversions tree always", "    if len(seq) > _BISECT:", "    if True:"),
    (
        "plan two pulls for more",
        "            elif len(near) == 2:\n                plan.append((_TWO_PULLS",
        "            elif len(near) >= 2:\n                plan.append((_TWO_PULLS",
    ),
    (
        "plan one pull for two",
        "            elif len(near) == 1:\n                plan.append((_ONE_PULL",
        "            elif len(near) <= 2:\n                plan.append((_ONE_PULL",
    ),
    (
        "plan pair for three boxes",
        "pair = len(row) == 2 and all(spec[2] == 2 for spec in specs)",
        "pair = len(row) >= 2 and all(spec[2] == 2 for spec in specs)",
    ),
    (
        "plan pair for any",
        "pair = len(row) == 2 and all(spec[2] == 2 for spec in specs)",
        "pair = len(row) == 2 and any(spec[2] == 2 for spec in specs)",
    ),
    (
        "pair b pull first only",
        "                sb = ((0.0 + x[mb] * wb + x[mb2] * wb2) / tb - ob) * tb",
        "                sb = ((0.0 + x[mb] * wb + x[mb2] * wb) / tb - ob) * tb",
    ),
    (
        "pair pooled weight",
        "                    mean_a = mean_b = (sa + sb) / (ta + tb)",
        "                    mean_a = mean_b = (sa + sb) / (ta + ta)",
    ),
    (
        "dummy lower end",
        "                d = x_upper + (x[m2] - x_upper) * w / w2",
        "                d = x_upper + (x[m] - x_upper) * w / w2",
    ),
    (
        "lines row offsets",
        "                placed = _place_layer(desired, row_weights[n], half, row_gaps[n])",
        "                placed = _place_layer(desired, row_weights[n], half, row_gaps[n][::-1])",
    ),
    (
        "minimise stale 3",
        "            if best_count == 0 or stale >= 4:",
        "            if best_count == 0 or stale >= 3:",
    ),
    (
        "first orders big gets two",
        "    yield first\n    if len(everyone) > _BIG:\n        return",
        "    yield first\n    if len(everyone) > _BIG + 10**6:\n        return",
    ),
]
TESTS = [
    ["tests/test_layout_sugiyama.py"],
    ["tests/test_render_mutants.py", "tests/test_build_speed.py"],
]


def run(root: Path, only: list[str]) -> int:
    module = root / "argmap/render/sugiyama.py"
    text = module.read_text(encoding="utf-8")
    killed = total = 0
    try:
        for name, old, new in MUTANTS:
            if only and name not in only:
                continue
            total += 1
            if text.count(old) != 1:
                print(f"{name}: not found", flush=True)
                continue
            module.write_text(text.replace(old, new), encoding="utf-8")
            verdict = "survived"
            for tests in TESTS:
                command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
                done = subprocess.run(
                    [*command, *tests], cwd=root, capture_output=True, text=True, check=False
                )
                if done.returncode != 0:
                    failed = [
                        line for line in done.stdout.splitlines() if line.startswith("FAILED")
                    ]
                    verdict = "killed " + (failed[0] if failed else "")
                    killed += 1
                    break
            print(f"{name}: {verdict}", flush=True)
    finally:
        module.write_text(text, encoding="utf-8")
    print(f"killed {killed} of {total}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2 or Path(sys.argv[1]).resolve() == Path(__file__).resolve().parent.parent:
        sys.exit("usage: sugiyama_mutants.py COPY_OF_THE_CHECKOUT [NAME ...] (not this checkout)")
    sys.exit(run(Path(sys.argv[1]), sys.argv[2:]))
