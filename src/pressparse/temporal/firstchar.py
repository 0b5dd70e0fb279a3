"""A leading character-class guard for rule regexes (speed, not semantics).

Python's regex engine tries every rule at every position; rules that begin with optional
prepositions ("(?:seit dem )?24. ...") are slow to reject. `guard(pattern)` computes the set
of characters a match can start with and prepends ``(?=[...])`` so that other positions fail
after one test. Patterns whose first character cannot be bounded are left unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def _literal_need(items: list, ignore_case: bool, fold: bool = False) -> frozenset[str] | None:
    """Strings of which every match of a parsed sequence contains at least one (None: unknown).

    Runs of case-sensitive literals are candidates, and so is the need of every mandatory
    group; the candidate with the longest shortest string is the most selective one. With
    ``fold`` the strings are lower case and case-insensitive literals and one-letter classes
    ("[Aa]") count too: they hold for the lower-cased text (see `required_literals`).
    """
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        char = _folded_char(op, av) if fold else (
            chr(av) if op is C.LITERAL and not ignore_case else None)
        if char is not None:
            run.append(char)
            continue
        close()
        need = _item_need(op, av, ignore_case, fold)
        if need:
            options.append(need)
    close()
    if not options:
        return None
    return max(options, key=lambda need: min(len(s) for s in need))


def _folded_char(op, av) -> str | None:
    """The lower-case letter a literal or a one-letter class ("[Aa]") matches, else None."""
    if op is C.LITERAL:
        low = chr(av).lower()
        return low if len(low) == 1 else None
    if op is C.IN and av and all(kind is C.LITERAL for kind, _ in av):
        lows = {chr(value).lower() for _, value in av}
        if len(lows) == 1:
            low = lows.pop()
            return low if len(low) == 1 else None
    return None


def _item_need(op, av, ignore_case: bool, fold: bool = False) -> frozenset[str] | None:
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = av
        return _literal_need(list(pattern), ignore_case or bool(add_flags & re.IGNORECASE), fold)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _literal_need(list(av), ignore_case, fold)
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            need = _literal_need(list(alternative), ignore_case, fold)
            if not need:
                return None
            union |= need
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        low, _high, pattern = av
        return _literal_need(list(pattern), ignore_case, fold) if low >= 1 else None
    return None  # classes, anchors, lookarounds (their text lies outside the match), refs


def required_literals(pattern: re.Pattern[str], *, fold: bool = False) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains one (None: no such set known).

    A stretch of text that contains none of them cannot hold a match, so callers skip the
    regex there. Without ``fold`` only case-sensitive literals count and the test is a plain
    substring search. With ``fold`` the strings are lower case and must be looked for in the
    lower-cased text, which is exact only for texts without `FOLD_UNSAFE` characters (whose
    lower case differs from the regex engine's case-insensitive matching).
    """
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        ignore_case = bool(parsed.state.flags & re.IGNORECASE)
        need = _literal_need(list(parsed), ignore_case, fold)
    except (re.error, AttributeError, TypeError):
        return None
    return need or None


def any_need(needs: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The need of an alternation of patterns with these `required_literals`: every match
    of one of them contains a string of the union (None: one need is unknown)."""
    needs = list(needs)
    return None if None in needs else frozenset().union(*needs)  # type: ignore[arg-type]


#: Characters whose ``str.lower()`` is not what case-insensitive regex matching compares
#: (multi-character lower case, final sigma, and the engine's extra case equivalences).
FOLD_UNSAFE = re.compile(
    "[\u0130\u0131\u017f\u00b5\u0345\u0390\u03a3\u03b0\u03c2\u03c3\u03d0\u03d1"
    "\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u1e9b\u1e9e\u1fbe\u1fd3\u1fe3\u212a\u212b"
    "\ufb05\ufb06]"
)


def literal_alternation(strings: Iterable[str]) -> str:
    """A pattern matching exactly ``strings``, as a trie of their characters.

    ``a|ab|abc|b`` makes the engine try every string at every position; the trie
    ``(?:a(?:b(?:c)?)?|b)`` tries each character once, and its first characters give the
    engine a fast scan for where a match can begin. The strings are taken literally.
    """
    trie: dict[str, dict] = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)
