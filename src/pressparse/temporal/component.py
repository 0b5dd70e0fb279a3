"""spaCy wiring for the temporal tagger (factory ``pressparse_temporal``).

The component only translates: it reads ``doc._.pp_published``, runs `tag_with_info` on the
Doc text and writes spans to ``doc.spans["pp_dates"]`` with the exact TimeExpression on
``span._.pp_timex``. It needs no parser: sentence boundaries from the Doc are used when it
has them, otherwise the tagger splits sentences itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS, add_warning, doc_sentences, doc_text, register_extensions
from .tagger import tag_with_info


class TemporalTagger:
    """Pipeline component: temporal expressions -> ``doc.spans[span_key]``."""

    def __init__(self, span_key: str = SPAN_KEYS["dates"]) -> None:
        register_extensions()
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        result = tag_with_info(doc_text(doc), doc._.pp_published, sentences=doc_sentences(doc))
        spans: list[Span] = []
        used: set[tuple[int, int]] = set()
        for item in result.items:
            expr = item.expr
            # spaCy keys span extensions by character offsets, so the two values of a range
            # sit on different spans: the whole range for the first, its own part for the rest.
            candidates = [(expr.start, expr.end), (item.part_start, item.part_end)]
            span = None
            for start, end in candidates:
                span = doc.char_span(start, end, label=expr.type, alignment_mode="expand")
                if span is not None and (span.start_char, span.end_char) not in used:
                    break
                span = None
            if span is None:
                continue
            used.add((span.start_char, span.end_char))
            span._.pp_timex = expr
            spans.append(span)
        doc.spans[self.span_key] = spans
        doc._.pp_anchor = result.anchor
        for warning in result.warnings:
            add_warning(doc, warning)
        return doc


@Language.factory(
    "pressparse_temporal",
    default_config={"span_key": SPAN_KEYS["dates"]},
)
def make_temporal_tagger(nlp: Language, name: str, span_key: str) -> TemporalTagger:
    return TemporalTagger(span_key=span_key)
