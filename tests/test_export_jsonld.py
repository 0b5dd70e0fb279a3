"""schema.org JSON-LD export: required properties, Place/PostalAddress, statuses."""

from __future__ import annotations

import json

from icalendar import Calendar

import pressparse
from _export_fixtures import make_record
from pressparse.export.ical import ical_export
from pressparse.export.jsonld import REQUIRED, records_to_jsonld, to_jsonld

S = "https://schema.org/"


def _by_name(objects):
    return {o["name"]: o for o in objects}


def test_every_object_is_a_schema_org_event_with_required_properties():
    objects = to_jsonld(make_record())
    assert objects
    for obj in objects:
        for prop in REQUIRED:
            assert prop in obj, prop
        assert obj["@context"] == "https://schema.org"
        assert obj["@type"] == "Event"
        assert obj["eventStatus"].startswith(S)
        assert obj["description"]
    json.dumps(objects)  # plain JSON


def test_events_without_an_iso_start_are_left_out():
    names = set(_by_name(to_jsonld(make_record())))
    assert "Jubiläum" not in names  # XXXX-10-03
    assert "Sommerkonzert" in names  # "2025-07" is a valid reduced-precision ISO date
    assert _by_name(to_jsonld(make_record()))["Sommerkonzert"]["startDate"] == "2025-07"


def test_location_is_place_with_postal_address():
    meeting = _by_name(to_jsonld(make_record()))["Sitzung des Gemeinderats Musterstadt"]
    place = meeting["location"]
    assert place["@type"] == "Place" and place["name"] == "Ratssaal"
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "streetAddress": "Hauptstraße 1",
        "postalCode": "12345",
        "addressLocality": "Musterstadt",
    }
    assert meeting["startDate"] == "2025-06-17T18:30:00+02:00"
    assert meeting["organizer"] == [{"@type": "Organization", "name": "Gemeinderat Musterstadt"}]
    performer = meeting["performer"][0]
    assert performer["@type"] == "Person" and performer["name"] == "Anna Beispiel"
    assert performer["jobTitle"] == "Oberbürgermeisterin"
    # no venue in the record -> no invented location
    assert "location" not in _by_name(to_jsonld(make_record()))["Sommerkonzert"]


def test_event_status_cancelled_rescheduled_scheduled():
    objects = _by_name(to_jsonld(make_record()))
    assert objects["Stadtfest"]["eventStatus"] == S + "EventCancelled"
    assert objects["Ausstellung <Kunst & Co>"]["eventStatus"] == S + "EventScheduled"
    assert objects["Ausstellung <Kunst & Co>"]["endDate"] == "2025-07-31"
    moved = objects["Bürgerversammlung"]
    assert moved["eventStatus"] == S + "EventRescheduled"
    assert moved["startDate"] == "2025-06-24T19:00:00+02:00"
    assert moved["previousStartDate"] == "2025-06-10T19:00:00+02:00"


def test_postponed_without_new_date_keeps_announced_start():
    record = make_record()
    record.events[-1] = record.events[-1].model_copy(update={"postponed_to": "XXXX-XX-XX"})
    moved = _by_name(to_jsonld(record))["Bürgerversammlung"]
    assert moved["eventStatus"] == S + "EventPostponed"
    assert moved["startDate"] == "2025-06-10T19:00:00+02:00"


def test_identifiers_match_ical_uids_and_method_delegates():
    record = make_record()
    ld_ids = {o["name"]: o["identifier"] for o in record.to_jsonld()}
    calendar = Calendar.from_ical(ical_export([record]).text)
    for vevent in calendar.walk("VEVENT"):
        assert ld_ids[str(vevent["SUMMARY"])] == str(vevent["UID"])
    assert record.to_jsonld() == pressparse.to_jsonld(record)
    assert len(records_to_jsonld([record, make_record("b")])) == 2 * len(ld_ids)
