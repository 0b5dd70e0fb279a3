"""Lookup lemmatizer whose table is a plain dict stored inside the model.

spaCy's own lookup lemmatizer rebuilds its 355k-entry table item by item (with a Bloom
filter) when a model is loaded, which alone takes several seconds. This component keeps the
same German table from spacy-lookups-data (``de_lemma_lookup``) as a msgpack dict, which
loads in a fraction of the time, so the model loads well under 2 s and needs no
spacy-lookups-data at run time.

At training time the table is restricted to forms attested in spacy-lookups-data's German
frequency list. Lookup order: exact form, then the lower-cased form (sentence-initial capitals), then the
form itself. Punctuation, numbers and spaces keep their text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

FILE_NAME = "lemmas.msgpack"


class LookupLemmatizer:
    """Assigns ``token.lemma_`` from a form -> lemma dict."""

    def __init__(self, nlp: Language, name: str, overwrite: bool = False) -> None:
        self.name = name
        self.overwrite = overwrite
        self.table: dict[str, str] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language | None = None,
        table: dict[str, str] | None = None,
    ) -> None:
        """Take the table from ``table`` or from spacy-lookups-data (training time only)."""
        if table is None:
            table = _load_data("de_lemma_lookup.json.gz")
            # Keep forms attested in the 1M-word frequency list: 93k of 355k entries cover
            # running text almost completely and load four times faster.
            attested = _load_data("de_lexeme_prob.json.gz")
            table = {k: v for k, v in table.items() if k in attested or k.lower() in attested}
        self.table = {k: v for k, v in table.items() if k != v}

    def lemma(self, text: str) -> str:
        table = self.table
        found = table.get(text)
        if found is None and text[:1].isupper():
            found = table.get(text.lower())
        return text if found is None else found

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not self.overwrite and token.lemma != 0:
                continue
            if token.is_punct or token.is_space or token.like_num:
                token.lemma_ = token.text
            else:
                token.lemma_ = self.lemma(token.text)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_msgpack(path / FILE_NAME, self.table)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        self.table = dict(srsly.read_msgpack(ensure_path(path) / FILE_NAME))
        return self


def _load_data(filename: str) -> dict:
    """A German table of spacy-lookups-data as a plain dict (training time only)."""
    import gzip
    import json

    import spacy_lookups_data

    with gzip.open(spacy_lookups_data.get_file(filename), "rt", encoding="utf-8") as fh:
        return json.load(fh)


@Language.factory("pressparse_lemmatizer", default_config={"overwrite": False})
def make_lookup_lemmatizer(nlp: Language, name: str, overwrite: bool) -> LookupLemmatizer:
    """Factory for the dict-backed lookup lemmatizer of ``de_pressparse``."""
    return LookupLemmatizer(nlp, name, overwrite=overwrite)
