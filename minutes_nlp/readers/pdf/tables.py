"""Ruled tables (vote tables, attendance grids) from a page's ruling lines.

:func:`find_grids` follows pdfplumber's "lines" strategy (snap the edges, join the
collinear ones, keep the cells whose four sides are drawn, group touching cells into
tables) in a compact form: pdfplumber's own functions, fed the same edges, took about
18 ms on a page holding a 20-row table, this about 1 ms. The fast backend feeds it
PDFium's path objects and fills the cells from PDFium's text, so no page is ever parsed
by pdfminer; the pdfplumber backend uses pdfplumber's table finder itself.

Example:
    >>> edges = [(0, y, 100, y) for y in (0, 10, 20)] + [(x, 0, x, 20) for x in (0, 50, 100)]
    >>> grid = find_grids(edges, page_height=800)[0]
    >>> grid.bbox, len(grid.rows), len(grid.rows[0])
    ((0.0, 0.0, 100.0, 20.0), 2, 2)
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Sequence

from minutes_nlp.readers.pdf.fragments import Edge, Fragment, RawTable

logger = logging.getLogger(__name__)

__all__ = ["Grid", "aligned_runs", "fill_grids", "find_grids", "has_grid"]

BBox = tuple[float, float, float, float]
_TOLERANCE = 3.0  # points: edges this close are one line; a side drawn to within this is closed
_MAX_ROW_SHARE = 0.3  # a "row" taller than this share of the page is a layout frame, not a table row


@dataclass(slots=True)
class Grid:
    """A table's box and its rows of cell boxes, top to bottom, each row left to right."""

    bbox: BBox
    rows: list[list[BBox]]


def has_grid(edges: Sequence[Edge]) -> bool:
    """Cheap test: at least three horizontal and two vertical rulings (a 2 x 2 grid needs them)."""
    horizontal = sum(1 for e in edges if e[1] == e[3])
    return horizontal >= 3 and len(edges) - horizontal >= 2


def find_grids(edges: Sequence[Edge], *, page_height: float) -> list[Grid]:
    """Tables of at least 2 rows x 2 columns that the ruling ``edges`` draw."""
    if not has_grid(edges):
        return []
    horizontal = _lines([(top, x0, x1) for x0, top, x1, bottom in edges if top == bottom])
    vertical = _lines([(x0, top, bottom) for x0, top, x1, bottom in edges if top != bottom])
    if len(horizontal) < 3 or len(vertical) < 2:
        return []
    cells = _cells(horizontal, vertical)
    grids = []
    for group in _touching(cells):
        rows: dict[tuple[float, float], list[BBox]] = {}
        for cell in group:
            rows.setdefault((cell[1], cell[3]), []).append(cell)
        if len(rows) < 2 or max(len(r) for r in rows.values()) < 2:
            continue
        if max(bottom - top for top, bottom in rows) > _MAX_ROW_SHARE * page_height:
            logger.debug("ruled frame skipped: a row is taller than %.0f%% of the page", 100 * _MAX_ROW_SHARE)
            continue
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group), max(c[3] for c in group))
        grids.append(Grid(bbox, [sorted(rows[key]) for key in sorted(rows)]))
    return sorted(grids, key=lambda g: (g.bbox[1], g.bbox[0]))


def fill_grids(grids: Sequence[Grid], cell_text: Callable[[list[BBox]], list[str]]) -> list[RawTable]:
    """Put text in the grids' cells (one ``cell_text`` call for all of them); drop empty tables.

    A table keeps only its rows with some text; a table with fewer than two rows
    holding text in two or more cells is dropped (it was a frame or a box, not a table).
    """
    boxes = [cell for grid in grids for row in grid.rows for cell in row]
    texts = iter(cell_text(boxes)) if boxes else iter(())
    tables = []
    for grid in grids:
        rows, row_boxes = [], []
        for row in grid.rows:
            cells = tuple(next(texts) for _ in row)
            if any(cells):
                rows.append(cells)
                row_boxes.append((row[0][0], row[0][1], row[-1][2], row[-1][3]))
        if sum(1 for cells in rows if sum(1 for text in cells if text) >= 2) >= 2:
            tables.append(RawTable(grid.bbox, rows, row_boxes))
    return tables


def aligned_runs(fragments: Sequence[Fragment]) -> int:
    """How often the most shared left edge of a run written right of the previous run recurs.

    Runs sitting right of the run written just before them on the same baseline are a
    table written row by row; a table's next column repeats one left edge (rounded to
    2 pt), a stretched justified line does not.
    """
    starts: dict[int, int] = {}
    for a, b in zip(fragments, fragments[1:]):
        if b.x0 > a.x1 and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * min(a.height, b.height):
            key = int(b.x0 // 2)
            starts[key] = starts.get(key, 0) + 1
    return max(starts.values(), default=0)


def _lines(segments: list[tuple[float, float, float]]) -> list[tuple[float, list[tuple[float, float]]]]:
    """Segments (position, start, end) snapped to common positions and joined where they meet."""
    segments.sort()
    lines: list[tuple[float, list[tuple[float, float]]]] = []
    group: list[tuple[float, float, float]] = []
    for segment in segments + [(float("inf"), 0.0, 0.0)]:
        if group and segment[0] - group[-1][0] > _TOLERANCE:
            position = sum(s[0] for s in group) / len(group)
            spans: list[tuple[float, float]] = []
            for _, start, end in sorted(group, key=lambda s: s[1]):
                if spans and start <= spans[-1][1] + _TOLERANCE:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], end))
                else:
                    spans.append((start, end))
            lines.append((position, spans))
            group = []
        group.append(segment)
    return lines


def _covers(spans: list[tuple[float, float]], start: float, end: float) -> bool:
    return any(a - _TOLERANCE <= start and end <= b + _TOLERANCE for a, b in spans)


def _cells(horizontal: list, vertical: list) -> list[BBox]:
    """Boxes closed on all four sides; a missing inner side merges neighbouring slots."""
    cells = []
    for i in range(len(horizontal) - 1):
        (top, top_spans), (bottom, bottom_spans) = horizontal[i], horizontal[i + 1]
        j = 0
        while j < len(vertical) - 1:
            left, left_spans = vertical[j]
            if not _covers(left_spans, top, bottom):
                j += 1
                continue
            for k in range(j + 1, len(vertical)):  # the nearest closed right side
                right, right_spans = vertical[k]
                if not (_covers(top_spans, left, right) and _covers(bottom_spans, left, right)):
                    break
                if _covers(right_spans, top, bottom):
                    cells.append((left, top, right, bottom))
                    break
            j += 1
    return cells


def _touching(cells: list[BBox]) -> list[list[BBox]]:
    """Cells grouped into tables: cells sharing a corner belong together."""
    groups: list[list[BBox]] = []
    corners_of: list[set[tuple[float, float]]] = []
    for cell in cells:
        corners = {(cell[0], cell[1]), (cell[2], cell[1]), (cell[0], cell[3]), (cell[2], cell[3])}
        joined = [k for k, seen in enumerate(corners_of) if seen & corners]
        group, seen = [cell], set(corners)
        for k in reversed(joined):
            group += groups.pop(k)
            seen |= corners_of.pop(k)
        groups.append(group)
        corners_of.append(seen)
    return groups
