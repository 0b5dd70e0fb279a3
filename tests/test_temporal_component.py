"""The spaCy component `pressparse_temporal` and the resource validation."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import spacy

import pressparse.temporal  # noqa: F401  (registers the factory)
from pressparse.extensions import register_extensions
from pressparse.temporal.resources import ResourceError, load_from


@pytest.fixture()
def nlp() -> spacy.language.Language:
    register_extensions()
    pipeline = spacy.blank("de")
    pipeline.add_pipe("pressparse_temporal")
    return pipeline


def _run(nlp: spacy.language.Language, text: str, published: date | None) -> spacy.tokens.Doc:
    doc = nlp.make_doc(text)
    doc._.pp_published = published
    return nlp(doc)


def test_spans_hold_exact_time_expressions(nlp: spacy.language.Language) -> None:
    text = "Am Mittwoch, 25. April, um 10 Uhr, öffnet die Ausstellung."
    doc = _run(nlp, text, date(2012, 4, 17))
    spans = list(doc.spans["pp_dates"])
    assert [s.label_ for s in spans] == ["DATE", "TIME"]
    values = [s._.pp_timex.value for s in spans]
    assert values == ["2012-04-25", "2012-04-25T10:00"]
    for span in spans:
        timex = span._.pp_timex
        assert text[timex.start : timex.end] == timex.text
        assert span.start_char <= timex.start and timex.end <= span.end_char
    assert doc._.pp_anchor == date(2012, 4, 17)
    assert not doc._.pp_warnings


def test_range_values_get_separate_spans(nlp: spacy.language.Language) -> None:
    doc = _run(nlp, "Der Markt ist vom 3. bis 5. Mai 2024 geöffnet.", None)
    timexes = [s._.pp_timex for s in doc.spans["pp_dates"]]
    assert sorted(t.value for t in timexes) == ["2024-05-03", "2024-05-05"]
    assert {t.text for t in timexes} == {"vom 3. bis 5. Mai 2024"}


def test_narrative_anchor_warning(nlp: spacy.language.Language) -> None:
    doc = _run(nlp, "Am 24. November 2016 tagte der Rat. Ende November lief das Projekt aus.", None)
    assert doc._.pp_anchor == date(2016, 11, 24)
    assert doc._.pp_warnings == ["no publication date; relative dates anchored to 2016-11-24 (narrative)"]
    assert [s._.pp_timex.value for s in doc.spans["pp_dates"]] == ["2016-11-24", "2016-11"]


def test_uses_doc_sentences_when_present() -> None:
    register_extensions()
    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("pressparse_temporal")
    doc = pipeline.make_doc("Der Rat hat am Montag getagt. Der Verein lädt am Montag ein.")
    doc._.pp_published = date(2016, 11, 24)
    doc = pipeline(doc)
    assert [s._.pp_timex.value for s in doc.spans["pp_dates"]] == ["2016-11-21", "2016-11-28"]


def test_empty_and_dateless_docs(nlp: spacy.language.Language) -> None:
    for text in ("", "Die mit dem Hut.", "   "):
        doc = _run(nlp, text, None)
        assert list(doc.spans["pp_dates"]) == []
        assert doc._.pp_anchor is None


# ---- resource validation: errors name file, line and rule id


def _copy_resources(tmp_path: Path) -> Path:
    source = resources.files("pressparse").joinpath("resources", "de", "temporal")
    target = tmp_path / "temporal"
    with resources.as_file(source) as folder:
        shutil.copytree(folder, target)
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


def test_packaged_resources_load(tmp_path: Path) -> None:
    res = load_from(_copy_resources(tmp_path))
    assert len(res.rules) > 40 and res.negatives


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("date_broken_1a\tDATE\tdate\t(?P<day>%day", "does not compile"),
        ("date_unknown_1a\tDATE\tnope\t(?P<day>\\d+)", "unknown normaliser"),
        ("date_type_1a\tDAY\tdate\t(?P<day>\\d+)", "unknown type"),
        ("date_macro_1a\tDATE\tdate\t%nosuchpattern", "unknown repattern"),
        ("date_groups_1a\tDATE\tdate\t(?P<day>\\d+)\\.", "needs group(s) ['month']"),
        ("date_full_1a\tDATE\tdate\t(?P<day>\\d+)\\.(?P<month>\\d+)", "duplicate id"),
        ("date_columns_1a\tDATE\tdate", "expected 'id<TAB>type<TAB>norm<TAB>pattern'"),
        ("date_empty_1a\tDATE\tref\t(?P<ref>x?)", "empty string"),
    ],
)
def test_bad_rule_is_reported_with_file_line_and_id(tmp_path: Path, line: str, message: str) -> None:
    root = _copy_resources(tmp_path)
    number = _append(root / "rules" / "date.tsv", line)
    with pytest.raises(ResourceError) as err:
        load_from(root)
    text = str(err.value)
    assert f"rules/date.tsv:{number}" in text
    assert message in text
    if "columns" not in line:
        assert line.split("\t")[0] in text


def test_bad_table_line_is_reported(tmp_path: Path) -> None:
    root = _copy_resources(tmp_path)
    number = _append(root / "normalization" / "month.tsv", "brumaire")
    with pytest.raises(ResourceError, match=rf"normalization/month.tsv:{number}"):
        load_from(root)


def test_bad_repattern_is_reported(tmp_path: Path) -> None:
    root = _copy_resources(tmp_path)
    number = _append(root / "repattern" / "season.txt", "Herbst(")
    with pytest.raises(ResourceError, match=rf"repattern/season.txt:{number}"):
        load_from(root)
