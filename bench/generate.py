"""Write a synthetic but realistic arguments.yaml of a chosen size, for benchmarks.

    python bench/generate.py --stances 20000 --seed 1 -o bench/data/map-20000.yaml

The map is shaped like a coded discourse-network dataset: a few proposals, claims and
evidence arranged in an argument graph without cycles, many actors (people affiliated
with parties, councils and charities, and the organisations themselves), a source per
few dozen statements, and stances that each carry a quote of a sentence or two, about
470 bytes per stance entry over the whole file. Output is deterministic for a seed and
passes `argmap check` with no problem at all: every id is unique, every reference
resolves, every actor keeps to one side (so no actor contradicts itself or supports
both ends of an attack), and every actor, claim and source is used.

Text is written the way a curator writes it (plain scalars where YAML allows, quoted
otherwise), with the odd `&`, `!`, `*`, colon, apostrophe and curly quote inside quotes
so that a loader's fast path meets the characters it must not misread.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------- vocabulary


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "alex amira ben carla dev elena femi grace hamid isla jamie kofi lena marcus nadia "
    "owen priya quentin rosa sam tariq una victor wendy yusuf zoe ahmed bridget colin "
    "diana ewan fiona gareth helen ian joanna kieran lucy mohammed niamh oliver paula "
    "rhys sarah tom vanessa william yasmin"
)
_LAST = _words(
    "adams begum clarke davies evans fraser green hughes iqbal jones khan lewis morgan "
    "nowak okafor patel quinn roberts singh taylor underwood vaughan walker young "
    "ahmed bell campbell doyle ellis foster gray hill ingram jackson kelly lloyd "
    "murphy nash owens price reid shaw thomas wood"
)
_TOWNS = _words(
    "norwich bristol glasgow leeds cardiff brighton sheffield leicester dundee exeter "
    "hull derby swansea belfast york preston"
)
_PARTIES = (
    ("labour", "Labour Party"),
    ("conservatives", "Conservative Party"),
    ("lib-dems", "Liberal Democrats"),
    ("green-party", "Green Party"),
    ("snp", "Scottish National Party"),
    ("plaid-cymru", "Plaid Cymru"),
)
_ROLES = (
    "councillor",
    "cabinet member for adult social care",
    "director of public health",
    "chief constable",
    "police and crime commissioner",
    "MP",
    "MSP",
    "campaigner",
    "chief executive",
    "spokesperson",
    "harm reduction worker",
    "GP",
)
_PUBLISHERS = (
    "Eastern Daily Press",
    "Bristol Post",
    "The Herald",
    "BBC News",
    "The Guardian",
    "Daily Record",
    "Southern Daily Echo",
    "Yorkshire Post",
    "The Scotsman",
    "WalesOnline",
)
_TOPICS = (
    "drug consumption rooms",
    "supervised injection sites",
    "heroin-assisted treatment",
    "naloxone provision",
    "drug checking services",
    "diversion schemes",
    "decriminalisation of possession",
    "needle exchanges",
    "overdose prevention centres",
    "recovery housing",
)
_EFFECTS = (
    "reduce overdose deaths",
    "cut discarded needles in public places",
    "draw dealers into the area",
    "save the NHS money",
    "send the wrong message to young people",
    "bring users into treatment",
    "lower HIV and hepatitis C infections",
    "increase crime around the site",
    "free police time for serious offences",
    "breach the Misuse of Drugs Act",
    "reduce public injecting",
    "normalise drug use",
)
_FACTS = (
    "No one has died of an overdose in a supervised room in {place}",
    "Drug deaths in {place} rose by {n} per cent last year",
    "The {place} pilot supervised {n} injections in its first year",
    "Needle finds near the {place} site fell by {n} per cent",
    "{n} people were referred to treatment from the {place} service",
    "Police recorded {n} fewer drug offences near the {place} site",
)
_WORDS = _words(
    "we have said all along that the evidence is clear and the council should act on it "
    "people are dying on our streets and doing nothing is not an option for this city "
    "the home office has made its position plain and any site would be operating outside "
    "the law which puts staff and users at risk we cannot support a scheme that has not "
    "been tested here there is a real chance to save lives if we work with the health "
    "service the police and the charities that know this community best residents near "
    "the proposed site have raised concerns about crime litter and antisocial behaviour "
    "and those concerns deserve a proper answer the figures from abroad speak for "
    "themselves but every town is different and what works in one place may not work in "
    "another our officers see the harm every day and enforcement alone has not reduced "
    "the number of deaths funding for treatment has been cut year after year and the "
    "people paying the price are the most vulnerable in society it is time for a grown up "
    "conversation about drugs instead of the same tired slogans"
)
# Characters a curator's quotes really contain; the inline ones make a fast path that
# scans naively for '&', '!', '*' or ': ' take a wrong turn if it is not careful.
_DECOR = (
    ("", "."),
    ("", "."),
    ("", "."),
    ("", "!"),
    ("", " – it’s that simple."),
    ("“", ".”"),
    ("", ": full stop."),
    ("", " (A&E staff agree)."),
    ("", ", *if* it is funded."),
    ("'", "', he said."),
)


# --------------------------------------------------------------------------- model


@dataclass
class _Actor:
    id: str
    name: str
    kind: str
    camp: int  # +1 for the proposals, -1 against
    role: str | None = None
    affiliations: list[str] = field(default_factory=list)


@dataclass
class _Claim:
    id: str
    text: str
    kind: str
    side: int  # +1 argues for the proposals, -1 against
    source: str | None = None
    label: str | None = None
    tags: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Ids:
    """One id space for sources, actors and claims, as the format requires."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        base = _slug(base)[:40].strip("-")
        if not base or not base[0].isalpha():
            base = "x-" + base
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


def _zipf_index(rng: random.Random, n: int) -> int:
    """A skewed pick: a few prominent actors or claims account for many statements."""
    return min(n - 1, int(n * rng.random() ** 2.2))


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(_WORDS) - words)
    text = " ".join(_WORDS[start : start + words])
    return text[0].upper() + text[1:]


def _quote(rng: random.Random) -> str:
    parts = [_sentence(rng, rng.randint(18, 41)) for _ in range(rng.choice((1, 2, 2, 3)))]
    opening, closing = rng.choice(_DECOR)
    return opening + ". ".join(parts) + closing


def generate(stances: int, seed: int, problems: int = 0, typos: int = 0) -> str:
    """The YAML text of a map with `stances` stances, the same for the same seed.

    With `problems`, that many stances (spread evenly through the file) name a claim
    with a typo in its id, so `argmap check` reports exactly that many errors. With
    `typos`, that many stances misspell the key `source:` as `sourse:` instead: errors
    the loader itself reports, so they take the full, location-keeping loader.
    """
    rng = random.Random(seed)
    ids = _Ids()
    n_sources = max(4, stances // 40)
    n_people = max(6, stances // 12)
    n_claims = max(6, stances // 25)
    n_evidence = max(2, stances // 100)
    n_proposals = min(4, 1 + stances // 1000)

    sources = []
    for i in range(n_sources):
        town = rng.choice(_TOWNS)
        topic = rng.choice(_TOPICS)
        publisher = rng.choice(_PUBLISHERS)
        sid = ids.take(f"{publisher.split()[-1]}-{town}-{topic.split()[0]}-{i}")
        year = rng.randint(2015, 2024)
        date = (
            "unknown"
            if rng.random() < 0.1
            else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        title = f"{town.title()} {topic} plan {rng.choice(('backed', 'rejected', 'debated'))}"
        entry = {"title": title, "publisher": publisher, "date": date}
        if rng.random() < 0.7:
            entry["url"] = f"https://news.example.org/{town}/{year}/{sid}"
        sources.append((sid, entry))
    source_ids = [sid for sid, _ in sources]

    # Organisations first, so that people can be affiliated with them.
    orgs: list[_Actor] = []
    for pid, name in _PARTIES:
        orgs.append(_Actor(ids.take(pid), name, "party", rng.choice((1, -1))))
    for town in _TOWNS[: max(3, min(len(_TOWNS), stances // 500))]:
        orgs.append(
            _Actor(ids.take(f"{town}-city-council"), f"{town.title()} City Council", "council", 1)
        )
        orgs.append(_Actor(ids.take(f"{town}-police"), f"{town.title()} Police", "police", -1))
    orgs.append(_Actor(ids.take("home-office"), "Home Office", "government", -1))
    orgs.append(_Actor(ids.take("release"), "Release", "charity", 1))
    phe = ids.take("public-health-england")
    orgs.append(_Actor(phe, "Public Health England", "public-body", 1))
    people: list[_Actor] = []
    for _ in range(n_people):
        name = f"{rng.choice(_FIRST).title()} {rng.choice(_LAST).title()}"
        person = _Actor(ids.take(name), name, "person", rng.choice((1, -1)))
        if rng.random() < 0.85:
            person.role = rng.choice(_ROLES)
        person.affiliations = sorted({o.id for o in rng.sample(orgs, rng.choice((0, 1, 1, 1, 2)))})
        people.append(person)
    actors = orgs + people

    proposals = [
        _Claim(
            ids.take(f"allow-{topic}"),
            f"The government should allow {topic}",
            "proposal",
            1,
            label=f"Allow {topic}",
        )
        for topic in _TOPICS[:n_proposals]
    ]
    claims: list[_Claim] = []
    for i in range(n_claims):
        topic, effect = rng.choice(_TOPICS), rng.choice(_EFFECTS)
        text = f"{topic[0].upper()}{topic[1:]} {effect}"
        claim = _Claim(ids.take(f"{topic.split()[0]}-{effect}"), text, "claim", rng.choice((1, -1)))
        if rng.random() < 0.3:
            claim.tags = sorted(rng.sample(("health", "crime", "law", "cost", "evidence"), 2))
        if i % 7 == 0:
            claim.label = text[:30].rstrip()
        claims.append(claim)
    evidence: list[_Claim] = []
    for _ in range(n_evidence):
        fact = rng.choice(_FACTS).format(place=rng.choice(_TOWNS).title(), n=rng.randint(2, 900))
        side, source = rng.choice((1, -1)), rng.choice(source_ids)
        evidence.append(_Claim(ids.take(fact[:36]), fact, "evidence", side, source))
    all_claims = proposals + claims + evidence

    # The argument graph: every claim and evidence argues about something listed before
    # it, so support never runs in a circle. Same side supports, the other side attacks.
    relations: list[dict[str, str]] = []
    pairs: set[tuple[str, str]] = set()
    for index, claim in enumerate(all_claims):
        if claim.kind == "proposal":
            continue
        for _ in range(rng.choice((1, 1, 2))):
            target = all_claims[min(index - 1, _zipf_index(rng, index))]
            if (claim.id, target.id) in pairs:
                continue
            pairs.add((claim.id, target.id))
            kind = "supports" if claim.side * target.side > 0 else "attacks"
            relation = {"from": claim.id, kind: target.id}
            if rng.random() < 0.2:
                relation["source"] = rng.choice(source_ids)
            relations.append(relation)

    stance_entries = _stances(rng, stances, actors, all_claims, source_ids)
    # A small map cannot give every actor a word: drop the silent ones, as a curator would.
    speaking = {s["actor"] for s in stance_entries}
    people = [p for p in people if p.id in speaking]
    affiliated = {a for p in people for a in p.affiliations}
    actors = [a for a in actors if a.id in speaking or a.id in affiliated]
    for index in range(problems):
        entry = stance_entries[(index * stances) // problems]
        position = next(k for k in ("supports", "opposes", "neutral") if k in entry)
        entry[position] = entry[position][:-1] + "q"  # a typo: an unknown claim
    cited = {s["source"] for s in stance_entries} | {c.source for c in evidence}
    cited |= {r["source"] for r in relations if "source" in r}
    # A source nothing cites would be reported as unused; give it a relation's citation.
    for sid in source_ids:
        if sid not in cited:
            relations[rng.randrange(len(relations))]["source"] = sid
            cited.add(sid)

    # After the citations are counted, so the typos leave no source unused.
    for index in range(typos):
        entry = stance_entries[(index * stances) // typos + stances // (2 * typos)]
        entry["sourse"] = entry.pop("source")
    ignored = [
        {"source": rng.choice(source_ids), "passage": p, "reason": r}
        for p, r in (
            ("shooting galleries", "critics' label, not a statement by a named actor"),
            ("safe space", "a scare-quoted term in the headline"),
        )
    ]
    return _emit(stances, sources, actors, all_claims, stance_entries, relations, ignored)


@dataclass
class Debate:
    """One generated debate, before it is written out in either format."""

    title: str
    sources: list[tuple[str, dict[str, str]]]
    actors: list[_Actor]
    claims: list[_Claim]
    stances: list[dict[str, str]]
    relations: list[dict[str, str]]
    ignored: list[dict[str, str]]


def debate(statements: int, seed: int) -> Debate:
    """A debate of `statements` claims in deep argument chains, the same for the same seed.

    The shape of a debate written in Argdown rather than coded from the press: a few
    proposals, then chains of 20 to 200 claims in which each claim argues about the one
    before it, every chain hanging from an earlier claim, so claims sit hundreds of
    levels below a proposal (`generate` never goes deeper than about a dozen). Each
    claim has about one stance with a quote; an actor per 10 statements, a source per 40.
    Every actor keeps to its side, and the map passes `argmap check` (warnings at most).
    """
    rng = random.Random(seed)
    ids = _Ids()
    source_ids = [ids.take(f"source-{i}") for i in range(max(4, statements // 40))]
    sources = []
    for i, sid in enumerate(source_ids):
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = f"{rng.choice(_TOWNS).title()} {rng.choice(_TOPICS)} debate, part {i + 1}"
        sources.append((sid, {"title": title, "publisher": rng.choice(_PUBLISHERS), "date": date}))
    actors = []
    for _ in range(max(6, statements // 10)):
        name = f"{rng.choice(_FIRST).title()} {rng.choice(_LAST).title()}"
        actor = _Actor(ids.take(name), name, "person", rng.choice((1, -1)))
        actor.role = rng.choice(_ROLES)
        actors.append(actor)
    n_proposals = min(3, max(1, statements // 100))
    claims = [
        _Claim(ids.take(f"allow-{t}"), f"The government should allow {t}", "proposal", 1)
        for t in _TOPICS[:n_proposals]
    ]
    relations: list[dict[str, str]] = []
    previous: _Claim | None = None
    left_in_chain = 0
    while len(claims) < statements:
        if left_in_chain == 0 or previous is None:
            target = claims[_zipf_index(rng, len(claims))]
            left_in_chain = rng.randint(20, 200)
        else:
            target = previous
        left_in_chain -= 1
        topic, effect = rng.choice(_TOPICS), rng.choice(_EFFECTS)
        side = rng.choice((1, -1))
        evidence = rng.random() < 0.1
        claim = _Claim(
            ids.take(f"{topic.split()[0]}-{effect}"),
            f"{topic[0].upper()}{topic[1:]} {effect}, as {rng.choice(_TOWNS).title()} shows",
            "evidence" if evidence else "claim",
            side,
            rng.choice(source_ids) if evidence else None,
        )
        kind = "supports" if side * target.side > 0 else "attacks"
        relations.append({"from": claim.id, kind: target.id, "source": rng.choice(source_ids)})
        claims.append(claim)
        previous = claim
    stances = _stances(rng, statements, actors, claims, source_ids)
    speaking = {s["actor"] for s in stances}
    actors = [a for a in actors if a.id in speaking]
    title = f"A synthetic debate in argument chains ({statements:,} statements)"
    return Debate(title, sources, actors, claims, stances, relations, [])


def generate_debate(statements: int, seed: int) -> str:
    """The YAML text of `debate(statements, seed)`."""
    d = debate(statements, seed)
    return _emit(
        statements, d.sources, d.actors, d.claims, d.stances, d.relations, d.ignored, title=d.title
    )


def _stances(
    rng: random.Random,
    count: int,
    actors: list[_Actor],
    claims: list[_Claim],
    source_ids: list[str],
) -> list[dict[str, str]]:
    """Stances that keep each actor to its camp, with no two sharing actor, claim and source."""
    speakers = [a for a in actors if a.kind != "party"] + [a for a in actors if a.kind == "party"]
    seen: set[tuple[str, str, str]] = set()
    entries: list[dict[str, str]] = []
    while len(entries) < count:
        i = len(entries)
        # The first stances go round every actor, claim and source once, so none is idle.
        actor = speakers[i] if i < len(speakers) else speakers[_zipf_index(rng, len(speakers))]
        claim = claims[i] if i < len(claims) else claims[_zipf_index(rng, len(claims))]
        source = source_ids[i] if i < len(source_ids) else rng.choice(source_ids)
        if (actor.id, claim.id, source) in seen:
            continue
        seen.add((actor.id, claim.id, source))
        roll = rng.random()
        if roll < 0.08:
            position = "neutral"
        else:
            position = "supports" if actor.camp * claim.side > 0 else "opposes"
        entry = {"actor": actor.id, position: claim.id, "source": source}
        if rng.random() < 0.12:
            entry["reported"] = "true"
            if rng.random() < 0.5:
                entry["quote"] = _quote(rng)
        else:
            entry["quote"] = _quote(rng)
        if rng.random() < 0.03:
            entry["date"] = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}"
        if rng.random() < 0.02:
            entry["note"] = "Check the wording against the print edition."
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------- emitting

_PLAIN_START = re.compile(r"[A-Za-z0-9(“‘–]")
_PLAIN_BAD = re.compile(r": |\s#|:$|^\s|\s$")
_RESOLVES = re.compile(
    r"(?i:~|null|true|false|yes|no|on|off|y|n)\Z|[-+]?[0-9][0-9_.:eE+-]*\Z|\d{4}-\d\d-\d\d"
)


def _scalar(text: str) -> str:
    """Text as a curator would write it: plain when YAML reads it back unchanged."""
    if _PLAIN_START.match(text) and not _PLAIN_BAD.search(text) and not _RESOLVES.match(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _emit(
    stance_count: int,
    sources: list[tuple[str, dict[str, str]]],
    actors: list[_Actor],
    claims: list[_Claim],
    stances: list[dict[str, str]],
    relations: list[dict[str, str]],
    ignored: list[dict[str, str]],
    title: str | None = None,
) -> str:
    out = [
        f"title: {title or f'A synthetic debate on drug policy ({stance_count:,} stances)'}",
        "description: Generated by bench/generate.py for benchmarks; not a real debate.",
        "",
        "sources:",
    ]
    for sid, entry in sources:
        out.append(f"  {sid}:")
        out.extend(f"    {k}: {v if k == 'date' else _scalar(v)}" for k, v in entry.items())
    out += ["", "actors:"]
    for a in actors:
        out += [f"  {a.id}:", f"    name: {_scalar(a.name)}", f"    kind: {a.kind}"]
        if a.role:
            out.append(f"    role: {_scalar(a.role)}")
        if a.affiliations:
            out.append(f"    affiliations: [{', '.join(a.affiliations)}]")
    out += ["", "claims:"]
    for c in claims:
        out.append(f"  {c.id}:")
        if c.kind != "claim":
            out.append(f"    kind: {c.kind}")
        out.append(f"    text: {_scalar(c.text)}")
        if c.label:
            out.append(f"    label: {_scalar(c.label)}")
        if c.source:
            out.append(f"    source: {c.source}")
        if c.tags:
            out.append(f"    tags: [{', '.join(c.tags)}]")
    for name, entries in (("stances", stances), ("relations", relations), ("ignored", ignored)):
        if not entries:
            continue
        out += ["", f"{name}:"]
        for entry in entries:
            first = True
            for key, value in entry.items():
                shown = value if key in ("reported", "date") else _scalar(value)
                out.append(f"  {'- ' if first else '  '}{key}: {shown}")
                first = False
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stances",
        type=int,
        required=True,
        help="number of stances (statements with --shape debate)",
    )
    parser.add_argument(
        "--shape",
        choices=("press", "debate"),
        default="press",
        help="press: coded news stances (default); debate: deep argument chains",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--problems", type=int, default=0, help="stances to give an unknown claim (errors)"
    )
    parser.add_argument(
        "--typos", type=int, default=0, help="stances to give a misspelt key (loader errors)"
    )
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.stances < 1:
        parser.error("--stances must be at least 1")
    if not 0 <= args.problems <= args.stances or not 0 <= args.typos <= args.stances:
        parser.error("--problems and --typos must be between 0 and --stances")
    if args.shape == "debate":
        text = generate_debate(args.stances, args.seed)
    else:
        text = generate(args.stances, args.seed, args.problems, args.typos)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
