"""The who-and-where components on a blank German pipeline with hand-set entities."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

import pressparse.metadata  # noqa: F401  (registers factories)
import pressparse.orgs  # noqa: F401
import pressparse.people  # noqa: F401
import pressparse.venues  # noqa: F401
from pressparse.extensions import SPAN_KEYS, register_extensions

TEXT = (
    "Nach der Begrüßung durch Obiora Nkemelu sprach der Vorsitzende Herr Brandstätt im Bürgerhaus "
    "Wilhelmsburg (Mengestraße 20). Brandstätt dankte der Friedrich-Ebert-Stiftung."
)


def run(ents: list[tuple[str, str]]):
    register_extensions()
    nlp = spacy.blank("de")
    for name in ("pressparse_metadata", "pressparse_people", "pressparse_orgs", "pressparse_venues"):
        nlp.add_pipe(name)
    doc = nlp.make_doc(TEXT)
    spans = []
    for text, label in ents:
        start = TEXT.index(text)
        spans.append(doc.char_span(start, start + len(text), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_model_person_without_known_first_name() -> None:
    doc = run([("Obiora Nkemelu", "PER"), ("Friedrich-Ebert-Stiftung", "ORG")])
    names = [p.name for p in doc._.pp_people]
    assert "Obiora Nkemelu" in names
    assert not any("Friedrich" in n for n in names)
    assert [o.name for o in doc._.pp_organizations] == ["Friedrich-Ebert-Stiftung"]
    assert [s.text for s in doc.spans[SPAN_KEYS["people"]]][0] == "Obiora Nkemelu"


def test_without_entities_rules_still_work() -> None:
    doc = run([])
    chair = [p for p in doc._.pp_people if p.name == "Brandstätt"]
    assert chair and chair[0].role == "Vorsitzender"
    assert len(chair[0].mentions) == 2
    venue = doc._.pp_venues[0]
    assert venue.name == "Bürgerhaus Wilhelmsburg"
    assert venue.address is not None and venue.address.street == "Mengestraße 20"
