"""spaCy wiring for the venue rules (factory ``pressparse_venues``).

Uses the model's LOC entities only as place knowledge ("Rathaus Altona": the place
after the venue noun belongs to its name); writes ``doc._.pp_venues`` and
``doc.spans["pp_venues"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, register_extensions
from ..people.spans import char_spans
from .rules import find_venues

LOC_LABELS = ("LOC", "GPE")


class VenuesComponent:
    """Pipeline component: venues with parsed addresses."""

    def __init__(self, span_key: str = SPAN_KEYS["venues"]) -> None:
        register_extensions()
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        places = frozenset(e.text for e in doc.ents if e.label_ in LOC_LABELS)
        people = doc._.pp_people or []
        blocked = [(m.start, m.end) for p in people for m in p.mentions]
        venues = find_venues(doc.text, places, blocked)
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
