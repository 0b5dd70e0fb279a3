"""Calendar arithmetic for TIMEX3 values: intervals, holidays, year choice near an anchor.

Kept free of regexes and rules so it can be tested on its own; the normalisers call it.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, datetime, time, timedelta

from dateutil.easter import easter

Tense = str | None  # "past", "future" or None

#: TIMEX3 part-of-day codes -> (start hour, end hour) used for begin/until.
PART_OF_DAY_HOURS = {"MO": (6, 12), "MI": (11, 14), "AF": (12, 18), "EV": (18, 22), "NI": (22, 24), "DT": (8, 18)}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_END = time(23, 59, 59)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_interval(first: date, last: date) -> tuple[datetime, datetime]:
    """Inclusive interval from the start of `first` to the last second of `last`."""
    return datetime.combine(first, time()), datetime.combine(last, _END)


def month_interval(year: int, month: int) -> tuple[datetime, datetime]:
    last = _cal.monthrange(year, month)[1]
    return day_interval(date(year, month, 1), date(year, month, last))


def add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def first_advent(year: int) -> date:
    """The fourth Sunday before Christmas Day."""
    christmas = date(year, 12, 25)
    last_sunday = christmas - timedelta(days=(christmas.isoweekday() % 7) or 7)
    return last_sunday - timedelta(weeks=3)


def holiday_date(rule: str, year: int) -> date:
    """Evaluate a holiday rule of `normalization/holiday.tsv` for `year`."""
    kind, _, arg = rule.partition(":")
    if kind == "fixed":
        month, day = arg.split("-")
        return date(year, int(month), int(day))
    if kind == "easter":
        return easter(year) + timedelta(days=int(arg))
    if kind == "advent":
        return first_advent(year) + timedelta(days=int(arg))
    if kind == "nth":
        month, weekday, nth = (int(x) for x in arg.split(":"))
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (nth - 1))
    raise ValueError(f"unknown holiday rule {rule!r}")


def choose_year(anchor: date, month: int, day: int | None, tense: Tense) -> int:
    """The year for a day/month without year: nearest to the anchor, bent by tense.

    A report about the past refers to the last such day before the anchor unless that is
    far off; an announcement to the next one after it. Without tense the nearest wins.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        point = safe_date(year, month, day) if day else safe_date(year, month, 15)
        if point is not None:
            options.append((abs((point - anchor).days), year, point))
    options.sort()
    _, best_year, best = options[0]
    grace = 3 if day else 20
    if tense == "future" and (best - anchor).days < -grace:
        later = [o for o in options if (o[2] - anchor).days >= -grace and o[0] <= 366]
        if later:
            return later[0][1]
    if tense == "past" and (best - anchor).days > grace:
        earlier = [o for o in options if (o[2] - anchor).days <= grace and o[0] <= 366]
        if earlier:
            return earlier[0][1]
    return best_year


def year_for_weekday(anchor: date, month: int, day: int, weekday: int) -> int | None:
    """The year nearest the anchor in which day.month falls on the ISO weekday."""
    best: tuple[int, int] | None = None
    for year in range(anchor.year - 11, anchor.year + 12):
        point = safe_date(year, month, day)
        if point is not None and point.isoweekday() == weekday:
            distance = abs((point - anchor).days)
            if best is None or distance < best[0]:
                best = (distance, year)
    return best[1] if best else None


def nearest_weekday(day: date, weekday: int) -> date:
    """The given ISO weekday closest to `day` (at most three days before, else after)."""
    delta = (weekday - day.isoweekday()) % 7
    return day + timedelta(days=delta if delta <= 3 else delta - 7)


def resolve_weekday(anchor: date, weekday: int, direction: int) -> date:
    """The weekday after (direction > 0) or before (direction < 0) the anchor day.

    direction 0 means "this week's": the weekday of the anchor's ISO week.
    """
    if direction == 0:
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if direction > 0:
        delta = (weekday - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    delta = (anchor.isoweekday() - weekday) % 7 or 7
    return anchor - timedelta(days=delta)


_CLOCK_V = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)")
_PART_V = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(MO|MI|AF|EV|NI|DT)")
_DATE_V = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH_V = re.compile(r"(\d{4})-(\d\d)")
_WEEK_V = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_SEASON_V = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_QUARTER_V = re.compile(r"(\d{4})-Q([1-4])")
_HALF_V = re.compile(r"(\d{4})-H([12])")
_YEAR_V = re.compile(r"\d{4}")
_DECADE_V = re.compile(r"\d{3}")
_CENTURY_V = re.compile(r"\d{2}")


def interval(value: str) -> tuple[datetime | None, datetime | None]:
    """The calendar interval a TIMEX3 DATE/TIME value covers (inclusive), or (None, None).

    Points in time (``...T18:30``) give begin == until; values with ``X`` give nothing.
    """
    if not value or "X" in value or value.endswith("_REF") or value.startswith("P"):
        return None, None
    try:
        if m := _CLOCK_V.fullmatch(value):
            point = datetime(*(int(g) for g in m.groups()))
            return point, point
        if m := _PART_V.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            start, end = PART_OF_DAY_HOURS[m[4]]
            begin = datetime.combine(day, time(start))
            until = datetime.combine(day, time(end - 1, 59, 59)) if end < 24 else datetime.combine(day, _END)
            return begin, until
        if m := _DATE_V.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day_interval(day, day)
        if m := _MONTH_V.fullmatch(value):
            return month_interval(int(m[1]), int(m[2]))
        if m := _WEEK_V.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return day_interval(monday + timedelta(days=5), monday + timedelta(days=6))
            return day_interval(monday, monday + timedelta(days=6))
        if m := _SEASON_V.fullmatch(value):
            year = int(m[1])
            first_month, last_month = SEASON_MONTHS[m[2]]
            last_year, last_m = add_months(year, first_month, last_month - first_month)
            return month_interval(year, first_month)[0], month_interval(last_year, last_m)[1]
        if m := _QUARTER_V.fullmatch(value):
            year, quarter = int(m[1]), int(m[2])
            return month_interval(year, 3 * quarter - 2)[0], month_interval(year, 3 * quarter)[1]
        if m := _HALF_V.fullmatch(value):
            year, half = int(m[1]), int(m[2])
            return month_interval(year, 6 * half - 5)[0], month_interval(year, 6 * half)[1]
        if m := _YEAR_V.fullmatch(value):
            year = int(value)
            return day_interval(date(year, 1, 1), date(year, 12, 31))
        if m := _DECADE_V.fullmatch(value):  # decade, e.g. 199 = the 1990s
            start = int(value) * 10
            return day_interval(date(max(start, 1), 1, 1), date(start + 9, 12, 31))
        if m := _CENTURY_V.fullmatch(value):  # century, e.g. 19 = 1900-1999
            start = int(value) * 100
            return day_interval(date(max(start, 1), 1, 1), date(start + 99, 12, 31))
    except ValueError:
        return None, None
    return None, None


def narrow(begin: datetime, until: datetime, position: str | None) -> tuple[datetime, datetime]:
    """The first, middle or last third of an interval ("Anfang/Mitte/Ende November")."""
    if position not in ("START", "MID", "END"):
        return begin, until
    third = (until - begin) / 3
    if position == "START":
        return begin, begin + third
    if position == "MID":
        return begin + third, begin + 2 * third
    return until - third, until


_DAY_PART = re.compile(r"^((?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX))(?:$|T)")


def day_of(value: str) -> str | None:
    """The day part (``YYYY-MM-DD`` or ``XXXX-MM-DD``) of a day-level value, else None."""
    m = _DAY_PART.match(value)
    return m.group(1) if m else None
