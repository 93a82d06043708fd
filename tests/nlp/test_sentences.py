"""minutes_sentences: boundaries that survive the abbreviations of minutes."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from minutes_nlp.nlp.components.sentences import SentenceSplitter


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentences")
    return nlp


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cllr. Patel asked a question. The Clerk replied.", ["Cllr. Patel asked a question.", "The Clerk replied."]),
        ("Mr. Gough and Dr. Smith spoke. Members agreed.", ["Mr. Gough and Dr. Smith spoke.", "Members agreed."]),
        ("He referred to minute No. 45 of the last meeting. It was noted.", ["He referred to minute No. 45 of the last meeting.", "It was noted."]),
        ("Councillor J. Cooper was concerned. He asked why.", ["Councillor J. Cooper was concerned.", "He asked why."]),
        ("The meeting closed at 9.15 p.m. The next meeting is in May.", ["The meeting closed at 9.15 p.m.", "The next meeting is in May."]),
        ("Was it late? The Chair said no! Members laughed.", ["Was it late?", "The Chair said no!", "Members laughed."]),
        ("It was agreed (see para. 3). Noted.", ["It was agreed (see para. 3).", "Noted."]),
    ],
)
def test_sentences_split_after_abbreviations_correctly(nlp: spacy.Language, text: str, expected: list[str]) -> None:
    assert [s.text.strip() for s in nlp(text).sents] == expected


def test_sentences_minute_number_at_line_start_stays_with_its_title(nlp: spacy.Language) -> None:
    doc = nlp("274. Chairman's Announcements\n\nThe Chairman welcomed Members.")
    assert [s.text.strip() for s in doc.sents] == ["274. Chairman's Announcements", "The Chairman welcomed Members."]


def test_sentences_paragraph_break_splits_but_a_page_break_mid_sentence_does_not(nlp: spacy.Language) -> None:
    doc = nlp("He noted the figures\n\nfor the year. Heading\n\nThe Clerk reported.")
    assert [s.text.strip() for s in doc.sents] == ["He noted the figures\n\nfor the year.", "Heading", "The Clerk reported."]


def test_sentences_colon_and_bullets_start_sentences(nlp: spacy.Language) -> None:
    doc = nlp("Reference was made to:\nWindsor, 25%\n• Slough, 8%\n• Bradford, 15%")
    assert [s.text.strip() for s in doc.sents] == ["Reference was made to:", "Windsor, 25%", "• Slough, 8%", "• Bradford, 15%"]


def test_sentences_keep_existing_boundaries_unless_overwrite() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("minutes_sentences")
    assert len(list(nlp("Cllr. Patel spoke.").sents)) == 2  # the sentencizer's split is kept


def test_sentences_to_disk_round_trip(tmp_path: Path) -> None:
    splitter = SentenceSplitter(None, abbreviations=["Cllr", "Zz"])
    splitter.to_disk(tmp_path)
    loaded = SentenceSplitter(None).from_disk(tmp_path)
    assert loaded.abbreviations == {"Cllr", "Zz"}
    assert loaded.find("Zz. Top spoke. Done.") == [15]


def test_sentences_list_of_items_ending_in_semicolons_is_one_sentence(nlp: spacy.Language) -> None:
    doc = nlp("The objectives were as follows:\n\n• Improve safety;\n\n• Reduce noise.\n\nHe advised Members.")
    assert [s.text.strip() for s in doc.sents] == [
        "The objectives were as follows:\n\n• Improve safety;\n\n• Reduce noise.",
        "He advised Members.",
    ]
