"""Reading order: cut a page into column blocks by its vertical whitespace (gutters).

A recursive XY-cut that prefers vertical cuts. Within a region, a *gutter* is a band
of x where no text run lies, at least a font size wide. A gutter makes columns only
when both sides look like columns of text: each is at least a fifth of the region
wide and holds at least two runs, most runs of the smaller side have a run of the
other side at the same height (text above and below a centred title is no pair of
columns), and the two sides are not a table. A table's cells
sit on shared baselines *and* the PDF wrote them row by row (the runs alternate
sides in the order they were written), while columns are written one after the
other; baselines alone cannot tell, since newspaper columns share a baseline grid.
Even then, two sides that both read as running text (most lines at least 12 ems
long) are columns, whatever order the PDF wrote them in.

When no gutter is clear because a few runs cross it (a title spanning the columns,
a full-width paragraph between two sets of columns), those runs are taken as
full-width blocks: the region is cut above and below them, and each slab is cut
again. A narrow right-hand side holding few runs beside many rows is a margin-note
column; the region stays whole and its notes are marked by ``note_x``.

Example:
    >>> from minutes_nlp.readers.pdf.fragments import Fragment
    >>> left = [Fragment(f"left {i}", 50, 100 + 12 * i, 250, 110 + 12 * i, 10, False, i) for i in range(5)]
    >>> right = [Fragment(f"right {i}", 300, 100 + 12 * i, 500, 110 + 12 * i, 10, False, 5 + i) for i in range(5)]
    >>> [[f.text for f in block.items][:2] for block in reading_blocks(right + left)]
    [['left 0', 'left 1'], ['right 0', 'right 1']]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

__all__ = ["Block", "reading_blocks"]

_MIN_COLUMN_SHARE = 0.2  # each column is at least this share of the region's width
_NOTE_MAX_SHARE = 0.3  # a margin-note column is at most this share of the region's width
_NOTE_MAX_DENSITY = 0.5  # ... and holds at most this many runs per row of the body beside it
_MAX_BLOCKER_SHARE = 0.4  # full-width runs crossing a gutter: at most this share of the runs
_MAX_DEPTH = 24
_LETTER = re.compile(r"[^\W\d_]")  # a margin note says something: an amount is no note


class Item(Protocol):
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    seq: int


@dataclass(slots=True)
class Block:
    """Runs read together, top to bottom (one column, or a full-width block).

    ``note_x``: runs starting at or right of it are margin notes beside the block's text.
    """

    items: list = field(default_factory=list)
    note_x: float | None = None


def reading_blocks(items: Sequence[Item], *, size: float | None = None) -> list[Block]:
    """``items`` cut into blocks, in reading order (columns left to right, blocks top down).

    ``size`` is the body font size (a gutter is at least that wide); by default the
    median size of the items.
    """
    out: list[Block] = []
    if items:
        size = size or _median([it.size for it in items]) or 10.0
        _cut(list(items), out, 0, size)
    return out


def _cut(items: list, out: list[Block], depth: int, size: float) -> None:
    if len(items) < 4 or depth > _MAX_DEPTH:
        out.append(Block(items))
        return
    min_gutter = max(size, 3.0)
    gaps = _gaps(items, min_gutter)
    note_x = None
    for g0, g1 in gaps:
        left = [it for it in items if it.x1 <= g0 + 0.01]
        right = [it for it in items if it.x0 >= g1 - 0.01]
        verdict = _judge(left, right, g0, g1, size)
        if verdict == "columns":
            _cut(left, out, depth + 1, size)
            _cut(right, out, depth + 1, size)
            return
        if verdict == "notes" and note_x is None:
            note_x = g1
    if note_x is None and _cut_at_blockers(items, out, depth, size, min_gutter):
        return
    out.append(Block(sorted(items, key=_top), note_x))


def _cut_at_blockers(items: list, out: list[Block], depth: int, size: float, min_gutter: float) -> bool:
    """Cut above and below the few runs that keep a gutter from being clear.

    The cut is taken when, between those runs, some slab of the region does split
    into columns at that gutter (a page may hold full-width text, a table and then
    columns); each slab is then cut on its own.
    """
    max_blockers = max(1, int(_MAX_BLOCKER_SHARE * len(items)))
    for b0, b1 in _thin_bands(items, min_gutter, max_blockers):
        # a blocker straddles the band's middle; a run merely poking into it keeps its side
        gutter = (b0 + b1) / 2
        blockers = [it for it in items if it.x0 < gutter < it.x1]
        if not blockers:
            continue
        groups = _slabs(items, blockers, size, gutter)
        if sum(1 for g in groups if g) < 2 or not any(_splits_at(g, gutter, size) for g in groups[::2]):
            continue
        for group in groups:
            if len(group) == len(items):  # nothing was cut off: stop here
                out.append(Block(sorted(group, key=_top)))
            elif group:
                _cut(group, out, depth + 1, size)
        return True
    return False


def _slabs(items: list, blockers: list, size: float, gutter: float) -> list[list]:
    """[slab above, blockers 1, slab, blockers 2, ..., slab below], top to bottom.

    A run at the foot of a slab, on one side of the gutter but below everything on
    the other side, and nearer the full-width block below than the text above it,
    is the first line of that block (a short title) and goes with it.
    """
    blockers = sorted(blockers, key=_top)
    blocker_ids = {id(it) for it in blockers}
    bands: list[tuple[float, float]] = []
    for blocker in blockers:  # blockers on consecutive lines make one band (a table, a title)
        if bands and blocker.top <= bands[-1][1] + 1.5 * size:
            bands[-1] = (bands[-1][0], max(bands[-1][1], blocker.bottom))
        else:
            bands.append((blocker.top, blocker.bottom))
    tops = [band[0] for band in bands]
    groups: list[list] = [[] for _ in range(2 * len(bands) + 1)]
    for it in items:
        middle = (it.top + it.bottom) / 2
        k = bisect.bisect_right(tops, middle) - 1  # last band starting above the middle
        if id(it) in blocker_ids or (k >= 0 and middle <= bands[k][1]):
            groups[2 * k + 1].append(it)  # a blocker, or beside one (a table row's other cells)
        else:
            groups[2 * (k + 1)].append(it)
    for k, (band_top, _) in enumerate(bands):
        _hand_down(groups[2 * k], groups[2 * k + 1], band_top, gutter)
    return groups


def _hand_down(slab: list, band: list, band_top: float, gutter: float) -> None:
    """Move the foot of ``slab`` into the full-width ``band`` below it when it belongs there.

    The foot is what one side of the gutter holds below everything on the other side;
    it goes down when the gap above it is wider than the gap below it.
    """
    for side in (True, False):
        this = [it for it in slab if (it.x1 <= gutter) == side]
        other = [it for it in slab if (it.x1 <= gutter) != side]
        if not this or not other:
            continue
        floor = max(it.bottom for it in other)
        foot = [it for it in this if it.top >= floor]
        rest = [it for it in this if it.top < floor]
        if not foot or not rest:
            continue
        gap_above = min(it.top for it in foot) - max(it.bottom for it in rest)
        gap_below = band_top - max(it.bottom for it in foot)
        if 0 <= gap_below < gap_above:
            for it in foot:
                slab.remove(it)
            band[:0] = sorted(foot, key=_top)


def _splits_at(items: list, gutter: float, size: float) -> bool:
    left = [it for it in items if it.x1 <= gutter]
    right = [it for it in items if it.x0 >= gutter]
    if not left or not right or len(left) + len(right) < len(items):
        return False
    return _judge(left, right, max(it.x1 for it in left), min(it.x0 for it in right), size) == "columns"


def _judge(left: list, right: list, g0: float, g1: float, size: float) -> str | None:
    """'columns', 'notes' or None for a split of a region at the gutter (g0, g1)."""
    if not left or not right:
        return None
    x0 = min(it.x0 for it in left)
    x1 = max(it.x1 for it in right)
    width = x1 - x0
    if width <= 0:
        return None
    left_width, right_width = g0 - x0, x1 - g1
    if (
        left_width >= _MIN_COLUMN_SHARE * width
        and right_width >= _MIN_COLUMN_SHARE * width
        and len(left) >= 2
        and len(right) >= 2
        and _side_by_side(left, right)
        and not _table_like(left, right, size)
    ):
        return "columns"
    if right_width <= _NOTE_MAX_SHARE * width and left_width >= 0.5 * width:
        if (
            len(right) <= _NOTE_MAX_DENSITY * _count_rows(left)
            and all(it.x1 - it.x0 <= _NOTE_MAX_SHARE * width for it in right)
            and all(_LETTER.search(getattr(it, "text", "")) for it in right)
        ):
            return "notes"
    return None


def _side_by_side(left: list, right: list) -> bool:
    """Most runs of the smaller side have a run of the other side at the same height.

    Text above and below a centred title is not two columns, however it splits.
    """
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    spans = sorted((it.top, it.bottom) for it in large)
    tops = [top for top, _ in spans]
    reach = []  # running maximum of bottoms, to test "some span starting above ends below"
    furthest = float("-inf")
    for _, bottom in spans:
        furthest = max(furthest, bottom)
        reach.append(furthest)
    beside = 0
    for it in small:
        k = bisect.bisect_left(tops, it.bottom) - 1  # spans starting above this run's bottom
        if k >= 0 and reach[k] > it.top:
            beside += 1
    return beside >= max(2, 0.5 * len(small))


def _table_like(left: list, right: list, size: float) -> bool:
    """Both sides share baselines and the PDF wrote them row by row (alternating sides)."""
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    middles = sorted((it.top + it.bottom) / 2 for it in large)
    tolerance = 0.3 * size
    aligned = 0
    for it in small:
        m = (it.top + it.bottom) / 2
        k = bisect.bisect_left(middles, m - tolerance)
        if k < len(middles) and middles[k] <= m + tolerance:
            aligned += 1
    if aligned < 0.6 * len(small):
        return False
    sides = sorted([(it.seq, 0) for it in left] + [(it.seq, 1) for it in right])
    switches = sum(1 for a, b in zip(sides, sides[1:]) if a[1] != b[1])
    if switches < 0.5 * len(small):
        return False
    return not (_text_column(left, size) and _text_column(right, size))


def _text_column(items: list, size: float) -> bool:
    """Lines of running text: most lines at least 12 ems long (table cells are shorter)."""
    widths = sorted(it.x1 - it.x0 for it in items)
    return widths[len(widths) // 2] >= 12 * size


def _gaps(items: list, min_gutter: float) -> list[tuple[float, float]]:
    """x-bands no item covers, at least ``min_gutter`` wide, left to right."""
    spans = sorted((it.x0, it.x1) for it in items)
    gaps = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= min_gutter:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _thin_bands(items: list, min_gutter: float, max_cover: int) -> list[tuple[float, float]]:
    """Interior x-bands at least ``min_gutter`` wide crossed by few items, fewest crossings first.

    Starting from the least covered stretches of x, each is widened while the cover
    stays as low; at most six bands are returned.
    """
    events = sorted([(it.x0, 1) for it in items] + [(it.x1, -1) for it in items])
    # only bands leaving a column's worth of text on both sides are of interest
    margin = 0.9 * _MIN_COLUMN_SHARE * (events[-1][0] - events[0][0])
    lo, hi = events[0][0] + margin, events[-1][0] - margin
    segments = []  # (x0, x1, depth) between consecutive event positions, inside [lo, hi]
    depth = 0
    for (x, step), (x_next, _) in zip(events, events[1:]):
        depth += step
        if x_next > x and x_next > lo and x < hi:
            segments.append((max(x, lo), min(x_next, hi), depth))
    found: list[tuple[float, float]] = []
    for i in sorted(range(len(segments)), key=lambda i: segments[i][2]):
        x0, x1, level = segments[i]
        if level > max_cover or len(found) >= 6:
            break
        if any(a <= x0 and x1 <= b for a, b in found):
            continue
        first = last = i
        while first > 0 and segments[first - 1][2] <= level:
            first -= 1
        while last + 1 < len(segments) and segments[last + 1][2] <= level:
            last += 1
        start, end = segments[first][0], segments[last][1]
        if end - start >= min_gutter:
            found.append((start, end))
    return found


def _count_rows(items: list) -> int:
    tops = sorted(it.top for it in items)
    rows, last = 0, None
    for top in tops:
        if last is None or top - last > 1.0:
            rows += 1
        last = top
    return rows


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[len(values) // 2]


def _top(item: Item) -> float:
    return item.top
