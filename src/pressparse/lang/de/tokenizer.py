"""Tokenizer for German press text, built on spaCy's German defaults.

spaCy's defaults already keep ordinals ("7."), dates ("24.11.2016", "24.11."), clock times
("18.30") and ~400 abbreviations together. What press releases additionally need:

* years and other numbers of 3+ digits at a sentence end are split from the period
  ("... seit 2014. Die ...") so that a sentence boundary can be found there;
* gender forms stay one token ("Bürger:innen", "Vertreter/innen", "Bürger_innen");
* street abbreviations glued to the name stay one token ("Schlossstr. 5");
* extra abbreviations from ``resources/de/tokenizer/abbreviations.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import spacy
from spacy.lang.de import German
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

ABBREVIATIONS_RESOURCE = ("resources", "de", "tokenizer", "abbreviations.txt")

# Gender forms (colon, slash, underscore, asterisk, middle dot before "in"/"innen"), and
# street names abbreviated with "str." ("Hauptstr.", "Max-Brauer-Allee" needs nothing).
_TOKEN_MATCH = re.compile(
    r"^(?:[A-Za-zÄÖÜäöüß]+[:/_*·]in(?:nen)?"
    r"|[A-ZÄÖÜ][A-Za-zÄÖÜäöüß-]*str\.)$"
)
# A period after a number of three or more digits is a sentence end, not an ordinal.
_EXTRA_SUFFIXES = [r"(?<=[0-9]{3})\."]


class AbbreviationFileError(ValueError):
    """An abbreviation resource line is malformed (message names file and line)."""


def parse_abbreviations(text: str, source: str) -> list[str]:
    """Parse the abbreviation list; every entry must be one token ending in a period."""
    entries: list[str] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if " " in line or not line.endswith(".") or len(line) < 2:
            raise AbbreviationFileError(
                f"{source}:{lineno}: abbreviation must be a single token ending in '.': {raw!r}"
            )
        entries.append(line)
    return entries


@lru_cache(maxsize=1)
def load_abbreviations() -> tuple[str, ...]:
    """The packaged extra abbreviations (validated)."""
    ref = resources.files("pressparse").joinpath(*ABBREVIATIONS_RESOURCE)
    return tuple(
        parse_abbreviations(ref.read_text(encoding="utf-8"), "/".join(ABBREVIATIONS_RESOURCE))
    )


def build_tokenizer(nlp: Language) -> Tokenizer:
    """Build the press-text tokenizer for a German ``nlp`` object."""
    defaults = German.Defaults
    rules = dict(defaults.tokenizer_exceptions)
    for abbr in load_abbreviations():
        rules[abbr] = [{ORTH: abbr}]
    suffixes = list(defaults.suffixes or []) + _EXTRA_SUFFIXES
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes or []).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes or []).finditer,
        token_match=_TOKEN_MATCH.match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers("pressparse.german_tokenizer.v1")
def create_german_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered tokenizer factory referenced by the ``de_pressparse`` config."""
    return build_tokenizer
