"""Venue rules: named places, addresses attached to their venue, places that are no venues."""

from __future__ import annotations

import pytest

from pressparse.venues.rules import find_venues, parse_address


def venues(text: str) -> dict[str, dict | None]:
    found = find_venues(text)
    for v in found:
        for m in v.mentions:
            assert text[m.start : m.end] == m.text
    return {v.name: v.address.model_dump(exclude_none=True) if v.address else None for v in found}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Konferenz fand im Elbcampus statt.", "Elbcampus"),
        ("Er wird in der Stadthalle verabschiedet.", "Stadthalle"),
        ("Der Empfang war im Alten Rathaus.", "Altes Rathaus"),
        ("Das Konzert ist im Plenarsaal des Rathauses.", "Plenarsaal des Rathauses"),
        ("Sie empfängt ihn im Rostocker Rathaus.", "Rostocker Rathaus"),
        ("Es gab ein Jubiläum der St.-Marien- Kirche zu Lübeck.", "St.-Marien- Kirche zu Lübeck"),
        ("Kranzniederlegung an der Kriegsgräberstätte auf dem Marienberg.",
         "Kriegsgräberstätte auf dem Marienberg"),
        ("Die Sitzung findet in Raum 201 statt.", "Raum 201"),
    ],
)
def test_venue_names(text: str, name: str) -> None:
    assert name in venues(text)


def test_address_in_brackets() -> None:
    found = venues("Der Senat tagt im Rathaus Charlottenburg (Otto-Suhr-Allee 100) am Dienstag.")
    assert found == {"Rathaus Charlottenburg": {"street": "Otto-Suhr-Allee 100"}}


def test_address_after_comma() -> None:
    found = venues("Karten gibt es an der Informationsstelle des Rathauses, Dr.-Külz-Ring 19, ab Montag.")
    assert found == {"Informationsstelle des Rathauses": {"street": "Dr.-Külz-Ring 19"}}


def test_address_block_with_room() -> None:
    text = "Sprechstunde:\n\nRathaus, EG Zr. 20\n\nWilly-Brandt-Platz 1\n\n67657 Kaiserslautern\n"
    found = venues(text)
    assert found == {
        "Rathaus, EG Zr. 20": {
            "street": "Willy-Brandt-Platz 1", "postal_code": "67657", "city": "Kaiserslautern",
        }
    }


def test_acronym_with_district() -> None:
    assert venues("Der nächste Termin ist im BGZ in Neugraben.") == {"BGZ": {"district": "Neugraben"}}


def test_mentions_of_one_venue_are_merged() -> None:
    found = find_venues("Sprechstunde im Rathaus. Die Sprechstunde im Rathaus ist donnerstags.")
    assert [(v.name, len(v.mentions)) for v in found] == [("Rathaus", 2)]


def test_room_and_building_are_different_venues() -> None:
    assert set(venues("Vereidigung im Ratssaal des Rathauses. Die Arbeit im Rathaus beginnt.")) == {
        "Ratssaal des Rathauses", "Rathaus"}


@pytest.mark.parametrize(
    ("text", "street", "plz", "city"),
    [
        (" (Maretstraße 50)", "Maretstraße 50", None, None),
        (", Harburger Rathausplatz 1, 21073 Hamburg", "Harburger Rathausplatz 1", "21073", "Hamburg"),
        (", Platz der Republik 1, 22765 Hamburg", "Platz der Republik 1", "22765", "Hamburg"),
        (", Hauptstr. 5a, 54439 Saarburg", "Hauptstr. 5a", "54439", "Saarburg"),
    ],
)
def test_parse_address(text: str, street: str, plz: str | None, city: str | None) -> None:
    address, _ = parse_address(text, 0)
    assert address is not None
    assert (address.street, address.postal_code, address.city) == (street, plz, city)


def test_room_is_read() -> None:
    _, room = parse_address(", Raum 201, Hauptstraße 3", 0)
    assert room == "Raum 201"


@pytest.mark.parametrize(
    "text",
    [
        "Er wohnt in Düsseldorf und arbeitet im Bezirk Harburg.",
        "Das Büro liegt am Willy-Brandt-Platz 1.",
        "Es geht um Diskriminierung in Harburg.",
        "Das Thema stand im Fokus, im Rahmen der Tour durch den Bezirk.",
    ],
)
def test_places_are_not_venues(text: str) -> None:
    assert venues(text) == {}


def test_town_is_venue_only_when_meeting_and_nothing_else() -> None:
    assert venues("Die Ortsbürgermeister haben sich in Saarburg versammelt.") == {"Saarburg": None}
    assert "Saarburg" not in venues("Sie haben sich in Saarburg im Bürgerhaus versammelt.")
