"""Writers: JSON Lines of records and error records, flat tables as Parquet and CSV, DuckDB.

A batch output directory holds *parts*; every part is a group of documents written together:

    out/records/part-000007.jsonl           PressRelease lines (the record contract)
    out/errors/part-000007.jsonl            ErrorRecord lines {id, source, error}
    out/tables/<table>/part-000007.parquet  flat rows (events, people, ..., documents, errors)
    out/tables/<table>.csv                  all parts of a table, rebuilt at the end of a run
    out/pressparse.duckdb                   the same tables, appended without duplicate doc ids

Every file is written to a temporary name and renamed into place, and a part counts as done
only once its records file exists (written last). A killed run therefore leaves complete
lines only; whatever belonged to an unfinished part is removed on the next run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..export.frames import COLUMNS, TABLES, record_rows
from ..schema import ErrorRecord, PressRelease

#: Per-document tables besides the item tables: one row per record, one per error.
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": "str",
    "title": "str",
    "published": "str",
    "issuer": "str",
    "language": "str",
    "source": "str",
    "n_events": "int",
    "n_people": "int",
    "n_organizations": "int",
    "n_venues": "int",
    "n_dates": "int",
    "warnings": "str",
}
ERROR_COLUMNS: dict[str, str] = {"doc_id": "str", "source": "str", "error": "str"}
ALL_COLUMNS: dict[str, dict[str, str]] = {
    **COLUMNS, "documents": DOCUMENT_COLUMNS, "errors": ERROR_COLUMNS,
}
STORE_TABLES: tuple[str, ...] = ("documents", "errors", *TABLES)

#: DuckDB streams the parts; a small, single-threaded budget keeps the end of a run as lean
#: as the run itself (DuckDB would otherwise take up to 80% of RAM and every core).
_DUCKDB_CONFIG = {"threads": 1, "memory_limit": "256MB", "preserve_insertion_order": False}

_PART = re.compile(r"^part-(\d{6})\.(jsonl|parquet)$")


def part_name(number: int, suffix: str) -> str:
    return f"part-{number:06d}.{suffix}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary sibling, fsync, rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def jsonl_bytes(items: Iterable[Mapping[str, Any]]) -> bytes:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode()


def write_jsonl(records: Iterable[PressRelease | ErrorRecord | Mapping[str, Any]],
                path: str | Path) -> int:
    """Write records (or error records) as JSON Lines atomically; return the line count."""
    dumped = [r.model_dump(mode="json") if hasattr(r, "model_dump") else dict(r)
              for r in records]
    atomic_write(Path(path), jsonl_bytes(dumped))
    return len(dumped)


# -- Arrow ----------------------------------------------------------------------------------
def _arrow_type(kind: str):
    import pyarrow as pa

    return {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
        "datetime": pa.timestamp("us"),
    }.get(kind, pa.string())


def arrow_schema(table: str):
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in ALL_COLUMNS[table].items()])


def _to_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    text = re.sub(r"(?:Z|[+-]\d\d:?\d\d)$", "", str(value))
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def rows_to_arrow(table: str, rows: list[dict[str, Any]]):
    """An Arrow table with the fixed schema of `table`, so every part has the same columns."""
    import pyarrow as pa

    columns = ALL_COLUMNS[table]
    data = {}
    for name, kind in columns.items():
        values = [row.get(name) for row in rows]
        if kind == "datetime":
            values = [_to_datetime(v) for v in values]
        data[name] = values
    return pa.table(data, schema=arrow_schema(table))


def document_row(record: Mapping[str, Any], source: str | None) -> dict[str, Any]:
    return {
        "doc_id": record.get("id"),
        "title": record.get("title"),
        "published": record.get("published"),
        "issuer": record.get("issuer"),
        "language": record.get("language"),
        "source": source,
        **{f"n_{name}": len(record.get(name) or []) for name in
           ("events", "people", "organizations", "venues", "dates")},
        "warnings": " | ".join(record.get("warnings") or []) or None,
    }


def table_rows(records: list[dict[str, Any]], errors: list[dict[str, Any]],
               sources: Mapping[str, str | None] | None = None) -> dict[str, list[dict]]:
    """Rows of every store table for one part's records and error records."""
    sources = sources or {}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in STORE_TABLES}
    for record in records:
        rows["documents"].append(document_row(record, sources.get(record.get("id"))))
        for name, items in record_rows(record).items():
            rows[name].extend(items)
    rows["errors"] = [
        {"doc_id": e.get("id"), "source": e.get("source"), "error": e.get("error")}
        for e in errors
    ]
    return rows


def write_parquet(table: str, rows: list[dict[str, Any]], path: str | Path) -> None:
    """One flat table as a Parquet file (atomically)."""
    import pyarrow.parquet as pq

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(rows_to_arrow(table, rows), tmp)
    os.replace(tmp, target)


def write_tables(records: Iterable[PressRelease | Mapping[str, Any]], directory: str | Path,
                 formats: tuple[str, ...] = ("parquet", "csv")) -> dict[str, Path]:
    """Write the flat tables of `records` as ``<table>.parquet`` / ``<table>.csv`` files."""
    dumped = [r.model_dump(mode="json") if hasattr(r, "model_dump") else dict(r)
              for r in records]
    good = [r for r in dumped if "error" not in r]
    bad = [r for r in dumped if "error" in r]
    rows = table_rows(good, bad)
    written: dict[str, Path] = {}
    for table, table_rows_ in rows.items():
        if "parquet" in formats:
            written[f"{table}.parquet"] = Path(directory) / f"{table}.parquet"
            write_parquet(table, table_rows_, written[f"{table}.parquet"])
        if "csv" in formats:
            frame = rows_to_arrow(table, table_rows_).to_pandas()
            target = Path(directory) / f"{table}.csv"
            atomic_write(target, frame.to_csv(index=False).encode())
            written[f"{table}.csv"] = target
    return written


# -- batch output directories -------------------------------------------------------------------
@dataclass
class PartData:
    """What a worker produced for one part, ready to be written."""

    number: int
    records: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    sources: dict[str, str | None] = field(default_factory=dict)


class BatchStore:
    """The layout of a batch output directory (see the module docstring)."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.records_dir = self.out / "records"
        self.errors_dir = self.out / "errors"
        self.tables_dir = self.out / "tables"

    def has_output(self) -> bool:
        return self.records_dir.exists() and any(self.records_dir.glob("part-*.jsonl"))

    def write_part(self, part: PartData, tables: bool = True) -> None:
        """Errors and tables first, records last: the records file commits the part."""
        if tables:
            for table, rows in table_rows(part.records, part.errors, part.sources).items():
                write_parquet(table, rows, self.tables_dir / table / part_name(part.number,
                                                                            "parquet"))
        if part.errors:
            atomic_write(self.errors_dir / part_name(part.number, "jsonl"),
                         jsonl_bytes(part.errors))
        atomic_write(self.records_dir / part_name(part.number, "jsonl"),
                     jsonl_bytes(part.records))

    # -- resume -------------------------------------------------------------------------------
    def committed_parts(self) -> set[int]:
        return {int(m.group(1)) for p in self.records_dir.glob("part-*.jsonl")
                if (m := _PART.match(p.name))}

    def _part_files(self) -> list[tuple[int, Path]]:
        files = []
        for directory in [self.records_dir, self.errors_dir,
                          *(self.tables_dir / t for t in STORE_TABLES)]:
            for path in directory.glob("part-*"):
                match = _PART.match(path.name)
                if match:
                    files.append((int(match.group(1)), path))
        return files

    def clean_unfinished(self) -> int:
        """Delete temporary files and files of parts whose records file never appeared."""
        removed = 0
        for tmp in self.out.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
        committed = self.committed_parts()
        for number, path in self._part_files():
            if number not in committed:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def next_part(self) -> int:
        numbers = [n for n, _ in self._part_files()]
        return max(numbers, default=-1) + 1

    def scan(self) -> ScanResult:
        """Ids already written, and lines that are not valid records (reported, quarantined).

        A corrupt line (truncated, not JSON, no id) is moved out of its part into
        ``out/corrupt/`` and its document's table rows are dropped, so the document is
        processed again on resume and nothing broken reaches the tables or DuckDB.
        """
        result = ScanResult()
        for directory, kind in ((self.records_dir, "records"), (self.errors_dir, "errors")):
            for path in sorted(directory.glob("part-*.jsonl")):
                self._scan_file(path, kind, result)
        return result

    def _scan_file(self, path: Path, kind: str, result: ScanResult) -> None:
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        good: list[bytes] = []
        bad: list[tuple[int, bytes, str]] = []
        for number, line in enumerate(lines, start=1):
            reason = _line_problem(line, kind)
            if reason:
                bad.append((number, line, reason))
                continue
            doc_id = json.loads(line)["id"]
            if doc_id in result.done:
                bad.append((number, line, f"duplicate id {doc_id!r}"))
                continue
            result.done.add(doc_id)
            good.append(line)
            result.counts[kind] += 1
        if tail:
            bad.append((len(lines) + 1, tail, "truncated last line (no newline)"))
        if not bad:
            return
        for number, _line, reason in bad:
            result.corrupt.append(f"{path.relative_to(self.out)}:{number}: {reason}")
        quarantine = self.out / "corrupt" / f"{kind}-{path.name}"
        atomic_write(quarantine, (quarantine.read_bytes() if quarantine.exists() else b"")
                     + b"".join(line + b"\n" for _, line, _ in bad))
        atomic_write(path, b"".join(line + b"\n" for line in good))
        match = _PART.match(path.name)
        if match:
            self._drop_table_rows(int(match.group(1)), kind, good)

    def _drop_table_rows(self, number: int, kind: str, kept_lines: list[bytes]) -> None:
        """Keep only rows of documents whose line survived in this part."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        other = self.errors_dir if kind == "records" else self.records_dir
        keep = {json.loads(line)["id"] for line in kept_lines}
        other_file = other / part_name(number, "jsonl")
        if other_file.exists():
            for line in other_file.read_bytes().splitlines():
                if not _line_problem(line, "errors" if kind == "records" else "records"):
                    keep.add(json.loads(line)["id"])
        for table in STORE_TABLES:
            path = self.tables_dir / table / part_name(number, "parquet")
            if not path.exists():
                continue
            data = pq.read_table(path)
            mask = pc.is_in(data["doc_id"], value_set=_string_array(sorted(keep)))
            filtered = data.filter(mask)
            if filtered.num_rows != data.num_rows:
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                pq.write_table(filtered, tmp)
                os.replace(tmp, path)

    # -- end of run --------------------------------------------------------------------------
    def table_parts(self, table: str) -> list[Path]:
        return sorted((self.tables_dir / table).glob("part-*.parquet"))

    def write_csv(self) -> list[Path]:
        """One CSV per table from all its parts (rebuilt each run, atomically)."""
        import duckdb

        written = []
        with duckdb.connect(config=_DUCKDB_CONFIG) as con:
            for table in STORE_TABLES:
                parts = self.table_parts(table)
                if not parts:
                    continue
                target = self.tables_dir / f"{table}.csv"
                tmp = target.with_name(f".{target.name}.tmp")
                con.execute(
                    f"COPY (SELECT * FROM read_parquet(?, union_by_name=true)) "
                    f"TO '{_sql_path(tmp)}' (HEADER, DELIMITER ',')",
                    [[str(p) for p in parts]],
                )
                os.replace(tmp, target)
                written.append(target)
        return written

    def write_duckdb(self, db_path: str | Path | None = None) -> DuckDBResult:
        """Append this directory's tables to a DuckDB file, skipping doc ids it already has."""
        import duckdb

        target = Path(db_path) if db_path else self.out / "pressparse.duckdb"
        target.parent.mkdir(parents=True, exist_ok=True)
        result = DuckDBResult(path=target)
        with duckdb.connect(str(target), config=_DUCKDB_CONFIG) as con:
            for table in STORE_TABLES:
                columns = ", ".join(
                    f'"{name}" {_duck_type(kind)}' for name, kind in ALL_COLUMNS[table].items()
                )
                con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({columns})')
            doc_parts = self.table_parts("documents") + self.table_parts("errors")
            if not doc_parts:
                return result
            con.execute("BEGIN TRANSACTION")
            con.execute(
                "CREATE TEMP TABLE new_ids AS SELECT DISTINCT doc_id FROM "
                "read_parquet(?, union_by_name=true) WHERE doc_id NOT IN "
                "(SELECT doc_id FROM documents UNION ALL SELECT doc_id FROM errors)",
                [[str(p) for p in doc_parts]],
            )
            result.new_documents = con.execute("SELECT count(*) FROM new_ids").fetchone()[0]
            for table in STORE_TABLES:
                parts = self.table_parts(table)
                if not parts:
                    continue
                con.execute(
                    f'INSERT INTO "{table}" BY NAME SELECT * FROM '
                    "read_parquet(?, union_by_name=true) WHERE doc_id IN "
                    "(SELECT doc_id FROM new_ids)",
                    [[str(p) for p in parts]],
                )
            con.execute("DROP TABLE new_ids")
            con.execute("COMMIT")
        return result


@dataclass
class ScanResult:
    done: set[str] = field(default_factory=set)
    corrupt: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"records": 0, "errors": 0})


@dataclass
class DuckDBResult:
    path: Path
    new_documents: int = 0


def _line_problem(line: bytes, kind: str) -> str | None:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "not valid JSON"
    if not isinstance(obj, dict):
        return "not a JSON object"
    if not isinstance(obj.get("id"), str):
        return "no document id"
    if kind == "errors" and "error" not in obj:
        return "error record without 'error'"
    if kind == "records" and "events" not in obj:
        return "record without 'events'"
    return None


def _string_array(values: list[str]):
    import pyarrow as pa

    return pa.array(values, type=pa.string())


def _duck_type(kind: str) -> str:
    return {"int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
            "datetime": "TIMESTAMP"}.get(kind, "VARCHAR")


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
