"""The record contract: what `pressparse.parse()` returns.

These pydantic v2 models mirror `spec/records.md` name for name. Notebooks, archives and the
evaluation read these fields, so names and meanings stay stable; new fields may be added.
All offsets are character offsets into the caller's text (``text[start:end] == mention.text``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["past", "upcoming", "unknown"]

EventType = Literal[
    "council_meeting",
    "conference",
    "workshop",
    "public_consultation",
    "opening",
    "ceremony",
    "festival",
    "culture",
    "sports",
    "works_closure",
    "office_hours",
    "election",
    "other",
]
#: The event taxonomy of the annotation guideline (`spec/annotation.md`), in its order.
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Mention(_Record):
    """A stretch of the input text: ``text == input[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} before start {self.start}")
        return self


class Person(_Record):
    """A natural person, once per document, with every mention linked."""

    name: str
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Organization(_Record):
    """A named organisation, authority, council, party, association, company or ensemble."""

    name: str
    mentions: list[Mention] = Field(default_factory=list)


class Address(_Record):
    """A German postal address, as far as the text gives it."""

    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    district: str | None = None


class Venue(_Record):
    """A named place where something happens (building, hall, room, square, park)."""

    name: str
    address: Address | None = None
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(_Record):
    """A temporal expression with its TIMEX3 type and value and the interval it covers."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str
    begin: datetime | None = None
    until: datetime | None = None


class Participant(_Record):
    """A person or organisation taking part in an event, with the part they play."""

    name: str
    role: str | None = None


class Event(_Record):
    """An occurrence a reader could put in a calendar: typed, dated, placed."""

    type: EventType
    name: str | None = None
    trigger: Mention
    start: str | None = None
    end: str | None = None
    venue: str | None = None
    organizers: list[str] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    status: EventStatus = "unknown"
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    evidence: Mention
    cancelled: bool = False
    postponed_to: str | None = None


class PressRelease(_Record):
    """One press release as structured data: who, where, when and what."""

    id: str | None = None
    title: str | None = None
    published: date | None = None
    issuer: str | None = None
    language: str = "de"
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # The text the offsets point into; set by record assembly, never serialised.
    _source_text: str | None = PrivateAttr(default=None)

    @property
    def source_text(self) -> str | None:
        """The parsed text (for highlighting), or None for records read back from JSON."""
        return self._source_text

    def with_text(self, text: str) -> PressRelease:
        """Attach the source text to a record read back from JSON (for display)."""
        self._source_text = text
        return self

    def to_jsonld(self) -> list[dict]:
        """schema.org `Event` objects (JSON-LD) for the events with a usable start date."""
        from .export.jsonld import to_jsonld

        return to_jsonld(self)

    def _repr_html_(self) -> str:  # pragma: no cover - thin hook, tested in export
        from .export.display import render_html

        return render_html(self)


class ErrorRecord(_Record):
    """What a batch run writes for an input that produced no record, with the reason."""

    id: str | None = None
    source: str | None = None
    error: str
