"""spaCy wiring for document metadata (factory ``pressparse_metadata``).

Sets ``doc._.pp_body_end`` and ``doc.spans["pp_footer"]`` for a trailing contact block,
``doc._.pp_issuer`` when the text names its publisher, and ``doc._.pp_published`` from the
header when the caller gave no date (with a warning, since the record then relies on it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, add_warning, doc_text, register_extensions
from .rules import find_issuer, footer_start, header_date


class MetadataComponent:
    """Pipeline component: footer block, issuer, header publication date."""

    def __init__(self, span_key: str = SPAN_KEYS["footer"], date_from_header: bool = True) -> None:
        register_extensions()
        self.span_key = span_key
        self.date_from_header = date_from_header

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        start = footer_start(text)
        spans = []
        if start is not None:
            span = doc.char_span(start, len(text.rstrip()), label="FOOTER", alignment_mode="expand")
            if span is not None:
                spans.append(span)
                doc._.pp_body_end = span.start_char
        doc.spans[self.span_key] = spans
        doc._.pp_issuer = find_issuer(text)
        if self.date_from_header and doc._.pp_published is None:
            found = header_date(text)
            if found is not None:
                doc._.pp_published = found
                add_warning(doc, f"publication date {found.isoformat()} read from the text header")
        return doc


@Language.factory(
    "pressparse_metadata",
    assigns=["doc._.pp_issuer", "doc._.pp_body_end", "doc._.pp_published", "doc.spans"],
    default_config={"span_key": SPAN_KEYS["footer"], "date_from_header": True},
)
def make_metadata(nlp: Language, name: str, span_key: str, date_from_header: bool) -> MetadataComponent:
    return MetadataComponent(span_key=span_key, date_from_header=date_from_header)
