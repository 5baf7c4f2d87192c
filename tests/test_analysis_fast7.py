"""The seventh pass's quicker readings of the argument graph give what the plain ones gave.

Each fast path (the graph's nodes added without their attribute pairs, the adjacency dicts
read instead of networkx's views, DF-QuAD without undercuts written out, the defeaters
kept by target) is compared with the code it replaced, kept here verbatim, on random
graphs and maps: the same values, in the same order, floats bit for bit.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import _without_inferred
from argmap.analysis.acceptance import (
    _IN,
    _OUT,
    _UNDECIDED,
    _defeaters,
    _dfquad,
    _Indexed,
    _indexed,
    _labellings,
    defeaters,
    dfquad_strengths,
    readings,
)
from argmap.analysis.contested import incoherent
from argmap.analysis.graph import ArgumentEdges, StanceEdges, argument_graph, as_argument_edges
from argmap.analysis.positions import is_stated, never_stated
from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationKind

from .helpers import NAMES, argument_maps, fuzz_settings
from .reference_acceptance import dfquad_strengths as reference_dfquad

FUZZ = fuzz_settings(200)


# The code the fast paths replaced, as it was at 31156f5.


def _old_argument_graph(amap: ArgumentMap) -> nx.DiGraph:
    claims = {claim.id for claim in amap.claims}
    edges: dict[tuple[str, str], dict[str, object]] = {}
    for relation in amap.relations:
        if relation.origin not in claims or relation.target not in claims:
            continue
        pair = (relation.origin, relation.target)
        existing = edges.get(pair)
        if existing is not None and existing["kind"] == RelationKind.ATTACKS.value:
            continue
        attack = relation.kind is RelationKind.ATTACKS
        edges[pair] = {
            "kind": relation.kind.value,
            "sign": -1 if attack else 1,
            "relation": relation.id,
            "source": relation.source,
            "inferred": relation.inferred,
        }
    graph = nx.DiGraph()
    graph.add_nodes_from(
        (claim.id, {"kind": claim.kind.value, "label": claim.display}) for claim in amap.claims
    )
    graph.add_edges_from((a, b, data) for (a, b), data in edges.items())
    return graph


def _old_indexed(arguments: nx.DiGraph) -> _Indexed:
    nodes = list(arguments)
    index = {node: i for i, node in enumerate(nodes)}
    attacks: list[tuple[int, int, str]] = []
    supports: list[tuple[int, int, str]] = []
    for origin, target, data in arguments.edges(data=True):
        edge = (index[origin], index[target], data.get("relation", f"{origin}->{target}"))
        (attacks if data.get("sign", -1) < 0 else supports).append(edge)
    return _Indexed(nodes, index, attacks, supports)


def _old_defeaters(
    framework: _Indexed,
    rank: list[int],
    labels: bytearray,
    extra: list[tuple[int, int]],
    disabled: frozenset[str],
) -> dict[str, tuple[str, ...]]:
    attackers: list[list[int]] = [[] for _ in framework.nodes]
    for origin, target, relation in framework.attacks:
        if relation not in disabled:
            attackers[target].append(origin)
    for origin, target in extra:
        attackers[target].append(origin)
    found: dict[str, tuple[str, ...]] = {}
    for claim, name in enumerate(framework.nodes):
        label = labels[claim]
        if label == _OUT:
            wanted = _IN
        elif label == _UNDECIDED:
            wanted = _UNDECIDED
        else:
            continue
        beaten_by = {a for a in attackers[claim] if labels[a] == wanted}
        found[name] = framework.by_id(beaten_by, rank)
    return found


def _old_incoherent(
    arguments: nx.DiGraph, stances: StanceEdges
) -> tuple[tuple[str, str, str], ...]:
    supported: dict[str, set[str]] = {}
    for actor, claim, _, sign, _ in stances.edges:
        if sign > 0:
            supported.setdefault(actor, set()).add(claim)
    found = []
    for actor, claims in supported.items():
        for claim in sorted(claims):
            if claim not in arguments:
                continue
            for target in sorted(arguments.successors(claim)):
                if (
                    target != claim
                    and target in claims
                    and arguments.edges[claim, target].get("sign", -1) < 0
                ):
                    found.append((actor, claim, target))
    return tuple(found)


def _old_without_inferred(arguments: nx.DiGraph) -> nx.DiGraph:
    inferred = [
        (a, b) for a, b, inferred in arguments.edges(data="inferred", default=False) if inferred
    ]
    if not inferred:
        return arguments
    kept = arguments.copy()
    kept.remove_edges_from(inferred)
    return kept


# Random inputs.

_DATA = st.fixed_dictionaries(
    {},
    optional={
        "sign": st.sampled_from((-1, 1)),
        "relation": st.one_of(st.none(), st.sampled_from(("r1", "r2", "r3", "x/y"))),
        "inferred": st.booleans(),
        "source": st.sampled_from(("s", "t")),
    },
)


@st.composite
def graphs(draw: st.DrawFn) -> nx.DiGraph:
    """A DiGraph with nodes added in a random order, self-loops, pairs related both ways,
    and edges lacking a sign, a relation id or an `inferred`, or with a None id."""
    graph = nx.DiGraph()
    graph.add_nodes_from(draw(st.lists(st.sampled_from(NAMES), unique=True)))
    for a, b, data in draw(
        st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES), _DATA), max_size=20)
    ):
        graph.add_edge(a, b, **data)
    return graph


def _reading(graph: nx.DiGraph) -> tuple[Any, ...]:
    return (
        list(graph.nodes(data=True)),
        list(graph.edges(data=True)),
        [(node, list(graph.predecessors(node))) for node in graph],
        [(node, list(graph.successors(node))) for node in graph],
    )


def _edges_reading(edges: ArgumentEdges) -> tuple[Any, ...]:
    return (
        list(edges.kinds.items()),
        [
            (a, [(b, dict(data)) for b, data in targets.items()])
            for a, targets in edges.targets.items()
        ],
    )


@FUZZ
@given(argument_maps())
def test_argument_graph_is_the_one_built_with_attribute_pairs(amap: ArgumentMap) -> None:
    assert _reading(argument_graph(amap)) == _reading(_old_argument_graph(amap))


@FUZZ
@given(graphs())
def test_indexed_reads_the_adjacency_as_the_edge_view_did(graph: nx.DiGraph) -> None:
    assert _indexed(graph) == _old_indexed(graph)


def test_indexed_keeps_a_none_relation_id_and_names_a_missing_one() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=1, relation=None)
    graph.add_edge("b", "a")
    framework = _indexed(graph)
    assert (framework.attacks, framework.supports) == ([(1, 0, "b->a")], [(0, 1, None)])


@FUZZ
@given(graphs())
def test_without_inferred_drops_what_the_edge_view_found(graph: nx.DiGraph) -> None:
    # Since the eighth pass it works on the graph's `ArgumentEdges` (analysis8).
    given_edges = as_argument_edges(graph)
    found = _without_inferred(given_edges)
    old = _old_without_inferred(graph)
    assert _edges_reading(found) == _edges_reading(as_argument_edges(old))
    assert (found is given_edges) == (old is graph)


@FUZZ
@given(
    graphs(),
    st.lists(
        st.tuples(
            st.sampled_from(("ann", "bob")),
            st.sampled_from((*NAMES, "ghost")),
            st.sampled_from((-1, 0, 1)),
        ),
        max_size=14,
    ),
)
def test_incoherent_reads_the_adjacency_as_successors_did(
    graph: nx.DiGraph, held: list[tuple[str, str, int]]
) -> None:
    stances = StanceEdges(
        ("ann", "bob"), [(a, c, f"{a}/{c}/{i}", s, "s") for i, (a, c, s) in enumerate(held)]
    )
    assert incoherent(graph, stances) == _old_incoherent(graph, stances)


@FUZZ
@given(graphs(), st.data())
def test_defeaters_kept_by_target_are_the_per_claim_sets(
    graph: nx.DiGraph, data: st.DataObject
) -> None:
    framework = _indexed(graph)
    count = len(framework.nodes)
    # Any labels, the code 3 (no labelling's) among them, and extra attacks repeated.
    labels = bytearray(data.draw(st.lists(st.integers(0, 3), min_size=count, max_size=count)))
    ends = st.integers(0, max(count - 1, 0))
    extra = data.draw(st.lists(st.tuples(ends, ends), max_size=10)) if count else []
    relations = [r for _, _, r in framework.attacks]
    disabled = (
        frozenset(data.draw(st.lists(st.sampled_from(relations)))) if relations else frozenset()
    )
    rank = framework.rank()
    assert _defeaters(framework, rank, labels, extra, disabled) == _old_defeaters(
        framework, rank, labels, extra, disabled
    )


def test_defeaters_of_an_out_claim_sorted_by_id_once_each() -> None:
    graph = nx.DiGraph([("z", "p"), ("a", "p"), ("m", "p"), ("u", "q"), ("q", "u")])
    labels = {"z": "in", "a": "in", "m": "out", "p": "out", "q": "undecided", "u": "undecided"}
    found = defeaters(graph, labels, extra=[("a", "p"), ("m", "p")])
    assert found == {"p": ("a", "z"), "m": (), "u": ("q",), "q": ("u",)}


@FUZZ
@given(graphs())
def test_dfquad_without_undercuts_is_the_reference_bit_for_bit(graph: nx.DiGraph) -> None:
    assert repr(dfquad_strengths(graph)) == repr(reference_dfquad(graph))
    assert repr(dfquad_strengths(graph, {})) == repr(reference_dfquad(graph, {}))


def test_dfquad_without_undercuts_on_a_deep_chain_is_the_reference() -> None:
    graph = nx.DiGraph()
    for i in range(1, 700):
        graph.add_edge(f"c{i}", f"c{(i - 1) // 2}", sign=-1 if i % 3 else 1, relation=f"r{i}")
    framework = _indexed(graph)
    assert repr(_dfquad(framework, {}, 0.5, 1000, 1e-12)) == repr(reference_dfquad(graph))
    assert repr(readings(graph).strength) == repr(reference_dfquad(graph))


def test_dfquad_exact_values_without_undercuts() -> None:
    # b: attacked by a (0.5), supported by c (0.25): 0.5 - 0.5 * (0.5 - 0.25) = 0.375.
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=-1)
    graph.add_edge("c", "b", sign=1)
    graph.add_edge("d", "c", sign=-1)
    graph.add_edge("e", "d", sign=1)
    # d: supported by e (0.5): 0.5 + 0.5 * 0.5 = 0.75; c: 0.5 - 0.5 * 0.75 = 0.125;
    # b: 0.5 - 0.5 * (0.5 - 0.125) = 0.3125.
    assert dfquad_strengths(graph) == {"a": 0.5, "b": 0.3125, "c": 0.125, "d": 0.75, "e": 0.5}


def test_labellings_with_and_without_undercuts_share_the_flattening() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=-1, relation="r")
    framework = _indexed(graph)
    assert _labellings(framework, framework.rank(), {}).grounded == {"a": "in", "b": "out"}
    cut = _labellings(framework, framework.rank(), {"r": [("u", "a")]})
    assert cut.grounded == {"a": "in", "b": "in"}


_EDGE = st.tuples(
    st.sampled_from(("r1", "r2")),
    st.sampled_from((None, "gazette", "herald")),
    st.booleans(),
    st.booleans(),
    st.sampled_from((-1, 1)),
)


@FUZZ
@given(st.lists(_EDGE, max_size=5))
def test_a_route_never_stated_is_stated_for_no_stance(edges: list[Any]) -> None:
    route = (tuple(f"c{i}" for i in range(len(edges) + 1)), 1, tuple(edges))
    answers = {
        is_stated(sign, source, route)
        for sign in (-1, 1)
        for source in ("gazette", "herald", "other")
    }
    if never_stated(route):
        assert answers == {False}


def test_never_stated_exact_values() -> None:
    own = ("r1", "gazette", False, False, 1)
    wider = ("r2", "herald", False, True, -1)
    inferred = ("r3", "gazette", True, False, 1)
    assert never_stated((("p",), 1, ())) is False
    assert never_stated((("c", "p"), 1, (own,))) is False
    assert never_stated((("c", "p", "q"), -1, (own, wider))) is False
    assert never_stated((("c", "d", "p"), 1, (own, own))) is True
    assert never_stated((("c", "p"), 1, (inferred,))) is True
    assert never_stated((("n", "w", "x"), 1, (wider, wider))) is False


def test_incoherent_goes_on_past_a_claim_that_argues_nothing() -> None:
    # ann supports "a" (no relation out of it) before x and y; x attacks y; a relation of
    # sign 0 (neither support nor attack) from y to x is no conflict.
    graph = nx.DiGraph()
    graph.add_node("a")
    graph.add_edge("x", "y", sign=-1)
    graph.add_edge("y", "x", sign=0)
    stances = StanceEdges(("ann",), [("ann", c, f"ann/{c}", 1, "s") for c in ("a", "x", "y")])
    assert incoherent(graph, stances) == (("ann", "x", "y"),)


def test_argument_graph_goes_on_past_a_relation_to_an_unknown_claim() -> None:
    amap = ArgumentMap(
        title="t",
        claims=(Claim("p", "P", ClaimKind.PROPOSAL), Claim("a", "A")),
        relations=(
            Relation("a/supports/ghost", "a", "ghost", RelationKind.SUPPORTS),
            Relation("a/attacks/p", "a", "p", RelationKind.ATTACKS),
        ),
    )
    assert list(argument_graph(amap).edges(data="relation")) == [("a", "p", "a/attacks/p")]


def test_indexed_takes_a_sign_0_relation_for_a_support() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", sign=0, relation="r")
    framework = _indexed(graph)
    assert (framework.attacks, framework.supports) == ([], [(0, 1, "r")])
