"""Normalisers: a rule's named groups + the anchoring context -> TIMEX3 values.

Each rule in ``resources/de/temporal/rules`` names one normaliser here. Normalisers are
plain functions so that the semantics (what "nächsten Montag" means) are testable without
regexes; the surface->value knowledge stays in the normalisation tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import calendar as cal
from .resources import Resources

Groups = dict[str, str | None]


@dataclass
class Context:
    """What a normaliser may know beyond its match."""

    anchor: date | None  # publication date or narrative anchor
    day: str | None  # day-level value of the last date mentioned (for clock times)
    tense: str | None  # "past", "future" or None
    narrative: bool = False  # anchor is a date from the text (an event day), not publication
    focus: str | None = None  # last calendar day (day and month) given in the text


@dataclass
class Value:
    """One normalised value; ranges give two (part 0 and 1)."""

    value: str
    type: str | None = None  # override of the rule's type
    begin: datetime | None = None
    until: datetime | None = None
    part: int = 0
    explicit_day: bool = False  # a fully specified calendar day given in the text


Normaliser = Callable[[Groups, Context, Resources], list[Value]]
NORMALISERS: dict[str, Normaliser] = {}
#: normaliser name -> (required groups, allowed groups); checked when rules are loaded.
NORMALISER_GROUPS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def normaliser(name: str, required: set[str], allowed: set[str]) -> Callable[[Normaliser], Normaliser]:
    def register(fn: Normaliser) -> Normaliser:
        NORMALISERS[name] = fn
        NORMALISER_GROUPS[name] = (frozenset(required), frozenset(required | allowed))
        return fn

    return register


# ---------------------------------------------------------------- small parsers


def parse_year(text: str | None) -> int | None:
    """Four-digit years as given; two-digit years pivot at 50 (16 -> 2016, 98 -> 1998)."""
    if not text:
        return None
    digits = text.strip().lstrip("'’")
    if not digits.isdigit():
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 50 else 1900
    return year


def parse_month(text: str | None, res: Resources) -> int | None:
    if not text:
        return None
    raw = text.strip().rstrip(".")
    if raw.isdigit():
        month = int(raw)
        return month if 1 <= month <= 12 else None
    found = res.lookup("month", text.strip()) or res.lookup("month", raw)
    return int(found) if found else None


def parse_number(text: str | None, res: Resources) -> float | str | None:
    """Digits, decimal commas or number words; 'X' for vague quantities (einige, mehrere)."""
    if text is None:
        return None
    raw = text.strip().replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        pass
    found = res.lookup("number", raw)
    if found is None:
        return None
    return "X" if found == "X" else float(found)


def fmt_number(number: float | str) -> str:
    if isinstance(number, str):
        return number
    return str(int(number)) if number == int(number) else f"{number:g}"


def weekday_of(text: str | None, res: Resources) -> int | None:
    if not text:
        return None
    found = res.lookup("weekday", text.strip())
    return int(found) if found else None


def direction(rel: str | None, res: Resources) -> int | None:
    if not rel:
        return None
    found = res.lookup("relative", rel)
    return int(found) if found is not None else None


def unit_code(text: str | None, res: Resources) -> str | None:
    if not text:
        return None
    return res.lookup("unit", text.strip())


def with_interval(value: str, **kwargs: object) -> Value:
    begin, until = cal.interval(value)
    return Value(value, begin=begin, until=until, **kwargs)  # type: ignore[arg-type]


def day_value(
    year: int | None, month: int, day: int, weekday: int | None, ctx: Context, *, explicit: bool
) -> Value | None:
    """A day, completing a missing year from the anchor (weekday-consistent if given)."""
    if year is None and ctx.anchor is not None:
        if weekday is not None:
            year = cal.year_for_weekday(ctx.anchor, month, day, weekday)
        if year is None:
            year = cal.choose_year(ctx.anchor, month, day, ctx.tense)
    if year is None:
        if cal.safe_date(2000, month, day) is None:
            return None
        return Value(f"XXXX-{month:02d}-{day:02d}")
    if cal.safe_date(year, month, day) is None:
        return None
    return with_interval(f"{year:04d}-{month:02d}-{day:02d}", explicit_day=explicit)


# ---------------------------------------------------------------- calendar dates


@normaliser("date", {"day", "month"}, {"year", "weekday"})
def norm_date(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    month = parse_month(g["month"], res)
    if month is None:
        return []
    year = parse_year(g.get("year"))
    value = day_value(year, month, int(g["day"]), weekday_of(g.get("weekday"), res), ctx, explicit=year is not None)
    return [value] if value else []


@normaliser("date_range", {"day", "day_b", "month_b"}, {"month", "year", "year_b", "weekday", "weekday_b"})
def norm_date_range(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    month_b = parse_month(g["month_b"], res)
    month_a = parse_month(g.get("month"), res) or month_b
    if month_a is None or month_b is None:
        return []
    year_b = parse_year(g.get("year_b"))
    year_a = parse_year(g.get("year")) or year_b
    if year_a is not None and year_b is None:
        year_b = year_a
    if year_b is not None and g.get("year") is None and month_a > month_b:
        year_a = year_b - 1  # "vom 28. Dezember bis 3. Januar 2017"
    first = day_value(year_a, month_a, int(g["day"]), weekday_of(g.get("weekday"), res), ctx, explicit=year_a is not None)
    if first is None:
        return []
    if year_b is None and first.value[:4].isdigit():
        year_b = int(first.value[:4]) + (1 if month_b < month_a else 0)
    second = day_value(year_b, month_b, int(g["day_b"]), weekday_of(g.get("weekday_b"), res), ctx, explicit=year_b is not None)
    if second is None:
        return [first]
    second.part = 1
    return [first, second]


@normaliser("month", {"month"}, {"year", "pos"})
def norm_month(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    month = parse_month(g["month"], res)
    if month is None:
        return []
    year = parse_year(g.get("year"))
    if year is None and ctx.anchor is not None:
        year = cal.choose_year(ctx.anchor, month, None, ctx.tense)
    if year is None:
        return [Value(f"XXXX-{month:02d}")]
    value = with_interval(f"{year:04d}-{month:02d}")
    return [_narrowed(value, g.get("pos"), res)]


def _narrowed(value: Value, pos: str | None, res: Resources) -> Value:
    if pos and value.begin and value.until:
        value.begin, value.until = cal.narrow(value.begin, value.until, res.lookup("position", pos))
    return value


@normaliser("month_range", {"month", "month_b"}, {"year", "year_b"})
def norm_month_range(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    year_b = parse_year(g.get("year_b"))
    year_a = parse_year(g.get("year")) or year_b
    a = norm_month({"month": g["month"], "year": str(year_a) if year_a else None}, ctx, res)
    if not a:
        return []
    if year_b is None and a[0].value[:4].isdigit():
        month_a, month_b = parse_month(g["month"], res), parse_month(g["month_b"], res)
        year_b = int(a[0].value[:4]) + (1 if month_a and month_b and month_b < month_a else 0)
    b = norm_month({"month": g["month_b"], "year": str(year_b) if year_b else None}, ctx, res)
    for v in b:
        v.part = 1
    return a + b


@normaliser("year", {"year"}, {"pos"})
def norm_year(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    year = parse_year(g["year"])
    if year is None:
        return []
    return [_narrowed(with_interval(f"{year:04d}"), g.get("pos"), res)]


@normaliser("year_range", {"year", "year_b"}, set())
def norm_year_range(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    year_a = parse_year(g["year"])
    raw_b = (g["year_b"] or "").strip()
    if year_a is None or not raw_b.isdigit():
        return []
    year_b = int(str(year_a)[:2] + raw_b) if len(raw_b) == 2 else int(raw_b)
    if year_b <= year_a or year_b - year_a > 100:
        return []
    return [with_interval(f"{year_a:04d}"), with_interval(f"{year_b:04d}", part=1)]


@normaliser("decade", {"decade"}, set())
def norm_decade(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    return [with_interval(g["decade"] or "")]


@normaliser("century", {"century"}, set())
def norm_century(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    number = int(g["century"] or 0)
    if not 1 <= number <= 21:
        return []
    return [with_interval(f"{number - 1:02d}")]


@normaliser("week", {"week"}, {"year"})
def norm_week(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    week = int(g["week"] or 0)
    if not 1 <= week <= 53:
        return []
    year = parse_year(g.get("year")) or (ctx.anchor.year if ctx.anchor else None)
    if year is None:
        return [Value(f"XXXX-W{week:02d}")]
    return [with_interval(f"{year:04d}-W{week:02d}")]


@normaliser("quarter", {"nth", "unit"}, {"year"})
def norm_quarter(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    nth = parse_number((g["nth"] or "").rstrip("."), res)
    if nth is None:
        ordinal = res.lookup("ordinal", g["nth"] or "") if "ordinal" in res.tables else None
        nth = float(ordinal) if ordinal else None
    code = "Q" if (g["unit"] or "").lower().startswith("quartal") else "H"
    if not isinstance(nth, float) or not 1 <= nth <= (4 if code == "Q" else 2):
        return []
    year = parse_year(g.get("year")) or (ctx.anchor.year if ctx.anchor else None)
    prefix = f"{year:04d}" if year else "XXXX"
    return [with_interval(f"{prefix}-{code}{int(nth)}")]


@normaliser("weekday", {"weekday"}, {"rel"})
def norm_weekday(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    weekday = weekday_of(g["weekday"], res)
    if weekday is None:
        return []
    step = direction(g.get("rel"), res)
    context = _context_day(ctx)
    if step is None and context is not None:
        # "am Freitag, 6. September ... Am Samstag ...": the weekday nearest the day in focus
        return [with_interval(cal.nearest_weekday(context, weekday).isoformat())]
    if ctx.anchor is None:
        return [Value("XXXX-XX-XX")]
    if step is None:
        if ctx.narrative:  # the anchor is an event day: its own week's weekday
            return [with_interval(cal.nearest_weekday(ctx.anchor, weekday).isoformat())]
        step = -1 if ctx.tense == "past" else 1
    day = cal.resolve_weekday(ctx.anchor, weekday, step)
    return [with_interval(day.isoformat())]


def _context_day(ctx: Context) -> date | None:
    """The calendar day last given in the text, unless it is just the anchor itself."""
    if not ctx.focus or ctx.focus.startswith("X"):
        return None
    try:
        day = date.fromisoformat(ctx.focus)
    except ValueError:
        return None
    return None if day == ctx.anchor else day


@normaliser("weekday_range", {"weekday", "weekday_b"}, set())
def norm_weekday_range(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    a = norm_weekday({"weekday": g["weekday"]}, ctx, res)
    b = norm_weekday({"weekday": g["weekday_b"]}, ctx, res)
    if not a or not b:
        return []
    if a[0].begin and b[0].begin and b[0].begin < a[0].begin:
        b = [with_interval((b[0].begin.date() + timedelta(days=7)).isoformat())]
    b[0].part = 1
    return a + b


# ---------------------------------------------------------------- relative dates


@normaliser("relative_day", {"rday"}, set())
def norm_relative_day(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    offset = res.lookup("relative_day", g["rday"] or "")
    if offset is None:
        return []
    if ctx.anchor is None:
        return [Value("XXXX-XX-XX")]
    return [with_interval((ctx.anchor + timedelta(days=int(offset))).isoformat())]


def _unit_value(anchor: date, code: str, offset: int) -> str | None:
    """The calendar unit `offset` units away from the anchor's, as a TIMEX3 value."""
    if code == "Y":
        return f"{anchor.year + offset:04d}"
    if code == "M":
        year, month = cal.add_months(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}"
    if code == "W":
        return cal.iso_week(anchor + timedelta(weeks=offset))
    if code == "WE":  # "kommendes Wochenende" on a Thursday is the one in three days
        if offset > 0:
            base = anchor if anchor.isoweekday() < 6 else anchor + timedelta(weeks=1)
            return cal.iso_week(base + timedelta(weeks=offset - 1)) + "-WE"
        return cal.iso_week(anchor + timedelta(weeks=offset)) + "-WE"
    if code == "D":
        return (anchor + timedelta(days=offset)).isoformat()
    if code == "Q":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if code == "H":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + offset
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if code == "DE":
        return f"{anchor.year // 10 + offset:03d}"
    if code == "CE":
        return f"{anchor.year // 100 + offset:02d}"
    return None


_UNKNOWN = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX"}


@normaliser("relative_unit", {"unit"}, {"rel", "pos"})
def norm_relative_unit(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    code = unit_code(g["unit"], res)
    step = direction(g.get("rel"), res) if g.get("rel") else 0
    if code == "WE" and not g.get("rel"):  # "am Wochenende": the last one in a report
        step = -1 if ctx.tense == "past" else 1
    if code is None or step is None or code.startswith("T"):
        return []
    if ctx.anchor is None:
        return [Value(_UNKNOWN.get(code, "XXXX"))]
    value = _unit_value(ctx.anchor, code, step)
    return [_narrowed(with_interval(value), g.get("pos"), res)] if value else []


@normaliser("offset", {"dir", "num", "unit"}, set())
def norm_offset(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    """'vor drei Jahren' / 'in zwei Wochen': the unit that far from the anchor."""
    number = parse_number(g["num"], res)
    code = unit_code(g["unit"], res)
    backwards = (g["dir"] or "").lower() == "vor"
    if number is None or code is None:
        return []
    if not backwards and (ctx.tense == "past" or code in ("DE", "CE")):  # "in drei Jahren wurden ... gebaut"
        values = norm_duration({"num": g["num"], "unit": g["unit"]}, ctx, res)
        for value in values:
            value.type = "DURATION"
        return values
    if number == "X" or code.startswith("T") or number != int(number):
        return [Value("PAST_REF" if backwards else "FUTURE_REF")]
    if ctx.anchor is None:
        return [Value(_UNKNOWN.get(code, "XXXX"))]
    steps = int(number) * (-1 if backwards else 1)
    if code == "W":  # a day two weeks away is more useful than its week
        return [with_interval((ctx.anchor + timedelta(weeks=steps)).isoformat())]
    value = _unit_value(ctx.anchor, code, steps)
    return [with_interval(value)] if value else []


@normaliser("season", {"season"}, {"year", "rel"})
def norm_season(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    code = res.lookup("season", g["season"] or "")
    if code is None:
        return []
    year = parse_year(g.get("year"))
    step = direction(g.get("rel"), res)
    if year is None and ctx.anchor is not None:
        first_month = cal.SEASON_MONTHS[code][0]
        if step is not None:
            year = ctx.anchor.year + step
        else:
            year = cal.choose_year(ctx.anchor, min(first_month + 1, 12), None, ctx.tense)
    prefix = f"{year:04d}" if year else "XXXX"
    return [with_interval(f"{prefix}-{code}")]


@normaliser("holiday", {"holiday"}, {"year"})
def norm_holiday(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    rule = res.holiday_rule(g["holiday"] or "")
    if rule is None:
        return []
    year = parse_year(g.get("year"))
    if year is None and ctx.anchor is not None:
        options = sorted(
            (abs((cal.holiday_date(rule, y) - ctx.anchor).days), y)
            for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
        )
        year = options[0][1]
        day = cal.holiday_date(rule, year)
        if ctx.tense == "future" and day < ctx.anchor - timedelta(days=3):
            year += 1
        elif ctx.tense == "past" and day > ctx.anchor + timedelta(days=3):
            year -= 1
    if year is None:
        if rule.startswith("fixed:"):
            return [Value(f"XXXX-{rule[6:]}")]
        return [Value("XXXX-XX-XX")]
    return [with_interval(cal.holiday_date(rule, year).isoformat())]


# ---------------------------------------------------------------- clock times


def _clock(hour: int, minute: int, part: str | None) -> tuple[int, int] | None:
    if (part in ("AF", "EV") and hour < 12) or (part == "NI" and 6 <= hour < 12):
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    return hour, minute


def time_value(day: str | None, hour: int, minute: int, *, part: int = 0) -> Value:
    prefix = day or "XXXX-XX-XX"
    if hour == 24:  # "24 Uhr" is the end of the day
        hour, minute = 23, 59
    return with_interval(f"{prefix}T{hour:02d}:{minute:02d}", part=part)


@normaliser("time", {"hour"}, {"minute", "part"})
def norm_time(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    part = res.lookup("part_of_day", g["part"]) if g.get("part") else None
    clock = _clock(int(g["hour"] or 0), int(g.get("minute") or 0), part)
    if clock is None:
        return []
    return [time_value(ctx.day, *clock)]


@normaliser("time_range", {"hour", "hour_b"}, {"minute", "minute_b", "part"})
def norm_time_range(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    part = res.lookup("part_of_day", g["part"]) if g.get("part") else None
    a = _clock(int(g["hour"] or 0), int(g.get("minute") or 0), part)
    b = _clock(int(g["hour_b"] or 0), int(g.get("minute_b") or 0), part)
    if a is None or b is None or b <= a:
        return []
    return [time_value(ctx.day, *a), time_value(ctx.day, *b, part=1)]


@normaliser("part_of_day", {"part"}, {"rday", "weekday", "rel", "day", "month", "year"})
def norm_part_of_day(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    code = res.lookup("part_of_day", g["part"] or "")
    if code is None:
        return []
    day: str | None = ctx.day
    if g.get("day") and g.get("month"):
        found = norm_date({k: g.get(k) for k in ("day", "month", "year", "weekday")}, ctx, res)
        day = found[0].value if found else None
    elif g.get("weekday"):
        found = norm_weekday({"weekday": g["weekday"], "rel": g.get("rel")}, ctx, res)
        day = found[0].value if found else None
    elif g.get("rday"):
        day = norm_relative_day({"rday": g["rday"]}, ctx, res)[0].value
    return [with_interval(f"{day or 'XXXX-XX-XX'}T{code}")]


# ---------------------------------------------------------------- durations, sets, vague


@normaliser("duration", {"unit"}, {"num", "half"})
def norm_duration(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    code = unit_code(g["unit"], res)
    if code is None:
        return []
    if g.get("half"):
        number: float | str = 0.5
    elif g.get("num"):
        parsed = parse_number(g["num"], res)
        if parsed is None:
            return []
        number = parsed
    else:
        number = 1.0
    if code.startswith("T"):
        unit = code[1:]
        if number == 0.5 and unit == "H":
            return [Value("PT30M")]
        return [Value(f"PT{fmt_number(number)}{unit}")]
    if code == "WE":
        return []
    if code in ("DE", "CE") and not isinstance(number, str):  # decades and centuries in years
        return [Value(f"P{fmt_number(number * (10 if code == 'DE' else 100))}Y")]
    return [Value(f"P{fmt_number(number)}{code}")]


@normaliser("set", set(), {"freq", "weekday", "weekday_b", "hour", "minute", "hour_b", "minute_b", "num", "unit", "part"})
def norm_set(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    if g.get("freq"):
        found = res.lookup("set", g["freq"] or "")
        return [Value(found)] if found else []
    if g.get("unit"):
        code = unit_code(g["unit"], res)
        number = parse_number(g.get("num"), res) if g.get("num") else 1.0
        if code is None or number is None:
            return []
        return [Value(f"P{fmt_number(number)}{code}")]
    days = [weekday_of(g.get("weekday"), res), weekday_of(g.get("weekday_b"), res)]
    prefixes = [f"XXXX-WXX-{d}" for d in days if d is not None] or ["XXXX-XX-XX"]
    if g.get("part"):
        code = res.lookup("part_of_day", g["part"] or "")
        return [Value(f"{p}T{code}", part=i) for i, p in enumerate(prefixes)] if code else []
    if not g.get("hour"):
        return [Value(p, part=i) for i, p in enumerate(prefixes)]
    times = [_clock(int(g["hour"] or 0), int(g.get("minute") or 0), None)]
    if g.get("hour_b"):
        times.append(_clock(int(g["hour_b"] or 0), int(g.get("minute_b") or 0), None))
    out = []
    for prefix in prefixes:
        for i, clock in enumerate(times):
            if clock is not None:
                out.append(Value(f"{prefix}T{clock[0]:02d}:{clock[1]:02d}", part=i))
    return out


@normaliser("ref", {"ref"}, set())
def norm_ref(g: Groups, ctx: Context, res: Resources) -> list[Value]:
    found = res.lookup("ref", g["ref"] or "")
    return [Value(found)] if found else []
