"""pressparse: structured event records from German municipal press releases.

>>> import pressparse
>>> record = pressparse.parse(text, published="2016-11-25")
>>> record.events[0].type, record.events[0].start
"""

from __future__ import annotations

from .extractor import Extractor, InputDoc, load, parse
from .options import Options
from .schema import (
    EVENT_TYPES,
    Address,
    ErrorRecord,
    Event,
    Mention,
    Organization,
    Participant,
    Person,
    PressRelease,
    TimeExpression,
    Venue,
)

__version__ = "0.1.0"

# Exports pull in pandas / icalendar: import them on first use, not with `import pressparse`.
_LAZY = {"to_frames": "frames", "to_ical": "ical", "to_jsonld": "jsonld"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".export.{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EVENT_TYPES",
    "Address",
    "ErrorRecord",
    "Event",
    "Extractor",
    "InputDoc",
    "Mention",
    "Options",
    "Organization",
    "Participant",
    "Person",
    "PressRelease",
    "TimeExpression",
    "Venue",
    "__version__",
    "load",
    "parse",
    "to_frames",
    "to_ical",
    "to_jsonld",
]
