"""The `pressparse` command line: flags map onto `Options`; work is done by the Python API.

User errors (bad arguments, unreadable files, missing model) end with one line on stderr and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .options import DEFAULT_MAX_CHARS, Options
from .schema import ErrorRecord, PressRelease

if TYPE_CHECKING:
    from .extractor import InputDoc

app = typer.Typer(
    name="pressparse",
    help="Structured event records from German municipal press releases.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err_console = Console(stderr=True)


class UserError(Exception):
    """An error the user can fix; printed as one line."""


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pressparse {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer needs Optional on 3.10
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """Read German press releases; print people, organisations, venues, dates and events."""


# -- inputs ---------------------------------------------------------------------------------
TEXT_SUFFIXES = (".txt", ".text")


def iter_extract_inputs(path: str, published: str | None) -> Iterator[InputDoc | ErrorRecord]:
    """Inputs of `extract`: '-', one file of any format `pressparse.io` reads (text, HTML,
    JSONL, CSV, WARC, feed, archive), or every .txt file of a directory (sorted)."""
    from .extractor import InputDoc
    from .io import read

    if path == "-":
        yield InputDoc(id="stdin", text=sys.stdin.read(), published=published, source="-")
        return
    target = Path(path)
    if not target.exists():
        raise UserError(f"no such file or directory: {path}")
    if target.is_dir():
        files = sorted(p for p in target.rglob("*")
                       if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise UserError(f"no text files ({', '.join(TEXT_SUFFIXES)}) in {path}")
    else:
        files = [target]
    for file in files:
        for item in read(file, errors="record"):
            if isinstance(item, InputDoc) and published is not None:
                item = item._replace(published=published)
            yield item


def _load_extractor(model: str | None):
    from .extractor import load
    from .pipeline import ModelNotFoundError

    try:
        return load(model)
    except ModelNotFoundError as err:
        raise UserError(str(err)) from None


# -- output ---------------------------------------------------------------------------------
def print_table(record: PressRelease, console: Console) -> None:
    """A readable terminal summary of one record: events, people, dates."""
    console.rule(f"[bold]{record.id or ''}[/] {record.title or ''}".strip())
    meta = f"published: {record.published or '?'}   issuer: {record.issuer or '?'}"
    console.print(meta)
    events = Table("type", "name", "start", "end", "venue", "status", title="Events")
    for e in record.events:
        events.add_row(e.type, e.name or "", e.start or "", e.end or "", e.venue or "", e.status)
    console.print(events)
    people = Table("name", "title", "role", "organization", title="People")
    for p in record.people:
        people.add_row(p.name, p.title or "", p.role or "", p.organization or "")
    console.print(people)
    dates = Table("text", "type", "value", title="Dates")
    for d in record.dates:
        dates.add_row(d.text, d.type, d.value)
    console.print(dates)
    if record.organizations:
        console.print("Organisations: " + "; ".join(o.name for o in record.organizations))
    if record.venues:
        console.print("Venues: " + "; ".join(v.name for v in record.venues))
    for warning in record.warnings:
        console.print(f"[yellow]warning:[/] {warning}")


# -- commands -------------------------------------------------------------------------------
@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A text file, a directory of .txt files, or '-'.")],
    published: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Publication date (ISO, e.g. 2016-11-24) for relative dates."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json, jsonl or table.")
    ] = OutputFormat.json,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Path or name of a German spaCy pipeline (default: shipped)."),
    ] = None,
) -> None:
    """Extract records from press releases and print them."""
    from .extractor import InputDoc, coerce_published  # noqa: F811 - runtime import

    try:
        coerce_published(published)
    except ValueError as err:
        raise UserError(str(err)) from None
    inputs = list(iter_extract_inputs(path, published))
    extractor = _load_extractor(model)
    console = Console()
    records = [
        item if isinstance(item, ErrorRecord) else None for item in inputs
    ]
    parsed = iter(extractor.pipe([i for i in inputs if isinstance(i, InputDoc)], errors="record"))
    records = [item if item is not None else next(parsed) for item in records]
    failures = 0
    if output_format is OutputFormat.json and len(records) == 1:
        typer.echo(json.dumps(records[0].model_dump(mode="json"), ensure_ascii=False, indent=2))
        failures = isinstance(records[0], ErrorRecord)
    else:
        for record in records:
            if isinstance(record, ErrorRecord):
                failures += 1
                print(f"pressparse: error: {record.id}: {record.error}", file=sys.stderr)
                if output_format is OutputFormat.table:
                    continue
            if output_format is OutputFormat.table:
                print_table(record, console)
            elif output_format is OutputFormat.jsonl:
                typer.echo(json.dumps(record.model_dump(mode="json"), ensure_ascii=False))
            else:
                typer.echo(json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2))
    if failures:
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold_dir: Annotated[str, typer.Argument(help="Directory of gold *.json files.")],
    pred: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Directory of predicted records <id>.json (default: run extractor)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    model: Annotated[Optional[str], typer.Option(help="Pipeline to evaluate.")] = None,  # noqa: UP045
) -> None:
    """Score the extractor (or --pred records) against gold files by the guideline."""
    from .evaluate import evaluate as run_evaluation
    from .evaluate import load_gold
    from .extractor import InputDoc

    try:
        gold = load_gold(gold_dir)
    except (FileNotFoundError, ValueError) as err:
        raise UserError(str(err)) from None
    if pred is not None:
        predictions = []
        for item in gold:
            file = Path(pred) / f"{item['id']}.json"
            if not file.exists():
                raise UserError(f"no prediction for {item['id']} in {pred}")
            predictions.append(json.loads(file.read_text(encoding="utf-8")))
    else:
        extractor = _load_extractor(model)
        inputs = [
            InputDoc(id=g["id"], text=g["text"], published=g.get("published"), title=g.get("title"))
            for g in gold
        ]
        predictions = [
            r.model_dump(mode="json") for r in extractor.pipe(inputs, errors="record")
        ]
    score = run_evaluation(gold, predictions)
    if as_json:
        typer.echo(json.dumps(score.as_dict(), indent=2))
    else:
        typer.echo(score.table())


def read_records_jsonl(path: str) -> list[PressRelease]:
    """Records from a JSON Lines file, a folder of them (a batch run's output) or '-' (stdin).

    Error records are left out.
    """
    if path == "-":
        return _parse_record_lines(sys.stdin.read().splitlines(), "stdin")
    target = Path(path)
    if target.is_dir():
        files = sorted(target.rglob("*.jsonl"))
        if not files:
            raise UserError(f"no .jsonl files in {path}")
        return [record for file in files for record in read_records_jsonl(str(file))]
    try:
        lines = target.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"cannot read {path}: {err}") from None
    return _parse_record_lines(lines, path)


def _parse_record_lines(lines: list[str], path: str) -> list[PressRelease]:
    from pydantic import ValidationError

    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if isinstance(data, dict) and "error" in data and "events" not in data:
                continue  # an ErrorRecord of a batch run
            records.append(PressRelease.model_validate(data))
        except (json.JSONDecodeError, ValidationError) as err:
            first = str(err).splitlines()[0]
            raise UserError(f"{path}:{number}: not a pressparse record: {first}") from None
    return records


@app.command()
def export(
    records_file: Annotated[
        str, typer.Argument(help="Records as JSON Lines (`extract -f jsonl`), a folder of "
                            "them (`batch --out DIR`), or '-'.")
    ],
    ical: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--ical", help="Write an iCalendar (.ics) file of the events."),
    ] = None,
    jsonld: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--jsonld", help="Write schema.org Event objects (JSON-LD list)."),
    ] = None,
) -> None:
    """Export the events of records to a calendar (.ics) and/or schema.org JSON-LD."""
    if ical is None and jsonld is None:
        raise UserError("nothing to do: give --ical OUT.ics and/or --jsonld OUT.json")
    from .export.ical import ical_export
    from .export.jsonld import records_to_jsonld

    records = read_records_jsonl(records_file)
    try:
        if ical is not None:
            result = ical_export(records)
            ical.write_text(result.text, encoding="utf-8", newline="")
            print(f"{ical}: {result.exported} events", file=sys.stderr)
            for skipped in result.skipped:
                print(f"pressparse: skipped {skipped}", file=sys.stderr)
        if jsonld is not None:
            objects = records_to_jsonld(records)
            jsonld.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
            print(f"{jsonld}: {len(objects)} events", file=sys.stderr)
    except OSError as err:
        raise UserError(f"cannot write {err.filename}: {err.strerror}") from None


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, zip/tar.gz archives: .txt, .html, .jsonl, .json, .csv, .warc(.gz), "
             "RSS/Atom.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")],
    workers: Annotated[int, typer.Option(help="Worker processes (each loads the model once).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Dask scheduler address (default: a LocalCluster on loopback)."),
    ] = None,
    resume: Annotated[bool, typer.Option(help="Skip ids already in --out; continue a run.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace existing output in --out.")] = False,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Path or name of a German spaCy pipeline (default: shipped)."),
    ] = None,
    require_ner: Annotated[bool, typer.Option(help="Refuse a base pipeline without NER.")] = True,
    max_chars: Annotated[int, typer.Option(help="Size limit per text (characters).")] = (
        DEFAULT_MAX_CHARS),
    text_field: Annotated[str, typer.Option(help="JSONL/CSV field with the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL/CSV field with the id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSONL/CSV field with the date.")] = "published",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV field with the title.")] = "title",
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="DuckDB file to append to (default: OUT/pressparse.duckdb)."),
    ] = None,
    chunk_size: Annotated[int, typer.Option(help="Documents per output part.")] = 128,
    batch_size: Annotated[int, typer.Option(help="nlp.pipe batch size.")] = 16,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Run over archives into --out: JSONL records and errors, Parquet/CSV tables, DuckDB."""
    from . import batch as batch_module
    from .io import Fields
    from .pipeline import ModelNotFoundError
    from .validation import InputError

    try:
        options = Options(model=model, require_ner=require_ner, max_chars=max_chars)
        summary = batch_module.run(
            inputs, out, workers=workers, engine=engine.value, scheduler=scheduler,
            resume=resume, overwrite=overwrite, options=options,
            fields=Fields(text=text_field, id=id_field, published=date_field, title=title_field),
            chunk_size=chunk_size, batch_size=batch_size, duckdb=db or True,
            progress=progress and sys.stderr.isatty(),
        )
    except batch_module.BatchInterrupted as err:
        print(str(err), file=sys.stderr)
        raise typer.Exit(code=1) from None
    except (batch_module.BatchError, InputError, ModelNotFoundError, ValueError) as err:
        raise UserError(str(err).splitlines()[0] if str(err) else type(err).__name__) from None
    for line in summary.lines():
        print(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app; user errors become one line on stderr and exit code 2."""
    try:
        app(args=argv, prog_name="pressparse")
    except UserError as err:
        print(f"pressparse: error: {err}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # click's standalone mode: usage errors, --help, typer.Exit
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
