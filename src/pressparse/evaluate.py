"""Scoring by the annotation guideline (`spec/annotation.md`, section "Scoring").

Every field is scored the same way everywhere (CLI, benchmarks, tests):

- people: normalised names (case-folded, titles stripped, whitespace folded); a predicted
  surname-only or first-name-only form matches a gold full name only if it is the only such
  name; role accuracy over matched people.
- organizations, venues: lenient match after case-folding, stripping articles and Snowball
  stemming: one name equals the other or contains it as whole words; one-to-one.
- dates: DATE/TIME values without ``*_REF`` as a multiset per document; a gold ``XXXX`` year
  matches a prediction equal in every other part.
- events: same type and same start date part (``XXXX`` years as for dates); venue accuracy
  over matched events.

Counts are micro-averaged over documents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer

FIELDS = ("people", "organizations", "venues", "dates", "events")

_TITLE_WORD = re.compile(
    r"^(?:prof|dr|dres|dipl|ing|med|phil|rer|nat|jur|h\.c|mag|habil|mult|pd)\.?(?:-[a-z]+\.?)*$"
)
_ARTICLES = frozenset(
    "der die das den dem des ein eine einer eines einem einen im am vom zum zur".split()
)
_WORDS = re.compile(r"\w+")


# -- counting ---------------------------------------------------------------------------
@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


# -- normalisation ----------------------------------------------------------------------
def normalize_person(name: str) -> str:
    """Case-fold, strip academic titles, fold whitespace."""
    return " ".join(w for w in name.casefold().split() if not _TITLE_WORD.match(w))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """The German Snowball stemmer; the C build (PyStemmer, a dependency) when available,
    which `snowballstemmer` picks itself and which stems exactly as its Python code."""
    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=65536)  # pure; record assembly calls it per candidate pair
def name_stems(name: str) -> tuple[str, ...]:
    """Case-folded words without articles, each reduced to its German Snowball stem."""
    words = [w for w in _WORDS.findall(name.casefold()) if w not in _ARTICLES]
    return tuple(_stemmer().stemWords(words))


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(tuple(longer[i : i + n]) == tuple(shorter) for i in range(len(longer) - n + 1))


def lenient_name_match(a: str, b: str) -> bool:
    """Guideline match for organisations and venues (equal or contained as whole words)."""
    sa, sb = name_stems(a), name_stems(b)
    if not sa or not sb:
        return False
    return sa == sb or _contains(sa, sb) or _contains(sb, sa)


def _timex_matches(gold: str, pred: str) -> bool:
    if gold == pred:
        return True
    if gold.startswith("XXXX") and len(pred) >= 4 and pred[:4].isdigit():
        return gold[4:] == pred[4:]
    return False


def _is_scored_date(item: dict[str, Any]) -> bool:
    value = item.get("value") or ""
    return item.get("type") in ("DATE", "TIME") and not value.endswith("_REF")


def _date_part(value: str | None) -> str | None:
    if not value:
        return None
    return value.split("T", 1)[0]


# -- one-to-one matching ----------------------------------------------------------------
def _match(
    gold: Sequence[Any], pred: Sequence[Any], passes: Iterable[Callable[[Any, Any], bool]]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, strictest criterion first; returns (gold, pred) pairs."""
    pairs: list[tuple[int, int]] = []
    free_gold = set(range(len(gold)))
    free_pred = list(range(len(pred)))
    for matches in passes:
        for g in sorted(free_gold):
            for p in free_pred:
                if matches(gold[g], pred[p]):
                    pairs.append((g, p))
                    free_gold.discard(g)
                    free_pred.remove(p)
                    break
    return pairs


def _counts(n_gold: int, n_pred: int, n_matched: int) -> Counts:
    return Counts(tp=n_matched, fp=n_pred - n_matched, fn=n_gold - n_matched)


# -- per-field scorers --------------------------------------------------------------------
def score_people(gold: list[dict], pred: list[dict]) -> tuple[Counts, Accuracy]:
    gold_names = [normalize_person(p["name"]) for p in gold]
    pred_names = [normalize_person(p["name"]) for p in pred]

    def holds(full: str, part: str) -> bool:
        words = full.split()
        return bool(words) and part in (words[0], words[-1])

    def partial(g: str, p: str) -> bool:
        # a one-word prediction matches only if exactly one gold name has that first/surname
        if " " in p or not holds(g, p):
            return False
        return sum(holds(n, p) for n in gold_names) == 1

    pairs = _match(gold_names, pred_names, [lambda g, p: g == p, partial])
    roles = Accuracy()
    for g, p in pairs:
        roles.total += 1
        roles.correct += _norm_role(gold[g].get("role")) == _norm_role(pred[p].get("role"))
    return _counts(len(gold), len(pred), len(pairs)), roles


def _norm_role(role: str | None) -> str | None:
    return " ".join(role.casefold().split()) if role else None


def score_names(gold: list[dict], pred: list[dict]) -> Counts:
    """Organisations or venues by the lenient stem match."""
    g_names = [item["name"] for item in gold]
    p_names = [item["name"] for item in pred]
    pairs = _match(
        g_names,
        p_names,
        [lambda g, p: name_stems(g) == name_stems(p), lenient_name_match],
    )
    return _counts(len(gold), len(pred), len(pairs))


def score_dates(gold: list[dict], pred: list[dict]) -> Counts:
    """DATE/TIME values (no *_REF) as a multiset; gold XXXX years match any year."""
    g_values = [d["value"] for d in gold if _is_scored_date(d)]
    p_values = [d["value"] for d in pred if _is_scored_date(d)]
    pairs = _match(g_values, p_values, [lambda g, p: g == p, _timex_matches])
    return _counts(len(g_values), len(p_values), len(pairs))


def score_events(gold: list[dict], pred: list[dict]) -> tuple[Counts, Accuracy]:
    def same(g: dict, p: dict) -> bool:
        if g["type"] != p["type"]:
            return False
        gs, ps = _date_part(g.get("start")), _date_part(p.get("start"))
        if gs is None or ps is None:
            return gs == ps
        return _timex_matches(gs, ps)

    pairs = _match(gold, pred, [same])
    venues = Accuracy()
    for g, p in pairs:
        venues.total += 1
        gv, pv = gold[g].get("venue"), pred[p].get("venue")
        venues.correct += (gv is None and pv is None) or (
            gv is not None and pv is not None and lenient_name_match(gv, pv)
        )
    return _counts(len(gold), len(pred), len(pairs)), venues


# -- documents and corpora ------------------------------------------------------------------
@dataclass
class Score:
    """Micro-averaged scores over a set of documents."""

    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    role_accuracy: Accuracy = field(default_factory=Accuracy)
    event_venue_accuracy: Accuracy = field(default_factory=Accuracy)
    documents: int = 0

    def add_document(self, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        self.documents += 1
        people, roles = score_people(gold.get("people", []), pred.get("people", []))
        events, venues = score_events(gold.get("events", []), pred.get("events", []))
        self.fields["people"].add(people)
        self.fields["organizations"].add(
            score_names(gold.get("organizations", []), pred.get("organizations", []))
        )
        self.fields["venues"].add(score_names(gold.get("venues", []), pred.get("venues", [])))
        self.fields["dates"].add(score_dates(gold.get("dates", []), pred.get("dates", [])))
        self.fields["events"].add(events)
        self.role_accuracy.add(roles)
        self.event_venue_accuracy.add(venues)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **{name: counts.as_dict() for name, counts in self.fields.items()},
            "role_accuracy": self.role_accuracy.as_dict(),
            "event_venue_accuracy": self.event_venue_accuracy.as_dict(),
        }

    def table(self) -> str:
        """A plain-text table: field, P, R, F1, counts; then the two accuracies."""
        lines = [f"{'field':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for name, c in self.fields.items():
            lines.append(
                f"{name:<15}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6d}{c.fp:6d}{c.fn:6d}"
            )
        lines.append(
            f"{'role acc.':<15}{self.role_accuracy.value:7.3f}  "
            f"({self.role_accuracy.correct}/{self.role_accuracy.total} matched people)"
        )
        lines.append(
            f"{'event venue':<15}{self.event_venue_accuracy.value:7.3f}  "
            f"({self.event_venue_accuracy.correct}/{self.event_venue_accuracy.total} "
            "matched events)"
        )
        lines.append(f"documents: {self.documents}")
        return "\n".join(lines)


def load_gold(directory: str | Path) -> list[dict[str, Any]]:
    """All gold files (``*.json``) of a directory, sorted by name."""
    path = Path(directory)
    if not path.is_dir():
        raise FileNotFoundError(f"gold directory not found: {path}")
    files = sorted(path.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no gold *.json files in {path}")
    gold = []
    for file in files:
        try:
            item = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"{file}: not valid JSON ({err})") from None
        if "text" not in item:
            raise ValueError(f"{file}: gold file has no 'text'")
        item.setdefault("id", file.stem)
        gold.append(item)
    return gold


def evaluate(
    gold_docs: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any]]
) -> Score:
    """Score predictions (record dicts, same order as gold) against gold documents."""
    if len(gold_docs) != len(predictions):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predictions)} predictions")
    score = Score()
    for gold, pred in zip(gold_docs, predictions, strict=True):
        score.add_document(gold, pred)
    return score
