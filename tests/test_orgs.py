"""Organisation rules: municipal patterns, merging of inflected forms, generic references."""

from __future__ import annotations

import pytest

from pressparse.lang.de.org_forms import LexiconError, parse_heads
from pressparse.orgs.rules import find_orgs


def org_names(text: str, **kw) -> list[str]:
    orgs = find_orgs(text, **kw)
    for o in orgs:
        for m in o.mentions:
            assert text[m.start : m.end] == m.text
    return [o.name for o in orgs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ein Grußwort kam von der Behörde für Bau, Verkehr, Umwelt und Wohnen am Morgen.",
         "Behörde für Bau, Verkehr, Umwelt und Wohnen"),
        ("Seit 2005 betreut das Amt für Sport und Freizeit die Hallen.",
         "Amt für Sport und Freizeit"),
        ("Danach stellte der Bochumer Jugendrat seine Forderungen vor.", "Bochumer Jugendrat"),
        ("Der Seniorenbeirat Heidelberg trifft sich monatlich.", "Seniorenbeirat Heidelberg"),
        ("Der Rat von Kleve hat den Haushalt beschlossen.", "Rat von Kleve"),
        ("Foto: Stadt Köln/ Jana Petersen", "Stadt Köln"),
        ("Das Projekt NachbarNetz hat viele Helfer gewonnen.", "NachbarNetz"),
        ("Für die Musik sorgt die Gruppe „Klangwerk“.", "Klangwerk"),
        ("Der Förderverein Stadtpark Nord e. V. lädt ein.", "Förderverein Stadtpark Nord e. V."),
        ("Die Stadtwerke Musterstadt GmbH bauen.", "Stadtwerke Musterstadt GmbH"),
        ("Vorher war sie Referentin im niedersächsischen Umweltministerium.",
         "niedersächsisches Umweltministerium"),
    ],
)
def test_patterns(text: str, expected: str) -> None:
    assert expected in org_names(text)


def test_inflected_forms_are_merged_to_base_form() -> None:
    text = ("Die Tagung fand mit den Offenen Werkstätten Lindenau statt. "
            "Das Projekt Offene Werkstätten plant weiter.")
    orgs = find_orgs(text)
    assert len(orgs) == 1
    assert orgs[0].name == "Offene Werkstätten Lindenau"
    assert len(orgs[0].mentions) == 2


def test_short_reference_joins_full_name() -> None:
    text = "Der Seniorenbeirat Heidelberg wurde 2019 gewählt. Der Beirat berät die Stadt."
    orgs = find_orgs(text)
    assert [o.name for o in orgs] == ["Seniorenbeirat Heidelberg"]
    assert [m.text for m in orgs[0].mentions] == ["Seniorenbeirat Heidelberg", "Beirat"]


def test_parties_reported_in_base_form() -> None:
    names = org_names("Unterstützt wird sie von SPD, Grünen und SSW.")
    assert names == ["SPD", "Grüne", "SSW"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Plan wurde von der Kommunalpolitik begrüßt.",
        "Die Verwaltung prüft den Antrag.",
        "Der Rat will eine Arbeitskommission einsetzen.",
        "Insgesamt kamen 120 Gäste.",
        "Die Menschen leben in der Stadt Heidelberg gern.",
        "Die Stadtgesellschaft ist vielfältig.",
    ],
)
def test_generic_references_are_not_organisations(text: str) -> None:
    assert org_names(text) == []


def test_model_entities_are_filtered() -> None:
    text = 'Sie liest aus "Koffer voller Sommer" vor. Wer die Deutsche Staatsbürgerschaft hat, wählt.'
    spans = [(text.index("Sommer"), text.index("Sommer") + 6),
             (text.index("Deutsche"), text.index(" hat,"))]
    assert org_names(text, model_spans=spans) == []


def test_person_orgs_are_added() -> None:
    text = "Konrad v. Sellheim, Vorsitzender der Stadtverordnetenversammlung, eröffnete die Sitzung."
    start = text.index("Stadtverordnetenversammlung")
    names = org_names(text, extra=[(start, start + 27, "Stadtverordnetenversammlung")])
    assert names == ["Stadtverordnetenversammlung"]


def test_heads_lexicon_validation() -> None:
    with pytest.raises(LexiconError, match="heads.tsv:1"):
        parse_heads("Rat\tm\tcouncil\n", "heads.tsv")
