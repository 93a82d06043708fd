"""Find agenda items (numbered minutes and unnumbered headings) and the span each covers.

Cues, strongest first: an ``(Item N)`` reference under a heading; a numbering scheme that
rises through the document ("270.", "7.2", "45/12", "Item 5", "Ord. No. 499-16") with
nested parts ("4(c)(i)"); headings by layout (heading lines, bold or upper-case lines,
short title-like paragraphs). Numbered paragraphs inside an item, page numbers, dates and
money are not items: they break the scheme's sequence or do not read as titles.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "PARISH COUNCIL\\nPresent: Cllr Ames, Cllr Bell\\n\\n1. Apologies\\nNone.\\n\\n"
    ...     "2. Planning\\n1. The clerk reported two applications.\\n2. No objections."))
    >>> [(s.number, s.title) for s in find_items(view)]
    [('1', 'Apologies'), ('2', 'Planning')]
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from minutes_nlp.structure.numbering import Marker, match_marker, part_value, sub_marker_kind, trailing_ref
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


@dataclass
class _Cand:
    first: int  # index of the heading's first line
    last: int  # index of the heading's last line
    title: str
    number: str | None = None
    parts: tuple[str, ...] = ()
    kind: str = "head"  # anchor | top | sub | head
    strong: bool = False
    body_offset: int | None = None  # a run-in heading: where the body starts inside its line
    minute_ref: str | None = None
    agenda_ref: str | None = None
    family: tuple = field(default_factory=tuple)
    styled: bool = False  # printed as a heading or in bold


def find_items(view: TextView) -> list[ItemSpan]:
    """Every agenda item of the document, in order, with the span of text it covers.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> doc = Document.from_text("## CALL TO ORDER\\nOpened at 6.30.\\n\\n## ROAD\\nGrading done.")
        >>> [s.title for s in find_items(TextView.of(doc))]
        ['CALL TO ORDER', 'ROAD']
    """
    lines = _prepare(view)
    if not lines:
        return []
    cands = _anchor_items(lines)
    anchored = bool(cands)
    if not anchored:
        cands = _numbered_items(lines)
    heads = _unnumbered(lines, _taken(cands), cands)
    levelled = sum(1 for h in heads if lines[h.first].level)
    if cands and not anchored and levelled >= 3 and sum(c.styled for c in cands) < 0.5 * len(cands):
        cands = []  # numbered lines under a scheme of headings are lists inside items
        heads = _unnumbered(lines, set(), [])
    cands += [c for c in heads if c.strong or not anchored]
    cands.sort(key=lambda c: (c.first, c.body_offset or 0))
    return _to_spans(view, lines, cands)


# -- "(Item N)" references -------------------------------------------------------------


def _taken(cands: list[_Cand]) -> set[int]:
    taken: set[int] = set()
    for c in cands:
        taken.update(range(c.first, c.last + 1))
    return taken


def _anchor_items(lines: list[_L]) -> list[_Cand]:
    """Items marked by an "(Item N)" reference on or just after the heading (ModernGov)."""
    refs: list[tuple[int, str, str]] = []  # (line, title text on that line, agenda number)
    for i, ln in enumerate(lines):
        ref = trailing_ref(ln.text)
        if ref is None or ref[1] != "item" or len(ln.text) > 200:
            continue
        before = ref[0]
        if before and not _title_like(_strip_marker(before), max_words=30, numbered=True):
            continue
        refs.append((i, before, ref[2]))
    if len(refs) < 2:
        return []
    cands: list[_Cand] = []
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
        title = _clean_title(title)
        if not title:
            continue
        cands.append(_Cand(first, i, title, number, (number,), "anchor", True, minute_ref=minute, agenda_ref=agenda,
                           styled=lines[first].strong))
        previous_end = i
    return cands


def _anchor_title_start(lines: list[_L], i: int, floor: int) -> int:
    """The first line of the heading above the "(Item N)" line ``i``."""
    start, k = i, i - 1
    while k > floor and i - k <= 4:
        text = lines[k].text
        if trailing_ref(text) or _ends_sentence(text):
            break
        if _numbered_line(text):
            return k
        if _heading_start(lines, k, floor):
            start = k
        k -= 1
    return start if start < i else i - 1 if i - 1 > floor else i


def _numbered_line(text: str) -> bool:
    marker = match_marker(text)
    return marker is not None and marker.kind in ("arabic", "minute") and bool(marker.rest)


def _heading_start(lines: list[_L], k: int, floor: int) -> bool:
    """Whether line ``k`` can open a heading: the line before it ends a paragraph."""
    if k - 1 <= floor:
        return True
    prev = lines[k - 1]
    return _ends_sentence(prev.text) or prev.strong != lines[k].strong or trailing_ref(prev.text) is not None


# -- numbering schemes -----------------------------------------------------------------


def _numbered_items(lines: list[_L]) -> list[_Cand]:
    """Top-level items of the document's main numbering scheme, then their sub-items."""
    tops: list[_Cand] = []
    subs: list[tuple[int, Marker]] = []
    for i, ln in enumerate(lines):
        if ln.marker is None:
            continue
        m = ln.marker
        if m.kind in ("letter", "roman") or (m.kind == "arabic" and m.wrapped):
            subs.append((i, m))
            continue
        cand = _numbered_heading(lines, i, m)
        if cand is not None:
            tops.append(cand)
    chosen = _choose_scheme(tops)
    if not chosen:
        return []
    items = sorted(chosen, key=lambda c: c.first)
    items += _sub_items(lines, items, subs)
    return items


def _numbered_heading(lines: list[_L], i: int, m: Marker) -> _Cand | None:
    ln = lines[i]
    if m.kind == "legislation":
        title, last = m.rest, i
        if title.startswith("By ") and i + 1 < len(lines):
            title = ""  # "Ord. No. 412-24. By Council Member Farrell." names the sponsor, not the subject
        if not title and i + 1 < len(lines):
            title, last = _legislation_title(lines, i + 1)
        return _Cand(i, last, _clean_title(title) or m.number, m.number, m.parts, "top", True, family=("legislation",),
                     styled=ln.strong)
    if not m.rest:  # the marker alone on its line: the title follows
        if m.punct not in (".", ")", ":") and m.kind == "arabic" or i + 1 >= len(lines):
            return None
        nxt = lines[i + 1]
        if nxt.marker is not None or not _title_like(nxt.text, numbered=True):
            return None
        title, last = _gather_title(lines, i + 1, nxt.text)
        return _Cand(i, last, _clean_title(title), m.number, m.parts, "top", True,
                     family=(m.kind, m.punct, "alone", len(m.parts)), styled=nxt.strong or ln.strong)
    if m.kind == "arabic" and not m.punct and not ln.strong and len(m.parts) == 1:
        return None  # "2 Zachary Reed": a bare number and words is a list, not a heading
    title, last = _gather_title(lines, i, m.rest)
    ref = trailing_ref(title)
    agenda = None
    if ref:
        title, agenda = ref[0], ref[2]
    run_in = _split_run_in(title) if not ln.strong else None
    body_offset = None
    if run_in is not None and last == i:
        title, body_offset = run_in[0], ln.text.find(run_in[1]) if run_in[1] in ln.text else None
    if not _title_like(title, numbered=True, strong=ln.strong):
        return None
    return _Cand(i, last, _clean_title(title), m.number, m.parts, "top", ln.strong, body_offset,
                 agenda_ref=agenda, family=(m.kind, m.punct, "inline", len(m.parts)), styled=ln.strong)


def _choose_scheme(tops: list[_Cand]) -> list[_Cand]:
    """The candidates of the numbering family whose numbers rise longest through the document."""
    families: dict[tuple, list[_Cand]] = {}
    dotted = [c for c in tops if c.family[0] == "arabic" and len(c.parts) > 1 and "." in (c.number or "")]
    for c in tops:
        if c in dotted:
            continue
        key = c.family if c.family[0] == "legislation" else (c.family[0], c.family[1] if c.family[1] != ":" else ".")
        families.setdefault(key, []).append(c)
    best: list[_Cand] = []
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
    best = best + [c for c in dotted if c.parts[0] in numbers]  # "7.1" under "7."
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


def _rising_chain(group: list[_Cand]) -> list[_Cand]:
    """Longest run of candidates whose top numbers rise (sub-numbers "7.1" ride with "7")."""
    values = [(part_value(c.parts[0]), len(c.parts) > 1) for c in group]
    n = len(group)
    best_len = [1] * n
    prev = [-1] * n
    for j in range(n):
        for k in range(j):
            vk, vj = values[k][0], values[j][0]
            ok = vj > vk and vj - vk <= 20 or (vj == vk and values[j][1])
            if ok and best_len[k] + 1 > best_len[j]:
                best_len[j], prev[j] = best_len[k] + 1, k
    if not n:
        return []
    j = max(range(n), key=lambda x: (best_len[x], -x))
    chain = []
    while j != -1:
        chain.append(group[j])
        j = prev[j]
    return chain[::-1]


def _sub_items(lines: list[_L], tops: list[_Cand], subs: list[tuple[int, Marker]]) -> list[_Cand]:
    """Lettered and Roman sub-items ("(a)", "(ii)") that head their own titled business."""
    starts = [c.first for c in tops]
    out: list[_Cand] = []
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
            if not (ln.strong or m.wrapped) or not _title_like(m.rest, numbered=True, strong=ln.strong, strict=True):
                continue
            title, last = _gather_title(lines, i, m.rest)
            if len(title.split()) > 15 or not _title_like(title, numbered=True, strong=ln.strong, strict=True):
                continue
        else:
            if i + 1 >= len(lines) or lines[i + 1].marker is not None:
                continue
            if not _title_like(lines[i + 1].text, numbered=True, strict=True):
                continue
            title, last = _gather_title(lines, i + 1, lines[i + 1].text)
        base = parent.number or ""
        if kind == "roman" and letter is not None and letter_number is not None:
            number = f"{letter_number}({m.number})"
        else:
            number = f"{base}({m.number})"
            if kind == "letter":
                letter_number = number
        state[k] = (letter, roman, letter_number)
        out.append(_Cand(i, last, _clean_title(title), number, (*parent.parts, m.number), "sub", True, styled=ln.strong))
    return out


# -- spans -----------------------------------------------------------------------------


def _to_spans(view: TextView, lines: list[_L], cands: list[_Cand]) -> list[ItemSpan]:
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


# -- lines and titles --------------------------------------------------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_LETTERS = re.compile(r"[^\W\d_]")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>])")
_LEAD_BOLD = re.compile(r"^(?:\*\*|__)(?P<lead>[^*_]{2,80}?)(?:\*\*|__)\s*[:\-–—]?\s*(?P<rest>\S.*)$")
_WHOLE_BOLD = re.compile(r"^(?:\*{2,3}|_{2,3})(?P<t>.+?)(?:\*{2,3}|_{2,3})\W{0,2}$")
_NOISE = re.compile(r"^(?:[\W_]+|\d{1,4}|page \d+(?: of \d+)?|- ?\d+ ?-)$", re.IGNORECASE)
_SMALL = frozenset(
    "a an and the of for to in on at by with from or as into per via re be is are & de la le van von upon under "
    "within about than not no its their his her our your this that these those".split()
)
_VERBS = re.compile(
    r"\b(?:was|were|had|has|have|said|noted|asked|reported|explained|advised|informed|agreed|stated|thanked|"
    r"confirmed|proposed|seconded|moved|welcomed|referred|highlighted|requested|questioned|presented|introduced|"
    r"reminded|would|could|should|did|will|shall|declared|received|attended|expressed|suggested|felt|gave|"
    r"outlined|discussed|considered|resolved|wished|is|are)\b",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"(?:\b(?i:and|or|of|the|for|to|in|on|by|with|from|at|a|an|into)|[-–—,(/&]|\b[A-Z]\.)$")
_ABBREV_END = re.compile(r"(?:\b(?:No|Co|Ltd|etc|St|Dr|Inc|Bros|Cllr|Rev|vs|p\.m|a\.m)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.?!;:][\"'”’)\]]*$")
_MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:p|pence|euro|dollars)\b")
_ATTENDANCE = re.compile(
    r"^(?:those\s+|members\s+|councillors\s+|officers?\s+|officials\s+|staff\s+|also\s+|others\s+)?"
    r"(?:present|attending|in attendance|apologies|absent|in the chair|present in the chair)\b\W*(?:[:\-–]|$)",
    re.IGNORECASE,
)
_NOT_ITEMS = re.compile(
    r"^(?:minutes?|draft|reply|response|answer|recommendations?(?: no\.? ?\d+)?|resolved|resolution|agreed|"
    r"decision|motion|amendment|carried|lost|note|notes|action|actions|signed|date|dated|chair|chairman|"
    r"chairperson|mayor|clerk|town clerk|parish clerk|cathaoirleach|confirmed|supporting documents|"
    r"background|purpose|summary|proposer|seconder|for|against|abstain(?:ed|ing)?|abstentions|"
    r"yeas|nays|ayes|noes|contents|index|page|private|confidential|proceedings|present|apologies|"
    r"(?:un)?restricted items|exempt items|part [ab12]|open session|closed session|file|author|summary|question|"
    r"response|moved|seconded|officer recommendation|council resolution)\b(?:\s*(?:no\.?)?\s*\d[\w/.\-]*)?\W*$",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|hrs|$)|\b\d{1,2}(?:st|nd|rd|th)?,?\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2}\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^(?:Cllr|Councillor|Councilor|Council Member|Mr|Mrs|Ms|Miss|Dr|Supervisor|Alderman|Mayor|Commissioner|Trustee)\.?\s+[A-Z]"
)
_SIGN_OFF = re.compile(r"^(?:respectfully|respectively|yours|signed|submitted|approved by|prepared by|minutes taken)\b", re.IGNORECASE)
_DOC_TITLE = re.compile(
    r"\b(?:minutes|meeting|council|committee|board|township|parish|borough|county|city of|town of)\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


@dataclass
class _L:
    index: int  # index into view.lines
    raw: str
    text: str  # without Markdown markup
    strong: bool  # a heading, or bold throughout
    level: int
    caps: bool
    para: bool
    marker: Marker | None
    lead: str | None = None  # a bold lead-in at the start of the line
    listed: bool = False  # a bulleted or numbered list item
    table: bool = False


def _prepare(view: TextView) -> list[_L]:
    out: list[_L] = []
    for index, line in enumerate(view.lines):
        raw = line.text.strip()
        text, strong, level, lead = raw, line.kind == "heading" or line.bold, line.level if line.kind == "heading" else 0, None
        if _MD_HEADING.match(text):
            level = len(text) - len(text.lstrip("#"))
            text, strong = _MD_HEADING.sub("", text), True
        whole = _WHOLE_BOLD.match(text)
        if whole and "**" not in whole.group("t").strip("*"):
            text, strong = whole.group("t"), True
        else:
            match = _LEAD_BOLD.match(text)
            if match:
                lead = _MD_ESCAPE.sub(r"\1", match.group("lead")).strip()
        text = _MD_ESCAPE.sub(r"\1", text.replace("**", "").replace("__", "")).strip(" *_\t")
        if not text or _NOISE.match(text) and (not text.isdigit() or _page_edge(view, index)):
            continue
        caps = text.upper() == text and len(_LETTERS.findall(text)) >= 3
        marker = match_marker(text)
        if marker is not None and marker.kind == "arabic" and not marker.rest and not marker.punct:
            continue  # a bare page number
        out.append(_L(index, raw, text, strong, level, caps, line.para_break, marker, lead, line.kind == "list_item",
                      line.kind == "table_row"))
    return out


def _page_edge(view: TextView, index: int) -> bool:
    page = view.lines[index].page_no
    return any(not 0 <= index + d < len(view.lines) or view.lines[index + d].page_no != page for d in (-2, -1, 1, 2))


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(_SENTENCE_END.search(text)) and not _ABBREV_END.search(text)


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    ref = trailing_ref(title)
    if ref:
        title = ref[0]
    title = title.strip(" :;,-–—*_").strip()
    return title[:-1] if title.endswith(".") and not _ABBREV_END.search(title) else title


def _strip_marker(text: str) -> str:
    marker = match_marker(text)
    return marker.rest if marker else text


def _title_like(text: str, *, max_words: int = 40, numbered: bool = False, strong: bool = False,
                strict: bool = False, min_caps: float = 0.0) -> bool:
    """Whether ``text`` reads as an item title: short, capitalised, not a sentence."""
    t = re.sub(r"\s+", " ", text).strip().rstrip(":").strip(" -–—")
    if not t or len(t) > 300 or not (t[0].isupper() or t[0].isdigit() or t[0] in "\"'‘“("):
        return False
    words = t.split()
    if len(words) > max_words:
        return False
    if t.endswith((".", ",", ";", "?", "!")) and not _ABBREV_END.search(t):
        if strict or not numbered or len(words) > 3 or t.endswith((",", ";")):
            return False
    if strict and (re.search(r",\s+[a-z]", t) or _WHEN.search(t)):
        return False
    verbs = len(_VERBS.findall(re.sub(r"\([^)]*\)?", "", t)))
    if verbs and not (strong and verbs == 1 and numbered):
        return False
    if not strong and re.search(r"\s[-–—]{1,2}\s+(?:[a-z]|(?:The|This|It|There|He|She|They|We|No|Not)\b)", t):
        return False
    content = [w for w in words if w[:1].isalpha() and w.lower().strip(",.;:()") not in _SMALL]
    if not content:
        return numbered
    ratio = sum(1 for w in content if w[0].isupper()) / len(content)
    return ratio >= max(min_caps, 0.3 if (numbered or strong) and not strict else 0.6)


def _gather_title(lines: list[_L], j: int, text: str) -> tuple[str, int]:
    """A title starting on line ``j`` and the index of its last line (titles may wrap)."""
    last, parts = j, [text]
    wrap = _wrap_length(lines)
    while last + 1 < len(lines) and last - j < 3:
        current, nxt = lines[last], lines[last + 1]
        if parts[-1].rstrip().endswith(":") or nxt.marker is not None:
            break
        if trailing_ref(nxt.text) is not None and not trailing_ref(nxt.text)[0]:
            parts.append(nxt.text)
            last += 1
            break
        joined = _CONTINUES.search(parts[-1].rstrip()) is not None
        wrapped = wrap and len(current.text) >= 0.85 * wrap and not _ends_sentence(current.text)
        same_style = current.strong and nxt.strong and current.level == nxt.level and not nxt.para
        short_tail = len(nxt.text.split()) <= 2 and nxt.text[:1].isupper() and not _ends_sentence(nxt.text) \
            and not _ends_sentence(current.text) and not nxt.strong and not current.strong
        if not (joined or wrapped or same_style or short_tail) or len(" ".join(parts).split()) > 40:
            break
        if nxt.strong != current.strong and not joined or nxt.lead:
            break
        parts.append(nxt.text)
        last += 1
    return " ".join(parts), last


_WRAP_CACHE: dict[int, float] = {}


def _wrap_length(lines: list[_L]) -> float:
    """The usual length of a full body line (0 when lines are whole paragraphs)."""
    key = id(lines)
    if key not in _WRAP_CACHE:
        lengths = sorted(len(ln.text) for ln in lines if not ln.strong and len(ln.text) > 20)
        ended = sum(1 for ln in lines if len(ln.text) > 20 and _ends_sentence(ln.text))
        if len(lengths) < 20 or lengths[int(len(lengths) * 0.9) - 1] > 160 or ended > 0.6 * len(lengths):
            value = 0.0
        else:
            value = float(lengths[int(len(lengths) * 0.75)])
        _WRAP_CACHE.clear()
        _WRAP_CACHE[key] = value
    return _WRAP_CACHE[key]


def _split_run_in(title: str) -> tuple[str, str] | None:
    """``"Minutes of the last Meeting: Cllr Ames proposed"`` -> the heading and its body."""
    match = re.match(r"^(?P<head>[^:]{3,90}?):\s+(?P<body>\S.*)$", title)
    if not match or not _title_like(match.group("head"), max_words=10, min_caps=0.5):
        return None
    return match.group("head").strip(), match.group("body")


def _legislation_title(lines: list[_L], j: int) -> tuple[str, int]:
    """The first sentence of a piece of legislation after its number, skipping "By Council Member ..."."""
    parts: list[str] = []
    last = j
    for k in range(j, min(j + 12, len(lines))):
        if lines[k].marker is not None and lines[k].marker.kind == "legislation":
            break
        text = lines[k].text
        if not parts and re.match(r"^(?:By|Sponsored by|Introduced by)\b", text):
            if _ends_sentence(text):
                continue
            parts, last = [], k
            continue
        parts.append(text)
        last = k
        joined = " ".join(parts)
        if _ends_sentence(joined) or len(joined.split()) > 80:
            break
    title = " ".join(parts)
    if title.lower().startswith(("by ", "sponsored by")):
        title = ""
    return re.sub(r"\s+", " ", title).rstrip(". "), last


# -- unnumbered headings -----------------------------------------------------------------

_CAPS_LEAD = re.compile(r"^(?P<lead>[A-Z][A-Z&/' ]{2,40}?[A-Z])(?:\s*[-–—:]+\s*(?P<rest>\S.*)|\s+(?P<low>[a-z$£€\d].*))$")


def _unnumbered(lines: list[_L], taken: set[int], cands: list[_Cand]) -> list[_Cand]:
    """Headings without numbers: heading lines, bold or upper-case lines, short title-like paragraphs."""
    paragraphs = _wrap_length(lines) == 0
    first_item = min((c.first for c in cands), default=len(lines))
    top = first_item if cands else max(len(lines) // 3, 1)
    preamble_end = max((i for i in range(min(top, len(lines))) if _ATTENDANCE.match(lines[i].text)), default=-1)
    found: list[tuple[_Cand, int, str | None]] = []  # (candidate, strength, run-in style)
    place = _Place.of(cands, paragraphs)
    for i, ln in enumerate(lines):
        if i in taken or ln.marker is not None or i <= preamble_end or ln.table or ln.listed and not ln.strong:
            continue
        strength = 3 if ln.strong and ln.level else 2 if ln.strong else 1 if ln.caps else 0
        text = ln.text
        if strength < 3 and not (place.free or i - 1 in taken or i < place.first or i > place.last):
            continue
        if cands and preamble_end < 0 and i < place.first:
            continue  # no attendance list: what comes before the first item is the title page
        plain = not strength and _plain_heading(lines, i, paragraphs, taken)
        if _usable(text) and (strength or text.endswith(":") or plain):
            title, last = _gather_title(lines, i, text) if strength < 3 else (text, i)
            min_caps = 0.0 if strength >= 2 else 0.7
            if _title_like(title, max_words=20 if strength >= 2 else 16, strong=strength >= 2, min_caps=min_caps):
                if strength or plain:
                    found.append((_Cand(i, last, _clean_title(title), strong=strength >= 2), strength, None))
                    continue
        run_in = _run_in(ln)
        if run_in is not None:
            head, body, style = run_in
            offset = ln.raw.find(body[:20]) if body[:20] in ln.raw else None
            found.append((_Cand(i, i, _clean_title(head), body_offset=offset), -1, style))
    found = [f for f in found if not _document_title(f[0], lines, first_item, preamble_end, found)]
    styles = _heading_styles([f for f in found if f[2] is None], lines)
    if paragraphs and sum(1 for f in found if f[2] == "colon") + styles["colon"] >= 3:
        styles["colon"] += 2  # the document's headings run into their paragraphs
    found = [f for f in found if f[2] is None or styles.get(f[2], 0) >= (2 if f[2] == "colon" else 1)]
    plain = {f[0].first for f in found if f[1] == 0 and f[2] is None and not lines[f[0].first].text.endswith(":")}
    found = [f for f in found if f[0].first not in plain or not ({f[0].first - 1, f[0].last + 1} & plain)]
    styled = sum(c.styled for c in cands) + sum(1 for f in found if f[1] >= 2)
    unstyled = sum(not c.styled for c in cands) + sum(1 for f in found if f[1] == 1)
    if styled >= 3 and styled >= 0.7 * (styled + unstyled):
        found = [f for f in found if f[1] not in (0, 1)]  # headings here are styled: plain lines are text
    firsts = {c.first for c in cands}
    by_first = {f[0].first: f for f in found}
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
    keep: list[_Cand] = []
    for cand, strength, style in found:
        if cand.first in labels:
            continue
        above = by_first.get(cand.first - 1)
        if style and (above is not None and above[2] is None or cand.first - 1 in taken):
            continue  # a lead-in straight under a heading belongs to it
        keep.append(cand)
    return keep


def _usable(text: str) -> bool:
    return not (_NOT_ITEMS.match(text) or _ATTENDANCE.match(text) or _MONEY.search(text) or _WHEN.search(text)
                or _SIGN_OFF.match(text) or _PERSON.match(text) or len(text) < 3)


@dataclass(frozen=True)
class _Place:
    """Where an unnumbered heading may stand among numbered items printed plain, when lines wrap:
    before them, after them or straight under one (``free``: anywhere)."""

    free: bool
    first: int
    last: int

    @classmethod
    def of(cls, cands: list[_Cand], paragraphs: bool) -> "_Place":
        if not cands:
            return cls(True, 0, 0)
        free = paragraphs or sum(c.styled for c in cands) > 0.5 * len(cands)
        return cls(free, min(c.first for c in cands), max(c.last for c in cands if c.kind != "sub"))


def _plain_heading(lines: list[_L], i: int, paragraphs: bool, taken: set[int] = frozenset()) -> bool:
    """A plain line standing alone between paragraphs, like a heading."""
    ln = lines[i]
    if i + 1 < len(lines) and re.match(r"^Date\b", lines[i + 1].text):
        return False  # a signature block
    wrap = _wrap_length(lines)
    if not paragraphs and len(ln.text) >= 0.85 * wrap and not _CONTINUES.search(ln.text):
        return False
    if not ln.text[:1].isalpha() or i + 1 < len(lines) and lines[i + 1].text[:1].islower() and lines[i + 1].marker is None:
        return False
    if i + 1 < len(lines) and not ln.text.endswith(":"):
        nxt = lines[i + 1]
        if nxt.marker is None and not nxt.strong and len(nxt.text.split()) < 6 and not _ends_sentence(nxt.text):
            return False  # a heading is followed by its text, not by another short line
    if paragraphs or i == 0 or i - 1 in taken:
        return True
    prev = lines[i - 1]
    if _CONTINUES.search(prev.text):
        return False
    alone = prev.marker is not None and not prev.marker.rest
    return _ends_sentence(prev.text) or prev.strong or prev.caps or alone or prev.text.endswith(("”", '"'))


def _run_in(ln: _L) -> tuple[str, str, str] | None:
    """A heading run into its paragraph: a bold or upper-case lead, or ``Heading: text``."""
    if ln.lead and _title_like(ln.lead, max_words=8) and _usable(ln.lead):
        rest = ln.text[len(ln.lead):].lstrip(" :-–—")
        return ln.lead, rest, "caps" if ln.lead.isupper() else "bold"
    match = _CAPS_LEAD.match(ln.text)
    if match and _usable(match.group("lead")) and len(match.group("lead").split()) <= 6:
        return match.group("lead"), match.group("rest") or match.group("low"), "caps"
    split = _split_run_in(ln.text)
    if split and _usable(split[0]) and not ln.strong and (split[1][:1].isupper() or match_marker(split[1])):
        return split[0], split[1], "colon"
    return None


def _heading_styles(found: list[tuple[_Cand, int, str | None]], lines: list[_L]) -> dict[str, int]:
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


def _document_title(cand: _Cand, lines: list[_L], first_item: int, preamble_end: int,
                    found: list[tuple[_Cand, int, str | None]]) -> bool:
    """The document's own title lines ("Town of North Star", "Monthly Meeting") at the top."""
    if cand.first > first_item or preamble_end >= 0:
        return False
    earlier = [f for f in found if f[0].first < cand.first and not _DOC_TITLE.search(f[0].title)]
    if earlier:
        return False
    return bool(_DOC_TITLE.search(cand.title)) or (lines[cand.first].level == 1 and cand.first == 0)
