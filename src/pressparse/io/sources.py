"""Where input bytes come from: files, folders, zip and tar archives, read safely.

Archives from the web are hostile by default. Members are read into memory through a
byte budget and never extracted to disk, and we refuse what a careful unpacker would refuse:
absolute or ``..`` paths, links and devices, encrypted members, members whose size or
compression ratio looks like a bomb, and archives with more members than the limit. A
refused member becomes an error record (so it is reported, not lost); an archive that blows
its total budget stops with one error record saying where it stopped.
"""

from __future__ import annotations

import functools
import os
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from ..validation import InputError

#: Suffixes of the archives we open (longest first: ".tar.gz" before ".gz").
ARCHIVE_SUFFIXES: tuple[str, ...] = (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip")


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile input from exhausting memory, disk or time."""

    #: Bytes of one single-document file (text, HTML) or one JSON/CSV/feed file read whole.
    max_file_bytes: int = 64 * 1024 * 1024
    #: Bytes of one line in a JSON Lines file.
    max_line_bytes: int = 16 * 1024 * 1024
    #: Decompressed bytes read from one archive, nested archives included.
    max_archive_bytes: int = 2 * 1024 * 1024 * 1024
    #: Members (files, links, directories) in one archive, nested archives included.
    max_archive_members: int = 100_000
    #: Largest compression ratio of one zip member (real text compresses about 3-10x).
    max_compression_ratio: float = 200.0
    #: Archives inside archives, how deep.
    max_nesting: int = 2


class ArchiveLimitError(InputError):
    """An archive exceeded a limit; the rest of it is not read."""


@dataclass
class Budget:
    """Decompressed bytes and members left for one top-level archive."""

    bytes_left: int
    members_left: int

    def take_member(self, label: str) -> None:
        self.members_left -= 1
        if self.members_left < 0:
            raise ArchiveLimitError(f"archive has too many members; stopped at {label}")

    def take_bytes(self, n: int, label: str) -> None:
        self.bytes_left -= n
        if self.bytes_left < 0:
            raise ArchiveLimitError(
                f"archive exceeds the decompressed size limit; stopped at {label}"
            )


class CappedReader:
    """A read-only stream that charges every byte to a budget and stops at a per-file cap."""

    def __init__(self, raw: IO[bytes], label: str, cap: int, budget: Budget | None) -> None:
        self.raw = raw
        self.label = label
        self.cap = cap
        self.budget = budget
        self.read_so_far = 0

    def _charge(self, data: bytes) -> bytes:
        self.read_so_far += len(data)
        if self.budget is not None:
            self.budget.take_bytes(len(data), self.label)
        if self.read_so_far > self.cap:
            raise InputError(f"{self.label} is larger than the limit of {self.cap} bytes")
        return data

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self.cap + 1 - self.read_so_far
        return self._charge(self.raw.read(max(n, 0)))

    def readline(self, limit: int = -1) -> bytes:
        size = self.cap + 1 - self.read_so_far if limit is None or limit < 0 else limit
        return self._charge(self.raw.readline(max(size, 0)))

    def readable(self) -> bool:
        return True

    def __enter__(self) -> CappedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.raw.close()


@dataclass
class Leaf:
    """One file to parse: a path on disk or an archive member, opened on demand."""

    #: Path relative to the input root, archives counted as folders ("2016/pm-12.txt").
    name: str
    #: Human-readable origin for error records ("press.zip!2016/pm-12.txt").
    source: str
    opener: object = field(repr=False)  # Callable[[], IO[bytes]]
    size: int | None = None

    def open(self) -> IO[bytes]:
        return self.opener()  # type: ignore[operator]

    def read(self, cap: int) -> bytes:
        """The whole content, refusing more than `cap` bytes."""
        if self.size is not None and self.size > cap:
            raise InputError(f"{self.source} has {self.size} bytes, over the limit of {cap}")
        with self.open() as stream:
            data = stream.read(cap + 1)
        if len(data) > cap:
            raise InputError(f"{self.source} is larger than the limit of {cap} bytes")
        return data


@dataclass
class Refused:
    """A member or file we will not read, with the reason (becomes an error record)."""

    name: str
    source: str
    reason: str


def archive_suffix(name: str) -> str | None:
    lower = name.lower()
    return next((s for s in ARCHIVE_SUFFIXES if lower.endswith(s)), None)


def strip_suffix(name: str) -> str:
    """'2016/pm-12.txt' -> '2016/pm-12'; 'a.warc.gz' -> 'a'; archives lose theirs too."""
    suffix = archive_suffix(name)
    if suffix:
        return name[: -len(suffix)]
    path = PurePosixPath(name)
    lower = name.lower()
    for double in (".warc.gz", ".jsonl.gz"):
        if lower.endswith(double):
            return name[: -len(double)]
    return str(path.with_suffix("")) if path.suffix else name


def unsafe_member_name(name: str) -> str | None:
    """Why an archive member name is refused, or None when it is safe."""
    if not name or "\x00" in name:
        return "empty or NUL in member name"
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        return "absolute path"
    if ".." in PurePosixPath(normalized).parts:
        return "path traversal ('..')"
    return None


def _skip_name(name: str) -> bool:
    """Operating-system litter that is never a document."""
    parts = PurePosixPath(name).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts) or parts[-1:] == ("Thumbs.db",)


# -- folders and files ---------------------------------------------------------------------
def walk_path(path: Path, limits: Limits) -> Iterator[Leaf | Refused]:
    """Leaves of one input path: the file itself, or a folder's files in sorted order."""
    if path.is_symlink():
        yield Refused(path.name, str(path), "refused: symbolic link")
        return
    if path.is_file():
        yield from _expand(
            Leaf(path.name, str(path), functools.partial(open, path, "rb"), path.stat().st_size),
            limits, depth=0, budget=None,
        )
        return
    if path.exists() and not path.is_dir():
        # A named pipe or device given explicitly (e.g. JSON Lines streamed from another
        # program): read once, as a stream, with the format taken from its name.
        yield Leaf(path.name, str(path), functools.partial(open, path, "rb"), None)
        return
    if not path.is_dir():
        raise InputError(f"no such file or directory: {path}")
    entries: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__MACOSX"]
        for name in files:
            full = Path(root) / name
            entries.append((full.relative_to(path).as_posix(), full))
    for rel, full in sorted(entries):
        if _skip_name(rel):
            continue
        if full.is_symlink():
            yield Refused(rel, str(full), "refused: symbolic link")
            continue
        mode = full.stat().st_mode
        if not stat.S_ISREG(mode):
            yield Refused(rel, str(full), "refused: not a regular file")
            continue
        leaf = Leaf(rel, str(full), functools.partial(open, full, "rb"), full.stat().st_size)
        yield from _expand(leaf, limits, depth=0, budget=None)


def _expand(leaf: Leaf, limits: Limits, depth: int, budget: Budget | None
            ) -> Iterator[Leaf | Refused]:
    """A leaf, or the members of the archive it is."""
    suffix = archive_suffix(leaf.name)
    if suffix is None:
        yield leaf
        return
    if depth >= limits.max_nesting:
        yield Refused(leaf.name, leaf.source, "refused: archive nested too deeply")
        return
    own_budget = budget or Budget(limits.max_archive_bytes, limits.max_archive_members)
    prefix = strip_suffix(leaf.name) if depth > 0 or "/" in leaf.name else ""
    walker = walk_zip if suffix == ".zip" else walk_tar
    try:
        for member in walker(leaf, limits, own_budget):
            if prefix:
                member.name = f"{prefix}/{member.name}"
            if isinstance(member, Leaf):
                yield from _expand(member, limits, depth + 1, own_budget)
            else:
                yield member
    except ArchiveLimitError as err:
        yield Refused(strip_suffix(leaf.name) + "/", leaf.source, str(err))
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as err:
        yield Refused(strip_suffix(leaf.name) + "/", leaf.source,
                      f"unreadable archive: {err}")


def walk_zip(leaf: Leaf, limits: Limits, budget: Budget) -> Iterator[Leaf | Refused]:
    """Members of a zip archive in stored order, each read through the budget."""
    with leaf.open() as raw:
        data = raw if hasattr(raw, "seek") and raw.seekable() else None
        archive = zipfile.ZipFile(data if data is not None else _spool(raw, leaf, limits))
        with archive:
            for info in archive.infolist():
                budget.take_member(f"{leaf.source}!{info.filename}")
                budget.take_bytes(0, f"{leaf.source}!{info.filename}")  # stop once over
                source = f"{leaf.source}!{info.filename}"
                reason = unsafe_member_name(info.filename)
                if reason is None and (info.is_dir() or _skip_name(info.filename)):
                    continue
                mode = info.external_attr >> 16
                if reason is None and stat.S_ISLNK(mode):
                    reason = "symbolic link"
                if reason is None and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                    reason = "not a regular file"
                if reason is None and info.flag_bits & 0x1:
                    reason = "encrypted member"
                if reason is None and info.file_size > limits.max_file_bytes and not (
                    _streamable(info.filename)
                ):
                    reason = f"member has {info.file_size} bytes, over the limit"
                if reason is None and info.compress_size and (
                    info.file_size / info.compress_size > limits.max_compression_ratio
                    and info.file_size > 1024 * 1024
                ):
                    reason = (f"compression ratio {info.file_size / info.compress_size:.0f} "
                              "looks like a zip bomb")
                if reason is not None:
                    yield Refused(info.filename, source, f"refused: {reason}")
                    continue
                yield Leaf(
                    info.filename,
                    source,
                    lambda i=info, s=source: CappedReader(
                        archive.open(i), s, _cap_for(i.filename, limits), budget),
                    None,
                )


def walk_tar(leaf: Leaf, limits: Limits, budget: Budget) -> Iterator[Leaf | Refused]:
    """Members of a (compressed) tar archive in stored order, each read through the budget.

    Random-access mode ("r:*") needs a seekable stream: streamed tar skips members very
    slowly (tens of seconds for a few hundred MB), which would make a bomb a denial of service.
    """
    with leaf.open() as raw:
        seekable = hasattr(raw, "seekable") and raw.seekable()
        stream = raw if seekable else _spool(raw, leaf, limits)
        with tarfile.open(fileobj=stream, mode="r:*") as archive:
            for member in archive:
                source = f"{leaf.source}!{member.name}"
                budget.take_member(source)
                budget.take_bytes(0, source)  # stop once over
                reason = unsafe_member_name(member.name)
                if reason is None and (member.isdir() or _skip_name(member.name)):
                    continue
                if reason is None and (member.issym() or member.islnk()):
                    reason = "link"
                if reason is None and not member.isfile():
                    reason = "not a regular file"
                if reason is None and member.size > limits.max_file_bytes and not _streamable(
                    member.name
                ):
                    reason = f"member has {member.size} bytes, over the limit"
                if reason is not None:
                    # Skipping still decompresses the member: charge it so bombs stop early.
                    budget.take_bytes(member.size if member.isfile() else 0, source)
                    yield Refused(member.name, source, f"refused: {reason}")
                    continue
                yield Leaf(
                    member.name,
                    source,
                    lambda m=member, s=source: CappedReader(
                        archive.extractfile(m), s, _cap_for(m.name, limits), budget),
                    member.size,
                )


def _streamable(name: str) -> bool:
    """Formats we read line by line or record by record, so size caps apply per document."""
    lower = name.lower()
    return lower.endswith((".jsonl", ".ndjson", ".warc", ".warc.gz")) or archive_suffix(
        lower) is not None


def _cap_for(name: str, limits: Limits) -> int:
    return limits.max_archive_bytes if _streamable(name) else limits.max_file_bytes


def _spool(raw: IO[bytes], leaf: Leaf, limits: Limits) -> _BytesStream:
    return _BytesStream(raw.read(limits.max_archive_bytes))


class _BytesStream:
    """A minimal seekable in-memory stream usable as a context manager."""

    def __init__(self, data: bytes) -> None:
        import io

        self._buffer = io.BytesIO(data)

    def __getattr__(self, name: str):
        return getattr(self._buffer, name)

    def __enter__(self) -> _BytesStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._buffer.close()
