"""Attendance: who was present (and in what role), sent apologies, was absent, attended as an officer.

Lists are found by their labels ("PRESENT:", "Members present:", "Those Attending:", "IN ATTENDANCE:",
"Also present were", "Apologies:", "Absent:") and by prose ("Board members present were supervisors
...", "apologies were received from ...", "the absence of Council Member X is hereby authorized",
"X, Y and Z were also present", "the President, Jay Westbrook, in the Chair"). Labels are read in
the first cluster of attendance lists only, so a later meeting printed in the same file (a board
in a newspaper) is not mixed in.

Which list a person goes in, given their printed role (who counts as an officer, a roll call's
"Absent (excused)"), is decided in :mod:`minutes_nlp.structure.roles`. People named in "X and Y
were also present" count as present.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> view = TextView.of(Document.from_text(
    ...     "PRESENT: Cllr A Booth (Chairman), Cllr B Cole and Cllr C Dean\\n"
    ...     "IN ATTENDANCE: Mrs J Hall (Clerk)\\nApologies: Cllr D Evans"))
    >>> att = find_attendance(view)
    >>> [(p.name, p.role) for p in att.present], [p.name for p in att.officers], [p.name for p in att.apologies]
    ([('Cllr A Booth', 'Chairman'), ('Cllr B Cole', None), ('Cllr C Dean', None)], ['Mrs J Hall'], ['Cllr D Evans'])
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.records import Attendance, Participant
from minutes_nlp.structure.names import TITLES, PersonItem, split_people, surname
from minutes_nlp.structure.roles import list_for_role, roll_call_status
from minutes_nlp.structure.text import TextView

__all__ = ["find_attendance"]

logger = logging.getLogger(__name__)

CLUSTER_GAP = 2500  # a label further than this from the previous list starts another meeting's lists
MAX_BLOCK = 4000
HEAD_CHARS = 20000  # the lists must start in the first third of a document, or in its first 20,000 characters

_END = r"(?:[\s*_]*[:\-–—]+|\s+(?:were|was|are|is)\b:?|(?=\s*\n)|\s*$)"
_WERE = r"(?:\s+(?:were|was|are|is))?"
_GROUP = (
    r"(?:members|councill?ors|councilors|council\s*members|councilmembers|councilmen|commissioners|supervisors|"
    r"trustees|aldermen|directors|governors|delegates|board\s+members|committee\s+members|panel\s+members|"
    r"members\s+of\s+(?:the\s+)?(?:council|board|committee)|council|board|committee)"
)
_LEAD_LABELS: list[tuple[str, str]] = [
    ("chair", rf"(?:present\s+)?in\s+the\s+chair{_END}"),
    ("public", r"(?:observers|gallery|(?:members\s+of\s+(?:the\s+)?)?public(?:\s+present|\s+gallery)?)\s*[:\-–—]"),
    (
        "officers",
        rf"(?:council\s+)?(?:officers?|officials?|staff|employees|advisers|advisors)\s+(?:present|in\s+attendance|attending)"
        rf"{_WERE}{_END}|(?:officers?|officials|staff)\s*:",
    ),
    (
        "also",
        rf"(?:also|others?)\s+(?:present|in\s+attendance|attending)(?:\s+the\s+meeting)?{_WERE}{_END}"
        rf"|(?:guests?|visitors?)(?:\s+present)?(?:\s+(?:were|was|included)\b|\s*:)",
    ),
    ("absent", rf"(?:{_GROUP}\s+)?(?:absent|not\s+present)(?!\s+with)(?:\s+(?:from\s+the\s+meeting))?{_WERE}{_END}"),
    (
        "apologies",
        r"apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+substitut\w+)?(?:\s+(?:were\s+)?received)?"
        r"(?:\s+from)?\s*[:\-–—]|apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+substitut\w+)?(?=\s*\n)"
        r"|absent\s+with\s+apologies\s*[:\-–—]?|regrets\s*[:\-–—]|excused(?:\s+absences?)?\s*[:\-–—]"
        r"|leave\s+of\s+absence\s*[:\-–—]",
    ),
    (
        "attendance",
        rf"(?:those\s+)?(?:attending|in\s+attendance)(?:\s+(?:the\s+meeting|virtually|remotely|online))?{_WERE}{_END}",
    ),
    (
        "present",
        rf"(?:the\s+following\s+)?{_GROUP}\s+(?:were|was)\s+present\s*:?|there\s+were\s+present\s*:?"
        r"|(?:committee\s+|panel\s+|board\s+|council\s+)?members\s*:|present\s*\((?:in\s+person|in\s+the\s+room|"
        r"remotely|virtually|online|via\s+\w+)\)\s*:"
        rf"|(?:{_GROUP}\s+)?(?:present|attending)(?:\s+(?:at|for)\s+the\s+meeting)?{_WERE}{_END}"
        rf"|(?:those\s+)?present{_WERE}{_END}|roll\s+call\s*[:\-–—]",
    ),
]
_LABEL = re.compile(
    r"(?:^|(?<=[\n.;,]\s)|(?<=[\n.;])|(?<=\n\s\s)|(?<=\*\*)|(?<=[.,]\s\s)|(?<=[-–—]\s))[ \t*_#]*(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LEAD_LABELS)
    + r")[ \t*_]*",
    re.I | re.M,
)
_APOLOGY_PROSE = re.compile(
    r"\bapolog(?:y|ies)\b[^.:\n]{0,80}?\b(?:received|tendered|submitted|noted|given|reported|sent)\s+"
    r"(?:from|by|on\s+behalf\s+of)\s*:?\s*"
    r"|\b(?:reported|received|noted|tendered|submitted)\s+(?:the\s+)?apologies(?:\s+for\s+absence)?\s+(?:from|of|on\s+behalf\s+of)\s*:?\s*"
    r"|\bapologies\s+(?:for\s+absence\s+)?from\s*:?\s*",
    re.I,
)
_GAVE_APOLOGIES = re.compile(
    r"(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir|Dame)\.?\s+)+(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’\-]+)\s+"
    r"(?:had\s+)?(?:given|sent|tendered|submitted|offered)\s+(?:his|her|their)?\s*(?:formal\s+)?apolog"
)
_AUTHORISED_ABSENCE = re.compile(
    r"\babsences?\s+of\s+(?P<who>(?:[^.;]|(?<=\b[A-Z])\.|(?<=\bJr)\.|(?<=\bSr)\.){3,250}?)\s+(?:is|are|be|was|were)\s+(?:hereby\s+)?(?:and\s+is\s+hereby\s+)?"
    r"(?:authori[sz]ed|excused|approved|granted)",
    re.I,
)
_IN_THE_CHAIR = re.compile(r"(?P<who>[^.\n:]{3,120}?),?\s+(?:was\s+)?in\s+the\s+chair\b", re.I)
_CALLED_TO_ORDER = re.compile(
    r"(?:^|(?<=[.\n]\s)|(?<=\n))(?P<who>(?:(?:[A-Z][a-z][\w'’\-]*|[A-Z]\.?)\s+){1,4}?)called\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"meeting\s+to\s+order"
)
_TRAILING = re.compile(
    r"\s+(?:were|was)\s+(?:also\s+)?(?:present|in\s+attendance)(?:\s+(?:virtually|remotely|online|for\s+\w+))?\b", re.I
)
# Cheap prefilters: the expensive label patterns run only around these words.
_KEYWORD = re.compile(
    r"\b(?:present|attend(?:ing|ance)|(?P<apolog>apolog)(?:y|ies)|absen(?:t|ce|ces)|officers?|officials?|staff|regrets|"
    r"excused|guests?|visitors?|roll call|the chair|observers|gallery|public)\b"
)
_PROSE_KEYWORD = re.compile(r"the chair|to order|apolog|absence")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Cllr|Rev|Revd|Prof|Jr|Sr|No|Co|Hon|Ph\.D|Cr))$")
_SENTENCE = re.compile(r"[^\n]*?(?:\.(?=\s|$)|\n|$)")
_SENTENCE_BREAK = re.compile(r"[.:;!?]\s+|\n")
_STOP_LINE = re.compile(
    r"^\s*(?:\(?\d+[.)]|#|\*\*|\d+\s*$|[A-Z][\w'’/&-]*(?:\s+[\w'’/&-]+){0,4}:\s|[A-Z][A-Z'’&\-]+(?:\s+[A-Z'’&\-]+)+\b(?![,a-z]))"
)


@dataclass
class _Block:
    kind: str
    start: int  # where the list's text starts
    end: int
    trailing: bool = False  # names printed before the label: "X and Y were also present"


def find_attendance(view: TextView) -> Attendance:
    """The meeting's attendance lists, each name with its printed role and page."""
    text = view.text
    lists: dict[str, list[Participant]] = {k: [] for k in ("present", "apologies", "absent", "officers", "public")}
    lower = text.lower()
    blocks = _attendance_blocks(view, lower)
    seen_members = False
    for block in blocks:
        items = split_people(text[block.start : block.end], block.start)
        kind = block.kind
        if kind == "attendance":
            kind = "officers" if seen_members else "present"
        if kind == "chair":
            items = _chair_person(items)
        for item in items:
            if block.trailing and any(
                _same_person(item.name, p.name) for k in ("present", "officers") for p in lists[k]
            ):
                continue  # "Sarah Hamilton and Dan Bride were in attendance virtually": already listed
            if kind == "apologies" and any(_same_person(item.name, p.name) for p in lists["apologies"]):
                continue  # "Apologies: Cllr X" and, in item 1, "apologies were received from Cllr X"
            _place(lists, "present" if block.trailing else kind, item, view)  # "X and Y were also present": guests
        seen_members = seen_members or kind in ("present", "chair")
    for kind, item in _table_people(view) + _prose_people(view, blocks, lower):
        if " " not in item.name and any(p.name.split()[0] == item.name for p in lists["present"]):
            continue  # "Janet called the meeting to order"
        target = "present" if kind == "chair" else kind
        if not any(
            _same_person(item.name, p.name) for p in lists[target] + (lists["present"] if target == "present" else [])
        ):
            _place(lists, kind, item, view, first=kind == "chair")
    return Attendance(**{k: tuple(v) for k, v in lists.items()})


def _place(
    lists: dict[str, list[Participant]], kind: str, item: PersonItem, view: TextView, *, first: bool = False
) -> None:
    """Add a person to the list their label and role say (a chair found in prose goes ``first``)."""
    status = roll_call_status(item.role) if kind in ("present", "chair", "attendance") else None
    if status:  # a roll call: "Councilmember Baker – Absent"
        lists[status].append(Participant(name=item.name, page=view.page_at(item.start)))
        return
    if kind == "chair" and any(_same_person(item.name, p.name) for p in lists["present"]):
        return
    target, role = list_for_role(kind, item.name, item.role, role_before=item.role_before)
    participant = Participant(name=item.name, role=role, page=view.page_at(item.start))
    if first and target == "present":
        lists[target].insert(0, participant)
    else:
        lists[target].append(participant)


def _table_people(view: TextView) -> list[tuple[str, PersonItem]]:
    """People in an attendance table whose first column names the list ("Members", "Staff", "Apologies")."""
    found: list[tuple[str, PersonItem]] = []
    group: str | None = None
    limit = max(len(view.text) // 3, 5000)
    for start, _end, line in view.iter_lines(0, limit):
        if line.kind != "table_row" or not line.cells:
            group = None if line.kind != "table_row" else group
            continue
        first = line.cells[0].strip(" :*")
        label = next((kind for kind, pattern in _TABLE_GROUPS if pattern.match(first)), None) if first else None
        if first and label is None:
            group = None
            continue
        group = label or group
        if group is None:
            continue
        cells = [c for c in line.cells[1:] if c.strip()]
        for index, cell in enumerate(cells):
            people = [p for p in split_people(cell, start + max(line.text.find(cell), 0)) if p.name]
            if people:
                if len(people) == 1 and people[0].role is None and index + 1 < len(cells):
                    people = [PersonItem(people[0].name, cells[index + 1].strip(), people[0].start, people[0].end)]
                found.extend((group, p) for p in people)
                break
    return found


_TABLE_GROUPS = [
    (
        "present",
        re.compile(
            r"(?i)^(?:(?:elected\s+)?members?|councill?ors?|present|attendees?|(?:board|council)\s+members?"
            r"|(?:members|councillors)\s+present)$"
        ),
    ),
    (
        "officers",
        re.compile(r"(?i)^(?:staff|officers?|officials?|in\s+attendance|employees|(?:staff|officers)\s+present)$"),
    ),
    (
        "apologies",
        re.compile(r"(?i)^(?:apologies(?:\s+for\s+absence)?|(?:approved\s+)?leave\s+of\s+absence|regrets|excused)$"),
    ),
    ("absent", re.compile(r"(?i)^(?:absent|absentees?|not\s+present)$")),
    ("public", re.compile(r"(?i)^(?:gallery|public|members\s+of\s+(?:the\s+)?public|observers|visitors|guests)$")),
]


def _attendance_blocks(view: TextView, lower: str) -> list[_Block]:
    """The first cluster of labelled lists, each cut where the list ends."""
    text = view.text
    found: set[tuple[str, int, int]] = set()
    latest_start = max(len(text) // 3, HEAD_CHARS)  # attendance is printed near the top
    last_end = 0
    for hit in _KEYWORD.finditer(lower):
        pos = hit.start()
        if pos > (last_end + CLUSTER_GAP + MAX_BLOCK if last_end else latest_start + 100):
            break  # past the first cluster of lists: the rest of the document is not read
        size = len(found)
        for m in _LABEL.finditer(text, max(0, pos - 70), min(len(text), pos + 40)):
            if not _is_status(text, m):
                found.add((m.lastgroup or "", m.start(), m.end()))
        if hit.group("apolog"):
            for m in _APOLOGY_PROSE.finditer(text, max(0, pos - 20), min(len(text), pos + 200)):
                found.add(("apologies", _sentence_start(text, m.start(), back=200), m.end()))
        for m in _TRAILING.finditer(text, max(0, pos - 30), min(len(text), pos + 40)):
            found.add(("also_trailing", m.start(), m.end()))
        if len(found) > size:
            last_end = max(end for _, _, end in found)
    labels = sorted(found, key=lambda x: (x[1], -x[2]))
    merged: list[tuple[str, int, int]] = []
    for label in labels:  # "Apologies: Apologies were received from" is one label
        if merged and label[1] < merged[-1][2] + 2 and (label[0] == merged[-1][0] or label[1] < merged[-1][2]):
            previous = merged[-1]
            merged[-1] = (
                previous[0] if previous[0] != "also_trailing" else label[0],
                previous[1],
                max(previous[2], label[2]),
            )
            continue
        merged.append(label)
    blocks: list[_Block] = []
    cluster_end = None
    for index, (kind, start, end) in enumerate(merged):
        if (cluster_end is not None and start > cluster_end + CLUSTER_GAP) or (
            cluster_end is None and start > latest_start
        ):
            break
        if kind == "also_trailing":
            begin = _sentence_start(text, start, blocks[-1].end if blocks else 0)
            if _has_names(text[begin:start]):
                blocks.append(_Block("also", begin, start, trailing=True))
                cluster_end = max(cluster_end or 0, end)
            continue
        next_label = merged[index + 1][1] if index + 1 < len(merged) else len(text)
        stop = _block_end(view, end, next_label)
        if not _has_names(text[end:stop]):
            continue  # "Those present repeated the pledge": not a list
        if (
            kind in ("present", "absent", "chair")
            and any(b.kind == kind for b in blocks)
            and start > blocks[-1].end + 200
        ):
            break  # a second "Present:" list further on belongs to another meeting printed in the same file
        blocks.append(_Block(kind, end, stop))
        cluster_end = stop
    return blocks


def _is_status(text: str, match: re.Match[str]) -> bool:
    """True for a roll-call status after a name ("Councilmember Baker – Absent"), which is not a label."""
    word = match.group(0).strip(" \t\n*_#").lower()
    line_start = text.rfind("\n", 0, match.start()) + 1
    return word in {"present", "absent", "excused"} and bool(text[line_start : match.start()].strip(" -–—:*"))


def _block_end(view: TextView, start: int, limit: int) -> int:
    """Where a list that starts at ``start`` ends: a sentence end, a heading, a numbered item, a label."""
    text = view.text
    limit = min(limit, start + MAX_BLOCK, len(text))
    pos = start
    while pos < limit:
        char = text[pos]
        if char == "." and (pos + 1 >= len(text) or text[pos + 1].isspace()):
            if not _ABBREV.search(text[max(start, pos - 6) : pos]):
                nxt = _next_sentence(text, pos + 1, min(len(text), pos + 400))
                if not _is_name_list(nxt):
                    return pos
                pos += 1
                continue
        if char == "\n":
            before = text[start:pos].rstrip()
            line_end = text.find("\n", pos + 1)
            following = text[pos + 1 : limit if line_end < 0 else min(line_end, limit)]
            if not following.strip():
                pos += 1
                continue
            continues = (
                bool(re.search(r"(?:[,;&(]|\band|\b[A-Z]\.?|\b(?:Mr|Mrs|Ms|Dr|Cllr)\.?)$", before)) or not before
            )
            if not continues:
                new_paragraph = text[pos - 1] == "\n" or _is_heading(view, pos + 1)
                if _STOP_LINE.match(following) or _is_heading(view, pos + 1):
                    return pos
                if new_paragraph and not _is_name_list(following) and not re.match(r"\s*[(a-z]", following):
                    return pos
        pos += 1
    return limit


def _next_sentence(text: str, pos: int, limit: int) -> str:
    match = _SENTENCE.match(text, pos, limit)
    return match.group(0) if match else ""


def _is_name_list(sentence: str) -> bool:
    """True when a sentence holds only names, titles, initials and bracketed roles ("Borough Councillor C Sampson.")."""
    if sentence.rstrip().endswith(":"):
        return False  # "Police Matters:" is the next heading
    plain = re.sub(r"\([^()]*\)", " ", sentence).strip(" .\n")
    words = [w.lstrip("(“‘\"'") for w in plain.replace(",", " ").split()]
    words = [w for w in words if w]
    if not words or len(words) > 60 or plain.upper() == plain:
        return False
    allowed = {"and", "&", "of", "the", "for", "de", "van", "von", "le", "la"}
    if not all(w[:1].isupper() or w.lower() in allowed for w in words):
        return False
    # a list has separators, titles or initials; "Election of Chairman" is a heading
    return "," in plain or bool(
        re.search(r"\b(?:[A-Z]\.?|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir)\b\.?\s", plain + " ")
    )


def _has_names(segment: str) -> bool:
    return bool(re.search(r"\b[A-Z][a-z'’]+", segment))


def _is_heading(view: TextView, offset: int) -> bool:
    line = view.lines[view.line_at(offset)] if view.lines else None
    return bool(line) and view.line_starts[view.line_at(offset)] == offset and line.kind == "heading"


def _sentence_start(text: str, pos: int, floor: int = 0, back: int = 400) -> int:
    """Start of the sentence that holds (or ends at) ``pos``, looking back at most ``back`` characters."""
    low = max(floor, pos - back)
    cut = low
    for match in _SENTENCE_BREAK.finditer(text, low, pos):
        if match.group(0) == "\n" or not _ABBREV.search(text[max(low, match.start() - 6) : match.start()]):
            cut = match.end()
    return cut


def _chair_person(items: list[PersonItem]) -> list[PersonItem]:
    """ "Príomh Chomhairleoir, Councillor D. McSweeney": one person; the other entries are roles."""
    if len(items) <= 1:
        return items
    titled = [i for i in items if re.match(r"(?i)(?:cllr|councill?or|mr|mrs|ms|miss|dr|cr|mayor|alderman)\b", i.name)]
    person = titled[0] if titled else items[-1]
    roles = [i.name for i in items if i is not person]
    role = person.role or (", ".join(roles) if roles else None)
    return [PersonItem(person.name, role, person.start, person.end, person.role_before)]


def _prose_people(view: TextView, blocks: list[_Block], lower: str) -> list[tuple[str, PersonItem]]:
    """People named in sentences: who chaired, who gave apologies, whose absence was authorised."""
    text = view.text
    found: list[tuple[str, PersonItem]] = []
    region_end = (blocks[-1].end + CLUSTER_GAP) if blocks else min(len(text), 20000)
    region_start = max(0, (blocks[0].start - 3000) if blocks else 0)
    seen: set[tuple[int, int]] = set()
    for hit in _PROSE_KEYWORD.finditer(lower):
        pos, word = hit.start(), hit.group(0)
        in_region = region_start <= pos <= region_end
        if word == "the chair" and in_region:
            matches = list(_IN_THE_CHAIR.finditer(text, max(region_start, pos - 150), min(len(text), pos + 15)))[:1]
        elif word == "to order" and in_region:
            matches = list(_CALLED_TO_ORDER.finditer(text, max(region_start, pos - 120), min(len(text), pos + 10)))[:1]
        elif word == "apolog":
            matches = list(_GAVE_APOLOGIES.finditer(text, max(0, pos - 150), min(len(text), pos + 10)))[-1:]
        elif word == "absence":
            matches = list(_AUTHORISED_ABSENCE.finditer(text, max(0, pos - 10), min(len(text), pos + 320)))[:1]
        else:
            continue
        for match in matches:
            if (match.start(), match.end()) in seen:
                continue
            seen.add((match.start(), match.end()))
            found.extend(_prose_match(match, word))
    return found


def _prose_match(match: re.Match[str], word: str) -> list[tuple[str, PersonItem]]:
    who = match.group("who")
    offset = match.start("who")
    if word == "the chair":
        part = re.split(r"(?i)\bwith\b|\bthe\s+(?=president|mayor|chair)", who)[-1]
        items = [i for i in split_people(part, offset + len(who) - len(part)) if i.name]
        return [("chair", p) for p in _chair_person(items) if p.name and _looks_personal(p.name)]
    if word == "to order":
        return [("chair", p) for p in _chair_person(split_people(who, offset)) if _looks_personal(p.name)]
    if word == "apolog":
        return [("apologies", p) for p in split_people(who, offset)]
    part = re.sub(r"(?i)^(?:council\s*members?|councilm[ae]n|members?|councill?ors?)\s+", "", who)
    return [("apologies", p) for p in split_people(part, offset + len(who) - len(part)) if _looks_personal(p.name)]


def _looks_personal(name: str) -> bool:
    words = re.findall(r"[A-Z][\w'’\-]+", name)
    return bool(words) and not re.search(r"(?i)\b(?:council|committee|board|meeting|members?)\b", name)


def _same_person(a: str, b: str) -> bool:
    """Same surname and, where both print one, the same first initial: "Ms L Game" = "Lesley Game"."""
    if surname(a).lower() != surname(b).lower():
        return False
    ia, ib = _first_initial(a), _first_initial(b)
    return not ia or not ib or ia == ib


def _first_initial(name: str) -> str:
    words = [w for w in name.split() if w.strip(".,").lower() not in TITLES]
    return words[0][0].upper() if len(words) > 1 else ""
