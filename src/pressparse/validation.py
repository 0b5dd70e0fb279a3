"""Input checks before any NLP runs: clear errors for unusable text, warnings for odd text.

Archives contain empty files, binary junk, mojibake, HTML and releases in other languages.
We refuse what cannot be a press release (`InputError`, a ValueError, with the reason in one
line) and warn on the record about what is processed anyway (a non-German text is still
processed). Nothing here changes what offsets refer to: when mojibake is repaired, an
`Alignment` maps offsets in the repaired text back to the caller's text.

Every regular expression in this module is free of nested quantifiers, so each runs in
linear time on any input (see docs/robustness.md).
"""

from __future__ import annotations

import contextlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import Options


class InputError(ValueError):
    """The input cannot be processed; the message says why in one line."""


#: Encodings tried for bytes, in order: German archives mostly use one of these.
ENCODINGS: tuple[str, ...] = ("utf-8", "cp1252", "latin-1")

#: Byte-order marks: a marked text is decoded with its own encoding first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: File signatures of formats that are certainly not text (a clearer error than "binary").
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x80\x04", "a Python pickle"),
    (b"\x7fELF", "an executable"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WORD = re.compile(r"[^\W\d_]+")
_ALNUM = re.compile(r"[^\W_]")
# An HTML/XML tag: bounded length, no nesting, so linear.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")

# Short, frequent function words: enough to tell German from its usual archive neighbours.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "der die das und ist nicht mit von den dem des ein eine einer im am zu für auf sich "
        "auch wird werden bei sind wir sie es um aus nach über oder wie".split()
    ),
    "en": frozenset(
        "the and is of to in that for with on are was this be by from at as an will".split()
    ),
    "fr": frozenset("le la les et est des une un du dans pour que sur avec au par pas".split()),
}


# -- bytes ----------------------------------------------------------------------------------
def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes with the first encoding that works; return (text, encoding used).

    A byte-order mark wins; then UTF-8, cp1252 and latin-1 are tried in that order (latin-1
    decodes every byte, so this never fails; binary junk is caught later by `check_text`).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError("undecodable input")  # pragma: no cover - latin-1 decodes every byte


def binary_format(data: bytes) -> str | None:
    """Name of a well-known binary format the bytes start with, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


# -- mojibake -------------------------------------------------------------------------------
def _byte_table() -> dict[str, int]:
    """Character -> byte for every char that cp1252 or latin-1 decodes from bytes 0x80-0xFF."""
    table: dict[str, int] = {}
    for value in range(0x80, 0x100):
        raw = bytes([value])
        table[raw.decode("latin-1")] = value
        with contextlib.suppress(UnicodeDecodeError):
            table[raw.decode("cp1252")] = value
    return table


_BYTE_OF = _byte_table()
_CONT = "".join(re.escape(ch) for ch, b in sorted(_BYTE_OF.items()) if 0x80 <= b <= 0xBF)
# A UTF-8 multi-byte sequence that was decoded as cp1252/latin-1: lead char, then 1-3
# continuation chars. Fixed repetition counts only: linear time.
_MOJIBAKE = re.compile(
    rf"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}"
)
# Sequences that (almost) only occur as mojibake in German text: "Ã¼" (ü), "Ã¤", "ÃŸ",
# "â€“" (dash), "â€ž" („). Repair only runs when one of these is present.
_MOJIBAKE_MARKER = re.compile(rf"\u00c3[{_CONT}]|\u00e2\u20ac[{_CONT}]")


def _plausible(char: str) -> bool:
    """Characters German text really contains: Latin-1/Latin Extended-A, punctuation, €, ™."""
    code = ord(char)
    return 0xA0 <= code <= 0x17F or 0x2010 <= code <= 0x206F or code in (0x20AC, 0x2122)


@dataclass(frozen=True)
class Alignment:
    """Maps offsets in a repaired text back to the caller's text.

    Each repair replaced ``width`` original characters by one; ``points`` holds the repaired
    offsets just after each replacement and ``shifts`` the total extra original characters
    before that point, so mapping is one bisection.
    """

    points: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_original(self, offset: int) -> int:
        index = bisect_right(self.points, offset)
        return offset + (self.shifts[index - 1] if index else 0)


def repair_mojibake(text: str) -> tuple[str, Alignment, list[tuple[str, str]]]:
    """Undo UTF-8-read-as-cp1252/latin-1 ("Ã¼" -> "ü"); return (text, alignment, repairs).

    Only runs when a strong marker is present, and only replaces sequences that decode to a
    character German text plausibly contains, so legitimate "Straße“" stays untouched.
    """
    if not _MOJIBAKE_MARKER.search(text):
        return text, Alignment(), []
    parts: list[str] = []
    points: list[int] = []
    shifts: list[int] = []
    repairs: list[tuple[str, str]] = []
    last = 0
    out_len = 0
    shift = 0
    for match in _MOJIBAKE.finditer(text):
        seq = match.group()
        try:
            fixed = bytes(_BYTE_OF[ch] for ch in seq).decode("utf-8")
        except (UnicodeDecodeError, KeyError):
            continue
        if len(fixed) != 1 or not _plausible(fixed):
            continue
        between = text[last : match.start()]
        parts.append(between)
        parts.append(fixed)
        out_len += len(between) + 1
        shift += len(seq) - 1
        points.append(out_len)
        shifts.append(shift)
        repairs.append((seq, fixed))
        last = match.end()
    if not repairs:
        return text, Alignment(), []
    parts.append(text[last:])
    return "".join(parts), Alignment(tuple(points), tuple(shifts)), repairs


# -- language -------------------------------------------------------------------------------
def guess_language(text: str, sample_chars: int = 20_000) -> tuple[str, float]:
    """Best-matching language by function-word share, and that share (0..1)."""
    words = list(map(str.lower, _WORD.findall(text, 0, sample_chars)))
    if not words:
        return "unknown", 0.0
    # map() with the set's own __contains__ counts in C (runs for every input)
    shares = {
        lang: sum(map(vocab.__contains__, words)) / len(words)
        for lang, vocab in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=shares.__getitem__)
    return best, shares[best]


def markup_share(text: str, sample_chars: int = 200_000) -> float:
    """Share of characters (in a leading sample) that sit inside HTML/XML tags."""
    sample = text[:sample_chars]
    if not sample:
        return 0.0
    return sum(m.end() - m.start() for m in _TAG.finditer(sample)) / len(sample)


# -- the check ------------------------------------------------------------------------------
@dataclass
class CheckedText:
    """A validated input: the text to analyse, the caller's text and what to warn about."""

    text: str
    original: str
    warnings: list[str] = field(default_factory=list)
    alignment: Alignment | None = None


def check_text(text: str | bytes, options: Options, *, limit: int | None = None) -> CheckedText:
    """Validate one input; return the text to analyse with warnings for the record.

    ``limit`` is the most characters one Doc may hold (``min(max_chars, nlp.max_length)``);
    longer texts are refused here only when chunking is off.
    """
    warnings: list[str] = []
    if isinstance(text, (bytes, bytearray)):
        data = bytes(text)
        kind = binary_format(data)
        if kind is not None:
            raise InputError(f"input is {kind}, not text; extract its text first")
        text, encoding = decode_bytes(data)
        warnings.append(f"input was bytes; decoded as {encoding}")
    if not isinstance(text, str):
        raise InputError(f"text must be str or bytes, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty text (nothing but whitespace)")
    if _SURROGATE.search(text):
        raise InputError(
            "text contains unpaired surrogate code points (U+D800-U+DFFF); decode the input "
            "with errors='replace'"
        )
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise InputError(
            f"text looks binary or undecodable: {controls} control/replacement characters "
            f"in {len(text)}"
        )
    if not _ALNUM.search(text):
        raise InputError("text has no letters or digits")
    limit = options.max_chars if limit is None else min(limit, options.max_chars)
    if len(text) > limit and not options.chunk_long_texts:
        raise InputError(
            f"text has {len(text)} characters, over the limit of {limit} "
            "(raise max_chars or enable chunk_long_texts)"
        )
    original = text
    text, alignment, repairs = repair_mojibake(text)
    if repairs:
        examples = ", ".join(f"{a}->{b}" for a, b in list(dict(repairs).items())[:3])
        warnings.append(
            f"repaired {len(repairs)} mojibake sequences (UTF-8 read as cp1252/latin-1: "
            f"{examples}); offsets refer to the input text"
        )
    if markup_share(text) > 0.2:
        warnings.append("text looks like HTML/XML markup; extract the text first for best results")
    if options.check_language:
        language, share = guess_language(text)
        if language != "de" and share > 0.05:
            warnings.append(f"text does not look German (looks like {language!r})")
        elif language == "de" and share < 0.03 and len(text) > 200:
            warnings.append("text has few German function words; results may be poor")
    return CheckedText(text, original, warnings, alignment if repairs else None)
