"""Wall time of each notebook in notebooks/, executed as a user would (kernel ``python3``).

The notebooks issue asks for under a minute per notebook on data/samples/. The test suite
only checks that they run; this prints the times::

    python benchmarks/notebooks.py

Figures and pages the notebooks would save into docs/ go to a temporary folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
TARGET_S = 60.0


def run(path: Path) -> float:
    """Execute one notebook and return its wall time in seconds."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.execute()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as docs_dir:
        os.environ["PRESSPARSE_DOCS_DIR"] = docs_dir
        print(f"{'notebook':32} {'seconds':>8}  target < {TARGET_S:.0f} s")
        for path in sorted(NOTEBOOK_DIR.glob("*.ipynb")):
            seconds = run(path)
            verdict = "ok" if seconds < TARGET_S else "SLOW"
            print(f"{path.name:32} {seconds:8.1f}  {verdict}")


if __name__ == "__main__":
    main()
