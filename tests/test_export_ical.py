"""iCalendar export: parse the calendar back with `icalendar` and check what a client reads."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from icalendar import Calendar

import pressparse
from _export_fixtures import make_record
from pressparse.cli import main
from pressparse.export.ical import ical_export, to_ical
from pressparse.schema import ErrorRecord, Event, Mention, PressRelease

STAMP = datetime(2025, 6, 2, 8, 0, tzinfo=timezone.utc)


def _events(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_calendar_parses_back_with_one_vevent_per_dated_event():
    result = ical_export([make_record()], dtstamp=STAMP)
    events = _events(result.text)
    assert set(events) == {"Stadtfest", "Sitzung des Gemeinderats Musterstadt",
                           "Ausstellung <Kunst & Co>", "Bürgerversammlung"}
    assert result.exported == 4
    calendar = Calendar.from_ical(result.text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar
    for event in events.values():
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            assert prop in event, prop
        assert event.decoded("DTSTAMP") == STAMP


def test_skipped_events_are_reported_with_reasons():
    result = ical_export([make_record()], dtstamp=STAMP)
    reasons = {s.event: s.reason for s in result.skipped}
    assert reasons == {
        "culture 'Sommerkonzert'": "start '2025-07' is not a calendar day",
        "ceremony 'Jubiläum'": "start 'XXXX-10-03' has no year",
    }
    with pytest.warns(UserWarning, match="skipped 2 event"):
        to_ical([make_record()], dtstamp=STAMP)


def test_all_day_events_are_date_values_with_exclusive_end():
    events = _events(ical_export([make_record()], dtstamp=STAMP).text)
    fest = events["Stadtfest"]
    assert fest.decoded("DTSTART") == date(2025, 6, 14)
    assert not isinstance(fest.decoded("DTSTART"), datetime)
    assert fest.decoded("DTEND") == date(2025, 6, 15)
    assert fest["DTSTART"].params.get("VALUE") == "DATE"
    show = events["Ausstellung <Kunst & Co>"]
    assert show.decoded("DTSTART") == date(2025, 7, 1)
    assert show.decoded("DTEND") == date(2025, 8, 1)  # last day 31 July, inclusive


def test_timed_event_is_local_time_with_timezone_definition():
    text = ical_export([make_record()], dtstamp=STAMP).text
    meeting = _events(text)["Sitzung des Gemeinderats Musterstadt"]
    start = meeting.decoded("DTSTART")
    assert isinstance(start, datetime)
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2025, 6, 17, 18, 30)
    assert start.utcoffset().total_seconds() == 2 * 3600  # CEST
    assert meeting["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "Europe/Berlin" in [str(tz["TZID"]) for tz in Calendar.from_ical(text).walk("VTIMEZONE")]


def test_location_description_and_status():
    events = _events(ical_export([make_record()], dtstamp=STAMP).text)
    meeting = events["Sitzung des Gemeinderats Musterstadt"]
    assert str(meeting["LOCATION"]) == "Ratssaal, Hauptstraße 1, 12345 Musterstadt"
    evidence = make_record().events[1].evidence.text
    assert evidence in str(meeting["DESCRIPTION"])
    assert "Veranstalter: Gemeinderat Musterstadt" in str(meeting["DESCRIPTION"])
    assert str(meeting["STATUS"]) == "CONFIRMED"
    assert str(events["Stadtfest"]["STATUS"]) == "CANCELLED"
    assert str(events["Stadtfest"]["LOCATION"]) == "Marktplatz"
    assert "festival" in events["Stadtfest"]["CATEGORIES"].cats


def test_postponed_event_moves_to_its_new_date():
    moved = _events(ical_export([make_record()], dtstamp=STAMP).text)["Bürgerversammlung"]
    start = moved.decoded("DTSTART")
    assert (start.month, start.day, start.hour) == (6, 24, 19)
    assert "2025-06-10T19:00" in str(moved["DESCRIPTION"])  # the announced date is kept


def test_uids_are_stable_across_runs_and_unique():
    first = _events(ical_export([make_record()], dtstamp=STAMP).text)
    later = datetime(2030, 1, 1, tzinfo=timezone.utc)
    second = _events(ical_export([make_record()], dtstamp=later).text)
    assert {k: str(v["UID"]) for k, v in first.items()} == {
        k: str(v["UID"]) for k, v in second.items()
    }
    uids = [str(v["UID"]) for v in first.values()]
    assert len(set(uids)) == len(uids)
    # a re-ordered record keeps its UIDs; another document gets others
    record = make_record()
    record.events.reverse()
    reordered = _events(ical_export([record], dtstamp=STAMP).text)
    assert {k: str(v["UID"]) for k, v in reordered.items()} == {
        k: str(v["UID"]) for k, v in first.items()
    }
    other = _events(ical_export([make_record("another-doc")], dtstamp=STAMP).text)
    assert not set(uids) & {str(v["UID"]) for v in other.values()}


def test_identical_events_in_one_document_get_distinct_uids():
    record = make_record()
    record.events.append(record.events[0].model_copy())
    uids = [str(e["UID"]) for e in Calendar.from_ical(
        ical_export([record], dtstamp=STAMP).text).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 5


def test_rfc5545_line_format():
    raw = ical_export([make_record()], dtstamp=STAMP).text.encode("utf-8")
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_timed_start_with_date_only_end_becomes_all_day():
    trigger = Mention(text="Markt", start=0, end=5)
    record = PressRelease(id="x", events=[
        Event(type="festival", name="Markt", trigger=trigger, evidence=trigger,
              start="2025-12-01T11:00", end="XXXX-12-23"),
    ])
    event = Calendar.from_ical(ical_export([record], dtstamp=STAMP).text).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == date(2025, 12, 1)
    assert event.decoded("DTEND") == date(2025, 12, 24)  # end year taken from the start


def test_error_records_and_empty_input():
    calendar = Calendar.from_ical(to_ical([ErrorRecord(id="bad", error="empty text")]))
    assert calendar.walk("VEVENT") == []
    assert Calendar.from_ical(pressparse.to_ical(make_record().model_copy(
        update={"events": []}))).walk("VEVENT") == []


def test_cli_export_writes_ics_and_jsonld(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    lines = [json.dumps(make_record().model_dump(mode="json"), ensure_ascii=False),
             json.dumps({"id": "broken", "source": None, "error": "no text"})]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ics, ld = tmp_path / "out.ics", tmp_path / "out.json"
    assert main(["export", str(records), "--ical", str(ics), "--jsonld", str(ld)]) == 0
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 4
    assert len(json.loads(ld.read_text(encoding="utf-8"))) == 5
    err = capsys.readouterr().err
    assert "skipped" in err and "Jubiläum" in err


def test_cli_export_reads_a_batch_output_folder(tmp_path):
    parts = tmp_path / "out" / "records"
    parts.mkdir(parents=True)
    for number, ident in enumerate(("a", "b")):
        line = json.dumps(make_record(ident).model_dump(mode="json"), ensure_ascii=False)
        (parts / f"part-{number:06d}.jsonl").write_text(line + "\n", encoding="utf-8")
    errors = tmp_path / "out" / "errors"
    errors.mkdir()
    (errors / "part-000000.jsonl").write_text('{"id": "x", "source": null, "error": "e"}\n')
    ics = tmp_path / "all.ics"
    assert main(["export", str(tmp_path / "out"), "--ical", str(ics)]) == 0
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 8
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["export", str(empty), "--ical", str(ics)]) == 2  # no .jsonl files


def test_cli_export_user_errors(tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.jsonl"), "--ical", "x.ics"]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "events": "nope"}\n', encoding="utf-8")
    assert main(["export", str(bad), "--ical", str(tmp_path / "x.ics")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert main(["export", str(bad)]) == 2
    assert "nothing to do" in capsys.readouterr().err
