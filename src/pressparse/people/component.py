"""spaCy wiring for the people rules (factory ``pressparse_people``).

Reads the model's PER entities as candidates, runs `find_people` on the Doc text and writes
``doc._.pp_people`` (one Person per person) and ``doc.spans["pp_people"]`` (every mention).
Organisations named in roles ("Vorsitzender der Stadtverordnetenversammlung") are left in
``doc.user_data["pp_person_orgs"]`` for the organisation component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, doc_entities, doc_text, register_extensions
from ..lang.de.roles import _build_lexicon, extra_roles
from .rules import find_people
from .spans import char_spans

PERSON_LABELS = ("PER", "PERSON")



class PeopleComponent:
    """Pipeline component: people with title, role, organisation and linked mentions."""

    def __init__(
        self,
        use_model: bool = True,
        span_key: str = SPAN_KEYS["people"],
        role_paths: list[str] | tuple[str, ...] = (),
    ) -> None:
        register_extensions()
        self.use_model = use_model
        self.span_key = span_key
        self.role_paths = tuple(str(p) for p in role_paths)
        _build_lexicon(self.role_paths)  # validate user role files now, naming file and line
        # imported here, not at module level: orgs' rules import our word tools. Not in
        # `__call__` either: an import statement costs microseconds on every Doc.
        from ..orgs.rules import pattern_spans

        self._pattern_spans = pattern_spans

    def __call__(self, doc: Doc) -> Doc:
        pattern_spans = self._pattern_spans
        text = doc_text(doc)
        model = (
            [(e.start_char, e.end_char) for e in doc_entities(doc) if e.label in PERSON_LABELS]
            if self.use_model else []
        )
        orgs = pattern_spans(text)
        with extra_roles(self.role_paths):
            people, person_orgs = find_people(
                text, model_spans=model, blocked=orgs, org_spans=orgs
            )
        doc._.pp_people = people
        doc.user_data["pp_person_orgs"] = person_orgs
        mentions = [(m.start, m.end) for p in people for m in p.mentions]
        doc.spans[self.span_key] = char_spans(doc, mentions, "PER")
        return doc


@Language.factory(
    "pressparse_people",
    assigns=["doc._.pp_people", "doc.spans"],
    default_config={"use_model": True, "span_key": SPAN_KEYS["people"], "role_paths": []},
)
def make_people(
    nlp: Language, name: str, use_model: bool, span_key: str, role_paths: list[str]
) -> PeopleComponent:
    """Factory; ``role_paths`` adds user role files (format of resources/de/people/roles.tsv)."""
    return PeopleComponent(use_model=use_model, span_key=span_key, role_paths=role_paths)
