"""Word-level gazetteer flags for ``pressparse.ClusterEmbed.v2`` (training time only).

The shared corpus directory's ``gazetteers_de/`` holds official and open name lists. Each
single-word entry becomes a bit flag on that word form in the model's cluster table, so the
NER sees "this word is a known surname / German place / country" also for names it never
saw in training. Only permissively licensed lists are used (see ``SOURCES``); the OSM-derived
city and street lists (CC BY-SA) and the GPL first-name list are left out.
Multi-word entries ("Bad Honnef", "Republik Albanien") are skipped: flagging their parts
would mark "Bad" or "Republik" as places.
"""

from __future__ import annotations

import csv
from pathlib import Path

SURNAME = 1
PLACE = 2
COUNTRY = 4

SOURCES = [
    {
        "name": "GermaNER surname list (via German LER gazetteers): surname flag feature",
        "url": "https://github.com/tudarmstadt-lt/GermaNER",
        "license": "Apache-2.0",
        "author": "TU Darmstadt LT group (GermaNER, Benikova et al. 2015)",
    },
    {
        "name": "Regionalstatistik region names (via datenguidepy regions.csv): place flag feature",
        "url": "https://www.regionalstatistik.de/",
        "license": "Datenlizenz Deutschland – Namensnennung 2.0 (data); MIT (datenguidepy)",
        "author": "Statistische Ämter des Bundes und der Länder; CorrelAid e.V.",
    },
    {
        "name": "Auswärtiges Amt list of state names (via German LER gazetteers): country flag",
        "url": "https://www.govdata.de/apps/-/details/liste-der-staatennamen",
        "license": "Amtliches Werk, § 5 Abs. 1 UrhG (public domain in Germany)",
        "author": "Auswärtiges Amt",
    },
]


def _single_words(lines: list[str]) -> set[str]:
    words = set()
    for line in lines:
        word = line.strip()
        if word and " " not in word and word[:1].isupper() and len(word) > 1:
            words.add(word)
    return words


def region_names(path: Path) -> set[str]:
    """Names of Länder, Kreise and Gemeinden without official suffixes ("Niesky, Stadt")."""
    names = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].split(",")[0].strip()
            name = name.split("(")[0].strip()
            if "Stat. Region" in row["name"]:
                continue
            names.add(name)
    return _single_words(sorted(names))


def load_gazetteer(corpora: Path) -> dict[str, int]:
    """Word form -> OR of the flags, from ``corpora/gazetteers_de``."""
    base = corpora / "gazetteers_de"
    ler = base / "ler_gazetteers"
    flags: dict[str, int] = {}

    def add(words: set[str], bit: int) -> None:
        for word in words:
            flags[word] = flags.get(word, 0) | bit

    add(_single_words((ler / "personennamen.list").read_text(encoding="utf-8").splitlines()),
        SURNAME)
    add(region_names(base / "datenguidepy" / "regions.csv"), PLACE)
    add(_single_words((ler / "laendernamen.list").read_text(encoding="utf-8").splitlines()),
        COUNTRY)
    return flags
