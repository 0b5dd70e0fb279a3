"""The trigger lexicon: validation with file:line errors, user extensions, spaCy wiring."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pressparse.events import (
    EventInputs,
    LexiconError,
    extract_events,
    load_lexicon,
    load_lexicon_dir,
    parse_lexicon,
)
from pressparse.events.lexicon import noun_inflections
from pressparse.events.segment import Unit
from pressparse.events.triggers import Candidate, context_effect, match_noun
from pressparse.extensions import SPAN_KEYS, register_extensions
from pressparse.schema import Mention, TimeExpression, Venue


def test_shipped_lexicon_loads_and_covers_the_taxonomy():
    lex = load_lexicon()
    from pressparse.schema import EVENT_TYPES

    assert {t.type for t in lex.triggers} == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("party\tnoun\tParty", "unknown event type 'party'"),
        ("festival\tadverb\tfestlich", "unknown kind 'adverb'"),
        ("festival\tnoun\tFest\tcolour=red", "unknown option 'colour'"),
        ("festival\tnoun\tFest\tloud", "unknown flag 'loud'"),
        ("festival\tverb\tfeiern", "needs forms="),
        ("festival\tphrase\t(unclosed", "bad regular expression"),
        ("festival\tnoun", "expected 3 or 4"),
    ],
)
def test_bad_lines_name_file_and_line(line, message):
    with pytest.raises(LexiconError) as err:
        parse_lexicon("# comment\n\n" + line + "\n", name="mine")
    assert "mine/triggers.tsv:3" in str(err.value)
    assert message in str(err.value)


def test_bad_context_rule_is_reported():
    with pytest.raises(LexiconError, match=r"contexts.tsv:1: effect must be"):
        parse_lexicon(contexts="ignore\t*\tleft\tfoo$\n", name="x")


def _rule_by_rule(lex, type_, kind, left, right):
    """The context effect the way the rules read: a blocking match wins over a reference."""
    effect = None
    for rule in lex.contexts:
        if not rule.applies(type_) or (rule.effect == "reference" and kind == "verb"):
            continue
        if rule.pattern.search(left if rule.side == "left" else right):
            if rule.effect == "block":
                return "block"
            effect = "reference"
    return effect


@pytest.mark.parametrize(
    ("contexts", "groups"),
    [
        # joinable: one regex per side
        (
            "block\t*\tleft\tnicht\\s+$\nreference\t*\tleft\t\\bfür\\s+(?:die|das)\\s+$\n"
            "block\t*\tright\t^\\s+\\d+\n",
            2,
        ),
        # a back-reference and an inline global flag: the rules stay separate
        (
            "block\t*\tleft\t(\\w)\\1\\s+$\nreference\t*\tleft\t(?i)FÜR\\s+(?:die|das)\\s+$\n"
            "reference\t*\tright\t^\\s+des\\b\n",
            3,
        ),
    ],
)
def test_context_groups_give_the_rule_by_rule_effect(contexts, groups):
    lex = parse_lexicon("festival\tnoun\tFest\n", contexts=contexts, name="x")
    assert len(lex.context_groups("festival", "noun")) == groups
    trig = lex.triggers[0]
    for left in ("Wir feiern das ", "Karten für das ", "nicht ", "Der Ball ", "KARTEN FÜR DIE "):
        for right in (" am Sonntag.", " 12, Münster", " des Vereins"):
            text = left + "Fest" + right
            unit = Unit(0, len(text), 0, 0)
            cand = Candidate(trig, len(left), len(left) + 4, unit, "fest")
            expected = _rule_by_rule(lex, "festival", "noun", left, right)
            assert context_effect(text, cand, lex) == expected, text


def test_inflections_and_compound_heads():
    singular, plural = noun_inflections("Werkstatt", ["Werkstätten"])
    assert "werkstatt" in singular and "werkstätten" in plural
    lex = load_lexicon()
    trig, concept, is_plural = match_noun("Schreibwerkstätten", lex)
    assert (trig.type, concept, is_plural) == ("workshop", "schreibwerkstatt", True)
    assert match_noun("Landrats-Direktwahl", lex)[0].type == "election"
    assert match_noun("Arbeitsmarkt", lex) is None  # blocked
    assert match_noun("wahl", lex) is None  # nouns are capitalised


def test_user_lexicon_file_extends_the_shipped_one(tmp_path):
    (tmp_path / "triggers.tsv").write_text("workshop\tnoun\tHackathon\n", encoding="utf-8")
    text = "Der Stadt-Hackathon beginnt am 4. Mai im Rathaus."
    start = text.index("4. Mai")
    inputs = EventInputs(
        text=text,
        dates=[TimeExpression(text="4. Mai", start=start, end=start + 6, type="DATE", value="2025-05-04")],
    )
    assert extract_events(inputs, load_lexicon()) == []
    events = extract_events(inputs, load_lexicon([tmp_path]))
    assert [(e.type, e.trigger.text) for e in events] == [("workshop", "Stadt-Hackathon")]
    assert load_lexicon_dir(tmp_path / "triggers.tsv").triggers[0].form == "Hackathon"


def test_missing_user_lexicon_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicon([tmp_path / "nope"])


def _doc(nlp, text, dates, venues):
    register_extensions()
    doc = nlp.make_doc(text)
    spans = []
    for surface, type_, value in dates:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=type_, alignment_mode="expand")
        span._.pp_timex = TimeExpression(
            text=surface, start=start, end=start + len(surface), type=type_, value=value
        )
        spans.append(span)
    doc.spans[SPAN_KEYS["dates"]] = spans
    doc._.pp_venues = [
        Venue(name=v, mentions=[Mention(text=v, start=text.index(v), end=text.index(v) + len(v))])
        for v in venues
    ]
    return doc


def test_component_writes_events_and_trigger_spans(tmp_path):
    import pressparse.events  # noqa: F401  registers the factory

    nlp = spacy.blank("de")
    nlp.add_pipe("pressparse_events")
    text = "Die Klimakonferenz findet am 7. Oktober 2023 im Bürgerzentrum statt."
    doc = _doc(nlp, text, [("7. Oktober 2023", "DATE", "2023-10-07")], ["Bürgerzentrum"])
    doc = nlp.get_pipe("pressparse_events")(doc)
    events = doc._.pp_events
    assert [(e.type, e.start, e.venue) for e in events] == [
        ("conference", "2023-10-07", "Bürgerzentrum")
    ]
    triggers = doc.spans[SPAN_KEYS["triggers"]]
    assert [(s.text, s.label_) for s in triggers] == [("Klimakonferenz", "conference")]
    assert isinstance(triggers[0], Span)

    (tmp_path / "triggers.tsv").write_text("other\tnoun\tHackathon\n", encoding="utf-8")
    nlp2 = spacy.blank("de")
    nlp2.add_pipe("pressparse_events", config={"lexicon_paths": [str(tmp_path)]})
    text2 = "Der Hackathon beginnt am 4. Mai."
    doc2 = _doc(nlp2, text2, [("4. Mai", "DATE", "2025-05-04")], [])
    doc2 = nlp2.get_pipe("pressparse_events")(doc2)
    assert [e.type for e in doc2._.pp_events] == ["other"]
