"""Dates and clock times printed in minutes, as ISO dates and 24-hour "HH:MM" times.

Dates are read in the forms councils print them: "Thursday, 19th December, 2024", "the 4th day of
March, 2025", "June 8, 1998", "Wed. Sept. 3, 2025", "19/12/2024", "10.12.24" and "2024-12-19".
A numeric date is read day first unless the document writes its dates month first
(:func:`is_month_first`). Impossible dates ("31 February 2024") are skipped. Which of the dates
is the meeting's is for :mod:`minutes_nlp.structure.metadata` to decide.

Example:
    >>> [(d.iso, d.start, d.end) for d in find_dates("Held on Monday 12th May 2025 at 7.30pm")]
    [('2025-05-12', 8, 28)]
    >>> find_times("Held on Monday 12th May 2025 at 7.30pm")
    [('19:30', 32)]
    >>> is_month_first("June 8, 1998"), [d.iso for d in find_dates("6/8/1998", month_first=True)]
    (True, ['1998-06-08'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as date_cls

__all__ = ["DateMatch", "find_dates", "find_times", "is_month_first"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:the\s+)?(?P<d1>\d{{1,2}}){_ORD}(?:\s+(?:day\s+)?of)?[\s\-]+"
    rf"{_MONTH.replace('month', 'm1')}\.?,?[\s\-]+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b{_WEEKDAY}{_MONTH.replace('month', 'm2')}\.?\s+(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD},?\s*(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<n3>\d\d)-(?P<d3>\d\d)\b"
    r"|(?<![\d/.])(?P<a4>\d{1,2})[/.](?P<b4>\d{1,2})[/.](?P<y4>(?:19|20)\d\d|\d\d)(?![\d/.]|\.\d)",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\b|(?<=[/.])\d\d\b")
_TIME = re.compile(
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5][\dOo]))?\s*(?P<ap>[ap])\.?\s*m\b\.?"
    r"|(?<![\d.:])(?P<h24>[01]\d|2[0-3])[:.](?P<m24>[0-5]\d)(?:\s*(?:hrs|hours|h)\b)?(?!\s*(?:[ap]\.?m|%|\d))",
    re.I,
)
_MONTH_FIRST = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},"
)


@dataclass(frozen=True)
class DateMatch:
    """A date printed in the text: its ISO form and its offsets."""

    iso: str
    start: int
    end: int


def is_month_first(text: str) -> bool:
    """True when ``text`` writes dates month first ("June 8, 1998"), so 6/8/1998 is 8 June.

    Example:
        >>> is_month_first("Monday, June 8, 1998"), is_month_first("Monday 8 June 1998")
        (True, False)
    """
    return _MONTH_FIRST.search(text) is not None


def find_dates(text: str, start: int = 0, end: int | None = None, *, month_first: bool = False) -> list[DateMatch]:
    """Every date printed in ``text[start:end]``, in order.

    Example:
        >>> [d.iso for d in find_dates("Thursday, 19th December, 2024; June 8, 1998; 19/12/2024; 2024-12-19")]
        ['2024-12-19', '1998-06-08', '2024-12-19', '2024-12-19']
    """
    found: list[DateMatch] = []
    end = len(text) if end is None else end
    for year in _YEAR.finditer(text, start, end):  # every date holds a year: look back from each one
        iso_match = _DATE.match(text, year.start()) if text[year.end() : year.end() + 1] == "-" else None
        if iso_match and iso_match.group("y3"):
            iso = _iso(iso_match, month_first)
            if iso:
                found.append(DateMatch(iso, iso_match.start(), iso_match.end()))
            continue
        for match in _DATE.finditer(text, max(start, year.start() - 45, found[-1].end if found else 0), year.end()):
            if match.end() == year.end():
                iso = _iso(match, month_first)
                if iso:
                    found.append(DateMatch(iso, match.start(), match.end()))
                break
    return found


def _iso(match: re.Match[str], month_first: bool) -> str | None:
    g = match.groupdict()
    if g["y1"]:
        year, month, day = int(g["y1"]), _MONTHS[g["m1"][:3].lower()], int(g["d1"])
    elif g["y2"]:
        year, month, day = int(g["y2"]), _MONTHS[g["m2"][:3].lower()], int(g["d2"])
    elif g["y3"]:
        year, month, day = int(g["y3"]), int(g["n3"]), int(g["d3"])
    else:
        a, b, year = int(g["a4"]), int(g["b4"]), int(g["y4"])
        year += 2000 if year < 100 else 0
        month, day = (a, b) if month_first else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
    try:
        return date_cls(year, month, day).isoformat()
    except ValueError:
        return None


def find_times(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int]]:
    """``("HH:MM", offset)`` for each clock time in ``text[start:end]`` ("3.00 P.M.", "7.30pm", "18:30").

    Example:
        >>> [t for t, _ in find_times("at 3.00 P.M.; 7:04 p.m.; 10am; 18:30; 7.3Opm")]
        ['15:00', '19:04', '10:00', '18:30', '19:30']
    """
    times: list[tuple[str, int]] = []
    for match in _TIME.finditer(text, start, len(text) if end is None else end):
        if match.group("h") is not None:
            hour = int(match.group("h"))
            minute = int((match.group("m") or "0").replace("O", "0").replace("o", "0"))
            if hour > 12:
                continue
            if match.group("ap").lower() == "p" and hour < 12:
                hour += 12
            elif match.group("ap").lower() == "a" and hour == 12:
                hour = 0
        else:
            hour, minute = int(match.group("h24")), int(match.group("m24"))
        times.append((f"{hour:02d}:{minute:02d}", match.start()))
    return times
