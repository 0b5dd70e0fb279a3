"""Rule-based sentence boundaries for German press text.

The tokenizer keeps ordinals ("7.") and abbreviations ("Dr.", "z.") as single tokens, so a
boundary follows every sentence-final punctuation token. In addition a line break starts a
new sentence (headlines and list items carry no final period), and an ordinal-looking token
("3.") ends a sentence when the next word is a typical sentence opener ("Platz 3. Die ...").
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "!!", "??", "?!", "!?"})
CLOSING = frozenset({'"', "“", "”", "’", "'", "«", "»", ")", "]"})
# Words that open a sentence but practically never follow an ordinal inside a sentence.
SENTENCE_OPENERS = frozenset(
    """Der Die Das Dem Den Des Ein Eine Einer Eines Er Sie Es Wir Ich Ihr Man Dies Diese Dieser
    Dieses Damit Dabei Danach Dazu Daher Dort Hier Auch Außerdem Zudem Denn Doch Aber So Nun
    Bereits Weitere Weiterer Weiteres Alle Zum Zur Im Am Beim Vom In An Auf Bei Mit Nach Von
    Für Um Seit Wie Was Wer Wann Wo Warum Bitte Anmeldung Informationen Kontakt Eintritt""".split()
)


def is_sentence_start_after_ordinal(prev_text: str, next_text: str) -> bool:
    """True when ``prev_text`` looks like an ordinal ("3.") but ``next_text`` opens a sentence."""
    return (
        len(prev_text) >= 2
        and prev_text.endswith(".")
        and prev_text[:-1].isdigit()
        and next_text in SENTENCE_OPENERS
    )


def set_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc`` (True/False, never None)."""
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    for i in range(n - 1):
        tok = doc[i]
        nxt = doc[i + 1]
        text = tok.text
        if text in FINAL_PUNCT or (text and all(c in "!?." for c in text) and len(text) > 1):
            j = i + 1
            while j < n and doc[j].text in CLOSING:
                j += 1
            if j < n:
                starts[j] = True
        elif (
            "\n" in tok.whitespace_
            or (tok.is_space and "\n" in text)
            or is_sentence_start_after_ordinal(text, nxt.text)
        ):
            starts[i + 1] = True
    # Whitespace tokens attach to the preceding sentence.
    for i in range(1, n):
        if starts[i] and doc[i].is_space and i + 1 < n:
            starts[i] = False
            starts[i + 1] = True
    # One from_array call: setting Token.is_sent_start per token re-scans the whole Doc each
    # time (spaCy checks for DEP annotation), which is quadratic on long texts.
    values = numpy.asarray([1 if s else -1 for s in starts], dtype="int64").astype("uint64")
    doc.from_array([SENT_START], values)
    return doc


class PressSentenceSplitter:
    """Pipeline component wrapping :func:`set_sentence_starts`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return set_sentence_starts(doc)


@Language.factory("pressparse_sentences")
def make_press_sentences(nlp: Language, name: str) -> PressSentenceSplitter:
    """Factory for the rule-based sentence splitter of ``de_pressparse``."""
    return PressSentenceSplitter(nlp, name)
