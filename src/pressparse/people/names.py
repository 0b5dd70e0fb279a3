"""Name knowledge: first names, titles, forms of address and words that are not names.

First names come from the ``gender-guesser`` package (about 48,000 given names with their
gender, data by Jörg Michael), declared as a dependency rather than copied. The gender also
chooses the role's form: "der Erste Beigeordnete Ulrich Feldhaus" -> "Erster Beigeordneter".
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from spacy.lang.de.stop_words import STOP_WORDS

from ..lang.de.roles import RESOURCE_DIR, word_list

_GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=True)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that never start a name and end a surname ("Mai", "Foto")."""
    return word_list(*RESOURCE_DIR, "not_names.txt")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Academic titles as written ("Dr.", "Prof.", "Dipl.-Ing.") as single words."""
    words = set()
    for entry in word_list(*RESOURCE_DIR, "titles.txt"):
        words.update(entry.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    return word_list(*RESOURCE_DIR, "honorifics.txt")


@lru_cache(maxsize=1)
def fictional() -> frozenset[str]:
    """Fictional figures ("Frau Holle") compared case-folded with the whole candidate."""
    return frozenset(e.casefold() for e in word_list(*RESOURCE_DIR, "fictional.txt"))


@lru_cache(maxsize=65536)  # pure; asked for every capitalised word of every text
def first_name_gender(word: str) -> str | None:
    """'m' / 'f' if ``word`` is a known first name (hyphenated: its first part), else None.

    Androgynous or unknown names give None; so do words listed in ``not_names.txt`` and
    two-letter words ("Am", "Im" are in the name list as rare given names).
    """
    if len(word) < 3 or word in not_names() or not word[:1].isupper():
        return None
    if word.lower() in STOP_WORDS:
        return None
    parts = word.split("-")
    if len(parts) > 1:
        genders = [first_name_gender(p) for p in parts]
        return genders[0] if all(genders) else None
    return _GENDERS.get(_detector().get_gender(word))


@lru_cache(maxsize=65536)  # pure; asked for every capitalised word of every text
def is_first_name(word: str) -> bool:
    if first_name_gender(word) is not None:
        return True
    return (
        len(word) >= 3
        and word not in not_names()
        and word.lower() not in STOP_WORDS
        and _detector().get_gender(word) == "andy"
    )


@lru_cache(maxsize=65536)  # pure; every mention is compared with every person by it
def fold(name: str) -> str:
    """Case- and accent-folded form for comparing spellings ("Schöttler" ~ "Schottler")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")
