"""Doc -> PressRelease: collect what the components left in our extensions.

Record assembly is the only place that knows both spaCy and the contract; components write
records or spans, this module orders, de-duplicates and checks them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .extensions import SPAN_KEYS, doc_text, span_values
from .schema import Mention, PressRelease, TimeExpression


def collect_dates(doc: Doc) -> list[TimeExpression]:
    """Temporal expressions in text order, one per (start, end, type, value)."""
    key = SPAN_KEYS["dates"]
    if key not in doc.spans:
        return []
    seen: set[tuple[int, int, str, str]] = set()
    dates: list[TimeExpression] = []
    for timex in span_values(doc, list(doc.spans[key]), "pp_timex"):
        if timex is None:
            continue
        ident = (timex.start, timex.end, timex.type, timex.value)
        if ident not in seen:
            seen.add(ident)
            dates.append(timex)
    dates.sort(key=lambda t: (t.start, t.end))
    return dates


def doc_to_record(doc: Doc, *, id: str | None = None, title: str | None = None) -> PressRelease:
    """Build the record for one processed Doc."""
    record = PressRelease(
        id=id,
        title=title if title is not None else doc._.pp_title,
        published=doc._.pp_published,
        issuer=doc._.pp_issuer,
        language="de",
        people=list(doc._.pp_people or []),
        organizations=list(doc._.pp_organizations or []),
        venues=list(doc._.pp_venues or []),
        dates=collect_dates(doc),
        events=list(doc._.pp_events or []),
        warnings=list(doc._.pp_warnings or []),
    )
    record._source_text = doc_text(doc)  # for display; not part of the serialised record
    return record


def iter_mentions(record: PressRelease):
    """Every Mention-like item of a record (for offset checks)."""
    for group in (record.people, record.organizations, record.venues):
        for item in group:
            yield from item.mentions
    for timex in record.dates:
        yield Mention(text=timex.text, start=timex.start, end=timex.end)
    for event in record.events:
        yield event.trigger
        yield event.evidence


def offset_errors(record: PressRelease, text: str) -> list[str]:
    """Mentions whose offsets are out of range or do not match the text (should be none)."""
    errors = []
    for mention in iter_mentions(record):
        if not (0 <= mention.start <= mention.end <= len(text)):
            errors.append(f"out of range: {mention}")
        elif text[mention.start : mention.end] != mention.text:
            errors.append(f"text mismatch: {mention!r} vs {text[mention.start:mention.end]!r}")
    return errors
