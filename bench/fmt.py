"""Time `argmap fmt` on generated maps, with its fast path and without it (the old way).

    python bench/fmt.py --sizes 2000,20000

For each size, a map from bench/generate.py is formatted in this process twice: by
`format_text` as it is, and with `argmap.fastfmt.fast_format` switched off so that the
whole file goes through ruamel.yaml as before. Both include loading the map before and
after (the safety check). Times are CPU seconds of one run; the two texts must be equal.
A third run formats the map with a comment line at its head (`HEAD`), which the fast
path keeps verbatim as ruamel.yaml does: its text must be `HEAD` and the slow path's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap import fmt  # noqa: E402

HEAD = "# yaml-language-server: $schema=argmap.schema.json\n\n"


def timed(text: str) -> tuple[float, str]:
    start = time.process_time()
    result = fmt.format_text(text, "arguments.yaml")
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        "| stances | MB | fast path (s) | ruamel.yaml only (s) | speed-up | same text"
        " | fast path, head comment (s) | same text |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"map-{size}.yaml"
            generate = [sys.executable, str(ROOT / "bench" / "generate.py")]
            generate += ["--stances", str(size), "--seed", str(args.seed), "-o", str(path)]
            subprocess.run(generate, check=True)
            text = path.read_text(encoding="utf-8")
            fast_time, fast_text = timed(text)
            head_time, head_text = timed(HEAD + text)
            original = fmt.fast_format
            fmt.fast_format = lambda text, slow: None  # type: ignore[assignment]
            try:
                slow_time, slow_text = timed(text)
            finally:
                fmt.fast_format = original
            print(
                f"| {size:,} | {len(text.encode()) / 1e6:.1f} | {fast_time:.2f} | {slow_time:.2f}"
                f" | {slow_time / fast_time:.1f}x | {fast_text == slow_text}"
                f" | {head_time:.2f} | {head_text == HEAD + slow_text} |"
            )


if __name__ == "__main__":
    main()
