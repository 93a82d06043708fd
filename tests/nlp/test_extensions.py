"""doc_text / sentence_bounds: the shortcuts the components take must agree with spaCy's own answers."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from minutes_nlp.nlp import load
from minutes_nlp.nlp.extensions import doc_text, remember_text, sentence_bounds

MINUTES = (
    "Cllr. J. Cooper asked about the flooding on Mill Lane.  The Cabinet Member replied that "
    "No. 5 culvert would be cleared by 3 p.m. on Friday.\n\nMr. Gough (resident) was concerned "
    "about parking; he asked for double yellow lines.\n"
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load()


def test_doc_text_is_the_doc_text_and_follows_retokenizing(nlp) -> None:
    doc = nlp.make_doc(MINUTES)
    assert doc_text(doc) == MINUTES
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert doc_text(doc) == doc.text == MINUTES  # recomputed: the stored length no longer fits


def test_remembered_text_is_used_without_joining_tokens(nlp) -> None:
    doc = nlp.make_doc(MINUTES)
    text = remember_text(doc, MINUTES)
    assert doc_text(doc) is text


def test_remembered_text_survives_serialisation(nlp) -> None:
    doc = nlp(MINUTES)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_text(restored) == MINUTES


def test_sentence_bounds_agree_with_doc_sents(nlp) -> None:
    doc = nlp(MINUTES)
    expected = [(s.start_char, s.end_char) for s in doc.sents]
    bounds = sentence_bounds(doc)
    assert len(bounds) == len(expected) >= 3
    for (start, end), (s_start, s_end) in zip(bounds, expected):
        assert start == s_start
        assert MINUTES[start:end].strip() == MINUTES[s_start:s_end].strip()
    assert bounds[-1][1] == len(MINUTES)


def test_sentence_bounds_without_sentence_starts_is_the_whole_text() -> None:
    doc = spacy.blank("en")("No sentence starts are set here. Nor here.")
    assert sentence_bounds(doc) == [(0, len(doc.text))]
    assert sentence_bounds(spacy.blank("en")("")) == []
