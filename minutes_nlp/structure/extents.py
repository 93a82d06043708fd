"""Where a decision's text starts and ends: sentences, lists of parts, quotes, headings.

The motion, resolution and declaration finders find a cue ("RESOLVED that", "seconded by",
"declared an interest") and then need the text it belongs to: its sentence, or the quoted or
listed text after it ("RESOLVED that (a) ... (b) ..."), without the lead-in, the outcome line
after it or the vote printed under it.

Example:
    >>> text = "RESOLVED that the report be noted. Mr Hook spoke."
    >>> start, end = decision_extent(text, 8, len(text))
    >>> text[start:end], tidy(text[8:end])
    ('that the report be noted', 'the report be noted')
    >>> text[sentence_start(text, 40, 0) : sentence_end(text, 40, len(text))]
    'Mr Hook spoke.'
"""
from __future__ import annotations

import re
from typing import Iterator

from minutes_nlp.structure.cues import LEGISLATION_RE
from minutes_nlp.structure.names import TITLE

__all__ = [
    "back_reference",
    "decision_extent",
    "legislation_before",
    "sentence_end",
    "sentence_start",
    "tidy",
]

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Cllr|Cllrs|Cr|No|Nos|St|Co|Ltd|Inc|Rd|Ave|Jr|Sr|vs|etc|approx|Prof|Rev|Revd|"
    r"Hon|Sec|Para|para|Fig|Ord|Res|Ref|Dept|Mt|Ft|Sq|Cttee|ie|eg|viz|Nr|nr|Cl|cl|Art|art|Sch|Reg|Vol|Mon|"
    r"Tues|Wed|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?<![\w.])[A-Z]|"
    r"\b(?![ap]\.m)[a-z]\.[a-z])$"
)
_SENT_END = re.compile(
    r"[.!?][\"'”’)\]*_]*(?=\s+[\"“‘(*_]*[A-Z0-9•]|\s+\(?[a-z]{1,3}\)[ \t]|\s+[a-z][.][ \t]|\s*$)"
)
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*(?=[\"“‘(*_]*[A-Z0-9•]|\(?[a-z]{1,3}\)[ \t]|[a-z][.][ \t])")
_HANGING = re.compile(r"(?:[,;:(\-–—&/]|\b(?:and|or|of|the|to|a|an|in|for|by|with|on|at|that|be|is|are|was|were))$")
_PARA_MARK = re.compile(r"\n[ \t]*(?:\(?\d{1,3}[.)](?!\d)|\(\d{1,3}\))[ \t]")
_STOP_LINE = re.compile(
    r"\n[ \t]*(?:#|(?:For|Against|Abstain(?:ed|ing|ions?)?|In favour)[ \t]*[(:]\s*\d|"
    r"(?:Substantive\s+)?(?:Motion|Amendment)\s+(?:was\s+)?(?:carried|lost|agreed|defeated|withdrawn|passed)\b|"
    r"(?:CARRIED|AGREED|LOST|RESOLVED)\b|Agreed\s+unanimously|Proposed\s+by\b|Moved\s+by\b|"
    r"(?:And\s+)?Resolved\s*:)",
    re.IGNORECASE,
)
_CAPS_LINE = re.compile(r"^[ \t]*[A-Z][A-Z0-9 ,&'’()\-—–:]{2,}[ \t]*$\n?", re.MULTILINE)
_LONE_THAT = re.compile(r"(?:That|THAT|that)[ \t]*[,:]?[ \t]*(?=\n)")
_OPEN_Q = "“\"‘"
_CLOSE_Q = {"“": "”", '"': '"', "‘": "’"}
_MAX_SENTENCE = 2500
_MAX_BLOCK = 8000


def _full_stops(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets just past each sentence end in ``text[start:end]`` (a full stop after "Cllr" or "A." ends none)."""
    for match in _SENT_END.finditer(text, start, end):
        before = text[max(start, match.start() - 12) : match.start()]
        if text[match.start()] == "." and _ABBREV.search(before):
            continue
        yield match.end()


def sentence_end(text: str, pos: int, limit: int) -> int:
    """Offset just past the sentence that contains ``pos`` (its full stop included), or ``limit``.

    A paragraph break ends a sentence too, unless the text before it is left hanging
    ("... the approval of the\n\nCouncil", as at a page break).

    Example:
        >>> text = "It was noted that the Clerk (Mrs A. Hall) had resigned. Cllr Lee thanked her."
        >>> text[: sentence_end(text, 5, len(text))]
        'It was noted that the Clerk (Mrs A. Hall) had resigned.'
    """
    stop = next(_full_stops(text, pos, limit), limit)
    for match in _PARA_BREAK.finditer(text, pos, stop):
        before = text[max(pos, match.start() - 20) : match.start()].rstrip()
        if before and not _HANGING.search(before):
            return match.start()
    return stop


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Offset where the sentence holding ``pos`` begins (not before ``floor``).

    Example:
        >>> text = "It was noted that the Clerk (Mrs A. Hall) had resigned. Cllr Lee thanked her."
        >>> text[sentence_start(text, 60, 0) :]
        'Cllr Lee thanked her.'
    """
    window_start = max(floor, pos - 1500)
    best = max(_full_stops(text, window_start, pos), default=window_start)  # the last sentence end before pos
    blank = text.rfind("\n\n", window_start, pos)
    if blank >= 0 and not text[best:blank].strip() == "" and blank + 2 > best:
        line_before = text[max(window_start, blank - 2) : blank].rstrip()
        if line_before.endswith((".", ":", ";", "”", '"')) or text[blank + 2 : pos].lstrip()[:1].isupper():
            best = max(best, blank + 2)
    for caps in _CAPS_LINE.finditer(text, best, pos):
        best = max(best, caps.end())
    while best < pos and text[best] in " \t\n":
        best += 1
    return best


def decision_extent(text: str, pos: int, limit: int, *, paragraph: bool = False) -> tuple[int, int]:
    """``(start, end)`` of the decision text that begins at ``pos``.

    A quoted text runs to its closing quote; a text whose first line ends in a colon runs
    over its list of parts ("(a) ...", "1. ...", "• ...") while their numbering follows on;
    anything else runs to the end of its sentence (of its paragraph when ``paragraph``).
    The end never passes ``limit``, a vote header or an outcome line.

    Example:
        >>> text = "RESOLVED that:\\n(a) the report be noted;\\n(b) a further report be brought.\\nMr Hook spoke."
        >>> start, end = decision_extent(text, 13, len(text))
        >>> text[start:end]
        '(a) the report be noted;\\n(b) a further report be brought'
        >>> text = "And Resolved: “That, the draft Minutes be adopted.” Carried."
        >>> start, end = decision_extent(text, 13, len(text))
        >>> text[start:end]
        'That, the draft Minutes be adopted'
    """
    start = pos
    while start < limit and text[start] in " \t\n,:;-–—*_":
        start += 1
    lead = _LONE_THAT.match(text, start, limit)
    if lead:  # "RESOLVED: That\n(a) ... (b) ...": the parts follow on their own lines
        start = lead.end()
    if start >= limit:
        return start, start
    hard = _hard_limit(text, start, limit)
    if text[start] in _OPEN_Q:
        closing = _CLOSE_Q[text[start]]
        close = text.find(closing, start + 1, min(hard, start + _MAX_BLOCK))
        if close < 0 and closing == "”":
            close = text.find('"', start + 1, min(hard, start + _MAX_BLOCK))
        end = close if close >= 0 else _list_or_sentence_end(text, start + 1, hard, paragraph)
        return start + 1, _trim_end(text, start + 1, end)
    end = _list_or_sentence_end(text, start, hard, paragraph)
    return start, _trim_end(text, start, end)


def _hard_limit(text: str, start: int, limit: int) -> int:
    """The first vote header or outcome line after ``start``."""
    hard = min(limit, start + _MAX_BLOCK)
    match = _STOP_LINE.search(text, start, hard)
    return match.start() if match else hard


# A sentence that starts something new, not the decision's next sentence.
_NEW_EVENT = re.compile(
    rf"\s*(?:(?:The\s+)?(?:meeting|chair\w*|mayor|clerk)\b[^.]*\b(?:closed|adjourned|ended)|[^.]*\b(?:proposed|seconded|moved)\b|"
    rf"(?:{TITLE})\s|[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:said|asked|noted|reported|stated|explained|thanked))",
    re.IGNORECASE,
)


_PART = re.compile(
    r"[ \t*_]*(?:(?P<paren>\((?P<pv>[a-zA-Z]{1,4}|\d{1,3})\))|(?P<dot>(?P<dv>[a-zA-Z]|[ivxIVX]{1,4}|\d{1,3})(?P<sep>[.)]))"
    r"(?!\d)|(?P<bullet>[•▪◦●\-–—*]))[ \t]"
)


def _list_or_sentence_end(text: str, start: int, hard: int, paragraph: bool) -> int:
    line_end = text.find("\n", start, hard)
    first_line = text[start : line_end if line_end >= 0 else hard].rstrip(" *_")
    if first_line.endswith(":") or not first_line or _PART.match(text, start):
        return _list_end(text, start, hard)
    mark = _PARA_MARK.search(text, start, hard)
    soft = min(hard, mark.start() if mark else hard, start + _MAX_SENTENCE)
    end = sentence_end(text, start, soft)
    if text[start:end].rstrip(" *_”\"").endswith(":") or re.search(r":[ \t*_]*\n", text[start:end]):
        return _list_end(text, start, hard)  # "... is asked to agree the following:\n(a) ..."
    while paragraph and end < soft and end - start < 1500:
        gap = text[end:soft]
        if not gap.strip() or re.match(r"[ \t]*\n[ \t]*\n|[ \t]*\n?[ \t]*[A-Z][A-Z ,&'’\-]{3,}$", gap, re.M):
            break
        if _NEW_EVENT.match(gap):
            break
        end = sentence_end(text, end + 1, soft)
    return end


def _part_values(match: re.Match[str]) -> tuple[str, list[tuple[str, int]]]:
    """A list marker's family ("paren", "dot", "close", "bullet") and its possible values."""
    if match.group("bullet"):
        return "bullet", [("bullet", 0)]
    family = "paren" if match.group("paren") else ("dot" if match.group("sep") == "." else "close")
    raw = match.group("pv") or match.group("dv")
    if raw.isdigit():
        return family, [("num", int(raw))]
    values = []
    low = raw.lower()
    if set(low) <= set("ivx"):
        roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
        if low in roman:
            values.append(("roman", roman[low]))
    if len(low) == 1:
        values.append(("alpha", ord(low) - 96))
    return family, values


def _list_end(text: str, start: int, hard: int) -> int:
    """End of a run of list parts (and their wrapped lines) that starts at or after ``start``.

    A part must carry on its family's numbering ("1." after "(b)" in "(a) ... (b) ... 1."
    starts a nested run; "9)" after "6." ends the list).
    """
    last: dict[tuple[str, str], int] = {}
    top: tuple[str, str] | None = None
    pos = start - 1
    end = start
    previous = ""
    while pos < hard:
        nxt = text.find("\n", pos + 1, hard)
        line_end = nxt if nxt >= 0 else hard
        line = text[pos + 1 : line_end]
        stripped = line.strip(" \t*_")
        pos = line_end
        if not stripped:
            if nxt < 0:
                break
            continue
        part = _PART.match(line)
        if part:
            family, values = _part_values(part)
            fitting = None
            for kind, value in values:
                key = (family, kind)
                if kind == "bullet" or (key in last and value == last[key] + 1) or (key not in last and value == 1):
                    fitting = (key, value)
                    break
            if fitting is None or (fitting[0] == top and fitting[0] in last and fitting[1] != last[top] + 1):
                break
            top = top or fitting[0]
            last[fitting[0]] = fitting[1]
        elif previous and previous.endswith((".", "”", '"')) and stripped[:1].isupper() and top is not None:
            break
        elif previous and previous.endswith((".", "”", '"')) and stripped[:1].isupper() and not previous.endswith(":"):
            break
        previous = stripped
        end = line_end
        if nxt < 0:
            break
    return end


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces, full stops and markup, and a closing quote that closes nothing."""
    while end > start:
        char = text[end - 1]
        if char in " \t\n.;,*_":
            end -= 1
        elif char in "”’\"" and not _opens(text[start : end - 1], char):
            end -= 1
        else:
            break
    return end


def _opens(span: str, closing: str) -> bool:
    """Whether ``span`` leaves a quote open that ``closing`` would close."""
    if closing == '"':
        return span.count('"') % 2 == 1
    opening = "“" if closing == "”" else "‘"
    return span.count(opening) > span.count(closing)


_LEAD_THAT = re.compile(r"^[\s*_“\"‘]*(?:that|THAT|That)\b[\s,:–-]*", re.UNICODE)


def tidy(text: str) -> str:
    """Decision text on one line, without a leading "That," or wrapping quotes and markup.

    Example:
        >>> tidy('“That, the draft Minutes be adopted.”')
        'the draft Minutes be adopted'
    """
    text = _LEAD_THAT.sub("", text.strip())
    text = re.sub(r"[*_]{2,}", "", text)
    text = " ".join(text.split()).strip(" \t.;,*_")
    if text[:1] and text[:1] in "“\"" and not _opens(text[1:], "”" if text[0] == "“" else '"'):
        text = text[1:]  # an opening quote whose closing quote was left outside
    if text[-1:] in "”\"" and not _opens(text[:-1], text[-1]):
        text = text[:-1]
    return _LEAD_THAT.sub("", text).strip(" \t.;,*_")


# ---------------------------------------------------------------- decisions referred back to

_NOTICE = re.compile(
    r"\b(?:I|We)\s+(?:will|shall|wish\s+to|intend\s+to|hereby|would\s+like\s+to)\s+(?:move|propose)\b"
    r"(?:\s+at\s+the\s+next\s+(?:[\w’']+\s+){0,4}?meeting(?:\s+of\s+[^,\n]{0,80}?)?)?[\s,]*(?=that\b|to\b)",
    re.IGNORECASE,
)
_BODY_WORDS = re.compile(r"\b(?:Referred|Whereas|Section\s+\d|Yeas|Nays|Received|Filed)\b")
_STATUS_WORD = re.compile(r"\b(?:Passed|Adopted)\b\.?")


def legislation_before(text: str, start: int) -> int:
    """Where a numbered piece of legislation heading the text at ``start`` begins ("Ord. No. 1360-16.
    By Council Member Zone. An emergency ordinance ..."), else ``start``.

    Only a heading counts: nothing but the number, sponsors, title (and a closing "Adopted.")
    may lie between, and no upper-case heading of another item.

    Example:
        >>> text = "Ord. No. 1360-16.\\nBy Council Member Zone.\\nAn emergency ordinance to buy salt.\\nPassed."
        >>> legislation_before(text, text.index("An emergency"))
        0
    """
    window_start = max(0, start - 1500)
    entries = list(LEGISLATION_RE.finditer(text, window_start, start))
    if not entries:
        return start
    entry = entries[-1]
    if _BODY_WORDS.search(text, entry.end(), start) or _CAPS_LINE.search(text, entry.end(), start):
        return start
    status = _STATUS_WORD.search(text, entry.end(), start)
    if status and text[status.end() : start].strip():
        return start  # "... Adopted." and then another item's heading
    return entry.start()


def back_reference(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The text that "the Motion was adopted" refers to: the nearest notice of motion
    ("I will move at the next meeting that ...") or quoted recommendation before ``pos``.

    Example:
        >>> text = "I will move at the next meeting that the limit be 20 mph. Later, the Motion was adopted."
        >>> start, end = back_reference(text, text.index("the Motion"), 0)
        >>> text[start:end]
        'that the limit be 20 mph'
    """
    window_start = max(floor, pos - 3000)
    best: tuple[int, int] | None = None
    notices = list(_NOTICE.finditer(text, window_start, pos))
    if notices:
        best = decision_extent(text, notices[-1].end(), pos)
    close = max(text.rfind("”", window_start, pos), text.rfind('"', window_start, pos))
    if close > 0:
        opening = max(text.rfind("“", window_start, close), text.rfind('"', window_start, close))
        if opening >= 0 and (best is None or opening > best[1]):
            best = (opening + 1, _trim_end(text, opening + 1, close))
    if best and best[1] - best[0] >= 3:
        return best
    return None
