"""CPU milliseconds per document for each pipeline component and record assembly (not a test).

    python benchmarks/components.py                 # 600 generated releases, 3 passes
    python benchmarks/components.py --docs 1000 --passes 2
    python benchmarks/components.py --texts data/samples --docs 320

Generates releases with the same templates as `throughput.py`, makes their Docs as the
`Extractor` does (`hardening.make_doc`), runs the model's own components once, then times
each pressparse component and `doc_to_record` with process CPU time (stable when other work
shares the machine), averaged over the passes. Each pass runs on fresh copies of the Docs,
so nothing a component keeps per Doc carries over from the pass before.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from throughput import make_release, real_releases  # benchmarks/ is on sys.path

import pressparse
from pressparse.extensions import remember_text
from pressparse.hardening import make_doc
from pressparse.records import doc_to_record

OURS_FROM = "pressparse_metadata"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--texts", type=Path, default=None,
                        help="time real releases (*.txt / gold *.json of a folder, repeated "
                             "with distinct endings up to --docs) instead of generated ones")
    args = parser.parse_args()
    if args.texts is None:
        rng = random.Random(7)
        texts = [make_release(i, rng)["text"] for i in range(args.docs)]
    else:
        count = len(real_releases(args.texts, 1))
        texts = [r["text"] for r in real_releases(args.texts, -(-args.docs // count))]
    nlp = pressparse.load(args.model).nlp
    names = nlp.pipe_names
    split = names.index(OURS_FROM)
    base = {}
    docs = [make_doc(nlp, t) for t in texts]
    for name in names[:split]:
        start = time.process_time()
        docs = list(nlp.get_pipe(name).pipe(docs)) if hasattr(nlp.get_pipe(name), "pipe") else [
            nlp.get_pipe(name)(d) for d in docs]
        base[name] = time.process_time() - start
    ours = {name: 0.0 for name in names[split:]} | {"record": 0.0}
    for _ in range(args.passes):
        fresh = [remember_text(doc.copy(), text) for doc, text in zip(docs, texts, strict=True)]
        for doc in fresh:
            for name in names[split:]:
                start = time.process_time()
                doc = nlp.get_pipe(name)(doc)
                ours[name] += time.process_time() - start
            start = time.process_time()
            doc_to_record(doc)
            ours["record"] += time.process_time() - start
    n = len(docs)
    print(f"{'component':28s} CPU ms/doc")
    for name, seconds in base.items():
        print(f"{name:28s} {seconds / n * 1000:8.2f}   (model part, one pass)")
    for name, seconds in ours.items():
        print(f"{name:28s} {seconds / n / args.passes * 1000:8.2f}")
    total = sum(ours.values()) / n / args.passes * 1000
    print(f"{'pressparse components + record':28s} {total:8.2f}")


if __name__ == "__main__":
    main()
