"""Build small PDFs with fpdf2 for the PDF reader tests (and the reader benchmark).

Every builder returns the PDF as bytes. Coordinates are points from the top-left
corner; ``y`` is a line's baseline. Text is invented for the tests.

Example:
    >>> data = lines_pdf([[Text(72, 100, "MINUTES", size=14, style="B")]])
    >>> data[:5]
    b'%PDF-'
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterable, Sequence

from fpdf import FPDF

__all__ = [
    "Text",
    "columns_pdf",
    "encrypted_pdf",
    "lines_pdf",
    "minutes_paragraphs",
    "minutes_pdf",
    "newspaper_pdf",
    "paragraph_lines",
    "table_pdf",
    "tables_pdf",
    "wrap",
]

WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0
FONT = "Helvetica"


@dataclass(frozen=True)
class Text:
    """A string placed with its baseline at (x, y); ``style`` is "", "B", "I" or "BI"."""

    x: float
    y: float
    text: str
    size: float = 10.0
    style: str = ""


def _new_pdf() -> FPDF:
    pdf = FPDF(unit="pt", format=(WIDTH, HEIGHT))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    return pdf


def _place(pdf: FPDF, items: Iterable[Text]) -> None:
    for item in items:
        pdf.set_font(FONT, item.style, item.size)
        pdf.text(item.x, item.y, item.text)


def _bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def wrap(text: str, width: float, *, size: float = 10.0, style: str = "") -> list[str]:
    """Greedy line breaking of ``text`` into lines at most ``width`` points wide."""
    pdf = _new_pdf()
    pdf.set_font(FONT, style, size)
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and pdf.get_string_width(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def lines_pdf(
    pages: Sequence[Sequence[Text]],
    *,
    header: str | None = None,
    footer: str | None = None,
    header_first: bool = False,
    images: dict[int, tuple[float, float, float, float]] | None = None,
    rules: dict[int, Sequence[tuple[float, float, float, float]]] | None = None,
) -> bytes:
    """A PDF whose page ``k`` holds the texts ``pages[k]``.

    ``header``/``footer`` are written on every page (``{page}`` and ``{pages}`` are
    filled in), *before* the body when ``header_first`` else after it, so the order
    in the file never matches the order on the page. ``images`` puts a grey image
    (x, y, w, h) on a page (0-based index); ``rules`` draws lines (x0, y0, x1, y1).
    """
    pdf = _new_pdf()
    total = len(pages)
    for index, items in enumerate(pages):
        pdf.add_page()
        running = []
        if header is not None:
            running.append(Text(LEFT, 40, header.format(page=index + 1, pages=total), size=8))
        if footer is not None:
            running.append(Text(WIDTH / 2 - 20, HEIGHT - 36, footer.format(page=index + 1, pages=total), size=8))
        if header_first:
            _place(pdf, running)
        _place(pdf, items)
        if not header_first:
            _place(pdf, running)
        for x0, y0, x1, y1 in (rules or {}).get(index, ()):
            pdf.line(x0, y0, x1, y1)
        if images and index in images:
            x, y, w, h = images[index]
            pdf.image(_grey_png(), x=x, y=y, w=w, h=h)
    return _bytes(pdf)


def _grey_png() -> io.BytesIO:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (40, 40), color=128).save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def paragraph_lines(
    paragraphs: Sequence[str],
    *,
    x: float = LEFT,
    y: float = 100,
    width: float = RIGHT - LEFT,
    size: float = 10.0,
    leading: float = 1.25,
    gap: float = 1.0,
) -> tuple[list[Text], float]:
    """Paragraphs wrapped and placed top-down; returns the texts and the next free y."""
    items = []
    for paragraph in paragraphs:
        for line in wrap(paragraph, width, size=size):
            items.append(Text(x, y, line, size=size))
            y += size * leading
        y += size * gap
    return items, y


_TOPICS = ("the library opening hours", "the new cycle path", "street lighting on the high street", "the allotment waiting list",
           "flood defences by the river", "the youth club lease", "grass cutting contracts", "the war memorial repairs",
           "parking near the school", "the annual budget", "bus shelter cleaning", "the village hall roof")
_VERBS = ("considered", "discussed", "noted", "reviewed", "debated", "welcomed")


def minutes_paragraphs(page: int, count: int = 8) -> list[str]:
    """Invented minute paragraphs for page ``page`` (1-based), different on every page."""
    paragraphs = []
    for k in range(count):
        topic = _TOPICS[(page * 5 + k) % len(_TOPICS)]
        verb = _VERBS[(page + k) % len(_VERBS)]
        paragraphs.append(
            f"{page}.{k + 1} The committee {verb} a report on {topic}. Members asked about costs, "
            f"timing and how residents would be consulted, and the officer agreed to report back."
        )
    return paragraphs


def minutes_pdf(
    n_pages: int,
    paragraphs_per_page: Sequence[Sequence[str]] | None = None,
    *,
    header: str | None = "Planning Committee 12 March 2024",
    footer: str | None = "Page {page} of {pages}",
    heading: str | None = "Minutes of the Planning Committee",
) -> bytes:
    """Single-column minutes: a bold heading on page 1, paragraphs, running header and footer.

    The header and footer are written before the body, so in the file's own order the
    page number comes first.
    """
    pages = []
    for index in range(n_pages):
        paragraphs = paragraphs_per_page[index] if paragraphs_per_page is not None else minutes_paragraphs(index + 1)
        items: list[Text] = []
        y = 90.0
        if heading is not None and index == 0:
            items.append(Text(LEFT, y, heading, size=14, style="B"))
            y += 30
        body, _ = paragraph_lines(paragraphs, y=y)
        pages.append(items + body)
    return lines_pdf(pages, header=header, footer=footer, header_first=True)


def columns_pdf(
    n_columns: int,
    paragraphs: Sequence[str],
    *,
    title: str | None = "The Council Gazette",
    footer_block: str | None = None,
    row_major: bool = False,
    size: float = 9.0,
    gutter: float = 14.0,
) -> bytes:
    """One page of ``n_columns`` columns under a full-width title (newspaper layout).

    Paragraphs flow down the first column, then the next; lines share one baseline grid.
    ``footer_block`` adds a full-width paragraph below the columns. With ``row_major``
    the file writes the page row by row across the columns (order in the file then
    differs from reading order).
    """
    width = (RIGHT - LEFT - gutter * (n_columns - 1)) / n_columns
    lines: list[str | None] = []  # None marks a paragraph gap
    for paragraph in paragraphs:
        lines.extend(wrap(paragraph, width, size=size))
        lines.append(None)
    per_column = -(-len(lines) // n_columns)
    top = 140.0 if title else 80.0
    leading = size * 1.3
    placed: list[tuple[int, int, Text]] = []
    for k, line in enumerate(lines):
        column, row = divmod(k, per_column)
        if line is not None:
            x = LEFT + column * (width + gutter)
            placed.append((column, row, Text(x, top + row * leading, line, size=size)))
    if row_major:
        placed.sort(key=lambda item: (item[1], item[0]))
    items = [text for _, _, text in placed]
    if title:
        items.insert(0, Text(LEFT + 60, 100, title, size=20, style="B"))
    if footer_block:
        below = top + per_column * leading + 20
        block, _ = paragraph_lines([footer_block], y=below, size=size)
        items.extend(block)
    return lines_pdf([items])


def newspaper_pdf(n_pages: int, *, n_columns: int = 3, size: float = 8.0) -> bytes:
    """Pages of ``n_columns`` justified-looking columns under a running header and page number."""
    gutter = 12.0
    width = (RIGHT - LEFT - gutter * (n_columns - 1)) / n_columns
    pages = []
    for page in range(1, n_pages + 1):
        items = [Text(LEFT, 40, f"{page} The Borough Record March 6, 2024", size=8)]
        for column in range(n_columns):
            x = LEFT + column * (width + gutter)
            y = 80.0
            k = 0
            while y < HEIGHT - 80:
                paragraph = minutes_paragraphs(page * 7 + column, count=12)[k % 12]
                for line in wrap(paragraph, width, size=size):
                    if y >= HEIGHT - 80:
                        break
                    items.append(Text(x, y, line, size=size))
                    y += size * 1.2
                y += size * 0.6
                k += 1
        pages.append(items)
    return lines_pdf(pages)


def tables_pdf(n_pages: int, *, rows: int = 20) -> bytes:
    """Pages each holding a ruled vote table between two paragraphs."""
    pdf = _new_pdf()
    for page in range(1, n_pages + 1):
        pdf.add_page()
        pdf.set_font(FONT, "", 10)
        topic = _TOPICS[page % len(_TOPICS)]
        pdf.text(LEFT, 80, f"The amendment on {topic} was put to the vote; the votes were recorded as follows.")
        pdf.set_xy(LEFT, 95)
        with pdf.table(width=RIGHT - LEFT, line_height=14, first_row_as_headings=False, borders_layout="ALL") as table:
            for k in range(rows):
                row = table.row()
                for value in (f"Councillor {page}-{k}", ("For", "Against", "Abstain")[k % 3], f"Ward {k % 9 + 1}"):
                    row.cell(value)
        pdf.text(LEFT, pdf.get_y() + 24, "The amendment was carried.")
    return _bytes(pdf)


def table_pdf(rows: Sequence[Sequence[str]], *, before: str = "", after: str = "") -> bytes:
    """A ruled table (every cell bordered) between two paragraphs."""
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font(FONT, "", 10)
    y = 90.0
    if before:
        for line in wrap(before, RIGHT - LEFT):
            pdf.text(LEFT, y, line)
            y += 13
    pdf.set_xy(LEFT, y + 6)
    with pdf.table(width=RIGHT - LEFT, line_height=16, first_row_as_headings=False, borders_layout="ALL") as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    y = pdf.get_y() + 24
    if after:
        for line in wrap(after, RIGHT - LEFT):
            pdf.text(LEFT, y, line)
            y += 13
    return _bytes(pdf)


def encrypted_pdf(*, user_password: str = "secret") -> bytes:
    """A one-page PDF that needs ``user_password`` to open."""
    pdf = _new_pdf()
    pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.add_page()
    _place(pdf, [Text(LEFT, 100, "Confidential minutes")])
    return _bytes(pdf)
