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


# -- general rules (invented sentences) ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated compounds
        ("Die Pläne stellt das Garten- und Friedhofsamt vor.", "Garten- und Friedhofsamt"),
        ("Die Industrie- und Handelskammer Lindenberg berät.", "Industrie- und Handelskammer Lindenberg"),
        ("Laut Angaben des Hoch- und Tiefbauamtes beginnt der Bau.", "Hoch- und Tiefbauamt"),
        # complements in the genitive
        ("Es berichtete der Fachdienst Jugend des Landkreises.", "Fachdienst Jugend des Landkreises"),
        ("Der Ausschuss für Umwelt und Verkehr des Kreistages tagt.",
         "Ausschuss für Umwelt und Verkehr des Kreistages"),
        ("Das Presseamt der Stadt Lindenberg informiert.", "Presseamt der Stadt Lindenberg"),
        # quoted names keep the noun before them
        ("Es singt der Chor der Musikschule „Tonleiter“.", "Chor der Musikschule „Tonleiter“"),
        ("Die Initiative „Grün für alle“ sammelt Unterschriften.", "Initiative „Grün für alle“"),
        # descriptors before a company or association name are not part of it
        ("Den Auftrag erhielt die Firma Westbau Lindner GmbH.", "Westbau Lindner GmbH"),
        ("Mitglieder des Vereins Kulturfreunde Nord e. V. helfen.", "Kulturfreunde Nord e. V."),
        ("Geplant hat das Büro Weitblick Haas & Ott GmbH.", "Büro Weitblick Haas & Ott GmbH"),
        # administrative units with their own name
        ("Anfragen beantwortet das Referat Bürgerdialog.", "Referat Bürgerdialog"),
        ("Zuständig ist die Abteilung Sport und Freizeit.", "Abteilung Sport und Freizeit"),
        ("Die Volkshochschule am Stadtwald feiert.", "Volkshochschule am Stadtwald"),
        ("Der Freistaat Sachsen fördert das Projekt.", "Freistaat Sachsen"),
    ],
)
def test_general_org_rules(text: str, expected: str) -> None:
    assert expected in org_names(text)


def test_body_in_a_genitive_stays_its_own_organisation() -> None:
    text = ("Landeshauptstadt Lindenberg, 3. Mai 2024\n\nDer Markt öffnet.\n\n"
            "Pressestelle der Landeshauptstadt Lindenberg")
    assert set(org_names(text)) == {
        "Landeshauptstadt Lindenberg", "Pressestelle der Landeshauptstadt Lindenberg"}


def test_short_form_joins_name_with_genitive() -> None:
    text = "Der Kreistag des Kreises Lindenberg tagt. Der Kreistag Lindenberg hat 40 Sitze."
    assert org_names(text) == ["Kreistag des Kreises Lindenberg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Text.\n\nStadt Lindenberg – Bürger- und Medienservice\nTel. 0123 45",
         {"Stadt Lindenberg", "Bürger- und Medienservice"}),
        ("Text.\n\nGemeinde Talheim, Referat Kommunikation\n", {"Gemeinde Talheim", "Referat Kommunikation"}),
    ],
)
def test_unit_in_contact_line(text: str, expected: set[str]) -> None:
    assert set(org_names(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Netzwerke der Region treffen sich.",
        "Es spielt die Münsteraner Band Kiesel & Sand.",
        "Der Festgottesdienst beginnt um zehn.",
        "Neuer Kreistag gewählt",
    ],
)
def test_more_non_organisations(text: str) -> None:
    names = org_names(text)
    assert not any(n in ("Netzwerke", "Münsteraner Band", "Festgottesdienst", "Neuer Kreistag")
                   for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # genitive territorial names in base form
        ("Der Preis des Landkreises Lindenau wird vergeben.", "Landkreis Lindenau"),
        ("Die Förderung des Kreises Steinburg läuft aus.", "Kreis Steinburg"),
        # parliamentary groups with their own name
        ("Antrag der Fraktion Wählergemeinschaft Lindenau: Neue Bänke", "Fraktion Wählergemeinschaft Lindenau"),
        # food banks, brass groups, company endings
        ("Sie leitet seit Jahren die Lindenauer Tafel.", "Lindenauer Tafel"),
        ("Die Altstädter Turmbläser spielen zur Eröffnung.", "Altstädter Turmbläser"),
        ("Dort stellt das Planungsbüro Weitsicht Consult die Zahlen vor.",
         "Planungsbüro Weitsicht Consult"),
    ],
)
def test_territorial_genitives_groups_and_companies(text: str, expected: str) -> None:
    assert expected in org_names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Für die Anreise empfiehlt die Stadt Bus und Bahn.", "Stadt Bus"),
        ("Auf der Gedenktafel stehen die Namen.", "Gedenktafel"),
    ],
)
def test_no_organisation_from_common_nouns(text: str, absent: str) -> None:
    assert absent not in org_names(text)


def test_office_with_title_before_person_is_no_organisation() -> None:
    text = "Landrat Dr. Peter Lindner eröffnete die Feier."
    person = (text.index("Peter"), text.index(" eröffnete"))
    assert "Landrat" not in org_names(text, person_spans=[person])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitalised adjectives are part of a name
        ("Es spielt das Philharmonische Orchester Lindenau.", "Philharmonische Orchester Lindenau"),
        ("Die Freiwillige Feuerwehr Steinfeld feiert.", "Freiwillige Feuerwehr Steinfeld"),
        ("Am Abend singt der Gemischte Chor Steinfeld.", "Gemischte Chor Steinfeld"),
        # units named by a list, state and municipal enterprises
        ("Der Fachbereich Schule, Sport und Kultur informiert.", "Fachbereich Schule, Sport und Kultur"),
        ("Der Landesbetrieb Straßenbau saniert die Brücke.", "Landesbetrieb Straßenbau"),
        ("Die Verkehrsbetriebe Steinfeld setzen Busse ein.", "Verkehrsbetriebe Steinfeld"),
    ],
)
def test_name_adjectives_lists_and_enterprises(text: str, expected: str) -> None:
    assert expected in org_names(text)


def test_common_capitalised_adjective_is_no_name_part() -> None:
    assert "Zuständige Amt" not in " ".join(org_names("Zuständige Amt: Bauamt. Der Rat tagt."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Sitzung des Ausschusses für Schule, Jugend und Sport ist öffentlich.",
         "Ausschuss für Schule, Jugend und Sport"),
        ("Der TSV Eintracht Steinfeld richtet das Turnier aus.", "TSV Eintracht Steinfeld"),
        ("Gegner ist der 1. FC Lindenberg am Sonntag.", "1. FC Lindenberg"),
        ("Es spielt der Musikverein Frohsinn Steinfeld.", "Musikverein Frohsinn Steinfeld"),
        ("Der Stadtjugendring Steinfeld lädt ein.", "Stadtjugendring Steinfeld"),
        ("Die Lebenshilfe Steinfeld und die Caritas helfen.", "Caritas"),
    ],
)
def test_committee_genitives_clubs_and_welfare(text: str, expected: str) -> None:
    assert expected in org_names(text, places=frozenset({"Steinfeld"}))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Bei der 4. Fachtagung Umwelt ging es um Wasser.", "4. Fachtagung Umwelt"),
        ("Der „Lange Freitag“ lockt in die Läden.", "Lange Freitag"),
        ("Das Programm „Musik am Morgen“ startet.", "Musik am Morgen"),
        ("Die Anmeldung läuft im Bürgersaal, Untere Mühlstraße 4.", "Untere"),
        ("Der Lindenauer Bücherherbst beginnt.", "Lindenauer Bücherherbst"),
    ],
)
def test_model_spans_that_name_events_or_streets_are_dropped(text: str, span: str) -> None:
    start = text.index(span)
    assert org_names(text, model_spans=[(start, start + len(span))]) == []


def test_model_span_with_an_organisation_head_is_kept() -> None:
    text = "Die 2. Kompanie des Bataillons übt."
    span = "2. Kompanie"
    start = text.index(span)
    assert org_names(text, model_spans=[(start, start + len(span))]) != []


def test_model_span_naming_an_office_is_dropped() -> None:
    text = "Es sprach die Beigeordnete für Umwelt und Verkehr, Eva Roth."
    span = "Beigeordnete für Umwelt und Verkehr"
    start = text.index(span)
    assert org_names(text, model_spans=[(start, start + len(span))]) == []
    text = "Es tagte der Stadtrat am Montag."
    start = text.index("Stadtrat")
    assert org_names(text, model_spans=[(start, start + 8)]) == ["Stadtrat"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stadt Steinfeld im Odenwald informiert.", ["Stadt Steinfeld im Odenwald"]),
        ("Die Stadt Steinfeld an der Lahn lädt ein.", ["Stadt Steinfeld an der Lahn"]),
        ("Die Stadt Steinfeld im Januar.", ["Stadt Steinfeld"]),
        ("Die Stadt Steinfeld im Rathaus stellt vor.", ["Stadt Steinfeld"]),
    ],
)
def test_town_with_its_region_or_river(text: str, expected: list[str]) -> None:
    assert org_names(text, places=frozenset({"Steinfeld"})) == expected


# -- the linear-time helpers answer exactly what the scans they replace answered ------------


def test_span_cover_and_disjoint_spans_match_a_scan() -> None:
    import random

    from pressparse.intervals import DisjointSpans, SpanUnion

    rng = random.Random(7)
    for _ in range(300):
        spans = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 30) for _ in range(rng.randint(0, 6)))]
        cover = SpanUnion(spans)
        for a in range(0, 36):
            assert cover.covers(a) == any(s <= a < e for s, e in spans)
            for b in range(a, a + 8):
                assert cover.overlaps(a, b) == any(a < e and s < b for s, e in spans)
                assert cover.contains(a, b) == any(s <= a and b <= e for s, e in spans)
        kept: list[tuple[int, int]] = []
        disjoint = DisjointSpans()
        for s, e in sorted(spans, key=lambda x: -(x[1] - x[0])):
            assert disjoint.overlaps(s, e) == any(s < ke and ks < e for ks, ke in kept)
            if not disjoint.overlaps(s, e):
                kept.append((s, e))
                disjoint.add(s, e)


def test_occurrences_match_a_whole_word_search() -> None:
    import regex

    from pressparse.orgs.rules import occurrences

    text = "Die Linke, DIE LINKE und Bündnis 90/Die Grünen; Grünen-Fraktion, GrünenX e.V.e. V. KGKG KG"
    for form, not_before in (("Linke", ""), ("Grünen", "/"), ("e. V.", ""), ("KG", ""), ("e.V.", "")):
        pattern = rf"(?<![\p{{L}}{not_before}]){regex.escape(form)}(?![\p{{L}}])"
        assert list(occurrences(text, form, not_before)) == [m.start() for m in regex.finditer(pattern, text)]


def test_quote_marks_answer_like_reading_the_line() -> None:
    from pressparse.orgs.rules import QuoteMarks

    text = "Die Aktion „Wohnung gegen Bahncard“ läuft.\n„Kurz“ und »lang« ohne Ende „offen"
    quotes = QuoteMarks(text)
    inner = text.index("Wohnung gegen")
    assert quotes.inside_longer_quote(inner, inner + len("Wohnung"))  # part of a longer title
    whole = text.index("Wohnung gegen Bahncard")
    assert not quotes.inside_longer_quote(whole, whole + len("Wohnung gegen Bahncard"))
    kurz = text.index("Kurz")
    assert not quotes.inside_longer_quote(kurz, kurz + 4)  # the quote is exactly the span
    offen = text.index("offen")
    assert not quotes.inside_longer_quote(offen, offen + 2)  # no closing mark on the line
