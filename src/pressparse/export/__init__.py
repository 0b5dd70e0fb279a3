"""Exports of records: flat tables, rich display, schema.org JSON-LD and iCalendar."""

from __future__ import annotations

from .display import render_html
from .frames import TABLES, records_to_rows, to_frames
from .ical import ical_export, to_ical
from .jsonld import records_to_jsonld, to_jsonld

__all__ = [
    "TABLES",
    "ical_export",
    "records_to_jsonld",
    "records_to_rows",
    "render_html",
    "to_frames",
    "to_ical",
    "to_jsonld",
]
