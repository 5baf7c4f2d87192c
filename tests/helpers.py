"""Small maps and helpers that several test modules share (import them from here).

Test modules import nothing from one another: what two of them need lives here or in
conftest.py.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from argmap import load as loader
from argmap.checks import check
from argmap.errors import LoadError
from argmap.load import loads
from argmap.load.fast import fast_load
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Stance,
)

ROOT = Path(__file__).resolve().parent.parent

# A small valid map without a problem; each test appends to it or edits it.
BASE = """\
title: T
sources:
  gazette:
    title: G
    publisher: P
    date: 2024-03-01
actors:
  jo:
    name: Jo
    kind: person
  sam:
    name: Sam
    kind: person
claims:
  allow:
    kind: proposal
    text: Allow it
  saves:
    text: It saves lives
stances:
  - actor: jo
    supports: allow
    source: gazette
    quote: Yes.
  - actor: sam
    opposes: saves
    source: gazette
    quote: No.
relations:
  - from: saves
    supports: allow
"""

# One of each key the format has, in a map without a problem.
EVERY_FIELD = """\
title: Every field
description: One of each key the format has.
sources:
  s:
    title: S
    publisher: P
    date: 2024-01-02
    url: https://example.org/s
    file: s.txt
actors:
  a:
    name: A
    kind: person
    role: councillor
    affiliations: [b]
  b:
    name: B
    kind: party
claims:
  p:
    kind: proposal
    text: P should happen
    label: P
    source: s
    tags: [x]
  c:
    text: C is true
stances:
  - id: a-on-p
    actor: a
    supports: p
    source: s
    date: 2024-01-01
    reported: true
    quote: A said so.
    note: n
  - actor: b
    opposes: c
    source: s
    quote: No.
  - actor: b
    neutral: p
    source: s
    quote: Maybe.
relations:
  - from: c
    attacks: p
    source: s
    note: n
  - from: p
    supports: c
ignored:
  - source: s
    passage: x
    reason: y
"""


# A map as a curator writes it, with comments and blank lines, for add, diff and watch.
COMMENTED_MAP = """\
title: T
sources:
  gazette:
    title: G
    publisher: P
    date: 2024-03-01
  herald:
    title: H
    publisher: P
    date: unknown
actors:
  jo:
    name: Jo
    kind: person
  sam:
    name: Sam
    kind: person

claims:
  allow:
    kind: proposal
    text: Allow it
  saves:
    text: It saves lives

stances:
  # The Gazette
  - actor: jo
    supports: allow
    source: gazette
    quote: Yes.  # her words
  # The Herald
  - actor: sam
    opposes: saves
    source: herald
    quote: No.
# the end
relations:
  - from: saves
    supports: allow
"""


# A small debate with camps, a contested claim and an incoherent actor, for the report.
REPORT_MAP = """\
title: Should the town allow a drug consumption room?
description: A small map for the report tests.

sources:
  gazette:
    title: Council debates drug room
    publisher: The Gazette
    date: 2024-03-01
    url: https://example.org/gazette
  herald:
    title: Police chief doubts drug room
    publisher: The Herald
    date: unknown

actors:
  jo:
    name: Jo Green
    kind: person
  greens:
    name: Green Party
    kind: party
  sam:
    name: Sam Chief
    kind: police
  max:
    name: Max Mixed
    kind: person

claims:
  allow:
    kind: proposal
    text: The town should allow a drug consumption room
    label: Allow a room
  saves:
    text: A room saves lives
  dealers:
    text: A room helps dealers

stances:
  - actor: jo
    supports: allow
    source: gazette
    quote: We should open a room this year.
  - actor: jo
    supports: saves
    source: gazette
    quote: It will save lives.
  - actor: greens
    supports: allow
    source: gazette
    reported: true
  - actor: sam
    supports: dealers
    source: herald
    quote: It would help dealers.
  - actor: sam
    opposes: saves
    source: herald
    quote: It will not save anyone.
  - actor: max
    supports: saves
    source: herald
    quote: Lives would be saved.
  - actor: max
    supports: dealers
    source: herald
    quote: Dealers would gain.

relations:
  - from: saves
    supports: allow
    source: herald
  - from: dealers
    attacks: allow
    source: herald
  - from: saves
    attacks: dealers
    source: herald
"""


def write_map(tmp_path: Path, text: str = REPORT_MAP) -> str:
    path = tmp_path / "arguments.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def make(
    claims: list[tuple[str, ClaimKind]],
    relations: list[tuple[str, RelationKind, str]] = (),  # type: ignore[assignment]
    stances: list[tuple[str, Position, str]] = (),  # type: ignore[assignment]
    actors: list[str] = (),  # type: ignore[assignment]
) -> ArgumentMap:
    return ArgumentMap(
        title="T",
        actors=tuple(Actor(a, a.title(), ActorKind.PERSON) for a in actors),
        claims=tuple(Claim(c, c.upper(), kind, label=f"{c}!") for c, kind in claims),
        stances=tuple(Stance(f"{a}/{p.value}/{c}", a, c, p, "src") for a, p, c in stances),
        relations=tuple(Relation(f"{o}/{k.value}/{t}", o, t, k) for o, k, t in relations),
    )


def _load_generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


#: bench/generate.py as a module: `generate.generate(stances, seed)`.
generate = _load_generate()


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for a fuzz test of `examples` runs.

    `HYPOTHESIS_PROFILE=quick` (registered in conftest.py) caps the runs at the profile's
    count for a quick loop; `ARGMAP_FUZZ_EXAMPLES=N` sets them outright, for a long run.
    """
    given = os.environ.get("ARGMAP_FUZZ_EXAMPLES")
    if given:
        count = int(given)
    elif os.environ.get("HYPOTHESIS_PROFILE"):
        count = min(examples, settings().max_examples)
    else:
        count = examples
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# A small map for the page's sides, camps and undercuts (test_render_sides, test_browser_sides).
SIDES_MAP = """\
title: T
sources:
  gazette: {title: Gazette, publisher: P, date: unknown}
  herald: {title: Herald, publisher: P, date: unknown}
actors:
  jo: {name: Jo, kind: person}
  sam: {name: Sam, kind: person}
  vic: {name: Vic, kind: person}
  ann: {name: Ann, kind: person}
claims:
  uk: {kind: proposal, text: Allow rooms in the UK, label: Allow rooms}
  town: {kind: proposal, text: Open a room in the town}
  saves: {text: Rooms save lives}
  illegal: {text: Rooms are illegal under current law}
  change: {text: The law can be changed}
stances:
  - {actor: jo, supports: saves, source: gazette, quote: Rooms save lives.}
  - {actor: jo, opposes: illegal, source: gazette, quote: Nothing stops a room.}
  - {actor: sam, supports: illegal, source: gazette, quote: They are illegal.}
  - {actor: vic, supports: uk, source: gazette, quote: Allow them.}
  - {actor: vic, supports: saves, source: gazette, quote: They save lives.}
relations:
  - {from: saves, supports: uk, source: gazette}
  - {from: illegal, attacks: uk, source: gazette}
  - {from: change, undercuts: illegal/attacks/uk, source: gazette}
"""


# --------------------------------------------------------------------------- loading and checking
#: The name the loader tests report problems against.
PATH = "m.yaml"


def problems(text: str) -> list[tuple[int, int, str, str]]:
    loaded = loads(textwrap.dedent(text))
    found = [*loaded.problems, *check(loaded.map, today=dt.date(2025, 1, 1))]
    return [(p.loc.line, p.loc.col, p.rule, p.message) for p in sorted(found)]


def full(text: str) -> loader.Loaded:
    """The full loader alone, without any fast path in front of it."""
    root, problems = loader.compose(text, PATH)
    built = loader.build_map(root, PATH)
    return loader.Loaded(built.map, (*problems, *built.problems))


def locations(amap: ArgumentMap) -> list[object]:
    entries = [
        *amap.sources,
        *amap.actors,
        *amap.claims,
        *amap.stances,
        *amap.relations,
        *amap.ignored,
    ]
    found: list[object] = [(e.loc, dict(e.field_locs)) for e in entries]
    return [*found, *(a.affiliation_locs for a in amap.actors)]


def agrees(text: str) -> ArgumentMap | None:
    """Fast path's answer, asserting it is what the full loader gives, when it gives one."""
    fast = fast_load(text, PATH)
    try:
        expected = full(text)
    except LoadError:
        assert fast is None
        return None
    if fast is not None:
        assert expected.problems == ()
        assert fast == expected.map
        assert locations(fast) == locations(expected.map)
    return fast


# Claim ids the random argument maps draw from (tests/test_analysis_fast7.py, _fast8).
NAMES = ("a", "b", "c", "d", "e", "f")


@st.composite
def argument_maps(draw: st.DrawFn) -> ArgumentMap:
    """Claims (a repeated id among them), and relations between them and unknown ids."""
    claims = tuple(
        Claim(
            name,
            name.upper(),
            draw(st.sampled_from(ClaimKind)),
            label=draw(st.sampled_from(("", "L"))),
        )
        for name in draw(st.lists(st.sampled_from(NAMES), max_size=8))
    )
    ends = st.sampled_from((*NAMES, "ghost"))
    relations = tuple(
        Relation(
            f"{origin}/{kind.value}/{target}/{n}",
            origin,
            target,
            kind,
            source=draw(st.sampled_from((None, "s"))),
            inferred=draw(st.booleans()),
        )
        for n, (origin, kind, target) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        ends, st.sampled_from((RelationKind.SUPPORTS, RelationKind.ATTACKS)), ends
                    ),
                    max_size=16,
                )
            )
        )
    )
    return ArgumentMap(title="t", claims=claims, relations=relations)
