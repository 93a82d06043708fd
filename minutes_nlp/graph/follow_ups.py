"""Follow-ups: a later item that answers an earlier request or resolution asking for a report.

"(b) a further report be brought to the committee in six months’ time" at one meeting is answered
by the item of a later meeting on the same issue whose title or text mentions the report or update
("Millbrook Leisure Centre - Six Month Update"). Items are on the same issue when they share an
issue id; items without issues (when no issue linking was run) are compared by the words of their
titles instead. The first later meeting of the same body (the same committee first) with such an
item answers the request; a chain forms when that item asks for a further report in turn.

Example:
    >>> bool(REPORT_REQUEST.search("a further report be brought back to the committee in six months"))
    True
    >>> bool(REPORT_REQUEST.search("a report on the first year of the Trust’s operation be brought to the committee"))
    True
    >>> [bool(REPORT_REQUEST.search(t)) for t in ("the recovery plan be shared with the committee",
    ...     "The Director’s report stated that the SPC had recommended that it be presented to Council")]
    [False, False]
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterable

from minutes_nlp.people import body_of
from minutes_nlp.records import AgendaItem, Meeting

__all__ = ["FollowUp", "REPORT_REQUEST", "find_follow_ups"]

logger = logging.getLogger(__name__)

REPORT_REQUEST = re.compile(
    r"\b(?:further|future|follow[- ]up|progress|six[- ]month)\s+(?:report|update|briefing|review)s?\b"
    r"|\breport(?:ed|s)?\s+back\b"
    r"|\b(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}(?:report|update)s?\b"
    r"(?:(?!\b(?:stated|said|noted|that|which|had|has|was|were)\b)[^.;]){0,100}?\b(?:be|being|is\s+to\s+be)\s+"
    r"(?:brought|presented|submitted|provided|made|tabled|considered|circulated)\b"
    r"|\b(?:report|update)\b[^.;]{0,80}\bin\s+(?:\w+|\d+)\s+months?\b",
    re.I,
)
_REPORTISH = re.compile(r"\b(?:report|update|review|progress|monitoring)\b", re.I)
_STOP = frozenset(
    "a an and the of for to in on at by with from - – report update review further six month months progress "
    "options final draft quarter annual".split()
)


@dataclass(frozen=True)
class FollowUp:
    """A ``follows_up`` edge: ``source`` (the later item) answers ``target`` (an earlier resolution or item)."""

    source: str
    target: str
    meeting: str
    date: str | None
    issue: str
    via: str  # "resolution" or "request"


def find_follow_ups(meetings: Iterable[Meeting], *, by_title: bool | None = None) -> list[FollowUp]:
    """Every follow-up in a set of meetings, in date order.

    ``by_title`` compares items by title words where they have no issues; by default only when no
    item of any meeting has issues (issue linking was not run).

    Example:
        >>> find_follow_ups([])
        []
    """
    meetings = list(meetings)
    if by_title is None:
        by_title = not any(item.issues for m in meetings for item in m.items)
    by_body: dict[str, list[Meeting]] = {}
    for m in meetings:
        by_body.setdefault(body_of(m), []).append(m)
    out: list[FollowUp] = []
    for body in sorted(by_body):
        series = sorted(by_body[body], key=lambda m: (m.date or "", m.id))
        for i, meeting in enumerate(series):
            for j, item in enumerate(meeting.items):
                requests = _requests(meeting, j, item)
                if not requests:
                    continue
                answer = _answer(item, meeting, series[i + 1 :], by_title)
                if answer is None:
                    continue
                later, k, issue = answer
                for target, via in requests:
                    out.append(FollowUp(f"item:{later.id}/{k}", target, later.id, later.date, issue, via))
    return out


def _requests(meeting: Meeting, index: int, item: AgendaItem) -> list[tuple[str, str]]:
    """Nodes that ask for a report: resolutions first; the item itself for a request in the discussion."""
    out = [
        (f"resolution:{meeting.id}/{index}/{k}", "resolution")
        for k, r in enumerate(item.resolutions)
        if REPORT_REQUEST.search(r.text)
    ]
    if not out and any("request" in u.acts and REPORT_REQUEST.search(u.text) for u in item.utterances):
        out.append((f"item:{meeting.id}/{index}", "request"))
    return out


def _answer(
    item: AgendaItem, meeting: Meeting, later: list[Meeting], by_title: bool
) -> tuple[Meeting, int, str] | None:
    same_committee = [m for m in later if m.committee == meeting.committee]
    for candidates in (same_committee, later):
        for m in candidates:
            best: tuple[tuple, int, str] | None = None
            for k, other in enumerate(m.items):
                issue = _shared_issue(item, other, by_title)
                if not issue or not _REPORTISH.search(f"{other.title or ''} {other.text[:600]}"):
                    continue
                score = (bool(_REPORTISH.search(other.title or "")), -k)
                if best is None or score > best[0]:
                    best = (score, k, issue)
            if best is not None:
                return m, best[1], best[2]
    return None


def _shared_issue(a: AgendaItem, b: AgendaItem, by_title: bool) -> str:
    """The issue the two items share (one named in the first title first); else, with ``by_title``,
    their shared title words."""
    if a.issues and b.issues:
        title = (a.title or "").lower()
        labels = {r.id: r.label.lower() for r in a.issues}
        shared = sorted({r.id for r in a.issues} & {r.id for r in b.issues}, key=lambda i: (labels[i] not in title, i))
        return shared[0] if shared else ""
    if not by_title:
        return ""
    wa, wb = _title_words(a.title), _title_words(b.title)
    if len(wa & wb) >= 2 and len(wa & wb) / len(wa | wb) >= 0.3:
        return " ".join(sorted(wa & wb))
    return ""


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", (title or "").lower()) if w not in _STOP and len(w) > 2)
