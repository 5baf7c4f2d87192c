"""Every rule argmap reports, as data: id, stage, default level and a one-line summary.

This is the one registry of rule ids. The loader and the checks make their problems with
`problem()`, which takes the level from here and refuses an id that is not registered, so
no code can report a rule that docs/checks.md (generated from `RULES` by
tools/checks_doc.py) does not describe. `Config` switches rules off or changes their
level, as `argmap check --disable/--level` and the `[check]` table of argmap.toml ask.

Rules of the `load` stage cannot be configured: the loader leaves out what it reports
(an unknown key, a field of the wrong type), so a map that passed with one of them
switched off would say less than its file, and the fatal ones stop everything anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from argmap.errors import ArgmapError
from argmap.model import Level, Location, Problem
from argmap.text import suggest

__all__ = [
    "RULES",
    "Config",
    "ConfigError",
    "Rule",
    "Stage",
    "UnknownRuleError",
    "lookup",
    "problem",
]


class Stage(StrEnum):
    """Where a rule is checked: reading the file, checking the map, or its quotes."""

    LOAD = "load"
    CHECK = "check"
    QUOTES = "quotes"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: `fatal` rules stop the loader, so nothing else is reported with them."""

    id: str
    stage: Stage
    level: Level
    summary: str
    fatal: bool = False

    @property
    def configurable(self) -> bool:
        return self.stage is not Stage.LOAD


_E, _W = Level.ERROR, Level.WARNING
_LOAD, _CHECK, _QUOTES = Stage.LOAD, Stage.CHECK, Stage.QUOTES

_TABLE: tuple[Rule, ...] = (
    # -- reading the file: each stops the loader
    Rule("read-error", _LOAD, _E, "the file is missing, a directory, or unreadable", True),
    Rule("file-too-large", _LOAD, _E, "the file is over 64 MiB (or the limit of --max-mib)", True),
    Rule(
        "encoding",
        _LOAD,
        _E,
        "not UTF-8 (the byte and its offset are named), or a NUL byte",
        True,
    ),
    Rule("empty", _LOAD, _E, "the file holds no YAML at all", True),
    Rule(
        "syntax",
        _LOAD,
        _E,
        "invalid YAML (tabs for indentation, an unclosed bracket, a mapping as a key...)",
        True,
    ),
    Rule("several-documents", _LOAD, _E, "a `---` separator starts a second document", True),
    Rule(
        "alias",
        _LOAD,
        _E,
        "an anchor (`&name`) or alias (`*name`); refused so an alias bomb never expands",
        True,
    ),
    Rule(
        "tag",
        _LOAD,
        _E,
        "any tag (`!!python/object`, `!custom`): the loader never constructs objects",
        True,
    ),
    Rule("too-deep", _LOAD, _E, "nesting deeper than 32 levels", True),
    Rule(
        "key-too-long",
        _LOAD,
        _E,
        "a key (an id) over 1,024 characters, YAML's limit for a key",
        True,
    ),
    Rule(
        "unicode-line-break",
        _LOAD,
        _E,
        "a NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029): YAML reads"
        " each as a line break, editors and `git diff` do not show one; write `\\n`, or the"
        ' escape `"\\u2028"` in a double-quoted string',
        True,
    ),
    Rule(
        "config",
        _LOAD,
        _E,
        "argmap.toml cannot be read: not TOML, an unknown key or rule, a level that is"
        " not `error` or `warning`",
        True,
    ),
    # -- the format: reported together, the entry kept with a stand-in value
    Rule(
        "duplicate-key",
        _LOAD,
        _E,
        "a key written twice in one mapping, at any depth; YAML would silently keep the last",
    ),
    Rule(
        "unknown-key", _LOAD, _E, "a key the format does not have, with the closest one suggested"
    ),
    Rule("missing-field", _LOAD, _E, "a required field is absent or empty"),
    Rule(
        "wrong-type",
        _LOAD,
        _E,
        "a list where text belongs, text where a mapping belongs, a flag that is not"
        " true/false; a top level that is not a mapping stops the loader",
    ),
    Rule(
        "invalid-value",
        _LOAD,
        _E,
        "a kind or other closed value outside its set, with the closest one suggested",
    ),
    Rule(
        "conflicting-fields",
        _LOAD,
        _E,
        "a stance with two of `supports`/`opposes`/`neutral`, a relation with both"
        " `supports` and `attacks`",
    ),
    Rule("invalid-id", _LOAD, _E, "an id that is not a kebab-case slug"),
    # -- the debate
    Rule("duplicate-id", _CHECK, _E, "an id used twice across sources, actors and claims"),
    Rule(
        "duplicate-stance",
        _CHECK,
        _E,
        "two stances with the same id (explicit, or derived and still equal)",
    ),
    Rule("unknown-actor", _CHECK, _E, "a stance names an actor that is not defined"),
    Rule("unknown-claim", _CHECK, _E, "a stance or relation names a claim that is not defined"),
    Rule(
        "unknown-source",
        _CHECK,
        _E,
        "a stance, claim, relation or ignored passage names a source that is not defined",
    ),
    Rule(
        "unknown-affiliation",
        _CHECK,
        _E,
        "an actor is affiliated with an actor that is not defined",
    ),
    Rule("self-affiliation", _CHECK, _E, "an actor affiliated with itself"),
    Rule("self-relation", _CHECK, _E, "a claim that supports or attacks itself"),
    Rule(
        "unknown-relation",
        _CHECK,
        _E,
        'an undercut naming a relation id that is not defined, with "did you mean" (an'
        " undercut may name another undercut; none can name itself, even through others,"
        " since a relation's id contains its target's)",
    ),
    Rule("self-undercut", _CHECK, _E, "a claim that undercuts the inference it draws itself"),
    Rule(
        "inferred-without-note",
        _CHECK,
        _E,
        "a relation marked `inferred: true` with no `note` giving the reasoning",
    ),
    Rule("duplicate-relation", _CHECK, _E, "the same relation written twice"),
    Rule("contradictory-relation", _CHECK, _E, "a claim that both supports and attacks another"),
    Rule(
        "contradictory-stance",
        _CHECK,
        _E,
        "an actor that supports and opposes one claim, unless the two stances carry"
        " different dates (a change of position)",
    ),
    Rule("missing-quote", _CHECK, _E, "a stance with no quote that is not marked `reported: true`"),
    Rule("evidence-without-source", _CHECK, _E, "an evidence claim with no `source`"),
    Rule(
        "invalid-date",
        _CHECK,
        _E,
        "a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or `unknown` for a source),"
        " or lies in the future",
    ),
    Rule(
        "incoherent-actor",
        _CHECK,
        _W,
        "an actor that supports two claims, one of which attacks the other",
    ),
    Rule("circular-support", _CHECK, _W, "support relations that run in a circle"),
    Rule("orphan-claim", _CHECK, _W, "a claim with no stance and no relation"),
    Rule(
        "idle-actor",
        _CHECK,
        _W,
        "an actor with no stance that no other actor names as an affiliation (a party that"
        " is only an affiliation is fine)",
    ),
    Rule("unused-source", _CHECK, _W, "a source that no stance, claim or relation cites"),
    # -- the quotes, against the sources' texts
    Rule(
        "quote-not-in-source",
        _QUOTES,
        _E,
        "a quote that does not occur in its source's text; the hint shows the nearest passage",
    ),
    Rule(
        "missing-source-file",
        _QUOTES,
        _W,
        "a source's `file:` cannot be found, so its quotes are not verified",
    ),
    Rule(
        "source-file-refused",
        _QUOTES,
        _E,
        "a source's `file:` is outside the map's folder (or `--sources-dir`), is not a regular"
        " file, or is over 4 MiB; it is not read and nothing of it is shown",
    ),
)

#: Every rule by id, in the order docs/checks.md lists them.
RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in _TABLE})


class UnknownRuleError(ArgmapError, LookupError):
    """A rule id that is not in `RULES`, with the closest one suggested."""

    def __init__(self, rule_id: str) -> None:
        hint = suggest(rule_id, RULES)
        super().__init__(f"unknown rule '{rule_id}'" + (f"; {hint}" if hint else ""))
        self.rule_id = rule_id


class ConfigError(ArgmapError, ValueError):
    """A rule cannot be configured as asked: one the loader needs, or a bad level."""

    def __init__(self, rule_id: str, message: str) -> None:
        super().__init__(message)
        self.rule_id = rule_id


def lookup(rule_id: str) -> Rule:
    """The registered rule of that id, or `UnknownRuleError` with a suggestion.

    >>> lookup("orphan-claim").level
    <Level.WARNING: 'warning'>
    >>> lookup("orphan-claims")
    Traceback (most recent call last):
    argmap.rules.UnknownRuleError: unknown rule 'orphan-claims'; did you mean 'orphan-claim'?
    """
    rule = RULES.get(rule_id)
    if rule is None:
        raise UnknownRuleError(rule_id)
    return rule


def problem(rule_id: str, loc: Location, message: str, hint: str | None = None) -> Problem:
    """A problem of a registered rule, at the rule's default level.

    >>> print(problem("orphan-claim", Location("a.yaml", 3, 5), "claim 'x' is alone"))
    a.yaml:3:5: warning: claim 'x' is alone [orphan-claim]
    """
    return Problem(loc, lookup(rule_id).level, message, rule_id, hint)


@dataclass(frozen=True, slots=True)
class Config:
    """Which rules are off and which report at another level than their default."""

    disabled: frozenset[str] = frozenset()
    levels: Mapping[str, Level] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, disable: Iterable[str] = (), levels: Mapping[str, str] | None = None) -> Config:
        """A config from rule ids and level names, refusing what cannot be configured.

        >>> Config.of(["idle-actor"], {"orphan-claim": "error"}).level_of("orphan-claim")
        <Level.ERROR: 'error'>
        >>> Config.of(["syntax"])
        Traceback (most recent call last):
        argmap.rules.ConfigError: rule 'syntax' stops the loader and cannot be disabled
        """
        disabled = frozenset(_configurable(rule_id, "disabled") for rule_id in disable)
        chosen: dict[str, Level] = {}
        for rule_id, name in (levels or {}).items():
            _configurable(rule_id, "given another level")
            if name not in {level.value for level in Level}:
                raise ConfigError(
                    rule_id, f"level '{name}' of rule '{rule_id}' is not one of error, warning"
                )
            chosen[rule_id] = Level(name)
        return cls(disabled, MappingProxyType(chosen))

    def merged(self, other: Config) -> Config:
        """This config with `other`'s choices on top (the command line over the file).

        A level given in `other` switches the rule back on.
        """
        disabled = (self.disabled - other.levels.keys()) | other.disabled
        return Config(disabled, MappingProxyType({**self.levels, **other.levels}))

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def level_of(self, rule_id: str) -> Level:
        return self.levels.get(rule_id) or lookup(rule_id).level

    def apply(self, problems: Iterable[Problem]) -> list[Problem]:
        """The problems of enabled rules, each at its configured level, in the same order.

        Every problem's rule is looked up, so one made without `problem()` under an id
        that is not registered fails here, loudly, instead of reaching a user.
        """
        kept = []
        for found in problems:
            level = self.level_of(found.rule)
            if found.rule in self.disabled:
                continue
            kept.append(found if found.level is level else replace(found, level=level))
        return kept


def _configurable(rule_id: str, action: str) -> str:
    rule = lookup(rule_id)
    if not rule.configurable:
        why = "stops the loader" if rule.fatal else "is checked while reading the file"
        raise ConfigError(rule_id, f"rule '{rule_id}' {why} and cannot be {action}")
    return rule_id
