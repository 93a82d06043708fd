"""Running headers, footers and page numbers, found by their position on the page.

Both backends give text in the order the PDF wrote it, so a page number may come
first or last whatever its place; only the position counts here. On every page the
outermost rows of text inside the top and bottom bands are candidates, taken from
the edge inwards (at most three rows each side) until a row is not running text:

- a *running line* repeats once digits are masked and spaces dropped
  ("4 The City Record April 27, 2016" and "6 The City Record April 27, 2016" are both
  ``#thecityrecordapril#,#``); it must hold a few letters and sit at the same distance
  from the page edge (within 4 pt) on at least ``max(2, 30%)`` of the pages (so
  even/odd-page variants each qualify, and body text that happens to repeat does not);
- a *page number* ("3", "Page 3", "Page 3 of 12", "- 3 -", "3/12") must agree with
  its page: its value minus the page number is an offset that page numbers share, at
  the same place, on at least ``max(2, 30%)`` of the pages. A number in the body, or
  a stray number whose offset or place disagrees, stays.
  A page number seen on too few pages to share an offset (a one-page document, or
  only the first page numbered) is still dropped when it sits alone in the outer 8%
  of the page and states that page's own number (any number, in a document of one
  or two pages).

Example:
    >>> from minutes_nlp.readers.pdf.fragments import Fragment, RawPage
    >>> pages = [RawPage(n, 600, 800, [Fragment("Budget", 70, 300, 300, 310, 10, False),
    ...                                Fragment(f"Page {n}", 280, 760, 320, 770, 9, False)])
    ...          for n in (1, 2, 3)]
    >>> remove_running_lines(pages)
    3
    >>> [f.text for f in pages[0].fragments]
    ['Budget']
"""
from __future__ import annotations

import heapq
import logging
import re
from collections import defaultdict
from typing import Sequence

from minutes_nlp.readers.pdf.fragments import Fragment, RawPage

logger = logging.getLogger(__name__)

__all__ = ["BAND", "page_number_value", "remove_running_lines", "running_key"]

BAND = 0.15
"""Share of the page height at the top and at the bottom where running lines may sit."""

_SHORT_DOC_BAND = 0.08
_Y_TOLERANCE = 4.0  # points: a running line keeps its place from page to page
_MAX_ROWS = 3
_EDGE_RUNS = 40  # runs looked at from each edge
_MIN_SHARE = 0.3
_PAGE_NUMBER = re.compile(
    r"""^(?:
        (?:page|pg\.?|p\.)?\s*(?P<a>\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?   # 3, Page 3, Page 3 of 12, 3/12
      | [-\u2013\u2014]\s*(?P<b>\d{1,4})\s*[-\u2013\u2014]                # - 3 -
      | \[\s*(?P<c>\d{1,4})\s*\]                                          # [3]
    )$""",
    re.I | re.X,
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


def running_key(text: str) -> str:
    """``text`` with digit runs masked, spaces dropped and case folded.

    Example:
        >>> running_key("4 The City Re c o rd  June 10, 1998")
        '#thecityrecordjune#,#'
    """
    return _DIGITS.sub("#", _SPACE.sub("", text.casefold()))


def page_number_value(text: str) -> int | None:
    """The page number ``text`` states, if it is nothing but a page number.

    Example:
        >>> page_number_value("Page 3 of 12"), page_number_value("- 7 -"), page_number_value("12 members")
        (3, 7, None)
    """
    match = _PAGE_NUMBER.match(text.strip())
    if not match:
        return None
    return int(match.group("a") or match.group("b") or match.group("c"))


def remove_running_lines(pages: Sequence[RawPage]) -> int:
    """Drop running headers, footers and page numbers from ``pages`` (in place).

    Returns the number of fragments removed.
    """
    n_pages = len(pages)
    min_pages = max(2, round(_MIN_SHARE * n_pages))
    removed = 0
    for side in ("top", "bottom"):
        per_page = [_edge_rows(page, side) for page in pages]
        anchors = _anchors(pages, per_page, side, min_pages)
        for page, rows in zip(pages, per_page):
            drop: set[int] = set()
            for row in rows:
                row_anchor = anchors.get(("text", running_key(" ".join(f.text for f in row)))) if len(row) > 1 else None
                kept = []
                for fragment in row:
                    distance = _edge_distance(fragment, page, side)
                    anchor = row_anchor if row_anchor is not None else anchors.get(_signature(fragment.text, page.number))
                    if anchor is not None and abs(distance - anchor) <= _Y_TOLERANCE:
                        continue
                    if distance <= _SHORT_DOC_BAND * page.height and len(row) == 1:
                        value = page_number_value(fragment.text)
                        if value is not None and (value == page.number or n_pages <= 2):
                            continue  # alone near the edge and stating its own page: a page number
                    kept.append(fragment)
                drop.update(id(f) for f in row if f not in kept)
                if kept:
                    break  # a row that is not all running text: stop going inwards
            if drop:
                page.fragments = [f for f in page.fragments if id(f) not in drop]
                removed += len(drop)
    if removed:
        logger.debug("removed %d running header/footer fragments", removed)
    return removed


def _anchors(pages: Sequence[RawPage], per_page: list[list[list[Fragment]]], side: str, min_pages: int) -> dict[tuple, float]:
    """Signatures seen at one place on at least ``min_pages`` pages, with that place."""
    positions: dict[tuple, list[float]] = defaultdict(list)
    for page, rows in zip(pages, per_page):
        seen = set()
        for row in rows:
            found = [(_signature(f.text, page.number), f) for f in row]
            if len(row) > 1:
                found.append((("text", running_key(" ".join(f.text for f in row))), row[0]))
            for signature, fragment in found:
                if signature is not None and signature not in seen:
                    seen.add(signature)
                    positions[signature].append(_edge_distance(fragment, page, side))
    anchors = {}
    for signature, values in positions.items():
        if len(values) < min_pages:
            continue
        anchor = sorted(values)[len(values) // 2]
        if sum(1 for v in values if abs(v - anchor) <= _Y_TOLERANCE) >= min_pages:
            anchors[signature] = anchor
    return anchors


def _signature(text: str, page_number: int) -> tuple | None:
    """("number", value - page) for a page number, ("text", masked key) for a line with letters."""
    value = page_number_value(text)
    if value is not None:
        return ("number", value - page_number)
    if _has_letters(text):
        return ("text", running_key(text))
    return None


def _edge_distance(fragment: Fragment, page: RawPage, side: str) -> float:
    return fragment.top if side == "top" else page.height - fragment.bottom


def _edge_rows(page: RawPage, side: str) -> list[list[Fragment]]:
    """The rows of the block of text at the top (or bottom) edge, outermost first.

    The edge block is the run of rows from the edge up to the first clear gap (at
    least 0.7 of a row's height, wider than the gap between lines of a paragraph);
    it must end inside the band. Rows that run straight on into the body, like the
    first line of a column that happens to start every page, are no candidates.
    """
    if not page.fragments:
        return []
    if side == "top":  # the few runs nearest the edge are enough for four rows
        ordered = heapq.nsmallest(_EDGE_RUNS, page.fragments, key=lambda f: f.top)
    else:
        ordered = heapq.nlargest(_EDGE_RUNS, page.fragments, key=lambda f: f.bottom)
    rows: list[list[Fragment]] = []
    extents: list[tuple[float, float]] = []  # (top, bottom) of each row
    for fragment in ordered:
        if rows and _same_row(rows[-1][0], fragment):
            rows[-1].append(fragment)
            top, bottom = extents[-1]
            extents[-1] = (min(top, fragment.top), max(bottom, fragment.bottom))
        elif len(rows) == _MAX_ROWS + 1:
            break
        else:
            rows.append([fragment])
            extents.append((fragment.top, fragment.bottom))
    limit = BAND * page.height
    for k, (top, bottom) in enumerate(extents):
        if _edge_distance_of(top, bottom, page, side) > limit or k == _MAX_ROWS:
            return []  # no gap before the band (or too many rows) ends: not a separate block
        if k + 1 == len(extents):
            break  # nothing further in: the whole page is the edge block
        next_top, next_bottom = extents[k + 1]
        gap = next_top - bottom if side == "top" else top - next_bottom
        if gap >= 0.7 * min(bottom - top, next_bottom - next_top):
            break
    block = rows[: k + 1]
    for row in block:
        row.sort(key=lambda f: f.x0)
    return block


def _edge_distance_of(top: float, bottom: float, page: RawPage, side: str) -> float:
    """How far the far side of a row lies from the page edge."""
    return bottom if side == "top" else page.height - top


def _same_row(a: Fragment, b: Fragment) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.3 * min(a.height, b.height)


def _has_letters(text: str) -> bool:
    return len(_LETTER.findall(text, 0, 40)) >= 3
