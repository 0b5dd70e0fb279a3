"""Read archives of press releases lazily, in a stable order, as `InputDoc`s.

>>> from pressparse.io import read
>>> for doc in read(["releases/", "export.jsonl", "crawl.warc.gz"]):
...     print(doc.id, doc.source)

Folders are walked in sorted path order, archives in stored order, collection files in line,
row or entry order, so two runs over the same inputs see the same documents in the same order
(which `--resume` relies on only through ids, but users rely on for diffs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from ..extractor import InputDoc
from ..schema import ErrorRecord
from ..validation import InputError
from .formats import READERS, Fields, Item, ReadReport, detect_format
from .sources import ArchiveLimitError, Leaf, Limits, Refused, strip_suffix, walk_path

PathLike = str | Path


def _leaf_items(leaf: Leaf, limits: Limits, report: ReadReport, fields: Fields,
                explicit: bool) -> Iterator[Item]:
    fmt = detect_format(leaf.name)
    if fmt is None:
        try:
            head = leaf.read(limits.max_file_bytes)[:4096] if explicit else b""
        except InputError:
            head = b""
        fmt = detect_format(leaf.name, head) or ("text" if explicit else None)
    if fmt is None:
        suffix = Path(leaf.name).suffix.lower() or "(no suffix)"
        report.skipped[f"unsupported file type {suffix}"] += 1
        return
    try:
        yield from READERS[fmt](leaf, limits, report, fields)
    except ArchiveLimitError:
        raise
    except InputError as err:
        yield ErrorRecord(id=strip_suffix(leaf.name), source=leaf.source, error=str(err))
    except Exception as err:  # a broken file must not stop the archive
        yield ErrorRecord(id=strip_suffix(leaf.name), source=leaf.source,
                          error=f"cannot read {fmt} input: {type(err).__name__}: {err}")


def iter_items(
    inputs: PathLike | Iterable[PathLike],
    *,
    fields: Fields | None = None,
    limits: Limits | None = None,
    report: ReadReport | None = None,
) -> Iterator[Item]:
    """Documents and error records (unreadable files, refused archive members) of all inputs."""
    fields = fields or Fields()
    limits = limits or Limits()
    report = report if report is not None else ReadReport()
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise InputError(f"no such file or directory: {raw}")
        explicit = path.is_file()
        for leaf in walk_path(path, limits):
            if isinstance(leaf, Refused):
                yield ErrorRecord(id=strip_suffix(leaf.name), source=leaf.source,
                                  error=leaf.reason)
                continue
            try:
                yield from _leaf_items(leaf, limits, report, fields, explicit)
            except ArchiveLimitError as err:
                yield ErrorRecord(id=strip_suffix(leaf.name), source=leaf.source,
                                  error=str(err))


def read(
    inputs: PathLike | Iterable[PathLike],
    *,
    fields: Fields | None = None,
    limits: Limits | None = None,
    report: ReadReport | None = None,
    errors: Literal["raise", "skip", "record"] = "raise",
) -> Iterator[InputDoc | ErrorRecord]:
    """`InputDoc`s of files, folders and archives, lazily and in a stable order.

    ``errors="raise"`` stops at the first unreadable input with an `InputError`;
    ``"skip"`` leaves such inputs out; ``"record"`` yields an `ErrorRecord` for each (what
    batch runs use, so nothing is lost).
    """
    for item in iter_items(inputs, fields=fields, limits=limits, report=report):
        if isinstance(item, ErrorRecord):
            if errors == "raise":
                raise InputError(f"{item.source}: {item.error}")
            if errors == "skip":
                continue
        yield item


def _count_leaf(leaf: Leaf, limits: Limits, fields: Fields, explicit: bool) -> int:
    """Documents one leaf will give, cheaply (no HTML extraction, no date parsing)."""
    fmt = detect_format(leaf.name) or ("text" if explicit else None)
    if fmt in (None, "text", "html"):
        return 0 if fmt is None else 1
    if fmt == "jsonl":
        with leaf.open() as stream:
            count = 0
            while line := stream.readline(limits.max_line_bytes + 1):
                count += bool(line.strip())
            return count
    if fmt == "warc":
        from warcio.archiveiterator import ArchiveIterator

        with leaf.open() as stream:
            return sum(
                1 for r in ArchiveIterator(stream)
                if r.rec_type == "response" and r.http_headers is not None
                and "html" in (r.http_headers.get_header("Content-Type") or "").lower()
            )
    # CSV, JSON and feeds: parse them; they are read whole anyway.
    return sum(1 for _ in READERS[fmt](leaf, limits, ReadReport(), fields))


def count_items(
    inputs: PathLike | Iterable[PathLike],
    *,
    fields: Fields | None = None,
    limits: Limits | None = None,
) -> int | None:
    """About how many items `iter_items` will yield (for progress bars and ETAs)."""
    fields = fields or Fields()
    limits = limits or Limits()
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    if any(Path(p).exists() and not (Path(p).is_file() or Path(p).is_dir()) for p in paths):
        return None  # a pipe can be read only once
    total = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            continue
        explicit = path.is_file()
        for leaf in walk_path(path, limits):
            if isinstance(leaf, Refused):
                total += 1
                continue
            try:
                total += _count_leaf(leaf, limits, fields, explicit)
            except Exception:  # counted as the one error record it will become
                total += 1
    return total
