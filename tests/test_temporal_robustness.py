"""Adversarial inputs: every rule must run in linear time, offsets must stay in range.

No timing assertions here (a loaded CI machine makes them flaky): the work done is counted
deterministically as Python and C function calls, which grows quadratically when a rule loop
does. Time per character, including regex backtracking inside one call, is measured by
``benchmarks/robustness.py``, ``benchmarks/temporal_benchmark.py`` and audited by
``benchmarks/regex_audit.py``.
"""

from __future__ import annotations

import sys
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


def _calls(text: str) -> int:
    """Function calls (Python and C, regex searches included) made while tagging `text`."""
    count = 0

    def profile(frame, event, arg) -> None:  # noqa: ANN001 - sys.setprofile signature
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    tag(text, date(2016, 11, 24))  # lazy loading (resources, holiday tables) outside the count
    sys.setprofile(profile)
    try:
        tag(text, date(2016, 11, 24))
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_linear(name: str) -> None:
    text = ADVERSARIAL[name]
    single = _calls(text)
    double = _calls(text + text)
    # linear work doubles; a rule that rescans for every match grows 4x. The constant
    # covers fixed costs on inputs where almost nothing matches.
    assert double <= 2.2 * single + 500, f"{name}: {single} -> {double} calls"


def test_hundred_thousand_char_line() -> None:
    text = ("Anmeldung bis 30.11. unter Tel. 040 428 2017, Zimmer 12, ab 18Uhr; " * 1500)[:100_000]
    result = tag_with_info(text, date(2016, 11, 24))
    assert result.items, "the dates in a 100k-character line are still found"
    for item in result.items:
        assert text[item.expr.start : item.expr.end] == item.expr.text
    assert _calls(text) <= 2.2 * _calls(text[:50_000]) + 500


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,:-–/()Uhr MaiJuniMontag bis am im seit\u00a0\n")), max_size=200))
def test_random_text_offsets_are_exact(text: str) -> None:
    result = tag_with_info(text)
    for item in result.items:
        expr = item.expr
        assert 0 <= expr.start <= expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text
        assert expr.start <= item.part_start < item.part_end <= expr.end


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
