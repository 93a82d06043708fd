"""Turn parsed HTML into :class:`Line` records, one per block, keeping the structure.

- ``<h1>``-``<h6>`` (and ``role="heading"``): ``kind="heading"``, ``level`` 1-6;
- ``<li>``: ``kind="list_item"``, ``level`` = nesting depth; an ``<ol>`` item whose
  number is only in the markup gets it as text (``"2. That the fees be agreed."``),
  following ``start``, ``value``, ``type``, ``reversed`` and ``list-style-type``;
- a data table's ``<tr>``: ``kind="table_row"``, ``cells`` = every cell's text (empty
  cells kept, so columns line up) and ``text`` = the non-empty cells joined by ``" | "``;
  layout tables (see :func:`~minutes_nlp.readers.html_content.is_layout_table`) are read
  as blocks, and a layout row's leading number cell ("25.") goes before its first line;
- ``<pre>``: one line per source line; everything else: ``kind="body"``.

``para_break`` is true at each new block and after a blank line (``<br><br>``); lines
split by one ``<br>`` inside a block are separate lines without it. ``bold`` is true when
all of a line's text is in ``<b>``/``<strong>`` or a bold inline style, and for rows of
``<th>`` cells. Whitespace is collapsed, no-break spaces become spaces.

Example:
    >>> import lxml.html
    >>> page = lxml.html.document_fromstring("<h2>5. Planning</h2><p><b>RESOLVED:</b></p><ol><li>Approve.</li></ol>")
    >>> [(line.kind, line.text, line.bold) for line in html_lines([page])]
    [('heading', '5. Planning', False), ('body', 'RESOLVED:', True), ('list_item', '1. Approve.', False)]
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import lxml.etree
from lxml.html import HtmlElement

from minutes_nlp.readers.document import Line, LineKind
from minutes_nlp.readers.html_content import (
    ALWAYS_DROPPED_TAGS,
    BLOCK_TAGS,
    HEADING_TAGS,
    is_layout_table,
    table_rows,
)

logger = logging.getLogger(__name__)

__all__ = ["html_lines", "normalize_space"]

_LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# "3.", "(b)", "iv)", "19/034": text that already carries its list number.
_NUMBERED = re.compile(r"^\(?(\d+[.)/:]|[a-z][.)]\s|[ivxlc]+[.)]\s)", re.I)
# A layout row's number cell: "25.", "4", "12a", "3.2", "45/11", "(b)".
_NUMBER_CELL = re.compile(r"^(\(?[a-z]?\d+[a-z]?(\.\d+)*[.)]?|\d+/\d+|\(?[a-z][.)]|\(?[ivx]+[.)])$", re.I)


def html_lines(elements: list[HtmlElement] | tuple[HtmlElement, ...]) -> list[Line]:
    """The lines of ``elements`` (parsed HTML), read in order as one flow of blocks.

    Example:
        >>> import lxml.html
        >>> [line.text for line in html_lines([lxml.html.fromstring("<div>Item 1<br>Item 2</div>")])]
        ['Item 1', 'Item 2']
    """
    writer = _LineWriter()
    for element in elements:
        writer.walk(element)
    writer.end_block()
    return writer.lines


def normalize_space(text: str) -> str:
    """Collapse whitespace (no-break spaces included) and drop invisible characters.

    Example:
        >>> normalize_space("  Cllr\\u00a0 Ng\\u200b ")
        'Cllr Ng'
    """
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass
class _Frame:
    """What a block element makes of the lines inside it."""

    kind: LineKind = "body"
    level: int = 0


@dataclass
class _LineWriter:
    lines: list[Line] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=lambda: [_Frame()])
    fragments: list[tuple[str, bool]] = field(default_factory=list)
    new_block: bool = False
    n_breaks: int = 0
    bold_depth: int = 0
    pre_depth: int = 0
    lists: list[list[int]] = field(default_factory=list)  # per open list: [next number, step]
    list_labels: list[str | None] = field(default_factory=list)  # per open list: label style
    prefix: str | None = None  # an item number waiting for the next line
    prefix_if_unnumbered: bool = False
    number_cells: set[HtmlElement] = field(default_factory=set)
    skipped: set[HtmlElement] = field(default_factory=set)

    def walk(self, root: HtmlElement) -> None:
        events = lxml.etree.iterwalk(root, events=("start", "end"))
        for event, element in events:
            if not isinstance(element.tag, str):
                if event == "end":
                    self.add_text(element.tail)
                continue
            if event == "start":
                if self.start(element):
                    events.skip_subtree()
                    self.skipped.add(element)
                else:
                    self.add_text(element.text)
            else:
                if element in self.skipped:
                    self.skipped.discard(element)
                else:
                    self.end(element)
                if element is not root:
                    self.add_text(element.tail)

    def start(self, element: HtmlElement) -> bool:
        """Open ``element``; True when its subtree was handled whole (skip it)."""
        tag = element.tag
        if tag in ALWAYS_DROPPED_TAGS or tag == "img":
            return True
        if tag == "br":
            self.end_line()
            self.n_breaks += 1
            return True
        if tag == "table" and not is_layout_table(element):
            self.end_block()
            self.write_table(element)
            return True
        if element in self.number_cells:
            self.end_block()
            self.prefix = normalize_space(element.text_content())
            self.prefix_if_unnumbered = False
            return True
        if _is_bold(element):
            self.bold_depth += 1
        if tag in BLOCK_TAGS or element.get("role") == "heading":
            self.end_block()
            self.frames.append(self.frame_for(element))
            if tag == "pre":
                self.pre_depth += 1
            elif tag == "tr":
                self.mark_number_cell(element)
        return False

    def end(self, element: HtmlElement) -> None:
        tag = element.tag
        if tag in BLOCK_TAGS or element.get("role") == "heading":
            self.end_block()
            self.frames.pop()
            if tag == "pre":
                self.pre_depth -= 1
            elif tag in _LIST_TAGS and self.lists:
                self.lists.pop()
                self.list_labels.pop()
            elif tag == "li" and self.prefix_if_unnumbered:
                self.prefix = None  # an empty item: its number goes with it
        if _is_bold(element):
            self.bold_depth -= 1

    def frame_for(self, element: HtmlElement) -> _Frame:
        tag, parent = element.tag, self.frames[-1]
        if tag in HEADING_TAGS:
            return _Frame("heading", int(tag[1]))
        if element.get("role") == "heading":
            level = element.get("aria-level") or "2"
            return _Frame("heading", int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2)
        if tag in _LIST_TAGS:
            self.open_list(element)
        elif tag == "li":
            self.number_item(element)
            return _Frame("list_item", max(len(self.lists), 1))
        return _Frame(parent.kind, parent.level)

    def open_list(self, element: HtmlElement) -> None:
        label = None
        if element.tag == "ol":
            style = _LIST_STYLE.search(element.get("style") or "")
            label = (style.group(1).lower() if style else None) or (element.get("type") or "1")
            if label in ("none", "disc", "circle", "square"):
                label = None
        items = [child for child in element if child.tag == "li"]
        reversed_ = element.get("reversed") is not None
        start = _int(element.get("start"), len(items) if reversed_ else 1)
        self.lists.append([start, -1 if reversed_ else 1])
        self.list_labels.append(label)

    def number_item(self, element: HtmlElement) -> None:
        if not self.lists or element.getparent() is None or element.getparent().tag not in _LIST_TAGS:
            return
        counter = self.lists[-1]
        number = _int(element.get("value"), counter[0])
        counter[0] = number + counter[1]
        label = self.list_labels[-1]
        if label is not None:
            self.prefix, self.prefix_if_unnumbered = f"{_format_number(number, label)}.", True

    def mark_number_cell(self, row: HtmlElement) -> None:
        """In a layout row, remember a leading number cell ("25.") to put before the next line."""
        cells = [c for c in row if c.tag in ("td", "th") and normalize_space(c.text_content())]
        if len(cells) >= 2 and _NUMBER_CELL.match(normalize_space(cells[0].text_content())):
            self.number_cells.add(cells[0])

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        if self.pre_depth:
            first, *rest = text.split("\n")
            self.fragments.append((first, self.bold_depth > 0))
            for part in rest:
                self.end_line()
                self.n_breaks += 1
                self.fragments.append((part, self.bold_depth > 0))
        else:
            self.fragments.append((text, self.bold_depth > 0))

    def end_block(self) -> None:
        self.end_line()
        self.new_block = True

    def end_line(self) -> None:
        text = normalize_space("".join(text for text, _ in self.fragments))
        bold = all(is_bold for fragment, is_bold in self.fragments if fragment.strip())
        self.fragments.clear()
        if not text:
            return
        if self.prefix is not None:
            if not (self.prefix_if_unnumbered and _NUMBERED.match(text)) and not text.startswith(self.prefix):
                text = f"{self.prefix} {text}"
            self.prefix = None
        frame = self.frames[-1]
        self.append(Line(text, 1, bold=bold, kind=frame.kind, para_break=self.new_block or self.n_breaks >= 2,
                         level=frame.level))

    def append(self, line: Line) -> None:
        if not self.lines:  # the first line starts the document, not a paragraph
            line = Line(line.text, 1, bold=line.bold, kind=line.kind, level=line.level, cells=line.cells)
        self.lines.append(line)
        self.new_block = False
        self.n_breaks = 0

    def write_table(self, table: HtmlElement) -> None:
        caption = table.find("caption")
        if caption is not None and normalize_space(caption.text_content()):
            self.append(Line(normalize_space(caption.text_content()), 1, para_break=True))
        for row in table_rows(table):
            cells = [c for c in row if c.tag in ("td", "th")]
            texts = tuple(_cell_text(c) for c in cells)
            filled = [t for t in texts if t]
            if not filled:
                continue
            bold = self.bold_depth > 0 or all(c.tag == "th" or _all_bold(c) for c, t in zip(cells, texts) if t)
            self.append(Line(" | ".join(filled), 1, bold=bold, kind="table_row", para_break=True, cells=texts))
        self.new_block = True


def _cell_text(cell: HtmlElement) -> str:
    """A cell's text on one line: blocks and ``<br>`` become spaces, scripts and images go."""
    parts: list[str] = []
    events = lxml.etree.iterwalk(cell, events=("start", "end"))
    for event, element in events:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in ALWAYS_DROPPED_TAGS:
                events.skip_subtree()
                continue
            if tag == "br" or tag in BLOCK_TAGS:
                parts.append(" ")
            if tag and element.text:
                parts.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append(" ")
            if element is not cell and element.tail:
                parts.append(element.tail)
    return normalize_space("".join(parts))


def _all_bold(cell: HtmlElement) -> bool:
    text = normalize_space(cell.text_content())
    bold = "".join(normalize_space(b.text_content()) for b in cell.iter("b", "strong") if not _bold_ancestor(b, cell))
    return bool(text) and len(bold.replace(" ", "")) >= len(text.replace(" ", ""))


def _bold_ancestor(element: HtmlElement, stop: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in ("b", "strong"):
            return True
    return False


def _is_bold(element: HtmlElement) -> bool:
    return element.tag in ("b", "strong") or bool(_BOLD_STYLE.search(element.get("style") or ""))


def _format_number(number: int, label: str) -> str:
    if label in ("a", "lower-alpha", "lower-latin"):
        return _letters(number).lower()
    if label in ("A", "upper-alpha", "upper-latin"):
        return _letters(number)
    if label in ("i", "lower-roman"):
        return _roman(number).lower()
    if label in ("I", "upper-roman"):
        return _roman(number)
    return str(number)


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or str(number)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += numeral * count
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default
