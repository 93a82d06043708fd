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

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span

__all__ = ["UTTERANCES_KEY", "doc_text", "register_extensions", "remember_text", "sentence_bounds", "span_text"]


UTTERANCES_KEY = "utterances"
TEXT_KEY = "minutes_nlp.text"
"""Key of ``doc.user_data`` holding ``(len(doc), text)`` for :func:`doc_text`."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data`` (spaCy joins tokens each call).

    :func:`remember_text` stores the text a Doc was made from, so it is never joined at all.
    The stored text is dropped when the Doc's length changes (it was retokenized).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Cllr Wall spoke.")
        >>> doc_text(doc) is doc_text(doc)
        True
    """
    stored = doc.user_data.get(TEXT_KEY)
    if stored is not None and stored[0] == len(doc):
        return stored[1]
    return remember_text(doc, doc.text)


def remember_text(doc: Doc, text: str) -> str:
    """Store ``text``, which ``doc`` was tokenized from, for :func:`doc_text`; returns it.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en").make_doc("Cllr Wall spoke.")
        >>> remember_text(doc, "Cllr Wall spoke.") is doc_text(doc)
        True
    """
    doc.user_data[TEXT_KEY] = (len(doc), text)
    return text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each sentence, read from the token arrays (no Span objects).

    A sentence runs to where the next one starts, so its end may take in the whitespace
    between them. The whole text is one sentence when no sentence starts are set.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
        <...>
        >>> sentence_bounds(nlp("He spoke. She replied."))
        [(0, 10), (10, 22)]
    """
    text = doc_text(doc)
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [(0, len(text))] if text else []
    array = doc.to_array([SENT_START, IDX])
    starts = array[1:, 1][array[1:, 0] == 1].tolist()
    firsts = [0] + starts
    return list(zip(firsts, starts + [len(text)]))


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
