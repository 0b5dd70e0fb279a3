"""Batch runs: one output line per input, resume after kills, corrupt lines, DuckDB, Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import spacy
from spacy.language import Language

from pressparse import InputDoc, Options
from pressparse import batch as batch_run
from pressparse.cli import main

#: A blank German tokenizer plus our components: no trained model needed, fast.
BLANK = Options(model="blank:de", require_ner=False)

TEMPLATE = (
    "Pressemitteilung {i}: Der Ausschuss für Umwelt und Verkehr tagt am Dienstag, "
    "{day}. März 2017, um 18 Uhr im Sitzungssaal des Rathauses, Marktplatz 1. "
    "Oberbürgermeisterin Anna Beispiel lädt alle Bürgerinnen und Bürger ein."
)


def rows(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"pm-{i}", "text": TEMPLATE.format(i=i, day=1 + i % 28),
             "published": "2017-02-20"} for i in range(start, start + n)]


def write_jsonl(path: Path, items: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in items] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def output_lines(out: Path) -> list[dict]:
    """Every line of every committed records and errors part."""
    lines = []
    for folder in ("records", "errors"):
        for part in sorted((out / folder).glob("part-*.jsonl")):
            lines.extend(json.loads(line) for line in part.read_text().splitlines())
    return lines


def assert_exactly_once(out: Path, expected_ids: set[str]) -> None:
    ids = [line["id"] for line in output_lines(out)]
    assert len(ids) == len(set(ids)), "an input appears twice"
    assert set(ids) == expected_ids


# -- happy path --------------------------------------------------------------------------------
def test_every_input_gives_one_line_and_tables(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in" / "export.jsonl", rows(9),
                ("{kaputt", json.dumps({"id": "leer", "text": "   "})))
    (tmp_path / "in" / "alt.txt").write_bytes("Am Montag öffnet das Bürgerbüro.".encode("cp1252"))
    out = tmp_path / "out"
    summary = batch_run.run([tmp_path / "in"], out, options=BLANK, chunk_size=4)
    assert (summary.documents, summary.records, summary.errors) == (12, 10, 2)
    assert summary.encodings["cp1252"] == 1
    expected = {f"pm-{i}" for i in range(9)} | {"alt", "export:10", "leer"}
    assert_exactly_once(out, expected)
    errors = {e["id"]: e["error"] for e in output_lines(out) if "error" in e}
    assert "not valid JSON" in errors["export:10"] and "empty" in errors["leer"]
    alt = next(r for r in output_lines(out) if r["id"] == "alt")
    assert "file was not UTF-8; decoded as cp1252" in alt["warnings"]

    documents = pd.read_parquet(out / "tables" / "documents")
    assert sorted(documents["doc_id"]) == sorted(expected - {"export:10", "leer"})
    dates = pd.read_parquet(out / "tables" / "dates")
    assert set(dates["doc_id"]) <= set(documents["doc_id"]) and len(dates) >= 9
    assert (out / "tables" / "events.csv").exists() and (out / "tables" / "dates.csv").exists()
    assert len(pd.read_csv(out / "tables" / "dates.csv")) == len(dates)
    with duckdb.connect(str(out / "pressparse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 10
        assert con.execute("select count(*) from errors").fetchone()[0] == 2
        assert con.execute("select count(*) from dates").fetchone()[0] == len(dates)
    stored = json.loads((out / "summary.json").read_text())
    assert stored["documents"] == 12 and stored["records"] == 10

    with pytest.raises(batch_run.BatchError, match="already holds batch output"):
        batch_run.run([tmp_path / "in"], out, options=BLANK)
    again = batch_run.run([tmp_path / "in"], out, options=BLANK, overwrite=True)
    assert again.documents == 12
    assert_exactly_once(out, expected)


def test_python_inputs_duplicates_and_two_worker_processes(tmp_path: Path) -> None:
    docs = [InputDoc(id=r["id"], text=r["text"], published=r["published"]) for r in rows(12)]
    docs.append(InputDoc(id="pm-3", text="Noch einmal dieselbe Kennung."))
    docs.append({"text": "Ein Eintrag ohne Kennung."})
    out = tmp_path / "out"
    summary = batch_run.run(docs, out, options=BLANK, workers=2, chunk_size=3)
    assert summary.documents == 14 and summary.errors == 1
    assert_exactly_once(out, {f"pm-{i}" for i in range(12)} | {"pm-3#2", "input-14"})


def test_duckdb_appends_across_runs_without_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "archive.duckdb"
    first = batch_run.run(write_jsonl(tmp_path / "a.jsonl", rows(6)), tmp_path / "o1",
                          options=BLANK, duckdb=db, csv=False)
    second = batch_run.run(write_jsonl(tmp_path / "b.jsonl", rows(7, start=3)), tmp_path / "o2",
                           options=BLANK, duckdb=db, csv=False)
    assert (first.duckdb_new_documents, second.duckdb_new_documents) == (6, 4)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("select doc_id from documents").fetchall()]
        per_doc = con.execute("select doc_id, count(*) from dates group by doc_id").fetchall()
    assert sorted(ids) == sorted(f"pm-{i}" for i in range(10))
    assert len({d for d, _ in per_doc}) == len(per_doc)
    assert len({n for _, n in per_doc}) == 1  # the same rows for every templated release


@Language.component("pp_test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component crashed")
    return doc


def test_a_failing_document_becomes_an_error_record(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("pp_test_fails_on_boom")
    nlp.to_disk(tmp_path / "model")
    docs = [InputDoc(id="a", text="Alles gut."), InputDoc(id="b", text="Hier BOOM."),
            InputDoc(id="c", text="Auch gut.")]
    options = Options(model=str(tmp_path / "model"), require_ner=False)
    summary = batch_run.run(docs, tmp_path / "out", options=options, chunk_size=10)
    assert (summary.records, summary.errors) == (2, 1)
    error = next(e for e in output_lines(tmp_path / "out") if "error" in e)
    assert error["id"] == "b" and "extractor failure: RuntimeError" in error["error"]


# -- interrupted runs --------------------------------------------------------------------------
def _wait_for_parts(out: Path, n: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(list((out / "records").glob("part-*.jsonl"))) >= n:
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.1)
    raise AssertionError(f"no {n} parts after {timeout} s")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_run_resumes_with_every_input_exactly_once(tmp_path: Path, sig: int) -> None:
    """A run reading a pipe is killed mid-way; --resume over the full file completes it."""
    items = rows(40)
    bad = "{not json"
    lines = [json.dumps(r) for r in items[:20]] + [bad] + [json.dumps(r) for r in items[20:]]
    fifo = tmp_path / "live" / "stream.jsonl"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pressparse.cli", "batch", str(fifo), "--out", str(out),
         "--model", "blank:de", "--no-require-ner", "--chunk-size", "5", "--no-progress"],
        stderr=subprocess.PIPE,
    )
    writer = os.open(fifo, os.O_WRONLY)
    try:
        os.write(writer, ("\n".join(lines[:15]) + "\n").encode())
        _wait_for_parts(out, 3, proc)
        os.write(writer, ("\n".join(lines[15:18]) + "\n").encode())  # a part in the making
        time.sleep(0.3)
        proc.send_signal(sig)
        if sig == signal.SIGTERM:  # the reader still waits on the pipe: feed it on
            time.sleep(0.3)
            os.write(writer, ("\n".join(lines[18:]) + "\n").encode())
    except BrokenPipeError:
        pass
    finally:
        os.close(writer)
    stderr = proc.communicate(timeout=120)[1].decode()
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 1 and "INTERRUPTED" in stderr
    before = {line["id"] for line in output_lines(out)}
    assert 15 <= len(before) < 41

    full = tmp_path / "file" / "stream.jsonl"
    full.parent.mkdir()
    full.write_text("\n".join(lines) + "\n")
    summary = batch_run.run(full, out, options=BLANK, resume=True, chunk_size=5)
    assert summary.skipped_existing == len(before)
    assert summary.documents == 41 - len(before)
    assert_exactly_once(out, {r["id"] for r in items} | {"stream:21"})
    assert not list(out.rglob("*.tmp"))
    with duckdb.connect(str(out / "pressparse.duckdb"), read_only=True) as con:
        (count, distinct) = con.execute(
            "select count(*), count(distinct doc_id) from "
            "(select doc_id from documents union all select doc_id from errors)").fetchone()
    assert count == distinct == 41


def test_unfinished_part_files_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch_run.run(rows(4), out, options=BLANK, chunk_size=2)
    # What a kill between the table files and the records file of part 9 leaves behind:
    (out / "tables" / "events" / "part-000009.parquet").write_bytes(b"half")
    (out / "errors").mkdir(exist_ok=True)
    (out / "errors" / "part-000009.jsonl").write_text('{"id": "x", "source": null, "error": "e"}\n')
    (out / "records" / ".part-000009.jsonl.123.tmp").write_text('{"id": "pm-0", "ev')
    summary = batch_run.run(rows(6), out, options=BLANK, chunk_size=2, resume=True)
    assert summary.documents == 2 and summary.skipped_existing == 4
    assert not (out / "tables" / "events" / "part-000009.parquet").exists()
    assert not list(out.rglob("*.tmp"))
    assert_exactly_once(out, {f"pm-{i}" for i in range(6)})


def test_corrupt_lines_are_reported_and_not_propagated(tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch_run.run(rows(6), out, options=BLANK, chunk_size=3)
    first, second = sorted((out / "records").glob("part-*.jsonl"))
    first.write_text(first.read_text() + "garbage that is not json\n")
    text = second.read_text()
    second.write_text(text[: text.rindex("{") + 40])  # last record cut in the middle
    cut_id = json.loads(text.splitlines()[-1])["id"]

    summary = batch_run.run(rows(6), out, options=BLANK, chunk_size=3, resume=True)
    assert len(summary.corrupt_lines) == 2
    assert any("not valid JSON" in c for c in summary.corrupt_lines)
    assert any("truncated" in c for c in summary.corrupt_lines)
    assert summary.documents == 1 and summary.skipped_existing == 5
    assert_exactly_once(out, {f"pm-{i}" for i in range(6)})
    quarantined = b"".join(p.read_bytes() for p in (out / "corrupt").iterdir())
    assert b"garbage" in quarantined
    documents = pd.read_parquet(out / "tables" / "documents")
    assert sorted(documents["doc_id"]) == sorted(f"pm-{i}" for i in range(6))
    dates = pd.read_parquet(out / "tables" / "dates")
    assert dates.groupby("doc_id").size().nunique() == 1  # no doubled rows for cut_id
    assert cut_id in set(dates["doc_id"])


# -- Dask and CLI ------------------------------------------------------------------------------
def test_dask_engine_on_a_loopback_local_cluster(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", rows(10), ("[1, 2]",))
    summary = batch_run.run(source, tmp_path / "out", options=BLANK, engine="dask",
                            workers=1, dask_processes=False, chunk_size=3)
    assert summary.engine == "dask" and summary.parts == 4
    assert (summary.documents, summary.records, summary.errors) == (11, 10, 1)
    assert_exactly_once(tmp_path / "out", {f"pm-{i}" for i in range(10)} | {"in:11"})
    assert len(pd.read_parquet(tmp_path / "out" / "tables" / "documents")) == 10


def test_cli_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "in.csv.jsonl", [
        {"nr": r["id"], "body": r["text"]} for r in rows(3)])
    out = tmp_path / "out"
    code = main(["batch", str(source), "--out", str(out), "--model", "blank:de",
                 "--no-require-ner", "--text-field", "body", "--id-field", "nr"])
    assert code == 0
    assert "documents: 3   records: 3   errors: 0" in capsys.readouterr().err
    assert_exactly_once(out, {"pm-0", "pm-1", "pm-2"})
    assert main(["batch", str(source), "--out", str(out), "--model", "blank:de"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--resume" in err
    assert main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o2"),
                 "--model", "blank:de", "--no-require-ner"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_words_of_later_parts_leave_the_vocabulary_but_the_warm_up_stays(tmp_path: Path) -> None:
    """Memory stays flat (memory zones) after a fixed warm-up that fills the tokenizer cache."""
    # options no other test uses: a fresh extractor with no warm-up done yet in this process
    options = Options(model="blank:de", require_ner=False, max_chars=1_000_001)
    n = batch_run.WARM_UP_DOCS + 64
    docs = [InputDoc(id=f"d{i}", text=f"Die Stadt lädt am 3. Mai ein. Zählwort{i}x ist neu.")
            for i in range(n)]
    summary = batch_run.run(docs, tmp_path / "out", options=options, chunk_size=32,
                            tables=False)
    assert summary.records == n
    strings = batch_run._worker_extractor(options).nlp.vocab.strings
    assert "Zählwort0x" in strings  # warm-up document: kept, with its cache entry
    assert f"Zählwort{n - 1}x" not in strings  # a later part's word: freed with its zone
