"""The reader's output: a Document of Pages of Lines, with position and font.

Every reader (PDF, HTML, DOCX, text) returns the same plain, frozen records, so the
stages downstream never need to know where the text came from.

Example:
    >>> doc = Document.from_text("MINUTES\\n\\nPresent: Cllr Cooper", path="m.txt")
    >>> doc.pages[0].lines[1].text
    'Present: Cllr Cooper'
    >>> doc.text
    'MINUTES\\n\\nPresent: Cllr Cooper'
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal

Format = Literal["pdf", "html", "docx", "txt"]
LineKind = Literal["body", "heading", "list_item", "table_row", "margin_note"]
BBox = tuple[float, float, float, float]

__all__ = ["BBox", "Document", "Format", "Line", "LineKind", "Page"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text in reading order.

    ``bbox`` is ``(x0, top, x1, bottom)`` in PDF points from the page's top-left corner
    (as pdfplumber measures), or ``None`` for formats without geometry. ``para_break``
    is true when a new paragraph starts at this line (a vertical gap, a new HTML block,
    a new DOCX paragraph, a blank line in text). ``cells`` holds a table row's cells
    when ``kind == "table_row"``. ``level`` is a heading's level (1 = top) or a list
    item's nesting depth, else 0.
    """

    text: str
    page_no: int
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    kind: LineKind = "body"
    para_break: bool = False
    level: int = 0
    cells: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A page (1-based ``number``) and its lines in reading order."""

    number: int
    lines: tuple[Line, ...]
    width: float | None = None
    height: float | None = None

    @property
    def text(self) -> str:
        """The page's lines joined by newlines, a blank line between paragraphs."""
        return _join_lines(self.lines)


@dataclass(frozen=True)
class Document:
    """A read minutes file: pages of lines, plus what the reader noticed.

    ``warnings`` are kept, never printed ("page 7: no text layer; OCR is needed").
    ``text`` is every page's text, pages separated by a blank line; ``page_offsets``
    gives the character offset where each page starts, so a downstream stage can map
    a character offset back to its page with :meth:`page_at`.
    """

    path: Path | None
    format: Format
    pages: tuple[Page, ...]
    sha256: str = ""
    warnings: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)

    @property
    def page_offsets(self) -> tuple[int, ...]:
        offsets, pos = [], 0
        for page in self.pages:
            offsets.append(pos)
            pos += len(page.text) + 2
        return tuple(offsets)

    def page_at(self, offset: int) -> int:
        """The 1-based number of the page holding character ``offset`` of :attr:`text`."""
        if not self.pages:
            raise ValueError("the document has no pages")
        index = bisect.bisect_right(self.page_offsets, offset) - 1
        return self.pages[max(index, 0)].number

    def lines(self) -> Iterator[Line]:
        """Every line of every page, in reading order."""
        for page in self.pages:
            yield from page.lines

    @property
    def n_words(self) -> int:
        return sum(len(line.text.split()) for line in self.lines())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (``path`` as a string)."""
        data = asdict(self)
        data["path"] = str(self.path) if self.path is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        pages = tuple(
            Page(
                number=p["number"],
                lines=tuple(
                    Line(
                        **{
                            **ln,
                            "bbox": tuple(ln["bbox"]) if ln.get("bbox") else None,
                            "cells": tuple(ln["cells"]) if ln.get("cells") is not None else None,
                        }
                    )
                    for ln in p["lines"]
                ),
                width=p.get("width"),
                height=p.get("height"),
            )
            for p in data["pages"]
        )
        return cls(
            path=Path(data["path"]) if data.get("path") else None,
            format=data["format"],
            pages=pages,
            sha256=data.get("sha256", ""),
            warnings=tuple(data.get("warnings", ())),
            metadata=dict(data.get("metadata", {})),
        )

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        path: Path | str | None = None,
        format: Format = "txt",
        warnings: tuple[str, ...] = (),
    ) -> "Document":
        """A one-page document from plain text; blank lines mark paragraphs.

        Form feeds (``\\f``) start a new page.
        """
        pages = []
        for number, page_text in enumerate(text.split("\f"), start=1):
            lines, pending_break = [], False
            for raw in page_text.splitlines():
                stripped = raw.strip()
                if not stripped:
                    pending_break = True
                    continue
                lines.append(Line(stripped, number, para_break=pending_break and bool(lines)))
                pending_break = False
            pages.append(Page(number, tuple(lines)))
        return cls(
            path=Path(path) if path is not None else None,
            format=format,
            pages=tuple(pages),
            sha256=sha256_bytes(text.encode("utf-8")),
            warnings=warnings,
        )


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data`` (documents are identified by their content)."""
    return hashlib.sha256(data).hexdigest()


def _join_lines(lines: tuple[Line, ...]) -> str:
    parts: list[str] = []
    for line in lines:
        if parts:
            parts.append("\n\n" if line.para_break else "\n")
        parts.append(line.text)
    return "".join(parts)
