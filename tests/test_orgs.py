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
        ("Ein Grußwort kam von der Behörde für Arbeit, Soziales, Familie und Integration heute.",
         "Behörde für Arbeit, Soziales, Familie und Integration"),
        ("Seit 1999 organisiert das Amt für Kultur und Denkmalschutz Konzerte.",
         "Amt für Kultur und Denkmalschutz"),
        ("Im Anschluss stellte der Harburger Integrationsrat die Ergebnisse vor.",
         "Harburger Integrationsrat"),
        ("Der Seniorenbeirat Kaiserslautern hat ein offenes Ohr.", "Seniorenbeirat Kaiserslautern"),
        ("Der Senat von Berlin hält seine Sitzung ab.", "Senat von Berlin"),
        ("Foto: Stadt Koblenz/ Theresa Lambrich", "Stadt Koblenz"),
        ("Das Projekt MigraNet hat den Rat gestärkt.", "MigraNet"),
        ("Für die Musik sorgt die Gruppe „Huebnotix“.", "Huebnotix"),
        ("Der Förderverein Stadtpark Nord e. V. lädt ein.", "Förderverein Stadtpark Nord e. V."),
        ("Die Stadtwerke Musterstadt GmbH bauen.", "Stadtwerke Musterstadt GmbH"),
        ("Kämpfer war Staatssekretär im schleswig-holsteinischen Umweltministerium.",
         "schleswig-holsteinisches Umweltministerium"),
    ],
)
def test_patterns(text: str, expected: str) -> None:
    assert expected in org_names(text)


def test_inflected_forms_are_merged_to_base_form() -> None:
    text = ("Die Konferenz fand mit den Lokalen Partnerschaften Harburg statt. "
            "Das Projekt Lokale Partnerschaften plant weiter.")
    orgs = find_orgs(text)
    assert len(orgs) == 1
    assert orgs[0].name == "Lokale Partnerschaften Harburg"
    assert len(orgs[0].mentions) == 2


def test_short_reference_joins_full_name() -> None:
    text = "Der Seniorenbeirat Kaiserslautern wurde 1996 gewählt. Der Beirat ist neutral."
    orgs = find_orgs(text)
    assert [o.name for o in orgs] == ["Seniorenbeirat Kaiserslautern"]
    assert [m.text for m in orgs[0].mentions] == ["Seniorenbeirat Kaiserslautern", "Beirat"]


def test_parties_reported_in_base_form() -> None:
    names = org_names("Er war Kandidat von SPD, Grünen und SSW.")
    assert names == ["SPD", "Grüne", "SSW"]


@pytest.mark.parametrize(
    "text",
    [
        "Das Leitbild wurde von der Bezirkspolitik verabschiedet.",
        "Die Verwaltung prüft den Antrag.",
        "Er will eine Konsolidierungskommission bilden.",
        "Insgesamt kamen 80 Gäste.",
        "Die Menschen leben in der Stadt Kaiserslautern gern.",
        "Die Stadtgesellschaft ist vielfältig.",
    ],
)
def test_generic_references_are_not_organisations(text: str) -> None:
    assert org_names(text) == []


def test_model_entities_are_filtered() -> None:
    text = 'Man konnte "Wohnung gegen Bahncard" tauschen. Die Deutsche Staatsbürgerschaft zählt.'
    spans = [(text.index("Bahncard"), text.index("Bahncard") + 8),
             (text.index("Deutsche"), text.index("zählt") - 1)]
    assert org_names(text, model_spans=spans) == []


def test_person_orgs_are_added() -> None:
    text = "Friedrich v. Kekulé, Vorsitzender der Stadtverordnetenversammlung, lädt ein."
    start = text.index("Stadtverordnetenversammlung")
    names = org_names(text, extra=[(start, start + 27, "Stadtverordnetenversammlung")])
    assert names == ["Stadtverordnetenversammlung"]


def test_heads_lexicon_validation() -> None:
    with pytest.raises(LexiconError, match="heads.tsv:1"):
        parse_heads("Rat\tm\tcouncil\n", "heads.tsv")
