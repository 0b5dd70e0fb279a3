"""Document formats: one file (or archive member) in, `InputDoc`s out.

Single-document formats (plain text, HTML) give one document per file, with the file's path
as id. Collection formats (JSON Lines, JSON, CSV, WARC, RSS/Atom) give one document per
line, row, response or entry, with the id from the data when it has one. Anything that cannot
become a document is yielded as an `ErrorRecord` with the reason, never dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..extractor import InputDoc
from ..schema import ErrorRecord
from ..validation import InputError, decode_bytes
from .sources import Leaf, Limits, strip_suffix

Item = InputDoc | ErrorRecord

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSON_SUFFIXES = (".json",)


@dataclass(frozen=True)
class Fields:
    """Which fields of JSON/CSV inputs hold text, id, publication date and title."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    title: str = "title"


@dataclass
class ReadReport:
    """What readers noticed besides the documents: encodings used, warnings, skipped files.

    Warnings are keyed by document id and put on that document's record by the batch run.
    """

    encodings: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: dict[str, list[str]] = field(default_factory=dict)

    def warn(self, doc_id: str | None, message: str) -> None:
        self.warnings.setdefault(doc_id or "", []).append(message)

    def pop_warnings(self, doc_id: str | None) -> list[str]:
        return self.warnings.pop(doc_id or "", [])


def detect_format(name: str, head: bytes = b"") -> str | None:
    """The reader for a file name, sniffing the first bytes when the suffix says nothing."""
    lower = name.lower()
    for fmt, suffixes in (
        ("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES),
        ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES), ("json", JSON_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if lower.endswith(suffixes):
            return fmt
    if not head:
        return None
    sample = head[:2048].lstrip().lower()
    if sample.startswith(b"warc/"):
        return "warc"
    if b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample:
        return "feed"
    if sample.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


# -- dates ---------------------------------------------------------------------------------
_GERMAN_DATE = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")


def parse_date(value: Any) -> date | None:
    """A publication date from ISO strings, German 'TT.MM.JJJJ', datetimes or time tuples."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, tuple) and len(value) >= 3:  # time.struct_time from feedparser
        return date(value[0], value[1], value[2])
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _GERMAN_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _date_or_warn(value: Any, doc_id: str, report: ReadReport) -> date | None:
    parsed = parse_date(value)
    if parsed is None and value not in (None, ""):
        report.warn(doc_id, f"publication date {str(value)[:40]!r} not understood; ignored")
    return parsed


# -- single-document formats -----------------------------------------------------------------
def read_text(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields) -> Iterator[Item]:
    """A plain text file; the encoding is detected and reported when it is not UTF-8."""
    doc_id = strip_suffix(leaf.name)
    text, encoding = decode_bytes(leaf.read(limits.max_file_bytes))
    report.encodings[encoding] += 1
    if not encoding.startswith("utf-8"):
        report.warn(doc_id, f"file was not UTF-8; decoded as {encoding}")
    yield InputDoc(id=doc_id, text=text.lstrip("\ufeff"), source=leaf.source)


def html_to_doc(html: bytes | str, doc_id: str, source: str) -> InputDoc:
    """Main text, title and publication date of an HTML page via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError("HTML page has no extractable main text")
    title = getattr(extracted, "title", None) or None
    published = parse_date(getattr(extracted, "date", None))
    return InputDoc(id=doc_id, text=text, published=published, title=title, source=source)


def read_html(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields) -> Iterator[Item]:
    yield html_to_doc(leaf.read(limits.max_file_bytes), strip_suffix(leaf.name), leaf.source)


# -- collections -----------------------------------------------------------------------------
def _mapping_doc(row: Mapping[str, Any], fallback_id: str, source: str, fields: Fields,
                 report: ReadReport) -> Item:
    raw_id = row.get(fields.id)
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    text = row.get(fields.text)
    if not isinstance(text, str):
        missing = "missing" if text is None else f"not a string ({type(text).__name__})"
        return ErrorRecord(id=doc_id, source=source,
                           error=f"text field {fields.text!r} is {missing}")
    title = row.get(fields.title)
    return InputDoc(
        id=doc_id,
        text=text,
        published=_date_or_warn(row.get(fields.published), doc_id, report),
        title=str(title) if title not in (None, "") else None,
        source=source,
    )


def read_jsonl(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields
               ) -> Iterator[Item]:
    """One document per line; bad lines become error records naming the line."""
    base = strip_suffix(leaf.name)
    with leaf.open() as stream:
        number = 0
        while True:
            line = stream.readline(limits.max_line_bytes + 1)
            if not line:
                break
            number += 1
            fallback = f"{base}:{number}"
            source = f"{leaf.source}:{number}"
            if len(line) > limits.max_line_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = stream.readline(limits.max_line_bytes)
                yield ErrorRecord(id=fallback, source=source,
                                  error=f"line longer than {limits.max_line_bytes} bytes")
                continue
            if not line.strip():
                continue
            text, encoding = decode_bytes(line)
            report.encodings[encoding] += 1
            try:
                row = json.loads(text)
            except json.JSONDecodeError as err:
                yield ErrorRecord(id=fallback, source=source,
                                  error=f"line {number} is not valid JSON: {err.msg}")
                continue
            if not isinstance(row, dict):
                yield ErrorRecord(id=fallback, source=source,
                                  error=f"line {number} is not a JSON object")
                continue
            yield _mapping_doc(row, fallback, source, fields, report)


def read_json(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields) -> Iterator[Item]:
    """A JSON object (one document) or a list of objects."""
    base = strip_suffix(leaf.name)
    text, encoding = decode_bytes(leaf.read(limits.max_file_bytes))
    report.encodings[encoding] += 1
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield ErrorRecord(id=base, source=leaf.source, error=f"not valid JSON: {err.msg}")
        return
    if isinstance(data, dict):
        yield _mapping_doc(data, base, leaf.source, fields, report)
    elif isinstance(data, list):
        for index, row in enumerate(data, start=1):
            source = f"{leaf.source}[{index}]"
            if isinstance(row, dict):
                yield _mapping_doc(row, f"{base}:{index}", source, fields, report)
            else:
                yield ErrorRecord(id=f"{base}:{index}", source=source,
                                  error="list item is not a JSON object")
    else:
        yield ErrorRecord(id=base, source=leaf.source, error="JSON is not an object or a list")


def read_csv(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields) -> Iterator[Item]:
    """One document per row; the delimiter (, ; tab) is sniffed, the encoding detected."""
    base = strip_suffix(leaf.name)
    text, encoding = decode_bytes(leaf.read(limits.max_file_bytes))
    report.encodings[encoding] += 1
    text = text.lstrip("\ufeff")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = "excel-tab" if leaf.name.lower().endswith(".tsv") else "excel"
    csv.field_size_limit(max(limits.max_file_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if reader.fieldnames is None or fields.text not in reader.fieldnames:
        yield ErrorRecord(id=base, source=leaf.source,
                          error=f"CSV has no column {fields.text!r} "
                                f"(columns: {', '.join(reader.fieldnames or [])})")
        return
    try:
        for index, row in enumerate(reader, start=1):
            yield _mapping_doc(row, f"{base}:{index}", f"{leaf.source}:row {index}", fields,
                               report)
    except csv.Error as err:
        yield ErrorRecord(id=f"{base}:{reader.line_num}", source=leaf.source,
                          error=f"CSV broken at line {reader.line_num}: {err}")


def read_warc(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields
              ) -> Iterator[Item]:
    """HTML responses of a web archive (other records are skipped and counted)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    base = strip_suffix(leaf.name)
    with leaf.open() as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    report.skipped[f"WARC {record.rec_type} record"] += 1
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    report.skipped["WARC non-HTML response"] += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{base}:{number}"
                source = f"{leaf.source}#{uri}"
                payload = record.content_stream().read(limits.max_file_bytes + 1)
                if len(payload) > limits.max_file_bytes:
                    yield ErrorRecord(id=uri, source=source, error="HTML response over the limit")
                    continue
                try:
                    yield html_to_doc(payload, uri, source)
                except InputError as err:
                    yield ErrorRecord(id=uri, source=source, error=str(err))
        except ArchiveLoadFailed as err:
            yield ErrorRecord(id=base, source=leaf.source, error=f"unreadable WARC: {err}")


def _html_fragment_text(fragment: str) -> str:
    """Text of a feed entry's HTML with paragraph breaks kept."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]{0,2000}>", " ", fragment)
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("br", "li", "tr"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "table"):
        element.tail = "\n\n" + (element.tail or "")
    return re.sub(r"\n[ \t]*\n\s*", "\n\n", root.text_content()).strip()


def read_feed(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields
              ) -> Iterator[Item]:
    """Entries of an RSS or Atom feed: text from content or summary, id, title, date."""
    import feedparser

    base = strip_suffix(leaf.name)
    parsed = feedparser.parse(leaf.read(limits.max_file_bytes))
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield ErrorRecord(id=base, source=leaf.source, error=f"feed has no entries{reason}")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        doc_id = entry.get("id") or entry.get("link") or f"{base}:{index}"
        source = f"{leaf.source}#{index}"
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        text = _html_fragment_text(body or "")
        if not text.strip():
            yield ErrorRecord(id=doc_id, source=source, error="feed entry has no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield InputDoc(id=doc_id, text=text, published=parse_date(published),
                       title=entry.get("title") or None, source=source)


READERS: dict[str, Callable[[Leaf, Limits, ReadReport, Fields], Iterator[Item]]] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "warc": read_warc,
    "feed": read_feed,
}
