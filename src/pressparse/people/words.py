"""Word segmentation with character offsets, shared by the who-and-where rules.

The rules for people, organisations and venues look at short windows of words ("der
Senatorin Dr. Wiebke Althoff, Präses der …"). They need stable word boundaries that keep
"Dr.-Hirsch-Ring", "St.-Georg-", "Kunst&Musikschule", initials ("D.") and titles ("Dr.")
whole, independent of the statistical model's tokenizer, and exact character offsets so that
every mention satisfies ``text[start:end] == mention``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import regex

# letters (with combining marks), digits inside words, apostrophes and "&" ("Kunst&Musikschule");
# parts joined by "-", ".-" or "." + letter ("Dr.-Hirsch-Ring", "u.a"); a trailing "-" stays
# ("St.-Georg- Kapelle", "Bau- und Umweltamt").
_WORD = r"[\p{L}\p{M}][\p{L}\p{M}\d'’&]*(?:(?:\.-|-|\.(?=\p{L}))[\p{L}\p{M}\d'’&]+)*-?"
_NUMBER = r"\d+(?:[.,:/]\d+)*"
_TOKEN = regex.compile(rf"{_WORD}|{_NUMBER}|\S")

#: Short forms that keep their period as part of the word (besides titles and initials).
ABBREVIATIONS = frozenset(
    "Dr Prof Dres Dipl St Str Zr Nr Tel Fax Hr Fr Mag Priv Doz PD v e med phil jur rer nat "
    "h.c Ing Kfm Päd Psych".split()
)


def starts_upper(text: str) -> bool:
    """Whether ``text`` starts with an upper-case letter (Unicode category Lu).

    Every Lu character is ``isupper()``, so the cheap test rules out most words; only
    non-ASCII upper-case characters need the category ("Ⅳ" is upper but not a letter).
    """
    first = text[:1]
    if not first.isupper():
        return False
    return first < "\x80" or unicodedata.category(first) == "Lu"


# slots, not frozen: a frozen dataclass costs ~1 µs per word to build, and segmentation
# builds every word of every text. Words are never changed after `_segment` makes them.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One word or punctuation mark of the text, with its offsets (treat as immutable)."""

    text: str
    start: int
    end: int
    index: int

    @property
    def is_cap(self) -> bool:
        return starts_upper(self.text)

    @property
    def is_punct(self) -> bool:
        return len(self.text) == 1 and not self.text.isalnum()

    @property
    def bare(self) -> str:
        """The word without a trailing period or hyphen."""
        return self.text.rstrip(".-")


def _keeps_period(core: str) -> bool:
    """Whether a word followed directly by "." takes it ("Dr.", "D.", "h.c.")."""
    return (
        core in ABBREVIATIONS
        or (len(core) == 1 and core.isalpha() and core.isupper())
        or core.endswith(("h.c", "h. c"))
    )


def _segment(text: str) -> tuple[Word, ...]:
    """Words in order. Tokens cover every non-space character and nothing else, so a
    token starts at its first occurrence after the previous one: `findall` + `str.find`
    gives the offsets at half the cost of building a match object per token."""
    words: list[Word] = []
    find = text.find
    end = 0
    for token in _TOKEN.findall(text):
        start = find(token, end)
        end = start + len(token)
        if token == "." and words:
            prev = words[-1]
            if prev.end == start and _keeps_period(prev.text):
                words[-1] = Word(prev.text + ".", prev.start, end, prev.index)
                continue
        words.append(Word(token, start, end, len(words)))
    return tuple(words)


@lru_cache(maxsize=64)
def segment(text: str) -> tuple[Word, ...]:
    """The words of ``text`` in order (cached: several components read the same text)."""
    return _segment(text)


@lru_cache(maxsize=64)
def word_index(text: str) -> dict[str, list[int]]:
    """Word text -> the indexes (ascending) of the words of ``text`` spelt so (cached; do not
    change the result). The rules start only at a few words ("für", a first name, a quote
    mark): asking about each distinct spelling once beats a Python loop over every word."""
    index: dict[str, list[int]] = {}
    for w in segment(text):
        index.setdefault(w.text, []).append(w.index)
    return index


class SpellingTest:
    """A test of a word's spelling that remembers its verdicts across texts.

    `positions` asks its test about every distinct spelling of a text, and most spellings
    recur from release to release ("der", "Stadt", "Uhr"). Remembering which spellings pass
    and which fail turns the per-text work into set operations in C plus a call for each
    new spelling. Only for tests whose answer depends on the spelling alone (packaged
    lexicons, not the text or a user's configuration).
    """

    __slots__ = ("test", "passed", "seen")

    #: Remembered verdicts kept at most (forgotten all at once past it).
    LIMIT = 100_000

    def __init__(self, test: Callable[[str], object]) -> None:
        self.test = test
        self.passed: set[str] = set()
        self.seen: set[str] = set()  # passed or failed

    def __call__(self, spelling: str) -> bool:
        if spelling not in self.seen:
            self.among((spelling,))
        return spelling in self.passed

    def among(self, spellings: Iterable[str]) -> set[str]:
        """The spellings (distinct) that pass the test."""
        if not isinstance(spellings, (set, frozenset)):
            spellings = set(spellings)
        fresh = spellings - self.seen  # walks the small set: the text's cost, not the memory's
        if fresh:
            if len(self.seen) > self.LIMIT:
                self.passed.clear()
                self.seen.clear()
            test = self.test
            self.passed.update([spelling for spelling in fresh if test(spelling)])
            self.seen.update(fresh)
        return self.passed.intersection(spellings)


@lru_cache(maxsize=64)
def spellings(text: str) -> frozenset[str]:
    """The distinct word spellings of ``text`` (cached: every `SpellingTest` asks)."""
    return frozenset(word_index(text))


def positions(text: str, wanted: Callable[[str], object]) -> list[int]:
    """Indexes (ascending) of the words of ``text`` whose spelling satisfies ``wanted``,
    asking once per distinct spelling (a `SpellingTest` only about spellings it has not
    seen in earlier texts)."""
    index = word_index(text)
    if isinstance(wanted, SpellingTest):
        found = [index[t] for t in wanted.among(spellings(text))]
    else:
        found = [idxs for t, idxs in index.items() if wanted(t)]
    if len(found) == 1:
        return list(found[0])
    return sorted(chain.from_iterable(found))


def positions_of(text: str, *spellings: str) -> list[int]:
    """Indexes (ascending) of the words of ``text`` spelt exactly as one of ``spellings``."""
    index = word_index(text)
    found = [index[t] for t in spellings if t in index]
    if len(found) == 1:
        return list(found[0])
    return sorted(chain.from_iterable(found))


def gap(text: str, left: Word, right: Word) -> str:
    """The characters between two words (to see line breaks and spacing)."""
    return text[left.end : right.start]


def same_line(text: str, left: Word, right: Word) -> bool:
    return "\n" not in gap(text, left, right)
