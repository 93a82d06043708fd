"""Custom attributes the minutes components read and write, registered once.

- ``Doc._.attendance``: list of ``{"name", "role", "person_id"}`` dicts (set by the caller,
  e.g. :func:`minutes_nlp.nlp.annotate.annotate_meeting`); lets roles resolve to people.
- ``Doc._.skip_ranges``: list of ``(start_char, end_char)`` not to annotate (resolution text).
- ``Doc._.utterances``: the utterance spans, read from ``doc.spans["utterances"]`` (getter).
- ``Span._.speaker``: ``{"name", "role", "person_id"}`` or ``None`` where none can be told.
- ``Span._.acts``: tuple of acts (``concern``, ``request``, ``question``, ``response``,
  ``proposal``, ``statement``).
- ``Span._.act_scores``: ``{act: probability}`` from the trained classifier, if it ran.

Values are plain dicts, tuples and lists, so ``Doc.to_bytes`` keeps them.

Example:
    >>> import spacy
    >>> register_extensions()
    >>> doc = spacy.blank("en")("The chair spoke.")
    >>> doc._.utterances, doc[0:2]._.speaker
    ([], None)
"""
from __future__ import annotations

import logging
from collections import OrderedDict

from spacy.tokens import Doc, Span

__all__ = ["UTTERANCES_KEY", "doc_text", "register_extensions", "span_text"]

logger = logging.getLogger(__name__)

UTTERANCES_KEY = "utterances"


_TEXTS: "OrderedDict[int, tuple[Doc, str]]" = OrderedDict()
_TEXTS_SIZE = 256  # > the classifier's batch: a Doc's text is reused by every component


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and shared by the components (spaCy joins tokens each call).

    A small cache keyed by the Doc's identity; it holds the last few hundred Docs only.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Cllr Wall spoke.")
        >>> doc_text(doc) is doc_text(doc)
        True
    """
    entry = _TEXTS.get(id(doc))
    if entry is not None and entry[0] is doc and len(entry[1]) >= len(doc):
        return entry[1]
    text = doc.text
    _TEXTS[id(doc)] = (doc, text)
    if len(_TEXTS) > _TEXTS_SIZE:
        _TEXTS.popitem(last=False)
    return text


def span_text(span: Span) -> str:
    """``span.text`` cut from the cached Doc text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _utterances(doc: Doc) -> list[Span]:
    return list(doc.spans[UTTERANCES_KEY]) if UTTERANCES_KEY in doc.spans else []


def register_extensions() -> None:
    """Register the attributes above; safe to call more than once."""
    if not Doc.has_extension("attendance"):
        Doc.set_extension("attendance", default=None)
    if not Doc.has_extension("skip_ranges"):
        Doc.set_extension("skip_ranges", default=None)
    if not Doc.has_extension("utterances"):
        Doc.set_extension("utterances", getter=_utterances)
    if not Span.has_extension("speaker"):
        Span.set_extension("speaker", default=None)
    if not Span.has_extension("acts"):
        Span.set_extension("acts", default=())
    if not Span.has_extension("act_scores"):
        Span.set_extension("act_scores", default=None)
