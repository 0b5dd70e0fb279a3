"""Finding temporal expressions: run every rule, drop negatives, keep the longest matches.

HeidelTime-style: all rules match independently; matches inside a NEGATIVE stretch (house
numbers, paragraphs, phone numbers, URLs, ages) are dropped; overlapping matches are
resolved longest-first (earlier rules win ties).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import Resources, Rule

#: Cheap pre-check: texts without a digit or any trigger word skip most rules.
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Candidate:
    """One rule match: where it is, which rule, and its named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]
    group_spans: dict[str, tuple[int, int]]

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


_DIGIT_NORMS = frozenset(
    {"date", "date_range", "time", "time_range", "year", "year_range", "decade", "century", "week"}
)


def _needs_digit(rule: Rule) -> bool:
    """True if every match of the rule contains a digit (digit-free texts skip it)."""
    return rule.norm in _DIGIT_NORMS


def find_candidates(text: str, res: Resources) -> list[Candidate]:
    """All non-negative, non-overlapping rule matches in text order."""
    has_digit = _HAS_DIGIT.search(text) is not None
    negatives: list[tuple[int, int]] = []
    for rule in res.negatives:
        negatives.extend(m.span() for m in rule.regex.finditer(text))
    found: list[tuple[int, int, int, Candidate]] = []
    for order, rule in enumerate(res.rules):
        if not has_digit and _needs_digit(rule):
            continue
        for m in rule.regex.finditer(text):
            start, end = m.span()
            if start == end:
                continue
            if any(n_start <= start and end <= n_end for n_start, n_end in negatives):
                continue
            groups = m.groupdict()
            spans = {name: m.span(name) for name, value in groups.items() if value is not None}
            found.append((-(end - start), order, start, Candidate(start, end, rule, groups, spans)))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for _, _, _, cand in found:
        if any(cand.start < t_end and t_start < cand.end for t_start, t_end in taken):
            continue
        taken.append((cand.start, cand.end))
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept
