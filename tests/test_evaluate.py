"""The scorer follows the guideline's scoring rules exactly (spec/annotation.md)."""

from __future__ import annotations

import pytest

from pressparse.evaluate import (
    evaluate,
    lenient_name_match,
    normalize_person,
    score_dates,
    score_events,
    score_names,
    score_people,
)


def people(*items):
    return [{"name": n, "role": r} for n, r in items]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dr. Melanie Leonhard", "melanie leonhard"),
        ("Prof. Dr.  Anna   Schmidt", "anna schmidt"),
        ("Dipl.-Ing. Karl Berg", "karl berg"),
        ("Thomas Völsch", "thomas völsch"),
    ],
)
def test_normalize_person_strips_titles_and_folds(raw, expected):
    assert normalize_person(raw) == expected


def test_people_exact_and_role_accuracy():
    gold = people(("Thomas Völsch", "Bezirksamtsleiter"), ("Melanie Leonhard", "Senatorin"))
    pred = people(("thomas völsch", "Bezirksamtsleiter"), ("Dr. Melanie Leonhard", None))
    counts, roles = score_people(gold, pred)
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)
    assert (roles.correct, roles.total) == (1, 2)


def test_people_surname_only_matches_only_if_unique():
    gold = people(("Thomas Völsch", None), ("Anna Meier", None))
    counts, _ = score_people(gold, people(("Völsch", None)))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)
    ambiguous = people(("Anna Meier", None), ("Karl Meier", None))
    counts, _ = score_people(ambiguous, people(("Meier", None)))
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 2)


def test_each_gold_person_matches_at_most_one_prediction():
    counts, _ = score_people(people(("Anna Meier", None)), people(("Anna Meier", None), ("Meier", None)))
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        ("Lokalen Partnerschaften Harburg", "Lokale Partnerschaften Harburg", True),
        ("der Harburger Integrationsrat", "Harburger Integrationsrat", True),
        ("Rathaus", "Rathaus Altona", True),  # contained as whole words
        ("Rat", "Rathaus Altona", False),  # not a whole word
        ("Elbcampus", "BGZ", False),
    ],
)
def test_lenient_name_match(a, b, match):
    assert lenient_name_match(a, b) is match


def test_names_are_matched_one_to_one():
    gold = [{"name": "Rathaus Altona"}]
    pred = [{"name": "Rathaus"}, {"name": "Rathaus Altona"}]
    counts = score_names(gold, pred)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_dates_multiset_ignores_ref_duration_and_set():
    gold = [
        {"type": "DATE", "value": "2016-11-24"},
        {"type": "DATE", "value": "2016-11-24"},
        {"type": "DATE", "value": "PRESENT_REF"},
        {"type": "DURATION", "value": "P3Y"},
        {"type": "SET", "value": "XXXX-WXX-2"},
        {"type": "TIME", "value": "XXXX-04-25T11:00"},
    ]
    pred = [
        {"type": "DATE", "value": "2016-11-24"},
        {"type": "TIME", "value": "2018-04-25T11:00"},
        {"type": "DATE", "value": "2017"},
        {"type": "DATE", "value": "PAST_REF"},
    ]
    counts = score_dates(gold, pred)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)


def test_pred_xxxx_does_not_match_gold_year():
    counts = score_dates([{"type": "DATE", "value": "2018-11-10"}], [{"type": "DATE", "value": "XXXX-11-10"}])
    assert counts.tp == 0


def test_events_match_type_and_start_date_part_and_venue_accuracy():
    gold = [
        {"type": "conference", "start": "2016-11-24", "venue": "Elbcampus"},
        {"type": "workshop", "start": "2016-09-17", "venue": None},
        {"type": "ceremony", "start": "XXXX-04-25", "venue": "Rathaus"},
    ]
    pred = [
        {"type": "conference", "start": "2016-11-24T18:00", "venue": "im Elbcampus"},
        {"type": "workshop", "start": "2016-09-18", "venue": None},
        {"type": "ceremony", "start": "2012-04-25", "venue": None},
    ]
    counts, venues = score_events(gold, pred)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert (venues.correct, venues.total) == (1, 2)


def test_evaluate_micro_averages_over_documents():
    gold = [
        {"people": people(("Anna Meier", None)), "events": []},
        {"people": people(("Karl Berg", None), ("Jo Lang", None)), "events": []},
    ]
    pred = [{"people": people(("Anna Meier", None))}, {"people": people(("Karl Berg", None))}]
    score = evaluate(gold, pred)
    people_counts = score.fields["people"]
    assert (people_counts.tp, people_counts.fp, people_counts.fn) == (2, 0, 1)
    assert people_counts.precision == 1.0
    assert people_counts.recall == pytest.approx(2 / 3)
    assert "people" in score.table() and score.as_dict()["documents"] == 2


def test_evaluate_rejects_length_mismatch():
    with pytest.raises(ValueError):
        evaluate([{}], [])


def test_c_stemmer_stems_as_the_python_one():
    """name_stems runs on PyStemmer when installed; it must agree with snowballstemmer's own
    Python German stemmer (the reference the scores were made with)."""
    from snowballstemmer.german_stemmer import GermanStemmer

    from pressparse.evaluate import _stemmer

    words = ["bürgerwerkstatt", "stadtverwaltungen", "ausschüsse", "häuser", "straße",
             "kindertagesstätte", "musikschule", "gemeinschaftsschulen", "feuerwehrhäusern",
             "oberbürgermeisterin", "ortsvorsteher", "kulturzentrum", "ämter", "großen"]
    assert _stemmer().stemWords(words) == GermanStemmer().stemWords(words)
