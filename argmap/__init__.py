"""argmap: stance and argument maps of public debates, from a hand-curated YAML file.

The pipeline: `load` a file into an `ArgumentMap`, `check` it for problems, analyse it
and render it. The library never prints; the `argmap` command is a thin layer on top.
"""

from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Level,
    Location,
    Position,
    Problem,
    Relation,
    RelationKind,
    Source,
    Stance,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "ArgumentMap",
    "Claim",
    "ClaimKind",
    "Ignored",
    "Level",
    "Location",
    "Position",
    "Problem",
    "Relation",
    "RelationKind",
    "Source",
    "Stance",
    "__version__",
]
