"""German office and function nouns ("Bürgermeisterin", "Erster Beigeordneter", "OB").

The lexicon lives in ``resources/de/people/roles.tsv`` (base forms, declension class, whether
the word may head a compound) and is expanded here into every inflected surface form a press
release uses: "den Bezirksamtsleiter", "dem Stadtpräsidenten", "die Vorsitzende",
"des Ersten Beigeordneten". A match remembers both base forms, so the record can report the
nominative of the right gender ("Erster Beigeordneter" for Ulrich, "Vorsitzende" for Ingrid).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

RESOURCE_DIR = ("resources", "de", "people")
CLASSES = ("strong", "weak", "adj")
ADJ_ENDINGS = ("er", "en", "em", "es", "e")
#: Words remembered per lexicon before the memo is emptied (bounds memory on huge batches).
MEMO_LIMIT = 100_000
_MISSING = object()


class LexiconError(ValueError):
    """A lexicon line is malformed; the message names file and line."""


@dataclass(frozen=True)
class RoleEntry:
    """One office noun: masculine and feminine nominative, declension class."""

    masculine: str
    feminine: str
    cls: str
    compound: bool
    abbreviations: tuple[str, ...]


@dataclass(frozen=True)
class RoleMatch:
    """A word read as a role: its base forms and the gender the surface form shows."""

    masculine: str
    feminine: str
    gender: str | None  # "m", "f" or None when the form is ambiguous ("Vorsitzende")

    def base(self, gender: str | None) -> str:
        """Nominative singular for a person of ``gender`` (masculine when unknown)."""
        chosen = gender or self.gender
        return self.feminine if chosen == "f" else self.masculine


def read_resource(*parts: str) -> tuple[str, str]:
    """(text, display path) of a packaged resource under ``pressparse/``."""
    ref = resources.files("pressparse").joinpath(*parts)
    return ref.read_text(encoding="utf-8"), "/".join(parts)


def data_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty, non-comment lines with their line numbers."""
    out = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append((lineno, line))
    return out


def word_list(*parts: str) -> frozenset[str]:
    """A one-entry-per-line resource as a set (validated: no tabs, no empty entries)."""
    text, source = read_resource(*parts)
    words = set()
    for lineno, line in data_lines(text):
        entry = line.strip()
        if "\t" in entry:
            raise LexiconError(f"{source}:{lineno}: one entry per line, no tabs: {line!r}")
        words.add(entry)
    return frozenset(words)


def parse_roles(text: str, source: str) -> list[RoleEntry]:
    """Parse ``roles.tsv``; raise `LexiconError` naming file:line on a bad row."""
    entries = []
    for lineno, line in data_lines(text):
        cols = line.split("\t")
        if len(cols) != 5:
            raise LexiconError(
                f"{source}:{lineno}: expected 5 TAB-separated columns, got {len(cols)}"
            )
        masc, fem, cls, compound, abbr = (c.strip() for c in cols)
        if cls not in CLASSES:
            raise LexiconError(f"{source}:{lineno}: class must be one of {CLASSES}, not {cls!r}")
        if compound not in ("yes", "no"):
            raise LexiconError(f"{source}:{lineno}: compound must be yes/no, not {compound!r}")
        if not masc[:1].isupper() or not fem[:1].isupper():
            raise LexiconError(f"{source}:{lineno}: base forms must be capitalised nouns")
        if cls == "adj" and not (masc.endswith("er") and fem.endswith("e")):
            raise LexiconError(f"{source}:{lineno}: adjectival nouns end in -er / -e")
        abbreviations = () if abbr == "-" else tuple(a.strip() for a in abbr.split(",") if a)
        entries.append(RoleEntry(masc, fem, cls, compound == "yes", abbreviations))
    return entries


def surface_forms(entry: RoleEntry) -> dict[str, str | None]:
    """Every inflected singular form of an entry -> the gender it shows (None = either)."""
    forms: dict[str, str | None] = {}

    def put(form: str, gender: str | None) -> None:
        if form in forms and forms[form] != gender:
            forms[form] = None
        else:
            forms.setdefault(form, gender)

    if entry.cls == "adj":
        stem = entry.masculine[:-2]
        put(stem + "er", "m")
        put(stem + "en", "m")
        put(stem + "em", "m")
        put(stem + "es", "m")
        put(stem + "e", None)
        return forms
    put(entry.masculine, "m")
    put(entry.masculine + "s", "m")
    if entry.cls == "weak":
        put(entry.masculine + ("n" if entry.masculine.endswith("e") else "en"), "m")
    put(entry.feminine, "f")
    return forms


@dataclass(frozen=True)
class RoleLexicon:
    """Surface form -> match, plus compound heads for words like "Bezirksamtsleiterin"."""

    exact: dict[str, RoleMatch]
    heads: dict[str, RoleMatch]  # lower-case head form -> match with lower-case bases
    modifiers: frozenset[str]
    # word -> result of `match` / `modifier`: every rule asks about the same few hundred
    # words of a text, and the compound search below tries every cut of a long word.
    # Per lexicon, so user role files (`extra_roles`) never see another lexicon's answers.
    _matches: dict[str, RoleMatch | None] = field(default_factory=dict, compare=False, repr=False)
    _modifiers: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    longest_head: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest_head", max(map(len, self.heads), default=0))

    def match(self, word: str) -> RoleMatch | None:
        """The role a single word names, or None ("Bezirksamtsleiter", "Ersten" -> None)."""
        found = self._matches.get(word, _MISSING)
        if found is _MISSING:
            found = self._find_match(word)
            _remember(self._matches, word, found)
        return found  # type: ignore[return-value]

    def _find_match(self, word: str) -> RoleMatch | None:
        if word in self.exact:
            return self.exact[word]
        if not word[:1].isupper() or len(word) < 6:
            return None
        lower = word.lower()
        # a head longer than the longest one in the lexicon cannot match: start there
        for cut in range(max(3, len(lower) - self.longest_head), len(lower) - 3):
            head = lower[cut:]
            found = self.heads.get(head)
            if found is not None:
                prefix = word[:cut]
                return RoleMatch(prefix + found.masculine, prefix + found.feminine, found.gender)
        return None

    def modifier(self, word: str) -> str | None:
        """Stem of an office-forming adjective ("Ersten" -> "Erst"), else None."""
        found = self._modifiers.get(word, _MISSING)
        if found is _MISSING:
            found = next(
                (word[: -len(e)] for e in ADJ_ENDINGS
                 if word.endswith(e) and word[: -len(e)] in self.modifiers),
                None,
            )
            _remember(self._modifiers, word, found)
        return found  # type: ignore[return-value]


def _remember(memo: dict, key: str, value: object) -> None:
    """Store in a memo, emptying it first when it has grown past `MEMO_LIMIT`."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = value


#: Extra role files (users' additions) in force for the people component now running.
_EXTRA_ROLE_FILES: ContextVar[tuple[str, ...]] = ContextVar("pp_extra_role_files", default=())


def role_lexicon() -> RoleLexicon:
    """The role lexicon in force: the packaged one plus any user files (`extra_roles`)."""
    return _build_lexicon(_EXTRA_ROLE_FILES.get())


@contextmanager
def extra_roles(paths: Sequence[str]) -> Iterator[None]:
    """Use the packaged lexicon plus the role files ``paths`` inside this block."""
    token = _EXTRA_ROLE_FILES.set(tuple(str(p) for p in paths))
    try:
        yield
    finally:
        _EXTRA_ROLE_FILES.reset(token)


def _user_entries(path: str) -> list[RoleEntry]:
    file = Path(path)
    if file.is_dir():
        file = file / "roles.tsv"
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{file}: cannot read role file ({err.strerror})") from None
    return parse_roles(text, str(file))


@lru_cache(maxsize=8)
def _build_lexicon(extra_files: tuple[str, ...] = ()) -> RoleLexicon:
    """Expand the lexicon into surface forms (validated on first use, cached per file set)."""
    text, source = read_resource(*RESOURCE_DIR, "roles.tsv")
    entries = [entry for path in extra_files for entry in _user_entries(path)]
    entries += parse_roles(text, source)  # user entries first: they win on shared forms
    exact: dict[str, RoleMatch] = {}
    heads: dict[str, RoleMatch] = {}
    for entry in entries:
        for form, gender in surface_forms(entry).items():
            match = RoleMatch(entry.masculine, entry.feminine, gender)
            exact.setdefault(form, match)
            if entry.compound:
                heads.setdefault(
                    form.lower(),
                    RoleMatch(entry.masculine.lower(), entry.feminine.lower(), gender),
                )
        for abbr in entry.abbreviations:
            exact.setdefault(abbr, RoleMatch(abbr, abbr, None))  # reported as written ("OB")
    modifiers = word_list(*RESOURCE_DIR, "role_modifiers.tsv")
    return RoleLexicon(exact=exact, heads=heads, modifiers=modifiers)
