"""Golden tests: the extractor on our own samples, scored by the guideline's rules.

We assert field-level scores (regression floors a little under what we measure), never
exact dumps: the samples are written by us (data/samples/README.md), not by the dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressparse.evaluate import evaluate, load_gold
from pressparse.extractor import InputDoc
from pressparse.records import offset_errors

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

#: Floors per field (F1), set under the scores measured when they were last raised.
F1_FLOORS = {
    "people": 0.80,
    "organizations": 0.75,
    "venues": 0.50,
    "dates": 0.80,
    "events": 0.65,
}
ROLE_ACCURACY_FLOOR = 0.70
EVENT_VENUE_FLOOR = 0.45


@pytest.fixture(scope="module")
def gold():
    return load_gold(SAMPLES)


@pytest.fixture(scope="module")
def predictions(extractor, gold):
    inputs = [
        InputDoc(id=g["id"], text=g["text"], published=g.get("published"), title=g.get("title"))
        for g in gold
    ]
    return list(extractor.pipe(inputs))


@pytest.fixture(scope="module")
def score(gold, predictions):
    return evaluate(gold, [p.model_dump(mode="json") for p in predictions])


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_field_f1_on_samples(score, field):
    counts = score.fields[field]
    assert counts.f1 >= F1_FLOORS[field], f"{field}: {counts.as_dict()}"


def test_role_and_event_venue_accuracy(score):
    assert score.role_accuracy.value >= ROLE_ACCURACY_FLOOR, score.role_accuracy.as_dict()
    assert score.event_venue_accuracy.value >= EVENT_VENUE_FLOOR, score.event_venue_accuracy.as_dict()


def test_offsets_match_the_text(gold, predictions):
    for item, record in zip(gold, predictions, strict=True):
        assert offset_errors(record, item["text"]) == [], item["id"]


def test_every_sample_yields_events_and_dates(predictions):
    for record in predictions:
        assert record.dates, record.id
        assert record.events, record.id
