"""Find declarations of interest: who declared what kind of interest, in which item.

Reads "Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12", "Councillor Ryan
declared an interest in Item 7 as a member of the board", "Cllr Bell declared a personal,
non-prejudicial interest", "The Chairman declared an interest in ...". "No declarations of
interest were received" is no declaration. One record per member.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text("Mr Hook and Cllr Bell declared a pecuniary interest in item 6."))
    >>> [(d.member, d.kind) for d in find_declarations(view, 0, len(view.text))]
    [('Hook', 'pecuniary'), ('Bell', 'pecuniary')]
"""
from __future__ import annotations

import logging
import re

from minutes_nlp.records import Declaration
from minutes_nlp.structure.cues import meeting_close, scan
from minutes_nlp.structure.extents import sentence_end, sentence_start
from minutes_nlp.structure.names import PERSON, clean_name
from minutes_nlp.structure.text import TextView

__all__ = ["find_declarations"]

logger = logging.getLogger(__name__)

_DECLARED = re.compile(
    r"\b(?:declared|declares|declaring|disclosed|registered|reported)\s+(?:an?\s+|their\s+|his\s+|her\s+)?"
    r"(?P<kind>(?:(?:disclosable\s+)?pecuniary|non[- ]pecuniary|personal|prejudicial|non[- ]prejudicial|"
    r"significant|registrable|other\s+registrable|private|conflict\s+of|financial|non[- ]financial|"
    r"indirect|direct)(?:\s*(?:,|and|or)\s*(?:non[- ])?\w+)*\s+)?(?:interests?|conflicts?\s+of\s+interest)\b",
    re.IGNORECASE,
)
_NONE = re.compile(r"\b(?:no|nil|none)\b[^.]{0,40}\b(?:declar|interest)|\bno\s+such\s+interests?\b", re.IGNORECASE)
_PERSON_LIST = re.compile(rf"(?P<p>{PERSON})(?:\s*,\s*|\s+and\s+|\s*&\s*)?")
_KINDS = (
    ("disclosable pecuniary", "pecuniary"),
    ("non-pecuniary", "non-pecuniary"),
    ("non pecuniary", "non-pecuniary"),
    ("pecuniary", "pecuniary"),
    ("non-prejudicial", "personal"),
    ("prejudicial", "prejudicial"),
    ("personal", "personal"),
    ("financial", "pecuniary"),
    ("conflict", "conflict"),
)


def find_declarations(view: TextView, start: int, end: int) -> list[Declaration]:
    """The declarations of interest in ``view.text[start:end]``, one per member, in order.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> view = TextView.of(Document.from_text("No declarations of interest were received."))
        >>> find_declarations(view, 0, len(view.text))
        []
    """
    end = min(end, meeting_close(view))
    text = view.text
    found: list[Declaration] = []
    for match in scan([_DECLARED], frozenset({"interest"}), text, start, end, reach=160):
        s = sentence_start(text, match.start(), start)
        e = sentence_end(text, match.end(), end)
        subject = text[s : match.start()]
        if _NONE.search(text[s:e]) and not re.search(r"[A-Z][a-z]+\s+declared", text[s:e]):
            continue
        members = _members(subject)
        for newline in (m.end() for m in re.finditer(r"\n", subject)):
            if members:
                break
            members = _members(subject[newline:])  # a heading or "(Item 2)" line before the names
            if members:
                s += newline
        if not members:
            continue
        kind = _kind(match.group("kind") or "")
        body = " ".join(text[s:e].split()).rstrip(".")
        for member in members:
            found.append(Declaration(member=member, text=body, kind=kind, start=s, end=e, page=view.page_at(s)))
    return found


def _members(subject: str) -> list[str]:
    """The people named just before "declared": "Mrs Chandler and Mr Rayner" -> both."""
    subject = re.sub(r"^\W*(?:\(?\d{1,3}[.)]|\([a-z]\))\s*", "", subject.strip())
    subject = re.sub(r"^(?:Later in the meeting|At this point|Also|In addition),?\s+", "", subject, flags=re.I)
    subject = re.sub(r"\s+(?:also|then|both|each|had|has|have|formally|verbally)$", "", subject.strip(), flags=re.I)
    names = []
    pos = 0
    while pos < len(subject):
        match = _PERSON_LIST.match(subject, pos)
        if not match or match.end() == pos:
            return []
        names.append(clean_name(match.group("p"), keep_titles=False))
        pos = match.end()
    return [n for n in names if n]


def _kind(words: str) -> str | None:
    words = words.lower()
    for needle, kind in _KINDS:
        if needle in words:
            return kind
    return "other" if words.strip() else None
