"""Venues: named buildings, halls, rooms, squares, with their German addresses.

`find_venues(text)` works without spaCy; `component.py` registers ``pressparse_venues``.
"""

from . import component  # noqa: E402,F401  (registers the spaCy factory)
from .rules import find_venues, parse_address

__all__ = ["find_venues", "parse_address"]
