"""How close a drafted passage is to each claim of the map, and which side it takes.

A bag-of-words measure, weighted by how rare each word is among the map's claims
(inverse document frequency): a passage and a claim that share "magic bullet" are close,
two that share "drug" are not. Words are compared lower-cased, with quote marks folded,
short function words dropped and a light suffix stripping (`rooms`/`room`,
`reducing`/`reduce`). It needs no model and no download, and on the curated map it puts
the curator's claim among the three suggestions for most direct quotes (measured by
bench/draft_eval.py).

No side is read from the words: on the curated map a "not" in the passage but not in the
claim (or the other way round) predicted "opposes" worse than always suggesting
"supports" (93 against 97 of 114 stances right), so the draft suggests "supports" and
says how sure it is.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import Claim


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = ["ClaimIndex", "words"]

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
