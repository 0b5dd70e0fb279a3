"""Guards that keep spaCy's tokenizer linear on hostile input.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free string one at a time and
runs the suffix regex (``...$``) over the *whole* remaining string each time, and it tries
``token_match`` and ``url_match`` on it, so one long run such as ``a))))...`` or
``a:a:a:...`` costs quadratic time or worse (16,000 closing parentheses took about five
minutes; spaCy's URL pattern needs two seconds for a 16,000-character ``a:a:...``). We wrap
the three callables:

* the suffix search looks only at the last `SUFFIX_WINDOW` characters (a real suffix is a few
  characters; only suffix runs longer than the window are split differently);
* `make_doc` tokenizes whitespace-free runs longer than `LONG_RUN` characters in slices,
  because spaCy also copies and hashes the remaining string on every peeled affix;
* ``token_match`` and ``url_match`` refuse strings longer than `MAX_MATCH_CHARS` (no German
  word form or URL in a press release is that long).

The wrappers keep a ``pattern`` attribute, so ``nlp.to_disk()`` still serializes the
tokenizer. They are applied to every pipeline an `Extractor` runs, because loading a model
from disk replaces the tokenizer's callables with plain compiled regexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .extensions import remember_text

#: Characters of a string's end the suffix search sees.
SUFFIX_WINDOW = 24
#: Whitespace-free runs longer than this are tokenized in slices of this size (`make_doc`).
LONG_RUN = 1000
# Starts only where a run starts (lookbehind), so the search is linear.
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}}")
_SPACE = re.compile(r"\s*")
#: Longest string ``token_match``/``url_match`` are tried on.
MAX_MATCH_CHARS = 1000


class TailSearch:
    """``regex.search`` restricted to the last ``window`` characters of a string."""

    def __init__(self, regex: re.Pattern[str], window: int = SUFFIX_WINDOW) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.window = window

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string[-self.window :] if len(string) > self.window else string)


class BoundedMatch:
    """``regex.match`` that declines strings longer than ``max_chars``."""

    def __init__(self, regex: re.Pattern[str], max_chars: int = MAX_MATCH_CHARS) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.max_chars = max_chars

    def match(self, string: str) -> re.Match[str] | None:
        return None if len(string) > self.max_chars else self.regex.match(string)


def _regex_of(func: Callable[..., Any] | None) -> re.Pattern[str] | None:
    """The compiled regex behind a bound ``search``/``match`` method (None if not one)."""
    owner = getattr(func, "__self__", None)
    if isinstance(owner, re.Pattern):
        return owner
    if isinstance(owner, (TailSearch, BoundedMatch)):
        return owner.regex
    return None


def harden_tokenizer(nlp: Language) -> bool:
    """Wrap the tokenizer's suffix search, token_match and url_match (idempotent).

    Returns False when the tokenizer is not a regex-based spaCy `Tokenizer` (left alone).
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return False
    suffix = _regex_of(tokenizer.suffix_search)
    if suffix is not None:
        tokenizer.suffix_search = TailSearch(suffix).search
    for attr in ("token_match", "url_match"):
        regex = _regex_of(getattr(tokenizer, attr))
        if regex is not None:
            setattr(tokenizer, attr, BoundedMatch(regex).match)
    return True


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with whitespace-free runs over `LONG_RUN` chars cut in slices.

    The Doc's text is exactly ``text``; only tokens inside such a run may differ from what
    the tokenizer alone would give (a slice border is a token border).
    """
    if not _LONG_RUN.search(text):
        return remember_text(nlp.make_doc(text), text)
    docs: list[Doc] = []
    last = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > last:
            docs.append(nlp.make_doc(text[last : run.start()]))
        # The whitespace after the run goes with its last slice, as it would in context.
        end = _SPACE.match(text, run.end()).end()
        for start in range(run.start(), run.end(), LONG_RUN):
            stop = start + LONG_RUN
            docs.append(nlp.make_doc(text[start : stop if stop < run.end() else end]))
        last = end
    if last < len(text):
        docs.append(nlp.make_doc(text[last:]))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs keeps text; checked, never assumed
        raise RuntimeError("tokenizer slices do not reproduce the text")
    return remember_text(doc, text)
