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
        ("Die Tagung fand im Deichcampus statt.", "Deichcampus"),
        ("Das Konzert findet in der Stadthalle statt.", "Stadthalle"),
        ("Die Lesung beginnt im Alten Rathaus.", "Altes Rathaus"),
        ("Die Lesung ist im Bürgersaal des Rathauses.", "Bürgersaal des Rathauses"),
        ("Sie empfängt ihn im Greifswalder Rathaus.", "Greifswalder Rathaus"),
        ("Es gab ein Jubiläum der St.-Georg- Kapelle zu Rotenburg.", "St.-Georg- Kapelle zu Rotenburg"),
        ("Die Gedenkfeier ist an der Gedenkstätte auf dem Kalkberg.",
         "Gedenkstätte auf dem Kalkberg"),
        ("Die Sitzung findet in Raum 201 statt.", "Raum 201"),
    ],
)
def test_venue_names(text: str, name: str) -> None:
    assert name in venues(text)


def test_address_in_brackets() -> None:
    found = venues("Der Ausschuss tagt im Rathaus Lindenberg (Parkstraße 14) am Dienstag.")
    assert found == {"Rathaus Lindenberg": {"street": "Parkstraße 14"}}


def test_address_after_comma() -> None:
    found = venues("Tickets gibt es an der Bürgerinformation des Rathauses, Dr.-Hirsch-Ring 7, ab Montag.")
    assert found == {"Bürgerinformation des Rathauses": {"street": "Dr.-Hirsch-Ring 7"}}


def test_address_block_with_room() -> None:
    text = "Beratung:\n\nRathaus, EG Zr. 14\n\nMarktplatz 3\n\n66953 Pirmasens\n"
    found = venues(text)
    assert found == {
        "Rathaus, EG Zr. 14": {
            "street": "Marktplatz 3", "postal_code": "66953", "city": "Pirmasens",
        }
    }


def test_acronym_with_district() -> None:
    assert venues("Der nächste Termin ist im BGZ in Neugraben.") == {"BGZ": {"district": "Neugraben"}}


def test_mentions_of_one_venue_are_merged() -> None:
    found = find_venues("Beratung im Rathaus. Die Beratung im Rathaus ist montags.")
    assert [(v.name, len(v.mentions)) for v in found] == [("Rathaus", 2)]


def test_room_and_building_are_different_venues() -> None:
    assert set(venues("Die Feier ist im Sitzungssaal des Rathauses. Der Empfang im Rathaus folgt.")) == {
        "Sitzungssaal des Rathauses", "Rathaus"}


@pytest.mark.parametrize(
    ("text", "street", "plz", "city"),
    [
        (" (Maretstraße 50)", "Maretstraße 50", None, None),
        (", Bergedorfer Schlossplatz 2, 21029 Hamburg", "Bergedorfer Schlossplatz 2", "21029", "Hamburg"),
        (", Platz der Republik 1, 22765 Hamburg", "Platz der Republik 1", "22765", "Hamburg"),
        (", Hauptstr. 5a, 67742 Lauterecken", "Hauptstr. 5a", "67742", "Lauterecken"),
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
        "Sie wohnt in Bielefeld und arbeitet im Bezirk Altona.",
        "Das Büro liegt am Willy-Brandt-Platz 1.",
        "Es geht um Wohnungsnot in Altona.",
        "Das stand im Mittelpunkt, im Rahmen der Fahrt durch den Bezirk.",
    ],
)
def test_places_are_not_venues(text: str) -> None:
    assert venues(text) == {}


def test_town_is_venue_only_when_meeting_and_nothing_else() -> None:
    assert venues("Die Ortsvorsteher haben sich in Lauterecken versammelt.") == {"Lauterecken": None}
    assert "Lauterecken" not in venues("Sie haben sich in Lauterecken im Bürgerhaus versammelt.")


# -- general rules: rooms inside buildings, streets, lists, institutions (invented sentences) --
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a room or office inside a building is one venue
        ("Die Sitzung ist im Trausaal im Rathaus Lindenberg.", {"Trausaal im Rathaus Lindenberg"}),
        ("Anträge gibt es im Bürgerbüro im Rathaus III.", {"Bürgerbüro im Rathaus III"}),
        # a venue named by the street or square it lies on
        ("Das Fest steigt auf der Wiese an der Lindenallee.", {"Wiese an der Lindenallee"}),
        ("Die Bühne am Rosenplatz wird aufgebaut.", {"Bühne am Rosenplatz"}),
        ("Auf dem Gelände an der Neuen Straße entsteht ein Hort.",
         {"Gelände an der Neuen Straße"}),
        # "Haus des/der …", "Bad …", genitive authorities
        ("Das Fest ist im Haus der Jugend.", {"Haus der Jugend"}),
        ("Die Feier ist im Kurhaus Bad Lindenfels.", {"Kurhaus Bad Lindenfels"}),
        ("Die Sitzung ist im Saal der Kreisverwaltung.", {"Saal der Kreisverwaltung"}),
        # places listed together, each with its own preposition
        ("Stände gibt es auf dem Marktplatz, am Mühlenteich und in der Wallstraße.",
         {"Marktplatz", "Mühlenteich", "Wallstraße"}),
        # a building named in a genitive and then on its own
        ("Die Lesung ist im Foyer der Stadtbücherei. Die Stadtbücherei ist montags geschlossen.",
         {"Foyer der Stadtbücherei", "Stadtbücherei"}),
        ("Der Empfang ist im Saal des Rathauses, zum Jubiläum des Rathauses.",
         {"Saal des Rathauses"}),
        # institutions are venues where something takes place there, not as actors
        ("Die Lesung ist in der Stadtbibliothek Neustadt.", {"Stadtbibliothek Neustadt"}),
        ("Die Stadtbibliothek Neustadt startet ein neues Programm.", set()),
        ("Die Räume nutzt die Musikschule Lindenberg e. V. mit.", set()),
        ("Es spielt die Blaskapelle Lindenberg.", set()),
        ("Bis 2030 fehlen Plätze an Grundschulen.", set()),
    ],
)
def test_general_venue_rules(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wegen Bauarbeiten ist die Lindenstraße ab Montag gesperrt.", {"Lindenstraße"}),
        ("Talbrücke wird saniert – Vollsperrung ab Mai\n\nDie Talbrücke ist alt.", {"Talbrücke"}),
        ("Die Gartenstraße ist zwischen Ringstraße und Parkweg voll gesperrt.",
         {"Gartenstraße", "Ringstraße", "Parkweg"}),
        ("Ab Montag wird gebaut. Betroffen sind der Ostwall und die Hafenstraße.",
         set()),
        ("Ab Montag ist vieles gesperrt. Betroffen sind der Ostwall und die Hafenstraße.",
         {"Ostwall", "Hafenstraße"}),
        ("Der Antrag zur Tempo-30-Zone in der Birkenstraße wird beraten.", set()),
        ("Die Läuferinnen und Läufer starten, die Strecke ist gesperrt.", set()),
    ],
)
def test_streets_where_works_happen(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "name", "street", "plz", "city"),
    [
        ("Die Sprechstunde ist im Bürgeramt Lindenberg, Lindenweg 4, 12345 Musterstadt.",
         "Bürgeramt Lindenberg", "Lindenweg 4", "12345", "Musterstadt"),
        ("Wir laden in die Ratsdiele, Markt 1, 12345 Musterstadt, ein.",
         "Ratsdiele", "Markt 1", "12345", "Musterstadt"),
        ("Zum Abschluss öffnet die Rettungswache, Lindenweg 4, ihre Tore.",
         "Rettungswache", "Lindenweg 4", None, None),
        ("Treffpunkt ist die Aula der Goethe-Schule, Breite Gasse 7, 64678 Bad Lindenfels.",
         "Aula der Goethe-Schule", "Breite Gasse 7", "64678", "Bad Lindenfels"),
    ],
)
def test_venue_given_by_its_address(
    text: str, name: str, street: str, plz: str | None, city: str | None
) -> None:
    found = find_venues(text)
    assert [v.name for v in found] == [name]
    address = found[0].address
    assert address is not None
    assert (address.street, address.postal_code, address.city) == (street, plz, city)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        (", Neuer Weg 3a, 12345 Musterstadt", "Neuer Weg 3a"),
        (", Markt 4, 12345 Musterstadt", "Markt 4"),
        (", Lange Straße 12–14", "Lange Straße 12–14"),
    ],
)
def test_two_word_and_bare_streets(text: str, street: str) -> None:
    address, _ = parse_address(text, 0)
    assert address is not None and address.street == street


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # works named by "saniert" and the closure one sentence later; the ends of the stretch
        ("Die Stadt saniert ab Montag den Kanal in der Birkenallee zwischen Uferweg und Mühlenstraße. "
         "Die Birkenallee ist dann gesperrt.", {"Birkenallee", "Uferweg", "Mühlenstraße"}),
        ("Der Lindenring wird saniert.\nDie Arbeiten dauern vier Wochen.\nDie Zufahrt ist gesperrt.",
         {"Lindenring"}),
        # a programme ("Sanierungsprogramm") is no works site
        ("Das Sanierungsprogramm wird vorgestellt. Beraten wird auch die Tempo-Zone in der Eichenstraße.",
         set()),
    ],
)
def test_works_streets_and_stretch_ends(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a square named by an adjective and a bare head after a locative
        ("Das Konzert beginnt um 18 Uhr auf dem Oberen Markt.", {"Oberer Markt"}),
        ("Der Umzug endet am Prinzenmarkt.", {"Prinzenmarkt"}),
        # a market that is held is no place
        ("Der Adventsmarkt öffnet auf dem Kirchplatz.", {"Kirchplatz"}),
        ("Die Stände stehen auf dem Wochenmarkt bereit.", set()),
        # a stage before a building is one venue
        ("Der Chor singt auf der Bühne vor der Marienkirche.", {"Bühne vor der Marienkirche"}),
        # a courtyard of a palace
        ("Die Lesung ist im Innenhof des Grafen-Palais.", {"Innenhof des Grafen-Palais"}),
        # numbered rooms with their building
        ("Der Beirat tagt im Besprechungsraum 14 des Kreishauses.",
         {"Besprechungsraum 14 des Kreishauses"}),
        ("Der Ausschuss tagt im Sitzungsraum 204 des Rathauses.", {"Sitzungsraum 204 des Rathauses"}),
        # car parks with their own names
        ("Das Parkhaus Am Stadtgraben und das Parkhaus Lindenwall sind geöffnet.",
         {"Parkhaus Am Stadtgraben", "Parkhaus Lindenwall"}),
        # a quoted title is a group or a show, not a venue
        ("Es spielt das Ensemble „Bühne Nordstadt“ am Abend.", set()),
    ],
)
def test_squares_stages_rooms_and_car_parks(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rundgänge:\n* Montag, 10 Uhr, Treffpunkt: Marktbrunnen\n* Dienstag, 17 Uhr, Treffpunkt: "
         "Westbahnhof, Ausgang Nord", {"Marktbrunnen", "Westbahnhof"}),
        ("Ort: Alte Tuchfabrik, Halle 2\nBeginn: 19 Uhr", {"Alte Tuchfabrik"}),
        ("Treffpunkt: Montag um 9 Uhr", set()),
    ],
)
def test_labelled_places(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Sitzung findet im Bürgerhaus Süd statt.", {"Bürgerhaus Süd"}),
        ("Trainiert wird im Sportpark Mitte.", {"Sportpark Mitte"}),
        ("Der Empfang ist im Foyer der Kreissparkasse.", {"Foyer der Kreissparkasse"}),
        ("Das Vorspiel ist in der Aula der Musikschule.", {"Aula der Musikschule"}),
        ("Die Lesung findet in der Kulturscheune statt.", {"Kulturscheune"}),
        ("Anträge gibt es im Bürgerbüro.", {"Bürgerbüro"}),
        ("Entworfen wurde der Bau vom Planungsbüro Nordwind Architekten GmbH.", set()),
    ],
)
def test_named_parts_genitive_bodies_and_offices(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Abend im Kulturhaus „Alte Mühle“ beginnt um 19 Uhr.", {"Kulturhaus „Alte Mühle“"}),
        ("Gefeiert wird im Gasthaus „Zum Hirschen“.", {"Gasthaus „Zum Hirschen“"}),
        # an authority named as the subject is an organisation, not a place
        ("Das Jobcenter Steinfeld bietet Beratung an.", set()),
    ],
)
def test_quoted_venue_names_and_authorities(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Beratung ist im Raum 2.07 im Erdgeschoss.", {"Raum 2.07"}),
        ("Die Feier ist in der Turnhalle der Grundschule Waldheim.", {"Turnhalle der Grundschule Waldheim"}),
        ("Das Konzert ist in der Klosterkirche St. Anna.", {"Klosterkirche St. Anna"}),
        ("Die Messe ist im Dom St. Blasius.", {"Dom St. Blasius"}),
    ],
)
def test_dotted_rooms_genitive_places_and_saints(text: str, expected: set[str]) -> None:
    assert set(venues(text)) == expected

