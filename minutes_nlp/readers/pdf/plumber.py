"""The pdfplumber backend: words with fonts, grouped into the same runs PDFium gives.

pdfplumber (pdfminer) is 20-200 times slower than PDFium but reads some odd PDFs
differently; its table finder (``page.find_tables``, ruling lines) gives the tables.
Words are taken in the order the PDF wrote them (``use_text_flow``) and joined into
runs while they stay on one baseline with no gap wider than ``GAP_EM`` font sizes,
which is what :mod:`pdfium` produces, so the shared layout code sees the same input.

Example:
    >>> pages = read_pages(open("minutes.pdf", "rb").read(), None, tables=True)   # doctest: +SKIP
    >>> pages[0].fragments[0].text                                                 # doctest: +SKIP
    'MINUTES'
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any, Iterable

import pdfplumber

from minutes_nlp.errors import ReaderError
from minutes_nlp.readers.pdf.fragments import Edge, Fragment, RawPage, RawTable
from minutes_nlp.readers.pdf.pdfium import GAP_EM
from minutes_nlp.readers.pdf.tables import has_grid

logger = logging.getLogger(__name__)

__all__ = ["read_pages", "words_to_fragments"]

_MAX_ROW_SHARE = 0.3  # as in tables.py: a taller "row" is a layout frame
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|,b\b|-b\b", re.I)


def read_pages(data: bytes, path: Path | None, *, tables: bool) -> list[RawPage]:
    """Every page of a PDF as :class:`RawPage` objects, read with pdfplumber.

    Raises:
        ReaderError: pdfminer cannot parse the file.
    """
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise ReaderError(path, f"pdfplumber cannot parse the PDF: {type(exc).__name__}: {exc}") from exc
    pages = []
    with pdf:
        for index, page in enumerate(pdf.pages):
            try:
                pages.append(_read_page(page, index + 1, tables=tables))
            except Exception as exc:
                raise ReaderError(path, f"pdfplumber cannot read the page: {type(exc).__name__}: {exc}", page=index + 1) from exc
            finally:
                page.close()
    return pages


def _read_page(page: Any, number: int, *, tables: bool) -> RawPage:
    x0, top, x1, bottom = page.bbox
    raw = RawPage(number, x1 - x0, bottom - top)
    chars = page.chars
    if not any(not c["text"].isspace() for c in chars):
        raw.has_text = False
        raw.has_images = bool(page.images)
        return raw
    words = page.extract_words(
        x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=True, extra_attrs=["fontname", "size"]
    )
    raw.fragments = words_to_fragments(_shift(words, x0, top))
    if tables:
        raw.edges = [_edge(e, x0, top) for e in page.edges]
        if has_grid(raw.edges):
            raw.tables = _tables(page, x0, top, raw.height)
    return raw


def _tables(page: Any, dx: float, dy: float, page_height: float) -> list[RawTable]:
    """pdfplumber's own table finder (ruling lines), filtered like the fast backend's grids."""
    tables = []
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        rows, row_boxes = [], []
        for cells, row in zip(table.extract(), table.rows):
            texts = tuple(" ".join((text or "").split()) for text in cells)
            if not any(texts):
                continue
            x0, top, x1, bottom = row.bbox
            if bottom - top > _MAX_ROW_SHARE * page_height:
                rows = []
                break  # a layout frame, not a table
            rows.append(tuple(text for text, cell in zip(texts, row.cells) if cell is not None))
            row_boxes.append((x0 - dx, top - dy, x1 - dx, bottom - dy))
        if sum(1 for cells in rows if sum(1 for text in cells if text) >= 2) >= 2:
            x0, top, x1, bottom = table.bbox
            tables.append(RawTable((x0 - dx, top - dy, x1 - dx, bottom - dy), rows, row_boxes))
    return tables


def words_to_fragments(words: Iterable[dict[str, Any]]) -> list[Fragment]:
    """Join words (in writing order) into runs on one baseline without a wide gap.

    Example:
        >>> w = [{"text": t, "x0": x, "x1": x + 20, "top": 0, "bottom": 10, "size": 10, "fontname": "Arial"}
        ...      for t, x in (("Item", 0), ("five", 24), ("Noted", 300))]
        >>> [f.text for f in words_to_fragments(w)]
        ['Item five', 'Noted']
    """
    fragments: list[Fragment] = []
    last: Fragment | None = None
    for word in words:
        size = float(word.get("size") or (word["bottom"] - word["top"]))
        bold = bool(_BOLD_NAME.search(word.get("fontname", "")))
        if last is not None:
            overlap = min(last.bottom, word["bottom"]) - max(last.top, word["top"])
            gap = word["x0"] - last.x1
            if overlap > 0.5 * min(last.height, word["bottom"] - word["top"]) and -0.5 * size <= gap < GAP_EM * size:
                last.text += ("" if gap < 0.1 * size else " ") + word["text"]
                last.x1 = max(last.x1, word["x1"])
                last.top, last.bottom = min(last.top, word["top"]), max(last.bottom, word["bottom"])
                last.bold = last.bold and bold
                continue
        last = Fragment(word["text"], word["x0"], word["top"], word["x1"], word["bottom"], size, bold, len(fragments))
        fragments.append(last)
    return fragments


def _shift(objs: Iterable[dict[str, Any]], dx: float, dy: float) -> Iterable[dict[str, Any]]:
    if not dx and not dy:
        return objs
    return ({**o, "x0": o["x0"] - dx, "x1": o["x1"] - dx, "top": o["top"] - dy, "bottom": o["bottom"] - dy} for o in objs)


def _edge(e: dict[str, Any], dx: float, dy: float) -> Edge:
    if e["orientation"] == "h":
        return (e["x0"] - dx, e["top"] - dy, e["x1"] - dx, e["top"] - dy)
    return (e["x0"] - dx, e["top"] - dy, e["x0"] - dx, e["bottom"] - dy)
