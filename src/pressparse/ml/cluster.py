"""Brown-cluster token features for the ``de_pressparse`` tok2vec.

The table comes from spacy-lookups-data (``de_lexeme_cluster`` + ``de_lexeme_prob``), is
restricted at training time to frequent words and the training vocabulary, and lives in the
model's ``vocab.lookups`` under :data:`TABLE_NAME`, so the shipped model needs neither
spacy-lookups-data nor any file outside the model directory.

A table value packs ``cluster | prob_bucket << 16``. The cluster integer stores the Brown
path bit-reversed (spaCy's convention), so the low ``k`` bits are the first ``k`` steps of the
path: masking gives the coarse-to-fine cluster prefixes used as separate hashed features.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy
from spacy.attrs import intify_attr
from spacy.lookups import Lookups, Table
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

TABLE_NAME = "pressparse_cluster"
CLUSTER_BITS = 16
PROB_SHIFT = 16
MAX_PROB_BUCKET = 31
# Column value for a word that has no entry in the table.
UNKNOWN = numpy.uint64(1 << 40)


def pack(cluster: int, log_prob: float) -> int:
    """Pack a cluster id and a log probability into one table value."""
    bucket = min(MAX_PROB_BUCKET, max(0, int(-log_prob)))
    return (cluster & ((1 << CLUSTER_BITS) - 1)) | (bucket << PROB_SHIFT)


def build_table(
    clusters: dict[str, int],
    probs: dict[str, float],
    keep: Iterable[str],
    top_n: int,
) -> Table:
    """Compact table: the ``top_n`` most probable words plus every word in ``keep``.

    ``keep`` is the training vocabulary; words are also looked up lower-cased so that
    sentence-initial capitals find their entry.
    """
    ranked = sorted(clusters, key=lambda w: probs.get(w, -99.0), reverse=True)[:top_n]
    wanted = set(ranked)
    for w in keep:
        if w in clusters:
            wanted.add(w)
        lw = w.lower()
        if lw in clusters:
            wanted.add(lw)
    table = Table(name=TABLE_NAME)
    for w in sorted(wanted):
        table[w] = pack(clusters[w], probs.get(w, -30.0))
    return table


def set_table(lookups: Lookups, table: Table) -> None:
    """Install ``table`` in ``lookups`` (replacing an older one)."""
    if lookups.has_table(TABLE_NAME):
        lookups.remove_table(TABLE_NAME)
    lookups.set_table(TABLE_NAME, table)


def cluster_columns(value: int | None, prefix_bits: Sequence[int]) -> list[numpy.uint64]:
    """Feature values for one token: one column per prefix length, then the prob bucket."""
    if value is None:
        return [UNKNOWN] * (len(prefix_bits) + 1)
    cluster = value & ((1 << CLUSTER_BITS) - 1)
    cols = [numpy.uint64(cluster & ((1 << k) - 1)) for k in prefix_bits]
    cols.append(numpy.uint64(value >> PROB_SHIFT))
    return cols


def _lookup(table: Table | None, token) -> int | None:
    if table is None:
        return None
    value = table.get(token.orth)
    if value is None:
        value = table.get(token.lower)
    return value


def ClusterFeatureExtractor(
    attrs: Sequence[str | int], prefix_bits: Sequence[int]
) -> Model[list[Doc], list[Ints2d]]:
    """Lexical attributes (like spaCy's FeatureExtractor) plus cluster/prob columns."""
    attr_ids = [intify_attr(a) for a in attrs]
    return Model(
        "pressparse_cluster_features",
        _features_forward,
        attrs={"attr_ids": attr_ids, "prefix_bits": list(prefix_bits)},
    )


def _features_forward(model: Model, docs: list[Doc], is_train: bool):
    attr_ids = model.attrs["attr_ids"]
    prefix_bits = model.attrs["prefix_bits"]
    n_extra = len(prefix_bits) + 1
    out = []
    cache: dict[int, list[numpy.uint64]] = {}
    for doc in docs:
        base = doc.to_array(attr_ids)
        if base.ndim == 1:
            base = base.reshape((-1, len(attr_ids)))
        lookups = doc.vocab.lookups
        table = lookups.get_table(TABLE_NAME) if lookups.has_table(TABLE_NAME) else None
        extra = numpy.zeros((len(doc), n_extra), dtype="uint64")
        for i, token in enumerate(doc):
            cols = cache.get(token.orth)
            if cols is None:
                cols = cluster_columns(_lookup(table, token), prefix_bits)
                cache[token.orth] = cols
            extra[i] = cols
        arr = numpy.hstack([base.astype("uint64"), extra])
        out.append(model.ops.asarray2i(arr, dtype="uint64"))
    return out, lambda d_out: []


@registry.architectures("pressparse.ClusterEmbed.v1")
def ClusterEmbed(
    width: int,
    attrs: list[str],
    rows: list[int],
    prefix_bits: list[int],
    cluster_rows: list[int],
    prob_rows: int,
) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed with Brown-cluster prefixes and a word-probability bucket.

    Each lexical attribute, each cluster prefix length and the probability bucket gets its
    own hash-embedding table; a Maxout layer mixes the concatenation down to ``width``.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows vs {len(attrs)} attrs")
    if len(cluster_rows) != len(prefix_bits):
        raise ValueError("cluster_rows needs one entry per prefix_bits entry")
    all_rows = [*rows, *cluster_rows, prob_rows]
    embeddings = [
        HashEmbed(width, n, column=i, seed=101 + i, dropout=0.0) for i, n in enumerate(all_rows)
    ]
    max_out = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(
        ClusterFeatureExtractor(attrs, prefix_bits),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        max_out,
        ragged2list(),
    )
