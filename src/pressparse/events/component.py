"""spaCy wiring for event extraction (factory ``pressparse_events``, the last component).

The component gathers what the other components left on the Doc (dates, venues, people,
organisations, where the footer starts), runs `extract_events` and writes
``doc._.pp_events`` plus one span per trigger in ``doc.spans["pp_triggers"]``.
Users extend the trigger lexicon with ``config={"lexicon_paths": [...]}`` (see
``resources/de/events/README.md``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, doc_sentences, doc_text, register_extensions, span_values
from .build import EventInputs, extract_events
from .lexicon import Lexicon, load_lexicon


def doc_inputs(doc: Doc) -> EventInputs:
    """The event extractor's inputs, read from a processed Doc."""
    sentences = doc_sentences(doc)
    dates = []
    key = SPAN_KEYS["dates"]
    if key in doc.spans:
        dates = [t for t in span_values(doc, list(doc.spans[key]), "pp_timex") if t is not None]
    ext = doc._  # (one Underscore object for the five reads, not one each)
    return EventInputs(
        text=doc_text(doc),
        published=ext.pp_published,
        body_end=ext.pp_body_end,
        sentences=sentences,
        dates=dates,
        venues=list(ext.pp_venues or []),
        people=list(ext.pp_people or []),
        organizations=list(ext.pp_organizations or []),
    )


class EventExtractor:
    """Pipeline component: typed, dated, placed events -> ``doc._.pp_events``."""

    def __init__(self, lexicon: Lexicon, span_key: str = SPAN_KEYS["triggers"]) -> None:
        register_extensions()
        self.lexicon = lexicon
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        events = extract_events(doc_inputs(doc), self.lexicon)
        doc._.pp_events = events
        spans = []
        for event in events:
            span = doc.char_span(
                event.trigger.start, event.trigger.end, label=event.type, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory(
    "pressparse_events",
    default_config={"lexicon_paths": [], "span_key": SPAN_KEYS["triggers"]},
)
def make_event_extractor(
    nlp: Language, name: str, lexicon_paths: list[str], span_key: str
) -> EventExtractor:
    """Factory; ``lexicon_paths`` adds user trigger files or directories to the shipped one."""
    return EventExtractor(load_lexicon(lexicon_paths), span_key=span_key)
