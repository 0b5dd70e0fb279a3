"""A hand-made record for the export tests (no model needed): every field the exports read."""

from __future__ import annotations

from pressparse.schema import (
    Address,
    Event,
    Mention,
    Organization,
    Participant,
    Person,
    PressRelease,
    TimeExpression,
    Venue,
)

TEXT = (
    "Stadtfest abgesagt, Gemeinderat tagt\n\n"
    "Das für Samstag, 14. Juni 2025, geplante Stadtfest auf dem Marktplatz wird abgesagt. "
    "Oberbürgermeisterin Dr. Anna Beispiel bedauert die Entscheidung.\n\n"
    "Die Sitzung des Gemeinderats Musterstadt beginnt am Dienstag, 17. Juni 2025, um 18.30 Uhr "
    "im Ratssaal, Hauptstraße 1, 12345 Musterstadt. Beispiel berichtet über den Haushalt.\n\n"
    "Die Ausstellung <Kunst & Co> im Foyer läuft vom 1. bis 31. Juli 2025. "
    "Ein Sommerkonzert ist für Juli 2025 geplant. "
    "Das Jubiläum wird am 3. Oktober gefeiert.\n\n"
    "Die Bürgerversammlung vom 10. Juni 2025 um 19 Uhr wird auf den 24. Juni 2025, 19 Uhr, "
    "verschoben. <script>alert(1)</script>\n"
)


def m(fragment: str, nth: int = 0) -> Mention:
    """The Mention of the nth occurrence of ``fragment`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return Mention(text=fragment, start=start, end=start + len(fragment))


def sentence(full: str) -> Mention:
    """The evidence Mention for a whole sentence of TEXT, given verbatim."""
    return m(full)


def timex(fragment: str, type_: str, value: str) -> TimeExpression:
    mention = m(fragment)
    return TimeExpression(text=mention.text, start=mention.start, end=mention.end,
                          type=type_, value=value)


def make_record(record_id: str | None = "musterstadt-2025-06-01") -> PressRelease:
    people = [
        Person(name="Anna Beispiel", title="Dr.", role="Oberbürgermeisterin",
               organization="Stadt Musterstadt",
               mentions=[m("Anna Beispiel"), m("Beispiel", 1)]),
    ]
    orgs = [Organization(name="Gemeinderat Musterstadt", mentions=[m("Gemeinderats Musterstadt")])]
    venues = [
        Venue(name="Marktplatz", mentions=[m("Marktplatz")]),
        Venue(name="Ratssaal", address=Address(street="Hauptstraße 1", postal_code="12345",
                                               city="Musterstadt"), mentions=[m("Ratssaal")]),
        Venue(name="Foyer", mentions=[m("Foyer")]),
    ]
    dates = [
        timex("Samstag, 14. Juni 2025", "DATE", "2025-06-14"),
        timex("Dienstag, 17. Juni 2025", "DATE", "2025-06-17"),
        timex("18.30 Uhr", "TIME", "2025-06-17T18:30"),
        timex("3. Oktober", "DATE", "XXXX-10-03"),
    ]
    events = [
        Event(type="festival", name="Stadtfest", trigger=m("Stadtfest", 1), start="2025-06-14",
              venue="Marktplatz", status="upcoming", confidence=0.9,
              evidence=sentence("Das für Samstag, 14. Juni 2025, geplante Stadtfest auf dem Marktplatz wird abgesagt."), cancelled=True),
        Event(type="council_meeting", name="Sitzung des Gemeinderats Musterstadt",
              trigger=m("Sitzung"), start="2025-06-17T18:30", venue="Ratssaal",
              organizers=["Gemeinderat Musterstadt"],
              participants=[Participant(name="Anna Beispiel", role="Rednerin")],
              status="upcoming", confidence=0.8, evidence=sentence("Die Sitzung des Gemeinderats Musterstadt beginnt am Dienstag, 17. Juni 2025, um 18.30 Uhr im Ratssaal, Hauptstraße 1, 12345 Musterstadt.")),
        Event(type="culture", name="Ausstellung <Kunst & Co>", trigger=m("Ausstellung"),
              start="2025-07-01", end="2025-07-31", venue="Foyer", status="upcoming",
              evidence=sentence("Die Ausstellung <Kunst & Co> im Foyer läuft vom 1. bis 31. Juli 2025.")),
        Event(type="culture", name="Sommerkonzert", trigger=m("Sommerkonzert"), start="2025-07",
              evidence=sentence("Ein Sommerkonzert ist für Juli 2025 geplant.")),
        Event(type="ceremony", name="Jubiläum", trigger=m("Jubiläum"), start="XXXX-10-03",
              evidence=sentence("Das Jubiläum wird am 3. Oktober gefeiert.")),
        Event(type="public_consultation", name="Bürgerversammlung", trigger=m("Bürgerversammlung"),
              start="2025-06-10T19:00", postponed_to="2025-06-24T19:00",
              evidence=sentence("Die Bürgerversammlung vom 10. Juni 2025 um 19 Uhr wird auf den 24. Juni 2025, 19 Uhr, verschoben.")),
    ]
    record = PressRelease(id=record_id, title="Stadtfest abgesagt, Gemeinderat tagt",
                          published="2025-06-01", issuer="Stadt Musterstadt", people=people,
                          organizations=orgs, venues=venues, dates=dates, events=events,
                          warnings=["a <warning> & more"])
    return record.with_text(TEXT)
