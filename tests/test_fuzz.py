"""Property-based fuzzing over random and mutated German press text (hypothesis).

For every generated input: no exception (an `InputError` only where validation itself
refuses the text), every offset in range with ``text[start:end] == mention.text``, values
well-formed (TIMEX3 values, taxonomy codes, confidence in 0..1) and the same record twice.

``PRESSPARSE_FUZZ_EXAMPLES`` sets the examples per test (default 60; e.g. 2000 for a long
run, as recorded in docs/robustness.md).
"""

from __future__ import annotations

import os
from datetime import date

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pressparse
from _wellformed import assert_well_formed
from pressparse.lang.de.tokenizer import build_tokenizer
from pressparse.pipeline import shipped_model_path
from pressparse.validation import InputError, check_text

EXAMPLES = int(os.environ.get("PRESSPARSE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
    database=None,
)

# -- German fragments we wrote ourselves ------------------------------------------------------
DATES = [
    "am 24. November 2016", "am 3.5.2024", "am Montag, 12. Juni", "vom 3. bis 5. Mai 2024",
    "am 2016-11-24", "Ende März", "im Frühjahr 2025", "nächsten Dienstag", "morgen",
    "am Wochenende", "donnerstags", "seit 2008", "in drei Jahren", "Anfang 2017",
    "bis zum 30.09.", "am Sonnabend, 10. November", "zwischen dem 1. und 15. Juli",
    "im kommenden Jahr", "Mitte Dezember", "am 1. Advent", "Pfingstmontag", "jeden 2. Mittwoch",
]
TIMES = [
    "um 18.30 Uhr", "von 9 bis 12 Uhr", "ab 19:00 Uhr", "18 Uhr", "nachmittags",
    "gegen 10 Uhr", "von 14.00 – 16.30 Uhr", "um 8 Uhr morgens", "Einlass 17:30 Uhr",
]
PEOPLE = [
    "Oberbürgermeisterin Dr. Anna Müller", "Bezirksbürgermeister Thomas Völsch (SPD)",
    "Stadtrat Jürgen Weiß", "Prof. Dr. Özlem Yılmaz", "Herr Meier",
    "die Leiterin des Kulturamts, Petra Schäfer-Lüdenscheid", "Landrätin Ute Groß",
    "Dezernent Hans-Peter Öztürk", "Frau Dr. med. Ilse Kühn",
]
ORGS = [
    "der Gemeinderat", "die Volkshochschule Ulm", "das Bezirksamt Harburg",
    "die Freiwillige Feuerwehr", "der Seniorenbeirat", "die Stadtwerke GmbH",
    "der Ausschuss für Umwelt und Verkehr", "der Sportverein TSV 1860 e. V.",
]
VENUES = [
    "im Rathaus, Marktplatz 1, 89073 Ulm", "in der Stadthalle (Hauptstr. 5)",
    "auf dem Marktplatz", "im Bürgerhaus Nord, Raum 2.14", "in der Aula der Grundschule am Park",
    "im Großen Sitzungssaal", "an der Kreuzung Bahnhofstraße/Ecke Lindenweg",
]
ACTIONS = [
    "lädt zur Bürgerversammlung ein", "eröffnet den Weihnachtsmarkt", "tagt öffentlich",
    "bietet eine Sprechstunde an", "sperrt die Brücke", "ehrt verdiente Ehrenamtliche",
    "veranstaltet ein Konzert", "informiert über die Sanierung", "feiert das Stadtfest",
    "wählt den Vorstand", "lädt zum Spatenstich ein",
]
SEPS = [" ", "\u00a0", " – ", " - ", "\n", ", ", "; ", ": ", " / ", "\t"]
ENDS = [". ", ".\n", ".\n\n", "! ", "? ", " … ", "\n"]
NOISE = list("äöüÄÖÜß0123456789.,:;-–—/()[]\"'„“‚‘«»€%&§@#*+\u00a0\u00ad\u200b\t\n ") + [
    "Uhr", "bis", "Str.", "Dr.", "z. B.", "ca.", "u.a.", "🙂", "Ã¼", "â€“", "<br>", "&amp;"]

sentence = st.tuples(
    st.sampled_from(PEOPLE + ORGS),
    st.sampled_from(SEPS),
    st.sampled_from(ACTIONS),
    st.sampled_from(SEPS),
    st.sampled_from(DATES),
    st.sampled_from(SEPS),
    st.sampled_from(TIMES + [""]),
    st.sampled_from(SEPS),
    st.sampled_from(VENUES + [""]),
    st.sampled_from(ENDS),
).map(lambda parts: "".join(parts))

german_text = st.lists(sentence, min_size=1, max_size=8).map("".join)


@st.composite
def mutated_text(draw) -> str:
    """German text with insertions, deletions, duplications, case flips and truncation."""
    text = draw(german_text)
    for _ in range(draw(st.integers(0, 8))):
        if not text:
            break
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "case", "truncate"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(NOISE)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        elif op == "case":
            text = text[:i] + text[i:j].swapcase() + text[j:]
        else:
            text = text[:j]
    return text


random_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
)
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


def check_properties(extractor: pressparse.Extractor, text: str, when: date | None) -> None:
    try:
        first = extractor.parse(text, published=when)
    except InputError:
        with pytest.raises(InputError):
            check_text(text, extractor.options, limit=extractor.chunk_limit)
        return
    assert_well_formed(first, text)
    second = extractor.parse(text, published=when)
    assert second.model_dump() == first.model_dump(), "same input, different record"


# -- pipelines --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def rules() -> pressparse.Extractor:
    nlp = spacy.blank("de")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("pressparse_sentences")
    return pressparse.load(nlp, require_ner=False)


@pytest.fixture(scope="module")
def full(request) -> pressparse.Extractor:
    if not (shipped_model_path() / "config.cfg").exists():
        pytest.skip(f"shipped model missing at {shipped_model_path()}")
    return request.getfixturevalue("extractor")


@FUZZ
@given(text=german_text, when=published)
def test_german_text_rules(rules, text, when):
    check_properties(rules, text, when)


@FUZZ
@given(text=mutated_text(), when=published)
def test_mutated_text_rules(rules, text, when):
    check_properties(rules, text, when)


@FUZZ
@given(text=random_text, when=published)
def test_random_text_rules(rules, text, when):
    check_properties(rules, text, when)


@FUZZ
@given(text=german_text, when=published)
def test_german_text_full_model(full, text, when):
    check_properties(full, text, when)


@FUZZ
@given(text=mutated_text(), when=published)
def test_mutated_text_full_model(full, text, when):
    check_properties(full, text, when)


@FUZZ
@given(text=random_text, when=published)
def test_random_text_full_model(full, text, when):
    check_properties(full, text, when)


@FUZZ
@given(text=mutated_text())
def test_chunked_analysis_keeps_offsets(text):
    """Chunks of 300 characters: offsets still match the whole text."""
    check_properties(_small_chunks(), text, date(2025, 5, 1))


_SMALL: list[pressparse.Extractor] = []


def _small_chunks() -> pressparse.Extractor:
    if not _SMALL:
        nlp = spacy.blank("de")
        nlp.tokenizer = build_tokenizer(nlp)
        nlp.add_pipe("pressparse_sentences")
        _SMALL.append(pressparse.load(nlp, require_ner=False, max_chars=300))
    return _SMALL[0]
