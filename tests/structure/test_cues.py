"""Cue words, counts and the meeting's close (structure/cues.py). Fixtures are invented."""

from __future__ import annotations

import re

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.cues import (
    LEGISLATION_RE,
    RESOLVED_RE,
    keyword_hits,
    meeting_close,
    merge_windows,
    number_value,
    scan,
)
from minutes_nlp.structure.text import TextView


@pytest.mark.parametrize(
    ("token", "expected"), [("7", 7), ("three", 3), ("Nil", 0), ("none", 0), (" twelve ", 12), (None, None)]
)
def test_cues_number_value(token: str | None, expected: int | None) -> None:
    assert number_value(token) == expected


def test_cues_keyword_hits_only_in_range_and_stems() -> None:
    text = "Motion carried. Amendment carried. Motion lost."
    assert keyword_hits(text, 0, len(text), frozenset({"carried"})) == [7, 26]
    assert keyword_hits(text, 10, len(text), frozenset({"carried", "lost"})) == [26, 42]


def test_cues_merge_windows() -> None:
    assert merge_windows([]) == []
    assert merge_windows([(0, 5), (5, 9), (12, 20), (14, 18), (30, 31)]) == [(0, 9), (12, 20), (30, 31)]


def test_cues_scan_finds_patterns_near_cue_words_without_overlaps() -> None:
    text = "The report was noted.\nRESOLVED that the report be noted. And RESOLVED: the fee be £5."
    found = scan([RESOLVED_RE], frozenset({"resolved"}), text, 0, len(text))
    assert [m.group().strip() for m in found] == ["RESOLVED that", "And RESOLVED:"]
    far = "x" * 600 + "RESOLVED that"  # only the 20 characters either side of the cue word are read
    assert [m.start() for m in scan([re.compile("x{5}")], frozenset({"resolved"}), far, 0, len(far), reach=20)] == [
        580,
        585,
        590,
        595,
    ]


@pytest.mark.parametrize(
    ("text", "closed_after"),
    [
        ("RESOLVED that X.\nThe meeting closed at 9.15pm.\nAPPENDIX\nRESOLVED that Y.", "9.15pm."),
        ("There being no further business, the meeting was adjourned at 8:05 p.m.", "8:05 p.m."),
        ("The meeting adjourned at 8pm and will reconvene tomorrow. RESOLVED that Y.", None),
    ],
)
def test_cues_meeting_close(text: str, closed_after: str | None) -> None:
    view = TextView.of(Document.from_text(text))
    close = meeting_close(view)
    if closed_after is None:
        assert close == len(view.text)
    else:
        assert view.text[:close].endswith(closed_after)


def test_cues_legislation_heading() -> None:
    text = "Ord. No. 1360-16.\nRes. No. 1367-16 — Margaret Dua.\nResolution No. 24-118"
    assert [m.group("number") for m in LEGISLATION_RE.finditer(text)] == ["1360-16", "1367-16", "24-118"]
