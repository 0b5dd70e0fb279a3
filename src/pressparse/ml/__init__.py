"""Custom model layers for ``de_pressparse``.

Importing this package registers ``pressparse.ClusterEmbed.v1`` (architecture) and
``pressparse.install_cluster_table.v1`` (an ``[initialize.before_init]`` callback used only
while training).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.lookups import Table
from spacy.util import registry

from .cluster import TABLE_NAME, ClusterEmbed, build_table, pack, set_table

__all__ = [
    "TABLE_NAME",
    "ClusterEmbed",
    "build_table",
    "install_cluster_table",
    "pack",
    "set_table",
]


@registry.callbacks("pressparse.install_cluster_table.v1")
def install_cluster_table(path: str):
    """Before initialisation, put the compact cluster table (written by training/train.py)
    into ``nlp.vocab.lookups`` so that it is saved inside the model."""

    def before_init(nlp: Language) -> Language:
        table = Table(name=TABLE_NAME).from_bytes(Path(path).read_bytes())
        set_table(nlp.vocab.lookups, table)
        return nlp

    return before_init
