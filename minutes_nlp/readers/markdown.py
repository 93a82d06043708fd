"""Clean Markdown (and plain text) into classified lines: pure functions, no I/O.

Markdown syntax is removed, never the words: ``# Item`` becomes a heading ``Item``,
``**Resolved**`` a bold line ``Resolved``, ``[agenda](a.pdf)`` the word ``agenda``,
``\\$300`` the text ``$300``. A pipe table becomes table rows with cells. A line that
is only ``---`` (or ``***``) is a page separator when the whole file uses it that way
(text extracted from PDFs), otherwise a horizontal rule or a setext underline.

Example:
    >>> markdown_to_text("# Minutes\\n\\n**Present:** Cllr *Ahmed*; cost \\\\$5")
    'Minutes\\nPresent: Cllr Ahmed; cost $5'
"""
from __future__ import annotations

import logging
import re
import statistics
from dataclasses import dataclass, replace
from typing import Any

from minutes_nlp.readers.document import LineKind

logger = logging.getLogger(__name__)

__all__ = [
    "PAGE_BREAK",
    "PageBreak",
    "TextLine",
    "clean_inline",
    "find_page_separators",
    "markdown_to_text",
    "parse_markdown",
    "parse_plain",
    "unescape_markdown",
]


@dataclass(frozen=True, slots=True)
class TextLine:
    """A cleaned line before pagination; ``blank_before`` marks a paragraph boundary before it."""

    text: str
    kind: LineKind = "body"
    level: int = 0
    bold: bool = False
    cells: tuple[str, ...] | None = None
    blank_before: bool = False


class PageBreak:
    """Marks the start of a new page in a list of :class:`TextLine`."""

    def __repr__(self) -> str:
        return "PAGE_BREAK"


PAGE_BREAK = PageBreak()
Block = TextLine | PageBreak

# Backslash escapes (CommonMark: any ASCII punctuation) are swapped for private-use
# characters while the syntax is parsed, so "\*" or "1\." is never read as syntax.
_ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + "])")
_PRIVATE_BASE = 0xF0000
_PROTECTED = re.compile("[\U000f0000-\U000f007f]")

_THEMATIC = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_PAGE_SEPARATOR = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})$")  # "___" is a signature line
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"^( *)([-*+])(?:[ \t]+(.*)|$)")
_ORDERED = re.compile(r"^( *)(\d{1,3}[.)])(?:[ \t]+(.*)|$)")
_LETTERED = re.compile(r"^( +)(\(?[a-z][.)]|\([ivx]{1,4}\)|\([a-z]\))(?:[ \t]+(.*)|$)")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BR = re.compile(r"<br\s*/?>", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^@<>\s]+@[^@<>\s]+\.[^<>\s]+)>", re.I)
_INLINE_TAG = re.compile(
    r"</?(?:span|u|b|i|em|strong|sup|sub|font|small|big|mark|ins|del|s|strike|a|div|p|center|kbd|abbr)\b[^>]*>", re.I
)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# Emphasis never inside a word ("5*3*2" stays): words must not run together.
_EMPHASIS = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?<![A-Za-z0-9*])\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*(?![A-Za-z0-9*])",
        r"(?<![A-Za-z0-9_])___(?=[^\s_])(.+?)(?<=[^\s_])___(?![A-Za-z0-9_])",
        r"(?<![A-Za-z0-9*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![A-Za-z0-9*])",
        r"(?<![A-Za-z0-9_])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![A-Za-z0-9_])",
        r"(?<![A-Za-z0-9*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![A-Za-z0-9*])",
        r"(?<![A-Za-z0-9_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![A-Za-z0-9_])",
    )
)
_STAR_RUN = re.compile(r"(?<![A-Za-z0-9])\*{2,}|\*{2,}(?![A-Za-z0-9])")
_WHOLE_BOLD = re.compile(r"^(\*{2,3}|_{2,3})(?=[^\s*_])(.*[^\s*_])\1[.:;,]?$")
_SOURCE_LINK = re.compile(r"^\[([^\]]{1,60})\]\((\S+?)(?:\s+\"[^\"]*\")?\)$|^<?(https?://\S+?)>?$")
_SOURCE_WORDS = re.compile(r"\b(original|source|download|view|pdf|document|file|link|url|here|online|web)\b", re.I)


def unescape_markdown(text: str) -> str:
    """Undo Markdown backslash escapes.

    Example:
        >>> unescape_markdown(r"\\$300 for check \\#8128; item 1\\. \\*approved\\*")
        '$300 for check #8128; item 1. *approved*'
    """
    return _ESCAPE.sub(lambda m: m.group(1), text)


def clean_inline(text: str) -> tuple[str, bool]:
    """Remove inline Markdown from one line: ``(clean text, whole line was bold)``.

    Example:
        >>> clean_inline(r"**Resolved** that [the plan](p.pdf) be *noted* at \\$5")
        ('Resolved that the plan be noted at $5', False)
        >>> clean_inline("__Derelict Disposals__")
        ('Derelict Disposals', True)
    """
    return _clean_protected(_protect(text))


def markdown_to_text(text: str) -> str:
    """Markdown to plain text: one cleaned line per line, pages separated by ``\\f``.

    Example:
        >>> markdown_to_text("| Name | Vote |\\n|---|---|\\n| Cllr Ahmed | For |")
        'Name | Vote\\nCllr Ahmed | For'
    """
    blocks, _ = parse_markdown(text)
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, PageBreak):
            parts.append("\f")
        else:
            parts.append(block.text)
    return "\n".join(parts).replace("\n\f\n", "\f")


def parse_plain(text: str) -> list[Block]:
    """Plain text to lines: stripped, blank lines mark paragraphs, ``\\f`` and page separators pages.

    Example:
        >>> [b.text for b in parse_plain("MINUTES\\n\\nPresent:  Cllr Cooper\\n")]
        ['MINUTES', 'Present:  Cllr Cooper']
    """
    lines = _split_lines(text)
    separators = find_page_separators(lines)
    blocks: list[Block] = []
    blank = False
    for index, raw in enumerate(lines):
        if raw == "\f" or index in separators:
            blocks.append(PAGE_BREAK)
            continue
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        blocks.append(TextLine(stripped, blank_before=blank))
        blank = False
    return blocks


def parse_markdown(text: str) -> tuple[list[Block], dict[str, Any]]:
    """Markdown to cleaned, classified lines, plus what was found (``source_url``).

    Example:
        >>> blocks, info = parse_markdown("[Original file](https://x.org/m.pdf)\\n\\n## Roads\\n- Potholes")
        >>> [(b.kind, b.level, b.text) for b in blocks], info
        ([('heading', 2, 'Roads'), ('list_item', 1, 'Potholes')], {'source_url': 'https://x.org/m.pdf'})
    """
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    text = _BR.sub("\n", text)
    lines = _split_lines(text)
    separators = find_page_separators(lines)
    parser = _MarkdownParser()
    for index, raw in enumerate(lines):
        if raw == "\f" or index in separators:
            parser.page_break()
        else:
            parser.feed(raw)
    return parser.blocks, parser.info


def find_page_separators(lines: list[str]) -> set[int]:
    """Indexes of ``---``/``***`` lines that the file uses as page separators.

    A file uses them so when it has at least two, few of them underline a short
    heading-like line (a setext heading), and the text between them is page-sized
    (a median of 8 or more non-blank lines).

    Example:
        >>> page = ["Some text of a page"] * 10
        >>> sorted(find_page_separators(page + ["---"] + page + ["---"] + page))
        [10, 21]
    """
    candidates: list[int] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)[0]
            fence = None if fence == marker else (fence or marker)
        elif fence is None and _PAGE_SEPARATOR.match(line):
            candidates.append(index)
    if len(candidates) < 2:
        return set()
    n_setext = sum(1 for index in candidates if _underlines_heading(lines, index))
    if 2 * n_setext >= len(candidates):
        return set()
    bounds = [-1, *candidates, len(lines)]
    sizes = [sum(1 for line in lines[a + 1 : b] if line.strip()) for a, b in zip(bounds, bounds[1:])]
    sizes = [size for size in sizes if size > 0]
    if not sizes or statistics.median(sizes) < 8:
        return set()
    return set(candidates)


def _underlines_heading(lines: list[str], index: int) -> bool:
    """Whether the ``---`` at ``index`` could be a setext underline: a short, stand-alone line above it
    that does not end a sentence, and no page number below it."""
    if index == 0 or "-" not in lines[index]:
        return False
    if index + 1 < len(lines) and lines[index + 1].strip().isdigit():
        return False
    previous = lines[index - 1].strip().rstrip("\"'”’)]")
    if not previous or len(previous) > 80 or previous[-1] in ".,;:!?" or previous.startswith(("|", "#", "-", "*")):
        return False
    return index < 2 or not lines[index - 2].strip()


def _split_lines(text: str) -> list[str]:
    # A form feed becomes a line of its own, so "end\fstart" is two lines and a break.
    return text.replace("\f", "\n\f\n").split("\n")


def _protect(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(_PRIVATE_BASE + ord(m.group(1))), text)


def _restore(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - _PRIVATE_BASE), text)


def _clean_protected(text: str) -> tuple[str, bool]:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _INLINE_TAG.sub("", text)
    text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = text.strip()
    if text.endswith("\\"):  # a hard line break
        text = text[:-1].rstrip()
    bold = _is_whole_bold(text)
    text = _STRIKE.sub(r"\1", text)
    for emphasis in _EMPHASIS:
        text = emphasis.sub(r"\1", text)
    text = _STAR_RUN.sub("", text)  # an unpaired "**" left by odd nesting, unless inside a word
    return _restore(text).strip(), bold


def _is_whole_bold(text: str) -> bool:
    match = _WHOLE_BOLD.match(text)
    if not match:
        return False
    marker = re.escape(match.group(1)[:2])
    # "**A** and **B**" starts and ends bold but closes and reopens in between.
    return not re.search(rf"\S{marker}\s.*\s{marker}\S", match.group(2))


class _MarkdownParser:
    """Line-by-line state machine: fences, lists, tables, setext headings."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.info: dict[str, Any] = {}
        self.blank = False  # a blank line (or a block boundary) since the last line added
        self.fence: str | None = None
        self.list_indents: list[int] = []
        self.in_table = False
        self.paragraph_start: int | None = None  # index in blocks of the line starting the open paragraph
        self.last_content = ""  # protected source of the last body line
        self.seen_content = False

    def page_break(self) -> None:
        self.blocks.append(PAGE_BREAK)
        self.in_table, self.list_indents, self.paragraph_start = False, [], None

    def feed(self, raw: str) -> None:
        line = raw.expandtabs(4).rstrip()
        if self.fence is not None:
            if line.strip().startswith(self.fence):
                self.fence, self.blank = None, True
            elif line.strip():
                self._add(TextLine(line.strip(), blank_before=self.blank))
            return
        if not line.strip():
            self.blank, self.in_table, self.paragraph_start = True, False, None
            return
        fence_match = _FENCE.match(line)
        if fence_match:
            self.fence, self.blank, self.paragraph_start = fence_match.group(1), True, None
            return
        quote = _QUOTE.match(line)
        content = _protect(line[quote.end() :] if quote else line)
        if not content.strip():
            self.blank = True
            return
        if not self.seen_content:
            self.seen_content = True
            if self._source_link(content.strip()):
                return
        if self._underline(content) or _REF_DEF.match(content):
            return
        if self._heading(content) or self._table_row(content) or self._list_item(content):
            return
        if self.list_indents and self.blank and not content.startswith(" "):
            self.list_indents = []
        text, bold = _clean_protected(content)
        if not text:
            return
        last = self.blocks[-1] if self.blocks else None
        in_paragraph = isinstance(last, TextLine) and last.kind == "body" and not self.blank
        self.paragraph_start = None if in_paragraph else len(self.blocks)
        self.last_content = content
        boundary = isinstance(last, TextLine) and last.kind in ("heading", "table_row")
        self._add(TextLine(text, bold=bold, blank_before=self.blank or boundary))

    def _add(self, line: TextLine) -> None:
        self.blocks.append(line)
        self.blank = False

    def _source_link(self, content: str) -> bool:
        match = _SOURCE_LINK.match(_restore(content))
        if not match:
            return False
        if match.group(3):
            self.info["source_url"] = match.group(3)
            return True
        if _SOURCE_WORDS.search(match.group(1)):
            self.info["source_url"] = match.group(2)
            return True
        return False

    def _opens_one_line_paragraph(self) -> bool:
        return self.paragraph_start is not None and self.paragraph_start == len(self.blocks) - 1

    def _underline(self, content: str) -> bool:
        """A ``---``/``===`` line: a setext underline of a one-line paragraph, or a rule."""
        is_rule = bool(_THEMATIC.match(content))
        is_h1 = bool(_SETEXT_H1.match(content))
        if not (is_rule or is_h1):
            return False
        if self._opens_one_line_paragraph() and (is_h1 or "-" in content):
            line = self.blocks[-1]
            assert isinstance(line, TextLine)
            self.blocks[-1] = replace(line, kind="heading", level=1 if is_h1 else 2, blank_before=True)
            self.paragraph_start, self.blank = None, True
            return True
        if is_rule:
            self.blank, self.paragraph_start, self.in_table = True, None, False  # a horizontal rule
            return True
        return False  # "===" under nothing: ordinary text

    def _heading(self, content: str) -> bool:
        match = _ATX.match(content)
        if not match:
            return False
        text, bold = _clean_protected(match.group(2) or "")
        if text:
            self._add(TextLine(text, kind="heading", level=len(match.group(1)), bold=bold, blank_before=True))
        self.blank, self.paragraph_start, self.list_indents, self.in_table = True, None, [], False
        return True

    def _table_row(self, content: str) -> bool:
        stripped = content.strip()
        if "|" not in stripped:
            self.in_table = False
            return False
        if "-" in stripped and _DELIMITER_ROW.match(stripped):
            if not self.in_table and self._opens_one_line_paragraph():
                self.blocks.pop()  # the header row, written without outer pipes
                self._add_row(self.last_content, blank_before=True)
            self.in_table, self.paragraph_start = True, None
            return True
        if not (self.in_table or (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1)):
            return False
        self._add_row(stripped, blank_before=self.blank or not self.in_table)
        self.in_table, self.paragraph_start = True, None
        return True

    def _add_row(self, content: str, *, blank_before: bool) -> None:
        inner = content.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        cleaned = [_clean_protected(cell) for cell in inner.split("|")]
        cells = tuple(text for text, _ in cleaned)
        if any(cells):
            bold = all(is_bold for text, is_bold in cleaned if text)
            text = " | ".join(cell for cell in cells if cell)
            self._add(TextLine(text, kind="table_row", cells=cells, bold=bold, blank_before=blank_before))

    def _list_item(self, content: str) -> bool:
        match = _ORDERED.match(content) or _BULLET.match(content)
        if not match and self.list_indents and len(content) - len(content.lstrip(" ")) > self.list_indents[0]:
            match = _LETTERED.match(content)  # "    a. sub-item" inside a list: minutes number sub-items so
        if not match:
            return False
        indent = len(match.group(1))
        while self.list_indents and self.list_indents[-1] > indent:
            self.list_indents.pop()
        if not self.list_indents or self.list_indents[-1] < indent:
            self.list_indents.append(indent)
        body, bold = _clean_protected(match.group(3) or "")
        marker = match.group(2)
        text = body if marker in ("-", "*", "+") else f"{marker} {body}".strip()
        if text:
            self._add(TextLine(text, kind="list_item", level=len(self.list_indents), bold=bold, blank_before=True))
        self.paragraph_start = None
        return True
