"""Records -> schema.org `Event` objects (JSON-LD), for web pages and knowledge graphs.

Every object carries the properties search engines require of an Event (``name``,
``startDate``, ``location`` where the text gives one) and only what the record states:
nothing is guessed. Events whose start is not an ISO date (unknown year, season, week)
are left out, as `REQUIRED` cannot be met for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..schema import Event, PressRelease
from .calendar_time import event_uids, schedule, venue_of

SCHEMA = "https://schema.org"
#: Properties every exported object has.
REQUIRED = ("@context", "@type", "name", "startDate", "eventStatus")

STATUS_URL = {
    "scheduled": f"{SCHEMA}/EventScheduled",
    "cancelled": f"{SCHEMA}/EventCancelled",
    "postponed": f"{SCHEMA}/EventPostponed",
    "rescheduled": f"{SCHEMA}/EventRescheduled",
}


def _agent(record: PressRelease, name: str) -> dict[str, Any]:
    """A Person when the record knows the name as a person, else an Organization."""
    for person in record.people:
        if person.name == name:
            agent: dict[str, Any] = {"@type": "Person", "name": person.name}
            if person.title:
                agent["honorificPrefix"] = person.title
            if person.role:
                agent["jobTitle"] = person.role
            if person.organization:
                agent["affiliation"] = {"@type": "Organization", "name": person.organization}
            return agent
    return {"@type": "Organization", "name": name}


def _place(record: PressRelease, venue_name: str) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place", "name": venue_name}
    venue = venue_of(record, venue_name)
    if venue is not None and venue.address is not None:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "DE"}
        fields = {
            "streetAddress": venue.address.street,
            "postalCode": venue.address.postal_code,
            "addressLocality": venue.address.city,
        }
        if venue.address.district:
            fields["addressLocality"] = ", ".join(
                part for part in (venue.address.district, venue.address.city) if part
            )
        address.update({key: value for key, value in fields.items() if value})
        place["address"] = address
    return place


def event_to_jsonld(record: PressRelease, event: Event, uid: str) -> dict[str, Any] | None:
    """One schema.org Event, or None when the event has no usable start date."""
    placed = schedule(event, need_day=False)
    if placed is None:
        return None
    obj: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "identifier": uid,
        "name": event.name or event.trigger.text,
        "startDate": placed.start.iso,
        "eventStatus": STATUS_URL[placed.status],
    }
    if placed.end is not None:
        obj["endDate"] = placed.end.iso
    if placed.previous_start is not None:
        obj["previousStartDate"] = placed.previous_start.iso
    if event.venue:
        obj["location"] = _place(record, event.venue)
        obj["eventAttendanceMode"] = f"{SCHEMA}/OfflineEventAttendanceMode"
    if event.organizers:
        obj["organizer"] = [_agent(record, name) for name in event.organizers]
    if event.participants:
        obj["performer"] = [_agent(record, p.name) for p in event.participants]
    obj["description"] = event.evidence.text.strip()
    obj["keywords"] = event.type
    if record.published is not None:
        obj["subjectOf"] = {
            "@type": "NewsArticle",
            "headline": record.title,
            "datePublished": record.published.isoformat(),
        }
        if not record.title:
            del obj["subjectOf"]["headline"]
    return obj


def to_jsonld(record: PressRelease) -> list[dict[str, Any]]:
    """schema.org `Event` objects for the record's events that have a usable start date."""
    uids = event_uids(record)
    objects = (event_to_jsonld(record, e, uid) for e, uid in zip(record.events, uids, strict=True))
    return [obj for obj in objects if obj is not None]


def records_to_jsonld(records: Iterable[PressRelease]) -> list[dict[str, Any]]:
    """All events of many records as one JSON-LD list (what ``pressparse export`` writes)."""
    return [obj for record in records for obj in to_jsonld(record)]
