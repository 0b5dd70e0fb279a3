"""Event names: the event's own name when the text gives one, else the trigger phrase.

Own names are recognised by their shape: an ordinal ("4. Klimakonferenz"), a place
adjective ("Wendelsteiner Adventsmarkt"), a quoted title after the trigger (Sommerkonzert
„Musik im Grünen“) or a genitive that says whose event it is ("Sitzung der
Bezirksverordnetenversammlung"). Verbs are named by the noun of their lexicon entry.
"""

from __future__ import annotations

import re

from .triggers import Candidate

_QUOTED = re.compile(r"^\s*(?:[„\"“»«‚'])([^„\"“”»«‚‘']{2,80})[“”\"«»‘']")
_GENITIVE = re.compile(
    r"^\s+(?:des|der)\s+(?:[A-ZÄÖÜ][\w.-]*\s+){0,2}[A-ZÄÖÜ][\w-]*(?:s\b)?"
)
_PLACE_ADJ = re.compile(r"(?:^|\s)([A-ZÄÖÜ][\w-]+er)\s+$")
_ORDINAL_BEFORE = re.compile(r"\d{1,3}\.\s+(?:[a-zäöü][\w-]*\s+){0,2}$")
#: Trigger heads that say little on their own, so the genitive after them is part of the name.
_GENERIC = ("sitzung", "besuch", "verleihung", "eröffnung", "sperrung", "sanierung", "wahl",
            "treffen", "ehrung", "auszeichnung", "einweihung", "freigabe", "verabschiedung",
            "sprechstunde", "versammlung", "tour")


def _score(cand: Candidate, text: str) -> int:
    score = 0 if cand.kind == "verb" else 2
    if cand.ordinal:
        score += 3
    if _QUOTED.match(text[cand.end : cand.end + 90]):
        score += 3
    return score


def noun_name(text: str, cand: Candidate) -> str:
    """The name around one noun mention."""
    start, end = cand.start, cand.end
    left = text[cand.unit.start : start]
    if cand.ordinal:
        ordinal = _ORDINAL_BEFORE.search(left)
        if ordinal:
            start = cand.unit.start + ordinal.start()
    else:
        adj = _PLACE_ADJ.search(left)
        if adj:
            start = cand.unit.start + adj.start(1)
    right = text[end : cand.unit.end]
    quoted = _QUOTED.match(right)
    if quoted:
        end += quoted.end()
    elif cand.concept.endswith(_GENERIC):
        genitive = _GENITIVE.match(right)
        if genitive:
            end += genitive.end()
    return " ".join(text[start:end].split())


def event_name(text: str, main: Candidate, mentions: list[Candidate]) -> str:
    """The best name among an event's mentions."""
    if len(mentions) == 1:  # (most events: nothing to choose from)
        best = mentions[0]
    else:
        best = max(mentions, key=lambda c: (_score(c, text), -c.start))
    if best.kind == "noun":
        return noun_name(text, best)
    if best.trigger.label:
        return best.trigger.label
    return " ".join(text[best.start : best.end].split())
