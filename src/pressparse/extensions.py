"""Every Doc/Span extension pressparse owns, in one table.

Components write their results here; `records.py` reads them back into the record contract.
Values are plain, picklable objects (pydantic records, strings, dates) so that Docs survive
``nlp.pipe(n_process=...)``. Registration is explicit (`register_extensions()`), called by
each factory and by `load()`, never as an import side effect of user code.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple, TypeVar

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

_T = TypeVar("_T")


@dataclass(frozen=True)
class Extension:
    owner: type  # Doc or Span
    name: str
    default: Any
    doc: str


#: Span groups (``doc.spans[key]``) used by our components.
SPAN_KEYS = {
    "dates": "pp_dates",  # temporal expressions, label = TIMEX3 type
    "people": "pp_people",  # person mentions, label = "PER"
    "orgs": "pp_orgs",  # organisation mentions, label = "ORG"
    "venues": "pp_venues",  # venue mentions, label = "VENUE"
    "triggers": "pp_triggers",  # event trigger mentions, label = taxonomy code
    "footer": "pp_footer",  # contact/footer blocks excluded from analysis
}

EXTENSIONS: tuple[Extension, ...] = (
    # document context, set by Extractor before the pipeline runs
    Extension(Doc, "pp_published", None, "publication date (datetime.date) or None"),
    Extension(Doc, "pp_title", None, "the release title if the caller gave one"),
    Extension(Doc, "pp_warnings", None, "list[str] of warnings for the record (None = none yet)"),
    # temporal
    Extension(Span, "pp_timex", None, "schema.TimeExpression for a span in doc.spans['pp_dates']"),
    Extension(Doc, "pp_anchor", None, "the date relative expressions were anchored to"),
    # who and where
    Extension(Doc, "pp_people", None, "list[schema.Person], one per person"),
    Extension(Doc, "pp_organizations", None, "list[schema.Organization], one per organisation"),
    Extension(Doc, "pp_venues", None, "list[schema.Venue], one per venue"),
    Extension(Doc, "pp_issuer", None, "name of the publishing authority or None"),
    Extension(Doc, "pp_body_end", None, "char offset where contact/footer blocks start, or None"),
    # events
    Extension(Doc, "pp_events", None, "list[schema.Event]"),
)


def register_extensions() -> None:
    """Register every extension in `EXTENSIONS` once (idempotent)."""
    for ext in EXTENSIONS:
        if not ext.owner.has_extension(ext.name):
            ext.owner.set_extension(ext.name, default=ext.default)


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning for the record (kept on the Doc until record assembly)."""
    if doc._.pp_warnings is None:
        doc._.pp_warnings = []
    if message not in doc._.pp_warnings:
        doc._.pp_warnings.append(message)


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_SENTENCES: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] = weakref.WeakKeyDictionary()
_ENTITIES: weakref.WeakKeyDictionary[Doc, tuple[Entity, ...]] = weakref.WeakKeyDictionary()


class Entity(NamedTuple):
    """One entity of ``doc.ents`` as plain values."""

    start_char: int
    end_char: int
    label: str
    text: str


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc.

    spaCy builds a Token object per token and joins their texts on each access (0.6 ms for a
    100-word release), and a Doc's text never changes, so components share one copy. The
    cache holds no Doc alive.
    """
    return _once(_TEXTS, doc, lambda: doc.text)


def remember_text(doc: Doc, text: str) -> Doc:
    """Tell `doc_text` the text ``doc`` was made from (the tokenizer keeps it verbatim), so
    that it is never rebuilt from the tokens."""
    _TEXTS[doc] = text
    return doc


def doc_sentences(doc: Doc) -> list[tuple[int, int]] | None:
    """Character offsets ``(start_char, end_char)`` of ``doc.sents``, or None when the Doc has
    no sentence boundaries; computed once per Doc.

    Read from the token arrays rather than by making a Span per sentence: the temporal and
    event components both need the offsets, after sentence boundaries are final. Same
    result as ``doc.sents`` (a sentence starts at token 0 and at every ``sent_start == 1``).
    """
    if not doc.has_annotation("SENT_START"):
        return None
    if "sents" in doc.user_hooks:
        return _once(_SENTENCES, doc, lambda: [(s.start_char, s.end_char) for s in doc.sents])
    return _once(_SENTENCES, doc, lambda: _sentence_offsets(doc))


def doc_entities(doc: Doc) -> tuple[Entity, ...]:
    """``doc.ents`` as plain values, read once per Doc.

    The people, organisation and venue components all read the model's entities; spaCy
    builds a Span object per entity (and a Token per entity token) on every ``doc.ents``.
    Read only after NER, when the entities are final.
    """
    def read() -> tuple[Entity, ...]:
        text = doc_text(doc)
        return tuple(Entity(e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char])
                     for e in doc.ents)

    return _once(_ENTITIES, doc, read)


def span_values(doc: Doc, spans: list[Span], name: str) -> list[Any]:
    """``span._.<name>`` for each of ``spans`` (spans of ``doc``), read without an
    Underscore object per span.

    Each ``span._`` builds an Underscore object (about 1.5 µs a span). spaCy keeps the value
    of an attribute extension (one without getter or method) in ``doc.user_data`` under
    ``("._.", name, start_char, end_char)``; the values are read from there once the first
    span's value, read through the public attribute, is found there too (so a spaCy that
    stores them elsewhere only takes the slow path).
    """
    default, method, getter, _ = Span.get_extension(name)
    data = doc.user_data
    # (spaCy stores a copy of a mutable default on first access, so those take the slow path)
    plain = method is None and getter is None and not isinstance(default, (dict, list, set))
    if spans and plain:
        first = spans[0]
        value = getattr(first._, name)  # (a set value, not the default, proves the place)
        if value is not default and value is data.get(
            ("._.", name, first.start_char, first.end_char)
        ):
            return [data.get(("._.", name, s.start_char, s.end_char), default) for s in spans]
    return [getattr(s._, name) for s in spans]


def _once(table: weakref.WeakKeyDictionary[Doc, _T], doc: Doc, compute: Callable[[], _T]) -> _T:
    """``table[doc]``, computed by ``compute()`` on first use (the per-Doc caches above)."""
    found = table.get(doc)
    if found is None:
        found = table[doc] = compute()
    return found


def _sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    if len(doc) == 0:
        return []
    table = doc.to_array([IDX, LENGTH, SENT_START]).astype("int64")
    starts = [0, *((table[1:, 2] == 1).nonzero()[0] + 1).tolist(), len(doc)]
    idx, length = table[:, 0].tolist(), table[:, 1].tolist()
    return [(idx[a], idx[b - 1] + length[b - 1]) for a, b in pairwise(starts)]
