"""The public entry points: `load()` an `Extractor` once, then `parse()` or `pipe()` texts."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .chunking import hard_cuts, merge_records, remap_record, split_chunks
from .extensions import add_warning
from .gctune import fewer_collections
from .hardening import harden_tokenizer, make_doc
from .options import Options
from .pipeline import build
from .records import doc_to_record
from .schema import ErrorRecord, PressRelease
from .validation import Alignment, CheckedText, InputError, check_text


class InputDoc(NamedTuple):
    """One input document as readers yield it and `Extractor.pipe` takes it."""

    id: str | None
    text: str | bytes
    published: date | str | None = None
    title: str | None = None
    source: str | None = None


def coerce_published(value: date | datetime | str | None) -> date | None:
    """Accept a date, a datetime or an ISO string; raise a clear ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(
                f"published={value!r} is not an ISO date (expected e.g. '2016-11-24')"
            ) from None
    raise ValueError(
        f"published must be a date, datetime or ISO string, not {type(value).__name__}"
    )


def _as_input(item: str | InputDoc | Mapping[str, Any]) -> InputDoc:
    if isinstance(item, InputDoc):
        return item
    if isinstance(item, str):
        return InputDoc(id=None, text=item)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        text, meta = item
        return InputDoc(id=meta.get("id"), text=text, published=meta.get("published"),
                        title=meta.get("title"), source=meta.get("source"))
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputError("input mapping has no 'text' field")
        return InputDoc(id=item.get("id"), text=item["text"], published=item.get("published"),
                        title=item.get("title"), source=item.get("source"))
    raise InputError(f"cannot read input of type {type(item).__name__}; pass str or InputDoc")


class Extractor:
    """A loaded pipeline that turns German press releases into `PressRelease` records."""

    def __init__(self, nlp: Language, options: Options | None = None) -> None:
        self.nlp = nlp
        self.options = options or Options()
        harden_tokenizer(nlp)

    @classmethod
    def from_options(cls, options: Options) -> Extractor:
        nlp = build(options.model, disable=options.disable, require_ner=options.require_ner,
                    components=options.components)
        return cls(nlp, options)

    # -- single documents -------------------------------------------------------------
    def parse(
        self,
        text: str | bytes,
        *,
        published: date | datetime | str | None = None,
        id: str | None = None,
        title: str | None = None,
    ) -> PressRelease:
        """Extract one record. Raises `InputError` (a ValueError) for unusable input.

        Bytes are decoded (UTF-8, cp1252, latin-1; the record warns which). Texts longer
        than ``Options.max_chars`` are analysed in chunks and merged, offsets into ``text``.
        """
        doc = self._make_doc(InputDoc(id=id, text=text, published=published, title=title))
        if "pp_record" not in doc.user_data:
            for _, proc in self.nlp.pipeline:
                doc = proc(doc)
        return self._to_record(doc)

    @property
    def chunk_limit(self) -> int:
        """Most characters one Doc gets: ``max_chars``, never above spaCy's ``nlp.max_length``."""
        return min(self.options.max_chars, self.nlp.max_length)

    # -- streams ----------------------------------------------------------------------
    def pipe(
        self,
        items: Iterable[str | InputDoc | Mapping[str, Any]],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        errors: Literal["raise", "record"] = "raise",
    ) -> Iterator[PressRelease | ErrorRecord]:
        """Yield one record per input, in input order.

        With ``errors="record"`` an input that cannot be processed yields an `ErrorRecord`
        with its reason instead of raising, so batch runs lose nothing. While the stream is
        consumed, the garbage collector's first threshold is raised (`pressparse.gctune`).
        """
        prepared = (self._prepare(item, errors) for item in items)

        def docs() -> Iterator[Doc]:
            for entry in prepared:
                yield entry if isinstance(entry, Doc) else self._placeholder(entry)

        with fewer_collections():  # many short-lived objects, hardly any cyclic garbage
            for doc in self.nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
                error = doc.user_data.get("pp_error")
                if error is not None:
                    yield ErrorRecord(**error)
                else:
                    yield self._to_record(doc)

    def _prepare(self, item: Any, errors: str) -> Doc | ErrorRecord:
        try:
            doc_input = _as_input(item)
            return self._make_doc(doc_input)
        except (InputError, ValueError) as err:
            if errors == "raise":
                raise
            meta = item if isinstance(item, Mapping) else {
                "id": getattr(item, "id", None), "source": getattr(item, "source", None)}
            return ErrorRecord(id=meta.get("id"), source=meta.get("source"), error=str(err))

    def _placeholder(self, error: ErrorRecord) -> Doc:
        """An empty Doc that carries an error through nlp.pipe, so order is kept."""
        doc = self.nlp.make_doc("")
        doc.user_data["pp_error"] = error.model_dump()
        return doc

    def _make_doc(self, doc_input: InputDoc) -> Doc:
        """A Doc ready for the pipeline; an over-long text is analysed here, in chunks, and
        travels as a finished record (``user_data['pp_record']``) so `pipe` keeps order."""
        published = coerce_published(doc_input.published)
        checked = check_text(doc_input.text, self.options, limit=self.chunk_limit)
        if len(checked.text) > self.chunk_limit:
            doc = self.nlp.make_doc("")
            doc.user_data["pp_record"] = self._chunked(checked, published, doc_input).model_dump(
                mode="json")
            # the text the merged offsets point into, for display (records keep it privately)
            doc.user_data["pp_source_text"] = (
                checked.original if checked.alignment is not None else checked.text)
            return doc
        doc = self._new_doc(checked.text, published, doc_input, checked.warnings)
        if checked.alignment is not None:
            doc.user_data["pp_original"] = checked.original
            doc.user_data["pp_alignment"] = [list(checked.alignment.points),
                                             list(checked.alignment.shifts)]
        return doc

    def _new_doc(self, text: str, published: date | None, doc_input: InputDoc,
                 warnings: list[str]) -> Doc:
        doc = make_doc(self.nlp, text)
        doc._.pp_published = published
        doc._.pp_title = doc_input.title
        doc.user_data["pp_id"] = doc_input.id
        for message in warnings:
            add_warning(doc, message)
        return doc

    def _to_record(self, doc: Doc) -> PressRelease:
        """The record of a processed Doc, its offsets on the caller's text."""
        stored = doc.user_data.get("pp_record")
        if stored is not None:
            return PressRelease.model_validate(stored).with_text(doc.user_data["pp_source_text"])
        record = doc_to_record(doc, id=doc.user_data.get("pp_id"), title=doc._.pp_title)
        original = doc.user_data.get("pp_original")
        if original is not None:
            points, shifts = doc.user_data["pp_alignment"]
            alignment = Alignment(tuple(points), tuple(shifts))
            record = remap_record(record, alignment.to_original, original).with_text(original)
        return record

    def _chunked(self, checked: CheckedText, published: date | None,
                 doc_input: InputDoc) -> PressRelease:
        """Analyse an over-long text chunk by chunk and merge the chunk records.

        A publication date found in an early chunk anchors the relative dates of later ones.
        """
        text = checked.text
        spans = split_chunks(text, self.chunk_limit)
        parts: list[tuple[int, PressRelease]] = []
        anchor = published
        for start, end in spans:
            doc = self._new_doc(text[start:end], anchor, doc_input, [])
            for _, proc in self.nlp.pipeline:
                doc = proc(doc)
            record = doc_to_record(doc, id=doc_input.id, title=doc_input.title)
            anchor = anchor or record.published
            parts.append((start, record))
        merged = merge_records(parts, text)
        cuts = hard_cuts(text, spans)
        note = (
            f"text has {len(text)} characters, over the limit of {self.chunk_limit}: analysed "
            f"in {len(spans)} chunks at paragraph/sentence boundaries"
            + (f" ({cuts} cut inside a word: no space found)" if cuts else "")
            + "; people, organisations and venues merged by name across chunks"
        )
        warnings = [*checked.warnings, note]
        warnings += [w for w in merged.warnings if w not in warnings]
        merged = merged.model_copy(update={"warnings": warnings})
        if checked.alignment is not None:
            merged = remap_record(merged, checked.alignment.to_original, checked.original)
        return merged


@functools.lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    return Extractor.from_options(Options())


def load(model: str | Path | Language | None = None, **options: Any) -> Extractor:
    """Load the pipeline once and return an `Extractor` (model=None: the shipped one)."""
    if isinstance(model, Language):
        opts = Options(**options)
        nlp = build(model, disable=opts.disable, require_ner=opts.require_ner,
                    components=opts.components)
        return Extractor(nlp, opts)
    return Extractor.from_options(Options(model=model, **options))


def parse(
    text: str | bytes,
    *,
    published: date | datetime | str | None = None,
    id: str | None = None,
    title: str | None = None,
) -> PressRelease:
    """Parse one release with a cached default extractor."""
    return _default_extractor().parse(text, published=published, id=id, title=title)
