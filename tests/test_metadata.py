"""Metadata rules and component: footer block, issuer, publication date from the header."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from pressparse.extensions import SPAN_KEYS
from pressparse.metadata import find_issuer, footer_start, header_date
from pressparse.metadata.component import MetadataComponent

BODY = "Die Stadt lädt zum Fest ein. " * 12


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (BODY + "\n\nQuelle Text/Bild:\n\nPressestelle der Stadtverwaltung Kaiserslautern\n",
         "Stadtverwaltung Kaiserslautern"),
        (BODY + "\n\nText/Foto: Landeshauptstadt Magdeburg am 01. Dezember 2025",
         "Landeshauptstadt Magdeburg"),
        (BODY + "\n\nFoto: Stadt Koblenz/ Theresa Lambrich", "Stadt Koblenz"),
        ("Die Stadt Bonn teilt mit, dass der Markt ausfällt.", "Stadt Bonn"),
        (BODY, None),
    ],
)
def test_issuer(text: str, issuer: str | None) -> None:
    assert find_issuer(text) == issuer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rathaus Charlottenburg\n\nPressemitteilung vom 18.08.2020\n\nDer Senat tagt.",
         date(2020, 8, 18)),
        ("Pressemitteilung vom 21. Juli 2003\n\nText.", date(2003, 7, 21)),
        (BODY + "\n\nKaiserslautern, 19.02.2019", date(2019, 2, 19)),
        ("Am 24. November 2016 fand die Konferenz statt.", None),
    ],
)
def test_header_date(text: str, expected: date | None) -> None:
    assert header_date(text) == expected


def test_footer_only_at_the_end() -> None:
    text = BODY + "\n\nIm Auftrag,\n\nBrühl"
    assert text[footer_start(text) :].startswith("Im Auftrag")
    assert footer_start("Quelle: Stadt\n\n" + BODY) is None


def test_component_sets_extensions() -> None:
    nlp = spacy.blank("de")
    text = "Pressemitteilung vom 18.08.2020\n\n" + BODY + "\n\nQuelle Text/Bild:\n\nPressestelle der Stadt Trier\n"
    doc = MetadataComponent()(nlp.make_doc(text))
    assert doc._.pp_published == date(2020, 8, 18)
    assert doc._.pp_issuer == "Stadt Trier"
    assert doc._.pp_body_end == text.index("Quelle")
    assert [s.text.split()[0] for s in doc.spans[SPAN_KEYS["footer"]]] == ["Quelle"]
    assert any("header" in w for w in doc._.pp_warnings)


def test_component_keeps_given_date() -> None:
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Pressemitteilung vom 18.08.2020\n\nText.")
    doc._.pp_published = date(2021, 1, 1)
    doc = MetadataComponent()(doc)
    assert doc._.pp_published == date(2021, 1, 1)
    assert not doc._.pp_warnings
