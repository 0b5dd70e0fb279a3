"""Load and validate the German temporal resources (HeidelTime-style data files).

The rules live in data files so that linguists can extend them without touching code:
regex fragments (``repattern/``), surface->value tables (``normalization/``) and one-line
rules (``rules/``). Everything is checked when it is loaded, and every error names the file,
the line and (for rules) the rule id, so a broken edit fails loudly instead of silently
tagging nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from .firstchar import guard

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
RULE_TYPES = (*TIMEX_TYPES, "NEGATIVE")

#: Built-in macros: horizontal whitespace (NBSP and thin spaces included) and dashes.
BUILTIN_MACROS = {
    "_": r"[^\S\r\n]+",
    "~": r"[^\S\r\n]*",
    "-": r"[-\u2010\u2011\u2012\u2013\u2014]",
}

_MACRO = re.compile(r"%(@?[a-z][a-z0-9_]*|[_~-])")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")


class ResourceError(ValueError):
    """A temporal resource file is malformed (message names file:line and rule id)."""


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern, its TIMEX3 type and its normaliser."""

    id: str
    type: str
    norm: str
    pattern: str
    regex: re.Pattern[str]
    source: str  # "rules/date.tsv:12"
    groups: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Resources:
    """Everything the tagger needs from the data files."""

    repatterns: dict[str, str]
    tables: dict[str, dict[str, str]]
    rules: tuple[Rule, ...]
    negatives: tuple[Rule, ...]
    holidays: tuple[tuple[re.Pattern[str], str], ...]

    def lookup(self, table: str, surface: str) -> str | None:
        """Value of `surface` in `table`, case-insensitive, tolerant of German inflection."""
        entries = self.tables[table]
        key = " ".join(surface.lower().split())
        if key in entries:
            return entries[key]
        for ending in _ENDINGS:
            if key.endswith(ending) and key[: -len(ending)] in entries:
                return entries[key[: -len(ending)]]
        return None

    def holiday_rule(self, surface: str) -> str | None:
        key = " ".join(surface.lower().split())
        for pattern, rule in self.holidays:
            if pattern.fullmatch(key):
                return rule
        return None


def _root() -> Traversable:
    return resources.files("pressparse").joinpath("resources", "de", "temporal")


def _data_lines(path: Traversable) -> list[tuple[int, str]]:
    """Non-empty, non-comment lines with their 1-based line numbers."""
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append((number, line))
    return out


def _load_repatterns(root: Traversable) -> dict[str, str]:
    patterns: dict[str, str] = {}
    for path in sorted(root.joinpath("repattern").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".txt"):
            continue
        name = path.name[: -len(".txt")]
        alternatives = []
        for number, line in _data_lines(path):
            fragment = line.strip()
            try:
                re.compile(fragment)
            except re.error as exc:
                raise ResourceError(f"repattern/{path.name}:{number}: bad regex {fragment!r}: {exc}") from exc
            if re.search(r"\((?!\?)", fragment):
                raise ResourceError(
                    f"repattern/{path.name}:{number}: capturing group in fragment {fragment!r}"
                )
            alternatives.append(fragment)
        if not alternatives:
            raise ResourceError(f"repattern/{path.name}: no alternatives")
        alternatives.sort(key=len, reverse=True)
        patterns[name] = "(?:" + "|".join(alternatives) + ")"
    return patterns


def _load_tables(root: Traversable) -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for path in sorted(root.joinpath("normalization").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".tsv"):
            continue
        name = path.name[: -len(".tsv")]
        table: dict[str, str] = {}
        for number, line in _data_lines(path):
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise ResourceError(
                    f"normalization/{path.name}:{number}: expected 'surface<TAB>value', got {line!r}"
                )
            surface, value = parts[0].strip(), parts[1].strip()
            if surface in table:
                raise ResourceError(f"normalization/{path.name}:{number}: duplicate surface {surface!r}")
            table[surface] = value
        tables[name] = table
    return tables


def _table_alternatives(table: dict[str, str]) -> str:
    """`%@table`: the table's surfaces as one case-insensitive regex group."""
    alternatives = []
    for surface in sorted(table, key=len, reverse=True):
        alternatives.append(BUILTIN_MACROS["_"].join(re.escape(word) for word in surface.split(" ")))
    return "(?i:" + "|".join(alternatives) + ")"


def expand(pattern: str, repatterns: dict[str, str], tables: dict[str, dict[str, str]], where: str) -> str:
    """Replace `%name`, `%@table` and the built-in macros in a rule pattern."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in BUILTIN_MACROS:
            return BUILTIN_MACROS[name]
        if name.startswith("@"):
            if name[1:] not in tables:
                raise ResourceError(f"{where}: unknown normalisation table %{name}")
            return _table_alternatives(tables[name[1:]])
        if name not in repatterns:
            raise ResourceError(f"{where}: unknown repattern %{name}")
        return repatterns[name]

    return _MACRO.sub(replace, pattern)


def _load_rules(
    root: Traversable,
    repatterns: dict[str, str],
    tables: dict[str, dict[str, str]],
    normalisers: dict[str, tuple[frozenset[str], frozenset[str]]],
) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    rules: list[Rule] = []
    negatives: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(root.joinpath("rules").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".tsv"):
            continue
        for number, line in _data_lines(path):
            where = f"rules/{path.name}:{number}"
            parts = line.split("\t")
            if len(parts) != 4:
                raise ResourceError(f"{where}: expected 'id<TAB>type<TAB>norm<TAB>pattern', got {len(parts)} columns")
            rule_id, rule_type, norm, pattern = (p.strip() for p in parts)
            where = f"{where}: rule {rule_id}"
            if not _RULE_ID.match(rule_id):
                raise ResourceError(f"{where}: bad rule id")
            if rule_id in seen:
                raise ResourceError(f"{where}: duplicate id (first at {seen[rule_id]})")
            seen[rule_id] = f"rules/{path.name}:{number}"
            if rule_type not in RULE_TYPES:
                raise ResourceError(f"{where}: unknown type {rule_type!r} (one of {', '.join(RULE_TYPES)})")
            if rule_type == "NEGATIVE":
                if norm != "-":
                    raise ResourceError(f"{where}: NEGATIVE rules take '-' as normaliser")
            elif norm not in normalisers:
                raise ResourceError(f"{where}: unknown normaliser {norm!r}")
            expanded = expand(pattern, repatterns, tables, where)
            try:
                regex = re.compile(guard(expanded))
            except re.error as exc:
                raise ResourceError(f"{where}: pattern does not compile: {exc}") from exc
            groups = frozenset(regex.groupindex)
            if rule_type != "NEGATIVE":
                required, allowed = normalisers[norm]
                missing = required - groups
                if missing:
                    raise ResourceError(f"{where}: normaliser {norm} needs group(s) {sorted(missing)}")
                extra = groups - allowed
                if extra:
                    raise ResourceError(f"{where}: normaliser {norm} does not use group(s) {sorted(extra)}")
            if regex.match(""):
                raise ResourceError(f"{where}: pattern matches the empty string")
            rule = Rule(rule_id, rule_type, norm, pattern, regex, seen[rule_id], groups)
            (negatives if rule_type == "NEGATIVE" else rules).append(rule)
    if not rules:
        raise ResourceError("rules/: no rules found")
    return tuple(rules), tuple(negatives)


def _compile_holidays(tables: dict[str, dict[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for surface, rule in tables.get("holiday", {}).items():
        where = f"normalization/holiday.tsv: {surface!r}"
        if not re.fullmatch(r"fixed:\d\d-\d\d|easter:[+-]\d+|advent:[+-]\d+|nth:\d\d:[1-7]:[1-5]", rule):
            raise ResourceError(f"{where}: bad holiday rule {rule!r}")
        try:
            out.append((re.compile(surface), rule))
        except re.error as exc:
            raise ResourceError(f"{where}: bad pattern: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Load (once) and validate the packaged temporal resource files."""
    return load_from(_root())


def load_from(root: Traversable) -> Resources:
    """Load and validate resource files from `root` (a copy of resources/de/temporal)."""
    from .normalize import NORMALISER_GROUPS

    repatterns = _load_repatterns(root)
    tables = _load_tables(root)
    for required in ("month", "weekday", "number", "unit", "season", "part_of_day", "relative", "ref"):
        if required not in tables:
            raise ResourceError(f"normalization/{required}.tsv missing")
    rules, negatives = _load_rules(root, repatterns, tables, NORMALISER_GROUPS)
    return Resources(repatterns, tables, rules, negatives, _compile_holidays(tables))
