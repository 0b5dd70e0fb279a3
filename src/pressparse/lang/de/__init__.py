"""German language support for pressparse: tokenizer rules and sentence boundaries.

Importing this package registers

* ``pressparse.german_tokenizer.v1`` in ``spacy.registry.tokenizers`` and
* the ``pressparse_sentences`` and ``pressparse_lemmatizer`` pipeline factories,

both of which the shipped ``de_pressparse`` model config references.
"""

from __future__ import annotations

from .lemmatizer import LookupLemmatizer
from .sentences import PressSentenceSplitter, is_sentence_start_after_ordinal
from .tokenizer import create_german_tokenizer, load_abbreviations

__all__ = [
    "LookupLemmatizer",
    "PressSentenceSplitter",
    "create_german_tokenizer",
    "is_sentence_start_after_ordinal",
    "load_abbreviations",
]
