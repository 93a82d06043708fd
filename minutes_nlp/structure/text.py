"""A Document's text with its lines' offsets, so every finder can report provenance.

Finders work on :attr:`TextView.text` (the same string as :attr:`Document.text`) and
return character offsets into it; :meth:`TextView.page_at` maps an offset to its page.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text("MINUTES\\n\\n1. Apologies\\nNone."))
    >>> view.text[view.line_starts[1]:view.line_ends[1]]
    '1. Apologies'
    >>> view.line_at(view.text.index("None"))
    2
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from minutes_nlp.readers.document import Document, Line

__all__ = ["TextView"]


@dataclass(frozen=True)
class TextView:
    """The text of a document plus, for each line, where it starts and ends in that text."""

    document: Document
    text: str
    lines: tuple[Line, ...]
    line_starts: tuple[int, ...]
    line_ends: tuple[int, ...]

    @classmethod
    def of(cls, document: Document) -> "TextView":
        parts: list[str] = []
        lines: list[Line] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for page_index, page in enumerate(document.pages):
            if page_index:
                parts.append("\n\n")
                pos += 2
            for line_index, line in enumerate(page.lines):
                if line_index:
                    sep = "\n\n" if line.para_break else "\n"
                    parts.append(sep)
                    pos += len(sep)
                starts.append(pos)
                parts.append(line.text)
                pos += len(line.text)
                ends.append(pos)
                lines.append(line)
        return cls(document, "".join(parts), tuple(lines), tuple(starts), tuple(ends))

    def line_at(self, offset: int) -> int:
        """Index of the line holding (or last starting before) character ``offset``."""
        return max(bisect.bisect_right(self.line_starts, offset) - 1, 0)

    def page_at(self, offset: int) -> int | None:
        """1-based page number of the character at ``offset`` (None for an empty document)."""
        if not self.lines:
            return None
        return self.lines[self.line_at(offset)].page_no

    def pages_between(self, start: int, end: int) -> tuple[int, ...]:
        """The distinct page numbers that the span ``[start, end)`` touches, in order."""
        if not self.lines:
            return ()
        first, last = self.line_at(start), self.line_at(max(start, end - 1))
        return tuple(dict.fromkeys(line.page_no for line in self.lines[first : last + 1]))

    def iter_lines(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, Line]]:
        """``(start, end, line)`` for each line that begins inside ``[start, end)``."""
        end = len(self.text) if end is None else end
        first = bisect.bisect_left(self.line_starts, start)
        for index in range(first, len(self.lines)):
            if self.line_starts[index] >= end:
                break
            yield self.line_starts[index], self.line_ends[index], self.lines[index]

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of each paragraph: runs of lines between paragraph breaks or headings."""
        spans: list[tuple[int, int]] = []
        current: list[int] | None = None
        for index, line in enumerate(self.lines):
            new = (
                current is None
                or line.para_break
                or line.kind in ("heading", "table_row", "list_item")
                or self.lines[index - 1].kind in ("heading", "table_row")
            )
            if new:
                if current is not None:
                    spans.append((current[0], current[1]))
                current = [self.line_starts[index], self.line_ends[index]]
            else:
                current[1] = self.line_ends[index]  # type: ignore[index]
        if current is not None:
            spans.append((current[0], current[1]))
        return tuple(spans)
