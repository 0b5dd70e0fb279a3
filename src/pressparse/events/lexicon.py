"""The event trigger lexicon: German trigger words per taxonomy code, read from data files.

Triggers, blocked words and blocking/reference contexts live in
``resources/de/events/`` so that users can extend them without code (see the README there).
Every file is validated when it is loaded; errors name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..schema import EVENT_TYPES
from ..temporal.firstchar import any_need, required_literals

KINDS = ("noun", "verb", "phrase")
_FLAGS = ("part", "running", "attend", "since")
_KEYS = ("plural", "forms", "noun", "compound", "allow", "support", "bare")
_UMLAUT = str.maketrans({"a": "ä", "o": "ö", "u": "ü"})


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names file and line."""


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""

    type: str
    kind: str
    form: str  # noun/verb lemma or regex source
    concept: str  # lower-case noun that names the event (coreference and naming)
    label: str = ""  # that noun as written, for event names of verbs and phrases
    forms: frozenset[str] = frozenset()  # lower-case surface forms (nouns, verbs)
    plural_forms: frozenset[str] = frozenset()
    compound: bool = True
    allow: frozenset[str] = frozenset()
    bare: bool = True  # the noun on its own is a trigger, not only its compounds
    part: bool = False
    running: bool = False
    support: bool = True
    attend: bool = False  # attending something ("besuchte die Ausstellung"): part of that event
    since: bool = False  # a "seit" date is its start ("das Amt seit 2019 innehat")
    pattern: re.Pattern[str] | None = None
    source: str = ""  # "file:line"


@dataclass(frozen=True)
class Context:
    """A context rule that blocks a trigger or makes it a mere reference."""

    effect: str  # "block" | "reference"
    types: frozenset[str]  # empty = all
    side: str  # "left" | "right"
    pattern: re.Pattern[str]
    source: str

    def applies(self, event_type: str) -> bool:
        return not self.types or event_type in self.types


class TextPhrases(NamedTuple):
    """The phrase entries that can match in one text (`Lexicon.phrases_in`)."""

    #: each with the strings of its literal need found in the text (None: no need known)
    entries: list[tuple[Trigger, frozenset[str] | None]]
    #: every need string found in the text
    strings: frozenset[str]


@dataclass(frozen=True)
class ContextGroup:
    """Context rules of one side, searched as one regex: most triggers match no rule, and
    one search of the context then replaces one per rule."""

    side: str  # "left" | "right"
    pattern: re.Pattern[str]  # matches where one of the rules matches
    block: re.Pattern[str] | None  # matches where one of the blocking rules does (None: none)
    need: frozenset[str] | None  # strings one of which every match contains (None: unknown)


def join_contexts(
    side: str, rules: list[tuple[Context, frozenset[str] | None]]
) -> list[ContextGroup]:
    """The rules (with their literal needs) of one side as one group, or one group per rule
    where their regexes cannot be joined into an alternation that means the same: capturing
    groups (a back-reference would change its target), different, verbose (a comment would
    swallow the next rule) or inline global flags."""
    if not rules:
        return []
    needs = [need for _, need in rules]
    joined = _alternation([rule.pattern for rule, _ in rules])
    if joined is None:
        return [
            ContextGroup(side, rule.pattern, rule.pattern if rule.effect == "block" else None, need)
            for rule, need in rules
        ]
    blocking = [rule.pattern for rule, _ in rules if rule.effect == "block"]
    return [
        ContextGroup(
            side,
            joined,
            _alternation(blocking) if blocking else None,
            any_need(needs),
        )
    ]


def _alternation(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that matches a string where one of `patterns` does, or None if there is no
    safe way to write it."""
    if len(patterns) == 1:
        return patterns[0]
    flags = patterns[0].flags
    if flags & re.VERBOSE or any(p.flags != flags or p.groups for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags)
    except re.error:  # e.g. a global flag like "(?i)" that must open the whole pattern
        return None


@dataclass
class Lexicon:
    """All trigger data with the lookup tables the matcher needs."""

    triggers: list[Trigger] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    contexts: list[Context] = field(default_factory=list)
    # derived tables
    noun_forms: dict[str, list[Trigger]] = field(default_factory=dict)
    #: length of the longest noun form: a compound's head is never longer (`match_noun`)
    longest_noun: int = 0
    verb_forms: dict[str, list[Trigger]] = field(default_factory=dict)
    exact_forms: dict[str, list[tuple[Trigger, bool]]] = field(default_factory=dict)  # allow=, plural?
    phrases: list[Trigger] = field(default_factory=list)
    #: per phrase, strings one of which every match contains (None: always run the regex)
    phrase_needs: list[frozenset[str] | None] = field(default_factory=list)
    #: every string of the phrase needs, each looked for once per text
    phrase_strings: frozenset[str] = frozenset()
    #: per context rule, strings one of which every match contains (None: unknown)
    context_needs: list[frozenset[str] | None] = field(default_factory=list)
    #: word -> match_noun result, filled as texts are read (reset by `index`)
    noun_cache: dict[str, object] = field(default_factory=dict, repr=False)
    #: word -> (noun match, verb entries) or None when it is neither (see `find_candidates`)
    word_cache: dict[str, object] = field(default_factory=dict, repr=False)
    #: words known to be no trigger (a set, so a sentence's new words are one set difference)
    plain_words: set[str] = field(default_factory=set, repr=False)
    #: (event type, trigger kind) -> the context rules that can act on it (`context_groups`)
    context_cache: dict[tuple[str, str], tuple[ContextGroup, ...]] = field(
        default_factory=dict, repr=False
    )

    def index(self) -> Lexicon:
        """(Re)build the lookup tables; longer noun forms sort first."""
        self.noun_forms, self.verb_forms, self.exact_forms, self.phrases = {}, {}, {}, []
        self.noun_cache = {}
        self.word_cache = {}
        self.plain_words = set()
        self.context_cache = {}
        for trig in self.triggers:
            if trig.kind == "noun":
                for form in trig.forms | trig.plural_forms:
                    self.noun_forms.setdefault(form, []).append(trig)
                for word in trig.allow:
                    singular, plural = noun_inflections(word)
                    for form in singular:
                        self.exact_forms.setdefault(form, []).append((trig, False))
                    for form in plural:
                        self.exact_forms.setdefault(form, []).append((trig, True))
            elif trig.kind == "verb":
                for form in trig.forms:
                    self.verb_forms.setdefault(form, []).append(trig)
            else:
                self.phrases.append(trig)
        self.longest_noun = max(map(len, self.noun_forms), default=0)
        self.phrase_needs = [
            required_literals(t.pattern) if t.pattern is not None else None for t in self.phrases
        ]
        self.phrase_strings = frozenset(s for need in self.phrase_needs if need for s in need)
        self.context_needs = [required_literals(c.pattern) for c in self.contexts]
        return self

    def phrases_in(self, text: str) -> TextPhrases:
        """The phrases that can match somewhere in `text`, each with the strings of its
        literal need that occur in `text` (None: no need known).

        Each need string is looked for once, however many phrases share it; a sentence of
        the text then only looks for the strings the text has.
        """
        present = frozenset(s for s in self.phrase_strings if s in text)
        entries: list[tuple[Trigger, frozenset[str] | None]] = []
        for trig, need in zip(self.phrases, self.phrase_needs, strict=True):
            if need is None:
                entries.append((trig, None))
            elif not need.isdisjoint(present):
                entries.append((trig, need & present))
        return TextPhrases(entries, present)

    def context_groups(self, event_type: str, kind: str) -> tuple[ContextGroup, ...]:
        """The context rules that apply to a trigger of this type and kind, per side as one
        regex where they can be joined (`join_contexts`).

        Which rules apply depends on nothing else, so the filter runs once per pair instead
        of once per candidate and rule. Reference rules never act on verbs ("über die
        Ringstraße umgeleitet" is a route, not a topic).
        """
        key = (event_type, kind)
        found = self.context_cache.get(key)
        if found is None:
            rules = [
                (rule, need)
                for rule, need in zip(self.contexts, self.context_needs, strict=True)
                if rule.applies(event_type) and not (rule.effect == "reference" and kind == "verb")
            ]
            found = self.context_cache[key] = tuple(
                group
                for side in ("left", "right")
                for group in join_contexts(side, [(r, n) for r, n in rules if r.side == side])
            )
        return found

    def extend(self, other: Lexicon) -> Lexicon:
        """Add another lexicon's entries (a user's file); later entries win on equal forms."""
        self.triggers.extend(other.triggers)
        self.blocked |= other.blocked
        self.contexts.extend(other.contexts)
        return self.index()


# -- inflection ---------------------------------------------------------------------------
def noun_inflections(lemma: str, plurals: Iterable[str] = ()) -> tuple[set[str], set[str]]:
    """Singular and plural surface forms (lower case) of a German noun lemma.

    Without a lexicon of declension classes we generate the regular candidates; a wrong
    candidate is harmless because it has to occur in a text as a capitalised word.
    """
    low = lemma.lower()
    singular = {low, low + "s", low + "es"}
    if low.endswith(("ung", "heit", "keit", "schaft", "ion", "tät")):
        plural = {low + "en"}
    elif low.endswith("in") and not low.endswith("ein"):
        plural = {low + "nen"}
    elif low.endswith("e"):
        plural = {low + "n"}
    elif low.endswith(("el", "er")):
        plural = {low + "n", low}
    elif low.endswith("en") or low.endswith("um"):
        plural = set()
    else:
        # Fest -> Feste, Wahl -> Wahlen, Markt -> Märkte, Workshop -> Workshops
        umlauted = _umlaut_last(low)
        plural = {low + "e", low + "en", low + "n", umlauted + "e"}
    explicit = {p.lower() for p in plurals}
    if explicit:
        plural = explicit | {p + "n" for p in explicit if not p.endswith("n")}
    plural -= singular
    return singular, plural


def _umlaut_last(word: str) -> str:
    for i in range(len(word) - 1, -1, -1):
        if word[i] in "aou":
            # "au" -> "äu"
            if word[i] == "u" and i > 0 and word[i - 1] == "a":
                return word[: i - 1] + "ä" + word[i:]
            return word[:i] + word[i].translate(_UMLAUT) + word[i + 1 :]
    return word


# -- parsing -------------------------------------------------------------------------------
def _options(text: str, where: str) -> dict[str, str]:
    opts: dict[str, str] = {}
    for raw in text.split(";"):
        item = raw.strip()
        if not item:
            continue
        if "=" in item:
            key, value = (s.strip() for s in item.split("=", 1))
            if key not in _KEYS:
                raise LexiconError(f"{where}: unknown option {key!r} (known: {', '.join(_KEYS)})")
            opts[key] = value
        elif item in _FLAGS:
            opts[item] = "yes"
        else:
            raise LexiconError(f"{where}: unknown flag {item!r} (known: {', '.join(_FLAGS)})")
    return opts


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parse_trigger_line(line: str, where: str) -> Trigger:
    """One line of a ``triggers.tsv`` file."""
    cols = line.split("\t")
    if len(cols) < 3 or len(cols) > 4:
        raise LexiconError(f"{where}: expected 3 or 4 tab-separated columns, got {len(cols)}")
    type_, kind, form = (c.strip() for c in cols[:3])
    opts = _options(cols[3] if len(cols) == 4 else "", where)
    if type_ not in EVENT_TYPES:
        raise LexiconError(f"{where}: unknown event type {type_!r}")
    if kind not in KINDS:
        raise LexiconError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    if not form:
        raise LexiconError(f"{where}: empty form")
    compound = opts.get("compound", "yes")
    if compound not in ("yes", "no"):
        raise LexiconError(f"{where}: compound must be yes or no")
    bare = opts.get("bare", "yes")
    if bare not in ("yes", "no"):
        raise LexiconError(f"{where}: bare must be yes or no")
    common = dict(
        type=type_,
        kind=kind,
        form=form,
        part="part" in opts,
        running="running" in opts,
        attend="attend" in opts,
        since="since" in opts,
        support=opts.get("support", "yes") != "no",
        source=where,
    )
    if kind == "noun":
        singular, plural = noun_inflections(form, _split_list(opts.get("plural", "")))
        allow = {a.lower() for a in _split_list(opts.get("allow", ""))}
        return Trigger(
            concept=opts.get("noun", form).lower(),
            label=opts.get("noun", form),
            forms=frozenset(singular),
            plural_forms=frozenset(plural),
            compound=compound == "yes",
            allow=frozenset(allow),
            bare=bare == "yes",
            **common,
        )
    if kind == "verb":
        forms = {f.lower() for f in _split_list(opts.get("forms", ""))}
        if not forms:
            raise LexiconError(f"{where}: verb {form!r} needs forms=... (its inflected forms)")
        label = opts.get("noun", form)
        return Trigger(concept=label.lower(), label=label, forms=frozenset(forms), **common)
    try:
        pattern = re.compile(form)
    except re.error as err:
        raise LexiconError(f"{where}: bad regular expression: {err}") from None
    if pattern.groups and "t" not in pattern.groupindex:
        raise LexiconError(f"{where}: a phrase with groups must name the trigger group (?P<t>...)")
    concept = opts.get("noun") or re.sub(r"\(\?P<\w+>|\\[sbw]\+?|[()?:<>\[\]|+*\\]", " ", form)
    return Trigger(
        concept=" ".join(concept.lower().split()),
        label=opts.get("noun", ""),
        pattern=pattern,
        **common,
    )


def parse_context_line(line: str, where: str) -> Context:
    """One line of a ``contexts.tsv`` file."""
    cols = line.split("\t")
    if len(cols) != 4:
        raise LexiconError(f"{where}: expected 4 tab-separated columns, got {len(cols)}")
    effect, types, side, regex = cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3]
    if effect not in ("block", "reference"):
        raise LexiconError(f"{where}: effect must be block or reference, not {effect!r}")
    if side not in ("left", "right"):
        raise LexiconError(f"{where}: side must be left or right, not {side!r}")
    type_set = set() if types == "*" else set(_split_list(types))
    unknown = type_set - set(EVENT_TYPES)
    if unknown:
        raise LexiconError(f"{where}: unknown event type(s) {sorted(unknown)}")
    try:
        pattern = re.compile(regex)
    except re.error as err:
        raise LexiconError(f"{where}: bad regular expression: {err}") from None
    return Context(effect, frozenset(type_set), side, pattern, where)


def _lines(text: str, name: str) -> Iterable[tuple[str, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield line, f"{name}:{number}"


def parse_lexicon(
    triggers: str = "", blocked: str = "", contexts: str = "", *, name: str = "<lexicon>"
) -> Lexicon:
    """Build a lexicon from file contents (``name`` is used in error messages)."""
    lex = Lexicon()
    for line, where in _lines(triggers, f"{name}/triggers.tsv"):
        lex.triggers.append(parse_trigger_line(line, where))
    for line, where in _lines(blocked, f"{name}/blocked.txt"):
        word = line.strip().lower()
        if " " in word or "\t" in word:
            raise LexiconError(f"{where}: one word per line")
        lex.blocked.add(word)
    for line, where in _lines(contexts, f"{name}/contexts.tsv"):
        lex.contexts.append(parse_context_line(line, where))
    return lex.index()


def _read(path: Path | resources.abc.Traversable, name: str) -> str:
    target = path / name
    return target.read_text(encoding="utf-8") if target.is_file() else ""


def load_lexicon_dir(path: str | Path) -> Lexicon:
    """A user lexicon directory with any of triggers.tsv, blocked.txt, contexts.tsv.

    A single ``*.tsv`` file path is read as a triggers file.
    """
    p = Path(path)
    if p.is_file():
        return parse_lexicon(p.read_text(encoding="utf-8"), name=str(p.parent))
    if not p.is_dir():
        raise LexiconError(f"{p}: no such lexicon file or directory")
    lex = parse_lexicon(
        _read(p, "triggers.tsv"), _read(p, "blocked.txt"), _read(p, "contexts.tsv"), name=str(p)
    )
    if not lex.triggers and not lex.blocked and not lex.contexts:
        raise LexiconError(f"{p}: no triggers.tsv, blocked.txt or contexts.tsv found")
    return lex


@lru_cache(maxsize=1)
def _builtin() -> tuple[str, str, str]:
    base = resources.files("pressparse") / "resources" / "de" / "events"
    return _read(base, "triggers.tsv"), _read(base, "blocked.txt"), _read(base, "contexts.tsv")


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped German lexicon, extended by user files or directories in ``extra``."""
    triggers, blocked, contexts = _builtin()
    lex = parse_lexicon(triggers, blocked, contexts, name="resources/de/events")
    for path in extra:
        lex.extend(load_lexicon_dir(path))
    return lex
