"""`argmap draft`: who says each quote, on small literal articles, one per pattern."""

from __future__ import annotations

import pytest

from argmap.draft import draft_article
from argmap.draft.speakers import Speaker, match_actor, read_article
from argmap.model import Actor, ActorKind, ArgumentMap

Said = tuple[str | None, str, bool]  # (speaker, passage, reported)


def said(text: str) -> list[Said]:
    return [
        (s.attribution.speaker.name if s.attribution else None, s.text, s.reported)
        for s in read_article(text).spoken
    ]


def cues(text: str) -> list[tuple[str, float]]:
    return [
        (s.attribution.cue, s.attribution.confidence)
        for s in read_article(text).spoken
        if s.attribution
    ]


PATTERNS: dict[str, tuple[str, list[Said]]] = {
    "said Cowan": (
        "SNP MP Ronnie Cowan backs the rooms.\n\n“Rooms save lives,” said Cowan.\n",
        [("Ronnie Cowan", "Rooms save lives", False)],
    ),
    "Cowan said": ("Cowan said: “Rooms save lives.”\n", [("Cowan", "Rooms save lives.", False)]),
    "Mr Lane, role, said": (
        "The inquiry heard from Michael Lane.\n\n"
        "Mr Lane, Hampshire's police and crime commissioner, said: “I am not persuaded.”\n",
        [("Michael Lane", "I am not persuaded.", False)],
    ),
    "He added": (
        "Jo Bloggs said: “First.”\n\nHe added: “Second.”\n",
        [("Jo Bloggs", "First.", False), ("Jo Bloggs", "Second.", False)],
    ),
    "He said, after a sentence about him": (
        "Jo Bloggs spoke first.\n\nBut Sam Cole, the council leader, gave the idea short shrift."
        "\n\nHe said: “No.”\n",
        [("Sam Cole", "No.", False)],
    ),
    "a following paragraph continues the quote": (
        "Jo Bloggs said: “First.\n\n“Second.”\n\n“Third.”\n\nThe meeting ended.\n\n“Fourth.”\n",
        [
            ("Jo Bloggs", "First.", False),
            ("Jo Bloggs", "Second.", False),
            ("Jo Bloggs", "Third.", False),
            (None, "Fourth.", False),  # a narrative paragraph ended the quotation
        ],
    ),
    "a spokesperson for X said": (
        "A spokesperson for the Home Office said: “There are no plans.”\n",
        [("Home Office", "There are no plans.", False)],
    ),
    "an X spokesperson said that": (
        "A Home Office spokesperson said the causes were “complex”.\n",
        [
            ("Home Office", "complex", False),
            ("Home Office", "A Home Office spokesperson said the causes were “complex”.", True),
        ],
    ),
    "a spokesperson said, after the body": (
        "Public Health England does not believe the scheme is the best way.\n\n"
        "A spokesperson said: “It would be expensive.”\n",
        [
            (
                "Public Health England",
                "Public Health England does not believe the scheme is the best way.",
                True,
            ),
            ("Public Health England", "It would be expensive.", False),
        ],
    ),
    "according to X": (
        "According to Public Health England, the rooms would be expensive.\n",
        [
            (
                "Public Health England",
                "According to Public Health England, the rooms would be expensive.",
                True,
            )
        ],
    ),
    "X told the BBC": ("Ron Hogg told the BBC: “It works.”\n", [("Ron Hogg", "It works.", False)]),
    "X urged": (
        "Green councillor Jamie Osborn urged the council to back the idea.\n",
        [
            (
                "Jamie Osborn",
                "Green councillor Jamie Osborn urged the council to back the idea.",
                True,
            )
        ],
    ),
    "X said that": (
        "Jane Roe said that the rooms would save lives.\n",
        [("Jane Roe", "Jane Roe said that the rooms would save lives.", True)],
    ),
    "X, role, added (surname only)": (
        "Durham Police and Crime Commissioner Ron Hogg backs the scheme.\n\n"
        "Hogg, a Labour PCC, added: “It works.”\n",
        [("Ron Hogg", "It works.", False)],
    ),
    "they wrote": (
        "The All-Party Parliamentary Group for Drug Policy Reform (APPG) met.\n\n"
        "The APPG, which is co-chaired by Tory Crispin Blunt, pointed out that it had met twice."
        "\n\n“We support pilots,” they wrote.\n",
        [
            (
                "All-Party Parliamentary Group for Drug Policy Reform",
                "The APPG, which is co-chaired by Tory Crispin Blunt, pointed out that it had met"
                " twice.",
                True,
            ),
            ("All-Party Parliamentary Group for Drug Policy Reform", "We support pilots", False),
        ],
    ),
    "a quote broken by its attribution": (
        "“We will win,” said Jo Bloggs, “and soon.”\n",
        [("Jo Bloggs", "We will win", False), ("Jo Bloggs", "and soon.", False)],
    ),
    "a quote broken by a pronoun": (
        "Jo Bloggs spoke.\n\n“We will win,” he said, “and soon.”\n",
        [("Jo Bloggs", "We will win", False), ("Jo Bloggs", "and soon.", False)],
    ),
    "the next sentence of the paragraph": (
        "“No,” said Jo Bloggs. “Never.” The council calls it a 'safe space'.\n",
        [("Jo Bloggs", "No", False), ("Jo Bloggs", "Never.", False), (None, "safe space", False)],
    ),
    "an age in apposition": ("Jo Bloggs, 45, said: “Yes.”\n", [("Jo Bloggs", "Yes.", False)]),
    "scare quotes have no speaker": (
        "Ron Hogg believes so-called “shooting galleries” cut crime. It is a 'safe space'.\n",
        [
            (None, "shooting galleries", False),
            ("Ron Hogg", "Ron Hogg believes so-called “shooting galleries” cut crime.", True),
            (None, "safe space", False),
        ],
    ),
}


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_each_attribution_pattern(pattern: str) -> None:
    text, expected = PATTERNS[pattern]
    assert said(text) == expected


def test_confidence_and_cue_say_how_the_speaker_was_found() -> None:
    text = "Jo Bloggs said: “First.\n\n“Second.”\n\nHe added: “Third.”\n"
    assert cues(text) == [
        ("Jo Bloggs said", 0.95),
        ("continues the quotation", 0.9),
        ("He added", 0.75),
    ]


def test_role_phrase_before_the_name_becomes_the_new_actors_role() -> None:
    text = "Green city councillor Martin Schmierer said the rooms would stop overdoses.\n"
    reading = read_article(text)
    assert reading.roles == {"Martin Schmierer": "Green city councillor"}
    draft = draft_article(text, "a.txt", source_id="news")
    assert draft.new_actors == ("martin-schmierer",)
    assert (
        "  martin-schmierer:\n"
        "    name: 'Martin Schmierer'\n"
        "    kind: person\n"
        "    role: 'TODO: Green city councillor'\n"
    ) in draft.text


def test_apposition_after_the_name_is_the_role_and_the_short_form_an_alias() -> None:
    reading = read_article(
        "The inquiry heard from Michael Lane.\n\n"
        "Mr Lane, Hampshire's police and crime commissioner, said: “I am not persuaded.”\n"
    )
    assert reading.roles == {"Michael Lane": "Hampshire's police and crime commissioner"}
    assert reading.aliases == {"Michael Lane": ["Mr Lane"]}


# --------------------------------------------------------------------------- actors


def _map(*actors: Actor) -> ArgumentMap:
    return ArgumentMap(title="T", actors=actors)


def test_matched_by_alias() -> None:
    dhsc = Actor(
        "dhsc", "Department of Health and Social Care", ActorKind.GOVERNMENT, aliases=("DHSC",)
    )
    draft = draft_article("DHSC said: “We are looking at it.”\n", "a.txt", _map(dhsc), "news")
    assert [(s.speaker, s.actor, s.confidence) for s in draft.stances] == [("DHSC", "dhsc", 0.95)]
    assert draft.new_actors == ()


def test_matched_by_surname_and_by_title_and_surname() -> None:
    actors = (
        Actor("ronnie-cowan", "Ronnie Cowan", ActorKind.PERSON),
        Actor("michael-lane", "Michael Lane", ActorKind.PERSON),
        Actor("baroness-meacher", "Baroness Meacher", ActorKind.PERSON),
    )
    text = (
        "“Rooms save lives,” said Cowan.\n\nMr Lane said: “Not yet.”\n\n"
        "Baroness Meacher added: “Now.”\n"
    )
    draft = draft_article(text, "a.txt", _map(*actors), "news")
    assert [(s.actor, s.confidence) for s in draft.stances] == [
        ("ronnie-cowan", 0.85),  # 0.95 for the attribution, x 0.9 for a surname match
        ("michael-lane", 0.85),
        ("baroness-meacher", 0.95),
    ]


def test_a_surname_two_people_share_matches_neither() -> None:
    smiths = (
        Actor("jeff-smith", "Jeff Smith", ActorKind.PERSON),
        Actor("royston-smith", "Royston Smith", ActorKind.PERSON),
    )
    assert match_actor(Speaker("Smith", True), [], smiths) is None
    assert match_actor(Speaker("Jeff Smith", True), [], smiths) == ("jeff-smith", 1.0)


def test_an_organisation_is_matched_by_the_acronym_in_its_name() -> None:
    appg = Actor(
        "appg", "All-Party Parliamentary Group for Drug Policy Reform (APPG)", ActorKind.GROUP
    )
    assert match_actor(Speaker("APPG", False), [], [appg]) == ("appg", 1.0)
    assert match_actor(Speaker("The APPG", False), [], [appg]) == ("appg", 1.0)
