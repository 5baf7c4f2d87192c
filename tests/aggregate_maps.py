"""Small literal maps for the aggregated views (tests/test_aggregate*.py): every count
and weight they must show is worked out by hand in the docstrings. Also the random maps
and the chain the drawings' levels are tested on (tests/test_views_seventh.py, _eighth)."""

from __future__ import annotations

import random

from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
)

SUP, OPP = Position.SUPPORTS, Position.OPPOSES


def three_camps() -> ArgumentMap:
    """Three camps of two: a1 a2 support p; b1 b2 oppose p; c1 c2 support r and oppose q,
    which a1 and b1 support. Agreement weights (shared minus opposed claims): a1-a2 +1,
    b1-b2 +1, c1-c2 +2, a1-b1 0 (p opposed, q shared: no pair), a1-b2 -1, a2-b1 -1,
    a2-b2 -1, a1-c1 a1-c2 b1-c1 b1-c2 -1 each. So between the a and b camps -3 over 3
    pairs, a and c -2 over 2, b and c -2 over 2."""
    people = ("a1", "a2", "b1", "b2", "c1", "c2")
    said = [
        ("a1", "p", SUP),
        ("a2", "p", SUP),
        ("b1", "p", OPP),
        ("b2", "p", OPP),
        ("a1", "q", SUP),
        ("b1", "q", SUP),
        ("c1", "r", SUP),
        ("c2", "r", SUP),
        ("c1", "q", OPP),
        ("c2", "q", OPP),
    ]
    return ArgumentMap(
        title="Three camps",
        sources=(Source("s", "S", "P", "2024"),),
        actors=tuple(Actor(a, f"Actor {a.upper()}", ActorKind.PERSON) for a in people),
        claims=(
            Claim("p", "Proposal P", ClaimKind.PROPOSAL),
            Claim("q", "Proposal Q", ClaimKind.PROPOSAL),
            Claim("r", "Proposal R", ClaimKind.PROPOSAL),
        ),
        stances=tuple(
            Stance(f"{a}/{c}", a, c, pos, "s", quote=f"{a} on {c}") for a, c, pos in said
        ),
    )


def small_tree() -> ArgumentMap:
    """Proposal p; a supports p, b attacks a, c supports a, d supports p, e attacks p,
    f attacks e; b also supports d, e also attacks a; z argues about nothing. The claim
    tree: p over a, d, e; a over b, c (b's targets a and d are both one step from p: a
    comes first); e over f. With a threshold of 3, p's cluster (7 claims) draws p and d
    themselves and the clusters of a (a, b, c) and e (e, f), with the lines a->p supports
    1, e->p attacks 1, a->d supports 1 (b->d), e->a attacks 1, and the relation d->p.
    Stances: x supports a and b and opposes e; y opposes a (x and y disagree: each a camp
    of one, so the camps map's one group of the rest holds both)."""
    claims = (
        Claim("p", "Proposal P", ClaimKind.PROPOSAL),
        *(Claim(c, f"Claim {c.upper()}") for c in "abcdefz"),
    )
    links = [
        ("a", "p", RelationKind.SUPPORTS),
        ("b", "a", RelationKind.ATTACKS),
        ("c", "a", RelationKind.SUPPORTS),
        ("d", "p", RelationKind.SUPPORTS),
        ("e", "p", RelationKind.ATTACKS),
        ("f", "e", RelationKind.ATTACKS),
        ("b", "d", RelationKind.SUPPORTS),
        ("e", "a", RelationKind.ATTACKS),
    ]
    said = [("x", "a", SUP), ("x", "b", SUP), ("x", "e", OPP), ("y", "a", OPP)]
    return ArgumentMap(
        title="Small tree",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(Actor("x", "Actor X", ActorKind.PERSON), Actor("y", "Actor Y", ActorKind.PERSON)),
        claims=claims,
        relations=tuple(Relation(f"{o}/{k.value}/{t}", o, t, k, "s") for o, t, k in links),
        stances=tuple(Stance(f"{a}/{c}", a, c, pos, "s", quote="q") for a, c, pos in said),
    )


def chain_and_bush() -> ArgumentMap:
    """Proposal p; a chain a <- b <- c <- d under p (a supports p, b supports a, ...) and a
    bush e <- e1, e2, e3 under p (e attacks p, each e_i supports e). The claim tree: p over
    a and e (by id), a over b over c over d, e over e1 e2 e3; 9 claims. With a limit of 5
    nodes, p's drawing has p, a, e (3); a and e hold 4 claims each, a was reached first
    and opens (+1: 4), then b (3 claims, +1: 5); c (2 claims) would make 6 and e 7: p, a,
    b drawn, the clusters of c (c, d) and e (4 claims). Stances: x supports
    d and opposes e2, y supports a and b and opposes e1 (no claim in common: one group of
    the rest on the camps map); 2 speakers and 5 claims, 7 stance nodes."""
    links = [
        ("a", "p", RelationKind.SUPPORTS),
        ("b", "a", RelationKind.SUPPORTS),
        ("c", "b", RelationKind.SUPPORTS),
        ("d", "c", RelationKind.SUPPORTS),
        ("e", "p", RelationKind.ATTACKS),
        ("e1", "e", RelationKind.SUPPORTS),
        ("e2", "e", RelationKind.SUPPORTS),
        ("e3", "e", RelationKind.SUPPORTS),
    ]
    said = [("x", "d", SUP), ("x", "e2", OPP), ("y", "a", SUP), ("y", "b", SUP), ("y", "e1", OPP)]
    return ArgumentMap(
        title="Chain and bush",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(Actor("x", "Actor X", ActorKind.PERSON), Actor("y", "Actor Y", ActorKind.PERSON)),
        claims=(
            Claim("p", "Proposal P", ClaimKind.PROPOSAL),
            *(Claim(c, f"Claim {c.upper()}") for c in ("a", "b", "c", "d", "e", "e1", "e2", "e3")),
        ),
        relations=tuple(Relation(f"{o}/{k.value}/{t}", o, t, k, "s") for o, t, k in links),
        stances=tuple(Stance(f"{a}/{c}", a, c, pos, "s", quote="q") for a, c, pos in said),
    )


# ---- for the drawings' levels, counts and lines (tests/test_views_seventh.py, _eighth) ----

KINDS = (ClaimKind.PROPOSAL, ClaimKind.CLAIM, ClaimKind.CLAIM, ClaimKind.EVIDENCE)


def random_map(rng: random.Random) -> ArgumentMap:
    """Claims with shuffled ids (so id order is not the tree's order), relations between
    them and to unknown ends, undercuts, repeats, stances on known and unknown claims."""
    count = rng.randint(1, 40)
    names = rng.sample([f"{a}{b}" for a in "abcdefghij" for b in "0123456789"], count)
    claims = tuple(Claim(n, n.upper(), rng.choice(KINDS)) for n in names)
    relations: list[Relation] = []
    for _ in range(rng.randint(0, rng.choice([count, 3 * count]))):
        origin = rng.choice([*names, "zz"]) if rng.random() < 0.1 else rng.choice(names)
        kind = rng.choice([RelationKind.SUPPORTS, RelationKind.ATTACKS])
        if relations and rng.random() < 0.1:
            kind, target = RelationKind.UNDERCUTS, rng.choice(relations).id
        else:
            target = "yy" if rng.random() < 0.05 else rng.choice(names)
        relations.append(Relation(f"{origin}/{kind}/{target}", origin, target, kind, "s"))
    if relations and rng.random() < 0.3:
        relations.append(rng.choice(relations))  # a repeated relation: the same id twice
    stances = tuple(
        Stance(
            f"s{i}",
            rng.choice(["x", "y", "z", "w"]),
            "qq" if rng.random() < 0.05 else rng.choice(names),
            rng.choice(list(Position)),
            "s",
        )
        for i in rng.sample(range(500), rng.randint(0, 3 * count))
    )
    return ArgumentMap("t", claims=claims, relations=tuple(relations), stances=stances)


def chain_map() -> ArgumentMap:
    """p <- a <- b <- c, d <- a (so a's cluster is a, b, c, d), e -> p, and x, y reaching
    no proposal; c also attacks x, out of a's cluster; e undercuts a -> p."""
    claims = (
        Claim("p", "P", ClaimKind.PROPOSAL),
        Claim("a", "A", ClaimKind.CLAIM),
        Claim("b", "B", ClaimKind.CLAIM),
        Claim("c", "C", ClaimKind.EVIDENCE),
        Claim("d", "D", ClaimKind.EVIDENCE),
        Claim("e", "E", ClaimKind.CLAIM),
        Claim("x", "X", ClaimKind.CLAIM),
        Claim("y", "Y", ClaimKind.CLAIM),
    )
    sup, att = RelationKind.SUPPORTS, RelationKind.ATTACKS

    def rel(origin: str, kind: RelationKind, target: str) -> Relation:
        return Relation(f"{origin}/{kind}/{target}", origin, target, kind, "s")

    relations = (
        rel("a", sup, "p"),
        rel("b", sup, "a"),
        rel("c", att, "b"),
        rel("d", sup, "a"),
        rel("e", att, "p"),
        rel("c", att, "x"),
        rel("x", sup, "y"),
        Relation("u", "e", "a/supports/p", RelationKind.UNDERCUTS, "s"),
    )
    stances = (
        Stance("s1", "m", "b", Position.SUPPORTS, "s"),
        Stance("s2", "n", "c", Position.OPPOSES, "s"),
        Stance("s3", "m", "d", Position.NEUTRAL, "s"),
        Stance("s4", "n", "e", Position.SUPPORTS, "s"),
    )
    return ArgumentMap("t", claims=claims, relations=relations, stances=stances)
