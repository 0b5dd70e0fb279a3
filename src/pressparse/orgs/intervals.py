"""Interval queries in logarithmic time, shared by the organisation and venue rules.

The rules ask "does this candidate overlap any person/venue span?" and "does a kept
candidate overlap this one?" for every candidate. Scanning all spans per question is
quadratic on long texts with many mentions (issue #7); these helpers answer the same
questions with sorting and bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable


class SpanCover:
    """A fixed set of (start, end) spans: does a point or a range touch any of them?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the largest end among the first i spans (by start): one bisect answers "any of them"
        self._max_end: list[int] = []
        top = None
        for _, e in ordered:
            top = e if top is None or e > top else top
            self._max_end.append(top)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span (s, e) has ``start < e and s < end``."""
        k = bisect_left(self._starts, end)  # spans starting before `end`
        return k > 0 and self._max_end[k - 1] > start

    def covers(self, pos: int) -> bool:
        """Whether some span (s, e) has ``s <= pos < e``."""
        k = bisect_right(self._starts, pos)  # spans starting at or before `pos`
        return k > 0 and self._max_end[k - 1] > pos


class DisjointSpans:
    """Spans kept so far, pairwise disjoint (longest-first overlap resolution): a new span is
    checked against its one neighbour to the left instead of against every kept span."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        # disjoint spans sorted by start are sorted by end too: only the last one starting
        # before `end` can reach past `start`
        k = bisect_left(self._spans, (end,))
        return k > 0 and self._spans[k - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
