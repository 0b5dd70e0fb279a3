"""Rich display of a record: the text with its entities highlighted, and an event table.

Jupyter calls `PressRelease._repr_html_`, which calls `render_html`. The look follows
displaCy's entity renderer, but the markup is built from character offsets here instead of
tokens: displaCy's span renderer puts a space after every token (which breaks "BVV-Saal"
when only "BVV" is an organisation) and drops paragraph breaks, and its entity renderer
cannot show overlapping mentions (a trigger inside an event name, a venue inside an
organisation). Every piece of text and every attribute is HTML-escaped; styles are inline
so the output survives notebook sanitisers and GitHub's renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..schema import Event, PressRelease

#: kind -> (background, label colour); close to displaCy's defaults for PER/ORG/LOC/DATE.
COLORS = {
    "person": "#aa9cfc",
    "org": "#7aecec",
    "venue": "#feca74",
    "date": "#bfe1d9",
    "event": "#ff8197",
}
KIND_NAMES = {
    "person": "person",
    "org": "organisation",
    "venue": "venue",
    "date": "date/time",
    "event": "event trigger",
}
# outer-to-inner order when two mentions cover exactly the same text
_PRIORITY = {"venue": 0, "org": 1, "person": 2, "date": 3, "event": 4}


@dataclass(frozen=True)
class HighlightSpan:
    """A stretch of text to highlight: character offsets, kind, label chip and tooltip."""

    start: int
    end: int
    kind: str
    label: str
    tooltip: str = ""


def record_spans(record: PressRelease) -> list[HighlightSpan]:
    """Every mention the record points at, as highlight spans (unchecked offsets)."""
    spans: list[HighlightSpan] = []
    for person in record.people:
        tip = " · ".join(p for p in (person.title, person.name, person.role,
                                     person.organization) if p)
        spans += [HighlightSpan(m.start, m.end, "person", "PER", tip) for m in person.mentions]
    for org in record.organizations:
        spans += [HighlightSpan(m.start, m.end, "org", "ORG", org.name) for m in org.mentions]
    for venue in record.venues:
        tip = venue.name
        if venue.address is not None:
            parts = [venue.address.street, venue.address.postal_code, venue.address.city]
            tip += " · " + " ".join(p for p in parts if p)
        spans += [HighlightSpan(m.start, m.end, "venue", "VENUE", tip) for m in venue.mentions]
    for timex in record.dates:
        spans.append(HighlightSpan(timex.start, timex.end, "date", timex.type,
                                   f"{timex.type} {timex.value}"))
    for event in record.events:
        tip = f"{event.type}: {event.name or event.trigger.text} ({event.start or '?'})"
        spans.append(HighlightSpan(event.trigger.start, event.trigger.end, "event",
                                   event.type.upper(), tip))
    return spans


def _valid(spans: list[HighlightSpan], text: str, offset: int = 0) -> list[HighlightSpan]:
    """Spans inside ``text`` (which starts at ``offset`` of the source), made relative."""
    kept = []
    for span in spans:
        start, end = span.start - offset, span.end - offset
        if 0 <= start < end <= len(text):
            kept.append(HighlightSpan(start, end, span.kind, span.label, span.tooltip))
    return kept


def highlight_html(text: str, spans: list[HighlightSpan]) -> str:
    """The text as escaped HTML with nested ``<mark>`` elements for (possibly overlapping) spans.

    The text is cut at every span boundary; each piece is wrapped in the marks of the spans
    covering it (outermost first), and a span's label chip follows its last piece.
    """
    spans = sorted(set(spans), key=lambda s: (s.start, -s.end, _PRIORITY.get(s.kind, 9)))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in spans if s.start <= a and s.end >= b]
        for span in active:
            out.append(_open_mark(span, first=span.start == a, last=span.end == b))
        out.append(escape(text[a:b]))
        for span in reversed(active):
            if span.end == b:
                out.append(_label_chip(span))
            out.append("</mark>")
    return "".join(out)


def _open_mark(span: HighlightSpan, *, first: bool, last: bool) -> str:
    color = COLORS.get(span.kind, "#ddd")
    left = "0.25em" if first else "0"
    right = "0.25em" if last else "0"
    radius = f"{'0.35em' if first else '0'} {'0.35em' if last else '0'} " \
             f"{'0.35em' if last else '0'} {'0.35em' if first else '0'}"
    if span.kind == "event":
        style = (f"background: {color}; padding: 0.1em {right} 0.1em {left}; "
                 f"border-radius: {radius}; border-bottom: 2px solid #c0392b;")
    else:
        style = (f"background: {color}; padding: 0.1em {right} 0.1em {left}; "
                 f"border-radius: {radius};")
    title = f' title="{escape(span.tooltip, quote=True)}"' if span.tooltip else ""
    return f'<mark class="pp-{span.kind}" data-label="{escape(span.label, quote=True)}"' \
           f'{title} style="{style} line-height: 1.9;">'


def _label_chip(span: HighlightSpan) -> str:
    return ('<span style="font-size: 0.62em; font-weight: bold; line-height: 1; '
            'border-radius: 0.35em; text-transform: uppercase; vertical-align: middle; '
            f'margin-left: 0.35em; font-family: sans-serif;">{escape(span.label)}</span>')


def _legend(kinds: set[str]) -> str:
    chips = [
        f'<mark style="background: {COLORS[k]}; padding: 0.05em 0.4em; border-radius: 0.35em; '
        f'margin-right: 0.4em; font-size: 0.85em;">{escape(KIND_NAMES[k])}</mark>'
        for k in COLORS
        if k in kinds
    ]
    return f'<div style="margin: 0.3em 0 0.6em 0;">{"".join(chips)}</div>' if chips else ""


def _event_status(event: Event) -> str:
    if event.cancelled:
        return "cancelled"
    if event.postponed_to is not None:
        return f"postponed → {event.postponed_to}"
    return event.status


def event_table_html(record: PressRelease) -> str:
    """A compact HTML table of the record's events."""
    if not record.events:
        return '<p style="color: #666;"><em>No events.</em></p>'
    head = ("type", "name", "start", "end", "venue", "organizers", "status", "conf.")
    cell = 'style="padding: 0.2em 0.6em; text-align: left; vertical-align: top;"'
    nowrap = cell[:-1] + ' white-space: nowrap;"'
    rows = []
    for event in record.events:
        values = (
            event.type,
            event.name or event.trigger.text,
            event.start or "",
            event.end or "",
            event.venue or "",
            ", ".join(event.organizers),
            _event_status(event),
            f"{event.confidence:.2f}",
        )
        rows.append("<tr>" + "".join(
            f"<td {nowrap if i in (0, 2, 3, 7) else cell}>{escape(v)}</td>"
            for i, v in enumerate(values)) + "</tr>")
    header = "<tr>" + "".join(f"<th {cell}>{h}</th>" for h in head) + "</tr>"
    return ('<table class="pp-events" style="border-collapse: collapse; font-size: 0.9em; '
            f'margin-top: 0.6em;"><thead>{header}</thead><tbody>{"".join(rows)}</tbody></table>')


def _header(record: PressRelease) -> str:
    title = escape(record.title) if record.title else escape(record.id or "Press release")
    meta = " · ".join(
        escape(part)
        for part in (
            record.id if record.title else None,
            f"published {record.published.isoformat()}" if record.published else None,
            record.issuer,
        )
        if part
    )
    counts = (f"{len(record.people)} people · {len(record.organizations)} organisations · "
              f"{len(record.venues)} venues · {len(record.dates)} dates · "
              f"{len(record.events)} events")
    return (f'<div style="font-weight: bold; font-size: 1.1em;">{title}</div>'
            f'<div style="color: #555; font-size: 0.85em;">{meta}'
            f'{" · " if meta else ""}{counts}</div>')


def _passages(record: PressRelease) -> list[tuple[int, str]]:
    """Evidence sentences (merged where they overlap) for records without their text."""
    pieces = sorted({(e.evidence.start, e.evidence.text) for e in record.events})
    merged: list[tuple[int, str]] = []
    for start, text in pieces:
        if merged and start <= merged[-1][0] + len(merged[-1][1]):
            prev_start, prev_text = merged[-1]
            overlap = prev_start + len(prev_text) - start
            if overlap < len(text):
                merged[-1] = (prev_start, prev_text + text[overlap:])
        else:
            merged.append((start, text))
    return merged


def render_html(record: PressRelease, text: str | None = None) -> str:
    """HTML for Jupyter: header, highlighted text, legend and event table.

    ``text`` defaults to the text the record was parsed from. Records read back from JSON do
    not carry it; then the evidence sentences of the events are shown instead (pass ``text``
    or use ``record.with_text(text)`` for the full view).
    """
    source = text if text is not None else record.source_text
    spans = record_spans(record)
    body_style = ('style="white-space: pre-wrap; line-height: 2.1; font-family: Georgia, serif; '
                  'max-width: 60em;"')
    if source is not None:
        valid = _valid(spans, source)
        body = f'<div class="pp-text" {body_style}>{highlight_html(source, valid)}</div>'
    else:
        valid = []
        blocks = []
        for start, passage in _passages(record):
            local = _valid(spans, passage, offset=start)
            valid += local
            blocks.append(f'<div class="pp-text" {body_style}>… '
                          f'{highlight_html(passage, local)} …</div>')
        note = ('<p style="color: #666; font-size: 0.85em;"><em>Source text not attached; '
                'showing the evidence sentences. Use <code>record.with_text(text)</code> for '
                'the full text.</em></p>')
        body = note + "".join(blocks)
    warnings = "".join(
        f'<li style="color: #8a6d3b;">{escape(w)}</li>' for w in record.warnings
    )
    warn_html = f'<ul style="font-size: 0.85em;">{warnings}</ul>' if warnings else ""
    return (
        '<div class="pressparse-record" style="font-family: sans-serif;">'
        f"{_header(record)}{_legend({s.kind for s in valid})}{body}"
        f"{event_table_html(record)}{warn_html}</div>"
    )
