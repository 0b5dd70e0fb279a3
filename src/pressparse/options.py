"""One options object for the Python API and the CLI (flags map onto these fields)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: Default size limit: well above any real release (the longest we have seen are ~30k chars).
#: Longer texts are analysed in chunks of at most this size, which also bounds the cost of
#: rules that grow faster than linearly with the size of one Doc (docs/robustness.md).
DEFAULT_MAX_CHARS = 100_000


class Options(BaseModel):
    """Settings of an `Extractor`; `pressparse.load(**options)` and CLI flags fill the same object."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | Path | None = Field(
        default=None,
        description="None = the shipped de_pressparse pipeline; else a path or an installed "
        "German spaCy pipeline name.",
    )
    disable: tuple[str, ...] = Field(
        default=(), description="pipeline components to leave out (e.g. 'pressparse_events')."
    )
    max_chars: int = Field(
        default=DEFAULT_MAX_CHARS,
        gt=0,
        description="texts longer than this are processed in chunks (or rejected if "
        "chunking is off); never silently truncated.",
    )
    chunk_long_texts: bool = Field(
        default=True, description="process over-long texts in paragraph chunks."
    )
    check_language: bool = Field(
        default=True, description="warn on the record when the text does not look German."
    )
    require_ner: bool = Field(
        default=True,
        description="refuse base pipelines without an NER component (no silent fallback).",
    )
    components: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="config overrides per component factory, e.g. "
        "{'pressparse_events': {'lexicon_paths': ['my_triggers.tsv']}}.",
    )
