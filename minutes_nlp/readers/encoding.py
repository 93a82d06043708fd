"""Decode the bytes of a text or HTML file to ``str``, detecting the encoding.

Order: a byte-order mark wins; then strict UTF-8; then UTF-8 with stray Windows-1252
bytes (files edited by two tools); then the most plausible of Windows-1252 and the
candidates charset-normalizer proposes. Windows-1252 is preferred on a tie, since it
is what older English-language minutes use (charset-normalizer alone tends to call
short Windows-1252 files ``cp1250``, turning ``£`` into ``Ł``).

Example:
    >>> decode_text("Cost: £5".encode("cp1252"), path=None)
    ('Cost: £5', 'cp1252', True)
    >>> decode_text(b"\\xef\\xbb\\xbfMinutes", path=None)
    ('Minutes', 'utf-8-sig', False)
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["decode_text"]

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACK = "cp1252"
_MIXED_ERRORS = "minutes_nlp.cp1252_fallback"
# Symbols that turn up in real minutes; anything else outside letters is "implausible".
_PLAUSIBLE_SYMBOLS = set("£€$¢¥°§©®™½¼¾×·«»\u00a0•…‘’‚“”„–—‐‑′″†‡")
_WORD = re.compile(r"[^\W\d_]+")
# UTF-8 read as Windows-1252: "â€™" for ’, "Ã©" for é, "Â£" for £.
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf\u0152-\u2122]|Â[\u00a0-\u00bf]")
_NON_LATIN_SCRIPTS = ("CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode(_FALLBACK, errors="replace"), error.end


codecs.register_error(_MIXED_ERRORS, _cp1252_fallback)


def decode_text(data: bytes, *, path: Path | str | None = None) -> tuple[str, str, bool]:
    """``(text, encoding, guessed)`` for ``data``; ``guessed`` is false for a BOM or valid UTF-8.

    The byte-order mark is not part of ``text``. Undecodable bytes become U+FFFD and are
    logged (with ``path``), never raised.

    Example:
        >>> decode_text("\\u201cAye\\u201d".encode("utf-16"), path="m.txt")
        ('“Aye”', 'utf-16-le', False)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            if "\ufffd" in text:
                logger.warning("%s: bytes not valid %s were replaced", path or "<input>", encoding)
            return text, encoding, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    # Valid UTF-8 sequences with a few stray bytes: two tools edited the file.
    ignored = data.decode("utf-8", errors="ignore")
    n_multibyte = sum(1 for ch in ignored if ord(ch) > 127)
    n_invalid = len(data.decode("utf-8", errors="replace")) - len(ignored)
    mixed = data.decode("utf-8", errors=_MIXED_ERRORS) if n_multibyte >= n_invalid else None
    text, encoding = _best_single_guess(data, mixed)
    logger.debug("%s: no encoding declared; guessed %s", path or "<input>", encoding)
    return text, encoding, True


def _best_single_guess(data: bytes, mixed: str | None) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported here: only undeclared non-UTF-8 files need it

    candidates: list[tuple[str, str]] = []
    try:
        candidates.append((data.decode(_FALLBACK), _FALLBACK))
    except UnicodeDecodeError:
        pass
    if mixed is not None:
        candidates.append((mixed, "utf-8"))
    for match in list(from_bytes(data))[:5]:
        if match.encoding not in {name for _, name in candidates}:
            candidates.append((str(match), match.encoding))
    if not candidates:
        return data.decode(_FALLBACK, errors="replace"), _FALLBACK
    # Windows-1252 (first) stays unless another reading is clearly better: on a few bytes,
    # a multi-byte code page (Big5, GBK) can read "àààà" as two tidy CJK characters.
    scored = [(_implausibility(text), index) for index, (text, _) in enumerate(candidates)]
    best_score, best_index = min(scored)
    if best_index and best_score >= scored[0][0] - 1 and candidates[0][1] == _FALLBACK:
        return candidates[0]
    return candidates[best_index]


def _implausibility(text: str) -> int:
    """How wrong a decoding looks: controls, odd symbols, mojibake, words mixing scripts.

    A word of four or more accented Latin letters and no plain ones (``Ïðèâåò``) is how
    Cyrillic or Greek text looks when decoded as Windows-1252, so it counts too.
    """
    score = 0
    for ch in text:
        code = ord(ch)
        if code < 128:
            score += code < 32 and ch not in "\t\n\r\f"
        elif ch not in _PLAUSIBLE_SYMBOLS and not ch.isalpha():
            score += 1
    score += 2 * len(_MOJIBAKE.findall(text))
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        non_latin = sum(_is_non_latin(ch) for ch in word)
        if 0 < non_latin < len(word):
            score += 1  # Latin and another script in one word
        elif not non_latin and len(word) >= 4 and all(ch.isalpha() and not ch.isascii() for ch in word):
            score += 1
    return score


def _is_non_latin(ch: str) -> bool:
    return ord(ch) >= 0x0250 and unicodedata.name(ch, "").startswith(_NON_LATIN_SCRIPTS)
