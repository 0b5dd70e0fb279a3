"""Organisations: authorities, councils, parties, associations, ensembles, merged per name.

`find_orgs(text)` works without spaCy; `component.py` registers ``pressparse_orgs``.
"""

from . import component  # noqa: E402,F401  (registers the spaCy factory)
from .rules import find_orgs

__all__ = ["find_orgs"]
