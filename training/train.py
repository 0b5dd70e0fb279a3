"""Reproduce the shipped ``de_pressparse`` model from the corpus directory.

    python training/train.py --corpora ../shared/corpora --out training/output/de_pressparse

Steps (all seeds fixed): convert the corpora to DocBins (``convert.py``), build the compact
Brown-cluster table, ``spacy train`` tok2vec+NER with ``configs/de_pressparse.cfg``, then
assemble the final pipeline (rule-based sentence splitter, lookup lemmatizer with the table
stored inside the model), evaluate it (``benchmarks/model_benchmark.py``) and write
``meta.json``. ``--install`` copies the result to ``src/pressparse/models/de_pressparse``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import time
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "benchmarks"))

import convert  # noqa: E402
import gazetteers  # noqa: E402

import pressparse.lang.de  # noqa: E402,F401  (registers tokenizer + sentence factory)
import pressparse.ml  # noqa: E402,F401  (registers ClusterEmbed + table callback)
from pressparse.lang.de.tokenizer import build_tokenizer  # noqa: E402
from pressparse.ml import build_table  # noqa: E402

INSTALL_DIR = REPO / "src" / "pressparse" / "models" / "de_pressparse"

SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), test split; 1,000 sentences held out for evaluation",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "D. Benikova, C. Biemann, M. Reznicek et al. (LREC 2014 / KONVENS 2014)",
    },
    {
        "name": "DFKI SmartData corpus v1 (v3 dev/test documents removed)",
        "url": "https://github.com/DFKI-NLP/smartdata-corpus",
        "license": "CC BY 4.0",
        "author": "M. Schiersch, V. Mironova, M. Schmitt, P. Thomas, A. Gabryszak, L. Hennig (LREC 2018)",
    },
    {
        "name": "DFKI MobIE corpus (NER train split)",
        "url": "https://github.com/DFKI-NLP/MobIE",
        "license": "CC BY 4.0",
        "author": "L. Hennig, P. T. Truong, A. Gabryszak (KONVENS 2021)",
    },
    {
        "name": "German LER, Legal Entity Recognition (down-sampled, coarse labels)",
        "url": "https://github.com/elenanereiss/Legal-Entity-Recognition",
        "license": "CC BY 4.0",
        "author": "E. Leitner, G. Rehm, J. Moreno-Schneider (SEMANTiCS 2019, LREC 2020)",
    },
    {
        "name": "spacy-lookups-data: German lemma lookup table, Brown clusters and word probabilities",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT (package); German lemma table from Michal Boleslav Měchura's lemmatization lists (ODbL)",
        "author": "Explosion AI and contributors",
    },
]


def conversion_nlp() -> spacy.Language:
    nlp = spacy.blank(
        "de", config={"nlp": {"tokenizer": {"@tokenizers": "pressparse.german_tokenizer.v1"}}}
    )
    nlp.add_pipe("pressparse_sentences")
    return nlp


def write_cluster_table(corpus: Path, path: Path, top_n: int,
                        gazetteer: dict[str, int] | None = None) -> int:
    import spacy_lookups_data

    with gzip.open(spacy_lookups_data.get_file("de_lexeme_cluster.json.gz")) as fh:
        clusters = json.load(fh)
    with gzip.open(spacy_lookups_data.get_file("de_lexeme_prob.json.gz")) as fh:
        probs = json.load(fh)
    keep = convert.corpus_words([corpus / "train.spacy"])
    table = build_table(clusters, probs, keep, top_n=top_n, gazetteer=gazetteer)
    path.write_bytes(table.to_bytes())
    return len(table)


def assemble(model_best: Path, out: Path, replace_tokenizer: bool) -> spacy.Language:
    """Add sentence splitter and lookup lemmatizer to the trained tok2vec+NER pipeline."""
    nlp = spacy.load(model_best)
    if replace_tokenizer:
        nlp.tokenizer = build_tokenizer(nlp)
        nlp._config["nlp"]["tokenizer"] = {"@tokenizers": "pressparse.german_tokenizer.v1"}
    if "pressparse_sentences" not in nlp.pipe_names:
        nlp.add_pipe("pressparse_sentences", first=True)
    if "pressparse_lemmatizer" not in nlp.pipe_names:
        nlp.add_pipe("pressparse_lemmatizer").initialize()
    return nlp


def prune_strings(nlp: spacy.Language) -> None:
    """Drop the ~130k training-corpus strings from the vocab before saving.

    No component needs them (features are hashes, the lemmatizer and cluster table carry
    their own keys); they only cost load time. Verified: identical NER output before/after.
    """
    labels = sorted(nlp.get_pipe("ner").labels)
    nlp.vocab.strings._reset_and_load(labels)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpora", type=Path, required=True, help="the shared corpus directory")
    ap.add_argument("--out", type=Path, required=True, help="working/output directory")
    ap.add_argument("--config", type=Path, default=HERE / "configs" / "de_pressparse.cfg")
    ap.add_argument("--max-steps", type=int, default=6000)
    ap.add_argument("--cluster-top-n", type=int, default=100_000)
    ap.add_argument("--germeval-weight", type=int, default=1, help="repeat GermEval train N times")
    ap.add_argument("--skip-convert", action="store_true", help="reuse OUT/corpus")
    ap.add_argument("--skip-train", action="store_true", help="reuse OUT/train/model-best")
    ap.add_argument("--install", action="store_true", help=f"copy the model to {INSTALL_DIR}")
    args = ap.parse_args(argv)

    corpus = args.out / "corpus"
    t0 = time.time()
    if not args.skip_convert:
        counts = convert.build_corpus(
            conversion_nlp(), args.corpora, corpus, germeval_weight=args.germeval_weight
        )
        print("corpus:", json.dumps(counts))
    counts = json.loads((corpus / "counts.json").read_text())
    table_path = args.out / "cluster_table.bin"
    config_text = args.config.read_text()
    uses_clusters = "pressparse.install_cluster_table" in config_text
    uses_gazetteer = "pressparse.ClusterEmbed.v2" in config_text
    if uses_clusters and not (args.skip_train and table_path.exists()):
        gazetteer = gazetteers.load_gazetteer(args.corpora) if uses_gazetteer else None
        n = write_cluster_table(corpus, table_path, args.cluster_top_n, gazetteer)
        print(f"cluster table: {n} words"
              + (f" ({len(gazetteer)} gazetteer words)" if gazetteer else ""))

    train_dir = args.out / "train"
    if not args.skip_train:
        from spacy.cli.train import train as spacy_train

        overrides = {
            "paths.train": str(corpus / "train.spacy"),
            "paths.dev": str(corpus / "dev.spacy"),
            "training.max_steps": args.max_steps,
        }
        if uses_clusters:
            overrides["paths.cluster_table"] = str(table_path)
        spacy_train(args.config, train_dir, overrides=overrides)
    best = train_dir / "model-best"
    train_seconds = round(time.time() - t0)

    nlp = assemble(
        best,
        args.out / "model",
        replace_tokenizer="pressparse.german_tokenizer" not in config_text,
    )

    import model_benchmark

    scores = model_benchmark.evaluate_all(nlp, corpus)
    speed = model_benchmark.words_per_second(nlp, corpus)
    nlp.meta.update(
        {
            "name": "pressparse",
            "version": "0.1.0",
            "description": "German press-release pipeline of pressparse: press-text tokenizer rules, "
            "rule-based sentences, CNN NER (PER/ORG/LOC/MISC)"
            + (" with Brown-cluster features" if uses_clusters else "")
            + (" and gazetteer flags" if uses_gazetteer else "")
            + ", dict lookup lemmas.",
            "author": "pressparse developers",
            "license": "CC BY 4.0 (model trained on CC BY 4.0 corpora; see sources)",
            "sources": SOURCES + (gazetteers.SOURCES if uses_gazetteer else []),
            "pressparse": {
                "training_command": "python training/train.py --corpora <shared>/corpora --out "
                f"<dir> --config training/configs/{args.config.name} --max-steps {args.max_steps} "
                f"--cluster-top-n {args.cluster_top_n} --germeval-weight {args.germeval_weight}",
                "training_sentences": counts,
                "training_seconds": train_seconds,
                "entity_scores": scores,
                "words_per_second": speed,
                "label_mapping": "see training/README.md",
            },
        }
    )
    prune_strings(nlp)
    model_dir = args.out / "model"
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.to_disk(model_dir)
    print(json.dumps({"scores": scores, "wps": speed}, indent=1))
    if args.install:
        if INSTALL_DIR.exists():
            shutil.rmtree(INSTALL_DIR)
        shutil.copytree(model_dir, INSTALL_DIR)
        print("installed to", INSTALL_DIR)


if __name__ == "__main__":
    main()
