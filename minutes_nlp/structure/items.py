"""Find agenda items (numbered minutes and unnumbered headings) and the span each covers.

Cues, strongest first: an ``(Item N)`` reference under a heading; a numbering scheme that
rises through the document ("270.", "7.2", "45/12", "Item 5", "Ord. No. 499-16") with
nested parts ("4(c)(i)"); headings by layout (heading lines, bold or upper-case lines,
short title-like paragraphs) and headings run into their text ("Village Green: The ...",
"Police Matters - PCSO Ames reported ..."). Numbered paragraphs inside an item, page
numbers, dates and money are not items: they break the scheme's sequence or do not read as
titles; nor are list entries under a "Planning:" label, signature blocks, or headings that an
item's paragraph numbers run across.

The passes over the lines live in :mod:`~minutes_nlp.structure.schemes` (numbered) and here
(unnumbered); :mod:`~minutes_nlp.structure.headings` holds the line cues they share.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "PARISH COUNCIL\\nPresent: Cllr Ames, Cllr Bell\\n\\n1. Apologies\\nNone.\\n\\n"
    ...     "2. Planning\\n1. The clerk reported two applications.\\n2. No objections."))
    >>> [(s.number, s.title) for s in find_items(view)]
    [('1', 'Apologies'), ('2', 'Planning')]
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.structure.labelled import labelled_items
from minutes_nlp.structure.headings import (
    Heading,
    LineInfo,
    clean_title,
    count_verbs,
    gather_title,
    in_signature,
    is_attendance,
    is_entry,
    is_heading_text,
    is_plain_heading,
    looks_like_title,
    names_document,
    prepare_lines,
    split_run_in,
    wrap_length,
)
from minutes_nlp.structure.numbering import match_marker
from minutes_nlp.structure.schemes import anchor_headings, numbered_headings
from minutes_nlp.structure.text import TextView

__all__ = ["ItemSpan", "find_items"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ItemSpan:
    """An item's number and title as printed; ``[start, end)`` is the whole item, ``body_start`` where its text begins after the heading.

    ``minute_ref`` is the minute number when one is printed ("270" beside "(Item 1)");
    ``agenda_ref`` the agenda item number from an "(Item N)" reference.
    """

    number: str | None
    title: str | None
    start: int
    end: int
    body_start: int
    minute_ref: str | None = None
    agenda_ref: str | None = None


def find_items(view: TextView) -> list[ItemSpan]:
    """Every agenda item of the document, in order, with the span of text it covers.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> doc = Document.from_text("## CALL TO ORDER\\nOpened at 6.30.\\n\\n## ROAD\\nGrading done.")
        >>> [s.title for s in find_items(TextView.of(doc))]
        ['CALL TO ORDER', 'ROAD']
    """
    labelled = labelled_items(view)
    if labelled:
        return labelled
    lines = prepare_lines(view)
    if not lines:
        return []
    wrap = wrap_length(lines)
    cands = anchor_headings(lines)
    anchored = bool(cands)
    if not anchored:
        cands = numbered_headings(lines, wrap)
    heads = _unnumbered(lines, wrap, _taken(cands), cands)
    levelled = sum(1 for h in heads if lines[h.first].level)
    if cands and not anchored and levelled >= 3 and sum(c.styled for c in cands) < 0.5 * len(cands):
        cands = []  # numbered lines under a scheme of headings are lists inside items
        heads = _unnumbered(lines, wrap, set(), [])
    if cands:
        taken = _taken(cands)
        heads = [h for h in heads if not _numbering_runs_across(lines, h, taken)]
    cands += [c for c in heads if c.strong or not anchored]
    cands.sort(key=lambda c: (c.first, c.body_offset or 0))
    return _to_spans(view, lines, cands)


def _numbering_runs_across(lines: list[LineInfo], head: Heading, taken: set[int]) -> bool:
    """Whether an item's numbered paragraphs run on across ``head``: "(8)" above it and "(9)" below.

    An item's paragraph numbers start afresh at each item, so a heading they run across
    ("Adult Social Care Directorate" inside a budget debate) is a heading within the item.
    """
    above = below = None
    for k in range(head.first - 1, max(head.first - 120, -1), -1):
        if k in taken:
            break
        if _paragraph_number(lines[k]):
            above = lines[k].marker
            break
    if above is None:
        return False
    for k in range(head.last + 1, min(head.last + 20, len(lines))):
        if k in taken:
            break
        if _paragraph_number(lines[k]):
            below = lines[k].marker
            break
    return below is not None and (below.punct, below.wrapped) == (above.punct, above.wrapped) \
        and int(below.number) == int(above.number) + 1


def _paragraph_number(ln: LineInfo) -> bool:
    m = ln.marker
    return m is not None and m.kind == "arabic" and len(m.parts) == 1 and m.number.isdigit() and bool(m.rest)


def _taken(cands: list[Heading]) -> set[int]:
    taken: set[int] = set()
    for c in cands:
        taken.update(range(c.first, c.last + 1))
    return taken


# -- unnumbered headings -----------------------------------------------------------------

_Found = tuple[Heading, int, "str | None"]  # (candidate, strength, run-in style)
_PLAIN_RUN_INS = ("colon", "dash")  # run-in headings marked by punctuation only
_CAPS_LEAD = re.compile(r"^(?P<lead>[A-Z][A-Z&/' ]{2,40}?[A-Z])(?:\s*[-–—:]+\s*(?P<rest>\S.*)|\s+(?P<low>[a-z$£€\d].*))$")
_DASH_RUN_IN = re.compile(r"^(?P<head>[^:\-–—]{3,80}?)\s[-–—]{1,2}\s+(?P<body>[A-Z].*)$")


def _unnumbered(lines: list[LineInfo], wrap: float, taken: set[int], cands: list[Heading]) -> list[Heading]:
    """Headings without numbers: heading lines, bold or upper-case lines, short title-like paragraphs."""
    paragraphs = wrap == 0
    first_item = min((c.first for c in cands), default=len(lines))
    top = first_item if cands else max(len(lines) // 3, min(len(lines), 40))  # where the attendance list may be
    preamble_end = max((i for i in range(min(top, len(lines))) if is_attendance(lines[i].text)), default=-1)
    found: list[_Found] = []
    place = _Place.of(cands, paragraphs)
    for i, ln in enumerate(lines):
        if i in taken or ln.marker is not None or i <= preamble_end or ln.table or ln.listed and not ln.strong:
            continue
        strength = 3 if ln.strong and ln.level else 2 if ln.strong else 1 if ln.caps else 0
        text = ln.text
        if strength < 3 and not (place.free or i - 1 in taken or i < place.first or i > place.last) \
                and not (strength == 0 and _stands_alone(lines, i, wrap)):
            continue
        if cands and preamble_end < 0 and i < place.first:
            continue  # no attendance list: what comes before the first item is the title page
        if strength or text.endswith(":"):
            accepted = is_heading_text(text)
            plain = accepted and not strength and is_plain_heading(lines, i, wrap, taken)
        else:  # a plain line: it must start with a capital to read as a title
            plain = accepted = text[0].isupper() and is_plain_heading(lines, i, wrap, taken) and is_heading_text(text)
        if accepted:
            title, last = gather_title(lines, i, text, wrap) if strength < 3 else (text, i)
            min_caps = 0.0 if strength >= 2 else 0.7
            if looks_like_title(title, max_words=20 if strength >= 2 else 16, strong=strength >= 2, min_caps=min_caps):
                if strength or plain:
                    found.append((Heading(i, last, clean_title(title), strong=strength >= 2), strength, None))
                    continue
        maybe_run_in = ln.lead or text[:3].isupper() or ":" in text or " -" in text or " –" in text or " —" in text
        run_in = _run_in_heading(ln) if maybe_run_in else None
        if run_in is not None and _between_list_entries(lines, i):
            run_in = None  # "Spigot Mortars - Cllr Ames reported ..." between "e) ..." and "g) ...": a lost letter
        if run_in is not None:
            head, body, style = run_in
            offset = ln.raw.find(body[:20]) if body[:20] in ln.raw else None
            found.append((Heading(i, i, clean_title(head), body_offset=offset), -1, style))
    found = _drop_document_titles(found, lines, first_item, preamble_end)
    found = [f for f in found if not in_signature(lines, f[0].first)]
    styles = _heading_styles([f for f in found if f[2] is None], lines)
    run_ins = sum(1 for f in found if f[2] in _PLAIN_RUN_INS)
    if paragraphs and run_ins + styles["colon"] >= (2 if styles["colon"] else 3):
        styles["colon"] += 2  # the document's headings run into their paragraphs
    styles["dash"] = styles["colon"]  # "Heading - text" is a variant of "Heading: text"
    found = [f for f in found if f[2] is None or styles.get(f[2], 0) >= (2 if f[2] in _PLAIN_RUN_INS else 1)]
    plain_lines = {f[0].first for f in found if f[1] == 0 and f[2] is None and not lines[f[0].first].text.endswith(":")}
    found = [f for f in found if f[0].first not in plain_lines or not ({f[0].first - 1, f[0].last + 1} & plain_lines)]
    styled = sum(c.styled for c in cands) + sum(1 for f in found if f[1] >= 2)
    unstyled = sum(not c.styled for c in cands) + sum(1 for f in found if f[1] == 1)
    if styled >= 3 and styled >= 0.7 * (styled + unstyled):
        # headings here are styled: plain lines are text, unless they end in a colon like a heading
        found = [f for f in found
                 if f[1] not in (0, 1) or paragraphs and f[1] == 0 and lines[f[0].last].text.endswith(":")]
    found = _drop_list_entries(found, lines)
    firsts = {c.first for c in cands}
    by_first = {f[0].first: f for f in found}
    labels = _labels(found, lines, firsts, by_first)
    keep: list[Heading] = []
    for cand, strength, style in found:
        if cand.first in labels:
            continue
        above = by_first.get(cand.first - 1)
        if style and (above is not None and above[2] is None or cand.first - 1 in taken):
            continue  # a lead-in straight under a heading belongs to it
        keep.append(cand)
    return keep


def _drop_list_entries(found: list[_Found], lines: list[LineInfo]) -> list[_Found]:
    """Without plain "Name - detail" lines in the list under a heading that ends in a colon ("Planning:").

    Between the colon heading and the line, every line is an entry too: none ends a sentence.
    """
    colon_heads = {f[0].first for f in found if lines[f[0].last].text.endswith(":")}
    out: list[_Found] = []
    for f in found:
        cand, strength, style = f
        if strength == 0 and style is None and is_entry(lines[cand.first].text):
            k = cand.first - 1
            while k >= 0 and k not in colon_heads and not lines[k].ends and lines[k].marker is None:
                k -= 1
            if k >= 0 and k in colon_heads:
                continue
        out.append(f)
    return out


def _run_in_heading(ln: LineInfo) -> tuple[str, str, str] | None:
    """A heading run into its paragraph: a bold or upper-case lead, or ``Heading: text``.

    Returns ``(heading, body, style)`` with style ``"bold"``, ``"caps"``, ``"colon"`` or ``"dash"``
    (``Heading - A sentence about it``).
    """
    if ln.lead and looks_like_title(ln.lead, max_words=8) and is_heading_text(ln.lead):
        rest = ln.text[len(ln.lead):].lstrip(" :-–—")
        return ln.lead, rest, "caps" if ln.lead.isupper() else "bold"
    match = _CAPS_LEAD.match(ln.text) if ln.text[:3].isupper() else None
    if match and is_heading_text(match.group("lead")) and len(match.group("lead").split()) <= 6:
        return match.group("lead"), match.group("rest") or match.group("low"), "caps"
    if ln.strong:
        return None
    split = split_run_in(ln.text)
    if split and is_heading_text(split[0]) and (split[1][:1].isupper() or match_marker(split[1])):
        return split[0], split[1], "colon"
    match = _DASH_RUN_IN.match(ln.text) if " " in ln.text else None
    if match and not split:  # "Police Matters - PCSO Ames reported ...": a short title, then a sentence about it
        head, body = match.group("head").strip(), match.group("body")
        words = body.split()
        fields = any(w in ("-", "–", "—", "--") for w in words[:8])  # "Mill Road, 12 — J Ames, owner — appeal ..."
        if len(words) >= 6 and not fields and count_verbs(body) \
                and looks_like_title(head, max_words=8, min_caps=0.5) and is_heading_text(head):
            return head, body, "dash"
    return None


def _stands_alone(lines: list[LineInfo], i: int, wrap: float) -> bool:
    """A short line that is a paragraph of its own after a sentence has ended, followed by prose about it:
    a heading even in the middle of an item."""
    if not 0 < i < len(lines) - 1:
        return False
    ln, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
    after_sentence = prev.ends and prev.text.rstrip("\"'”’)")[-1] in ".?!"
    return ln.para and nxt.para and len(ln.text) <= 0.6 * wrap and after_sentence and not nxt.strong \
        and nxt.marker is None and count_verbs(nxt.text) > 0


def _between_list_entries(lines: list[LineInfo], i: int) -> bool:
    """Whether the lines either side of line ``i`` are lettered or Roman list entries."""
    if i == 0 or i + 1 >= len(lines):
        return False
    before, after = lines[i - 1].marker, lines[i + 1].marker
    return before is not None and after is not None and before.kind in ("letter", "roman") \
        and after.kind in ("letter", "roman")


def _labels(found: list[_Found], lines: list[LineInfo], firsts: set[int], by_first: dict[int, _Found]) -> set[int]:
    """Headings that only label what follows: numbered items, a list, or another label."""
    labels: set[int] = set()
    for cand, strength, style in reversed(found):
        n = cand.last + 1
        if n >= len(lines) or style is not None:
            continue
        if n in firsts or (lines[n].marker is not None and not lines[n].marker.rest) or n in labels:
            labels.add(cand.first)  # a label over numbered items, a list, or another label
        else:
            for k in range(n, min(n + 3, len(lines) - 1)):
                if k in by_first or k in firsts:
                    break
                if lines[k].text.endswith(":") and k + 1 in firsts:
                    labels.add(cand.first)  # "QUESTIONS / Replies to the following ...:" over numbered items
                    break
    return labels


@dataclass(frozen=True)
class _Place:
    """Where an unnumbered heading may stand among numbered items printed plain, when lines wrap:
    before them, after them or straight under one (``free``: anywhere)."""

    free: bool
    first: int
    last: int

    @classmethod
    def of(cls, cands: list[Heading], paragraphs: bool) -> "_Place":
        if not cands:
            return cls(True, 0, 0)
        free = paragraphs or sum(c.styled for c in cands) > 0.5 * len(cands)
        return cls(free, min(c.first for c in cands), max(c.last for c in cands if c.kind != "sub"))


def _heading_styles(found: list[_Found], lines: list[LineInfo]) -> dict[str, int]:
    """How many accepted headings are upper-case, bold, or plain ending in a colon."""
    styles = {"caps": 0, "bold": 0, "colon": 0}
    for cand, strength, _ in found:
        ln = lines[cand.first]
        if ln.caps:
            styles["caps"] += 1
        if strength == 2:
            styles["bold"] += 1
        if strength == 0 and ln.text.endswith(":"):
            styles["colon"] += 1
    return styles


def _drop_document_titles(found: list[_Found], lines: list[LineInfo], first_item: int, preamble_end: int) -> list[_Found]:
    """Without the document's own title lines ("Town of North Star", "Monthly Meeting") at the top:
    headings before the first item, with no attendance list, and no other heading above them."""
    if preamble_end >= 0:
        return found
    out: list[_Found] = []
    other_above = False  # an earlier heading that does not name the document
    for f in found:
        cand = f[0]
        names = names_document(cand.title)
        title = cand.first <= first_item and not other_above and (names or lines[cand.first].level == 1 and cand.first == 0)
        if not title:
            out.append(f)
        other_above = other_above or not names
    return out


# -- spans -----------------------------------------------------------------------------


def _to_spans(view: TextView, lines: list[LineInfo], cands: list[Heading]) -> list[ItemSpan]:
    spans: list[ItemSpan] = []
    starts = [view.line_starts[lines[c.first].index] for c in cands]
    for n, c in enumerate(cands):
        start = starts[n]
        end = starts[n + 1] if n + 1 < len(cands) else len(view.text)
        if end <= start:
            continue
        last_line = lines[c.last].index
        if c.body_offset is not None:
            body = view.line_starts[last_line] + c.body_offset
        elif last_line + 1 < len(view.lines):
            body = view.line_starts[last_line + 1]
        else:
            body = view.line_ends[last_line]
        body = min(max(body, start), end)
        spans.append(ItemSpan(c.number, c.title or None, start, end, body, c.minute_ref, c.agenda_ref))
    logger.debug("%d items found", len(spans))
    return spans
