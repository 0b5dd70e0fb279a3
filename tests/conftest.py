"""Shared fixtures: the full pipeline is loaded once per test session."""

from __future__ import annotations

import pytest

from pressparse.pipeline import shipped_model_path


@pytest.fixture(scope="session")
def extractor():
    """The default Extractor (shipped model + every component), loaded once."""
    if not (shipped_model_path() / "config.cfg").exists():
        pytest.fail(f"the shipped model is missing at {shipped_model_path()}")
    import pressparse

    return pressparse.load()
