"""CLI behaviour that needs no model: versions, user errors as one line, evaluate --pred."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pressparse import __version__
from pressparse.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pressparse.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_version(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_commands(capsys):
    main(["--help"])
    out = capsys.readouterr().out
    assert "extract" in out and "evaluate" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "/no/such/file.txt"], "no such file or directory"),
        (["extract", "--published", "gestern", "-"], "not an ISO date"),
        (["evaluate", "/no/such/dir"], "gold directory not found"),
    ],
)
def test_user_errors_are_one_line_without_traceback(args, message):
    proc = run_cli(*args)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_option_is_a_usage_error():
    proc = run_cli("extract", "--colour", "x")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def _gold(tmp_path, doc_id, **fields):
    gold = {"id": doc_id, "text": "Text.", "people": [], "organizations": [], "venues": [],
            "dates": [], "events": [], **fields}
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gold" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return gold


def test_evaluate_with_pred_dir_prints_table_and_json(tmp_path, capsys):
    _gold(tmp_path, "a", people=[{"name": "Anna Meier", "role": "Bürgermeisterin"}],
          dates=[{"text": "24. November 2016", "type": "DATE", "value": "2016-11-24"}])
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    pred = {"people": [{"name": "Anna Meier", "role": "Bürgermeisterin"}, {"name": "Karl Berg"}],
            "dates": [{"type": "DATE", "value": "2016-11-24"}]}
    (pred_dir / "a.json").write_text(json.dumps(pred), encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "gold"), "--pred", str(pred_dir)]) == 0
    table = capsys.readouterr().out
    assert "people" in table and "role acc." in table
    assert main(["evaluate", str(tmp_path / "gold"), "--pred", str(pred_dir), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["people"]["precision"] == 0.5 and scores["people"]["recall"] == 1.0
    assert scores["dates"]["f1"] == 1.0
    assert scores["role_accuracy"]["accuracy"] == 1.0


def test_evaluate_missing_prediction_is_a_user_error(tmp_path):
    _gold(tmp_path, "a")
    (tmp_path / "pred").mkdir()
    proc = run_cli("evaluate", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"))
    assert proc.returncode == 2 and "no prediction for a" in proc.stderr
