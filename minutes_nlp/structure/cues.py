"""Shared cues for the decision finders: cue words, counts, "RESOLVED", legislation, the meeting's close.

The motion, vote, resolution and declaration finders all start from the same words ("moved",
"carried", "RESOLVED", "Ord. No. 1360-16"), so the patterns live here, compiled once, with a
fast look-up of where the cue words are (:func:`keyword_hits`, :func:`scan`). How far a
decision's text runs is in :mod:`minutes_nlp.structure.extents`; how a person is printed is in
:mod:`minutes_nlp.structure.names`.

Example:
    >>> text = "Proposed by Cllr Lee. RESOLVED that the report be noted. Motion carried 7 votes to 2."
    >>> [m.group().strip() for m in scan([RESOLVED_RE], frozenset({"resolved"}), text, 0, len(text))]
    ['RESOLVED that']
    >>> keyword_hits(text, 0, len(text), frozenset({"carried"})), number_value("seven")
    ([64], 7)
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable

from minutes_nlp.structure.text import TextView

__all__ = [
    "LEGISLATION_RE",
    "NUMBER",
    "RESOLVED_RE",
    "keyword_hits",
    "meeting_close",
    "merge_windows",
    "number_value",
    "scan",
]

_NUMBER_WORDS = {
    "nil": 0, "none": 0, "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}
NUMBER = r"(?:\d{1,3}|nil|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"


def number_value(token: str | None) -> int | None:
    """``"7"`` -> 7, ``"three"`` -> 3, ``"nil"`` -> 0; None when absent.

    Example:
        >>> number_value("three"), number_value("12"), number_value(None)
        (3, 12, None)
    """
    if token is None:
        return None
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


# ---------------------------------------------------------------- meeting close

_CLOSE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:There\s+being\s+no\s+further\s+business,?\s+)?(?:the\s+)?"
    r"(?:[\w’']+\s+){0,3}(?:meeting|council|session|proceedings)\s+(?:was\s+|were\s+)?"
    r"(?:adjourned|closed|ended|concluded|terminated)\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hours|hrs)?"
    r"(?![^.\n]{0,80}\b(?:re-?convene|resum|reopen))",
    re.IGNORECASE,
)


_CLOSE_WORDS = (" adjourned at", " closed at", " ended at", " concluded at", " terminated at", "\nadjourned at")


@lru_cache(maxsize=32)
def _close_offset(text: str) -> int | None:
    low = text.lower()
    first = None
    for word in _CLOSE_WORDS:  # literal look-ups first: the full pattern is costly to try everywhere
        at = low.find(word)
        while at >= 0:
            match = _CLOSE.search(text, max(0, at - 160), min(len(text), at + 120))
            if match and match.start() <= at + 1 and (first is None or match.end() < first):
                first = match.end()
                break
            at = low.find(word, at + 1)
    return first


def meeting_close(view: TextView) -> int:
    """Offset where the meeting's own record ends: past "The meeting closed at 9.15pm".

    Decisions printed after the close (another body's proceedings in the same
    publication, appendices) are not this meeting's. ``len(view.text)`` when no close
    is printed.
    """
    offset = _close_offset(view.text)
    if offset is None:
        return len(view.text)
    line_end = view.text.find("\n", offset)
    return len(view.text) if line_end < 0 else line_end


# ---------------------------------------------------------------- decision cues

# Numbered legislation: "Ord. No. 1360-16.", "Res. No. 1367-16 — Margaret Dua.", "Resolution No. 24-118"
LEGISLATION_RE = re.compile(
    r"^[ \t]*(?P<kind>Ord(?:inance)?|Res(?:olution)?|Bill|Local\s+Law)\.?\s+No\.?\s*"
    r"(?P<number>\d[\w-]*\d|\d)(?![\w-])\.?[ \t]*"
    r"(?:[ \t]*(?:--|[—–:-])[ \t]*(?P<title>\S)|$)",
    re.MULTILINE,
)

RESOLVED_RE = re.compile(
    r"(?<!Be it )(?<!Be it further )"
    r"(?:\b(?:And|and|It\s+was|it\s+was|IT\s+WAS)\s+(?:(?:therefore|further|also|unanimously|accordingly)\s+)*)?"
    r"(?:\bRESOLVED\b|(?:(?<=\n)|(?<=^)|(?<=\d[.)]\s)|(?<=And\s)|(?<=and\s))[ \t*_]*Resolved\b|"
    r"(?:(?<=was\s)|(?<=unanimously\s)|(?<=further\s)|(?<=also\s)|(?<=therefore\s))[Rr]esolved\b)"
    r"(?:\s+(?:UNANIMOUSLY|unanimously|accordingly))?[ \t*_]*(?:that\b|THAT\b|to\b|:|–|-|—|,)?",
    re.MULTILINE,
)


# Every cue word any decision finder starts from, found in one pass over the lower-cased text.
_KEYWORDS = re.compile(
    r"propos|moved|motion|nominat|second|yea|aye|nay|noes|against|opposed|vot|carried|passed|approv|adopted|"
    r"agreed|accepted|endorsed|lost|defeated|fell|failed|rejected|withdr|deferred|postponed|adjourned|resolved|"
    r"decided|objection|noted|received|confirmed|signed|abstention|appointed|elected|offered|introduced|supported|"
    r"interest"
)


_STEMS = tuple(_KEYWORDS.pattern.split("|"))


@lru_cache(maxsize=8)
def _keyword_index(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    low = text.lower()
    hits: list[tuple[int, str]] = []
    for stem in _STEMS:  # str.find is far faster than one alternation over the whole text
        at = low.find(stem)
        while at >= 0:
            hits.append((at, stem))
            at = low.find(stem, at + 1)
    hits.sort()
    return tuple(h[0] for h in hits), tuple(h[1] for h in hits)


def keyword_hits(text: str, start: int, end: int, stems: frozenset[str]) -> list[int]:
    """Offsets in ``[start, end)`` where one of the cue ``stems`` (from ``_KEYWORDS``) begins a word part.

    Example:
        >>> keyword_hits("Motion carried.", 0, 15, frozenset({"carried"}))
        [7]
    """
    positions, words = _keyword_index(text)
    first = bisect.bisect_left(positions, start)
    last = bisect.bisect_left(positions, end)
    return [positions[i] for i in range(first, last) if words[i] in stems]


def merge_windows(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ``(start, end)`` windows, taken in order, where one starts before the last one ends.

    Example:
        >>> merge_windows([(0, 5), (5, 9), (12, 20), (14, 18)])
        [(0, 9), (12, 20)]
    """
    merged: list[list[int]] = []
    for ws, we in windows:
        if merged and ws <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], we)
        else:
            merged.append([ws, we])
    return [(ws, we) for ws, we in merged]


def scan(
    patterns: list[re.Pattern[str]], stems: frozenset[str], text: str, start: int, end: int, reach: int = 200
) -> list[re.Match[str]]:
    """Matches of ``patterns`` near a cue word only, in order; overlapping matches dropped.

    Trying every pattern at every offset of a 50-page text is slow, so the patterns are
    tried only in windows around their cue words (``stems``, see :func:`keyword_hits`).
    """
    windows = merge_windows(_window(text, hit, start, end, reach) for hit in keyword_hits(text, start, end, stems))
    found = sorted(
        (m for ws, we in windows for pattern in patterns for m in pattern.finditer(text, ws, we)),
        key=lambda m: (m.start(), -(m.end() - m.start())),
    )
    kept: list[re.Match[str]] = []
    for match in found:
        if kept and match.start() < kept[-1].end():
            continue
        kept.append(match)
    return kept


def _window(text: str, hit: int, start: int, end: int, reach: int) -> tuple[int, int]:
    """The window a pattern is tried in around a cue word at ``hit``: ``reach`` either side, cut
    at the line start when that is near."""
    ws = max(start, hit - reach)
    newline = text.rfind("\n", ws, hit)
    ws = ws if newline < 0 or hit - newline > reach // 2 else newline + 1
    return ws, min(end, hit + reach)
