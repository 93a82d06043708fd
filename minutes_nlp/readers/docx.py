"""Read Word (.docx) minutes into a :class:`Document` with python-docx.

The body is walked in order, paragraphs and tables interleaved as they sit in the
file. Heading styles (``Heading 1``-``9``, ``Title``, or an outline level) give
headings; Word numbering gives list items, with the number Word would display
("1.", "(a)", "2.3") put back in front of the text, since minute numbers matter.
Tables become ``table_row`` lines (a one-column table is a layout box, read as
paragraphs). Explicit page breaks (``w:br w:type="page"``, "page break before",
section breaks that start a new page) start a new page; ``lastRenderedPageBreak`` is
ignored. Section headers and footers are kept in ``metadata``, not in the text.

Example:
    >>> doc = read_docx(Path("minutes.docx").read_bytes(), path=Path("minutes.docx"),
    ...                 settings=ReaderSettings())   # doctest: +SKIP
    >>> [(line.kind, line.text) for line in doc.lines()][:2]   # doctest: +SKIP
    [('heading', 'Minutes of the Planning Committee'), ('list_item', '1. Apologies')]
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Union

from lxml.etree import _Element as Element

from minutes_nlp.errors import ReaderError
from minutes_nlp.readers.document import Document, Line, LineKind, Page, sha256_bytes
from minutes_nlp.readers.settings import ReaderSettings

logger = logging.getLogger(__name__)

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.I)
_OFF = {"0", "false", "off", "none"}
_CONTAINERS = {f"{_W}sdt", f"{_W}customXml"}  # content controls and custom XML wrap blocks, rows and cells


@dataclass
class _Chunk:
    text: str
    bold: bool
    size: float | None


class _Break:
    """A line break or a page break inside a paragraph."""

    def __init__(self, page: bool) -> None:
        self.page = page


_LINE_BREAK, _PAGE_BREAK = _Break(page=False), _Break(page=True)
_Piece = Union[_Chunk, _Break]


def read_docx(data: bytes, *, path: Path | None, settings: ReaderSettings) -> Document:
    """Read a .docx file already in memory.

    ``metadata`` holds ``headers`` and ``footers`` (their text, in section order) and
    ``title`` from the document properties when set. ``settings`` is accepted for the
    common reader signature; nothing in it applies to DOCX.

    Raises:
        ReaderError: the file is not a readable .docx (damaged, truncated, not Word).
    """
    import docx  # python-docx; imported here so reading text never pays for it

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile, KeyError, lxml and its own errors
        raise ReaderError(path, f"is not a readable Word (.docx) file; it may be damaged or incomplete ({exc})") from exc
    body = word.element.body
    walker = _BodyWalker(
        _Styles(_related(word.part, "styles")),
        _Numbering(_related(word.part, "numbering")),
        section_starts=[_val(sect.find(f"{_W}type")) or "nextPage" for sect in body.iter(f"{_W}sectPr")],
    )
    walker.walk(body)
    pages = walker.pages
    while len(pages) > 1 and not pages[-1]:
        pages.pop()  # a page break at the very end starts no page
    metadata: dict[str, Any] = _headers_and_footers(word)
    title = (word.core_properties.title or "").strip()
    if title:
        metadata["title"] = title
    return Document(
        path=path,
        format="docx",
        pages=tuple(Page(number, tuple(lines)) for number, lines in enumerate(pages, start=1)),
        sha256=sha256_bytes(data),
        metadata=metadata,
    )


def _val(element: Element | None) -> str | None:
    return None if element is None else element.get(f"{_W}val")


def _related(part: Any, name: str) -> Element | None:
    try:
        return part.part_related_by(_RELATIONSHIPS + name).element
    except (KeyError, AttributeError):  # no such part: python-docx would create one
        return None


def _headers_and_footers(word: Any) -> dict[str, Any]:
    found: dict[str, list[str]] = {"headers": [], "footers": []}
    for section in word.sections:
        for key, parts in (
            ("headers", (section.header, section.first_page_header, section.even_page_header)),
            ("footers", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue  # no definition of its own; reading it would create one
                text = " ".join(" ".join(p.text.split()) for p in part.paragraphs if p.text.strip())
                if text and text not in found[key]:
                    found[key].append(text)
    return {key: value for key, value in found.items() if value}


class _Styles:
    """Style properties, following ``basedOn`` chains; lookups are cached."""

    def __init__(self, element: Element | None) -> None:
        self.styles: dict[str, Element] = {}
        self.default_paragraph: str | None = None
        self.defaults_rpr: Element | None = None
        self._found: dict[tuple[str | None, str], Element | None] = {}
        self._levels: dict[str | None, int] = {}
        if element is None:
            return
        for style in element.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId") or ""
            self.styles[style_id] = style
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.default_paragraph = style_id
        self.defaults_rpr = element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")

    def _chain(self, style_id: str | None) -> Iterator[Element]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = _val(self.styles[style_id].find(f"{_W}basedOn"))

    def find(self, style_id: str | None, path: str) -> Element | None:
        """The first element at ``path`` (like ``w:pPr/w:numPr``) along the style's chain."""
        key = (style_id, path)
        if key not in self._found:
            self._found[key] = next(
                (found for style in self._chain(style_id) if (found := style.find(path)) is not None), None
            )
        return self._found[key]

    def heading_level(self, style_id: str | None) -> int:
        """1-9 for a heading style (by name or id; ``Title`` is 1), else 0."""
        if style_id not in self._levels:
            self._levels[style_id] = 0
            for style in self._chain(style_id):
                name = (_val(style.find(f"{_W}name")) or "").strip()
                match = _HEADING_NAME.match(name) or _HEADING_NAME.match(style.get(f"{_W}styleId") or "")
                if match or name.lower() == "title":
                    self._levels[style_id] = int(match.group(1)) if match else 1
                    break
        return self._levels[style_id]


class _Numbering:
    """Word list numbering: renders the label Word would show ("3.", "(b)", "2.1").

    Counters belong to the abstract list, so lists sharing one continue each other's
    numbering; a ``w:num`` with a ``startOverride`` restarts it where it is first used.
    """

    def __init__(self, element: Element | None) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abstract, ilvl) -> (numFmt, lvlText, start)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if element is None:
            return
        for abstract in element.iter(f"{_W}abstractNum"):
            abstract_id = abstract.get(f"{_W}abstractNumId") or ""
            for lvl in abstract.iter(f"{_W}lvl"):
                start = _val(lvl.find(f"{_W}start")) or "1"
                self.levels[(abstract_id, _int(lvl.get(f"{_W}ilvl")))] = (
                    _val(lvl.find(f"{_W}numFmt")) or "decimal",
                    _val(lvl.find(f"{_W}lvlText")) or "",
                    int(start) if start.isdigit() else 1,
                )
        for num in element.iter(f"{_W}num"):
            overrides = {
                _int(override.get(f"{_W}ilvl")): _int(_val(override.find(f"{_W}startOverride")), 1)
                for override in num.iter(f"{_W}lvlOverride")
                if override.find(f"{_W}startOverride") is not None
            }
            self.nums[num.get(f"{_W}numId") or ""] = (_val(num.find(f"{_W}abstractNumId")) or "", overrides)

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``(num_id, ilvl)`` and return its label; ``""`` for bullets."""
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 9:
                    counters[level] = start - 1
        ilvl = min(max(ilvl, 0), 8)
        fmt, _, start = self._level(abstract_id, ilvl)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        counters[ilvl + 1 :] = [None] * (8 - ilvl)
        if fmt in ("bullet", "none"):
            return ""

        def substitute(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            level_fmt, _, level_start = self._level(abstract_id, level)
            value = counters[level]
            return _format_number(level_start if value is None else value, level_fmt)

        return re.sub(r"%([1-9])", substitute, self._level(abstract_id, ilvl)[1]).strip()

    def _level(self, abstract_id: str, ilvl: int) -> tuple[str, str, int]:
        return self.levels.get((abstract_id, ilvl), ("decimal", f"%{ilvl + 1}.", 1))


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value is not None and value.isdigit() else default


def _format_number(value: int, fmt: str) -> str:
    """Word's number formats; unknown formats fall back to decimal.

    Example:
        >>> [_format_number(28, f) for f in ("decimal", "lowerLetter", "upperRoman", "decimalZero")]
        ['28', 'bb', 'XXVIII', '28']
    """
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for number, numeral in zip((1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
                                   ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I")):  # fmt: skip
            count, value = divmod(value, number)
            roman += numeral * count
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)


class _BodyWalker:
    """Walks block content (body, table cells, text boxes) and collects lines page by page."""

    def __init__(self, styles: _Styles, numbering: _Numbering, *, section_starts: list[str]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.pages: list[list[Line]] = [[]]
        self.section_starts = section_starts  # how each section starts ("nextPage", "continuous"...), in order
        self.section_index = 0

    def walk(self, container: Element) -> None:
        for child in container:
            if child.tag == f"{_W}p":
                self._paragraph(child)
            elif child.tag == f"{_W}tbl":
                self._table(child)
            elif child.tag in _CONTAINERS or child.tag == f"{_W}sdtContent":
                self.walk(child.find(f"{_W}sdtContent") if child.find(f"{_W}sdtContent") is not None else child)

    def _add(self, text: str, chunks: list[_Chunk], kind: LineKind, *, para_break: bool, level: int = 0,
             cells: tuple[str, ...] | None = None) -> None:  # fmt: skip
        starts_document = len(self.pages) == 1 and not self.pages[0]
        self.pages[-1].append(
            Line(text=text, page_no=len(self.pages), font_size=_main_size(chunks), bold=_all_bold(chunks),
                 kind=kind, para_break=para_break and not starts_document, level=level, cells=cells)  # fmt: skip
        )

    def _paragraph(self, p: Element) -> None:
        ppr = p.find(f"{_W}pPr")
        style_id = self._style_id(ppr)
        if self._flag(ppr, style_id, "pageBreakBefore") and self.pages[-1]:
            self.pages.append([])
        kind, level, label = self._classify(ppr, style_id)
        pieces: list[_Piece] = []
        boxes: list[Element] = []
        self._collect(p, style_id, pieces, boxes)
        first = True
        for line in _split_lines(pieces):
            if line is _PAGE_BREAK:
                self.pages.append([])
                continue
            assert isinstance(line, list)
            text = " ".join("".join(chunk.text for chunk in line).split())
            if not text:
                continue
            line_kind: LineKind = kind if first or kind == "heading" else "body"
            text = f"{label} {text}" if first and label else text
            self._add(text, line, line_kind, para_break=first, level=level if line_kind != "body" else 0)
            first = False
        for box in boxes:  # text boxes anchored in the paragraph, read after it
            self.walk(box)
        if ppr is not None and ppr.find(f"{_W}sectPr") is not None:  # the last paragraph of a section
            self.section_index += 1
            starts = self.section_starts[self.section_index] if self.section_index < len(self.section_starts) else ""
            if starts in ("nextPage", "oddPage", "evenPage"):
                self.pages.append([])

    def _style_id(self, ppr: Element | None) -> str | None:
        return (_val(ppr.find(f"{_W}pStyle")) if ppr is not None else None) or self.styles.default_paragraph

    def _property(self, ppr: Element | None, style_id: str | None, name: str) -> Element | None:
        """A paragraph property set directly, else through the paragraph style."""
        element = ppr.find(f"{_W}{name}") if ppr is not None else None
        return element if element is not None else self.styles.find(style_id, f"{_W}pPr/{_W}{name}")

    def _flag(self, ppr: Element | None, style_id: str | None, name: str) -> bool:
        element = self._property(ppr, style_id, name)
        return element is not None and (_val(element) or "true").lower() not in _OFF

    def _classify(self, ppr: Element | None, style_id: str | None) -> tuple[LineKind, int, str]:
        """``(kind, level, number label)`` from the style, outline level and numbering."""
        level = self.styles.heading_level(style_id)
        if not level:
            outline = _val(self._property(ppr, style_id, "outlineLvl"))
            level = int(outline) + 1 if outline is not None and outline.isdigit() and int(outline) < 9 else 0
        num_pr = self._property(ppr, style_id, "numPr")
        num_id = _val(num_pr.find(f"{_W}numId")) if num_pr is not None else None
        if num_id is None and num_pr is not None:  # only ilvl set on the paragraph: the list comes from the style
            num_id = _val(self.styles.find(style_id, f"{_W}pPr/{_W}numPr/{_W}numId"))
        label, ilvl = "", 0
        if num_pr is not None and num_id and num_id != "0":
            ilvl = _int(_val(num_pr.find(f"{_W}ilvl")))
            label = self.numbering.next_label(num_id, ilvl)
            if not level:
                return "list_item", ilvl + 1, label
        return ("heading", level, label) if level else ("body", 0, "")

    def _collect(self, element: Element, style_id: str | None, pieces: list[_Piece], boxes: list[Element]) -> None:
        """The paragraph's text chunks and breaks, in order; text boxes go to ``boxes``."""
        for child in element:
            if child.tag == f"{_W}r":
                self._run(child, style_id, pieces, boxes)
            elif child.tag == f"{_MC}AlternateContent":
                chosen = child.find(f"{_MC}Choice")
                chosen = chosen if chosen is not None else child.find(f"{_MC}Fallback")
                if chosen is not None:
                    self._collect(chosen, style_id, pieces, boxes)
            elif child.tag not in (f"{_W}del", f"{_W}moveFrom", f"{_W}pPr") and len(child):
                self._collect(child, style_id, pieces, boxes)  # hyperlink, ins, smartTag, fldSimple, sdt...

    def _run(self, r: Element, style_id: str | None, pieces: list[_Piece], boxes: list[Element]) -> None:
        rpr = r.find(f"{_W}rPr")
        bold_element = self._run_property(rpr, style_id, "b")
        bold = bold_element is not None and (_val(bold_element) or "true").lower() not in _OFF
        size_value = _val(self._run_property(rpr, style_id, "sz"))
        size = int(size_value) / 2 if size_value and size_value.isdigit() else None
        for child in r:
            tag = child.tag
            if tag == f"{_W}t":
                pieces.append(_Chunk(child.text or "", bold, size))
            elif tag in (f"{_W}tab", f"{_W}ptab") or (tag == f"{_W}br" and child.get(f"{_W}type") == "column"):
                pieces.append(_Chunk(" ", bold, size))
            elif tag == f"{_W}br":
                pieces.append(_PAGE_BREAK if child.get(f"{_W}type") == "page" else _LINE_BREAK)
            elif tag == f"{_W}cr":
                pieces.append(_LINE_BREAK)
            elif tag == f"{_W}noBreakHyphen":
                pieces.append(_Chunk("-", bold, size))
            elif tag in (f"{_W}drawing", f"{_W}pict", f"{_MC}AlternateContent"):
                choice = child.find(f"{_MC}Choice")  # Fallback repeats the same text box
                boxes.extend((choice if choice is not None else child).iter(f"{_W}txbxContent"))

    def _run_property(self, rpr: Element | None, style_id: str | None, name: str) -> Element | None:
        """A run property: set on the run, its character style, the paragraph style, or the defaults."""
        element = rpr.find(f"{_W}{name}") if rpr is not None else None
        if element is None and rpr is not None:
            element = self.styles.find(_val(rpr.find(f"{_W}rStyle")), f"{_W}rPr/{_W}{name}")
        if element is None:
            element = self.styles.find(style_id, f"{_W}rPr/{_W}{name}")
        if element is None and self.styles.defaults_rpr is not None and name == "b":
            element = self.styles.defaults_rpr.find(f"{_W}{name}")
        return element

    def _table(self, tbl: Element) -> None:
        rows = [list(_children(row, "tc")) for row in _children(tbl, "tr")]
        if all(len(cells) <= 1 for cells in rows):
            for cells in rows:  # a one-column table is a layout box: read it as paragraphs
                for cell in cells:
                    self.walk(cell)
            return
        first = True
        for cells in rows:
            texts: list[str] = []
            chunks: list[_Chunk] = []
            for cell in cells:
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and _val(merge) != "restart":
                    texts.append("")  # continues the merged cell above, whose text is already out
                    continue
                texts.append(self._cell_text(cell, chunks))
            if any(texts):
                self._add(" | ".join(text for text in texts if text), chunks, "table_row", para_break=first,
                          cells=tuple(texts))  # fmt: skip
                first = False

    def _cell_text(self, cell: Element, chunks: list[_Chunk]) -> str:
        """A cell's paragraphs (nested tables included) on one line, numbers kept."""
        parts = []
        for p in cell.iter(f"{_W}p"):
            ppr = p.find(f"{_W}pPr")
            style_id = self._style_id(ppr)
            _, _, label = self._classify(ppr, style_id)
            pieces: list[_Piece] = []
            self._collect(p, style_id, pieces, [])
            found = [piece for piece in pieces if isinstance(piece, _Chunk)]
            chunks.extend(found)
            text = " ".join("".join(chunk.text for chunk in found).split())
            if text:
                parts.append(f"{label} {text}" if label else text)
        return " ".join(parts)


def _children(element: Element, name: str) -> Iterator[Element]:
    """Child elements ``w:<name>``, looking through content controls (a merged cell is one ``w:tc``)."""
    for child in element:
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag in _CONTAINERS:
            content = child.find(f"{_W}sdtContent")
            yield from _children(content if content is not None else child, name)


def _split_lines(pieces: list[_Piece]) -> list[list[_Chunk] | _Break]:
    """Group chunks into lines at line breaks; page breaks stay as items of their own."""
    lines: list[list[_Chunk] | _Break] = [[]]
    for piece in pieces:
        if piece is _LINE_BREAK:
            lines.append([])
        elif piece is _PAGE_BREAK:
            lines.extend([_PAGE_BREAK, []])
        else:
            current = lines[-1]
            assert isinstance(current, list) and isinstance(piece, _Chunk)
            current.append(piece)
    return lines


def _all_bold(chunks: list[_Chunk]) -> bool:
    visible = [chunk for chunk in chunks if chunk.text.strip()]
    return bool(visible) and all(chunk.bold for chunk in visible)


def _main_size(chunks: list[_Chunk]) -> float | None:
    """The font size of most characters, or ``None`` when no size is set."""
    sizes: Counter[float] = Counter()
    for chunk in chunks:
        if chunk.size is not None and chunk.text.strip():
            sizes[chunk.size] += len(chunk.text.strip())
    return sizes.most_common(1)[0][0] if sizes else None
