"""Who says each quotation and reported sentence: attribution, then matching to actors.

The article is read in order, as a reader does, keeping three things in mind: the
names met so far (so `Hogg`, `Mr Lane` or `the APPG` resolve to the full name the
article gave earlier), the speaker of the last quotation (a paragraph that opens with a
quotation and names nobody continues it), and the subject of the last sentence (`He
said:` after "But Bill Borrett, cabinet member..., gave the idea short shrift.").

The attribution patterns, each with its confidence:

- a name next to a speech verb, either order (`said Cowan`, `Cowan said`, `Public
  Health Minister Joe FitzPatrick said`): 0.95; with an apposition between
  (`Mr Lane, Hampshire's police and crime commissioner, said`): 0.9;
- `A Home Office spokesperson said`, `a spokesperson for X said`: X, 0.9;
- a pronoun (`He added`, `they wrote`) or a bare `A spokesperson said`: the subject of
  the sentences before, 0.75;
- a paragraph that continues the quotation: its speaker, 0.8;
- `according to X`: X, 0.85.

Only capitalised names are speakers; "critics" or "a report" are not, and their passages
are listed as unattributed rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.draft.text import (
    Paragraph,
    QuoteSegment,
    Sentence,
    captions,
    masked,
    paragraphs,
    quote_segments,
    sentences,
)
from argmap.model import Actor, ActorKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = [
    "Attribution",
    "Reading",
    "Speaker",
    "Spoken",
    "guess_kind",
    "match_actor",
    "name_key",
    "read_article",
]

_VERBS = (
    r"said|says|say|added|adds|told|tells|urged|urges|insisted|insists|argued|argues"
    r"|warned|warns|stated|believes|believe|believed|described|describes|wrote|writes"
    r"|admitted|admits|explained|explains|pointed out|points out|raised concerns"
    r"|announced|announces|promised|replied|commented|asked|asks"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_TOKEN = re.compile(r"\w[\w'\u2019\-]*")  # words and numbers (`Jo Bloggs, 45, said`)
_ACRONYM = re.compile(r"\(([A-Z][A-Z]+s?)\)")
# Words skipped between a subject and its verb: `has now said`, `does not believe`.
_AUX = _words(
    "has have had now also previously recently already long further later again both "
    "does did do not would will then once today yesterday"
)
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any", "we": "any"}
_RELATIVE = frozenset({"who", "which", "whose", "whom"})
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
# Words that open a sentence or a clause and belong to no name or role.
_DISCOURSE = _words(
    "but however and so yet meanwhile also the a an last this that these those his "
    "her their its in on at if when while although after before since as for with "
    "without despite unlike then there here it is"
)
# Words a role phrase ("Green city councillor") never contains: they make it a clause.
_CLAUSE = _words(
    "is are was were be been being has have had who which that when where would will "
    "could should can may might must do does did not it he she they we there as than "
    "to"
)
#: Titles that end a run of role words: the name follows (`Home Secretary Sajid Javid`).
_TITLES = _words(
    "MP MSP MEP AM Minister Secretary Commissioner Constable Chief Councillor Cllr "
    "Officer Leader Chair Chairman Chairwoman Mayor Spokesperson President Director "
    "Executive Inspector Superintendent Peer PCC Chancellor Governor Senator Judge"
)
# Party and nation words before a name are a role (`Tory Crispin Blunt`, `LibDem Tom Brake`).
_AFFILIATIONS = _words(
    "Tory Tories Labour Conservative Green Greens LibDem Liberal Democrat SNP Plaid "
    "Ukip Scottish Welsh British English Irish Independent Crossbench"
)
_HONORIFICS = _words("Mr Mrs Ms Miss Dr Sir Dame Prof Professor Rev")
_PEERAGE = _words("Lord Lady Baroness Baron")
_ORG_WORDS = _words(
    "Council Office Party Government Department Ministry Parliament Group Police "
    "Service Agency Trust Commission Committee Authority Press Echo BBC NHS England "
    "Scotland Wales Britain UK Health Association Union Society University Institute "
    "Foundation Charity Board Court Reform Conservatives Network Centre Centres "
    "Executive Times News Post Guardian Telegraph Release Bank Council's Assembly "
    "Network Alliance Campaign Statistics Records"
)
_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "der", "du", "la", "le"})
_QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d\u201a\u201b\u201e\u201f\u2032\u2033"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as the article names it: its fullest name and whether it is a person."""

    name: str
    person: bool


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it, how sure the drafter is, and the words that say so."""

    speaker: Speaker
    confidence: float
    cue: str  # the words that name the speaker: `said Cowan`, `He added`
    role: str = ""  # the role phrase next to the name, if any
    surface: str = ""  # the name as written here (`Mr Lane`), when it names one


@dataclass(frozen=True, slots=True)
class Spoken:
    """A drafted passage: a quotation segment or a reported-speech sentence."""

    start: int
    end: int
    text: str
    reported: bool
    paragraph: int
    attribution: Attribution | None


@dataclass
class Reading:
    """What `read_article` finds: the passages in order, and what it learnt of speakers."""

    spoken: list[Spoken] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # speaker name -> role phrase
    aliases: dict[str, list[str]] = field(default_factory=dict)  # name -> other forms
    title: str | None = None
    publisher: str | None = None


@dataclass
class _State:
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    acronyms: dict[str, str] = field(default_factory=dict)  # APPG -> its full name
    last_subject: Speaker | None = None
    last_personal: Speaker | None = None  # a person, or a body speaking through a person
    last_body: Speaker | None = None
    current: Attribution | None = None  # the speaker a new quote paragraph continues


# --------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    role: str
    person: bool
    surface: str  # as written, before resolving `Hogg` to `Ron Hogg`


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _strip_possessive(word: str) -> str:
    return re.sub(r"['\u2019]s?$", "", word)


def _split_run(words: list[str]) -> tuple[list[str], list[str]]:
    """Cut a capitalised run into role words and name: `SNP MP Ronnie Cowan`."""
    if words and words[-1] in _TITLES:
        return words, []  # `Itchen MP`: a role with no name
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word in _TITLES or (word in _AFFILIATIONS and i == cut):
            cut = i + 1
    return words[:cut], words[cut:]


# A role word before a name never is one of these (`where Green councillor Jamie Osborn`).
_NOT_ROLE = _DISCOURSE | _CLAUSE | {"by", "of", "from", "where", "whether", "said"}


def _name_at_end(text: str, strict: bool = False) -> tuple[list[str], list[str]] | None:
    """The role words and the capitalised name that end `text`, or None.

    `...where Green city councillor Martin Schmierer` -> ([Green, city, councillor],
    [Martin, Schmierer]). With `strict`, `text` must be nothing but the two (after an
    opening `But`, `The`...): the test for one comma-separated segment of a sentence.
    """
    body = text.rstrip()
    acronym = _ACRONYM.search(body)
    if acronym and acronym.end() == len(body):
        body = body[: acronym.start()].rstrip()
    words = list(_WORD.finditer(body))
    if not words or not _capitalised(words[-1].group()) or body[words[-1].end() :].strip():
        return None

    def joined(i: int) -> bool:  # no punctuation between word i-1 and word i
        return not body[words[i - 1].end() : words[i].start()].strip()

    run_start = len(words) - 1
    while run_start > 0 and joined(run_start):
        previous = words[run_start - 1].group()
        if (_capitalised(previous) and not previous.endswith(("'s", "\u2019s"))) or (
            run_start >= 2
            and joined(run_start - 1)
            and _capitalised(words[run_start - 2].group())
            # `Group for Drug Policy Reform`; `Police in Copenhagen`, but not `Unlike in`.
            and (
                previous in _CONNECTORS
                or (previous == "in" and words[run_start - 2].group() in _ORG_WORDS)
            )
        ):
            run_start -= 1
        else:
            break
    role_words, name_words = _split_run([w.group() for w in words[run_start:]])
    while name_words and name_words[0].lower() in _DISCOURSE:
        name_words.pop(0)
    if not name_words:
        return None
    prefix = [w.group() for w in words[:run_start]]
    if strict:
        while prefix and prefix[0].lower() in _DISCOURSE:
            prefix.pop(0)
        if len(prefix) > 6 or any(w.lower() in _NOT_ROLE for w in prefix):
            return None
        return [*prefix, *role_words], name_words
    # The role is the words just before the name, back to punctuation or a function word.
    first = run_start
    while first > 0 and joined(first):
        word = words[first - 1].group()
        between_names = word == "and" and first >= 2 and _capitalised(words[first - 2].group())
        if word.lower() in _NOT_ROLE and not between_names:
            break
        first -= 1
    return [w.group() for w in words[first:run_start]] + role_words, name_words


def _person_like(name_words: list[str], role: list[str]) -> bool:
    if name_words[0] in _HONORIFICS or name_words[0] in _PEERAGE:
        return True
    if any(w in _ORG_WORDS or (w.isupper() and len(w) > 1) for w in name_words):
        return False
    if any(w in _TITLES or w.lower() in {t.lower() for t in _TITLES} for w in role):
        return True
    return len(name_words) in (2, 3)


def _resolve(words: list[str], role: list[str], state: _State) -> _Name:
    surface = " ".join(words)
    bare = words[1:] if words[0] in _HONORIFICS and len(words) > 1 else words
    if len(bare) == 1:
        key = _strip_possessive(bare[0])
        if key in state.acronyms:
            full = state.acronyms[key]
            return _Name(full, " ".join(role), False, surface)
        if key in state.full_names:
            return _Name(state.full_names[key], " ".join(role), True, surface)
    text = " ".join(bare) if words[0] in _HONORIFICS else surface
    return _Name(text, " ".join(role), _person_like(words, role), surface)


def _remember(sentence: str, state: _State) -> None:
    """Register the full names and acronyms of one narrative sentence."""
    for acronym in _ACRONYM.finditer(sentence):
        found = _name_at_end(sentence[: acronym.start()])
        if found and len(found[1]) > 1:
            state.acronyms[acronym.group(1)] = " ".join(found[1])
    # Every capitalised run of two or more words that reads as a person's name.
    words = list(_WORD.finditer(sentence))
    i = 0
    while i < len(words):
        if not _capitalised(words[i].group()):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and _capitalised(words[j + 1].group()):
            if words[j].group().endswith(("'s", "\u2019s")):
                break
            if sentence[words[j].end() : words[j + 1].start()].strip():
                break  # punctuation between: two names, not one
            j += 1
        run = [_strip_possessive(w.group()) for w in words[i : j + 1]]
        role, name = _split_run(run)
        while name and name[0].lower() in _DISCOURSE:
            name.pop(0)
        if len(name) >= 2 and name[0] not in _HONORIFICS and _person_like(name, role):
            state.full_names[name[-1]] = " ".join(name)
        i = j + 1


# --------------------------------------------------------------------------- subjects


def _subject(before: str, state: _State) -> tuple[_Name | str, float] | None:
    """The subject of a speech verb, from the sentence's words before it.

    Returns a name and a confidence, or a pronoun ("he", "they", "spokesperson") for the
    caller to resolve, or None.
    """
    acronym = _ACRONYM.search(before.rstrip())
    if acronym and acronym.end() == len(before.rstrip()):
        before = before[: acronym.start()]  # `the All-Party ... Reform (APPG) said`
    words = list(_TOKEN.finditer(before))
    while words and words[-1].group().lower() in _AUX:
        words.pop()
    if not words:
        return None
    last = words[-1].group()
    head = before[: words[-1].end()]
    gap = before[words[-1].end() :]
    # `Norfolk County Council has now said`: only auxiliaries between name and verb.
    adjacent = all(word.lower() in _AUX for word in gap.split()) and not re.search(r"[^\w\s]", gap)
    if last.lower() in _PRONOUNS and not gap.strip(" ,"):
        return last.lower(), 0.75
    if last.lower() in _RELATIVE:
        antecedent = before[: words[-1].start()].rstrip()
        if antecedent.endswith(","):
            found = _appositive(antecedent.rstrip(","), state, single=True)
            if found:
                return found
        return None
    if last.lower() in _SPOKES:
        found_org = _name_at_end(before[: words[-1].start()])
        if found_org:
            name = _resolve(found_org[1], [], state)
            return _Name(name.text, "", False, name.surface), 0.9
        return "spokesperson", 0.7
    if adjacent and _capitalised(last):
        named = _name_at_end(head)
        if named:
            return _resolve(named[1], named[0], state), 0.95
    return _appositive(head, state)


def _appositive(head: str, state: _State, single: bool = False) -> tuple[_Name | str, float] | None:
    """`Name, role, said` or `role, Name, said`: the subject among comma segments."""
    segments = [s.strip() for s in head.split(",")]
    if len(segments) < 2 and not single:
        return None
    names = [_name_at_end(s, strict=True) for s in segments]
    if names[-1] and not _opens_clause(segments[-1]):
        index = len(segments) - 1
    else:
        index = -1
        for i, segment in enumerate(segments):
            if _opens_clause(segment) and i > 0:
                break
            if names[i]:
                index = i
                break
        if index < 0:
            return None
    found = names[index]
    assert found is not None
    role = found[0]
    if not role:
        after = segments[index + 1] if index + 1 < len(segments) else ""
        before = segments[index - 1] if index > 0 else ""
        if after and not _opens_clause(after) and not names[index + 1]:
            role = _role_words(after)
        elif before and _role_like(before):
            role = _role_words(before)
    return _resolve(found[1], role, state), 0.9


def _role_like(segment: str) -> bool:
    words = _tokens(segment)
    return 0 < len(words) <= 6 and not any(w.lower() in _NOT_ROLE for w in words)


def _opens_clause(segment: str) -> bool:
    words = _tokens(segment)
    return not words or words[0].lower() in _RELATIVE | {"and", "but", "when", "where", "while"}


def _role_words(segment: str) -> list[str]:
    words = segment.split()
    while words and words[0].lower() in {"a", "an", "the"}:
        words.pop(0)
    return words


def _attribute(
    found: tuple[_Name | str, float] | None, cue: str, state: _State
) -> Attribution | None:
    """Turn a subject into an attribution, resolving a pronoun against the sentences before."""
    if found is None:
        return None
    what, confidence = found
    if isinstance(what, _Name):
        return Attribution(
            Speaker(what.text, what.person), confidence, cue, what.role, what.surface
        )
    if what == "spokesperson":
        target = state.last_body
    elif _PRONOUNS.get(what) == "person":
        target = state.last_personal
    else:
        target = state.last_subject
    return Attribution(target, confidence, cue) if target else None


def _cue(text: str) -> str:
    # The words nearest the quotation, enough to find it: `..., Michael Lane, said`.
    words = text.split()
    return " ".join(words) if len(words) <= 8 else "… " + " ".join(words[-7:])


# --------------------------------------------------------------------------- reading


def read_article(text: str) -> Reading:
    """Read `text` in order and return every quotation segment and reported-speech
    sentence, each with its attribution (None where no speaker can be found)."""
    reading = Reading()
    paras = paragraphs(text)
    segments = quote_segments(text, paras)
    mask = masked(text, segments)
    state = _State()
    skipped = captions(paras)
    by_paragraph: dict[int, list[QuoteSegment]] = {}
    for segment in segments:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    if paras and 0 in skipped and "\n" not in paras[0].text and len(paras[0].text.split()) <= 25:
        reading.title = " ".join(paras[0].text.split())
    reading.publisher = _publisher(paras, skipped)
    passage_speaker: dict[int, Attribution | None] = {}
    for para in paras:
        if para.index in skipped:
            continue
        in_para = by_paragraph.get(para.index, [])
        opens_with_quote = any(s.opens_paragraph for s in in_para)
        # A paragraph broken in the middle of a sentence ("to Javid.") changes nothing.
        if not para.text[:1].islower() and not opens_with_quote:
            state.current = None
        for sentence in sentences(text, mask, para):
            inside = [s for s in in_para if sentence.start <= s.start < sentence.end]
            _read_sentence(sentence, inside, state, reading, passage_speaker)
    return reading


def _publisher(paras: Iterable[Paragraph], skipped: set[int]) -> str | None:
    # Captions credit the paper: "Eastern Daily Press: Bill Borrett", twice or more.
    credits: dict[str, int] = {}
    for para in paras:
        match = re.match(r"([A-Z][\w&.' ]{2,40}?):\s", para.text)
        if match and para.index in skipped:
            credits[match.group(1)] = credits.get(match.group(1), 0) + 1
    common = [name for name, count in credits.items() if count >= 2]
    return common[0] if len(common) == 1 else None


def _read_sentence(
    sentence: Sentence,
    inside: list[QuoteSegment],
    state: _State,
    reading: Reading,
    passage_speaker: dict[int, Attribution | None],
) -> None:
    """Attribute the quotations of one sentence, and draft it if it is reported speech."""
    _remember(sentence.masked, state)
    # Pronouns are resolved against the sentences before this one: learn only at the end.
    learnt: list[Attribution] = []
    reported = _reported(sentence, state)
    for segment in inside:
        if not segment.first:
            earlier = passage_speaker.get(segment.passage)
            attribution = (
                Attribution(
                    earlier.speaker, round(earlier.confidence - 0.05, 2), "continues the quotation"
                )
                if earlier
                else None
            )
        else:
            attribution = _quote_speaker(segment, sentence, state)
            passage_speaker[segment.passage] = attribution
        if attribution:
            learnt.append(attribution)
        _note(attribution, reading)
        reading.spoken.append(
            Spoken(segment.start, segment.end, segment.text, False, segment.paragraph, attribution)
        )
    if reported is not None:
        attribution, is_reported = reported
        learnt.append(attribution)
        _note(attribution, reading)
        if is_reported:
            words = " ".join(sentence.text.split())
            reading.spoken.append(
                Spoken(sentence.start, sentence.end, words, True, sentence.paragraph, attribution)
            )
    if learnt:
        for attribution in learnt:
            _learn(attribution, state)
        state.current = learnt[-1]
    else:
        subject = _opening_name(sentence.masked, state)
        if subject is not None:
            _learn(Attribution(Speaker(subject.text, subject.person), 0.0, ""), state)


def _note(attribution: Attribution | None, reading: Reading) -> None:
    if attribution is None:
        return
    name = attribution.speaker.name
    if attribution.role and name not in reading.roles:
        reading.roles[name] = attribution.role
    surface = attribution.surface
    if surface and surface != name and surface not in reading.aliases.get(name, []):
        reading.aliases.setdefault(name, []).append(surface)


def _learn(attribution: Attribution, state: _State) -> None:
    speaker = attribution.speaker
    state.last_subject = speaker
    if speaker.person or any(word in attribution.cue.lower() for word in _SPOKES):
        state.last_personal = speaker
    if not speaker.person:
        state.last_body = speaker


def _opening_name(masked_sentence: str, state: _State) -> _Name | None:
    """The name a sentence opens with (`But Bill Borrett, cabinet member..., gave`)."""
    words = _tokens(masked_sentence)
    while words and words[0].lower() in _DISCOURSE:
        words.pop(0)
    run = []
    for word in words:
        if not _capitalised(word):
            break
        run.append(_strip_possessive(word))
    if len(run) >= 2 and "," not in masked_sentence.split(run[-1], 1)[0]:
        role, name = _split_run(run)
        if name and _person_like(name, role):
            return _resolve(name, role, state)
    segments = masked_sentence.split(",")
    for segment in segments[:2]:
        if len(_tokens(segment)) > 8:
            return None
        found = _name_at_end(segment)
        if found and not found[0]:
            return _resolve(found[1], found[0], state)
        if _tokens(segment) and _tokens(segment)[0].lower() not in _DISCOURSE:
            return None
    return None


def _quote_speaker(segment: QuoteSegment, sentence: Sentence, state: _State) -> Attribution | None:
    """The speaker of a quotation: named after it, before it, or the one it continues."""
    m = sentence.masked
    at, end = segment.start - sentence.start, segment.end - sentence.start
    tail = m[end:].lstrip(_QUOTE_CHARS + " ,")
    tail = re.split(r"[.;:!?" + _QUOTE_CHARS + "]", tail, maxsplit=1)[0]
    verb = _VERB.search(tail)
    if verb and len(_tokens(tail[: verb.start()])) <= 6:
        if not tail[: verb.start()].strip():
            after = re.split(r"[,;(]", tail[verb.end() :], maxsplit=1)[0]
            found = _name_at_start(after, state)
            attribution = _attribute(found, _cue(tail[: verb.end()] + after), state)
        else:
            attribution = _attribute(
                _subject(tail[: verb.start()], state), _cue(tail[: verb.end()]), state
            )
        if attribution:
            return attribution
    lead = m[:at].rstrip(_QUOTE_CHARS)
    if lead.rstrip().lower().endswith("so-called"):
        return None  # a term the article holds at a distance, not anyone's words
    for verb in reversed(list(_VERB.finditer(lead))):
        attribution = _attribute(
            _subject(lead[: verb.start()], state), _cue(lead[: verb.end()]), state
        )
        if attribution is None:  # `“We will win,” said Jo Bloggs, “and soon.”`
            after = re.split(r"[,;:(]", lead[verb.end() :], maxsplit=1)[0]
            attribution = _attribute(
                _name_at_start(after, state), _cue(lead[verb.start() :]), state
            )
        if attribution:
            return attribution
    according = _according(lead, state)
    if according:
        return according
    # A quotation that opens its paragraph, or its sentence after an attributed one in the
    # same paragraph (`“No,” said Jo. “Never.”`), goes on with the same speaker.
    opens_sentence = not lead.strip(_QUOTE_CHARS + " ")
    if state.current and (segment.opens_paragraph or opens_sentence):
        return Attribution(state.current.speaker, 0.8, "continues the quotation")
    return None


def _name_at_start(text: str, state: _State) -> tuple[_Name | str, float] | None:
    """The name right after a speech verb: `said Cowan`, `said Home Office minister X`."""
    words = _tokens(text)
    if not words:
        return None
    if words[0].lower() in _PRONOUNS:
        return words[0].lower(), 0.75
    run: list[str] = []
    for word in words:
        if _capitalised(word) or (word in _CONNECTORS and run):
            run.append(word)
        elif not run and word.lower() in {"the", "a", "an"}:
            continue
        else:
            break
    while run and run[-1] in _CONNECTORS:
        run.pop()
    if not run:
        return None
    role, name = _split_run(run)
    return (_resolve(name, role, state), 0.95) if name else None


def _according(text: str, state: _State) -> Attribution | None:
    match = _ACCORDING.search(text)
    if not match:
        return None
    after = re.split(r"[,;.(]", text[match.end() :], maxsplit=1)[0]
    found = _name_at_start(after, state)
    if found is None or isinstance(found[0], str):
        return None
    return _attribute((found[0], 0.85), _cue(text[match.start() : match.end()] + after), state)


def _reported(sentence: Sentence, state: _State) -> tuple[Attribution, bool] | None:
    """The speaker of a narrative sentence with a speech verb, and whether the sentence
    is reported speech worth a stance (not merely `He said:` before a quotation)."""
    m = sentence.masked
    for verb in _VERB.finditer(m):
        before = m[: verb.start()]
        # `..., said Cowan.` after a quotation is the quote's attribution, not a report.
        if before.rstrip().endswith(tuple(_QUOTE_CHARS)) or re.search(
            "[" + _QUOTE_CHARS + "][ ,]*(?:\\w+ ){0,3}$", before
        ):
            continue
        attribution = _attribute(_subject(before, state), _cue(m[: verb.end()]), state)
        if attribution is None:
            continue
        rest = m[verb.end() :].lstrip()
        # Words of its own after the verb, beyond a quotation's: a report of what was said.
        own = [w for w in _tokens(rest) if not re.fullmatch(r"x+", w)]
        direct = rest[:1] in ":" + _QUOTE_CHARS or re.match(r"(?:the \w+|\w+ \w+ \w+)?\s*:", rest)
        return attribution, bool(len(own) >= 3 and not direct)
    according = _according(m, state)
    if according:
        return according, True
    return None


# --------------------------------------------------------------------------- actors


def name_key(name: str) -> str:
    """A name as names are compared: lower case, quote marks folded, no leading `the`,
    no bracketed acronym, single spaces (`The APPG` and `appg` are the same)."""
    folded = name.replace("\u2019", "'").replace("\u2018", "'")
    folded = re.sub(r"\([^)]*\)", " ", folded)
    words = folded.lower().split()
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


def _keys(actor: Actor) -> set[str]:
    keys = {name_key(actor.name), *(name_key(alias) for alias in actor.aliases)}
    keys |= {m.group(1).lower() for m in _ACRONYM.finditer(actor.name)}
    return {k for k in keys if k}


def match_actor(
    speaker: Speaker, surfaces: Iterable[str], actors: Iterable[Actor]
) -> tuple[str, float] | None:
    """The id of the map's actor that `speaker` is, with a confidence, or None.

    By name, by any of the actor's `aliases`, by the acronym in its name (`(APPG)`),
    then, for a person, by surname or title and surname (`Mr Lane`, `Baroness Meacher`)
    when exactly one person in the map has it.
    """
    actors = tuple(actors)
    index: dict[str, set[str]] = {}
    for actor in actors:
        for key in _keys(actor):
            index.setdefault(key, set()).add(actor.id)
    for form in (speaker.name, *surfaces):
        found = index.get(name_key(form), set())
        if len(found) == 1:
            return next(iter(found)), 1.0
    words = [w for w in speaker.name.split() if w not in _HONORIFICS]
    # A person, or a lone word the article never expanded (`said Cowan`).
    if not words or not (speaker.person or len(words) == 1):
        return None
    surname = name_key(words[-1])
    people = {
        a.id
        for a in actors
        if a.kind is ActorKind.PERSON and name_key(a.name).split()[-1:] == [surname]
    }
    return (next(iter(people)), 0.9) if len(people) == 1 else None


def guess_kind(speaker: Speaker) -> ActorKind:
    """A first guess at a new actor's kind from its name, for the curator to confirm."""
    if speaker.person:
        return ActorKind.PERSON
    words = set(speaker.name.replace("-", " ").split())
    for kind, cues in (
        (ActorKind.COUNCIL, {"Council", "Borough", "Authority"}),
        (ActorKind.POLICE, {"Police", "Constabulary"}),
        (ActorKind.PARTY, {"Party", "Conservatives", "Labour", "Greens", "SNP"}),
        (ActorKind.GOVERNMENT, {"Government", "Office", "Department", "Ministry", "Treasury"}),
        (ActorKind.PUBLIC_BODY, {"NHS", "England", "Agency", "Commission", "Service"}),
        (ActorKind.GROUP, {"Group", "Committee", "APPG", "Alliance", "Coalition"}),
        (ActorKind.CHARITY, {"Charity", "Trust", "Foundation"}),
    ):
        if words & cues:
            return kind
    return ActorKind.ORGANISATION
