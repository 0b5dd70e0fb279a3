"""Finding temporal expressions: run every rule, drop negatives, keep the longest matches.

HeidelTime-style: all rules match independently; matches inside a NEGATIVE stretch (house
numbers, paragraphs, phone numbers, URLs, ages) are dropped; overlapping matches are
resolved longest-first (earlier rules win ties).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from ..intervals import SpanUnion
from .firstchar import FOLD_UNSAFE, literal_alternation, required_literals
from .resources import Resources, Rule, load_resources


@dataclass(frozen=True)
class Candidate:
    """One rule match: where it is, which rule, and its named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]
    group_spans: dict[str, tuple[int, int]]


#: Rules only run on stretches around trigger tokens, and only when the stretch holds the
#: trigger classes their normaliser needs; this keeps tagging far below 1 ms per 100 words.
_TOKEN = re.compile(r"[^\W_]+")
_SUBSTRING_CLASSES = (
    (re.compile(r"^(?:min|std|sek|h)$|sekunde|minute|stunde|^tag(?:e|en|es)?$|woche|monat|jahr|quartal|jährig|wöchig|tägig|stündig|minütig|monatig|jahrzehnt|jahrhundert"), "unit"),
    (re.compile(r"morgen|mittag|abend|nacht|früh"), "part"),
    (re.compile(r"rhythmus|turnus|takt|abstand|täglich|wöchentlich|monatlich|jährlich|tägig"), "set"),
)
_ANY_SUBSTRING = re.compile("|".join(p.pattern for p, _ in _SUBSTRING_CLASSES))
_WINDOW_BEFORE = 24
_WINDOW_AFTER = 24
_WEEKDAY_PREFIX = re.compile(r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag")
_YEAR_TOKEN = re.compile(r"(?:1\d|20)\d\d")


@lru_cache(maxsize=1)
def _isdigit_class() -> re.Pattern[str]:
    """A character class of exactly the ``str.isdigit`` characters (``\\d`` lacks "²" etc.),
    so that "does this stretch hold a digit" is one C-level search."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if chr(code).isdigit():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{body}]")

#: normaliser -> trigger classes a stretch must contain for the rule to run there
_GATES: dict[str, frozenset[str]] = {
    **{norm: frozenset({"digit"}) for norm in (
        "date", "date_range", "time", "time_range", "year", "year_range", "decade", "century", "week")},
    "month": frozenset({"month"}),
    "month_range": frozenset({"month"}),
    "weekday": frozenset({"weekday"}),
    "weekday_range": frozenset({"weekday"}),
    "season": frozenset({"season"}),
    "holiday": frozenset({"holiday"}),
    "relative_day": frozenset({"rday"}),
    "relative_unit": frozenset({"unit"}),
    "offset": frozenset({"unit"}),
    "duration": frozenset({"unit"}),
    "quarter": frozenset({"unit"}),
    "part_of_day": frozenset({"part"}),
    "set": frozenset({"set"}),
    "ref": frozenset({"ref"}),
}


def _words(surface: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", surface)]


@lru_cache(maxsize=1)
def _holiday_trigger() -> re.Pattern[str]:
    """Substrings that mark a holiday token: the longest plain word of each holiday line."""
    res = load_resources()
    cores = set()
    for path_line in res.repatterns["holiday"][3:-1].split("|"):
        words = [w for w in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", path_line)]
        if words:
            cores.add(max(words, key=len).lower())
    return re.compile("|".join(sorted(map(re.escape, cores), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    """Trigger word -> classes, built from the normalisation tables and repatterns."""
    res = load_resources()
    vocab: dict[str, set[str]] = {}

    def add(word: str, cls: str) -> None:
        vocab.setdefault(word, set()).add(cls)

    for key in res.tables["month"]:
        add(key.rstrip("."), "month")
    for key in res.tables["weekday"]:
        word = key.rstrip(".")
        add(word, "weekday")
        if word.endswith("s") and len(word) > 4:
            add(word, "set")
    for key in res.tables["season"]:
        add(key, "season")
    for key in res.tables.get("relative_day", {}):
        add(key, "rday")
    for table, cls in (("ref", "ref"), ("set", "set")):
        for key in res.tables.get(table, {}):
            add(_words(key)[-1], cls)
    for word in ("jeden", "jede", "jedem", "jedes", "alle"):
        add(word, "set")
    for key in res.tables["part_of_day"]:
        add(key, "part")
    add("kw", "unit")
    return {word: frozenset(classes) for word, classes in vocab.items()}


#: Trigger classes from rarest to most common: a rule scans the windows of its rarest class.
_PRIORITY = ("uhr", "holiday", "season", "month", "year", "weekday", "rday", "ref", "part", "set", "ddot", "unit", "digit")
_BEFORE = {"uhr": 45}


_WORD_CACHE: dict[str, frozenset[str]] = {}
_NUMBER_CACHE: dict[tuple[str, bool], frozenset[str]] = {}
#: words known to have no trigger class (see `class_windows`)
_PLAIN_WORDS: set[str] = set()


def _token_classes(token: str, next_char: str, vocab: dict[str, frozenset[str]]) -> frozenset[str]:
    """Trigger classes of one token (cached; for numbers by whether a dot follows)."""
    if token.isalpha():
        cached = _WORD_CACHE.get(token)
        if cached is None:
            if len(_WORD_CACHE) > 100_000:
                _WORD_CACHE.clear()
            cached = _WORD_CACHE[token] = frozenset(_classify(token, "", vocab))
        return cached
    # numbers: only whether a dot follows matters ("24." may be a day)
    key = (token, next_char == ".")
    found = _NUMBER_CACHE.get(key)
    if found is None:
        if len(_NUMBER_CACHE) > 100_000:
            _NUMBER_CACHE.clear()
        found = _NUMBER_CACHE[key] = frozenset(_classify(token, "." if key[1] else "", vocab))
    return found


def _classify(token: str, next_char: str, vocab: dict[str, frozenset[str]]) -> set[str]:
    classes: set[str] = set()
    if not token.isalpha():
        classes.add("digit")
        if _YEAR_TOKEN.match(token):
            classes.add("year")
        if next_char == "." and token.isdigit():
            classes.add("ddot")
        token = token.lstrip("0123456789")
    if token:
        lower = token.lower()
        found = vocab.get(lower)
        if found:
            classes.update(found)
        if lower == "uhr":
            classes.add("uhr")
        elif (len(lower) > 2 or lower == "h") and _ANY_SUBSTRING.search(lower):
            for pattern, cls in _SUBSTRING_CLASSES:
                if pattern.search(lower):
                    classes.add(cls)
            if "part" in classes and _WEEKDAY_PREFIX.match(lower):
                classes.add("weekday")
        if found and "weekday" in found:
            classes.discard("unit")
        if len(lower) > 3 and _holiday_trigger().search(lower):
            classes.add("holiday")
    return classes


def class_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, the merged windows around its tokens (where rules may match).

    Most tokens are words without any class: the text's distinct tokens minus the words
    known to be plain (one set difference) leave the few worth a look, and only their
    occurrences are visited; number classes depend on the next character, so every
    number is visited. Offsets come from ``str.find`` from one visited token to the next
    (skipping occurrences inside longer tokens), which is cheaper than a second regex scan
    or a step per token; the search never goes back, so it stays linear.
    """
    vocab = _vocabulary()
    tokens = _TOKEN.findall(text)
    plain = _PLAIN_WORDS
    fresh = set(tokens).difference(plain)
    if fresh and len(plain) > 100_000:
        plain.clear()
    worth: set[str] = set()
    for token in fresh:
        if token.isalpha() and not _token_classes(token, "", vocab):
            plain.add(token)
        else:
            worth.add(token)
    windows: dict[str, list[list[int]]] = {}
    if not worth:
        return {}
    size = len(text)
    pos = 0
    find = text.find
    for token in filter(worth.__contains__, tokens):
        begin = find(token, pos)
        end = begin + len(token)
        # a token is a maximal run of [^\W_] (= str.isalnum) characters: skip occurrences
        # inside a longer one; the first whole one after the last token visited is this one
        while (begin and text[begin - 1].isalnum()) or (end < size and text[end].isalnum()):
            begin = find(token, begin + 1)
            end = begin + len(token)
        pos = end
        classes = _token_classes(token, text[end : end + 1], vocab)
        if not classes:
            continue
        for cls in classes:
            start = max(0, begin - _BEFORE.get(cls, _WINDOW_BEFORE))
            stop = min(size, end + _WINDOW_AFTER)
            spans = windows.setdefault(cls, [])
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], stop)
            else:
                spans.append([start, stop])
    return {cls: [(a, b) for a, b in spans] for cls, spans in windows.items()}


def rule_gate(rule: Rule) -> frozenset[str]:
    """Trigger classes a stretch must hold for `rule` to be able to match there."""
    gate = set(_GATES.get(rule.norm, frozenset()))
    pattern = rule.pattern
    if rule.norm in ("time", "time_range") and "Uhr\\b" in pattern and "(?:Uhr%~)?Uhr" not in pattern:
        gate.add("uhr")
    if rule.norm in ("date", "date_range", "month", "month_range") and "%month" in pattern and "%monthnum" not in pattern:
        gate.add("month")
    if rule.norm in ("year", "year_range", "decade"):
        gate.add("year")
    if rule.norm in ("date", "date_range") and "%monthnum" in pattern and "%month\\b" not in pattern:
        gate.add("ddot")
    if rule.norm == "date" and pattern.startswith("(?<![\\d.,:/\\-])(?P<year>"):
        gate.add("year")
    if rule.norm in ("week", "century"):
        gate.add("unit")
    if rule.norm == "set":
        if "(?P<part>" in pattern:
            gate = {"part"}
        elif "(?P<weekday>%weekday" in pattern and "%weekday_plural" not in pattern:
            gate = {"weekday"}
    elif "(?P<weekday>%weekday" in pattern:
        gate.add("weekday")
    return frozenset(gate)


def _negative_gate(rule: Rule) -> str | None:
    """Which trigger class a NEGATIVE rule needs (None: run on the whole text)."""
    if rule.id.startswith(("negative_url", "negative_email")):
        return None
    if rule.id.startswith(("negative_open_day", "negative_age")):
        return "unit"
    return "digit"


def primary_class(rule: Rule) -> str | None:
    """The rarest trigger class of the rule's gate (None: scan the whole text)."""
    gate = rule_gate(rule)
    for cls in _PRIORITY:
        if cls in gate:
            return cls
    return None


_Need = "re.Pattern[str] | None"
_NegativePlan = tuple[tuple[tuple[Rule, "str | None", _Need, bool], ...], dict[str, _Need]]
#: per trigger class (None: the whole text), its rules grouped by their need
_RulePlan = tuple[tuple["str | None", tuple[tuple[_Need, tuple[tuple[int, Rule], ...]], ...]], ...]
_Plan = tuple[_RulePlan, _NegativePlan]
_PLANS: dict[int, tuple[Resources, _Plan]] = {}

#: A raw match: (minus length, rule order, start, end, rule, match). Candidates are only
#: built for the matches that survive the negatives and the overlap resolution.
_Found = tuple[int, int, int, int, Rule, "re.Match[str]"]
#: longest first, then earlier rule, then earlier start
_RANK = itemgetter(0, 1, 2)


def window_need(rule: Rule) -> frozenset[str] | None:
    """Lower-case strings one of which a window must contain for `rule` to match there.

    Only needs that say more than the window's trigger class are kept: none a bare dot or
    number (found in nearly every window), and not "uhr" (the class of "uhr" rules already).
    """
    need = required_literals(rule.regex, fold=True)
    if need is None or need == {"uhr"}:
        return None
    if any(s == "." or s.isdigit() for s in need):
        return None
    return need


def needle(need: frozenset[str] | None) -> re.Pattern[str] | None:
    """One search for all the need strings: a single C-level scan per window instead of one
    ``str.find`` per string (needs of keyword rules hold a dozen words and more), written
    as a trie so that the scan tests each character once, not each string."""
    if not need:
        return None
    return re.compile(literal_alternation(need))


def _plan(res: Resources) -> _Plan:
    """Per rule, the trigger class whose windows it scans and the literal need a window must
    hold (computed once per resources)."""
    cached = _PLANS.get(id(res))
    if cached is None or cached[0] is not res:
        # rules of one class with the same need share one search per window
        grouped: dict[str | None, dict[frozenset[str] | None, list[tuple[int, Rule]]]] = {}
        for order, rule in enumerate(res.rules):
            needs = grouped.setdefault(primary_class(rule), {})
            needs.setdefault(window_need(rule), []).append((order, rule))
        rules = tuple(
            (cls, tuple((needle(need), tuple(members)) for need, members in needs.items()))
            for cls, needs in grouped.items()
        )
        negatives = tuple(
            (rule, _negative_gate(rule), required_literals(rule.regex, fold=True))
            for rule in res.negatives
        )
        # per gate, every need string of its selective negatives: a window without any is
        # skipped by all of them at the cost of one search
        unions: dict[str, set[str]] = {}
        for _rule, gate, need in negatives:
            if gate is not None and _selective(need):
                unions.setdefault(gate, set()).update(need)  # type: ignore[arg-type]
        negative_plan = (
            tuple((rule, gate, needle(need), _selective(need)) for rule, gate, need in negatives),
            {gate: needle(frozenset(strings)) for gate, strings in unions.items()},
        )
        cached = _PLANS[id(res)] = (res, (rules, negative_plan))
    return cached[1]


_NEGATIVE_REACH = 45


def _selective(need: frozenset[str] | None) -> bool:
    """Whether a need is rarely met: no string shorter than three characters ("m", "km",
    "re" are in nearly every window, so a union holding them would pass every window)."""
    return need is not None and min(map(len, need)) >= 3


def _negatives(
    text: str,
    found: list[_Found],
    negative_plan: _NegativePlan,
    reach: int,
    lower: str | None = None,
) -> list[tuple[int, int]]:
    """NEGATIVE stretches, searched only around the matches they could veto.

    With ``lower`` (the lower-cased text, where its case folding is exact) a window without
    any string of a rule's literal need is not searched; most windows hold no string of any
    selective need, which one search over their union tells once per window.
    """

    def merged(spans: list[tuple[int, int]]) -> list[list[int]]:
        out: list[list[int]] = []
        for start, end in sorted(spans):
            lo, hi = max(0, start - reach), min(len(text), end + reach)
            if out and lo <= out[-1][1]:
                out[-1][1] = max(out[-1][1], hi)
            else:
                out.append([lo, hi])
        return out

    plan, unions = negative_plan
    spans_all = [(item[2], item[3]) for item in found]
    digit = _isdigit_class()
    # digit-based negatives (house numbers, phones, paragraphs) can only veto matches with digits
    around = {
        "unit": merged(spans_all),
        "digit": merged([(a, b) for a, b in spans_all if digit.search(text, a, b)]),
    }
    hopeful: dict[str, list[list[int]]] = {}
    if lower is not None:
        for gate, union in unions.items():
            hopeful[gate] = [w for w in around[gate] if union.search(lower, w[0], w[1])]  # type: ignore[union-attr]
    spans: list[tuple[int, int]] = []
    linkish = "@" in text or "www." in text or "://" in text
    for rule, gate, need, selective in plan:
        if gate is None:
            if linkish:
                spans.extend(m.span() for m in rule.regex.finditer(text))
            continue
        filtered = lower is not None and need is not None
        windows = hopeful[gate] if filtered and selective else around[gate]
        for lo, hi in windows:
            if filtered and not need.search(lower, lo, hi):  # type: ignore[union-attr]
                continue
            spans.extend(m.span() for m in rule.regex.finditer(text, lo, hi))
    return spans


def find_candidates(text: str, res: Resources, *, windowed: bool = True) -> list[Candidate]:
    """All non-negative, non-overlapping rule matches in text order.

    ``windowed=False`` scans the whole text with every rule (slow; the reference the
    trigger-window optimisation is tested against).
    """
    if windowed:
        windows = class_windows(text)
        if not windows:
            return []
    else:
        everything = [(0, len(text))]
        windows = {cls: everything for cls in _PRIORITY}
    rule_plan, negative_plan = _plan(res)
    whole = ((0, len(text)),)
    # lower case for the literal needs; exact only where it has the regex engine's case folding
    lower = text.lower()
    foldable = len(lower) == len(text) and not FOLD_UNSAFE.search(text)
    found: list[_Found] = []  # in no particular order: ranked below
    for cls, groups in rule_plan:
        for seg_start, seg_end in windows.get(cls, ()) if cls else whole:
            for need, members in groups:
                if need is not None and foldable and not need.search(lower, seg_start, seg_end):
                    continue  # the window lacks every string a match must contain
                for order, rule in members:
                    for m in rule.regex.finditer(text, seg_start, seg_end):
                        start, end = m.span()
                        if start != end:
                            found.append((start - end, order, start, end, rule, m))
    if not found:
        return []
    negatives = _negatives(
        text,
        found,
        negative_plan,
        _NEGATIVE_REACH if windowed else len(text),
        lower if foldable else None,
    )
    if negatives:
        inside = SpanUnion(negatives).contains
        found = [item for item in found if not inside(item[2], item[3])]
    found.sort(key=_RANK)
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for _, _, start, end, rule, m in found:
        index = bisect_left(starts, end)
        if index > 0 and ends[index - 1] > start:
            continue  # overlaps a longer (or earlier-rule) match already kept
        starts.insert(index, start)
        ends.insert(index, end)
        groups = m.groupdict()
        group_spans = {name: m.span(name) for name, value in groups.items() if value is not None}
        kept.append(Candidate(start, end, rule, groups, group_spans))
    kept.sort(key=lambda c: c.start)
    return kept
