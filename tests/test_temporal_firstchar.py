"""The regex helpers behind the temporal rules' speed-ups change no match."""

import random
import re

import pytest

from pressparse.temporal.firstchar import guard, literal_alternation


def _random_strings(rng: random.Random, alphabet: str, count: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(40))
def test_literal_trie_matches_the_plain_alternation(seed):
    rng = random.Random(seed)
    strings = _random_strings(rng, "ab.c ß(+", rng.randint(1, 12))
    trie = re.compile(literal_alternation(strings))
    longest_first = re.compile("|".join(map(re.escape, sorted(strings, key=len, reverse=True))))
    for _ in range(20):
        text = "".join(rng.choice("ab.c ß(+x") for _ in range(rng.randint(0, 30)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert bool(trie.search(text, lo, hi)) == any(s in text[lo:hi] for s in strings)
        # at each position the longest string that starts there, as the alternation finds it
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in longest_first.finditer(text)
        ]


def test_literal_trie_takes_metacharacters_literally():
    pattern = re.compile(literal_alternation(["str.", "(0", "+49", "weniger als"]))
    assert pattern.search("Tel. +49 30")
    assert not pattern.search("strX (1")
    assert [m.group() for m in pattern.finditer("str. weniger als (0")] == [
        "str.", "weniger als", "(0"]


def test_guard_keeps_matches():
    source = r"(?:seit dem )?(?P<day>\d{1,2})\. Mai"
    plain, guarded = re.compile(source), re.compile(guard(source))
    assert guarded.pattern != plain.pattern
    text = "Seit dem 3. Mai und seit dem 24. Mai, nicht am 5.Mai"
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
