"""spaCy wiring for the organisation rules (factory ``pressparse_orgs``).

Reads the model's ORG entities as candidates, the people found before (no organisation inside
a person's name; organisations their roles name) and writes ``doc._.pp_organizations`` and
``doc.spans["pp_orgs"]``. Model ORG entities that are venues ("Rathaus Altona") are
left to the venue component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, doc_entities, doc_text, register_extensions
from ..people.spans import char_spans
from .rules import find_orgs

ORG_LABELS = ("ORG", "ORGANIZATION")


class OrgsComponent:
    """Pipeline component: organisations, merged across inflected and short mentions."""

    def __init__(self, use_model: bool = True, span_key: str = SPAN_KEYS["orgs"]) -> None:
        register_extensions()
        self.use_model = use_model
        self.span_key = span_key
        # imported here, not at module level: venue rules import ours. Not in `__call__`
        # either: an import statement costs microseconds on every Doc.
        from ..venues.component import venue_inputs, venues_of_doc

        self._venue_inputs = venue_inputs
        self._venues_of_doc = venues_of_doc

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        places, person_spans = self._venue_inputs(doc)
        venues = self._venues_of_doc(doc, places, person_spans)  # reused by the venue component
        venue_spans = [(m.start, m.end) for v in venues for m in v.mentions]
        # a place given with its street address is a venue, not also an organisation
        addressed = [(m.start, m.end) for v in venues if v.address is not None
                     and v.address.street for m in v.mentions]
        model = []
        if self.use_model:
            for e in doc_entities(doc):
                if e.label not in ORG_LABELS:
                    continue
                if any(e.start_char < ve and vs < e.end_char for vs, ve in venue_spans):
                    continue
                model.append((e.start_char, e.end_char))
        orgs = find_orgs(
            text,
            model_spans=model,
            person_spans=person_spans,
            extra=doc.user_data.get("pp_person_orgs", []),
            places=places,
            blocked=person_spans + addressed,
        )
        doc._.pp_organizations = orgs
        doc.spans[self.span_key] = char_spans(
            doc, [(m.start, m.end) for o in orgs for m in o.mentions], "ORG"
        )
        return doc


@Language.factory(
    "pressparse_orgs",
    assigns=["doc._.pp_organizations", "doc.spans"],
    default_config={"use_model": True, "span_key": SPAN_KEYS["orgs"]},
)
def make_orgs(nlp: Language, name: str, use_model: bool, span_key: str) -> OrgsComponent:
    return OrgsComponent(use_model=use_model, span_key=span_key)
