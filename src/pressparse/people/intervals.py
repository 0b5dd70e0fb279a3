"""Ordered span lookups and line starts for the people rules (span sets: `pressparse.intervals`).

The people rules ask, for every candidate, whether it overlaps a span already taken or
blocked, or where its line starts. Scanning all spans (or the text back to the last line
break) per candidate made a text that repeats a name n times cost O(n²) (issue #7); these
helpers answer each question by bisection over offsets kept in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable


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
