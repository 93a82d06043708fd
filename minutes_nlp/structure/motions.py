"""Find motions: who moved and seconded what, and whether it was carried, lost, withdrawn or deferred.

Reads the common wordings: "X proposed, and Y seconded, that ...", "Moved by X, seconded by Y",
"Proposed by Councillor X; Seconded by Councillor Y; And Resolved:", "Motion by X, second by Y
to ...", "X made a motion to ..., Y seconds the motion", "On the proposal of X, seconded by Y,
...", "(Proposed Cllr X, seconded Cllr Y)", "X offered a resolution, supported by Y", "Motion to
adjourn" (nobody named). The outcome comes from the sentence itself ("... seconded by Y and
adopted"), else from the statement that follows ("Motion carried", "Amendment lost", "Substantive
motion carried", "Agreed unanimously", "And Resolved") or a recorded vote, as read by
:mod:`minutes_nlp.structure.outcomes`. Movers and seconders are recorded without titles. A
motion that refers back ("The Motion was proposed by X ...") takes the notice of motion printed
before it; the procedural steps of passing a numbered ordinance ("suspend the rules") are not motions.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "Moved by Cr Lee, seconded by Cr Patel that the report be received. CARRIED"))
    >>> [(m.mover, m.seconder, m.text, m.outcome) for m in find_motions(view, 0, len(view.text))]
    [('Lee', 'Patel', 'the report be received', 'carried')]
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from minutes_nlp.records import Motion
from minutes_nlp.structure.cues import LEGISLATION_RE, keyword_hits, meeting_close
from minutes_nlp.structure.extents import (
    back_reference,
    decision_extent,
    legislation_before,
    sentence_end,
    sentence_start,
    tidy,
)
from minutes_nlp.structure.names import PERSON, TITLED_PERSON, clean_name
from minutes_nlp.structure.outcomes import assign_outcomes
from minutes_nlp.structure.text import TextView

__all__ = ["find_motions"]

logger = logging.getLogger(__name__)

# Every motion wording turns on one of these words; names are read on either side of it.
_CUE_WORD = re.compile(
    r"\b(?P<w>[Pp]roposed|PROPOSED|[Mm]oved|MOVED|[Mm]otion(?:ed)?|MOTION|[Nn]ominated|[Pp]roposal|"
    r"[Ss]econd(?:ed|s|ing)?|SECONDED|[Oo]ffered|[Ii]ntroduced|[Ss]upported)\b"
)
_CUE_STEMS = frozenset({"propos", "moved", "motion", "nominat", "second", "offered", "introduced", "supported"})
_PERSON_AFTER = re.compile(rf"[ \t]*\n?[ \t]*(?:by[ \t]*:?|:)[ \t\n]*(?P<p>{PERSON})")
_PERSON_BARE = re.compile(rf"[ \t]+(?P<p>{TITLED_PERSON})")
_PERSON_BEFORE = re.compile(
    rf"(?P<p>{PERSON})(?:,(?![ \t\n]*which\b)(?:(?!propos|moved|second|motion|\bof\s+the\b)[^.;:()\n]|\n(?!\n)){{3,170}},)?"
    rf"[ \t]*\n?[ \t]*(?:(?:then|also|formally|duly|subsequently|further)[ \t]+)?(?:(?:makes?|made)[ \t]+(?:a|the)[ \t]+)?$"
)
_ORDINAL = re.compile(
    r"[ \t]+(?:time|reading|readings|round|half|quarter|floor|year|week|day|meeting|item|paragraph|phase|stage|letter|"
    r"one|place|term|page|edition|instal+ment|tier|device|option|part|and\s+third|to\s+none)\b",
    re.IGNORECASE,
)
_NAME_THEN_STOP = re.compile(rf"[ \t]+(?P<p>{PERSON})[ \t]*(?=[.,;]|$)", re.MULTILINE)
_OFFERED = re.compile(r"[ \t]+(?:a|an|the)[ \t]+(?:following[ \t]+)?(?:resolution|motion|ordinance|amendment)\b")
_MADE_BY = re.compile(rf"[ \t]+(?:was[ \t]+)?made[ \t]+by[ \t\n]*(?P<p>{PERSON})")
_OF_PERSON = re.compile(rf"[ \t]+of[ \t\n]+(?P<p>{PERSON})")
_NAMELESS = re.compile(
    r"(?:[ \t]+(?:was[ \t]+)?(?:made[ \t]+)?and[ \t]+second(?:ed)?)?(?:[ \t]+was[ \t]+made)?[ \t]+to[ \t]+[a-z]"
)
_CLAUSE_START = re.compile(r"(?:^|[(\n;]|[.!?][ \t])[ \t]*$")
# What comes between the names and the proposal: "that", "to", "the following motion:", "for".
_INTRO = re.compile(
    r"^[\s,]*(?:(?:and\s+)?(?:(?:seconded|moved|proposed)\s+)?(?:the\s+(?:following\s+)?(?:substantive\s+)?"
    r"(?:motion|amendment|resolution|recommendation|proposal)s?"
    r"(?:\s+(?:to|of)\s+[^:“\"\n]{1,80}(?:\n[^:“\"\n]{1,80})?(?=:))?"
    r"(?:\s+as\s+follows)?\s*(?:that\b)?\s*:?|"
    r"as\s+follows\s*:|[Tt]hat\b|THAT\b|to\b(?=\s+[a-z])|for\b(?=\s+\S)|:|;?(?=\s*[“\"])|"
    r";?\s*(?:[Aa]nd\s+)?(?:[Rr]esolved|RESOLVED)\b\s*(?:unanimously\s*)?[:,–-]?))",
)
_BACKREF = re.compile(
    r"^[\s,]*(?:the|this|that|which)\s+(?:notice\s+of\s+)?(?:motion|recommendation|amendment|resolution|"
    r"proposal|report|minutes?)s?(?:\s*,?\s*as\s+amended,?)?\s+(?:was|were|is|be|being)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:adopted|agreed|approved|carried|passed|accepted|endorsed)",
    re.IGNORECASE,
)
_AGREED_TO = re.compile(
    r"^[\s,]*(?:and\s+)?it\s+was\s+(?:unanimously\s+|also\s+|further\s+)*(?:agreed|resolved|decided)\s*(?:that|to|:)?",
    re.IGNORECASE,
)
_AMENDMENT_BEFORE = re.compile(r"\bamend(?:ment|ing\s+motion)\b[^.;]{0,40}$", re.IGNORECASE)
_REFERRED = re.compile(r"\b(?:the|this|that)\s+(?:notice\s+of\s+)?motion\s+(?:was\s+)?(?:duly\s+)?$", re.I)
_OUTCOME_TAIL = re.compile(
    r"\s+[-–—]\s+|\.\s+|\s+and\s+(?:was\s+|it\s+was\s+)?(?:unanimously\s+)?(?:agreed|adopted|approved|carried)\b"
)
# Steps in passing a numbered ordinance: suspending the rules, waiving readings, placing it on passage.
_PROCEDURAL = re.compile(
    r"(?:suspend|waive|dispense\s+with)\b.*\b(?:rules?|readings?)\b|.*\bplace\s+(?:the\s+\w+\s+)?on\s+(?:final\s+)?passage",
    re.IGNORECASE | re.DOTALL,
)
_OUTCOME_END = re.compile(
    r"\s+(?:[-–—]\s+(?:all\s+)?(?:agreed|approved|carried)|and\s+(?:it\s+)?was\s+(?:then\s+)?(?:unanimously\s+)?"
    r"(?:agreed|adopted|approved|carried))\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:amendment|motion)\s*$", re.IGNORECASE)
_MAX_PAIR_GAP = 700


@dataclass
class _Found:
    """A motion under construction: cue offsets, names, proposal span, outcome."""

    start: int
    cue_end: int
    mover: str | None
    seconder: str | None = None
    seconder_span: tuple[int, int] | None = None
    amendment: bool = False
    text_span: tuple[int, int] | None = None
    text: str = ""
    outcome: str | None = None
    outcome_end: int | None = None
    in_sentence: list[str] = field(default_factory=list)

    @property
    def end(self) -> int:
        ends = [self.cue_end]
        if self.text_span:
            ends.append(self.text_span[1])
        if self.seconder_span:
            ends.append(self.seconder_span[1])
        return max(ends)


def find_motions(view: TextView, start: int, end: int) -> list[Motion]:
    """The motions put in ``view.text[start:end]``, in order, with offsets and pages.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> view = TextView.of(Document.from_text(
        ...     "Mr Baker proposed, and Mr Robey seconded, that the plan be adopted. Motion lost."))
        >>> m = find_motions(view, 0, len(view.text))[0]
        >>> m.mover, m.seconder, m.outcome
        ('Baker', 'Robey', 'lost')
    """
    end = min(end, meeting_close(view))
    if end <= start:
        return []
    found = _analyse(view.text, start, end)
    return [
        Motion(
            text=m.text,
            mover=m.mover,
            seconder=m.seconder,
            outcome=m.outcome,  # type: ignore[arg-type]
            start=m.start,
            end=m.end,
            page=view.page_at(m.start),
        )
        for m in found
    ]


def outcome_ends(view: TextView, start: int, end: int) -> dict[int, int]:
    """For each motion found in ``[start, end)`` (by its start offset), where the statement of
    its outcome ends ("Substantive Motion carried."), so a "RESOLVED" after it can be tied to it."""
    end = min(end, meeting_close(view))
    if end <= start:
        return {}
    return {m.start: m.outcome_end for m in _analyse(view.text, start, end) if m.outcome_end is not None}


@lru_cache(maxsize=64)
def _analyse(text: str, start: int, end: int) -> tuple[_Found, ...]:
    found = _find_cues(text, start, end)
    for index, motion in enumerate(found):
        limit = found[index + 1].start if index + 1 < len(found) else end
        _read_proposal(text, motion, start, limit)
    found = _merge_repeats(text, found)
    assign_outcomes(text, found, start, end)
    # "Motion to suspend the rules and place on final passage" belongs to the numbered
    # ordinance it is printed under; the ordinance's own record carries the decision.
    heading_start = legislation_before(text, start)
    return tuple(
        m
        for m in found
        if (m.mover and not _PROCEDURAL.match(m.text)) or not LEGISLATION_RE.search(text, min(start, heading_start), m.start)
    )


def _find_cues(text: str, start: int, end: int) -> list[_Found]:
    movers: list[_Found] = []
    seconders: list[tuple[int, int, str]] = []
    for hit in keyword_hits(text, start, end, _CUE_STEMS):
        cue = _CUE_WORD.match(text, hit)
        if cue is None:
            continue
        word = cue.group("w").lower()
        if word.startswith("second") or word == "supported":
            found = _seconder_at(text, cue, start)
            if found:
                seconders.append(found)
            continue
        motion = _mover_at(text, cue, start, end)
        if motion is not None and not (movers and motion.start < movers[-1].cue_end):
            movers.append(motion)
    used: set[int] = set()
    for index, motion in enumerate(movers):
        if motion.mover is None:
            continue
        limit = movers[index + 1].start if index + 1 < len(movers) else end
        window_end = min(limit, motion.cue_end + _MAX_PAIR_GAP)
        # the seconder is named in the mover's sentence or the next one
        first_end = sentence_end(text, motion.cue_end, window_end)
        second_end = sentence_end(text, first_end, window_end) if first_end < window_end else first_end
        for s_index, (s_start, s_end, name) in enumerate(seconders):
            if s_index in used or s_start < motion.start or s_start >= second_end:
                continue
            motion.seconder = name or None
            motion.seconder_span = (s_start, s_end)
            used.add(s_index)
            break
    return movers


def _seconder_at(text: str, cue: re.Match[str], floor: int) -> tuple[int, int, str] | None:
    """"seconded by X", "Seconded: X", "Seconded Cllr X", or "X seconded" / "X seconds the motion"."""
    if cue.group("w").lower() == "supported":
        after = _PERSON_AFTER.match(text, cue.end())
        return (cue.start(), after.end(), _name(after)) if after and "by" in after.group() else None
    after = _PERSON_AFTER.match(text, cue.end())
    if after:
        return cue.start(), after.end(), _name(after)
    bare = _PERSON_BARE.match(text, cue.end())  # "Seconded Cllr X", "(Proposed Cllr A, seconded Cllr B)"
    if bare and (cue.group("w")[0] == "S" or re.search(r"[(,;]\s*$", text[max(floor, cue.start() - 3) : cue.start()])):
        return cue.start(), bare.end(), _name(bare)
    word = cue.group("w").lower()
    if word == "second" and _ORDINAL.match(text, cue.end()):
        return None  # "the second reading", "a second device"
    if word in ("second", "seconded") and re.search(r",[ \t]*$", text[max(floor, cue.start() - 3) : cue.start()]):
        named = _NAME_THEN_STOP.match(text, cue.end())  # "..., second Gary."
        if named:
            return cue.start(), named.end("p"), _name(named)
    if word == "seconding":
        return None
    person = _person_before(text, cue, floor)
    if person and not re.search(r"\b(?:a|the)[ \t]+$", text[person.end("p") : cue.start()]):
        return person.start(), cue.end(), _name(person)
    return None


def _name(match: re.Match[str]) -> str:
    """The person named in a cue's ``p`` group, as motions record them: without titles ("Cllr Mrs Lee" -> "Lee")."""
    return clean_name(match.group("p"), keep_titles=False)


def _after_article(text: str, match: re.Match[str], floor: int) -> bool:
    """ "The Trust proposed to ...": a name after "the" is a body, not a person (roles aside)."""
    return bool(re.search(r"\b[Tt]he\s+$", text[max(floor, match.start() - 5) : match.start()])) and not re.match(
        r"(?:Vice|Deputy)?[- ]?(?:Chair|Mayor|Leader|Cathaoirleach|President|Reeve|Warden)", match.group("p")
    )


def _possessive(match: re.Match[str]) -> bool:
    """ "the Commission's proposed approach": a possessive before the cue word is no mover."""
    return bool(re.search(r"['’]s?$", match.group("p")))


def _mover_at(text: str, cue: re.Match[str], floor: int, end: int) -> _Found | None:
    """A mover named around one cue word, or a motion put with nobody named ("Motion to adjourn")."""
    word = cue.group("w").lower()
    before = text[max(floor, cue.start() - 40) : cue.start()]
    amendment = bool(_AMENDMENT_BEFORE.search(text, max(floor, cue.start() - 50), cue.start()))
    if word in ("offered", "introduced"):  # "X offered a resolution", "X introduced the following motion"
        offered = _OFFERED.match(text, cue.end())
        person = _person_before(text, cue, floor) if offered else None
        return _Found(person.start(), offered.end(), _name(person)) if person and offered else None
    if word in ("proposal", "motion") and re.search(r"\bon[ \t]+the[ \t]+$", before, re.I):
        of = _OF_PERSON.match(text, cue.end())
        if not of:
            return None
        motion = _Found(cue.start() - 7, of.end(), _name(of), amendment=amendment)
        if re.search(r"\b(?:agreed|resolved|decided)\s+on\s+the\s+$", before, re.I):
            motion.in_sentence.append("carried")  # "It was agreed on the proposal of X ... to defer"
        return motion
    if word == "proposal":
        return None
    after = _PERSON_AFTER.match(text, cue.end()) or (_MADE_BY.match(text, cue.end()) if word == "motion" else None)
    if after:  # "Proposed by X", "Motion by X", "A motion was made by X"
        return _Found(cue.start(), after.end(), _name(after), amendment=amendment)
    if word in ("proposed", "moved") and cue.group("w")[0] in "PM" and _CLAUSE_START.search(before):
        bare = _PERSON_BARE.match(text, cue.end())  # "(Proposed Cllr A, seconded Cllr B)"
        if bare:
            return _Found(cue.start(), bare.end(), _name(bare), amendment=amendment)
    active = word in ("proposed", "moved", "motioned", "nominated") or (
        word == "motion"
        and (
            (re.match(r"[ \t]+to\b|[ \t]*,", text[cue.end() : cue.end() + 4]) and re.search(r"^[^\n]*\S[ \t]+$", before))
            or re.search(r"\b(?:makes?|made)[ \t]+(?:a|the)[ \t]+$", before)
        )
    )
    person = _person_before(text, cue, floor) if active else None
    if person:  # "X proposed", "X made a motion", "Gary motion to accept"
        return _Found(person.start(), cue.end(), _name(person), amendment=amendment)
    if word == "motion" and cue.group("w")[0] in "Mm" and _NAMELESS.match(text, cue.end()):
        if re.search(r"(?:^|[.!?][ \t]+|\n)[ \t]*(?:A[ \t]+)?$", before):
            return _Found(cue.start(), cue.end(), None)
    return None


def _person_before(text: str, cue: re.Match[str], floor: int) -> re.Match[str] | None:
    """The person named just before a cue word ("Mr Hook, Leader of the Group, seconded"), if any."""
    match = _PERSON_BEFORE.search(text, max(floor, cue.start() - 200), cue.start())
    if match is None or _possessive(match) or _after_article(text, match, floor):
        return None
    return match


def _read_proposal(text: str, motion: _Found, floor: int, limit: int) -> None:
    """Fill ``motion.text``: what was proposed, without the names around it."""
    candidates = [motion.cue_end]
    if motion.seconder_span:
        candidates.append(motion.seconder_span[1])
    if _REFERRED.search(text, max(floor, motion.start - 40), motion.start):
        # "The Motion was proposed by X, seconded by Y and adopted": the motion is printed before
        span = back_reference(text, motion.start, floor)
        if span:
            _set_text(text, motion, span)
            return
    for pos in candidates:
        window_limit = limit
        if motion.seconder_span and pos < motion.seconder_span[0]:
            window_limit = min(limit, motion.seconder_span[0])
        head = text[pos : min(window_limit, pos + 200)]
        if _BACKREF.match(head):
            span = back_reference(text, motion.start, floor)
            if span:
                _set_text(text, motion, span, carried=True)
                return
        agreed = _AGREED_TO.match(head)
        if agreed:
            _set_text(text, motion, decision_extent(text, pos + agreed.end(), window_limit), carried=True)
            return
        intro = _INTRO.match(head)
        if intro:
            s, e = decision_extent(text, pos + intro.end(), window_limit)
            if e - s < 3:  # "the following amendment." -> the quoted text after the seconder's sentence
                s, e = _quoted_after(text, motion.end, limit)
            if e - s >= 3:
                _set_text(text, motion, (s, e), carried=bool(re.search(r"resolved", intro.group(), re.I)))
                return
    # "On the proposal of X, seconded by Y, Standing Order 4 was suspended." -> the clause itself
    on_the = re.match(r"\s*on\s+the\s+(?:proposal|motion)\s+of", text[motion.start : motion.start + 40], re.I)
    for tail_start in candidates if on_the else ():
        tail_limit = limit
        if motion.seconder_span and tail_start < motion.seconder_span[0]:
            tail_limit = min(limit, motion.seconder_span[0])
        clause = re.match(r"^[ \t]*,[ \t\n]*(?=[A-Za-z])", text[tail_start : tail_start + 20])
        if not clause:
            continue
        s, e = decision_extent(text, tail_start + clause.end(), tail_limit)
        if e - s >= 3:
            _set_text(text, motion, (s, e), carried=True)
            return
    # No "that"/"to": what follows the cue ("X proposed an amendment to ..."), or, when that is
    # only a word or a name ("Cllr A proposed acceptance, seconded by Cllr B"), the whole sentence.
    pos = motion.cue_end
    tail_limit = min(limit, motion.seconder_span[0]) if motion.seconder_span and motion.seconder_span[0] > pos else limit
    s, e = decision_extent(text, pos, tail_limit)
    cut = _OUTCOME_TAIL.search(text, s, e)
    e = cut.start() if cut else e
    if len(text[s:e].split()) >= 4 and motion.mover is not None:
        _set_text(text, motion, (s, e))
        return
    s = sentence_start(text, motion.start, floor)
    e = sentence_end(text, motion.end, limit)
    cut = _OUTCOME_TAIL.search(text, s, e)
    e = cut.start() if cut else e
    _set_text(text, motion, (s, e))


def _set_text(text: str, motion: _Found, span: tuple[int, int], *, carried: bool = False) -> None:
    tail = _OUTCOME_END.search(text, span[0], span[1])
    if tail:  # "... beyond 4.30pm and it was agreed unanimously": the outcome is not the proposal
        span = (span[0], tail.start())
    motion.text_span = span
    motion.text = tidy(text[span[0] : span[1]])
    if carried:
        motion.in_sentence.append("carried")


def _quoted_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The first quoted or colon-introduced text within a short distance after ``pos``."""
    window = text[pos : min(limit, pos + 400)]
    match = re.search(r"[“\"]|:\s*\n", window)
    if not match:
        return pos, pos
    return decision_extent(text, pos + match.start() + (0 if window[match.start()] in "“\"" else 1), limit)


def _merge_repeats(text: str, found: list[_Found]) -> list[_Found]:
    """Drop a later mention of the same motion ("The amendment proposed by X and seconded by Y
    was approved") and let it count as that motion's outcome statement."""
    kept: list[_Found] = []
    for motion in found:
        before = text[max(0, motion.start - 30) : motion.start]
        twin = next(
            (
                k
                for k in reversed(kept)
                if k.mover == motion.mover and motion.mover and motion.start - k.end < 6000
                and (k.seconder == motion.seconder or motion.seconder is None or k.seconder is None)
            ),
            None,
        )
        if twin is not None and _DEFINITE.search(before):
            continue
        kept.append(motion)
    return kept
