"""The bugs a reviewer fears in the loader and the checks, each caught by one exact test.

Each test here was written against a mutant that the rest of the suite let through (see
docs/testing.md): a date check off by a day, a blank text read as text, a quoted 'true'
read as a flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from argmap import checks
from argmap.checks import check
from argmap.errors import LoadError
from argmap.load import build_map, compose, loads
from argmap.load.fast import fast_load
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Location,
    Position,
    Problem,
    Relation,
    RelationKind,
    Source,
    Stance,
)
from argmap.rules import Config

from .helpers import BASE

TODAY = dt.date(2025, 6, 15)


def full_problems(text: str) -> list[str]:
    """The full loader's problems, without the fast path in front of it."""
    root, composed = compose(text, "m.yaml")
    return [str(p) for p in [*composed, *build_map(root, "m.yaml").problems]]


def dated(date: str) -> list[str]:
    amap = loads(BASE.replace("    date: 2024-03-01", f"    date: {date}")).map
    return [p.message for p in check(amap, today=TODAY)]


@pytest.mark.parametrize("date", ["2025-06-15", "2025-06", "2025", "2025-06-14", "1999"])
def test_today_this_month_and_this_year_are_not_in_the_future(date: str) -> None:
    assert dated(date) == []


@pytest.mark.parametrize("date", ["2025-06-16", "2025-07", "2026", "2025-07-01"])
def test_the_day_month_or_year_after_today_is_in_the_future(date: str) -> None:
    assert dated(date) == [f"date '{date}' of source 'gazette' lies in the future"]


def test_a_stance_date_in_the_future_is_reported_at_the_date() -> None:
    text = BASE.replace("    quote: No.\n", "    quote: No.\n    date: 2025-06-16\n")
    found = check(loads(text).map, today=TODAY)
    assert [(p.loc.line, p.loc.col, p.message) for p in found] == [
        (29, 11, "date '2025-06-16' of stance 'sam/opposes/saves' lies in the future")
    ]


@pytest.mark.parametrize("blank", ['"   "', "' '", '""'])
def test_blank_required_text_is_missing_in_both_loaders(blank: str) -> None:
    text = BASE.replace("    text: Allow it\n", f"    text: {blank}\n")
    assert full_problems(text) == [
        "m.yaml:17:11: error: 'text' of claim 'allow' is empty [missing-field]"
    ]
    assert fast_load(text, "m.yaml") is None


def test_blank_optional_text_reads_as_absent() -> None:
    text = BASE.replace("    quote: Yes.\n", '    quote: Yes.\n    note: "  "\n')
    amap = fast_load(text, "m.yaml")
    assert amap is not None and amap.stances[0].note is None
    assert full_problems(text) == []


@pytest.mark.parametrize("word", ["'true'", '"yes"', "'false'", "1", "[true]"])
def test_a_quoted_or_other_flag_is_not_a_boolean(word: str) -> None:
    text = BASE.replace("    quote: No.\n", f"    quote: No.\n    reported: {word}\n")
    assert full_problems(text) == [
        "m.yaml:29:15: error: 'reported' of stance must be true or false [wrong-type]"
    ]
    assert fast_load(text, "m.yaml") is None


@pytest.mark.parametrize(("word", "reported"), [("true", True), ("yes", True), ("off", False)])
def test_plain_flags_read_the_same_in_both_loaders(word: str, reported: bool) -> None:
    text = BASE.replace("    quote: No.\n", f"    quote: No.\n    reported: {word}\n")
    fast = fast_load(text, "m.yaml")
    assert fast is not None and fast.stances[1].reported is reported
    root, _ = compose(text, "m.yaml")
    assert build_map(root, "m.yaml").map.stances[1].reported is reported


# ---------------------------------------------------------------------------- the runner


def test_check_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    amap = loads(BASE).map
    assert gc.isenabled()
    check(amap, today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        check(amap, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_disabling_the_first_checks_rules_still_runs_the_others() -> None:
    text = BASE.replace("supports: allow\n    source", "supports: alow\n    source")
    config = Config.of(["duplicate-id", "duplicate-stance"])
    found = check(loads(text).map, today=TODAY, config=config)
    assert [p.rule for p in found] == ["unknown-claim"]


def test_a_check_whose_rules_are_all_disabled_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(amap: object, today: dt.date) -> Iterator[Problem]:
        calls.append("ran")
        return iter(())

    monkeypatch.setattr(checks, "CHECKS", (checks.registered(counting, "orphan-claim"),))
    check(loads(BASE).map, today=TODAY, config=Config.of(["orphan-claim"]))
    assert calls == []
    check(loads(BASE).map, today=TODAY, config=Config.of(["idle-actor"]))
    assert calls == ["ran"]


def test_quotes_are_read_only_when_asked_and_some_quote_rule_is_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(checks, "_quote_problems", lambda amap, folder: calls.append(True) or [])
    amap = loads(BASE).map
    check(amap, today=TODAY, verify_quotes=False)
    check(
        amap,
        today=TODAY,
        config=Config.of(["quote-not-in-source", "missing-source-file", "source-file-refused"]),
    )
    assert calls == []
    check(amap, today=TODAY, config=Config.of(["missing-source-file"]))
    assert calls == [True]


def test_a_map_made_in_code_is_reported_at_an_unknown_place() -> None:
    amap = ArgumentMap(
        title="T",
        sources=(Source("s", "S", "P", "2024"),),
        actors=(Actor("a", "A", ActorKind.PERSON),),
        claims=(Claim("c", "C"),),
        stances=(Stance("a/supports/x", "a", "x", Position.SUPPORTS, "s", quote="q"),),
    )
    found = check(amap, today=TODAY)
    assert [(p.loc, p.rule) for p in found] == [
        (Location("?", 0, 0), "unknown-claim"),
        (Location("arguments.yaml", 0, 0), "orphan-claim"),
    ]


# ---------------------------------------------------------------------------- rules


def test_a_bad_stance_date_is_not_offered_unknown() -> None:
    text = BASE.replace("    quote: No.\n", "    quote: No.\n    date: 2024-13\n")
    found = check(loads(text).map, today=TODAY)
    assert [str(p) for p in found] == [
        "arguments.yaml:29:11: error: date '2024-13' of stance 'sam/opposes/saves' is not an"
        " ISO date; write 2021, 2021-06 or 2021-06-14 [invalid-date]"
    ]


def _relations(*pairs: str) -> str:
    claims = sorted({c for pair in pairs for c in pair.split(">")})
    text = BASE.replace(
        "claims:\n", "claims:\n" + "".join(f"  {c}:\n    text: {c}\n" for c in claims)
    )
    return text + "".join(
        f"  - from: {pair.split('>')[0]}\n    supports: {pair.split('>')[1]}\n" for pair in pairs
    )


def circles(*pairs: str) -> list[str]:
    found = check(loads(_relations(*pairs)).map, today=TODAY)
    return [p.message for p in found if p.rule == "circular-support"]


def test_every_circle_is_found_however_the_nodes_are_visited() -> None:
    # Two circles, the second entered through an edge into the first, and a node with
    # two supports of which the second closes a circle.
    assert circles("ca>cb", "cb>ca", "cc>ca", "cc>cd", "cd>cc", "ce>cx", "ce>cf", "cf>ce") == [
        "support relations run in a circle through ca, cb",
        "support relations run in a circle through cc, cd",
        "support relations run in a circle through ce, cf",
    ]
    assert circles("ca>cb", "cb>cc") == []
    assert circles("ca>cb", "cb>cc", "cc>ca") == [
        "support relations run in a circle through ca, cb, cc"
    ]


# ---------------------------------------------------------------------------- the loaders


def both(text: str) -> tuple[ArgumentMap | None, ArgumentMap, list[str]]:
    """The fast path's map (or None), and the full loader's map and problems."""
    root, composed = compose(text, "m.yaml")
    built = build_map(root, "m.yaml")
    return fast_load(text, "m.yaml"), built.map, [str(p) for p in [*composed, *built.problems]]


def with_tags(tags: str) -> str:
    return BASE.replace(
        "    text: It saves lives\n", f"    text: It saves lives\n    tags:{tags}\n"
    )


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("\n      - health  # a comment\n      - two words   ", ("health", "two words")),
        (" [X]", ("X",)),
        (" [a, X]", ("a", "X")),
        (" [a, b , ]", ("a", "b")),
        ("\n      - 'a: b'\n      - c#d", ("a: b", "c#d")),
    ],
)
def test_list_items_read_the_same_through_both_loaders(
    tags: str, expected: tuple[str, ...]
) -> None:
    fast, full, problems = both(with_tags(tags))
    assert problems == []
    assert fast is not None
    assert fast.claims[1].tags == full.claims[1].tags == expected


@pytest.mark.parametrize(
    ("tags", "problem"),
    [
        (
            "\n      - x#y: z",
            "m.yaml:21:9: error: items of 'tags' in claim 'saves' must be text [wrong-type]",
        ),
        (
            "\n      - x#y:",
            "m.yaml:21:9: error: items of 'tags' in claim 'saves' must be text [wrong-type]",
        ),
        (
            "\n      - ~",
            "m.yaml:21:9: error: items of 'tags' in claim 'saves' must be text [wrong-type]",
        ),
        (" [~]", "m.yaml:20:12: error: items of 'tags' in claim 'saves' must be text [wrong-type]"),
    ],
)
def test_list_items_that_are_not_text_are_left_to_the_full_loader(tags: str, problem: str) -> None:
    fast, _, problems = both(with_tags(tags))
    assert fast is None
    assert problems == [problem]


def test_a_flow_item_the_fast_path_cannot_read_is_left_to_the_full_loader() -> None:
    fast, full, problems = both(with_tags(" [a, b:c]"))
    assert (fast, full.claims[1].tags, problems) == (None, ("a", "b:c"), [])


def test_a_block_quote_that_reads_like_null_is_text() -> None:
    text = BASE.replace("    quote: No.\n", "    quote: >-\n      ~\n")
    fast, full, problems = both(text)
    assert fast is not None and problems == []
    assert fast.stances[1].quote == full.stances[1].quote == "~"


def test_a_control_character_is_located_on_its_line() -> None:
    with pytest.raises(LoadError) as caught:
        loads("\ntitle: T\nx: a\x07b\n", "m.yaml")
    assert str(caught.value) == (
        "m.yaml:3:5: error: invalid YAML: control characters are not allowed [syntax]"
    )


def test_an_entry_with_no_fields_is_described_as_nothing() -> None:
    _, _, problems = both(BASE.replace("  sam:\n    name: Sam\n    kind: person\n", "  sam:\n"))
    assert problems == [
        "m.yaml:11:7: error: actor 'sam' must be a mapping of fields, not nothing [wrong-type]"
    ]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "  - just text\n",
            "m.yaml:33:5: error: ignored passage must be a mapping of fields, not the text 'just text' [wrong-type]",
        ),
        (
            "  - source: gazette\n    passage: p\n",
            "m.yaml:33:5: error: ignored passage needs 'reason' [missing-field]",
        ),
        (
            "  - source: gazette\n    reason: r\n",
            "m.yaml:33:5: error: ignored passage needs 'passage' [missing-field]",
        ),
    ],
)
def test_an_incomplete_ignored_passage_is_reported_and_left_out(entry: str, problem: str) -> None:
    _, full, problems = both(BASE + "ignored:\n" + entry)
    assert (problems, full.ignored) == ([problem], ())


# ---------------------------------------------------------------------------- a map made in code


def test_a_map_made_in_code_has_every_problem_reported_without_a_line() -> None:
    amap = ArgumentMap(
        title="T",
        sources=(
            Source("s", "S", "P", "2024"),
            Source("dup", "D", "P", "2024"),
            Source("idle-src", "I", "P", "unknown"),
        ),
        actors=(
            Actor("a", "A", ActorKind.PERSON, affiliations=("a", "ghost")),
            Actor("dup", "D", ActorKind.PARTY),
            Actor("b", "B", ActorKind.PERSON),
        ),
        claims=(
            Claim("c", "C"),
            Claim("d", "D"),
            Claim("e", "E", ClaimKind.EVIDENCE),
            Claim("lonely", "L"),
        ),
        stances=(
            Stance("a/supports/c", "a", "c", Position.SUPPORTS, "s", quote="q"),
            Stance("a/supports/c", "a", "c", Position.SUPPORTS, "s", quote="q"),
            Stance("a/opposes/c", "a", "c", Position.OPPOSES, "s"),
            Stance("a/supports/d", "a", "d", Position.SUPPORTS, "s", quote="q", date="2999"),
            Stance("a/supports/e", "a", "e", Position.SUPPORTS, "s", quote="q"),
        ),
        relations=(
            Relation("c/supports/c", "c", "c", RelationKind.SUPPORTS),
            Relation("c/supports/d", "c", "d", RelationKind.SUPPORTS),
            Relation("c/supports/d", "c", "d", RelationKind.SUPPORTS),
            Relation("d/supports/c", "d", "c", RelationKind.SUPPORTS),
            Relation("d/attacks/c", "d", "c", RelationKind.ATTACKS),
        ),
        ignored=(Ignored("nowhere", "p", "r"),),
    )
    found = [
        (str(p.loc), p.level.value, p.rule, p.message, p.hint)
        for p in check(amap, today=dt.date(2025, 1, 1))
    ]
    assert found == [
        (
            "?",
            "error",
            "contradictory-stance",
            "actor 'a' both supports and opposes claim 'c' (see line 0)",
            "give both stances a 'date:' if the position changed over time",
        ),
        (
            "?",
            "error",
            "invalid-date",
            "date '2999' of stance 'a/supports/d' lies in the future",
            "check the year",
        ),
        (
            "?",
            "error",
            "unknown-source",
            "ignored passage refers to unknown source 'nowhere'",
            None,
        ),
        (
            "?",
            "error",
            "duplicate-stance",
            "stance 'a/supports/c' is the same as the stance at line 0",
            "merge the two, or give one an explicit 'id:' if both are needed",
        ),
        (
            "?",
            "warning",
            "incoherent-actor",
            "actor 'a' supports 'd', which attacks 'c', which it also supports",
            "check both quotes: seeing both sides is fine, a misattributed stance is not",
        ),
        (
            "arguments.yaml",
            "error",
            "self-affiliation",
            "actor 'a' is affiliated with itself",
            None,
        ),
        (
            "arguments.yaml",
            "error",
            "unknown-affiliation",
            "actor 'a' refers to unknown affiliation 'ghost'",
            None,
        ),
        (
            "arguments.yaml",
            "error",
            "duplicate-id",
            "actor id 'dup' is already used by a source",
            "ids are shared by sources, actors and claims; rename one",
        ),
        ("arguments.yaml", "error", "self-relation", "claim 'c' supports itself", None),
        (
            "arguments.yaml",
            "error",
            "contradictory-relation",
            "claim 'd' both supports and attacks 'c'",
            "keep the relation the sources make",
        ),
        (
            "arguments.yaml",
            "error",
            "evidence-without-source",
            "evidence 'e' has no source",
            "add 'source:' naming where the figure comes from",
        ),
        (
            "arguments.yaml",
            "error",
            "duplicate-relation",
            "relation 'c/supports/d' is written twice (first at line 0)",
            "remove one of them",
        ),
        (
            "arguments.yaml",
            "error",
            "missing-quote",
            "stance 'a/opposes/c' has no quote",
            "add the source's exact words as 'quote:', or 'reported: true' for a reported position",
        ),
        (
            "arguments.yaml",
            "warning",
            "idle-actor",
            "actor 'b' has no stance",
            "add a stance, or remove the actor",
        ),
        (
            "arguments.yaml",
            "warning",
            "idle-actor",
            "actor 'dup' has no stance",
            "add a stance, or remove the actor",
        ),
        (
            "arguments.yaml",
            "warning",
            "orphan-claim",
            "claim 'lonely' has no stance and no relation",
            "add a stance or a relation, or remove the claim",
        ),
        (
            "arguments.yaml",
            "warning",
            "unused-source",
            "source 'dup' is cited by no stance, claim or relation",
            "cite it, or remove it",
        ),
        (
            "arguments.yaml",
            "warning",
            "unused-source",
            "source 'idle-src' is cited by no stance, claim or relation",
            "cite it, or remove it",
        ),
        (
            "arguments.yaml",
            "warning",
            "circular-support",
            "support relations run in a circle through c, d",
            "circular reasoning: remove the support that is not in the sources",
        ),
    ]


def test_two_stances_with_one_explicit_id_are_reported_at_the_second_id() -> None:
    text = BASE.replace("  - actor: sam\n", "  - id: same\n    actor: sam\n").replace(
        "  - actor: jo\n", "  - id: same\n    actor: jo\n"
    )
    assert [str(p) for p in check(loads(text, "m.yaml").map, today=TODAY)] == [
        "m.yaml:26:9: error: stance 'same' is the same as the stance at line 21;"
        " merge the two, or give one an explicit 'id:' if both are needed [duplicate-stance]"
    ]


def test_two_stances_that_say_the_same_are_reported_with_the_first_line() -> None:
    twice = "  - actor: jo\n    supports: allow\n    source: gazette\n    quote: Yes.\n"
    text = BASE.replace("relations:", twice + "relations:")
    assert [str(p) for p in check(loads(text, "m.yaml").map, today=TODAY)] == [
        "m.yaml:29:5: error: stance 'jo/supports/allow/gazette/undated' is the same as the"
        " stance at line 21; merge the two, or give one an explicit 'id:' if both are needed"
        " [duplicate-stance]"
    ]


def test_an_id_used_twice_names_the_line_of_the_first() -> None:
    text = BASE.replace("claims:\n", "claims:\n  gazette:\n    text: clash\n")
    found = [str(p) for p in check(loads(text, "m.yaml").map, today=TODAY)]
    assert found[0] == (
        "m.yaml:15:3: error: claim id 'gazette' is already used by a source at line 3;"
        " ids are shared by sources, actors and claims; rename one [duplicate-id]"
    )


def test_every_kind_of_reference_to_nothing_is_located_at_its_value() -> None:
    extra_claims = "  ev:\n    kind: evidence\n    text: A figure\n    source: nopaper\n"
    text = BASE.replace("claims:\n", "claims:\n" + extra_claims)
    text = text.replace(
        "  jo:\n    name: Jo\n    kind: person\n",
        "  jo:\n    name: Jo\n    kind: person\n    affiliations: [sam, nobody]\n",
    )
    text = text.replace(
        "relations:",
        """  - actor: ghost
    neutral: allow
    source: gazette
    quote: Hm.
  - actor: sam
    neutral: saves
    source: rag
    quote: Hm.
  - actor: jo
    supports: ev
    source: gazette
    quote: So.
relations:""",
    )
    text += """  - from: saves
    supports: saves
  - from: nowhere
    attacks: allow
    source: nopaper
  - from: saves
    supports: allow
  - from: allow
    supports: missing
ignored:
  - source: rag
    passage: p
    reason: r
"""
    found = [str(p) for p in check(loads(text, "m.yaml").map, today=TODAY)]
    assert found == [
        "m.yaml:11:25: error: actor 'jo' refers to unknown affiliation 'nobody' [unknown-affiliation]",
        "m.yaml:19:13: error: claim 'ev' refers to unknown source 'nopaper' [unknown-source]",
        "m.yaml:34:12: error: stance refers to unknown actor 'ghost' [unknown-actor]",
        "m.yaml:40:13: error: stance refers to unknown source 'rag' [unknown-source]",
        "m.yaml:49:5: error: claim 'saves' supports itself [self-relation]",
        "m.yaml:51:11: error: relation refers to unknown claim 'nowhere' [unknown-claim]",
        "m.yaml:53:13: error: relation refers to unknown source 'nopaper' [unknown-source]",
        "m.yaml:54:5: error: relation 'saves/supports/allow' is written twice (first at line 47); remove one of them [duplicate-relation]",
        "m.yaml:57:15: error: relation refers to unknown claim 'missing' [unknown-claim]",
        "m.yaml:59:13: error: ignored passage refers to unknown source 'rag' [unknown-source]",
    ]


def test_a_contradiction_after_a_neutral_stance_is_still_found() -> None:
    stances = (
        "  - actor: jo\n    neutral: saves\n    source: gazette\n    quote: Hm.\n"
        "  - actor: sam\n    supports: saves\n    source: gazette\n    quote: Yes.\n"
    )
    text = BASE.replace("relations:", stances + "relations:")
    assert [p.message for p in check(loads(text).map, today=TODAY)] == [
        "actor 'sam' both supports and opposes claim 'saves' (see line 25)"
    ]
