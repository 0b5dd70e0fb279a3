"""Status (past / upcoming / unknown), cancellation and confidence of an event.

Status compares the event's date with the publication date at the precision both share
("2017-04" is upcoming from 2016-11-25). Without a publication date or with an unknown
year, the tense of the evidence decides when it is clear, else the status stays unknown.
Confidence grows with the evidence: a noun trigger, a date (a clock time), a venue, people.
"""

from __future__ import annotations

import re
from datetime import date

from ..schema import Event, TimeExpression

_PAST = re.compile(
    r"\b(?:fand|fanden|war|waren|wurde|wurden|hatte|hatten|ging|gingen|stattgefunden|"
    r"endete|eröffnete|gewürdigt|geehrt|gewählt|verabschiedet|vereidigt|eingeweiht)\b"
)
_FUTURE = re.compile(
    r"\b(?:findet|finden|wird|werden|lädt|laden|soll|sollen|beginnt|beginnen|startet|"
    r"geplant|folgt|steht)\b"
)
_CANCEL = re.compile(r"\b(?:abgesagt|fällt\s+\w*\s*aus|entfällt|entfallen|findet\s+nicht\s+statt)\b")
_POSTPONE = re.compile(r"\b(?:verschoben|verlegt|Neuer\s+Termin|neuen\s+Termin|Ersatztermin)\b")
_NEW_DATE = re.compile(r"\b(?:auf|Neuer\s+Termin\s+ist|neuen\s+Termin|Ersatztermin\s+ist)\s*$")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def _bounds(value: str) -> tuple[str, str] | None:
    """Comparable (lowest, highest) ISO day strings for a (partial) value, None if unknown."""
    day = value.split("T", 1)[0]
    m = _ISO_PREFIX.match(day)
    if not m:
        return None
    year, month, dom = m.groups()
    if dom:
        iso = f"{year}-{month}-{dom}"
        return iso, iso
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def status_of(
    start: str | None,
    end: str | None,
    published: date | None,
    text: str,
    spans: list[tuple[int, int]],
) -> str:
    value = start or end
    bounds = _bounds(value) if value else None
    if published is not None and bounds is not None:
        pub = published.isoformat()
        if bounds[1] < pub:
            return "past"
        if bounds[0] > pub:
            return "upcoming"
    evidence = " ".join(text[a:b] for a, b in spans[:1])
    past, future = bool(_PAST.search(evidence)), bool(_FUTURE.search(evidence))
    if past and not future:
        return "past"
    if future and not past:
        return "upcoming"
    return "unknown"


def cancellation(
    text: str, spans: list[tuple[int, int]], dates: list[TimeExpression]
) -> tuple[bool, str | None]:
    """(cancelled, postponed_to) from the event's sentences and the one after a postponement."""
    cancelled = any(_CANCEL.search(text, a, b) for a, b in spans)
    postponed = None
    for a, b in spans:
        if not _POSTPONE.search(text, a, b):
            continue
        # the new date: after "auf"/"Neuer Termin ist", in this sentence or the next two
        window_end = min(len(text), b + 300)
        for timex in sorted(dates, key=lambda t: t.start):
            if a <= timex.start < window_end and timex.type in ("DATE", "TIME"):
                left = text[max(a, timex.start - 25) : timex.start]
                if _NEW_DATE.search(left) or "Termin" in left:
                    postponed = timex.value
                    # prefer a clock time on that day
                    for t2 in dates:
                        if t2.type == "TIME" and t2.value.startswith(timex.value[:10]) and t2.start >= timex.start and t2.start - timex.end < 20:
                            postponed = t2.value
                    break
        if postponed:
            break
    return cancelled and not postponed, postponed


def confidence(event: Event, kind: str, merged: int, plural: bool) -> float:
    """0..1 from how complete the evidence is."""
    score = 0.35 if kind == "noun" else 0.3 if kind == "phrase" else 0.25
    if event.start:
        score += 0.25
        if "T" in event.start:
            score += 0.05
    elif event.end:
        score += 0.15
    if event.venue:
        score += 0.15
    if event.organizers or event.participants:
        score += 0.05
    if merged:
        score += min(0.1, 0.05 * merged)
    if plural:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 2)
