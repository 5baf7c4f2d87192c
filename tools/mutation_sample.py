"""A uniform sample of mutmut's mutants, and the verdicts on it per module.

    python tools/mutation_sample.py names argmap.load 0 0.1   # print a 10 % sample's names
    python tools/mutation_sample.py tally NAMES_FILE          # killed / mutants per module

Run from the project root after `mutmut run` has written `mutants/` (the names are read
from its `*.meta` files). Each module's mutants are shuffled once with a seed fixed by
the module's path, and `names` prints the slice from fraction START to END of every
module's shuffled list: every module is sampled in proportion, not the first few
functions in mutmut's order, and successive slices (0 0.1, then 0.1 0.2) together stay one
uniform sample. Pass the names to `mutmut run` to check just those mutants. docs/testing.md.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

MUTANTS = Path("mutants")

# mutmut 3's exit codes (mutmut/stats.py): a kill, a timeout (the test hung: a kill),
# a survivor, and a mutant no selected test reaches.
_KILLED = {1, 3, 36, -24, 24, 152, 255}
_SURVIVED = {0}
_NO_TESTS = {5, 33}


def _verdicts() -> dict[str, dict[str, int | None]]:
    """Each mutated module's mutants and their exit codes (None: not checked yet)."""
    found = {}
    for meta in sorted(MUTANTS.glob("**/*.py.meta")):
        module = str(meta.relative_to(MUTANTS))[: -len(".meta")]
        found[module] = json.loads(meta.read_text())["exit_code_by_key"]
    return found


def sample(prefix: str, start: float, end: float) -> list[str]:
    """The slice [start, end) of each module's shuffled mutants whose names start so."""
    chosen = []
    for module, codes in _verdicts().items():
        names = sorted(name for name in codes if name.startswith(prefix))
        random.Random(f"mutload:mutants/{module}.meta").shuffle(names)
        chosen += names[round(len(names) * start) : round(len(names) * end)]
    return chosen


def tally(names: set[str]) -> list[str]:
    """One line per module: mutants, killed, survived, no test, not yet checked, % killed."""
    lines = []
    for module, codes in _verdicts().items():
        counts = Counter(_kind(code) for name, code in codes.items() if name in names)
        if counts:
            checked = sum(counts.values()) - counts["unchecked"]
            share = 100 * counts["killed"] / checked if checked else 0.0
            lines.append(
                f"{module}: {sum(counts.values())} mutants, {counts['killed']} killed,"
                f" {counts['survived']} survived, {counts['no tests']} no test,"
                f" {counts['unchecked']} unchecked: {share:.1f} %"
            )
    return lines


def _kind(code: int | None) -> str:
    if code is None:
        return "unchecked"
    if code in _KILLED:
        return "killed"
    if code in _NO_TESTS:
        return "no tests"
    return "survived" if code in _SURVIVED else "other"


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "names":
        print("\n".join(sample(argv[1], float(argv[2]), float(argv[3]))))
        return 0
    if len(argv) == 2 and argv[0] == "tally":
        print("\n".join(tally(set(Path(argv[1]).read_text().split()))))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
