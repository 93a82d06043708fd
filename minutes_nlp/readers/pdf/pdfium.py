"""The fast backend: pypdfium2 turns each page into positioned text runs with fonts.

PDFium already assembles text into lines (ending them with ``\\r\\n``) and flags a
hyphen it found at a line end between two letters with U+FFFE. Asking PDFium for every
character's box from Python costs about 2 µs a call, which on a newspaper page of
9,000 characters is slower than the whole text extraction. So this module works per
line: one call for the page's text, then a few calls per line (the loose boxes of its
first and last characters, the font of the first). Only a line that may hide a wide
gap (its text rectangles, one per text object, are far apart; or, with one object per
glyph, it is much wider or longer than the page's lines) is looked at word by word,
and only a line whose ends disagree (PDFium merged two lines) character by character.

Example:
    >>> from minutes_nlp.readers.pdf.pdfium import open_document, read_page
    >>> pdf = open_document(open("minutes.pdf", "rb").read(), None)   # doctest: +SKIP
    >>> [f.text for f in read_page(pdf, 0).fragments][:2]              # doctest: +SKIP
    ['MINUTES', 'Present: Cllr Cooper']
"""
from __future__ import annotations

import bisect
import ctypes
import logging
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes_nlp.errors import EncryptedPdfError, ReaderError
from minutes_nlp.readers.pdf.fragments import Fragment, RawPage
from minutes_nlp.readers.pdf.rulings import has_images, may_hold_paths, page_edges
from minutes_nlp.readers.pdf.tables import aligned_runs, fill_grids, find_grids, has_grid

logger = logging.getLogger(__name__)

__all__ = ["GAP_EM", "MAX_OBJECTS_TO_SCAN", "open_document", "page_fragments", "read_page"]

GAP_EM = 1.5
"""A gap wider than this many font sizes splits a line into separate runs (columns, cells, notes)."""

_FORCE_BOLD_FLAG = 1 << 18
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demibold|,b\b|-b\b", re.I)
_SPACES = re.compile(r"\s+")
_SPACED = re.compile(r"(?<!\S)\S(?: \S(?!\S)){2,}")  # "B a r r y": three or more lone characters in a row
_MAX_RECTS = 8  # more text rectangles on one line: one per word or glyph, too many to measure
_ALIGNED_ROWS = 8  # crowded pages are scanned for rulings only when this many rows look tabular
MAX_OBJECTS_TO_SCAN = 3000
"""Ruling lines are collected while reading only on pages with at most this many objects."""


def open_document(data: bytes, path: Path | None) -> pdfium.PdfDocument:
    """Open PDF bytes with PDFium, turning its failures into errors that name the file.

    Raises:
        EncryptedPdfError: the PDF needs a password.
        ReaderError: the PDF is damaged beyond repair (truncated, not a PDF).
    """
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(path, "the PDF is password-protected; remove the password to read it") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(path, "the PDF uses an encryption scheme that cannot be opened") from exc
        raise ReaderError(path, f"the PDF is damaged or truncated and cannot be opened ({exc})") from exc


def read_page(pdf: pdfium.PdfDocument, index: int, *, tables: bool = True) -> RawPage:
    """Read page ``index`` (0-based) into a :class:`RawPage` of fragments (and ruled tables).

    With ``tables``, the page's ruling lines are collected from its path objects when
    that is cheap (at most ``MAX_OBJECTS_TO_SCAN`` objects, about 1 µs each), or when
    the page has runs laid out like table cells; a grid they draw becomes a table,
    its cells filled from PDFium's text while the page is open.
    """
    page = pdf[index]
    try:
        left, bottom, right, top = page.get_bbox()
        raw = RawPage(index + 1, right - left, top - bottom)
        textpage = page.get_textpage()
        try:
            raw.fragments = page_fragments(textpage, left=left, top=top)
            if not raw.fragments:
                raw.has_text = False
                raw.has_images = has_images(page)
            elif tables and may_hold_paths(page, textpage):
                raw.edges = page_edges(page, max_objects=MAX_OBJECTS_TO_SCAN)
                if raw.edges is None and aligned_runs(raw.fragments) >= _ALIGNED_ROWS:
                    raw.edges = page_edges(page, max_objects=None)
                if raw.edges and has_grid(raw.edges):
                    grids = find_grids(raw.edges, page_height=raw.height)
                    if grids:
                        raw.tables = fill_grids(grids, lambda boxes: _texts_in(textpage, boxes, left, top))
        finally:
            textpage.close()
        return raw
    finally:
        page.close()


def _texts_in(textpage: pdfium.PdfTextPage, boxes: list[tuple[float, float, float, float]], left: float, top: float) -> list[str]:
    """The text PDFium finds inside each box (top-left coordinates), on one line each."""
    texts = []
    for x0, y0, x1, y1 in boxes:
        text = textpage.get_text_bounded(x0 + left, top - y1, x1 + left, top - y0)
        texts.append(" ".join(text.replace("\ufffe", "-").split()))
    return texts


def page_fragments(textpage: pdfium.PdfTextPage, *, left: float = 0.0, top: float = 0.0) -> list[Fragment]:
    """Positioned text runs of a text page, in the order PDFium met them.

    ``left``/``top`` are the page box's left and top edges in PDF space, so the
    fragments come out in points from the top-left corner.
    """
    tp = textpage.raw
    n_chars = pdfium_c.FPDFText_CountChars(tp)
    if n_chars <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) == n_chars:
        char_index = None
    else:  # PDFium left chars out of (or added chars to) the text: map through its index
        char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex
    reader = _LineReader(tp, text, char_index, left, top)
    # one text object per glyph (or word): the rectangles say nothing per line, skip them
    reader.glyph_objects = pdfium_c.FPDFText_CountRects(tp, 0, n_chars) > 0.3 * n_chars
    return reader.read_all()


class _LineReader:
    """Turns PDFium's text lines (spans of the page text) into fragments.

    Pass 1 measures each line from the loose boxes of its end characters. Pass 2 adds
    the font (cached by font, glyph and height) and looks inside only the lines that
    may hide a wide gap (:meth:`_may_hide_gap`) or whose ends are not on one line.
    """

    __slots__ = (
        "tp", "text", "char_index", "left", "top", "box", "box2", "matrix", "name", "flags",
        "_bold", "_sizes", "_rect", "out", "glyph_objects", "spaced", "spaced_starts",
    )

    def __init__(self, tp, text: str, char_index, left: float, top: float) -> None:
        self.tp, self.text, self.char_index = tp, text, char_index
        self.left, self.top = left, top
        self.box, self.box2 = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self._bold: dict[bytes, bool] = {}
        self._sizes: dict[tuple[bytes, str, int], float] = {}
        self._rect = tuple(ctypes.c_double() for _ in range(4))
        self.glyph_objects = False
        self.spaced: list[int] = []
        self.spaced_starts: list[int] = []
        self.out: list[Fragment] = []

    def _char(self, text_index: int) -> int:
        return text_index if self.char_index is None else self.char_index(self.tp, text_index)

    def read_all(self) -> list[Fragment]:
        text, tp, box, box2 = self.text, self.tp, self.box, self.box2
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        char_index = self.char_index
        lines = []  # (a, b, ca, x0, top, x1, bottom, soft, first char height); ca = -1: ends disagree
        ratios, lengths = [], []
        for a, b, soft in _spans(text):
            ca = a if char_index is None else char_index(tp, a)
            cb = b if char_index is None else char_index(tp, b)
            if not (loose_box(tp, ca, box) and loose_box(tp, cb, box2)):
                continue
            left0, top0, right0, bottom0 = box.left, box.top, box.right, box.bottom
            left1, top1, right1, bottom1 = box2.left, box2.top, box2.right, box2.bottom
            if bottom1 > top0 or bottom0 > top1 or right1 < left0 - 1:
                lines.append((a, b, -1, 0.0, 0.0, 0.0, 0.0, soft, 0.0))
                continue
            top = top0 if top0 > top1 else top1
            bottom = bottom0 if bottom0 < bottom1 else bottom1
            lines.append((a, b, ca, left0, top, right1, bottom, soft, top0 - bottom0))
            n = b - a + 1
            lengths.append(n)
            if n >= 8 and top > bottom:
                ratios.append((right1 - left0) / (n * (top - bottom)))
        # a char's usual width (per unit of line height) is learnt from the page itself, as
        # fonts differ a lot; the lower quartile, since a table page is mostly gappy lines
        ratios.sort()
        typical = ratios[len(ratios) // 4] if ratios else 0.0
        lengths.sort()
        long_line = 1.6 * lengths[len(lengths) // 2] if lengths else 0  # twice a column's line: merged?
        out = self.out
        font_info = pdfium_c.FPDFText_GetFontInfo
        name_buffer, flags = self.name, self.flags
        bold_fonts, sizes = self._bold, self._sizes
        left, page_top = self.left, self.top
        glyphs = self.glyph_objects
        # letter-spaced words ("B a r r y"), found once over the page
        stretches = [m.span() for m in _SPACED.finditer(text)]
        self.spaced_starts = [start for start, _ in stretches]
        spaced = self.spaced = [end for _, end in stretches]
        for a, b, ca, x0, top, x1, bottom, soft, char_height in lines:
            if ca < 0:
                self._read_chars(a, b)
                continue
            # font (inlined: this loop runs once per line of every page)
            height = top - bottom
            font_info(tp, ca, name_buffer, 128, flags)
            name = name_buffer.value
            key = (name, text[a], int(char_height * 100))
            size = sizes.get(key)
            if size is None:
                size = sizes[key] = self._size(ca)
            bold = bool(flags.value & _FORCE_BOLD_FLAG) or bold_fonts.get(name)
            if bold is None:
                bold = self._is_bold(ca)
            if text.find(" ", a, b) >= 0:
                n = b - a + 1
                if glyphs:  # one rectangle per glyph: judge by width and length
                    hidden = n > long_line or x1 - x0 > n * max(typical * 1.3 * height, size * 0.45) + size * GAP_EM
                else:
                    hidden = self._may_hide_gap(ca, n, x1 - x0, height, size, typical)
                if hidden:
                    self._read_words(a, b, size, soft)
                    continue
            if bold and b > a:
                bold = self._is_bold(b if char_index is None else char_index(tp, b))
            run = text[a : b + 1]
            if soft:
                run = run.replace("\ufffe", "-")
            if spaced and a < spaced[-1] and self._spaced_between(a, b):
                run = self._close_up(a, run, size)
            out.append(
                Fragment(
                    run,
                    x0 - left, page_top - top, x1 - left, page_top - bottom,
                    size, bold, len(out), soft,
                )
            )
        return out

    def _may_hide_gap(self, ca: int, n: int, width: float, height: float, size: float, typical: float) -> bool:
        """Whether a line may hold a gap wider than GAP_EM, judged without reading its chars.

        PDFium's text rectangles break where the PDF's text objects do: with a few of
        them on the line their gaps are measured directly; with one (or one per glyph)
        the line is suspect only when it is much wider than its characters need.
        """
        tp = self.tp
        k = pdfium_c.FPDFText_CountRects(tp, ca, n)
        if 2 <= k <= _MAX_RECTS:
            l, t, r, bt = self._rect
            edges = []
            for j in range(k):
                pdfium_c.FPDFText_GetRect(tp, j, l, t, r, bt)
                edges.append((l.value, r.value))
            edges.sort()
            reach = edges[0][1]
            for left, right in edges[1:]:
                if left - reach > size * GAP_EM:
                    return True
                reach = max(reach, right)
            return False
        return width > n * max(typical * 1.3 * height, size * 0.45) + size * GAP_EM

    def _read_words(self, a: int, b: int, size: float, soft: bool) -> None:
        """Split a wide line at gaps wider than GAP_EM, looking only at the spaces."""
        text, tp, box, box2 = self.text, self.tp, self.box, self.box2
        run_start = a
        gap_limit = size * GAP_EM
        for match in _SPACES.finditer(text, a, b + 1):
            before, after = match.start() - 1, match.end()
            pdfium_c.FPDFText_GetLooseCharBox(tp, self._char(before), box)
            pdfium_c.FPDFText_GetLooseCharBox(tp, self._char(after), box2)
            if box2.left - box.right > gap_limit or box2.bottom > box.top or box.bottom > box2.top:
                self._emit(run_start, before, False)
                run_start = after
        self._emit(run_start, b, soft)

    def _read_chars(self, a: int, b: int) -> None:
        """Split a span char by char wherever the next char is not on the same line nearby."""
        text, tp, box = self.text, self.tp, pdfium_c.FS_RECTF()  # own box: _emit reuses self.box
        run_start, last, prev = -1, -1, None  # prev: (right, top, bottom, size)
        prev_size = 0.0
        for i in range(a, b + 1):
            if text[i].isspace():
                continue
            if not pdfium_c.FPDFText_GetLooseCharBox(tp, self._char(i), box):
                continue
            if prev is not None:
                right, ptop, pbottom, psize = prev
                if box.bottom > ptop or pbottom > box.top or box.left < right - psize or box.left - right > psize * GAP_EM:
                    self._emit(run_start, last, False)
                    run_start = -1
            if run_start < 0:
                run_start = i
                prev_size = self._size(self._char(i))
            prev = (box.right, box.top, box.bottom, prev_size)
            last = i
        if run_start >= 0:
            self._emit(run_start, last, text[last] == "\ufffe")

    def _emit(self, a: int, b: int, soft: bool) -> None:
        text = self.text
        while a <= b and text[a].isspace():
            a += 1
        while b >= a and text[b].isspace():
            b -= 1
        if a > b:
            return
        ca, cb = self._char(a), self._char(b)
        box, box2 = self.box, self.box2
        pdfium_c.FPDFText_GetLooseCharBox(self.tp, ca, box)
        pdfium_c.FPDFText_GetLooseCharBox(self.tp, cb, box2)
        x0, x1 = min(box.left, box2.left) - self.left, max(box.right, box2.right) - self.left
        top, bottom = self.top - max(box.top, box2.top), self.top - min(box.bottom, box2.bottom)
        bold = self._is_bold(ca)
        if bold and cb != ca:
            bold = self._is_bold(cb)
        size = self._size(ca)
        run = text[a : b + 1].replace("\ufffe", "-")
        if self.spaced and self._spaced_between(a, b):
            run = self._close_up(a, run, size)
        self.out.append(
            Fragment(
                run,
                x0,
                top,
                x1,
                bottom,
                size,
                bold,
                len(self.out),
                soft and text[b] == "\ufffe",
            )
        )

    def _spaced_between(self, a: int, b: int) -> bool:
        """Whether a letter-spaced stretch overlaps text[a:b+1]."""
        k = bisect.bisect_right(self.spaced, a)  # the first stretch ending after a
        return k < len(self.spaced) and self.spaced_starts[k] <= b

    def _close_up(self, a: int, run: str, size: float) -> str:
        """Drop spaces between letters that touch ("B a r r y" set with tracking -> "Barry").

        Some typesetters letter-space a word by putting space characters between its
        glyphs without moving them apart; PDFium reports those spaces. A space whose
        neighbours are closer than a tenth of the font size is no space on the page.
        """
        tp, box, box2 = self.tp, self.box, self.box2
        drop = set()
        for k in range(1, len(run) - 1):
            if run[k] == " " and run[k - 1] != " " and run[k + 1] != " ":
                pdfium_c.FPDFText_GetLooseCharBox(tp, self._char(a + k - 1), box)
                pdfium_c.FPDFText_GetLooseCharBox(tp, self._char(a + k + 1), box2)
                if box2.left - box.right < 0.1 * size:
                    drop.add(k)
        if not drop:
            return run
        return "".join(ch for k, ch in enumerate(run) if k not in drop)

    def _size(self, char: int) -> float:
        """The font size in points, scaled by the text matrix (PDFium reports it unscaled).

        Callers cache it by font, glyph and loose box height: the same glyph of the same
        font at the same height is the same size.
        """
        size = pdfium_c.FPDFText_GetFontSize(self.tp, char)
        m = self.matrix
        if pdfium_c.FPDFText_GetMatrix(self.tp, char, m):
            scale = (m.c * m.c + m.d * m.d) ** 0.5
            if scale > 0:
                size *= scale
        return round(size, 2)

    def _is_bold(self, char: int) -> bool:
        n = pdfium_c.FPDFText_GetFontInfo(self.tp, char, self.name, 128, self.flags)
        if n <= 0:
            return False
        if self.flags.value & _FORCE_BOLD_FLAG:
            return True
        name = self.name.value
        bold = self._bold.get(name)
        if bold is None:
            bold = self._bold[name] = bool(_BOLD_NAME.search(name)) or pdfium_c.FPDFText_GetFontWeight(self.tp, char) >= 600
        return bold


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """(first, last, soft) text indexes of PDFium's lines, spaces trimmed.

    Lines end at ``\r\n`` and after a U+FFFE hyphen marker (PDFium joins the next line
    straight on); ``soft`` says the span ends with that marker.
    """
    spans = []
    start = 0
    for piece in text.split("\r\n"):
        if "\ufffe" in piece:
            parts = piece.split("\ufffe")
            offset = start
            for k, part in enumerate(parts):
                soft = k + 1 < len(parts)
                core = part.strip()
                if core:
                    a = offset + len(part) - len(part.lstrip())
                    b = offset + len(part) if soft else a + len(core) - 1
                    spans.append((a, b, soft))
                offset += len(part) + 1
        else:
            core = piece.strip()
            if core:
                a = start + len(piece) - len(piece.lstrip())
                spans.append((a, a + len(core) - 1, False))
        start += len(piece) + 2
    return spans
