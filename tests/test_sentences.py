"""Rule-based sentence boundaries (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy

import pressparse.lang.de  # noqa: F401  (registers tokenizer + pressparse_sentences)
from pressparse.lang.de import is_sentence_start_after_ordinal


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank(
        "de", config={"nlp": {"tokenizer": {"@tokenizers": "pressparse.german_tokenizer.v1"}}}
    )
    nlp.add_pipe("pressparse_sentences")
    return nlp


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_no_split_at_ordinals_dates_and_abbreviations(nlp):
    text = "Am 7. April lädt Dr. Meyer z. B. Vereine u. a. aus der Hauptstr. ein, Beginn am 24.11. um 18.30 Uhr."
    assert sents(nlp, text) == [text]


def test_split_after_year(nlp):
    assert sents(nlp, "Das Projekt läuft seit 2014. Die Stadt zahlt.") == [
        "Das Projekt läuft seit 2014.",
        "Die Stadt zahlt.",
    ]


def test_split_at_real_ends_and_quotes(nlp):
    text = "„Wir freuen uns.“ Danach sprach sie! Kommen Sie? Ja."
    assert sents(nlp, text) == ["„Wir freuen uns.“", "Danach sprach sie!", "Kommen Sie?", "Ja."]


def test_line_breaks_end_headlines(nlp):
    text = "Neue Kita in Harburg\n\nDie Kita öffnet am 1. März."
    assert sents(nlp, text) == ["Neue Kita in Harburg", "Die Kita öffnet am 1. März."]


def test_ordinal_before_sentence_opener(nlp):
    assert sents(nlp, "Sie belegte Platz 3. Die Siegerin kommt aus Harburg.") == [
        "Sie belegte Platz 3.",
        "Die Siegerin kommt aus Harburg.",
    ]
    assert is_sentence_start_after_ordinal("3.", "Die")
    assert not is_sentence_start_after_ordinal("3.", "Oktober")
    assert not is_sentence_start_after_ordinal("Dr.", "Die")


def test_every_token_has_a_decision(nlp):
    doc = nlp("Eins. Zwei\nDrei")
    assert all(tok.is_sent_start is not None for tok in doc)


@pytest.mark.parametrize("text", [
    "", " ", "Neu", "Hallo.  Welt!\n\nNeu", "  führend. Und  ", "\n\n",
    "Am 7. April lädt Dr. Meyer ein. Beginn um 18.30 Uhr.\nRathaus\n\nDie Stadt informiert. ",
])
def test_doc_sentences_equal_doc_sents(nlp, text: str):
    """The components' cached sentence offsets are what `doc.sents` gives."""
    from pressparse.extensions import doc_sentences

    doc = nlp(text)
    assert doc_sentences(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert doc_sentences(doc) is doc_sentences(doc)  # computed once per Doc


def test_doc_sentences_without_boundaries_is_none():
    from pressparse.extensions import doc_sentences

    assert doc_sentences(spacy.blank("de")("Ein Satz. Noch einer.")) is None


def test_doc_text_is_the_text_a_hardened_doc_was_made_from(nlp):
    from pressparse.extensions import doc_text
    from pressparse.hardening import make_doc

    for text in ("Am 3. Mai  um 18 Uhr.\n", "x" * 3000 + " Rathaus"):
        doc = make_doc(nlp, text)
        assert doc_text(doc) == doc.text == text
