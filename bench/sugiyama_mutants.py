# ruff: noqa: E501  (the mutants are lines of the module, kept whole to be found)
"""Hand mutants of argmap/render/sugiyama.py (issue 18, sixth and seventh passes): each
applied in turn to a copy of the checkout, the sugiyama tests run against it, the
verdicts printed.

    python bench/sugiyama_mutants.py /tmp/copy-of-the-checkout [NAME ...]

The copy (made by the caller: `cp -r argmap tests pyproject.toml ... /tmp/copy`) is
mutated, never this checkout. A mutant is killed when tests/test_layout_sugiyama.py, or
else tests/test_render_mutants.py and tests/test_build_speed.py, fail; docs/performance.md
("sugiyama (sixth pass)", "seventh pass, sugiyama7") lists the survivors and why each is
equivalent or not.
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
        "minimise stale 3",
        "            if best_count == 0 or stale >= 4:",
        "            if best_count == 0 or stale >= 3:",
    ),
    (
        "first orders big gets two",
        "    yield first\n    if len(everyone) > _BIG:\n        return",
        "    yield first\n    if len(everyone) > _BIG + 10**6:\n        return",
    ),
    # the same mutants of the sixth pass on the code as the seventh pass left it
    (
        "read single is the id",
        "            first[v] = last[v] = pos[m]",
        "            first[v] = last[v] = m",
    ),
    (
        "read unsorted",
        "            e = ends[v] = sorted([pos[m] for m in near_of[v]])",
        "            e = ends[v] = [pos[m] for m in near_of[v]]",
    ),
    (
        "read none first 0",
        "    return [_NONE] * size, [-1] * size, [0] * size, [empty] * size",
        "    return [0] * size, [-1] * size, [0] * size, [empty] * size",
    ),
    (
        "rise floor 0.5",
        "        max(1.0, ys[graph.layer[e[1]]] - ys[graph.layer[e[0]]])",
        "        max(0.5, ys[graph.layer[e[1]]] - ys[graph.layer[e[0]]])",
    ),
    (
        "line gaps swapped",
        "                gap / 6\n                if ends[a] is not None and ends[b] is not None\n                else gap / 3",
        "                gap / 3\n                if ends[a] is not None and ends[b] is not None\n                else gap / 6",
    ),
    (
        "pair offsets swapped",
        "                x[a] = mean_a + oa\n                x[b] = mean_b + ob\n            elif kind == _TRIPLE:",
        "                x[a] = mean_a + ob\n                x[b] = mean_b + oa\n            elif kind == _TRIPLE:",
    ),
    (
        "pair b pull first only",
        "                sb = ((0.0 + x[mb] * wb + x[mb2] * wb2) / tb - ob) * tb\n                mean_a, mean_b = sa / ta, sb / tb\n",
        "                sb = ((0.0 + x[mb] * wb + x[mb2] * wb) / tb - ob) * tb\n                mean_a, mean_b = sa / ta, sb / tb\n",
    ),
    # seventh pass: the setup
    ("real one short", "len(node_list), rows, ups", "len(node_list) - 1, rows, ups"),
    (
        "lines as real pulls",
        "[(m, _REAL if m < real else _MIXED) for m in ups[n] + downs[n]]",
        "[(m, _REAL if m <= real else _MIXED) for m in ups[n] + downs[n]]",
    ),
    (
        "dummies as default boxes",
        "    box += [(dummy_width, 0.0)] * (len(ends) - real)",
        "    box += [(100.0, 40.0)] * (len(ends) - real)",
    ),
    (
        "one-node row height 0",
        "        box[row[0]][1] if len(row) == 1 else max(",
        "        0.0 if len(row) == 1 else max(",
    ),
    (
        "one-node row start without gap",
        "            x[n] = (0.0 + width / 2) - (0.0 + (width + gap)) / 2",
        "            x[n] = (0.0 + width / 2) - (0.0 + width) / 2",
    ),
    (
        "plan lines row as boxes",
        "        if max(row) >= real:  # dummies in it",
        "        if max(row) > real:  # dummies in it",
    ),
    (
        "plan box gaps of lines",
        "        offsets = _offsets([box[n][0] / 2 for n in row], [gap] * (len(row) - 1))",
        "        offsets = _offsets([box[n][0] / 2 for n in row], [gap / 3] * (len(row) - 1))",
    ),
    (
        "plan triples for four",
        "        if len(row) < 4 and counts.count(2) == len(row):",
        "        if len(row) < 5 and counts.count(2) == len(row):",
    ),
    (
        "plan triples for any pulls",
        "        if len(row) < 4 and counts.count(2) == len(row):",
        "        if len(row) < 4 and counts.count(2) >= 1:",
    ),
    (
        "plan triple order",
        "                rows.triples[index] = two[0], two[1], two[2]",
        "                rows.triples[index] = two[0], two[2], two[1]",
    ),
    (
        "box stillness weight 1",
        "totals[n] or 0.1, m, w, m2, w2, near",
        "totals[n] or 1.0, m, w, m2, w2, near",
    ),
    # seventh pass: three boxes inline
    (
        "triple ab pools on >",
        "                if mean_a >= mean_b:\n                    s, t = sa + sb, ta + tb",
        "                if mean_a > mean_b:\n                    s, t = sa + sb, ta + tb",
    ),
    (
        "triple abc pools on >",
        "                    if mean_a >= mean_c:",
        "                    if mean_a > mean_c:",
    ),
    (
        "triple bc pools on >",
        "                elif mean_b >= mean_c:",
        "                elif mean_b > mean_c:",
    ),
    (
        "triple a-bc pools on >",
        "                    if mean_a >= mean_b:\n                        mean_a = mean_b = mean_c = (sa + s)",
        "                    if mean_a > mean_b:\n                        mean_a = mean_b = mean_c = (sa + s)",
    ),
    (
        "triple a-bc never",
        "                    if mean_a >= mean_b:\n                        mean_a = mean_b = mean_c = (sa + s) / (ta + t)\n",
        "",
    ),
    (
        "triple ab pooled into c",
        "                    mean_a = mean_b = s / t\n                    if mean_a >= mean_c:",
        "                    mean_a = mean_b = mean_c = s / t\n                    if mean_a >= mean_c:",
    ),
    (
        "triple abc weight",
        "mean_a = mean_b = mean_c = (s + sc) / (t + tc)",
        "mean_a = mean_b = mean_c = (s + sc) / (t + tb)",
    ),
    ("triple c offset", "                x[c] = mean_c + oc", "                x[c] = mean_c + ob"),
    (
        "triple c pull first only",
        "sc = ((0.0 + x[mc] * wc + x[mc2] * wc2) / tc - oc) * tc",
        "sc = ((0.0 + x[mc] * wc + x[mc] * wc2) / tc - oc) * tc",
    ),
    # seventh pass: `_place_boxes` and `_isotonic`
    ("boxes count-0 target 0", "            t = x[n] - o\n", "            t = 0.0 - o\n"),
    (
        "boxes two pulls one",
        "            t = (0.0 + x[m] * w + x[m2] * w2) / total - o",
        "            t = (0.0 + x[m] * w) / total - o",
    ),
    (
        "boxes no shortcut",
        "    if len(blocks) == len(row):\n        for (n, o, *_), (mean, *_) in zip(row, blocks, strict=True):\n            x[n] = mean + o\n        return\n",
        "",
    ),
    (
        "boxes last block dropped",
        "    if top is not None:\n        blocks.append(top)\n    if len(blocks) == len(row):",
        "    if len(blocks) == len(row):",
    ),
    (
        "isotonic pools on >",
        "        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            w = top[2] + w",
        "        while top is not None and top[0] > mean:\n            s = top[1] + s\n            w = top[2] + w",
    ),
    ("isotonic count not pooled", "            c += top[3]\n", ""),
    (
        "isotonic no shortcut",
        "    if len(blocks) == len(target):\n        return [block[0] for block in blocks]\n",
        "",
    ),
    (
        "isotonic pops to the bottom",
        "            mean = s / w\n            top = blocks.pop() if blocks else None\n",
        "            mean = s / w\n            top = None\n",
    ),
    (
        "boxes pools on >",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] > mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n",
    ),
    (
        "boxes first not carried",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2] + weight\n",
    ),
    (
        "boxes weight not pooled",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n",
        "        s = t * weight\n        mean = s / weight\n        first = i\n        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2]\n            first = top[3]\n",
    ),
    # seventh pass: `_place_lines`
    (
        "lines slope half",
        "            half = dummy_width / 2 + min(dummy_width, slope * height / 4)",
        "            half = dummy_width / 2 + min(dummy_width, slope * height / 2)",
    ),
    (
        "lines still node target 0",
        "            d = sum([x[m] * w for m, w in near]) / total if total else x[n]",
        "            d = sum([x[m] * w for m, w in near]) / total if total else 0.0",
    ),
    (
        "lines stillness weight 1",
        "                    weight = totals[n] or 0.1\n",
        "                    weight = totals[n] or 1.0\n",
    ),
    (
        "lines gap of the next",
        "            for n, g in zip(row, [0.0, *gaps], strict=True):",
        "            for n, g in zip(row, [*gaps, 0.0], strict=True):",
    ),
    (
        "lines offset without the half before",
        "            o = o + before + half + gap",
        "            o = o + half + half + gap",
    ),
    ("lines half before not kept", "        before = half\n", ""),
    (
        "lines pools on >",
        "        while top is not None and top[0] >= mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n            mean = s / weight\n            top = blocks.pop() if blocks else None\n        if top is not None:\n            blocks.append(top)\n        top = (mean, s, weight, first)\n    if top is not None:\n        blocks.append(top)\n    end = len(row)",
        "        while top is not None and top[0] > mean:\n            s = top[1] + s\n            weight = top[2] + weight\n            first = top[3]\n            mean = s / weight\n            top = blocks.pop() if blocks else None\n        if top is not None:\n            blocks.append(top)\n        top = (mean, s, weight, first)\n    if top is not None:\n        blocks.append(top)\n    end = len(row)",
    ),
    (
        "lines dummy step down",
        "            d = x_upper + (x_lower - x_upper) * step / span",
        "            d = x_upper + (x_lower - x_upper) * (step + 1) / span",
    ),
]
#: Seconds a mutant's test run may take: the unmutated runs take 30 to 90 s on a busy
#: machine.
TIMEOUT = 400
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
                try:
                    done = subprocess.run(
                        [*command, *tests],
                        cwd=root,
                        capture_output=True,
                        text=True,
                        check=False,
                        timeout=TIMEOUT,
                    )
                except subprocess.TimeoutExpired:
                    # A mutant that makes the layout crawl (as mutmut counts it: killed).
                    verdict = f"killed (timeout after {TIMEOUT} s)"
                    killed += 1
                    break
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
