"""German organisation name forms: heads ("-rat", "-amt", "-ministerium"), "Amt für …",
municipal bodies ("Stadt Köln"), parties, legal forms ("e. V.", "GmbH").

The word lists live in ``resources/de/orgs/``; this module loads and validates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .roles import LexiconError, data_lines, read_resource, word_list

ORG_DIR = ("resources", "de", "orgs")
GENDERS = ("m", "f", "n", "pl")
KINDS = ("council", "authority", "body", "group", "party", "company", "school", "unit")


@dataclass(frozen=True)
class OrgHead:
    head: str
    gender: str
    kind: str
    position: str = "any"  # "any", "exact" (=senat: whole word only), "compound" (+werke)


@dataclass(frozen=True)
class OrgForms:
    heads: dict[str, OrgHead]
    territorial: frozenset[str]
    for_heads: frozenset[str]
    named_heads: frozenset[str]
    parties: dict[str, str]
    legal_forms: tuple[str, ...]
    generic: frozenset[str]
    not_orgs: frozenset[str]

    #: answers of `head_of` per word (every rule asks it for every word of every text)
    _found: dict[str, OrgHead | None] = field(default_factory=dict, compare=False, repr=False)

    def head_of(self, word: str) -> OrgHead | None:
        """The organisation head a word ends with ("Seniorenbeirats" -> beirat), if any."""
        try:
            return self._found[word]
        except KeyError:
            pass
        if len(self._found) >= 1 << 16:
            self._found.clear()  # bounded: batch runs see ever new words
        found = self._found[word] = self._find_head(word)
        return found

    def _find_head(self, word: str) -> OrgHead | None:
        lower = word.lower().rstrip("-")
        for form in (
            lower,
            lower[:-1] if lower.endswith("s") else None,
            lower[:-2] if lower.endswith("es") else None,
        ):
            if not form:
                continue
            # longest suffix first; heads are short: only the last 64 characters can hold one
            for length in self._head_lengths:
                if length > len(form) or length > 64 or length < 3:
                    continue
                cut = len(form) - length
                found = self.heads.get(form[cut:])
                if found is None:
                    continue
                if (found.position == "exact" and cut) or (
                    found.position == "compound" and not cut
                ):
                    continue
                return found
        return None

    @cached_property
    def _head_lengths(self) -> tuple[int, ...]:
        """Lengths of the heads, longest first: the only suffix lengths worth looking up."""
        return tuple(sorted({len(h) for h in self.heads}, reverse=True))


def parse_heads(text: str, source: str) -> dict[str, OrgHead]:
    heads = {}
    for lineno, line in data_lines(text):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3:
            raise LexiconError(f"{source}:{lineno}: expected head, gender, kind (TAB-separated)")
        head, gender, kind = cols
        position = {"=": "exact", "+": "compound"}.get(head[:1], "any")
        head = head.lstrip("=+")
        if gender not in GENDERS or kind not in KINDS or head != head.lower():
            raise LexiconError(f"{source}:{lineno}: bad entry {line!r}")
        heads[head] = OrgHead(head, gender, kind, position)
    return heads


def parse_parties(text: str, source: str) -> dict[str, str]:
    parties = {}
    for lineno, line in data_lines(text):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or not all(cols):
            raise LexiconError(f"{source}:{lineno}: expected written form TAB reported name")
        parties[cols[0]] = cols[1]
    return parties


@lru_cache(maxsize=1)
def org_forms() -> OrgForms:
    """The packaged organisation forms (validated on first use)."""
    heads_text, heads_src = read_resource(*ORG_DIR, "heads.tsv")
    parties_text, parties_src = read_resource(*ORG_DIR, "parties.tsv")
    legal = sorted(word_list(*ORG_DIR, "legal_forms.txt"), key=len, reverse=True)
    return OrgForms(
        heads=parse_heads(heads_text, heads_src),
        territorial=word_list(*ORG_DIR, "territorial.txt"),
        for_heads=word_list(*ORG_DIR, "for_heads.txt"),
        named_heads=word_list(*ORG_DIR, "named_heads.txt"),
        parties=parse_parties(parties_text, parties_src),
        legal_forms=tuple(legal),
        generic=word_list(*ORG_DIR, "generic.txt"),
        not_orgs=word_list(*ORG_DIR, "not_orgs.txt"),
    )
