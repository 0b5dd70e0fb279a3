"""Exports of records: flat tables (events, people, organisations, venues, dates)."""

from __future__ import annotations

from .frames import TABLES, records_to_rows, to_frames

__all__ = ["TABLES", "records_to_rows", "to_frames"]
