"""Draft each seed article and compare the draft with the curated map's direct quotes.

    python bench/draft_eval.py                 # the curated arguments.yaml
    python bench/draft_eval.py other.yaml --misses

For every source of the map that names a text file, the article is drafted twice:

- with `--map`: the map less that article's stances (with them, every passage would be
  "already in the map" and left out). Its actors and claims stay: this is the case of a
  new article about people the map already knows;
- without a map: every speaker is a new actor.

The draft is compared with the curated stances that carry a direct quote (`reported` not
set). A drafted quotation matches a curated quote when one contains the other, white
space, case and quote marks aside. The attribution is right when the drafted actor is the
curated one (with the map) or has the same name (without: compared as `name_key` does,
so "The APPG" is not "APPG" but "All-Party ... Reform (APPG)" is "All-Party ... Reform").

- recall: curated quotes matched by a drafted quotation with the right speaker;
- precision: drafted quotations that match a curated quote and whose speaker is right
  for one of the quotes they match, of those that match one and have a speaker;
- found: curated quotes matched by any drafted quotation, attributed or not;
- claim@3 (with the map): matched quotes whose curated claim is among the three
  closest the draft lists. The claims were written from these very quotes, so this is
  an upper bound for a new article;
- ms: the time of `draft_article`, the best of five runs.

Exit status 1 when a target is missed (with the map precision >= 0.95 and recall >= 0.9;
without, 0.85 and 0.8).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.draft import Draft, draft_article, load_file  # noqa: E402
from argmap.draft.speakers import name_key  # noqa: E402
from argmap.model import ArgumentMap, Stance  # noqa: E402
from argmap.quotes import source_path  # noqa: E402

TARGETS = {"map": (0.95, 0.9), "none": (0.85, 0.8)}
_MARKS = re.compile("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033]")


def _plain(text: str) -> str:
    return " ".join(_MARKS.sub("", text).lower().split())


def _matches(a: str, b: str) -> bool:
    x, y = _plain(a), _plain(b)
    return bool(x and y) and (x in y or y in x)


@dataclass
class Score:
    curated: int = 0
    found: int = 0
    right: int = 0  # curated quotes with a rightly attributed match (recall's numerator)
    attributed: int = 0  # drafted quotes that match and have a speaker
    correct: int = 0  # of those, rightly attributed
    claim3: int = 0
    ms: float = 0.0

    def add(self, other: Score) -> None:
        for name in ("curated", "found", "right", "attributed", "correct", "claim3"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.ms = max(self.ms, other.ms)

    @property
    def precision(self) -> float:
        return self.correct / self.attributed if self.attributed else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.curated if self.curated else 0.0


def _timed(text: str, file: str, amap: ArgumentMap | None, source: str) -> tuple[Draft, float]:
    best, result = float("inf"), None
    for _ in range(5):
        start = time.perf_counter()
        result = draft_article(text, file, amap, source)
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return result, best * 1000


def evaluate(
    curated_map: ArgumentMap, source: str, text: str, with_map: bool, misses: list[str]
) -> Score:
    """Draft the article of `source` and score it against the curated direct quotes."""
    curated = [s for s in curated_map.stances if s.source == source and s.quote and not s.reported]
    without = replace(
        curated_map, stances=tuple(s for s in curated_map.stances if s.source != source)
    )
    draft, ms = _timed(text, source, without if with_map else None, source)
    drafted = [d for d in draft.stances if not d.reported]
    drafted += [
        _Unattributed(t)
        for t in draft.unattributed  # matched but no speaker: a miss
    ]
    names = {a.id: a.name for a in curated_map.actors}

    def right(d: object, stance: Stance) -> bool:
        actor = getattr(d, "actor", None)
        if actor is None:
            return False
        if with_map:
            return bool(actor == stance.actor)
        return name_key(str(getattr(d, "speaker", ""))) == name_key(names[stance.actor])

    score = Score(curated=len(curated), ms=ms)
    for stance in curated:
        assert stance.quote is not None
        hits = [d for d in drafted if _matches(d.quote, stance.quote)]
        score.found += bool(hits)
        if any(right(d, stance) for d in hits):
            score.right += 1
            if with_map and any(
                stance.claim in {c for c, _ in getattr(d, "closest", ())} for d in hits
            ):
                score.claim3 += 1
            continue
        label = "map" if with_map else "no map"
        if not hits:
            misses.append(f"{source} ({label}): not found: {stance.actor}: {stance.quote[:70]!r}")
        else:
            got = ", ".join(str(getattr(d, "speaker", None) or "no speaker") for d in hits)
            misses.append(
                f"{source} ({label}): {stance.actor} drafted as {got}: {stance.quote[:60]!r}"
            )
    for d in drafted:
        matched = [s for s in curated if s.quote and _matches(d.quote, s.quote)]
        if matched and getattr(d, "actor", None) is not None:
            score.attributed += 1
            score.correct += any(right(d, s) for s in matched)
    return score


@dataclass(frozen=True)
class _Unattributed:
    quote: str
    actor: None = None
    speaker: None = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=str(ROOT / "arguments.yaml"))
    parser.add_argument("--misses", action="store_true", help="list what is missed, and why")
    args = parser.parse_args()
    curated_map = load_file(args.map).map
    base = Path(args.map).parent
    rows = []
    totals = {"map": Score(), "none": Score()}
    misses: list[str] = []
    for source in curated_map.sources:
        path = source_path(source, base)
        if path is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8-sig")
        scores = {
            "map": evaluate(curated_map, source.id, text, True, misses),
            "none": evaluate(curated_map, source.id, text, False, misses),
        }
        for key, score in scores.items():
            totals[key].add(score)
        rows.append((source.id, scores))
    rows.append(("**all**", totals))
    print(
        "| article | curated quotes | found | with map: precision | recall | claim@3 | ms"
        " | no map: precision | recall | ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, scores in rows:
        m, n = scores["map"], scores["none"]
        print(
            f"| {name} | {m.curated} | {m.found} | {m.precision:.2f} | {m.recall:.2f}"
            f" | {m.claim3} | {m.ms:.0f} | {n.precision:.2f} | {n.recall:.2f} | {n.ms:.0f} |"
        )
    if args.misses:
        print()
        for line in misses:
            print(f"- {line}")
    failed = [
        key
        for key, (precision, recall) in TARGETS.items()
        if totals[key].precision < precision or totals[key].recall < recall
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
