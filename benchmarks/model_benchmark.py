"""Measure a German NER pipeline: entity P/R/F1 per label on three test sets, and speed.

    python benchmarks/model_benchmark.py --corpora ../shared/corpora --model src/pressparse/models/de_pressparse
    python benchmarks/model_benchmark.py --corpora ../shared/corpora --model A --model B   # side by side

Test sets (converted by ``training/convert.py`` with the same label mapping as training):

* GermEval 2014 hold-out: 1,000 sentences of the test split never used for training/tuning;
* SmartData v3 test (230 documents, corpus tokenisation; their ids were removed from training);
* LER test (6,673 sentences, coarse PER/LOC/ORG; MISC predictions are ignored there since LER
  has no counterpart), and its 4,368 sentences without legal citations (norms, decisions,
  literature are O in our mapping, so courts/authorities inside citations count as false
  positives in the full set).

NER is scored on the gold tokenisation (the pipeline runs on pre-tokenised Docs, so tokenizer
differences between models do not distort the comparison); exact span + label match.
Speed: ``nlp.pipe`` on one process over raw texts (SmartData v3 test documents and GermEval
hold-out sentences), words = non-space tokens, best of three passes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# One process, one BLAS thread: the figure comparable with spaCy's published CPU speeds.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

EVAL_SETS = {
    "germeval_holdout": ("eval_germeval_holdout.spacy", ("PER", "ORG", "LOC", "MISC")),
    "smartdata_v3_test": ("eval_smartdata_v3_test.spacy", ("PER", "ORG", "LOC")),
    "ler_test": ("eval_ler_test.spacy", ("PER", "ORG", "LOC")),
    "ler_test_no_citations": ("eval_ler_test_no_citations.spacy", ("PER", "ORG", "LOC")),
}


def score_docs(nlp: Language, gold_docs: list[Doc], labels: Iterable[str]) -> dict:
    """Per-label and micro P/R/F1 of ``nlp`` on ``gold_docs`` (only ``labels`` counted)."""
    labels = tuple(labels)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for g in gold_docs
    ]
    for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=256), strict=True):
        gset = {(e.start, e.end, e.label_) for e in gold.ents if e.label_ in labels}
        pset = {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in labels}
        for s in pset & gset:
            tp[s[2]] += 1
        for s in pset - gset:
            fp[s[2]] += 1
        for s in gset - pset:
            fn[s[2]] += 1

    def prf(t: int, p: int, n: int) -> dict:
        prec = t / (t + p) if t + p else 0.0
        rec = t / (t + n) if t + n else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"p": round(prec, 4), "r": round(rec, 4), "f": round(f, 4), "support": t + n}

    out = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["ALL"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def load_eval(corpus: Path, vocab) -> dict[str, list[Doc]]:
    return {
        name: list(DocBin().from_disk(corpus / fname).get_docs(vocab))
        for name, (fname, _labels) in EVAL_SETS.items()
    }


def evaluate_all(nlp: Language, corpus: Path) -> dict:
    """Scores on the evaluation DocBins written by ``training/convert.py:build_corpus``."""
    sets = load_eval(corpus, nlp.vocab)
    return {name: score_docs(nlp, docs, EVAL_SETS[name][1]) for name, docs in sets.items()}


def speed_texts(corpus: Path) -> list[str]:
    vocab = spacy.blank("de").vocab
    texts: list[str] = []
    for fname in ("eval_smartdata_v3_test.spacy", "eval_germeval_holdout.spacy"):
        texts.extend(d.text for d in DocBin().from_disk(corpus / fname).get_docs(vocab))
    return texts


def words_per_second(nlp: Language, corpus: Path, passes: int = 3) -> dict:
    """Best-of-``passes`` words/s, by wall clock and by this process' CPU time.

    The CPU-time figure stays meaningful on a machine shared with other jobs, where the
    wall-clock figure mostly measures the neighbours.
    """
    texts = speed_texts(corpus)
    best_wall = best_cpu = 0.0
    n_words = 0
    for _ in range(passes):
        t0, c0 = time.perf_counter(), time.process_time()
        n_words = sum(
            sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=128)
        )
        best_wall = max(best_wall, n_words / (time.perf_counter() - t0))
        best_cpu = max(best_cpu, n_words / max(1e-9, time.process_time() - c0))
    return {
        "wps": round(best_wall),
        "wps_cpu": round(best_cpu),
        "words": n_words,
        "pipeline": list(nlp.pipe_names),
    }


def build_eval_corpus(corpora: Path, out: Path) -> None:
    """Write only the evaluation DocBins (same conversion as training)."""
    import convert

    import pressparse.lang.de  # noqa: F401

    nlp = spacy.blank(
        "de", config={"nlp": {"tokenizer": {"@tokenizers": "pressparse.german_tokenizer.v1"}}}
    )
    _tr, _dev, hold = convert.germeval_splits(nlp, corpora)
    convert.save(hold, out / "eval_germeval_holdout.spacy")
    convert.save(convert.smartdata_v3(nlp, corpora, "test"), out / "eval_smartdata_v3_test.spacy")
    convert.save(
        convert.ler(nlp, corpora / "german_ler" / "splits" / "ler_test.conll", keep_legal=True),
        out / "eval_ler_test.spacy",
    )
    convert.save(
        convert.ler(nlp, corpora / "german_ler" / "splits" / "ler_test.conll", keep_legal=False),
        out / "eval_ler_test_no_citations.spacy",
    )


def format_table(results: dict[str, dict]) -> str:
    lines = [
        "| model | test set | PER F1 | ORG F1 | LOC F1 | MISC F1 | all P | all R | all F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for model, res in results.items():
        for name, sc in res["scores"].items():
            cells = [
                f"{sc[lab]['f']:.3f}" if lab in sc else "–" for lab in ("PER", "ORG", "LOC", "MISC")
            ]
            lines.append(
                f"| {model} | {name} | "
                + " | ".join(cells)
                + f" | {sc['ALL']['p']:.3f} | {sc['ALL']['r']:.3f} | {sc['ALL']['f']:.3f} |"
            )
    lines.append("")
    lines.append(
        "| model | load s | words/s wall (nlp.pipe, 1 process) | words per CPU-second | pipeline |"
    )
    lines.append("|---|---|---|---|---|")
    for model, res in results.items():
        lines.append(
            f"| {model} | {res['load_s']:.2f} | {res['speed']['wps']} | {res['speed']['wps_cpu']} | {', '.join(res['speed']['pipeline'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--model", type=Path, action="append", required=True)
    ap.add_argument(
        "--work",
        type=Path,
        default=REPO / "training" / "work" / "eval",
        help="cache for eval DocBins",
    )
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    args = ap.parse_args(argv)

    import pressparse.lang.de  # noqa: F401
    import pressparse.ml  # noqa: F401

    if not all((args.work / f).exists() for f, _ in EVAL_SETS.values()):
        args.work.mkdir(parents=True, exist_ok=True)
        build_eval_corpus(args.corpora, args.work)
    results = {}
    for path in args.model:
        t0 = time.perf_counter()
        nlp = spacy.load(path)
        load_s = time.perf_counter() - t0
        results[str(path)] = {
            "load_s": load_s,
            "scores": evaluate_all(nlp, args.work),
            "speed": words_per_second(nlp, args.work),
        }
    print(format_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
