"""People rules: roles, titles, name variants, lists, and things that are not people."""

from __future__ import annotations

import pytest

from pressparse.lang.de.roles import LexiconError, parse_roles, role_lexicon
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
        ("Nach der Begrüßung durch den Bezirksamtsleiter Thomas Völsch begann es.",
         "Thomas Völsch", None, "Bezirksamtsleiter"),
        ("Ein Grußwort der Senatorin Dr. Melanie Leonhard, Präses der Behörde, folgte.",
         "Melanie Leonhard", "Dr.", "Senatorin"),
        ("Es sprach die Vorsitzende des Seniorenbeirats, Ingrid Maier, zu den Gästen.",
         "Ingrid Maier", None, "Vorsitzende des Seniorenbeirats"),
        ("Friedrich v. Kekulé, Vorsitzender der Stadtverordnetenversammlung, lädt ein.",
         "Friedrich v. Kekulé", None, "Vorsitzender der Stadtverordnetenversammlung"),
        ("Geehrt wurden sie vom Ersten Beigeordneten Martin Alten.",
         "Martin Alten", None, "Erster Beigeordneter"),
        ("Es sprach der Regierende Bürgermeister Michael Müller.",
         "Michael Müller", None, "Regierender Bürgermeister"),
        ("Die Leiterin des Jugendamts, Karin Schulz, berichtete.",
         "Karin Schulz", None, "Leiterin des Jugendamts"),
        ("Wir verabschieden die Projektassistentin Anna Lindqvist.",
         "Anna Lindqvist", None, "Projektassistentin"),
        ("Kiel hat einen neuen Oberbürgermeister: Dr. Jan Berger wurde vereidigt.",
         "Jan Berger", "Dr.", "Oberbürgermeister"),
        ("Prof. Dr. Ralf Friedrich, Präsident der Bürgerschaft, empfängt Gäste.",
         "Ralf Friedrich", "Prof. Dr.", "Präsident der Bürgerschaft"),
        ("Er empfängt den Stadtpräsidenten Lübecks, Peter Sünnenwold, im Rathaus.",
         "Peter Sünnenwold", None, "Stadtpräsident"),
        ("Der Chor singt unter der Leitung von Claudia Sebastian-Bertsch.",
         "Claudia Sebastian-Bertsch", None, "Leitung"),
        ("Werke von Carl Maria von Weber erklingen.", "Carl Maria von Weber", None, None),
    ],
)
def test_role_and_title(text: str, name: str, title: str | None, role: str | None) -> None:
    assert people(text)[name] == (title, role)


def test_later_mentions_are_linked() -> None:
    text = ("Oberbürgermeister Dr. Michael Hohl wird verabschiedet. Dr. Hohl dankt. "
            "Später sprach Hohl noch einmal.")
    found, _ = find_people(text)
    assert len(found) == 1
    assert [m.text for m in found[0].mentions] == ["Michael Hohl", "Hohl", "Hohl"]


def test_address_form_links_to_full_name() -> None:
    found, _ = find_people("Senatorin Melanie Leonhard kam. Frau Leonhard lobte das Projekt.")
    assert [p.name for p in found] == ["Melanie Leonhard"]
    assert len(found[0].mentions) == 2


def test_spelling_variant_is_one_person() -> None:
    found, _ = find_people("Peter Sünnenwold kommt. Peter Sunnenwold ist seit April im Amt.")
    assert [p.name for p in found] == ["Peter Sünnenwold"]


def test_surname_given_list_with_party() -> None:
    text = ("Gewählt wurden:\n\nKabata, Katharina (SPD – Internationale Liste)\n\n"
            "Adu, Obojah (Griechische Initiative)\n")
    found, orgs = find_people(text)
    assert [(p.name, p.organization) for p in found] == [
        ("Katharina Kabata", "SPD – Internationale Liste"),
        ("Obojah Adu", "Griechische Initiative"),
    ]
    assert {name for _, _, name in orgs} == {"SPD – Internationale Liste", "Griechische Initiative"}


def test_initials_and_shared_surname() -> None:
    names = people("Den Anfang machten die Schwestern Andrea und Lee D. Böhm mit Büchern.")
    assert set(names) == {"Andrea Böhm", "Lee D. Böhm"}


def test_signature_after_im_auftrag() -> None:
    assert "Brühl" in people("Genauere Details folgen.\n\nIm Auftrag,\n\nBrühl")


def test_same_surname_two_people() -> None:
    names = people("Cornelia Dill spielt Violine und Hans-Georg Dill das Cello.")
    assert set(names) == {"Cornelia Dill", "Hans-Georg Dill"}


def test_role_of_next_person_is_not_taken() -> None:
    names = people("Das Bild zeigt Josef Krug (Kirf), Bürgermeister Jürgen Dixius und andere.")
    assert names["Josef Krug"] == (None, None)
    assert names["Jürgen Dixius"] == (None, "Bürgermeister")


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Die Kranzniederlegung ist an der Friedrich-Engels-Straße.", "Friedrich-Engels"),
        ("Das Büro liegt am Willy-Brandt-Platz 1.", "Willy-Brandt"),
        ("Im Märchenwald erzählt Frau Holle Geschichten.", "Holle"),
        ("Die Ausstellung läuft bis Ende Mai und im August Kranz.", "Mai"),
        ("Am Freitag, 5. August Müller zu Gast.", "August Müller"),
        ("Der musikalische Ausklang wurde mit Son Cuarto gefeiert.", "Son Cuarto"),
    ],
)
def test_not_people(text: str, not_a_person: str) -> None:
    assert not any(not_a_person in name for name in people(text))


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
