"""Read an HTML minutes page (a whole web page or a fragment) into a :class:`Document`.

The bytes are decoded (:mod:`~minutes_nlp.readers.html_encoding`), parsed by lxml's
tolerant HTML parser, the site's chrome is pruned and the main content found
(:mod:`~minutes_nlp.readers.html_content`), and each block becomes one :class:`Line`
(:mod:`~minutes_nlp.readers.html_blocks`: headings, list items, table rows with cells,
paragraphs). A page whose content cannot be told from its menus is read whole, with a
warning; a page with no text gives a Document with no lines and a warning.

Example:
    >>> doc = read_html(b"<h2>5. Planning</h2><p><b>RESOLVED:</b></p><ol><li>Approve.</li></ol>")
    >>> [(line.kind, line.text, line.bold) for line in doc.lines()]
    [('heading', '5. Planning', False), ('body', 'RESOLVED:', True), ('list_item', '1. Approve.', False)]
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from minutes_nlp.errors import ReaderError
from minutes_nlp.readers.document import Document, Line, Page, sha256_bytes
from minutes_nlp.readers.html_blocks import html_lines, normalize_space
from minutes_nlp.readers.html_content import find_main_content, is_boilerplate_text
from minutes_nlp.readers.html_encoding import decode_html
from minutes_nlp.readers.settings import ReaderSettings

logger = logging.getLogger(__name__)

__all__ = ["read_html"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# For the last-resort plain-text reading of markup lxml could not parse.
_UNREADABLE = re.compile(
    r"<(script|style|noscript|template|select|textarea|button)\b.*?</\1\s*>|<!--.*?-->|<head\b.*?</head\s*>",
    re.I | re.S,
)
_LINE_TAG = re.compile(
    r"<(br|/?(p|div|h[1-6]|li|tr|table|ul|ol|section|article|blockquote|pre|dt|dd))\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]*>")
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def read_html(data: bytes, *, path: Path | None = None, settings: ReaderSettings | None = None) -> Document:
    """Read an HTML page or fragment: its main content, one :class:`Line` per block.

    ``metadata`` holds ``title`` (the ``<title>``, or None), ``encoding`` and
    ``encoding_source`` (see :func:`~minutes_nlp.readers.html_encoding.decode_html`) and
    ``content_root`` (where the main content was found, or ``"whole page"``).

    Example:
        >>> doc = read_html(b"<p>Present: Cllr Ng</p><p>Apologies:&nbsp;none</p>")
        >>> doc.text
        'Present: Cllr Ng\\n\\nApologies: none'

    Raises:
        ReaderError: the page is larger than ``settings.max_html_bytes``.
    """
    settings = ReaderSettings.resolve(settings)
    if len(data) > settings.max_html_bytes:
        raise ReaderError(
            path,
            f"the HTML page is {len(data):,} bytes, more than max_html_bytes={settings.max_html_bytes:,}",
        )
    decoded = decode_html(data)
    page = _parse(decoded.text)
    lines, content_root, warnings = _read_lines(page, decoded.text)
    warnings = [*decoded.warnings, *warnings]
    for warning in warnings:
        logger.debug("%s: %s", path or "<html>", warning)
    return Document(
        path,
        "html",
        pages=(Page(1, tuple(lines)),),
        sha256=sha256_bytes(data),
        warnings=tuple(warnings),
        metadata={
            "title": _title(page) if page is not None else None,
            "encoding": decoded.encoding,
            "encoding_source": decoded.source,
            "content_root": content_root,
        },
    )


def _read_lines(page: HtmlElement | None, text: str) -> tuple[list[Line], str | None, list[str]]:
    """The main content's lines, else the whole page's, else its bare text; with warnings."""
    if page is not None:
        content = find_main_content(page)
        lines = _trim_footer(html_lines(content.elements))
        if lines:
            return lines, content.path, []
        whole = _parse(text)  # find_main_content pruned ``page``: read a fresh copy whole
        lines = _trim_footer(html_lines([_body(whole)])) if whole is not None else []
        if lines:
            return lines, "whole page", ["no main content found apart from menus and links; kept the whole page"]
    lines = _trim_footer(_plain_text_lines(text))
    if lines:
        return lines, "whole page", ["the markup could not be parsed (nested too deeply?); read as plain text"]
    return [], None, ["no text found"]


def _parse(text: str) -> HtmlElement | None:
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except lxml.etree.ParserError:  # "Document is empty": only comments, or nothing parseable
        return None


def _plain_text_lines(text: str) -> list[Line]:
    """A last resort when lxml gives up (libxml2 drops text nested ~2,000 tags deep)."""
    text = _UNREADABLE.sub(" ", text)
    text = _LINE_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [normalize_space(raw) for raw in text.splitlines()]
    return [Line(line, 1, para_break=bool(i)) for i, line in enumerate(filter(None, lines))]


def _body(page: HtmlElement) -> HtmlElement:
    body = page.find("body")
    return body if body is not None else page


def _title(page: HtmlElement) -> str | None:
    title = page.find(".//title")
    text = normalize_space(title.text_content()) if title is not None else ""
    return text or None


def _trim_footer(lines: list[Line]) -> list[Line]:
    """Drop trailing copyright / "last updated" lines: the page's footer, not the minutes."""
    end = len(lines)
    while end > 1 and len(lines[end - 1].text) <= 300 and is_boilerplate_text(lines[end - 1].text):
        end -= 1
    return lines[:end]
