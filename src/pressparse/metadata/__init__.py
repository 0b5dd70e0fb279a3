"""Document metadata: contact/footer block, issuer, publication date from the header.

Plain functions in `rules.py`; `component.py` registers ``pressparse_metadata``.
"""

from . import component  # noqa: E402,F401  (registers the spaCy factory)
from .rules import find_issuer, footer_start, header_date

__all__ = ["find_issuer", "footer_start", "header_date"]
