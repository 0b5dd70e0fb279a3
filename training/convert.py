"""Convert the open German corpora to spaCy DocBins with harmonised PER/ORG/LOC/MISC labels.

Every reader returns a list of ``Example``-ready ``Doc`` objects (gold words + ``doc.ents``);
label decisions are documented in ``training/README.md`` and implemented in the ``*_MAP``
tables below. Splits use fixed seeds so the shipped model is reproducible.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

LABELS = ("PER", "ORG", "LOC", "MISC")

# GermEval 2014 (outer column). -deriv ("Hamburger") and -part ("EU-weit") are not names
# of entities in our sense and become O.
GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}

# SmartData / MobIE. Routes ("A7", "S3", "Linie 5") are line identifiers, not places: O.
# org-position, dates, times, triggers etc. are not named entities: O.
DFKI_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
}

# LER coarse mapping (upstream's coarse classes for persons, places, organisations; brands
# with organisations as upstream does). Norms, decisions and literature have no
# counterpart in our label set: sentences containing them are not used for training.
LER_MAP = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}
LER_LEGAL = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}

SEED = 20240917
GERMEVAL_HOLDOUT = 1000
GERMEVAL_DEV = 400


# ---------------------------------------------------------------- generic helpers


def iob_spans(tags: list[str], label_map: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB1/IOB2 tags, mapped; unmapped types dropped."""
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and typ != cur)
        if cur is not None and (prefix == "O" or begins):
            if cur in label_map:
                spans.append((start, i, label_map[cur]))
            cur = None
        if prefix in ("B", "I") and (begins or cur is None):
            start, cur = i, typ
    return spans


def make_doc(nlp: Language, words: list[str], spans: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    doc.ents = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in spans])
    return doc


def read_columns(path: Path, encoding: str = "utf-8") -> Iterator[list[list[str]]]:
    """Blank-line separated sentences of whitespace/tab separated columns."""
    sent: list[list[str]] = []
    with path.open(encoding=encoding) as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#\t") or line.startswith("-DOCSTART-"):
                continue
            sent.append(line.split("\t") if "\t" in line else line.split(" "))
    if sent:
        yield sent


def read_json_docs(path: Path) -> list[dict]:
    """Concatenated pretty-printed JSON documents (SmartData Avro-JSON dumps)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    dec = json.JSONDecoder()
    i, out = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


# ---------------------------------------------------------------- corpus readers


def germeval(nlp: Language, corpora: Path) -> list[Doc]:
    docs = []
    for sent in read_columns(corpora / "germeval2014" / "NER-de-test.tsv"):
        words = [c[1] for c in sent]
        tags = [c[2] for c in sent]
        docs.append(make_doc(nlp, words, iob_spans(tags, GERMEVAL_MAP)))
    return docs


def germeval_splits(nlp: Language, corpora: Path) -> tuple[list[Doc], list[Doc], list[Doc]]:
    """(train, dev, holdout) with a fixed shuffle; holdout is never trained or tuned on."""
    docs = germeval(nlp, corpora)
    order = list(range(len(docs)))
    random.Random(SEED).shuffle(order)
    hold = [docs[i] for i in order[:GERMEVAL_HOLDOUT]]
    dev = [docs[i] for i in order[GERMEVAL_HOLDOUT : GERMEVAL_HOLDOUT + GERMEVAL_DEV]]
    train = [docs[i] for i in order[GERMEVAL_HOLDOUT + GERMEVAL_DEV :]]
    return train, dev, hold


def ler(nlp: Language, path: Path, keep_legal: bool) -> list[Doc]:
    docs = []
    for sent in read_columns(path):
        words = [c[0] for c in sent]
        tags = [c[-1] for c in sent]
        if not keep_legal and any(t.partition("-")[2] in LER_LEGAL for t in tags):
            continue
        docs.append(make_doc(nlp, words, iob_spans(tags, LER_MAP)))
    return docs


def ler_sample(nlp: Language, corpora: Path, n_with: int, n_without: int) -> list[Doc]:
    """Down-sample LER train: sentences with entities plus some without, no legal citations."""
    docs = ler(nlp, corpora / "german_ler" / "splits" / "ler_train.conll", keep_legal=False)
    rng = random.Random(SEED)
    with_ents = [d for d in docs if d.ents]
    without = [d for d in docs if not d.ents]
    rng.shuffle(with_ents)
    rng.shuffle(without)
    return with_ents[:n_with] + without[:n_without]


def mobie(nlp: Language, corpora: Path, split: str) -> list[Doc]:
    docs = []
    for sent in read_columns(corpora / "mobie" / "ner_conll03" / f"{split}.conll2003"):
        words = [c[0] for c in sent]
        tags = [c[-1] for c in sent]
        docs.append(make_doc(nlp, words, iob_spans(tags, DFKI_MAP)))
    return docs


def _v3_ids(corpora: Path) -> set[str]:
    ids: set[str] = set()
    for split in ("dev", "test"):
        ids.update(
            d["id"]
            for d in read_json_docs(corpora / "smartdata" / "v3_20200302" / f"{split}.json.gz")
        )
    return ids


def smartdata_v1_train(nlp: Language, corpora: Path) -> list[Doc]:
    """SmartData v1 (train+test) minus every document whose id occurs in v3 dev/test.

    v1 has character-offset mentions but no tokens: tokenise with our tokenizer, split
    sentences with our splitter, and align mentions (expanding to token boundaries).
    """
    leaked = _v3_ids(corpora)
    splitter = (
        nlp.get_pipe("pressparse_sentences") if "pressparse_sentences" in nlp.pipe_names else None
    )
    out = []
    for split in ("train", "test"):
        for d in read_json_docs(corpora / "smartdata" / "v1_20180119" / f"{split}.json.gz"):
            if d["id"] in leaked:
                continue
            text = d["text"]["string"]
            doc = nlp.make_doc(text)
            if splitter is not None:
                doc = splitter(doc)
            spans = []
            for m in (d.get("conceptMentions") or {}).get("array", []):
                label = DFKI_MAP.get(m["type"])
                if label is None:
                    continue
                sp = doc.char_span(
                    m["span"]["start"], m["span"]["end"], label=label, alignment_mode="expand"
                )
                if sp is not None:
                    spans.append(sp)
            doc.ents = filter_spans(spans)
            for sent in doc.sents:
                if sent.text.strip():
                    sdoc = sent.as_doc()
                    # drop pure whitespace tokens at the edges is unnecessary: spaCy keeps them O
                    out.append(sdoc)
    return out


def smartdata_v3(nlp: Language, corpora: Path, split: str) -> list[Doc]:
    """SmartData v3 dev/test with the corpus' own tokens and sentences (evaluation data)."""
    out = []
    for d in read_json_docs(corpora / "smartdata" / "v3_20200302" / f"{split}.json.gz"):
        text = d["text"]["string"]
        for s in d["sentences"]["array"]:
            toks = s["tokens"]["array"]
            words, spaces, tags = [], [], []
            for k, t in enumerate(toks):
                st, en = t["span"]["start"], t["span"]["end"]
                w = text[st:en]
                if not w.strip():
                    continue
                words.append(w)
                nxt = toks[k + 1]["span"]["start"] if k + 1 < len(toks) else en
                spaces.append(nxt > en)
                tag = (t.get("ner") or {}).get("string", "O")
                pre, _, typ = tag.partition("-")
                tags.append(f"{pre}-{typ.lower().replace('_', '-')}" if typ else "O")
            if not words:
                continue
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            doc.ents = filter_spans(
                [Span(doc, a, b, label=lab) for a, b, lab in iob_spans(tags, DFKI_MAP)]
            )
            out.append(doc)
    return out


# ---------------------------------------------------------------- assembling


def save(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def build_corpus(
    nlp: Language,
    corpora: Path,
    out: Path,
    ler_with: int = 4000,
    ler_without: int = 1000,
    germeval_weight: int = 1,
) -> dict:
    """Write train/dev DocBins and the three evaluation sets; return sentence counts."""
    ge_train, ge_dev, ge_hold = germeval_splits(nlp, corpora)
    sd_train = smartdata_v1_train(nlp, corpora)
    mb_train = mobie(nlp, corpora, "train")
    ler_train = ler_sample(nlp, corpora, ler_with, ler_without)
    sd_dev = smartdata_v3(nlp, corpora, "dev")
    mb_dev = mobie(nlp, corpora, "dev")
    rng = random.Random(SEED)
    rng.shuffle(sd_dev)
    rng.shuffle(mb_dev)
    # GermEval (news + Wikipedia) is closest to press text but only 16% of the sentences:
    # ``germeval_weight`` repeats it in the training set.
    train = ge_train * germeval_weight + sd_train + mb_train + ler_train
    random.Random(SEED).shuffle(train)
    dev = ge_dev + sd_dev[:300] + mb_dev[:300]
    counts = {
        "train/germeval": len(ge_train),
        "train/germeval_weight": germeval_weight,
        "train/smartdata_v1_minus_v3_dev_test": len(sd_train),
        "train/mobie": len(mb_train),
        "train/ler_sample": len(ler_train),
        "dev": save(dev, out / "dev.spacy"),
        "train": save(train, out / "train.spacy"),
        "eval/germeval_holdout": save(ge_hold, out / "eval_germeval_holdout.spacy"),
        "eval/smartdata_v3_test": save(
            smartdata_v3(nlp, corpora, "test"), out / "eval_smartdata_v3_test.spacy"
        ),
        "eval/ler_test": save(
            ler(nlp, corpora / "german_ler" / "splits" / "ler_test.conll", keep_legal=True),
            out / "eval_ler_test.spacy",
        ),
        "eval/ler_test_no_citations": save(
            ler(nlp, corpora / "german_ler" / "splits" / "ler_test.conll", keep_legal=False),
            out / "eval_ler_test_no_citations.spacy",
        ),
    }
    (out / "counts.json").write_text(json.dumps(counts, indent=2))
    return counts


def corpus_words(paths: Iterable[Path]) -> set[str]:
    """All word forms of the given DocBins (used to restrict the cluster table)."""
    import spacy

    vocab = spacy.blank("de").vocab
    words: set[str] = set()
    for p in paths:
        for doc in DocBin().from_disk(p).get_docs(vocab):
            words.update(t.text for t in doc)
    return words
