"""Document metadata (plain functions): contact/footer block, issuer, publication date.

* The footer is the trailing block that begins with a contact lead ("Quelle Text/Bild:",
  "Pressekontakt", "Im Auftrag,") — analysed apart from the body so that an address or date
  in a signature is not read as event content; its offsets stay in the Doc.
* The issuer is the publishing authority when the text shows it: "Pressestelle der
  Stadtverwaltung Pirmasens" -> "Stadtverwaltung Pirmasens", "Text/Foto:
  Landeshauptstadt Erfurt am …", "Foto: Stadt Köln/ …", "Die Stadt Bonn teilt mit".
* The publication date from the header: "Pressemitteilung vom 18.08.2020".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import regex

from ..lang.de.roles import word_list

META_DIR = ("resources", "de", "metadata")
_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
_DATE = (
    r"(?P<d>\d{1,2})\.\s?(?:(?P<m>\d{1,2})\.\s?|(?P<mn>[A-Za-zäÄ]+)\s)(?P<y>\d{4})"
)
_HEADER_LABEL = (
    rf"(?:Presse(?:mitteilung|information)|Pressemeldung|Mitteilung|Datum|veröffentlicht)"
    rf"[^\n\d]{{0,20}}?(?:vom|am|:)?\s*{_DATE}"
)
_HEADER_LINE = rf"^[ \t]*(?:\p{{Lu}}[\p{{L}}-]+,\s*(?:den\s)?){_DATE}[ \t]*$"
_HEADER_DATE = regex.compile(rf"{_HEADER_LABEL}|{_HEADER_LINE}", regex.M)
#: Words one of which every match of `_HEADER_LABEL` contains.
_HEADER_LABEL_WORDS = ("Presse", "Mitteilung", "Datum", "veröffentlicht")
#: `_HEADER_DATE` where the text has none of those words: it can only match at line starts.
_HEADER_DATE_LINE = regex.compile(_HEADER_LINE, regex.M)
_DATELINE = regex.compile(rf"^[ \t]*\p{{Lu}}[\p{{L}}-]+,[ \t]*(?:den[ \t])?{_DATE}[ \t]*\Z", regex.M)
_ISSUER_NAME = r"(?P<issuer>\p{Lu}[\p{L}.-]*(?:[ \t]+(?:der|des|für|und|\p{Lu}[\p{L}.-]*)){0,6})"
#: `_ISSUER_NAME` for the line-start pattern, where a dash, comma or line end must follow:
#: none of them can continue a word, so giving back letters or words never helps, and
#: possessive quantifiers spare the backtracking through every prose line that fails.
_ISSUER_NAME_LINE = (
    r"(?P<issuer>\p{Lu}[\p{L}.-]*+(?:[ \t]+(?:der|des|für|und|\p{Lu}[\p{L}.-]*+)){0,6}+)"
)
#: Issuer patterns in order of trust, each with the words one of which it needs (a cheap test
#: that skips the search on most texts); None: the line-start pattern, searched in the first
#: and last lines only.
_ISSUER_PATTERNS: tuple[tuple[regex.Pattern, tuple[str, ...] | None], ...] = (
    # "Pressestelle der Stadtverwaltung Pirmasens" / "Pressestelle Bezirksamt Harburg"
    (regex.compile(rf"Pressestelle[ \t]+(?:der|des)?[ \t]*{_ISSUER_NAME}"), ("Pressestelle",)),
    # "Presseamt der Stadt Lindenberg", "Presse- und Informationsamt der Stadt Lindenberg"
    (regex.compile(rf"Presse(?:amt|-[ \t]und[ \t]\p{{L}}+amt|referat)[ \t]+(?:der|des)[ \t]+{_ISSUER_NAME}"),
     ("Presse",)),
    # a contact or header line that starts with the body: "Stadt Lindenberg – Presse und …",
    # "Landeshauptstadt Lindenberg, 3. Mai 2024", "Gemeinde Talheim" alone on its line
    (regex.compile(rf"(?m)^[ \t]*{_ISSUER_NAME_LINE}[ \t]*(?:[–—]|,|$)"), None),
    # "Text/Foto: Landeshauptstadt Erfurt am 3. Mai 2024"
    (regex.compile(rf"(?:Text|Quelle)[ \t]*(?:/[ \t]*(?:Foto|Bild))?[ \t]*:[ \t]*{_ISSUER_NAME}"),
     ("Text", "Quelle")),
    # "Foto: Stadt Köln/ Jana Petersen"
    (regex.compile(rf"Foto[ \t]*:[ \t]*{_ISSUER_NAME}[ \t]*/"), ("Foto",)),
    # "Die Stadt Bonn teilt mit", "teilt die Stadtverwaltung Hürth mit"
    (regex.compile(rf"(?:^|[.!?]\s)(?:Die|Das|Der)[ \t]+{_ISSUER_NAME}[ \t]+teilt"), ("teilt",)),
    (regex.compile(rf"teilt[ \t]+(?:die|das|der)[ \t]+{_ISSUER_NAME}[ \t]+mit"), ("teilt",)),
)
_AUTHORITY = regex.compile(
    r"^(?:Stadt|Gemeinde|Verbandsgemeinde|Samtgemeinde|Landeshauptstadt|Hansestadt|Bundesstadt|"
    r"Kreisstadt|Landkreis|Kreis|Bezirksamt|Landratsamt|Stadtverwaltung|Kreisverwaltung|"
    r"Gemeindeverwaltung|Senat|Senatskanzlei|Bezirksregierung|Regierungspräsidium|Ministerium|"
    r"\p{Lu}\p{L}*(?:amt|verwaltung|ministerium|behörde|bibliothek|kanzlei))\b"
)


@lru_cache(maxsize=1)
def footer_leads() -> regex.Pattern:
    """The footer lead lines as one pattern (each line of the resource is checked)."""
    parts = []
    for lead in sorted(word_list(*META_DIR, "footer_leads.txt")):
        regex.compile(lead)  # a bad pattern fails here, naming itself
        parts.append(f"(?:{lead})")
    return regex.compile(rf"^[ \t]*(?:{'|'.join(parts)})", regex.M)


def footer_start(text: str, min_body: float = 0.5) -> int | None:
    """Offset of the trailing contact/footer block, or None.

    Only a lead in the last half of the text counts, and only if nothing after it looks like
    running prose (a long line of sentences): the block must run to the end.
    """
    leads = footer_leads()
    half = len(text) * min_body
    # the leads match at line starts only: try them at the line starts from the line that
    # holds the half-way point on (a search tries every position of the text), without
    # overlaps as `finditer` would. Its matches before there never count.
    end = 0
    for start in _line_starts(text, max(0, int(half) - 1), len(text)):
        if start < end:
            continue
        m = leads.match(text, start)
        if m is None:
            continue
        end = max(m.end(), start + 1)
        if m.start() < half:
            continue
        tail = text[m.start():]
        long_lines = [ln for ln in tail.splitlines() if len(ln) > 160]
        if not long_lines:
            return m.start()
    return None


def find_issuer(text: str) -> str | None:
    """The publishing authority, if the text names it in a source line, a contact line, a
    header line or a 'teilt mit'. Line-start names count only in the first or last lines."""
    # the first 4 and last 6 lines, at most 300 characters each way: the lines of 301
    # characters at either end give the same bounds as the lines of the whole text
    head_end = min(sum(len(x) for x in text[:301].splitlines(keepends=True)[:4]), 300)
    tail = text[-301:].splitlines(keepends=True)[-6:]
    tail_start = max(len(text) - sum(len(x) for x in tail), len(text) - 300)
    for pattern, needs in _ISSUER_PATTERNS:
        if needs is None:
            matches = _head_and_tail(pattern, text, head_end, tail_start)
        elif any(word in text for word in needs):
            matches = pattern.finditer(text)
        else:
            continue
        for m in matches:
            name = _base_form(_trim(m.group("issuer")))
            if name and _AUTHORITY.match(name) and len(name.split()) > 1 or name in ("Senat",):
                return name
    return None


def _head_and_tail(
    pattern: regex.Pattern, text: str, head_end: int, tail_start: int
) -> Iterator[regex.Match]:
    """Matches of a line-start pattern that start at most at ``head_end`` or at least at
    ``tail_start``, in text order. Its matches start at a line start and never leave their
    line, so it is tried at those line starts only: a search through the text would try
    every position of every line."""
    for lo, hi in ((0, head_end), (max(head_end + 1, tail_start), len(text))):
        for start in _line_starts(text, lo, hi):
            m = pattern.match(text, start)
            if m is not None:
                yield m


def _line_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Offsets from ``lo`` to ``hi`` (inclusive) where a line starts."""
    start = 0 if lo == 0 else text.find("\n", lo - 1) + 1
    if start == 0 and lo > 0:
        return  # no line starts after lo
    while start <= hi:
        yield start
        newline = text.find("\n", start)
        if newline == -1:
            return
        start = newline + 1


_BASE_FORM = regex.compile(r"^\p{Lu}\p{L}*(?:amt|kreis|rat)e?s$")


def _base_form(name: str) -> str:
    """"Bezirksamts Pankow" -> "Bezirksamt Pankow", "Landkreises X" -> "Landkreis X"."""
    words = name.split()
    if words and _BASE_FORM.match(words[0]):
        words[0] = words[0][:-2] if words[0].endswith("es") else words[0][:-1]
    return " ".join(words)


def _trim(name: str) -> str:
    words = name.split()
    while words and (words[-1] in ("der", "des", "für", "und", "am", "vom") or words[-1].endswith(".")):
        words.pop()
    return " ".join(words)


def header_date(text: str, head_chars: int = 400) -> date | None:
    """A publication date in the header ("Pressemitteilung vom 18.08.2020")."""
    for m in _header_matches(text[:head_chars]):
        value = _to_date(m)
        if value is not None:
            return value
    # a dateline closing the release: "Pirmasens, 14.05.2021"
    # it ends the text (``\Z``), so the first line start from which it matches is its only
    # match (as `finditer` would yield it): try the line starts, not every position
    for start in _line_starts(text, max(0, len(text) - 200), len(text)):
        m = _DATELINE.match(text, start)
        if m is not None:
            return _to_date(m)
    return None


def _header_matches(head: str) -> Iterator[regex.Match]:
    """``_HEADER_DATE.finditer(head)``. Without a label word only the line pattern can
    match, and only at line starts: trying it there (without overlaps, as `finditer`)
    spares a search that tries every position."""
    if any(word in head for word in _HEADER_LABEL_WORDS):
        yield from _HEADER_DATE.finditer(head)
        return
    end = 0
    for start in _line_starts(head, 0, len(head)):
        if start < end:
            continue
        m = _HEADER_DATE_LINE.match(head, start)
        if m is not None:
            end = max(m.end(), start + 1)
            yield m


def _to_date(m: regex.Match) -> date | None:
    day = m.group("d")
    year = m.group("y")
    month = m.group("m")
    if month is None and m.group("mn"):
        month = _MONTHS.get(m.group("mn").lower())
    try:
        return date(int(year), int(month), int(day)) if month else None
    except (TypeError, ValueError):
        return None
