"""Agenda titles: split into topic segments, and tell procedural items from topics.

A title is ``"formal"`` when it is only procedure (apologies, minutes, declarations, call to
order, date of next meeting), ``"open"`` when it is a standing slot whose text may touch
topics (public participation, questions, any other business, correspondence, reports of the
leader or the clerk), and ``"topic"`` otherwise. Formal items never get issues; open items
only get issues already found in topic items; topic titles become issues.

Example:
    >>> [title_kind(t) for t in ["Apologies for Absence", "Public Participation", "Leisure centre update"]]
    ['formal', 'open', 'topic']
    >>> title_segments("24/0157/FUL - Millbrook Leisure Centre: Options Review (Oral)")
    ['Millbrook Leisure Centre', 'Options Review', 'Oral']
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Literal

from minutes_nlp.issues.text import GENERIC_WORDS, STOP_WORDS, stem, tokens

logger = logging.getLogger(__name__)

__all__ = ["TitleKind", "is_procedural_segment", "title_kind", "title_segments"]

TitleKind = Literal["formal", "open", "topic"]

# Whole phrases removed from a title before it is judged (lower case, matched on word boundaries).
PROCEDURAL_PHRASES: tuple[str, ...] = (
    "any other business", "date of next meeting", "date and time of next meeting", "call to order",
    "pledge of allegiance", "land acknowledgement", "matters arising", "action log", "work programme",
    "work program", "forward plan", "time limited debate", "notices of motion", "notice of motion",
    "for noting", "if in order", "correct record", "in the name of", "leave of absence", "closed doors",
    "urgent business", "previous meeting", "previous meetings", "members of the public",
)
_OPEN_PHRASES = ("any other business", "matters arising", "notice of motion", "notices of motion", "time limited debate",
                 "members of the public", "urgent business")
FORMAL_STEMS: frozenset[str] = frozenset("""
apology absence absent substitute substitution minute declaration interest pecuniary disclosable significant
dispensation order adjournment adjourn closing closure close agenda confirmation correct record welcome
introduction opening pledge allegiance quorum election appointment attendance leave roll prayer invocation
acknowledgement announcement visitor presiding previous last vote sympathy condolence disclosure nature thereof confidential exclusion press
""".split())
OPEN_STEMS: frozenset[str] = frozenset("""
public participation comment question correspondence business arising petition deputation presentation
delegation event calendar upcoming urgent other any motion notice debate limited submitted
disbursement payroll claim bill payment account paid treasurer unfinished old forum open session submitted journal
matters information chairman chair mayor clerk leader member members behind doors elected introduced decision
""".split())

# Words of slots where members or the public raise any matter: open, even next to formal words.
_FLOOR_STEMS = frozenset("public participation comment question correspondence business arising petition deputation "
                         "delegation treasurer clerk disbursement".split())

_SPLIT = re.compile(r"\s+[-–—]+\s+|[:;|()\[\]]|\s[-–—]$|^[-–—]\s")
_REFERENCE = re.compile(
    r"\b(?:[A-Z]{1,4}-\d+[\w/.-]*|\d+[\w]*(?:[/.-]\d+[\w]*)+(?:/[A-Z]+)?"
    r"|(?:Ord|Res|No|Item)\.?\s*No\.?\s*[\d-]+)",
)
_BY = re.compile(r"\b(?:(?:submitted|proposed|moved|tabled|raised|presented)\s+by|in the name of)\b.*$", re.I | re.S)
_PERSON = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][\w’'-]+")


def title_segments(title: str | None) -> list[str]:
    """Split a title at dashes, colons and brackets; drop reference codes and empty parts.

    Example:
        >>> title_segments("PW-2024-11 Lakeshore Road Reconstruction - Tender Award")
        ['Lakeshore Road Reconstruction', 'Tender Award']
    """
    if not title:
        return []
    text = _REFERENCE.sub(" ", _PERSON.sub(" ", _BY.sub(" ", title)))
    parts = [re.sub(r"\s+", " ", p).strip(" .,-–—'\"") for p in _SPLIT.split(text)]
    return [p for p in parts if any(c.isalpha() for c in p)]


def _content_stems(segment: str, exclude: Iterable[str] = ()) -> list[str]:
    low = " " + segment.lower().replace("’", "'") + " "
    for phrase in PROCEDURAL_PHRASES:
        low = re.sub(rf"\b{re.escape(phrase)}\b", " ", low)
    names = {n.lower() for n in exclude}
    out = []
    for tok in (part for t in tokens(low) for part in t.split("-") if part):
        if not tok[0].isalpha() or len(tok) < 2 or tok in names:
            continue
        s = stem(tok)
        if s in FORMAL_STEMS or s in OPEN_STEMS or (tok not in STOP_WORDS and s not in STOP_WORDS):
            out.append(s)
    return out


def is_procedural_segment(segment: str, *, exclude: Iterable[str] = ()) -> bool:
    """True when every content word of the segment is procedure, a role or a generic word.

    Example:
        >>> is_procedural_segment("Minutes of the meeting held on 7 November 2024"), is_procedural_segment("Rural Bus Services")
        (True, False)
    """
    stems = _content_stems(segment, exclude)
    return all(s in FORMAL_STEMS or s in OPEN_STEMS or s in GENERIC_WORDS for s in stems)


def title_kind(title: str | None, *, exclude: Iterable[str] = ()) -> TitleKind:
    """``"formal"``, ``"open"`` or ``"topic"`` (see the module docstring); ``exclude`` holds people's names.

    Example:
        >>> title_kind("Motion in the name of Councillor Twomey", exclude=["twomey"])
        'open'
    """
    segments = title_segments(title)
    if any(not is_procedural_segment(s, exclude=exclude) for s in segments):
        return "topic"
    low = " " + (title or "").lower() + " "
    if any(p in low for p in _OPEN_PHRASES):
        return "open"
    if "previous meeting" in low:
        return "formal"
    stems = [s for seg in segments for s in _content_stems(seg, exclude)]
    if any(s in FORMAL_STEMS for s in stems) and not any(s in _FLOOR_STEMS for s in stems):
        return "formal"
    if any(s in OPEN_STEMS for s in stems) or (stems and all(s in GENERIC_WORDS for s in stems)):
        return "open"
    return "formal"
