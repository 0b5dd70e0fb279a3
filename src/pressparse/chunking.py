"""Over-long texts in chunks, and records moved back onto the caller's offsets.

A text longer than one Doc may hold (``Options.max_chars``, never above spaCy's
``nlp.max_length``) is cut at paragraph, line, sentence or word boundaries, each chunk is
analysed alone, and the chunk records are merged into one: offsets shifted into the whole
text, people/organisations/venues merged by name across chunks, dates and events
concatenated. Nothing is dropped, so no text is ever silently truncated.

The same offset mapping moves records built on a repaired text (mojibake) back onto the
caller's text: every mention's offsets are mapped and its text re-read from the original, so
``text[start:end] == mention.text`` always holds for the caller's text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .schema import Event, Mention, Organization, Person, PressRelease, TimeExpression, Venue

#: Boundaries tried in order, best first: paragraph, line, sentence end, any space.
_SENTENCE_ENDS = (". ", "! ", "? ", "… ", ".\t", ": ")


def _boundary(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where to end the chunk text[start:end]; (cut offset, whether it cuts inside a word).

    Searches only the second half of the window, so chunks are at least half the limit
    and the number of chunks stays linear in the text length.
    """
    low = start + (end - start) // 2
    for sep in ("\n\n", "\n"):
        found = text.rfind(sep, low, end)
        if found != -1:
            return found + len(sep), False
    best = max(text.rfind(sep, low, end) for sep in _SENTENCE_ENDS)
    if best != -1:
        return best + 2, False
    for index in range(end - 1, low - 1, -1):
        if text[index].isspace():
            return index + 1, False
    return end, True


def split_chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) offsets of consecutive chunks of at most ``limit`` chars covering text."""
    if limit < 2:
        raise ValueError("chunk limit must be at least 2 characters")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut, _ = _boundary(text, start, start + limit)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def hard_cuts(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """How many chunk borders fall inside a run of non-space text (no boundary was found)."""
    return sum(1 for _, end in spans[:-1] if not text[end - 1].isspace())


# -- moving offsets -------------------------------------------------------------------------
OffsetMap = Callable[[int], int]


def _mention(m: Mention, to: OffsetMap, text: str) -> Mention:
    start, end = to(m.start), to(m.end)
    return Mention(text=text[start:end], start=start, end=end)


def _timex(t: TimeExpression, to: OffsetMap, text: str) -> TimeExpression:
    start, end = to(t.start), to(t.end)
    return t.model_copy(update={"start": start, "end": end, "text": text[start:end]})


def _event(e: Event, to: OffsetMap, text: str) -> Event:
    return e.model_copy(
        update={"trigger": _mention(e.trigger, to, text), "evidence": _mention(e.evidence, to, text)}
    )


def _with_mentions(item, to: OffsetMap, text: str):
    return item.model_copy(update={"mentions": [_mention(m, to, text) for m in item.mentions]})


def remap_record(record: PressRelease, to: OffsetMap, text: str) -> PressRelease:
    """The record with every offset mapped by ``to`` and every mention text re-read from text."""
    return record.model_copy(
        update={
            "people": [_with_mentions(p, to, text) for p in record.people],
            "organizations": [_with_mentions(o, to, text) for o in record.organizations],
            "venues": [_with_mentions(v, to, text) for v in record.venues],
            "dates": [_timex(t, to, text) for t in record.dates],
            "events": [_event(e, to, text) for e in record.events],
        }
    )


def shift(offset: int) -> OffsetMap:
    return lambda position: position + offset


# -- merging chunk records ------------------------------------------------------------------
def _sorted_mentions(mentions: list[Mention]) -> list[Mention]:
    unique = {(m.start, m.end): m for m in mentions}
    return [unique[key] for key in sorted(unique)]


def _person_key(merged: dict[str, Person], name: str) -> str:
    """The merged entry a name belongs to: itself, or the one full name it is the surname of."""
    if name in merged or " " in name.strip():
        return name
    owners = [n for n in merged if len(n.split()) > 1 and n.split()[-1] == name]
    return owners[0] if len(owners) == 1 else name


def _merge_people(groups: list[list[Person]]) -> list[Person]:
    """One Person per name; a bare surname joins the one full name that ends with it."""
    merged: dict[str, Person] = {}
    for people in groups:
        for person in people:
            surname = person.name.split()[-1] if person.name.split() else ""
            if person.name not in merged and surname != person.name and surname in merged:
                # A full name after its bare surname in an earlier chunk: keep the full name.
                bare = merged.pop(surname)
                person = person.model_copy(update={"mentions": bare.mentions + person.mentions})
            key = _person_key(merged, person.name)
            old = merged.get(key)
            merged[key] = person if old is None else old.model_copy(
                update={
                    "title": old.title or person.title,
                    "role": old.role or person.role,
                    "organization": old.organization or person.organization,
                    "mentions": old.mentions + person.mentions,
                }
            )
    return [p.model_copy(update={"mentions": _sorted_mentions(p.mentions)}) for p in merged.values()]


def _merge_named(groups: list[list[Organization]] | list[list[Venue]]):
    merged: dict[str, Organization | Venue] = {}
    for items in groups:
        for item in items:
            key = item.name.casefold()
            if key not in merged:
                merged[key] = item
                continue
            old = merged[key]
            update: dict = {"mentions": old.mentions + item.mentions}
            if isinstance(old, Venue) and old.address is None:
                update["address"] = item.address
            merged[key] = old.model_copy(update=update)
    return [i.model_copy(update={"mentions": _sorted_mentions(i.mentions)}) for i in merged.values()]


def merge_records(parts: Sequence[tuple[int, PressRelease]], text: str) -> PressRelease:
    """One record from chunk records; ``parts`` are (chunk start offset, chunk record)."""
    shifted = [remap_record(record, shift(start), text) for start, record in parts]
    first = shifted[0]
    warnings: list[str] = []
    for record in shifted:
        warnings.extend(w for w in record.warnings if w not in warnings)
    return first.model_copy(
        update={
            "published": next((r.published for r in shifted if r.published), None),
            "issuer": next((r.issuer for r in shifted if r.issuer), None),
            "people": _merge_people([r.people for r in shifted]),
            "organizations": _merge_named([r.organizations for r in shifted]),
            "venues": _merge_named([r.venues for r in shifted]),
            "dates": [t for r in shifted for t in r.dates],
            "events": [e for r in shifted for e in r.events],
            "warnings": warnings,
        }
    )
