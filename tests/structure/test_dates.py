"""Dates and clock times (structure/dates.py). Fixtures are invented."""

from __future__ import annotations

import pytest

from minutes_nlp.structure.dates import DateMatch, find_dates, find_times, is_month_first


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("19 December 2024", "2024-12-19"),
        ("Thursday, 19th December, 2024", "2024-12-19"),
        ("MONDAY, 25TH MARCH, 2024", "2024-03-25"),
        ("the 4th day of March, 2025", "2025-03-04"),
        ("December 19, 2024", "2024-12-19"),
        ("June 8, 1998", "1998-06-08"),
        ("November 16,2020", "2020-11-16"),
        ("Wed. Sept. 3, 2025", "2025-09-03"),
        ("19/12/2024", "2024-12-19"),
        ("10.12.24", "2024-12-10"),
        ("2024-12-19", "2024-12-19"),
    ],
)
def test_dates_find_dates_formats(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


def test_dates_find_dates_rejects_impossible_dates_and_numbers() -> None:
    assert find_dates("31 February 2024; Ord. No. 499-16; section 17.73; 3.00 p.m.") == []
    assert [d.iso for d in find_dates("6/8/1998", month_first=True)] == ["1998-06-08"]


def test_dates_find_dates_offsets_and_window() -> None:
    text = "Posted 19 May 2025. Meeting held on 12 May 2025."
    assert find_dates(text) == [DateMatch("2025-05-19", 7, 18), DateMatch("2025-05-12", 36, 47)]
    assert find_dates(text, 20) == [DateMatch("2025-05-12", 36, 47)]
    assert find_dates(text, 0, 20) == [DateMatch("2025-05-19", 7, 18)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Monday, June 8, 1998", True), ("Monday 8 June 1998", False), ("06/08/1998", False), ("", False)],
)
def test_dates_is_month_first(text: str, expected: bool) -> None:
    assert is_month_first(text) is expected


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("at 3.00 P.M.", "15:00"),
        ("7:04 p.m.", "19:04"),
        ("10am", "10:00"),
        ("18:30", "18:30"),
        ("7.3Opm", "19:30"),
        ("12 noon", None),
        ("12.15 am", "00:15"),
    ],
)
def test_dates_find_times(text: str, hhmm: str | None) -> None:
    assert [t for t, _ in find_times(text)][:1] == ([hhmm] if hhmm else [])
