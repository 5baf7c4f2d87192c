"""How close a drafted passage is to each claim of the map, and which side it takes.

A bag-of-words measure, weighted by how rare each word is among the map's claims
(inverse document frequency): a passage and a claim that share "magic bullet" are close,
two that share "drug" are not. Words are compared lower-cased, with quote marks folded,
short function words dropped and a light suffix stripping (`rooms`/`room`,
`reducing`/`reduce`). It needs no model and no download, and on the curated map it puts
the curator's claim among the three suggestions for most direct quotes (measured by
bench/draft_eval.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import Claim, Position


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = ["ClaimIndex", "suggest_position", "words"]

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STOP = _words(
    "the and for are was were been being has have had that this these those with from "
    "they them their there here what which who whom whose when where while would will "
    "could should can may might must shall not but its it's our ours your you his her "
    "she him all any some such than then into onto also very just more most much many "
    "about over under out off did does doing done own same other only too how why one "
    "two both each few nor yet because upon said says say"
)
_SUFFIXES = ("ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s")
_NEGATIONS = _words(
    "not no never cannot can't won't don't doesn't isn't aren't wasn't weren't "
    "shouldn't wouldn't couldn't refuse refused refusal oppose opposed against reject "
    "rejected reluctant without nobody none neither"
)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def words(text: str) -> frozenset[str]:
    """The content words of `text`, stemmed: what the similarity compares."""
    folded = text.lower().replace("\u2019", "'")
    return frozenset(_stem(w) for w in _WORD.findall(folded) if len(w) >= 3 and w not in _STOP)


@dataclass(frozen=True)
class ClaimIndex:
    """The claims of a map, ready to be compared with passages."""

    claims: tuple[Claim, ...]
    bags: tuple[frozenset[str], ...]
    idf: dict[str, float]

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> ClaimIndex:
        bags = tuple(words(f"{c.text} {c.label or ''}") for c in claims)
        df = Counter(w for bag in bags for w in bag)
        n = len(bags)
        idf = {w: math.log((n + 1) / (count + 0.5)) for w, count in df.items()}
        return cls(tuple(claims), bags, idf)

    def closest(self, text: str, n: int = 3, floor: float = 0.05) -> list[tuple[str, float]]:
        """The `n` claims most like `text`, best first, as (claim id, score in [0, 1])."""
        bag = {w for w in words(text) if w in self.idf}
        if not bag:
            return []
        weight = sum(self.idf[w] for w in bag)
        scored = []
        for claim, claim_bag in zip(self.claims, self.bags, strict=True):
            shared = sum(self.idf[w] for w in bag & claim_bag)
            if not shared:
                continue
            # Dice over weights: the share of both the passage's and the claim's words.
            total = weight + sum(self.idf[w] for w in claim_bag)
            score = 2 * shared / total if total else 0.0
            if score >= floor:
                scored.append((round(score, 2), claim.id))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [(cid, score) for score, cid in scored[:n]]


def suggest_position(passage: str, claim_text: str) -> Position:
    """Supports, unless exactly one of the two is negated ("not", "no", "refuse"...).

    A passage that says what the claim says supports it; one that says it with a "not"
    the claim lacks (or the other way round) most likely opposes it. The curator
    confirms either way.
    """
    folded_passage = passage.lower().replace("\u2019", "'")
    folded_claim = claim_text.lower().replace("\u2019", "'")
    negated = bool(_NEGATIONS & set(_WORD.findall(folded_passage)))
    claim_negated = bool(_NEGATIONS & set(_WORD.findall(folded_claim)))
    return Position.OPPOSES if negated != claim_negated else Position.SUPPORTS
