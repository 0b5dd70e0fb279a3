"""Fewer cyclic garbage collections while a stream of documents is analysed.

Extraction makes a few hundred short-lived container objects per release (words, candidates,
records) and keeps long-lived ones (lexicons, caches, the model). With CPython's default
first threshold (700 allocations) the collector runs every few releases and, every tenth
time, walks the middle generation too: about 0.18 ms per release, 6% of what pressparse
adds to the bare model (`benchmarks/throughput.py`; measured in alternating blocks in one
process). Almost nothing we allocate is cyclic garbage, so collecting less often loses
nothing: with a first threshold of 20,000 the collector's time falls to about 0.03 ms per
release.

The threshold is process-wide, so `fewer_collections` raises it only while a stream is being
consumed and puts the caller's setting back afterwards. A threshold that is already higher,
or a disabled collector (threshold 0), is left alone.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: First-generation threshold while a stream of documents is analysed (CPython: 700).
STREAM_THRESHOLD = 20_000


@contextmanager
def fewer_collections(threshold: int = STREAM_THRESHOLD) -> Iterator[None]:
    """Raise the collector's first threshold to ``threshold`` for the ``with`` block."""
    old = gc.get_threshold()
    if old[0] == 0 or old[0] >= threshold:
        yield
        return
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        # another stream may have changed it meanwhile: restore only our own setting
        if gc.get_threshold()[0] == threshold:
            gc.set_threshold(*old)
