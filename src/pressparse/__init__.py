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
]
