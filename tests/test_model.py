"""The packaged ``de_pressparse`` model: loads offline and tags our own sample sentences."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import spacy

import pressparse.lang.de  # noqa: F401  (tokenizer + sentence factory)
import pressparse.ml  # noqa: F401  (custom layers)

MODEL_DIR = Path(str(resources.files("pressparse").joinpath("models", "de_pressparse")))


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_DIR)


def ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_model_directory_is_small_and_documented():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 50 * 1024 * 1024
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "de"
    names = " ".join(s["name"] for s in meta["sources"])
    for corpus in ("GermEval", "SmartData", "MobIE", "LER", "spacy-lookups-data"):
        assert corpus in names
    assert all(s.get("license") for s in meta["sources"])
    assert "train.py" in meta["pressparse"]["training_command"]
    assert meta["pressparse"]["entity_scores"]["germeval_holdout"]["ALL"]["f"] > 0.5


def test_pipeline_components(nlp):
    assert {"pressparse_sentences", "ner", "pressparse_lemmatizer"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}


def test_person_with_title_and_city(nlp):
    doc = nlp("Bürgermeisterin Anna Schulz eröffnet am Montag die neue Kita in Hamburg.")
    found = ents(doc)
    assert ("Anna Schulz", "PER") in found
    assert ("Hamburg", "LOC") in found


def test_organisation(nlp):
    doc = nlp("Die Deutsche Bahn und die Stadt München unterzeichnen einen Vertrag.")
    labels = {text: label for text, label in ents(doc)}
    assert labels.get("Deutsche Bahn") == "ORG"
    assert labels.get("München") == "LOC"


def test_tokens_and_sentences_in_model(nlp):
    doc = nlp(
        "Am 7. April 2014 sprach Dr. Jens Krüger mit Bürger:innen. Die Sitzung endete um 20.30 Uhr."
    )
    assert [s.text for s in doc.sents] == [
        "Am 7. April 2014 sprach Dr. Jens Krüger mit Bürger:innen.",
        "Die Sitzung endete um 20.30 Uhr.",
    ]
    assert "Bürger:innen" in [t.text for t in doc]
    assert any(e.label_ == "PER" and "Krüger" in e.text for e in doc.ents)


def test_lookup_lemmas(nlp):
    doc = nlp("Die Kinder spielten in den Gärten.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Kinder"] == "Kind"
    assert lemmas["Gärten"] == "Garten"
    assert lemmas["spielten"] == "spielen"


def test_entity_offsets_match_text(nlp):
    text = "Bezirksamtsleiterin Sophie Meier (SPD) besuchte Harburg."
    doc = nlp(text)
    for e in doc.ents:
        assert text[e.start_char : e.end_char] == e.text


def test_cluster_table_packing_and_prefixes():
    from pressparse.ml.cluster import UNKNOWN, cluster_columns

    clusters = {"Harburg": 0b10000, "Hamburg": 0b1010000, "der": 0b1111111, "selten": 5}
    probs = {"Harburg": -13.2, "Hamburg": -9.1, "der": -3.7, "selten": -20.0}
    table = pressparse.ml.build_table(clusters, probs, keep=["Harburg", "Selten"], top_n=1)
    # top_n keeps the most probable word; 'keep' adds training words and lower-cased forms.
    assert set(table.keys()) == {hash_of("der"), hash_of("Harburg"), hash_of("selten")}
    cols = cluster_columns(table["der"], [4, 8])
    assert [int(c) for c in cols] == [0b1111, 0b1111111, 3]
    # Harburg and Hamburg share their first four path steps (low bits), not their full path.
    h1 = cluster_columns(table["Harburg"], [4, 16])
    h2 = cluster_columns(pressparse.ml.pack(0b1010000, -9.1), [4, 16])
    assert h1[0] == h2[0] and h1[1] != h2[1]
    assert cluster_columns(None, [4, 8]) == [UNKNOWN] * 3


def test_gazetteer_flags_ride_along_with_clusters():
    """ClusterEmbed.v2: gazetteer bits are a separate column; a gazetteer-only word gets the
    unknown cluster columns, a capitalised gazetteer word borrows its lower-case cluster."""
    from pressparse.ml.cluster import UNKNOWN, cluster_columns

    clusters = {"koch": 0b1011, "der": 0b1111111}
    probs = {"koch": -11.0, "der": -3.7}
    gazetteer = {"Koch": 1, "Wessendorf": 1, "Lindau": 2}
    table = pressparse.ml.build_table(clusters, probs, keep=[], top_n=2, gazetteer=gazetteer)
    koch = [int(c) for c in cluster_columns(table["Koch"], [4], gazetteer=True)]
    assert koch == [0b1011, 11, 1]
    assert cluster_columns(table["Wessendorf"], [4], gazetteer=True) == [UNKNOWN, UNKNOWN, 1]
    assert int(cluster_columns(table["der"], [4], gazetteer=True)[-1]) == 0
    # v1 columns ignore the gazetteer bits entirely.
    assert [int(c) for c in cluster_columns(table["Koch"], [4])] == [0b1011, 11]
    assert int(cluster_columns(None, [4], gazetteer=True)[-1]) == 0


def hash_of(word: str) -> int:
    from spacy.strings import get_string_id

    return get_string_id(word)


def test_shipped_cluster_features_are_used(nlp):
    """If the shipped model uses cluster features, its table is inside the model."""
    tok2vec = nlp.get_pipe("tok2vec").model
    nodes = [n for n in tok2vec.walk() if n.name == "pressparse_cluster_features"]
    if not nodes:
        pytest.skip("shipped model is the baseline without cluster features")
    assert nlp.vocab.lookups.has_table(pressparse.ml.TABLE_NAME)
    feats = nodes[0].predict([nlp.make_doc("Thomas wohnt in Hamburg")])[0]
    assert (feats[:, -1] != int(pressparse.ml.cluster.UNKNOWN)).all()
