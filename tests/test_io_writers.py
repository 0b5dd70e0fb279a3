"""Flat tables (`export.frames`) and the Parquet/CSV/JSONL writers built on them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pressparse.export.frames import COLUMNS, TABLES, records_to_rows, to_frames
from pressparse.io import write_jsonl, write_tables
from pressparse.schema import (
    Address,
    ErrorRecord,
    Event,
    Mention,
    Participant,
    Person,
    PressRelease,
    TimeExpression,
    Venue,
)


def _record() -> PressRelease:
    text = "Stadtfest am 3. April 2017 um 19 Uhr im Rathaus, Marktplatz 1, 54290 Trier."
    return PressRelease(
        id="pm-1",
        published="2017-03-20",
        people=[Person(name="Anna Beispiel", role="Bürgermeisterin",
                       mentions=[Mention(text="Anna", start=60, end=64),
                                 Mention(text="Beispiel", start=65, end=73)])],
        venues=[Venue(name="Rathaus", address=Address(street="Marktplatz 1",
                                                      postal_code="54290", city="Trier"),
                      mentions=[Mention(text="Rathaus", start=40, end=47)])],
        dates=[TimeExpression(text="3. April 2017 um 19 Uhr", start=13, end=36, type="TIME",
                              value="2017-04-03T19:00", begin="2017-04-03T19:00:00+02:00",
                              until="2017-04-03T20:00:00+02:00")],
        events=[Event(type="festival", name="Stadtfest", trigger=Mention(
            text="Stadtfest", start=0, end=9), start="2017-04-03T19:00", end="2017-04",
            venue="Rathaus", organizers=["Stadt Trier", "Verkehrsverein"],
            participants=[Participant(name="Anna Beispiel", role="speaker")],
            status="upcoming", confidence=0.8, evidence=Mention(text=text, start=0,
                                                                end=len(text)))],
    )


def test_rows_have_doc_ids_and_flat_columns() -> None:
    rows = records_to_rows([_record(), ErrorRecord(id="x", error="leer"),
                            {"id": "y", "error": "leer"}])
    assert set(rows) == set(TABLES)
    event = rows["events"][0]
    assert set(event) == set(COLUMNS["events"])
    assert (event["doc_id"], event["organizers"], event["participants"]) == (
        "pm-1", "Stadt Trier; Verkehrsverein", "Anna Beispiel (speaker)")
    assert event["start_time"] == "2017-04-03T19:00" and event["end_time"] is None
    assert rows["people"][0]["mention_count"] == 2 and rows["people"][0]["first_start"] == 60
    assert rows["venues"][0]["postal_code"] == "54290"
    assert rows["organizations"] == []
    assert records_to_rows([_record().model_dump(mode="json")]) == records_to_rows([_record()])


def test_frames_have_typed_columns_also_when_empty() -> None:
    frames = to_frames([_record()])
    events, dates = frames["events"], frames["dates"]
    assert str(events["type"].dtype) == "category" and "festival" in events["type"].cat.categories
    assert events["start_time"].iloc[0] == pd.Timestamp("2017-04-03 19:00")
    assert pd.isna(events["end_time"].iloc[0])  # a month is not a day: no invented date
    assert dates["begin"].iloc[0] == pd.Timestamp("2017-04-03 19:00")  # local wall clock
    assert str(dates["start"].dtype) == "Int64"
    empty = to_frames([])
    assert all(list(empty[t].columns) == list(COLUMNS[t]) for t in TABLES)
    assert str(empty["events"]["start_time"].dtype).startswith("datetime64")


def test_write_tables_and_jsonl(tmp_path: Path) -> None:
    records = [_record(), ErrorRecord(id="x", source="a.txt", error="empty text")]
    written = write_tables(records, tmp_path / "tables")
    events = pd.read_parquet(written["events.parquet"])
    assert events["doc_id"].tolist() == ["pm-1"]
    assert pd.read_parquet(written["errors.parquet"])["error"].tolist() == ["empty text"]
    assert pd.read_csv(written["venues.csv"])["city"].tolist() == ["Trier"]
    assert pd.read_parquet(written["people.parquet"]).shape[0] == 1
    assert write_jsonl(records, tmp_path / "r.jsonl") == 2
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert lines[0]["id"] == "pm-1" and lines[1] == {"id": "x", "source": "a.txt",
                                                     "error": "empty text"}
    assert not list(tmp_path.rglob("*.tmp"))
