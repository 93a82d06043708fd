"""Ruling lines of a page from PDFium's path objects (for the ruled-table finder).

Only straight, axis-aligned strokes count: a thin path (a line, or a thin filled box)
is one edge; a box gives its four sides; other paths are read segment by segment,
with the transforms of form XObjects applied. Reading objects costs about 1 µs each,
so callers skip pages that hold text objects only (:func:`may_hold_paths`) and
pages crowded with one-glyph text objects (``max_objects``).

Example:
    >>> page = pdf[0]                                  # doctest: +SKIP
    >>> page_edges(page, max_objects=3000)[:1]         # doctest: +SKIP
    [(72.0, 120.5, 523.0, 120.5)]
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes_nlp.readers.pdf.fragments import Edge

__all__ = ["has_images", "may_hold_paths", "page_edges"]

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MIN_EDGE = 6.0  # shorter strokes are glyph-like decorations, not rulings
_THIN = 3.0
_MAX_SEGMENTS = 400


def may_hold_paths(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> bool:
    """False when every page object is accounted for by a text rectangle (so no drawing).

    PDFium's text rectangles break at each text object; a page with no more objects
    than rectangles holds text objects only (a text object of spaces alone has no
    rectangle, so such pages are scanned anyway).
    """
    n_objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    n_rects = pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)
    return n_objects > n_rects


def has_images(page: pdfium.PdfPage) -> bool:
    """Whether the page draws an image (or a form XObject, which may hold one)."""
    raw = page.raw
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    return any(
        pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, j)) in kinds
        for j in range(pdfium_c.FPDFPage_CountObjects(raw))
    )


def page_edges(page: pdfium.PdfPage, *, max_objects: int | None) -> list[Edge] | None:
    """Axis-aligned straight strokes and box sides of a page, top-left coordinates.

    ``None`` when the page holds more than ``max_objects`` objects.
    """
    raw = page.raw
    n = pdfium_c.FPDFPage_CountObjects(raw)
    if max_objects is not None and n > max_objects:
        return None
    left, _, _, top = page.get_bbox()
    edges: list[Edge] = []
    _collect_edges(raw, None, n, _IDENTITY, edges, depth=0)
    return [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in edges]


def _collect_edges(page, form, n: int, outer: _Matrix, out: list, *, depth: int) -> None:
    """Edges of the ``n`` objects of ``page`` (or of the form object ``form``), recursing into forms."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    get_type = pdfium_c.FPDFPageObj_GetType
    if form is None:
        get_object, container = pdfium_c.FPDFPage_GetObject, page
    else:
        get_object, container = pdfium_c.FPDFFormObj_GetObject, form
    identity = outer == _IDENTITY
    for j in range(n):
        obj = get_object(container, j)
        kind = get_type(obj)
        if kind != path_type:
            if kind == form_type and depth < 3:
                pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
                inner = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                _collect_edges(page, obj, pdfium_c.FPDFFormObj_CountObjects(obj), inner, out, depth=depth + 1)
            continue
        if identity and pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
            width, height = r.value - l.value, t.value - b.value
            if (width <= _THIN and height >= _MIN_EDGE) or (height <= _THIN and width >= _MIN_EDGE):
                if width <= _THIN:  # a vertical rule (a line or a thin filled box)
                    x = (l.value + r.value) / 2
                    out.append((x, b.value, x, t.value))
                else:
                    y = (b.value + t.value) / 2
                    out.append((l.value, y, r.value, y))
                continue
            if width < _MIN_EDGE and height < _MIN_EDGE:
                continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
        if identity and matrix.b == 0 and matrix.c == 0 and pdfium_c.FPDFPath_CountSegments(obj) in (4, 5):
            # a box (a cell border drawn as a rectangle): its sides are its bounds
            out += [(l.value, b.value, r.value, b.value), (l.value, t.value, r.value, t.value),
                    (l.value, b.value, l.value, t.value), (r.value, b.value, r.value, t.value)]
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        _path_edges(obj, m, out)


def _path_edges(obj, m: _Matrix, out: list) -> None:
    """Straight axis-aligned segments of a path object (box sides included)."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0 or n > _MAX_SEGMENTS:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    lineto, moveto = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
    a, b, c, d, e, f = m
    start = prev = None
    for k in range(n):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == moveto:
            start = prev = point
            continue
        if kind == lineto and prev is not None:
            _add_segment(prev, point, out)
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_segment(point, start, out)
            prev = start


def _add_segment(p: tuple[float, float], q: tuple[float, float], out: list) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= 1 and abs(x1 - x0) >= _MIN_EDGE:
        y = (y0 + y1) / 2
        out.append((min(x0, x1), y, max(x0, x1), y))
    elif abs(x1 - x0) <= 1 and abs(y1 - y0) >= _MIN_EDGE:
        x = (x0 + x1) / 2
        out.append((x, min(y0, y1), x, max(y0, y1)))


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying ``inner`` first, then ``outer`` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )
