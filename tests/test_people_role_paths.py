"""Users add roles through the people component's `role_paths` setting."""

from __future__ import annotations

import pytest
import spacy

import pressparse
from pressparse.lang.de.roles import LexiconError, role_lexicon

TEXT = (
    "Musterstadt, 4. November 2024. Stadtförsterin Petra Schulz erklärt am Samstag vor Ort, "
    "welche Baumarten dem Klimawandel standhalten."
)


def _roles(extractor):
    return {p.name: p.role for p in extractor.parse(TEXT, published="2024-11-04").people}


def test_user_role_file_adds_a_role(tmp_path):
    roles = tmp_path / "roles.tsv"
    roles.write_text("Stadtförster\tStadtförsterin\tstrong\tno\t-\n", encoding="utf-8")
    default = pressparse.load(spacy.blank("de"), require_ner=False)
    custom = pressparse.load(spacy.blank("de"), require_ner=False,
                             components={"pressparse_people": {"role_paths": [str(tmp_path)]}})
    assert _roles(default).get("Petra Schulz") is None
    assert _roles(custom).get("Petra Schulz") == "Stadtförsterin"
    # the addition is scoped to the component that was given it
    assert role_lexicon().match("Stadtförsterin") is None


def test_malformed_user_role_file_names_file_and_line(tmp_path):
    roles = tmp_path / "roles.tsv"
    roles.write_text("Stadtförster\tStadtförsterin\tstrrong\tno\t-\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="roles.tsv"):
        pressparse.load(spacy.blank("de"), require_ner=False,
                        components={"pressparse_people": {"role_paths": [str(roles)]}})
