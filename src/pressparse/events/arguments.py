"""Argument linking: which dates, venues, organisers and participants belong to a trigger.

Everything works on character offsets. Dates are grouped first ("Am Freitag, 12. Juni,
19 Uhr" is one DATE plus one TIME, "von 10 bis 16 Uhr" a range); a group directly after a noun
trigger belongs to it ("die Abstimmung Ende Mai"), the others go to the nearest trigger. A venue
goes to the nearest trigger of its sentence, so "die Ehrung im Bürgersaal und ... beim
anschließenden Sektempfang" gives the hall to the honour, not to the reception.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..schema import Organization, Person, TimeExpression, Venue
from .segment import CLAUSE_BREAK as _CLAUSE_BREAK
from .triggers import Candidate

SCORED_TYPES = ("DATE", "TIME", "SET")
_CONNECTOR = re.compile(
    r"^(?:[\s,()]|um|von|vom|bis|ab|gegen|zwischen|und|jeweils|dem|den|zum|zur|voraussichtlich|"
    r"einschließlich|spätestens|-|\u2013|\u2014)*$"
)
_RANGE = re.compile(r"bis|[-\u2013\u2014]")
_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d")
_OPEN_START = re.compile(r"(?:\b(?:seit|ab)\s+(?:dem\s+|den\s+|im\s+(?:Jahr\s+)?)?)$", re.I)
_UNTIL = re.compile(
    r"\bbis\s+(?:voraussichtlich\s+|spätestens\s+)?(?:zum\s+|zur\s+|Ende\s+|einschließlich\s+)?$", re.I
)
_FROM = re.compile(r"\b(?:von|vom|ab|seit|zwischen)\b", re.I)
_AGAIN = re.compile(r"\b(?:zuletzt|erneut|wieder|nochmals|abermals)\s+(?:\w+\s+){0,2}$", re.I)


def usable(timex: TimeExpression) -> bool:
    """DATE/TIME/SET expressions with a value we can put on a calendar (no *_REF)."""
    value = timex.value
    return timex.type in SCORED_TYPES and not value.endswith("_REF") and not value.startswith("P")


def day_precise(value: str | None) -> bool:
    return bool(value) and (bool(_DAY.match(value)) or value.startswith("XXXX-WXX"))


_BIS = re.compile(r"\bbis\b")
_WORD_RUN = re.compile(r"\w+")
_CAPITAL_START = re.compile(r"\b[A-ZÄÖÜ]")
_STOP_MARK = re.compile(r"[.;:!?]")
_NEXT_BULLET = re.compile(r"\n\s*[-*\u2022\u2013\u2014]")


@dataclass(eq=False)
class DateGroup:
    """Temporal expressions written together ("Dienstag, 3. März, um 10 Uhr").

    Items are only added through `add`, which keeps the end offset as a running maximum (a
    long chain of expressions would otherwise recompute it per added item). What
    `resolve_group` and `open_start` say about a group is kept on it, since every trigger of
    a sentence asks about the same groups.
    """

    items: list[TimeExpression]
    end_offset: int = field(init=False)
    _cache: dict[tuple[str, int], object] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.end_offset = max(t.end for t in self.items)

    @property
    def start_offset(self) -> int:
        return self.items[0].start

    def add(self, timex: TimeExpression) -> None:
        self.items.append(timex)
        if timex.end > self.end_offset:
            self.end_offset = timex.end
        self._cache.clear()  # what was remembered described the group without `timex`

    def remembered(self, kind: str, unit_start: int,
                   compute: Callable[[str, DateGroup, int], object], text: str) -> object:
        """``compute(text, self, unit_start)``, once per (kind, unit_start) for this group."""
        key = (kind, unit_start)
        if key not in self._cache:
            self._cache[key] = compute(text, self, unit_start)
        return self._cache[key]


@dataclass
class When:
    """The time an event was linked to."""

    start: str | None = None
    end: str | None = None
    has_time: bool = False  # some calendar expression was linked (even an unresolved one)
    clock: bool = False  # it has a clock time
    groups: list[DateGroup] = field(default_factory=list)


def group_dates(text: str, timexes: list[TimeExpression]) -> list[DateGroup]:
    """Join expressions that are written together (only connectors between them)."""
    ordered = sorted((t for t in timexes if usable(t)), key=lambda t: (t.start, t.end, t.value))
    groups: list[DateGroup] = []
    for timex in ordered:
        if groups:
            last = groups[-1]
            gap = text[last.end_offset : timex.start] if timex.start >= last.end_offset else ""
            if timex.start < last.end_offset or (len(gap) <= 20 and _CONNECTOR.match(gap)):
                last.add(timex)
                continue
        groups.append(DateGroup([timex]))
    return groups


def _combine(date_value: str | None, time_value: str) -> str:
    """Put a clock time whose day is unknown on the day of the date it was written with."""
    if date_value and time_value.startswith("XXXX-XX-XXT") and _DAY.match(date_value):
        return date_value[:10] + time_value[10:]
    return time_value


def resolve_group(text: str, group: DateGroup, unit_start: int) -> When:
    """Start and end of one date group: the clock time on its day, ranges as start/end.

    The result is shared by every caller asking about the same group (do not modify it).
    """
    return group.remembered("when", unit_start, _resolve, text)  # type: ignore[return-value]


def _resolve(text: str, group: DateGroup, unit_start: int) -> When:
    items = group.items
    day = next((t.value for t in items if t.type == "DATE" and _DAY.match(t.value)), None)
    # "am 20. Juli und 21. Juli, jeweils um 19 Uhr": a daily clock time goes on the day
    times: list[TimeExpression] = []
    dates: list[TimeExpression] = []
    for t in items:
        if t.type == "TIME" or (day and t.value.startswith("XXXX-XX-XXT")):
            times.append(t)
        elif t.type in ("DATE", "SET"):
            # (not `t not in times`, which compares models field by field: an item equal to
            # a time passes the time test itself)
            dates.append(t)
    day = next((d.value for d in dates if _DAY.match(d.value)), None)
    when = When(has_time=True, groups=[group], clock=bool(times) or any("T" in d.value for d in dates if d.type == "SET"))
    left = text[max(unit_start, items[0].start - 25) : items[0].start]
    first_text = items[0].text.lower()
    until_only = (bool(_UNTIL.search(left)) or first_text.startswith("bis")) and not (
        _FROM.search(text[items[0].start : group.end_offset]) or first_text.startswith(("von", "vom"))
    )
    if times:
        values = [_combine(day, t.value) for t in times]
        start, end = values[0], None
        if len(times) > 1 and _is_range(text, times[0], times[1]):
            end = values[1]
    else:
        # "jeden ersten Montag im Monat von 16 bis 18 Uhr": the weekly SET with its clock time
        # (XXXX-WXX-1T16:00) is more precise than the bare weekday written before it
        timed = [d for d in dates if d.type == "SET" and d.value.startswith(dates[0].value + "T")]
        if timed and "T" not in dates[0].value:
            dates = timed
        values = [d.value for d in dates]
        start, end = values[0], None
        if len(dates) > 1 and _is_range(text, dates[0], dates[1]):
            end = values[1]
    if start == "XXXX-XX-XX":
        start = None
    if until_only:
        return When(start=None, end=start, has_time=True, groups=[group], clock=when.clock)
    when.start, when.end = start, end
    return when


_AND = re.compile(r"^\s*,?\s*(?:und|sowie|oder)\s+(?:am\s+|an\s+)?$|^\s*,\s*(?:am\s+)?$")


_LISTED = re.compile(r"\b(?:und|sowie)\b|,")


def further_days(text: str, group: DateGroup, start: str | None) -> list[str]:
    """The other days of an enumeration, each with the group's clock time.

    "am Samstag, 20. Juli, und Sonntag, 21. Juli, jeweils um 19 Uhr": a happening on listed
    days (not a range) takes place once per day, so each day is an event of its own.
    """
    if not start or not _DAY.match(start):
        return []
    days = [t for t in group.items if t.type == "DATE" and _DAY.match(t.value)]
    out: list[str] = []
    for a, b in zip(days, days[1:], strict=False):
        if (a.start, a.end) == (b.start, b.end):
            # one span for both: "7. April und 5. Mai" is a list, "3. bis 7. Juli" a range
            if not _LISTED.search(a.text) or _RANGE.search(a.text):
                return []
        elif not _AND.match(text[a.end : b.start]):
            return []
        if b.value[:10] != start[:10] and b.value[:10] not in [o[:10] for o in out]:
            out.append(b.value[:10] + start[10:])
    return out


def _is_range(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    between = text[a.end : b.start] if b.start >= a.end else ""
    return bool(_RANGE.search(between)) or bool(_BIS.search(a.text + " " + b.text))


def open_start(text: str, group: DateGroup, unit_start: int) -> bool:
    """A year introduced by 'seit'/'ab' ("seit 1991 geehrt"): a state, not a dated happening."""
    return group.remembered("open", unit_start, _open_start, text)  # type: ignore[return-value]


def _open_start(text: str, group: DateGroup, unit_start: int) -> bool:
    first = group.items[0]
    left = text[max(unit_start, first.start - 20) : first.start]
    introduced = bool(_OPEN_START.search(left)) or first.text.lower().startswith(("seit", "ab "))
    return introduced and not any(day_precise(t.value) for t in group.items)


def repeated(text: str, group: DateGroup, unit_start: int) -> bool:
    """'zuletzt 2021 bestätigt', 'erneut am ...': a further occurrence of the same happening."""
    return group.remembered("again", unit_start, _repeated, text)  # type: ignore[return-value]


def _repeated(text: str, group: DateGroup, unit_start: int) -> bool:
    first = group.items[0]
    return bool(_AGAIN.search(text[max(unit_start, first.start - 30) : first.start]))


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD_RUN.findall(text, a, b)) if b > a else 99


def _nearer_singular(
    text: str, cands: list[Candidate], active: list[int], cand: Candidate, group: DateGroup
) -> bool:
    mine = _distance(cand.start, cand.end, group.start_offset, group.end_offset)
    return any(
        not cands[i].plural
        and cands[i] is not cand
        # not the plural's own attribute ("Führungen durch die Ausstellung")
        and not (
            cands[i].start >= cand.end
            and _OWN_ATTRIBUTE.fullmatch(text, cand.end, cands[i].start)
        )
        and _distance(cands[i].start, cands[i].end, group.start_offset, group.end_offset) < mine
        for i in active
    )


_PREP_ATTRIBUTE = re.compile(
    r"\s+(?:durch|über|zu|zur|zum|für|von|vom|aus|mit)\s+(?:(?:der|die|das|den|dem|des)\s+)?"
)
_OWN_ATTRIBUTE = re.compile(r"\s+(?:[a-zäöü]+\s+)?(?:der|die|das|den|dem|des)\s+")


_ATTACHING = frozenset(
    "am im um ab vom von bis zum zur in an seit für jeweils bereits schon erst noch gegen "
    "der die das den dem des".split()
)


def assign_dates(
    text: str, cands: list[Candidate], groups: list[DateGroup]
) -> dict[int, list[DateGroup]]:
    """Date groups per candidate (by index): adjacent groups are claimed, others shared.

    A group that follows a noun trigger within three words ("Abstimmung Ende Mai", "Sitzung am
    Dienstag") belongs to it alone. Every trigger without such a claim takes the nearest
    unclaimed group.
    """
    if not groups or not cands:
        return {}  # (callers read the map with .get(i, []))
    # "Führungen durch die Ausstellung": a reference inside another trigger's phrase has no
    # date of its own
    inside = {
        k
        for k, c in enumerate(cands)
        if c.refers_back
        and any(o.end <= c.start and _PREP_ATTRIBUTE.fullmatch(text, o.end, c.start) for o in cands)
    }
    active = [i for i, c in enumerate(cands) if c.absorbed_by is None and i not in inside]
    claimed: dict[int, int] = {}
    result: dict[int, list[DateGroup]] = {i: [] for i in active + sorted(inside)}
    claims = _Claims(text, cands, active)
    for g_index, group in enumerate(groups):
        owner = claims.owner(group)
        if owner is not None:
            claimed[g_index] = owner
            result[owner].append(group)
    free = _Groups([g for k, g in enumerate(groups) if k not in claimed])
    every = _Groups(groups)
    breaks: list[int] | None = None  # (only verbs need them: found for the first verb)
    for i in active:
        cand = cands[i]
        if result[i]:
            continue
        pool = free.items
        if cand.kind == "verb":
            if breaks is None:
                breaks = _hard_breaks(text, cands, groups)
            # a verb's date stands in its own clause
            pool = _same_clause_groups(text, cand, free, breaks)
            if not pool and not free.items:
                pool = _same_clause_groups(text, cand, every, breaks)
        if cand.plural:
            # "Beim Tag der offenen Tür am Sonntag ... an Schauübungen teilnehmen": a date nearer
            # to a singular trigger is that trigger's, not the generic plural's
            pool = [g for g in pool if not _nearer_singular(text, cands, active, cand, g)]
        if not pool:
            continue
        nearest = min(pool, key=lambda g: _distance(cand.start, cand.end, g.start_offset, g.end_offset))
        # all groups, nearest first: later ones may be repetitions ("zuletzt 2021 bestätigt");
        # groups are in text order and do not overlap, so those are the ones after it
        k = every.index[id(nearest)]
        result[i] = [nearest] + groups[k + 1 :]
    return result


_NON_SPACE = re.compile(r"\S")


class _Claims:
    """Which trigger claims a date group written right next to it (see `assign_dates`).

    Only triggers at the group can claim it: a verb starting right after it, or a noun
    ending before it with no other trigger in between, so each group looks at those few by
    bisection instead of at every trigger of the sentence.
    """

    def __init__(self, text: str, cands: list[Candidate], active: list[int]) -> None:
        self.text = text
        self.cands = cands
        self.active = active
        self.active_starts = [cands[i].start for i in active]  # cands are in text order
        self.all_starts = [c.start for c in cands]
        self.by_end = sorted((cands[i].end, i) for i in active if cands[i].kind != "verb")
        self.ends = [end for end, _ in self.by_end]

    def owner(self, group: DateGroup) -> int | None:
        verb = self._verb_after(group)
        return verb if verb is not None else self._noun_before(group)

    def _verb_after(self, group: DateGroup) -> int | None:
        """"das 1972 eröffnete Hallenbad", "1874 gegründet": the date right before a verb."""
        end = group.end_offset
        found = _NON_SPACE.search(self.text, end)
        stop = found.start() if found else len(self.text)  # only spaces in [end, stop)
        lo = bisect_left(self.active_starts, end)
        hi = bisect_right(self.active_starts, stop)
        for i in self.active[lo:hi]:
            if self.cands[i].kind == "verb":
                return i
        return None

    def _noun_before(self, group: DateGroup) -> int | None:
        """"Abstimmung Ende Mai", "Sitzung am Dienstag": a noun right before the group."""
        g_start = group.start_offset
        text = self.text
        # a trigger ending at or before the last trigger start before the group has that
        # trigger between itself and the group, so it cannot claim it
        last = bisect_left(self.all_starts, g_start) - 1
        floor = self.cands[last].start if last >= 0 else -1
        lo = bisect_right(self.ends, floor)
        hi = bisect_right(self.ends, g_start)
        for _, i in sorted(self.by_end[lo:hi], key=lambda item: item[1]):
            cand = self.cands[i]
            gap = text[cand.end : g_start]
            # "Abstimmung Ende Mai", "Sitzung am Dienstag", not "Veranstaltung werden die Unterlagen"
            nouns = _CAPITAL_START.search(gap)
            # a noun claims only a date right after it ("die Wahlen Ende Mai"), not one
            # across a verb ("Mit vier Vorträgen ging Ende Oktober der „Herbst“ zu Ende")
            plural_ok = all(w.lower() in _ATTACHING for w in _WORD_RUN.findall(gap))
            if (
                _words_between(text, cand.end, g_start) <= 3
                and not _STOP_MARK.search(gap)
                # "- 9.30 Uhr: Staffellauf\n- 10.45 Uhr: ...": the next bullet's time is its own
                and not _NEXT_BULLET.search(gap)
                and not nouns
                and plural_ok
                # no trigger in between: none starts in [cand.end, g_start)
                and bisect_left(self.all_starts, cand.end) > last
            ):
                return i
        return None


#: Characters that always end a clause (`CLAUSE_BREAK`), whatever surrounds them.
_HARD_BREAK = re.compile(r"[;:\u2013\u2014]")


def _hard_breaks(text: str, cands: list[Candidate], groups: list[DateGroup]) -> list[int]:
    """Offsets of `_HARD_BREAK` characters in the stretch the sentence's triggers and groups span."""
    if not cands or not groups:
        return []
    start = min(cands[0].start, groups[0].start_offset)
    end = max(max(c.end for c in cands), groups[-1].end_offset)
    return [m.start() for m in _HARD_BREAK.finditer(text, start, end)]


class _Groups:
    """Date groups of a sentence (in text order, not overlapping) with their offsets."""

    def __init__(self, items: list[DateGroup]) -> None:
        self.items = items
        self.starts = [g.start_offset for g in items]
        self.ends = [g.end_offset for g in items]
        self.index = {id(g): k for k, g in enumerate(items)}


def _same_clause_groups(
    text: str, cand: Candidate, groups: _Groups, breaks: list[int]
) -> list[DateGroup]:
    """The groups with no clause break between them and the trigger, in their order.

    Groups beyond the nearest hard break (a colon, semicolon or dash) on either side cannot
    qualify; groups are in text order and do not overlap, so the rest is one slice.
    """
    k = bisect_left(breaks, cand.end)
    after = breaks[k] if k < len(breaks) else len(text)  # first break at/after the trigger
    k = bisect_left(breaks, cand.start) - 1
    before = breaks[k] if k >= 0 else -1  # last break before it
    lo = bisect_right(groups.ends, before)
    hi = bisect_right(groups.starts, after)
    return [g for g in groups.items[lo:hi] if not _CLAUSE_BREAK.search(_between(text, cand, g))]


#: An address apposition ("im Festsaal, Marktplatz 10, 48143 Münster, den Preis verliehen"):
#: its commas do not end a clause.
_ADDRESS = re.compile(
    r",(?:\s*(?:[A-ZÄÖÜ][\w.-]*\s+){0,3}\d{1,5}\s?[a-z]?(?:\s+[A-ZÄÖÜ][\w.-]*){0,3}\s*,)+"
)


def _between(text: str, cand: Candidate, group: DateGroup) -> str:
    if group.start_offset >= cand.end:
        between = text[cand.end : group.start_offset]
    else:
        between = text[group.end_offset : cand.start]
    return _ADDRESS.sub(" ", between)


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if b_start >= a_end:
        return b_start - a_end
    if a_start >= b_end:
        return a_start - b_end
    return 0


@dataclass(frozen=True)
class VenueMention:
    start: int
    end: int
    venue: Venue
    locative: bool = True  # introduced as a place ("im Festsaal", "Treffpunkt ist der ...")


#: A place is introduced by a locative preposition, also sentence-initial ("Im festlich
#: geschmückten Großen Saal": adjectives may stand between) or named as
#: the place of something ("Veranstaltungsort ist", "Start und Ziel sind auf ...").
_LOCATIVE = re.compile(
    r"(?:\b(?i:in|im|ins|auf|am|an|ans|bei|beim|vor|hinter|neben|zwischen|unter|"
    r"ab|vom|gegenüber)\s+(?:(?:den|die|der|dem|das|des|einen|einem|einer|eine)\s+)?"
    r"(?:[a-zäöüß0-9][\w.-]*\s+){0,2}(?:[A-ZÄÖÜ][a-zäöüß]+(?:en|em|er|es)\s+)?"
    r"(?:[A-ZÄÖÜ][\w-]*\s+(?:des|der)\s+)?"
    r"|\b(?:[\w-]*[Oo]rt|Treffpunkt|Start|Ziel|Adresse|Anschrift)\w*\s+(?:ist|sind|war|waren|bleibt)\s+"
    r"(?:(?:der|die|das|den)\s+)?(?:[a-zäöüß][\w.-]*\s+){0,2}(?:[A-ZÄÖÜ][\w-]*\s+(?:des|der)\s+)?"
    r"|^\s*|[:(]\s*)$"
)
#: Event types whose venue is the thing itself ("Sperrung der Puschkinstraße", "das Rathaus
#: wurde 1892 eingeweiht"), so a venue need not be introduced as a place.
OBJECT_VENUE_TYPES = frozenset({"opening", "works_closure"})


_GENITIVE_OBJECT = re.compile(r"\s+(?:des|der)\s+(?:[\w-]+\s+)?")


_ACCUSATIVE_OBJECT = re.compile(r"\b(?:den|die|das)\s+(?:[A-ZÄÖÜ][\w-]*\s+)?$")


def _is_object(text: str, cand: Candidate, start: int) -> bool:
    """A venue named as the trigger's genitive ("Besuch des Stadtteils Au") or as the object
    of a trigger verb in the same clause ("besuchte ... den Stadtteil Au")."""
    if _GENITIVE_OBJECT.fullmatch(text, cand.end, start):
        return True
    between = text[cand.end : start]
    return (
        cand.kind == "verb"
        and len(between) <= 80
        and not _CLAUSE_BREAK.search(between)
        and bool(_ACCUSATIVE_OBJECT.search(between))
    )


#: "öffnet die Feuerwache, Hauptstraße 4, am Sonntag ihre Tore": the venue opens its doors
_OPENS_DOORS = re.compile(r"[^;:]{0,150}?\b(?:ihre|seine)\s+(?:Tore|Türen|Pforten)\b")
_OPENS = re.compile(r"\böffne(?:t|n|te|ten)\s+(?:(?:der|die|das|den)\s+)?(?:[a-zäöü][\w-]*\s+)?$")


def is_locative(text: str, start: int, unit_start: int, end: int | None = None) -> bool:
    """Whether the venue mention at ``start`` is introduced as a place in its sentence."""
    left = text[max(unit_start, start - 60) : start]
    if _LOCATIVE.search(left):
        return True
    return end is not None and bool(_OPENS.search(left)) and bool(_OPENS_DOORS.match(text, end))


def venue_mentions(venues: list[Venue], limit: int | None) -> list[VenueMention]:
    found = [
        VenueMention(m.start, m.end, v)
        for v in venues
        for m in v.mentions
        if limit is None or m.start < limit
    ]
    return sorted(found, key=lambda m: m.start)


def assign_venues(
    text: str, cands: list[Candidate], mentions: list[VenueMention]
) -> dict[int, list[VenueMention]]:
    """Each venue mention of a sentence goes to its nearest trigger (absorbed ones pass it on).

    A mention that is not introduced as a place ("eine Kooperation mit der Volkshochschule",
    "das Programm der Stadtbücherei") can only be the venue of an opening or a closure, whose
    venue is the object itself, or of a trigger whose object it is ("der Besuch des Stadtteils
    Neudorf", "besuchte ... den Stadtteil Neudorf").
    """
    result: dict[int, list[VenueMention]] = {}
    if not cands:
        return result
    for mention in mentions:
        eligible = [
            i
            for i, c in enumerate(cands)
            if mention.locative
            or _root(c).type in OBJECT_VENUE_TYPES
            or (c.end <= mention.start and _is_object(text, c, mention.start))
        ]
        if not eligible:
            continue
        best = min(
            eligible,
            key=lambda i: _distance(cands[i].start, cands[i].end, mention.start, mention.end),
        )
        owner = _root(cands[best])
        result.setdefault(cands.index(owner), []).append(mention)
    return result


def _root(cand: Candidate) -> Candidate:
    while cand.absorbed_by is not None:
        cand = cand.absorbed_by
    return cand


# -- organisers and participants -----------------------------------------------------------
_ORGANISER_CUE = re.compile(
    r"\b(?:l[äa]dt|laden|lud|luden|eingeladen|einladen|veranstalte\w*|Veranstalter\w*|"
    r"organisier\w*|Organisiert|Organisator\w*|ausgerichtet|richtet\w*|Ausrichter\w*|"
    r"Kooperation|Zusammenarbeit|gemeinsam\s+mit)\b"
)
_INVITE = re.compile(r"\b(?:l[äa]dt|laden|lud|luden|eingeladen|einladen)\b")
_COOP = re.compile(r"\b(?:in\s+Kooperation|in\s+Zusammenarbeit|gemeinsam)\s+mit\b")
ROLE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\beröffne\w*|\bEröffnung\b"), "Eröffnung"),
    (re.compile(r"\bGrußwort\w*|\bgrüß\w*"), "Grußwort"),
    (re.compile(r"\bBegrüßung\b|\bbegrüß\w*"), "Begrüßung"),
    (re.compile(r"\bModeration\b|\bmoderier\w*|\bModerier\w*"), "Moderation"),
    (re.compile(r"\b\w*[Vv]ortrag\w*|\breferier\w*"), "Vortrag"),
    (re.compile(r"\b\w*(?:[Rr]ede|[Aa]nsprache)\b"), "Rede"),
    (re.compile(r"\bvereidig\w*"), "Vereidigung"),
    (re.compile(r"\bgeehrt\b|\bausgezeichnet\b|\bEhrung\b"), "Geehrte"),
    (re.compile(r"\bverabschied\w*"), "Verabschiedung"),
    (re.compile(r"\bInterpret\w*|\bspiel\w*|\bsing\w*|\bbegleite\w*"), "Mitwirkende"),
)


def organisers(
    text: str, span: tuple[int, int], people: list[Person], orgs: list[Organization]
) -> list[str]:
    """Organisations (and inviting people) of one sentence that carries an organiser cue."""
    sentence = text[span[0] : span[1]]
    cue = _ORGANISER_CUE.search(sentence)
    if not cue:
        return []
    names: list[str] = []
    coop = _COOP.search(sentence)
    for org in orgs:
        for m in org.mentions:
            if span[0] <= m.start < span[1] and org.name not in names:
                # after "von/vom" only when the cue is a passive ("veranstaltet von")
                names.append(org.name)
                break
    invite = _INVITE.search(sentence)
    if invite:
        cue_pos = span[0] + invite.start()
        for person in people:
            if any(span[0] <= m.start < cue_pos for m in person.mentions) and person.name not in names:
                names.append(person.name)
    if coop and not names:
        return []
    return names


def participants(
    text: str, span: tuple[int, int], people: list[Person], exclude: set[str]
) -> list[tuple[str, str | None]]:
    """People of one sentence with the part a nearby cue word gives them."""
    found: list[tuple[str, str | None]] = []
    cues: list[tuple[int, int, str]] | None = None  # searched once per sentence, in cue order
    for person in people:
        if person.name in exclude:
            continue
        mention = next((m for m in person.mentions if span[0] <= m.start < span[1]), None)
        if mention is None:
            continue
        if cues is None:
            cues = [
                (cue.start(), cue.end(), label)
                for pattern, label in ROLE_CUES
                for cue in pattern.finditer(text, span[0], span[1])
            ]
        role = None
        best = 80
        for start, end, label in cues:
            dist = _distance(start, end, mention.start, mention.end)
            if dist < best:
                best, role = dist, label
        found.append((person.name, role))
    return found


def has_participant_cue(sentence: str) -> bool:
    return any(p.search(sentence) for p, label in ROLE_CUES[:6])
