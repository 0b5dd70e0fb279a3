"""Flat tables from records: one row per event, person, organisation, venue or date.

Notebooks, Parquet/CSV files and the DuckDB store all use these tables, so their columns are
defined once here (`COLUMNS`). Each row carries the ``doc_id`` of its record, which joins the
tables with each other and with the JSON Lines records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..schema import EVENT_TYPES, PressRelease

if TYPE_CHECKING:
    import pandas as pd

#: The flat tables, in the order they are written.
TABLES: tuple[str, ...] = ("events", "people", "organizations", "venues", "dates")

#: Column name -> logical type ("str", "int", "float", "bool", "datetime", "category:<name>").
#: `to_frames` and the Parquet/DuckDB writers derive their dtypes from this one table.
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "doc_id": "str",
        "event_index": "int",
        "type": "category:event_type",
        "name": "str",
        "start": "str",
        "end": "str",
        "start_time": "datetime",
        "end_time": "datetime",
        "venue": "str",
        "status": "category:status",
        "confidence": "float",
        "cancelled": "bool",
        "postponed_to": "str",
        "trigger": "str",
        "trigger_start": "int",
        "trigger_end": "int",
        "organizers": "str",
        "participants": "str",
        "evidence_start": "int",
        "evidence_end": "int",
    },
    "people": {
        "doc_id": "str",
        "name": "str",
        "title": "str",
        "role": "str",
        "organization": "str",
        "mention_count": "int",
        "first_start": "int",
    },
    "organizations": {
        "doc_id": "str",
        "name": "str",
        "mention_count": "int",
        "first_start": "int",
    },
    "venues": {
        "doc_id": "str",
        "name": "str",
        "street": "str",
        "postal_code": "str",
        "city": "str",
        "district": "str",
        "mention_count": "int",
        "first_start": "int",
    },
    "dates": {
        "doc_id": "str",
        "text": "str",
        "type": "category:timex_type",
        "value": "str",
        "begin": "datetime",
        "until": "datetime",
        "start": "int",
        "end": "int",
    },
}

#: Known categories, so every frame has the same categorical dtype whatever rows it holds.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "event_type": EVENT_TYPES,
    "status": ("past", "upcoming", "unknown"),
    "timex_type": ("DATE", "TIME", "DURATION", "SET"),
}

#: Separator of list values (organisers, participants) in one flat cell.
LIST_SEPARATOR = "; "


def _as_dict(record: PressRelease | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(record, PressRelease):
        return record.model_dump(mode="json")
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"expected PressRelease or dict, not {type(record).__name__}")


def _full_datetime(value: str | None) -> str | None:
    """An ISO value that names a full day or instant ('2017-04-03', '2017-04-03T19:00'), else None.

    Partial values ('2017-04', '2017-W12') stay only in the string column: turning them into
    a datetime would invent a day.
    """
    if not value or len(value) < 10 or value[4:5] != "-" or value[7:8] != "-":
        return None
    return value


def _first_start(mentions: list[dict[str, Any]]) -> int | None:
    return min((m["start"] for m in mentions), default=None)


def _event_rows(doc_id: str | None, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for index, event in enumerate(events):
        trigger = event.get("trigger") or {}
        evidence = event.get("evidence") or {}
        participants = [
            f"{p['name']} ({p['role']})" if p.get("role") else p["name"]
            for p in event.get("participants") or []
        ]
        rows.append({
            "doc_id": doc_id,
            "event_index": index,
            "type": event.get("type"),
            "name": event.get("name"),
            "start": event.get("start"),
            "end": event.get("end"),
            "start_time": _full_datetime(event.get("start")),
            "end_time": _full_datetime(event.get("end")),
            "venue": event.get("venue"),
            "status": event.get("status"),
            "confidence": event.get("confidence"),
            "cancelled": bool(event.get("cancelled", False)),
            "postponed_to": event.get("postponed_to"),
            "trigger": trigger.get("text"),
            "trigger_start": trigger.get("start"),
            "trigger_end": trigger.get("end"),
            "organizers": LIST_SEPARATOR.join(event.get("organizers") or []) or None,
            "participants": LIST_SEPARATOR.join(participants) or None,
            "evidence_start": evidence.get("start"),
            "evidence_end": evidence.get("end"),
        })
    return rows


def record_rows(record: PressRelease | Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The flat rows of one record, table by table."""
    data = _as_dict(record)
    doc_id = data.get("id")
    rows: dict[str, list[dict[str, Any]]] = {
        "events": _event_rows(doc_id, data.get("events") or []),
        "people": [
            {
                "doc_id": doc_id,
                "name": p["name"],
                "title": p.get("title"),
                "role": p.get("role"),
                "organization": p.get("organization"),
                "mention_count": len(p.get("mentions") or []),
                "first_start": _first_start(p.get("mentions") or []),
            }
            for p in data.get("people") or []
        ],
        "organizations": [
            {
                "doc_id": doc_id,
                "name": o["name"],
                "mention_count": len(o.get("mentions") or []),
                "first_start": _first_start(o.get("mentions") or []),
            }
            for o in data.get("organizations") or []
        ],
        "venues": [
            {
                "doc_id": doc_id,
                "name": v["name"],
                **{
                    key: (v.get("address") or {}).get(key)
                    for key in ("street", "postal_code", "city", "district")
                },
                "mention_count": len(v.get("mentions") or []),
                "first_start": _first_start(v.get("mentions") or []),
            }
            for v in data.get("venues") or []
        ],
        "dates": [
            {
                "doc_id": doc_id,
                "text": d["text"],
                "type": d["type"],
                "value": d["value"],
                "begin": d.get("begin"),
                "until": d.get("until"),
                "start": d["start"],
                "end": d["end"],
            }
            for d in data.get("dates") or []
        ],
    }
    return rows


def records_to_rows(
    records: Iterable[PressRelease | Mapping[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table (`TABLES`) from records or their JSON dicts.

    Error records (dicts with an ``error`` key, or `ErrorRecord`) carry no items and are skipped.
    """
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        if isinstance(record, Mapping) and "error" in record:
            continue
        if not isinstance(record, (PressRelease, Mapping)):
            continue  # ErrorRecord and other non-records have no rows
        for name, rows in record_rows(record).items():
            tables[name].extend(rows)
    return tables


_TZ_SUFFIX = re.compile(r"(?:Z|[+-]\d\d:?\d\d)$")


def _series(values: list[Any], kind: str) -> pd.Series:
    import pandas as pd

    if kind == "str":
        return pd.Series(values, dtype="string")
    if kind == "int":
        return pd.Series(values, dtype="Int64")
    if kind == "float":
        return pd.Series(values, dtype="Float64")
    if kind == "bool":
        return pd.Series(values, dtype="boolean")
    if kind == "datetime":
        # Local wall-clock time: event times are local; an offset would mix zones in one column.
        local = [_TZ_SUFFIX.sub("", v) if isinstance(v, str) else v for v in values]
        parsed = pd.to_datetime(pd.Series(local, dtype="object"), errors="coerce",
                                format="ISO8601")
        return parsed.astype("datetime64[us]")
    if kind.startswith("category:"):
        categories = CATEGORIES[kind.split(":", 1)[1]]
        return pd.Series(pd.Categorical(values, categories=list(categories)))
    raise ValueError(f"unknown column kind {kind!r}")


def rows_to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame for one table with the dtypes of `COLUMNS` (also when `rows` is empty)."""
    import pandas as pd

    columns = COLUMNS[table]
    return pd.DataFrame(
        {name: _series([row.get(name) for row in rows], kind) for name, kind in columns.items()}
    )


def to_frames(records: Iterable[PressRelease | Mapping[str, Any]]) -> dict[str, pd.DataFrame]:
    """One pandas DataFrame per table, joined by ``doc_id`` (datetimes parsed, types categorical)."""
    rows = records_to_rows(records)
    return {name: rows_to_frame(name, rows[name]) for name in TABLES}
