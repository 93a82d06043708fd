"""Outcome assignment: give each motion the outcome stated after it ("Motion carried", "RESOLVED", a vote).

Statements are read in order: "Motion carried", "The amendment was lost", "Substantive motion
carried", "Both motions were adopted", "Agreed." (in the motion's own sentence or the next),
"the Mayor declared Councillor X elected", "The meeting adjourned" (for a motion to adjourn), a
following "RESOLVED" (carried), and, where nothing is stated, a recorded vote (carried when more
voted for than against). An outcome printed in the motion's own sentence ("... seconded by Y and
adopted") is set by the motion finder beforehand, in ``in_sentence``.

Example:
    >>> from dataclasses import dataclass, field
    >>> @dataclass
    ... class Draft:
    ...     start: int
    ...     end: int
    ...     text: str = "the report be received"
    ...     amendment: bool = False
    ...     outcome: str | None = None
    ...     outcome_end: int | None = None
    ...     in_sentence: list = field(default_factory=list)
    >>> text = "Moved by Cr Lee that the report be received. CARRIED"
    >>> draft = Draft(0, 44)
    >>> assign_outcomes(text, [draft], 0, len(text))
    >>> draft.outcome, text[draft.outcome_end - 7 : draft.outcome_end]
    ('carried', 'CARRIED')
"""
from __future__ import annotations

import logging
import re
from typing import Protocol, Sequence

from minutes_nlp.structure.cues import RESOLVED_RE, keyword_hits, merge_windows, scan
from minutes_nlp.structure.extents import sentence_end
from minutes_nlp.structure.votes import find_counts

__all__ = ["PendingMotion", "assign_outcomes"]

logger = logging.getLogger(__name__)


class PendingMotion(Protocol):
    """A motion being read, as outcome assignment sees it: where it is, what it says, its outcome so far."""

    start: int
    amendment: bool
    text: str
    outcome: str | None
    outcome_end: int | None  # where the statement of its outcome ends
    in_sentence: list[str]  # outcomes printed in the motion's own sentence ("... and adopted")

    @property
    def end(self) -> int: ...


_VERB = re.compile(
    r"\b(?P<verb>carried|passed|adopted|approved|agreed|accepted|endorsed|lost|defeated|fell|failed|rejected|"
    r"withdrawn|withdrew|deferred|postponed|adjourned|appointed|elected)\b",
    re.IGNORECASE,
)
_VERB_STEMS = frozenset(
    {"carried", "passed", "adopted", "approv", "agreed", "accepted", "endorsed", "lost", "defeated", "fell", "failed",
     "rejected", "withdr", "deferred", "postponed", "adjourned", "appointed", "elected"}
)
_RESOLVED_STEMS = frozenset({"resolved"})
_STRONG = re.compile(
    r"(?P<subject>(?:both\s+|all\s+)?(?:the\s+)?(?:substantive|original|amended|main|said)?\s*"
    r"(?P<noun>motion|amendment|resolution|recommendation|proposal|minutes|meeting)s?)(?:\s*,?\s*as\s+amended,?)?"
    r"\s+(?:was\s+|were\s+|are\s+|is\s+|has\s+been\s+|have\s+been\s+)?(?:then\s+|duly\s+|unanimously\s+|"
    r"therefore\s+|accordingly\s+|subsequently\s+|thereupon\s+)*(?P<neg>not\s+)?$",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"(?:^|[-–—:(]\s*|\band\s+(?:was\s+)?|\bwhich\s+was\s+|\b(?:this|it|that)\s+was\s+(?:then\s+|duly\s+)?|"
    r"\bunanimously\s+|\bwas\s+|\b(?:it|this)\s+was\s+declared\s+|\ball\s+)(?P<neg>not\s+)?$",
    re.IGNORECASE,
)
_OUTCOME = {
    "carried": "carried", "passed": "carried", "adopted": "carried", "approved": "carried", "agreed": "carried",
    "accepted": "carried", "endorsed": "carried", "adjourned": "carried", "lost": "lost", "defeated": "lost",
    "fell": "lost", "failed": "lost", "rejected": "lost", "withdrawn": "withdrawn", "withdrew": "withdrawn",
    "deferred": "deferred", "postponed": "deferred", "appointed": "carried", "elected": "carried",
}
_WEAK_REACH = 450
_STRONG_REACH = 9000


def assign_outcomes(text: str, found: Sequence[PendingMotion], start: int, end: int) -> None:
    """Give each motion the outcome that follows it: an outcome statement, "RESOLVED" or a vote."""
    if not found:
        return
    events: list[tuple[int, str, object]] = []
    # outcomes are looked for only within reach of a motion
    windows = merge_windows((motion.end, min(end, motion.end + _STRONG_REACH)) for motion in found)
    for ws, we in windows:
        for hit in keyword_hits(text, ws, we, _VERB_STEMS):
            match = _VERB.match(text, hit)
            if match:
                events.append((hit, "verb", match))
        for match in scan([RESOLVED_RE], _RESOLVED_STEMS, text, ws, we, reach=40):
            events.append((match.start(), "resolved", match))
    for count in find_counts(text, start, end):
        if any(ws <= count.start < we for ws, we in windows):
            events.append((count.start, "vote", count))
    fallback: dict[int, str] = {}
    for motion in found:
        if motion.in_sentence:
            motion.outcome = motion.in_sentence[0]
    started = 0
    for pos, kind, payload in sorted(events, key=lambda e: e[0]):
        while started < len(found) and found[started].start < pos:
            started += 1
        open_ = [m for m in found[max(0, started - 12) : started] if m.outcome is None and pos >= m.end]
        if not open_:
            continue
        if kind == "resolved":
            recent = open_[-1]
            if pos - recent.end < 3000:
                recent.outcome, recent.outcome_end = "carried", pos
            continue
        if kind == "vote":
            count = payload
            recent = open_[-1]
            if pos - recent.end < 3000 and count.for_ is not None:  # type: ignore[attr-defined]
                against = count.against or 0  # type: ignore[attr-defined]
                fallback[id(recent)] = "carried" if count.for_ > against else "lost"  # type: ignore[attr-defined]
            continue
        _apply_verb(text, payload, open_)  # type: ignore[arg-type]
    for motion in found:
        if motion.outcome is None and id(motion) in fallback:
            motion.outcome = fallback[id(motion)]
        if motion.outcome is not None and motion.outcome_end is None:
            motion.outcome_end = motion.end


def _apply_verb(text: str, match: re.Match[str], open_: list[PendingMotion]) -> None:
    verb = match.group("verb").lower()
    outcome = _OUTCOME[verb]
    if verb in ("appointed", "elected"):  # "the Mayor declared Councillor X appointed"
        recent = open_[-1]
        sentence = text[max(recent.end, match.start() - 160) : match.start()]
        if re.search(r"\bdeclared\b", sentence) and match.start() - recent.end <= _WEAK_REACH:
            recent.outcome, recent.outcome_end = "carried", match.end()
        return
    line_start = text.rfind("\n", 0, match.start()) + 1
    sentence_floor = max(line_start - 1 if text[line_start - 2 : line_start] != "\n\n" else line_start, 0)
    before = text[max(sentence_floor, match.start() - 80) : match.start()]
    before = re.split(r"[.!?;]\s", before)[-1]
    after = text[match.end() : match.end() + 30]
    strong = _STRONG.search(before)
    if strong:
        noun = strong.group("noun").lower()
        if strong.group("neg"):
            outcome = "lost"
        if noun == "meeting" and verb != "adjourned":
            return
        if noun == "meeting":
            targets = [m for m in open_ if m.text.lower().startswith("adjourn")][-1:]
        elif re.match(r"\s*both\b", strong.group("subject"), re.I):
            targets = open_[-2:]
        elif noun == "amendment":
            targets = [m for m in open_ if m.amendment][-1:] or open_[-1:]
        elif re.search(r"substantive|original|main", strong.group("subject"), re.I):
            targets = [m for m in open_ if not m.amendment][:1] or open_[:1]
        else:
            targets = [m for m in open_ if not m.amendment][-1:] or open_[-1:]
        for motion in targets:
            if match.start() - motion.end < _STRONG_REACH:
                motion.outcome, motion.outcome_end = outcome, match.end()
        return
    weak = _WEAK.search(before)
    if not weak or verb == "adjourned":
        return
    if weak.group("neg"):
        outcome = "lost"
    if re.match(r"\s+(?:that|to)\s+[a-z]", after) and not re.match(r"\s+to\s+(?:by|unanimously)", after):
        return  # "it was agreed that ..." is a decision of its own, not an outcome
    recent = open_[-1]
    if match.start() - recent.end > _WEAK_REACH or re.search(r"\n[^\n]{0,60}:[ \t]*\n", text[recent.end : match.start()]):
        return
    # "Agreed." says how the motion ended only in its own sentence or the next one
    own_end = sentence_end(text, recent.end, match.start() + 1)
    if own_end <= match.start() and sentence_end(text, own_end + 1, match.start() + 1) <= match.start():
        return
    recent.outcome, recent.outcome_end = outcome, match.end()
