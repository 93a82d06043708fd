"""Shared cues for the decision finders: people's names, sentence and decision extents, cue words.

The motion, vote and resolution finders all read the same wordings ("Councillor Collins (M)",
"Motion carried", "RESOLVED that (a) ... (b) ..."), so the patterns live here, compiled once.

Example:
    >>> text = "Proposed by Councillor Collins (M); Seconded by Cllr Mrs Leamon."
    >>> [clean_name(m.group("p")) for m in PERSON_RE.finditer(text)]
    ['Collins (M)', 'Leamon']
    >>> text = "RESOLVED that the report be noted. Mr Hook spoke."
    >>> start, end = decision_extent(text, 14, len(text))
    >>> text[start:end]
    'the report be noted'
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from minutes_nlp.structure.text import TextView

__all__ = [
    "LEGISLATION_RE",
    "NUMBER",
    "PERSON",
    "PERSON_RE",
    "RESOLVED_RE",
    "TITLED_PERSON",
    "back_reference",
    "clean_name",
    "decision_extent",
    "keyword_hits",
    "legislation_before",
    "meeting_close",
    "number_value",
    "scan",
    "sentence_end",
    "sentence_start",
    "tidy",
]

_UP = "A-ZÀ-ÖØ-Þ"
# Words that start with a capital but are never part of a person's name in these wordings.
_STOP = (
    r"(?:And|The|That|This|These|To|Of|For|In|On|At|By|It|Its|He|She|They|A|An|As|With|Seconded|Second|"
    r"Seconds|Moved|Proposed|Proposer|Motion|Motions|Resolved|Resolution|Carried|Agreed|Approved|Council|"
    r"Councils|Committee|Meeting|Minutes|Amendment|Vote|Votes|Voting|Aye|Ayes|Yea|Yeas|Nay|Nays|No|Noes|"
    r"Yes|Abstain|Abstained|Abstention|Abstentions|For|Against|Unanimously|Following|Subject|Then|Also|"
    r"Item|Report|Recommendation|Board|Town|City|County|Parish|Borough|District|Township|Village|Public|"
    r"All|Upon|Being|Was|Were|Is|Be|Lost|Withdrawn|Deferred|Passed|Adopted|Chairman|Chair|Mayor|Leader|"
    r"Clerk|Members?|Director|Officer|Councillors?|Cllrs?|Supervisors?|Mr|Mrs|Ms|Dr|Section|Ward|Ord|Res|"
    r"RESOLVED|AGREED|CARRIED|THAT|MOTION|Yes|Not|Please|There|Their|Both|Any|Each|Every|Some|Such|Other|"
    r"New|Further|Previously|Originally|Recently|Now|Cabinet|Government|Administration|Executive|Group|"
    r"Panel|Commission|Department|Authority|Service|Services|Team|If|When|Where|While|After|Before|"
    r"Under|Having|Once|We|I|You|His|Her|Our|Your|My)\b"
)
_TITLE = (
    r"(?:Councillors?|Councilors?|Cllrs?\.?|Crs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Prof\.?|Professor|"
    r"Sir|Dame|Lord|Lady|Rev(?:d|\.)?|Reverend|Hon\.?|Alder(?:man|woman|person)|Supervisors?|"
    r"Council\s?(?:Members?|man|woman|lor)|Commissioners?|Trustees?|Select(?:man|woman|person)|Directors?|"
    r"Deputy\s+Mayor|Mayor|Deputy|Reeve|Board\s+Members?|Members?|Treasurer|Clerk|Chair(?:man|woman|person)?|"
    r"Vice[- ]?Chair(?:man|woman|person)?|Cathaoirleach|President|Vice[- ]President|Father|Fr\.?|Senator|"
    r"Judge|Sister)"
)
_SP = r"(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)"  # spaces, at most one line break (no blank line)
_WORD = rf"(?!{_STOP})[{_UP}][^\W\d_]*(?:['’][{_UP}]?[^\W\d_]+)*(?:-[{_UP}]?[^\W\d_]+)*"
_INITIAL = rf"[{_UP}]\.?(?=[ \t\n])"
_PARTICLE = r"(?:de|van|von|der|den|du|da|di|le|la|ní|nic|uí|mac)"
_QUALIFIER = r"(?:[ \t]*\([A-Z][A-Za-z]{0,3}\.?\))"
_ROLE = (
    r"(?:[Tt]he\s+)?(?:(?:Vice|Deputy)[- ]?)?(?:Chair(?:man|woman|person)?|Mayor|Leader(?:\s+of\s+the\s+Council)?|"
    r"Cathaoirleach|Leas-Chathaoirleach|President|Reeve|Warden|Proposer|Seconder)(?![\w-])"
)
# A person as printed: titles, initials, one to three name words, an optional "(M)" qualifier;
# or a role ("the Chairman") where no name follows.
PERSON = (
    rf"(?:(?:{_TITLE}{_SP}){{0,3}}(?:{_INITIAL}{_SP}){{0,3}}{_WORD}"
    rf"(?:{_SP}(?:{_PARTICLE}{_SP})?(?:{_INITIAL}{_SP})?{_WORD}){{0,2}}{_QUALIFIER}?"
    rf"|{_ROLE})"
)
PERSON_RE = re.compile(rf"(?P<p>{PERSON})")
# A person introduced by a title ("Cllr Smith"), for wordings where a bare word could be anything else.
TITLED_PERSON = (
    rf"(?:{_TITLE}{_SP}){{1,3}}(?:{_INITIAL}{_SP}){{0,3}}{_WORD}(?:{_SP}(?:{_PARTICLE}{_SP})?(?:{_INITIAL}{_SP})?{_WORD}){{0,2}}"
    rf"{_QUALIFIER}?"
)
_TITLE_PREFIX = re.compile(rf"^(?:(?:the\s+)?{_TITLE}\.?\s+)+", re.IGNORECASE)
_HONOURS = re.compile(r",?\s+(?:MBE|OBE|CBE|KBE|DBE|JP|MP|DL|BEM|QC|KC|TD|MEP)\b\.?")

_NUMBER_WORDS = {
    "nil": 0, "none": 0, "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}
NUMBER = r"(?:\d{1,3}|nil|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"


def number_value(token: str | None) -> int | None:
    """``"7"`` -> 7, ``"three"`` -> 3, ``"nil"`` -> 0; None when absent.

    Example:
        >>> number_value("three"), number_value("12"), number_value(None)
        (3, 12, None)
    """
    if token is None:
        return None
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


def clean_name(raw: str) -> str:
    """A printed name without titles or honours, on one line: "Cllr Mrs Mendoza" -> "Mendoza".

    A bare role keeps its words: "the Vice-Chairman" -> "Vice-Chairman".

    Example:
        >>> clean_name("Council Member J. Johnson"), clean_name("the Chairman"), clean_name("Mr B J Sweetland")
        ('J. Johnson', 'Chairman', 'B J Sweetland')
    """
    name = " ".join(raw.split())
    name = re.sub(r"^the\s+", "", _HONOURS.sub("", name), flags=re.I)
    stripped = _TITLE_PREFIX.sub("", name)
    if not stripped or not re.search(rf"[{_UP}]", stripped):
        stripped = re.sub(r"^the\s+", "", name, flags=re.I)
    return stripped.strip(" ,;")


# ---------------------------------------------------------------- sentences and extents

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


def sentence_end(text: str, pos: int, limit: int) -> int:
    """Offset just past the sentence that contains ``pos`` (its full stop included), or ``limit``.

    A paragraph break ends a sentence too, unless the text before it is left hanging
    ("... the approval of the\n\nCouncil", as at a page break).
    """
    stop = limit
    for match in _SENT_END.finditer(text, pos, limit):
        before = text[max(pos, match.start() - 12) : match.start()]
        if text[match.start()] == "." and _ABBREV.search(before):
            continue
        stop = match.end()
        break
    for match in _PARA_BREAK.finditer(text, pos, stop):
        before = text[max(pos, match.start() - 20) : match.start()].rstrip()
        if before and not _HANGING.search(before):
            return match.start()
    return stop


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Offset where the sentence holding ``pos`` begins (not before ``floor``)."""
    window_start = max(floor, pos - 1500)
    best = window_start
    for match in _SENT_END.finditer(text, window_start, pos):
        before = text[max(window_start, match.start() - 12) : match.start()]
        if text[match.start()] == "." and _ABBREV.search(before):
            continue
        best = match.end()
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
    rf"(?:{_TITLE})\s|[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:said|asked|noted|reported|stated|explained|thanked))",
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
    if text[:1] in "“\"" and not _opens(text[1:], "”" if text[0] == "“" else '"'):
        text = text[1:]  # an opening quote whose closing quote was left outside
    if text[-1:] in "”\"" and not _opens(text[:-1], text[-1]):
        text = text[:-1]
    return _LEAD_THAT.sub("", text).strip(" \t.;,*_")


# ---------------------------------------------------------------- meeting close

_CLOSE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:There\s+being\s+no\s+further\s+business,?\s+)?(?:the\s+)?"
    r"(?:[\w’']+\s+){0,3}(?:meeting|council|session|proceedings)\s+(?:was\s+|were\s+)?"
    r"(?:adjourned|closed|ended|concluded|terminated)\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hours|hrs)?"
    r"(?![^.\n]{0,80}\b(?:re-?convene|resum|reopen))",
    re.IGNORECASE,
)


_CLOSE_WORDS = (" adjourned at", " closed at", " ended at", " concluded at", " terminated at", "\nadjourned at")


@lru_cache(maxsize=32)
def _close_offset(text: str) -> int | None:
    low = text.lower()
    first = None
    for word in _CLOSE_WORDS:  # literal look-ups first: the full pattern is costly to try everywhere
        at = low.find(word)
        while at >= 0:
            match = _CLOSE.search(text, max(0, at - 160), min(len(text), at + 120))
            if match and match.start() <= at + 1 and (first is None or match.end() < first):
                first = match.end()
                break
            at = low.find(word, at + 1)
    return first


def meeting_close(view: TextView) -> int:
    """Offset where the meeting's own record ends: past "The meeting closed at 9.15pm".

    Decisions printed after the close (another body's proceedings in the same
    publication, appendices) are not this meeting's. ``len(view.text)`` when no close
    is printed.
    """
    offset = _close_offset(view.text)
    if offset is None:
        return len(view.text)
    line_end = view.text.find("\n", offset)
    return len(view.text) if line_end < 0 else line_end


# ---------------------------------------------------------------- decisions referred back to

# Numbered legislation: "Ord. No. 1360-16.", "Res. No. 1367-16 — Margaret Dua.", "Resolution No. 24-118"
LEGISLATION_RE = re.compile(
    r"^[ \t]*(?P<kind>Ord(?:inance)?|Res(?:olution)?|Bill|Local\s+Law)\.?\s+No\.?\s*"
    r"(?P<number>\d[\w-]*\d|\d)(?![\w-])\.?[ \t]*"
    r"(?:[ \t]*(?:--|[—–:-])[ \t]*(?P<title>\S)|$)",
    re.MULTILINE,
)

RESOLVED_RE = re.compile(
    r"(?<!Be it )(?<!Be it further )"
    r"(?:\b(?:And|and|It\s+was|it\s+was|IT\s+WAS)\s+(?:(?:therefore|further|also|unanimously|accordingly)\s+)*)?"
    r"(?:\bRESOLVED\b|(?:(?<=\n)|(?<=^)|(?<=\d[.)]\s)|(?<=And\s)|(?<=and\s))[ \t*_]*Resolved\b|"
    r"(?:(?<=was\s)|(?<=unanimously\s)|(?<=further\s)|(?<=also\s)|(?<=therefore\s))[Rr]esolved\b)"
    r"(?:\s+(?:UNANIMOUSLY|unanimously|accordingly))?[ \t*_]*(?:that\b|THAT\b|to\b|:|–|-|—|,)?",
    re.MULTILINE,
)
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
    ("I will move at the next meeting that ...") or quoted recommendation before ``pos``."""
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


# Every cue word any decision finder starts from, found in one pass over the lower-cased text.
_KEYWORDS = re.compile(
    r"propos|moved|motion|nominat|second|yea|aye|nay|noes|against|opposed|vot|carried|passed|approv|adopted|"
    r"agreed|accepted|endorsed|lost|defeated|fell|failed|rejected|withdr|deferred|postponed|adjourned|resolved|"
    r"decided|objection|noted|received|confirmed|signed|abstention|appointed|elected|offered|introduced|supported|"
    r"interest"
)


_STEMS = tuple(_KEYWORDS.pattern.split("|"))


@lru_cache(maxsize=8)
def _keyword_index(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    low = text.lower()
    hits: list[tuple[int, str]] = []
    for stem in _STEMS:  # str.find is far faster than one alternation over the whole text
        at = low.find(stem)
        while at >= 0:
            hits.append((at, stem))
            at = low.find(stem, at + 1)
    hits.sort()
    return tuple(h[0] for h in hits), tuple(h[1] for h in hits)


def keyword_hits(text: str, start: int, end: int, stems: frozenset[str]) -> list[int]:
    """Offsets in ``[start, end)`` where one of the cue ``stems`` (from ``_KEYWORDS``) begins a word part.

    Example:
        >>> keyword_hits("Motion carried.", 0, 15, frozenset({"carried"}))
        [7]
    """
    positions, words = _keyword_index(text)
    first = bisect.bisect_left(positions, start)
    last = bisect.bisect_left(positions, end)
    return [positions[i] for i in range(first, last) if words[i] in stems]


def scan(
    patterns: list[re.Pattern[str]], stems: frozenset[str], text: str, start: int, end: int, reach: int = 200
) -> list[re.Match[str]]:
    """Matches of ``patterns`` near a cue word only, in order; overlapping matches dropped.

    Trying every pattern at every offset of a 50-page text is slow, so the patterns are
    tried only in windows around their cue words (``stems``, see :func:`keyword_hits`).
    """
    windows: list[list[int]] = []
    for hit in keyword_hits(text, start, end, stems):
        ws = max(start, hit - reach)
        newline = text.rfind("\n", ws, hit)
        ws = ws if newline < 0 or hit - newline > reach // 2 else newline + 1
        we = min(end, hit + reach)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], we)
        else:
            windows.append([ws, we])
    found = sorted(
        (m for ws, we in windows for pattern in patterns for m in pattern.finditer(text, ws, we)),
        key=lambda m: (m.start(), -(m.end() - m.start())),
    )
    kept: list[re.Match[str]] = []
    for match in found:
        if kept and match.start() < kept[-1].end():
            continue
        kept.append(match)
    return kept
