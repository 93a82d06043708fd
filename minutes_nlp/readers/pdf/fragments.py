"""What a PDF backend hands the shared layout code: positioned text runs, tables, pages.

Both backends (pypdfium2, pdfplumber) turn a page into :class:`Fragment` objects: runs of
text on one visual line with no wide gap inside, each with a box and a font. Everything
after that (headers, columns, margin notes, hyphens, paragraphs) is shared code.

Example:
    >>> f = Fragment("Noted", 500.0, 100.0, 530.0, 110.0, 10.0, False)
    >>> f.width, f.middle
    (30.0, 105.0)
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Edge", "Fragment", "RawPage", "RawTable"]

Edge = tuple[float, float, float, float]
"""A ruling line segment ``(x0, top, x1, bottom)``: horizontal when top == bottom, else vertical."""


@dataclass(slots=True)
class Fragment:
    """A run of text on one line, coordinates in points from the page's top-left corner.

    ``seq`` is the order in which the backend met the run (the order the PDF wrote it);
    ``soft_hyphen`` is true when the run ends in a hyphen the backend flagged as splitting
    a word across lines (pypdfium2's U+FFFE marker). The layout code builds its lines
    out of the same objects (one class keeps the per-line cost down): ``kind``,
    ``para_break``, ``cells`` and ``level`` are filled in there, as on
    :class:`~minutes_nlp.readers.document.Line`.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    seq: int = 0
    soft_hyphen: bool = False
    kind: str = "body"
    para_break: bool = False
    cells: tuple[str, ...] | None = None
    level: int = 0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class RawTable:
    """A ruled table found on a page: its box and its rows of cell texts (top to bottom)."""

    bbox: tuple[float, float, float, float]
    rows: list[tuple[str, ...]]
    row_boxes: list[tuple[float, float, float, float]]


@dataclass(slots=True)
class RawPage:
    """One page as a backend read it, before any cleaning.

    ``has_text`` is false for a page with no text layer (a scan or a blank page);
    ``has_images`` tells the two apart for the warning. ``edges`` are the page's ruling
    lines, or ``None`` when the backend did not look (too costly on this page).
    """

    number: int
    width: float
    height: float
    fragments: list[Fragment] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    has_text: bool = True
    has_images: bool = False
    edges: list[Edge] | None = None
