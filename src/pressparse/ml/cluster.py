"""Brown-cluster token features for the ``de_pressparse`` tok2vec.

The table comes from spacy-lookups-data (``de_lexeme_cluster`` + ``de_lexeme_prob``), is
restricted at training time to frequent words and the training vocabulary, and lives in the
model's ``vocab.lookups`` under :data:`TABLE_NAME`, so the shipped model needs neither
spacy-lookups-data nor any file outside the model directory.

A table value packs ``cluster | prob_bucket << 16 | gazetteer_bits << 24``. The cluster
integer stores the Brown path bit-reversed (spaCy's convention), so the low ``k`` bits are the
first ``k`` steps of the path: masking gives the coarse-to-fine cluster prefixes used as
separate hashed features. ``pressparse.ClusterEmbed.v2`` adds the gazetteer bits (surname,
German place, country: see ``training/gazetteers.py``) as one more feature; a word known only
from a gazetteer carries :data:`NO_CLUSTER` and gets the unknown cluster columns.
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
GAZ_SHIFT = 24
GAZ_BITS = 0x3F
#: Flag for table entries that exist only for their gazetteer bits.
NO_CLUSTER = 1 << 31
# Column value for a word that has no entry in the table.
UNKNOWN = numpy.uint64(1 << 40)


def pack(cluster: int | None, log_prob: float, gazetteer: int = 0) -> int:
    """Pack a cluster id (None: no cluster), a log probability and gazetteer bits."""
    if cluster is None:
        return NO_CLUSTER | ((gazetteer & GAZ_BITS) << GAZ_SHIFT)
    bucket = min(MAX_PROB_BUCKET, max(0, int(-log_prob)))
    return ((cluster & ((1 << CLUSTER_BITS) - 1)) | (bucket << PROB_SHIFT)
            | ((gazetteer & GAZ_BITS) << GAZ_SHIFT))


def build_table(
    clusters: dict[str, int],
    probs: dict[str, float],
    keep: Iterable[str],
    top_n: int,
    gazetteer: dict[str, int] | None = None,
) -> Table:
    """Compact table: the ``top_n`` most probable words plus every word in ``keep``.

    ``keep`` is the training vocabulary; words are also looked up lower-cased so that
    sentence-initial capitals find their entry. ``gazetteer`` maps word forms to bit flags;
    every gazetteer word gets an entry (with the cluster of its lower-cased form if only that
    has one), so rare surnames and villages carry their flag even without a cluster.
    """
    gazetteer = gazetteer or {}
    ranked = sorted(clusters, key=lambda w: probs.get(w, -99.0), reverse=True)[:top_n]
    wanted = set(ranked)
    for w in keep:
        if w in clusters:
            wanted.add(w)
        lw = w.lower()
        if lw in clusters:
            wanted.add(lw)
    table = Table(name=TABLE_NAME)
    for w in sorted(wanted | set(gazetteer)):
        source = w if w in clusters else w.lower() if w.lower() in clusters else None
        cluster = clusters[source] if source is not None else None
        table[w] = pack(cluster, probs.get(source or w, -30.0), gazetteer.get(w, 0))
    return table


def set_table(lookups: Lookups, table: Table) -> None:
    """Install ``table`` in ``lookups`` (replacing an older one)."""
    if lookups.has_table(TABLE_NAME):
        lookups.remove_table(TABLE_NAME)
    lookups.set_table(TABLE_NAME, table)


def cluster_columns(
    value: int | None, prefix_bits: Sequence[int], gazetteer: bool = False
) -> list[numpy.uint64]:
    """Feature values for one token: one column per prefix length, the prob bucket, and
    (``gazetteer``) the gazetteer bits."""
    gaz = [numpy.uint64(((value or 0) >> GAZ_SHIFT) & GAZ_BITS)] if gazetteer else []
    if value is None or value & NO_CLUSTER:
        return [UNKNOWN] * (len(prefix_bits) + 1) + gaz
    cluster = value & ((1 << CLUSTER_BITS) - 1)
    cols = [numpy.uint64(cluster & ((1 << k) - 1)) for k in prefix_bits]
    cols.append(numpy.uint64((value >> PROB_SHIFT) & MAX_PROB_BUCKET))
    return cols + gaz


def _lookup(table: Table | None, token) -> int | None:
    if table is None:
        return None
    value = table.get(token.orth)
    if value is None:
        value = table.get(token.lower)
    return value


def ClusterFeatureExtractor(
    attrs: Sequence[str | int], prefix_bits: Sequence[int], gazetteer: bool = False
) -> Model[list[Doc], list[Ints2d]]:
    """Lexical attributes (like spaCy's FeatureExtractor) plus cluster/prob(/gazetteer)
    columns."""
    attr_ids = [intify_attr(a) for a in attrs]
    return Model(
        "pressparse_cluster_features",
        _features_forward,
        attrs={"attr_ids": attr_ids, "prefix_bits": list(prefix_bits), "gazetteer": gazetteer},
    )


def _features_forward(model: Model, docs: list[Doc], is_train: bool):
    attr_ids = model.attrs["attr_ids"]
    prefix_bits = model.attrs["prefix_bits"]
    gazetteer = model.attrs.get("gazetteer", False)
    n_extra = len(prefix_bits) + 1 + int(gazetteer)
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
                cols = cluster_columns(_lookup(table, token), prefix_bits, gazetteer)
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
    return _cluster_embed(width, attrs, rows, prefix_bits, cluster_rows, prob_rows, 0)


@registry.architectures("pressparse.ClusterEmbed.v2")
def ClusterEmbedGazetteer(
    width: int,
    attrs: list[str],
    rows: list[int],
    prefix_bits: list[int],
    cluster_rows: list[int],
    prob_rows: int,
    gazetteer_rows: int,
) -> Model[list[Doc], list[Floats2d]]:
    """ClusterEmbed.v1 plus one hash-embedding table for the gazetteer bits of each word."""
    return _cluster_embed(width, attrs, rows, prefix_bits, cluster_rows, prob_rows,
                          gazetteer_rows)


def _cluster_embed(width: int, attrs: list[str], rows: list[int], prefix_bits: list[int],
                   cluster_rows: list[int], prob_rows: int, gazetteer_rows: int
                   ) -> Model[list[Doc], list[Floats2d]]:
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows vs {len(attrs)} attrs")
    if len(cluster_rows) != len(prefix_bits):
        raise ValueError("cluster_rows needs one entry per prefix_bits entry")
    all_rows = [*rows, *cluster_rows, prob_rows] + ([gazetteer_rows] if gazetteer_rows else [])
    embeddings = [
        HashEmbed(width, n, column=i, seed=101 + i, dropout=0.0) for i, n in enumerate(all_rows)
    ]
    max_out = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(
        ClusterFeatureExtractor(attrs, prefix_bits, gazetteer=bool(gazetteer_rows)),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        max_out,
        ragged2list(),
    )
