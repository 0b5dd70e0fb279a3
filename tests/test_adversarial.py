"""Hostile, broken and huge input: pressparse never crashes, hangs or loses data.

Timeouts here are hang guards only (generous, minutes), never timing assertions; time per
character is measured in ``benchmarks/robustness.py``. Sizes scale with the environment
variable ``PRESSPARSE_ROBUSTNESS_SCALE`` (default 1) for longer runs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date

import pytest
import spacy

import pressparse
from _wellformed import assert_well_formed
from pressparse.chunking import merge_records, split_chunks
from pressparse.hardening import LONG_RUN, make_doc
from pressparse.lang.de.tokenizer import build_tokenizer
from pressparse.options import Options
from pressparse.pipeline import shipped_model_path
from pressparse.records import offset_errors
from pressparse.schema import (
    ErrorRecord,
    Event,
    Mention,
    Organization,
    Person,
    PressRelease,
    TimeExpression,
)
from pressparse.validation import InputError, check_text, decode_bytes, repair_mojibake

SCALE = max(1, int(os.environ.get("PRESSPARSE_ROBUSTNESS_SCALE", "1")))
GUARD_S = 600.0 * SCALE

PARAGRAPH = (
    "Oberbürgermeisterin Anna Müller eröffnet am Montag, 24. November 2025, um 18.30 Uhr "
    "den Weihnachtsmarkt auf dem Marktplatz. Der Gemeinderat tagt am 3. Dezember von 9 bis "
    "12 Uhr im Rathaus, Marktplatz 1, 89073 Ulm.\n\n"
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _nested_html(depth: int) -> str:
    return "<div><p>" * depth + "Am 3. Mai um 18 Uhr im Rathaus." + "</p></div>" * depth


#: name -> text. Sizes at SCALE=1 keep `make test` to seconds per input.
ADVERSARIAL: dict[str, Callable[[], str]] = {
    "digit run": lambda: "1" * 100_000 * SCALE,
    "digit words": lambda: _repeat("12345 ", 60_000 * SCALE),
    "dotted digits": lambda: _repeat("24.11.", 60_000 * SCALE),
    "Uhr x10k": lambda: "Uhr " * 10_000 * SCALE,
    "12 Uhr x3k": lambda: "12 Uhr " * 3_000 * SCALE,
    "100k-char line": lambda: _repeat(PARAGRAPH.replace("\n", " "), 100_000 * SCALE),
    "20k-char word": lambda: "Ab" * 10_000 * SCALE,
    "nested html": lambda: _nested_html(2_000 * SCALE),
    "closing parens": lambda: "a" + ")" * 30_000 * SCALE,
    "colon chain": lambda: "a:" * 15_000 * SCALE,
    "titles": lambda: "Dr. " * 10_000 * SCALE + "Müller",
    "capitalised names": lambda: _repeat("Anna Müller ", 30_000 * SCALE),
    "bis chain": lambda: _repeat("vom 3. bis ", 30_000 * SCALE),
    "dashes and nbsp": lambda: _repeat("3.\u00a0–\u00a05. Mai\u00a0", 8_000 * SCALE),
    "mojibake": lambda: _repeat("BÃ¼rgermeisterin erÃ¶ffnet am 3. MÃ¤rz â€“ ", 8_000 * SCALE),
    "control characters": lambda: _repeat("Der Rat tagt am 3. Mai.\x0c " + "Wort " * 40,
                                          30_000 * SCALE),
    "whitespace gaps": lambda: "".join(
        part + gap * 10_000 * SCALE
        for part, gap in (("Der Rat tagt am 3. Mai", " "), ("und am 4. Mai im Rathaus", "\u00a0"),
                          ("des Vereins e. V.", "\n"), ("mit der Ausstellung", " , "))),
    "table flattened": lambda: _repeat("| 03.05. | 18:00 | Rathaus | Rat |\n", 20_000 * SCALE),
}


def run_guarded(func: Callable[[], object], what: str) -> object:
    """Run func in a daemon thread; fail (not hang) if it does not finish within GUARD_S."""
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["value"] = func()
        except BaseException as err:  # noqa: BLE001 - re-raised in the test thread
            result["error"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(GUARD_S)
    if thread.is_alive():
        pytest.fail(f"{what}: no result after {GUARD_S:.0f} s (hang guard)")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]


def _rules_pipeline() -> spacy.Language:
    """The shipped tokenizer and sentence rules without the trained model: every component."""
    nlp = spacy.blank("de")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("pressparse_sentences")
    return nlp


@pytest.fixture(scope="module")
def rules() -> pressparse.Extractor:
    return pressparse.load(_rules_pipeline(), require_ner=False)


@pytest.fixture(scope="module")
def full(request) -> pressparse.Extractor:
    if not (shipped_model_path() / "config.cfg").exists():
        pytest.skip(f"shipped model missing at {shipped_model_path()}")
    return request.getfixturevalue("extractor")


# -- validation -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        (" \n\t\u00a0 ", "empty"),
        ("---- .... ====", "no letters"),
        ("\x00\x01\x02\x03\x04 binary junk \x05\x06\x07", "binary"),
        ("Der Rat \ud800 tagt", "surrogate"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_unusable_input_is_refused_with_its_reason(rules, text, reason):
    with pytest.raises(InputError, match=reason):
        rules.parse(text)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Grüße aus Köln, 3. Mai".encode(), "utf-8"),
        ("Grüße aus Köln – 5 €".encode("cp1252"), "cp1252"),
        (b"Gr\xfc\xdfe \x81 aus K\xf6ln", "latin-1"),  # 0x81 is undefined in cp1252
        ("\ufeffGrüße aus Köln".encode(), "utf-8-sig"),
        ("Grüße aus Köln".encode("utf-16"), "utf-16"),
    ],
)
def test_bytes_are_decoded_and_the_encoding_reported(rules, data, encoding):
    assert decode_bytes(data)[1] == encoding
    record = rules.parse(data)
    assert f"decoded as {encoding}" in " ".join(record.warnings)


def test_mojibake_is_repaired_and_offsets_stay_on_the_input():
    broken = "Die BÃ¼rgermeisterin erÃ¶ffnet am 3. MÃ¤rz 2025 das StraÃŸenfest â€“ GrÃ¼ÃŸe."
    fixed, alignment, repairs = repair_mojibake(broken)
    assert fixed == "Die Bürgermeisterin eröffnet am 3. März 2025 das Straßenfest – Grüße."
    assert len(repairs) == 7
    for word in ("März 2025", "Straßenfest", "Grüße"):
        start = fixed.index(word)
        original = broken[alignment.to_original(start) : alignment.to_original(start + len(word))]
        assert repair_mojibake(original)[0] == word


def test_mojibake_record_offsets_match_the_callers_text(rules):
    broken = "Die BÃ¼rgermeisterin erÃ¶ffnet am 24. November 2025 um 18 Uhr den MÃ¤rchenmarkt."
    record = rules.parse(broken, published="2025-11-01")
    assert any("mojibake" in w for w in record.warnings)
    assert offset_errors(record, broken) == []
    assert "2025-11-24" in [d.value for d in record.dates]


@pytest.mark.parametrize(
    "text",
    [
        "Mit freundlichen Grüßen aus der Straße“ am 3. Mai",  # ß + closing quote: not mojibake
        "Ärger über Ölpreise: Übergabe im Café",
        "Das Zeichen Ã allein ist kein Fehler",
    ],
)
def test_correct_german_is_never_repaired(text):
    assert repair_mojibake(text)[0] == text


def test_foreign_language_is_processed_with_a_warning(rules):
    english = (
        "The city council will meet on Monday in the town hall to discuss the budget and the "
        "new park. The mayor said that this is an important step for the city and its people."
    )
    french = (
        "Le conseil municipal se réunira lundi à la mairie pour discuter du budget et du "
        "nouveau parc. Le maire a dit que la ville est prête pour la fête."
    )
    for text, language in ((english, "en"), (french, "fr")):
        record = rules.parse(text)
        assert isinstance(record, PressRelease)
        assert any("not look German" in w and language in w for w in record.warnings)


def test_html_passed_as_text_gets_a_warning(rules):
    html = "<html><body>" + "<div class='x'><span>Am 3. Mai</span></div>" * 50 + "</body></html>"
    record = rules.parse(html, published="2025-01-01")
    assert any("HTML" in w for w in record.warnings)
    assert_well_formed(record, html)


# -- over-long texts ------------------------------------------------------------------------
def test_long_text_is_refused_when_chunking_is_off():
    extractor = pressparse.load(_rules_pipeline(), require_ner=False, max_chars=1_000,
                                chunk_long_texts=False)
    with pytest.raises(InputError, match="over the limit of 1000"):
        extractor.parse(_repeat(PARAGRAPH, 1_001))
    out = list(extractor.pipe([_repeat(PARAGRAPH, 1_001), PARAGRAPH], errors="record"))
    assert isinstance(out[0], ErrorRecord) and "limit" in out[0].error
    assert isinstance(out[1], PressRelease)


def test_split_chunks_covers_the_text_at_boundaries():
    text = _repeat(PARAGRAPH, 20_000)
    spans = split_chunks(text, 3_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < end - start <= 3_000 for start, end in spans)
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])
    no_space = "x" * 10_000
    assert split_chunks(no_space, 3_000) == [(0, 3000), (3000, 6000), (6000, 9000), (9000, 10000)]
    sentences = _repeat("Ein Satz ohne Absatz. ", 10_000)
    assert all(sentences[end - 2 : end] == ". " for _, end in split_chunks(sentences, 3_000)[:-1])


def test_chunked_record_equals_the_whole_text_record_for_independent_paragraphs():
    paragraphs = [
        f"Stadtrat Jürgen Weiß{i} lädt am {i % 27 + 1}. Mai 2025 um {i % 12 + 8} Uhr zur "
        f"Bürgerversammlung ins Bürgerhaus Nord{i} ein.\n\n"
        for i in range(60)
    ]
    text = "".join(paragraphs)
    whole = pressparse.load(_rules_pipeline(), require_ner=False).parse(
        text, published="2025-01-10")
    chunked = pressparse.load(_rules_pipeline(), require_ner=False, max_chars=1_500).parse(
        text, published="2025-01-10")
    assert any("chunks" in w for w in chunked.warnings)
    assert offset_errors(chunked, text) == []
    assert [(d.start, d.end, d.value) for d in chunked.dates] == [
        (d.start, d.end, d.value) for d in whole.dates]
    assert len(chunked.dates) >= 100
    # Events are not merged across chunks (the component merges repeats within one Doc),
    # so chunking may only add events, never lose one.
    assert {(e.type, e.start, e.trigger.start) for e in whole.events} <= {
        (e.type, e.start, e.trigger.start) for e in chunked.events}
    assert sorted(p.name for p in chunked.people) == sorted(p.name for p in whole.people)
    assert sorted(v.name for v in chunked.venues) == sorted(v.name for v in whole.venues)


def test_nlp_max_length_is_never_hit():
    nlp = _rules_pipeline()
    nlp.max_length = 2_000
    extractor = pressparse.load(nlp, require_ner=False)  # max_chars default is larger
    assert extractor.chunk_limit == 2_000
    text = _repeat(PARAGRAPH, 9_000)
    record = extractor.parse(text, published="2025-01-01")
    assert_well_formed(record, text)
    assert len(record.dates) >= 30


def test_pipe_keeps_order_with_a_chunked_text_among_short_ones():
    extractor = pressparse.load(_rules_pipeline(), require_ner=False, max_chars=1_000)
    long_text = _repeat(PARAGRAPH, 5_000)
    items = [
        pressparse.InputDoc(id="a", text=PARAGRAPH, published="2025-01-01"),
        pressparse.InputDoc(id="b", text=long_text, published="2025-01-01"),
        pressparse.InputDoc(id="c", text="  ", published="2025-01-01"),
        pressparse.InputDoc(id="d", text=PARAGRAPH, published="2025-01-01"),
    ]
    out = list(extractor.pipe(items, errors="record"))
    assert [r.id for r in out] == ["a", "b", "c", "d"]
    assert isinstance(out[2], ErrorRecord)
    assert any("chunks" in w for w in out[1].warnings)
    assert_well_formed(out[1], long_text)
    assert out[1].dates[-1].end <= len(long_text) and out[1].dates[-1].start > 4_000


def test_merge_records_shifts_offsets_and_merges_names():
    text = "Anna Müller kommt am 3. Mai.\n\nMüller spricht. Rat tagt."
    second = text.index("Müller spricht")

    def m(s: int, e: int, base: int = 0) -> Mention:
        return Mention(text=text[base + s : base + e], start=s, end=e)

    part1 = PressRelease(
        people=[Person(name="Anna Müller", role="Bürgermeisterin", mentions=[m(0, 11)])],
        organizations=[Organization(name="Rat", mentions=[])],
        dates=[TimeExpression(text="3. Mai", start=21, end=27, type="DATE", value="XXXX-05-03")],
        events=[Event(type="other", trigger=m(5, 11), evidence=m(0, 28))],
        warnings=["w1"],
    )
    part2 = PressRelease(
        people=[Person(name="Müller", mentions=[m(0, 6, second)])],
        organizations=[Organization(name="rat", mentions=[m(16, 19, second)])],
        warnings=["w1", "w2"],
    )
    merged = merge_records([(0, part1), (second, part2)], text)
    assert [p.name for p in merged.people] == ["Anna Müller"]
    assert [(x.start, x.text) for x in merged.people[0].mentions] == [(0, "Anna Müller"),
                                                                      (second, "Müller")]
    assert merged.people[0].role == "Bürgermeisterin"
    assert len(merged.organizations) == 1
    assert merged.organizations[0].mentions[0].start == second + 16
    assert merged.warnings == ["w1", "w2"]
    assert offset_errors(merged, text) == []


# -- adversarial inputs ---------------------------------------------------------------------
def test_tokenizer_keeps_text_and_tokens_on_long_runs():
    nlp = _rules_pipeline()
    for text in ("a" + ")" * (3 * LONG_RUN) + " b", "x:" * LONG_RUN + "\n\n Ende.", "Wort " * 500):
        doc = run_guarded(lambda text=text: make_doc(nlp, text), "make_doc")
        assert doc.text == text
        assert "".join(t.text_with_ws for t in doc) == text


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_rules_pipeline(rules, name):
    text = ADVERSARIAL[name]()
    try:
        record = run_guarded(lambda: rules.parse(text, published="2025-11-01"), name)
    except InputError as err:
        # Refusing is allowed only where validation itself refuses (with its reason).
        with pytest.raises(InputError):
            check_text(text, rules.options, limit=rules.chunk_limit)
        pytest.skip(f"refused by validation: {err}")
    assert_well_formed(record, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_full_model(full, name):
    text = ADVERSARIAL[name]()[: 30_000 * SCALE]
    try:
        record = run_guarded(lambda: full.parse(text, published="2025-11-01"), name)
    except InputError:
        with pytest.raises(InputError):
            check_text(text, full.options, limit=full.chunk_limit)
        return
    assert_well_formed(record, text)


@pytest.mark.slow
def test_five_megabyte_text_is_processed_in_chunks_without_loss():
    """5 MB (> nlp.max_length): chunked, every date found, offsets into the whole text."""
    extractor = pressparse.load(
        _rules_pipeline(), require_ner=False,
        disable=("pressparse_people", "pressparse_orgs", "pressparse_venues", "pressparse_events"),
    )
    unit = "Der Rat tagt am 3. Mai 2025.\n\n" + "Füllwort " * 200 + "\n\n"
    text = _repeat(unit, 5_000_000 * SCALE)
    record = run_guarded(lambda: extractor.parse(text, published="2025-01-01"), "5 MB text")
    assert len(text) > extractor.nlp.max_length
    assert any("chunks" in w for w in record.warnings)
    assert len(record.dates) == text.count("3. Mai 2025")
    assert record.dates[-1].start > len(text) - len(unit) * 2
    assert_well_formed(record, text)


def test_published_date_is_kept_for_every_chunk(rules):
    extractor = pressparse.load(_rules_pipeline(), require_ner=False, max_chars=800)
    text = _repeat("Am Montag tagt der Rat im Rathaus.\n\n", 4_000)
    record = extractor.parse(text, published=date(2025, 3, 5))
    assert record.published == date(2025, 3, 5)
    assert len({d.value for d in record.dates}) == 1  # every "Montag" resolved alike
    assert Options(max_chars=800).chunk_long_texts
