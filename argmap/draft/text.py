"""An article as the drafter reads it: paragraphs, quoted segments and narrative sentences.

Quotations are found by `argmap.coverage.quoted_passages`, the same reading `argmap
coverage` uses, so the draft and the coverage report agree on what is a quote. A
quotation over several paragraphs is cut into one segment per paragraph (without the
re-opening mark), because a stance's quote must be the article's exact characters and
the re-opening marks break that across paragraphs.

The narrative (everything outside quotation marks) is read from a *masked* copy of each
paragraph in which the letters and digits of quotations are replaced by `x`: offsets stay
those of the article, but a name or a speech verb inside a quotation is never taken for
the article's own words, and no capital inside a quote starts a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.coverage import quoted_passages

__all__ = [
    "Paragraph",
    "QuoteSegment",
    "Sentence",
    "captions",
    "masked",
    "paragraphs",
    "quote_segments",
    "sentences",
]

_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d\u201a\u201b\u201e\u201f\u2032\u2033"
# A sentence ends at . ! or ? (perhaps followed by closing marks or a bracket) and white
# space; not after the usual abbreviations with a full stop or a single initial.
_SENTENCE_END = re.compile(
    "(?<![A-Z])(?<!\\bMr)(?<!\\bMrs)(?<!\\bMs)(?<!\\bDr)(?<!\\bSt)(?<!\\bNo)(?<!\\bProf)"
    "[.!?][" + _QUOTE_MARKS + ")\\]]*\\s+"
)
_ENDS_SENTENCE = ".!?:;" + _QUOTE_MARKS + "\u2026"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (text between blank lines) with its offsets in the article."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuoteSegment:
    """The part of one quotation that lies in one paragraph.

    `text` is the article's characters with white space runs collapsed (as stance quotes
    are compared); `passage` numbers the quotation, `first` says whether this is its
    first paragraph, `opens_paragraph` whether the paragraph starts with it.
    """

    passage: int
    paragraph: int
    start: int
    end: int
    text: str
    first: bool
    opens_paragraph: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """A narrative sentence: its offsets in the article, its exact and masked text."""

    paragraph: int
    start: int
    end: int
    text: str
    masked: str


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split `text` at blank lines; each paragraph stripped of surrounding white space."""
    found: list[Paragraph] = []
    for match in re.finditer(r"\S(?:.|\n(?![ \t\r\f\v]*\n))*", text):
        body = match.group().rstrip()
        found.append(Paragraph(len(found), match.start(), match.start() + len(body), body))
    return tuple(found)


def captions(paras: tuple[Paragraph, ...]) -> set[int]:
    """The indexes of captions and headings: paragraphs that do not end as a sentence
    does, unless the next one carries on the sentence (starts in lower case)."""
    found: set[int] = set()
    for i, para in enumerate(paras):
        carried_on = i + 1 < len(paras) and paras[i + 1].text[:1].islower()
        if para.text[-1] not in _ENDS_SENTENCE and not carried_on:
            found.add(i)
    return found


def quote_segments(text: str, paras: tuple[Paragraph, ...]) -> tuple[QuoteSegment, ...]:
    """Every quotation of `text`, cut at paragraph breaks, in order."""
    segments = []
    for number, passage in enumerate(quoted_passages(text)):
        first = True
        for para in paras:
            if para.end <= passage.start or para.start >= passage.end:
                continue
            start, end = max(para.start, passage.start), min(para.end, passage.end)
            # A later paragraph of the quotation starts with its re-opening mark.
            while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
                start += 1
            # A comma the sentence puts after the words (`“...,” said Cowan`) is not theirs.
            while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS + ",;"):
                end -= 1
            if not any(c.isalnum() for c in text[start:end]):
                continue
            opens = not text[para.start : start].strip(_QUOTE_MARKS + " \t")
            words = " ".join(text[start:end].split())
            segments.append(QuoteSegment(number, para.index, start, end, words, first, opens))
            first = False
    return tuple(segments)


def masked(text: str, segments: tuple[QuoteSegment, ...]) -> str:
    """`text` with the letters and digits of every quotation replaced by `x`."""
    chars = list(text)
    for segment in segments:
        for i in range(segment.start, segment.end):
            if chars[i].isalnum():
                chars[i] = "x"
    return "".join(chars)


def sentences(text: str, mask: str, para: Paragraph) -> tuple[Sentence, ...]:
    """The sentences of one paragraph, split on the masked text so quotes stay whole."""
    found = []
    start = para.start
    part = mask[para.start : para.end]
    for match in _SENTENCE_END.finditer(part):
        end = para.start + match.end()
        found.append(_sentence(text, mask, para.index, start, end))
        start = end
    if start < para.end:
        found.append(_sentence(text, mask, para.index, start, para.end))
    return tuple(s for s in found if s.text)


def _sentence(text: str, mask: str, index: int, start: int, end: int) -> Sentence:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(index, start, end, text[start:end], mask[start:end])
