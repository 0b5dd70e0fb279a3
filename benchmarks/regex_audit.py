"""Audit every module-level regular expression of pressparse for super-linear time.

    python benchmarks/regex_audit.py [--small 2000] [--large 20000] [--threshold 4]

Imports every ``pressparse`` module, collects each compiled pattern (``re`` and ``regex``)
held at module level, runs ``finditer`` over adversarial strings at two sizes and prints
the patterns whose time per character grows by more than ``threshold`` between the sizes
(linear patterns stay near 1; quadratic ones grow by large/small). Not a test: timings
depend on the machine. Patterns built inside functions are covered end to end by
``tests/test_adversarial.py`` and ``benchmarks/robustness.py``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time

import regex

import pressparse

UNITS = [
    "a", "A", "1", " ", "a ", "A ", "Ab ", "1 ", "1.", "12.", "a-", "A.", ", ", "a,", "Uhr ",
    "\n", "a\n", "(", ")", "\"", "„", "-", "–", ":", "a:", "/", "1/", "Dr. ", "St. ", "der ",
    "am 3. ", "bis ", "\u00a0", "ä", "Ä", "ß",
]


def patterns() -> list[tuple[str, object]]:
    found: dict[int, tuple[str, object]] = {}
    for info in pkgutil.walk_packages(pressparse.__path__, "pressparse."):
        try:
            module = importlib.import_module(info.name)
        except Exception as err:  # noqa: BLE001 - report and go on
            print(f"skip {info.name}: {err}")
            continue
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


def cost(pattern, text: str) -> float:
    start = time.process_time()
    for _ in pattern.finditer(text):
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--threshold", type=float, default=4.0)
    args = parser.parse_args()
    found = patterns()
    print(f"{len(found)} module-level patterns x {len(UNITS)} adversarial strings, "
          f"sizes {args.small} and {args.large}")
    flagged = 0
    for name, pattern in found:
        worst = (1.0, "", 0.0)
        for unit in UNITS:
            small = (unit * args.small)[: args.small]
            large = (unit * args.large)[: args.large]
            t_small = max(cost(pattern, small), 1e-5)
            t_large = cost(pattern, large)
            growth = (t_large / len(large)) / (t_small / len(small))
            if t_large > 0.1 and growth > worst[0]:
                worst = (growth, unit, t_large)
        if worst[0] > args.threshold:
            flagged += 1
            print(f"SUPER-LINEAR {name}: x{worst[0]:.0f} per char on {worst[1]!r} "
                  f"({worst[2]:.2f} s at {args.large} chars)")
    print(f"{flagged} of {len(found)} patterns flagged")


if __name__ == "__main__":
    main()
