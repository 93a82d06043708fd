"""Item numbers as printed: find them at the start of a line, parse them, format them back.

An item number is a path of parts, outermost first: ``"7.2"`` is ``("7", "2")``,
``"4(c)(i)"`` is ``("4", "c", "i")`` and ``"45/12"`` is ``("45", "12")``. The printed
style (``dotted``, ``paren``, ``slash`` or ``plain``) is kept so a number formats back
exactly as it was printed.

Example:
    >>> n = parse_number("4(c)(i)")
    >>> n.parts, n.style, format_number(n)
    (('4', 'c', 'i'), 'paren', '4(c)(i)')
    >>> m = match_marker("7.2 Budget monitoring")
    >>> m.number, m.rest
    ('7.2', 'Budget monitoring')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ItemNumber",
    "Marker",
    "format_number",
    "match_marker",
    "parse_number",
    "part_kind",
    "part_value",
    "roman_to_int",
    "sub_marker_kind",
    "trailing_ref",
]

Style = Literal["plain", "dotted", "paren", "slash"]
MarkerKind = Literal["arabic", "letter", "roman", "minute", "legislation", "item"]

_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NON_DIGITS = re.compile(r"\D")
_PLAIN_NUMBER = re.compile(r"\d{1,4}|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,6}")
_BRACKETED_PARTS = re.compile(r"\(([^)]*)\)")


def roman_to_int(text: str) -> int | None:
    """The value of a Roman numeral, or None.

    Example:
        >>> roman_to_int("viii"), roman_to_int("xiv"), roman_to_int("ab")
        (8, 14, None)
    """
    if not text or not _ROMAN.match(text):
        return None
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def part_kind(part: str) -> Literal["arabic", "letter", "roman"]:
    """``"12"`` is arabic, ``"iv"`` roman, ``"b"`` a letter (``"i"``, ``"v"``, ``"x"`` count as roman)."""
    if part.isdigit():
        return "arabic"
    if roman_to_int(part) is not None:
        return "roman"
    return "letter"


def part_value(part: str, kind: str | None = None) -> int:
    """A sortable value: ``"12"`` -> 12, ``"c"`` -> 3, ``"iv"`` -> 4 (``kind`` forces the reading)."""
    kind = kind or part_kind(part)
    if kind == "arabic":
        return int(_NON_DIGITS.sub("", part) or 0)
    if kind == "roman":
        return roman_to_int(part) or 0
    letters = part.lower()
    return sum((ord(c) - 96) * 26**i for i, c in enumerate(reversed(letters)) if c.isalpha())


@dataclass(frozen=True)
class ItemNumber:
    """A parsed item number: its parts, outermost first, and the style it was printed in."""

    parts: tuple[str, ...]
    style: Style = "plain"


_DOTTED = re.compile(r"^\d{1,4}(?:\.\d{1,3})+$")
_SLASH = re.compile(r"^\d{1,4}/\d{1,4}$")
_PAREN = re.compile(r"^(\d{1,4}|[A-Za-z]{1,2}|[ivxlc]{1,6})((?:\((?:\d{1,3}|[A-Za-z]{1,2}|[ivxlc]{1,6})\))+)$")


def parse_number(text: str) -> ItemNumber:
    """Parse a printed item number (without trailing punctuation).

    Example:
        >>> parse_number("7.2"), parse_number("45/12").parts
        (ItemNumber(parts=('7', '2'), style='dotted'), ('45', '12'))

    Raises:
        ValueError: ``text`` is not an item number.
    """
    text = text.strip()
    if _PLAIN_NUMBER.fullmatch(text):
        return ItemNumber((text,), "plain")
    if _DOTTED.match(text):
        return ItemNumber(tuple(text.split(".")), "dotted")
    if _SLASH.match(text):
        return ItemNumber(tuple(text.split("/")), "slash")
    match = _PAREN.match(text)
    if match:
        inner = _BRACKETED_PARTS.findall(match.group(2))
        return ItemNumber((match.group(1), *inner), "paren")
    raise ValueError(f"not an item number: {text!r}")


def format_number(number: ItemNumber) -> str:
    """The number printed in its own style: the inverse of :func:`parse_number`.

    Example:
        >>> format_number(ItemNumber(("4", "c"), "paren"))
        '4(c)'
    """
    head, *rest = number.parts
    if number.style == "dotted":
        return ".".join(number.parts)
    if number.style == "slash":
        return "/".join(number.parts)
    if number.style == "paren":
        return head + "".join(f"({p})" for p in rest)
    return head


@dataclass(frozen=True)
class Marker:
    """An item marker found at the start of a line.

    ``number`` is the number as printed without its trailing punctuation (``"270"``,
    ``"7.2"``, ``"14 (a)"``, ``"(c)"``, ``"Ord. No. 499-16"``); ``parts`` its parsed path;
    ``rest`` the text after the marker (empty when the marker stands alone on its line).
    """

    number: str
    parts: tuple[str, ...]
    kind: MarkerKind
    punct: str
    rest: str
    wrapped: bool = False  # printed in brackets: "(a)", "(ii)"


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_UNIT_AFTER = re.compile(
    rf"^(?i:{_MONTHS})\b|^(?:st|nd|rd|th)\b|^(?:%|per\b|pm\b|am\b|p\.m|a\.m|hours?\b|mins?\b|minutes\b|days?\b|weeks?\b|"
    r"months?\b|years?\b|votes?\b|members?\b|councillors?\b|people\b|acres?\b|hectares?\b|dwellings?\b|units?\b|"
    r"no\.|x\b|and\b|or\b|to\b|of\b|-\s*\d|(?i:PM|AM|A\.M|P\.M)\b)"
)
_LEGISLATION = re.compile(
    r"^(?P<num>(?:File|Res|Resolution|Ord|Ordinance|Bill|By-?law|Motion|Report)\.?\s+No\.?\s*"
    r"\d{1,5}[-–]\d{2,4}(?:-[A-Z])?)(?P<punct>\.)?(?=\s*$|\s*[—–-]{1,2}\s|\s+By\s)\s*[—–-]{0,2}\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ITEM_WORD = re.compile(
    r"^(?:Agenda\s+)?Item\s+(?:No\.?\s*)?(?P<num>\d{1,4}[A-Za-z]?(?:\.\d{1,3})*)(?P<punct>[.:)]|\s[-–—])?(?:\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_MINUTE = re.compile(
    r"^(?:Minute\s+(?:No\.?\s*)?)?(?P<num>(?:[A-Z]{1,4}\s?)?\d{1,4}/\d{2,4}(?:\.\d{1,2})?)(?!/\d|\d)(?P<punct>[.:)])?(?:\s+|$)(?P<rest>.*)$"
)
_ARABIC = re.compile(
    r"^(?P<num>\d{1,4}(?:\.\d{1,3}){0,3}(?:\s?\((?:[a-z]{1,2}|[ivx]{1,5})\)){0,2})(?P<punct>\.(?!\d)|\)|:|\s[-–—])?(?:\s+|$)(?P<rest>.*)$"
)
_BRACKETED = re.compile(r"^\((?P<num>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}|[A-Z])\)(?P<punct>)(?:\s*|$)(?P<rest>.*)$")
_LETTER = re.compile(r"^(?P<num>[a-z]|[ivx]{1,5}|[A-Z])(?P<punct>[.)])(?:\s+|$)(?P<rest>.*)$")
_CAPS_NUMBER = re.compile(r"[A-Z]{1,4}\s?\d")
_SPACES = re.compile(r"\s+")
_MINUTE_SEPARATORS = re.compile(r"[/.]")
_PART_SEPARATORS = re.compile(r"[.()\s]+")
_DIGIT_NOT_REF = re.compile(r"\d(?!\d*/\d)")  # "12 members", but not "24/0211/HOU"
_CLOCK = re.compile(r"\d{1,2}\.\d{2}$")
_CLOCK_AFTER = re.compile(r"(?:a\.?m|p\.?m|hrs|noon)\b", re.IGNORECASE)
# How a keyword marker starts ("File No.", "Res.", "Ord.", "Bill", "By-law", "Motion", "Report", "Agenda Item", "Minute")
_WORD_STARTS = frozenset({"fil", "res", "ord", "bil", "by-", "byl", "mot", "rep", "age", "ite", "min"})


def _may_start_marker(text: str) -> bool:
    """A cheap test that rules out most lines starting with a letter: a marker there is a
    keyword ("Res.", "Item", "Minute"), a letter or numeral ("b.", "iv)") or capitals and a number ("AB 12/24")."""
    second = text[1:2]
    if second in (".", ")") or text[0] in "ivx" or text[:3].lower() in _WORD_STARTS:
        return True
    return "A" <= text[0] <= "Z" and (second.isupper() or second.isspace() or second.isdigit()) \
        and _CAPS_NUMBER.match(text) is not None


def match_marker(text: str) -> Marker | None:
    """The item marker at the start of ``text``, or None.

    Dates, times, money and quantities ("8 May", "7.30 pm", "12 votes") are not markers.

    Example:
        >>> match_marker("270. Apologies for Absence").number
        '270'
        >>> match_marker("(c)").parts, match_marker("4(c)(i) Twinning").parts
        (('c',), ('4', 'c', 'i'))
        >>> match_marker("Res. No. 1367-16 — Margaret Dua.").number
        'Res. No. 1367-16'
        >>> match_marker("8 September 2010") is None, match_marker("7.30pm start") is None
        (True, True)
    """
    text = text.strip()
    if not text:
        return None
    first = text[0]
    if first.isalpha():
        if text[1:2].islower() and first not in "ivx" and text[:3].lower() not in _WORD_STARTS:
            return None  # the common case, a word: "The council ..."
        if not _may_start_marker(text):
            return None
        match = _LEGISLATION.match(text)
        if match:
            num = _SPACES.sub(" ", match.group("num"))
            return Marker(num, (num,), "legislation", match.group("punct") or "", match.group("rest").strip())
        match = _ITEM_WORD.match(text)
        if match:
            num = match.group("num")
            return Marker(num, tuple(num.split(".")), "item", (match.group("punct") or "").strip(), match.group("rest").strip())
        match = _MINUTE.match(text)
        if match and (text.lower().startswith("minute") or _CAPS_NUMBER.match(text)):
            num = match.group("num")
            return Marker(num, tuple(_MINUTE_SEPARATORS.split(num)), "minute", match.group("punct") or "", match.group("rest").strip())
        match = _LETTER.match(text)
        if match:
            num = match.group("num")
            rest = match.group("rest").strip()
            if match.group("punct") == "." and num.isupper() and rest[:1].isupper() and len(rest.split()) > 1 and rest.split()[0].endswith("."):
                return None  # initials: "J. R. Smith"
            return Marker(num, (num,), "roman" if roman_to_int(num) and num.islower() else "letter", match.group("punct"), rest)
        return None
    if first == "(":
        match = _BRACKETED.match(text)
        if not match:
            return None
        num = match.group("num")
        kind: MarkerKind = "arabic" if num.isdigit() else ("roman" if roman_to_int(num) and num.islower() else "letter")
        return Marker(num, (num,), kind, "()", match.group("rest").strip(), wrapped=True)
    if not first.isdigit():
        return None
    match = _MINUTE.match(text)
    if match and "/" in match.group("num"):
        num = match.group("num")
        return Marker(num, tuple(_MINUTE_SEPARATORS.split(num)), "minute", match.group("punct") or "", match.group("rest").strip())
    match = _ARABIC.match(text)
    if not match:
        return None
    num, punct, rest = match.group("num"), (match.group("punct") or "").strip(), match.group("rest").strip()
    if _UNIT_AFTER.match(rest) or rest[:1] in ("£", "$", "€", ",") or _DIGIT_NOT_REF.match(rest):
        return None
    if not punct and "." not in num and "(" not in num and rest[:1].islower():
        return None
    if len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100 and punct != ".":
        return None  # a year
    if _CLOCK.match(num) and _CLOCK_AFTER.match(rest):
        return None  # a time
    parts = tuple(p for p in _PART_SEPARATORS.split(num) if p)
    return Marker(num, parts, "arabic", punct, rest)


def sub_marker_kind(part: str, previous: str | None) -> Literal["letter", "roman"]:
    """Whether a bracketed ``part`` is a letter or a Roman numeral, given the previous sibling.

    ``(i)`` after ``(h)`` is the letter i; ``(i)`` elsewhere is Roman one.

    Example:
        >>> sub_marker_kind("i", "h"), sub_marker_kind("i", None), sub_marker_kind("v", "iv")
        ('letter', 'roman', 'roman')
    """
    if roman_to_int(part) is None:
        return "letter"
    if previous is not None and part_kind(previous) == "letter" and len(part) == 1:
        if part_value(part, "letter") == part_value(previous, "letter") + 1:
            return "letter"
    if previous is not None and roman_to_int(previous) and part_kind(previous) == "roman" and len(previous) > 1:
        return "roman"
    if len(part) == 1 and part not in ("i", "v", "x", "I", "V", "X"):
        return "letter"
    return "roman"


_TRAILING_REF = re.compile(
    r"\s*[\[(]\s*(?:Agenda\s+)?(?P<word>Item|Minute)\s+(?:No\.?\s*)?(?P<num>[\w./()-]{1,12}?)\s*[\])]\s*[.:]?\s*$",
    re.IGNORECASE,
)


def trailing_ref(text: str) -> tuple[str, str, str] | None:
    """A bracketed ``(Item N)`` / ``(Minute N)`` reference at the end of ``text``.

    Returns ``(text before it, "item" or "minute", number)``, or None.

    Example:
        >>> trailing_ref("Apologies for Absence (Item 1)")
        ('Apologies for Absence', 'item', '1')
        >>> trailing_ref("(Item 12)")
        ('', 'item', '12')
    """
    tail = text.rstrip()
    if tail[-1:] in (".", ":"):
        tail = tail[:-1].rstrip()
    if tail[-1:] not in (")", "]"):
        return None  # cheap test first: the reference ends in a bracket
    match = _TRAILING_REF.search(text)
    if not match:
        return None
    return text[: match.start()].rstrip(), match.group("word").lower(), match.group("num")
