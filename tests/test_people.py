"""People rules: roles, titles, name variants, lists, and things that are not people."""

from __future__ import annotations

import pytest

from pressparse.lang.de.roles import LexiconError, parse_roles, role_lexicon
from pressparse.orgs.rules import pattern_spans
from pressparse.people.rules import find_people


def people(text: str) -> dict[str, tuple[str | None, str | None]]:
    found, _ = find_people(text)
    for p in found:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
    return {p.name: (p.title, p.role) for p in found}


@pytest.mark.parametrize(
    ("text", "name", "title", "role"),
    [
        ("Zum Auftakt sprach der Bezirksamtsleiter Holger Brandstätt über die Pläne.",
         "Holger Brandstätt", None, "Bezirksamtsleiter"),
        ("Danach grüßte die Senatorin Dr. Wiebke Althoff, Präses der Behörde, alle Gäste.",
         "Wiebke Althoff", "Dr.", "Senatorin"),
        ("Es sprach die Vorsitzende des Seniorenbeirats, Ingrid Maier, zu den Gästen.",
         "Ingrid Maier", None, "Vorsitzende des Seniorenbeirats"),
        ("Konrad v. Sellheim, Vorsitzender der Stadtverordnetenversammlung, eröffnete die Sitzung.",
         "Konrad v. Sellheim", None, "Vorsitzender der Stadtverordnetenversammlung"),
        ("Begrüßt wurden die Gäste vom Ersten Beigeordneten Ulrich Feldhaus.",
         "Ulrich Feldhaus", None, "Erster Beigeordneter"),
        ("Zur Eröffnung kam der Regierende Bürgermeister Jonas Wehling.",
         "Jonas Wehling", None, "Regierender Bürgermeister"),
        ("Die Leiterin des Jugendamts, Karin Schulz, berichtete.",
         "Karin Schulz", None, "Leiterin des Jugendamts"),
        ("Wir verabschieden die Projektassistentin Anna Lindqvist.",
         "Anna Lindqvist", None, "Projektassistentin"),
        ("Die Stadt hat eine neue Oberbürgermeisterin: Dr. Jana Bergmann wurde vereidigt.",
         "Jana Bergmann", "Dr.", "Oberbürgermeisterin"),
        ("Prof. Dr. Helmut Aschbach, Präsident der Bürgerschaft, begrüßte die Delegation.",
         "Helmut Aschbach", "Prof. Dr.", "Präsident der Bürgerschaft"),
        ("Sie begrüßte den Stadtpräsidenten Wismars, Gerd Thalmann, am Hafen.",
         "Gerd Thalmann", None, "Stadtpräsident"),
        ("Das Orchester spielt unter der Leitung von Miriam Osterkamp-Heil.",
         "Miriam Osterkamp-Heil", None, "Leitung"),
        ("Zu hören sind Lieder von Anna Luise von Strelow.", "Anna Luise von Strelow", None, None),
    ],
)
def test_role_and_title(text: str, name: str, title: str | None, role: str | None) -> None:
    assert people(text)[name] == (title, role)


@pytest.mark.parametrize(
    ("text", "name", "title", "role"),
    [
        # compounds of office nouns
        ("Es sprach Bezirksstadträtin Lea Hohmann über Kitas.", "Lea Hohmann", None,
         "Bezirksstadträtin"),
        ("Die Platzmeisterin Vera Kolbe öffnet das Tor.", "Vera Kolbe", None, "Platzmeisterin"),
        ("Es berichtet Unternehmer Paul Degen von seiner Gründung.", "Paul Degen", None,
         "Unternehmer"),
        # several roles in one apposition: the first one given
        ("Bürgermeister und Kämmerer der Stadt, Otto Wendland, stellte den Haushalt vor.",
         "Otto Wendland", None, "Bürgermeister"),
        ("Landrätin und Vorsitzende des Zweckverbands, Dr. Ute Brenner, eröffnete.",
         "Ute Brenner", "Dr.", "Landrätin"),
        # a role stated of the person after the name
        ("Helga Brinkmann ist neue Ortsvorsteherin.", "Helga Brinkmann", None,
         "Ortsvorsteherin"),
        ("Der Rat hat Tobias Reinhardt (FDP) zum Vorsitzenden gewählt.", "Tobias Reinhardt",
         None, "Vorsitzender"),
        ("Jana Wolff wird Stadtpräsidentin\n\nDie Wahl war knapp.", "Jana Wolff", None,
         "Stadtpräsidentin"),
        ("Eva Lenz ging zum Bürgermeister und sprach mit ihm.", "Eva Lenz", None, None),
        ("Carla Ritter ist nicht Bürgermeisterin geworden.", "Carla Ritter", None, None),
    ],
)
def test_general_role_rules(text: str, name: str, title: str | None, role: str | None) -> None:
    assert people(text)[name] == (title, role)


def test_later_mentions_are_linked() -> None:
    text = ("Oberbürgermeister Dr. Bernd Kallweit wird verabschiedet. Dr. Kallweit dankt. "
            "Später sprach Kallweit noch einmal.")
    found, _ = find_people(text)
    assert len(found) == 1
    assert [m.text for m in found[0].mentions] == ["Bernd Kallweit", "Kallweit", "Kallweit"]


def test_address_form_links_to_full_name() -> None:
    found, _ = find_people("Senatorin Wiebke Althoff kam. Frau Althoff lobte das Projekt.")
    assert [p.name for p in found] == ["Wiebke Althoff"]
    assert len(found[0].mentions) == 2


def test_spelling_variant_is_one_person() -> None:
    found, _ = find_people("Henning Schöttler kommt. Henning Schottler ist seit April im Amt.")
    assert [p.name for p in found] == ["Henning Schöttler"]


def test_surname_given_list_with_party() -> None:
    text = ("Gewählt wurden:\n\nOduya, Tamara (SPD – Vielfalt für alle)\n\n"
            "Nkemelu, Obiora (Europäische Liste)\n")
    found, orgs = find_people(text)
    assert [(p.name, p.organization) for p in found] == [
        ("Tamara Oduya", "SPD – Vielfalt für alle"),
        ("Obiora Nkemelu", "Europäische Liste"),
    ]
    assert {name for _, _, name in orgs} == {"SPD – Vielfalt für alle", "Europäische Liste"}


def test_initials_and_shared_surname() -> None:
    names = people("Es lasen die Brüder Stefan und Kai M. Lorenzen aus ihrem Buch.")
    assert set(names) == {"Stefan Lorenzen", "Kai M. Lorenzen"}


def test_signature_after_im_auftrag() -> None:
    assert "Kerkhoff" in people("Weitere Hinweise folgen.\n\nIm Auftrag,\n\nKerkhoff")


def test_same_surname_two_people() -> None:
    names = people("Sabine Remmers spielt Flöte und Karl-Heinz Remmers das Klavier.")
    assert set(names) == {"Sabine Remmers", "Karl-Heinz Remmers"}


def test_role_of_next_person_is_not_taken() -> None:
    names = people("Auf dem Foto: Anton Weisgerber (Niederkail), Bürgermeister Arne Hammacher und Gäste.")
    assert names["Anton Weisgerber"] == (None, None)
    assert names["Arne Hammacher"] == (None, "Bürgermeister")


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Der Umzug endet an der Friedrich-Engels-Straße.", "Friedrich-Engels"),
        ("Das Büro liegt am Willy-Brandt-Platz 1.", "Willy-Brandt"),
        ("Im Märchenwald erzählt Frau Holle Geschichten.", "Holle"),
        ("Die Ausstellung läuft bis Ende Mai und im August Kranz.", "Mai"),
        ("Am Freitag, 5. August Brenner zu Gast.", "August Brenner"),
        ("Für Musik sorgt am Abend die Band Son del Puerto.", "Son del Puerto"),
    ],
)
def test_not_people(text: str, not_a_person: str) -> None:
    found, _ = find_people(text, blocked=pattern_spans(text))  # as the component calls it
    assert not any(not_a_person in p.name for p in found)


@pytest.mark.parametrize(
    ("word", "masculine", "feminine"),
    [
        ("Bezirksamtsleiterin", "Bezirksamtsleiter", "Bezirksamtsleiterin"),
        ("Stadtpräsidenten", "Stadtpräsident", "Stadtpräsidentin"),
        ("OB", "OB", "OB"),
        ("Landrätin", "Landrat", "Landrätin"),
        ("Beigeordneten", "Beigeordneter", "Beigeordnete"),
        ("Ortsvorsteherin", "Ortsvorsteher", "Ortsvorsteherin"),
    ],
)
def test_role_lexicon_forms(word: str, masculine: str, feminine: str) -> None:
    match = role_lexicon().match(word)
    assert match is not None
    assert (match.masculine, match.feminine) == (masculine, feminine)


def test_role_lexicon_rejects_bad_rows() -> None:
    with pytest.raises(LexiconError, match="roles.tsv:1"):
        parse_roles("Vorsitzende\tVorsitzende\tadj\tyes\t-\n", "roles.tsv")
    with pytest.raises(LexiconError, match="class"):
        parse_roles("Rat\tRätin\tfoo\tno\t-\n", "roles.tsv")


@pytest.mark.parametrize(
    "text",
    ["Die Kita Regenbogen feiert ihr Fest.", "Die Villa Sonnenhof wird saniert.",
     "Die Galerie Weißkopf zeigt Bilder."],
)
def test_venue_noun_with_a_name_is_no_person(text: str) -> None:
    assert people(text) == {}


def test_club_name_after_club_noun_is_no_person() -> None:
    assert people("Es spielt der Musikverein Harmonie Steinfeld.") == {}
    assert "Anna Schubert" in people("Es singt der Chor mit Anna Schubert.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Abend zeigt die Bühne Schillers „Die Räuber“.", {"Schiller"}),
        ("Das Orchester spielt um 20 Uhr Beethovens „Eroica“.", {"Beethoven"}),
        # a noun in the genitive has its article
        ("Der Vorstand des Vereins „Lesefreunde“ tagt.", set()),
    ],
)
def test_author_in_the_genitive_before_a_title(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Text.\n\nPressekontakt: Jana Roth, Tel. 0123 456", "Pressekontakt"),
        ("Text.\n\nPressekontakt: Stadtbücherei Lindenberg, Jana Roth, Tel. 0123 456", "Pressekontakt"),
        ("Text.\n\nAnsprechpartnerin: Jana Roth, E-Mail: info@example.org", "Ansprechpartnerin"),
    ],
)
def test_contact_line_label_is_the_role(text: str, role: str) -> None:
    assert people(text)["Jana Roth"][1] == role
