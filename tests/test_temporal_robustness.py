"""Adversarial inputs: every rule must run in linear time, offsets must stay in range."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressparse.temporal import tag, tag_with_info

ADVERSARIAL = {
    "digits": "1" * 20000,
    "dotted digits": "24." * 6000,
    "uhr": "Uhr " * 5000,
    "numbers and uhr": "12 Uhr " * 3000,
    "dashes": "3.-" * 6000,
    "weekdays": "Montag bis " * 2000,
    "months": "Mai " * 5000,
    "spaces": "24." + " " * 20000 + "November",
    "nbsp": "\u00a0" * 20000,
    "long line": ("Der Rat tagt am 24. November 2016 um 18 Uhr im Rathaus, " * 400),
    "bis": "bis " * 5000 + "5. Mai",
    "seit dem": "seit dem " * 3000,
}


def _seconds(text: str) -> float:
    started = time.perf_counter()
    tag(text, date(2016, 11, 24))
    return time.perf_counter() - started


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_linear(name: str) -> None:
    text = ADVERSARIAL[name]
    single = _seconds(text)
    double = _seconds(text + text)
    # generous bounds for a loaded CI machine; quadratic behaviour blows far past them
    assert single < 5.0, f"{name}: {single:.2f}s"
    assert double < max(6 * single, 0.5), f"{name}: {single:.3f}s -> {double:.3f}s"


def test_hundred_thousand_char_line() -> None:
    text = ("Anmeldung bis 30.11. unter Tel. 040 428 2017, Zimmer 12, ab 18Uhr; " * 1500)[:100_000]
    assert _seconds(text) < 10.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,:-–/()Uhr MaiJuniMontag bis am im seit\u00a0\n")), max_size=200))
def test_random_text_offsets_are_exact(text: str) -> None:
    result = tag_with_info(text)
    for item in result.items:
        expr = item.expr
        assert 0 <= expr.start <= expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text
        assert expr.start <= item.part_start < item.part_end <= expr.end


def test_speed_per_hundred_words() -> None:
    text = (
        "Der Bezirksamtsleiter lädt am Mittwoch, 25. April, um 10 Uhr zur Sitzung in das Rathaus ein. "
        "Das Förderprogramm lief Ende November aus, die Daten werden archiviert. "
        "Im kommenden Jahr will der Integrationsrat die Maßnahmen fortsetzen, sagte die Senatorin. "
        "Die Sprechstunde findet donnerstags von 10 bis 12 Uhr im Zimmer 20 statt. "
        "Die Bürgerinnen und Bürger können ihre Fragen stellen und Anregungen geben. "
    ) * 20
    words = len(text.split())
    tag(text)
    best = min(_seconds(text) for _ in range(5))
    per_hundred_ms = 1000 * best / words * 100
    # the target is 1 ms; the bound leaves room for a shared, loaded test machine
    assert per_hundred_ms < 6.0, per_hundred_ms


def test_trigger_windows_find_what_a_full_scan_finds() -> None:
    """The speed-up (rules only near trigger words) must not change any result."""
    from pressparse.temporal import load_resources
    from pressparse.temporal.extract import find_candidates
    from test_temporal import CASES, FOCUS_CASES

    res = load_resources()
    texts = [case[0] for case in CASES + FOCUS_CASES]
    texts.append(" ".join(texts))
    for text in texts:
        fast = [(c.start, c.end, c.rule.id) for c in find_candidates(text, res)]
        full = [(c.start, c.end, c.rule.id) for c in find_candidates(text, res, windowed=False)]
        assert fast == full, text[:80]
