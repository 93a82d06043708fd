"""Meeting metadata: body, committee, date, start time and venue, from the heading and opening lines.

The meeting date is told apart from the other dates near the top of a document (a newspaper's
publication date, "the minutes of the meeting held on 7 November" approving an earlier meeting)
by what is printed around it: "held ... on", a date line under the council's name, a dateline
("Cleveland, Ohio June 8, 1998"), and by what is not ("Vol. 85", "approved as a correct record").
The dates and times themselves are read by :mod:`minutes_nlp.structure.dates`.

The committee is the name printed for the meeting ("a meeting of the Cabinet", "Minutes of Stoke
Ferry Parish Council Meeting", "Regular Town Board Meeting", "JOURNAL OF THE CITY COUNCIL"), else
the heading line naming a body nearest the date ("Town of North Star", "CITY COUNCIL"). The body
is the council's own name ("Kent County Council"; "Council of the City of X" -> "X City Council").

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "WEALD DISTRICT COUNCIL\\nMINUTES of a meeting of the Planning Committee held in the "
    ...     "Council Chamber, Town Hall on Tuesday, 4th March 2025 at 7.00 pm\\n"
    ...     "1. Minutes of the meeting held on 4 February 2025"))
    >>> find_metadata(view)
    MeetingMetadata(body='Weald District Council', committee='Planning Committee', date='2025-03-04', \
start_time='19:00', venue='Council Chamber, Town Hall')
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.structure.dates import DateMatch, find_dates, find_times, is_month_first
from minutes_nlp.structure.text import TextView

__all__ = ["MeetingMetadata", "find_metadata"]

logger = logging.getLogger(__name__)

HEAD_CHARS = 4000  # the opening of a document, where its heading and date are printed
HEAD_SHARE = 0.12  # ... or this share of a long document (a newspaper prints the proceedings later)
HEAD_MAX = 40000

_ORG_NOUN = (
    r"(?:Council|Committee|Sub-?Committee|Board|Panel|Cabinet|Commission|Authority|Assembly|Forum|Executive|"
    r"Working\s+(?:Group|Party)|Select\s+Board|Vestry|Parish\s+Meeting|Town\s+Meeting)"
)
_ORG_PLACE = r"(?:Town|City|Village|Township|Borough|County|Municipality|District|Shire|Parish|Corporation)"
_CAP = r"(?:[A-Z][\w'’&.\-]*|[A-Z]&[A-Z])"
# Matched against title-cased text: "Limerick City and County Council", "Town of North Star", "Cabinet".
_ORG_NAME = re.compile(
    rf"(?:The\s+)?(?:{_CAP}\s+(?:(?:of|and|for|on|&|the)\s+)?){{0,8}}{_ORG_NOUN}"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:{_CAP}\s*){{1,4}}(?:\s+(?:of|and)\s+(?:{_CAP}\s*){{1,3}})?)?"
    rf"|(?:The\s+)?(?:Corporation\s+of\s+the\s+)?{_ORG_PLACE}\s+of\s+(?:{_CAP}\s*){{1,4}}"
)
_NOT_ORG_START = re.compile(
    r"(?i)^(?:the\s+)?(?:president|clerk|chair\w*|mayor|director|secretary|members?|leader|official|publication|"
    r"minutes|agenda|report|notice|be|recommending|approved|resolution|ordinance|re|to|from|by|dear|item)\b"
)
_COUNCIL_OF_THE = re.compile(
    r"\b(?i:council|board)\s+(?i:of\s+the)\s+(?i:(city|town|county|village|borough|township))\s+(?i:of)\s+"
    r"([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2})"
)
_ORG_HINT = re.compile(
    r"(?i)council|committee|board|panel|cabinet|commission|authority|assembly|forum|executive|group|party|vestry|"
    r"meeting|town|city|village|township|borough|county|municipality|district|shire|parish|corporation"
)
_BANNED = {"minutes", "draft", "agenda", "meeting", "held", "report", "notice", "published", "official", "publication"}
_X_MEETING_LINE = re.compile(
    r"(?i)^(?:(?:annual|ordinary|special|extraordinary|monthly|regular|adjourned|statutory|budget|reconvened|full|"
    r"emergency|draft|public)\s+)*(?P<name>[^:;,]{3,60}?)\s+meeting(?:\s+(?:minutes|held\s+in\s+public))?(?:\s*[–—-].*)?$"
)
_MEETING_OF = re.compile(
    r"\b(?:meeting|minutes|proceedings|session|journal)\s+(?:of|for)\s+(?:an?\s+|the\s+)?(?P<name>.{3,90}?)"
    r"(?=\s+(?:held|meeting|which|that|was|convened|on|at|in|commencing|starting|for|from)\b|\s*[,.;:(\n–—-]|$)",
    re.I,
)
_MINUTES_OF_X_MEETING = re.compile(
    r"\bminutes\s+of\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’&\-]*\s+|of\s+|and\s+){1,8}?)"
    r"(?:(?:annual|ordinary|special|extraordinary|monthly|regular|adjourned|budget)\s+)*meeting\b",
    re.I,
)
_MEETING_TYPES = re.compile(
    r"\b(?:annual|ordinary|special|extraordinary|monthly|regular|adjourned|statutory|budget|reconvened|"
    r"full|emergency|draft|printed)\b\s*",
    re.I,
)
_GENERIC = {"council", "committee", "board", "panel", "meeting", "the council", "commission", "members"}
_SMALL = {"of", "and", "the", "for", "on", "in", "at", "to", "a", "an"}
_PUBLICATION = re.compile(
    r"\b(?:vol(?:ume)?\.?|no\.|issue|published|publication|printed|dated|letter|posted)\W*$", re.I
)
_PUBLICATION_AFTER = re.compile(r"^\W*(?:no\.|vol\.|issue\b)", re.I)
_PREVIOUS = re.compile(
    r"\b(?:approv\w*|correct\s+record|confirm\w*|signed|adopt\w*|noted|previous|last\s+meeting|circulated|"
    r"next\s+meeting|adjourn\w*|to\s+meet|reconvene|deadline|until|expires?)\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+(?:[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?|[A-Z]{2})\.?$")
_DATELINE_BEFORE = re.compile(r"[A-Z][a-z]+,\s+(?:[A-Z][a-z]+\.?|[A-Z]{2})\s*$")
_OPENED_AFTER = re.compile(
    r"\W*(?:the\s+)?(?:meeting|council|board|committee)\b[^.]{0,40}\b(?:called|opened|convened)", re.I
)
# "..., if in order, to be approved as a correct record" - but not "(to be approved at the next meeting)"
_APPROVING = re.compile(
    r"\b(?:if\s+in\s+order|(?:correct|true|accurate)\s+record|taken\s+as\s+read"
    r"|(?:be|were|was)\s+(?:approved|confirmed|signed|adopted|agreed)(?!\s+at\b))",
    re.I,
)
_HELD_ON = re.compile(r"\b(?:minutes|meeting)s?\s+(?:of\s+the\s+\w+\s+)?(?:meetings?\s+)?held\s+on\s*$", re.I)
_NUMBERED = re.compile(r"\s*\d+[.)]\s")
_ITEM = re.compile(r"\s*\(item", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.\s|\n\s*\n\s*\n")
_HELD = re.compile(r"\b(?:held|convened|meeting|minutes|proceedings|called\s+to\s+order)\b", re.I)
_VENUE = re.compile(
    r"\b(?:held|convened|meeting|meet)\s+(?:(?:in|at)\s+(?:the\s+)?|virtually\s+via\s+|via\s+)(?P<venue>[^.;\n]{3,120}?)"
    r"(?=,?\s+(?:on\b|at\s+\d|commencing|starting|beginning|from\s+\d)|\s*\.(?:\s|$)|\s*$|\s+\d)",
    re.I,
)
_VENUE_LABEL = re.compile(
    r"(?im)^[ \t*_]*(?:venue|location|place|meeting\s+place)\s*:\s*(?P<venue>[^\n]{3,120}?)[ \t.]*$"
)
_CALL_VENUE = re.compile(
    r"called\s+(?:the\s+)?(?:\w+\s+){0,3}meeting\s+to\s+order\b[^.\n]{0,80}?\b(?:at|in|via)\s+(?:the\s+)?"
    r"(?P<venue>(?:[A-Z][\w'’]*\s*){1,6}|teleconferenc\w*|video\s*conferenc\w*)",
)


@dataclass(frozen=True)
class MeetingMetadata:
    """What the heading says about a meeting; None where it is not printed."""

    body: str | None = None
    committee: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    start_time: str | None = None  # "HH:MM", 24-hour
    venue: str | None = None


def find_metadata(view: TextView) -> MeetingMetadata:
    """Body, committee, date, start time and venue of the meeting a document records."""
    text = view.text
    head_end = min(len(text), max(HEAD_CHARS, min(int(len(text) * HEAD_SHARE), HEAD_MAX)))
    month_first = is_month_first(text[:head_end])
    dates = find_dates(text, 0, head_end, month_first=month_first) or find_dates(text, month_first=month_first)
    date = _pick_date(text, dates)
    anchor = date.start if date else 0
    committee, body = _find_names(view, head_end, date)
    time = _find_time(text, date, head_end)
    venue = _find_venue(text, anchor, head_end)
    return MeetingMetadata(
        body=body, committee=committee, date=date.iso if date else None, start_time=time, venue=venue
    )


def _pick_date(text: str, dates: list[DateMatch]) -> DateMatch | None:
    """The meeting date: the first date whose surroundings say so; else the best-scored one."""
    if not dates:
        return None
    scored = [(_score_date(text, d), d) for d in dates]
    chosen = next((date for score, date in scored if score >= 2), None)
    if chosen is None:
        best = max(scored, key=lambda pair: (pair[0], -pair[1].start))
        return best[1] if best[0] >= 0 else None
    # the same date may be printed more than once (masthead, then the proceedings): anchor on the best one
    same = [(score, date) for score, date in scored if date.iso == chosen.iso]
    return max(same, key=lambda pair: (pair[0], -pair[1].start))[1]


def _score_date(text: str, date: DateMatch) -> int:
    floor = max(0, date.start - 300)  # look at most 300 characters around the date
    line_start = text.rfind("\n", floor, date.start) + 1 or floor
    line_end = text.find("\n", date.end, date.end + 300)
    line_end = min(len(text), date.end + 300) if line_end < 0 else line_end
    line = text[line_start:line_end]
    before = text[max(0, date.start - 200) : date.start]
    near_before = text[max(line_start - 1, date.start - 60, 0) : date.start]
    after = text[date.end : date.end + 120]
    same_paragraph = after.split("\n\n", 1)[0]
    score = 0
    previous_line = text[
        text.rfind("\n", max(0, line_start - 300), max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)
    ].strip()
    sentence_before = _SENTENCE_END.split(before)[-1]
    if _PUBLICATION.search(near_before) or _PUBLICATION_AFTER.search(after):
        return -5
    if _HELD_ON.search(near_before) and (_NUMBERED.match(line) or _APPROVING.search(same_paragraph[:100]) or _ITEM.match(after)):
        return -3  # "272. Minutes of the meeting held on 7 November 2024, if in order, to be approved"
    if _PREVIOUS.search(sentence_before[-80:]) or _PREVIOUS.search(after[:60]):
        score -= 3
    if _HELD.search(sentence_before):
        score += 3
    stripped = line.strip(" \t*#_.,")
    if len(stripped) <= date.end - date.start + 12:  # a date on a line of its own
        score += 2
        if _DATELINE.match(previous_line):
            score += 2  # "Cleveland, Ohio" above the date
        if _org_prefix(previous_line.strip(" *#_"), whole=True) or re.search(r"\bmeeting\b", previous_line, re.I):
            score += 1
    elif re.search(r"[–—-]", line) and _org_prefix(re.split(r"\s*[–—-]\s*", line.strip(" *#_"))[0], whole=True):
        score += 2  # "CORPORATE PARENTING PANEL – 10th December 2024"
    if _DATELINE_BEFORE.search(near_before):
        score += 2  # a dateline: "Cleveland, Ohio June 8, 1998"
    if _OPENED_AFTER.match(after):
        score += 1
    return score


def _find_names(view: TextView, head_end: int, date: DateMatch | None) -> tuple[str | None, str | None]:
    """(committee, body): the name printed for the meeting ("a meeting of the Cabinet", "Minutes of X
    Meeting", "Regular Town Board Meeting"), else the heading line naming a body nearest the date."""
    text = view.text
    anchor = date.start if date else 0
    low, high = max(0, anchor - 1500), min(len(text), anchor + 300)
    named: list[str] = []
    weak: list[str] = []  # "The meeting of the Council was called to order"
    for pattern in (_MINUTES_OF_X_MEETING, _MEETING_OF):
        for match in pattern.finditer(_squash(text[low:high])):
            name = _org_prefix(match.group("name"))
            if name:
                (weak if name.lower() in _GENERIC else named).append(_drop_body_prefix(name))
    for _start, _end, line in view.iter_lines(low, high):
        match = _X_MEETING_LINE.match(line.text.strip(" *#_|"))
        name = _org_prefix(match.group("name"), whole=True) if match else None
        if name:
            named.append(_drop_body_prefix(name))
    committee = _most_specific(named)
    headings = _org_headings(view, head_end)
    if committee is None:
        before = [h for h, pos in headings if pos <= anchor and anchor - pos <= 600]
        after = [h for h, pos in headings if anchor < pos <= anchor + 150]
        committee = before[-1] if before else after[0] if after else (weak[0] if weak else None)
    body = _pick_body(text[:head_end], [h for h, _ in headings], committee)
    return (_title(committee) if committee else None), (_title(body) if body else None)


def _most_specific(names: list[str]) -> str | None:
    """The first name, or a later, fuller form of it ("Parish Council" -> "Nethercote Parish Council")."""
    chosen = names[0] if names else None
    for name in names[1:]:
        if chosen and name.lower().endswith(" " + chosen.lower()):
            chosen = name
    return chosen


def _drop_body_prefix(name: str) -> str:
    """ "Town of Cedar Bend Town Board" -> "Town Board": the body's name printed before the committee's."""
    match = re.match(rf"(?i)^(?:the\s+)?{_ORG_PLACE}\s+of\s+.+?\s+(?P<rest>(?:{_ORG_PLACE}\s+)?{_ORG_NOUN})$", name)
    return match.group("rest") if match else name


def _org_headings(view: TextView, head_end: int) -> list[tuple[str, int]]:
    """Short lines in the opening that name a body or committee, with their offsets."""
    found: list[tuple[str, int]] = []
    for start, _end, line in view.iter_lines(0, head_end):
        raw = line.text.strip(" *#_|")
        if len(raw) > 90 or not raw or not _ORG_HINT.search(raw):
            continue
        parts = re.split(r"\s+/\s+", raw)  # a bilingual heading: "CYNGOR SIR ABERDERI / ABERDERI COUNTY COUNCIL"
        candidate = re.split(r"\s+[–—-]\s+|\s*[–—]\s*|\s{3,}", parts[-1] if len(parts) == 2 else raw)[0]
        candidate = re.sub(
            r"(?i)^(?:draft\s+)?(?:minutes|notes)\s+of\s+(?:the\s+)?(?:(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?)?",
            "",
            candidate,
        )
        name = _org_prefix(candidate, whole=True)
        if name:
            found.append((name, start))
    return found


def _org_prefix(text: str, *, whole: bool = False) -> str | None:
    """The longest leading run of ``text`` that names an organisation (all of it when ``whole``)."""
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?:[\w-]+\s+)?meeting\s+of\s+(?:the\s+)?", "", text)
    name = _tidy_org(text)
    if not name or _NOT_ORG_START.match(name):
        return None
    words = name.split()
    lengths = [len(words)] if whole else range(len(words), 0, -1)
    for n in lengths:
        if any(w.lower() in _BANNED for w in words[:n]):
            continue
        candidate = " ".join(words[:n]).rstrip(",.;:")
        if _ORG_NAME.fullmatch(_title(candidate) if candidate.isupper() else candidate):
            return candidate
    return None


def _pick_body(head: str, headings: list[str], committee: str | None) -> str | None:
    """The council's own name: "Council of the City of Cleveland" -> "Cleveland City Council"."""
    match = _COUNCIL_OF_THE.search(head)
    if match:
        return f"{_title(match.group(2))} {match.group(1).title()} Council"
    for name in headings + ([committee] if committee else []):
        if _is_specific_body(name):
            return re.sub(r"(?i)^(?:the\s+)?corporation\s+of\s+the\s+", "", name)
    return None


def _is_specific_body(name: str) -> bool:
    """True for a council's own name ("Kent County Council", "Town of North Star"), not "County Council"."""
    if re.match(rf"(?i)(?:the\s+)?(?:corporation\s+of\s+the\s+)?{_ORG_PLACE}\s+of\s+", name):
        return True
    words = name.split()
    if not re.search(r"(?i)\b(?:council|authority|corporation)$", name) or len(words) < 2:
        return False
    generic = {
        "city",
        "county",
        "district",
        "borough",
        "parish",
        "town",
        "village",
        "council",
        "and",
        "the",
        "full",
        "municipal",
        "regional",
        "unitary",
        "metropolitan",
        "community",
        "executive",
        "combined",
        "authority",
    }
    return any(w.lower() not in generic for w in words)


def _tidy_org(name: str) -> str | None:
    name = _squash(name).strip(" ,.;:–—-*#_")
    name = re.sub(r"^(?:an?|the)\s+", "", name, flags=re.I)
    name = _MEETING_TYPES.sub("", name)
    name = re.sub(r"\s+(?:held|meeting)$", "", name.strip(), flags=re.I)
    name = _squash(name).strip(" ,.;:")
    if not name or len(name) > 80 or re.search(r"\d", name):
        return None
    return name


def _title(name: str) -> str:
    """Title-case an all-capitals name ("LIMERICK CITY AND COUNTY COUNCIL"); keep mixed case as printed."""
    if name.upper() != name:
        return name
    words = name.lower().split()
    return " ".join(
        w if (i and w in _SMALL) else "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
        for i, w in enumerate(words)
    )


def _find_time(text: str, date: DateMatch | None, head_end: int) -> str | None:
    """The start time: the first time printed near the meeting date or "called to order at"."""
    if date is not None:
        near = find_times(text, max(0, date.start - 120), min(len(text), date.end + 160))
        if near:
            return near[0][0]
    match = re.search(r"(?:called\s+to\s+order|commenc\w+|began|opened|started)\b[^.]{0,60}", text[:head_end], re.I)
    if match:
        times = find_times(text, match.start(), match.end() + 20)
        if times:
            return times[0][0]
    return None


def _find_venue(text: str, anchor: int, head_end: int) -> str | None:
    window_start = max(0, anchor - 600)
    window = _squash(text[window_start : min(len(text), max(anchor + 300, 600))])
    match = _VENUE_LABEL.search(text, window_start, min(len(text), anchor + 600)) or _VENUE.search(window)
    if match:
        venue = match.group("venue").strip(" ,")
        if not re.match(r"(?i)(?:\d|on\b|call\b|the\s+(?:minutes|agenda|request|discretion))", venue):
            return _title(venue)
    match = _CALL_VENUE.search(_squash(text[:head_end]))
    return match.group("venue").strip() if match else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufffe", "-")).strip()
