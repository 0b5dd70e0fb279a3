"""Assemble the spaCy pipeline: a German base model plus our components, in order.

Like medspaCy's ``load()``, we start from a named, local or in-memory German pipeline and add
our components by their registered factory names, each with its ``default_config``.
The base model must bring NER; we never fall back silently to a pipeline without one.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer

from .extensions import register_extensions

log = logging.getLogger(__name__)

#: Directory name of the shipped German pipeline inside ``pressparse/models``.
SHIPPED_MODEL = "de_pressparse"

#: Modules that register spaCy functions the shipped model's config refers to.
MODEL_MODULES: tuple[str, ...] = ("pressparse.lang.de", "pressparse.ml")

#: Our components in pipeline order: (factory name, module that registers it).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("pressparse_metadata", "pressparse.metadata"),
    ("pressparse_temporal", "pressparse.temporal"),
    ("pressparse_people", "pressparse.people"),
    ("pressparse_orgs", "pressparse.orgs"),
    ("pressparse_venues", "pressparse.venues"),
    ("pressparse_events", "pressparse.events"),
)


class ModelNotFoundError(RuntimeError):
    """No usable German base pipeline: says what to install or pass."""


def shipped_model_path() -> Path:
    """Where the packaged de_pressparse pipeline lives."""
    return Path(str(resources.files("pressparse") / "models" / SHIPPED_MODEL))


def _import_registrations(modules: Iterable[str]) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise
            log.debug("optional registration module %s not present", module)


def load_base(model: str | Path | Language | None = None, *, require_ner: bool = True) -> Language:
    """Load the base pipeline: ours by default, else a path, a package name or a Language."""
    _import_registrations(MODEL_MODULES)
    if isinstance(model, Language):
        nlp = model
    else:
        target = shipped_model_path() if model is None else model
        if model is None and not (shipped_model_path() / "config.cfg").exists():
            raise ModelNotFoundError(
                f"the shipped German pipeline is missing ({shipped_model_path()}); reinstall "
                "pressparse, or pass load(model=...) a path or the name of an installed German "
                "spaCy pipeline"
            )
        try:
            nlp = spacy.load(target)
        except OSError as err:
            raise ModelNotFoundError(
                f"cannot load German pipeline {str(target)!r}: not a path or installed spaCy "
                "package. Pass load(model=None) for the shipped de_pressparse pipeline, a model "
                "directory, or install a German spaCy pipeline."
            ) from err
    if nlp.lang != "de":
        raise ModelNotFoundError(f"pipeline language is {nlp.lang!r}; pressparse needs German")
    if require_ner and "ner" not in nlp.pipe_names and not _has_ner(nlp):
        raise ModelNotFoundError(
            f"pipeline {nlp.meta.get('name', '?')!r} has no NER component; pass a German "
            "pipeline with NER (the shipped de_pressparse has one)"
        )
    return nlp


def _has_ner(nlp: Language) -> bool:
    return any(isinstance(pipe, EntityRecognizer) for _, pipe in nlp.pipeline)


def build(
    model: str | Path | Language | None = None,
    *,
    disable: Iterable[str] = (),
    require_ner: bool = True,
    components: Mapping[str, Mapping[str, Any]] | None = None,
) -> Language:
    """The full pressparse pipeline: base model, then our components in `COMPONENTS` order.

    ``components`` maps a factory name to config overrides for it (its ``default_config``
    documents the settings), so users extend lexicons without editing the package.
    """
    register_extensions()
    nlp = load_base(model, require_ner=require_ner)
    disabled = set(disable)
    ours = {name for name, _ in COMPONENTS}
    unknown = disabled - ours - set(nlp.pipe_names)
    if unknown:
        raise ValueError(f"unknown components to disable: {sorted(unknown)}")
    overrides = dict(components or {})
    unknown = set(overrides) - ours
    if unknown:
        raise ValueError(f"config given for unknown components: {sorted(unknown)}")
    for factory, module in COMPONENTS:
        if factory in disabled or factory in nlp.pipe_names:
            continue
        _import_registrations([module])
        if not nlp.has_factory(factory):
            log.warning("component %s is not available (module %s missing)", factory, module)
            continue
        nlp.add_pipe(factory, name=factory, config=dict(overrides.get(factory, {})))
    for name in disabled & set(nlp.pipe_names):
        nlp.disable_pipe(name)
    return nlp
