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


def test_span_values_are_the_public_values() -> None:
    from pressparse.extensions import span_values

    for name, kwargs in (("pp_test_plain", {"default": None}),
                         ("pp_test_getter", {"getter": lambda span: span.text.upper()})):
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    nlp = spacy.blank("de")
    doc = nlp("Am Montag tagt der Rat im Rathaus.")
    spans = [Span(doc, 0, 2), Span(doc, 3, 5), Span(doc, 5, 7)]
    spans[0]._.pp_test_plain = "a"  # spans[1] keeps the default
    spans[2]._.pp_test_plain = {"b": 1}
    assert span_values(doc, spans, "pp_test_plain") == ["a", None, {"b": 1}]
    assert span_values(doc, spans[1:], "pp_test_plain") == [None, {"b": 1}]  # slow path
    assert span_values(doc, spans, "pp_test_getter") == ["AM MONTAG", "DER RAT", "IM RATHAUS"]
    assert span_values(doc, [], "pp_test_plain") == []
