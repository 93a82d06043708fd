"""Decode the bytes of an HTML page: BOM, then the page's own declaration, then a guess.

Council sites are old: pages declare ``iso-8859-1`` but hold Windows smart quotes,
declare nothing at all, or declare UTF-8 and are saved as Windows-1252. We follow the
browsers (WHATWG): ``iso-8859-1``, ``ascii`` and unlabelled single-byte pages are read
as Windows-1252, which is Latin-1 plus ``£``-era punctuation (``“ ” ‘ ’ – — …``) in the
0x80-0x9F range that Latin-1 leaves to control characters.

Example:
    >>> page = decode_html("<p>Cost: £130 – “agreed”</p>".encode("cp1252"))
    >>> page.text, page.encoding, page.source
    ('<p>Cost: £130 – “agreed”</p>', 'windows-1252', 'guessed')
    >>> decode_html(b'<meta charset="utf-8"><p>\\xc2\\xa3130</p>').encoding
    'utf-8'
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from typing import Literal

from minutes_nlp.readers.encoding import decode_text

logger = logging.getLogger(__name__)

__all__ = ["DecodedHtml", "EncodingSource", "decode_html", "declared_encoding"]

EncodingSource = Literal["bom", "declared", "utf-8", "guessed"]

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 marks start with these too
_PRESCAN_BYTES = 16_384  # browsers look at 1,024 bytes; real pages put <meta> after long <script>s
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']?([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_LATIN1_LABELS = {"iso8859-1", "ascii", "cp1252"}  # codecs names of latin-1, us-ascii, windows-1252
# Windows-1252 for the 0x80-0x9F bytes; the five it leaves undefined stay as Latin-1 does.
_C1_TO_CP1252 = {
    0x80 + i: ch
    for i, ch in enumerate(bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace"))
    if ch != "\ufffd"
}


@dataclass(frozen=True)
class DecodedHtml:
    """A page's text, the encoding it was read with, how that was found, and any warnings.

    ``source`` is ``"bom"``, ``"declared"`` (``<meta charset>``, ``http-equiv`` or the XML
    declaration), ``"utf-8"`` (undeclared, but valid UTF-8 or plain ASCII) or ``"guessed"``.
    """

    text: str
    encoding: str
    source: EncodingSource
    warnings: tuple[str, ...] = ()


def decode_html(data: bytes) -> DecodedHtml:
    """Decode an HTML page's bytes; never raises on bad bytes (they become U+FFFD).

    Example:
        >>> decode_html(b"\\xef\\xbb\\xbf<p>Caf\\xc3\\xa9</p>").text
        '<p>Café</p>'
    """
    if data.startswith(_BOMS):
        text, encoding, _ = decode_text(data)
        return DecodedHtml(text, _canonical(encoding), "bom")
    declared = declared_encoding(data)
    warnings: list[str] = []
    if declared is not None:
        if declared != "utf-8" and _is_utf8_with_non_ascii(data):
            # Saved as UTF-8 under an old single-byte label: "Â£" in a browser, "£" here.
            warning = f"the page declares {declared} but its bytes are UTF-8; read as utf-8"
            return DecodedHtml(data.decode("utf-8"), "utf-8", "utf-8", (warning,))
        text = _try_decode(data, declared)
        if text is not None:
            return DecodedHtml(text, declared, "declared")
        warnings.append(f"the page declares {declared} but its bytes are not valid {declared}")
    text, encoding, guessed = decode_text(data)
    encoding = _canonical(encoding)
    if declared is not None:
        warnings[-1] += f"; read as {encoding}"
    if not guessed:
        return DecodedHtml(text, encoding, "utf-8", tuple(warnings))
    warnings.append(f"no usable character encoding declared; guessed {encoding}")
    logger.debug("guessed encoding %s", encoding)
    return DecodedHtml(text, encoding, "guessed", tuple(warnings))


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares (XML declaration, ``<meta charset>``, ``http-equiv``).

    Labels are normalised the way browsers do: ``iso-8859-1`` and ``us-ascii`` mean
    ``windows-1252``, and a ``utf-16`` label on a byte-oriented page means ``utf-8``.

    Example:
        >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
        'windows-1252'
    """
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        logger.debug("unknown charset label %r", label)
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return _canonical(name)


def _canonical(name: str) -> str:
    name = codecs.lookup(name).name
    if name in _LATIN1_LABELS:
        return "windows-1252"
    return {"utf-8-sig": "utf-8"}.get(name, name)


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _try_decode(data: bytes, encoding: str) -> str | None:
    if encoding == "windows-1252":
        return data.decode("latin-1").translate(_C1_TO_CP1252)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
