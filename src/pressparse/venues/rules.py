"""Finding venues and their addresses (plain functions).

Rules (ids in ``VenueCandidate.rule``):

* ``venues_loc_1``     a venue noun after a locative preposition ("im Deichcampus", "in der
                       Stadthalle", "im Alten Rathaus", "in den Festsaal des Rathauses")
* ``venues_named_1``   a venue noun with its own name, anywhere ("Rathaus Altona",
                       "St.-Georg- Kapelle zu Wismar")
* ``venues_block_1``   a line that starts with a venue noun above an address block
* ``venues_acronym_1`` a short form after "im" ("im BGZ in Neugraben", district kept)
* ``venues_room_1``    "in Raum 201", "im Saal 3"
* ``venues_district_1`` a district visited ("besuchte … den Stadtteil Lindenhof")
* ``venues_town_1``    the town where a meeting took place, when no building is named

Addresses (street + number, PLZ + city, room) are parsed and attached to the venue they
follow: "(Maretstraße 50)", ", Dr.-Hirsch-Ring 7,", or the lines below it.
Cities and districts alone are places, not venues.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..evaluate import name_stems
from ..lang.de.roles import LexiconError, data_lines, read_resource, word_list
from ..orgs.rules import looks_like_place
from ..people.words import Word, segment
from ..schema import Address, Mention, Venue

VENUE_DIR = ("resources", "de", "venues")
LOCATIVE = frozenset("in im ins am an auf vor hinter neben beim bei zum zur vom aus".split())
ARTICLES = frozenset("der die das den dem des".split())
PARTIES = frozenset("SPD CDU CSU FDP AFD SSW NPD BSW TV ZDF ARD NDR WDR MDR SWR BR RBB EU UN".split())
_ROOM = regex.compile(
    r"(?:(?:EG|OG|UG|DG|\d\.\s?OG|Erdgeschoss|\d\.\s?(?:Etage|Stock|Obergeschoss)),?\s*)?"
    r"(?:Raum|Saal|Zimmer|Zi\.|Zr\.|Sitzungssaal|Sitzungszimmer|Konferenzraum)\s*\d+[a-zA-Z]?"
)
_PLZ = regex.compile(
    r"\b(?P<plz>\d{5})[ \t]+(?P<city>\p{Lu}[\p{L}-]+(?:[ \t](?:an der|am|im|in der|bei|ob der)"
    r"[ \t]\p{Lu}[\p{L}]+|[ \t]\(\p{Lu}[\p{L}]+\))?)"
)


@dataclass(frozen=True)
class VenueHead:
    head: str
    gender: str
    compound_only: bool


@lru_cache(maxsize=1)
def venue_heads() -> dict[str, VenueHead]:
    """Venue nouns from ``heads.tsv`` (validated)."""
    text, source = read_resource(*VENUE_DIR, "heads.tsv")
    heads = {}
    for lineno, line in data_lines(text):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or cols[1] not in ("m", "f", "n") or cols[2] not in ("any", "compound"):
            raise LexiconError(f"{source}:{lineno}: expected head, m/f/n, any/compound: {line!r}")
        heads[cols[0]] = VenueHead(cols[0], cols[1], cols[2] == "compound")
    return heads


@lru_cache(maxsize=1)
def _street_regex() -> regex.Pattern:
    endings = sorted(word_list(*VENUE_DIR, "streets.txt"), key=len, reverse=True)
    alt = "|".join(regex.escape(e) for e in endings)
    word = r"\p{Lu}[\p{L}.]*(?:-[\p{L}.]+)*"
    return regex.compile(
        rf"(?P<street>(?:(?:{word})[ \t-])?\p{{Lu}}[\p{{L}}.-]*(?i:{alt})"
        rf"|Platz[ \t]der[ \t]\p{{Lu}}\p{{L}}+|(?:Am|An[ \t]der|Auf[ \t]dem|Im|Zum|Zur)[ \t]\p{{Lu}}\p{{L}}+)"
        rf"(?:[ \t]+(?P<no>\d{{1,4}}[ \t]?[a-z]?(?:[ \t]?[-–][ \t]?\d{{1,4}}[a-z]?)?))?(?![\p{{L}}\d])"
    )


@lru_cache(maxsize=1)
def gather_verbs() -> frozenset[str]:
    return word_list(*VENUE_DIR, "gather_verbs.txt")


def head_of(word: str) -> VenueHead | None:
    """The venue head a word ends with ("Plenarsaal" -> saal), if any."""
    heads = venue_heads()
    lower = word.lower().rstrip("-")
    for form in (lower, lower[:-2] if lower.endswith("es") else None,
                 lower[:-1] if lower.endswith(("s", "n")) else None):
        if not form:
            continue
        for cut in range(0, len(form) - 1):
            h = heads.get(form[cut:])
            if h is None:
                continue
            if h.compound_only and cut < 3:
                continue
            return h
    return None


@dataclass
class VenueCandidate:
    start: int
    end: int
    name: str
    rule: str
    head: str
    address: Address | None = None


@dataclass
class VenueGroup:
    members: list[VenueCandidate] = field(default_factory=list)

    @property
    def best(self) -> VenueCandidate:
        return max(self.members, key=lambda m: (len(name_stems(m.name)), -m.start))


def _base(words: Sequence[Word], lo: int, hi: int, head: VenueHead | None, inflected: bool) -> str:
    """"im Alten Rathaus" -> "Altes Rathaus"; genitives after the head stay as written."""
    texts = [w.text for w in words[lo:hi]]
    if inflected and head is not None and len(texts) > 1 and texts[0][:1].isupper() and (
        texts[0].endswith(("en", "em")) and head_of(texts[1]) is not None
    ):
        texts[0] = texts[0][:-2] + {"m": "er", "f": "e", "n": "es"}[head.gender]
    out = ""
    for i, t in enumerate(texts):
        if i and not (t in ",." or out.endswith("&")):
            out += " "
        out += t
    return out


def _extend(words: Sequence[Word], i: int, places: frozenset[str]) -> int:
    """End index of a venue name whose head is words[i]: a place name, a genitive venue
    ("des Rathauses"), "auf dem Kalkberg", "zu Wismar"."""
    hi = i + 1
    if looks_like_place(words, hi, places):
        return hi + 1
    if hi + 1 < len(words) and words[hi].text in ("des", "der") and (
        head_of(words[hi + 1].text) or (
            hi + 2 < len(words) and words[hi + 1].is_cap and head_of(words[hi + 2].text))
    ):
        return hi + 2 if head_of(words[hi + 1].text) else hi + 3
    if hi + 2 < len(words) and words[hi].text in ("auf", "am") and words[hi + 1].text in ("dem",) and (
        words[hi + 2].is_cap
    ):
        return hi + 3
    if hi + 1 < len(words) and words[hi].text == "zu" and looks_like_place(words, hi + 1, places):
        return hi + 2
    return hi


def _is_street(text: str, word: Word) -> bool:
    """"Willy-Brandt-Platz 1": a street with a house number is an address, not a venue."""
    return bool(regex.match(r"[ \t]+\d{1,4}\b", text[word.end : word.end + 8])) and bool(
        _street_regex().fullmatch(word.text)
    )


def _named_word(w: str) -> bool:
    """"St.-Georg-Kapelle", "Willy-Brandt-Schule": a hyphenated name with a venue head."""
    parts = [p for p in w.split("-") if p]
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def venue_candidates(text: str, words: Sequence[Word], places: frozenset[str]) -> list[VenueCandidate]:
    out = []
    for i, w in enumerate(words):
        if not w.is_cap or w.is_punct:
            continue
        # "St.-Georg- Kapelle": a compound split after its hyphen
        joined = w.text.endswith("-") and i + 1 < len(words) and words[i + 1].is_cap
        head_word = words[i + 1] if joined else w
        head = head_of(w.text + head_word.text if joined else head_word.text)
        part_of = None
        if head is None:
            # "an der Bürgerinformation des Rathauses": a part of a venue
            if i + 2 < len(words) and words[i + 1].text in ("des", "der") and (
                head_of(words[i + 2].text) is not None and not head_of(words[i + 2].text).compound_only
                or (head_of(words[i + 2].text) and len(words[i + 2].text) > 8)
            ):
                part_of = head_of(words[i + 2].text)
            if part_of is None:
                continue
            b1 = words[i - 1].text.lower() if i > 0 else ""
            b2 = words[i - 2].text.lower() if i > 1 else ""
            if not (b1 in LOCATIVE or (b1 in ARTICLES and b2 in LOCATIVE)):
                continue
            start, end = w.start, words[i + 2].end
            out.append(VenueCandidate(start, end, text[start:end], "venues_loc_1", w.text.lower()))
            continue
        if _is_street(text, head_word):
            continue
        hi_index = head_word.index
        lo = i
        prev = words[lo - 1] if lo > 0 else None
        if prev is not None and prev.is_cap and not prev.is_punct and (
            prev.text.endswith(("er", "en", "es", "e")) and head_of(prev.text) is None
            and prev.text not in ("Der", "Die", "Das", "Den", "Dem", "Des")
        ) and lo > 1 and (words[lo - 2].text.lower() in ARTICLES | LOCATIVE):
            lo -= 1  # "im Alten Rathaus", "im Greifswalder Rathaus"
        before = words[lo - 1].text.lower() if lo > 0 else ""
        before2 = words[lo - 2].text.lower() if lo > 1 else ""
        locative = before in LOCATIVE or (before in ARTICLES and before2 in LOCATIVE)
        hi = _extend(words, hi_index, places)
        named = hi > hi_index + 1 and looks_like_place(words, hi_index + 1, places)
        named = named or _named_word(head_word.text) or joined
        line_start = lo == 0 or "\n" in text[words[lo - 1].end : words[lo].start]
        block = line_start and _address_follows(text, words[hi - 1].end)
        if not (locative or named or block):
            continue
        if head_word.text.lower() == head.head and head.compound_only and not named:
            continue
        rule = "venues_loc_1" if locative else "venues_named_1" if named else "venues_block_1"
        start, end = words[lo].start, words[hi - 1].end
        name = _base(words, lo, hi, head, before in ARTICLES | LOCATIVE)
        if joined:
            name = text[start:end]
        out.append(VenueCandidate(start, end, name, rule, head.head))
    return out


def _address_follows(text: str, pos: int) -> bool:
    """A street, room or PLZ line right after (", EG Zr. 20", the next lines)."""
    tail = text[pos : pos + 120]
    m = regex.match(r"[ \t]*(?:,[ \t]*|\([ \t]*|\s*\n\s*)", tail)
    if not m:
        return False
    rest = tail[m.end():]
    return bool(_ROOM.match(rest) or _street_regex().match(rest) or _PLZ.match(rest))


def acronym_candidates(text: str, words: Sequence[Word]) -> list[VenueCandidate]:
    """venues_acronym_1: "im BGZ in Neugraben"."""
    out = []
    for i, w in enumerate(words[1:], start=1):
        if words[i - 1].text not in ("im", "ins") or not regex.match(r"^\p{Lu}{2,6}$", w.text):
            continue
        if w.text in PARTIES:
            continue
        address = None
        if i + 2 < len(words) and words[i + 1].text == "in" and words[i + 2].is_cap:
            address = Address(district=words[i + 2].text)
        out.append(VenueCandidate(w.start, w.end, w.text, "venues_acronym_1", w.text.lower(), address))
    return out


def room_candidates(text: str) -> list[VenueCandidate]:
    """venues_room_1: a numbered room on its own after a preposition ("in Raum 201")."""
    out = []
    for m in regex.finditer(r"\b(?:in|im)[ \t]+((?:Raum|Saal|Zimmer|Sitzungssaal)[ \t]+\d+[a-zA-Z]?)", text):
        out.append(VenueCandidate(m.start(1), m.end(1), m.group(1), "venues_room_1", "raum"))
    return out


def district_candidates(text: str) -> list[VenueCandidate]:
    """venues_district_1: a district that is visited ("besuchte … den Stadtteil Lindenhof")."""
    out = []
    for m in regex.finditer(
        r"(?:den|des|dem)[ \t]+(?:Stadtteil|Ortsteil|Stadtbezirk)(?:e?s)?[ \t]+(\p{Lu}[\p{L}-]+)", text
    ):
        sentence = _sentence(text, m.start())
        if not regex.search(r"[Bb]esuch", sentence):
            continue
        name = m.group(1)
        if name.endswith("s") and regex.search(rf"\b{regex.escape(name[:-1])}\b", text) is None and (
            m.group(0).split()[0] == "des"
        ):
            name = name[:-1]
        out.append(VenueCandidate(m.start(1), m.end(1), name, "venues_district_1", "stadtteil"))
    return out


def town_candidates(text: str, words: Sequence[Word]) -> list[VenueCandidate]:
    """venues_town_1: "haben sich … in Lauterecken versammelt" (used only without other venues)."""
    out = []
    verbs = gather_verbs()
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if w.text != "in" or not nxt.is_cap or nxt.is_punct or head_of(nxt.text):
            continue
        if nxt.text in ("der", "die", "dem", "den") or nxt.text.lower() in ARTICLES:
            continue
        sentence = _sentence(text, w.start)
        if not any(v in regex.findall(r"\p{L}+", sentence) for v in verbs):
            continue
        out.append(VenueCandidate(nxt.start, nxt.end, nxt.text, "venues_town_1", nxt.text.lower()))
        break
    return out


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


def parse_address(text: str, pos: int) -> tuple[Address | None, str | None]:
    """The address (and room) right after ``pos``: in brackets, after a comma, or on the
    following lines. Returns (address, room)."""
    tail = text[pos : pos + 160]
    m = regex.match(r"[ \t]*(?:,[ \t]*|\([ \t]*|\s*\n\s*)", tail)
    if not m:
        return None, None
    rest = tail[m.end():]
    consumed = m.end()
    room = None
    rm = _ROOM.match(rest)
    if rm:
        room = rm.group(0)
        nxt = regex.match(r"[ \t]*(?:,[ \t]*|\s*\n\s*)", rest[rm.end():])
        if not nxt:
            return None, room
        consumed += rm.end() + nxt.end()
        rest = tail[consumed:]
    street = plz = city = None
    sm = _street_regex().match(rest)
    if sm and (sm.group("no") or tail[:m.end()].strip().startswith("(")):
        street = sm.group("street") + (f" {sm.group('no')}" if sm.group("no") else "")
        if tail[:m.end()].strip().startswith("(") and not sm.group("no"):
            close = rest.find(")")
            if 0 < close < 80:
                street = rest[:close].strip()
        after = regex.match(r"[ \t]*(?:,[ \t]*|\s*\n\s*)", rest[sm.end():])
        if after:
            rest = rest[sm.end() + after.end():]
    pm = _PLZ.match(rest)
    if pm:
        plz, city = pm.group("plz"), pm.group("city")
    if street is None and tail[:m.end()].strip().startswith("("):
        close = rest.find(")")
        inside = rest[:close] if 0 < close < 80 else ""
        if any(regex.search(rf"{regex.escape(e)}\b", inside.lower()) for e in ("straße", "allee", "weg", "platz", "gasse", "ring")):
            street = inside.strip()
    if street is None and plz is None:
        return None, room
    return Address(street=street, postal_code=plz, city=city), room


def _same_venue(a: VenueCandidate, b: VenueCandidate) -> bool:
    if a.head != b.head:
        return False
    sa, sb = name_stems(a.name), name_stems(b.name)
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    n = len(short)
    return n > 0 and any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def find_venues(
    text: str,
    places: frozenset[str] = frozenset(),
    blocked: Sequence[tuple[int, int]] = (),
    loc_spans: Iterable[tuple[int, int]] = (),
) -> list[Venue]:
    """Venues of a text with their addresses. ``blocked``: person/organisation spans."""
    words = segment(text)
    cands = venue_candidates(text, words, places) + acronym_candidates(text, words)
    cands += room_candidates(text) + district_candidates(text)
    cands = [c for c in cands if not any(c.start < e and s < c.end for s, e in blocked)]
    if not cands:
        cands = town_candidates(text, words)
    kept: list[VenueCandidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    for c in kept:
        address, room = parse_address(text, c.end)
        if address is not None:
            c.address = c.address or address
        if room and c.rule != "venues_room_1":
            c.name = f"{c.name}, {room}"
    groups: list[VenueGroup] = []
    for c in sorted(kept, key=lambda c: c.start):
        for g in groups:
            if any(_same_venue(c, m) for m in g.members):
                g.members.append(c)
                break
        else:
            groups.append(VenueGroup([c]))
    venues = []
    for g in groups:
        address = next((m.address for m in g.members if m.address), None)
        mentions = [Mention(text=text[m.start : m.end], start=m.start, end=m.end)
                    for m in sorted(g.members, key=lambda m: m.start)]
        venues.append(Venue(name=g.best.name, address=address, mentions=mentions))
    return venues
