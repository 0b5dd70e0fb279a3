"""Consistency checks for the repo's own sample releases and their gold (`data/samples/`).

The samples are our test and demo data, so a broken gold file would silently skew
every score computed on them. These tests check the pairs against the annotation
guideline (docs in `data/samples/README.md`): exact text, key layout, taxonomy codes,
well-formed TIMEX3 values, and that annotated names and expressions occur in the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import snowballstemmer

from pressparse.schema import EVENT_TYPES

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "samples"
KEYS = [
    "id",
    "published",
    "issuer",
    "title",
    "text",
    "people",
    "organizations",
    "venues",
    "dates",
    "events",
]
TAXONOMY = set(EVENT_TYPES)
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
TITLES = {"Dr.", "Prof.", "Prof. Dr.", "Dr. h. c.", "Prof. Dr. Dr."}
WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}

# TIMEX3 value shapes used by the guideline. `X` stands for an unknown digit.
_Y = r"(?:\d{4}|XXXX)"
_DAYPART = r"(?:MO|AF|EV|NI)"
_CLOCK = r"(?:[01]\d|2[0-4]):[0-5]\d"
_CAL_DATE = rf"{_Y}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?"
_WEEK_DATE = rf"{_Y}-W(?:\d\d|XX)(?:-(?:[1-7]|WE))?"
_SEASON = rf"{_Y}-(?:SP|SU|FA|WI)"
_DURATION = r"P(?:(?:\d+(?:[.,]\d+)?|X)[YMWD])+|PT(?:(?:\d+(?:[.,]\d+)?|X)[HMS])+|P(?:\d+|X)[YMWD]T(?:\d+[HMS])+"
DATE_RE = re.compile(rf"^(?:{_CAL_DATE}|{_WEEK_DATE}|{_SEASON}|PRESENT_REF|PAST_REF|FUTURE_REF)$")
TIME_RE = re.compile(rf"^(?:{_CAL_DATE}|{_WEEK_DATE})T(?:{_CLOCK}|{_DAYPART})$")
DURATION_RE = re.compile(rf"^(?:{_DURATION})$")
SET_RE = re.compile(
    rf"^(?:{_DURATION}|{_CAL_DATE}|{_WEEK_DATE}|{_SEASON}|(?:{_CAL_DATE}|{_WEEK_DATE})T(?:{_CLOCK}|{_DAYPART}))$"
)
VALUE_RE = {"DATE": DATE_RE, "TIME": TIME_RE, "DURATION": DURATION_RE, "SET": SET_RE}
EVENT_POINT_RE = re.compile(
    rf"^(?:{_CAL_DATE}|{_WEEK_DATE}|{_SEASON})(?:T(?:{_CLOCK}|{_DAYPART}))?$"
)

_STEMMER = snowballstemmer.stemmer("german")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _pairs() -> list[tuple[Path, Path]]:
    return [(p.with_suffix(".txt"), p) for p in sorted(SAMPLES_DIR.glob("*.json"))]


def _load(json_path: Path) -> dict:
    return json.loads(json_path.read_text(encoding="utf-8"))


def _stems(text: str) -> list[str]:
    """Case-folded Snowball stems, as the guideline's lenient name match uses."""
    words = _WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())
    return _STEMMER.stemWords(words)


def _contains_seq(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _fold_ws(text: str) -> str:
    return " ".join(text.split())


PAIRS = _pairs()
IDS = [j.stem for _, j in PAIRS]


def test_enough_samples_and_every_txt_has_gold():
    txts = sorted(p.stem for p in SAMPLES_DIR.glob("*.txt"))
    assert len(PAIRS) >= 14
    assert txts == IDS, "every sample needs both a .txt and a .json"
    assert all(re.match(r"^\d\d_[a-z0-9_\-]+$", i) for i in IDS)


@pytest.mark.parametrize(("txt_path", "json_path"), PAIRS, ids=IDS)
def test_layout_and_text(txt_path: Path, json_path: Path):
    gold = _load(json_path)
    assert list(gold) == KEYS
    assert gold["id"] == json_path.stem
    assert gold["text"] == txt_path.read_text(encoding="utf-8")
    assert txt_path.read_bytes().decode("utf-8") == gold["text"]
    if gold["published"] is not None:
        dt.date.fromisoformat(gold["published"])
    for key in ("issuer", "title"):
        assert gold[key] is None or (isinstance(gold[key], str) and gold[key].strip())
    if gold["title"] is not None:
        assert _fold_ws(gold["title"]) in _fold_ws(gold["text"])
    words = len(gold["text"].split())
    assert 150 <= words <= 450, f"{words} words"


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_people(json_path: Path):
    gold = _load(json_path)
    text = _fold_ws(gold["text"])
    names = [p["name"] for p in gold["people"]]
    assert len(names) == len(set(names)), "one entry per person"
    for person in gold["people"]:
        assert set(person) == {"name", "title", "role"}
        name = person["name"]
        assert name in text, name
        assert person["title"] is None or person["title"] in TITLES
        assert not any(name.startswith(t + " ") for t in TITLES), "title must be split off"
        if person["role"] is not None:
            assert _contains_seq(_stems(text), _stems(person["role"])), person["role"]


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_organizations_and_venues(json_path: Path):
    gold = _load(json_path)
    text_stems = _stems(gold["text"])
    text = gold["text"]
    for key in ("organizations", "venues"):
        names = [item["name"] for item in gold[key]]
        assert len(names) == len(set(names)), f"duplicate {key}"
        for name in names:
            # Lenient: inflected forms ("im Neuen Rathaus") match the nominative name.
            assert _contains_seq(text_stems, _stems(name)), f"{key}: {name}"
    for org in gold["organizations"]:
        assert set(org) == {"name"}
    for venue in gold["venues"]:
        assert set(venue) == {"name", "address"}
        address = venue["address"]
        if address is None:
            continue
        assert set(address) == {"street", "postal_code", "city"}
        assert any(address.values())
        if address["street"]:
            assert address["street"] in text
        if address["postal_code"]:
            assert re.fullmatch(r"\d{5}", address["postal_code"])
            assert address["postal_code"] in text
        if address["city"]:
            assert address["city"] in text


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_dates_are_well_formed_timex(json_path: Path):
    gold = _load(json_path)
    text = gold["text"]
    for date in gold["dates"]:
        assert set(date) == {"text", "type", "value"}
        assert date["text"] in text, date["text"]
        assert date["type"] in TIMEX_TYPES
        assert VALUE_RE[date["type"]].match(date["value"]), date
        if date["type"] == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", date["value"]):
            dt.date.fromisoformat(date["value"])


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_weekdays_agree_with_resolved_dates(json_path: Path):
    """'Mittwoch, 13. März' resolved to a full date must fall on a Wednesday."""
    gold = _load(json_path)
    for date in gold["dates"]:
        m = re.match(r"(\d{4}-\d\d-\d\d)", date["value"])
        words = set(_WORD_RE.findall(date["text"].casefold()))
        days = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
        if m and days and date["type"] in {"DATE", "TIME"}:
            assert dt.date.fromisoformat(m.group(1)).weekday() == days[0], date


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_deictic_dates_resolve_against_published(json_path: Path):
    gold = _load(json_path)
    if gold["published"] is None:
        return
    pub = dt.date.fromisoformat(gold["published"])
    offsets = {"heute": 0, "morgen": 1, "gestern": -1, "übermorgen": 2, "vorgestern": -2}
    for date in gold["dates"]:
        key = date["text"].casefold().removeprefix("am ").removeprefix("ab ").strip()
        if key in offsets and date["type"] == "DATE":
            assert date["value"] == (pub + dt.timedelta(days=offsets[key])).isoformat(), date


@pytest.mark.parametrize("json_path", [j for _, j in PAIRS], ids=IDS)
def test_events(json_path: Path):
    gold = _load(json_path)
    venues = {v["name"] for v in gold["venues"]}
    values = {d["value"] for d in gold["dates"]}
    assert gold["events"], "every sample has at least one gold event"
    for event in gold["events"]:
        assert set(event) == {"type", "name", "start", "end", "venue"}
        assert event["type"] in TAXONOMY
        assert isinstance(event["name"], str) and event["name"].strip()
        assert event["venue"] is None or event["venue"] in venues
        assert (
            event["start"] is not None or event["end"] is not None or event["venue"] is not None
        ), "an event needs a time or a venue"
        for key in ("start", "end"):
            point = event[key]
            if point is None:
                continue
            assert EVENT_POINT_RE.match(point), point
            # Event times come from annotated expressions, so they must be among the values.
            assert point in values, f"{key} {point} is not a gold date value"
        if event["start"] and event["end"] and "X" not in event["start"] + event["end"]:
            assert event["start"][:10] <= event["end"][:10]


def test_taxonomy_fully_covered_and_some_undated():
    types = Counter(e["type"] for _, j in PAIRS for e in _load(j)["events"])
    assert set(types) == TAXONOMY, f"missing: {sorted(TAXONOMY - set(types))}"
    undated = [j.stem for _, j in PAIRS if _load(j)["published"] is None]
    assert 2 <= len(undated) < len(PAIRS)
