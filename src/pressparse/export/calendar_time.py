"""Shared by the calendar exports: which event dates a calendar can hold, and stable event ids.

Event dates are TIMEX3-like strings that may be partial ("2017-04"), seasonal ("2025-SP"),
part-of-day ("2024-11-27TAF") or have an unknown year ("XXXX-11-10"). iCalendar needs a
day; schema.org accepts ISO 8601 dates of reduced precision. Both exports read dates
through `parse_when` so that they agree on what is usable and why not.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..schema import Event, PressRelease

#: German municipal releases give local times; exports attach this zone.
LOCAL_TZ = ZoneInfo("Europe/Berlin")

_FULL = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:T(?:(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?|(?P<pod>MO|MI|AF|EV|NI|DT)))?$"
)
_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")
_YEAR = re.compile(r"^(?P<y>\d{4})$")


@dataclass(frozen=True)
class When:
    """A parsed event date: a day (with optional clock time) or a reduced-precision ISO date.

    ``day`` is set when the value names a calendar day; ``time`` when it also names a clock
    time (then ``moment`` is an aware datetime in `LOCAL_TZ`). ``iso`` is the ISO 8601 form
    schema.org accepts ("2024-03-13T17:30:00+01:00", "2024-03-13", "2024-06", "2027").
    """

    day: date | None
    moment: datetime | None
    iso: str

    @property
    def has_time(self) -> bool:
        return self.moment is not None


def parse_when(value: str | None) -> When | None:
    """Read an event `start`/`end` value; None when it is missing or not an ISO date.

    Unknown years (``XXXX``), seasons, weeks and quarters give None: a calendar cannot place
    them without guessing.
    """
    if not value:
        return None
    text = value.strip()
    match = _FULL.match(text)
    if match:
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        if match["H"] is None:
            return When(day=day, moment=None, iso=day.isoformat())
        try:
            moment = datetime(day.year, day.month, day.day, int(match["H"]), int(match["M"]),
                              int(match["S"] or 0), tzinfo=LOCAL_TZ)
        except ValueError:
            return None
        return When(day=day, moment=moment, iso=moment.isoformat())
    match = _MONTH.match(text)
    if match and 1 <= int(match["m"]) <= 12:
        return When(day=None, moment=None, iso=text)
    if _YEAR.match(text):
        return When(day=None, moment=None, iso=text)
    return None


def fill_year(value: str | None, reference: When | None) -> str | None:
    """Give an end value with an unknown year ("XXXX-05-05") the year of its start."""
    if not value or reference is None or reference.day is None or not value.startswith("XXXX"):
        return value
    candidate = f"{reference.day.year}{value[4:]}"
    parsed = parse_when(candidate)
    if parsed is not None and parsed.day is not None and parsed.day < reference.day:
        candidate = f"{reference.day.year + 1}{value[4:]}"
    return candidate


def unusable_reason(value: str | None) -> str:
    """Why a start value cannot go into a calendar (for skip messages)."""
    if not value:
        return "no start date"
    if value.startswith("XXXX"):
        return f"start {value!r} has no year"
    return f"start {value!r} is not a calendar day"


@dataclass(frozen=True)
class Schedule:
    """Where an event sits in a calendar after cancellation and postponement are applied."""

    start: When
    end: When | None
    previous_start: When | None
    status: str  # "scheduled" | "cancelled" | "postponed" | "rescheduled"


def schedule(event: Event, *, need_day: bool) -> Schedule | None:
    """The event's calendar placement, or None when its start is unusable.

    A postponement with a known new date moves the event there (``rescheduled``, keeping the
    old start as ``previous_start``); without a usable new date it stays ``postponed`` at its
    announced start. ``need_day``: iCalendar needs a day, schema.org accepts "2024-06".
    """
    start = parse_when(event.start)
    new_start = parse_when(fill_year(event.postponed_to, start)) if event.postponed_to else None
    previous = None
    if event.cancelled:
        status = "cancelled"
    elif event.postponed_to is not None:
        if new_start is not None and (not need_day or new_start.day is not None):
            status = "rescheduled"
            if start is not None and start.iso != new_start.iso:
                previous = start
            start = new_start
        else:
            status = "postponed"
    else:
        status = "scheduled"
    if start is None or (need_day and start.day is None):
        return None
    end = parse_when(fill_year(event.end, start))
    if status == "rescheduled" and previous is not None:
        end = None  # the announced end belonged to the old date
    if end is not None and (need_day and end.day is None):
        end = None
    if end is not None and not _ends_after(start, end):
        end = None
    return Schedule(start=start, end=end, previous_start=previous, status=status)


def _ends_after(start: When, end: When) -> bool:
    if start.moment is not None and end.moment is not None:
        return end.moment > start.moment
    if start.day is not None and end.day is not None:
        return end.day >= start.day
    return end.iso >= start.iso


def event_uid(record: PressRelease, event: Event, occurrence: int = 0) -> str:
    """A UID that is the same on every run for the same document and event.

    Built from the document id and the event's identity (type, announced start, name or
    trigger text), not from list positions or offsets, so a re-run or a small pipeline change
    that keeps the event keeps its calendar entry. Without a document id the evidence
    sentence stands in for it. ``occurrence`` separates identical events of one document.
    """
    doc_key = record.id if record.id else f"text:{event.evidence.text}"
    parts = [doc_key, event.type, event.start or "", (event.name or event.trigger.text).strip()]
    if occurrence:
        parts.append(str(occurrence))
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@pressparse"


def event_uids(record: PressRelease) -> list[str]:
    """UIDs for all events of a record, in order, unique within the record."""
    seen: dict[str, int] = {}
    uids = []
    for event in record.events:
        base = event_uid(record, event)
        count = seen.get(base, 0)
        seen[base] = count + 1
        uids.append(base if count == 0 else event_uid(record, event, count))
    return uids


def venue_of(record: PressRelease, name: str | None):
    """The record's `Venue` for an event's venue name (exact, then case-insensitive)."""
    if not name:
        return None
    for venue in record.venues:
        if venue.name == name:
            return venue
    folded = name.casefold()
    for venue in record.venues:
        if venue.name.casefold() == folded:
            return venue
    return None


def all_day_end(start: When, end: When | None) -> date:
    """The exclusive DATE end of an all-day event (RFC 5545: DTEND is the day after)."""
    last = end.day if end is not None and end.day is not None else start.day
    assert last is not None and start.day is not None
    return max(last, start.day) + timedelta(days=1)
