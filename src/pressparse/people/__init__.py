"""People: names, titles, roles and organisations, one Person per person with all mentions.

`find_people(text)` works without spaCy; `component.py` registers ``pressparse_people``.
"""

from . import component  # noqa: E402,F401  (registers the spaCy factory)
from .rules import find_people

__all__ = ["find_people"]
