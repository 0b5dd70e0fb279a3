"""Per-Doc values that components share (`pressparse.extensions`)."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from pressparse.extensions import doc_entities, doc_text, remember_text


def test_doc_entities_are_doc_ents_as_plain_values() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Oberbürgermeisterin Anna Müller eröffnet im Rathaus Altona den Markt.")
    doc.ents = [Span(doc, 1, 3, "PER"), Span(doc, 5, 7, "LOC")]
    found = doc_entities(doc)
    assert [(e.start_char, e.end_char, e.label, e.text) for e in found] == [
        (e.start_char, e.end_char, e.label_, e.text) for e in doc.ents
    ]
    assert [e.text for e in found] == ["Anna Müller", "Rathaus Altona"]
    assert doc_entities(doc) is found  # read once per Doc


def test_doc_text_is_built_once_or_taken_from_remember_text() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Am 3. Mai  um 18 Uhr.\n")
    assert doc_text(doc) == doc.text
    other = remember_text(nlp("Rathaus"), "Rathaus")
    assert doc_text(other) == "Rathaus"


def test_span_values_unset_and_mutable_values() -> None:
    from pressparse.extensions import span_values

    Span.set_extension("pp_test_plain", default=None, force=True)
    try:
        doc = spacy.blank("de")("Am Montag tagt der Rat im Rathaus.")
        spans = [Span(doc, 0, 2), Span(doc, 3, 5), Span(doc, 5, 7)]
        spans[0]._.pp_test_plain = "a"  # spans[1] keeps the default
        spans[2]._.pp_test_plain = {"b": 1}
        assert span_values(doc, spans, "pp_test_plain") == ["a", None, {"b": 1}]
        assert span_values(doc, spans[1:], "pp_test_plain") == [None, {"b": 1}]  # slow path
        assert span_values(doc, [], "pp_test_plain") == []
    finally:
        Span.remove_extension("pp_test_plain")


def test_span_values_read_what_span_underscore_reads() -> None:
    from pressparse.extensions import register_extensions, span_values
    from pressparse.schema import TimeExpression

    register_extensions()
    doc = spacy.blank("de").make_doc("Am 4. Mai und am 5. Mai feiern wir.")
    spans = [doc[1:3], doc[5:7], doc[0:1]]
    for span, day in zip(spans[:2], ("04", "05"), strict=True):
        span._.pp_timex = TimeExpression(
            text=span.text, start=span.start_char, end=span.end_char, type="DATE", value=f"2025-05-{day}"
        )
    for order in (spans, spans[::-1]):  # the first span with a value or without one
        assert span_values(doc, order, "pp_timex") == [s._.pp_timex for s in order]
    Span.set_extension("pp_test_length", getter=len, force=True)
    try:
        assert span_values(doc, spans, "pp_test_length") == [2, 2, 1]
    finally:
        Span.remove_extension("pp_test_length")
