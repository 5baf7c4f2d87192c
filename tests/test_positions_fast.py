"""`positions`' quick `_contribution` against the dataclass it stands in for."""

from __future__ import annotations

import dataclasses
import pickle

from argmap.analysis.positions import Contribution, _contribution


def test_a_quick_contribution_is_the_dataclass_field_for_field_in_order() -> None:
    values = ("ann/p", "c", ("c", "m", "p"), -1, 0.25, ("c/m", "m/p"), ("s", None), False, ("m",))
    quick, plain = _contribution(*values), Contribution(*values)
    assert quick == plain
    assert repr(quick) == repr(plain)
    assert hash(quick) == hash(plain)
    assert list(vars(quick).items()) == list(vars(plain).items())
    assert [f.name for f in dataclasses.fields(Contribution)] == list(vars(quick))
    assert pickle.dumps(quick) == pickle.dumps(plain)
    assert type(quick) is Contribution


def test_a_quick_contribution_stays_frozen() -> None:
    quick = _contribution("s", "c", ("c",), 1, 1.0, (), (), True, ())
    try:
        quick.sign = -1  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a contribution must stay frozen")
    assert quick.sign == 1
