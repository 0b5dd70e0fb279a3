"""Span sets and line starts with logarithmic lookups.

The people rules ask, for every candidate, whether it overlaps a span already taken or
blocked, or where its line starts. Scanning all spans (or the text back to the last line
break) per candidate made a text that repeats a name n times cost O(n²) (issue #7); these
helpers answer each question by bisection over offsets kept in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanUnion:
    """A fixed set of (start, end) spans, possibly overlapping, asked for overlaps."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the furthest end among the spans up to each position: a span starting before
        # ``end`` overlaps [start, end) iff the furthest of their ends lies beyond ``start``
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def covers(self, pos: int) -> bool:
        """Whether some span contains offset ``pos``."""
        return self.overlaps(pos, pos + 1)


class DisjointSpans(Generic[T]):
    """Non-empty, non-overlapping spans in text order, each with an item (the candidate).

    Sorted by start, the ends are sorted too, so the spans overlapping a query are a run
    found by one bisection.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._items: list[T] = []

    def _first_ending_after(self, start: int) -> int:
        return bisect_right(self._ends, start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with [start, end)."""
        k = self._first_ending_after(start)
        return k < len(self._starts) and self._starts[k] < end

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items of the spans that share a character with [start, end), in text order."""
        k = self._first_ending_after(start)
        out = []
        while k < len(self._starts) and self._starts[k] < end:
            out.append(self._items[k])
            k += 1
        return out

    def add(self, start: int, end: int, item: T) -> None:
        """Add a span that overlaps none of the others."""
        k = bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        self._items.insert(k, item)

    def remove(self, start: int) -> None:
        """Remove the span starting at ``start``."""
        k = bisect_left(self._starts, start)
        del self._starts[k], self._ends[k], self._items[k]


class FirstSpans:
    """Spans (start, end) in a given order, asked for the first one in that order that
    starts in a window and ends past a point (a role complement running into an
    organisation name)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._by_start = sorted((s, i, e) for i, (s, e) in enumerate(spans))
        self._starts = [s for s, _, _ in self._by_start]

    def first_reaching(self, lo: int, hi: int, past: int) -> tuple[int, int] | None:
        """The first span (in the given order) with lo <= start < hi and end > past."""
        best: tuple[int, int, int] | None = None
        for k in range(bisect_left(self._starts, lo), bisect_left(self._starts, hi)):
            s, i, e = self._by_start[k]
            if e > past and (best is None or i < best[1]):
                best = (s, i, e)
        return None if best is None else (best[0], best[2])


class LineIndex:
    """Where the line containing an offset starts (line breaks found once, on first use)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks: list[int] | None = None

    def _line_breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self._text)]
        return self._breaks

    def line_start(self, pos: int) -> int:
        """Offset after the last "\\n" before ``pos`` (0 on the first line)."""
        breaks = self._line_breaks()
        k = bisect_left(breaks, pos)
        return breaks[k - 1] + 1 if k else 0
