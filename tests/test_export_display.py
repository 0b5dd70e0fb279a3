"""Rich display: highlighted entities, exact text, escaping, overlapping mentions."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from _export_fixtures import TEXT, make_record
from pressparse.export.display import HighlightSpan, highlight_html, render_html
from pressparse.schema import PressRelease


class _TextOf(HTMLParser):
    """The character data of ``div.pp-text`` blocks without label chips, plus the marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside pp-text
        self.chip = 0
        self.text: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (class, covered text) when closed
        self._open: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "pp-text":
            self.depth += 1
        elif self.depth and tag == "mark":
            self._open.append((attrs.get("class", ""), len("".join(self.text))))
        elif self.depth and tag == "span":
            self.chip += 1

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif self.depth and tag == "mark":
            cls, start = self._open.pop()
            self.marks.append((cls, "".join(self.text)[start:]))
        elif self.depth and tag == "span":
            self.chip -= 1

    def handle_data(self, data):
        if self.depth and not self.chip:
            self.text.append(data)


def _parse(html: str) -> _TextOf:
    parser = _TextOf()
    parser.feed(html)
    return parser


def test_highlighted_text_is_the_source_text_exactly():
    parser = _parse(render_html(make_record()))
    assert "".join(parser.text) == TEXT


def test_people_orgs_venues_dates_and_triggers_are_marked():
    marks = _parse(render_html(make_record())).marks
    covered = {(cls, text) for cls, text in marks}
    assert ("pp-person", "Anna Beispiel") in covered
    assert ("pp-org", "Gemeinderats Musterstadt") in covered
    assert ("pp-venue", "Ratssaal") in covered
    assert ("pp-date", "Samstag, 14. Juni 2025") in covered
    assert ("pp-event", "Sitzung") in covered


def test_html_is_escaped():
    html = render_html(make_record())
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ausstellung &lt;Kunst &amp; Co&gt;" in html  # in the text and the event table
    assert "a &lt;warning&gt; &amp; more" in html


def test_event_table_lists_events_with_status():
    html = render_html(make_record())
    table = html[html.index('<table class="pp-events"'):]
    for cell in ("council_meeting", "2025-06-17T18:30", "Ratssaal", "cancelled",
                 "postponed → 2025-06-24T19:00", "Gemeinderat Musterstadt"):
        assert cell in table, cell


def test_repr_html_uses_the_renderer():
    record = make_record()
    assert record._repr_html_() == render_html(record)


def test_record_read_back_from_json_shows_evidence_passages():
    data = make_record().model_dump(mode="json")
    restored = PressRelease.model_validate(data)
    assert restored.source_text is None
    html = render_html(restored)
    assert "Source text not attached" in html
    parser = _parse(html)
    shown = "".join(parser.text)
    for event in restored.events:
        assert event.evidence.text in shown
    assert ("pp-venue", "Ratssaal") in set(parser.marks)
    full = _parse(render_html(restored, text=TEXT))
    assert "".join(full.text) == TEXT


def test_overlapping_spans_nest_without_losing_text():
    text = "Die Stadtbibliothek am Marktplatz"
    spans = [HighlightSpan(4, 33, "org", "ORG"), HighlightSpan(23, 33, "venue", "VENUE"),
             HighlightSpan(0, 19, "event", "X")]  # crosses the ORG span
    parser = _parse(f'<div class="pp-text">{highlight_html(text, spans)}</div>')
    assert "".join(parser.text) == text
    assert ("pp-venue", "Marktplatz") in parser.marks


@given(
    st.text(alphabet="ab <>&\"'\n", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12),
                       st.sampled_from(["person", "org", "venue", "date", "event"])),
             max_size=6),
)
def test_any_spans_keep_the_text(text, raw):
    spans = [HighlightSpan(s, min(s + n, len(text)), kind, kind.upper())
             for s, n, kind in raw if s < len(text)]
    html = highlight_html(text, spans)
    assert "<" not in html.replace("<mark", "").replace("</mark>", "").replace(
        "<span", "").replace("</span>", "")
    assert "".join(_parse(f'<div class="pp-text">{html}</div>').text) == text


def test_import_pressparse_does_not_import_pandas_or_icalendar():
    code = ("import sys, pressparse; assert 'pandas' not in sys.modules; "
            "assert 'icalendar' not in sys.modules; pressparse.to_ical; pressparse.to_frames; "
            "assert 'icalendar' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def _rules_only(**options):
    import spacy

    import pressparse

    return pressparse.load(spacy.blank("de"), require_ner=False, **options)


PARAGRAPH = ("Die Stadt Musterstadt lädt am Samstag, 16. November 2024, um 10 Uhr zum Stadtfest "
             "auf dem Marktplatz ein. Bürgermeisterin Petra Schulz eröffnet das Fest.\n\n")


def test_parsed_record_keeps_the_text_its_offsets_point_into():
    text = PARAGRAPH
    record = _rules_only().parse(text, published="2024-11-04")
    assert record.source_text == text
    long_text = PARAGRAPH * 6  # analysed in chunks and merged
    chunked = _rules_only(max_chars=400).parse(long_text, published="2024-11-04")
    assert any("chunks" in w for w in chunked.warnings)
    assert chunked.source_text == long_text
    broken = PARAGRAPH.replace("ü", "Ã¼").replace("ä", "Ã¤")  # mojibake, repaired internally
    repaired = _rules_only().parse(broken, published="2024-11-04")
    assert repaired.source_text == broken  # offsets refer to the caller's text
    assert "".join(_parse(render_html(repaired)).text) == broken
