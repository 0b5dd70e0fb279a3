"""Table-driven tests of the German temporal tagger (pressparse.temporal).

Each case: a German text, the publication date (or None) and the exact expressions expected
as (text, TIMEX3 type, value). Texts are invented for the tests. P is Thursday 24 Nov 2016.
"""

from __future__ import annotations

from datetime import date

import pytest

from pressparse.temporal import tag, tag_with_info

P = date(2016, 11, 24)  # a Thursday, ISO week 47

D, T, DU, S = "DATE", "TIME", "DURATION", "SET"

CASES: list[tuple[str, date | None, list[tuple[str, str, str]]]] = [
    # ---- full dates
    ("Die Konferenz fand am 24. November 2016 statt.", None, [("24. November 2016", D, "2016-11-24")]),
    ("Stand: 24.11.2016", None, [("24.11.2016", D, "2016-11-24")]),
    ("Stand: 24.11.16", None, [("24.11.16", D, "2016-11-24")]),
    ("Stand: 03.02.98", None, [("03.02.98", D, "1998-02-03")]),
    ("Stand: 24. 11. 2016", None, [("24. 11. 2016", D, "2016-11-24")]),
    ("Export vom 2016-11-24 liegt vor.", None, [("2016-11-24", D, "2016-11-24")]),
    ("für den 14.November 2004 eingeladen", None, [("14.November 2004", D, "2004-11-14")]),
    ("am 1. Dez. 2016", None, [("1. Dez. 2016", D, "2016-12-01")]),
    ("am 3. Sept. 2017", None, [("3. Sept. 2017", D, "2017-09-03")]),
    ("am 3. Sep. 2017", None, [("3. Sep. 2017", D, "2017-09-03")]),
    ("am 12. Okt. 2015", None, [("12. Okt. 2015", D, "2015-10-12")]),
    ("am 5. Febr. 2015", None, [("5. Febr. 2015", D, "2015-02-05")]),
    ("am 6. Jan. 2015", None, [("6. Jan. 2015", D, "2015-01-06")]),
    ("am 8. Mrz. 2015", None, [("8. Mrz. 2015", D, "2015-03-08")]),
    ("am 24. Jänner 2017", None, [("24. Jänner 2017", D, "2017-01-24")]),
    ("Magdeburg am 01. Dezember 2025", None, [("01. Dezember 2025", D, "2025-12-01")]),
    ("seit dem 3. April 2003 als Leiterin tätig", None, [("seit dem 3. April 2003", D, "2003-04-03")]),
    ("bis zum 31. Januar 2017 einreichen", None, [("bis zum 31. Januar 2017", D, "2017-01-31")]),
    ("am 29. Februar 2016", None, [("29. Februar 2016", D, "2016-02-29")]),
    ("am 30. Februar 2016", None, []),
    ("am 7. April 2017 im BGZ", None, [("7. April 2017", D, "2017-04-07")]),
    ("am Sonntag, den 13. März 2016", None, [("Sonntag, den 13. März 2016", D, "2016-03-13")]),
    ("am Dienstag, dem 15. Juli 2003, beginnt", None, [("Dienstag, dem 15. Juli 2003", D, "2003-07-15")]),
    ("am Montag, 14. April 2014, wurde", None, [("Montag, 14. April 2014", D, "2014-04-14")]),
    ("Mo., 28.11.2016: Sitzung", None, [("Mo., 28.11.2016", D, "2016-11-28")]),
    ("Do 1.12.2016 Lesung", None, [("Do 1.12.2016", D, "2016-12-01")]),
    ("am 24.\u00a0November\u00a02016", None, [("24.\u00a0November\u00a02016", D, "2016-11-24")]),
    ("am 24.\u2009November 2016", None, [("24.\u2009November 2016", D, "2016-11-24")]),
    ("am 24.\u202fNovember 2016", None, [("24.\u202fNovember 2016", D, "2016-11-24")]),
    ("Pressemitteilung vom 18.08.2020", None, [("18.08.2020", D, "2020-08-18")]),
    # ---- partial dates resolved against the publication date
    ("Der Empfang ist am 7. April.", P, [("am 7. April", D, "2017-04-07")]),
    ("Die Frist endet am 2. Dezember.", P, [("am 2. Dezember", D, "2016-12-02")]),
    ("Die Sitzung fand am 20. November statt.", P, [("am 20. November", D, "2016-11-20")]),
    ("Am 10. Januar findet der Empfang statt.", P, [("Am 10. Januar", D, "2017-01-10")]),
    ("Am 10. Oktober wurde der Vertrag unterschrieben.", P, [("Am 10. Oktober", D, "2016-10-10")]),
    ("Anmeldung bis 30.11. möglich", P, [("30.11.", D, "2016-11-30")]),
    ("am 24.11. im Rathaus", P, [("am 24.11.", D, "2016-11-24")]),
    ("Termin: 5. Dez.", P, [("5. Dez.", D, "2016-12-05")]),
    ("Am Sonnabend, 10. November, lädt der Verein ein.", P, [("Sonnabend, 10. November", D, "2018-11-10")]),
    ("Am Sonnabend, 10. November, lädt der Verein ein.", None, [("Sonnabend, 10. November", D, "XXXX-11-10")]),
    ("am Sonntag (13.9.) gewählt", date(2020, 9, 15), [("Sonntag (13.9.)", D, "2020-09-13")]),
    ("am Sonntag (13.9.) gewählt", None, [("Sonntag (13.9.)", D, "XXXX-09-13")]),
    ("Sa., 26.11.: Basar", P, [("Sa., 26.11.", D, "2016-11-26")]),
    (
        "Am Mittwoch, 25. April, um 10 Uhr, öffnet die Ausstellung.",
        date(2012, 4, 17),
        [("Mittwoch, 25. April", D, "2012-04-25"), ("um 10 Uhr", T, "2012-04-25T10:00")],
    ),
    (
        "Am Sonntag, 5. September, 16 Uhr, beginnt das Hoffest.",
        None,
        [("Sonntag, 5. September", D, "XXXX-09-05"), ("16 Uhr", T, "XXXX-09-05T16:00")],
    ),
    ("Anmeldungen bis zum 5. Juni", P, [("bis zum 5. Juni", D, "2017-06-05")]),
    ("Die Stelle ist seit dem 5. Dezember besetzt.", P, [("seit dem 5. Dezember", D, "2015-12-05")]),
    ("Das Projekt startet 2017.", None, [("2017", D, "2017")]),
    ("Zum ersten Mal kandidierte sie 1996, damals", None, [("1996", D, "1996")]),
    ("zuletzt im Jahr 2015.", None, [("im Jahr 2015", D, "2015")]),
    ("im Jahre 1892 eingeweiht", None, [("im Jahre 1892", D, "1892")]),
    ("Bereits seit 1999 organisiert", None, [("seit 1999", D, "1999")]),
    ("ab 2005 im Fünfjahresrhythmus", None, [("ab 2005", D, "2005"), ("Fünfjahresrhythmus", S, "P5Y")]),
    ("damit wir in 2017 mit der Planung", None, [("2017", D, "2017")]),
    ("Ebenso für das Jahr 2019 wurden", None, [("das Jahr 2019", D, "2019")]),
    ("bis 2021 verlängert", None, [("bis 2021", D, "2021")]),
    ("im Mai 2017 eröffnet", None, [("im Mai 2017", D, "2017-05")]),
    ("Mai 2017: Eröffnung", None, [("Mai 2017", D, "2017-05")]),
    ("Stand Sept. 2017", None, [("Sept. 2017", D, "2017-09")]),
    ("Im März wurde das Gebäude bezogen.", P, [("Im März", D, "2016-03")]),
    ("Die Arbeiten beginnen im März.", P, [("im März", D, "2017-03")]),
    ("seit August ist er im Amt", P, [("seit August", D, "2016-08")]),
    ("im Oktober", None, [("im Oktober", D, "XXXX-10")]),
    # ---- weekdays
    ("am kommenden Dienstag tagt der Rat", P, [("am kommenden Dienstag", D, "2016-11-29")]),
    ("am vergangenen Mittwoch versammelt", P, [("am vergangenen Mittwoch", D, "2016-11-23")]),
    ("am vergangenen Mittwoch versammelt", None, [("am vergangenen Mittwoch", D, "XXXX-XX-XX")]),
    ("Am Montag findet die Sitzung statt.", P, [("Montag", D, "2016-11-28")]),
    ("Am Montag fand die Sitzung statt.", P, [("Montag", D, "2016-11-21")]),
    ("Die Ausstellung wurde am Montag eröffnet.", P, [("Montag", D, "2016-11-21")]),
    ("Der Bürgermeister lädt am Samstag zum Fest ein.", P, [("Samstag", D, "2016-11-26")]),
    ("Die Bürger haben am Sonntag gewählt.", P, [("Sonntag", D, "2016-11-20")]),
    ("Die Bibliothek öffnet am Freitag wieder.", P, [("Freitag", D, "2016-11-25")]),
    ("nächsten Dienstag", P, [("nächsten Dienstag", D, "2016-11-29")]),
    ("letzten Freitag", P, [("letzten Freitag", D, "2016-11-18")]),
    ("Montag", None, [("Montag", D, "XXXX-XX-XX")]),
    ("Sonnabend", P, [("Sonnabend", D, "2016-11-26")]),
    # ---- clock times
    ("Beginn um 18 Uhr.", None, [("um 18 Uhr", T, "XXXX-XX-XXT18:00")]),
    (
        "Am 24. November 2016 um 18 Uhr",
        None,
        [("24. November 2016", D, "2016-11-24"), ("um 18 Uhr", T, "2016-11-24T18:00")],
    ),
    ("Beginn 18.30 Uhr", None, [("18.30 Uhr", T, "XXXX-XX-XXT18:30")]),
    ("Beginn 18:30 Uhr", None, [("18:30 Uhr", T, "XXXX-XX-XXT18:30")]),
    ("Einlass ab 19:00 Uhr", None, [("ab 19:00 Uhr", T, "XXXX-XX-XXT19:00")]),
    ("Einlass ab 19:00", None, [("ab 19:00", T, "XXXX-XX-XXT19:00")]),
    ("Beginn 18Uhr", None, [("18Uhr", T, "XXXX-XX-XXT18:00")]),
    ("Beginn 18\u00a0Uhr", None, [("18\u00a0Uhr", T, "XXXX-XX-XXT18:00")]),
    ("Die Führung endet gegen 17 Uhr.", None, [("gegen 17 Uhr", T, "XXXX-XX-XXT17:00")]),
    ("geöffnet bis 22 Uhr", None, [("bis 22 Uhr", T, "XXXX-XX-XXT22:00")]),
    ("um 8 Uhr abends", None, [("um 8 Uhr abends", T, "XXXX-XX-XXT20:00")]),
    ("Gegen 12 Uhr besichtigt die Delegation den Hafen.", None, [("Gegen 12 Uhr", T, "XXXX-XX-XXT12:00")]),
    ("Ab 13.15 Uhr unternehmen sie eine Tour.", None, [("Ab 13.15 Uhr", T, "XXXX-XX-XXT13:15")]),
    ("für den 16.November 2004, 11:15 Uhr, eingeladen", None,
     [("16.November 2004", D, "2004-11-16"), ("11:15 Uhr", T, "2004-11-16T11:15")]),
    ("Die Jury tagt am Dienstag, 25. August 2020 in der Stadthalle. Gegen 12 Uhr verkündet sie das Ergebnis.",
     date(2020, 8, 18),
     [("Dienstag, 25. August 2020", D, "2020-08-25"), ("Gegen 12 Uhr", T, "2020-08-25T12:00")]),
    ("Wir essen mittags.", None, [("mittags", T, "XXXX-XX-XXTMI")]),
    ("Er kommt abends.", None, [("abends", T, "XXXX-XX-XXTEV")]),
    ("Am 24. November 2016 abends", None, [("24. November 2016", D, "2016-11-24"), ("abends", T, "2016-11-24TEV")]),
    ("heute Abend", P, [("heute Abend", T, "2016-11-24TEV")]),
    ("morgen früh", P, [("morgen früh", T, "2016-11-25TMO")]),
    ("gestern Nachmittag", P, [("gestern Nachmittag", T, "2016-11-23TAF")]),
    ("am Nachmittag", None, [("am Nachmittag", T, "XXXX-XX-XXTAF")]),
    ("am Donnerstagnachmittag, 27. November", None, [("Donnerstagnachmittag, 27. November", T, "XXXX-11-27TAF")]),
    ("am Freitagabend", P, [("Freitagabend", T, "2016-11-25TEV")]),
    # ---- ranges give two values
    ("vom 3. bis 5. Mai 2024", None, [("vom 3. bis 5. Mai 2024", D, "2024-05-03"), ("vom 3. bis 5. Mai 2024", D, "2024-05-05")]),
    ("3.\u20135. Mai 2024", None, [("3.\u20135. Mai 2024", D, "2024-05-03"), ("3.\u20135. Mai 2024", D, "2024-05-05")]),
    ("vom 3. Mai bis 5. Juni 2024", None, [("vom 3. Mai bis 5. Juni 2024", D, "2024-05-03"), ("vom 3. Mai bis 5. Juni 2024", D, "2024-06-05")]),
    ("vom 28. Dezember bis 3. Januar 2017", None,
     [("vom 28. Dezember bis 3. Januar 2017", D, "2016-12-28"), ("vom 28. Dezember bis 3. Januar 2017", D, "2017-01-03")]),
    ("24./25. November 2016", None, [("24./25. November 2016", D, "2016-11-24"), ("24./25. November 2016", D, "2016-11-25")]),
    ("vom 3.5. bis 5.5.2024", None, [("vom 3.5. bis 5.5.2024", D, "2024-05-03"), ("vom 3.5. bis 5.5.2024", D, "2024-05-05")]),
    ("am 7. und 8. Mai 2024", None, [("7. und 8. Mai 2024", D, "2024-05-07"), ("7. und 8. Mai 2024", D, "2024-05-08")]),
    ("vom 3. bis 5. Mai", P, [("vom 3. bis 5. Mai", D, "2017-05-03"), ("vom 3. bis 5. Mai", D, "2017-05-05")]),
    ("Am 24. November 2016 von 11 bis 15 Uhr", None,
     [("24. November 2016", D, "2016-11-24"), ("von 11 bis 15 Uhr", T, "2016-11-24T11:00"), ("von 11 bis 15 Uhr", T, "2016-11-24T15:00")]),
    ("Sprechzeit 10\u201312 Uhr", None, [("10\u201312 Uhr", T, "XXXX-XX-XXT10:00"), ("10\u201312 Uhr", T, "XXXX-XX-XXT12:00")]),
    ("zwischen 14 und 16 Uhr", None, [("zwischen 14 und 16 Uhr", T, "XXXX-XX-XXT14:00"), ("zwischen 14 und 16 Uhr", T, "XXXX-XX-XXT16:00")]),
    ("von 14 Uhr bis 16.30 Uhr", None, [("von 14 Uhr bis 16.30 Uhr", T, "XXXX-XX-XXT14:00"), ("von 14 Uhr bis 16.30 Uhr", T, "XXXX-XX-XXT16:30")]),
    ("zwischen Januar und März", P, [("zwischen Januar und März", D, "2017-01"), ("zwischen Januar und März", D, "2017-03")]),
    ("von Januar bis März 2017", None, [("von Januar bis März 2017", D, "2017-01"), ("von Januar bis März 2017", D, "2017-03")]),
    ("von 2016 bis 2018", None, [("von 2016 bis 2018", D, "2016"), ("von 2016 bis 2018", D, "2018")]),
    ("2016\u20132018", None, [("2016\u20132018", D, "2016"), ("2016\u20132018", D, "2018")]),
    ("im Schuljahr 2016/17", None, [("2016/17", D, "2016"), ("2016/17", D, "2017")]),
    # ---- relative expressions
    ("heute", P, [("heute", D, "2016-11-24")]),
    ("Heute wurde der Preis verliehen.", P, [("Heute", D, "2016-11-24")]),
    ("morgen", P, [("morgen", D, "2016-11-25")]),
    ("gestern", P, [("gestern", D, "2016-11-23")]),
    ("übermorgen", P, [("übermorgen", D, "2016-11-26")]),
    ("vorgestern", P, [("vorgestern", D, "2016-11-22")]),
    ("heute", None, [("heute", D, "XXXX-XX-XX")]),
    ("nächste Woche", P, [("nächste Woche", D, "2016-W48")]),
    ("diese Woche", P, [("diese Woche", D, "2016-W47")]),
    ("letzte Woche", P, [("letzte Woche", D, "2016-W46")]),
    ("in der kommenden Woche", P, [("in der kommenden Woche", D, "2016-W48")]),
    ("im kommenden Jahr", P, [("im kommenden Jahr", D, "2017")]),
    ("im vergangenen Jahr", P, [("im vergangenen Jahr", D, "2015")]),
    ("in diesem Jahr", P, [("in diesem Jahr", D, "2016")]),
    ("dieses Jahr", P, [("dieses Jahr", D, "2016")]),
    ("im nächsten Jahr", None, [("im nächsten Jahr", D, "XXXX")]),
    ("nächsten Monat", P, [("nächsten Monat", D, "2016-12")]),
    ("im vergangenen Monat", P, [("im vergangenen Monat", D, "2016-10")]),
    ("am kommenden Wochenende", P, [("am kommenden Wochenende", D, "2016-W47-WE")]),
    ("am vergangenen Wochenende", P, [("am vergangenen Wochenende", D, "2016-W46-WE")]),
    ("des laufenden Jahres", P, [("des laufenden Jahres", D, "2016")]),
    ("Das diesjährige Fest", P, [("diesjährige", D, "2016")]),
    ("Das diesjährige Fest", None, [("diesjährige", D, "XXXX")]),
    ("wie im Vorjahr", P, [("im Vorjahr", D, "2015")]),
    ("Ende November", P, [("Ende November", D, "2016-11")]),
    ("Anfang 2017", P, [("Anfang 2017", D, "2017")]),
    ("Mitte Mai", P, [("Mitte Mai", D, "2017-05")]),
    ("Ende des Jahres", P, [("Ende des Jahres", D, "2016")]),
    ("Anfang nächsten Jahres", P, [("Anfang nächsten Jahres", D, "2017")]),
    ("bis Ende Mai", None, [("bis Ende Mai", D, "XXXX-05")]),
    ("in zwei Wochen", P, [("in zwei Wochen", D, "2016-12-08")]),
    ("in drei Tagen", P, [("in drei Tagen", D, "2016-11-27")]),
    ("vor drei Jahren", P, [("vor drei Jahren", D, "2013")]),
    ("vor einem Monat", P, [("vor einem Monat", D, "2016-10")]),
    ("vor 10 Jahren", P, [("vor 10 Jahren", D, "2006")]),
    ("vor wenigen Tagen", P, [("vor wenigen Tagen", D, "PAST_REF")]),
    ("in den 1990er Jahren", None, [("in den 1990er Jahren", D, "199")]),
    ("im 19. Jahrhundert", None, [("im 19. Jahrhundert", D, "18")]),
    ("in KW 47", P, [("in KW 47", D, "2016-W47")]),
    ("in der 47. Kalenderwoche", P, [("in der 47. Kalenderwoche", D, "2016-W47")]),
    ("im ersten Quartal 2017", None, [("im ersten Quartal 2017", D, "2017-Q1")]),
    ("im zweiten Halbjahr", P, [("im zweiten Halbjahr", D, "2016-H2")]),
    # ---- seasons
    ("im Herbst geht es weiter", None, [("im Herbst", D, "XXXX-FA")]),
    ("im Herbst", P, [("im Herbst", D, "2016-FA")]),
    ("im Frühjahr 2017", None, [("im Frühjahr 2017", D, "2017-SP")]),
    ("im kommenden Sommer", P, [("im kommenden Sommer", D, "2017-SU")]),
    ("Winter 2016", None, [("Winter 2016", D, "2016-WI")]),
    ("diesen Sommer", P, [("diesen Sommer", D, "2016-SU")]),
    ("im Frühling", None, [("im Frühling", D, "XXXX-SP")]),
    # ---- holidays
    ("Pfingsten 2017", None, [("Pfingsten 2017", D, "2017-06-04")]),
    ("an Heiligabend", P, [("Heiligabend", D, "2016-12-24")]),
    ("am Tag der Deutschen Einheit", P, [("Tag der Deutschen Einheit", D, "2016-10-03")]),
    ("Ostern 2016", None, [("Ostern 2016", D, "2016-03-27")]),
    ("Ostermontag 2016", None, [("Ostermontag 2016", D, "2016-03-28")]),
    ("Karfreitag 2017", None, [("Karfreitag 2017", D, "2017-04-14")]),
    ("Christi Himmelfahrt 2016", None, [("Christi Himmelfahrt 2016", D, "2016-05-05")]),
    ("Volkstrauertag 2004", None, [("Volkstrauertag 2004", D, "2004-11-14")]),
    ("am 1. Advent", P, [("1. Advent", D, "2016-11-27")]),
    ("Totensonntag 2016", None, [("Totensonntag 2016", D, "2016-11-20")]),
    ("Buß- und Bettag 2016", None, [("Buß- und Bettag 2016", D, "2016-11-16")]),
    ("zu Silvester", P, [("Silvester", D, "2016-12-31")]),
    ("an Weihnachten", None, [("Weihnachten", D, "XXXX-12-25")]),
    ("Rosenmontag 2017", None, [("Rosenmontag 2017", D, "2017-02-27")]),
    ("Muttertag 2017", None, [("Muttertag 2017", D, "2017-05-14")]),
    ("Alljährlich wird am Volkstrauertag der Opfer gedacht.", None, [("Alljährlich", S, "P1Y"), ("Volkstrauertag", S, "XXXX-XX")]),
    # ---- durations
    ("in seiner dreijährigen Laufzeit", None, [("dreijährigen", DU, "P3Y")]),
    ("der 41-jährige Kieler", None, [("41-jährige", DU, "P41Y")]),
    ("des 750-jährigen Jubiläums", None, [("750-jährigen", DU, "P750Y")]),
    ("langjährige Amtsinhaber", None, [("langjährige", DU, "PXY")]),
    ("mehrjährigen Projekt", None, [("mehrjährigen", DU, "PXY")]),
    ("einem einjährigen Prozess", None, [("einjährigen", DU, "P1Y")]),
    ("eine zweitägige Tagung", None, [("zweitägige", DU, "P2D")]),
    ("ein dreistündiger Workshop", None, [("dreistündiger", DU, "PT3H")]),
    ("dauert zwei Stunden", None, [("zwei Stunden", DU, "PT2H")]),
    ("seit 20 Jahren", None, [("seit 20 Jahren", DU, "P20Y")]),
    ("Die Amtszeit beträgt sechs Jahre.", None, [("sechs Jahre", DU, "P6Y")]),
    ("10 Jahre nach der Gründung", None, [("10 Jahre", DU, "P10Y")]),
    ("eine halbe Stunde", None, [("eine halbe Stunde", DU, "PT30M")]),
    ("drei Monate lang", None, [("drei Monate", DU, "P3M")]),
    ("zehn Tage", None, [("zehn Tage", DU, "P10D")]),
    ("vier Wochen", None, [("vier Wochen", DU, "P4W")]),
    ("90 Minuten", None, [("90 Minuten", DU, "PT90M")]),
    ("mehrere Jahre", None, [("mehrere Jahre", DU, "PXY")]),
    ("anderthalb Stunden", None, [("anderthalb Stunden", DU, "PT1.5H")]),
    ("ein Jahr", None, [("ein Jahr", DU, "P1Y")]),
    ("zwei Jahrzehnte", None, [("zwei Jahrzehnte", DU, "P20Y")]),
    ("der 48-Jährige", None, [("48-Jährige", DU, "P48Y")]),
    ("ein 31jähriger Fahrer", None, [("31jähriger", DU, "P31Y")]),
    ("Verspätung 20 Min.", None, [("20 Min.", DU, "PT20M")]),
    ("Verspätung bis zu 35 Min", None, [("bis zu 35 Min", DU, "PT35M")]),
    ("1 h Verspätung", None, [("1 h", DU, "PT1H")]),
    ("zweieinhalb Stunden", None, [("zweieinhalb Stunden", DU, "PT2.5H")]),
    ("Meldung von 10:02", None, [("10:02", T, "XXXX-XX-XXT10:02")]),
    ("Abfahrt 6:49, Ankunft 7:24", None, [("6:49", T, "XXXX-XX-XXT06:49"), ("7:24", T, "XXXX-XX-XXT07:24")]),
    ("zum Jahresende", P, [("zum Jahresende", D, "2016")]),
    ("Die Besucher kamen am Wochenende.", P, [("am Wochenende", D, "2016-W46-WE")]),
    ("Das Fest ist am Wochenende.", P, [("am Wochenende", D, "2016-W47-WE")]),
    ("Der Verein wurde im Januar Geschichte.", P, [("im Januar", D, "2016-01")]),
    ("Die Partie endete 2:1.", None, []),
    ("im Verhältnis 1:20", None, []),
    ("IC 2083 von Hamburg-Altona", None, []),
    ("Linie 1972 fällt aus", None, []),
    # ---- sets
    ("jeden Dienstag", None, [("jeden Dienstag", S, "XXXX-WXX-2")]),
    ("jeden Dienstag um 18 Uhr", None, [("jeden Dienstag um 18 Uhr", S, "XXXX-WXX-2T18:00")]),
    ("erscheint wöchentlich", None, [("wöchentlich", S, "P1W")]),
    ("täglich geöffnet", None, [("täglich", S, "P1D")]),
    ("monatlich", None, [("monatlich", S, "P1M")]),
    ("Alljährlich", None, [("Alljährlich", S, "P1Y")]),
    ("Einmal pro Woche Sprechstunde", None, [("Einmal pro Woche", S, "P1W")]),
    ("donnerstags", None, [("donnerstags", S, "XXXX-WXX-4")]),
    ("Donnerstags ist Markt.", None, [("Donnerstags", S, "XXXX-WXX-4")]),
    ("donnerstags von 14.00 bis 16.00 Uhr", None,
     [("donnerstags von 14.00 bis 16.00 Uhr", S, "XXXX-WXX-4T14:00"), ("donnerstags von 14.00 bis 16.00 Uhr", S, "XXXX-WXX-4T16:00")]),
    ("donnerstags 10-12 Uhr", None, [("donnerstags 10-12 Uhr", S, "XXXX-WXX-4T10:00"), ("donnerstags 10-12 Uhr", S, "XXXX-WXX-4T12:00")]),
    ("montags bis freitags von 7 bis 19 Uhr", None,
     [("montags bis freitags", S, "XXXX-WXX-1"), ("montags bis freitags", S, "XXXX-WXX-5"),
      ("von 7 bis 19 Uhr", S, "XXXX-XX-XXT07:00"), ("von 7 bis 19 Uhr", S, "XXXX-XX-XXT19:00")]),
    ("im Dreijahresrhythmus", None, [("Dreijahresrhythmus", S, "P3Y")]),
    ("alle zwei Jahre", None, [("alle zwei Jahre", S, "P2Y")]),
    ("Sonntagnachmittags", None, [("Sonntagnachmittags", S, "XXXX-WXX-7TAF")]),
    ("Mo\u2013Fr 9\u201312 Uhr", None,
     [("Mo\u2013Fr 9\u201312 Uhr", S, "XXXX-WXX-1T09:00"), ("Mo\u2013Fr 9\u201312 Uhr", S, "XXXX-WXX-1T12:00"),
      ("Mo\u2013Fr 9\u201312 Uhr", S, "XXXX-WXX-5T09:00"), ("Mo\u2013Fr 9\u201312 Uhr", S, "XXXX-WXX-5T12:00")]),
    # ---- vague references
    ("Das Projekt weiß es jetzt.", None, [("jetzt", D, "PRESENT_REF")]),
    ("derzeit", None, [("derzeit", D, "PRESENT_REF")]),
    ("zurzeit", None, [("zurzeit", D, "PRESENT_REF")]),
    ("Ab sofort kann man ihn sehen!", None, [("Ab sofort", D, "PRESENT_REF")]),
    ("Das Leitbild wurde jüngst verabschiedet.", None, [("jüngst", D, "PAST_REF")]),
    ("kürzlich", None, [("kürzlich", D, "PAST_REF")]),
    ("künftig", None, [("künftig", D, "FUTURE_REF")]),
    ("in Zukunft", None, [("in Zukunft", D, "FUTURE_REF")]),
    ("demnächst", None, [("demnächst", D, "FUTURE_REF")]),
    ("wie in den vergangenen Jahren", None, [("in den vergangenen Jahren", D, "PAST_REF")]),
    # ---- must NOT be temporal expressions
    ("die 7 Zwerge", None, []),
    ("Mai Thai", None, []),
    ("Wir essen Mai Thai.", None, []),
    ("Hausnummer 2017", None, []),
    ("Paragraph 24.11", None, []),
    ("nach Paragraph 24.11. der Satzung", None, []),
    ("§ 24.11.", None, []),
    ("die", None, []),
    ("mit", None, []),
    ("Son", None, []),
    ("Gefeiert wurde anschließend mit Son Tres im Hof.", None, []),
    ("Die mit dem Hut", None, []),
    ("mehr als 2000 Menschen", None, []),
    ("rund 1500 Besucher", None, []),
    ("Tel. 040 428 2017", None, []),
    ("Fax (040) 2017 3344", None, []),
    ("Tel. 365-4408", None, []),
    ("https://www.berlin.de/aktuelles/2020/pressemitteilung.977494.php", None, []),
    ("www.example.de/2017/11/24", None, []),
    ("info2017@example.de", None, []),
    ("Hauptstraße 2017", None, []),
    ("Willy-Brandt-Platz 1", None, []),
    ("Er ist 16 Jahre alt.", None, []),
    ("65 Jahre oder älter", None, []),
    ("Das Kind ist vier Jahre alt.", None, []),
    ("1.263 Ehrenamtliche", None, []),
    ("176.513 Wahlberechtigten", None, []),
    ("gaben 12.047 ihre Stimme ab", None, []),
    ("7,95 Prozent", None, []),
    ("zum 32. Mal", None, []),
    ("die 7. Integrationskonferenz", None, []),
    ("Zimmer 1201", None, []),
    ("August Bebel", None, []),
    ("Herr Winter und Frau Sommer", None, []),
    ("Max Mai kommt", None, []),
    ("Montagsdemo", None, []),
    ("Uhr Uhr Uhr", None, []),
    ("2017 Euro", None, []),
    ("Seite 24", None, []),
    ("Kapitel 3.4.", None, []),
    ("Nikolaus Müller", None, []),
    ("Guten Morgen", None, []),
    ("Der Seniorenbeirat ist neutral.", None, []),
    ("67657 Kaiserslautern", None, []),
    ("Sommerfest und Leseherbst", None, []),
    ("Weihnachtsmarkt", None, []),
    ("Panzergrenadierbataillon 421", None, []),
    ("Tag der offenen Tür", None, []),
    ("Konzert „Klassik am Nachmittag“ im Rathaus", None, []),
    ("Version 2.1.", None, []),
    ("Die Martinskirche", None, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_table(text: str, published: date | None, expected: list[tuple[str, str, str]]) -> None:
    found = [(e.text, e.type, e.value) for e in tag(text, published)]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_offsets_and_intervals(text: str, published: date | None, expected: object) -> None:
    for expr in tag(text, published):
        assert text[expr.start : expr.end] == expr.text
        if expr.begin is not None:
            assert expr.until is not None and expr.begin <= expr.until
        if "X" in expr.value or expr.type in ("DURATION", "SET") or expr.value.endswith("_REF"):
            assert expr.begin is None and expr.until is None


def test_intervals_of_points_and_periods() -> None:
    day, month, clock, week = tag("24. November 2016, Ende November, 18:30 Uhr, nächste Woche", P)
    assert (day.begin.isoformat(), day.until.isoformat()) == ("2016-11-24T00:00:00", "2016-11-24T23:59:59")
    assert month.value == "2016-11" and month.begin.day >= 20 and month.until.day == 30
    assert clock.begin == clock.until and clock.begin.isoformat() == "2016-11-24T18:30:00"
    assert (week.begin.date(), week.until.date()) == (date(2016, 11, 28), date(2016, 12, 4))


def test_narrative_anchoring_and_warning() -> None:
    text = "Am 24. November 2016 tagte der Rat. Die Förderung lief Ende November aus. Im kommenden Jahr geht es weiter."
    result = tag_with_info(text)
    values = [(e.text, e.value) for e in result.expressions]
    assert values == [("24. November 2016", "2016-11-24"), ("Ende November", "2016-11"), ("Im kommenden Jahr", "2017")]
    assert result.anchor == date(2016, 11, 24) and result.anchor_source == "narrative"
    assert result.warnings == ["no publication date; relative dates anchored to 2016-11-24 (narrative)"]


def test_narrative_anchor_is_most_recent_full_date() -> None:
    text = "Am 3. März 2015 begann es. Am 1. Juni 2018 endete es. Am Tag darauf, am 2. Juni, war Ruhe."
    values = [e.value for e in tag(text)]
    assert values == ["2015-03-03", "2018-06-01", "2018-06-02"]


def test_published_date_wins_over_text_dates() -> None:
    text = "Am 3. März 2015 begann es. Heute endet es."
    result = tag_with_info(text, date(2020, 1, 2))
    assert [e.value for e in result.expressions] == ["2015-03-03", "2020-01-02"]
    assert result.anchor == date(2020, 1, 2) and result.anchor_source == "published" and not result.warnings


def test_no_anchor_warning() -> None:
    result = tag_with_info("Der Empfang ist am 7. April.")
    assert [e.value for e in result.expressions] == ["XXXX-04-07"]
    assert result.anchor is None
    assert result.warnings and "XXXX" in result.warnings[0]


def test_tense_flips_weekday_direction() -> None:
    invitation = "Der Verein lädt am Montag zur Versammlung ein."
    report = "Der Verein hat am Montag getagt."
    assert tag(invitation, P)[0].value == "2016-11-28"
    assert tag(report, P)[0].value == "2016-11-21"


def test_weekday_date_year_nearest_anchor() -> None:
    # 10 November is a Saturday in 2012 and 2018; from 2017 the nearer one is 2018
    assert tag("Sonnabend, 10. November", date(2017, 3, 1))[0].value == "2018-11-10"
    assert tag("Sonnabend, 10. November", date(2013, 3, 1))[0].value == "2012-11-10"


def test_holidays_agree_with_holidays_package() -> None:
    import holidays

    names = {
        "Karfreitag": "Karfreitag",
        "Ostermontag": "Ostermontag",
        "Christi Himmelfahrt": "Christi Himmelfahrt",
        "Pfingstmontag": "Pfingstmontag",
        "Tag der Deutschen Einheit": "Tag der Deutschen Einheit",
        "Neujahr": "Neujahr",
    }
    for year in range(2000, 2031):
        known = {
            name.strip(): day
            for day, names in holidays.Germany(years=year, language="de").items()
            for name in names.split(";")
        }
        for surface, name in names.items():
            (expr,) = tag(f"{surface} {year}")
            assert expr.value == known[name].isoformat(), (surface, year)


FOCUS_CASES = [
    # a bare weekday after a calendar day means that day's week
    (
        "Das Fest beginnt am Freitag, 6. September 2024. Am Samstag spielt eine Band, am Sonntag ist Frühschoppen.",
        date(2024, 8, 20),
        ["2024-09-06", "2024-09-07", "2024-09-08"],
    ),
    # "seit Montag" counts from the publication date, not from the day in focus
    (
        "Der Markt öffnet am Montag, 25. November. Die Straße ist bereits seit Montag gesperrt.",
        date(2024, 11, 20),
        ["2024-11-25", "2024-11-18"],
    ),
    # a narrative anchor is an event day: weekdays fall in its week
    (
        "Die Gäste kamen am Freitag, 6. Oktober 2023. Am Sonntagvormittag reisten sie ab.",
        None,
        ["2023-10-06", "2023-10-08TMO"],
    ),
    # deadlines point ahead even when the sentence mixes tenses
    ("Wer bis zum 9. Juni keine Post erhalten hat, sollte sich melden.", date(2024, 6, 3), ["2024-06-09"]),
    # a stative passive is no past tense
    ("Die Brücke ist bis Ende August voll gesperrt.", date(2024, 5, 27), ["2024-08"]),
    # verb-final participle of an inseparable verb after 'hat'
    ("Der OB hat am Samstagabend den Preis verliehen.", date(2024, 9, 30), ["2024-09-28TEV"]),
]


@pytest.mark.parametrize(("text", "published", "values"), FOCUS_CASES, ids=[c[0][:40] for c in FOCUS_CASES])
def test_weekday_focus_and_tense(text: str, published: date | None, values: list[str]) -> None:
    found = [e.value for e in tag(text, published) if e.type in ("DATE", "TIME")]
    assert found == values


def test_holiday_with_date_is_one_expression() -> None:
    found = [(e.text, e.value) for e in tag("Am Totensonntag, 24. November, bleibt der Markt zu.", date(2024, 11, 20))]
    assert found == [("Totensonntag, 24. November", "2024-11-24")]


def test_jeweils_makes_a_time_recurring() -> None:
    found = [(e.text, e.type, e.value) for e in tag("Die Lesungen beginnen jeweils um 10.30 Uhr.")]
    assert found == [("jeweils um 10.30 Uhr", "SET", "XXXX-XX-XXT10:30")]


def test_decades_are_durations() -> None:
    found = [(e.type, e.value) for e in tag("In fünf Jahrzehnten Partnerschaft entstanden Freundschaften.", P)]
    assert found == [("DURATION", "P50Y")]
