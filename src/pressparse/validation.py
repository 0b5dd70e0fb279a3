"""Input checks before any NLP runs: clear errors for unusable text, warnings for odd text.

Archives contain empty files, binary junk, mojibake and releases in other languages. We
refuse what cannot be a press release (`InputError`, a ValueError, with the reason) and warn
on the record about what is processed anyway (a non-German text is still processed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import Options


class InputError(ValueError):
    """The input cannot be processed; the message says why in one line."""


#: Encodings tried for bytes, in order: German archives mostly use one of these.
ENCODINGS: tuple[str, ...] = ("utf-8", "cp1252", "latin-1")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_WORD = re.compile(r"[^\W\d_]+")

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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes with the first encoding that works; return (text, encoding used)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError("undecodable input")  # pragma: no cover - latin-1 decodes every byte


def guess_language(text: str, sample_chars: int = 20_000) -> tuple[str, float]:
    """Best-matching language by function-word share, and that share (0..1)."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if not words:
        return "unknown", 0.0
    shares = {
        lang: sum(w in vocab for w in words) / len(words)
        for lang, vocab in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=shares.__getitem__)
    return best, shares[best]


def check_text(text: str | bytes, options: Options) -> tuple[str, list[str]]:
    """Validate one input; return the text to analyse and warnings for the record."""
    warnings: list[str] = []
    if isinstance(text, bytes):
        text, encoding = decode_bytes(text)
        warnings.append(f"input was bytes; decoded as {encoding}")
    if not isinstance(text, str):
        raise InputError(f"text must be str or bytes, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty text (nothing but whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise InputError(
            f"text looks binary or undecodable: {controls} control/replacement characters "
            f"in {len(text)}"
        )
    if len(text) > options.max_chars and not options.chunk_long_texts:
        raise InputError(
            f"text has {len(text)} characters, over the limit of {options.max_chars} "
            "(raise max_chars or enable chunk_long_texts)"
        )
    if options.check_language:
        language, share = guess_language(text)
        if language != "de" and share > 0.05:
            warnings.append(f"text does not look German (looks like {language!r})")
        elif language == "de" and share < 0.03 and len(text) > 200:
            warnings.append("text has few German function words; results may be poor")
    return text, warnings
