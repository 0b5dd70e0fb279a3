"""Batch throughput: full extraction vs. the bare spaCy model, workers, Dask, peak memory.

    python benchmarks/throughput.py                 # 5,000 generated releases, all rows
    python benchmarks/throughput.py --docs 1000 --rss 1000 5000 --model blank:de

Generates an archive of realistic synthetic municipal press releases from templates (a JSON
Lines file; about 200 words each, as long as real releases: the 13 of the development set
average 203 words), then reports docs/s and words/s for

* the bare spaCy model (`nlp.pipe`, no pressparse components) on the same texts: reference,
  measured together with `Extractor.pipe` in alternating blocks of documents, so that the
  ratio of the two is not moved by the machine's speed drifting during the run,
* `pressparse.batch.run` with 1 and 2 local worker processes,
* the Dask engine (LocalCluster on loopback, 2 worker processes),
* the bare model and `Extractor.pipe` again, paired the same way, on real releases: the
  files of ``--texts`` (default ``data/samples``, or the gold files of an evaluation set),
  each run ``--copies`` times,

and the peak resident memory (RSS) of a 1-worker batch run over 1k and 5k documents, each in
a fresh process (memory must not grow with archive size: the run streams).
Not a test: numbers depend on the machine; print them, compare them on one machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

CITIES = ["Freiburg", "Osnabrück", "Leipzig", "Trier", "Landshut", "Kassel", "Erlangen",
          "Göttingen", "Ulm", "Bamberg", "Potsdam", "Rostock", "Koblenz", "Hamm", "Gera"]
FIRST = ["Anna", "Thomas", "Sabine", "Michael", "Julia", "Stefan", "Claudia", "Markus",
         "Petra", "Andreas", "Katrin", "Jürgen", "Monika", "Frank", "Birgit", "Lars"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Braun"]
ROLES = ["Oberbürgermeister", "Bürgermeisterin", "Baudezernent", "Kulturamtsleiterin",
         "Ortsvorsteher", "Stadtdirektorin", "Leiter des Ordnungsamts"]
STREETS = ["Marktplatz", "Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Am Stadtpark",
           "Lindenallee", "Kirchplatz", "Rathausplatz"]
VENUES = ["im Großen Sitzungssaal des Rathauses", "in der Stadthalle", "im Bürgerhaus Nord",
          "in der Aula des Goethe-Gymnasiums", "im Kulturzentrum Alte Feuerwache",
          "auf dem Marktplatz", "in der Stadtbibliothek"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

EVENTS = [
    ("Sitzung des Ausschusses für {topic}", "Der Ausschuss für {topic} tritt am {when} "
     "{venue} zu seiner nächsten öffentlichen Sitzung zusammen. Auf der Tagesordnung stehen "
     "unter anderem der Haushaltsentwurf {year}, die Sanierung der Grundschule an der "
     "{street} und ein Antrag zur Verkehrsberuhigung in der Innenstadt."),
    ("Bürgerwerkstatt zur Zukunft des {place}", "Wie soll sich der {place} in den kommenden "
     "Jahren entwickeln? Diese Frage steht im Mittelpunkt einer Bürgerwerkstatt am {when} "
     "{venue}. Die Stadtverwaltung lädt alle Interessierten ein, Ideen und Anregungen "
     "einzubringen; eine Anmeldung ist bis zum {deadline} per E-Mail möglich."),
    ("Stadtfest {year}", "Vom {when} bis zum {until} feiert {city} wieder sein Stadtfest. "
     "Auf drei Bühnen rund um den {street} treten regionale Bands auf, Vereine stellen sich "
     "vor und für Kinder gibt es ein eigenes Programm mit Zauberer und Hüpfburg."),
    ("Vollsperrung der {street}", "Wegen Kanalbauarbeiten wird die {street} ab {when} "
     "voll gesperrt. Die Arbeiten dauern voraussichtlich bis zum {until}. Eine Umleitung "
     "über die Lindenallee ist ausgeschildert; Anlieger können ihre Grundstücke erreichen."),
    ("Sprechstunde des Ortsvorstehers", "Die nächste Sprechstunde findet am {when} von 16 "
     "bis 18 Uhr {venue} statt. Bürgerinnen und Bürger können ihre Anliegen ohne vorherige "
     "Anmeldung vortragen. Weitere Termine folgen jeweils am ersten Dienstag im Monat."),
    ("Eröffnung der neuen Kita", "Am {when} wird die neue Kindertagesstätte an der "
     "{street} feierlich eröffnet. Nach einer Bauzeit von 18 Monaten bietet das Gebäude "
     "Platz für 100 Kinder in sechs Gruppen. Die Baukosten betrugen 4,2 Millionen Euro."),
    ("Konzert der Städtischen Musikschule", "Die Städtische Musikschule lädt am {when} "
     "{venue} zu ihrem Frühjahrskonzert ein. Schülerinnen und Schüler spielen Werke von "
     "Mozart, Beethoven und zeitgenössischen Komponisten. Der Eintritt ist frei."),
]
TOPICS = ["Umwelt und Verkehr", "Bauen und Planen", "Schule und Sport", "Soziales",
          "Kultur und Tourismus", "Finanzen"]
PLACES = ["Stadtparks", "Bahnhofsviertels", "Hafengeländes", "Marktplatzes", "Schlossgartens"]


def _date(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]}, {d.day}. {MONTHS[d.month - 1]} {d.year}"


ROLES_2 = ["Amtsleiterin", "Quartiersmanager", "Projektleiterin", "Sozialdezernent",
           "Ortsbürgermeisterin", "Stadtbaurat", "Stadträtin"]
VENUES_2 = ["im Foyer des Rathauses", "im Gemeindezentrum Süd", "in der Volkshochschule",
            "im Stadtteilbüro am Markt", "in der Mensa der Gesamtschule"]
BACKGROUND = [
    "Hintergrund: Bereits im Jahr {earlier} hatte der Rat der Stadt {city} beschlossen, das "
    "Thema gemeinsam mit der Bürgerschaft anzugehen. Seitdem wurden Konzepte erarbeitet, "
    "Fachleute angehört und Fördermittel beim Land beantragt. Für das Vorhaben stehen rund "
    "{million} Millionen Euro zur Verfügung, davon trägt das Land etwa die Hälfte.",
    "Das Vorhaben ist Teil des Integrierten Stadtentwicklungskonzepts, das der Stadtrat im "
    "{month} {earlier} verabschiedet hat. Umgesetzt wird es von der Verwaltung gemeinsam mit "
    "dem Quartiersmanagement, den örtlichen Vereinen und der Bürgerstiftung {city}.",
    "Seit {earlier} hat sich die Zahl der Teilnehmerinnen und Teilnehmer mehr als verdoppelt. "
    "Im vergangenen Jahr kamen nach Angaben des Kulturamts rund {count} Besucherinnen und "
    "Besucher, viele von ihnen aus den umliegenden Gemeinden des Landkreises.",
    "Die Verwaltung hatte die Pläne bereits im Frühjahr im Ausschuss für {topic} vorgestellt. "
    "Dabei wurden auch Anregungen aus der Bürgerschaft aufgenommen, etwa zusätzliche "
    "Sitzbänke, mehr Abstellplätze für Fahrräder und eine bessere Beleuchtung der Fußwege.",
]
DETAILS = [
    "Das Programm beginnt um {t1} Uhr mit einer Begrüßung durch {role2} {person2}. "
    "Anschließend stellen Fachleute der Verwaltung den aktuellen Stand vor; ab {t2} Uhr "
    "besteht Gelegenheit für Fragen und Gespräche an Thementischen. Das Ende ist gegen {t3} "
    "Uhr geplant.",
    "Für Kinder gibt es während der Veranstaltung eine Betreuung durch das Team des "
    "Jugendzentrums. Gebärdensprachdolmetscher sind vor Ort. Wer nicht persönlich teilnehmen "
    "kann, verfolgt die Veranstaltung im Livestream auf der Internetseite der Stadt.",
    "Anmeldungen nimmt das Bürgerbüro bis zum {deadline} entgegen, telefonisch unter "
    "0{area} {phone} oder per E-Mail. Die Zahl der Plätze ist begrenzt; berücksichtigt wird "
    "die Reihenfolge der Anmeldungen.",
]
QUOTES_2 = [
    "„Gerade die Rückmeldungen der Anwohnerinnen und Anwohner sind für uns sehr wertvoll“, "
    "betont {role2} {person2}. „Wir wollen die Ergebnisse nicht nur dokumentieren, sondern in "
    "die weitere Planung einfließen lassen.“",
    "{role2} {person2} ergänzt: „Das ist ein gutes Beispiel dafür, was gelingen kann, wenn "
    "Verwaltung, Vereine und Ehrenamtliche an einem Strang ziehen.“ Ein besonderer Dank gelte "
    "dem Förderverein, der die Veranstaltung seit Jahren unterstützt.",
]
FOLLOW_UPS = [
    "Ein weiterer Termin ist bereits geplant: Am {next_when} folgt eine zweite Veranstaltung "
    "{venue2}, bei der die Ergebnisse vorgestellt werden.",
    "Die Ergebnisse werden anschließend ausgewertet und im {next_month} dem Stadtrat "
    "vorgelegt, der über das weitere Vorgehen entscheidet.",
]


def make_release(i: int, rng: random.Random) -> dict:
    """One synthetic release: headline, the event, quotes, background, programme details and
    a contact line; 4-9 paragraphs, about 200 words on average (the real releases of the
    development set average 203 words, our samples 244)."""
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 1500))
    when = published + timedelta(days=rng.randrange(3, 40))
    later = when + timedelta(days=rng.randrange(14, 60))
    city = rng.choice(CITIES)
    hour = rng.choice([10, 14, 17, 18, 19])
    values = {
        "topic": rng.choice(TOPICS), "place": rng.choice(PLACES), "city": city,
        "street": rng.choice(STREETS), "venue": rng.choice(VENUES), "year": when.year,
        "when": f"{_date(when)}, um {hour} Uhr",
        "until": _date(when + timedelta(days=rng.randrange(1, 20))),
        "deadline": _date(when - timedelta(days=2)),
        "earlier": published.year - rng.randrange(1, 6), "month": rng.choice(MONTHS),
        "million": rng.choice(["1,2", "2,5", "3,8", "4,1", "6,3"]),
        "count": rng.randrange(8, 40) * 100, "t1": hour, "t2": f"{hour + 1}.30",
        "t3": hour + 3, "area": rng.randrange(100, 999), "phone": rng.randrange(10000, 99999),
        "person2": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role2": rng.choice(ROLES_2),
        "venue2": rng.choice(VENUES_2), "next_when": _date(later),
        "next_month": MONTHS[later.month - 1],
    }
    title, body = rng.choice(EVENTS)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    role = rng.choice(ROLES)
    paragraphs = [
        body.format(**values),
        f"„Wir freuen uns auf einen regen Austausch“, sagt {role} {person}. Die Stadt "
        f"{city} setze damit ihre Reihe von Informationsangeboten fort, die im Jahr "
        f"{published.year} begonnen wurde.",
    ]
    for texts, chance in ((BACKGROUND, 0.8), (DETAILS, 0.7), (DETAILS, 0.4), (QUOTES_2, 0.7),
                          (FOLLOW_UPS, 0.5)):
        if rng.random() < chance:
            paragraph = rng.choice(texts).format(**values)
            if paragraph not in paragraphs:
                paragraphs.append(paragraph)
    paragraphs += [
        rng.choice([
            "Der Veranstaltungsort ist barrierefrei erreichbar. Parkplätze stehen in der "
            "Tiefgarage am Rathaus zur Verfügung.",
            "Die Teilnahme ist kostenlos. Für Getränke und einen kleinen Imbiss ist gesorgt.",
            "Weitere Informationen gibt es im Internet sowie telefonisch beim Bürgerbüro.",
        ]),
        f"Ansprechpartner für Rückfragen: {rng.choice(FIRST)} {rng.choice(LAST)}, "
        f"Presse- und Öffentlichkeitsarbeit der Stadt {city}, {rng.choice(STREETS)} "
        f"{rng.randrange(1, 40)}, {rng.randrange(10000, 99999)} {city}.",
    ]
    return {"id": f"syn-{i:05d}", "title": title.format(**values),
            "published": published.isoformat(),
            "text": title.format(**values) + "\n\n" + "\n\n".join(paragraphs)}


def generate(path: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            release = make_release(i, rng)
            words += len(release["text"].split())
            handle.write(json.dumps(release, ensure_ascii=False) + "\n")
    return words


def _subset(source: Path, n: int, target: Path) -> Path:
    with open(source, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return target


def _bare_model(model: str | None):
    """The base pipeline alone: the shipped model (or `model`) without pressparse components."""
    import spacy

    from pressparse.pipeline import _import_registrations, shipped_model_path

    _import_registrations(("pressparse.lang.de", "pressparse.ml"))
    return spacy.load(model or shipped_model_path())


def real_releases(folder: Path, copies: int) -> list[dict]:
    """The releases of ``folder`` (``*.txt``, or ``*.json`` with a "text" field), each
    ``copies`` times. Every copy ends in its own number of newlines, so that caches keyed by
    the whole text (word segmentation, organisation candidates) miss as they would on an
    archive of distinct releases; the tokens stay the same."""
    releases: dict[str, dict] = {}  # by file stem: a gold JSON with its text wins
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            releases.setdefault(path.stem, {"id": path.stem,
                                            "text": path.read_text(encoding="utf-8")})
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("text"), str):
                releases[path.stem] = {"id": path.stem, "text": data["text"],
                                       "published": data.get("published")}
    return [dict(r, id=f"{r['id']}-{k}", text=r["text"] + "\n" * (k + 1))
            for k in range(copies) for r in releases.values()]


def paired_rows(rows: list[dict], options: dict, model: str | None, batch_size: int,
                block: int) -> tuple[float, float, int]:
    """Seconds of the bare model and of `Extractor.pipe` over the same texts, and words.

    The two run in alternating blocks of `block` documents in this one process (which goes
    first alternates too), so a drift in the machine's speed during the run, which on a
    shared virtual machine reaches 30%, weighs on both rows alike and not on their ratio.
    """
    import pressparse

    nlp = _bare_model(model)
    extractor = pressparse.load(options["model"], require_ner=options["require_ner"])
    bare_s = pipe_s = 0.0
    for number, first in enumerate(range(0, len(rows), block)):
        part = rows[first : first + block]
        texts = [r["text"] for r in part]
        for which in (("bare", "pipe") if number % 2 == 0 else ("pipe", "bare")):
            start = time.perf_counter()
            if which == "bare":
                for _ in nlp.pipe(texts, batch_size=batch_size):
                    pass
                bare_s += time.perf_counter() - start
            else:
                for _ in extractor.pipe(part, batch_size=batch_size, errors="record"):
                    pass
                pipe_s += time.perf_counter() - start
    return bare_s, pipe_s, sum(len(r["text"].split()) for r in rows)


def _paired_table(table: list[tuple[str, float, float, str]], rows: list[dict], options: dict,
                  args: argparse.Namespace, bare_name: str, pipe_name: str) -> float:
    """Measure `paired_rows` on ``rows``, add its two table rows, return the bare docs/s."""
    bare_s, pipe_s, words = paired_rows(rows, options, args.model, args.batch_size, args.block)
    bare_rate, rate = len(rows) / bare_s, len(rows) / pipe_s
    table.append((f"{bare_name} (reference)", bare_rate, words / bare_s, "100%"))
    table.append((pipe_name, rate, words / pipe_s, f"{100 * rate / bare_rate:.0f}%"))
    print(f"  done: {bare_name} {bare_rate:.1f} docs/s, {pipe_name} {rate:.1f} docs/s "
          "(alternating blocks)", flush=True)
    return bare_rate


def batch_row(path: Path, options: dict, workers: int, engine: str, batch_size: int,
              chunk_size: int) -> tuple[float, int, int]:
    from pressparse import batch

    with tempfile.TemporaryDirectory() as out:
        summary = batch.run(path, out, options=options, workers=workers, engine=engine,
                            batch_size=batch_size, chunk_size=chunk_size, csv=False,
                            duckdb=False)
    return summary.seconds, summary.words, summary.documents


def rss_child(path: str, options: str) -> None:
    """Run one 1-worker batch in this process; print peak RSS in MiB (Linux: ru_maxrss KiB)."""
    from pressparse import batch

    with tempfile.TemporaryDirectory() as out:
        summary = batch.run(path, out, options=json.loads(options), workers=1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mib": peak, "documents": summary.documents,
                      "seconds": summary.seconds}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generate", type=int, default=5000, help="releases to generate")
    parser.add_argument("--docs", type=int, default=5000, help="releases per throughput row")
    parser.add_argument("--rss", type=int, nargs="*", default=[1000, 5000],
                        help="archive sizes for the peak-memory rows")
    parser.add_argument("--model", default=None, help="base pipeline (default: shipped)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--chunk-size", type=int, default=64,
                        help="documents per part (small parts balance workers on small runs)")
    parser.add_argument("--rows", nargs="*",
                        default=["bare", "pipe", "w1", "w2", "dask", "real"],
                        help="bare and pipe are measured together, in alternating blocks; "
                             "real: the same pair on the releases of --texts")
    parser.add_argument("--block", type=int, default=250,
                        help="documents per alternating block of the bare and pipe rows")
    parser.add_argument("--texts", type=Path, default=SAMPLES,
                        help="folder of real releases for the 'real' rows (*.txt or *.json)")
    parser.add_argument("--copies", type=int, default=20,
                        help="times each release of --texts is run ('real' rows)")
    parser.add_argument("--_rss-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._rss_child:
        rss_child(*args._rss_child)
        return

    options = {"model": args.model, "require_ner": args.model != "blank:de"}
    work = Path(tempfile.mkdtemp(prefix="pressparse-bench-"))
    archive = work / "releases.jsonl"
    total_words = generate(archive, max(args.generate, args.docs, *args.rss, 0))
    subset = _subset(archive, args.docs, work / "subset.jsonl")
    print(f"generated {max(args.generate, args.docs, *args.rss)} releases, {total_words} words "
          f"({archive}); throughput rows use {args.docs}")

    table: list[tuple[str, float, float, str]] = []
    bare_rate = None
    if "bare" in args.rows or "pipe" in args.rows:
        rows = [json.loads(line) for line in subset.read_text(encoding="utf-8").splitlines()]
        bare_rate = _paired_table(table, rows, options, args, "bare spaCy nlp.pipe",
                                  "Extractor.pipe in-process (no batch I/O)")
    if "real" in args.rows:
        name = f"{args.texts.name}/ x{args.copies}"
        _paired_table(table, real_releases(args.texts, args.copies), options, args,
                      f"bare nlp.pipe, {name}", f"Extractor.pipe, {name}")
    for row, workers, engine in (("w1", 1, "local"), ("w2", 2, "local"), ("dask", 2, "dask")):
        if row not in args.rows:
            continue
        seconds, words, docs = batch_row(subset, options, workers, engine, args.batch_size,
                                         args.chunk_size)
        rate = docs / seconds
        share = f"{100 * rate / bare_rate:.0f}%" if bare_rate else "-"
        name = f"pressparse batch, {engine} engine, {workers} worker(s)"
        table.append((name, rate, words / seconds, share))
        print(f"  done: {name}: {rate:.1f} docs/s", flush=True)

    print()
    print(f"{'run':<46} {'docs/s':>9} {'words/s':>10} {'vs bare':>8}")
    for name, rate, wrate, share in table:
        print(f"{name:<46} {rate:>9.1f} {wrate:>10.0f} {share:>8}")
    for size in args.rss:
        path = _subset(archive, size, work / f"rss-{size}.jsonl")
        result = subprocess.run(
            [sys.executable, __file__, "--_rss-child", str(path), json.dumps(options)],
            capture_output=True, text=True, check=True)
        data = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"peak RSS, 1 worker, {size:>6} docs: {data['peak_rss_mib']:8.0f} MiB "
              f"({data['documents'] / data['seconds']:.1f} docs/s)")


if __name__ == "__main__":
    main()
