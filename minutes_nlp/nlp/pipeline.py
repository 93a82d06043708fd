"""``load()``: the minutes pipeline, on a blank English pipeline or on an installed one.

Example:
    >>> nlp = load()
    >>> nlp.pipe_names
    ['minutes_sentences', 'minutes_speakers', 'minutes_act_classifier', 'minutes_acts']
    >>> doc = nlp("Councillor Cooper was concerned that the group had been disbanded. He asked whether a plan existed.")
    >>> [(u._.speaker["name"], u._.acts) for u in doc._.utterances]
    [('Councillor Cooper', ('concern',)), ('Councillor Cooper', ('question',))]
"""
from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the components registers their factories (entry points do it for spacy.load).
from minutes_nlp.nlp.components import act_classifier, acts, sentences, speakers  # noqa: F401
from minutes_nlp.nlp.extensions import register_extensions

__all__ = ["COMPONENTS", "load"]

logger = logging.getLogger(__name__)

COMPONENTS = ("minutes_sentences", "minutes_speakers", "minutes_act_classifier", "minutes_acts")


def load(base: str | Path | None = None, *, classifier: bool = True) -> Language:
    """The minutes pipeline.

    With no ``base`` it stands on ``spacy.blank("en")`` and what the package ships (no
    download). Given the name or path of an installed pipeline (``"en_core_web_sm"``), the
    minutes components are added on top of it: the sentence splitter goes before its
    parser, so the parser keeps the minutes' sentence boundaries. ``classifier=False``
    leaves the trained act classifier out (rules and context only).

    Raises:
        OSError: ``base`` is not an installed pipeline (spaCy's message says which).
    """
    register_extensions()
    if base is None:
        nlp = spacy.blank("en")
    else:
        nlp = spacy.load(base)
        logger.info("minutes components added on top of %s (%s)", base, ", ".join(nlp.pipe_names))
    first_parser = next((n for n in nlp.pipe_names if n in ("parser", "senter")), None)
    if "minutes_sentences" not in nlp.pipe_names:
        if first_parser:
            nlp.add_pipe("minutes_sentences", before=first_parser)
        else:
            nlp.add_pipe("minutes_sentences")
    for name in COMPONENTS[1:]:
        if name == "minutes_act_classifier" and not classifier:
            continue
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
