"""Span sets answered by bisection, shared by the rule components.

Rules ask, for every candidate, whether it overlaps or lies inside spans found before
(person names, venues, organisations, negative date contexts, taken candidates). Scanning all
spans per question is quadratic on long texts with many mentions (issue #7); these classes
answer each question in O(log n) over offsets kept in text order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanUnion:
    """A fixed set of (start, end) spans, possibly overlapping."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the furthest end among the spans up to each position: one bisection then answers
        # "does any span starting before here reach past there"
        self._reach = list(accumulate((e for _, e in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def covers(self, pos: int) -> bool:
        """Whether some span contains offset ``pos``."""
        return self.overlaps(pos, pos + 1)

    def contains(self, start: int, end: int) -> bool:
        """Whether one span contains all of [start, end)."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


class DisjointSpans(Generic[T]):
    """Non-empty, non-overlapping spans in text order, each with an optional item.

    Sorted by start, the ends are sorted too, so the spans overlapping a query are a run
    found by one bisection.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._items: list[T | None] = []

    def _first_ending_after(self, start: int) -> int:
        return bisect_right(self._ends, start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with [start, end)."""
        k = self._first_ending_after(start)
        return k < len(self._starts) and self._starts[k] < end

    def overlapping(self, start: int, end: int) -> list[T | None]:
        """The items of the spans that share a character with [start, end), in text order."""
        k = self._first_ending_after(start)
        out = []
        while k < len(self._starts) and self._starts[k] < end:
            out.append(self._items[k])
            k += 1
        return out

    def add(self, start: int, end: int, item: T | None = None) -> None:
        """Add a span that overlaps none of the others."""
        k = bisect_left(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        self._items.insert(k, item)

    def remove(self, start: int) -> None:
        """Remove the span starting at ``start``."""
        k = bisect_left(self._starts, start)
        del self._starts[k], self._ends[k], self._items[k]
