"""Execute every notebook in notebooks/ as a user would (kernel ``python3`` of this venv).

Notebooks run on data/samples/ only. Figures and pages they would save into docs/ go to a
temporary folder (``PRESSPARSE_DOCS_DIR``) here. `HANG_GUARD_S` only stops a hung cell; how
long each notebook takes is measured by ``benchmarks/notebooks.py``, not asserted here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

#: Notebooks not executed by the suite, with the reason (keep empty unless unavoidable).
SKIP: dict[str, str] = {}

#: Files a notebook must have written into PRESSPARSE_DOCS_DIR, and text each must contain.
EXPECTED_FILES: dict[str, dict[str, bytes]] = {
    "01_quickstart.ipynb": {"record.html": b'class="pp-event"'},
    "02_archive_explorer.ipynb": {"timeline.png": b"\x89PNG"},
}

#: Per-cell limit that stops a hung kernel; never a timing assertion.
HANG_GUARD_S = 600


def test_notebooks_are_present_and_not_all_skipped():
    names = {path.name for path in NOTEBOOKS}
    assert {"01_quickstart.ipynb", "02_archive_explorer.ipynb", "03_custom_rules.ipynb"} <= names
    assert names - set(SKIP), "every notebook is skipped"
    assert set(SKIP) <= names and set(EXPECTED_FILES) <= names


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    if path.name in SKIP:
        pytest.skip(SKIP[path.name])
    monkeypatch.setenv("PRESSPARSE_DOCS_DIR", str(tmp_path))
    notebook = nbformat.read(path, as_version=4)
    # fail loudly if the "python3" kernel is not this interpreter (another venv, a system python)
    guard = nbformat.v4.new_code_cell(
        f"import sys\nassert sys.prefix == {sys.prefix!r}, sys.prefix"
    )
    notebook.cells.insert(0, guard)
    client = NotebookClient(notebook, timeout=HANG_GUARD_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [
        output for cell in notebook.cells if cell.cell_type == "code"
        for output in cell.get("outputs", []) if output.get("output_type") == "error"
    ]
    assert not errors
    for name, content in EXPECTED_FILES.get(path.name, {}).items():
        written = tmp_path / name
        assert written.is_file(), f"{path.name} did not write {name}"
        assert content in written.read_bytes()
