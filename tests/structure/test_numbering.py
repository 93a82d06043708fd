"""Item numbers: markers at the start of a line, parsing and formatting round trips."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.structure.numbering import (
    ItemNumber,
    format_number,
    match_marker,
    parse_number,
    roman_to_int,
    sub_marker_kind,
    trailing_ref,
)

ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@given(st.integers(1, 999), st.integers(1, 30))
def test_numbering_dotted_roundtrip(major: int, minor: int) -> None:
    text = f"{major}.{minor}"
    assert format_number(parse_number(text)) == text


@given(st.integers(1, 999), st.integers(0, 99))
def test_numbering_slash_roundtrip(minute: int, year: int) -> None:
    text = f"{minute}/{year:02d}"
    number = parse_number(text)
    assert number.style == "slash" and format_number(number) == text


@given(st.integers(1, 99), st.sampled_from("abcdefgh"), st.sampled_from(ROMANS))
def test_numbering_paren_roundtrip(major: int, letter: str, roman: str) -> None:
    text = f"{major}({letter})({roman})"
    number = parse_number(text)
    assert number.parts == (str(major), letter, roman)
    assert format_number(number) == text


@pytest.mark.parametrize("text", ["abc!", "", "7..2", "12/05/2024"])
def test_numbering_parse_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("line", "number", "kind", "rest"),
    [
        ("270. Apologies for Absence", "270", "arabic", "Apologies for Absence"),
        ("7.2 Budget monitoring", "7.2", "arabic", "Budget monitoring"),
        ("14 (a) Notice of Motion", "14 (a)", "arabic", "Notice of Motion"),
        ("4(c)(i) Twinning", "4(c)(i)", "arabic", "Twinning"),
        ("45/24 Apologies", "45/24", "minute", "Apologies"),
        ("Item 5: Planning applications", "5", "item", "Planning applications"),
        ("(b)", "b", "letter", ""),
        ("(iv)", "iv", "roman", ""),
        ("Ord. No. 499-16.", "Ord. No. 499-16", "legislation", ""),
        ("Res. No. 1367-16 — Rosa Quill.", "Res. No. 1367-16", "legislation", "Rosa Quill."),
        ("Ord. No. 412-24 -- Introduced by Councilmember Ames", "Ord. No. 412-24", "legislation",
         "Introduced by Councilmember Ames"),
        ("AB 12/24 Budget", "AB 12/24", "minute", "Budget"),
        ("iv) Twinning", "iv", "roman", "Twinning"),
    ],
)
def test_numbering_match_marker(line: str, number: str, kind: str, rest: str) -> None:
    marker = match_marker(line)
    assert marker is not None
    assert (marker.number, marker.kind, marker.rest) == (number, kind, rest)


@pytest.mark.parametrize(
    "line",
    ["8 September 2024", "7.30pm start", "12 votes to 3", "2024 budget setting", "£5,000 was agreed",
     "File No. 948-95-A, as the board", "J. R. Smith said"],
)
def test_numbering_match_marker_ignores_dates_money_and_counts(line: str) -> None:
    assert match_marker(line) is None


def test_numbering_roman_and_letter_siblings() -> None:
    assert roman_to_int("xiv") == 14 and roman_to_int("q") is None
    assert sub_marker_kind("i", "h") == "letter"  # (h), (i), (j) ...
    assert sub_marker_kind("i", None) == "roman"
    assert sub_marker_kind("ii", "i") == "roman"


def test_numbering_trailing_ref() -> None:
    assert trailing_ref("Apologies for Absence (Item 1)") == ("Apologies for Absence", "item", "1")
    assert trailing_ref("Apologies for Absence [Minute 7]. ") == ("Apologies for Absence", "minute", "7")
    assert trailing_ref("Budget (Item 4) was noted") is None
    assert trailing_ref("(Minute 45/24)") == ("", "minute", "45/24")
    assert trailing_ref("Apologies for Absence") is None
    assert format_number(ItemNumber(("3",), "plain")) == "3"
