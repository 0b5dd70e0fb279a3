"""Finding organisations and merging their mentions (plain functions).

Rules (ids in ``OrgCandidate.rule``):

* ``orgs_for_1``     "Amt für Umwelt", "Amt für Sport und Freizeit", "Behörde für Bau, Verkehr, … und …"
* ``orgs_head_1``    a compound with an organisation head, widened by a city adjective, a place
                     or a genitive ("Bochumer Jugendrat", "Seniorenbeirat Heidelberg",
                     "Bürgerschaft der Hansestadt Stralsund", "Rat von Kleve")
* ``orgs_territorial_1`` "Stadt Köln", "Landeshauptstadt Erfurt" (not after "in"/"aus")
* ``orgs_named_1``   a name after "Projekt", "Gruppe", "Chor" … ("Projekt NachbarNetz", "Gruppe
                     „Klangwerk“"), or a quoted name with an apposition ("„Trio Lumen“, ein
                     belgisches Straßentheater-Ensemble")
* ``orgs_legal_1``   names ending in a legal form ("… e. V.", "… GmbH")
* ``orgs_party_1``   party names
* ``orgs_model_1``   ORG entities of the statistical model
* ``orgs_role_1``    organisations named in a person's role or brackets (from the people rules)

Mentions of one organisation ("der Lokalen Partnerschaften Harburg", "Lokale
Partnerschaften"; "der Beirat", "Seniorenbeirat Heidelberg") are merged; bare generic
references ("die Verwaltung") are kept only as mentions of a named organisation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..evaluate import name_stems
from ..intervals import DisjointSpans, SpanUnion
from ..lang.de.org_forms import ORG_DIR, org_forms
from ..lang.de.roles import role_lexicon, word_list
from ..people.words import (
    SpellingTest,
    Word,
    positions,
    positions_of,
    segment,
    starts_upper,
    word_index,
)
from ..schema import Mention, Organization

LOCATIVE = frozenset("in im aus nach ins zur zum vom bei beim durch".split())
ARTICLES = frozenset("der die das den dem des".split())
INDEFINITE = frozenset("ein eine einen einem einer eines kein keine keinen keinem keiner".split())
#: Nouns for performing groups after which an unquoted capitalised name is the group's name
#: ("die Band Son del Puerto", "das Duo Kranich"); "Gruppe"/"Chor" need quotes (they also
#: head plain descriptions: "die Gruppe Jugendlicher").
ACT_HEADS = frozenset("Band Musikband Duo Trio Quartett Quintett Formation Ensemble Musikgruppe".split())
#: Small words inside foreign stage names.
NAME_LINKS = frozenset("del de la las los le les di da do dos the of and y & e von".split())
QUOTES_OPEN = "„\"“‚'»«"
QUOTES_CLOSE = "“\"”‘'«»"
PLACE_SUFFIXES = (
    "burg", "dorf", "stadt", "heim", "hausen", "feld", "berg", "tal", "au", "ingen", "ow",
    "itz", "hagen", "furt", "bach", "brück", "stedt", "leben", "rode", "wald", "hof", "kirchen",
    "lautern", "see", "haven", "münde", "horst", "beck", "ach", "ern", "ried", "weiler",
)
_ADJ_LOWER = regex.compile(r"^\p{Ll}[\p{L}-]*(?:isch|lich|ig)(?:e|en|er|es|em)?$")
_CAP = regex.compile(r"^\p{Lu}")
#: Capitalised adjectives that are part of a name ("Philharmonisches Orchester", "Freiwillige
#: Feuerwehr", "Gemischter Chor", "Evangelische Kirchengemeinde").
_ADJ_CAP = regex.compile(r"^(?:\p{Lu}\p{Ll}+(?:isch|lich|ig|t)|Deutsch)(?:e|en|er|es|em)$")


_ADJ_ENDING = regex.compile(r"(?:e|en|er|es|em)$")


def _name_adjective(word: str) -> bool:
    m = _ADJ_CAP.match(word)
    if m is None:
        return False
    stem = _ADJ_ENDING.sub("", word).lower()
    return stem not in COMMON_ADJ_STEMS and len(stem) > 4


@dataclass(frozen=True)
class OrgCandidate:
    start: int
    end: int
    name: str
    rule: str
    generic: bool = False


def _rank(m: OrgCandidate) -> tuple[int, bool, int]:
    """Which mention names a group: the most words, not the model's, the earliest."""
    return len(name_stems(m.name)), m.rule != "orgs_model_1", -m.start


@dataclass
class OrgGroup:
    members: list[OrgCandidate] = field(default_factory=list)
    best: OrgCandidate = field(init=False)

    def __post_init__(self) -> None:
        named = [m for m in self.members if not m.generic] or self.members
        self.best = max(named, key=_rank)

    def add(self, m: OrgCandidate) -> None:
        """Add a member, updating `best` as ``max`` over the named members would (the first
        of equal rank stays): a group's name is asked for every later candidate."""
        self.members.append(m)
        if m.generic and not self.best.generic:
            return
        if (self.best.generic and not m.generic) or _rank(m) > _rank(self.best):
            self.best = m


def _next_is_boundary(words: Sequence[Word], k: int) -> bool:
    return k >= len(words) or not words[k].is_cap or words[k].is_punct


def looks_like_place(words: Sequence[Word], k: int, places: frozenset[str]) -> bool:
    """A capitalised word right after a head that names a place ("Heidelberg")."""
    if k >= len(words) or not words[k].is_cap or words[k].is_punct:
        return False
    w = words[k].text
    if w in places or w.rstrip("s") in places:
        return True
    if not _next_is_boundary(words, k + 1):
        return False
    lower = w.lower()
    if "-" in w and all(p[:1].isupper() for p in w.split("-") if p):
        return True
    return lower.endswith(PLACE_SUFFIXES)


def _base_name(words: Sequence[Word], lo: int, hi: int, gender: str | None) -> str:
    """The name in its base form: "der Lokalen Partnerschaften Harburg" -> "Lokale …",
    "des Seniorenbeirates" -> "Seniorenbeirat", "im niedersächsischen
    Umweltministerium" -> "niedersächsisches Umweltministerium"."""
    texts = [w.text for w in words[lo:hi]]
    before = words[lo - 1].text.lower() if lo > 0 else ""
    inflected = before in ARTICLES or before in ("im", "am", "vom", "zum", "zur", "beim")
    forms = org_forms()
    if inflected:
        for i, t in enumerate(texts):
            if i == 0 and i + 1 < len(texts) and (t.endswith(("en", "em")) and (
                t[:1].isupper() or _ADJ_LOWER.match(t))):
                ending = {"m": "er", "f": "e", "n": "es", "pl": "e"}.get(gender or "f", "e")
                texts[i] = t[:-2] + ending
            elif forms.head_of(t) is not None and before in ("des", "im", "vom", "zum", "beim") and (
                t.endswith("s") and not t.lower().endswith(forms.head_of(t).head)
            ):
                texts[i] = t[:-2] if t.endswith(("sses", "es")) and not t.endswith(
                    ("ses",)) or t.endswith("sses") else t[:-1]  # "Ausschusses" -> "Ausschuss"
                break
            elif not t[:1].isupper() or t.endswith("-") or t in ("und", "&"):
                continue  # "des Hoch- und Tiefbauamtes": the head comes later
            else:
                break
    while len(texts) > 1 and texts[0] in DESCRIPTORS and texts[1][:1].isupper():
        texts = texts[1:]  # "Firma Nordhessische Brückenbau GmbH" -> the name itself
    out = ""
    for i, t in enumerate(texts):
        if i and not (t in ",." or out.endswith(("&", "„", "‚", "»")) or t == "&" or t in "“”‘«"):
            out += " "
        out += t
    return out


def _head_gender(words: Sequence[Word], lo: int, hi: int) -> str | None:
    forms = org_forms()
    for w in words[lo:hi]:
        h = forms.head_of(w.text)
        if h is not None:
            return h.gender
    last = words[hi - 1].text.lower()
    if last.endswith(("ung", "schaft", "heit", "keit", "ion", "tät", "ei", "ie")):
        return "f"
    if last.endswith(("schaften", "ungen")):
        return "pl"
    return None


def for_candidates(text: str, words: Sequence[Word]) -> list[OrgCandidate]:
    """orgs_for_1: "<head> für <field>[, <field>] und <field>"."""
    forms = org_forms()
    out = []
    # only the word before a "für" can be a head: look there, not at every word
    for i in (p - 1 for p in positions_of(text, "für") if 1 <= p <= len(words) - 2):
        w = words[i]
        base = _for_base(w.text, forms.for_heads)
        if base is None:
            continue
        k = i + 2
        last_good = None
        commas = []
        saw_und_after_comma = False
        while k < len(words):
            t = words[k].text
            if words[k].is_cap and not words[k].is_punct:
                last_good = k
                k += 1
            elif t.endswith("-") and k + 1 < len(words):  # "Bau- und Umweltamt"
                k += 1
            elif t in ("und", "&") and last_good == k - 1:
                if commas:
                    saw_und_after_comma = True
                k += 1
                if k < len(words) and words[k].is_cap and not words[k].is_punct:
                    last_good = k  # the last field of the coordination ends the name
                    break
            elif t == "," and last_good == k - 1 and k + 1 < len(words) and words[k + 1].is_cap:
                commas.append(k)
                k += 1
            else:
                break
            if "\n" in text[words[k - 1].end : words[k].start if k < len(words) else words[k - 1].end]:
                break
        if last_good is None:
            continue
        if commas and not saw_und_after_comma:
            last_good = commas[0] - 1
        hi = last_good + 1
        if hi + 1 < len(words) and words[hi].text in ("des", "der") and _same_line(text, words, hi + 1):
            gen = words[hi + 1].text
            h = forms.head_of(gen)
            territorial = gen in forms.territorial or gen.rstrip("s") in forms.territorial or (
                gen[:-2] in forms.territorial
            )
            place_next = _same_line(text, words, hi + 2) and words[hi + 2].is_cap and (
                not words[hi + 2].is_punct
            )
            if h is not None and h.kind in ("council", "authority") and not territorial:
                hi += 2  # "Ausschuss für Soziales des Kreistages"
            elif territorial and place_next:
                hi += 3  # "… der Stadt Jena"
        end = words[hi - 1].end
        out.append(OrgCandidate(w.start, end, base + text[w.end:end], "orgs_for_1"))
    return out


def _for_base(word: str, heads: frozenset[str]) -> str | None:
    """The head of a "… für …" name, genitives included ("des Ausschusses für …")."""
    for base in (word, word[:-2] if word.endswith("es") else None, word[:-1] if word.endswith("s") else None):
        if base and base in heads:
            return base
    return None


@SpellingTest  # pure: the word and the packaged forms
def _may_head(word: str) -> bool:
    """Whether a word can pass the first tests of `head_candidates` (a capitalised head,
    territorial or unit noun): it skips every other word."""
    forms = org_forms()
    return starts_upper(word) and len(word) >= 3 and (
        word in forms.territorial or _territorial_base(word, forms.territorial) is not None
        or forms.head_of(word) is not None or word in UNIT_HEADS
    )


def head_candidates(
    text: str, words: Sequence[Word], places: frozenset[str], person_spans: Sequence[tuple[int, int]]
) -> list[OrgCandidate]:
    """orgs_head_1 and orgs_territorial_1."""
    forms = org_forms()
    out = []
    person_starts = {s for s, _ in person_spans}
    in_person = SpanUnion(person_spans)
    for i in positions(text, _may_head):  # asked once per distinct word
        w = words[i]
        territorial = w.text in forms.territorial or (
            # "des Landkreises Lahn-Dill", "des Bezirksamts Mitte": a genitive with its name
            _territorial_base(w.text, forms.territorial) is not None and looks_like_place(words, i + 1, places)
        )
        head = forms.head_of(w.text)
        if head is None and not territorial and w.text not in UNIT_HEADS:
            continue
        if w.text in forms.not_orgs or w.text.rstrip("s") in forms.not_orgs:
            continue
        # "eine Konsolidierungskommission zu bilden": an indefinite noun names nothing yet
        if i > 0 and words[i - 1].text.lower() in INDEFINITE:
            continue
        # a council noun used as a person's office: "Stadtrat Hans Kühl", "Landrat Dr. Eva Roth"
        k = i + 1
        while k < len(words) and words[k].text in _TITLES:
            k += 1
        if k < len(words) and words[k].start in person_starts:
            continue
        if w.text in ACT_HEADS and i + 1 < len(words) and words[i + 1].is_cap:
            continue  # "die Münsteraner Band Rosa Blitz": the name after it is the group
        lo, hi = i, i + 1
        if i > 0 and not territorial and (
            (words[i - 1].is_cap and words[i - 1].text.endswith("er") and org_forms().head_of(
                words[i - 1].text) is None and len(words[i - 1].text) > 3
             and words[i - 1].text.lower()[:-2] not in COMMON_ADJ_STEMS)
            or _ADJ_LOWER.match(words[i - 1].text)
            or _name_adjective(words[i - 1].text)
        ) and words[i - 1].text.lower() not in ARTICLES:
            lo = i - 1
        if i > 1 and words[i - 1].text in ("und", "&") and words[i - 2].text.endswith("-"):
            lo = i - 2  # "Verkehrs- und Tiefbauamt", "Industrie- und Handelskammer"
        if _same_line(text, words, hi) and words[hi].text in QUOTES_OPEN:
            hi = _quoted_end(words, hi)  # "Musikschule „Klangfarbe“"
        elif head is not None and head.kind in ("body", "group") and _same_line(text, words, hi) and (
            hi < len(words) and words[hi].is_cap and not words[hi].is_punct
            and words[hi].text not in places and looks_like_place(words, hi + 1, places)
        ):
            hi += 2  # "Musikverein Harmonie Lindenau": the club's own name, then its town
        elif looks_like_place(words, hi, places) or (
            territorial and hi < len(words) and words[hi].is_cap and not words[hi].is_punct
            and not _coordinated_nouns(words, hi, places)
        ):
            hi += 1
        elif w.text in UNIT_HEADS or (head is not None and head.kind == "unit"):
            hi = _unit_name_end(text, words, hi, places)  # "Referat Kommunikation"
        elif head is not None and head.kind == "school" and hi + 2 < len(words) and (
            words[hi].text == "am" or [x.text for x in words[hi : hi + 2]] == ["an", "der"]
        ):
            k = hi + (1 if words[hi].text == "am" else 2)
            if words[k].is_cap and _same_line(text, words, k):
                hi = k + 1  # "Grundschule am Sportpark"
        if (
            hi + 1 < len(words)
            and words[hi].text in (("von",) if territorial else ("der", "des", "von"))
            and words[hi + 1].is_cap
        ):
            k = hi + 1
            while k < len(words) and k < hi + 5 and (
                words[k].is_cap and not words[k].is_punct and not words[k].text.endswith(".")
                or words[k].text in ("der", "des")
            ) and "\n" not in text[words[k - 1].end : words[k].start] and not in_person.covers(
                words[k].start
            ):
                k += 1
            while k > hi + 1 and words[k - 1].text in ("der", "des"):
                k -= 1
            genitive = [x.text for x in words[hi + 1 : k]]
            generic_gen = len(genitive) == 1 and genitive[0] in forms.generic  # "der Stadt"
            if not generic_gen and (
                words[hi].text != "von" or looks_like_place(words, hi + 1, places) or k == hi + 2
            ):
                hi = k
                if _same_line(text, words, hi) and words[hi].text in QUOTES_OPEN:
                    hi = _quoted_end(words, hi)  # "der Musikschule „Klangfarbe“"
        if territorial and hi == i + 2:
            hi = _town_suffix_end(text, words, hi)  # "Stadt Freiburg im Breisgau"
        if territorial and hi == i + 1:
            continue  # "die Stadt": a reference, not a name
        prev = words[lo - 1].text.lower() if lo > 0 else ""
        if territorial and lo == i and prev in LOCATIVE | {"die", "der"} and prev in LOCATIVE:
            continue
        if territorial and lo == i and lo > 1 and words[lo - 1].text.lower() in ARTICLES and (
            words[lo - 2].text.lower() in LOCATIVE
        ):
            continue
        start, end = words[lo].start, words[hi - 1].end
        gender = _head_gender(words, lo, hi)
        name = _base_name(words, lo, hi, gender)
        base = _territorial_base(w.text, forms.territorial) if territorial else None
        if base is not None and base != w.text and name.startswith(w.text + " "):
            name = base + name[len(w.text):]  # "Landkreises Lahn-Dill" -> "Landkreis Lahn-Dill"
        generic = hi - lo == 1 and (name in forms.generic or w.text in forms.generic)
        out.append(OrgCandidate(start, end, name, "orgs_territorial_1" if territorial else "orgs_head_1",
                                generic=generic))
    return out


#: Titles between an office noun and a person's name ("Landrat Dr. Eva Roth").
_TITLES = frozenset("Dr. Prof. Dipl.-Ing. Dr.-Ing. Dr.h.c.".split())


_MONTHS_AND_DAYS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Frühjahr Sommer Herbst Winter Jahr Rahmen Auftrag Namen Vorfeld Montag Dienstag Mittwoch "
    "Donnerstag Freitag Samstag Sonntag Wochenende Zuge Anschluss Bereich Blick Gespräch "
    "Vergleich Mittelpunkt Internet Netz Sinne Einsatz Dialog Austausch".split()
)


def _town_suffix_end(text: str, words: Sequence[Word], k: int) -> int:
    """End of a town name's river or region part at word k ("im Breisgau", "am Main",
    "an der Lahn"); k when there is none or it is a time ("im Januar")."""
    for prep in (("im",), ("am",), ("an", "der"), ("in", "der"), ("ob", "der")):
        j = k + len(prep)
        if j < len(words) and tuple(w.text for w in words[k:j]) == prep and _same_line(text, words, j) and (
            words[j].is_cap and not words[j].is_punct and words[j].text not in _MONTHS_AND_DAYS
            and _next_is_boundary(words, j + 1) and not words[j].text.endswith(("ung", "heit", "keit"))
        ):
            from ..venues.rules import head_of as venue_head  # venues import this module

            return k if venue_head(words[j].text) or words[j].text.lower() in _venue_words() else j + 1
    return k


def _venue_words() -> frozenset[str]:
    from ..venues.rules import venue_heads

    return frozenset(venue_heads())


def _territorial_base(word: str, territorial: frozenset[str]) -> str | None:
    """The territorial noun a (genitive) word is: "Landkreises" -> "Landkreis"."""
    for base in (word, word[:-2] if word.endswith("es") else None, word[:-1] if word.endswith("s") else None):
        if base and base in territorial:
            return base
    return None


def _coordinated_nouns(words: Sequence[Word], k: int, places: frozenset[str]) -> bool:
    """"empfiehlt die Stadt Bus und Bahn": the word after a territorial noun is the first of
    coordinated common nouns (neither it nor its partner is a place), not the town's name."""
    if k + 2 >= len(words) or words[k].text in places or words[k + 1].text not in ("und", "oder"):
        return False
    partner = words[k + 2]
    return partner.is_cap and not partner.is_punct and partner.text not in places and (
        org_forms().head_of(partner.text) is None and partner.text not in org_forms().territorial
    )


#: Words that describe what kind of body follows, not part of its name.
DESCRIPTORS = frozenset("Firma Firmen Vereins Verein Unternehmen".split())
#: Heads of administrative units whose name follows them ("Referat Kommunikation",
#: "Fachdienst Soziales", "Abteilung Kommunikation und Dokumentation").
UNIT_HEADS = frozenset(
    "Fachbereich Fachdienst Referat Abteilung Dezernat Stabsstelle Sachgebiet Geschäftsbereich "
    "Eigenbetrieb Landesbetrieb Fraktion".split()
)
#: Capitalised adjectives that start a sentence, not city adjectives ("Neuer Kreistag …").
COMMON_ADJ_STEMS = frozenset(
    "neu alt groß klein erst zweit dritt letzt künftig bisherig ehemalig gesamt ganz eigen jung "
    "früher heutig jetzig amtierend gewählt zuständig beteiligt jährlich öffentlich gemeinsam "
    "einzig wichtig örtlich hiesig sonstig weitest übrig damalig".split()
)


def _same_line(text: str, words: Sequence[Word], k: int) -> bool:
    return 0 < k < len(words) and "\n" not in text[words[k - 1].end : words[k].start]


def _quoted_end(words: Sequence[Word], k: int) -> int:
    """Index after the closing quote of a short quoted name opening at word k (or k)."""
    close = next((m for m in range(k + 1, min(k + 10, len(words))) if words[m].text in QUOTES_CLOSE),
                 None)
    return close + 1 if close is not None and close > k + 1 else k


def _unit_name_end(text: str, words: Sequence[Word], k: int, places: frozenset[str]) -> int:
    """End of a unit's name after its head: capitalised nouns, "und", "Presse- und …"."""
    j = k
    while j < len(words) and j < k + 6 and _same_line(text, words, j):
        t = words[j].text
        if words[j].is_cap and not words[j].is_punct and t not in places and t not in (
            "Der", "Die", "Das"
        ) and not t.endswith(".") or j > k and t in ("und", "&") and j + 1 < len(words) and words[j + 1].is_cap and (
            words[j - 1].is_cap or words[j - 1].text.endswith("-")
        ):
            j += 1
        elif j > k and t == "," and _listed_to_und(text, words, j + 1):
            j += 1  # "Fachbereich Jugend, Familie und Soziales": a list that ends with "und"
        else:
            break
    return j


def _listed_to_und(text: str, words: Sequence[Word], k: int) -> bool:
    """Words from k are capitalised nouns separated by commas up to "und" + a noun, on one line."""
    j = k
    while j + 1 < len(words) and j < k + 8 and _same_line(text, words, j):
        if not words[j].is_cap or words[j].is_punct:
            return False
        if words[j + 1].text == ",":
            j += 2
            continue
        return words[j + 1].text in ("und", "&") and j + 2 < len(words) and words[j + 2].is_cap and (
            not words[j + 2].is_punct
        )
    return False


#: „Trio Lumen“, ein belgisches Straßentheater-Ensemble
_QUOTED_APPOSITION = regex.compile(
    r"[„\"“]([^„\"“”\n]{2,60})[“\"”],\s+(?:ein|eine)\s+(?:\p{Ll}+\s+){0,2}([\p{Lu}][\p{L}-]*)"
)


@SpellingTest  # pure: the word and the packaged forms
def _is_named_head(word: str) -> bool:
    """A noun after which `named_candidates` looks for a name ("Projekt", "Kinderchor")."""
    named = org_forms().named_heads
    lowered = _lowered_named_heads()
    head = word.rsplit("-", 1)[-1] if "-" in word else word
    return word in named or (
        word.endswith(lowered) and word not in lowered  # "Kinderchor": a compound
    ) or head in named


@lru_cache(maxsize=1)
def _lowered_named_heads() -> tuple[str, ...]:
    return tuple(h.lower() for h in org_forms().named_heads)


def named_candidates(text: str, words: Sequence[Word]) -> list[OrgCandidate]:
    """orgs_named_1: "Projekt NachbarNetz", "Gruppe „Klangwerk“", "„X“, ein … Ensemble"."""
    forms = org_forms()
    out = []
    for i in positions(text, _is_named_head):  # asked once per distinct word
        if i >= len(words) - 1:
            continue
        w = words[i]
        nxt = words[i + 1]
        if nxt.text in QUOTES_OPEN:
            close = next((k for k in range(i + 2, min(i + 12, len(words)))
                          if words[k].text in QUOTES_CLOSE), None)
            if close and close > i + 2:
                s, e = words[i + 2].start, words[close - 1].end
                out.append(OrgCandidate(s, e, text[s:e], "orgs_named_1"))
            continue
        if w.text in ("Projekt", "Bundesprojekt", "Modellprojekt", "Landesprojekt", "Fachbereich",
                      "Netzwerk", "Initiative", "Programm"):
            k = i + 1
            while k < len(words) and k < i + 5 and words[k].is_cap and not words[k].is_punct and (
                words[k].text not in forms.generic
            ):
                if k > i + 1 and "\n" in text[words[k - 1].end : words[k].start]:
                    break
                k += 1
            if k > i + 1:
                s, e = words[i + 1].start, words[k - 1].end
                out.append(OrgCandidate(s, e, _base_name(words, i + 1, k, "pl"), "orgs_named_1"))
        elif w.text in ACT_HEADS:
            end = _act_name_end(text, words, i + 1)
            if end > i + 1:
                s, e = words[i + 1].start, words[end - 1].end
                out.append(OrgCandidate(s, e, text[s:e], "orgs_named_1"))
    # „Trio Lumen“, ein belgisches Straßentheater-Ensemble
    for m in _QUOTED_APPOSITION.finditer(text):
        head = m.group(2).rsplit("-", 1)[-1]
        if head in forms.named_heads:
            out.append(OrgCandidate(m.start(1), m.end(1), m.group(1), "orgs_named_1"))
    return out


def _act_name_end(text: str, words: Sequence[Word], k: int) -> int:
    """End of an unquoted stage name after "die Band", "das Duo" …: capitalised words, with
    the small words of foreign names between them ("Son del Puerto", "Brass & Beats")."""
    j = k
    while j < len(words) and j < k + 6:
        w = words[j]
        if j > k and "\n" in text[words[j - 1].end : w.start]:
            break
        if w.is_cap and not w.is_punct or j > k and w.text in NAME_LINKS and j + 1 < len(words) and words[j + 1].is_cap:
            j += 1
        else:
            break
    return j


_FOOTER_UNIT = regex.compile(
    r"^[ \t]*(?P<body>\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}.-]*){1,3})[ \t]*(?:[–—-]|,)[ \t]*"
    r"(?P<unit>\p{Lu}[\p{L}-]*(?:[ \t]+(?:und|für|\p{Lu}[\p{L}-]*)){0,5})[ \t]*$",
    regex.M,
)


def footer_unit_candidates(text: str) -> list[OrgCandidate]:
    """orgs_unit_1: a contact line "Stadt Kassel – Bürger- und Medienservice",
    "Stadt Ulm, Abteilung Kommunikation": the unit after a municipal body."""
    forms = org_forms()
    out = []
    for m in _FOOTER_UNIT.finditer(text):
        if m.group("body").split()[0] not in forms.territorial:
            continue
        unit = m.group("unit")
        if unit.split()[-1] in ("und", "für"):
            continue
        out.append(OrgCandidate(m.start("unit"), m.end("unit"), unit, "orgs_unit_1"))
    return out


_LETTER = regex.compile(r"\p{L}")


def occurrences(text: str, form: str, not_before: str = "") -> Iterator[int]:
    """Starts of ``form`` as a whole word, as ``regex.finditer`` of
    ``(?<![\\p{L}<not_before>])<form>(?![\\p{L}])`` finds them (no overlaps), but with
    ``str.find``: the lexicons' forms are searched one by one, so this must be cheap."""
    n = len(form)
    pos = text.find(form)
    while pos != -1:
        before = text[pos - 1] if pos else ""
        after = text[pos + n : pos + n + 1]
        if (not before or (before not in not_before and not _LETTER.match(before))) and not (
            after and _LETTER.match(after)
        ):
            yield pos
            pos = text.find(form, pos + n)
        else:
            pos = text.find(form, pos + 1)


def legal_candidates(text: str, words: Sequence[Word]) -> list[OrgCandidate]:
    """orgs_legal_1: capitalised words before a legal form, on one line."""
    out = []
    ends = [w.end for w in words]
    for form in org_forms().legal_forms:
        for start in occurrences(text, form):
            out.extend(_legal_candidate(text, words, ends, start, start + len(form)))
    return out


def _legal_candidate(
    text: str, words: Sequence[Word], ends: Sequence[int], start: int, end: int
) -> list[OrgCandidate]:
    """The name before the legal form at [start, end): up to six capitalised words (and "&",
    "und", "für", "der") on its line, without leading articles and descriptors."""
    k = bisect_right(ends, start)  # words ending before the form (words in text order)
    n_before = k
    while k > 0 and n_before - k < 6 and (
        words[k - 1].text == "&"
        or (words[k - 1].is_cap and not words[k - 1].is_punct)
        or words[k - 1].text in ("und", "für", "der")
    ) and "\n" not in text[words[k - 1].end : start]:
        if words[k - 1].text == "der" and k > 1 and words[k - 2].text in ("und", ","):
            break  # "der Mittagsbetreuung und der Musikschule X e. V."
        k -= 1
    while k < n_before and (
        not words[k].is_cap or words[k].text.lower() in ARTICLES or words[k].text == "&"
    ):
        k += 1
    while k + 1 < n_before and words[k].text in DESCRIPTORS and words[k + 1].is_cap:
        k += 1  # "Firma X GmbH", "des Vereins X e. V.": the name itself
    if k < n_before:
        return [OrgCandidate(words[k].start, end, text[words[k].start : end], "orgs_legal_1")]
    return []


#: Sports clubs: an abbreviation and the club's name ("TSV Eintracht Lindenau 1896").
_CLUB = regex.compile(
    r"(?<![\p{L}\d.])(?:1\.[ \t])?(?:SV|TSV|FC|VfB|VfL|VfR|SC|TuS|SpVgg|TSG|TV|SG|FSV|SSV|MTV|ESV|PSV|"
    r"BSC|TSC|DJK|SpVg)(?:[ \t]+(?:\p{Lu}[\p{L}-]*|\d{2,4}))(?:[ \t]+(?:\p{Lu}[\p{L}-]*|\d{2,4})){0,3}"
    r"(?:[ \t]+e\.[ \t]?V\.)?"
)


_NON_SPACE = regex.compile(r"\S+")


def club_candidates(text: str, words: Sequence[Word]) -> list[OrgCandidate]:
    """orgs_club_1: a sports club named by its abbreviation and name ("SV Blau-Weiß Lindenau")."""
    out = []
    for m in _CLUB.finditer(text):
        parts = list(_NON_SPACE.finditer(m.group(0)))
        while len(parts) > 2 and parts[-1].group(0) in _NOT_CLUB_WORDS:
            parts.pop()  # "… SV Lindenau Am Samstag": the next sentence's first word
        end = m.start() + parts[-1].end()
        out.append(OrgCandidate(m.start(), end, " ".join(text[m.start() : end].split()), "orgs_club_1"))
    return out


_NOT_CLUB_WORDS = frozenset("Der Die Das Am Im Beim Ab Nach Mit Von".split())


def party_candidates(text: str) -> list[OrgCandidate]:
    """orgs_party_1: party names from the lexicon, as whole words."""
    return [OrgCandidate(start, start + len(written), name, "orgs_party_1")
            for written, name in org_forms().parties.items()
            for start in occurrences(text, written, not_before="/")]


_LEADING = ARTICLES | LOCATIVE


def model_candidates(text: str, words: Sequence[Word], spans: Iterable[tuple[int, int]]) -> list[OrgCandidate]:
    """orgs_model_1: ORG entities, without leading articles and trailing punctuation."""
    forms = org_forms()
    out = []
    ends = [w.end for w in words]
    quotes = None  # found on first use
    for start, end in spans:
        dash = text.find(" – ", start, end)
        if dash != -1:
            end = dash  # "Gemeinde X – Presse- und …": the body before the dash
        k = bisect_right(ends, start)  # the first word ending after start (words in text order)
        inside = []
        while k < len(words) and words[k].start < end:
            inside.append(words[k])
            k += 1
        while inside and (inside[0].text.lower() in _LEADING or inside[0].is_punct):
            inside = inside[1:]
        while inside and inside[-1].is_punct:
            inside = inside[:-1]
        if not inside or not any(w.is_cap for w in inside):
            continue
        s, e = inside[0].start, inside[-1].end
        name = text[s:e]
        last = inside[-1].text
        if last in forms.not_orgs or last.rstrip("s") in forms.not_orgs or last.endswith("innen"):
            continue  # "Deutsche Staatsbürgerschaft", "Bayreuths Bürgerinnen"
        if len(inside) > 1 and inside[0].text in forms.generic and inside[1].text == "für" and (
            inside[0].text not in forms.for_heads
        ):
            continue  # "das Gremium für Integration": a description, not a name
        if len(inside) == 2 and inside[0].text.endswith("er") and forms.head_of(last) is None:
            continue  # "Bochumer Stadtbild": a city adjective before a thing
        if len(inside) == 1 and (forms.head_of(last[:-1]) is not None or last.endswith("kreise")):
            continue  # "Netzwerke", "Freundeskreise": a plural names no single body
        if quotes is None:
            quotes = QuoteMarks(text)
        if quotes.inside_longer_quote(s, e):
            continue  # "Wohnung gegen Bahncard": part of a quoted title
        if _names_event(inside):
            continue  # "7. Integrationskonferenz", "Klassik am Nachmittag", "Leseherbst"
        if len(inside) == 1 and _street_follows(text, words, inside[0]):
            continue  # "Obere Königsstraße 8": the first word of a street name
        if role_lexicon().match(inside[0].text) is not None and forms.head_of(inside[0].text) is None:
            continue  # "Beigeordnete für Umwelt und Bau": a person's office, not a body
        out.append(OrgCandidate(s, e, name, "orgs_model_1", generic=name in forms.generic))
    return out


def _street_follows(text: str, words: Sequence[Word], word: Word) -> bool:
    from ..venues.rules import _street_regex  # venues import this module: import late

    k = word.index + 1
    return k < len(words) and _same_line(text, words, k) and bool(_street_regex().fullmatch(words[k].text))


@lru_cache(maxsize=1)
def event_suffixes() -> tuple[str, ...]:
    """Endings of event and thing nouns (``event_suffixes.txt``)."""
    return tuple(sorted(word_list(*ORG_DIR, "event_suffixes.txt")))


_EDITION = regex.compile(r"^\d+\.?$")


def _names_event(inside: Sequence[Word]) -> bool:
    """A model ORG span that reads as an event or a thing: an edition number first, a noun
    with an event ending last, or a lower-case preposition inside, and no organisation head."""
    forms = org_forms()
    if any(forms.head_of(w.text) is not None or w.text in forms.territorial for w in inside):
        return False
    if _EDITION.match(inside[0].text):
        return True  # "3. Regionalkonferenz Pflege": an edition of an event
    if inside[-1].text.lower().endswith(event_suffixes()):
        return True
    return len(inside) > 2 and any(w.text in ("am", "im", "um", "zum", "zur", "in") for w in inside[1:-1])


class QuoteMarks:
    """Line breaks and quote marks of a text, found once, so that asking whether a span lies
    inside a quote costs a few bisections instead of reading its whole line (quadratic on a
    text that is one long line)."""

    _NEWLINES = regex.compile(r"\n")
    _OPENS = regex.compile(r"[„“\"»]")
    _CLOSES = regex.compile(r"[“”\"«]")
    _RIGHT_CLOSES = regex.compile(r"[”«]")  # marks that only close: the quote ended

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.newlines = [m.start() for m in self._NEWLINES.finditer(text)]
        self.opens = [m.start() for m in self._OPENS.finditer(text)]
        self.closes = [m.start() for m in self._CLOSES.finditer(text)]
        self.right_closes = [m.start() for m in self._RIGHT_CLOSES.finditer(text)]

    def inside_longer_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a quoted stretch on its line that is longer than it."""
        k = bisect_left(self.newlines, start)
        line_start = self.newlines[k - 1] + 1 if k else 0
        k = bisect_left(self.newlines, end)
        line_end = self.newlines[k] if k < len(self.newlines) else self.length
        k = bisect_left(self.opens, start)  # the last opening mark before the span, on its line
        if k == 0 or self.opens[k - 1] < line_start:
            return False
        open_at = self.opens[k - 1]
        k = bisect_right(self.right_closes, open_at)
        if k < len(self.right_closes) and self.right_closes[k] < start:
            return False  # the quote closed before the span
        k = bisect_left(self.closes, end)  # the first closing mark after the span, on its line
        if k == len(self.closes) or self.closes[k] >= line_end:
            return False
        return open_at + 1 < start or self.closes[k] > end


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


_GENITIVE = regex.compile(r"\s(?:der|des)\s(.+)$")


@lru_cache(maxsize=65536)  # pure; merge compares every candidate with every group
def _genitive_part(name: str) -> str | None:
    """"Pressestelle der Landeshauptstadt Schwerin" -> "Landeshauptstadt Schwerin"."""
    m = _GENITIVE.search(name)
    return m.group(1) if m else None


@lru_cache(maxsize=65536)  # pure
def _same_org(a: str, b: str) -> bool:
    # an organisation named in another's genitive is another one ("Stadt Jena" in
    # "Fachbereich Wirtschaftsförderung der Stadt Jena"), unless it is only a generic word
    for x, y in ((a, b), (b, a)):
        gen = _genitive_part(y)
        if gen and len(name_stems(x)) > 1 and name_stems(x) == name_stems(gen):
            return False
    sa, sb = name_stems(a), name_stems(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    n = len(short)
    if any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1)):
        return True
    if n > 1 and short[0] == long[0] and _subsequence(short, long):
        return True  # "Kreistag Nordfriesland" ~ "Kreistag des Kreises Nordfriesland"
    # "der Beirat" -> "Seniorenbeirat Heidelberg"
    return n == 1 and any(w.endswith(short[0]) and len(w) > len(short[0]) + 3 for w in long)


def merge(cands: Sequence[OrgCandidate], text: str) -> list[Organization]:
    """Resolve overlaps (longer wins), then group mentions of one organisation."""
    kept: list[OrgCandidate] = []
    spans = DisjointSpans()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.rule == "orgs_model_1", c.start)):
        if spans.overlaps(c.start, c.end):
            continue
        kept.append(c)
        spans.add(c.start, c.end)
    groups: list[OrgGroup] = []
    for c in sorted(kept, key=lambda c: (c.generic, -len(name_stems(c.name)), c.start)):
        for g in groups:
            if _same_org(c.name, g.best.name):
                g.add(c)
                break
        else:
            groups.append(OrgGroup([c]))
    orgs = []
    for g in sorted(groups, key=lambda g: min(m.start for m in g.members)):
        if all(m.generic for m in g.members):
            continue
        mentions = sorted(
            (Mention(text=text[m.start : m.end], start=m.start, end=m.end) for m in g.members),
            key=lambda m: m.start,
        )
        orgs.append(Organization(name=g.best.name, mentions=mentions))
    return orgs


def find_orgs(
    text: str,
    model_spans: Iterable[tuple[int, int]] = (),
    person_spans: Sequence[tuple[int, int]] = (),
    extra: Iterable[tuple[int, int, str]] = (),
    places: frozenset[str] = frozenset(),
    blocked: Sequence[tuple[int, int]] = (),
) -> list[Organization]:
    """Organisations of a text. ``extra``: (start, end, name) from people's roles/brackets;
    ``blocked``: spans that are something else (person names, venues)."""
    words = segment(text)
    found_for, found_named, found_legal = _pattern_candidates(text)
    cands = (
        list(found_for)
        + head_candidates(text, words, places, person_spans)
        + list(found_named)
        + list(found_legal)
        + party_candidates(text)
        + club_candidates(text, words)
        + footer_unit_candidates(text)
        + model_candidates(text, words, model_spans)
        + [OrgCandidate(s, e, n, "orgs_role_1") for s, e, n in extra]
    )
    block = SpanUnion(blocked)
    cands = [c for c in cands if not block.overlaps(c.start, c.end)]
    cands += place_extensions(text, words, cands, places)
    return merge(cands, text)


def place_extensions(
    text: str, words: Sequence[Word], cands: Sequence[OrgCandidate], places: frozenset[str]
) -> list[OrgCandidate]:
    """Other mentions of a found name, inflected and followed by a place: the project
    "Lokale Partnerschaften" also appears as "mit den Lokalen Partnerschaften Harburg"."""
    out: list[OrgCandidate] = []
    if not any(len(name_stems(c.name)) > 1 for c in cands):
        return out  # only names of two or more words are looked for again
    seen = set()
    # stems per distinct spelling, once: the stems of n joined words are their words' stems
    # in a row
    stems_of = {t: name_stems(t) for t in word_index(text)}
    starts_with: dict[str, list[int]] = {}
    for t, idxs in word_index(text).items():
        ws = stems_of[t]
        if ws:
            starts_with.setdefault(ws[0], []).extend(idxs)
    for idxs in starts_with.values():
        idxs.sort()

    def word_stems(i: int, j: int) -> tuple[str, ...]:
        return tuple(x for w in words[i:j] for x in stems_of[w.text])

    for c in cands:
        stems = name_stems(c.name)
        n = len(stems)
        if n < 2 or stems in seen:
            continue
        seen.add(stems)
        for i in starts_with.get(stems[0], ()):
            if i >= len(words) - n:
                break
            if word_stems(i, i + n) != stems:
                continue
            if looks_like_place(words, i + n, places):
                gender = _head_gender(words, i, i + n)
                out.append(OrgCandidate(words[i].start, words[i + n].end,
                                        _base_name(words, i, i + n + 1, gender), c.rule))
    return out


def pattern_spans(text: str) -> list[tuple[int, int]]:
    """Spans of rule-found organisations (for the people rules: no person inside them, and a
    role complement may run into them)."""
    return [(c.start, c.end) for found in _pattern_candidates(text) for c in found]


@lru_cache(maxsize=16)
def _pattern_candidates(text: str) -> tuple[tuple[OrgCandidate, ...], ...]:
    """The "für", named and legal-form candidates of a text: the people component asks for
    them first and `find_orgs` reuses them (cached per text; candidates are frozen)."""
    words = segment(text)
    return (tuple(for_candidates(text, words)), tuple(named_candidates(text, words)),
            tuple(legal_candidates(text, words)))
