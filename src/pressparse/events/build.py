"""From triggers and arguments to `Event` records: creation, coreference, merging.

A trigger becomes an event when its sentence gives it a time or a venue. A definite mention
without a "new instance" word ("die Konferenz", "beim Festakt") refers back to an event of the
same type or concept found before, and adds what it knows (a venue, an end time) instead of
making a second record. At the end, records of the same type on the same day that name the
same thing are merged, and an undated mention (a headline) joins its dated twin.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import islice
from typing import TypeVar

from ..intervals import SpanUnion
from ..schema import Event, Mention, Organization, Participant, Person, TimeExpression, Venue
from ..temporal.firstchar import any_need, required_literals
from . import arguments as args
from .lexicon import Lexicon
from .naming import event_name
from .segment import Unit, units
from .status import cancellation, confidence, status_of
from .triggers import Candidate, absorb, find_candidates, match_noun

_END_CUE = re.compile(r"\b(?:endet|endete|enden|schließt|dauert)\b|\bzu\s+Ende\b")
_ENDS = re.compile(r"\bzu\s+Ende\b|\b(?:endet|endete|endeten)\b")
_STARTS = re.compile(r"\b(?:beginnt|begann|startet|startete|eröffnet|eröffnete|ab|vom|von|seit)\b")
_FIRST_TIME = re.compile(r"\b(?:zum\s+ersten\s+Mal|erstmals|erstmalig)\b", re.I)
_SAME_PLACE = re.compile(
    r"\b(?:im|am|in\s+dem|an\s+dem|in\s+der|an\s+der)\s+(?:selben|gleichen|demselben|derselben)\s+\w+"
)
#: "Im Anschluss spielt das Orchester ein Konzert": right after, on the same day, same place
_SAME_TIME = re.compile(r"(?:Zeitgleich|Gleichzeitig|Am\s+(?:selben|gleichen)\s+Tag)\b")
_AFTERWARDS = re.compile(r"^(?:Im\s+Anschluss|Anschließend|Danach|Direkt\s+danach)\b")
#: "Bei schlechtem Wetter weichen die Konzerte in die Halle aus": a fallback place, not the venue
_FALLBACK_PLACE = re.compile(
    r"\b(?:[Bb]ei\s+(?:schlechtem\s+Wetter|Regen|schlechter\s+Witterung|Unwetter)|"
    r"weich\w*\s+(?:[\w-]+\s+){0,6}aus\b|Ausweich\w*|[Ss]chlechtwetter\w*)"
)


def _may_match(need: frozenset[str] | None, text: str) -> bool:
    """Whether a regex with this `need` (`firstchar.any_need`) can match somewhere in `text`.

    Cues that most releases lack are looked for once per text, not once per sentence.
    """
    return need is None or any(s in text for s in need)


_DIGIT = re.compile(r"\d")
_YEAR_ONLY = re.compile(r"\d{4}")
_OWN_YEAR = re.compile(r"\s+\d{4}\b")
_BIS = re.compile(r"\bbis\b")
_WORD_RUN = re.compile(r"\w+")
_GENITIVE_NEXT = re.compile(r"\s+(?:des|der)\s")


@dataclass
class EventInputs:
    """What the event extractor reads: the text and the other components' results."""

    text: str
    published: date | None = None
    body_end: int | None = None
    sentences: list[tuple[int, int]] | None = None
    dates: list[TimeExpression] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)


@dataclass
class Draft:
    """An event under construction."""

    type: str
    main: Candidate
    mentions: list[Candidate]
    start: str | None = None
    end: str | None = None
    venue: Venue | None = None
    has_time: bool = False
    clock: bool = False
    units: set[int] = field(default_factory=set)
    concepts: set[str] = field(default_factory=set)
    keep_separate: bool = False
    venue_in_sentence: bool = False
    merged: int = 0

    @property
    def para(self) -> int:
        return self.main.unit.para

    def absorb_draft(self, other: Draft) -> None:
        """Take over another draft's mentions and fill gaps from it."""
        if _precision(other.start) > _precision(self.start) and (
            self.start is None or _day(self.start) == _day(other.start)
        ):
            self.start, self.clock = other.start, other.clock
        self.end = self.end or other.end
        self.venue = self.venue or other.venue
        self.has_time = self.has_time or other.has_time
        self.mentions.extend(other.mentions)
        self.units |= other.units
        self.concepts |= other.concepts
        self.merged += 1 + other.merged
        if other.main.kind != "verb" and self.main.kind == "verb":
            self.main = other.main


def _precision(value: str | None) -> int:
    if not value:
        return 0
    return len(value.replace("XXXX", "").replace("X", ""))


def _day(value: str | None) -> str | None:
    return value.split("T", 1)[0] if value else None


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    if a.startswith(("XXXX-XX-XX", "XXXX-WXX")) or b.startswith(("XXXX-XX-XX", "XXXX-WXX")):
        return True  # a clock time or weekday without a day says nothing about the day
    da, db = _day(a), _day(b)
    return da == db or da.startswith(db) or db.startswith(da)


def _concepts_compatible(a: set[str], b: set[str]) -> bool:
    return any(x == y or x.endswith(y) or y.endswith(x) for x in a for y in b)


def extract_events(inputs: EventInputs, lex: Lexicon) -> list[Event]:
    """All events of one release, in text order."""
    text = inputs.text
    limit = inputs.body_end
    unit_list = units(text, inputs.sentences, limit)
    timexes = programme_days([t for t in inputs.dates if limit is None or t.start < limit])
    vmentions = args.venue_mentions(inputs.venues, limit)
    org_spans = [(m.start, m.end) for o in inputs.organizations for m in o.mentions]
    # a later repetition of a multi-word organisation name that was not marked as a mention
    # ("die Radwerkstatt Coerde repariert ...") still names the organisation
    for surface in {m.text for o in inputs.organizations for m in o.mentions if " " in m.text}:
        org_spans += _occurrences(text, surface)
    # "auf dem Prinzipalmarkt": a venue named by a compound of a generic head ("Markt") is a
    # square; markets with an entry of their own ("Weihnachtsmarkt") stay events
    org_spans += [(v.start, v.end) for v in vmentions if _square(text[v.start : v.end], lex)]
    # a longer venue span that ends in such a square ("... der Prinzipalmarkt") names it too
    for v in vmentions:
        last = text[v.start : v.end].rsplit(" ", 1)[-1]
        if last != text[v.start : v.end] and _square(last, lex):
            org_spans.append((v.end - len(last), v.end))
    drafts: list[Draft] = []
    owned_units: set[int] = set()  # units with a trigger (their venues are spoken for)
    per_unit: list[list[Candidate]] = []
    timexes = set_clock_times(text, timexes, unit_list)
    timexes = relative_days(text, timexes, unit_list)
    timexes = drop_name_years(text, timexes, unit_list)
    memo: dict = {}  # per-unit cue searches (`_in_unit`)
    in_name = SpanUnion(org_spans).contains
    phrases = lex.phrases_in(text)
    venues_of = _by_unit(unit_list, vmentions)
    timexes_of = _by_unit(unit_list, timexes)
    for unit in unit_list:
        cands = find_candidates(text, unit, lex, in_name, phrases)
        absorb(cands)
        per_unit.append(cands)
        if not cands:
            continue  # nothing to link; the unit's venues stay free for `_fallback_venues`
        owned_units.add(unit.index)
        in_unit = [
            args.VenueMention(
                v.start, v.end, v.venue, args.is_locative(text, v.start, unit.start, v.end)
            )
            for v in venues_of[unit.index]
        ]
        groups = args.group_dates(text, timexes_of[unit.index])
        date_map = args.assign_dates(text, cands, groups)
        venue_map = args.assign_venues(text, cands, in_unit)
        for i, cand in enumerate(cands):
            if cand.absorbed_by is not None:
                continue
            _place(
                text, cand, date_map.get(i, []), venue_map.get(i, []), unit, drafts,
                any(v.locative for v in in_unit), cands, groups, memo,
            )
    _list_items(text, unit_list, per_unit, timexes, vmentions, drafts)
    _refine_spans(text, unit_list, per_unit, timexes, drafts)
    drafts = _merge_drafts(drafts)
    _share_opening_venues(drafts)
    _fallback_venues(text, drafts, unit_list, per_unit, vmentions, owned_units)
    return [_finish(text, d, unit_list, inputs) for d in sorted(drafts, key=lambda d: d.main.start)]


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """The non-overlapping occurrences of a non-empty string, left to right (what
    ``re.finditer(re.escape(surface), text)`` finds, without compiling a regex per name)."""
    spans = []
    at = text.find(surface)
    while at >= 0:
        spans.append((at, at + len(surface)))
        at = text.find(surface, at + len(surface))
    return spans


_Located = TypeVar("_Located", TimeExpression, args.VenueMention)


def _by_unit(unit_list: list[Unit], items: list[_Located]) -> list[list[_Located]]:
    """Per unit, the items that start inside it, in their order in `items`."""
    starts = [item.start for item in items]
    if starts == sorted(starts):  # (the usual case: each unit's items are one slice)
        return [items[bisect_left(starts, u.start) : bisect_left(starts, u.end)] for u in unit_list]
    return [[items[k] for k in ks] for ks in _indices_by_unit(unit_list, items)]


def _indices_by_unit(unit_list: list[Unit], items: list[_Located]) -> list[list[int]]:
    """Per unit, the indices of the items that start inside it, in increasing order.

    Bisection over the item starts instead of a scan over all items per unit.
    """
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    starts = [items[k].start for k in order]
    out = []
    for unit in unit_list:
        lo, hi = bisect_left(starts, unit.start), bisect_left(starts, unit.end)
        out.append(sorted(order[lo:hi]))
    return out


_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_SONNABEND = "sonnabend"


def _weekday_of(text: str) -> int | None:
    low = text.lower()
    if _SONNABEND in low:
        return 5
    hits = [i for i, name in enumerate(_WEEKDAYS) if name in low]
    return hits[0] if len(hits) == 1 else None


def programme_days(timexes: list[TimeExpression]) -> list[TimeExpression]:
    """Bare weekdays inside a multi-day programme fall on the programme's days.

    "Vom 6. bis 8. Oktober war eine Delegation zu Gast ... Am Freitagabend ... Am Samstag ...":
    a weekday without a date after a range of two to fourteen days is the day of the range
    with that weekday, even where it was resolved against the publication date to another
    week. A later full date outside the range ends the programme.
    """
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    date_starts = [t.start for t in ordered if t.type == "DATE"]
    if len(set(date_starts)) == len(date_starts):
        return ordered  # no range (two DATEs at one offset), so no programme (most releases)
    window: tuple[date, date] | None = None
    out: list[TimeExpression] = []
    i = 0
    while i < len(ordered):
        timex = ordered[i]
        day = _iso_day(timex.value)
        if timex.type == "DATE" and day is not None and _DIGIT.search(timex.text):
            partner = next(
                (o for o in ordered[i + 1 : i + 3] if o.start == timex.start and o.type == "DATE"),
                None,
            )
            last = _iso_day(partner.value) if partner else None
            if last is not None and 1 <= (last - day).days <= 13:
                window = (day, last)
            elif window is not None and not (window[0] <= day <= window[1]):
                window = None
        elif (
            window is not None
            and day is not None
            and not _DIGIT.search(timex.text)
            and not (window[0] <= day <= window[1])
        ):
            weekday = _weekday_of(timex.text)
            if weekday is not None:
                span = (window[1] - window[0]).days + 1
                for offset in range(span):
                    candidate = window[0] + timedelta(days=offset)
                    if candidate.weekday() == weekday:
                        timex = timex.model_copy(
                            update={"value": candidate.isoformat() + timex.value[10:]}
                        )
                        break
        out.append(timex)
        i += 1
    return out


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+")


def _list_items(
    text: str,
    unit_list: list[Unit],
    per_unit: list[list[Candidate]],
    timexes: list[TimeExpression],
    vmentions: list[args.VenueMention],
    drafts: list[Draft],
) -> None:
    """A trigger introducing a list of dated items: one event per item.

    "... an einem von drei Stadtteilspaziergängen teilnehmen:" followed by bullet lines
    "* Samstag, 9. März, 10 Uhr, Treffpunkt: Domplatz": each line with a date of its own (and no
    trigger of its own) is a separate occurrence of the introduced event, at its place.
    """
    for u, unit in enumerate(unit_list):
        if not text[unit.start : unit.end].rstrip().endswith(":"):
            continue
        nouns = [c for c in per_unit[u] if c.absorbed_by is None and c.kind == "noun"]
        if not nouns:
            continue
        cand = nouns[-1]
        items: list[tuple[Unit, args.When, list[args.VenueMention]]] = []
        for item in unit_list[u + 1 :]:
            if not _BULLET.match(text[item.start : item.end]) or per_unit[item.index]:
                break
            groups = args.group_dates(
                text, [t for t in timexes if item.start <= t.start < item.end]
            )
            when = args.resolve_group(text, groups[0], item.start) if groups else None
            if when is None or not args.day_precise(when.start):
                break
            places = [v for v in vmentions if item.start <= v.start < item.end]
            items.append((item, when, places))
        if len(items) < 2:
            continue
        drafts[:] = [d for d in drafts if d.main is not cand]
        for item, when, places in items:
            drafts.append(
                Draft(
                    type=cand.type,
                    main=cand,
                    mentions=[cand],
                    start=when.start,
                    end=when.end,
                    venue=places[0].venue if places else None,
                    has_time=True,
                    clock=when.clock,
                    units={item.index},
                    concepts={cand.concept},
                    keep_separate=True,
                    venue_in_sentence=bool(places),
                )
            )


_SQUARE_HEADS = frozenset({"Markt"})


def _square(name: str, lex: Lexicon) -> bool:
    """A one-word venue that is an unlisted compound of 'Markt' ("Prinzipalmarkt")."""
    if " " in name or not name[:1].isupper():
        return False
    hit = match_noun(name, lex)
    return hit is not None and hit[0].form in _SQUARE_HEADS and name != hit[0].form


_NAME_YEAR = re.compile(r"\b[A-ZÄÖÜ][\w-]*[a-zäöüß]\s+$")
_MONTHS = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Frühjahr|Frühling|Sommer|Herbst|Winter|Jahr|Jahre[ns]?|Ende|Anfang|Mitte)\s+$"
)


_FOR = re.compile(r"\bfür\s+$", re.I)


def _purpose(text: str, timex: TimeExpression) -> bool:
    """'für das kommende Jahr', 'für 2025': what something is for, not when it happens."""
    return timex.text.lower().startswith("für ") or bool(
        _FOR.search(text[max(0, timex.start - 5) : timex.start])
    )


def drop_name_years(
    text: str, timexes: list[TimeExpression], unit_list: list[Unit]
) -> list[TimeExpression]:
    """A year written after a name is part of the name when the sentence has a day; a date
    introduced by 'für' is a purpose when the sentence has another date.

    "hat am vergangenen Freitag den Ehrenamtspreis des Landkreises 2023 verliehen",
    "die Kulturhauptstadt 2025 eröffnet am 18. Januar": the event happens on the day; the bare
    year after a capitalised word ("Preis 2023", not "im Sommer 2022") names an edition.
    """
    out = []
    starts = [u.start for u in unit_list]  # units are disjoint and in text order
    for timex in timexes:
        k = bisect_right(starts, timex.start) - 1
        unit = unit_list[k] if k >= 0 and timex.start < unit_list[k].end else None
        if (
            unit is not None
            and _purpose(text, timex)
            and any(
                o is not timex
                and unit.start <= o.start < unit.end
                and o.type == "DATE"
                and not _purpose(text, o)
                for o in timexes
            )
        ):
            continue  # "Die Bewerbungsphase für das kommende Jahr beginnt im Frühjahr"
        if (
            unit is not None
            and _YEAR_ONLY.fullmatch(timex.text)
            and _NAME_YEAR.search(text, max(unit.start, timex.start - 40), timex.start)
            and not _MONTHS.search(text, max(unit.start, timex.start - 20), timex.start)
            and any(
                o is not timex
                and unit.start <= o.start < unit.end
                and o.type in ("DATE", "TIME")
                and args.day_precise(o.value)
                for o in timexes
            )
        ):
            continue
        out.append(timex)
    return out


_WEEKLY = re.compile(r"^XXXX-WXX-\d$")
_EACH_TIME = re.compile(r"\b(?:jeweils|Beginn|beginnt|beginnen|Start|startet)\b")


def _has_day(timex: TimeExpression) -> bool:
    return timex.type == "DATE" and bool(_DIGIT.search(timex.text)) and bool(
        args.day_precise(timex.value)
    )


def _clock(timex: TimeExpression) -> bool:
    """A clock time ("um 16 Uhr", "jeweils um 20 Uhr" as a daily SET)."""
    return timex.type == "TIME" or (timex.type == "SET" and timex.value.startswith("XXXX-XX-XXT"))


def set_clock_times(
    text: str, timexes: list[TimeExpression], unit_list: list[Unit]
) -> list[TimeExpression]:
    """A weekly day with a clock time is one recurring start: "mittwochs von 15 bis 17 Uhr".

    "Jeden Sonntag ... um 16 Uhr ein Adventskonzert", "Jeden Dienstag lesen ... Beginn ist
    jeweils um 20 Uhr": where a sentence has a weekly SET and no calendar day, its clock time
    (in the same sentence, or in the next one when that one says 'jeweils'/'Beginn') belongs to
    the SET, not to a day resolved from an earlier sentence. The SET then carries the time
    (XXXX-WXX-7T16:00) and the clock time is dropped from the event's view of the dates.
    """
    out = list(timexes)
    if not any(t.type == "SET" and _WEEKLY.match(t.value) for t in out):
        return out  # (nothing to do in most releases: no sentence has a weekly SET)
    dropped: set[int] = set()
    by_unit = _indices_by_unit(unit_list, out)
    for u, unit in enumerate(unit_list):
        mine = by_unit[u]
        if any(_has_day(out[k]) for k in mine):
            continue
        weekly = [k for k in mine if out[k].type == "SET" and _WEEKLY.match(out[k].value)]
        if len(weekly) != 1:
            continue
        s = weekly[0]
        times = [k for k in mine if _clock(out[k]) and out[k].start > out[s].start]
        if not times and u + 1 < len(unit_list):
            nxt = unit_list[u + 1]
            later = by_unit[u + 1]
            if _EACH_TIME.search(text, nxt.start, nxt.end) and not any(
                out[k].type == "DATE" or (out[k].type == "SET" and not _clock(out[k]))
                for k in later
            ):
                times = [k for k in later if _clock(out[k])]
        if not times:
            continue
        clock = out[times[0]].value
        if "T" not in clock:
            continue
        out[s] = out[s].model_copy(update={"value": out[s].value + clock[clock.index("T"):]})
        dropped.update(k for k in times if unit.start <= out[k].start < unit.end)
    return [t for k, t in enumerate(out) if k not in dropped]


#: "Tags darauf feierte das Dorf ...": the day after the last named day
_NEXT_DAY = re.compile(
    r"(?:Tags\s+darauf|Am\s+(?:Tag\s+darauf|folgenden\s+Tag|nächsten\s+Tag|Folgetag))\b"
)
#: "nachdem ein Großbrand im Jahr zuvor ...": the year before/after the last named year
_OTHER_YEAR = re.compile(
    r"\b(?:im|ein)\s+Jahr\s+(?P<d>zuvor|davor|darauf|danach)\b|\bein\s+Jahr\s+(?P<l>später)\b"
)
_RELATIVE_NEED = any_need(map(required_literals, (_NEXT_DAY, _OTHER_YEAR)))


def relative_days(
    text: str, timexes: list[TimeExpression], unit_list: list[Unit]
) -> list[TimeExpression]:
    """Dates told relative to the previous one, which the date tagger leaves out.

    "Am Samstag ... Festakt. ... Tags darauf feierte das Dorf beim Fest. Höhepunkt war eine
    Schauübung um 15 Uhr": the day after, and clock times of that paragraph move with it.
    "1874 gegründet, nachdem ein Großbrand im Jahr zuvor ...": the year before.
    """
    out = sorted(timexes, key=lambda t: t.start)
    if not _may_match(_RELATIVE_NEED, text):
        return out
    for unit in unit_list:
        cue = _NEXT_DAY.match(text, unit.start)
        if cue:
            before = [t for t in out if t.start < unit.start]
            base = next(
                (t for t in reversed(before) if _has_day(t) and _iso_day(t.value)), None
            )
            mine = [t for t in out if unit.start <= t.start < unit.end]
            if base is not None and not any(_has_day(t) for t in mine):
                old = _iso_day(base.value)
                new = (old + timedelta(days=1)).isoformat()
                out.append(
                    TimeExpression(
                        text=cue.group(), start=cue.start(), end=cue.end(), type="DATE", value=new
                    )
                )
                # the clock times of the rest of the paragraph are on that day too
                for k, t in enumerate(out):
                    later = [v for v in unit_list if v.para == unit.para and v.start <= t.start < v.end]
                    if (
                        later
                        and t.start >= unit.start
                        and t.type == "TIME"
                        and t.value.startswith(old.isoformat() + "T")
                    ):
                        out[k] = t.model_copy(update={"value": new + t.value[10:]})
                out.sort(key=lambda t: t.start)
        for m in _OTHER_YEAR.finditer(text, unit.start, unit.end):
            if any(t.start <= m.start() < t.end for t in out):
                continue
            years = [
                t for t in out
                if t.start < m.start() and t.type == "DATE" and _YEAR_ONLY.match(t.value)
                and unit.start <= t.start
            ]
            if not years:
                continue
            year = int(years[-1].value[:4]) + (-1 if m.group("d") in ("zuvor", "davor") else 1)
            out.append(
                TimeExpression(
                    text=m.group(), start=m.start(), end=m.end(), type="DATE", value=str(year)
                )
            )
            out.sort(key=lambda t: t.start)
    return out


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_RECURRING = re.compile(
    r"\s*(?:jährlich|alljährlich|jedes\s+Jahr|regelmäßig|alle\s+(?:zwei|drei|vier|fünf)\s+Jahre)\b"
)


def _when_of(
    text: str, cand: Candidate, groups: list[args.DateGroup], unit: Unit
) -> list[tuple[args.When, args.DateGroup]]:
    """The resolved date groups of a candidate: the first usable one (its time), then the
    later ones that tell a repetition ("zuletzt 2021 bestätigt"), the only others `_place`
    uses, so the rest of a long chain of dates is not looked at."""
    whens = []
    for group in groups:
        if whens and not args.repeated(text, group, unit.start):
            continue
        # "seit 1991 geehrt" is a state; "das Amt seit 2019 innehat" (a 'since' entry) and
        # "organisiert seit 2016 ein Erzählcafé" (a new singular instance) start then
        since = cand.trigger.since or (
            cand.kind == "noun" and cand.determiner == "indefinite" and not cand.plural
        )
        # "wird seit 2009 jährlich verliehen": a recurrence since then starts with a first one
        since = since or bool(_RECURRING.match(text, group.end_offset))
        if args.open_start(text, group, unit.start) and not since:
            continue
        whens.append((args.resolve_group(text, group, unit.start), group))
    return whens


def _in_unit(pattern: re.Pattern[str], text: str, unit: Unit, memo: dict) -> bool:
    """Whether `pattern` occurs in the unit, searched once per unit and cue: every trigger
    of a sentence asks the same, and a long sentence with many triggers would be quadratic.
    ``memo`` lives for one text (see `extract_events`)."""
    key = (pattern, unit.index)
    found = memo.get(key)
    if found is None:
        found = memo[key] = pattern.search(text, unit.start, unit.end) is not None
    return found


def _place(
    text: str,
    cand: Candidate,
    groups: list[args.DateGroup],
    venues: list[args.VenueMention],
    unit: Unit,
    drafts: list[Draft],
    unit_has_venue: bool,
    siblings: list[Candidate] = (),
    unit_groups: list[args.DateGroup] = (),
    memo: dict | None = None,
) -> None:
    """Create a draft for a candidate, or merge it into the event it refers to.

    ``memo`` keeps per-unit cue searches for one text (`_in_unit`).
    """
    if memo is None:
        memo = {}
    whens = _when_of(text, cand, groups, unit)
    when = whens[0][0] if whens else args.When()
    if venues and _in_unit(_FALLBACK_PLACE, text, unit, memo):
        venues = []
    venue = venues[0].venue if venues else None
    if venue is None and _in_unit(_SAME_PLACE, text, unit, memo) and drafts:
        venue = next((d.venue for d in reversed(drafts) if d.venue), None)
    if venue is None and _AFTERWARDS.match(text, unit.start) and drafts and when.start:
        prev = drafts[-1]
        if prev.venue is not None and _day(prev.start) == _day(when.start):
            venue = prev.venue
    # "Zeitgleich fanden die Kommunalwahlen statt": at the same time as the event before
    if not when.start and _SAME_TIME.match(text, unit.start) and drafts:
        prev = next((d for d in reversed(drafts) if args.day_precise(_day(d.start))), None)
        if prev is not None:
            when = args.When(start=_day(prev.start), has_time=True)
    if cand.after_previous and not when.has_time:
        prev = next((d for d in reversed(drafts) if d.start), None)
        if prev is not None:
            when = args.When(start=_day(prev.start), has_time=True)
    # coreference
    if cand.refers_back or (not when.has_time and venue is None):
        # "bei der Bürgermeisterwahl 2016": a year right after the name makes it an earlier one
        own_year = bool(when.start and _OWN_YEAR.match(text[cand.end : cand.end + 6]))
        target = _antecedent(cand, when, drafts, own_year)
        if target is not None:
            target.mentions.append(cand)
            target.units.add(unit.index)
            target.concepts.add(cand.concept)
            target.merged += 1
            if target.venue is None and venue is not None:
                target.venue = venue
            if when.start is not None and (
                target.start is None or _coarser(target.start, when.start)
            ):
                # "Stadtfest im Juni" (headline), then "Das Stadtfest findet vom 13. bis ..."
                target.start, target.clock = when.start, when.clock
                target.end = target.end or when.end
            if target.end is None and when.start is None and when.end is not None:
                target.end = when.end
            if when.clock and _in_unit(_END_CUE, text, unit, memo) and not target.end:
                target.end = when.start
            return
        if cand.reference:
            return
    if not when.has_time and venue is None:
        return
    if when.start and not when.end and _in_unit(_ENDS, text, unit, memo) and not _in_unit(_STARTS, text, unit, memo):
        # "Ende Oktober ging der „Wissenschaftsherbst“ zu Ende": the date is the last day
        when = args.When(start=None, end=when.start, has_time=True, clock=when.clock)
    if cand.plural and not (args.day_precise(when.start) or _adjacent(text, cand, groups)):
        return
    # "Weitere Veranstaltungen folgen im Herbst": a generic plural needs a day
    if cand.plural and cand.concept in _GENERIC and not args.day_precise(when.start):
        return
    if cand.trigger.part and not when.clock:
        return
    if (
        not when.start
        and when.end
        and not _in_unit(_END_CUE, text, unit, memo)
        and cand.kind == "verb"
    ):
        return
    draft = Draft(
        type=cand.type,
        main=cand,
        mentions=[cand],
        start=when.start,
        end=when.end,
        venue=venue,
        has_time=when.has_time,
        clock=when.clock,
        units={unit.index},
        concepts={cand.concept} | cand.aliases,
        keep_separate=cand.comitative,
        venue_in_sentence=unit_has_venue,
    )
    if when.start is None and when.end is None and when.has_time is False:
        draft.venue_in_sentence = True
    drafts.append(draft)
    # "am 20. und am 21. Juli, jeweils um 19 Uhr": one event per listed day
    if whens and (not when.end or _day(when.end) == _day(when.start)):
        for value in args.further_days(text, whens[0][1], when.start):
            end = value[:10] + draft.end[10:] if draft.end else None
            extra = replace(draft, start=value, end=end, mentions=[cand], units={unit.index})
            extra.concepts = set(draft.concepts)
            extra.keep_separate = True
            drafts.append(extra)
    # "gehen um 9 Uhr die Kinder, um 10 Uhr die Läufer über fünf Kilometer an den Start":
    # the runs of a race with their own start times are events of their own
    if cand.type == "sports" and _in_unit(_RACE_START, text, unit, memo):
        mine = [
            g
            for g in (list(unit_groups) or groups)
            if not any(
                o is not cand
                and o.absorbed_by is None
                and _gap(o, g) < _gap(cand, g)
                for o in siblings
            )
        ]
        for value in _start_times(text, unit, mine, draft.start):
            extra = replace(draft, start=value, end=None, mentions=[cand], units={unit.index})
            extra.concepts = set(draft.concepts)
            extra.keep_separate = True
            drafts.append(extra)
    # "erstmals gewählt 2003, ..., zuletzt 2021 bestätigt": one event per repeated date
    for extra, group in whens[1:]:
        mine = _gap(cand, group)
        if extra.start and args.repeated(text, group, unit.start) and not any(
            other is not cand and other.absorbed_by is None and _gap(other, group) < mine
            for other in siblings
        ):
            drafts.append(
                Draft(
                    type=cand.type,
                    main=cand,
                    mentions=[cand],
                    start=extra.start,
                    end=extra.end,
                    has_time=True,
                    clock=extra.clock,
                    units={unit.index},
                    concepts={cand.concept},
                    keep_separate=True,
                )
            )


_RACE_START = re.compile(r"\b(?:an\s+den\s+Start|starte[nt]?|Startschuss|Start\s+(?:ist|sind))\b")


def _start_times(
    text: str, unit: Unit, groups: list[args.DateGroup], start: str | None
) -> list[str]:
    """Further clock times of a sentence about starts, on the event's day, not ranges."""
    day = _day(start)
    if not day or not args.day_precise(day):
        return []
    times = [
        t
        for g in groups
        for t in g.items
        if t.type == "TIME" and not _BIS.search(text[max(unit.start, t.start - 6) : t.end])
    ]
    values = []
    for t in times:
        value = day + t.value[10:] if len(t.value) > 10 and t.value[10] == "T" else None
        if value and value != start and value not in values:
            values.append(value)
    return values if len(values) + (1 if start and "T" in start else 0) >= 2 else []


def _gap(cand: Candidate, group: args.DateGroup) -> int:
    if group.start_offset >= cand.end:
        return group.start_offset - cand.end
    return max(0, cand.start - group.end_offset)


#: Triggers that name no kind of happening ("Veranstaltungen", "Aktionen", "Termine").
_GENERIC = frozenset({"veranstaltung", "aktion", "termin", "programm", "angebot"})


def _adjacent(text: str, cand: Candidate, groups: list[args.DateGroup]) -> bool:
    """A date group follows the trigger within three words.

    The words before a later group include those before an earlier one, so only the first
    group after the trigger is counted, and counting stops at the fourth word.
    """
    following = [g.start_offset for g in groups if g.start_offset >= cand.end]
    if not following:
        return False
    words = _WORD_RUN.finditer(text, cand.end, min(following))
    return sum(1 for _ in islice(words, 4)) <= 3


def _antecedent(
    cand: Candidate, when: args.When, drafts: list[Draft], own_year: bool = False
) -> Draft | None:
    """The most recent event this mention can refer to: same concept first, then same type."""
    specific = _GENITIVE_NEXT.match(cand.unit_text, cand.end - cand.unit.start)
    first_time = _FIRST_TIME.search(cand.unit_text) is not None
    if cand.refers_back and (cand.oblique or when.start is None or not (specific or first_time)):
        # "aus der Zukunftswerkstatt im nächsten Frühjahr", "bleibt der Markt am 24. November noch
        # geschlossen": the same name refers back even when the sentence has another date (it
        # belongs to the verb); "die Freigabe der sanierten Brücke" is specific, a new one
        found = []
        for draft in reversed(drafts):
            if draft.type != cand.type or not _concepts_compatible({cand.concept}, draft.concepts):
                continue
            # "Der Gegenbesuch ... ist für Mai 2024 geplant" after "besuchte" in October: a
            # more specific name with a date of its own is another event
            if when.start and not _dates_compatible(draft.start, when.start) and (
                own_year or not any(c == cand.concept or c.endswith(cand.concept) for c in draft.concepts)
            ):
                continue
            found.append(draft)
        # "Organisiert wird der Lauf ..." after timed runs ("12.15 Uhr: Bambini-Lauf"): an undated
        # bare head means the whole event, not a programme item with its own clock time
        if found and when.start is None and cand.concept == cand.trigger.form.lower():
            whole = [d for d in found if d.start and "T" not in d.start]
            if whole and found[0].start and "T" in found[0].start:
                return whole[0]
        if found:
            return found[0]
    for need_concept in (True, False):
        for draft in reversed(drafts):
            if not _dates_compatible(draft.start, when.start):
                continue
            concept_ok = _concepts_compatible({cand.concept} | cand.aliases, draft.concepts)
            if need_concept and concept_ok:
                return draft
            # a bare head ("die Konferenz", "beim Festakt") may refer to any event of its type;
            # a compound of its own ("der Hauptlauf") names a different one
            bare = cand.concept == cand.trigger.form.lower() or cand.kind != "noun"
            # (an undated event cannot take over a mention with a date of its own)
            dated_mention_undated_event = when.start is not None and draft.start is None
            # "Jeden Donnerstag ... zur Vorlesestunde" after a reading on 7 September: a weekly
            # recurrence is not the one-off event of its type
            weekly_vs_day = bool(
                when.start
                and when.start.startswith("XXXX-WXX")
                and draft.start
                and not draft.start.startswith(("XXXX-WXX", "XXXX-XX"))
            )
            if (
                not need_concept
                and draft.type == cand.type
                and cand.refers_back
                and bare
                and not dated_mention_undated_event
                and not weekly_vs_day
            ):
                return draft
    return None


def _merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One record per event: same type and day (and sentence or concept); undated twins."""
    out: list[Draft] = []
    for draft in drafts:
        target = None
        for other in out:
            if other.type != draft.type or other.keep_separate or draft.keep_separate:
                continue
            same_unit = bool(other.units & draft.units)
            concept = _concepts_compatible(other.concepts, draft.concepts)
            same_day = draft.start and other.start and _day(draft.start) == _day(other.start)
            # "Der Hauptlauf beginnt um 9 Uhr, der Fünf-Kilometer-Lauf um 9.15 Uhr": two events
            clocks_differ = draft.clock and other.clock and draft.start != other.start
            # "Citylauf am Sonntag" ... "10.15 Uhr: 10-Kilometer-Lauf": a timed item with a name
            # of its own is no repetition of the day's event, even when a bare "der Lauf" joined it
            if (
                concept
                and not same_unit
                and bool(draft.clock) != bool(other.clock)
                and not _concepts_compatible({draft.main.concept}, {other.main.concept})
            ):
                concept = False
            # "fanden die Kommunalwahlen ... sowie die Europawahl statt": two named events in a list
            if same_unit and not concept and _listed_apart(other, draft):
                same_unit = False
            if same_day and (same_unit or concept) and not clocks_differ:
                target = other
                break
        if target is None:
            out.append(draft)
        else:
            target.absorb_draft(draft)
    # a coarse date ("Festwochenende Anfang September" in a headline) joins the same event
    # with the precise date ("Festwochenende vom 6. bis 8. September")
    out = _merge_coarse(out)
    # undated mentions (headlines, info boxes) join their dated twin
    result: list[Draft] = []
    for draft in out:
        if draft.start is None and draft.end is None:
            twin = next(
                (
                    o
                    for o in out
                    if o is not draft
                    and o.type == draft.type
                    and (o.start or o.end)
                    and _concepts_compatible(o.concepts, draft.concepts)
                ),
                None,
            )
            if twin is not None:
                twin.absorb_draft(draft)
                continue
        result.append(draft)
    return result


_LISTED = re.compile(r"\s(?:sowie|und)\s+(?:die|der|das|den|dem|zur|zum)\s")


def _listed_apart(a: Draft, b: Draft) -> bool:
    """Two differently named compounds joined by 'sowie/und die': separate events."""
    first, second = sorted((a.main, b.main), key=lambda c: c.start)
    if first.kind != "noun" or second.kind != "noun" or first.unit is not second.unit:
        return False
    bare = {first.trigger.form.lower(), second.trigger.form.lower()}
    if first.concept in bare or second.concept in bare:
        return False
    unit_text = first.unit_text
    gap = unit_text[first.end - first.unit.start : second.start - first.unit.start]
    return bool(_LISTED.search(gap)) and not _concepts_compatible({first.concept}, {second.concept})


def _coarser(a: str | None, b: str | None) -> bool:
    """Whether date ``a`` is a less precise form of ``b`` ("2024-09" of "2024-09-06")."""
    if not a or not b:
        return False
    da, db = _day(a), _day(b)
    return len(da) < len(db) and db.startswith(da) and "X" not in da


def _merge_coarse(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        twin = next(
            (
                o
                for o in drafts
                if o is not draft
                and o.type == draft.type
                and not (o.keep_separate or draft.keep_separate)
                and _coarser(draft.start, o.start)
                and _concepts_compatible(o.concepts, draft.concepts)
            ),
            None,
        )
        if twin is None:
            out.append(draft)
            continue
        twin.mentions.extend(draft.mentions)
        twin.units |= draft.units
        twin.concepts |= draft.concepts
        twin.venue = twin.venue or draft.venue
        twin.merged += 1 + draft.merged
    return out


_SPAN_SUBJECT = re.compile(
    r"(?:(?:Die|Der|Das|Diese[rs]?)\s+(?:[a-zäöü][\w-]*\s+)?(?P<head>[A-ZÄÖÜ][\w-]+)|(?P<pron>Sie|Er|Es))"
    r"\s+(?:beginnt|startet|läuft|dauert|endet|geht)\b"
)
_START_CUE = re.compile(r"\b(?:beginnt|beginnen|startet|starten|ab|vom|von)\s+(?:\w+\s+){0,2}$")
_END_WORD = re.compile(r"\b(?:endet|enden|bis)\s+(?:\w+\s+){0,2}$")


def _refine_spans(
    text: str,
    unit_list: list[Unit],
    per_unit: list[list[Candidate]],
    timexes: list[TimeExpression],
    drafts: list[Draft],
) -> None:
    """"Die Reihe beginnt am 9. April und endet am 14. Mai": a sentence about the start and
    end of an event named before (by its head word or a pronoun) gives its first and last day."""
    for unit in unit_list:
        # (the anchored match first: it is cheaper than looking at the candidates)
        subject = _SPAN_SUBJECT.match(text, unit.start, unit.end)
        if subject is None or any(not c.reference for c in per_unit[unit.index]):
            continue
        head = (subject.group("head") or "").lower()
        before = [d for d in drafts if d.main.start < unit.start]
        if head:
            target = next(
                (d for d in reversed(before) if any(c.endswith(head) for c in d.concepts)), None
            )
        else:
            target = next((d for d in reversed(before) if d.para == unit.para), None)
        if target is None:
            continue
        start = end = None
        for group in args.group_dates(text, [t for t in timexes if unit.start <= t.start < unit.end]):
            when = args.resolve_group(text, group, unit.start)
            left = text[max(unit.start, group.start_offset - 30) : group.start_offset]
            if when.start and when.end:
                start, end = when.start, when.end
            elif when.end:
                end = when.end
            elif when.start and _END_WORD.search(left):
                end = when.start
            elif when.start and (_START_CUE.search(left) or start is None):
                start = when.start
        if start and (target.start is None or _coarser(target.start, start)):
            target.start, target.clock, target.has_time = start, "T" in start, True
        if end and not target.end:
            target.end = end
        target.units.add(unit.index)


def _share_opening_venues(drafts: list[Draft]) -> None:
    """An opening and the running event it opens, read from one sentence, share the venue.

    The running event without a date of its own starts on the opening's day ("eröffnet am
    Montag um 17 Uhr den Weihnachtsmarkt": the market starts that Monday).
    """
    for draft in drafts:
        if draft.start is None and draft.end is None and draft.main.trigger.running:
            opening = next(
                (
                    o
                    for o in drafts
                    if o.type == "opening" and o.units & draft.units and _day(o.start)
                ),
                None,
            )
            if opening is not None:
                draft.start, draft.has_time = _day(opening.start), True
        if draft.venue is not None:
            continue
        for other in drafts:
            if (
                other is not draft
                and other.venue is not None
                and other.units & draft.units
                and {draft.type, other.type} & {"opening"}
                and (draft.main.trigger.running or other.main.trigger.running)
            ):
                draft.venue = other.venue
                break


def _fallback_venues(
    text: str,
    drafts: list[Draft],
    unit_list: list[Unit],
    per_unit: list[list[Candidate]],
    vmentions: list[args.VenueMention],
    owned_units: set[int],
) -> None:
    """A dated event without a venue in its sentence: the paragraph's free venue, else the
    venue of an earlier event on the same day in the same paragraph."""
    for draft in drafts:
        if draft.venue is not None or not draft.start or draft.venue_in_sentence:
            continue
        main_unit = unit_list[draft.main.unit.index]
        free = [
            (abs(u.index - main_unit.index), u.index > main_unit.index, v)
            for u in unit_list
            if u.para == main_unit.para and u.index not in owned_units
            for v in vmentions
            if u.start <= v.start < u.end and args.is_locative(text, v.start, u.start, v.end)
        ]
        if free:
            draft.venue = min(free, key=lambda f: (f[0], f[1]))[2].venue
            continue
        earlier = [
            d
            for d in drafts
            if d is not draft
            and d.venue is not None
            and d.para == draft.para
            and d.main.start < draft.main.start
            and _day(d.start) == _day(draft.start)
        ]
        if earlier:
            draft.venue = earlier[-1].venue


def _evidence(text: str, draft: Draft, unit_list: list[Unit]) -> Mention:
    main = unit_list[draft.main.unit.index]
    start, end = main.start, main.end
    return Mention(text=text[start:end], start=start, end=end)


def _finish(text: str, draft: Draft, unit_list: list[Unit], inputs: EventInputs) -> Event:
    main = draft.main
    spans = sorted({(unit_list[i].start, unit_list[i].end) for i in draft.units})
    organizers: list[str] = []
    for span in spans:
        for name in args.organisers(text, span, inputs.people, inputs.organizations):
            if name not in organizers:
                organizers.append(name)
    people: dict[str, str | None] = {}
    for span in spans:
        for name, role in args.participants(text, span, inputs.people, set(organizers)):
            if name not in people or (people[name] is None and role):
                people[name] = role
    cancelled, postponed = cancellation(text, spans, inputs.dates)
    start = draft.start
    if postponed:
        start = postponed
    event = Event(
        type=draft.type,
        name=event_name(text, draft.main, draft.mentions),
        trigger=Mention(text=text[main.start : main.end], start=main.start, end=main.end),
        start=start,
        end=draft.end,
        venue=draft.venue.name if draft.venue else None,
        organizers=organizers,
        participants=[Participant(name=n, role=r) for n, r in people.items()],
        status=status_of(start, draft.end, inputs.published, text, spans),
        confidence=0.0,
        evidence=_evidence(text, draft, unit_list),
        cancelled=cancelled,
        postponed_to=postponed,
    )
    event.confidence = confidence(event, main.kind, draft.merged, main.plural)
    return event
