"""Read plain-text and Markdown minutes into a :class:`Document`.

The bytes are decoded (BOM, UTF-8, else a guess), line ends normalised, and Markdown
(by suffix or by its syntax) cleaned by :mod:`minutes_nlp.readers.markdown`. Pages come
from form feeds and from ``---`` page separators; on files with pages, running
headers/footers and page numbers are dropped. Hyphenation is never joined: a text file
is not laid out, so a hyphen at a line end is a real one.

Example:
    >>> doc = read_text(b"# Minutes\\n\\nPresent: Cllr Cooper\\fPage 2 text", path=Path("m.md"), settings=ReaderSettings())
    >>> [(line.page_no, line.kind, line.text) for line in doc.lines()]
    [(1, 'heading', 'Minutes'), (1, 'body', 'Present: Cllr Cooper'), (2, 'body', 'Page 2 text')]
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from minutes_nlp.readers.document import Document, Line, Page, sha256_bytes
from minutes_nlp.readers.encoding import decode_text
from minutes_nlp.readers.markdown import PageBreak, TextLine, parse_markdown, parse_plain
from minutes_nlp.readers.settings import ReaderSettings

logger = logging.getLogger(__name__)

__all__ = ["drop_running_lines", "looks_like_markdown", "normalise_text", "read_text", "split_front_matter"]

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_EDGE = 3  # lines at the top and bottom of a page where headers and footers sit
_PAGE_LABEL = re.compile(
    r"^(?:page|pg\.?|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\d{1,4}\s*(?:of|/)\s*\d{1,4}$|"
    r"^\d{1,4}\s*\|\s*page$|^page\s*\|\s*\d{1,4}$",
    re.I,
)
_ENUMERATOR = re.compile(r"^(?:\(?[0-9]{1,3}|\(?[a-z]|\(?[ivx]{1,5})[.)](?:\s|$)", re.I)
_NUMBER = re.compile(r"\d{1,4}")
_BARE_NUMBER = re.compile(r"^[-–—]?\s*(\d{1,4})\s*[-–—]?$")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n?(---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.S)
_YAML_KEY = re.compile(r"^([A-Za-z_][\w .-]*?)\s*:(?:\s+(.*)|\s*$)")
_TOML_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*=\s*(.*)$")
_MARKDOWN_SIGNALS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    re.compile(r"\\[$#*_.\[\]()!]"),
    re.compile(r"(\*\*|__)\S[^\n]*?\S\1"),
    re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M),
    re.compile(r"\A(---|\+\+\+)[ \t]*\n"),
)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
_PLAIN_SUFFIXES = {".txt", ".text"}


def read_text(data: bytes, *, path: Path | None, settings: ReaderSettings) -> Document:
    """Read a plain-text or Markdown file already in memory.

    ``metadata`` holds ``encoding`` (and ``encoding_guessed``), ``markup``
    (``"markdown"`` or ``"plain"``), front matter (``front_matter``, and its ``title``
    and ``date`` at the top level) and ``source_url`` from a leading
    ``[Original file](url)`` line.

    Example:
        >>> doc = read_text(b"---\\ntitle: May\\n---\\nBody", path=Path("m.md"), settings=ReaderSettings())
        >>> doc.text, doc.metadata["title"]
        ('Body', 'May')
    """
    text, encoding, guessed = decode_text(data, path=path)
    text = normalise_text(text)
    metadata: dict[str, object] = {"encoding": encoding, "encoding_guessed": guessed}
    warnings: list[str] = []
    if guessed:
        warnings.append(f"no encoding declared and not valid UTF-8; read as {encoding}")
    suffix = path.suffix if path is not None else ""
    if looks_like_markdown(text, suffix):
        metadata["markup"] = "markdown"
        front_matter, text = split_front_matter(text)
        if front_matter:
            metadata["front_matter"] = front_matter
            for key in ("title", "date"):
                if isinstance(front_matter.get(key), str) and front_matter[key]:
                    metadata[key] = front_matter[key]
        blocks, info = parse_markdown(text)
        metadata.update(info)
    else:
        metadata["markup"] = "plain"
        blocks = parse_plain(text)
    pages = _paginate(blocks)
    if settings.drop_running_headers and len(pages) > 1:
        pages, n_dropped = drop_running_lines(pages)
        if n_dropped:
            metadata["running_lines_dropped"] = n_dropped
    pages = _mark_paragraphs(pages)
    return Document(
        path=path,
        format="txt",
        pages=_to_pages(pages),
        sha256=sha256_bytes(data),
        warnings=tuple(warnings),
        metadata=metadata,
    )


def normalise_text(text: str) -> str:
    """Unix line ends; control characters (but tab and form feed) and stray BOMs removed.

    Example:
        >>> normalise_text("a\\r\\nb\\rc\\x00\\fd")
        'a\\nb\\nc\\x0cd'
    """
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


def looks_like_markdown(text: str, suffix: str = "") -> bool:
    """Whether ``text`` should be cleaned as Markdown: by suffix, else by its syntax.

    Example:
        >>> looks_like_markdown("# Minutes\\n\\nCost \\\\$5 [agenda](a.pdf)")
        True
        >>> looks_like_markdown("MINUTES\\nPresent: Cllr Cooper", ".txt")
        False
    """
    suffix = suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return True
    sample = text[:65536]
    n_signals = sum(1 for signal in _MARKDOWN_SIGNALS if signal.search(sample))
    return n_signals >= (3 if suffix in _PLAIN_SUFFIXES else 2)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML (``---``) or TOML (``+++``) front matter from the top of ``text``.

    Only simple ``key: value`` / ``key = value`` lines and ``- item`` lists are parsed;
    a block that does not look like front matter is left in the text.

    Example:
        >>> split_front_matter("---\\ntitle: Minutes (May)\\ndate: 2020-05-18\\n---\\nBody")
        ({'title': 'Minutes (May)', 'date': '2020-05-18'}, 'Body')
    """
    match = _FRONT_MATTER.match(text)
    if not match or (match.group(1) == "+++") != (match.group(3) == "+++"):
        return {}, text
    toml = match.group(1) == "+++"
    data: dict[str, Any] = {}
    last_key: str | None = None
    for raw in match.group(2).split("\n"):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key_match = (_TOML_KEY if toml else _YAML_KEY).match(line)
        if key_match and not line[0].isspace():
            last_key = key_match.group(1).strip()
            data[last_key] = _front_matter_value(key_match.group(2) or "")
        elif line[0].isspace() or line.startswith("- ") or (toml and line.startswith("[")):
            item = line.strip()
            if item.startswith("- ") and last_key is not None:
                if not isinstance(data.get(last_key), list):
                    data[last_key] = []
                data[last_key].append(_front_matter_value(item[2:]))
        else:
            return {}, text  # prose, not front matter
    return data, text[match.end() :]


def _front_matter_value(raw: str) -> Any:
    value = raw.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_front_matter_value(v) for v in value[1:-1].split(",") if v.strip()]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def drop_running_lines(pages: list[list[TextLine]]) -> tuple[list[list[TextLine]], int]:
    """Drop running headers/footers and page numbers from paginated text lines.

    Only the first and last three lines of a page are looked at. A line is dropped when
    (a) the same short line sits there on at least 3 pages and on 40% of them (60% for
    fewer than 8 pages), or the same line but for a number that follows the page
    position ("Minutes, 12 May - 7"); (b) it is a page label ("Page 3 of 12",
    "3 | Page"); or (c) it is a bare number whose difference from the page's position in
    the file is the same on at least 2 pages and 30% of them (a printed page number).
    Returns the pages and how many lines were dropped.

    Example:
        >>> pages = [[TextLine("Town Council"), TextLine(f"Item {c}"), TextLine(str(n))] for n, c in enumerate("ABCD", 1)]
        >>> [[line.text for line in page] for page in drop_running_lines(pages)[0]]
        [['Item A'], ['Item B'], ['Item C'], ['Item D']]
    """
    n_pages = len(pages)
    n_before = sum(map(len, pages))
    needed = max(3, math.ceil((0.4 if n_pages >= 8 else 0.6) * n_pages))
    exact: Counter[str] = Counter()
    numbered_keys: Counter[tuple[str, int]] = Counter()
    for position, page in enumerate(pages, start=1):
        edges = _edges(page)
        exact.update({_repeat_key(line.text) for line in edges})
        numbered_keys.update(
            {
                (_NUMBER.sub("#", _repeat_key(line.text)), int(number) - position)
                for line in edges
                if sum(ch.isalpha() for ch in line.text) >= 3
                for number in _NUMBER.findall(line.text)
            }
        )
    repeated = {key for key, count in exact.items() if key and count >= needed}
    repeated |= {key for (key, _), count in numbered_keys.items() if key and count >= needed}

    def is_running(line: TextLine) -> bool:
        key = _repeat_key(line.text)
        return key in repeated or _NUMBER.sub("#", key) in repeated

    pages = [_drop_at_edges(page, is_running) for page in pages]
    offsets: Counter[int] = Counter()
    for position, page in enumerate(pages, start=1):
        offsets.update({int(m.group(1)) - position for line in _edges(page) if (m := _BARE_NUMBER.match(line.text))})
    numbered = {offset for offset, count in offsets.items() if count >= max(2, math.ceil(0.3 * n_pages))}
    pages = [
        _drop_at_edges(page, lambda line, p=position: _is_page_number(line.text, p, numbered))
        for position, page in enumerate(pages, start=1)
    ]
    return pages, n_before - sum(map(len, pages))


def _drop_at_edges(page: list[TextLine], drop: Callable[[TextLine], bool]) -> list[TextLine]:
    edge_ids = {id(line) for line in _edges(page)}
    return [line for line in page if id(line) not in edge_ids or not drop(line)]


def _edges(page: list[TextLine]) -> list[TextLine]:
    return page[:_EDGE] + page[max(_EDGE, len(page) - _EDGE) :]


def _repeat_key(text: str) -> str:
    """Lower-cased, spaces collapsed; "" for a long line (a header is short)."""
    return " ".join(text.lower().split()) if len(text) <= 100 else ""


def _is_page_number(text: str, position: int, numbered: set[int]) -> bool:
    if _PAGE_LABEL.match(text):
        return True
    match = _BARE_NUMBER.match(text)
    return bool(match) and int(match.group(1)) - position in numbered


def _paginate(blocks: list[TextLine | PageBreak]) -> list[list[TextLine]]:
    pages: list[list[TextLine]] = [[]]
    for block in blocks:
        if isinstance(block, PageBreak):
            pages.append([])
        else:
            pages[-1].append(block)
    # Nothing before the first separator (or after the last) is not a page; empty pages
    # in the middle are kept so page numbers stay right.
    while len(pages) > 1 and not pages[0]:
        pages.pop(0)
    while len(pages) > 1 and not pages[-1]:
        pages.pop()
    return pages


def _mark_paragraphs(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """In double-spaced, hard-wrapped text, a blank line is a paragraph break only where a line ends early.

    Text extracted from PDFs is sometimes written with a blank line after every line,
    so blank lines say nothing. There a line ends its paragraph when the next line's
    first word would have fitted on it (the wrap width is the 90th percentile of line
    lengths), when it ends a sentence and the next line starts with a capital, or when
    the next line starts with an enumerator such as ``(b)`` or ``2.``.
    """
    body = [line for page in pages for line in page if line.kind == "body"]
    pairs = [(a, b) for page in pages for a, b in zip(page, page[1:]) if a.kind == b.kind == "body"]
    if len(pairs) < 10 or sum(b.blank_before for _, b in pairs) < 0.85 * len(pairs):
        return pages
    lengths = sorted(len(line.text) for line in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 130 or sum(length >= 0.75 * width for length in lengths) < 0.3 * len(lengths):
        return pages
    result = []
    for page in pages:
        marked = page[:1]
        for previous, line in zip(page, page[1:]):
            if line.kind == "body" and previous.kind == "body" and line.blank_before:
                first_word = line.text.split()[0]
                ends_early = len(previous.text) + 1 + len(first_word) <= 0.95 * width
                ends_sentence = previous.text.rstrip("\"'”’)").endswith((".", ":", ";", "!", "?"))
                starts_sentence = first_word.lstrip("\"'“‘(")[:1].isupper()
                new_paragraph = ends_early or (ends_sentence and starts_sentence) or bool(_ENUMERATOR.match(line.text))
                line = replace(line, blank_before=new_paragraph)
            marked.append(line)
        result.append(marked)
    return result


def _to_pages(pages: list[list[TextLine]]) -> tuple[Page, ...]:
    result = []
    first = True
    for number, page in enumerate(pages, start=1):
        lines = []
        for line in page:
            lines.append(
                Line(
                    text=line.text,
                    page_no=number,
                    bold=line.bold,
                    kind=line.kind,
                    para_break=line.blank_before and not first,
                    level=line.level,
                    cells=line.cells,
                )
            )
            first = False
        result.append(Page(number, tuple(lines)))
    return tuple(result)
