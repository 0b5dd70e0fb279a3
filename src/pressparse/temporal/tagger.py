"""The temporal tagger: find, normalise and anchor every temporal expression in a text.

Anchoring follows the annotation guideline: relative expressions resolve against the
publication date when it is known, else against the most recent fully specified date before
them in the text (narrative anchoring; the first full date of the text when none precedes).
Clock times take their day from the last day-level date mentioned before them, and times
right after a recurring expression ("montags bis freitags von 7 bis 19 Uhr") recur too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from ..schema import TimeExpression
from . import calendar as cal
from .extract import Candidate, find_candidates
from .normalize import NORMALISERS, Context, Value
from .resources import Resources, load_resources

#: Normalisers whose result depends on the anchor (for the anchoring warning).
_ANCHORED = frozenset({"relative_day", "relative_unit", "offset", "weekday", "weekday_range"})
_MAYBE_ANCHORED = frozenset({"date", "date_range", "month", "month_range", "season", "holiday", "week", "quarter", "part_of_day"})

_SENT_BREAK = re.compile(
    r"\n[^\S\n]*\n+|(?<=[a-zäöüß)\"“”!?][.!?])(?<!\bDr\.)(?<!\bca\.)(?<!\bSt\.)(?<!\bNr\.)(?<!\bbzw\.)(?<!\bvgl\.)"
    r"[\"“”»«]?[^\S\n]+(?=[\"„»A-ZÄÖÜ])|\n(?=[^\S\n]*[-•*–])"
)
_WORD = re.compile(r"[^\W\d_]+")
_PERFECT_AUX = re.compile(r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren)\b")
_STATE_PARTICIPLES = frozenset(
    {"geplant", "geöffnet", "gesperrt", "geschlossen", "gebeten", "geladen", "eingeladen", "gesucht",
     "gefragt", "gelegen", "gegeben", "gefordert", "gewünscht", "vorgesehen", "gegen", "gelten"}
)
_WEEKLY = re.compile(r"XXXX-WXX-\d")


@dataclass
class TaggedExpression:
    """A TimeExpression plus where in the text its own part (of a range) lies."""

    expr: TimeExpression
    part_start: int
    part_end: int
    rule_id: str


@dataclass
class TaggingResult:
    """What the tagger found and how it anchored it."""

    items: list[TaggedExpression] = field(default_factory=list)
    anchor: date | None = None
    anchor_source: str | None = None  # "published", "narrative" or None
    anchors_used: list[date] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def expressions(self) -> list[TimeExpression]:
        return [item.expr for item in self.items]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (enough for tense cues): breaks at ./!/? before a capital,
    at blank lines and before list bullets, never after a number ("24. November")."""
    spans, start = [], 0
    for m in _SENT_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _is_participle(word: str) -> bool:
    """Rough past-participle test (ge-...-t/-en, also after a separable prefix)."""
    return (
        len(word) > 5
        and (word.endswith("t") or word.endswith("en"))
        and "ge" in word[:-3]
        and word not in _STATE_PARTICIPLES
    )


def sentence_tense(sentence: str, res: Resources) -> str | None:
    """'past', 'future' or None from lexical cues (auxiliaries, participles, time words)."""
    cues = res.tables.get("tense", {})
    lowered = sentence.lower()
    words = _WORD.findall(lowered)  # split once: used for the cues and the participles
    found = list(map(cues.get, words))  # looked up and counted in C
    past, future = found.count("past"), found.count("future")
    aux = set(_PERFECT_AUX.findall(lowered))
    if aux:
        participles = [w for w in words if _is_participle(w) and w.startswith("ge")]
        # "hat ... getagt" is past; "ist ... gesperrt" is a state, "ist ... gekommen" past
        last = words[-1] if words else ""
        verb_final = len(last) > 4 and (last.endswith("t") or last.endswith("en")) and last not in _STATE_PARTICIPLES
        if aux & {"hat", "haben", "hatte", "hatten"} and (participles or verb_final):
            past += 1
        elif verb_final and last.endswith("en") and _is_participle(last):
            past += 1  # "sind ... gekommen"; "ist ... gesperrt" is a state
    if past > future:
        return "past"
    if future > past:
        return "future"
    return None


def _part_span(cand: Candidate, part: int) -> tuple[int, int]:
    """The stretch of a range match that gives its first (0) or second (1) value."""
    second = [span for name, span in cand.group_spans.items() if name.endswith("_b")]
    if not second:
        return cand.start, cand.end
    split = min(start for start, _ in second)
    if part == 0:
        first_ends = [end for name, (_, end) in cand.group_spans.items() if not name.endswith("_b")]
        end = max([e for e in first_ends if e <= split], default=split)
        return cand.start, max(end, cand.start + 1)
    return split, cand.end


_OPEN_QUOTES = "„“\"»«‚'"
_CLOSE_QUOTES = "“”\"«»‘'"


def _in_short_quote(text: str, start: int, end: int, max_words: int = 6) -> bool:
    """True inside a short quoted stretch, typically a title ("Klassik am Nachmittag")."""
    left = text[max(0, start - 60) : start]
    right = text[end : end + 60]
    opening = max(left.rfind(q) for q in _OPEN_QUOTES)
    if opening < 0 or "\n" in left[opening:]:
        return False
    closings = [i for i in (right.find(q) for q in _CLOSE_QUOTES) if i >= 0]
    if not closings or "\n" in right[: min(closings)]:
        return False
    quoted = left[opening + 1 :] + text[start:end] + right[: min(closings)]
    return len(quoted.split()) <= max_words


def _is_title_word(cand: Candidate, text: str) -> bool:
    """A bare part of the day inside a short quoted title is part of a name, not a time."""
    if cand.rule.norm != "part_of_day" or any(cand.groups.get(k) for k in ("rday", "weekday", "day")):
        return False
    return _in_short_quote(text, cand.start, cand.end)


def _explicit_days(cands: list[Candidate], res: Resources) -> list[tuple[int, date]]:
    """Fully specified calendar days given in the text, with their offsets."""
    out = []
    blank = Context(anchor=None, day=None, tense=None)
    for cand in cands:
        if cand.rule.norm not in ("date", "date_range") or not (cand.groups.get("year") or cand.groups.get("year_b")):
            continue
        for value in NORMALISERS[cand.rule.norm](cand.groups, blank, res):
            if value.explicit_day and value.begin is not None:
                out.append((cand.start, value.begin.date()))
                break
    return out


def _set_prefix(values: list[Value]) -> str:
    prefixes = {v.value.split("T")[0] for v in values}
    if len(prefixes) == 1:
        prefix = prefixes.pop()
        if _WEEKLY.fullmatch(prefix):
            return prefix
    return "XXXX-XX-XX"


def tag_with_info(
    text: str,
    published: date | None = None,
    *,
    sentences: list[tuple[int, int]] | None = None,
) -> TaggingResult:
    """Tag `text`; returns the expressions with anchoring information and warnings."""
    res = load_resources()
    cands = [c for c in find_candidates(text, res) if not _is_title_word(c, text)]
    result = TaggingResult(anchor=published, anchor_source="published" if published else None)
    if not cands:
        return result
    sents = sentences or split_sentences(text)
    sent_starts = [s for s, _ in sents]
    tense_cache: dict[int, str | None] = {}

    def tense_at(offset: int) -> str | None:
        index = max(bisect_right(sent_starts, offset) - 1, 0)
        if index not in tense_cache:
            s_start, s_end = sents[index]
            tense_cache[index] = sentence_tense(text[s_start:s_end], res)
        return tense_cache[index]

    def sentence_of(offset: int) -> int:
        return max(bisect_right(sent_starts, offset) - 1, 0)

    explicit = [] if published else _explicit_days(cands, res)
    explicit_starts = [start for start, _ in explicit]
    day_context: str | None = None
    focus_day: str | None = None
    previous: tuple[Candidate, list[Value], str] | None = None
    unanchored = 0
    for cand in cands:
        anchor = published
        if anchor is None and explicit:
            index = bisect_right(explicit_starts, cand.start - 1) - 1
            anchor = explicit[index][1] if index >= 0 else explicit[0][1]
        tense = tense_at(cand.start)
        first_word = text[cand.start : cand.end].split(maxsplit=1)[0].lower()
        if first_word == "seit":
            tense = "past"
        elif tense is None and first_word in ("bis", "ab"):
            tense = "future"  # deadlines and starting points point ahead
        ctx = Context(
            anchor=anchor,
            # "seit Montag" counts from now, not from the day last talked about
            day=day_context,
            tense=tense,
            narrative=published is None,
            # "seit Montag" counts from now, not from the day last talked about
            focus=None if first_word == "seit" else focus_day,
        )
        values = NORMALISERS[cand.rule.norm](cand.groups, ctx, res)
        if not values:
            continue
        rule_type = cand.rule.type
        types = [value.type or rule_type for value in values]
        if rule_type == "TIME" and first_word == "jeweils":  # "jeweils um 10.30 Uhr" recurs
            for value in values:
                value.value = "XXXX-XX-XXT" + value.value.split("T", 1)[1]
                value.begin = value.until = None
            types = ["SET"] * len(values)
        elif previous is not None and rule_type == "TIME":
            prev_cand, prev_values, prev_type = previous
            gap = text[prev_cand.end : cand.start]
            if prev_type == "SET" and len(gap) <= 4 and not gap.strip(" ,;:\u00a0"):
                prefix = _set_prefix(prev_values)
                for value in values:
                    value.value = prefix + "T" + value.value.split("T", 1)[1]
                    value.begin = value.until = None
                types = ["SET"] * len(values)
        if cand.rule.norm == "holiday" and previous is not None:
            prev_cand, prev_values, prev_type = previous
            if (
                prev_type == "SET"
                and sentence_of(prev_cand.start) == sentence_of(cand.start)
                and prev_values[0].value in ("P1Y",)
            ):
                month = values[0].value[5:7] if len(values[0].value) >= 7 else "XX"
                values = [Value(f"XXXX-{month}")]
                types = ["SET"]
        if published is None and (
            cand.rule.norm in _ANCHORED
            or (cand.rule.norm in _MAYBE_ANCHORED and not (cand.groups.get("year") or cand.groups.get("year_b")))
        ):
            if anchor is not None:
                if anchor not in result.anchors_used:
                    result.anchors_used.append(anchor)
            else:
                unanchored += 1
        for value, timex_type in zip(values, types, strict=True):
            if timex_type == "DATE":
                day = cal.day_of(value.value)
                if day and value.part == 0:
                    day_context = day
                    if cand.rule.norm in ("date", "date_range"):
                        focus_day = day
            part_start, part_end = _part_span(cand, value.part)
            expr = TimeExpression(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                type=timex_type,  # type: ignore[arg-type]
                value=value.value,
                begin=value.begin if timex_type in ("DATE", "TIME") else None,
                until=value.until if timex_type in ("DATE", "TIME") else None,
            )
            result.items.append(TaggedExpression(expr, part_start, part_end, cand.rule.id))
        previous = (cand, values, types[0])
    if published is None:
        if result.anchors_used:
            result.anchor = result.anchors_used[0]
            result.anchor_source = "narrative"
            used = ", ".join(a.isoformat() for a in result.anchors_used)
            result.warnings.append(f"no publication date; relative dates anchored to {used} (narrative)")
        if unanchored:
            result.warnings.append(
                f"no publication date and no full date before {unanchored} relative date(s); "
                "their year is left unknown (XXXX)"
            )
    return result


def tag(text: str, published: date | None = None) -> list[TimeExpression]:
    """Every temporal expression in `text`, normalised to TIMEX3 and anchored."""
    return tag_with_info(text, published).expressions
