"""From a page's text runs to lines in reading order: rows, notes, tables, paragraphs, headings.

Shared by both backends. For each block :mod:`columns` found, runs on one baseline
make a row; within a row, runs closer than the split gap are joined again. Then:

- *margin notes*: a short run in a narrow right-hand column beside the text (the
  block's ``note_x``), or, without a clean column, a short run far right after a wide
  gap, becomes its own line (``kind="margin_note"``) placed after the line it sits by;
- *table rows*: two or more consecutive rows of several cells whose cells line up
  (same left or right edges) become ``kind="table_row"`` with ``cells``; a ruled table
  found by :mod:`tables` arrives whole and is emitted row by row where it sits;
  an enumerator cell ("1.", "(a)", "•") is joined to the text after it, not a table;
- *paragraphs*: ``para_break`` where the gap above a line is clearly wider than the
  block's usual line gap, where the font changes (bold or size), where a first line
  is indented and the next line returns to the margin, where a justified block's
  previous line stopped short after a full stop, and around headings and tables;
- *headings*: lines in bold or notably larger than the page's body text, short, in
  runs of at most three lines (longer bold runs are emphasised body text).

Example:
    >>> from minutes_nlp.readers.pdf.fragments import Fragment, RawPage
    >>> page = RawPage(1, 600, 800, [Fragment("Minutes", 50, 50, 150, 64, 14, True, 0),
    ...                              Fragment("Present: Cllr Cooper", 50, 80, 250, 90, 10, False, 1)])
    >>> [(line.text, line.kind) for line in lay_out(page, body_size=10)]
    [('Minutes', 'heading'), ('Present: Cllr Cooper', 'body')]
"""
from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter
from typing import Sequence

from minutes_nlp.readers.pdf.columns import Block, reading_blocks
from minutes_nlp.readers.pdf.fragments import Fragment, RawPage, RawTable
from minutes_nlp.readers.pdf.pdfium import GAP_EM

__all__ = ["LineRecord", "body_font_size", "lay_out"]

_ENUMERATOR = re.compile(r"^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.):]|\d{1,3}|[\u2022\u25cf\u25aa\u2013\u2014\-*\u00b7])$", re.I)
_SENTENCE_END = ('.', ':', ';', '!', '?', '"', '\u201d', '\u2019', ')')
# a line opening with a list label ("18) text", "(a) text", "• text"): its next line hangs
_HANGING = re.compile(r"^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.):]|[\u2022\u25cf\u25aa\-*])\s", re.I)
_HEADING_SIZE = 1.2
_MAX_HEADING_RUN = 3
_NOTE_GAP_EM = 3.0


LineRecord = Fragment
"""A line being built: a :class:`Fragment` (joined runs take on the first run's object)."""


class _TableItem:
    """A ruled table taking part in the reading order as one item."""

    __slots__ = ("table", "x0", "top", "x1", "bottom", "size", "seq")

    def __init__(self, table: RawTable, size: float, seq: int) -> None:
        self.table = table
        self.x0, self.top, self.x1, self.bottom = table.bbox
        self.size, self.seq = size, seq


def body_font_size(fragments: Sequence[Fragment]) -> float | None:
    """The font size most of the text is set in (weighted by characters).

    Example:
        >>> body_font_size([Fragment("a long body line", 0, 0, 1, 1, 9.5, False), Fragment("Title", 0, 0, 1, 1, 14, True)])
        9.5
    """
    by_size: dict[float, int] = {}
    for f in fragments:
        by_size[f.size] = by_size.get(f.size, 0) + len(f.text)
    counts: Counter[float] = Counter()
    for size, n in by_size.items():  # half-point steps: 9.96 and 10.0 are one size
        counts[round(size * 2) / 2] += n
    return counts.most_common(1)[0][0] if counts else None


def lay_out(page: RawPage, *, body_size: float | None = None, detect_columns: bool = True) -> list[LineRecord]:
    """The lines of ``page`` in reading order (headers/footers should already be gone)."""
    fragments = page.fragments
    body = body_size or body_font_size(fragments) or 10.0
    items: list = list(fragments)
    if page.tables:
        items = [f for f in fragments if not any(_inside(f, t.bbox) for t in page.tables)]
        items += [_TableItem(t, body, -1 - k) for k, t in enumerate(page.tables)]
    if not items:
        return []
    blocks = reading_blocks(items, size=body) if detect_columns else [Block(sorted(items, key=lambda it: it.top))]
    lines: list[LineRecord] = []
    previous: LineRecord | None = None
    for block in blocks:
        block_lines = _block_lines(block, body)
        _mark_paragraphs(block_lines, previous, body, first_on_page=not lines)
        _mark_headings(block_lines, body)
        lines.extend(block_lines)
        for line in reversed(block_lines):
            if line.kind != "margin_note":
                previous = line
                break
    return lines


def _inside(f: Fragment, bbox: tuple[float, float, float, float]) -> bool:
    x = (f.x0 + f.x1) / 2
    y = (f.top + f.bottom) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _rows(items: list) -> list[list]:
    """Items grouped into rows (shared baseline), top to bottom, each row left to right."""
    rows: list[list] = []
    row: list = []
    band_top = band_bottom = 0.0
    for it in sorted(items, key=_by_top_left):
        top, bottom = it.top, it.bottom
        if row and type(it) is not _TableItem and type(row[0]) is not _TableItem:
            overlap = (band_bottom if band_bottom < bottom else bottom) - (band_top if band_top > top else top)
            if overlap >= 0.5 * min(band_bottom - band_top, bottom - top):
                row.append(it)
                if top < band_top:
                    band_top = top
                if bottom > band_bottom:
                    band_bottom = bottom
                continue
        row = [it]
        rows.append(row)
        band_top, band_bottom = top, bottom
    for row in rows:
        if len(row) > 1:
            row.sort(key=_by_left)
    return rows


_by_top_left = attrgetter("top", "x0")
_by_left = attrgetter("x0")


def _cells(row: list[Fragment]) -> list[LineRecord]:
    """A row's runs joined where they are closer than the split gap (a cell each otherwise).

    The runs themselves become the cells (a joined run takes the next one in).
    """
    if len(row) == 1:
        return row
    cells: list[LineRecord] = []
    for f in row:
        if cells:
            last = cells[-1]
            gap = f.x0 - last.x1
            if gap < GAP_EM * max(f.size, last.size):
                joiner = "" if gap < 0.15 * f.size or last.text.endswith(" ") else " "
                if len(f.text) > len(last.text):
                    last.size = max(last.size, f.size)
                last.text += joiner + f.text
                last.x1 = max(last.x1, f.x1)
                last.top, last.bottom = min(last.top, f.top), max(last.bottom, f.bottom)
                last.bold = last.bold and f.bold
                last.soft_hyphen = f.soft_hyphen
                continue
        cells.append(f)
    return cells


def _block_lines(block: Block, body: float) -> list[LineRecord]:
    rows = _rows(block.items)
    x_left = min([it.x0 for it in block.items])
    x_right = max([it.x1 for it in block.items])
    note_x = block.note_x
    # per row: (body cells, notes) or a table
    staged: list[tuple[list[LineRecord], list[LineRecord]] | RawTable] = []
    no_notes: list[LineRecord] = []
    for row in rows:
        if type(row[0]) is _TableItem:
            staged.append(row[0].table)
            continue
        cells = _cells(row)
        notes = no_notes
        if len(cells) >= 2:
            if _ENUMERATOR.match(cells[0].text):
                _merge(cells, 0)
            if note_x is None and len(cells) == 2 and len(rows) >= 3 and _is_note(cells, x_left, x_right):
                notes = [cells.pop()]
        if note_x is not None and cells[-1].x0 >= note_x - 0.5:
            notes = [c for c in cells if c.x0 >= note_x - 0.5]
            cells = [c for c in cells if c.x0 < note_x - 0.5]
        staged.append((cells, notes))
    table_rows = _table_runs(staged)
    lines: list[LineRecord] = []
    for k, entry in enumerate(staged):
        if type(entry) is RawTable:
            lines.extend(_ruled_rows(entry))
            continue
        cells, notes = entry
        if len(cells) == 1 and not notes:
            lines.append(cells[0])
            continue
        if cells:
            if k in table_rows:
                texts = tuple(c.text for c in cells)
                line = _joined(cells, " | ")
                line.kind, line.cells = "table_row", texts
            else:
                line = _joined(cells, " ")
            lines.append(line)
        for note in notes:
            note.kind = "margin_note"
            lines.append(note)
    return lines


def _is_note(cells: list[LineRecord], x_left: float, x_right: float) -> bool:
    """The row's last cell is a margin note: short, at the right edge, after a wide gap
    that follows a line of text (an action owner, "Noted", initials)."""
    note, before = cells[-1], cells[-2]
    width = max(x_right - x_left, 1.0)
    return (
        note.x0 - before.x1 >= _NOTE_GAP_EM * note.size
        and note.x1 >= x_right - 2 * note.size
        and note.x1 - note.x0 <= 0.3 * width
        and before.x1 - cells[0].x0 >= 0.4 * width
        and len(note.text.split()) <= 6
        and any(ch.isalpha() for ch in note.text)
    )


def _merge(cells: list[LineRecord], k: int) -> None:
    a, b = cells[k], cells.pop(k + 1)
    a.text = f"{a.text} {b.text}"
    a.x1, a.top, a.bottom = b.x1, min(a.top, b.top), max(a.bottom, b.bottom)
    a.bold, a.size, a.soft_hyphen = a.bold and b.bold, max(a.size, b.size), b.soft_hyphen


def _joined(cells: list[LineRecord], sep: str) -> LineRecord:
    if len(cells) == 1:
        return cells[0]
    line = cells[0]
    line.text = sep.join(c.text for c in cells)
    line.x1 = cells[-1].x1
    line.top, line.bottom = min(c.top for c in cells), max(c.bottom for c in cells)
    line.bold = all(c.bold for c in cells)
    line.size = max(cells, key=lambda c: len(c.text)).size
    line.soft_hyphen = cells[-1].soft_hyphen
    return line


def _table_runs(staged: list) -> set[int]:
    """Indexes of rows that belong to runs of >= 2 consecutive multi-cell rows that line up."""
    rows: set[int] = set()
    run: list[int] = []
    for k, entry in enumerate(staged + [None]):
        multi = isinstance(entry, tuple) and len(entry[0]) >= 2
        if multi and run and _aligned(staged[run[-1]][0], entry[0]) and run[-1] == k - 1:
            run.append(k)
            continue
        if len(run) >= 2:
            rows.update(run)
        run = [k] if multi else []
    return rows


def _aligned(a: list[LineRecord], b: list[LineRecord]) -> bool:
    """At least two cell edges of ``b`` line up with cell edges of ``a`` (left or right)."""
    tolerance = 0.5 * max(a[0].size, b[0].size)
    lefts = [c.x0 for c in a]
    rights = [c.x1 for c in a]
    matches = sum(
        1 for c in b if any(abs(c.x0 - x) <= tolerance for x in lefts) or any(abs(c.x1 - x) <= tolerance for x in rights)
    )
    return matches >= 2


def _ruled_rows(table: RawTable) -> list[LineRecord]:
    lines = []
    for cells, (x0, top, x1, bottom) in zip(table.rows, table.row_boxes):
        line = LineRecord(" | ".join(cells), x0, top, x1, bottom, 0.0, False, kind="table_row", cells=tuple(cells))
        lines.append(line)
    return lines


def _mark_headings(lines: list[LineRecord], body: float) -> None:
    """Paragraphs of at most three heading-like lines become headings.

    A paragraph of two or three lines ending in a full stop or comma reads as a bold
    sentence, not a heading; the line after a heading starts a new paragraph.
    """
    paragraph: list[LineRecord] = []
    for line in lines + [None]:  # type: ignore[list-item]
        if line is not None and line.kind == "margin_note":
            continue
        if line is not None and paragraph and not line.para_break and line.kind == paragraph[-1].kind:
            paragraph.append(line)
            continue
        if paragraph and _heading_paragraph(paragraph, body):
            for heading in paragraph:
                heading.kind = "heading"
                heading.level = 1 if heading.size >= 1.4 * body else 2 if heading.size >= _HEADING_SIZE * body else 3
            if line is not None:
                line.para_break = True
        paragraph = [line] if line is not None else []


def _heading_paragraph(paragraph: list[LineRecord], body: float) -> bool:
    first = paragraph[0]
    if first.kind != "body" or len(paragraph) > _MAX_HEADING_RUN or not first.para_break or first.text[:1].islower():
        return False  # a heading starts a paragraph, and not in lower case
    if not all(_heading_like(line, body) for line in paragraph):
        return False
    last = paragraph[-1].text
    if last.endswith(("-", ",")):
        return False  # runs on into the next line
    return len(paragraph) == 1 or not last.endswith((".", ";"))


def _heading_like(line: LineRecord, body: float) -> bool:
    text = line.text
    if len(text) > 100 or len(text.split()) > 15 or not any(ch.isalpha() for ch in text):
        return False
    return line.bold or line.size >= _HEADING_SIZE * body


def _mark_paragraphs(lines: list[LineRecord], previous: LineRecord | None, body: float, *, first_on_page: bool) -> None:
    """Set ``para_break`` on a block's lines; ``previous`` is the last line read before the block."""
    flow = [line for line in lines if line.kind != "margin_note"]
    if not flow:
        return
    gaps = sorted(b.top - a.bottom for a, b in zip(flow, flow[1:]) if a.kind == b.kind == "body")
    usual_gap = gaps[len(gaps) // 4] if gaps else 0.3 * body  # lower quartile: short paragraphs are common
    lefts = Counter(round(line.x0) for line in flow if line.kind == "body")
    margin = lefts.most_common(1)[0][0] if lefts else min(line.x0 for line in flow)
    right = max(line.x1 for line in flow)
    full = sum(1 for line in flow if line.kind == "body" and line.x1 >= right - body)
    justified = full >= 0.6 * max(1, sum(1 for line in flow if line.kind == "body")) and len(flow) >= 4
    for k, line in enumerate(flow):
        prev = flow[k - 1] if k else previous
        size = line.size or body
        if prev is None:
            line.para_break = first_on_page and not line.text[:1].islower()
        elif line.kind != prev.kind:
            line.para_break = True
        elif line.kind == "table_row":
            continue
        elif k == 0:  # the block continues the previous one (next column) unless it shows otherwise
            line.para_break = _new_paragraph_after_block(line, prev, margin, size)
        elif line.top - prev.bottom > usual_gap + 0.5 * size:
            line.para_break = True
        elif (line.bold != prev.bold or abs(line.size - prev.size) > 0.5) and not prev.text.endswith(("-", ",")):
            line.para_break = True  # a change of font (not mid-word or mid-list): a heading and its text
        elif line.kind == "body":
            nxt = flow[k + 1] if k + 1 < len(flow) else None
            indent = line.x0 - margin
            if 0.6 * size <= indent <= 5 * size and prev.x0 <= margin + 0.3 * size and not _HANGING.match(prev.text):
                if nxt is None or nxt.x0 <= margin + 0.3 * size:  # a first-line indent, not an indented block
                    line.para_break = True
                    continue
            if justified and prev.x1 < right - 2 * size and prev.text.endswith(_SENTENCE_END):
                line.para_break = not line.text[:1].islower()


def _new_paragraph_after_block(line: LineRecord, prev: LineRecord, margin: float, size: float) -> bool:
    """Whether the first line of a block (a new column) starts a paragraph."""
    if line.text[:1].islower() or prev.text.endswith(("-", ",")):
        return False
    if prev.text.endswith(_SENTENCE_END) or line.bold != prev.bold or abs(line.size - prev.size) > 0.5:
        return True
    return line.x0 - margin >= 0.6 * size
