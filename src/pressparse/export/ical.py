"""Records -> an RFC 5545 calendar (``.ics``) via the `icalendar` package.

One VEVENT per event with a calendar day. UIDs are derived from the document id and the
event's identity, so re-exporting the same archive updates entries instead of duplicating
them. Events that only give a month, a season or no year are skipped and reported, since a
calendar entry on a guessed day would mislead.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from icalendar import Calendar
from icalendar import Event as VEvent

from ..schema import ErrorRecord, Event, PressRelease
from .calendar_time import all_day_end, event_uids, schedule, unusable_reason, venue_of

PRODID = "-//pressparse//German press releases to calendar//DE"


@dataclass(frozen=True)
class Skipped:
    """An event left out of the calendar, with the reason."""

    record_id: str | None
    event: str
    reason: str

    def __str__(self) -> str:
        return f"{self.record_id or '?'}: {self.event}: {self.reason}"


@dataclass
class IcalExport:
    """The calendar text plus what was left out of it."""

    text: str
    exported: int
    skipped: list[Skipped] = field(default_factory=list)


def _location(record: PressRelease, event: Event) -> str | None:
    if not event.venue:
        return None
    venue = venue_of(record, event.venue)
    parts = [event.venue]
    if venue is not None and venue.address is not None:
        address = venue.address
        city = " ".join(p for p in (address.postal_code, address.city) if p)
        parts += [p for p in (address.street, city) if p]
    return ", ".join(parts)


def _description(record: PressRelease, event: Event) -> str:
    lines = [event.evidence.text.strip()]
    if event.postponed_to is not None:
        lines.append(f"Verschoben (angekündigt: {event.start or '?'}; "
                     f"neu: {event.postponed_to or '?'})")
    # ORGANIZER needs a mail address, which releases rarely give: names go here instead
    if event.organizers:
        lines.append("Veranstalter: " + ", ".join(event.organizers))
    if event.participants:
        lines.append("Mit: " + ", ".join(
            f"{p.name} ({p.role})" if p.role else p.name for p in event.participants))
    source = ", ".join(
        part
        for part in (
            record.issuer,
            f"veröffentlicht {record.published.isoformat()}" if record.published else None,
            f"Dokument {record.id}" if record.id else None,
        )
        if part
    )
    if source:
        lines.append(f"Quelle: {source}")
    return "\n\n".join(lines)


def _vevent(record: PressRelease, event: Event, uid: str, dtstamp: datetime) -> VEvent | None:
    placed = schedule(event, need_day=True)
    if placed is None:
        return None
    vevent = VEvent()
    vevent.add("uid", uid)
    vevent.add("dtstamp", dtstamp)
    start, end = placed.start, placed.end
    if start.moment is not None and (end is None or end.moment is not None):
        vevent.add("dtstart", start.moment)
        if end is not None:
            vevent.add("dtend", end.moment)
    else:
        # all-day (or a timed start with a date-only end: RFC 5545 wants one value type)
        assert start.day is not None
        vevent.add("dtstart", start.day)
        vevent.add("dtend", all_day_end(start, end))
    vevent.add("summary", event.name or event.trigger.text)
    location = _location(record, event)
    if location:
        vevent.add("location", location)
    vevent.add("description", _description(record, event))
    vevent.add("categories", [event.type])
    if placed.status == "cancelled":
        vevent.add("status", "CANCELLED")
    elif placed.status == "postponed":
        vevent.add("status", "TENTATIVE")
    else:
        vevent.add("status", "CONFIRMED")
    return vevent


def ical_export(
    records: Iterable[PressRelease | ErrorRecord], *, dtstamp: datetime | None = None
) -> IcalExport:
    """Build the calendar and list the events that could not go into it.

    ``dtstamp`` defaults to now (UTC); pass a fixed value for byte-identical re-exports.
    Error records in the stream are ignored.
    """
    stamp = dtstamp or datetime.now(timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "pressparse")
    skipped: list[Skipped] = []
    exported = 0
    for record in records:
        if not isinstance(record, PressRelease):
            continue
        for event, uid in zip(record.events, event_uids(record), strict=True):
            vevent = _vevent(record, event, uid, stamp)
            if vevent is None:
                label = f"{event.type} {event.name or event.trigger.text!r}"
                skipped.append(Skipped(record.id, label, unusable_reason(event.start)))
                continue
            calendar.add_component(vevent)
            exported += 1
    calendar.add_missing_timezones()
    return IcalExport(text=calendar.to_ical().decode("utf-8"), exported=exported,
                      skipped=skipped)


def to_ical(
    records: Iterable[PressRelease | ErrorRecord] | PressRelease,
    *,
    dtstamp: datetime | None = None,
) -> str:
    """An RFC 5545 calendar with one VEVENT per event that has a calendar day.

    Skipped events (no usable start date) are reported in one `UserWarning`; use
    `ical_export` to get them as data.
    """
    if isinstance(records, PressRelease):
        records = [records]
    result = ical_export(records, dtstamp=dtstamp)
    if result.skipped:
        listing = "; ".join(str(s) for s in result.skipped[:5])
        more = f" (+{len(result.skipped) - 5} more)" if len(result.skipped) > 5 else ""
        warnings.warn(
            f"to_ical: skipped {len(result.skipped)} event(s) without a usable start date: "
            f"{listing}{more}",
            UserWarning,
            stacklevel=2,
        )
    return result.text
