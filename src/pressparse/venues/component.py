"""spaCy wiring for the venue rules (factory ``pressparse_venues``).

Uses the model's LOC entities only as place knowledge ("Rathaus Altona": the place
after the venue noun belongs to its name); writes ``doc._.pp_venues`` and
``doc.spans["pp_venues"]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, doc_entities, doc_text, register_extensions
from ..people.spans import char_spans
from ..schema import Venue
from .rules import find_venues

LOC_LABELS = ("LOC", "GPE")
#: ``doc.user_data`` key of the venues found for a Doc, with the arguments they were found for.
FOUND_KEY = "pp_venues_found"


def venue_inputs(doc: Doc) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """What venue finding reads from a Doc: the model's place names, and the spans of the
    people found (no venue inside). The organisation component passes both on as well."""
    places = frozenset(e.text for e in doc_entities(doc) if e.label in LOC_LABELS)
    people = doc._.pp_people or []
    return places, [(m.start, m.end) for p in people for m in p.mentions]


def venues_of_doc(doc: Doc, places: frozenset[str], blocked: Sequence[tuple[int, int]]) -> list[Venue]:
    """`find_venues` for a Doc, run once: the organisation component needs the venues first
    (a venue is no organisation) and this component reports them. The result is kept on the
    Doc itself, keyed by the arguments, so it can only be reused for the same text and input."""
    key = (places, tuple(blocked))
    found = doc.user_data.get(FOUND_KEY)
    if found is not None and found[0] == key:
        return found[1]
    venues = find_venues(doc_text(doc), places, key[1])
    doc.user_data[FOUND_KEY] = (key, venues)
    return venues


class VenuesComponent:
    """Pipeline component: venues with parsed addresses."""

    def __init__(self, span_key: str = SPAN_KEYS["venues"]) -> None:
        register_extensions()
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        venues = venues_of_doc(doc, *venue_inputs(doc))
        doc.user_data.pop(FOUND_KEY, None)  # read by both components; not part of the result
        doc._.pp_venues = venues
        doc.spans[self.span_key] = char_spans(
            doc, [(m.start, m.end) for v in venues for m in v.mentions], "VENUE"
        )
        return doc


@Language.factory(
    "pressparse_venues",
    assigns=["doc._.pp_venues", "doc.spans"],
    default_config={"span_key": SPAN_KEYS["venues"]},
)
def make_venues(nlp: Language, name: str, span_key: str) -> VenuesComponent:
    return VenuesComponent(span_key=span_key)
