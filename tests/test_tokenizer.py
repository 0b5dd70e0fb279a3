"""Tokenizer rules for German press text (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy

import pressparse.lang.de  # noqa: F401  (registers the tokenizer)
from pressparse.lang.de.tokenizer import (
    AbbreviationFileError,
    load_abbreviations,
    parse_abbreviations,
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank(
        "de", config={"nlp": {"tokenizer": {"@tokenizers": "pressparse.german_tokenizer.v1"}}}
    )


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 7. April", ["am", "7.", "April"]),
        ("am 24.11.2016 im Rathaus", ["am", "24.11.2016", "im", "Rathaus"]),
        ("am 24.11. um 18.30 Uhr", ["am", "24.11.", "um", "18.30", "Uhr"]),
        ("von 18:30 bis 20 Uhr", ["von", "18:30", "bis", "20", "Uhr"]),
        (
            "Dr. Anna Schulz und Prof. Jan Meyer",
            ["Dr.", "Anna", "Schulz", "und", "Prof.", "Jan", "Meyer"],
        ),
        ("z. B. Vereine, u. a. Schulen", ["z.", "B.", "Vereine", ",", "u.", "a.", "Schulen"]),
        ("Goethestr. 12, Nr. 5", ["Goethestr.", "12", ",", "Nr.", "5"]),
        ("in der Str. des 17. Juni", ["in", "der", "Str.", "des", "17.", "Juni"]),
        ("Stv. Vorsitzende", ["Stv.", "Vorsitzende"]),
    ],
)
def test_dates_times_abbreviations(nlp, text, expected):
    assert words(nlp, text) == expected


@pytest.mark.parametrize(
    "form",
    ["Bürger:innen", "Bürger*innen", "BürgerInnen", "Bürger_innen", "Vertreter/innen", "Lehrer:in"],
)
def test_gender_forms_stay_one_token(nlp, form):
    assert words(nlp, f"Alle {form}, bitte.") == ["Alle", form, ",", "bitte", "."]


def test_truncation_and_compounds(nlp):
    assert words(nlp, "die Integrations- und Demokratiekonferenz am Rathaus-Vorplatz") == [
        "die",
        "Integrations-",
        "und",
        "Demokratiekonferenz",
        "am",
        "Rathaus-Vorplatz",
    ]


def test_year_at_sentence_end_is_split(nlp):
    assert words(nlp, "seit 2014. Die") == ["seit", "2014", ".", "Die"]
    assert words(nlp, "am 24.11.2016.") == ["am", "24.11.2016", "."]


def test_plain_sentence_end_is_split(nlp):
    assert words(nlp, "Sie kommt aus Harburg.") == ["Sie", "kommt", "aus", "Harburg", "."]


def test_tokens_cover_text(nlp):
    text = "Am 7. April 2014 trafen sich Bürger:innen (u. a. aus Harburg) um 18.30 Uhr."
    doc = nlp(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_packaged_abbreviations_are_valid():
    abbrs = load_abbreviations()
    assert "Bez." in abbrs
    assert all(a.endswith(".") for a in abbrs)


def test_bad_abbreviation_line_names_file_and_line():
    with pytest.raises(AbbreviationFileError, match=r"abbr\.txt:2"):
        parse_abbreviations("Dr.\nkein Punkt\n", "abbr.txt")
