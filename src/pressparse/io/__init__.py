"""Readers and writers for archives of press releases (see `readers` and `writers`)."""

from __future__ import annotations

from .formats import Fields, ReadReport, detect_format, parse_date
from .readers import iter_items, read
from .sources import ArchiveLimitError, Limits
from .writers import BatchStore, write_jsonl, write_parquet, write_tables

__all__ = [
    "ArchiveLimitError",
    "BatchStore",
    "Fields",
    "Limits",
    "ReadReport",
    "detect_format",
    "iter_items",
    "parse_date",
    "read",
    "write_jsonl",
    "write_parquet",
    "write_tables",
]
