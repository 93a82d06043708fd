"""Detect a file's format from its content; the extension is only a tie-breaker.

Real archives hold HTML saved as ``.php``, HTML fragments with no ``<html>``, PDFs
named ``.bin`` and DOCX files with no extension at all.

Example:
    >>> detect_format(b"%PDF-1.7 ...", "minutes.bin")
    'pdf'
    >>> detect_format(b"<p>RESOLVED that the minutes be approved.</p>", "page.php")
    'html'
    >>> detect_format(b"MINUTES of a meeting", "notes")
    'txt'
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from minutes_nlp.errors import UnsupportedFormatError
from minutes_nlp.readers.document import Format

__all__ = ["detect_format"]

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAG = re.compile(
    rb"</?(p|div|span|br|table|tr|td|th|h[1-6]|ul|ol|li|a|strong|em|b|i|section|article|body|html)\b[^>]*>",
    re.I,
)
_TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text", ".rst"}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".shtml"}


def detect_format(data: bytes, path: Path | str | None = None) -> Format:
    """The format of ``data``: ``pdf``, ``docx``, ``html`` or ``txt``.

    Raises:
        UnsupportedFormatError: the file is empty, or binary in a format we cannot read.
    """
    head = data[:8192]
    if not data.strip():
        raise UnsupportedFormatError(path, "the file is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        raise UnsupportedFormatError(path, "a zip archive that is not a Word (.docx) document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(path, "a legacy Word/Office (.doc) file; save it as .docx or PDF")
    if _looks_binary(head):
        raise UnsupportedFormatError(path, "binary data in no format minutes_nlp can read (not PDF, DOCX, HTML or text)")
    sample = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(sample):
        return "html"
    suffix = Path(path).suffix.lower() if path is not None else ""
    n_tags = len(_HTML_TAG.findall(sample))
    if (suffix in _HTML_EXTENSIONS or sample.lstrip().startswith(b"<")) and n_tags >= 1:
        return "html"
    if suffix not in _TEXT_EXTENSIONS and n_tags >= 3:
        return "html"
    return "txt"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        # A damaged or truncated zip: the entry names of a Word file are still there in
        # the local headers, so the DOCX reader can say the file is damaged.
        return b"word/" in data


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with a BOM
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05
