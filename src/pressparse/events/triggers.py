"""Trigger matching and typing: which words in a sentence name an event, and of which type.

Nouns are matched as capitalised words with their inflected forms and as compound heads
("Klimakonferenz" ends in "konferenz"), verbs by their listed forms, phrases by regex.
Each match also records how it is introduced (definite article, "nächste", an ordinal), because
that decides later whether it announces a new event or refers to one already found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import Lexicon, TextPhrases, Trigger
from .segment import CLAUSE_BREAK, WORD, Unit

DEFINITE = frozenset(
    "der die das dem den des zum zur im am beim vom ins ans".split()
)
DEMONSTRATIVE = frozenset(
    "diese dieser dieses diesem diesen jene jener jenes jenem jenen selben derselben "
    "demselben dieselbe".split()
)
INDEFINITE = frozenset("ein eine einer eines einem einen".split())
POSSESSIVE = frozenset(
    "sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres unser unsere "
    "unserer unserem unseren euer eure".split()
)
#: Modifiers that make a mention a new instance even after a definite article.
NOVEL = frozenset(
    """nächste nächsten nächster nächstes kommende kommenden kommender kommendes erste ersten
    erster erstes zweite zweiten zweiter dritte dritten vierte vierten fünfte fünften weitere
    weiteren weiterer folgende folgenden letzte letzten letzter neue neuen neuer diesjährige
    diesjährigen diesjähriger diesjähriges anschließende anschließenden anschließender
    anschließendem""".split()
)
AFTER_PREVIOUS = frozenset(
    "anschließende anschließenden anschließender anschließendem nachfolgende "
    "nachfolgenden".split()
)
#: Prepositions before a noun trigger that make a verb in the same sentence part of it.
CONTAINMENT = frozenset(
    "in im bei beim während zu zum zur auf rahmen anlässlich".split()
)
COMITATIVE = re.compile(r"\b(?:[Gg]leichzeitig|[Zz]eitgleich|[Pp]arallel|zusammen)\s+(?:mit|zu)\s+\w+\s*$")
QUOTED_TITLE = re.compile(r"\s*[„\"“»«‚'][^„\"“”»«‚‘'\n]{2,80}[“”\"«»‘']")
_FUNCTION = DEFINITE | DEMONSTRATIVE | INDEFINITE | POSSESSIVE
_CONTRACTED = frozenset("zum zur im am beim vom ins ans".split())
PREPOSITIONS = frozenset(
    "aus von mit nach bei zu in an auf für über unter vor während seit um durch gegen "
    "ohne trotz wegen".split()
)


_ORDINAL_BEFORE = re.compile(r"(\d{1,3})\.\s+(?:[a-zäöü][\w-]*\s+){0,2}$")
_NOUN_NEXT = re.compile(r"\s+[A-ZÄÖÜ]")


@dataclass
class Candidate:
    """One trigger occurrence in one sentence unit."""

    trigger: Trigger
    start: int
    end: int
    unit: Unit
    concept: str
    plural: bool = False
    determiner: str = "none"  # definite | demonstrative | indefinite | possessive | none
    novel: bool = False
    after_previous: bool = False
    ordinal: str | None = None
    reference: bool = False
    containment: bool = False  # introduced by in/bei/während/zu/im Rahmen
    comitative: bool = False  # "zeitgleich mit der Landtagswahl"
    oblique: bool = False  # inside a prepositional phrase ("aus der Zukunftswerkstatt")
    aliases: set[str] = field(default_factory=set)
    absorbed_by: Candidate | None = None
    unit_text: str = ""

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def kind(self) -> str:
        return self.trigger.kind

    @property
    def refers_back(self) -> bool:
        """A definite/demonstrative mention without a 'new instance' marker."""
        return self.reference or (
            self.determiner in ("definite", "demonstrative") and not self.novel
        )


def _is_blocked(low: str, matched: str, lex: Lexicon) -> bool:
    for item in lex.blocked:
        if len(item) > len(matched) and (low == item or low.endswith(item)):
            return True
        if low == item:
            return True
    return False


_NUMBERED = re.compile(r"\d+[-\u2010\u2011][A-ZÄÖÜ]")
_NOUN_CACHE_SIZE = 50_000


def match_noun(word: str, lex: Lexicon) -> tuple[Trigger, str, bool] | None:
    """(entry, concept, plural) for a capitalised word, or None.

    Exact forms and allowed compounds first, then the longest lexicon form the word ends
    in, if the entry accepts compounds and the rest is a plausible first part (>= 3 letters).
    Results are cached on the lexicon: a release repeats its words, and the compound search
    tries every cut of the word.
    """
    return _memo(lex.noun_cache, word, lex, _match_noun)  # type: ignore[return-value]


def _memo(cache: dict[str, object], word: str, lex: Lexicon,
          compute: Callable[[str, Lexicon], object]) -> object:
    """``cache[word]``, computed by ``compute(word, lex)`` on first use; the cache is emptied
    past `_NOUN_CACHE_SIZE` words."""
    try:
        return cache[word]
    except KeyError:
        pass
    if len(cache) > _NOUN_CACHE_SIZE:
        cache.clear()
    found = cache[word] = compute(word, lex)
    return found


def _word_hit(word: str, lex: Lexicon) -> tuple[tuple[Trigger, str, bool] | None, list[Trigger] | None] | None:
    """(noun match, verb entries) of a word, None when it is neither; cached on the lexicon.

    Nearly every word of a release is no trigger, so one dictionary look-up per word decides
    that, instead of the noun look-up, lower-casing and the verb look-up.
    """
    return _memo(lex.word_cache, word, lex, _find_word_hit)  # type: ignore[return-value]


def _find_word_hit(word: str, lex: Lexicon) -> object:
    noun = match_noun(word, lex)
    verbs = lex.verb_forms.get(word.lower())
    return (noun, verbs) if noun is not None or verbs else None


def _trigger_words(unit_words: list[str], lex: Lexicon) -> set[str]:
    """The words of a unit that are trigger nouns or verbs.

    Words already known to be plain are removed by one set difference, so only a sentence's
    new words are looked up; most sentences then need no per-word work at all.
    """
    plain = lex.plain_words
    hits: set[str] = set()
    fresh = set(unit_words).difference(plain)
    if fresh and len(plain) > _NOUN_CACHE_SIZE:
        plain.clear()
    for word in fresh:
        if _word_hit(word, lex) is None:
            plain.add(word)
        else:
            hits.add(word)
    return hits


def _match_noun(word: str, lex: Lexicon) -> tuple[Trigger, str, bool] | None:
    # "10-Kilometer-Lauf", "3-Tage-Fest": a compound may open with a number
    if not word[:1].isupper() and not _NUMBERED.match(word):
        return None
    low = word.lower()
    candidates: list[tuple[int, Trigger, str, bool]] = []
    for trig, plural in lex.exact_forms.get(low, ()):
        candidates.append((len(low) + 1, trig, low, plural))
    for trig in lex.noun_forms.get(low, ()):
        if trig.bare:  # "Tag", "Nacht" alone name no event; "Aktionstag", "Museumsnacht" do
            candidates.append((len(low), trig, low, low in trig.plural_forms))
    if not candidates:
        parts = low.split("-")
        # heads longer than the longest noun form cannot match: start there (linear in the
        # word's length, not quadratic, on a 100,000-character "word")
        for cut in range(max(1, len(low) - lex.longest_noun), len(low) - 2):
            suffix = low[cut:]
            entries = lex.noun_forms.get(suffix)
            if not entries:
                continue
            prefix = low[:cut].rstrip("-")
            if len(prefix) < 3 and not low[:cut].endswith("-") and len(parts) == 1:
                continue
            for trig in entries:
                if trig.compound:
                    candidates.append((len(suffix), trig, suffix, suffix in trig.plural_forms))
            if candidates:
                break
    if not candidates:
        return None
    candidates.sort(key=lambda c: -c[0])
    _, trig, matched, plural = candidates[0]
    if _is_blocked(low, matched, lex):
        return None
    concept = _singular_concept(low, matched, trig)
    return trig, concept, plural


def _singular_concept(low: str, matched: str, trig: Trigger) -> str:
    """The compound with its head in lemma form: 'klimakonferenzen' -> '...konferenz'."""
    prefix = low[: len(low) - len(matched)]
    lemma = trig.form.lower()
    if matched in trig.forms or matched in trig.plural_forms:
        return prefix + lemma
    return low


def _left_words(text: str, unit: Unit, start: int) -> list[str]:
    return WORD.findall(text, unit.start, start)  # the strings of `words`, without Match objects


_LEFT_REACH = 200
_SPACE = re.compile(r"\s")
_NON_SPACE_RUN = re.compile(r"\S+")


def _left_context(
    text: str, unit: Unit, start: int, words: list[str] | None = None
) -> tuple[str, list[str]]:
    """The text of the unit before `start` and its words, or a tail of both that gives the
    same results in `_introduce`: it starts at a space (no word or match crosses it), holds
    at least four non-space runs (the ordinal and 'zeitgleich mit' patterns span at most
    three) and at least seven words (the determiner search looks at six). A trigger late in
    a long sentence thus costs the same as one early in it. ``words``: the unit's words
    before `start` where the caller has them."""
    begin = max(unit.start, start - _LEFT_REACH)
    if begin > unit.start:
        space = _SPACE.search(text, begin, start)
        if space is not None:
            tail = text[space.start() : start]
            words_ = WORD.findall(text, space.start(), start)
            if len(words_) >= 7 and len(_NON_SPACE_RUN.findall(tail)) >= 4:
                return tail, words_
    return text[unit.start : start], _left_words(text, unit, start) if words is None else words


def _introduce(cand: Candidate, text: str, words: list[str] | None = None) -> None:
    """Fill determiner, novelty, ordinal and containment from the words before a noun
    (``words``, where the caller has them: the unit's words before it)."""
    left, before = _left_context(text, cand.unit, cand.start, words)
    # an ordinal directly before: "4. Klimakonferenz", "12. öffentlichen Sitzung"
    ordinal = _ORDINAL_BEFORE.search(left)
    if ordinal:
        cand.ordinal = ordinal.group(1) + "."
        cand.novel = True
    steps = 0
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        low = word.lower()
        steps += 1
        if steps > 5:
            break
        if low in _FUNCTION:
            if low in DEFINITE:
                cand.determiner = "definite"
            elif low in DEMONSTRATIVE:
                cand.determiner = "demonstrative"
            elif low in INDEFINITE:
                cand.determiner = "indefinite"
            else:
                cand.determiner = "possessive"
            prev = before[i - 1].lower() if i > 0 else ""
            cand.containment = low in ("zum", "zur", "im", "beim") or prev in CONTAINMENT
            cand.oblique = low in _CONTRACTED or prev in PREPOSITIONS
            if low == "im" and i + 1 < len(before) and before[i + 1] == "Rahmen":
                cand.containment = True
            break
        if low in NOVEL:
            cand.novel = True
            if low in AFTER_PREVIOUS:
                cand.after_previous = True
            continue
        if word.isdigit():
            continue
        if word[:1].islower() or (word[:1].isupper() and low.endswith("er") and i == len(before) - 1):
            continue  # adjective ("öffentlichen", "Wendelsteiner")
        if low in CONTAINMENT:
            cand.containment = True
        break
    cand.comitative = bool(COMITATIVE.search(left))
    # a quoted title introduces a named event ("die Ausstellung „Stadt im Wandel“"): even after
    # a definite article it is a first mention, not a reference to another event of its type
    if QUOTED_TITLE.match(text, cand.end):
        cand.novel = True


#: Adjectives of square and street names: "auf dem Alten Markt", "am Neuen Markt", "Hoher Markt".
_PLACE_ADJ = re.compile(r"\b(?:Alt|Neu|Ober|Unter|Hoh|Mittler)e[nmrs]?\s+$")


def _place_name(text: str, unit: Unit, start: int, word: str, trig: Trigger) -> bool:
    """A bare trigger noun after a place-name adjective names a square, not an event.

    "auf dem Alten Markt", "zwischen Altem Markt und ...": the capitalised adjective makes
    the noun part of a proper name; longer nouns ("Alter Weihnachtsmarkt") are not affected.
    """
    # only short simple nouns form such names ("Markt", not "Weihnachtsmarkt")
    bare = len(trig.form) <= 6 and word[:1] == trig.form[:1] and len(word) <= len(trig.form) + 3
    return bare and bool(_PLACE_ADJ.search(text, max(unit.start, start - 12), start))


def _no_name(start: int, end: int) -> bool:
    return False


def find_candidates(
    text: str,
    unit: Unit,
    lex: Lexicon,
    in_name: Callable[[int, int], bool] = _no_name,
    phrases: TextPhrases | None = None,
) -> list[Candidate]:
    """All trigger occurrences in one unit, in text order, contexts applied.

    ``in_name(start, end)`` tells whether a span lies inside an organisation name: a trigger
    word inside one ("Initiative Radwerkstatt Coerde", "Weihnachtsmarkt GmbH") names the
    organisation, not an event (`pressparse.intervals.SpanUnion(...).contains`). ``phrases`` are the phrase entries
    that can occur in the text at all (`Lexicon.phrases_in`, computed once per text).
    """
    if phrases is None:
        phrases = lex.phrases_in(text)
    found = _phrase_candidates(text, unit, phrases) if phrases.entries else []
    unit_words = WORD.findall(text, unit.start, unit.end)
    hits = _trigger_words(unit_words, lex)
    if hits:
        found += _word_candidates(text, unit, lex, unit_words, hits, found)
    if not found:  # most sentences: no trigger, no context to check
        return named_events(text, unit, found)
    found.sort(key=lambda c: c.start)
    kept = _in_context(text, unit, lex, in_name, found)
    kept.extend(named_events(text, unit, kept))
    kept.sort(key=lambda c: c.start)
    return kept


def _word_candidates(
    text: str,
    unit: Unit,
    lex: Lexicon,
    unit_words: list[str],
    hits: set[str],
    phrase_found: list[Candidate],
) -> list[Candidate]:
    """Noun and verb candidates of a unit's trigger words (``hits``), in text order.

    Words inside a phrase match, truncated first parts ("Integrations- und ...") and bare
    nouns of square names are no candidates.
    """
    phrase_spans = [(c.start, c.end) for c in phrase_found]
    found: list[Candidate] = []
    matches = WORD.finditer(text, unit.start, unit.end)  # the same words as findall, in order
    for i, (word, m) in enumerate(zip(unit_words, matches, strict=True)):
        if word not in hits:
            continue  # neither a trigger noun nor a trigger verb: nothing below applies
        hit = _word_hit(word, lex)
        assert hit is not None
        start, end = m.span()
        if phrase_spans and any(a < end and start < b for a, b in phrase_spans):
            continue
        if text[end : end + 1] in ("-", "\u2010"):
            continue  # truncated first part of a coordination ("Integrations- und ...")
        noun, verbs = hit
        if noun is not None:
            if _place_name(text, unit, start, word, noun[0]):
                continue
            trig, concept, plural = noun
            cand = Candidate(trig, start, end, unit, concept, plural=plural)
            # (the words before the i-th word of the unit are the unit's first i words)
            _introduce(cand, text, unit_words[:i])
            found.append(cand)
        elif verbs:
            found.append(Candidate(verbs[0], start, end, unit, verbs[0].concept))
    return found


def _in_context(
    text: str,
    unit: Unit,
    lex: Lexicon,
    in_name: Callable[[int, int], bool],
    found: list[Candidate],
) -> list[Candidate]:
    """The candidates outside organisation names that no context rule blocks, with their
    unit text and whether a rule makes them a reference."""
    unit_text = text[unit.start : unit.end]
    spots = ContextSpots(text, unit)
    kept = []
    for cand in found:
        cand.unit_text = unit_text
        if in_name(cand.start, cand.end):
            continue
        effect = context_effect(text, cand, lex, spots)
        if effect == "block":
            continue
        cand.reference = effect == "reference"
        kept.append(cand)
    return kept


def _phrase_candidates(text: str, unit: Unit, phrases: TextPhrases) -> list[Candidate]:
    """Phrase matches of one unit, earlier entries first; a later overlapping one is dropped.

    A phrase whose literal need does not occur in the unit cannot match there, so its regex
    (some scan every word: "[\\w-]*(?:Ausschuss|...)") is not run. The text's need strings
    are looked for in the unit once, not once per phrase that needs them.
    """
    here = {s for s in phrases.strings if text.find(s, unit.start, unit.end) >= 0}
    found: list[Candidate] = []
    spans: list[tuple[int, int]] = []
    for trig, need in phrases.entries:
        if need is not None and need.isdisjoint(here):
            continue
        pattern = trig.pattern
        assert pattern is not None
        named = "t" in pattern.groupindex
        for m in pattern.finditer(text, unit.start, unit.end):
            span = m.span("t") if named else m.span()
            if any(a < span[1] and span[0] < b for a, b in spans):
                continue
            spans.append(span)
            found.append(Candidate(trig, span[0], span[1], unit, trig.concept))
    return found


#: An event named only by its quoted title: 'ging der „Wissenschaftsherbst“ zu Ende'.
_TITLE = re.compile(
    r"\b(?:der|die|das|den|dem|des)\s+(?P<t>[„\"“»](?P<name>[A-ZÄÖÜ][^„\"“”»«\n]{1,40})[“”\"«])"
)
_OPENING_QUOTE = re.compile('[„"“»]')  # the quotes `_TITLE` opens a title with
_HAPPENS = re.compile(
    r"\b(?:fand|fanden|findet|finden)\b.*\bstatt\b|\bzu\s+Ende\b|\b(?:beginnt|begann|startet|"
    r"startete|endet|endete|geht|ging|lockt|lockte|läuft|lief)\b"
)


def named_events(text: str, unit: Unit, found: list[Candidate]) -> list[Candidate]:
    """Candidates for quoted titles used as the name of a happening ("Mit vier Vorträgen ging
    der „Wissenschaftsherbst“ zu Ende"). The type comes from the other triggers of the sentence
    (a series of talks is culture), else it is 'other'. A title right after a trigger noun is
    that trigger's name and no candidate of its own."""
    if not _OPENING_QUOTE.search(text, unit.start, unit.end):
        return []  # (a title needs an opening quote; checked first because it is cheaper)
    sentence = text[unit.start : unit.end]
    if not _HAPPENS.search(sentence):
        return []
    out = []
    for m in _TITLE.finditer(text, unit.start, unit.end):
        start, end = m.span("t")
        if any(c.start <= start < c.end + 3 or start <= c.start < end for c in found):
            continue
        if len(m.group("name").split()) > 5:
            continue  # a quotation, not a title
        types = [c.type for c in found if c.type != "other"]
        type_ = max(set(types), key=types.count) if types else "other"
        name = m.group("name").strip()
        trig = Trigger(type=type_, kind="phrase", form=name, concept=name.lower(), label=name)
        cand = Candidate(trig, start, end, unit, trig.concept, unit_text=sentence)
        _introduce(cand, text)
        cand.novel = True
        out.append(cand)
    return out


_SHORT_UNIT = 400


class ContextSpots:
    """Per unit and context need, where the need's strings can be found.

    A context rule can only match a left context that holds one of its need strings, so a
    trigger before the first occurrence (or, for right contexts, after the last) skips the
    regex; otherwise every trigger of a long sentence would search the whole sentence.
    """

    def __init__(self, text: str, unit: Unit) -> None:
        self.text = text
        self.unit = unit
        self.bounds: dict[frozenset[str], tuple[int, int]] = {}

    def possible(self, need: frozenset[str] | None, side: str, start: int, end: int) -> bool:
        """Whether a regex with this `need` may match the context left of `start` / right of
        `end`."""
        if need is None or self.unit.end - self.unit.start < _SHORT_UNIT:
            return True  # (in a short sentence the regex is cheaper than finding the need)
        bounds = self.bounds.get(need)
        if bounds is None:
            bounds = self.bounds[need] = self._bounds(need)
        first_end, last_start = bounds
        return first_end <= start if side == "left" else last_start >= end

    def _bounds(self, need: frozenset[str]) -> tuple[int, int]:
        """(earliest end, latest start) of an occurrence of a need string in the unit."""
        text, lo, hi = self.text, self.unit.start, self.unit.end
        first_end, last_start = hi + 1, lo - 1
        for s in need:
            at = text.find(s, lo, hi)
            if at >= 0:
                first_end = min(first_end, at + len(s))
                last_start = max(last_start, text.rfind(s, lo, hi))
        return first_end, last_start


def context_effect(
    text: str, cand: Candidate, lex: Lexicon, spots: ContextSpots | None = None
) -> str | None:
    """'block', 'reference' or None for a candidate, by the context rules.

    'block' when a blocking rule matches, else 'reference' when any rule does: the order of
    the rules does not matter, so each side's rules are searched together
    (`Lexicon.context_groups`) and the blocking ones only where one of them matched.
    """
    if spots is None:
        spots = ContextSpots(text, cand.unit)
    effect = None
    for group in lex.context_groups(cand.type, cand.kind):
        if not spots.possible(group.need, group.side, cand.start, cand.end):
            continue
        if group.side == "left":
            context = text[cand.unit.start : cand.start]
        else:
            context = text[cand.end : cand.unit.end]
        if group.pattern.search(context):
            if group.block is group.pattern or (
                group.block is not None and group.block.search(context)
            ):
                return "block"
            effect = "reference"
    return effect


_GENITIVE_GAP = re.compile(r"^\s+(?:des|der)\s+(?:[\w-]+\s+){0,2}$")


def text_between(first: Candidate, second: Candidate) -> str | None:
    """The text between two candidates of one unit (needs the unit text, kept on the unit)."""
    if second.start < first.end:
        return None
    return first.unit_text[first.end - first.unit.start : second.start - first.unit.start]


def _attributive(cand: Candidate) -> bool:
    """A participle used as an adjective: inflected and followed by its noun."""
    after = cand.unit_text[cand.end - cand.unit.start :]
    word = cand.unit_text[cand.start - cand.unit.start : cand.end - cand.unit.start]
    return word.endswith(("te", "ten", "tes", "ter", "tem")) and bool(_NOUN_NEXT.match(after))


def _object_of(cand: Candidate, noun: Candidate) -> bool:
    between = text_between(cand, noun)
    return between is not None and bool(_GENITIVE_GAP.match(between))


def _same_clause(a: Candidate, b: Candidate) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text_between(first, second)
    return between is not None and not CLAUSE_BREAK.search(between)


_SUBORDINATE = re.compile(r",\s*(?:ob|dass|weil|wenn|nachdem|bevor|obwohl|damit|sodass)\b")


def _subordinate_between(a: Candidate, b: Candidate) -> bool:
    """A subordinate clause starts between two mentions ("Beim Bürgerentscheid geht es darum,
    ob das 1968 eröffnete Freibad ...")."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text_between(first, second)
    return between is None or bool(_SUBORDINATE.search(between))


def absorb(cands: list[Candidate]) -> None:
    """Within one sentence, let nouns absorb verbs (and openings) that are parts of them.

    "wurde in einer Festsitzung ... vereidigt": the swearing-in is part of the session;
    "der Bürgermeister eröffnet das Konzert": the opening is part of the concert (an opening
    is its own event only for something that then runs: an exhibition, a market).
    Same-type verbs are the predicate of the noun ("Mit der Auszeichnung ... gewürdigt").
    """
    if len(cands) < 2:
        return  # (most sentences: a single trigger has nothing to absorb or be absorbed by)
    nouns = [c for c in cands if c.kind != "verb" and not c.reference]
    # a genitive attribute names whose event it is: "Festsitzung des Gemeinderats Oberau"
    for first, second in zip(nouns, nouns[1:], strict=False):
        if first.absorbed_by is not None or first.kind != "noun" or second.kind != "noun":
            continue
        gap = text_between(first, second)
        if gap is not None and _GENITIVE_GAP.match(gap):
            if first.type == "opening" and second.trigger.running:
                continue
            second.absorbed_by = first
            first.aliases.add(second.concept)
    for cand in cands:
        if cand.absorbed_by is not None:
            continue
        is_opening = cand.type == "opening"
        if cand.kind == "verb" or (is_opening and cand.kind == "noun"):
            for noun in nouns:
                if noun is cand or noun.absorbed_by is not None:
                    continue
                # "Mit der Auszeichnung ... gewürdigt": the verb is the noun's predicate (in its
                # clause; "der 1973 besiegelten Partnerschaft" is an attribute, no predicate)
                same = (
                    noun.type == cand.type
                    and cand.kind == "verb"
                    and not noun.comitative
                    and not _attributive(cand)
                    and _same_clause(cand, noun)
                )
                contained = (
                    cand.kind == "verb"
                    and noun.containment
                    and noun.type != "opening"
                    and not _subordinate_between(cand, noun)
                )
                # "eröffnet das Konzert", not "..., ob die Stadt das 1972 eröffnete Hallenbad"
                # a noun only when the event is its object ("die Eröffnung des Konzerts"), so
                # "Mit dem Spatenstich haben die Arbeiten begonnen" keeps the ground-breaking
                opened = (
                    is_opening
                    and noun.type != "opening"
                    and not noun.trigger.running
                    and _same_clause(cand, noun)
                    and (cand.kind == "verb" or _object_of(cand, noun))
                )
                part = cand.trigger.part and noun.type != cand.type
                # "besuchte die Delegation die Ausstellung": the visit is attending the exhibition
                attended = cand.trigger.attend and _same_clause(cand, noun)
                if same or contained or opened or part or attended:
                    cand.absorbed_by = noun
                    noun.aliases.add(cand.concept)
                    break
