"""Time per character on normal and adversarial inputs at growing sizes (not a test).

    python benchmarks/robustness.py                      # shipped model, 10k/100k/1M chars
    python benchmarks/robustness.py --rules-only --sizes 10000 100000
    python benchmarks/robustness.py --inputs normal "Uhr x" --sizes 10000 30000 100000

Prints one row per input: seconds and microseconds per character at each size, and the
ratio of the per-character time at the largest size to that at the smallest (about 1 for
linear scaling; 10 for quadratic over a tenfold size). Texts longer than ``max_chars``
(100k by default) are analysed in chunks, so per-Doc costs stay bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

import spacy

import pressparse
from pressparse.lang.de.tokenizer import build_tokenizer
from pressparse.validation import InputError

PARAGRAPH = (
    "Oberbürgermeisterin Anna Müller eröffnet am Montag, 24. November 2025, um 18.30 Uhr "
    "den Weihnachtsmarkt auf dem Marktplatz. Der Gemeinderat tagt am 3. Dezember von 9 bis "
    "12 Uhr im Rathaus, Marktplatz 1, 89073 Ulm. Die Volkshochschule lädt zur Lesung ein.\n\n"
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "normal": lambda n: _repeat(PARAGRAPH, n),
    "one long line": lambda n: _repeat(PARAGRAPH.replace("\n", " "), n),
    "digit run": lambda n: "1" * n,
    "digit words": lambda n: _repeat("12345 ", n),
    "Uhr x": lambda n: _repeat("Uhr ", n),
    "12 Uhr x": lambda n: _repeat("12 Uhr ", n),
    "dates x": lambda n: _repeat("24.11.2016 ", n),
    "nested html": lambda n: "<div>" * (n // 11) + "Text" + "</div>" * (n // 11),
    "closing parens": lambda n: "a" + ")" * (n - 1),
    "colon chain": lambda n: _repeat("a:", n),
    "names x": lambda n: _repeat("Anna Müller ", n),
    "no-space word": lambda n: _repeat("Ab", n),
    "mojibake": lambda n: _repeat("BÃ¼rgermeisterin erÃ¶ffnet am 3. MÃ¤rz â€“ ", n),
}


def rules_only_extractor() -> pressparse.Extractor:
    nlp = spacy.blank("de")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("pressparse_sentences")
    return pressparse.load(nlp, require_ner=False)


def measure(extractor: pressparse.Extractor, text: str) -> float:
    start = time.process_time()
    with contextlib.suppress(InputError):
        extractor.parse(text, published="2025-11-01")
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--inputs", nargs="+", default=list(INPUTS), choices=list(INPUTS))
    parser.add_argument("--rules-only", action="store_true",
                        help="blank German pipeline with our tokenizer, sentences and rules")
    args = parser.parse_args()
    extractor = rules_only_extractor() if args.rules_only else pressparse.load()
    extractor.parse(PARAGRAPH)  # warm-up
    print(f"pipeline: {extractor.nlp.pipe_names}; chunk limit {extractor.chunk_limit} chars")
    print("CPU seconds (us per character) per size; ratio = us/char at largest / smallest")
    header = f"{'input':16s}" + "".join(f"{n:>22,d}" for n in args.sizes) + f"{'ratio':>8s}"
    print(header)
    for name in args.inputs:
        cells, per_char = [], []
        for size in args.sizes:
            text = INPUTS[name](size)
            seconds = measure(extractor, text)
            per_char.append(seconds / len(text) * 1e6)
            cells.append(f"{seconds:10.2f}s ({per_char[-1]:6.1f}us)")
        ratio = per_char[-1] / per_char[0] if per_char[0] else float("nan")
        print(f"{name:16s}" + "".join(f"{c:>22s}" for c in cells) + f"{ratio:8.2f}", flush=True)


if __name__ == "__main__":
    main()
