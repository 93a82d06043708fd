"""Heading cues: line features, title tests, list entries and signature blocks, on invented lines."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.headings import (
    clean_title,
    continues,
    ends_sentence,
    gather_title,
    in_signature,
    is_attendance,
    is_entry,
    is_heading_text,
    is_person_name,
    is_plain_heading,
    looks_like_title,
    prepare_lines,
    wrap_length,
)
from minutes_nlp.structure.text import TextView

# The straightforward forms of the end-of-line tests, which headings.py matches on reversed text for speed.
_CONTINUES = re.compile(r"(?:\b(?i:and|or|of|the|for|to|in|on|by|with|from|at|a|an|into)|[-–—,(/&]|\b[A-Z]\.)$")
_ABBREV_END = re.compile(r"(?:\b(?:No|Co|Ltd|etc|St|Dr|Inc|Bros|Cllr|Rev|vs|p\.m|a\.m)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.?!;:][\"'”’)\]]*$")


def lines_of(text: str):
    return prepare_lines(TextView.of(Document.from_text(text)))


@pytest.mark.parametrize(
    ("raw", "text", "strong", "level"),
    [
        ("**ROADS**", "ROADS", True, 0),
        ("## Call to order", "Call to order", True, 2),
        ("Transfer of \\$12,400 to checking", "Transfer of $12,400 to checking", False, 0),
        ("Grading is planned for April.", "Grading is planned for April.", False, 0),
    ],
)
def test_headings_prepare_lines_reads_markup(raw: str, text: str, strong: bool, level: int) -> None:
    (line,) = lines_of(raw)
    assert (line.text, line.strong, line.level) == (text, strong, level)


def test_headings_prepare_lines_skips_page_numbers_and_rules() -> None:
    lines = lines_of("Apologies\n12\n----\nNone were received.")
    assert [ln.text for ln in lines] == ["Apologies", "None were received."]
    assert lines[0].marker is None and lines[1].ends


def test_headings_prepare_lines_keeps_lead_in() -> None:
    (line,) = lines_of("**TRANSFER** of funds to the reserve")
    assert line.lead == "TRANSFER" and not line.strong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Footpath Repairs", True),
        ("Minutes of the last Meeting", True),
        ("Proposed Recycling Centre at Mill Road", True),
        ("Proposed by Cllr Ames", False),
        ("The clerk reported a fault with the street light.", False),
        ("Police Matters - the clerk said that two thefts had been reported", False),
        ("it was agreed to defer", False),
    ],
)
def test_headings_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text, max_words=16, min_caps=0.7) is expected


def test_headings_looks_like_title_sentence_case_bold_numbered() -> None:
    assert looks_like_title("Playing field and play area", numbered=True, strong=True)
    assert not looks_like_title("Playing field and play area", numbered=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Approved.", True), ("Paid to Mill Lane Ltd.", False), ("Apologies from J. R.", False),
     ("Meeting closed at 9 p.m.", False), ("He asked “why?”", True), ("Planning", False), ("", False)],
)
def test_headings_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


@given(st.text(alphabet="aAnNdDoOrRfFtTeE .,;:!?)]\"'”’-–(/&pmM1é", max_size=12))
def test_headings_end_of_line_tests_match_their_plain_patterns(text: str) -> None:
    assert continues(text) == bool(_CONTINUES.search(text))
    plain_end = bool(_SENTENCE_END.search(text.rstrip())) and not _ABBREV_END.search(text.rstrip())
    assert ends_sentence(text) == plain_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Village Green", True), ("RESOLVED", False), ("Clerk to the Council", False), ("Príomh Chomhairleoir", False),
     ("OBSERVERS:", False), ("Cllr J Ames", False), ("Payments of £240.00", False), ("Chief Executive’s Report", True)],
)
def test_headings_is_heading_text(text: str, expected: bool) -> None:
    assert is_heading_text(text) is expected


def test_headings_attendance_and_people() -> None:
    assert is_attendance("Those Attending: Cllr Ames") and is_attendance("Observers: two residents")
    assert is_person_name("Mrs L Burke, Station Road") and not is_person_name("Mill Road Car Park")


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("The meeting closed at 9pm.\nSigned:\nChairman of the Council\nDate:", 2, True),
        ("There being no further business the meeting closed.\nJANE AMES\nClerk of Council", 1, True),
        ("Village Green\nThe grass cutting contract was discussed and agreed.", 0, False),
    ],
)
def test_headings_in_signature(text: str, i: int, expected: bool) -> None:
    assert in_signature(lines_of(text), i) is expected


def test_headings_list_entries() -> None:
    assert is_entry("Green Spaces Ltd - grass cutting") and not is_entry("E-on")
    lines = lines_of("Accounts for Approval\n\nGreen Spaces Ltd - grass cutting -\n\nThe accounts were approved.")
    assert is_plain_heading(lines, 0, 0.0)  # a heading over a list of entries
    assert not is_plain_heading(lines, 1, 0.0)  # an entry whose amount follows


def test_headings_gather_title_wraps_but_not_into_a_paragraph() -> None:
    body = "\n".join(f"Line {n} of the report explains the proposal in some detail and goes" for n in range(30))
    text = ("7. REVIEW OF THE LOCAL PLAN PARKING STANDARDS FOR NEW HOUSING DEVELOPMENTS IN THE\n"
            "DISTRICT\n\nThe officer presented the report and answered questions from members about it\n" + body)
    lines = lines_of(text)
    wrap = wrap_length(lines)
    assert wrap > 0
    title, last = gather_title(lines, 0, lines[0].marker.rest, wrap)
    assert last == 1 and title.endswith("IN THE DISTRICT")


def test_headings_clean_title() -> None:
    assert clean_title("  Apologies  for Absence (Item 1) ") == "Apologies for Absence"
    assert clean_title("Highways:") == "Highways" and clean_title("Grants to St.") == "Grants to St."
