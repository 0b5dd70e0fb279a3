"""Paragraphs, sentences and words as character spans, the units event linking works in.

Arguments are looked for in the trigger's sentence first, then its paragraph, then the title,
so we need all three as offsets. Sentences come from the spaCy Doc when it has them; a small
regex splitter covers Docs without sentence boundaries (tests, blank pipelines).
A short label line ending in ':' ("Sprechstunde:") is joined with the short lines after it,
because in a release's info box those lines are the label's arguments.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:[-\u2010\u2011]\w+)*")
_PARA_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_ABBREV = frozenset(
    "dr prof nr st str tel bzw ca vgl ggf inkl usw evtl u.a z.b d.h fr hr frau hrn mio mrd abs "
    "jan feb febr mär apr jun jul aug sep sept okt nov dez min std max bspw etc v".split()
)
#: Where a clause ends inside a sentence: a dash or colon, or a comma before a subordinating
#: word or a relative pronoun (not a date apposition: ", dem 22. Juli").
CLAUSE_BREAK = re.compile(
    r"[;:\u2013\u2014]|\s-\s|,\s*(?:die|der|das|dem|den|deren|dessen|wo|wenn|weil|als|dass|ob|"
    r"um|nachdem|bevor|während|doch|aber|sondern|jedoch|denn|ist|sind|war|wird)\b(?!\s+\d)"
)
_SENT_END = re.compile(r"[.!?…]+[\"“”'»«)]*(?=\s+[\"„“»«(]?[A-ZÄÖÜ0-9])")


@dataclass(frozen=True)
class Unit:
    """A sentence (or a label with its lines) inside one paragraph."""

    start: int
    end: int
    para: int
    index: int


def paragraphs(text: str, end: int | None = None) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs (stripped spans) up to ``end``."""
    limit = len(text) if end is None else min(end, len(text))
    spans, pos = [], 0
    for match in _PARA_BREAK.finditer(text, 0, limit):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, limit))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Regex sentence split of text[start:end]: final punctuation + capital, and line breaks."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text, start, end):
        pos = line_start
        for match in _SENT_END.finditer(text, line_start, line_end):
            word = text[max(line_start, match.start() - 12) : match.start()].split()
            last = word[-1].lower().rstrip(".") if word else ""
            if match.group().startswith(".") and (
                last in _ABBREV or (last.isdigit() and len(last) <= 3) or len(last) == 1
            ):
                continue
            spans.append((pos, match.end()))
            pos = match.end()
        spans.append((pos, line_end))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            spans.append((pos, end))
            return spans
        spans.append((pos, nl))
        pos = nl + 1


def units(
    text: str,
    sentences: list[tuple[int, int]] | None = None,
    end: int | None = None,
) -> list[Unit]:
    """Sentence units with their paragraph index, clipped to paragraphs and to ``end``."""
    paras = paragraphs(text, end)
    raw: list[tuple[int, int, int]] = []
    overlapping = _overlap_finder(sentences) if sentences else None
    for p_index, (p_start, p_end) in enumerate(paras):
        if overlapping is not None:
            spans = []
            for a, b in overlapping(p_start, p_end):
                # a sentence may still span a line break (headline without period)
                spans += split_lines_only(text, max(a, p_start), min(b, p_end))
        else:
            spans = split_sentences(text, p_start, p_end)
        raw += [(a, b, p_index) for a, b in spans]  # (both splitters drop empty spans)
    return _join_labels(text, raw)


def _overlap_finder(
    sentences: list[tuple[int, int]],
) -> Callable[[int, int], list[tuple[int, int]]]:
    """``overlapping(start, end)``: the sentences with ``a < end and b > start``, in order.

    Where starts and ends both ascend (spaCy's sentences do), those sentences are one slice,
    found by bisection instead of a scan of all sentences per paragraph.
    """
    starts = [a for a, _ in sentences]
    ends = [b for _, b in sentences]
    if starts != sorted(starts) or ends != sorted(ends):
        return lambda start, end: [(a, b) for a, b in sentences if a < end and b > start]
    return lambda start, end: sentences[bisect_right(ends, start) : bisect_left(starts, end)]


def split_lines_only(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stripped non-empty lines of text[start:end]."""
    if text.find("\n", start, end) < 0:  # (most sentences are one line)
        span = _strip(text, start, end)
        return [span] if span[1] > span[0] else []
    return [s for s in (_strip(text, a, b) for a, b in _lines(text, start, end)) if s[1] > s[0]]


def _join_labels(text: str, raw: list[tuple[int, int, int]]) -> list[Unit]:
    out: list[Unit] = []
    i = 0
    while i < len(raw):
        start, end, para = raw[i]
        j = i + 1
        if end - start <= 40 and text[end - 1] == ":":  # (spans are non-empty)
            while (
                j < len(raw)
                and j - i <= 5
                and raw[j][1] - raw[j][0] <= 80
                and text[raw[j][1] - 1] != ":"
            ):
                end = raw[j][1]
                j += 1
        out.append(Unit(start, end, para, len(out)))
        i = j
    return out


def words(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Word matches (hyphenated compounds kept whole) in text[start:end]."""
    return list(WORD.finditer(text, start, end))
