"""Batch runs over archives: every input document gives exactly one output line.

>>> from pressparse import batch
>>> summary = batch.run(["releases/", "export.jsonl"], "out/", workers=2)
>>> summary.documents, summary.records, summary.errors

Inputs are read lazily in the main process and cut into *parts* of `chunk_size` documents.
Each part is extracted by a worker (a local process, or a Dask worker) that loads the model
once and uses `nlp.pipe` batching, and the worker writes the part's files itself (see
`pressparse.io.writers`), so the main process stays small however large the archive is.
A part is committed by an atomic rename; a killed run leaves only complete parts, and
``resume=True`` skips the ids already written. A document that fails in any way becomes an
error record ``{id, source, error}``; it never stops the run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from .extractor import Extractor, InputDoc
from .io.formats import Fields, ReadReport
from .io.readers import iter_items
from .io.sources import Limits
from .io.writers import BatchStore, PartData, atomic_write
from .options import Options
from .schema import ErrorRecord, PressRelease
from .validation import InputError

Engine = Literal["local", "dask"]
#: One queued document: the input (or the reader's error record) and reader warnings.
Entry = tuple[InputDoc | ErrorRecord, list[str]]


class BatchError(RuntimeError):
    """The batch run cannot start or continue (bad output directory, no cluster, ...)."""


class BatchInterrupted(BatchError):
    """SIGTERM/SIGINT arrived; finished parts are kept and ``resume`` continues the run."""


@dataclass
class BatchSummary:
    """What a batch run did; `table()` is what the CLI prints at the end."""

    out: str
    engine: str
    workers: int
    documents: int = 0
    records: int = 0
    errors: int = 0
    skipped_existing: int = 0
    words: int = 0
    seconds: float = 0.0
    parts: int = 0
    interrupted: bool = False
    encodings: dict[str, int] = field(default_factory=dict)
    skipped_files: dict[str, int] = field(default_factory=dict)
    corrupt_lines: list[str] = field(default_factory=list)
    duckdb: str | None = None
    duckdb_new_documents: int = 0

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["docs_per_s"] = round(self.docs_per_s, 2)
        data["words_per_s"] = round(self.words_per_s, 1)
        return data

    def lines(self) -> list[str]:
        lines = [
            f"documents: {self.documents}   records: {self.records}   errors: {self.errors}"
            + (f"   skipped (already done): {self.skipped_existing}"
               if self.skipped_existing else ""),
            f"time: {self.seconds:.1f} s   {self.docs_per_s:.1f} docs/s   "
            f"{self.words_per_s:.0f} words/s   engine: {self.engine} x {self.workers}",
            f"output: {self.out}",
        ]
        if self.encodings:
            lines.append("encodings: " + ", ".join(f"{k} {v}" for k, v in
                                                   sorted(self.encodings.items())))
        if self.skipped_files:
            lines.append("not read: " + ", ".join(f"{v} x {k}" for k, v in
                                                  sorted(self.skipped_files.items())))
        for line in self.corrupt_lines[:10]:
            lines.append(f"corrupt line in existing output (moved to corrupt/): {line}")
        if len(self.corrupt_lines) > 10:
            lines.append(f"... and {len(self.corrupt_lines) - 10} more corrupt lines")
        if self.interrupted:
            lines.append("INTERRUPTED: finished parts are kept; run again with --resume")
        return lines


# -- worker side ------------------------------------------------------------------------------
_EXTRACTORS: dict[str, Extractor] = {}
_EXTRACTOR_LOCK = threading.Lock()
_RUN_LOCKS: dict[int, threading.Lock] = {}
_WARM_DOCS: Counter[int] = Counter()

#: Documents each worker's extractor processes outside spaCy memory zones before it starts
#: using them. Inside a zone spaCy adds nothing to the tokenizer cache, so every part would
#: tokenise every word from scratch (measured: 10% of extraction time instead of 2%); the
#: words of the first documents stay cached for the whole run, a fixed amount of memory.
WARM_UP_DOCS = 256


def _worker_extractor(options: Options) -> Extractor:
    """The extractor of this worker process, loaded on first use and kept."""
    from .extractor import Extractor

    key = options.model_dump_json()
    with _EXTRACTOR_LOCK:
        if key not in _EXTRACTORS:
            _EXTRACTORS[key] = Extractor.from_options(options)
        return _EXTRACTORS[key]


def _extract(extractor: Extractor, docs: list[InputDoc], batch_size: int
             ) -> list[PressRelease | ErrorRecord]:
    """Records for `docs` in order; a failure is pinned on its document, not the batch."""
    try:
        return list(extractor.pipe(docs, batch_size=batch_size, errors="record"))
    except Exception:  # find the culprit(s): one document at a time
        results: list[PressRelease | ErrorRecord] = []
        for doc in docs:
            try:
                results.extend(extractor.pipe([doc], batch_size=1, errors="record"))
            except Exception as err:
                results.append(ErrorRecord(
                    id=doc.id, source=doc.source,
                    error=f"extractor failure: {type(err).__name__}: {err}"[:500]))
        return results


@dataclass
class PartJob:
    """Everything a worker needs for one part (picklable)."""

    number: int
    entries: list[Entry]
    out: str
    options: Options
    batch_size: int
    tables: bool
    parent_pid: int | None = None


@dataclass
class PartResult:
    number: int
    records: int
    errors: int
    written: bool = True


def process_part(job: PartJob) -> PartResult:
    """Extract one part and write its files (runs in a worker)."""
    extractor = _worker_extractor(job.options)
    docs = [e for e, _ in job.entries if isinstance(e, InputDoc)]
    # Strings of this part's texts are freed after it (spaCy 3.8 memory zones): a worker's
    # memory then stays flat over an archive of any size. The first WARM_UP_DOCS documents
    # run outside a zone to fill the tokenizer cache (see there).
    # One part at a time per extractor: threads of an in-process Dask cluster share it.
    with _RUN_LOCKS.setdefault(id(extractor), threading.Lock()):
        warm = _WARM_DOCS[id(extractor)] >= WARM_UP_DOCS
        with extractor.nlp.memory_zone() if warm else contextlib.nullcontext():
            extracted = iter(_extract(extractor, docs, job.batch_size)) if docs else iter(())
            results = [(next(extracted) if isinstance(entry, InputDoc) else entry, entry,
                        warnings) for entry, warnings in job.entries]
        _WARM_DOCS[id(extractor)] += len(docs)
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    sources: dict[str, str | None] = {}
    for result, entry, warnings in results:
        if isinstance(result, ErrorRecord):
            if result.source is None and isinstance(entry, InputDoc):
                result = result.model_copy(update={"source": entry.source})
            errors.append(result.model_dump(mode="json"))
            continue
        if warnings:
            result.warnings.extend(w for w in warnings if w not in result.warnings)
        data = result.model_dump(mode="json")
        records.append(data)
        sources[data["id"]] = entry.source
    if job.parent_pid is not None and os.getppid() != job.parent_pid:
        # The run that asked for this part is gone; a resumed run will redo it.
        return PartResult(job.number, len(records), len(errors), written=False)
    BatchStore(job.out).write_part(PartData(job.number, records, errors, sources),
                                   tables=job.tables)
    return PartResult(job.number, len(records), len(errors))


def _bag_partition(jobs: list[PartJob]) -> list[PartResult]:
    """A Dask bag partition: its parts, processed by the worker holding it."""
    return [process_part(job) for job in jobs]


_POOL_OPTIONS: Options | None = None


def _pool_init(options: Options) -> None:
    """Process-pool initializer: load the model once per worker process, before any part."""
    global _POOL_OPTIONS
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _POOL_OPTIONS = options
    # A model that fails to load fails again, with its message, in the first part.
    with contextlib.suppress(Exception):
        _worker_extractor(options)


# -- main side ----------------------------------------------------------------------------------
def _entries(
    inputs: Any, fields: Fields, limits: Limits, report: ReadReport,
) -> Iterator[InputDoc | ErrorRecord]:
    """Paths are read with `pressparse.io`; InputDocs, dicts and (text, meta) pass through."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    items = list(inputs) if isinstance(inputs, (list, tuple)) else None
    if items is not None and all(isinstance(i, (str, Path)) for i in items):
        yield from iter_items(items, fields=fields, limits=limits, report=report)
        return
    from .extractor import _as_input

    for number, item in enumerate(items if items is not None else inputs, start=1):
        try:
            doc = _as_input(item)
        except InputError as err:
            yield ErrorRecord(id=f"input-{number}", source=None, error=str(err))
            continue
        yield doc if doc.id is not None else doc._replace(id=f"input-{number}")


def _queue(
    stream: Iterable[InputDoc | ErrorRecord],
    done: set[str],
    report: ReadReport,
    summary: BatchSummary,
    chunk_size: int,
    first_part: int,
    on_skip: Callable[[int], None],
) -> Iterator[tuple[int, list[Entry]]]:
    """Number the parts; skip done ids; give repeated ids their own error record."""
    seen: Counter[str] = Counter()
    chunk: list[Entry] = []
    number = first_part
    for item in stream:
        doc_id = item.id or ""
        seen[doc_id] += 1
        if seen[doc_id] > 1:
            dup_id = f"{doc_id}#{seen[doc_id]}"
            item = ErrorRecord(
                id=dup_id, source=item.source,
                error=f"duplicate id {doc_id!r} (occurrence {seen[doc_id]}); give inputs "
                      "unique ids",
            )
            doc_id = dup_id
        warnings = report.pop_warnings(item.id)
        if doc_id in done:
            summary.skipped_existing += 1
            on_skip(1)
            continue
        if isinstance(item, InputDoc):
            summary.words += len(item.text.split()) if isinstance(item.text, str) else 0
        chunk.append((item, warnings))
        if len(chunk) >= chunk_size:
            yield number, chunk
            number += 1
            chunk = []
    if chunk:
        yield number, chunk


def count_documents(inputs: Any, fields: Fields | None = None, limits: Limits | None = None
                    ) -> int | None:
    """How many documents (and error records) the inputs will give, for the progress bar."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if not isinstance(inputs, (list, tuple)):
        return None
    if not all(isinstance(i, (str, Path)) for i in inputs):
        return len(inputs)
    from .io.readers import count_items

    return count_items(inputs, fields=fields, limits=limits)


class _Progress:
    """A rich progress bar with docs/s and ETA (a no-op when disabled)."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar = None
        if not enabled:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]pressparse batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=False,
        )
        self.task = self.bar.add_task("docs", total=total, rate="-")
        self.start = time.perf_counter()
        self.count = 0
        self.bar.start()

    def advance(self, n: int) -> None:
        if self.bar is None:
            return
        self.count += n
        elapsed = time.perf_counter() - self.start
        rate = f"{self.count / elapsed:.1f}" if elapsed > 0 else "-"
        self.bar.update(self.task, advance=n, rate=rate)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class _Stop:
    """Turns SIGTERM into a clean stop after the parts in flight (main thread only)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _Stop:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)


def run(
    inputs: Any,
    out: str | Path,
    *,
    workers: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    model: str | Path | None = None,
    options: Options | Mapping[str, Any] | None = None,
    fields: Fields | None = None,
    limits: Limits | None = None,
    chunk_size: int = 128,
    batch_size: int = 16,
    tables: bool = True,
    csv: bool = True,
    duckdb: bool | str | Path = True,
    progress: bool = False,
    dask_processes: bool = True,
) -> BatchSummary:
    """Run the extractor over `inputs` (paths, or InputDocs/dicts) into the directory `out`.

    ``workers`` processes (or Dask workers) each load the model once. ``resume`` skips ids
    already written to `out`; without it `out` must be empty or ``overwrite`` given.
    ``options``/``model`` configure the extractor as `pressparse.load()` does (a picklable
    `Options`, so each worker builds its own). ``duckdb`` may name the database file (default
    ``out/pressparse.duckdb``), to which each run appends documents it does not have yet.
    Returns a `BatchSummary`; raises `BatchInterrupted` after SIGTERM (parts kept).
    """
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    if workers < 1:
        raise BatchError("workers must be at least 1")
    opts = _options(model, options)
    fields = fields or Fields()
    limits = limits or Limits()
    store = BatchStore(out)
    if store.has_output() and not (resume or overwrite):
        raise BatchError(
            f"{out} already holds batch output; resume it (--resume) or start again "
            "(--overwrite)"
        )
    if overwrite and not resume:
        for directory in (store.records_dir, store.errors_dir, store.tables_dir,
                          store.out / "corrupt"):
            shutil.rmtree(directory, ignore_errors=True)
        if duckdb is True:
            (store.out / "pressparse.duckdb").unlink(missing_ok=True)
    store.out.mkdir(parents=True, exist_ok=True)
    store.clean_unfinished()
    scan = store.scan() if resume else None
    done = scan.done if scan else set()

    summary = BatchSummary(out=str(out), engine=engine, workers=workers)
    if scan:
        summary.corrupt_lines = scan.corrupt
    report = ReadReport()
    total = count_documents(inputs, fields, limits) if progress else None
    bar = _Progress(progress, total)
    started = time.perf_counter()
    stream = _entries(inputs, fields, limits, report)
    parts = _queue(stream, done, report, summary, chunk_size, store.next_part(), bar.advance)

    def job(number: int, entries: list[Entry], parent: int | None) -> PartJob:
        return PartJob(number, entries, str(store.out), opts, batch_size, tables, parent)

    def finished(result: PartResult, size: int) -> None:
        summary.records += result.records
        summary.errors += result.errors
        summary.documents += result.records + result.errors
        summary.parts += 1
        bar.advance(size)

    try:
        with _Stop() as stop:
            if engine == "dask":
                _run_dask(parts, job, finished, stop, workers, scheduler, dask_processes)
            elif workers == 1:
                for number, entries in parts:
                    if stop.requested:
                        break
                    finished(process_part(job(number, entries, None)), len(entries))
            else:
                _run_pool(parts, job, finished, stop, workers, opts)
            summary.interrupted = stop.requested
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
        summary.encodings = dict(report.encodings)
        summary.skipped_files = dict(report.skipped)
    if not summary.interrupted:
        if tables and csv:
            store.write_csv()
        if tables and duckdb:
            result = store.write_duckdb(None if duckdb is True else duckdb)
            summary.duckdb = str(result.path)
            summary.duckdb_new_documents = result.new_documents
    import json

    atomic_write(store.out / "summary.json",
                 json.dumps(summary.as_dict(), indent=2, ensure_ascii=False).encode())
    if summary.interrupted:
        raise BatchInterrupted("\n".join(summary.lines()))
    return summary


def _options(model: str | Path | None, options: Options | Mapping[str, Any] | None) -> Options:
    if isinstance(options, Options):
        return options if model is None else options.model_copy(update={"model": model})
    values = dict(options or {})
    if model is not None:
        values["model"] = model
    return Options(**values)


def _run_pool(parts: Iterator[tuple[int, list[Entry]]], job: Callable[..., PartJob],
              finished: Callable[[PartResult, int], None], stop: _Stop, workers: int,
              options: Options) -> None:
    """Local worker processes; at most 2 parts per worker in flight (bounded memory)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")
    pending: dict[Any, int] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_pool_init,
                             initargs=(options,)) as pool:
        try:
            for number, entries in parts:
                if stop.requested:
                    break
                pending[pool.submit(process_part, job(number, entries, os.getpid()))] = len(
                    entries)
                while len(pending) >= 2 * workers and not stop.requested:
                    done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                    for future in done:
                        finished(future.result(), pending.pop(future))
            while pending:
                done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    finished(future.result(), pending.pop(future))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(parts: Iterator[tuple[int, list[Entry]]], job: Callable[..., PartJob],
              finished: Callable[[PartResult, int], None], stop: _Stop, workers: int,
              scheduler: str | None, processes: bool) -> None:
    """A Dask bag of parts per wave, on a cluster (or a loopback LocalCluster)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError as err:  # pragma: no cover - dependencies of pressparse
        raise BatchError(f"the dask engine needs dask[bag] and distributed: {err}") from None

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            # TCP on loopback also in-process: the same transport as a real cluster.
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                   protocol="tcp://", host="127.0.0.1",
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        raise BatchError(f"cannot reach Dask scheduler {scheduler!r}: {err}") from None
    try:
        width = max(1, sum(client.nthreads().values()))
        sizes: dict[int, int] = {}
        running = as_completed()
        in_flight = 0

        def submit_wave() -> bool:
            nonlocal in_flight
            wave = []
            for number, entries in parts:
                sizes[number] = len(entries)
                wave.append(job(number, entries, None))
                if len(wave) >= width:
                    break
            if not wave:
                return False
            bag = db.from_sequence(wave, npartitions=len(wave)).map_partitions(_bag_partition)
            for future in client.compute(bag.to_delayed()):
                running.add(future)
                in_flight += 1
            return True

        more = submit_wave() and submit_wave()
        for future in running:
            in_flight -= 1
            for result in future.result():
                finished(result, sizes.pop(result.number))
            if stop.requested:
                more = False
            if more and in_flight <= width:
                more = submit_wave()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
