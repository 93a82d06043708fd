"""Read a PDF into a :class:`~minutes_nlp.readers.document.Document`.

Two backends behind one interface: ``pypdfium2`` (default, fast) and ``pdfplumber``.
Each turns a page into positioned text runs with fonts (:mod:`.fragments`); shared
code then removes running headers/footers (:mod:`.running`), finds ruled tables
(:mod:`.tables`), puts columns in reading order (:mod:`.columns`), builds lines,
notes, table rows, paragraphs and headings (:mod:`.layout`) and mends words split at
line ends (:mod:`.hyphens`).

Example:
    >>> from minutes_nlp.readers.pdf import read_pdf
    >>> doc = read_pdf(open("minutes.pdf", "rb").read(), path=None)   # doctest: +SKIP
    >>> doc.pages[0].lines[0].kind, doc.warnings                       # doctest: +SKIP
    ('heading', ())
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pypdfium2

from minutes_nlp.readers.document import Document, Line, Page, sha256_bytes
from minutes_nlp.readers.pdf import pdfium, plumber
from minutes_nlp.readers.pdf.fragments import RawPage
from minutes_nlp.readers.pdf.hyphens import join_hyphens
from minutes_nlp.readers.pdf.layout import LineRecord, body_font_size, lay_out
from minutes_nlp.readers.pdf.running import remove_running_lines
from minutes_nlp.readers.settings import ReaderSettings

logger = logging.getLogger(__name__)

__all__ = ["read_pdf"]

NO_TEXT_WARNING = "page {page}: no text layer (scanned image?); OCR is needed to read it"
BLANK_WARNING = "page {page}: no text layer (blank page, or a scan drawn as vector art?); OCR is needed to read it"
_MIN_PAGE_RUNS = 8  # a page with fewer runs of text takes the document's body font size
_METADATA_KEYS = ("Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate")


def read_pdf(
    data: bytes,
    *,
    path: Path | None = None,
    settings: ReaderSettings | dict[str, Any] | None = None,
) -> Document:
    """Read PDF bytes into a Document of pages of lines in reading order.

    ``metadata`` holds the PDF's own (title, author, creator, producer, dates) and
    ``backend``, ``page_count`` and ``tables`` (ruled tables found); ``warnings`` name
    the pages with no text layer.

    Example:
        >>> doc = read_pdf(data, path=Path("m.pdf"), settings={"backend": "pdfplumber"})   # doctest: +SKIP

    Raises:
        EncryptedPdfError: the PDF needs a password.
        ReaderError: the PDF is damaged or truncated (the message names the file).
    """
    settings = ReaderSettings.resolve(settings)
    warnings: list[str] = []
    pdf = pdfium.open_document(data, path)  # validates the file for both backends
    try:
        metadata = _metadata(pdf)
        if settings.backend == "pdfplumber":
            raw_pages = plumber.read_pages(data, path, tables=settings.extract_tables)
        else:
            raw_pages = [_read_pdfium_page(pdf, i, settings, warnings) for i in range(len(pdf))]
    finally:
        pdf.close()
    pages = _clean_pages(raw_pages, settings, warnings)
    metadata.update(
        backend=settings.backend,
        page_count=len(pages),
        tables=sum(len(raw.tables) for raw in raw_pages),
    )
    return Document(path, "pdf", pages, sha256=sha256_bytes(data), warnings=tuple(warnings), metadata=metadata)


def _clean_pages(raw_pages: list[RawPage], settings: ReaderSettings, warnings: list[str]) -> tuple[Page, ...]:
    """The shared cleaning: headers/footers, reading order, lines, hyphens; warnings appended."""
    for raw in raw_pages:
        if not raw.has_text:
            template = NO_TEXT_WARNING if raw.has_images else BLANK_WARNING
            warnings.append(template.format(page=raw.number))
    if settings.drop_running_headers:
        remove_running_lines(raw_pages)
    document_size = body_font_size([f for raw in raw_pages for f in raw.fragments]) or 10.0
    page_lines: list[list[LineRecord]] = []
    for raw in raw_pages:
        enough = len(raw.fragments) >= _MIN_PAGE_RUNS
        body = body_font_size(raw.fragments) if enough else document_size
        page_lines.append(_lay_out_page(raw, body or document_size, settings, warnings))
    if settings.join_hyphens:
        join_hyphens(page_lines)
    return tuple(
        Page(
            raw.number,
            tuple(_freeze(line, raw.number) for line in lines),
            width=round(raw.width, 2),
            height=round(raw.height, 2),
        )
        for raw, lines in zip(raw_pages, page_lines)
    )


def _lay_out_page(raw: RawPage, body: float, settings: ReaderSettings, warnings: list[str]) -> list[LineRecord]:
    """The page's lines; a page the layout code fails on keeps its runs top to bottom.

    Minutes come from many generators: one odd page must not lose the whole document.
    """
    try:
        return lay_out(raw, body_size=body, detect_columns=settings.detect_columns)
    except Exception as exc:  # noqa: BLE001 - a bug on one odd page: degrade, say so
        logger.warning("page %d: layout failed (%s: %s); runs kept top to bottom", raw.number, type(exc).__name__, exc)
        warnings.append(f"page {raw.number}: the layout could not be worked out; lines are given top to bottom")
        return sorted(raw.fragments, key=lambda f: (f.top, f.x0))


def _read_pdfium_page(pdf: pypdfium2.PdfDocument, index: int, settings: ReaderSettings, warnings: list[str]) -> RawPage:
    try:
        return pdfium.read_page(pdf, index, tables=settings.extract_tables)
    except pypdfium2.PdfiumError as exc:
        warnings.append(f"page {index + 1}: could not be read ({exc}); skipped")
        logger.warning("page %d could not be read: %s", index + 1, exc)
        return RawPage(index + 1, 0.0, 0.0)


def _metadata(pdf: pypdfium2.PdfDocument) -> dict[str, Any]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety; a broken info dictionary must not stop the read
        return {}
    return {key.lower(): info[key] for key in _METADATA_KEYS if info.get(key)}


def _freeze(line: LineRecord, page_no: int) -> Line:
    return Line(
        line.text,
        page_no,
        (line.x0, line.top, line.x1, line.bottom),
        line.size or None,
        line.bold,
        line.kind,  # type: ignore[arg-type]
        line.para_break,
        line.level,
        line.cells,
    )
