"""Events: typed, dated, placed event records with organisers and participants.

`extract_events(EventInputs(...), load_lexicon())` works without spaCy; `component.py`
registers the factory ``pressparse_events``. Trigger words, blocked words and contexts are
data files in ``resources/de/events`` (validated at load; extend them with your own files).
"""

from . import component  # noqa: F401  (registers the spaCy factory)
from .build import EventInputs, extract_events
from .lexicon import Lexicon, LexiconError, load_lexicon, load_lexicon_dir, parse_lexicon

__all__ = [
    "EventInputs",
    "Lexicon",
    "LexiconError",
    "extract_events",
    "load_lexicon",
    "load_lexicon_dir",
    "parse_lexicon",
]
