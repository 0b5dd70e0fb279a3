"""A leading character-class guard for rule regexes (speed, not semantics).

Python's regex engine tries every rule at every position; rules that begin with optional
prepositions ("(?:seit dem )?24. ...") are slow to reject. `guard(pattern)` computes the set
of characters a match can start with and prepends ``(?=[...])`` so that other positions fail
after one test. Patterns whose first character cannot be bounded are left unchanged.
"""

from __future__ import annotations

import re

try:  # Python >= 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_SPACE: r"\s",
}


class _Unbounded(Exception):
    pass


def _chars(code: int, ignore_case: bool) -> set[str]:
    char = chr(code)
    if ignore_case:
        return {re.escape(char.lower()), re.escape(char.upper())}
    return {re.escape(char)}


def _first(items: list, ignore_case: bool) -> tuple[set[str], bool]:
    """(first-character class members, nullable) of a parsed sequence."""
    found: set[str] = set()
    for op, av in items:
        part, nullable = _first_item(op, av, ignore_case)
        found |= part
        if not nullable:
            return found, False
    return found, True


def _first_item(op, av, ignore_case: bool) -> tuple[set[str], bool]:  # noqa: C901
    if op is C.LITERAL:
        return _chars(av, ignore_case), False
    if op is C.IN:
        out: set[str] = set()
        for kind, value in av:
            if kind is C.NEGATE:
                raise _Unbounded
            if kind is C.LITERAL:
                out |= _chars(value, ignore_case)
            elif kind is C.RANGE:
                lo, hi = value
                if hi - lo > 400:
                    raise _Unbounded
                for code in range(lo, hi + 1):
                    out |= _chars(code, ignore_case)
            elif kind is C.CATEGORY and value in _CATEGORIES:
                out.add(_CATEGORIES[value])
            else:
                raise _Unbounded
        return out, False
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = av
        return _first(list(pattern), ignore_case or bool(add_flags & re.IGNORECASE))
    if op is C.BRANCH:
        out, nullable = set(), False
        for alternative in av[1]:
            part, part_nullable = _first(list(alternative), ignore_case)
            out |= part
            nullable = nullable or part_nullable
        return out, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        low, _high, pattern = av
        part, nullable = _first(list(pattern), ignore_case)
        return part, nullable or low == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(list(av), ignore_case)
    raise _Unbounded


def guard(pattern: str) -> str:
    """`pattern` with a leading ``(?=[first characters])`` where that set is bounded."""
    try:
        parsed = P.parse(pattern)
        chars, nullable = _first(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except (_Unbounded, re.error, AttributeError):
        return pattern
    if nullable or not chars:
        return pattern
    return "(?=[" + "".join(sorted(chars)) + "])" + pattern
