"""German temporal tagging: TIMEX3 dates, times, durations and sets, anchored correctly.

`tag(text, published)` works without spaCy; `component.py` wires it into a pipeline as the
factory ``pressparse_temporal``. Patterns and tables live in
``resources/de/temporal`` (HeidelTime-style) and are validated when first loaded.
"""

try:  # registers the spaCy factory; tagging itself does not need spaCy
    from . import component  # noqa: F401
except ImportError:  # pragma: no cover - spaCy is a declared dependency
    component = None  # type: ignore[assignment]
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
