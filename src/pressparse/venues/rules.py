"""Finding venues and their addresses (plain functions).

Rules (ids in ``VenueCandidate.rule``):

* ``venues_loc_1``     a venue noun after a locative preposition ("im Deichcampus", "in der
                       Stadthalle", "im Alten Rathaus", "in den Festsaal des Rathauses")
* ``venues_named_1``   a venue noun with its own name, anywhere ("Rathaus Altona",
                       "St.-Georg- Kapelle zu Wismar")
* ``venues_block_1``   a line that starts with a venue noun above an address block
* ``venues_acronym_1`` a short form after "im" ("im BGZ in Neugraben", district kept)
* ``venues_room_1``    "in Raum 201", "im Saal 3"
* ``venues_label_1``   the place after "Treffpunkt:" / "Ort:" ("Treffpunkt: Stadtbrücke, Nordufer")
* ``venues_district_1`` a district visited ("besuchte … den Stadtteil Lindenhof")
* ``venues_town_1``    the town where a meeting took place, when no building is named

Addresses (street + number, PLZ + city, room) are parsed and attached to the venue they
follow: "(Maretstraße 50)", ", Dr.-Hirsch-Ring 7,", or the lines below it.
Cities and districts alone are places, not venues.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

import regex

from ..evaluate import name_stems
from ..intervals import DisjointSpans, SpanUnion
from ..lang.de.roles import LexiconError, data_lines, read_resource, word_list
from ..orgs.rules import looks_like_place
from ..people.words import SpellingTest, Word, positions, segment
from ..schema import Address, Mention, Venue

VENUE_DIR = ("resources", "de", "venues")
#: Prepositions that put something at a place ("aus" is a source: "Gäste aus Rosenheim").
LOCATIVE = frozenset("in im ins am an auf vor hinter neben beim bei zum zur vom".split())
#: Prepositions that put something at a part of a building ("an der Information des Rathauses";
#: not "zum Jubiläum des Rathauses").
PART_LOCATIVE = frozenset("in im ins an am auf vor hinter neben".split())
#: Prepositions that tie a venue to the street or square it lies on ("Bühne am Marktplatz").
AT_STREET = ("am", "an der", "an dem", "auf dem")
#: Words for closing a street; a street named near them is where the works happen.
CLOSURE = regex.compile(r"(?i)sperr|umleitung|umgeleitet|baustelle|befahrbar|saniert\b|sanierung\b|bauarbeiten\b|bauzeit\b")
#: Venue heads that also end town names ("Rosenheim", "Wiesbaden", "Baumgarten").
TOWN_LIKE_HEADS = frozenset({"heim", "bad", "garten"})
_ROMAN = regex.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
ARTICLES = frozenset("der die das den dem des".split())
PARTIES = frozenset("SPD CDU CSU FDP AFD SSW NPD BSW TV ZDF ARD NDR WDR MDR SWR BR RBB EU UN".split())
_ROOM = regex.compile(
    r"(?:(?:EG|OG|UG|DG|\d\.\s?OG|Erdgeschoss|\d\.\s?(?:Etage|Stock|Obergeschoss)),?\s*)?"
    r"(?:Raum|Saal|Zimmer|Zi\.|Zr\.|Sitzungssaal|Sitzungszimmer|Konferenzraum)\s*\d+(?:\.\d+)*[a-zA-Z]?"
)
_PLZ = regex.compile(
    r"\b(?P<plz>\d{5})[ \t]+(?P<city>(?:Bad[ \t])?\p{Lu}[\p{L}-]+(?:[ \t](?:an der|am|im|in der|bei|ob der)"
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
    # a separate capitalised ending after an adjective: "Breite Straße", "Sallmanner Weg"
    not_article = r"(?!(?:Die|Der|Das|Den|Dem|Des|Eine?|Am|Im|Zum|Zur|Auf|An|In)[ \t])"
    cap = "|".join(regex.escape(e[:1].upper() + e[1:]) for e in endings if e[:1].isalpha())
    return regex.compile(
        rf"(?P<street>(?:{not_article}(?:{word})[ \t-])?\p{{Lu}}[\p{{L}}.-]*(?i:{alt})"
        rf"|{not_article}(?:{word})[ \t]"
        rf"(?:{cap})(?![\p{{L}}])|(?:{cap})(?=[ \t]+\d)"
        rf"|Platz[ \t]der[ \t]\p{{Lu}}\p{{L}}+|(?:Am|An[ \t]der|Auf[ \t]dem|Im|Zum|Zur)[ \t]\p{{Lu}}\p{{L}}+)"
        rf"(?:[ \t]+(?P<no>\d{{1,4}}[ \t]?[a-z]?(?:[ \t]?[-–][ \t]?\d{{1,4}}[a-z]?)?))?(?![\p{{L}}\d])"
    )


@lru_cache(maxsize=1)
def institutions() -> frozenset[str]:
    """Venue heads that also name an institution ("Stadtbibliothek Ulm", "Musikschule X"):
    venues only where the text uses them as a location."""
    return word_list(*VENUE_DIR, "institutions.txt")


@lru_cache(maxsize=1)
def not_heads() -> tuple[str, ...]:
    """Compounds with a venue head that name an event or trade ("Weihnachtsmarkt")."""
    return tuple(sorted(word_list(*VENUE_DIR, "not_heads.txt")))


@lru_cache(maxsize=1)
def gather_verbs() -> frozenset[str]:
    return word_list(*VENUE_DIR, "gather_verbs.txt")


@lru_cache(maxsize=1)
def _head_lengths() -> tuple[int, ...]:
    """Lengths of the venue heads, longest first: the only suffix lengths worth looking up."""
    return tuple(sorted({len(h) for h in venue_heads()}, reverse=True))


@lru_cache(maxsize=1 << 16)  # a pure function of the word and the packaged lexicon
def head_of(word: str) -> VenueHead | None:
    """The venue head a word ends with ("Plenarsaal" -> saal), if any."""
    heads = venue_heads()
    lower = word.lower().rstrip("-")
    if lower.endswith(not_heads()) or lower.rstrip("s").endswith(not_heads()):
        return None
    for form in (lower, lower[:-2] if lower.endswith("es") else None,
                 lower[:-1] if lower.endswith(("s", "n")) else None):
        if not form:
            continue
        # longest suffix first; heads are short, so at most the last 64 characters count
        for length in _head_lengths():
            if length > len(form) or length > 64 or length < 2:
                continue
            h = heads.get(form[len(form) - length :])
            if h is None or (h.compound_only and len(form) - length < 3):
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
        texts[0].endswith(("en", "em"))
        and (head_of(texts[1]) is not None or texts[1].lower() in venue_heads())
    ):
        texts[0] = texts[0][:-2] + {"m": "er", "f": "e", "n": "es"}[head.gender]
    out = ""
    for i, t in enumerate(texts):
        if i and not (t in ",." or out.endswith(("&", "„", "»")) or t in ("“", "«")):
            out += " "
        out += t
    return out


def _same_line(text: str, words: Sequence[Word], a: int, b: int) -> bool:
    return "\n" not in text[words[a].end : words[b].start]


def _extend(
    text: str, words: Sequence[Word], i: int, places: frozenset[str]
) -> tuple[int, bool]:
    """End index of a venue name whose head is words[i], and whether the extension names it:
    a place ("Kurhaus Bad Ems"), a number ("Rathaus II"), a genitive venue or authority
    ("des Rathauses", "der Verbandsgemeindeverwaltung"), "auf dem Kalkberg", "zu Wismar",
    the street it lies on ("an der Lindenstraße", "am Marktplatz"). Never past a line end."""
    from ..lang.de.org_forms import org_forms

    hi = i + 1
    n = len(words)

    def ok(k: int) -> bool:
        return k < n and _same_line(text, words, k - 1, k)

    if ok(hi) and words[hi].text in "„»\"" and words[hi].text:
        close = next((k for k in range(hi + 2, min(hi + 8, n)) if words[k].text in "“«\""
                      and words[k].text and _same_line(text, words, hi, k)), None)
        if close is not None:
            return close + 1, True  # "Kulturzentrum „Alte Post“", "Gasthaus „Zur Linde“"
    if ok(hi + 1) and words[hi].text in ("St.", "Sankt") and words[hi + 1].is_cap and (
        not words[hi + 1].is_punct
    ):
        return hi + 2, True  # "Stadtkirche St. Marien", "Dom St. Peter"
    if ok(hi) and words[hi].text == "Bad" and ok(hi + 1) and words[hi + 1].is_cap:
        return hi + 2, True  # "Kurhaus Bad Bergzabern"
    if ok(hi) and looks_like_place(words, hi, places):
        return hi + 1, True
    if ok(hi) and (_ROMAN.match(words[hi].text) or words[hi].text in _COMPASS) and (
        _next_is_end(text, words, hi + 1)
    ):
        return hi + 1, True  # "Rathaus II", "Bürgerhaus Nord"
    if ok(hi + 1) and words[hi].text in ("des", "der"):
        nxt = words[hi + 1].text
        authority = org_forms().head_of(nxt)
        if head_of(nxt) or (authority is not None and authority.kind in (
            "authority", "council", "company", "school", "body"
        )):  # "Foyer der Sparkasse", "Aula der Musikschule"
            if ok(hi + 2) and looks_like_place(words, hi + 2, places):
                return hi + 3, True  # "Turnhalle der Grundschule Oberdorf"
            return hi + 2, True
        if ok(hi + 2) and words[hi + 1].is_cap and head_of(words[hi + 2].text):
            return hi + 3, True
        if words[i].text == "Haus" and words[hi + 1].is_cap:
            return hi + 2, True  # "Haus des Gastes", "Haus der Jugend"
    if ok(hi + 2) and words[hi].text in ("auf", "am") and words[hi + 1].text in ("dem",) and (
        words[hi + 2].is_cap
    ):
        return hi + 3, True
    if ok(hi + 1) and words[hi].text == "zu" and looks_like_place(words, hi + 1, places):
        return hi + 2, True
    street_end = _street_after(text, words, hi)
    if street_end is not None:
        return street_end, True
    stage = head_of(words[i].text)
    if ok(hi + 2) and words[hi].text == "vor" and words[hi + 1].text in ("der", "dem") and (
        stage is not None and stage.head in _BEFORE_HEADS
        and words[hi + 2].is_cap and head_of(words[hi + 2].text) is not None
    ):
        return hi + 3, True  # "Bühne vor der Stadtkirche"
    if ok(hi + 1) and words[hi].text in _NAME_PREPS and words[hi + 1].is_cap and (
        not words[hi + 1].is_punct and words[hi + 1].text not in _NOT_NAME_WORDS
    ):
        return hi + 2, True  # "Parkhaus Am Stadtgraben": a capitalised preposition starts a name
    if ok(hi) and words[hi].is_cap and not words[hi].is_punct and _street_regex().fullmatch(
        words[hi].text
    ) and not _is_street(text, words[hi]) and _next_is_end(text, words, hi + 1):
        return hi + 1, True  # "Parkhaus Lindenwall"
    return hi, False


#: Compass names and "Mitte" after a venue noun ("Bürgerhaus Nord", "Sportpark Mitte").
_COMPASS = frozenset("Nord Süd Ost West Nordost Nordwest Südost Südwest Mitte Zentrum".split())
#: Heads that are set up in front of a building and named by it ("Bühne vor dem Rathaus").
_BEFORE_HEADS = frozenset({"bühne"})
#: Capitalised prepositions inside a name after its head ("Parkhaus Am Stadtgraben").
_NAME_PREPS = frozenset({"Am", "Im", "Zum", "Zur", "Auf", "An"})
_NOT_NAME_WORDS = frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Wochenende Abend "
    "Morgen Vormittag Nachmittag Ende Anfang Tag Der Die Das".split()
)


def _next_is_end(text: str, words: Sequence[Word], k: int) -> bool:
    """Nothing capitalised continues the name at word k (punctuation, a line end, lower case)."""
    return k >= len(words) or words[k].is_punct or not words[k].is_cap or (
        "\n" in text[words[k - 1].end : words[k].start]
    )


_AT_STREET_FIRST = frozenset(prep.split()[0] for prep in AT_STREET)


def _street_after(text: str, words: Sequence[Word], k: int) -> int | None:
    """Word index after "am Marktplatz" / "an der Heimstettener Straße" starting at word k."""
    if k >= len(words) or words[k].text not in _AT_STREET_FIRST:
        return None
    for prep in AT_STREET:
        parts = prep.split()
        if k + len(parts) >= len(words) or [w.text for w in words[k : k + len(parts)]] != parts:
            continue
        first = words[k + len(parts)]
        if not first.is_cap or "\n" in text[words[k].start : first.start]:
            return None
        m = _street_regex().match(text, first.start)
        if m is None or "\n" in m.group("street"):
            return None
        stop = first.start + len(m.group("street"))
        j = k + len(parts)
        while j < len(words) and words[j].end <= stop:
            j += 1
        return j
    return None


_HOUSE_NUMBER = regex.compile(r"[ \t]+\d{1,4}\b")


def _is_street(text: str, word: Word) -> bool:
    """"Willy-Brandt-Platz 1": a street with a house number is an address, not a venue."""
    return bool(_HOUSE_NUMBER.match(text[word.end : word.end + 8])) and bool(
        _street_regex().fullmatch(word.text)
    )


def _named_word(w: str) -> bool:
    """"St.-Georg-Kapelle", "Willy-Brandt-Schule": a hyphenated name with a venue head."""
    parts = [p for p in w.split("-") if p]
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def _is_plural(word: str, head: VenueHead) -> bool:
    """"Grundschulen", "Werkstätten": a feminine head with the plural -n/-en."""
    lower = word.lower()
    return head.gender == "f" and not lower.endswith(head.head) and (
        lower.endswith(head.head + "n") or lower.endswith(head.head + "en")
    )


def _org_word(word: str) -> bool:
    """A word the organisation lexicon reads as a group or company ("Blaskapelle")."""
    from ..lang.de.org_forms import org_forms

    h = org_forms().head_of(word)
    return h is not None and h.kind in ("group", "company", "party", "authority")


_LEGAL_AFTER = regex.compile(r"[ \t]*(?:e\.[ \t]?V\.|g?GmbH|AG\b|eG\b|gGmbH)")


def _locative_before(words: Sequence[Word], lo: int) -> tuple[bool, str]:
    before = words[lo - 1].text.lower() if lo > 0 else ""
    before2 = words[lo - 2].text.lower() if lo > 1 else ""
    return before in LOCATIVE or (before in ARTICLES and before2 in LOCATIVE), before


@SpellingTest  # pure: the word and the packaged lexicon
def _may_head_venue(word: str) -> bool:
    """Whether a word can give `venue_candidates` a venue head: it has one, is "Haus", is a
    bare venue noun, or is the first part of a split compound ("St.-Georg- Kapelle")."""
    return (
        word.endswith("-") or word == "Haus" or head_of(word) is not None
        or word.lower() in venue_heads()
    )


@SpellingTest  # pure: the word and the packaged lexicon
def _is_locative(word: str) -> bool:
    return word.lower() in LOCATIVE


def _venue_starts(text: str, words: Sequence[Word]) -> list[int]:
    """The word indexes where `venue_candidates` can find something (a superset): a word
    that may give a venue head, or one of the two words after a locative ("im Ortsamt", "an
    der Bürgerinformation"), which `_part_or_addressed` looks at. Found from the distinct
    spellings of the text instead of a test of every word."""
    found = set(positions(text, _may_head_venue))
    for p in positions(text, _is_locative):
        found.add(p + 1)
        found.add(p + 2)
    return sorted(i for i in found if i < len(words))


def venue_candidates(text: str, words: Sequence[Word], places: frozenset[str]) -> list[VenueCandidate]:
    """Venue candidates (``words``: ``segment(text)``)."""
    out = []
    heads = venue_heads()
    for i in _venue_starts(text, words):
        w = words[i]
        if not w.is_cap or w.is_punct:
            continue
        # "St.-Georg- Kapelle": a compound split after its hyphen
        joined = w.text.endswith("-") and i + 1 < len(words) and words[i + 1].is_cap
        head_word = words[i + 1] if joined else w
        head = head_of(w.text + head_word.text if joined else head_word.text)
        if head is None and w.text == "Haus" and i + 2 < len(words) and words[i + 1].text in (
            "des", "der"
        ) and words[i + 2].is_cap:
            head = VenueHead("haus", "n", False)  # "Haus des Gastes", "Haus der Jugend"
        bare = heads.get(head_word.text.lower())
        if head is None and bare is not None and bare.compound_only and not joined and (
            bare.head not in TOWN_LIKE_HEADS  # "Bad Ems" is a town
        ):
            head = bare  # "Saal der Kreisverwaltung": a bare "Saal" only with a name (below)
        if head is None:
            cand = _part_or_addressed(text, words, i, places)
            if cand is not None:
                out.append(cand)
            continue
        if _is_street(text, head_word) or _is_plural(head_word.text, head):
            continue
        if head_word.text in places and head.head in TOWN_LIKE_HEADS and not joined:
            continue  # "in Rosenheim", "in Wiesbaden": a town, not a home or a bath
        hi_index = head_word.index
        lo = i
        prev = words[lo - 1] if lo > 0 else None
        if prev is not None and prev.is_cap and not prev.is_punct and (
            prev.text.endswith(("er", "en", "es", "e")) and head_of(prev.text) is None
            and prev.text not in ("Der", "Die", "Das", "Den", "Dem", "Des")
        ) and lo > 1 and (words[lo - 2].text.lower() in ARTICLES | LOCATIVE):
            lo -= 1  # "im Alten Rathaus", "im Greifswalder Rathaus"
        elif prev is not None and prev.text == "und" and lo > 1 and words[lo - 2].text.endswith("-"):
            lo -= 2  # "Technologie- und Innovationspark"
        locative, before = _locative_before(words, lo)
        hi, named_ext = _extend(text, words, hi_index, places)
        adjective = lo < i and words[lo].text[:1].isupper() and words[lo].text.endswith(("en", "em"))
        named = named_ext or _named_word(head_word.text) or joined or (adjective and locative)
        line_start = lo == 0 or "\n" in text[words[lo - 1].end : words[lo].start]
        block = _address_follows(text, words[hi - 1].end, strict=not line_start)
        if not (locative or named or block):
            continue
        if head_word.text.lower() == head.head and head.compound_only and not named:
            continue
        if _LEGAL_AFTER.match(text, words[hi - 1].end):
            continue  # "Musikschule Kirchheim e. V.": an organisation
        hyphen_named = joined or _named_word(head_word.text)
        if not (locative or block) and (
            head.head in institutions() or (_org_word(head_word.text) and not hyphen_named)
        ):
            continue  # "die Stadtbibliothek Ulm startet", "sorgte die Blaskapelle X"
        if not locative and text[max(0, words[lo].start - 1) : words[lo].start] in "„\"»" and (
            words[lo].start > 0
        ):
            continue  # "das Ensemble „Bühne Nord“": a quoted title names a group or a show
        rule = "venues_loc_1" if locative else "venues_named_1" if named else "venues_block_1"
        start, end = words[lo].start, words[hi - 1].end
        name = _base(words, lo, hi, head, before in ARTICLES | LOCATIVE)
        if joined:
            name = text[start:end]
        out.append(VenueCandidate(start, end, name, rule, head.head))
    return out


def _part_or_addressed(
    text: str, words: Sequence[Word], i: int, places: frozenset[str]
) -> VenueCandidate | None:
    """A noun without a venue head after a locative: a part of a venue ("an der
    Bürgerinformation des Rathauses"), or anything given a street address ("im Ortsamt Ehrang,
    Niederstraße 42", "in die Rathausdiele, Markt 1, 07743 Jena")."""
    w = words[i]
    locative, _ = _locative_before(words, i)
    if not locative or not w.is_cap:
        return None
    if i + 2 < len(words) and words[i + 1].text in ("des", "der") and (
        words[i - 1].text.lower() in PART_LOCATIVE or words[i - 2].text.lower() in PART_LOCATIVE
    ):
        h = head_of(words[i + 2].text)
        if h is not None and (not h.compound_only or len(words[i + 2].text) > 8):
            start, end = w.start, words[i + 2].end
            return VenueCandidate(start, end, text[start:end], "venues_loc_1", w.text.lower())
    hi = i + 1
    street_end = _street_after(text, words, hi)
    if street_end is not None:  # "auf dem Baufeld an der Heimstettener Straße"
        start, end = w.start, words[street_end - 1].end
        return VenueCandidate(start, end, text[start:end], "venues_loc_1", w.text.lower())
    if w.text in places:
        return None
    if hi < len(words) and _same_line(text, words, i, hi) and looks_like_place(words, hi, places):
        hi += 1
    if not _COMMA_AFTER.match(text, words[hi - 1].end):
        return None  # (checked first: it is cheaper than parsing the address)
    address, _ = parse_address(text, words[hi - 1].end)
    if address is None or not address.street or not _DIGIT.search(address.street):
        return None
    start, end = w.start, words[hi - 1].end
    return VenueCandidate(start, end, text[start:end], "venues_address_1", w.text.lower())


_COMMA_AFTER = regex.compile(r"[ \t]*,")
_DIGIT = regex.compile(r"\d")
#: What may lie between a name and its address: a comma, an opening bracket, line breaks.
_ADDRESS_LEAD = regex.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*|\s*\n\s*)")
_NEXT_PART = regex.compile(r"[ \t]*(?:,[ \t]*|\s*\n\s*)")


def _address_follows(text: str, pos: int, strict: bool = False) -> bool:
    """A street, room or PLZ line right after (", EG Zr. 20", the next lines). ``strict``
    (inside running text): only a street with a house number or a room counts."""
    tail = text[pos : pos + 120]
    m = _ADDRESS_LEAD.match(tail)
    if not m:
        return False
    rest = tail[m.end():]
    if _ROOM.match(rest):
        return True
    street = _street_regex().match(rest)
    if strict:
        return bool(street and street.group("no") and "\n" not in street.group(0))
    return bool(street or _PLZ.match(rest))


_ACRONYM = regex.compile(r"^\p{Lu}{2,6}$")


def acronym_candidates(text: str, words: Sequence[Word]) -> list[VenueCandidate]:
    """venues_acronym_1: "im BGZ in Neugraben"."""
    out = []
    for i, w in enumerate(words[1:], start=1):
        if words[i - 1].text not in ("im", "ins") or not _ACRONYM.match(w.text):
            continue
        if w.text in PARTIES:
            continue
        address = None
        if i + 2 < len(words) and words[i + 1].text == "in" and words[i + 2].is_cap:
            address = Address(district=words[i + 2].text)
        out.append(VenueCandidate(w.start, w.end, w.text, "venues_acronym_1", w.text.lower(), address))
    return out


_NUMBERED_ROOM = regex.compile(
    r"\b(?:in|im)[ \t]+((?:Raum|Saal|Zimmer|\p{Lu}\p{Ll}+(?:raum|saal|zimmer))[ \t]+\d+(?:\.\d+)*[a-zA-Z]?)"
    r"(?:[ \t]+(?:des|der)[ \t]+(\p{Lu}[\p{L}-]+))?"
)


def room_candidates(text: str) -> list[VenueCandidate]:
    """venues_room_1: a numbered room on its own after a preposition ("in Raum 201")."""
    out: list[VenueCandidate] = []
    if "aum" not in text and "aal" not in text and "immer" not in text:
        return out  # no room noun at all (the search below is slow)
    for m in _NUMBERED_ROOM.finditer(text):
        end = m.end(1)
        if m.group(2) and head_of(m.group(2)) is not None:
            end = m.end(2)  # "im Sitzungsraum 12 des Rathauses": the room of that building
        out.append(VenueCandidate(m.start(1), end, text[m.start(1) : end], "venues_room_1", "raum"))
    return out


#: Labels that introduce a place in programme lists ("Treffpunkt: Marktbrunnen, Südseite").
_LABEL = regex.compile(
    r"(?m)(?:^|[,;(][ \t]*|\b)(?:Treffpunkt|Veranstaltungsort|Ort|Wo)[ \t]*:[ \t]*"
    r"(?P<name>\p{Lu}[\p{L}\d.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\d.-]*|am|an|der|des|im|vor|dem|zum|zur))*)"
)


def label_candidates(text: str) -> list[VenueCandidate]:
    """venues_label_1: the place after "Treffpunkt:" or "Ort:" up to a comma or line end
    ("Treffpunkt: Stadtbrücke, Nordufer" -> "Stadtbrücke")."""
    out = []
    for m in _LABEL.finditer(text):
        name = m.group("name")
        parts = name.split()
        while parts and (parts[-1].islower() or parts[-1].endswith(".")):
            parts.pop()  # no trailing "am", no sentence end
        if not parts or _DIGIT.match(parts[0]) or parts[0] in _NOT_NAME_WORDS:
            continue
        name = " ".join(parts)
        start = m.start("name")
        out.append(VenueCandidate(start, start + len(name), name, "venues_label_1", parts[-1].lower()))
    return out


# compiled once: `regex.finditer(pattern, …)` looks the pattern up in regex's cache per call
_DISTRICT = regex.compile(
    r"(?:den|des|dem)[ \t]+(?:Stadtteil|Ortsteil|Stadtbezirk)(?:e?s)?[ \t]+(\p{Lu}[\p{L}-]+)"
)
_VISIT = regex.compile(r"[Bb]esuch")


def district_candidates(text: str) -> list[VenueCandidate]:
    """venues_district_1: a district that is visited ("besuchte … den Stadtteil Lindenhof")."""
    out = []
    for m in _DISTRICT.finditer(text):
        sentence = _sentence(text, m.start())
        if not _VISIT.search(sentence):
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
        if not any(v in _LETTERS.findall(sentence) for v in verbs):
            continue
        out.append(VenueCandidate(nxt.start, nxt.end, nxt.text, "venues_town_1", nxt.text.lower()))
        break
    return out


_LETTERS = regex.compile(r"\p{L}+")


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


_STREET_WORD = regex.compile(r"(?:straße|allee|weg|platz|gasse|ring)\b")


def parse_address(text: str, pos: int) -> tuple[Address | None, str | None]:
    """The address (and room) right after ``pos``: in brackets, after a comma, or on the
    following lines. Returns (address, room)."""
    tail = text[pos : pos + 160]
    m = _ADDRESS_LEAD.match(tail)
    if not m:
        return None, None
    rest = tail[m.end():]
    consumed = m.end()
    room = None
    rm = _ROOM.match(rest)
    if rm:
        room = rm.group(0)
        nxt = _NEXT_PART.match(rest, rm.end())
        if not nxt:
            return None, room
        consumed += nxt.end()
        rest = tail[consumed:]
    street = plz = city = None
    sm = _street_regex().match(rest)
    if sm and (sm.group("no") or tail[:m.end()].strip().startswith("(")):
        street = sm.group("street") + (f" {sm.group('no')}" if sm.group("no") else "")
        if tail[:m.end()].strip().startswith("(") and not sm.group("no"):
            close = rest.find(")")
            if 0 < close < 80:
                street = rest[:close].strip()
        after = _NEXT_PART.match(rest, sm.end())
        if after:
            rest = rest[after.end():]
    pm = _PLZ.match(rest)
    if pm:
        plz, city = pm.group("plz"), pm.group("city")
    if street is None and tail[:m.end()].strip().startswith("("):
        close = rest.find(")")
        inside = rest[:close] if 0 < close < 80 else ""
        if _STREET_WORD.search(inside.lower()):
            street = inside.strip()
    if street is None and plz is None:
        return None, room
    return Address(street=street, postal_code=plz, city=city), room


#: Rules whose candidates carry no venue head of their own (a street, a labelled place).
_HEADLESS = frozenset({"venues_street_1", "venues_label_1"})


#: What decides whether two mentions name one venue: head, headless rule, name stems.
VenueKey = tuple[str, bool, tuple[str, ...]]


def _venue_key(c: VenueCandidate) -> VenueKey:
    return c.head, c.rule in _HEADLESS, name_stems(c.name)


@lru_cache(maxsize=1 << 16)  # pure
def _same_venue(a: VenueKey, b: VenueKey) -> bool:
    """Same head (or a headless mention with the same stems), and one name's stems are a
    run of the other's ("Rathaus" ~ "Rathaus Altona")."""
    (head_a, headless_a, sa), (head_b, headless_b, sb) = a, b
    if head_a != head_b and not ((headless_a or headless_b) and sa == sb):
        return False
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    n = len(short)
    return n > 0 and any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def _longest_first(cands: Sequence[VenueCandidate]) -> list[VenueCandidate]:
    """Overlapping candidates: the longest wins (then the earliest)."""
    kept: list[VenueCandidate] = []
    spans = DisjointSpans()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if spans.overlaps(c.start, c.end):
            continue
        kept.append(c)
        spans.add(c.start, c.end)
    return kept


def _group(kept: Sequence[VenueCandidate]) -> list[VenueGroup]:
    """Mentions of one venue, in text order: a mention joins the first group with a member
    naming the same venue. Members with equal keys answer alike, so a group is compared by
    its distinct keys only (a text repeating one venue stays linear)."""
    groups: list[tuple[VenueGroup, set[VenueKey]]] = []
    for c in sorted(kept, key=lambda c: c.start):
        key = _venue_key(c)
        for g, keys in groups:
            if any(_same_venue(key, k) for k in keys):
                g.members.append(c)
                keys.add(key)
                break
        else:
            groups.append((VenueGroup([c]), {key}))
    return [g for g, _ in groups]


_IN = ("im", "in der", "in dem", "auf dem")


def nested_candidates(
    text: str, words: Sequence[Word], cands: Sequence[VenueCandidate]
) -> list[VenueCandidate]:
    """"BVV-Saal im Rathaus Pankow", "im Briefwahlbüro im Rathaus II": a room or office
    inside a building is one venue, named with the building."""
    by_start = {c.start: c for c in cands}
    starts = [w.start for w in words]  # words are in text order: bisect, not a scan per candidate
    word_at = {w.start: w for w in words}
    out = []
    for c in cands:
        pos = bisect_left(starts, c.end)
        k = words[pos].index if pos < len(words) else None
        if k is None:
            continue
        for prep in _IN:
            parts = prep.split()
            j = k + len(parts)
            if j >= len(words) or [w.text for w in words[k:j]] != parts:
                continue
            inner = by_start.get(words[j].start)
            if inner is None or "\n" in text[c.start : inner.end] or inner.rule == "venues_room_1":
                break
            out.append(VenueCandidate(c.start, inner.end, f"{c.name} {prep} {inner.name}",
                                      c.rule, c.head))
            break
    # an office noun without a venue head, after a locative: "im Briefwahlbüro im Rathaus II"
    for c in cands:
        first = word_at.get(c.start)
        if first is None or first.index < 3:
            continue
        for prep in _IN:
            parts = prep.split()
            k = first.index - len(parts)
            if [w.text for w in words[k : first.index]] != parts:
                continue
            noun = words[k - 1]
            locative, _ = _locative_before(words, noun.index)
            if locative and noun.is_cap and not noun.is_punct and _same_line(text, words, noun.index, k):
                out.append(VenueCandidate(noun.start, c.end, f"{noun.text} {prep} {c.name}",
                                          "venues_loc_1", noun.text.lower()))
            break
    return out


#: Street endings that name a street on their own ("markt", "hof", "berg" also end other nouns).
_STRONG_STREETS = ("straße", "strasse", "weg", "allee", "gasse", "damm", "chaussee", "wall",
                   "brücke", "ring", "platz", "steig", "pfad", "promenade", "kai")


def street_candidates(
    text: str, words: Sequence[Word], cands: Sequence[VenueCandidate]
) -> list[VenueCandidate]:
    """Streets where works or closures happen: a street named in a sentence (or the one
    before or after it) that speaks of closing ("gesperrt", "Vollsperrung", "Umleitung"),
    the ends of the closed stretch included ("zwischen Kirchweg und Lindenallee": both are
    where the works are). Not house addresses."""
    out: list[VenueCandidate] = []
    # a closing word never spans a sentence gap (blanks, line breaks): the sentences holding
    # one, and their neighbours, are those whose three-sentence window speaks of closing
    hits = [m.start() for m in CLOSURE.finditer(text)]
    if not hits:
        return out
    sentences = _sentences(text)
    closing = [bisect_left(hits, s) < len(hits) and hits[bisect_left(hits, s)] < e for s, e in sentences]
    taken = SpanUnion((c.start, c.end) for c in cands)
    for n, (s_start, s_end) in enumerate(sentences):
        if not any(closing[max(0, n - 1) : n + 2]):
            continue
        # bisect by key: a list of every word's start costs more than the few probes
        for k in range(bisect_left(words, s_start, key=_word_start), len(words)):
            w = words[k]
            if w.start >= s_end:
                break
            if w.end > s_end or not w.is_cap:
                continue
            m = _street_regex().match(text, w.start)
            if m is None or m.group("no") or "\n" in m.group("street"):
                continue
            name = m.group("street")
            if not name.lower().endswith(_STRONG_STREETS) or name.split()[0] in ("Am", "An", "Im", "Zum", "Zur", "Auf"):
                continue
            if _NUMBER_AFTER.match(text, w.start + len(name)):
                continue
            if taken.covers(w.start):
                continue
            out.append(VenueCandidate(w.start, w.start + len(name), name, "venues_street_1",
                                      name.lower()))
    return out


_NUMBER_AFTER = regex.compile(r"[ \t]*\d")
_word_start = attrgetter("start")
_SENTENCE_GAP = regex.compile(r"(?<=[.!?])[ \t]+(?=\p{Lu}|„)|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence-like stretches: split at ". ", "! ", "? " and line ends."""
    out = []
    start = 0
    for m in _SENTENCE_GAP.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


_LISTED_PLACE = regex.compile(
    r"[ \t]*(?:,|und|sowie|oder)[ \t]+(?P<prep>am|im|an der|auf dem|in der|vor dem|beim)"
    r"[ \t]+(?P<name>\p{Lu}[\p{L}-]+)(?![\p{L}])"
)


def coordinated_candidates(
    text: str, words: Sequence[Word], cands: Sequence[VenueCandidate], places: frozenset[str]
) -> list[VenueCandidate]:
    """Places listed with a venue, each with its own locative: "auf dem Marktplatz, am
    Pfaffenteich und in der Puschkinstraße"."""
    out: list[VenueCandidate] = []
    queue = [c for c in cands if c.rule == "venues_loc_1"]
    seen = {c.start for c in cands}
    while queue:
        c = queue.pop()
        m = _LISTED_PLACE.match(text, c.end)
        if m is None or m.start("name") in seen or m.group("name") in places:
            continue
        name = m.group("name")
        if head_of(name) is None and not _street_regex().fullmatch(name) and len(name) < 6:
            continue
        seen.add(m.start("name"))
        new = VenueCandidate(m.start("name"), m.end("name"), name, "venues_loc_1", name.lower())
        out.append(new)
        queue.append(new)
    return out


_GENITIVE_END = regex.compile(r"\b(?:des|der)[ \t]+(\p{Lu}[\p{L}-]+)$")


def repeated_candidates(
    text: str, words: Sequence[Word], cands: Sequence[VenueCandidate]
) -> list[VenueCandidate]:
    """A building first named in a genitive ("im Foyer der Zentralbibliothek") is a venue of
    its own where the text later speaks of it directly ("Die Zentralbibliothek ist … geöffnet",
    "in der Zentralbibliothek")."""
    out = []
    inner_names = set()
    for c in cands:
        m = _GENITIVE_END.search(c.name)
        if m and head_of(m.group(1)) is not None and m.group(1).lower().endswith(
            head_of(m.group(1)).head
        ):
            inner_names.add(m.group(1))
    if not inner_names:
        return out
    taken = SpanUnion((c.start, c.end) for c in cands)
    for w in words:
        if w.text not in inner_names or taken.covers(w.start):
            continue
        if w.index == 0:
            continue
        prev = words[w.index - 1]
        sentence_subject = prev.text in ("Die", "Der", "Das") and (
            prev.index == 0 or words[prev.index - 1].text in ".!?" or "\n" in text[words[prev.index - 1].end : prev.start]
        )
        locative, _ = _locative_before(words, w.index)
        if sentence_subject or locative:
            out.append(VenueCandidate(w.start, w.end, w.text, "venues_repeat_1", w.text.lower()))
    return out


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
    cands += label_candidates(text)  # model LOCs include squares ("Domplatz"): no filter by them
    block = SpanUnion(blocked)
    cands = [c for c in cands if not block.overlaps(c.start, c.end)]
    cands += street_candidates(text, words, cands)
    cands += coordinated_candidates(text, words, cands, places)
    cands += repeated_candidates(text, words, cands)
    cands = [c for c in cands if not block.overlaps(c.start, c.end)]
    cands += nested_candidates(text, words, cands)
    if not cands:
        cands = town_candidates(text, words)
    kept = _longest_first(cands)
    for c in kept:
        address, room = parse_address(text, c.end)
        if address is not None:
            c.address = c.address or address
        if room and c.rule != "venues_room_1":
            c.name = f"{c.name}, {room}"
    venues = []
    for g in _group(kept):
        address = next((m.address for m in g.members if m.address), None)
        mentions = [Mention(text=text[m.start : m.end], start=m.start, end=m.end)
                    for m in sorted(g.members, key=lambda m: m.start)]
        venues.append(Venue(name=g.best.name, address=address, mentions=mentions))
    return venues
