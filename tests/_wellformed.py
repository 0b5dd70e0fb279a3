"""What every record must satisfy, whatever the input (shared by the robustness tests)."""

from __future__ import annotations

import re

from pressparse.records import offset_errors
from pressparse.schema import EVENT_TYPES, PressRelease

# TIMEX3 values as the guideline writes them: calendar dates with X for unknown parts,
# weeks, seasons, quarters, halves, decades, clock times and parts of the day, durations
# and the vague *_REF values.
_YEAR = r"(?:\d{4}|XXXX|\d{3}X?|\d{2}XX|\d{2})"
_DAY = r"(?:\d{2}|XX)"
_DATE = (
    rf"{_YEAR}(?:-{_DAY}(?:-{_DAY})?|-W(?:\d{{2}}|XX)(?:-(?:[1-7]|WE|X))?"
    r"|-(?:SP|SU|FA|WI)|-Q[1-4X]|-H[12X]|-WE)?"
)
_TIME = r"T(?:(?:\d{2}|XX)(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT|MI)"
_AMOUNT = r"(?:\d+(?:[.,]\d+)?|X)"
_DURATION = (
    rf"P(?:{_AMOUNT}(?:Y|M|W|D|DE|CE|ML|Q|H|WE|SP|SU|FA|WI))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|PT(?:{_AMOUNT}[HMS])+"
)
TIMEX_VALUE = re.compile(
    rf"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DATE}(?:{_TIME})?|{_DURATION})$"
)
# Event start/end: ISO date or datetime, possibly partial or with unknown parts.
EVENT_TIME = re.compile(rf"^{_DATE}(?:{_TIME})?$")


def well_formed_problems(record: PressRelease, text: str) -> list[str]:
    """Every way the record breaks the contract for this input text (empty = fine)."""
    problems = list(offset_errors(record, text))
    for timex in record.dates:
        if timex.type not in ("DATE", "TIME", "DURATION", "SET"):
            problems.append(f"timex type {timex.type!r}")
        if not TIMEX_VALUE.match(timex.value):
            problems.append(f"timex value {timex.value!r} ({timex.text!r})")
    for event in record.events:
        if event.type not in EVENT_TYPES:
            problems.append(f"event type {event.type!r}")
        if not 0.0 <= event.confidence <= 1.0:
            problems.append(f"confidence {event.confidence}")
        if event.status not in ("past", "upcoming", "unknown"):
            problems.append(f"status {event.status!r}")
        for value in (event.start, event.end, event.postponed_to):
            if value is not None and not EVENT_TIME.match(value):
                problems.append(f"event time {value!r}")
    for group in (record.people, record.organizations, record.venues):
        for item in group:
            if not item.name.strip():
                problems.append(f"empty name in {item!r}")
    dumped = record.model_dump_json()
    if PressRelease.model_validate_json(dumped).model_dump() != record.model_dump():
        problems.append("record does not survive a JSON round trip")
    return problems


def assert_well_formed(record: PressRelease, text: str) -> None:
    problems = well_formed_problems(record, text)
    assert not problems, problems[:10]
