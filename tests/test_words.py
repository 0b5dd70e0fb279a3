"""Word segmentation helpers: `positions` with a remembering `SpellingTest`."""

from pressparse.people.words import SpellingTest, positions, segment

TEXT = "Die Stadt lädt ein. Die Stadt Ulm und der Kreis Ulm tagen am Montag im Rathaus."


def test_positions_same_with_and_without_memory():
    def capitalised(word: str) -> bool:
        return word[:1].isupper()

    memo = SpellingTest(capitalised)
    expected = [w.index for w in segment(TEXT) if capitalised(w.text)]
    assert positions(TEXT, capitalised) == expected
    assert positions(TEXT, memo) == expected
    assert positions(TEXT, memo) == expected  # from remembered verdicts
    assert {"Stadt", "Ulm"} <= memo.passed and {"lädt", "und"} <= memo.seen - memo.passed


def test_each_spelling_is_tested_once():
    asked: list[str] = []

    def test(word: str) -> bool:
        asked.append(word)
        return word == "Ulm"

    memo = SpellingTest(test)
    positions(TEXT, memo)
    positions(TEXT + " Ulm liegt an der Donau.", memo)
    assert len(asked) == len(set(asked))
    assert memo("Ulm") and not memo("Donau") and memo("Ulm")


def test_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(SpellingTest, "LIMIT", 3)
    memo = SpellingTest(str.istitle)
    memo.among(["a", "b", "c", "d", "E"])
    assert memo.among(["x", "Y"]) == {"Y"}
    assert len(memo.seen) <= 3 and memo.passed <= memo.seen
