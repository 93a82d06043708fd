"""Find recorded votes: counts for, against and abstaining, with named lists where printed.

Reads "For (57) ... Against (12) ... Abstain (0)" blocks with the members' names (as lines or
as table rows, or a lone "For" heading with "(24)" after the names), recorded-vote tables with
"Yea"/"Nay" columns, "Yeas 17. Nays 0." (with "Abstaining: <names>"), "carried 7 votes to 2",
"carried by 10 votes to 3 with 2 abstentions", "approved by 7 votes, 1 abstention", "Carried
(5-2)", "CARRIED 7/0", named roll calls ("Yeas: Smith, Jones. Nays: None.") and aye/yea roll
calls ("Janet Keough yea, Dick Dillon yea"); a roll call and the count printed after it are one
vote. A count that is not printed is None; a roll call with no nays counts 0 against.
"Carried unanimously" with no count is not a vote.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text("The motion was carried by 10 votes to 3 with 2 abstentions."))
    >>> v = find_votes(view, 0, len(view.text))[0]
    >>> v.for_, v.against, v.abstain
    (10, 3, 2)
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from minutes_nlp.records import Vote
from minutes_nlp.structure.cues import NUMBER, keyword_hits, meeting_close, number_value, scan
from minutes_nlp.structure.names import clean_name
from minutes_nlp.structure.text import TextView

__all__ = ["Count", "find_counts", "find_votes"]

logger = logging.getLogger(__name__)

_N = rf"(?<![\d.,])({NUMBER})(?![\d.,]\d)"
_FOR = r"(?:For|In\s+favou?r|Ayes?|Yeas?|Yes)"
_AGAINST = r"(?:Against|Nays?|Noes?|No|Opposed)"
_ABSTAIN = r"(?:Abstain(?:ed|ing|s)?|Abstentions?|Not\s+voting)"
# A header line of a named vote block: "For (57)", "Against: 12", "Abstain (0)" (table cells too).
_HEADER = re.compile(
    rf"^[ \t|*_]*(?P<kind>{_FOR}|{_AGAINST}|{_ABSTAIN})[ \t*_]*(?:\((?P<n1>\d{{1,3}})\)|[:\-–][ \t]*(?P<n2>\d{{1,3}})\b|"
    rf"[ \t]+(?P<n3>\d{{1,3}})[ \t]*$|(?P<bare>[ \t*_:]*$))[ \t|*_:.-]*",
    re.MULTILINE | re.IGNORECASE,
)
_INLINE = [
    # "Yeas 15. Nays 0.", "Ayes: 5, Noes: 2, Abstentions: 1", "with yea three and nay none"
    re.compile(
        rf"\b{_FOR}\s*[:\-–]?\s*{_N}[\s.,;]*(?:and\s+)?{_AGAINST}\s*[:\-–]?\s*{_N}"
        rf"(?:[\s.,;]*(?:and\s+)?{_ABSTAIN}\s*[:\-–]?\s*{_N})?",
        re.IGNORECASE,
    ),
    # "carried 7 votes to 2", "carried by 10 votes to 3 with 2 abstentions", "by three to two"
    re.compile(
        rf"\b(?:carried|approved|agreed|passed|adopted|lost|defeated|rejected|resolved|vote\s+was|voted)\s*[,:]?\s+"
        rf"(?:by\s+)?(?:a\s+(?:vote|majority)\s+of\s+)?{_N}\s+(?:votes?\s+)?(?:to|against|-|–)\s+{_N}\b(?:\s+votes?)?"
        rf"(?:\s*,?\s*(?:with\s+|and\s+)?{_N}\s+abstentions?)?",
        re.IGNORECASE,
    ),
    # "7 votes for, 2 against and 1 abstention", "5 in favour, 2 against"
    re.compile(
        rf"{_N}\s+(?:votes?\s+)?(?:for|in\s+favou?r)\s*,?\s*(?:and\s+|with\s+)?{_N}\s+(?:votes?\s+)?against"
        rf"(?:\s*,?\s*(?:and\s+|with\s+)?{_N}\s+abstentions?)?",
        re.IGNORECASE,
    ),
    # "3 yea, 0 nay", "5 ayes and 2 noes"
    re.compile(
        rf"{_N}\s+(?:yeas?|ayes?|yes)\s*[,;]?\s*(?:and\s+|with\s+)?{_N}\s+(?:nays?|noes|no)\b"
        rf"(?:\s*[,;]?\s*(?:and\s+|with\s+)?{_N}\s+(?:abstentions?|abstain(?:ed|ing)?))?",
        re.IGNORECASE,
    ),
    # "Carried (5-2)", "motion passed 4-1-1", "by a vote of 6-0"
    re.compile(
        r"\b(?:carried|approved|passed|adopted|lost|defeated|failed|vote\s+of)"
        r"(?:\s+by\s+(?:an?\s+)?(?:absolute|simple|special|two-thirds)\s+majority)?\s*(?:unanimously\s*)?[(\[]?"
        r"(?<!\d)(\d{1,2})\s*[-–:/]\s*(\d{1,2})(?:\s*[-–:/]\s*(\d{1,2}))?(?![\d/])[)\]]?",
        re.IGNORECASE,
    ),
]
# "approved by 7 votes, 1 abstention" (nobody against is printed: None)
_FOR_ABSTAIN = re.compile(
    rf"\bby\s+{_N}\s+votes?\s*,?\s*(?:with\s+|and\s+)?{_N}\s+abstentions?", re.IGNORECASE
)
# "Yeas: Directors Langhenry, Dumas and Cox. Nays: None."
_NAMED = re.compile(
    rf"\b(?:{_FOR}|Voting\s+(?:aye|yes))\s*:\s*(?P<for>[^.:]{{1,900}}?)\.\s*"
    rf"(?:{_AGAINST}|Voting\s+no)\s*:\s*(?P<against>[^.:]{{0,900}}?)\."
    rf"(?:\s*{_ABSTAIN}\s*:\s*(?P<abstain>[^.:]{{0,900}}?)\.)?",
    re.IGNORECASE,
)
_ROLL_ITEM = re.compile(
    r"(?-i:(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2}))\s*,?\s+(?P<v>aye|yea|yes|nay|no|abstain(?:ed|s)?)\b"
    r"(?!\s+(?:one|two|three|four|five|\d))",
    re.IGNORECASE,
)
_ROLL_CUE = frozenset({"aye", "yea"})
_NAMED_CUE = frozenset({"nay", "noes", "against", "opposed", "vot"})
_INLINE_CUE = frozenset(
    {"yea", "aye", "nay", "noes", "against", "opposed", "vot", "carried", "passed", "approv", "adopted", "agreed",
     "lost", "defeated", "rejected", "resolved", "failed"}
)
_ABSTAIN_CUE = frozenset({"abstention"})
_TRAILING_COUNT = re.compile(r"\(\s*(\d{1,3})\s*\)[\s.]*$")
_ABSTAINING = re.compile(
    r"[\s.,;]*(?:Abstaining|Abstained|Abstentions?|Abstain)\s*:\s*(?P<names>[^.:]{1,300}?)\.", re.IGNORECASE
)
_NONE = re.compile(r"^\s*(?:none|nil|no\s*one|nobody|-|–|0)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Count:
    """A vote found in the text: counts, named lists and its span."""

    start: int
    end: int
    for_: int | None
    against: int | None
    abstain: int | None
    named: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "count"  # "count" (numbers printed), "roll" (names with their votes), "block" (named lists)


def find_votes(view: TextView, start: int, end: int) -> list[Vote]:
    """The recorded votes in ``view.text[start:end]``, in order.

    Example:
        >>> from minutes_nlp.readers.document import Document
        >>> view = TextView.of(Document.from_text("For (2)\\nMr Baker, Mrs Bell\\nAgainst (1)\\nMr Hook\\nAbstain (0)"))
        >>> v = find_votes(view, 0, len(view.text))[0]
        >>> (v.for_, v.against, v.abstain), v.named["for"]
        ((2, 1, 0), ('Baker', 'Bell'))
    """
    end = min(end, meeting_close(view))
    return [
        Vote(
            for_=c.for_,
            against=c.against,
            abstain=c.abstain,
            named=dict(c.named),
            start=c.start,
            end=c.end,
            page=view.page_at(c.start),
        )
        for c in find_counts(view.text, start, end)
    ]


def find_counts(text: str, start: int, end: int) -> tuple[Count, ...]:
    """Every vote in ``text[start:end]`` as a :class:`Count`, in order, none overlapping."""
    if end <= start:
        return ()
    return _find_counts(text, start, end)


@lru_cache(maxsize=64)
def _find_counts(text: str, start: int, end: int) -> tuple[Count, ...]:
    found: list[Count] = []
    found.extend(_header_blocks(text, start, end))
    for match in scan([_NAMED], _NAMED_CUE, text, start, end, reach=1000):
        lists = {k: _names(match.group(k)) for k in ("for", "against", "abstain") if match.group(k) is not None}
        found.append(
            Count(
                match.start(),
                match.end(),
                len(lists["for"]),
                len(lists.get("against", ())),
                len(lists["abstain"]) if "abstain" in lists else None,
                tuple((k, v) for k, v in lists.items() if v),
                "roll",
            )
        )
    for match in _inline_matches(text, start, end):
        values = [number_value(g) for g in match.groups()]
        count = Count(match.start(), match.end(), values[0], values[1], values[2] if len(values) > 2 else None)
        abstaining = _ABSTAINING.match(text, match.end(), min(end, match.end() + 400))
        if abstaining and count.abstain is None:  # "Yeas 10. Nays 0. Abstaining: Councilmember Farrell."
            names = _names(abstaining.group("names"))
            count = Count(count.start, abstaining.end(), count.for_, count.against, len(names), (("abstain", names),))
        found.append(count)
    for hit in keyword_hits(text, start, end, _ABSTAIN_CUE):
        for match in _FOR_ABSTAIN.finditer(text, max(start, hit - 40), min(end, hit + 15)):
            found.append(Count(match.start(), match.end(), number_value(match.group(1)), None, number_value(match.group(2))))
    found.extend(_roll_calls(text, start, end))
    found.extend(_table_votes(text, start, end))
    kept: list[Count] = []
    for count in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and count.start < kept[-1].end:
            continue
        if count.for_ is None and count.against is None:
            continue
        if kept and _same_vote(kept[-1], count, text):
            continue  # "Lindahl aye, Voss aye. Motion carried 2-0" is one vote, printed twice
        kept.append(count)
    return tuple(kept)


def _same_vote(first: Count, second: Count, text: str) -> bool:
    """A roll call (or named table) and the count printed right after it, when they agree."""
    if {first.kind, second.kind} == {"count"} or second.start - first.end > 80:
        return False
    if "\n\n" in text[first.end : second.start].strip(" \t"):
        return False
    return first.for_ == second.for_ and (first.against or 0) == (second.against or 0)


def _inline_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Inline counts, tried only where their cue words are: at a verb ("carried 7 votes to 2")
    or a little before an "against"/"nays" ("Yeas 15. Nays 0.", "5 votes for, 2 against")."""
    found = []
    for hit in keyword_hits(text, start, end, _INLINE_CUE):
        word = text[hit : hit + 3].lower()
        if word in ("nay", "noe", "aga", "opp"):
            ws = max(start, hit - 45)
            for pattern in (_INLINE[0], _INLINE[2], _INLINE[3]):
                found.extend(pattern.finditer(text, ws, min(end, hit + 40)))
            continue
        if word in ("yea", "aye"):
            found.extend(_INLINE[3].finditer(text, max(start, hit - 8), min(end, hit + 40)))
        for pattern in (_INLINE[0], _INLINE[1], _INLINE[4]):
            match = pattern.match(text, hit, min(end, hit + 120))
            if match:
                found.append(match)
    return found


def _header_blocks(text: str, start: int, end: int) -> list[Count]:
    """Runs of "For (n)" / "Against (n)" / "Abstain (n)" header lines and the names under them."""
    headers = [
        h
        for h in _HEADER.finditer(text, start, end)
        if h.group("bare") is None or h.group("kind")[0].isupper()  # a lone "For" line is a heading, "for" is not
    ]
    blocks: list[Count] = []
    index = 0
    while index < len(headers):
        first = headers[index]
        if _kind(first.group("kind")) != "for":
            index += 1
            continue
        group = [first]
        while index + 1 < len(headers) and headers[index + 1].start() - group[-1].end() < 3000:
            nxt = headers[index + 1]
            if _kind(nxt.group("kind")) == "for" or _kind(nxt.group("kind")) in [_kind(h.group("kind")) for h in group]:
                break
            group.append(nxt)
            index += 1
        index += 1
        if len(group) < 2:
            continue
        counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
        named: list[tuple[str, tuple[str, ...]]] = []
        block_end = group[-1].end()
        for position, header in enumerate(group):
            kind = _kind(header.group("kind"))
            stop = group[position + 1].start() if position + 1 < len(group) else _names_end(text, header.end(), end)
            chunk = text[header.end() : stop]
            trailing = _TRAILING_COUNT.search(chunk)  # "Councillors Beasley, Butler, ... Ward. (24)"
            if trailing:
                chunk = chunk[: trailing.start()]
            names = _names(chunk)
            number = header.group("n1") or header.group("n2") or header.group("n3") or (trailing and trailing.group(1))
            if header.group("bare") is not None and any(len(n.split()) > 4 for n in names):
                counts = {}  # prose under a lone "For", not a list of names
                break
            counts[kind] = int(number) if number is not None else len(names)
            if names:
                named.append((kind, names))
            block_end = max(block_end, stop)
        if counts:
            blocks.append(
                Count(first.start(), block_end, counts["for"], counts["against"], counts["abstain"], tuple(named), "block")
            )
    return blocks


def _kind(word: str) -> str:
    word = word.lower()
    if re.match(r"for|in\s+favou?r|ayes?|yeas?|yes", word):
        return "for"
    if re.match(r"abstain|abstention|not\s+voting", word):
        return "abstain"
    return "against"


_NAMES_STOP = re.compile(
    r"\n[ \t]*(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|(?:Substantive\s+)?(?:Motion|Amendment|The\s+motion|The\s+amendment)\b|"
    r"(?:CARRIED|LOST|AGREED|RESOLVED|Agreed|Carried|Lost)\b|#)"
)


def _names_end(text: str, pos: int, end: int) -> int:
    """Where the names under the last header stop: an outcome line or numbered paragraph."""
    match = _NAMES_STOP.search(text, pos, min(end, pos + 3000))
    return match.start() if match else min(end, pos + 3000) if "\n" not in text[pos : pos + 3] else pos


def _names(chunk: str | None) -> tuple[str, ...]:
    """Names in a printed list: "Mr Baker, Mrs Bell and Ms Wright" -> ("Baker", "Bell", "Wright")."""
    if chunk is None or _NONE.match(chunk):
        return ()
    chunk = re.sub(r",\s*(?:MBE|OBE|CBE|KBE|DBE|JP|BEM)\b", "", " ".join(chunk.split()))
    parts = re.split(r"\s*[,;]\s*|\s+and\s+|\s*\|\s*", chunk)
    names = []
    for part in parts:
        part = part.strip(" .*_")
        if not part or not re.search(r"[A-ZÀ-Þ]", part):
            continue
        names.append(clean_name(part, keep_titles=False))
    return tuple(n for n in names if n)


def _roll_calls(text: str, start: int, end: int) -> list[Count]:
    """Aye/yea roll calls: two or more "Name aye" items close together."""
    items = scan([_ROLL_ITEM], _ROLL_CUE, text, start, end, reach=120)
    calls: list[Count] = []
    group: list[re.Match[str]] = []
    for item in items + [None]:  # type: ignore[list-item]
        if item is not None and group and item.start() - group[-1].end() <= 12:
            group.append(item)
            continue
        if len(group) >= 2:
            votes = [g.group("v").lower() for g in group]
            ayes = sum(v in ("aye", "yea", "yes") for v in votes)
            nays = sum(v in ("nay", "no") for v in votes)
            abstains = sum(v.startswith("abstain") for v in votes)
            named = [("for", tuple(_roll_name(g) for g in group if g.group("v").lower() in ("aye", "yea", "yes")))]
            if nays:
                named.append(("against", tuple(_roll_name(g) for g in group if g.group("v").lower() in ("nay", "no"))))
            calls.append(Count(group[0].start(), group[-1].end(), ayes, nays, abstains or None, tuple(named), "roll"))
        group = [item] if item is not None else []
    return calls


def _roll_name(match: re.Match[str]) -> str:
    words = [w for w in match.group("name").split() if w.lower() not in ("supervisors", "supervisor", "and", "vote")]
    return " ".join(words) or match.group("name")


_TABLE_CELL = re.compile(r"(yeas?|ayes?|yes|for|in favou?r|nays?|noes|no|against|abstain\w*)(?:\s*\((\d{1,3})\))?")


def _table_votes(text: str, start: int, end: int) -> list[Count]:
    """A recorded vote printed as a table: a header row with "Yea"/"Nay" (or "For"/"Against")
    columns, one row per member with a mark, and perhaps a "Results"/"Total" row."""
    found = []
    for hit in keyword_hits(text, start, end, frozenset({"yea", "nay", "against", "abstention"})):
        line_start = text.rfind("\n", start, hit) + 1
        line_end = text.find("\n", hit, end)
        line_end = end if line_end < 0 else line_end
        header = [c.strip().lower() for c in text[line_start:line_end].split("|")]
        if len(header) < 3 or (found and line_start < found[-1].end):
            continue
        columns: dict[int, str] = {}
        printed: dict[str, int] = {}
        for i, cell in enumerate(header):
            head = _TABLE_CELL.fullmatch(cell)
            if head:
                columns[i] = _kind(head.group(1))
                if head.group(2):  # "For (16) | Against (7) | Abstain (3)" with the names under each
                    printed[columns[i]] = int(head.group(2))
        if not {"for", "against"} <= set(columns.values()):
            continue
        counts = {"for": 0, "against": 0, "abstain": 0}
        names: dict[str, list[str]] = {"for": [], "against": [], "abstain": []}
        totals = None
        pos = line_end
        while pos < end:
            nxt = text.find("\n", pos + 1, end)
            row_end = end if nxt < 0 else nxt
            cells = [c.strip() for c in text[pos + 1 : row_end].split("|")]
            if len(cells) < 2:
                if not "".join(cells).strip():
                    pos = row_end
                    continue
                break
            if re.match(r"(?i)results?|totals?|votes?$", cells[0]):
                totals = {columns[i]: int(c) for i, c in enumerate(cells) if i in columns and c.isdigit()}
                pos = row_end
                break
            for i, kind in columns.items():
                if i < len(cells) and cells[i]:
                    counts[kind] += 1
                    names[kind].append(clean_name(cells[i] if printed else cells[0], keep_titles=False))
            pos = row_end
        if totals:
            counts.update(totals)
        counts.update(printed)
        abstain = counts["abstain"] if "abstain" in columns.values() else None
        named = tuple((k, tuple(v)) for k, v in names.items() if v)
        found.append(Count(line_start, pos, counts["for"], counts["against"], abstain, named, "block"))
    return found
