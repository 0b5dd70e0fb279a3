"""Character offsets -> Doc spans, shared by the who-and-where components."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def char_spans(doc: Doc, spans: Iterable[tuple[int, int]], label: str) -> list[Span]:
    """Doc spans for character offsets (expanded to token boundaries), skipping misses."""
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out
