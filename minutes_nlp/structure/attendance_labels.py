"""Attendance labels: where the lists of who attended are printed, and where each list ends.

A list is found by its label ("PRESENT:", "Members present:", "Those Attending:", "IN
ATTENDANCE:", "Also present were", "Apologies:", "Absent:", "Roll call:"), by an apology
sentence ("apologies were received from ...") or by names printed before "were also present".
Labels are read in the first cluster of lists only, so a later meeting printed in the same file
(a board in a newspaper) is not mixed in; a list ends at a sentence end, a heading, a numbered
item or the next label. Who is in each list is read by :mod:`minutes_nlp.structure.attendance`.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "PRESENT: Cllr A Booth, Cllr B Cole\\nApologies: Cllr D Evans\\n\\n1. Minutes"))
    >>> [(b.kind, view.text[b.start : b.end].strip()) for b in attendance_blocks(view, view.text.lower())]
    [('present', 'Cllr A Booth, Cllr B Cole'), ('apologies', 'Cllr D Evans')]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.structure.text import TextView

__all__ = ["CLUSTER_GAP", "Block", "attendance_blocks"]

logger = logging.getLogger(__name__)

CLUSTER_GAP = 2500  # a label further than this from the previous list starts another meeting's lists
MAX_BLOCK = 4000
HEAD_CHARS = 20000  # the lists must start in the first third of a document, or in its first 20,000 characters

_END = r"(?:[\s*_]*[:\-–—]+|\s+(?:were|was|are|is)\b:?|(?=\s*\n)|\s*$)"
_WERE = r"(?:\s+(?:were|was|are|is))?"
_GROUP = (
    r"(?:members|councill?ors|councilors|council\s*members|councilmembers|councilmen|commissioners|supervisors|"
    r"trustees|aldermen|directors|governors|delegates|board\s+members|committee\s+members|panel\s+members|"
    r"members\s+of\s+(?:the\s+)?(?:council|board|committee)|council|board|committee)"
)
_LEAD_LABELS: list[tuple[str, str]] = [
    ("chair", rf"(?:present\s+)?in\s+the\s+chair{_END}"),
    ("public", r"(?:observers|gallery|(?:members\s+of\s+(?:the\s+)?)?public(?:\s+present|\s+gallery)?)\s*[:\-–—]"),
    (
        "officers",
        rf"(?:council\s+)?(?:officers?|officials?|staff|employees|advisers|advisors)\s+(?:present|in\s+attendance|attending)"
        rf"{_WERE}{_END}|(?:officers?|officials|staff)\s*:",
    ),
    (
        "also",
        rf"(?:also|others?)\s+(?:present|in\s+attendance|attending)(?:\s+the\s+meeting)?{_WERE}{_END}"
        rf"|(?:guests?|visitors?)(?:\s+present)?(?:\s+(?:were|was|included)\b|\s*:)",
    ),
    ("absent", rf"(?:{_GROUP}\s+)?(?:absent|not\s+present)(?!\s+with)(?:\s+(?:from\s+the\s+meeting))?{_WERE}{_END}"),
    (
        "apologies",
        r"apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+substitut\w+)?(?:\s+(?:were\s+)?received)?"
        r"(?:\s+from)?\s*[:\-–—]|apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+substitut\w+)?(?=\s*\n)"
        r"|absent\s+with\s+apologies\s*[:\-–—]?|regrets\s*[:\-–—]|excused(?:\s+absences?)?\s*[:\-–—]"
        r"|leave\s+of\s+absence\s*[:\-–—]",
    ),
    (
        "attendance",
        rf"(?:those\s+)?(?:attending|in\s+attendance)(?:\s+(?:the\s+meeting|virtually|remotely|online))?{_WERE}{_END}",
    ),
    (
        "present",
        rf"(?:the\s+following\s+)?{_GROUP}\s+(?:were|was)\s+present\s*:?|there\s+were\s+present\s*:?"
        r"|(?:committee\s+|panel\s+|board\s+|council\s+)?members\s*:|present\s*\((?:in\s+person|in\s+the\s+room|"
        r"remotely|virtually|online|via\s+\w+)\)\s*:"
        rf"|(?:{_GROUP}\s+)?(?:present|attending)(?:\s+(?:at|for)\s+the\s+meeting)?{_WERE}{_END}"
        rf"|(?:those\s+)?present{_WERE}{_END}|roll\s+call\s*[:\-–—]",
    ),
]
_LABEL = re.compile(
    r"(?:^|(?<=[\n.;,]\s)|(?<=[\n.;])|(?<=\n\s\s)|(?<=\*\*)|(?<=[.,]\s\s)|(?<=[-–—]\s))[ \t*_#]*(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LEAD_LABELS)
    + r")[ \t*_]*",
    re.I | re.M,
)
_APOLOGY_PROSE = re.compile(
    r"\bapolog(?:y|ies)\b[^.:\n]{0,80}?\b(?:received|tendered|submitted|noted|given|reported|sent)\s+"
    r"(?:from|by|on\s+behalf\s+of)\s*:?\s*"
    r"|\b(?:reported|received|noted|tendered|submitted)\s+(?:the\s+)?apologies(?:\s+for\s+absence)?\s+(?:from|of|on\s+behalf\s+of)\s*:?\s*"
    r"|\bapologies\s+(?:for\s+absence\s+)?from\s*:?\s*",
    re.I,
)
_TRAILING = re.compile(
    r"\s+(?:were|was)\s+(?:also\s+)?(?:present|in\s+attendance)(?:\s+(?:virtually|remotely|online|for\s+\w+))?\b", re.I
)
# Cheap prefilters: the expensive label patterns run only around these words.
_KEYWORD = re.compile(
    r"\b(?:present|attend(?:ing|ance)|(?P<apolog>apolog)(?:y|ies)|absen(?:t|ce|ces)|officers?|officials?|staff|regrets|"
    r"excused|guests?|visitors?|roll call|the chair|observers|gallery|public)\b"
)
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Cllr|Rev|Revd|Prof|Jr|Sr|No|Co|Hon|Ph\.D|Cr))$")
_SENTENCE = re.compile(r"[^\n]*?(?:\.(?=\s|$)|\n|$)")
_SENTENCE_BREAK = re.compile(r"[.:;!?]\s+|\n")
_STOP_LINE = re.compile(
    r"^\s*(?:\(?\d+[.)]|#|\*\*|\d+\s*$|[A-Z][\w'’/&-]*(?:\s+[\w'’/&-]+){0,4}:\s|[A-Z][A-Z'’&\-]+(?:\s+[A-Z'’&\-]+)+\b(?![,a-z]))"
)


@dataclass
class Block:
    """One attendance list: the list it is (a label's kind: "present", "apologies", ...) and its text's span."""

    kind: str
    start: int  # where the list's text starts
    end: int
    trailing: bool = False  # names printed before the label: "X and Y were also present"


def attendance_blocks(view: TextView, lower: str) -> list[Block]:
    """The first cluster of labelled lists, each cut where the list ends (``lower`` is ``view.text.lower()``)."""
    text = view.text
    found: set[tuple[str, int, int]] = set()
    latest_start = max(len(text) // 3, HEAD_CHARS)  # attendance is printed near the top
    last_end = 0
    for hit in _KEYWORD.finditer(lower):
        pos = hit.start()
        if pos > (last_end + CLUSTER_GAP + MAX_BLOCK if last_end else latest_start + 100):
            break  # past the first cluster of lists: the rest of the document is not read
        size = len(found)
        for m in _LABEL.finditer(text, max(0, pos - 70), min(len(text), pos + 40)):
            if not _is_status(text, m):
                found.add((m.lastgroup or "", m.start(), m.end()))
        if hit.group("apolog"):
            for m in _APOLOGY_PROSE.finditer(text, max(0, pos - 20), min(len(text), pos + 200)):
                found.add(("apologies", _sentence_start(text, m.start(), back=200), m.end()))
        for m in _TRAILING.finditer(text, max(0, pos - 30), min(len(text), pos + 40)):
            found.add(("also_trailing", m.start(), m.end()))
        if len(found) > size:
            last_end = max(end for _, _, end in found)
    labels = sorted(found, key=lambda x: (x[1], -x[2]))
    merged: list[tuple[str, int, int]] = []
    for label in labels:  # "Apologies: Apologies were received from" is one label
        if merged and label[1] < merged[-1][2] + 2 and (label[0] == merged[-1][0] or label[1] < merged[-1][2]):
            previous = merged[-1]
            merged[-1] = (
                previous[0] if previous[0] != "also_trailing" else label[0],
                previous[1],
                max(previous[2], label[2]),
            )
            continue
        merged.append(label)
    blocks: list[Block] = []
    cluster_end = None
    for index, (kind, start, end) in enumerate(merged):
        if (cluster_end is not None and start > cluster_end + CLUSTER_GAP) or (
            cluster_end is None and start > latest_start
        ):
            break
        if kind == "also_trailing":
            begin = _sentence_start(text, start, blocks[-1].end if blocks else 0)
            if _has_names(text[begin:start]):
                blocks.append(Block("also", begin, start, trailing=True))
                cluster_end = max(cluster_end or 0, end)
            continue
        next_label = merged[index + 1][1] if index + 1 < len(merged) else len(text)
        stop = _block_end(view, end, next_label)
        if not _has_names(text[end:stop]):
            continue  # "Those present repeated the pledge": not a list
        if (
            kind in ("present", "absent", "chair")
            and any(b.kind == kind for b in blocks)
            and start > blocks[-1].end + 200
        ):
            break  # a second "Present:" list further on belongs to another meeting printed in the same file
        blocks.append(Block(kind, end, stop))
        cluster_end = stop
    return blocks


def _is_status(text: str, match: re.Match[str]) -> bool:
    """True for a roll-call status after a name ("Councilmember Baker – Absent"), which is not a label."""
    word = match.group(0).strip(" \t\n*_#").lower()
    line_start = text.rfind("\n", 0, match.start()) + 1
    return word in {"present", "absent", "excused"} and bool(text[line_start : match.start()].strip(" -–—:*"))


def _block_end(view: TextView, start: int, limit: int) -> int:
    """Where a list that starts at ``start`` ends: a sentence end, a heading, a numbered item, a label."""
    text = view.text
    limit = min(limit, start + MAX_BLOCK, len(text))
    pos = start
    while pos < limit:
        char = text[pos]
        if char == "." and (pos + 1 >= len(text) or text[pos + 1].isspace()):
            if not _ABBREV.search(text[max(start, pos - 6) : pos]):
                nxt = _next_sentence(text, pos + 1, min(len(text), pos + 400))
                if not _is_name_list(nxt):
                    return pos
                pos += 1
                continue
        if char == "\n":
            before = text[start:pos].rstrip()
            line_end = text.find("\n", pos + 1)
            following = text[pos + 1 : limit if line_end < 0 else min(line_end, limit)]
            if not following.strip():
                pos += 1
                continue
            continues = (
                bool(re.search(r"(?:[,;&(]|\band|\b[A-Z]\.?|\b(?:Mr|Mrs|Ms|Dr|Cllr)\.?)$", before)) or not before
            )
            if not continues:
                new_paragraph = text[pos - 1] == "\n" or _is_heading(view, pos + 1)
                if _STOP_LINE.match(following) or _is_heading(view, pos + 1):
                    return pos
                if new_paragraph and not _is_name_list(following) and not re.match(r"\s*[(a-z]", following):
                    return pos
        pos += 1
    return limit


def _next_sentence(text: str, pos: int, limit: int) -> str:
    match = _SENTENCE.match(text, pos, limit)
    return match.group(0) if match else ""


def _is_name_list(sentence: str) -> bool:
    """True when a sentence holds only names, titles, initials and bracketed roles ("Borough Councillor C Sampson.")."""
    if sentence.rstrip().endswith(":"):
        return False  # "Police Matters:" is the next heading
    plain = re.sub(r"\([^()]*\)", " ", sentence).strip(" .\n")
    words = [w.lstrip("(“‘\"'") for w in plain.replace(",", " ").split()]
    words = [w for w in words if w]
    if not words or len(words) > 60 or plain.upper() == plain:
        return False
    allowed = {"and", "&", "of", "the", "for", "de", "van", "von", "le", "la"}
    if not all(w[:1].isupper() or w.lower() in allowed for w in words):
        return False
    # a list has separators, titles or initials; "Election of Chairman" is a heading
    return "," in plain or bool(
        re.search(r"\b(?:[A-Z]\.?|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir)\b\.?\s", plain + " ")
    )


def _has_names(segment: str) -> bool:
    return bool(re.search(r"\b[A-Z][a-z'’]+", segment))


def _is_heading(view: TextView, offset: int) -> bool:
    line = view.lines[view.line_at(offset)] if view.lines else None
    return bool(line) and view.line_starts[view.line_at(offset)] == offset and line.kind == "heading"


def _sentence_start(text: str, pos: int, floor: int = 0, back: int = 400) -> int:
    """Start of the sentence that holds (or ends at) ``pos``, looking back at most ``back`` characters."""
    low = max(floor, pos - back)
    cut = low
    for match in _SENTENCE_BREAK.finditer(text, low, pos):
        if match.group(0) == "\n" or not _ABBREV.search(text[max(low, match.start() - 6) : match.start()]):
            cut = match.end()
    return cut
