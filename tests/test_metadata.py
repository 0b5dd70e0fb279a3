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
        (BODY + "\n\nQuelle Text/Bild:\n\nPressestelle der Stadtverwaltung Pirmasens\n",
         "Stadtverwaltung Pirmasens"),
        (BODY + "\n\nText/Foto: Landeshauptstadt Erfurt am 3. Mai 2024",
         "Landeshauptstadt Erfurt"),
        (BODY + "\n\nFoto: Stadt Köln/ Jana Petersen", "Stadt Köln"),
        ("Die Stadt Bonn teilt mit, dass der Markt ausfällt.", "Stadt Bonn"),
        # contact and header lines that name the body (invented)
        (BODY + "\n\nPressestelle des Bezirksamts Lindenberg\nTel. 030 1234", "Bezirksamt Lindenberg"),
        (BODY + "\n\nPresse- und Informationsamt der Stadt Talheim\n", "Stadt Talheim"),
        (BODY + "\n\nLandkreis Lindenberg – Referat für Presse\nTel. 0123 4", "Landkreis Lindenberg"),
        ("Titel\n\nLandeshauptstadt Talheim, 3. Mai 2024\n\n" + BODY, "Landeshauptstadt Talheim"),
        # a body named at a line start in the middle of the text is no issuer
        ("Titel\n\n" + BODY + "\n\nStadt Lindenberg, so heißt es, plant.\n\n" + BODY + BODY, None),
        (BODY, None),
    ],
)
def test_issuer(text: str, issuer: str | None) -> None:
    assert find_issuer(text) == issuer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rathaus Altona\n\nPressemitteilung vom 14.09.2021\n\nDer Ausschuss tagt.",
         date(2021, 9, 14)),
        ("Pressemitteilung vom 3. März 2022\n\nText.", date(2022, 3, 3)),
        (BODY + "\n\nPirmasens, 14.05.2021", date(2021, 5, 14)),
        ("Am 12. Oktober 2022 fand die Tagung statt.", None),
    ],
)
def test_header_date(text: str, expected: date | None) -> None:
    assert header_date(text) == expected


def test_footer_only_at_the_end() -> None:
    text = BODY + "\n\nIm Auftrag,\n\nKerkhoff"
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
