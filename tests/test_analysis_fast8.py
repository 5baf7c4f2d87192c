"""The eighth pass's plain argument graph gives what the networkx graph gave.

`analyse` reads the argument graph as `ArgumentEdges` (its claims' kinds and adjacency as
plain dicts, `map_argument_edges`) instead of building a DiGraph. The plain edges are
compared with the graph's own, and every reader with what it reads off the graph (and
`proposal_paths` with its code of 0398f3c, kept here verbatim, which walked networkx's
`predecessors` and `edges` views), on random maps: the same values, in the same order.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import _without_inferred
from argmap.analysis.acceptance import (
    _IN,
    _OUT,
    _UNDECIDED,
    Undercuts,
    _derived,
    _disabled,
    _flatten,
    _grounded,
    _Indexed,
    _labellings,
    readings,
)
from argmap.analysis.contested import Contested, centrality, contested, controversy, incoherent
from argmap.analysis.graph import (
    ArgumentEdges,
    StanceEdges,
    argument_graph,
    as_argument_edges,
    map_argument_edges,
)
from argmap.analysis.positions import MAX_HOPS, Paths, Route, positions, proposal_paths
from argmap.analysis.sides import _route_side, central_question, stances_sides
from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind
from argmap.reach import reach

from .helpers import NAMES, argument_maps, fuzz_settings

FUZZ = fuzz_settings(200)


def _old_proposal_paths(arguments: nx.DiGraph, *, max_hops: int = MAX_HOPS) -> Paths:
    found: dict[str, dict[str, list[Route]]] = defaultdict(dict)
    kinds = dict(arguments.nodes(data="kind"))
    for proposal in (node for node, kind in kinds.items() if kind == "proposal"):
        frontier: list[Route] = [((proposal,), 1, ())]
        for hops in range(max_hops + 1):
            extended: list[Route] = []
            for path, sign, edges in frontier:
                found[path[0]].setdefault(proposal, []).append((path, sign, edges))
                if hops == max_hops:
                    continue
                for origin in sorted(arguments.predecessors(path[0])):
                    if origin not in path:
                        data = arguments.edges[origin, path[0]]
                        edge = (
                            data.get("relation", f"{origin}->{path[0]}"),
                            data.get("source"),
                            bool(data.get("inferred", False)),
                            data["sign"] > 0
                            and kinds.get(origin) == "proposal"
                            and kinds.get(path[0]) == "proposal",
                            data["sign"],
                        )
                        extended.append(((origin, *path), sign * data["sign"], (edge, *edges)))
            frontier = extended
    return {
        claim: {proposal: tuple(routes) for proposal, routes in by_proposal.items()}
        for claim, by_proposal in found.items()
    }


def _reading(edges: ArgumentEdges) -> tuple[Any, ...]:
    """Everything of the edges, orders included, as plain lists."""
    return (
        list(edges.kinds.items()),
        [(a, [(b, dict(d)) for b, d in targets.items()]) for a, targets in edges.targets.items()],
    )


_STANCES = st.lists(
    st.tuples(
        st.sampled_from(("ann", "bob")),
        st.sampled_from((*NAMES, "ghost")),
        st.sampled_from((-1, 0, 1)),
        st.sampled_from(("s", "t")),
    ),
    max_size=14,
)


@FUZZ
@given(argument_maps())
def test_map_argument_edges_are_the_argument_graphs(amap: ArgumentMap) -> None:
    graph = argument_graph(amap)
    edges = map_argument_edges(amap)
    assert _reading(edges) == _reading(as_argument_edges(graph))
    # and as networkx lists them, not only as its adjacency dicts hold them
    assert list(edges.kinds.items()) == list(graph.nodes(data="kind"))
    assert [(a, b, dict(d)) for a, t in edges.targets.items() for b, d in t.items()] == list(
        graph.edges(data=True)
    )


@FUZZ
@given(argument_maps(), _STANCES)
def test_every_reader_reads_the_plain_edges_as_the_graph(
    amap: ArgumentMap, held: list[tuple[str, str, int, str]]
) -> None:
    graph = argument_graph(amap)
    edges = map_argument_edges(amap)
    stances = StanceEdges(
        ("ann", "bob"), [(a, c, f"{a}/{c}/{i}", s, src) for i, (a, c, s, src) in enumerate(held)]
    )
    assert proposal_paths(edges) == _old_proposal_paths(graph)
    assert proposal_paths(edges, max_hops=2) == _old_proposal_paths(graph, max_hops=2)
    assert repr(positions(edges, stances)) == repr(positions(graph, stances))
    ranks = centrality(edges)
    assert repr(ranks) == repr(centrality(graph))
    assert central_question(edges, ranks) == central_question(graph, ranks)
    assert incoherent(edges, stances) == incoherent(graph, stances)
    assert repr(readings(edges)) == repr(readings(graph))


def _old_without_inferred(arguments: nx.DiGraph) -> nx.DiGraph:
    inferred = [
        (a, b) for a, b, inferred in arguments.edges(data="inferred", default=False) if inferred
    ]
    if not inferred:
        return arguments
    kept = arguments.copy()
    kept.remove_edges_from(inferred)
    return kept


@FUZZ
@given(argument_maps())
def test_without_inferred_on_the_plain_edges_is_the_graphs_copy(amap: ArgumentMap) -> None:
    edges = map_argument_edges(amap)
    old = _old_without_inferred(argument_graph(amap))
    assert _reading(_without_inferred(edges)) == _reading(as_argument_edges(old))


SUP, ATT = RelationKind.SUPPORTS, RelationKind.ATTACKS
LITERAL = ArgumentMap(
    title="t",
    claims=(
        Claim("p", "P", ClaimKind.PROPOSAL),
        Claim("b", "B"),
        Claim("a", "A"),
        Claim("q", "Q", ClaimKind.PROPOSAL),
        Claim("b", "B again", ClaimKind.EVIDENCE),  # a repeated id: last kind, first place
    ),
    relations=(
        Relation("a/supports/p", "a", "p", SUP, source="s"),
        Relation("b/supports/a", "b", "a", SUP, inferred=True),
        Relation("b/attacks/a", "b", "a", ATT),  # replaces the support, in its place
        Relation("a/supports/b", "a", "b", SUP),
        Relation("q/supports/p", "q", "p", SUP),
        Relation("a/attacks/q", "a", "q", ATT, inferred=True),
        Relation("a/attacks/ghost", "a", "ghost", ATT),
    ),
)


def _edge(kind: RelationKind, relation: str, source: str | None, inferred: bool) -> dict[str, Any]:
    sign = 1 if kind is SUP else -1
    return {
        "kind": kind.value,
        "sign": sign,
        "relation": relation,
        "source": source,
        "inferred": inferred,
    }


def test_map_argument_edges_exact_values() -> None:
    edges = map_argument_edges(LITERAL)
    assert list(edges.kinds.items()) == [
        ("p", "proposal"),
        ("b", "evidence"),
        ("a", "claim"),
        ("q", "proposal"),
    ]
    assert _reading(edges)[1] == [
        ("p", []),
        ("b", [("a", _edge(ATT, "b/attacks/a", None, False))]),
        (
            "a",
            [
                ("p", _edge(SUP, "a/supports/p", "s", False)),
                ("b", _edge(SUP, "a/supports/b", None, False)),
                ("q", _edge(ATT, "a/attacks/q", None, True)),
            ],
        ),
        ("q", [("p", _edge(SUP, "q/supports/p", None, False))]),
    ]
    kept = _without_inferred(edges)
    assert [(a, list(t)) for a, t in kept.targets.items()] == [
        ("p", []),
        ("b", ["a"]),
        ("a", ["p", "b"]),
        ("q", ["p"]),
    ]
    assert _without_inferred(kept) is kept  # nothing inferred left: no copy


def test_proposal_paths_on_the_plain_edges_exact_values() -> None:
    paths = proposal_paths(map_argument_edges(LITERAL), max_hops=2)
    # b reaches p through a (attack then support) only: b -> a -> b is not simple.
    assert [(path, sign) for path, sign, _ in paths["b"]["p"]] == [(("b", "a", "p"), -1)]
    # a reaches p directly and through q (an attack, then a generalisation).
    assert paths["a"]["p"] == (
        (("a", "p"), 1, (("a/supports/p", "s", False, False, 1),)),
        (
            ("a", "q", "p"),
            -1,
            (("a/attacks/q", None, True, False, -1), ("q/supports/p", None, False, True, 1)),
        ),
    )
    assert sorted(paths) == ["a", "b", "p", "q"]
    assert sorted(paths["q"]) == ["p", "q"]


def test_analyse_imports_no_networkx() -> None:
    # The map is made in the child: this module imports networkx itself.
    code = (
        "import sys\n"
        "from argmap.analysis import analyse\n"
        "from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind\n"
        "amap = ArgumentMap(title='t', claims=(Claim('p', 'P', ClaimKind.PROPOSAL),"
        " Claim('a', 'A')), relations=(Relation('a/attacks/p', 'a', 'p',"
        " RelationKind.ATTACKS),))\n"
        "print(analyse(amap).acceptance, 'networkx' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=True,
    )
    assert found.stdout == "{'p': 'out', 'a': 'in'} False\n"


# The readings without undercuts: the plain attack lists for the flattening, and
# `_derived` without the set of direct attacks or the searches an attack needs none of.


def _old_labellings(framework: _Indexed, rank: list[int], cuts: Undercuts) -> tuple[Any, ...]:
    targets, holds = _flatten(framework, cuts)
    labels = _grounded(targets)
    disabled = _disabled(labels, holds, cuts) if cuts else frozenset()
    extra = _old_derived(framework, rank, disabled)
    for origin, target in extra:
        targets[origin].append(target)
    bipolar = _grounded(targets)
    count = len(framework.nodes)
    return labels[:count], bipolar[:count], disabled, extra


def _old_derived(
    framework: _Indexed, rank: list[int], disabled: frozenset[str]
) -> list[tuple[int, int]]:
    count = len(framework.nodes)
    forward: list[list[int]] = [[] for _ in range(count)]
    backward: list[list[int]] = [[] for _ in range(count)]
    for origin, target, relation in framework.supports:
        if relation not in disabled:
            forward[origin].append(target)
            backward[target].append(origin)
    direct = {(a, b) for a, b, relation in framework.attacks if relation not in disabled}
    upstream: dict[int, list[int]] = {}
    downstream: dict[int, list[int]] = {}
    derived: set[int] = set()
    for origin, target in direct:
        if (up := upstream.get(origin)) is None:
            up = upstream[origin] = (
                [rank[a] * count for a in reach([origin], backward.__getitem__)]
                if backward[origin]
                else [rank[origin] * count]
            )
        if (down := downstream.get(target)) is None:
            down = downstream[target] = (
                [rank[d] for d in reach([target], forward.__getitem__)]
                if forward[target]
                else [rank[target]]
            )
        derived.update(a + d for a in up for d in down)
    derived.difference_update(rank[a] * count + rank[b] for a, b, _ in framework.attacks)
    by_rank = [0] * count
    for i, place in enumerate(rank):
        by_rank[place] = i
    return [(by_rank[key // count], by_rank[key % count]) for key in sorted(derived)]


def _new_labellings(framework: _Indexed, rank: list[int], cuts: Undercuts) -> tuple[Any, ...]:
    found = _labellings(framework, rank, cuts)
    count = len(framework.nodes)
    return (
        found.grounded_labels[:count],
        found.bipolar_labels[:count],
        found.disabled,
        found.derived,
    )


@st.composite
def frameworks(draw: st.DrawFn) -> _Indexed:
    """Claims with attacks and supports between any two (self-loops, both ways, and the
    same attack listed twice, as a hand-made framework may have), relation ids repeated."""
    count = draw(st.integers(1, 7))
    nodes = [f"n{i}" for i in draw(st.permutations(range(count)))]
    ends = st.integers(0, count - 1)
    relation = st.sampled_from(("r1", "r2", "r3", "r4", "r5"))
    attacks = draw(st.lists(st.tuples(ends, ends, relation), max_size=12))
    supports = draw(st.lists(st.tuples(ends, ends, relation), max_size=12))
    return _Indexed(nodes, {node: i for i, node in enumerate(nodes)}, attacks, supports)


@FUZZ
@given(frameworks(), st.data())
def test_labellings_without_undercuts_are_the_flattenings(
    framework: _Indexed, data: st.DataObject
) -> None:
    rank = framework.rank()
    assert _new_labellings(framework, rank, {}) == _old_labellings(framework, rank, {})
    # and with undercuts, the flattening itself, as before
    claims = st.sampled_from(framework.nodes)
    cuts = data.draw(
        st.dictionaries(
            st.sampled_from(("r1", "r2", "r3")),
            st.lists(st.tuples(st.sampled_from(("u1", "u2", "r4")), claims), min_size=1),
            max_size=2,
        )
    )
    assert _new_labellings(framework, rank, cuts) == _old_labellings(framework, rank, cuts)


@FUZZ
@given(frameworks(), st.data())
def test_derived_is_the_one_from_the_set_of_direct_attacks(
    framework: _Indexed, data: st.DataObject
) -> None:
    rank = framework.rank()
    disabled = frozenset(data.draw(st.lists(st.sampled_from(("r1", "r2", "r3")))))
    assert _derived(framework, rank, disabled) == _old_derived(framework, rank, disabled)
    assert _derived(framework, rank, frozenset()) == _old_derived(framework, rank, frozenset())


def test_grounded_without_undercuts_exact_values() -> None:
    # a -> b -> c (a chain), d <-> e (an even cycle), f -> f (a self-attack) and f -> g,
    # h -> i -> j -> h (an odd cycle); "i" supports "k", which "a" attacks.
    names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]
    at = {name: i for i, name in enumerate(names)}
    attacks = [
        (at[x], at[y], f"{x}/attacks/{y}")
        for x, y in [
            ("a", "b"),
            ("b", "c"),
            ("d", "e"),
            ("e", "d"),
            ("f", "f"),
            ("f", "g"),
            ("h", "i"),
            ("i", "j"),
            ("j", "h"),
            ("a", "k"),
        ]
    ]
    framework = _Indexed(names, at, attacks, [(at["i"], at["k"], "i/supports/k")])
    found = _labellings(framework, framework.rank(), {})
    grounded = dict(zip(names, found.grounded_labels, strict=False))
    assert grounded == {
        "a": _IN,
        "b": _OUT,
        "c": _IN,
        "d": _UNDECIDED,
        "e": _UNDECIDED,
        "f": _UNDECIDED,
        "g": _UNDECIDED,
        "h": _UNDECIDED,
        "i": _UNDECIDED,
        "j": _UNDECIDED,
        "k": _OUT,
    }
    # h attacks i, which supports k: h attacks k (a secondary attack), undecided on k,
    # which "a" (in) puts out anyway.
    assert found.derived == [(at["h"], at["k"])]
    assert found.grounded == found.bipolar
    assert found.disabled == frozenset()


def test_argument_graph_keeps_each_pair_where_its_first_relation_is() -> None:
    # "b" relates to "p" before "a" does, though "a" is the earlier claim: the graph's
    # predecessors of "p" follow the relations, its successors the claims.
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A"), Claim("b", "B")),
        relations=(
            Relation("b/supports/p", "b", "p", SUP),
            Relation("a/supports/p", "a", "p", SUP),
            Relation("b/attacks/a", "b", "a", ATT),
            Relation("b/supports/p/again", "b", "p", SUP, source="s"),
        ),
    )
    graph = argument_graph(amap)
    assert list(graph.predecessors("p")) == ["b", "a"]
    assert list(graph.edges(data="relation")) == [
        ("a", "p", "a/supports/p"),
        ("b", "p", "b/supports/p/again"),
        ("b", "a", "b/attacks/a"),
    ]


# Claims no route reaches and claims with one actor: `stances_sides` and `contested`
# against their code of 0398f3c, kept here verbatim.


def _old_stances_sides(
    paths: Paths, stances: StanceEdges, proposals: list[str]
) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {p: {} for p in proposals}
    meaning: dict[str, list[tuple[dict[str, int], int]]] = {}
    for _, claim, stance, sign, _ in stances.edges:
        if (sides_of := meaning.get(claim)) is None:
            sides_of = meaning[claim] = [
                (found[p], side)
                for p in proposals
                if (side := _route_side(paths.get(claim, {}).get(p))) is not None
            ]
        for into, side in sides_of:
            into[stance] = sign * side
    return found


def _old_contested(stances: StanceEdges) -> tuple[Contested, ...]:
    sides: dict[str, tuple[set[str], set[str]]] = {}
    for actor, claim, _, sign, _ in stances.edges:
        if sign:
            supporters, opponents = sides.setdefault(claim, (set(), set()))
            (supporters if sign > 0 else opponents).add(actor)
    found = [
        Contested(claim, controversy(len(s), len(o)), tuple(sorted(s)), tuple(sorted(o)))
        for claim, (s, o) in sides.items()
        if s and o
    ]
    return tuple(sorted(found, key=lambda c: (-c.score, c.claim)))


@FUZZ
@given(argument_maps(), _STANCES)
def test_stances_sides_and_contested_are_the_old_ones(
    amap: ArgumentMap, held: list[tuple[str, str, int, str]]
) -> None:
    edges = map_argument_edges(amap)
    stances = StanceEdges(
        ("ann", "bob"), [(a, c, f"{a}/{c}/{i}", s, src) for i, (a, c, s, src) in enumerate(held)]
    )
    paths = proposal_paths(edges)
    proposals = [claim for claim, kind in edges.kinds.items() if kind == "proposal"]
    assert repr(stances_sides(paths, stances, proposals)) == repr(
        _old_stances_sides(paths, stances, proposals)
    )
    assert contested(stances) == _old_contested(stances)


def test_stances_sides_and_contested_exact_values() -> None:
    paths = proposal_paths(map_argument_edges(LITERAL), max_hops=1)
    stances = StanceEdges(
        ("ann", "bob", "cy"),
        [
            ("ann", "b", "ann/b", 1, "s"),  # b reaches no proposal in one step
            ("ann", "a", "ann/a", -1, "s"),
            ("bob", "a", "bob/a", 1, "s"),
            ("cy", "a", "cy/a", 1, "s"),
            ("cy", "q", "cy/q", -1, "s"),
            ("bob", "q", "bob/q", 0, "s"),
            ("ann", "q", "ann/q", 1, "s"),
        ],
    )
    # a supports p (+1) and, marked inferred, attacks q (-1); q supports p.
    assert stances_sides(paths, stances, ["p", "q"]) == {
        "p": {"ann/a": -1, "bob/a": 1, "cy/a": 1, "cy/q": -1, "bob/q": 0, "ann/q": 1},
        "q": {"ann/a": 1, "bob/a": -1, "cy/a": -1, "cy/q": -1, "bob/q": 0, "ann/q": 1},
    }
    # q is the more even (1 for, 1 against; bob's neutral stance counts on no side)
    assert contested(stances) == (
        Contested("q", controversy(1, 1), ("ann",), ("cy",)),
        Contested("a", controversy(2, 1), ("bob", "cy"), ("ann",)),
    )
