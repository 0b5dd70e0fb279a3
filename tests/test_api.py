"""Public API behaviour that does not depend on the trained model."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import spacy

import pressparse
from pressparse.extractor import coerce_published
from pressparse.pipeline import ModelNotFoundError, load_base
from pressparse.schema import ErrorRecord, PressRelease
from pressparse.validation import InputError


@pytest.fixture(scope="module")
def blank_extractor():
    return pressparse.load(spacy.blank("de"), require_ner=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (date(2016, 11, 24), date(2016, 11, 24)),
        (datetime(2016, 11, 24, 18, 30), date(2016, 11, 24)),
        ("2016-11-24", date(2016, 11, 24)),
        ("2016-11-24T18:30:00+01:00", date(2016, 11, 24)),
    ],
)
def test_published_accepts_date_datetime_iso(value, expected):
    assert coerce_published(value) == expected


@pytest.mark.parametrize("value", ["24.11.2016", "gestern", "2016-13-45", 20161124])
def test_published_rejects_bad_values_clearly(value):
    with pytest.raises(ValueError, match="published"):
        coerce_published(value)


def test_parse_returns_record_with_published(blank_extractor):
    record = blank_extractor.parse("Die Stadt lädt ein.", published="2020-01-02", id="x1")
    assert isinstance(record, PressRelease)
    assert record.id == "x1" and record.published == date(2020, 1, 2)
    assert record.language == "de"
    assert record.model_dump(mode="json")["published"] == "2020-01-02"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02\x03\x04\x05 binary"])
def test_unusable_text_raises_input_error(blank_extractor, text):
    with pytest.raises(InputError):
        blank_extractor.parse(text)


def test_pipe_keeps_order_and_turns_failures_into_error_records(blank_extractor):
    items = [
        pressparse.InputDoc(id="a", text="Der Rat tagt am Montag."),
        pressparse.InputDoc(id="b", text="   "),
        {"id": "c", "text": "Die Bürgermeisterin eröffnet das Fest.", "published": "2021-05-01"},
        pressparse.InputDoc(id="d", text="Text", published="not a date"),
    ]
    out = list(blank_extractor.pipe(items, errors="record"))
    assert [r.id for r in out] == ["a", "b", "c", "d"]
    assert isinstance(out[1], ErrorRecord) and "empty" in out[1].error
    assert isinstance(out[3], ErrorRecord) and "published" in out[3].error
    assert out[2].published == date(2021, 5, 1)


def test_pipe_raises_by_default(blank_extractor):
    with pytest.raises(InputError):
        list(blank_extractor.pipe(["ok text", ""]))


def test_english_text_gets_a_warning(blank_extractor):
    record = blank_extractor.parse(
        "The city council will meet on Monday in the town hall to discuss the budget and the "
        "new park. The mayor said that this is an important step for the city and its people."
    )
    assert any("German" in w for w in record.warnings)


def test_unknown_model_is_one_clear_error():
    with pytest.raises(ModelNotFoundError, match="cannot load German pipeline"):
        load_base("no_such_pipeline_xyz")


def test_pipeline_without_ner_is_refused():
    with pytest.raises(ModelNotFoundError, match="no NER"):
        load_base(spacy.blank("de"))


def test_non_german_pipeline_is_refused():
    with pytest.raises(ModelNotFoundError, match="German"):
        load_base(spacy.blank("en"), require_ner=False)


def test_component_config_overrides_reach_the_factory(tmp_path):
    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text("not a valid lexicon line without tabs\n", encoding="utf-8")
    with pytest.raises(Exception, match="triggers.tsv"):
        pressparse.load(spacy.blank("de"), require_ner=False,
                        components={"pressparse_events": {"lexicon_paths": [str(lexicon)]}})


def test_config_for_unknown_component_is_refused():
    with pytest.raises(ValueError, match="unknown components"):
        pressparse.load(spacy.blank("de"), require_ner=False, components={"no_such": {}})
