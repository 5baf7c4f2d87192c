"""Build arguments.yaml into output/ (the interactive map, its outline and the report).

    python build.py

Prints each file written; on a problem prints one line and exits with status 1, leaving
the previous output as it was.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.pipeline import build

ROOT = Path(__file__).resolve().parent


def main() -> int:
    # Paths relative to the working directory, so messages read like `argmap check`'s.
    map_path = os.path.relpath(ROOT / "arguments.yaml")
    try:
        built = build(map_path, os.path.relpath(ROOT / "output"))
    except ArgmapError as error:
        print(f"build.py: error: {error}", file=sys.stderr)
        return 1
    for path in built.files:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
