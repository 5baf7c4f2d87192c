"""`argmap draft`: an article in, a draft of its actors, quotes and stances out.

The steps, each a module:

1. `text`: the article's paragraphs, its quotations (as `argmap coverage` finds them,
   cut at paragraph breaks) and its narrative sentences;
2. `speakers`: who says each quotation and each reported-speech sentence, matched to
   the map's actors or drafted as new ones;
3. `match`: the map's closest claims for each passage, or a stub claim;
4. `write`: the draft, itself a valid map file, for the curator to review;
5. `merge`: the reviewed entries into the map, through `argmap add`'s validation.

Everything the drafter cannot know is marked for review with the text `TODO` at the
start of a value (a stance's `note`, a stub claim's `text`, a new actor's `role`, a
source's `title`, an ignored passage's `reason`); `merge_draft` refuses any entry that
still has one. Nothing here reads the network or prints.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from argmap.draft.match import ClaimIndex
from argmap.draft.speakers import Spoken, guess_kind, match_actor, read_article
from argmap.draft.write import Entry, render

# The one place this package loads a map: repoint it when the loader moves.
from argmap.load import load_file, loads
from argmap.model import (
    UNKNOWN,
    Actor,
    ArgumentMap,
    Claim,
    ClaimKind,
    Ignored,
    Position,
    Source,
    Stance,
)
from argmap.quotes import find_spans, normalise, source_path
from argmap.text import plural

__all__ = [
    "CLEAR",
    "CLOSE",
    "TODO",
    "Draft",
    "DraftStance",
    "draft_article",
    "find_source",
    "load_file",
    "loads",
]

#: The review marker: a value that starts with it has not been reviewed.
TODO = "TODO"
#: A claim at least this close (see `match`) is suggested as the stance's claim.
CLOSE = 0.3
#: A claim this close says what the passage says: the stance most likely supports it.
CLEAR = 0.5


@dataclass(frozen=True, slots=True)
class DraftStance:
    """One drafted stance, as the bench and the tests read it."""

    quote: str
    reported: bool
    line: int
    speaker: str | None  # the name as the article gives it, fullest form
    actor: str | None  # the actor id in the draft (matched or new)
    confidence: float
    cue: str
    claim: str | None
    position: Position
    closest: tuple[tuple[str, float], ...]
    stub: bool


@dataclass(frozen=True)
class Draft:
    """The draft's YAML text and what is in it."""

    text: str
    source: str
    stances: tuple[DraftStance, ...]
    unattributed: tuple[str, ...]  # quoted passages with no speaker, in order
    new_actors: tuple[str, ...]
    stubs: tuple[str, ...]
    already_mapped: int  # passages the map already cites, left out


def find_source(amap: ArgumentMap, article: str | os.PathLike[str], map_dir: str) -> str | None:
    """The id of the map's source whose `file:` is `article`, or None."""
    wanted = Path(article).resolve()
    for source in amap.sources:
        path = source_path(source, Path(map_dir))
        if path is not None and path.resolve() == wanted:
            return source.id
    return None


def slug(text: str, fallback: str = "draft") -> str:
    """A kebab-case id from free text: `Ron Hogg` -> `ron-hogg`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = "-".join(words)
    if not result:
        return fallback
    return result if result[0].isalpha() else f"{fallback}-{result}"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _first_sentence(text: str, limit: int = 160) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + " …"


def draft_article(
    text: str,
    file: str | None,
    amap: ArgumentMap | None = None,
    source_id: str | None = None,
    map_name: str = "the map",
) -> Draft:
    """Draft the stances of the article `text` (see the module docstring).

    `file` is the article's path as the draft's `file:` field names it (relative to the
    draft's folder); `amap` the map to match actors and claims against (None for an
    empty one); `source_id` the source's id (by default the map's source for that file,
    else one made from the title). `map_name` is how comments name the map.
    """
    amap = amap or ArgumentMap(title="")
    reading = read_article(text)
    taken = {a.id for a in amap.actors} | {c.id for c in amap.claims} | {s.id for s in amap.sources}
    source = _source(text, file, amap, source_id, reading.title, reading.publisher, taken)
    cited = [
        span
        for stance in amap.stances
        if stance.source == source.id and stance.quote
        for span in find_spans(stance.quote, text)
    ]
    ignored_words = {normalise(i.passage) for i in amap.ignored if i.source == source.id}
    index = ClaimIndex.of(amap.claims) if amap.claims else None

    new_actors: dict[str, Actor] = {}
    actor_of: dict[str, str] = {}  # speaker name -> actor id
    stubs: list[Entry] = []
    stances: list[Entry] = []
    drafted: list[DraftStance] = []
    unattributed: list[Spoken] = []
    already = 0
    positions: dict[tuple[str, str], set[Position]] = {}
    for stance in amap.stances:
        positions.setdefault((stance.actor, stance.claim), set()).add(stance.position)
    derived: set[tuple[str, str, str]] = {
        (s.actor, s.position.value, s.claim) for s in amap.stances if s.source == source.id
    }
    stance_ids = {s.id for s in amap.stances}

    for spoken in reading.spoken:
        if any(a < spoken.end and b > spoken.start for a, b in cited):
            already += 1
            continue
        attribution = spoken.attribution
        if attribution is None:
            if not spoken.reported and normalise(spoken.text) not in ignored_words:
                unattributed.append(spoken)
            continue
        speaker = attribution.speaker
        confidence = attribution.confidence
        if speaker.name not in actor_of:
            surfaces = reading.aliases.get(speaker.name, [])
            matched = match_actor(speaker, surfaces, amap.actors)
            if matched:
                actor_of[speaker.name] = matched[0]
            else:
                actor_id = _unique(slug(speaker.name, "actor"), taken)
                role = reading.roles.get(speaker.name)
                new_actors[actor_id] = Actor(
                    actor_id,
                    speaker.name,
                    guess_kind(speaker),
                    role=f"{TODO}: {role}" if role else TODO,
                    aliases=tuple(surfaces),
                )
                actor_of[speaker.name] = actor_id
        actor_id = actor_of[speaker.name]
        if actor_id not in new_actors:
            surfaces = reading.aliases.get(speaker.name, [])
            matched = match_actor(speaker, surfaces, amap.actors)
            confidence = round(confidence * (matched[1] if matched else 1.0), 2)

        closest = tuple(index.closest(spoken.text)) if index else ()
        if closest and closest[0][1] >= CLOSE:
            claim_id = closest[0][0]
            stub = False
        else:
            words = [w for w in re.findall(r"[A-Za-z0-9]+", spoken.text) if len(w) > 3][:5]
            claim_id = _unique(slug(" ".join(words), "claim"), taken)
            stubs.append(
                Entry(
                    Claim(claim_id, f"{TODO}: {_first_sentence(spoken.text)}", ClaimKind.CLAIM),
                    (f"stub for the passage at line {_line(text, spoken.start)}",),
                )
            )
            stub = True
        # The words say which claim, not which side (see `match`): supports is suggested
        # where the passage says what the claim says, and is a placeholder elsewhere.
        position = Position.SUPPORTS
        clear = stub or closest[0][1] >= CLEAR
        note = f"{TODO}: check the speaker ({attribution.cue!r}, confidence {confidence:.2f})," + (
            " the claim and the position" if clear else " the claim, and choose the position"
        )
        held = positions.setdefault((actor_id, claim_id), set())
        opposite = Position.OPPOSES if position is Position.SUPPORTS else Position.SUPPORTS
        if opposite in held:
            note += f"; the actor {opposite.value} this claim elsewhere, so neutral here"
            position = Position.NEUTRAL
        held.add(position)
        key = (actor_id, position.value, claim_id)
        explicit = key in derived
        derived.add(key)
        stance_id = _unique(f"{actor_id}-{len(stances) + 1}", stance_ids) if explicit else ""
        line = _line(text, spoken.start)
        comments = [f"line {line}: {attribution.cue} -> {speaker.name} ({confidence:.2f})"]
        if index:
            listed = ", ".join(f"{cid} {score:.2f}" for cid, score in closest) or "none"
            comments.append(f"closest claims in {map_name}: {listed}")
        stances.append(
            Entry(
                Stance(
                    stance_id,
                    actor_id,
                    claim_id,
                    position,
                    source.id,
                    quote=spoken.text,
                    reported=spoken.reported,
                    note=note,
                ),
                tuple(comments),
                explicit,
            )
        )
        drafted.append(
            DraftStance(
                spoken.text,
                spoken.reported,
                line,
                speaker.name,
                actor_id,
                confidence,
                attribution.cue,
                claim_id,
                position,
                closest,
                stub,
            )
        )

    ignored = [
        Entry(
            Ignored(source.id, s.text, f"{TODO}: no speaker found; map it, or say why not"),
            (f"line {_line(text, s.start)}",),
        )
        for s in unattributed
    ]
    used_actors = [actor_of[n] for n in actor_of]
    copied_actors = _with_affiliations(
        [a for a in used_actors if a not in new_actors], amap.actors_by_id
    )
    used_claims = {e.value.claim for e in stances if isinstance(e.value, Stance)}
    copied_claims = [c for c in amap.claims if c.id in used_claims]
    copied_sources = [
        amap.sources_by_id[c.source]
        for c in copied_claims
        if c.source and c.source in amap.sources_by_id and c.source != source.id
    ]
    header = _header(file, map_name, len(drafted), len(unattributed), already)
    sections: dict[str, list[Entry]] = {
        "sources": [Entry(source)]
        + [
            Entry(s, ("from the map",) if i == 0 else ())
            for i, s in enumerate(dict.fromkeys(copied_sources))
        ],
        "actors": [
            Entry(amap.actors_by_id[a], (f"from {map_name}: kept as it is there",)[: i == 0])
            for i, a in enumerate(copied_actors)
        ]
        + [
            Entry(a, ("new: check the name, kind and role",) if i == 0 else ())
            for i, a in enumerate(new_actors.values())
        ],
        "claims": [
            Entry(c, (f"from {map_name}: kept as it is there",) if i == 0 else ())
            for i, c in enumerate(copied_claims)
        ]
        + stubs,
        "stances": stances,
        "ignored": ignored,
    }
    title = f"Draft: {source.title.removeprefix(TODO + ': ')}"
    return Draft(
        render(header, title, sections),
        source.id,
        tuple(drafted),
        tuple(s.text for s in unattributed),
        tuple(new_actors),
        tuple(e.value.id for e in stubs if isinstance(e.value, Claim)),
        already,
    )


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _source(
    text: str,
    file: str | None,
    amap: ArgumentMap,
    source_id: str | None,
    title: str | None,
    publisher: str | None,
    taken: set[str],
) -> Source:
    if source_id and source_id in amap.sources_by_id:
        existing = amap.sources_by_id[source_id]
        return Source(
            existing.id, existing.title, existing.publisher, existing.date, existing.url, file
        )
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shown = title or f"{TODO}: title ({_first_sentence(first, 60)})"
    ident = source_id or _unique(slug(" ".join((title or first).split()[:6]), "source"), taken)
    return Source(ident, shown, publisher or UNKNOWN, UNKNOWN, None, file)


def _with_affiliations(ids: Iterable[str], actors: Mapping[str, Actor]) -> list[str]:
    """`ids` and every actor they are affiliated with, transitively, in a stable order."""
    seen: dict[str, None] = {}
    todo = list(ids)
    while todo:
        ident = todo.pop(0)
        if ident in seen or ident not in actors:
            continue
        seen[ident] = None
        todo.extend(actors[ident].affiliations)
    return list(seen)


def _header(
    file: str | None, map_name: str, stances: int, unattributed: int, already: int
) -> list[str]:
    return [
        f"Draft of {file or 'an article'} by `argmap draft`: {plural(stances, 'stance')},"
        f" {plural(unattributed, 'quoted passage')} without a speaker (under `ignored`),"
        f" {plural(already, 'passage')} {map_name} already cites (left out).",
        "Review every value that starts with TODO: correct it, then delete the TODO.",
        "Delete what you do not want. Then: argmap draft --merge THIS-FILE --map MAP",
        "merges the reviewed entries (and refuses while any TODO is left).",
    ]
