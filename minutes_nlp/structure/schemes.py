"""Numbered item headings: "(Item N)" references and the document's numbering scheme.

Two passes over :class:`~minutes_nlp.structure.headings.LineInfo` lines, each returning
:class:`~minutes_nlp.structure.headings.Heading` candidates:

* :func:`anchor_headings`: headings marked by an ``(Item N)`` reference (ModernGov);
* :func:`numbered_headings`: the numbering family ("270.", "7.2", "45/12", "Ord. No. 499-16")
  whose numbers rise longest through the document, plus lettered and Roman sub-items.
  Numbered paragraphs inside an item break the rising sequence and are left out.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> from minutes_nlp.structure.headings import prepare_lines, wrap_length
    >>> from minutes_nlp.structure.text import TextView
    >>> lines = prepare_lines(TextView.of(Document.from_text(
    ...     "1. Apologies\\nNone.\\n2. Planning\\n1. Two applications.\\n3. Close")))
    >>> [(h.number, h.title) for h in numbered_headings(lines, wrap_length(lines))]
    [('1', 'Apologies'), ('2', 'Planning'), ('3', 'Close')]
"""
from __future__ import annotations

import bisect
import re

from minutes_nlp.structure.headings import (
    Heading,
    LineInfo,
    clean_title,
    ends_sentence,
    gather_title,
    is_person_name,
    looks_like_title,
    split_run_in,
    strip_marker,
)
from minutes_nlp.structure.numbering import Marker, match_marker, part_value, sub_marker_kind, trailing_ref

__all__ = ["anchor_headings", "numbered_headings"]

_SPONSOR = re.compile(  # who brings the legislation: "By Council Member Abbott.", "Councilmember Chu."
    r"^(?:By|Sponsored by|Introduced by|Council\s?(?:member|man|woman)s?|Council Members?|All Members of Council)\b",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.?!][\"'”’)]*(?=\s|$)")
_SPACES = re.compile(r"\s+")


# -- "(Item N)" references -------------------------------------------------------------


def anchor_headings(lines: list[LineInfo]) -> list[Heading]:
    """Items marked by an "(Item N)" reference on or just after the heading (ModernGov)."""
    refs: list[tuple[int, str, str]] = []  # (line, title text on that line, agenda number)
    for i, ln in enumerate(lines):
        ref = trailing_ref(ln.text) if ln.text[-1] in ").]:" else None  # cheap test first
        if ref is None or ref[1] != "item" or len(ln.text) > 200:
            continue
        before = ref[0]
        if before and not looks_like_title(strip_marker(before), max_words=30, numbered=True):
            continue
        refs.append((i, before, ref[2]))
    if len(refs) < 2:
        return []
    cands: list[Heading] = []
    previous_end = -1
    for i, before, agenda in refs:
        first = i
        title_lines = [before] if before else []
        if not before or not match_marker(before):
            first = _anchor_title_start(lines, i, previous_end)
            title_lines = [ln.text for ln in lines[first:i]] + title_lines
        title = " ".join(t for t in title_lines if t)
        marker = match_marker(title)
        number, minute = agenda, None
        if marker and marker.kind in ("arabic", "minute") and marker.rest:
            number = minute = marker.number
            title = marker.rest
        title = clean_title(title)
        if not title:
            continue
        cands.append(Heading(first, i, title, number, (number,), "anchor", True, minute_ref=minute, agenda_ref=agenda,
                             styled=lines[first].strong))
        previous_end = i
    return cands


def _anchor_title_start(lines: list[LineInfo], i: int, floor: int) -> int:
    """The first line of the heading above the "(Item N)" line ``i``."""
    start, k = i, i - 1
    while k > floor and i - k <= 4:
        ln = lines[k]
        if trailing_ref(ln.text) or ln.ends:
            break
        if ln.marker is not None and ln.marker.kind in ("arabic", "minute") and ln.marker.rest:
            return k
        if _heading_start(lines, k, floor):
            start = k
        k -= 1
    return start if start < i else i - 1 if i - 1 > floor else i


def _heading_start(lines: list[LineInfo], k: int, floor: int) -> bool:
    """Whether line ``k`` can open a heading: the line before it ends a paragraph."""
    if k - 1 <= floor:
        return True
    prev = lines[k - 1]
    return prev.ends or prev.strong != lines[k].strong or trailing_ref(prev.text) is not None


# -- numbering schemes -----------------------------------------------------------------


def numbered_headings(lines: list[LineInfo], wrap: float) -> list[Heading]:
    """Top-level items of the document's main numbering scheme, then their sub-items."""
    tops: list[Heading] = []
    subs: list[tuple[int, Marker]] = []
    for i, ln in enumerate(lines):
        if ln.marker is None:
            continue
        m = ln.marker
        if m.kind in ("letter", "roman") or (m.kind == "arabic" and m.wrapped):
            subs.append((i, m))
            continue
        cand = _numbered_heading(lines, i, m, wrap)
        if cand is not None:
            tops.append(cand)
    chosen = _choose_scheme(tops)
    if not chosen:
        return []
    items = sorted(chosen, key=lambda c: c.first)
    items += _sub_items(lines, items, subs, wrap)
    return items


def _numbered_heading(lines: list[LineInfo], i: int, m: Marker, wrap: float) -> Heading | None:
    ln = lines[i]
    if m.kind == "legislation":
        title, last = m.rest, i
        if not title or _SPONSOR.match(title):  # "Ord. No. 412-24. By Council Member Farrell." names the sponsor
            title, last = _legislation_title(lines, i, title)
        return Heading(i, last, clean_title(title) or m.number, m.number, m.parts, "top", True, family=("legislation",),
                       styled=ln.strong)
    if not m.rest:  # the marker alone on its line: the title follows
        if m.punct not in (".", ")", ":") and m.kind == "arabic" or i + 1 >= len(lines):
            return None
        nxt = lines[i + 1]
        if nxt.marker is not None or not looks_like_title(nxt.text, numbered=True):
            return None
        title, last = gather_title(lines, i + 1, nxt.text, wrap)
        return Heading(i, last, clean_title(title), m.number, m.parts, "top", True,
                       family=(m.kind, m.punct, "alone", len(m.parts)), styled=nxt.strong or ln.strong)
    if m.kind == "arabic" and not m.punct and not ln.strong and len(m.parts) == 1:
        return None  # "2 Zachary Reed": a bare number and words is a list, not a heading
    if not ln.strong and m.rest[-1] in ".?!" and ":" not in m.rest and len(m.rest.split()) > 3 and ends_sentence(m.rest):
        return None  # "1. The officer introduced the report.": a numbered paragraph (cheap test first)
    title, last = gather_title(lines, i, m.rest, wrap)
    ref = trailing_ref(title)
    agenda = None
    if ref:
        title, agenda = ref[0], ref[2]
    run_in = split_run_in(title) if not ln.strong else None
    body_offset = None
    if run_in is not None and last == i:
        title, body_offset = run_in[0], ln.text.find(run_in[1]) if run_in[1] in ln.text else None
    if not looks_like_title(title, numbered=True, strong=ln.strong):
        return None
    return Heading(i, last, clean_title(title), m.number, m.parts, "top", ln.strong, body_offset,
                   agenda_ref=agenda, family=(m.kind, m.punct, "inline", len(m.parts)), styled=ln.strong)


def _legislation_title(lines: list[LineInfo], i: int, rest: str) -> tuple[str, int]:
    """The subject of the legislation numbered on line ``i``: the first sentence after its sponsor.

    "Ord. No. 412-24 -- Introduced by Councilmember Farrell at the / request of the Administration. /
    An ordinance to amend ..." gives "An ordinance to amend ..." and the index of the line where the
    sponsor ends: the subject is also what the body decides, so the body starts with it.
    """
    text, ends = "", []  # the joined text, and (offset where each line ends, line index)
    for k in range(i, min(i + 12, len(lines))):
        if k > i and lines[k].marker is not None and lines[k].marker.kind == "legislation":
            break
        piece = rest if k == i else lines[k].text
        if piece:
            text = f"{text} {piece}" if text else piece
            ends.append((len(text), k))
        if len(text.split()) > 120:
            break
    start = 0
    for end in _sentence_ends(text):  # skip the sponsor's sentence
        if not _SPONSOR.match(text[start:end].strip()):
            break
        start = end
    sponsor_end = max((k for offset, k in ends if offset <= start), default=i)
    for offset, k in ends:  # then whole lines, up to the one that ends a sentence
        if offset <= start:
            continue
        title = text[start:offset].strip()
        if ends_sentence(title) or len(title.split()) > 80 or offset == ends[-1][0]:
            return _SPACES.sub(" ", title).rstrip(". "), sponsor_end
    return "", i


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each full stop that ends a sentence (not "No." or an initial), and the end."""
    out = [m.end() for m in _STOP.finditer(text) if ends_sentence(text[: m.end()])]
    return out + [len(text)] if not out or out[-1] < len(text) else out


def _choose_scheme(tops: list[Heading]) -> list[Heading]:
    """The candidates of the numbering family whose numbers rise longest through the document."""
    families: dict[tuple, list[Heading]] = {}
    dotted = [c for c in tops if c.family[0] == "arabic" and len(c.parts) > 1 and ("." in c.number or "(" in c.number)]
    dotted_ids = {id(c) for c in dotted}
    for c in tops:
        if id(c) in dotted_ids:
            continue
        key = c.family if c.family[0] == "legislation" else (c.family[0], c.family[1] if c.family[1] != ":" else ".")
        families.setdefault(key, []).append(c)
    best: list[Heading] = []
    best_score = 0.0
    for key, group in families.items():
        if key[0] == "legislation":
            score, chain = len(group) + 0.5, group
        else:
            chain = _rising_chain(group)
            score = len(chain) + 0.1 * sum(c.strong for c in chain)
        if score > best_score:
            best, best_score = chain if key[0] != "legislation" else group, score
    if not best or (len(best) < 2 and not best[0].strong):
        return []
    if best[0].family[0] == "legislation":
        return best
    numbers = {c.number for c in best}
    # "7.1" under "7.", "14 (a)" under "14.", but not "4.1 Mr J Ames, Mill Road" (who asked a question)
    best = best + [c for c in dotted if c.parts[0] in numbers and not is_person_name(c.title)]
    chained = {id(c) for c in best}
    low = min(part_value(c.parts[0], "arabic" if c.parts[0].isdigit() else None) for c in best)
    high = max(part_value(c.parts[0], "arabic" if c.parts[0].isdigit() else None) for c in best)
    key = (best[0].family[0], best[0].family[1] if best[0].family[1] != ":" else ".")
    out = list(best)
    for c in families[key]:  # items taken out of order are kept when they read clearly as headings
        v = part_value(c.parts[0])
        if id(c) not in chained and c.strong and low <= v <= high and len(c.parts) == 1:
            out.append(c)
    return out


def _rising_chain(group: list[Heading]) -> list[Heading]:
    """Longest run of candidates whose top numbers rise (sub-numbers "7.1" ride with "7").

    A step may rise by at most 20, so each candidate only looks back at the best chain
    ending at each of the 20 values below its own (linear, not quadratic, in candidates).
    """
    n = len(group)
    if not n:
        return []
    values = [(part_value(c.parts[0]), len(c.parts) > 1) for c in group]
    best_len = [1] * n
    prev = [-1] * n
    best_at: dict[int, int] = {}  # value -> the earliest of the longest chains ending at that value so far
    for j in range(n):
        vj, sub = values[j]
        best_k = -1
        for v in range(vj - 20, vj + 1 if sub else vj):
            k = best_at.get(v, -1)
            if k >= 0 and (best_k < 0 or best_len[k] > best_len[best_k] or best_len[k] == best_len[best_k] and k < best_k):
                best_k = k
        if best_k >= 0:
            best_len[j], prev[j] = best_len[best_k] + 1, best_k
        held = best_at.get(vj, -1)
        if held < 0 or best_len[j] > best_len[held]:
            best_at[vj] = j
    j = max(range(n), key=lambda x: (best_len[x], -x))
    chain = []
    while j != -1:
        chain.append(group[j])
        j = prev[j]
    return chain[::-1]


def _sub_items(lines: list[LineInfo], tops: list[Heading], subs: list[tuple[int, Marker]], wrap: float) -> list[Heading]:
    """Lettered and Roman sub-items ("(a)", "(ii)") that head their own titled business."""
    starts = [c.first for c in tops]
    out: list[Heading] = []
    state: dict[int, tuple[str | None, str | None, str | None]] = {}  # parent -> (last letter, last roman, letter number)
    for i, m in subs:
        k = bisect.bisect_right(starts, i) - 1
        if k < 0 or i <= tops[k].last:
            continue
        if m.kind == "letter" and m.number.lower() != "a" and state.get(k, (None,))[0] is None:
            for j in range(k - 1, max(k - 6, -1), -1):  # items taken out of order: "(c)" resumes "4(b)"
                last_letter = state.get(j, (None,))[0]
                if last_letter and part_value(last_letter, "letter") + 1 == part_value(m.number, "letter"):
                    k = j
                    break
        parent = tops[k]
        letter, roman, letter_number = state.get(k, (None, None, None))
        kind = sub_marker_kind(m.number, letter) if m.kind in ("letter", "roman") else "arabic"
        if kind == "letter":
            letter, roman = m.number, None
        elif kind == "roman":
            roman = m.number
        state[k] = (letter, roman, letter_number)
        ln = lines[i]
        if m.rest:
            if not (ln.strong or m.wrapped) or not looks_like_title(m.rest, numbered=True, strong=ln.strong, strict=True):
                continue
            title, last = gather_title(lines, i, m.rest, wrap)
            if len(title.split()) > 15 or not looks_like_title(title, numbered=True, strong=ln.strong, strict=True):
                continue
        else:
            if i + 1 >= len(lines) or lines[i + 1].marker is not None:
                continue
            if not looks_like_title(lines[i + 1].text, numbered=True, strict=True):
                continue
            title, last = gather_title(lines, i + 1, lines[i + 1].text, wrap)
        base = parent.number or ""
        if kind == "roman" and letter is not None and letter_number is not None:
            number = f"{letter_number}({m.number})"
        else:
            number = f"{base}({m.number})"
            if kind == "letter":
                letter_number = number
        state[k] = (letter, roman, letter_number)
        out.append(Heading(i, last, clean_title(title), number, (*parent.parts, m.number), "sub", True,
                           styled=ln.strong))
    return out
