"""Events: typing by compound heads, argument linking, coreference, negative cases.

The inputs (dates, venues, people, organisations) are built by hand here, so these tests pin
down the event rules independently of the other components.
"""

from __future__ import annotations

from datetime import date

import pytest

from pressparse.events import EventInputs, extract_events, load_lexicon
from pressparse.schema import Mention, Organization, Person, TimeExpression, Venue


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _find(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return pos, pos + len(surface)


def make_inputs(
    text: str,
    *,
    dates: tuple = (),
    venues: tuple = (),
    people: tuple = (),
    orgs: tuple = (),
    published: date | None = None,
    body_end: int | None = None,
) -> EventInputs:
    """dates: (surface, TYPE, value[, nth]); venues/orgs: names; people: (name, surface)."""
    timexes = []
    for item in dates:
        surface, type_, value = item[:3]
        start, end = _find(text, surface, item[3] if len(item) > 3 else 0)
        timexes.append(TimeExpression(text=surface, start=start, end=end, type=type_, value=value))

    def mentions(surface: str) -> list[Mention]:
        out, pos = [], text.find(surface)
        while pos >= 0:
            out.append(Mention(text=surface, start=pos, end=pos + len(surface)))
            pos = text.find(surface, pos + 1)
        return out

    return EventInputs(
        text=text,
        published=published,
        body_end=body_end,
        dates=timexes,
        venues=[Venue(name=v, mentions=mentions(v)) for v in venues],
        people=[Person(name=n, mentions=mentions(s)) for n, s in people],
        organizations=[Organization(name=o, mentions=mentions(o)) for o in orgs],
    )


def run(lex, text: str, **kwargs):
    inputs = make_inputs(text, **kwargs)
    events = extract_events(inputs, lex)
    for event in events:  # offsets are exact everywhere
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert 0.0 <= event.confidence <= 1.0
    return events


# -- types by compound heads ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Die Digitalisierungskonferenz findet am 12. März 2025 statt.", "Digitalisierungskonferenz", "conference"),
        ("Eine Zukunftswerkstatt findet am 12. März 2025 statt.", "Zukunftswerkstatt", "workshop"),
        ("Die Vollsperrung der Brücke beginnt am 12. März 2025.", "Vollsperrung", "works_closure"),
        ("Die Einbürgerungsfeier findet am 12. März 2025 statt.", "Einbürgerungsfeier", "ceremony"),
        ("Das Sommerfest findet am 12. März 2025 statt.", "Sommerfest", "festival"),
        ("Die Gemeinderatssitzung findet am 12. März 2025 statt.", "Gemeinderatssitzung", "council_meeting"),
        ("Die Einwohnerversammlung findet am 12. März 2025 statt.", "Einwohnerversammlung", "public_consultation"),
        ("Der Spatenstich findet am 12. März 2025 statt.", "Spatenstich", "opening"),
        ("Das Orgelkonzert findet am 12. März 2025 statt.", "Orgelkonzert", "culture"),
        ("Der Spendenlauf findet am 12. März 2025 statt.", "Spendenlauf", "sports"),
        ("Die Rentensprechstunde findet am 12. März 2025 statt.", "Rentensprechstunde", "office_hours"),
        ("Die Oberbürgermeisterwahl findet am 12. März 2025 statt.", "Oberbürgermeisterwahl", "election"),
    ],
)
def test_compound_heads_give_the_type(lex, sentence, trigger, expected):
    events = run(lex, sentence, dates=(("12. März 2025", "DATE", "2025-03-12"),))
    assert [(e.type, e.trigger.text, e.start) for e in events] == [(expected, trigger, "2025-03-12")]


def test_longest_entry_wins_over_its_head(lex):
    # "Sportfest" is sports, although it ends in "Fest" (festival)
    events = run(lex, "Das Sportfest beginnt am 4. Mai.", dates=(("4. Mai", "DATE", "XXXX-05-04"),))
    assert events[0].type == "sports"


def test_blocked_compounds_are_no_triggers(lex):
    text = "Die Wahlbeteiligung lag am 4. Mai bei 40 Prozent. Die Auswahl am 4. Mai war schwer."
    events = run(lex, text, dates=(("4. Mai", "DATE", "XXXX-05-04"), ("4. Mai", "DATE", "XXXX-05-04", 1)))
    assert events == []


# -- verbs ------------------------------------------------------------------------------------
def test_verb_trigger_ehrt(lex):
    text = "Am Freitag, 6. Juni, ehrt die Stadt ihre Sportlerinnen und Sportler im Ratssaal."
    events = run(lex, text, dates=(("Freitag, 6. Juni", "DATE", "2025-06-06"),), venues=("Ratssaal",))
    assert [(e.type, e.start, e.venue, e.name) for e in events] == [
        ("ceremony", "2025-06-06", "Ratssaal", "Ehrung")
    ]


def test_history_is_an_event(lex):
    events = run(lex, "Das Rathaus wurde 1892 eingeweiht.", dates=(("1892", "DATE", "1892"),))
    assert [(e.type, e.start) for e in events] == [("opening", "1892")]


def test_swearing_in_within_a_session_is_part_of_it(lex):
    text = (
        "Im Rahmen einer Festsitzung des Kreistags ist die neue Landrätin am Freitag, "
        "8. November 2024, vereidigt worden."
    )
    events = run(lex, text, dates=(("Freitag, 8. November 2024", "DATE", "2024-11-08"),))
    assert [(e.type, e.start) for e in events] == [("council_meeting", "2024-11-08")]


# -- arguments ------------------------------------------------------------------------------------
def test_date_with_clock_range(lex):
    text = "Die Jugendwerkstatt findet am Samstag, 4. Mai, von 10 bis 16 Uhr im Bürgerhaus statt."
    events = run(
        lex,
        text,
        dates=(
            ("Samstag, 4. Mai", "DATE", "2024-05-04"),
            ("von 10 bis 16 Uhr", "TIME", "2024-05-04T10:00"),
            ("von 10 bis 16 Uhr", "TIME", "2024-05-04T16:00"),
        ),
        venues=("Bürgerhaus",),
    )
    assert [(e.type, e.start, e.end, e.venue) for e in events] == [
        ("workshop", "2024-05-04T10:00", "2024-05-04T16:00", "Bürgerhaus")
    ]


def test_venue_from_the_next_sentence_of_the_paragraph(lex):
    text = (
        "Der Gemeinderat kommt am Dienstag, 4. Februar 2025, um 18 Uhr zu seiner Sitzung "
        "zusammen. Sitzungsort ist der Ratssaal im Alten Rathaus. Die Sitzung ist öffentlich."
    )
    events = run(
        lex,
        text,
        dates=(
            ("Dienstag, 4. Februar 2025", "DATE", "2025-02-04"),
            ("18 Uhr", "TIME", "2025-02-04T18:00"),
        ),
        venues=("Ratssaal im Alten Rathaus",),
    )
    assert len(events) == 1  # the second mention is the same event
    assert (events[0].type, events[0].start, events[0].venue) == (
        "council_meeting",
        "2025-02-04T18:00",
        "Ratssaal im Alten Rathaus",
    )


def test_definite_mention_refers_back_and_adds_the_venue(lex):
    text = (
        "Für ihren langjährigen Einsatz hat der Landrat gestern neun Feuerwehrleute geehrt. "
        "Beim Festakt in der Dorfgemeinschaftshaus überreichte er die Urkunden."
    )
    events = run(lex, text, dates=(("gestern", "DATE", "2024-03-01"),), venues=("Dorfgemeinschaftshaus",))
    assert [(e.type, e.start, e.venue) for e in events] == [("ceremony", "2024-03-01", "Dorfgemeinschaftshaus")]


def test_next_instance_is_a_new_event(lex):
    text = (
        "Die 5. Klimakonferenz fand am 3. Mai 2024 im Stadthaus statt. "
        "Die nächste Klimakonferenz ist für den 2. Mai 2025 geplant."
    )
    events = run(
        lex,
        text,
        dates=(("3. Mai 2024", "DATE", "2024-05-03"), ("2. Mai 2025", "DATE", "2025-05-02")),
        venues=("Stadthaus",),
        published=date(2024, 5, 6),
    )
    assert [(e.start, e.venue, e.status) for e in events] == [
        ("2024-05-03", "Stadthaus", "past"),
        ("2025-05-02", None, "upcoming"),
    ]
    assert events[0].name == "5. Klimakonferenz"


def test_opening_of_something_that_runs_gives_two_events(lex):
    text = (
        "Oberbürgermeisterin Anna Beispiel eröffnet am 28. November um 17 Uhr den Lübecker "
        "Weihnachtsmarkt auf dem Marktplatz."
    )
    events = run(
        lex,
        text,
        dates=(("28. November", "DATE", "2024-11-28"), ("17 Uhr", "TIME", "2024-11-28T17:00")),
        venues=("Marktplatz",),
        people=(("Anna Beispiel", "Anna Beispiel"),),
    )
    assert sorted((e.type, e.start[:10]) for e in events) == [
        ("festival", "2024-11-28"),
        ("opening", "2024-11-28"),
    ]
    market = next(e for e in events if e.type == "festival")
    assert market.name == "Lübecker Weihnachtsmarkt"


def test_opening_a_concert_is_a_participant_role(lex):
    text = (
        "Zum Adventskonzert bittet die Gemeinde am 14. Dezember in die Klosterkirche. "
        "Landrätin Petra Muster wird das Konzert eröffnen."
    )
    events = run(
        lex,
        text,
        dates=(("14. Dezember", "DATE", "XXXX-12-14"),),
        venues=("Klosterkirche",),
        people=(("Petra Muster", "Petra Muster"),),
    )
    assert [(e.type, e.venue) for e in events] == [("culture", "Klosterkirche")]
    assert [(p.name, p.role) for p in events[0].participants] == [("Petra Muster", "Eröffnung")]


def test_organisers_from_invitation_and_cooperation(lex):
    text = (
        "Der Seniorenbeirat lädt am 5. Mai zum Frühlingsfest in den Stadtpark ein. "
        "Das Fest wird in Kooperation mit dem Nachbarschaftsverein Nord veranstaltet."
    )
    events = run(
        lex,
        text,
        dates=(("5. Mai", "DATE", "XXXX-05-05"),),
        venues=("Stadtpark",),
        orgs=("Seniorenbeirat", "Nachbarschaftsverein Nord"),
    )
    assert len(events) == 1
    assert events[0].organizers == ["Seniorenbeirat", "Nachbarschaftsverein Nord"]


def test_programme_part_without_own_time_is_not_an_event(lex):
    text = "Die Fachtagung beginnt am 3. Juni im Rathaus. Den Vortrag hält Professorin Eva Bild."
    events = run(lex, text, dates=(("3. Juni", "DATE", "XXXX-06-03"),), venues=("Rathaus",))
    assert [e.type for e in events] == ["conference"]


# -- status ---------------------------------------------------------------------------------
def test_cancelled_and_postponed(lex):
    text = (
        "Das Stadtfest am 3. August ist abgesagt.\n\n"
        "Die Informationsveranstaltung am 12. November muss verschoben werden. "
        "Neuer Termin ist der 28. November um 18 Uhr."
    )
    events = run(
        lex,
        text,
        dates=(
            ("3. August", "DATE", "2024-08-03"),
            ("12. November", "DATE", "2024-11-12"),
            ("28. November", "DATE", "2024-11-28"),
            ("18 Uhr", "TIME", "2024-11-28T18:00"),
        ),
        published=date(2024, 7, 1),
    )
    fest, info = events
    assert fest.cancelled and fest.status == "upcoming"
    assert (info.type, info.start, info.postponed_to) == (
        "public_consultation",
        "2024-11-28T18:00",
        "2024-11-28T18:00",
    )
    assert not info.cancelled


def test_confidence_grows_with_evidence(lex):
    bare = run(lex, "Das Sommerfest findet 2025 statt.", dates=(("2025", "DATE", "2025"),))[0]
    full = run(
        lex,
        "Das Sommerfest findet am 5. Mai um 14 Uhr im Stadtpark statt.",
        dates=(("5. Mai", "DATE", "2025-05-05"), ("14 Uhr", "TIME", "2025-05-05T14:00")),
        venues=("Stadtpark",),
    )[0]
    assert full.confidence > bare.confidence


# -- negative cases -----------------------------------------------------------------------------
def test_opening_of_a_procedure_is_no_event(lex):
    text = "Die Eröffnung des Insolvenzverfahrens wurde am 3. Mai beim Amtsgericht beantragt."
    assert run(lex, text, dates=(("3. Mai", "DATE", "XXXX-05-03"),), venues=("Amtsgericht",)) == []


def test_conference_as_a_topic_is_no_event(lex):
    text = "Der Ausschuss diskutierte am 4. Mai über die Weltklimakonferenz."
    events = run(lex, text, dates=(("4. Mai", "DATE", "XXXX-05-04"),))
    assert all(e.type != "conference" for e in events)


def test_tickets_for_an_event_do_not_make_a_new_one(lex):
    text = (
        "Das Sommerfest im Kurpark beginnt am 21. Juni um 14 Uhr. "
        "Tickets für das Fest gibt es ab dem 2. Juni im Bürgerbüro."
    )
    events = run(
        lex,
        text,
        dates=(
            ("21. Juni", "DATE", "XXXX-06-21"),
            ("14 Uhr", "TIME", "XXXX-06-21T14:00"),
            ("2. Juni", "DATE", "XXXX-06-02"),
        ),
        venues=("Kurpark", "Bürgerbüro"),
    )
    assert [(e.start, e.venue) for e in events] == [("XXXX-06-21T14:00", "Kurpark")]


def test_generic_plural_is_no_event(lex):
    text = "Schon seit 2005 bietet die Volkshochschule Lesungen für junge Familien an."
    assert run(lex, text, dates=(("seit 2005", "DATE", "2005"),)) == []


def test_trigger_without_time_or_venue_is_no_event(lex):
    assert run(lex, "Die Konferenz war ein großer Erfolg.") == []


def test_footer_is_ignored(lex):
    text = "Das Sommerfest beginnt am 5. Mai.\n\nKontakt: Pressestelle, Sprechstunde am 6. Mai"
    events = run(
        lex,
        text,
        dates=(("5. Mai", "DATE", "XXXX-05-05"), ("6. Mai", "DATE", "XXXX-05-06")),
        body_end=text.index("Kontakt"),
    )
    assert [e.type for e in events] == ["festival"]


# -- vocabulary beyond the compound heads (invented sentences) -----------------------------------
@pytest.mark.parametrize(
    ("sentence", "date_text", "value", "expected"),
    [
        ("Der Gemeinderat kommt am 3. März 2025 zu einer Sondersitzung zusammen.", "3. März 2025", "2025-03-03", "council_meeting"),
        ("Zur Festsitzung am 3. März 2025 kommen alle Ratsmitglieder.", "3. März 2025", "2025-03-03", "council_meeting"),
        ("Die Ratsversammlung tritt am 3. März 2025 zusammen.", "3. März 2025", "2025-03-03", "council_meeting"),
        ("Eine Feierstunde für die Jubilare gibt es am 3. März 2025.", "3. März 2025", "2025-03-03", "ceremony"),
        ("Eine Kranzniederlegung am Ehrenmal folgt am 3. März 2025.", "3. März 2025", "2025-03-03", "ceremony"),
        ("Am 3. März 2025 verabschiedet der Landrat die langjährige Amtsleiterin.", "3. März 2025", "2025-03-03", "ceremony"),
        ("Die Bürgermeisterin empfängt am 3. März 2025 eine Delegation aus Polen.", "3. März 2025", "2025-03-03", "ceremony"),
        ("Am 3. März 2025 trug sich die Botschafterin ins Goldene Buch der Stadt ein.", "3. März 2025", "2025-03-03", "ceremony"),
        ("Zu einem Antrittsbesuch kam der neue Präfekt am 3. März 2025.", "3. März 2025", "2025-03-03", "other"),
        ("Ein Treffen der Ortsvorsteher findet am 3. März 2025 statt.", "3. März 2025", "2025-03-03", "other"),
        ("Am 3. März 2025 versammelten sich die Vereine zum Neujahrsgespräch.", "3. März 2025", "2025-03-03", "other"),
        ("Der Jugendbeirat wurde am 3. März 2025 ins Leben gerufen.", "3. März 2025", "2025-03-03", "other"),
        ("Ihre Arbeit als Amtsleiterin nimmt sie am 3. März 2025 auf.", "3. März 2025", "2025-03-03", "other"),
        ("Er hat die Nachfolge des Kämmerers am 3. März 2025 angetreten.", "3. März 2025", "2025-03-03", "other"),
    ],
)
def test_further_vocabulary(lex, sentence, date_text, value, expected):
    events = run(lex, sentence, dates=((date_text, "DATE", value),))
    assert [(e.type, e.start) for e in events] == [(expected, value)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Einwohnerfragestunde beginnt am 3. März 2025 um 17 Uhr.", "public_consultation"),
        ("Eine Anwohnerversammlung zur neuen Buslinie gibt es am 3. März 2025.", "public_consultation"),
        ("Der Gemeinderat beginnt am 3. März 2025 mit der Offenlage des Bebauungsplans.", "public_consultation"),
        ("Die Kita Regenbogen wird am 3. März 2025 in Betrieb genommen.", "opening"),
        ("Die Neueröffnung der Stadtteilbücherei ist am 3. März 2025.", "opening"),
        ("Die Amtseinführung des neuen Pfarrers ist am 3. März 2025.", "ceremony"),
        ("Die Zeugnisübergabe für die Absolventen folgt am 3. März 2025.", "ceremony"),
        ("Der Laternenumzug startet am 3. März 2025 an der Grundschule.", "festival"),
        ("Der Kinderflohmarkt lockt am 3. März 2025 viele Familien an.", "festival"),
        ("Das Festwochenende beginnt am 3. März 2025.", "festival"),
        ("Zur Museumsnacht am 3. März 2025 bleiben alle Häuser bis Mitternacht offen.", "culture"),
        ("Ein Liederabend mit dem Kammerchor erklingt am 3. März 2025.", "culture"),
        ("Die Finissage der Fotoschau ist am 3. März 2025.", "culture"),
        ("Das Seifenkistenrennen startet am 3. März 2025 am Mühlberg.", "sports"),
        ("Ein Benefizspiel der Stadtauswahl steigt am 3. März 2025.", "sports"),
        ("Mit der Fahrbahnerneuerung beginnt die Stadt am 3. März 2025.", "works_closure"),
        ("Der Baubeginn für die neue Mensa ist am 3. März 2025.", "works_closure"),
        ("Ein Beratungstag für Existenzgründer findet am 3. März 2025 statt.", "office_hours"),
        ("Am Wahlsonntag, 3. März 2025, sind alle Wahllokale von 8 bis 18 Uhr geöffnet.", "election"),
        ("Der Heimatverein wurde am 3. März 2025 gegründet.", "other"),
        ("Ein Scheunenbrand zerstörte am 3. März 2025 zwei Gebäude.", "other"),
        ("Eine Katastrophenschutzübung gibt es am 3. März 2025.", "other"),
        ("Die Altkleidersammlung ist am 3. März 2025.", "other"),
        ("Die Pflanzaktion am 3. März 2025 bringt 200 neue Bäume.", "other"),
        ("Das Sprachcafé trifft sich am 3. März 2025 zum ersten Mal.", "other"),
        ("Der Unterrichtsbeginn an der neuen Schule ist am 3. März 2025.", "other"),
        ("Die Jahreshauptversammlung des Sportvereins ist am 3. März 2025.", "other"),
        ("Ein Gesundheitstag für alle Generationen ist am 3. März 2025.", "other"),
        ("Die Blutspende im Gemeindesaal ist am 3. März 2025.", "other"),
    ],
)
def test_broad_vocabulary(lex, sentence, expected):
    events = run(lex, sentence, dates=(("3. März 2025", "DATE", "2025-03-03"),))
    assert (events[0].type, events[0].start) == (expected, "2025-03-03")


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 3. März 2025 war es den ganzen Tag sonnig.",  # a bare "Tag" is no event
        "In der Nacht zum 3. März 2025 blieb es ruhig.",
        "Der Diskurs über die Innenstadt dauert seit dem 3. März 2025 an.",
        "Die Ausübung des Amtes endete am 3. März 2025.",
        "Die Ratsfraktion stellte am 3. März 2025 einen Antrag.",
        "Die Briefwahl ist ab dem 3. März 2025 möglich.",
        "Die Vorwahl für Anrufe ändert sich am 3. März 2025.",
        "Die Sammlung des Museums wächst seit dem 3. März 2025.",
        "Die Woche ab dem 3. März 2025 bleibt mild.",
        "Die Kontoeröffnung ist seit dem 3. März 2025 online möglich.",
    ],
)
def test_vocabulary_negatives(lex, sentence):
    date_text = "dem 3. März 2025" if "dem 3. März" in sentence else "3. März 2025"
    events = run(lex, sentence, dates=((date_text, "DATE", "2025-03-03"),))
    assert events == []


# -- venues: places, objects, topics (invented sentences) ---------------------------------------
def test_a_partner_named_without_a_place_word_is_no_venue(lex):
    text = "Der Vortrag am 6. Mai um 19 Uhr ist eine Kooperation mit der Volkshochschule."
    events = run(
        lex,
        text,
        dates=(("6. Mai", "DATE", "2025-05-06"), ("um 19 Uhr", "TIME", "2025-05-06T19:00")),
        venues=("Volkshochschule",),
    )
    assert [(e.type, e.venue) for e in events] == [("culture", None)]


def test_the_free_venue_of_the_paragraph_must_be_a_place(lex):
    text = (
        "Das Programm der Stadtbücherei bietet am 6. Mai einen Filmabend. "
        "Gezeigt wird er im Lesesaal."
    )
    events = run(
        lex, text, dates=(("6. Mai", "DATE", "2025-05-06"),), venues=("Stadtbücherei", "Lesesaal")
    )
    assert [(e.type, e.venue) for e in events] == [("culture", "Lesesaal")]


def test_a_topic_after_zum_is_no_venue(lex):
    text = "Die Informationsveranstaltung zum Hallenbad ist am 6. Mai."
    events = run(lex, text, dates=(("6. Mai", "DATE", "2025-05-06"),), venues=("Hallenbad",))
    assert [(e.type, e.venue) for e in events] == [("public_consultation", None)]


@pytest.mark.parametrize(
    ("text", "venue", "expected"),
    [
        ("Die Sperrung der Goethestraße beginnt am 6. Mai.", "Goethestraße", "works_closure"),
        ("Am 6. Mai besuchte die Landrätin den Ortsteil Neuhof.", "Neuhof", "other"),
        ("Der Besuch des Ortsteils Neuhof am 6. Mai war der letzte der Reihe.", "Neuhof", "other"),
    ],
)
def test_the_object_of_a_trigger_is_its_venue(lex, text, venue, expected):
    events = run(lex, text, dates=(("6. Mai", "DATE", "2025-05-06"),), venues=(venue,))
    assert [(e.type, e.venue) for e in events] == [(expected, venue)]


def test_an_address_apposition_does_not_cut_the_clause(lex):
    text = (
        "Am Freitagabend hat die Bürgermeisterin im Ratssaal, Marktstraße 4, 12345 Musterstadt, "
        "den Kulturpreis verliehen."
    )
    events = run(
        lex, text, dates=(("Freitagabend", "TIME", "2025-05-09TEV"),), venues=("Ratssaal",)
    )
    assert [(e.type, e.start, e.venue) for e in events] == [("ceremony", "2025-05-09TEV", "Ratssaal")]


# -- which mention is which event ----------------------------------------------------------------
def test_a_quoted_title_introduces_a_new_event(lex):
    text = (
        "Der Filmabend am 6. Mai ist ausverkauft. "
        "Noch bis zum 30. Mai ist im Foyer die Ausstellung „Stadt im Wandel“ zu sehen."
    )
    events = run(
        lex,
        text,
        dates=(("6. Mai", "DATE", "2025-05-06"), ("bis zum 30. Mai", "DATE", "2025-05-30")),
        venues=("Foyer",),
    )
    assert [(e.type, e.start, e.end, e.venue) for e in events] == [
        ("culture", "2025-05-06", None, None),
        ("culture", None, "2025-05-30", "Foyer"),
    ]


def test_an_opening_in_another_clause_is_its_own_event(lex):
    text = "Beim Bürgerentscheid am 7. Juli geht es darum, ob das 1968 eröffnete Freibad abgerissen wird."
    events = run(lex, text, dates=(("7. Juli", "DATE", "2025-07-07"), ("1968", "DATE", "1968")))
    assert sorted((e.type, e.start) for e in events) == [("election", "2025-07-07"), ("opening", "1968")]


def test_a_date_before_a_participle_belongs_to_it(lex):
    text = "Das Jubiläum der 1983 gegründeten Städtepartnerschaft feiern beide Städte am 7. Juli."
    events = run(lex, text, dates=(("1983", "DATE", "1983"), ("7. Juli", "DATE", "2025-07-07")))
    assert sorted((e.type, e.start) for e in events) == [("ceremony", "2025-07-07"), ("other", "1983")]


def test_a_more_specific_name_with_its_own_date_is_a_new_event(lex):
    text = (
        "Am 6. Mai besuchte eine Delegation aus Polen die Stadt. "
        "Der Gegenbesuch ist für September 2025 geplant."
    )
    events = run(
        lex, text, dates=(("6. Mai", "DATE", "2025-05-06"), ("September 2025", "DATE", "2025-09"))
    )
    assert [(e.type, e.start) for e in events] == [("other", "2025-05-06"), ("other", "2025-09")]


def test_attending_an_event_is_part_of_it(lex):
    text = "Am 6. Mai besuchte der Minister das Sommerfest im Stadtpark."
    events = run(lex, text, dates=(("6. Mai", "DATE", "2025-05-06"),), venues=("Stadtpark",))
    assert [(e.type, e.venue) for e in events] == [("festival", "Stadtpark")]


def test_different_clock_times_on_one_day_are_different_events(lex):
    text = "Der Kinderlauf beginnt am 6. Mai um 10 Uhr, der Staffellauf um 11 Uhr."
    events = run(
        lex,
        text,
        dates=(
            ("6. Mai", "DATE", "2025-05-06"),
            ("um 10 Uhr", "TIME", "2025-05-06T10:00"),
            ("um 11 Uhr", "TIME", "2025-05-06T11:00"),
        ),
    )
    assert [(e.type, e.start) for e in events] == [
        ("sports", "2025-05-06T10:00"),
        ("sports", "2025-05-06T11:00"),
    ]


def test_a_coarse_headline_date_joins_the_precise_one(lex):
    text = "Stadtfest im Juni\n\nDas Stadtfest findet vom 13. bis 15. Juni 2025 statt."
    events = run(
        lex,
        text,
        dates=(
            ("im Juni", "DATE", "2025-06"),
            ("vom 13. bis 15. Juni 2025", "DATE", "2025-06-13"),
            ("vom 13. bis 15. Juni 2025", "DATE", "2025-06-15"),
        ),
    )
    assert [(e.type, e.start, e.end) for e in events] == [("festival", "2025-06-13", "2025-06-15")]


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        (
            "Im Mai startet eine neue Kursreihe für Senioren. Die Reihe beginnt am 6. Mai und endet am 24. Juni.",
            (("Im Mai", "DATE", "2025-05"), ("am 6. Mai", "DATE", "2025-05-06"), ("am 24. Juni", "DATE", "2025-06-24")),
            ("workshop", "2025-05-06", "2025-06-24"),
        ),
        (
            "Die Ausstellung „Licht“ ist im März zu sehen. Sie läuft vom 3. März bis 30. April.",
            (("im März", "DATE", "2025-03"), ("vom 3. März bis 30. April", "DATE", "2025-03-03"), ("vom 3. März bis 30. April", "DATE", "2025-04-30")),
            ("culture", "2025-03-03", "2025-04-30"),
        ),
    ],
)
def test_begin_and_end_sentences_refine_the_event(lex, text, dates, expected):
    events = run(lex, text, dates=dates)
    assert [(e.type, e.start, e.end) for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("Die Ortsbürgermeisterin, die das Amt seit 2019 innehat, kandidiert erneut.", "seit 2019", ("other", "2019")),
        ("Der Verein organisiert seit 2016 ein Repair-Café im Jugendhaus.", "seit 2016", ("other", "2016")),
    ],
)
def test_since_dates_start_offices_and_new_series(lex, text, date_text, expected):
    events = run(lex, text, dates=((date_text, "DATE", expected[1]),), venues=("Jugendhaus",))
    assert [(e.type, e.start) for e in events] == [expected]


def test_office_hours_by_a_verb_but_not_a_deliberation(lex):
    text = "Die Schuldnerberaterin berät mittwochs von 9 bis 12 Uhr im Rathaus."
    events = run(
        lex,
        text,
        dates=(("mittwochs von 9 bis 12 Uhr", "SET", "XXXX-WXX-3T09:00"),),
        venues=("Rathaus",),
    )
    assert [(e.type, e.start, e.venue) for e in events] == [("office_hours", "XXXX-WXX-3T09:00", "Rathaus")]
    # a council body deliberating on a date is its meeting (annotation guideline: a dated
    # happening a reader could put in a calendar), not office hours
    text = "Der Ausschuss berät am 6. Mai über den Haushalt."
    events = run(lex, text, dates=(("6. Mai", "DATE", "2025-05-06"),))
    assert [(e.type, e.start) for e in events] == [("council_meeting", "2025-05-06")]


def test_collected_signatures_are_an_event(lex):
    text = "Im Frühjahr wurden 3.000 Unterschriften für das Bürgerbegehren gesammelt."
    events = run(lex, text, dates=(("Im Frühjahr", "DATE", "2025-SP"),))
    assert [(e.type, e.start, e.name) for e in events] == [("other", "2025-SP", "Unterschriftensammlung")]


# -- events named only by a quoted title ---------------------------------------------------------
def test_a_quoted_title_names_a_happening_typed_by_its_sentence(lex):
    text = "Mit vier Vorträgen ging Ende Oktober der „Wissenschaftsherbst“ in der Festhalle zu Ende."
    events = run(lex, text, dates=(("Ende Oktober", "DATE", "2024-10"),), venues=("Festhalle",))
    assert [(e.type, e.name, e.start, e.end, e.venue) for e in events] == [
        ("culture", "Wissenschaftsherbst", None, "2024-10", "Festhalle")
    ]


def test_a_quoted_title_without_typed_neighbours_is_other(lex):
    text = "Am Samstag, 14. September, findet das „Nachbarschaftsglück“ auf dem Kirchplatz statt."
    events = run(
        lex, text, dates=(("Samstag, 14. September", "DATE", "2024-09-14"),), venues=("Kirchplatz",)
    )
    assert [(e.type, e.name, e.start, e.venue) for e in events] == [
        ("other", "Nachbarschaftsglück", "2024-09-14", "Kirchplatz")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "„Wir freuen uns auf viele Gäste“, sagte die Bürgermeisterin am 14. September.",
        "Die Band spielt am 14. September ihr Album „Sommer“ im Jugendhaus.",
        "Am 14. September begann die Aktion der Initiative „Saubere Stadt für alle Menschen hier“.",
    ],
)
def test_quotations_and_titles_of_works_are_no_events(lex, text):
    events = run(lex, text, dates=(("14. September", "DATE", "2024-09-14"),), venues=("Jugendhaus",))
    assert all(e.trigger.text[:1] not in "„\"“" for e in events)


def test_a_generic_plural_leaves_the_date_to_the_singular_trigger(lex):
    text = (
        "Beim Familientag am Sonntag, 8. Juni, können Kinder an Bastelkursen teilnehmen. "
        "Die Bastelkurse beginnen um 15 Uhr."
    )
    events = run(
        lex,
        text,
        dates=(("Sonntag, 8. Juni", "DATE", "2025-06-08"), ("um 15 Uhr", "TIME", "2025-06-08T15:00")),
    )
    assert sorted((e.type, e.start) for e in events) == [
        ("other", "2025-06-08"),
        ("workshop", "2025-06-08T15:00"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Am Samstag, 7. Juni, öffnet die Kläranlage ihre Tore: Beim Tag der offenen Tür gibt es Führungen.",
        "Für alle Interessierten öffnet das Stadtarchiv, Am Markt 3, am Samstag, 7. Juni, seine Türen zu einem Tag der offenen Tür.",
    ],
)
def test_a_venue_that_opens_its_doors_is_the_place(lex, text):
    venue = "Kläranlage" if "Kläranlage" in text else "Stadtarchiv"
    surface = "Samstag, 7. Juni"
    events = run(lex, text, dates=((surface, "DATE", "2025-06-07"),), venues=(venue,))
    assert [(e.type, e.start, e.venue) for e in events] == [("other", "2025-06-07", venue)]


def test_weekdays_of_a_multi_day_programme_fall_inside_it(lex):
    text = (
        "Vom 2. bis 4. Mai 2025 war eine Delegation aus der Partnerstadt zu Gast.\n\n"
        "Am Freitagabend gab es einen Empfang im Rathaus. Am Samstag stand eine Radtour auf "
        "dem Programm. Am Sonntagvormittag besuchte die Gruppe ein Konzert im Dom."
    )
    # weekdays resolved against a later publication date land in the wrong week
    events = run(
        lex,
        text,
        dates=(
            ("Vom 2. bis 4. Mai 2025", "DATE", "2025-05-02"),
            ("Vom 2. bis 4. Mai 2025", "DATE", "2025-05-04"),
            ("Freitagabend", "TIME", "2025-05-09TEV"),
            ("Samstag", "DATE", "2025-05-10"),
            ("Sonntagvormittag", "TIME", "2025-05-11TMO"),
        ),
        venues=("Rathaus", "Dom"),
    )
    assert [(e.type, e.start) for e in events] == [
        ("other", "2025-05-02"),
        ("ceremony", "2025-05-02TEV"),
        ("other", "2025-05-03"),
        ("culture", "2025-05-04TMO"),
    ]


def test_an_attributive_participle_is_no_predicate_of_a_same_type_noun(lex):
    text = (
        "Anlass des Treffens am 5. Mai war der Jahrestag der 1991 unterzeichneten Vereinbarung, "
        "die damals im Schloss unterschrieben worden war."
    )
    events = run(
        lex, text, dates=(("5. Mai", "DATE", "2025-05-05"), ("1991", "DATE", "1991")), venues=("Schloss",)
    )
    assert sorted((e.type, e.start, e.venue) for e in events) == [
        ("other", "1991", "Schloss"),
        ("other", "2025-05-05", None),
    ]


def test_a_plurals_own_attribute_does_not_take_its_date(lex):
    text = (
        "Noch bis zum 30. Mai ist im Foyer die Ausstellung „Wasserwege“ zu sehen. "
        "Führungen durch die Ausstellung gibt es samstags um 11 Uhr."
    )
    events = run(
        lex,
        text,
        dates=(("bis zum 30. Mai", "DATE", "2025-05-30"), ("samstags um 11 Uhr", "SET", "XXXX-WXX-6T11:00")),
        venues=("Foyer",),
    )
    assert [(e.type, e.start, e.end, e.venue) for e in events] == [
        ("culture", None, "2025-05-30", "Foyer"),
        ("culture", "XXXX-WXX-6T11:00", None, None),
    ]


def test_a_dated_mention_is_not_taken_over_by_an_undated_event(lex):
    text = (
        "Der Vertrag wurde damals im Schloss unterzeichnet. "
        "Der Gegenbesuch ist für Juni 2025 geplant."
    )
    events = run(lex, text, dates=(("Juni 2025", "DATE", "2025-06"),), venues=("Schloss",))
    assert [(e.start, e.venue) for e in events] == [(None, "Schloss"), ("2025-06", None)]


def test_a_ground_breaking_is_not_absorbed_by_the_works_it_starts(lex):
    text = "Mit dem ersten Spatenstich haben gestern die Bauarbeiten für die neue Kita begonnen."
    events = run(lex, text, dates=(("gestern", "DATE", "2025-03-04"),))
    assert sorted((e.type, e.start) for e in events) == [
        ("opening", "2025-03-04"),
        ("works_closure", "2025-03-04"),
    ]


# -- round 2: generalisation to independently written releases ---------------------------
def test_a_weekly_day_takes_the_clock_time_of_its_sentence(lex):
    text = (
        "Am 3. Mai beginnt die Saison. Jeden Freitag spielt die Stadtkapelle um 18 Uhr ein "
        "Platzkonzert im Kurpark."
    )
    # the clock time was resolved against the earlier date; the SET is the real start
    events = run(
        lex,
        text,
        dates=(
            ("3. Mai", "DATE", "2025-05-03"),
            ("Jeden Freitag", "SET", "XXXX-WXX-5"),
            ("um 18 Uhr", "TIME", "2025-05-03T18:00"),
        ),
        venues=("Kurpark",),
    )
    assert ("culture", "XXXX-WXX-5T18:00", "Kurpark") in [(e.type, e.start, e.venue) for e in events]


def test_a_weekly_day_takes_the_time_given_for_each_in_the_next_sentence(lex):
    text = (
        "Jeden Mittwoch bietet das Bürgerbüro eine Sprechstunde zur Grundsteuer an. "
        "Beginn ist jeweils um 15 Uhr."
    )
    events = run(
        lex,
        text,
        dates=(("Jeden Mittwoch", "SET", "XXXX-WXX-3"), ("jeweils um 15 Uhr", "SET", "XXXX-XX-XXT15:00")),
    )
    assert [(e.type, e.start) for e in events] == [("office_hours", "XXXX-WXX-3T15:00")]


def test_two_weekly_days_keep_their_own_values(lex):
    text = "Die Ausstellung ist dienstags und donnerstags bis 18 Uhr geöffnet, Eintritt frei."
    inputs = dict(
        dates=(
            ("dienstags", "SET", "XXXX-WXX-2"),
            ("donnerstags", "SET", "XXXX-WXX-4"),
            ("bis 18 Uhr", "TIME", "2025-05-03T18:00"),
        )
    )
    events = run(lex, text, **inputs)
    assert all(not (e.start or "").startswith("XXXX-WXX-2T") for e in events)


def test_listed_days_of_one_performance_are_separate_events(lex):
    text = (
        "Die Theatergruppe zeigt am Freitag, 6. Juni, und Samstag, 7. Juni, jeweils um 20 Uhr "
        "eine Aufführung der „Dreigroschenoper“ in der Stadthalle."
    )
    events = run(
        lex,
        text,
        dates=(
            ("Freitag, 6. Juni", "DATE", "2025-06-06"),
            ("Samstag, 7. Juni", "DATE", "2025-06-07"),
            ("jeweils um 20 Uhr", "SET", "XXXX-XX-XXT20:00"),
        ),
        venues=("Stadthalle",),
    )
    assert sorted((e.start, e.venue) for e in events) == [
        ("2025-06-06T20:00", "Stadthalle"),
        ("2025-06-07T20:00", "Stadthalle"),
    ]


def test_a_date_range_stays_one_event(lex):
    text = "Das Stadtfest findet vom 6. bis 8. Juni auf dem Marktplatz statt."
    events = run(
        lex,
        text,
        dates=(("vom 6. bis 8. Juni", "DATE", "2025-06-06"), ("vom 6. bis 8. Juni", "DATE", "2025-06-08")),
        venues=("Marktplatz",),
    )
    assert [(e.start, e.end) for e in events] == [("2025-06-06", "2025-06-08")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Am Samstag, 4. Oktober, gibt es auf dem Neuen Markt Informationsstände der Vereine.",
        "Ab Montag, 6. Oktober, ist die Zufahrt zum Alten Markt für Lieferverkehr frei.",
        "Der Hohe Markt wird am Montag, 6. Oktober, neu gepflastert.",
    ],
)
def test_a_market_square_is_no_market(lex, sentence):
    day = "Samstag, 4. Oktober" if "Samstag" in sentence else "Montag, 6. Oktober"
    events = run(lex, sentence, dates=((day, "DATE", "2025-10-06"),))
    assert all(e.type != "festival" for e in events)


def test_a_christmas_market_after_an_adjective_is_still_a_market(lex):
    text = "Der Alte Weihnachtsmarkt beginnt am 28. November auf dem Schlossplatz."
    events = run(lex, text, dates=(("28. November", "DATE", "2025-11-28"),), venues=("Schlossplatz",))
    assert ("festival", "2025-11-28") in [(e.type, e.start) for e in events]


@pytest.mark.parametrize(
    ("text", "when", "value"),
    [
        ("Der Gemeinderat soll den Haushalt im Dezember beschließen.", "im Dezember", "2025-12"),
        ("Am Dienstag berät der Finanzausschuss über die Gebühren.", "Am Dienstag", "2025-03-04"),
        ("Der Entwurf wird am 12. März im Umweltausschuss vorgestellt.", "am 12. März", "2025-03-12"),
    ],
)
def test_a_council_body_deciding_or_debating_is_its_meeting(lex, text, when, value):
    events = run(lex, text, dates=((when, "DATE", value),), orgs=("Finanzausschuss", "Umweltausschuss"))
    assert [(e.type, e.start) for e in events] == [("council_meeting", value)]


def test_advice_without_a_council_body_stays_office_hours(lex):
    text = "Am Dienstag berät die Verbraucherzentrale im Rathaus zu Energiefragen."
    events = run(lex, text, dates=(("Am Dienstag", "DATE", "2025-03-04"),), venues=("Rathaus",))
    assert [e.type for e in events] == ["office_hours"]


@pytest.mark.parametrize("word", ["Nachtarbeiten", "Pflasterarbeiten", "Markierungsarbeiten"])
def test_compounds_in_arbeiten_are_works(lex, word):
    text = f"Vom 7. bis 11. April finden in der Lindenallee {word} statt."
    events = run(
        lex,
        text,
        dates=(("Vom 7. bis 11. April", "DATE", "2025-04-07"), ("Vom 7. bis 11. April", "DATE", "2025-04-11")),
        venues=("Lindenallee",),
    )
    assert [(e.type, e.start, e.end) for e in events] == [("works_closure", "2025-04-07", "2025-04-11")]


def test_school_work_is_no_road_works(lex):
    text = "Bis zum 30. Juni geben die Schüler ihre Abschlussarbeiten ab."
    events = run(lex, text, dates=(("Bis zum 30. Juni", "DATE", "2025-06-30"),))
    assert events == []


def test_a_rerouting_verb_dates_the_rerouting(lex):
    text = "Die Buslinie 5 wird ab Montag, 7. April, 5 Uhr, über die Ringstraße umgeleitet."
    events = run(
        lex,
        text,
        dates=(("Montag, 7. April", "DATE", "2025-04-07"), ("5 Uhr", "TIME", "2025-04-07T05:00")),
        venues=("Ringstraße",),
    )
    assert [(e.type, e.start) for e in events] == [("works_closure", "2025-04-07T05:00")]


def test_a_trigger_introducing_a_dated_list_gives_one_event_per_item(lex):
    text = (
        "Interessierte können an einer von zwei Führungen teilnehmen:\n\n"
        "- Freitag, 4. Juli, 17 Uhr, Treffpunkt: Schlosshof\n"
        "- Sonntag, 6. Juli, 11 Uhr, Treffpunkt: Stadtmuseum"
    )
    events = run(
        lex,
        text,
        dates=(
            ("Freitag, 4. Juli", "DATE", "2025-07-04"),
            ("17 Uhr", "TIME", "2025-07-04T17:00"),
            ("Sonntag, 6. Juli", "DATE", "2025-07-06"),
            ("11 Uhr", "TIME", "2025-07-06T11:00"),
        ),
        venues=("Schlosshof", "Stadtmuseum"),
    )
    assert [(e.type, e.start, e.venue) for e in events] == [
        ("culture", "2025-07-04T17:00", "Schlosshof"),
        ("culture", "2025-07-06T11:00", "Stadtmuseum"),
    ]


def test_a_list_of_undated_points_gives_no_events(lex):
    text = (
        "Am 3. Juni tagt der Gemeinderat. Auf der Tagesordnung der Sitzung stehen:\n\n"
        "1. Fragestunde\n"
        "2. Haushaltssatzung"
    )
    events = run(lex, text, dates=(("Am 3. Juni", "DATE", "2025-06-03"),))
    assert [(e.type, e.start) for e in events] == [("council_meeting", "2025-06-03")]


def test_office_days_listed_in_one_sentence_are_separate_events(lex):
    text = "Die Außensprechtage der Rentenberatung finden am 3. März, 7. April und 5. Mai statt."
    events = run(
        lex,
        text,
        dates=(
            ("3. März", "DATE", "2025-03-03"),
            ("7. April", "DATE", "2025-04-07"),
            ("5. Mai", "DATE", "2025-05-05"),
        ),
    )
    assert [(e.type, e.start) for e in events] == [
        ("office_hours", "2025-03-03"),
        ("office_hours", "2025-04-07"),
        ("office_hours", "2025-05-05"),
    ]


@pytest.mark.parametrize(
    ("text", "when", "value", "expected"),
    [
        ("Die Stadträtin hat ihr Mandat zum 31. Januar niedergelegt.", "31. Januar", "2025-01-31", "other"),
        ("Der Kämmerer tritt am 30. Juni in den Ruhestand.", "am 30. Juni", "2025-06-30", "other"),
        ("Sein Eintritt in den Ruhestand erfolgt im Herbst.", "im Herbst", "2025-FA", "other"),
        ("Das Hochwasser 2002 hatte die Uferpromenade zerstört.", "2002", "2002", "other"),
        ("Grundlage ist der Beschluss des Gemeinderats vom Mai 2021.", "Mai 2021", "2021-05", "council_meeting"),
        ("Der Kreistagsbeschluss fiel im Juli 2020.", "im Juli 2020", "2020-07", "council_meeting"),
    ],
)
def test_history_and_status_happenings_are_events(lex, text, when, value, expected):
    events = run(lex, text, dates=((when, "DATE", value),))
    assert [(e.type, e.start) for e in events] == [(expected, value)]


def test_a_seat_without_a_date_is_no_event(lex):
    text = "Sie hat ihr Mandat niedergelegt, weil sie umzieht."
    assert run(lex, text) == []


def test_a_year_after_a_name_gives_way_to_the_day(lex):
    text = "Am Samstag hat die Bürgermeisterin den Kulturpreis der Stadt 2024 verliehen."
    events = run(
        lex, text, dates=(("Am Samstag", "DATE", "2024-11-16"), ("2024", "DATE", "2024"))
    )
    assert [(e.type, e.start) for e in events] == [("ceremony", "2024-11-16")]


def test_a_year_after_a_season_stays_a_date(lex):
    text = "Am Samstag erinnerte die Stadt an das Hochwasser im Sommer 2013."
    events = run(
        lex, text, dates=(("Am Samstag", "DATE", "2024-11-16"), ("Sommer 2013", "DATE", "2013-SU"))
    )
    assert ("other", "2013-SU") in [(e.type, e.start) for e in events]


def test_a_sentence_initial_preposition_introduces_the_venue(lex):
    text = "Im festlich geschmückten Großen Saal des Rathauses wurde am Freitag der Ehrenpreis verliehen."
    events = run(
        lex, text, dates=(("am Freitag", "DATE", "2024-11-15"),), venues=("Saal des Rathauses",)
    )
    assert [(e.type, e.start, e.venue) for e in events] == [("ceremony", "2024-11-15", "Saal des Rathauses")]


def test_a_market_closed_on_a_day_does_not_start_then(lex):
    text = (
        "Am Freitag, 28. November, um 18 Uhr eröffnet die Bürgermeisterin den Weihnachtsmarkt "
        "auf dem Schlossplatz. Am Sonntag, 30. November, bleibt der Markt geschlossen."
    )
    events = run(
        lex,
        text,
        dates=(
            ("Freitag, 28. November", "DATE", "2025-11-28"),
            ("um 18 Uhr", "TIME", "2025-11-28T18:00"),
            ("Sonntag, 30. November", "DATE", "2025-11-30"),
        ),
        venues=("Schlossplatz",),
    )
    assert sorted((e.type, e.start) for e in events) == [
        ("festival", "2025-11-28"),
        ("opening", "2025-11-28T18:00"),
    ]


def test_an_opened_exhibition_starts_on_the_opening_day(lex):
    text = "Am Donnerstag, 6. März, um 19 Uhr eröffnet der Landrat die Ausstellung im Foyer."
    events = run(
        lex,
        text,
        dates=(("Donnerstag, 6. März", "DATE", "2025-03-06"), ("um 19 Uhr", "TIME", "2025-03-06T19:00")),
        venues=("Foyer",),
    )
    assert ("culture", "2025-03-06") in [(e.type, e.start) for e in events]


@pytest.mark.parametrize("word", ["Kultursommer", "Musiksommer"])
def test_a_summer_series_is_a_festival(lex, word):
    text = f"Vom 20. Juni bis 15. August lädt der {word} zu mehr als 40 Veranstaltungen ein."
    events = run(
        lex,
        text,
        dates=(("Vom 20. Juni bis 15. August", "DATE", "2025-06-20"), ("Vom 20. Juni bis 15. August", "DATE", "2025-08-15")),
    )
    assert ("festival", "2025-06-20") in [(e.type, e.start) for e in events]


def test_late_summer_is_no_festival(lex):
    text = "Im Spätsommer 2025 beginnt der Umbau der Stadthalle."
    events = run(lex, text, dates=(("Spätsommer 2025", "DATE", "2025-SU"),))
    assert all(e.type != "festival" for e in events)


def test_a_recurrence_since_a_year_starts_then(lex):
    text = "Der Bürgerpreis wird seit 2011 jährlich verliehen."
    events = run(lex, text, dates=(("seit 2011", "DATE", "2011"), ("jährlich", "SET", "P1Y")))
    assert [(e.type, e.start) for e in events] == [("ceremony", "2011")]


def test_an_honour_held_since_a_year_is_still_a_state(lex):
    text = "Die Ehrennadel trägt sie seit 2011 mit Stolz, verliehen hat sie der Landrat."
    events = run(lex, text, dates=(("seit 2011", "DATE", "2011"),))
    assert all(e.start != "2011" for e in events)


@pytest.mark.parametrize(
    ("text", "purpose", "when", "value"),
    [
        ("Die Anmeldephase für das kommende Schuljahr beginnt im März.", "für das kommende Schuljahr", "im März", "2025-03"),
        ("Die Zählung für 2026 findet am 4. Mai statt.", "2026", "am 4. Mai", "2025-05-04"),
    ],
)
def test_a_date_introduced_by_fuer_is_a_purpose(lex, text, purpose, when, value):
    events = run(lex, text, dates=((purpose, "DATE", "2026"), (when, "DATE", value)))
    assert [(e.type, e.start) for e in events] == [("other", value)]


def test_days_listed_in_one_span_with_a_clock_range_are_separate_events(lex):
    text = "Die Außensprechtage finden am 3. März, 7. April und 5. Mai jeweils von 9 bis 12 Uhr im Bürgerhaus statt."
    events = run(
        lex,
        text,
        dates=(
            ("am 3. März", "DATE", "2025-03-03"),
            ("7. April und 5. Mai", "DATE", "2025-04-07"),
            ("7. April und 5. Mai", "DATE", "2025-05-05"),
            ("jeweils von 9 bis 12 Uhr", "SET", "XXXX-XX-XXT09:00"),
            ("jeweils von 9 bis 12 Uhr", "SET", "XXXX-XX-XXT12:00"),
        ),
        venues=("Bürgerhaus",),
    )
    assert [(e.start, e.end, e.venue) for e in events] == [
        ("2025-03-03T09:00", "2025-03-03T12:00", "Bürgerhaus"),
        ("2025-04-07T09:00", "2025-04-07T12:00", "Bürgerhaus"),
        ("2025-05-05T09:00", "2025-05-05T12:00", "Bürgerhaus"),
    ]


@pytest.mark.parametrize(
    ("text", "when", "value"),
    [
        ("Frau Berger übernimmt das Amt am 1. April.", "am 1. April", "2025-04-01"),
        ("Er hat die Leitung des Ordnungsamts im Mai 2023 übernommen.", "im Mai 2023", "2023-05"),
    ],
)
def test_taking_over_an_office_is_dated(lex, text, when, value):
    events = run(lex, text, dates=((when, "DATE", value),))
    assert [(e.type, e.start) for e in events] == [("other", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Veranstaltungen folgen im Herbst.",
        "Im kommenden Jahr sind zusätzliche Aktionen geplant.",
    ],
)
def test_generic_plurals_without_a_day_are_no_events(lex, text):
    when = "im Herbst" if "Herbst" in text else "Im kommenden Jahr"
    assert run(lex, text, dates=((when, "DATE", "2025-FA"),)) == []


def test_a_generic_plural_with_a_day_is_an_event(lex):
    text = "Am Samstag, 4. Oktober, finden im Rathaus Veranstaltungen für Kinder statt."
    events = run(lex, text, dates=(("Samstag, 4. Oktober", "DATE", "2025-10-04"),), venues=("Rathaus",))
    assert [(e.start, e.venue) for e in events] == [("2025-10-04", "Rathaus")]


def test_a_market_square_name_is_no_market(lex):
    text = "Ab Montag, 6. Oktober, wird am Prinzipalmarkt das Pflaster erneuert."
    events = run(lex, text, dates=(("Montag, 6. Oktober", "DATE", "2025-10-06"),), venues=("Prinzipalmarkt",))
    assert all(e.type != "festival" for e in events)


def test_a_repeated_organisation_name_is_no_event(lex):
    text = (
        "Ausgezeichnet wurde die Initiative Nähwerkstatt Altstadt. "
        "Die Nähwerkstatt Altstadt flickt jeden Montag kostenlos Kleidung."
    )
    inputs = make_inputs(
        text, dates=(("jeden Montag", "SET", "XXXX-WXX-1"),), orgs=("Nähwerkstatt Altstadt",)
    )
    # only the first occurrence was marked as a mention by the organisation component
    org = inputs.organizations[0]
    inputs.organizations[0] = org.model_copy(update={"mentions": org.mentions[:1]})
    assert extract_events(inputs, lex) == []


def test_runs_of_a_race_with_their_own_start_times_are_events(lex):
    text = (
        "Beim Stadtlauf am Sonntag, 14. September, gehen um 9 Uhr die Kinder, um 10 Uhr die "
        "Läufer über fünf Kilometer und um 11 Uhr die Halbmarathonläufer an den Start."
    )
    events = run(
        lex,
        text,
        dates=(
            ("am Sonntag, 14. September", "DATE", "2025-09-14"),
            ("um 9 Uhr", "TIME", "2025-09-14T09:00"),
            ("um 10 Uhr", "TIME", "2025-09-14T10:00"),
            ("um 11 Uhr", "TIME", "2025-09-14T11:00"),
        ),
    )
    starts = sorted(e.start for e in events if e.type == "sports")
    assert starts == ["2025-09-14", "2025-09-14T09:00", "2025-09-14T10:00", "2025-09-14T11:00"]


def test_a_race_time_next_to_another_trigger_is_that_triggers(lex):
    text = "Der Volkslauf startet am Samstag, 6. September, um 10 Uhr, die Siegerehrung folgt um 12 Uhr."
    events = run(
        lex,
        text,
        dates=(
            ("Samstag, 6. September", "DATE", "2025-09-06"),
            ("um 10 Uhr", "TIME", "2025-09-06T10:00"),
            ("um 12 Uhr", "TIME", "2025-09-06T12:00"),
        ),
    )
    assert [e.start for e in events if e.type == "sports"] == ["2025-09-06T10:00"]


def test_a_race_from_to_is_one_run(lex):
    text = "Der Spendenlauf startet am Freitag, 12. September, von 9 bis 13 Uhr auf dem Sportplatz."
    events = run(
        lex,
        text,
        dates=(
            ("Freitag, 12. September", "DATE", "2025-09-12"),
            ("von 9 bis 13 Uhr", "TIME", "2025-09-12T09:00"),
            ("von 9 bis 13 Uhr", "TIME", "2025-09-12T13:00"),
        ),
        venues=("Sportplatz",),
    )
    assert [(e.type, e.start) for e in events] == [("sports", "2025-09-12T09:00")]


@pytest.mark.parametrize(
    "text",
    [
        "Das Programm des Stadtfestes wird am 3. Mai vorgestellt.",
        "Der Flyer zum Sommerfest liegt ab 3. Mai im Rathaus aus.",
    ],
)
def test_the_programme_of_an_event_is_no_announcement(lex, text):
    when = "am 3. Mai" if "am 3. Mai" in text else "ab 3. Mai"
    events = run(lex, text, dates=((when, "DATE", "2025-05-03"),), venues=("Rathaus",))
    assert all(e.type != "festival" for e in events)


@pytest.mark.parametrize(
    ("text", "when", "value"),
    [
        ("Die neue Seilbahn, die ab Samstag, 5. April, in Betrieb ist, fährt stündlich.", "Samstag, 5. April", "2025-04-05"),
        ("Am 1. Juli geht die Ladesäule am Bahnhof in Betrieb.", "Am 1. Juli", "2025-07-01"),
    ],
)
def test_going_into_operation_is_dated(lex, text, when, value):
    events = run(lex, text, dates=((when, "DATE", value),))
    assert [(e.type, e.start) for e in events] == [("other", value)]


def test_being_in_operation_without_a_date_is_no_event(lex):
    assert run(lex, "Die Anlage ist seit Jahren zuverlässig in Betrieb.") == []


def test_a_bad_weather_place_is_no_venue(lex):
    text = (
        "Am Samstag, 5. Juli, um 20 Uhr spielt die Big Band ein Konzert auf dem Schlossplatz. "
        "Bei schlechtem Wetter weichen die Konzerte in die Stadthalle aus."
    )
    events = run(
        lex,
        text,
        dates=(("Samstag, 5. Juli", "DATE", "2025-07-05"), ("um 20 Uhr", "TIME", "2025-07-05T20:00")),
        venues=("Schlossplatz", "Stadthalle"),
    )
    assert [(e.start, e.venue) for e in events] == [("2025-07-05T20:00", "Schlossplatz")]


def test_what_follows_on_the_same_day_is_at_the_same_place(lex):
    text = (
        "Die Bürgermeisterin eröffnet das Fest am Freitag, 4. Juli, um 18 Uhr auf dem Marktplatz. "
        "Im Anschluss spielt die Stadtkapelle gegen 19 Uhr ein Konzert."
    )
    events = run(
        lex,
        text,
        dates=(
            ("Freitag, 4. Juli", "DATE", "2025-07-04"),
            ("um 18 Uhr", "TIME", "2025-07-04T18:00"),
            ("gegen 19 Uhr", "TIME", "2025-07-04T19:00"),
        ),
        venues=("Marktplatz",),
    )
    assert ("culture", "2025-07-04T19:00", "Marktplatz") in [(e.type, e.start, e.venue) for e in events]


def test_what_followed_on_another_day_is_not_at_the_same_place(lex):
    text = (
        "Die Konferenz fand am 24. November im Rathaus statt. "
        "Im Anschluss wurden die Ergebnisse einer Planungswerkstatt vorgestellt, die am 17. September stattgefunden hatte."
    )
    events = run(
        lex,
        text,
        dates=(("24. November", "DATE", "2025-11-24"), ("17. September", "DATE", "2025-09-17")),
        venues=("Rathaus",),
    )
    assert ("workshop", "2025-09-17", None) in [(e.type, e.start, e.venue) for e in events]


def test_a_weekday_set_takes_its_timed_partner(lex):
    text = "Die Bürgersprechstunde findet jeden ersten Montag im Monat von 16 bis 18 Uhr im Rathaus statt."
    events = run(
        lex,
        text,
        dates=(
            ("jeden ersten Montag im Monat", "SET", "XXXX-WXX-1"),
            ("von 16 bis 18 Uhr", "SET", "XXXX-WXX-1T16:00"),
            ("von 16 bis 18 Uhr", "SET", "XXXX-WXX-1T18:00"),
        ),
        venues=("Rathaus",),
    )
    assert [(e.start, e.end, e.venue) for e in events] == [("XXXX-WXX-1T16:00", "XXXX-WXX-1T18:00", "Rathaus")]


def test_a_weekday_set_with_another_weekdays_time_stays_bare(lex):
    text = "Die Beratung ist montags im Rathaus, freitags bis 12 Uhr im Bürgerbüro."
    events = run(
        lex,
        text,
        dates=(("montags", "SET", "XXXX-WXX-1"), ("freitags bis 12 Uhr", "SET", "XXXX-WXX-5T12:00")),
        venues=("Rathaus", "Bürgerbüro"),
    )
    assert "XXXX-WXX-1T12:00" not in [e.start for e in events]


def test_timed_bullet_items_take_their_own_line_time(lex):
    text = (
        "Am Sonntag startet der Herbstlauf am Seeufer.\n\nDie Zeiten:\n"
        "- 9.30 Uhr: Halbmarathon\n- 10.45 Uhr: 8-Kilometer-Lauf\n- 12.00 Uhr: Schüler-Lauf\n\n"
        "Veranstaltet wird der Lauf vom Turnverein."
    )
    events = run(
        lex,
        text,
        dates=(
            ("Am Sonntag", "DATE", "2025-10-12"),
            ("9.30 Uhr", "TIME", "2025-10-12T09:30"),
            ("10.45 Uhr", "TIME", "2025-10-12T10:45"),
            ("12.00 Uhr", "TIME", "2025-10-12T12:00"),
        ),
        venues=("Seeufer",),
    )
    got = [(e.name, e.start) for e in events if e.type == "sports"]
    assert ("Halbmarathon", "2025-10-12T09:30") in got
    assert ("8-Kilometer-Lauf", "2025-10-12T10:45") in got
    assert ("Schüler-Lauf", "2025-10-12T12:00") in got
    assert len(got) == 4


def test_a_compound_opening_with_a_number_is_a_trigger(lex):
    text = "Der 3-Tage-Lauf beginnt am 4. Mai im Stadtpark."
    events = run(lex, text, dates=(("am 4. Mai", "DATE", "2025-05-04"),), venues=("Stadtpark",))
    assert [(e.type, e.start, e.venue) for e in events] == [("sports", "2025-05-04", "Stadtpark")]


def test_tags_darauf_is_the_day_after_and_moves_the_paragraphs_clock_times(lex):
    text = (
        "Am Freitag, 6. September, wurde die Brücke im Ortskern eingeweiht.\n\n"
        "Tags darauf feierte der Verein sein Sommerfest im Pfarrgarten. "
        "Höhepunkt war ein Konzert um 18 Uhr."
    )
    events = run(
        lex,
        text,
        dates=(("Freitag, 6. September", "DATE", "2024-09-06"), ("um 18 Uhr", "TIME", "2024-09-06T18:00")),
        venues=("Pfarrgarten",),
    )
    got = {(e.type, e.start) for e in events}
    assert ("festival", "2024-09-07") in got
    assert ("culture", "2024-09-07T18:00") in got


def test_im_jahr_zuvor_is_the_year_before_the_named_one(lex):
    text = "Das Museum wurde 1905 eröffnet, nachdem ein Hochwasser im Jahr zuvor das alte Haus zerstört hatte."
    events = run(lex, text, dates=(("1905", "DATE", "1905"),))
    assert ("other", "1904") in {(e.type, e.start) for e in events}


def test_liest_with_its_own_clock_time_is_a_reading(lex):
    text = "Am Sonntag, 8. März, öffnet das Literaturhaus ab 10 Uhr. Um 16 Uhr liest die Autorin Jana Feld aus ihrem Roman."
    events = run(
        lex,
        text,
        dates=(("Sonntag, 8. März", "DATE", "2026-03-08"), ("ab 10 Uhr", "TIME", "2026-03-08T10:00"), ("Um 16 Uhr", "TIME", "2026-03-08T16:00")),
        venues=("Literaturhaus",),
    )
    assert ("culture", "2026-03-08T16:00") in {(e.type, e.start) for e in events}


def test_lesen_without_a_clock_time_is_no_event(lex):
    text = "Am 8. März zeigt die Bücherei, wie gerne Kinder lesen."
    events = run(lex, text, dates=(("Am 8. März", "DATE", "2026-03-08"),))
    assert all(e.type != "culture" for e in events)


def test_a_weekly_reading_hour_is_not_the_one_off_reading(lex):
    text = (
        "Am Samstag, 7. März, um 15 Uhr liest der Autor Tom Berg im Saal.\n\n"
        "Jeden Dienstag um 16 Uhr lädt die Bücherei außerdem zur Vorlesestunde ein."
    )
    events = run(
        lex,
        text,
        dates=(("Samstag, 7. März, um 15 Uhr", "TIME", "2026-03-07T15:00"), ("Jeden Dienstag um 16 Uhr", "SET", "XXXX-WXX-2T16:00")),
        venues=("Saal",),
    )
    starts = {(e.type, e.start) for e in events}
    assert ("culture", "2026-03-07T15:00") in starts
    assert ("culture", "XXXX-WXX-2T16:00") in starts


def test_a_committee_tritt_zusammen_is_a_meeting(lex):
    text = "Der Bauausschuss tritt am Montag, 3. März, um 18 Uhr im Ratssaal zusammen."
    events = run(lex, text, dates=(("am Montag, 3. März, um 18 Uhr", "TIME", "2025-03-03T18:00"),), venues=("Ratssaal",))
    assert [(e.type, e.start, e.venue) for e in events] == [("council_meeting", "2025-03-03T18:00", "Ratssaal")]


def test_zeitgleich_takes_the_day_of_the_event_before(lex):
    text = "Die Landratswahl fand am Sonntag, 12. Mai, statt. Zeitgleich fanden die Ortsbeiratswahlen statt."
    events = run(lex, text, dates=(("am Sonntag, 12. Mai", "DATE", "2024-05-12"),))
    assert [(e.type, e.start) for e in events] == [("election", "2024-05-12"), ("election", "2024-05-12")]


def test_a_multiword_venue_ending_in_a_square_is_no_market(lex):
    text = "Der Stadtlauf startet am 5. Mai. Start und Ziel ist wie in den Vorjahren der Lindenmarkt."
    events = run(lex, text, dates=(("am 5. Mai", "DATE", "2025-05-05"),), venues=("Vorjahren der Lindenmarkt",))
    assert [e.type for e in events] == ["sports"]


def test_two_named_events_listed_with_sowie_stay_apart(lex):
    text = "Am Sonntag, 26. Mai, fanden die Landratswahl sowie die Europawahl statt."
    events = run(lex, text, dates=(("Am Sonntag, 26. Mai", "DATE", "2024-05-26"),))
    assert sorted(e.name for e in events) == ["Europawahl", "Landratswahl"]


def test_a_bare_head_in_the_same_list_still_merges(lex):
    text = "Am Sonntag, 26. Mai, fanden die Landratswahl und die Wahl des Beirats statt."
    events = run(lex, text, dates=(("Am Sonntag, 26. Mai", "DATE", "2024-05-26"),))
    assert len(events) == 1


def test_a_name_with_its_own_year_is_an_earlier_event(lex):
    text = (
        "Die Landratswahl am Sonntag, 26. Mai, brachte eine hohe Beteiligung. "
        "Bei der Landratswahl 2017 hatte sie noch bei 40 Prozent gelegen."
    )
    events = run(lex, text, dates=(("am Sonntag, 26. Mai", "DATE", "2024-05-26"), ("2017", "DATE", "2017")))
    assert sorted(e.start for e in events) == ["2017", "2024-05-26"]


def test_date_group_forgets_what_it_remembered_when_it_grows() -> None:
    from pressparse.events.arguments import DateGroup

    text = "am 3. März um 10 Uhr"
    first = TimeExpression(text="3. März", start=3, end=10, type="DATE", value="2016-03-03")
    group = DateGroup([first])
    calls: list[int] = []

    def last_end(_text: str, g: DateGroup, _unit: int) -> int:
        calls.append(1)
        return g.end_offset

    assert group.remembered("end", 0, last_end, text) == 10
    assert group.remembered("end", 0, last_end, text) == 10 and len(calls) == 1
    group.add(TimeExpression(text="10 Uhr", start=14, end=20, type="TIME", value="2016-03-03T10:00"))
    assert group.remembered("end", 0, last_end, text) == 20 and len(calls) == 2
