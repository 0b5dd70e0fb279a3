"""German temporal tagging: TIMEX3 dates, times, durations and sets, anchored correctly.

`tag(text, published)` works without spaCy; `component.py` wires it into a pipeline as the
factory ``pressparse_temporal``. Patterns and tables live in
``resources/de/temporal`` (HeidelTime-style) and are validated when first loaded.
"""

from . import component  # noqa: E402,F401  (registers the spaCy factory)
from .resources import ResourceError, load_resources
from .tagger import TaggedExpression, TaggingResult, split_sentences, tag, tag_with_info

__all__ = [
    "ResourceError",
    "TaggedExpression",
    "TaggingResult",
    "load_resources",
    "split_sentences",
    "tag",
    "tag_with_info",
]
