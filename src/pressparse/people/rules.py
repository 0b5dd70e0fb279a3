"""Finding people, their titles and roles, and linking their mentions (plain functions).

Candidates come from several rules (rule ids in ``Candidate.rule``):

* ``people_given_1``   known first name + surname ("Holger Brandstätt", "Anna Luise von Strelow")
* ``people_role_1``    office noun + name ("Projektassistentin Lena Okafor", "OB Reker")
* ``people_address_1`` form of address + name ("Frau Althoff", "Herrn Dr. Kallweit")
* ``people_title_1``   academic title + name ("Dr. Kallweit")
* ``people_list_1``    "Surname, Given (Liste)" lines of election results
* ``people_coord_1``   "die Brüder Stefan und Kai M. Lorenzen" -> Stefan Lorenzen
* ``people_signature_1`` a name alone on the line after "Im Auftrag"
* ``people_model_1``   PER entities of the statistical model (cleaned, validated)

Then every candidate gets its title and the role next to it (before: "der Senatorin Dr.
Wiebke Althoff", "Die Bürgermeisterin für Soziales, Dr. Petra Quandt"; after: "Konrad v.
Sellheim, Vorsitzender der Stadtverordnetenversammlung,"), and mentions are grouped into one
Person each: a later "Brandstätt", "Frau Althoff" or "Dr. Kallweit" is the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..intervals import DisjointSpans, SpanUnion
from ..lang.de.roles import RoleLexicon, RoleMatch, role_lexicon
from ..schema import Mention, Person
from .intervals import FirstSpans, LineIndex
from .names import fictional, first_name_gender, fold, honorifics, is_first_name, not_names, titles
from .words import SpellingTest, Word, positions, positions_of, segment, starts_upper

PARTICLES = frozenset("von van de del di da zu vom v. ten ter le la du dos".split())
#: Articles that belong to a name only right after "von"/"van" ("von der Leyen").
PARTICLE_ARTICLES = frozenset("der den dem".split())
#: Last parts of hyphenated words that make them streets, buildings or organisations
#: ("Friedrich-Engels-Straße", "Willy-Brandt-Schule"), never person names.
NON_PERSON_HEADS = (
    "straße", "strasse", "str.", "platz", "allee", "weg", "ring", "gasse", "damm", "ufer",
    "brücke", "schule", "gymnasium", "haus", "halle", "stiftung", "preis", "kirche", "park",
    "center", "zentrum", "bad", "stadion", "saal", "bibliothek", "museum", "institut", "verein",
    "gesellschaft", "werk", "markt", "chaussee", "stieg", "twiete", "kamp", "garten",
)
COMPLEMENT_WORDS = frozenset(
    "der des dem den die für von vom zu zur zum im am in und & a. d. an".split()
)
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
SIGNATURE_LEADS = regex.compile(
    r"(?:Im Auftrag|i\.\s?A\.|Mit freundlichen Grüßen|Gez\.|gez\.)\s*,?\s*$", regex.M
)
_NAMEPART = r"\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?"
_NAME_WORD = regex.compile(rf"^{_NAMEPART}(?:-{_NAMEPART})*$")
_INITIAL = regex.compile(r"^\p{Lu}\.$")
#: A string that every match of SIGNATURE_LEADS contains.
_SIGNATURE_LEAD_PARTS = ("Im Auftrag", "A.", "Mit freundlichen Grüßen", "ez.")
_SIGNATURE_LINE = regex.compile(r"\s*\n\s*([^\n]+)")
_LIST_LINE = regex.compile(
    rf"^[ \t]*(?P<sur>{_NAMEPART}(?:-{_NAMEPART})*),[ \t]+(?P<given>{_NAMEPART}(?:-{_NAMEPART})*"
    rf"(?:[ \t]+{_NAMEPART})?)[ \t]*(?:\((?P<org>[^()\n]+)\))?[ \t]*[.;,]?[ \t]*$",
    regex.M,
)
BY_ROLES = {"Leitung": "Leitung", "Moderation": "Moderation", "Regie": "Regie"}


@dataclass
class Candidate:
    """One stretch of text naming a person (without title and role words)."""

    start: int
    end: int
    given: tuple[str, ...]
    surname: str
    rule: str
    title: str | None = None
    text: str = ""
    display: str = ""  # the name to report when it differs from the text ("Tamara Oduya")
    organization: str | None = None
    org_span: tuple[int, int] | None = None
    weak: bool = False  # keep only if it links to a person found by another rule

    @property
    def name(self) -> str:
        return self.display or self.text

    @property
    def full(self) -> bool:
        return bool(self.given)


@dataclass
class RoleFound:
    role: str
    start: int
    organization: str | None = None
    org_span: tuple[int, int] | None = None


def _rank(c: Candidate) -> tuple[int, int]:
    """The mention that names a person best: most words, then the earliest."""
    return len(c.name.split()), -c.start


@dataclass
class PersonGroup:
    """The mentions of one person. Add them with `add`: it keeps `best` and `first_start`
    up to date (recomputing them over all mentions per question was quadratic)."""

    candidates: list[Candidate] = field(default_factory=list)
    _best: Candidate | None = field(default=None, init=False, repr=False)
    _best_rank: tuple[int, int] = field(default=(0, 0), init=False, repr=False)
    _first_start: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        given, self.candidates = self.candidates, []
        for c in given:
            self.add(c)

    def add(self, c: Candidate) -> None:
        rank = _rank(c)
        if self._best is None or rank > self._best_rank:  # ties: the first added stays best
            self._best, self._best_rank = c, rank
        self._first_start = c.start if not self.candidates else min(self._first_start, c.start)
        self.candidates.append(c)

    @property
    def best(self) -> Candidate:
        assert self._best is not None, "a group has at least one mention"
        return self._best

    @property
    def surname(self) -> str:
        return self.best.surname

    @property
    def first_start(self) -> int:
        return self._first_start


# -- word predicates ------------------------------------------------------------------------
def is_name_word(word: str) -> bool:
    """A capitalised name-like word that is not a title, role, month or street."""
    return _name_shaped(word) and role_lexicon().match(word) is None


@lru_cache(maxsize=65536)  # pure (packaged word lists only); asked for most words of a text
def _name_shaped(word: str) -> bool:
    """`is_name_word` without the role lexicon (which user role files may change)."""
    if not _NAME_WORD.match(word) or word in not_names():
        return False
    if word in titles() or word in honorifics():
        return False
    last = word.rsplit("-", 1)[-1].lower()
    if "-" in word and last.endswith(NON_PERSON_HEADS):
        return False
    return not word.lower().endswith(("straße", "strasse", "platz", "allee"))


def _skip_titles_back(words: Sequence[Word], j: int) -> tuple[int, list[str]]:
    found: list[str] = []
    while j >= 0 and words[j].text in titles():
        found.insert(0, words[j].text)
        j -= 1
    return j, found


def _read_name(
    text: str, words: Sequence[Word], i: int, *, need_given: bool, max_words: int = 5
) -> tuple[int, list[Word]] | None:
    """Read a name starting at word ``i`` on one line: given names/initials, particles, surname.

    Returns (index after the name, name words) or None. With ``need_given`` the first word
    must be a known first name.
    """
    if need_given and not is_first_name(words[i].text):
        return None  # the first word read (if any) is words[i]: no name without it
    parts: list[Word] = []
    k = i
    while k < len(words) and len(parts) < max_words:
        w = words[k]
        if parts and "\n" in text[parts[-1].end : w.start]:
            break
        if parts and text[parts[-1].end : w.start] == "":
            break
        if is_name_word(w.text) or (parts and _INITIAL.match(w.text)) or (
            not parts and _INITIAL.match(w.text) and not need_given
        ) or parts and k + 1 < len(words) and (
            w.text in PARTICLES
            or (w.text in PARTICLE_ARTICLES and parts[-1].text in ("von", "van"))
        ) and (is_name_word(words[k + 1].text) or words[k + 1].text in PARTICLE_ARTICLES):
            parts.append(w)
        else:
            break
        k += 1
    while parts and (
        parts[-1].text in PARTICLES or parts[-1].text in PARTICLE_ARTICLES
        or _INITIAL.match(parts[-1].text)
    ):
        parts.pop()
    # "Jonas Wehling Grußworte ab": two words at the end that are no first names are
    # surname + the next noun; a name has one surname (hyphenated or with particles)
    while (
        len(parts) >= 3
        and not is_first_name(parts[-1].text)
        and not is_first_name(parts[-2].text)
        and parts[-2].text not in PARTICLES
        and not _INITIAL.match(parts[-2].text)
    ):
        parts.pop()
    while parts and (
        parts[-1].text in PARTICLES or parts[-1].text in PARTICLE_ARTICLES
        or _INITIAL.match(parts[-1].text)
    ):
        parts.pop()
    if not parts:
        return None
    if need_given and not is_first_name(parts[0].text):
        return None
    return i + len(parts), parts


def _candidate(text: str, parts: Sequence[Word], rule: str, title: str | None) -> Candidate:
    """Split name words into given names and surname."""
    texts = [p.text for p in parts]
    if len(texts) == 1:
        given: tuple[str, ...] = ()
        surname = texts[0]
    else:
        # surname: the last word with any particles right before it ("von Strelow")
        cut = len(texts) - 1
        while cut > 1 and texts[cut - 1] in PARTICLES:
            cut -= 1
        given = tuple(texts[:cut])
        surname = " ".join(texts[cut:])
    start, end = parts[0].start, parts[-1].end
    return Candidate(start, end, given, surname, rule, title, text[start:end])


# -- candidate rules ------------------------------------------------------------------------
@SpellingTest  # pure (packaged name lists); asked for each distinct word
def _given_start(word: str) -> bool:
    """A word where `given_name_candidates` may read a name: a capitalised first name."""
    return is_first_name(word) and starts_upper(word)


def given_name_candidates(text: str, words: Sequence[Word]) -> list[Candidate]:
    """people_given_1: a known first name followed by more name words."""
    out = []
    free = 0  # the first word not inside a name read already
    starts = positions(text, _given_start)
    for i in starts:  # only there can `_read_name` find a name
        if i < free:
            continue
        read = _read_name(text, words, i, need_given=True)
        if read and len(read[1]) >= 2 and not _month_date(text, words, read[1]) and not (
            _place_noun(read[1][0].text)
        ):
            j, title = _skip_titles_back(words, i - 1)
            out.append(_candidate(text, read[1], "people_given_1", " ".join(title) or None))
            free = read[0]
    return out


_GENITIVE_DETERMINERS = frozenset(
    "des eines seines ihres unseres meines dieses jenes jedes keines".split()
)


def author_candidates(text: str, words: Sequence[Word]) -> list[Candidate]:
    """people_author_1: an author or composer in the genitive before a quoted title
    ("Brechts „Dreigroschenoper“", "spielt Mozarts „Zauberflöte“"); a noun in the genitive
    has an article ("des Vereins „…“")."""
    from ..lang.de.org_forms import org_forms
    from ..venues.rules import head_of as venue_head

    out = []
    for q in positions_of(text, "„", "»"):
        i = q - 1
        if i < 0:
            continue
        w = words[i]
        t = w.text
        if not (t.endswith("s") and len(t) >= 5 and w.is_cap):
            continue
        if i and words[i - 1].text.lower() in _GENITIVE_DETERMINERS:
            continue
        base = t[:-1]
        if not is_name_word(base) or venue_head(t) or org_forms().head_of(t) or _place_noun(base):
            continue
        out.append(Candidate(w.start, w.end - 1, (), base, "people_author_1", text=base))
    return out


@lru_cache(maxsize=65536)  # pure (packaged lexicon); asked for the word before each name
def _club_noun(word: str) -> bool:
    """A noun for an association or group ("Musikverein", "Chor") right before a name."""
    from ..lang.de.org_forms import org_forms

    h = org_forms().head_of(word)
    return h is not None and h.kind in ("body", "group")


@lru_cache(maxsize=65536)  # pure (packaged lexicon)
def _place_noun(word: str) -> bool:
    """"Kita Sonnenschein": a first name that is also a bare venue noun starts a place name."""
    from ..venues.rules import venue_heads

    return word.lower() in venue_heads()


def _month_date(text: str, words: Sequence[Word], parts: Sequence[Word]) -> bool:
    """'5. August Brenner' is a date before a name, not 'August Brenner' (months as names)."""
    first = parts[0].index
    return first > 0 and words[first - 1].text.rstrip(".").isdigit()


#: Per role lexicon (the packaged one, or with a user's role files): its `_lead_test`.
_LEAD_TESTS: dict[int, tuple[RoleLexicon, SpellingTest]] = {}


def _lead_test(lex: RoleLexicon) -> SpellingTest:
    """Whether a word can lead `context_candidates` to a name: a form of address, a title
    or a role of ``lex``. One test per lexicon, so that verdicts never cross lexicons."""
    found = _LEAD_TESTS.get(id(lex))
    if found is None or found[0] is not lex:
        address_forms, title_words_known = honorifics(), titles()
        test = SpellingTest(
            lambda t: t in address_forms or t in title_words_known or lex.match(t) is not None)
        if len(_LEAD_TESTS) >= 16:  # lexicons of many role-file sets: keep a few
            _LEAD_TESTS.clear()
        found = _LEAD_TESTS[id(lex)] = (lex, test)
    return found[1]


def context_candidates(text: str, words: Sequence[Word], known_surnames: set[str]) -> list[Candidate]:
    """people_role_1 / people_address_1 / people_title_1: a name after a role, "Frau", "Dr."."""
    lex = role_lexicon()
    address_forms, title_words_known = honorifics(), titles()
    known_folded = {fold(s) for s in known_surnames}
    word_texts: set[str] | None = None  # built on first use, for `_genitive_of_known_word`
    out = []
    leads = positions(text, _lead_test(lex))
    for i in leads:
        w = words[i]
        rule = None
        if w.text in address_forms:
            rule = "people_address_1"
        elif lex.match(w.text) is not None:
            rule = "people_role_1"
        elif w.text in title_words_known and (i == 0 or words[i - 1].text not in title_words_known):
            rule = "people_title_1"
        if rule is None:
            continue
        k = i + 1
        title_words = [w.text] if rule == "people_title_1" else []
        while k < len(words) and words[k].text in titles():
            title_words.append(words[k].text)
            k += 1
        if k < len(words) and words[k].text == ":" and rule == "people_role_1":
            k += 1
        if k >= len(words) or "\n" in text[words[k - 1].end : words[k].start]:
            continue
        read = _read_name(text, words, k, need_given=False, max_words=4)
        if read is None:
            continue
        parts = read[1]
        # "Dr. Kallweit Amtszeit": a known surname stands alone; an unknown first word followed
        # by a capitalised noun is taken as given name + surname only in role/address context
        if parts[0].text in known_surnames or (
            fold(parts[0].text) in known_folded
        ) or not is_first_name(parts[0].text) and rule == "people_title_1" and len(parts) > 1:
            parts = parts[:1]
        elif len(parts) > 3 and not is_first_name(parts[0].text):
            parts = parts[:2]
        if len(parts) == 1:
            if word_texts is None:
                word_texts = {x.text for x in words}
            if _genitive_of_known_word(parts[0], word_texts):
                continue
        if _is_fictional([w.text] + [p.text for p in parts]):
            continue
        cand = _candidate(text, parts, rule, " ".join(title_words) or None)
        out.append(cand)
    return out


def _is_fictional(tokens: Sequence[str]) -> bool:
    """"Frau Holle (Geschichten)": a fictional figure at the start of a candidate (its
    first or second word)."""
    figures = fictional()
    for i in range(min(2, len(tokens))):
        if tokens[i].casefold() not in _fictional_first_words():
            continue  # no figure's name starts with this word
        for j in range(i + 1, len(tokens) + 1):
            if " ".join(tokens[i:j]).casefold() in figures:
                return True
    return False


@lru_cache(maxsize=1)
def _fictional_first_words() -> frozenset[str]:
    return frozenset(e.split(" ")[0] for e in fictional())


def _genitive_of_known_word(word: Word, word_texts: set[str]) -> bool:
    """"den Stadtpräsidenten Wismars": a genitive whose base occurs in the text is a place.
    ``word_texts``: the texts of all words of the text."""
    if not word.text.endswith("s") or len(word.text) < 4:
        return False
    return word.text[:-1] in word_texts


def list_candidates(text: str) -> list[Candidate]:
    """people_list_1: "Oduya, Tamara (SPD – Vielfalt für alle)" lines.

    A line counts when its given name is a known first name, or when at least two lines of
    the text have this shape (a list of election results).
    """
    matches = list(_LIST_LINE.finditer(text))
    out = []
    for m in matches:
        given = m.group("given")
        if not (is_first_name(given.split()[0]) or len(matches) >= 2):
            continue
        if not is_name_word(m.group("sur")) or any(not is_name_word(g) for g in given.split()):
            continue
        start, end = m.start("sur"), m.end("given")
        cand = Candidate(
            start, end, tuple(given.split()), m.group("sur"), "people_list_1",
            text=text[start:end], display=f"{given} {m.group('sur')}",
            organization=m.group("org").strip() if m.group("org") else None,
            org_span=(m.start("org"), m.end("org")) if m.group("org") else None,
        )
        out.append(cand)
    return out


def coordination_candidates(
    text: str, words: Sequence[Word], full: Sequence[Candidate]
) -> list[Candidate]:
    """people_coord_1: "Stefan und Kai M. Lorenzen": a lone first name shares the next surname."""
    by_start: dict[int, Candidate] | None = None  # built for the first "Stefan und"
    covered = SpanUnion(())
    out = []
    for c in positions_of(text, "und", "&"):
        i = c - 1
        if i < 0 or i >= len(words) - 2:
            continue
        w = words[i]
        if not is_first_name(w.text) or not is_name_word(w.text):
            continue
        if by_start is None:
            by_start = {c.start: c for c in full if c.given}
            covered = SpanUnion((c.start, c.end) for c in full)
        if covered.covers(w.start):
            continue  # "Petra Kühl und Hans Schmidt": already part of a name
        nxt = by_start.get(words[i + 2].start)
        if nxt is None:
            continue
        out.append(
            Candidate(w.start, w.end, (w.text,), nxt.surname, "people_coord_1",
                      text=w.text, display=f"{w.text} {nxt.surname}")
        )
    return out


def signature_candidates(text: str, words: Sequence[Word]) -> list[Candidate]:
    """people_signature_1: "Im Auftrag,\\n\\nBrühl" — the signing clerk."""
    out: list[Candidate] = []
    if not any(lead in text for lead in _SIGNATURE_LEAD_PARTS):
        return out  # a substring test is ten times cheaper than the regex search
    for m in SIGNATURE_LEADS.finditer(text):
        line_match = _SIGNATURE_LINE.match(text, m.end())  # not text[m.end():]: no copy
        if not line_match:
            continue
        line = line_match.group(1).strip()
        line_start = line_match.start(1)
        names = line.split()
        if 1 <= len(names) <= 3 and all(is_name_word(n) or _INITIAL.match(n) for n in names):
            first = bisect_left(words, line_start, key=lambda w: w.start)
            parts = list(words[first : first + len(names)])
            out.append(_candidate(text, parts, "people_signature_1", None))
    return out


def model_candidates(
    text: str, words: Sequence[Word], spans: Iterable[tuple[int, int]]
) -> list[Candidate]:
    """people_model_1: the model's PER spans, trimmed of titles/roles, checked word by word."""
    lex = role_lexicon()
    # words are in text order and do not overlap: starts and ends both ascend, so the
    # words inside a span are one slice found by bisection (not a scan per span)
    starts = [w.start for w in words]
    ends = [w.end for w in words]
    out = []
    for start, end in spans:
        inside = list(words[bisect_left(starts, start) : bisect_right(ends, end)])
        if not inside:
            # the model's tokens may cut inside our words: take the words it overlaps
            inside = list(words[bisect_right(ends, start) : bisect_left(starts, end)])
        title_words = []
        while inside and (
            inside[0].text in titles()
            or inside[0].text in honorifics()
            or lex.match(inside[0].text)
            or lex.modifier(inside[0].text)
            or inside[0].text.lower() in ARTICLES
        ):
            if inside[0].text in titles():
                title_words.append(inside[0].text)
            inside = inside[1:]
        while inside and (inside[-1].is_punct or inside[-1].text in PARTICLES):
            inside = inside[:-1]
        if not inside:
            continue
        if not all(
            is_name_word(w.text) or _INITIAL.match(w.text) or w.text in PARTICLES for w in inside
        ):
            continue
        if len(inside) > 5:
            continue
        if not _plausible_model_name(inside):
            continue
        cand = _candidate(text, inside, "people_model_1", " ".join(title_words) or None)
        cand.weak = len(inside) == 1
        out.append(cand)
    return out


def _plausible_model_name(inside: Sequence[Word]) -> bool:
    """Reject model PER spans that read as things: "Schweriner Weihnachtsmarkt",
    "Stadtteilpark Zähringen", "Kostenlose Führungen" (no first name, adjective or venue/org
    noun inside)."""
    if any(_thing_noun(w.text) for w in inside):
        return False  # "Kita Sonnenschein": a bare venue noun names a place
    if len(inside) == 1 or is_first_name(inside[0].text) or _INITIAL.match(inside[0].text):
        return True
    return not inside[0].text.endswith(("er", "e", "en", "es"))


@lru_cache(maxsize=65536)  # pure (packaged lexicons)
def _thing_noun(word: str) -> bool:
    """A venue or organisation noun ("Weihnachtsmarkt", "Kita", "Verein")."""
    from ..lang.de.org_forms import org_forms
    from ..venues.rules import head_of as venue_head
    from ..venues.rules import venue_heads

    return bool(venue_head(word) or org_forms().head_of(word) or word.lower() in venue_heads())


# -- roles ----------------------------------------------------------------------------------
def _role_phrase(
    words: Sequence[Word], r: int, end: int, match: RoleMatch, gender: str | None
) -> tuple[str, int]:
    """The role text: optional office adjective + base form + complement words[r+1:end]."""
    lex = role_lexicon()
    # gender from the article when the name gives none: "die Vorsitzende" -> f
    article = None
    k = r - 1
    mod = lex.modifier(words[k].text) if k >= 0 else None
    if mod is not None:
        k -= 1
    if k >= 0 and words[k].text.lower() in ARTICLES:
        article = words[k].text.lower()
    if gender is None:
        gender = match.gender or ("f" if article in ("die", "eine") else None)
    base = match.base(gender)
    start = words[r].start
    if mod is not None:
        base = f"{mod}{'e' if gender == 'f' else 'er'} {base}"
        start = words[r - 1].start
    complement = [w.text for w in words[r + 1 : end]]
    if complement and complement[0].lower() in COMPLEMENT_WORDS:
        base = base + " " + _join(words[r + 1 : end])
    return base, start


def _join(parts: Sequence[Word]) -> str:
    out = ""
    for i, w in enumerate(parts):
        if i and not (w.is_punct and w.text in ",.;:") and not out.endswith(("&", "-")) or i and out.endswith("-") and w.text[:1].islower():
            out += " "
        out += w.text
    return out


def _complement_end(words: Sequence[Word], k: int, limit: int) -> int:
    """End index of a complement ("der Kunst&Musikschule Riesa") starting at word k."""
    j = k
    while j < limit:
        t = words[j].text
        if t.lower() in COMPLEMENT_WORDS or words[j].is_cap or t.isdigit() or t.endswith("-"):
            j += 1
            continue
        break
    return j


def _word_starting(words: Sequence[Word], start: int) -> Word | None:
    """The word that starts at ``start`` (words are in text order: bisect, not a scan)."""
    k = bisect_left(words, start, key=lambda w: w.start)
    return words[k] if k < len(words) and words[k].start == start else None


def _word_ending(words: Sequence[Word], end: int) -> Word | None:
    """The word that ends at ``end``."""
    k = bisect_left(words, end, key=lambda w: w.end)
    return words[k] if k < len(words) and words[k].end == end else None


def role_before(
    text: str, words: Sequence[Word], cand: Candidate, gender: str | None
) -> RoleFound | None:
    """The role right before a name: "Bezirksamtsleiter Holger Brandstätt", "Die Leiterin der
    Kunst&Musikschule Riesa, Sonja Weidling", "eine neue Landrätin: Dr. Jana Bergmann"."""
    lex = role_lexicon()
    first = _word_starting(words, cand.start)
    if first is None:
        return None
    j, _ = _skip_titles_back(words, first.index - 1)
    if j >= 0 and words[j].text in honorifics():
        j -= 1
    if j < 0:
        return None
    if words[j].text == "von" and j > 0 and words[j - 1].text in BY_ROLES:
        return RoleFound(BY_ROLES[words[j - 1].text], words[j - 1].start)
    if words[j].text in (",", ":"):
        # apposition: [article] [office adjective] ROLE [complement] , NAME
        k = j - 1
        lo = k
        while lo >= 0 and words[lo].text not in ".!?;,:\"„“”()" and "\n" not in text[
            words[lo].end : words[lo + 1].start if lo + 1 < len(words) else words[lo].end
        ]:
            lo -= 1
        for r in range(k, lo, -1):
            match = lex.match(words[r].text)
            if match is None:
                continue
            tail = words[r + 1 : j]
            if tail:
                head = tail[0].text
                genitive_place = len(tail) == 1 and head.endswith("s") and tail[0].is_cap
                if head.lower() not in COMPLEMENT_WORDS and not genitive_place:
                    return None
                if _complement_end(words, r + 1, j) != j:
                    return None
                if genitive_place:
                    role, start = _role_phrase(words, r, r + 1, match, gender)
                    return RoleFound(role, start)
            # "Bürgermeisterin und Beigeordnete für Bau, NAME": the first role given
            if r - 2 > lo and words[r - 1].text in ("und", "&"):
                first_match = lex.match(words[r - 2].text)
                if first_match is not None:
                    role, start = _role_phrase(words, r - 2, r - 1, first_match, gender)
                    return RoleFound(role, start)
            role, start = _role_phrase(words, r, j, match, gender)
            org = _org_of(words, r + 1, j)
            return RoleFound(role, start, *org)
        return None
    match = lex.match(words[j].text)
    if match is None or "\n" in text[words[j].end : first.start]:
        return None
    role, start = _role_phrase(words, j, j + 1, match, gender)
    return RoleFound(role, start)


def role_after(
    text: str, words: Sequence[Word], cand: Candidate, gender: str | None,
    org_spans: FirstSpans | None = None,
) -> tuple[RoleFound | None, tuple[int, int, str] | None]:
    """The apposition after a name: ", Vorsitzender der Stadtverordnetenversammlung,"; also
    a party or list in brackets right after the name ("Dr. Jana Bergmann (SPD)").
    ``org_spans``: organisation names a complement may run into past a comma."""
    lex = role_lexicon()
    last = _word_ending(words, cand.end)
    if last is None:
        return None, None
    k = last.index + 1
    bracket_org = None
    if k < len(words) and words[k].text == "(":
        close = next((m for m in range(k + 1, min(k + 12, len(words))) if words[m].text == ")"), None)
        if close is None:
            return None, None
        if close > k + 1:
            s, e = words[k + 1].start, words[close - 1].end
            bracket_org = (s, e, text[s:e])
        k = close + 1
    predicate = _predicate_role(text, words, k, gender)
    if predicate is not None:
        return predicate, bracket_org
    if k >= len(words) or words[k].text != ",":
        return None, bracket_org
    k += 1
    if k < len(words) and words[k].text.lower() in ARTICLES:
        k += 1
    if k < len(words) and lex.modifier(words[k].text) and k + 1 < len(words):
        k += 1
    if k >= len(words):
        return None, bracket_org
    match = lex.match(words[k].text)
    if match is None:
        return None, bracket_org
    if k + 1 < len(words) and (is_name_word(words[k + 1].text) or words[k + 1].text in titles()):
        return None, bracket_org  # ", Bürgermeister Arne Hammacher": the next person's role
    end = _complement_end(words, k + 1, min(len(words), k + 25))
    # stop at a line break inside the complement
    for m in range(k + 1, end):
        if "\n" in text[words[m - 1].end : words[m].start]:
            end = m
            break
    end = _coordination_end(words, end)
    # an organisation name may run past a comma ("Behörde für Arbeit, Soziales, …")
    if end > k + 1 and org_spans is not None:
        comp_end = words[end - 1].end
        org = org_spans.first_reaching(words[k + 1].start, comp_end, comp_end)
        if org is not None:
            m = bisect_left(words, org[1], lo=end, key=lambda w: w.end)  # the org's last word
            end = (m if m < len(words) else end) + 1
    role, start = _role_phrase(words, k, end, match, gender)
    org = _org_of(words, k + 1, end)
    return RoleFound(role, start, *org), bracket_org


COPULAS = frozenset("ist wird bleibt war wurde".split())
ELECTED = frozenset(
    "gewählt ernannt bestellt berufen vereidigt gekürt bestimmt wiedergewählt eingesetzt".split()
)


def _predicate_role(
    text: str, words: Sequence[Word], k: int, gender: str | None
) -> RoleFound | None:
    """A role stated of the person right after the name: "NAME ist Kreispräsidentin",
    "NAME ist die neue Vorsitzende des Beirats", "NAME (CDU) zur Kreispräsidentin gewählt"."""
    lex = role_lexicon()
    if k + 1 >= len(words) or "\n" in text[words[k - 1].end : words[k].start]:
        return None
    r = None
    if words[k].text in COPULAS:
        r = k + 1
        if r < len(words) and words[r].text.lower() in ARTICLES:
            r += 1
        if r < len(words) and not words[r].is_cap and words[r].text.isalpha() and (
            words[r].text not in ("nicht", "kein", "keine", "auch", "seit", "noch", "nun")
        ):
            r += 1  # "die neue", "neue"
    elif words[k].text in ("zum", "zur"):
        r = k + 1
    if r is None or r >= len(words) or "\n" in text[words[k].end : words[r].start]:
        return None
    if lex.modifier(words[r].text) and r + 1 < len(words):
        r += 1
    match = lex.match(words[r].text)
    if match is None:
        return None
    end = _complement_end(words, r + 1, min(len(words), r + 12))
    for m in range(r + 1, end):
        if "\n" in text[words[m - 1].end : words[m].start]:
            end = m
            break
    while end > r + 1 and words[end - 1].text.lower() in COMPLEMENT_WORDS:
        end -= 1
    if words[k].text in ("zum", "zur") and not any(
        w.text in ELECTED for w in words[end : end + 3]
    ):
        return None
    role, start = _role_phrase(words, r, end, match, gender)
    return RoleFound(role, start)


def _coordination_end(words: Sequence[Word], end: int) -> int:
    """Extend a complement over ", Jugend, Schule und Bildung" when the list ends in "und"."""
    k = end
    while k + 1 < len(words) and words[k].text == "," and words[k + 1].is_cap and not words[k + 1].is_punct:
        k += 2
        if k + 1 < len(words) and words[k].text in ("und", "&") and words[k + 1].is_cap:
            return k + 2
    return end


def _org_of(words: Sequence[Word], k: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The organisation named in a role complement: "der Stadtverordnetenversammlung" ->
    "Stadtverordnetenversammlung", "des Pionierbataillons 803" -> "…bataillon 803"."""
    if k >= end or words[k].text.lower() not in ("der", "des"):
        return None, None
    parts = list(words[k + 1 : end])
    if not parts or not parts[0].is_cap:
        return None, None
    texts = [w.text for w in parts]
    if words[k].text.lower() == "des":
        # genitive -s / -es of the head noun (the first noun that is not an adjective)
        for i, t in enumerate(texts):
            if t[:1].isupper() and not t.endswith(("er", "en")) and t.endswith("s"):
                texts[i] = t[:-2] if t.endswith("es") and len(t) > 5 and not t.endswith("ses") else t[:-1]
                break
    else:
        texts = [t[:-1] if t.endswith("en") and i + 1 < len(texts) and texts[i + 1][:1].isupper()
                 and t[:1].isupper() else t for i, t in enumerate(texts)]
    name = " ".join(texts).replace("& ", "&")
    return name, (parts[0].start, parts[-1].end)


# -- grouping -------------------------------------------------------------------------------
def _compatible(a: Candidate, b: Candidate) -> bool:
    if fold(a.surname) != fold(b.surname):
        return False
    if not a.given or not b.given:
        return True
    ga, gb = fold(a.given[0]).rstrip("."), fold(b.given[0]).rstrip(".")
    return ga == gb or (len(ga) == 1 and gb.startswith(ga)) or (len(gb) == 1 and ga.startswith(gb))


def _given_key(c: Candidate) -> str:
    """The first given name as `_compatible` compares it ("A." -> "a")."""
    return fold(c.given[0]).rstrip(".")


class _SurnameIndex:
    """Groups by the folded surname of their best mention, each list in creation order."""

    def __init__(self) -> None:
        self._groups: dict[str, list[int]] = {}
        self._key_of: dict[int, str] = {}

    def put(self, idx: int, group: PersonGroup) -> None:
        """(Re)file group ``idx`` under its current surname (its best mention may change)."""
        key = fold(group.surname)
        old = self._key_of.get(idx)
        if old == key:
            return
        if old is not None:
            self._groups[old].remove(idx)
        insort(self._groups.setdefault(key, []), idx)
        self._key_of[idx] = key

    def get(self, key: str) -> list[int]:
        return self._groups.get(key, [])


def group_candidates(cands: Sequence[Candidate]) -> list[PersonGroup]:
    """One group per person: full names first, then surname-only mentions join them.

    A full name joins the first group holding a compatible full name (`_compatible`).
    Instead of comparing it with every mention of every group, the groups are indexed by
    (surname, first given name) and by (surname, initial): a text that names n people
    costs O(n), not O(n²).
    """
    ordered = sorted(cands, key=lambda c: c.start)
    groups: list[PersonGroup] = []
    by_given: dict[tuple[str, str], int] = {}  # (surname, given) -> first group holding it
    by_initial: dict[tuple[str, str], int] = {}  # (surname, first letter of a given) -> same
    for c in ordered:
        if not c.full:
            continue
        surname, given = fold(c.surname), _given_key(c)
        # compatible: the same given name; an initial of it; or, for an initial, any given
        # name with that first letter
        hits = [by_given.get((surname, given))]
        if given:
            hits.append(by_given.get((surname, given[0])))
        if len(given) == 1:
            hits.append(by_initial.get((surname, given)))
        found = [h for h in hits if h is not None]
        if found:
            idx = min(found)
            groups[idx].add(c)
        else:
            idx = len(groups)
            groups.append(PersonGroup([c]))
        by_given[(surname, given)] = min(by_given.get((surname, given), idx), idx)
        if given:
            letter = (surname, given[0])
            by_initial[letter] = min(by_initial.get(letter, idx), idx)
    index = _SurnameIndex()
    for idx, g in enumerate(groups):
        index.put(idx, g)
    for c in ordered:
        if c.full:
            continue
        key = fold(c.surname)
        # same surname, or the mention is its genitive ("Müllers")
        same_idx = index.get(key) + (index.get(key[:-1]) if key.endswith("s") else [])
        if len(same_idx) == 1:
            target = same_idx[0]
        elif len(same_idx) > 1:
            same = sorted(same_idx)
            before = [i for i in same if groups[i].first_start < c.start]
            target = before[-1] if before else same[0]
        elif not c.weak:
            groups.append(PersonGroup([c]))
            index.put(len(groups) - 1, groups[-1])
            continue
        else:
            continue
        groups[target].add(c)
        index.put(target, groups[target])
    return groups


def surname_mentions(
    text: str, words: Sequence[Word], groups: Sequence[PersonGroup], taken: DisjointSpans
) -> None:
    """Add bare surname mentions ("Kallweit schlägt … vor") to the person they name."""
    counts: dict[str, int] = {}
    for g in groups:
        counts[fold(g.surname)] = counts.get(fold(g.surname), 0) + 1
    for g in groups:
        surname = g.surname
        if " " in surname or counts[fold(surname)] > 1 or len(surname) < 3:
            continue
        if not g.best.full and (len(surname) < 4 or is_first_name(surname)):
            continue
        for w in (words[i] for i in positions_of(text, surname, surname + "s")):
            if taken.overlaps(w.start, w.end):
                continue
            g.add(Candidate(w.start, w.end, (), surname, "people_link_1", text=w.text))
            taken.add(w.start, w.end, None)


# -- the whole procedure --------------------------------------------------------------------
def find_people(
    text: str,
    model_spans: Iterable[tuple[int, int]] = (),
    blocked: Sequence[tuple[int, int]] = (),
    org_spans: Sequence[tuple[int, int]] = (),
) -> tuple[list[Person], list[tuple[int, int, str]]]:
    """People of a text, and the organisations their roles name ((start, end, name)).

    ``model_spans``: PER entity offsets from the model; ``blocked``: spans known to be
    organisations or venues (no person inside); ``org_spans``: organisation names that a role
    complement may run into past a comma.
    """
    words = segment(text)
    listed = list_candidates(text)
    given = given_name_candidates(text, words)
    model = model_candidates(text, words, model_spans)
    known = {c.surname for c in given + listed + model if c.full}
    ordered: list[Candidate] = []
    ordered += listed
    ordered += context_candidates(text, words, known)
    ordered += given
    ordered += signature_candidates(text, words)
    ordered += author_candidates(text, words)
    ordered += coordination_candidates(text, words, given + ordered)
    ordered += model
    accepted, taken = _accept(ordered, words, SpanUnion(blocked))
    groups = group_candidates(accepted.values())
    surname_mentions(text, words, groups, taken)
    people: list[Person] = []
    role_orgs: list[tuple[int, int, str]] = []
    orgs_index, lines = FirstSpans(org_spans), LineIndex(text)
    for g in sorted(groups, key=lambda g: g.first_start):
        person, orgs = _person(text, words, g, orgs_index, lines)
        people.append(person)
        role_orgs.extend(orgs)
    return people, role_orgs


def _accept(
    ordered: Sequence[Candidate], words: Sequence[Word], blocked: SpanUnion
) -> tuple[dict[int, Candidate], DisjointSpans]:
    """The candidates that name people, by their number in ``ordered``: rules earlier
    in ``ordered`` win, except that a longer full name replaces shorter readings of its
    words. Overlaps are found by bisection in the spans taken so far (returned too)."""
    accepted: dict[int, Candidate] = {}  # acceptance number -> candidate, in that order
    taken: DisjointSpans[tuple[int, Candidate]] = DisjointSpans()
    word_ends = [w.end for w in words]
    for number, c in enumerate(ordered):
        if blocked.overlaps(c.start, c.end):
            continue
        clash = taken.overlapping(c.start, c.end)
        if clash:
            # a longer full name wins over a shorter reading of the same words
            if (
                c.full
                and all(len(a.name.split()) < len(c.name.split()) for _, a in clash)
                and all(c.start <= a.start and a.end <= c.end for _, a in clash)
            ):
                for n, a in sorted(clash):  # in acceptance order: the first title is kept
                    del accepted[n]
                    taken.remove(a.start)
                    c.title = c.title or a.title
            else:
                continue
        k = bisect_right(word_ends, c.start)  # words in text order: the word before c
        prev = [words[k - 1].text] if k else []
        if prev and _club_noun(prev[0]):
            continue  # "der Musikverein Harmonie Lindenau": the club's name, not a person
        if _is_fictional(prev + c.text.split()):
            continue
        accepted[number] = c
        taken.add(c.start, c.end, (number, c))
    return accepted, taken


def _person(
    text: str, words: Sequence[Word], g: PersonGroup, org_spans: FirstSpans, lines: LineIndex
) -> tuple[Person, list[tuple[int, int, str]]]:
    best = g.best
    gender = first_name_gender(best.given[0]) if best.given else None
    found: list[RoleFound] = []
    organization = None
    orgs: list[tuple[int, int, str]] = []
    for c in sorted(g.candidates, key=lambda c: c.start):
        before = role_before(text, words, c, gender)
        after, bracket = role_after(text, words, c, gender, org_spans)
        found += [r for r in (before, after) if r is not None]
        for r in (before, after):
            if r is not None and r.organization and r.org_span:
                orgs.append((r.org_span[0], r.org_span[1], r.organization))
        if c.organization and c.org_span:
            orgs.append((c.org_span[0], c.org_span[1], c.organization))
        if bracket is not None and _bracket_org(bracket[2]):
            orgs.append(bracket)
        organization = organization or c.organization or (_bracket_org(bracket[2]) if bracket else None)
    found.sort(key=lambda r: r.start)
    role = found[0].role if found else _contact_label(text, g, lines)
    organization = organization or next((r.organization for r in found if r.organization), None)
    title_list = [c.title for c in g.candidates if c.title]
    title = max(title_list, key=len) if title_list else None
    mentions = [
        Mention(text=text[c.start : c.end], start=c.start, end=c.end)
        for c in sorted(g.candidates, key=lambda c: c.start)
    ]
    return (
        Person(name=best.name, title=title, role=role, organization=organization, mentions=mentions),
        orgs,
    )


#: A contact line's label ("Pressekontakt: Kulturamt, Jana Roth, Tel. …"). The standard
#: `re` (the pattern is plain ASCII): `regex` scans from the position to the end for the
#: required ":" before matching, O(n) per mention on one long line.
_CONTACT_LINE = re.compile(r"[ \t]*(?P<label>Pressekontakt|Medienkontakt|Ansprechpartner(?:in)?)[ \t]*:")


def _contact_label(text: str, g: PersonGroup, lines: LineIndex) -> str | None:
    """The label of the contact line a person is named in, as the person's role."""
    for c in g.candidates:
        m = _CONTACT_LINE.match(text, lines.line_start(c.start))
        if m is not None:
            return m.group("label")
    return None


def _bracket_org(content: str | None) -> str | None:
    """A party or list in brackets after a name; not a place, photo note or number."""
    if not content:
        return None
    words = content.split()
    if any(w.lower() in ("foto", "bild", "mitte", "links", "rechts", "v.l.", "re.", "li.") for w in words):
        return None
    if content[:1].isdigit() or not content[:1].isupper():
        return None
    if "," in content and " und " in content:
        return None  # "(Schule, Sport und Finanzen)": a portfolio, not a party or list
    if len(words) == 1 and not content.isupper():
        return None  # "(Niederkail)": a single capitalised word is usually the place
    return content
