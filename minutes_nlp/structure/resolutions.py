"""Find resolutions: every decision the body made, however the minutes word it.

A resolution is one record per decision, its numbered parts included, its text without the
lead-in: "RESOLVED that (a) ... (b) ...", "And Resolved: “That, ...”", "It was agreed that ...",
"AGREED: ...", "The report was noted by the Council", "The minutes ... were approved", a carried
motion ("Motion carried": the motion's proposal is what was decided), numbered legislation
("Ord. No. 1360-16 ... Passed", "Res. No. 1367-16 — ... adopted") and "Without objection, X is
appointed". A lost or withdrawn motion is not a resolution.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "RESOLVED that (a) the report be noted; and\\n(b) a further report be brought back."))
    >>> [r.text for r in find_resolutions(view, 0, len(view.text), motions=[])]
    ['(a) the report be noted; and (b) a further report be brought back']
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from minutes_nlp.records import Motion, Resolution
from minutes_nlp.structure.cues import LEGISLATION_RE, RESOLVED_RE, keyword_hits, meeting_close, scan
from minutes_nlp.structure.extents import (
    decision_extent,
    legislation_before,
    sentence_end,
    sentence_start,
    tidy,
)
from minutes_nlp.structure.motions import outcome_ends
from minutes_nlp.structure.text import TextView

__all__ = ["find_resolutions"]

logger = logging.getLogger(__name__)

_AGREED = [
    re.compile(
        r"\b[Ii]t\s+was\s+(?:(?:therefore|further|also|then|unanimously|subsequently|generally|duly)\s+)*"
        r"(?:agreed|decided)\s*(?:(?:by\s+(?:all|the\s+\w+|members|those\s+present)|unanimously)\s*)?,?\s*"
        r"(?:that|to|:|(?=(?:a|an|the|this|these|all|no)\s))"
    ),
    re.compile(r"(?:^|(?<=\n)|(?<=\d[.)]\s))[ \t*_]*(?:AGREED|Agreed)[ \t*_]*(?:that\b|to\b|:|–|-|—)", re.MULTILINE),
    re.compile(r"\bAGREED\b[ \t*_]*(?:that|THAT|:)"),
    re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?:The\s+)?(?:Council|Committee|Cabinet|Board|Panel|Meeting|"
        r"Members|Councillors|Sub-Committee|Commission|Trustees|Supervisors)\s+(?:unanimously\s+|then\s+|also\s+|further\s+)?"
        r"(?:agreed|resolved|decided)\s+(?:that|to)\b",
        re.MULTILINE,
    ),
    re.compile(r"\b[Ww]ithout\s+objection,\s*"),
]
# "The Members noted the report and welcomed ..." -> the whole sentence
_BODY_NOTED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?:The\s+)?(?:Council|Members|Committee|Board|Panel|Cabinet|Meeting)\s+"
    r"(?:duly\s+|formally\s+)?noted\s+(?:the|this|these)\s+(?:[\w’'-]+\s+){0,2}?(?:report|reports|update|minutes|"
    r"correspondence|presentation|statement)\b",
    re.MULTILINE,
)
_ANCHOR_CUE = frozenset({"resolved", "agreed", "decided", "objection"})
# "that the lighting was essential" (an opinion) vs "that a letter be sent" (a decision)
_OPINION = re.compile(r"^(?:(?!\b(?:be|should|would|will|shall|must|to|could|may|can)\b)[^.;:])*?\b(?:was|were|is|are)\b")
_THIS_AGREED = re.compile(r"\s*[-–—]\s*(?:this|which|it)\s+was\s+(?:unanimously\s+)?agreed\b", re.IGNORECASE)
_ASKED_IF = re.compile(r"\b(?:asked|enquired|inquired|queried|suggested)\s+(?:if|whether|that)\s+", re.IGNORECASE)
# "The Chief Executive's Reports were noted by the Council." -> the whole sentence
_NOTED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?:The|This|These|Its)\s[^.\n]{1,160}?\s(?:was|were|had\s+been)\s+"
    r"(?:duly\s+|formally\s+)?(?:noted|received|accepted|adopted|approved|endorsed)\s+by\s+(?:the\s+)?"
    r"(?:Council|Members|Committee|Meeting|Board|Panel|Cabinet|Sub-Committee|Commission)\b",
    re.MULTILINE,
)
# "The Report was noted." (a short sentence of its own)
_THING_NOTED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?:The|This|These)\s+(?:[\w’'-]+\s+){0,4}?(?:report|reports|update|updates|"
    r"correspondence|position|information|presentation|accounts|statement|letter|document|plan|figures|briefing)\s+"
    r"(?:was|were|had\s+been)\s+(?:duly\s+|formally\s+)?(?:noted|received)\s*\.",
    re.MULTILINE | re.IGNORECASE,
)
# "The minutes of the meeting held on 7 May were agreed and signed as a correct record."
_MINUTES = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?:The\s+)?(?:[\w/-]+\s+){0,5}?minutes\b[^.\n]{0,160}?\s"
    r"(?:were|was|are|is|have\s+been|had\s+been)\s+(?:then\s+|duly\s+|unanimously\s+)?"
    r"(?:approved|agreed|adopted|confirmed|accepted|signed)\b",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE_CUE = frozenset({"noted", "received", "accepted", "adopted", "approv", "endorsed", "agreed", "confirmed", "signed"})
_BY_LINE = re.compile(r"\s*By\s+(?:Council\s*Members?|Councilm[ae]n|Councillors?|Mayor|Director|Members?|Alder\w*|Supervisor)\b")
_SPONSOR = re.compile(
    r"(?:(?:Introduced|Sponsored|Submitted|Presented|Offered|Moved)\s+by\b|By\s|(?:Council\s*[Mm]embers?|Councilm[ae]n|"
    r"Councillors?|Alder\w+|Supervisors?|Mayor|All\s+Members)\b)"
)
_BY_END = re.compile(r"(?<![\s.][A-Z])\.[ \t]*\n")
# "Passage recommended ..., when amended, as follows: 1. Strike ... Amendment agreed to."
_AMENDMENT_AGREED = re.compile(r"\bAmendments?\s+(?:was\s+|were\s+)?(?:agreed\s+to|adopted|carried|approved)\b")
_AS_FOLLOWS = re.compile(r"\bamended,?\s+as\s+follows\s*:")
_CAPS_LINES = re.compile(r"^[ \t]*[A-Z][A-Z ,&'’\-—–]{3,}$", re.MULTILINE)
_FOLLOWING = re.compile(
    r"following\s+(?:\w+\s+){0,3}(?:was|were)\s+(?:\w+\s+){0,2}(?:adopted|passed|approved|referred|received|filed)\b"
)
_BLOCK_PASSED = re.compile(r"(?:^|[.:]\s+|\n)(?:Passed|Adopted|PASSED|ADOPTED|Approved)\b(?!\s+by\s+Directors?)")
_BLOCK_NOT = re.compile(
    r"(?:^|[.:]\s+|\n)(?:Referred\s+to|Filed|Laid\s+over|Tabled|Failed|Defeated|Withdrawn|Read\s+first\s+time|Postponed)\b"
)
_NUMBER_BEFORE = re.compile(
    r"(?:\b(?:Resolution|Res\.?|Minute|Min\.?)\s*(?:No\.?\s*)?(?P<n1>[A-Z]{0,3}\d[\w/.-]*\d)|"
    r"(?:^|\n)[ \t]*(?P<n2>R\d{2,4}[-/.]\d+[\w-]*))[^\n]{0,80}\s*$"
)


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    number: str | None = None
    motion: int | None = None
    anchor: int | None = None  # where the lead-in starts, for linking to a motion
    sentence: bool = False  # a whole sentence ("The minutes were approved"), not a lead-in's text
    formal: bool = False  # introduced by "RESOLVED": may restate a motion carried a little before


def find_resolutions(view: TextView, start: int, end: int, *, motions: list[Motion]) -> list[Resolution]:
    """The decisions made in ``view.text[start:end]``, in order, each linked to its motion.

    ``motions`` are the item's motions (from :func:`find_motions`); a carried motion that no
    "RESOLVED" follows becomes a resolution of its own.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> view = TextView.of(Document.from_text("It was agreed that the Clerk write to the police."))
        >>> [r.text for r in find_resolutions(view, 0, len(view.text), motions=[])]
        ['the Clerk write to the police']
    """
    end = min(end, meeting_close(view))
    text = view.text
    # a numbered piece of legislation is often the item's own heading, just before its body
    heading_start = legislation_before(text, start)
    if end < start or (end == start and heading_start == start):
        return []
    found = _anchored(text, start, end) + _sentences(text, start, end) + _amendments(text, start, end)
    found += _agreed_after(text, start, end)
    found += [
        c
        for c in _legislation(text, min(start, heading_start), end)
        if c.anchor >= start or _heading_owns(text, c, start, end)  # type: ignore[operator]
    ]
    found = _link_motions(text, found, motions, outcome_ends(view, start, end))
    found = _dedupe(found)
    return [
        Resolution(
            text=c.text,
            number=c.number or _number_before(text, c.anchor if c.anchor is not None else c.start, start),
            outcome="carried",
            motion=c.motion,
            start=c.start,
            end=c.end,
            page=view.page_at(c.start),
        )
        for c in sorted(found, key=lambda c: c.start)
        if c.text
    ]


def _anchored(text: str, start: int, end: int) -> list[_Candidate]:
    """Decisions introduced by "RESOLVED that", "It was agreed to", "AGREED:" and the like."""
    found = []
    anchors = scan([RESOLVED_RE, *_AGREED], _ANCHOR_CUE, text, start, end, reach=60)
    for index, match in enumerate(anchors):
        if index and match.start() < anchors[index - 1].end():
            continue
        limit = end
        if index + 1 < len(anchors):
            limit = min(end, anchors[index + 1].start())
        formal = bool(re.search(r"resolved", match.group(), re.I))
        s, e = decision_extent(text, match.end(), limit, paragraph=formal)
        body = tidy(text[s:e])
        if len(body) < 3:
            continue
        if not formal and not re.match(r"\s*(?:it\s+was|agreed|AGREED)", match.group(), re.I) and _OPINION.match(body):
            continue  # "Members agreed that lighting was important" is a view, not a decision
        found.append(_Candidate(s, e, body, anchor=match.start(), formal=formal))
    return found


def _agreed_after(text: str, start: int, end: int) -> list[_Candidate]:
    """ "The Clerk asked if the notice could go in the newsletter - this was agreed.": the clause before."""
    found = []
    for match in scan([_THIS_AGREED], _ANCHOR_CUE, text, start, end, reach=40):
        s = sentence_start(text, match.start(), start)
        asked = _ASKED_IF.search(text, s, match.start())
        s = asked.end() if asked else s
        if match.start() - s > 3:
            found.append(_Candidate(s, match.start(), tidy(text[s : match.start()]), anchor=s, sentence=not asked))
    return found


def _sentences(text: str, start: int, end: int) -> list[_Candidate]:
    """Whole sentences that record a decision: "The report was noted by the Council."."""
    found = []
    starts = sorted({_clause_start(text, hit, start) for hit in keyword_hits(text, start, end, _SENTENCE_CUE)})
    for s in starts:  # each pattern is tried once, where a sentence holding a cue word begins
        match = next((m for p in (_NOTED, _BODY_NOTED, _THING_NOTED, _MINUTES) if (m := p.match(text, s, end))), None)
        if match is None:
            continue
        if re.search(r"\b(?:propos|moved|motion|second)", text[s : match.end()], re.I):
            continue
        if re.match(r"(?:These|This)\s", text[s : s + 6]) and "minutes" in match.group().lower():
            continue  # "These minutes were confirmed at the meeting held on ...": a signing block
        e = sentence_end(text, match.end(), end)
        found.append(_Candidate(s, e, tidy(text[s:e]), anchor=s, sentence=True))
    return found


def _clause_start(text: str, hit: int, floor: int) -> int:
    """Where the sentence (or line) holding ``hit`` starts, looking back a short way only."""
    low = max(floor, hit - 220)
    s = low
    for mark in (". ", ".\n", "\n"):
        at = text.rfind(mark, low, hit)
        if at >= 0:
            s = max(s, at + len(mark))
    while s < hit and text[s] in " \t\n":
        s += 1
    return s


def _amendments(text: str, start: int, end: int) -> list[_Candidate]:
    """Agreed amendments printed in full: "... when amended, as follows: 1. ... Amendment agreed to."."""
    found = []
    for match in _AMENDMENT_AGREED.finditer(text, start, end):
        intro = None
        for intro in _AS_FOLLOWS.finditer(text, max(start, match.start() - 5000), match.start()):
            pass
        if intro is None:
            continue
        body = tidy(text[intro.end() : match.start()])
        if len(body) >= 3:
            s = intro.end() + len(text[intro.end() : match.start()]) - len(text[intro.end() : match.start()].lstrip())
            found.append(_Candidate(s, match.start(), body, anchor=intro.start()))
    return found


def _legislation(text: str, start: int, end: int) -> list[_Candidate]:
    """Numbered ordinances and resolutions that were passed or adopted, by their titles."""
    entries = list(LEGISLATION_RE.finditer(text, start, end))
    found = []
    for index, match in enumerate(entries):
        next_entry = entries[index + 1].start() if index + 1 < len(entries) else len(text)
        block_end = entries[index + 1].start() if index + 1 < len(entries) else min(end, match.end() + 20000)
        heading = _next_heading(text, match.end(), block_end)
        block_end = heading if heading is not None else block_end
        block = text[match.end() : block_end]
        if _BLOCK_NOT.search(block):
            continue
        if not _BLOCK_PASSED.search(block) and not _heading_says_passed(text, 0, match.start()):
            continue
        if match.group("title"):
            title_start = match.start("title")
        else:
            by = _BY_LINE.match(text, match.end())
            title_start = match.end()
            if by:  # the sponsors' line ends with a full stop at a line end (not an initial's)
                by_end = _BY_END.search(text, by.end(), min(block_end, by.end() + 400))
                title_start = by_end.end() if by_end else sentence_end(text, by.end(), block_end)
        while title_start < block_end and text[title_start] in " \t\n":
            title_start += 1
        if _SPONSOR.match(text, title_start):  # "-- Introduced by Councilmember Chu." comes before the title
            title_start = sentence_end(text, title_start, block_end)
            while title_start < block_end and text[title_start] in " \t\n":
                title_start += 1
        # the title may run past a too-early item boundary ("Res. No. 1369-16 — Deputy Chief | Edward J. Tomba")
        title_end = sentence_end(text, title_start, max(block_end, min(len(text), title_start + 400, next_entry)))
        title = tidy(text[title_start:title_end])
        if title:
            found.append(_Candidate(title_start, title_end, title, number=match.group("number"), anchor=match.start()))
    return found


def _heading_owns(text: str, candidate: _Candidate, start: int, end: int) -> bool:
    """Whether a piece of legislation printed before ``start`` heads this item: its title runs
    into the item, or ends right before it (a closing "Adopted." aside)."""
    if candidate.end > start:
        return candidate.end <= end
    return not re.sub(r"(?:Passed|Adopted)\.?", "", text[candidate.end : start]).strip(" \t\n.")


def _next_heading(text: str, pos: int, limit: int) -> int | None:
    match = re.search(r"^[ \t]*[A-Z][A-Z ,&'’\-—–]{6,}$", text[pos:limit], re.MULTILINE)
    return pos + match.start() if match else None


def _heading_says_passed(text: str, floor: int, pos: int) -> bool:
    """Whether the last status heading or "the following ... were adopted" before ``pos`` says passed."""
    statuses = _statuses(text)
    index = bisect.bisect_left(statuses, (pos, False)) - 1
    return index >= 0 and statuses[index][0] >= floor and statuses[index][1]


@lru_cache(maxsize=16)
def _statuses(text: str) -> list[tuple[int, bool]]:
    """``(offset, passed)`` for every heading or sentence that states what happened to the legislation under it."""
    found = []
    heading_start, heading_end, words = -1, -1, ""
    for line in _CAPS_LINES.finditer(text):
        if line.start() <= heading_end + 1:
            heading_end, words = line.end(), words + " " + line.group()
            continue
        if heading_start >= 0:
            found.append((heading_start, words))
        heading_start, heading_end, words = line.start(), line.end(), line.group()
    if heading_start >= 0:
        found.append((heading_start, words))
    found.extend((m.start(), m.group()) for m in _FOLLOWING.finditer(text))
    statuses = []
    for offset, words in sorted(found):
        if re.search(r"PASSED|ADOPTED|REFERRED|RECEIVED|FILED|passed|adopted|referred|received|filed|approved", words):
            statuses.append((offset, bool(re.search(r"PASSED|ADOPTED|passed|adopted|approved", words))))
    return statuses


def _link_motions(text: str, found: list[_Candidate], motions: list[Motion], closes: dict[int, int]) -> list[_Candidate]:
    """Tie each decision to the motion it settles; a carried motion left over is a decision too.

    A decision belongs to the motion whose outcome was stated last before it ("Substantive
    Motion carried. RESOLVED that ..."), within a short distance.
    """
    linked: set[int] = set()
    for candidate in sorted(found, key=lambda c: c.start):
        anchor = candidate.anchor if candidate.anchor is not None else candidate.start
        best, best_close = None, -1
        for index, motion in enumerate(motions):
            if motion.start is None or motion.end is None or index in linked or motion.start > anchor:
                continue
            if motion.outcome not in ("carried", None):
                continue
            close = closes.get(motion.start, motion.end)
            reach = 3000 if motion.outcome == "carried" else 600
            if not candidate.formal and close < anchor:
                reach = 0  # "It was also agreed to ..." after a carried motion is a decision of its own
            if close <= anchor + 1 and anchor - close <= reach and close > best_close:
                best, best_close = index, close
            elif motion.start <= anchor < motion.end and best is None:
                best = index  # "On the proposal of X, it was agreed to ...": the decision is inside the motion
        if best is not None:
            candidate.motion = best
            linked.add(best)
            if candidate.sentence and motions[best].outcome == "carried" and motions[best].text \
                    and candidate.start <= best_close <= candidate.end:
                # "Minutes are approved." after a motion only says how it ended: the motion says what
                candidate.text = motions[best].text
    for index, motion in enumerate(motions):
        if index in linked or motion.outcome != "carried" or not motion.text or motion.start is None:
            continue
        found.append(_Candidate(motion.start, motion.end or motion.start, motion.text, motion=index, anchor=motion.start))
    return found


def _dedupe(found: list[_Candidate]) -> list[_Candidate]:
    """One record per decision: overlapping spans are the same decision."""
    kept: list[_Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        twin = next((k for k in kept if candidate.start < k.end and k.start < candidate.end), None)
        if twin is not None:
            if twin.motion is None:
                twin.motion = candidate.motion
            continue
        kept.append(candidate)
    return kept


def _number_before(text: str, pos: int, floor: int) -> str | None:
    """A resolution number printed just before the decision: "Resolution 2024-118", "R2024-058"."""
    match = _NUMBER_BEFORE.search(text, max(floor, pos - 160), pos)
    if not match:
        return None
    return match.group("n1") or match.group("n2")
