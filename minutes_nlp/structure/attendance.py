"""Attendance: who was present (and in what role), sent apologies, was absent, attended as an officer.

Lists are found by their labels ("PRESENT:", "Members present:", "Those Attending:", "IN ATTENDANCE:",
"Also present were", "Apologies:", "Absent:"; see :mod:`minutes_nlp.structure.attendance_labels`), in
tables, and in prose ("Board members present were supervisors ...", "apologies were received from ...",
"the absence of Council Member X is hereby authorized", "X, Y and Z were also present", "the President,
Jay Westbrook, in the Chair"). Labels are read in the first cluster of attendance lists only, so a
later meeting printed in the same file (a board in a newspaper) is not mixed in. Each list is split
into people by :mod:`minutes_nlp.structure.people_lists`.

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

from minutes_nlp.records import Attendance, Participant
from minutes_nlp.structure.attendance_labels import CLUSTER_GAP, Block, attendance_blocks
from minutes_nlp.structure.names import TITLES, surname
from minutes_nlp.structure.people_lists import PersonItem, split_people
from minutes_nlp.structure.roles import list_for_role, roll_call_status
from minutes_nlp.structure.text import TextView

__all__ = ["find_attendance"]

logger = logging.getLogger(__name__)

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
_PROSE_KEYWORD = re.compile(r"the chair|to order|apolog|absence")


def find_attendance(view: TextView) -> Attendance:
    """The meeting's attendance lists, each name with its printed role and page."""
    text = view.text
    lists: dict[str, list[Participant]] = {k: [] for k in ("present", "apologies", "absent", "officers", "public")}
    lower = text.lower()
    blocks = attendance_blocks(view, lower)
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


def _chair_person(items: list[PersonItem]) -> list[PersonItem]:
    """ "Príomh Chomhairleoir, Councillor D. McSweeney": one person; the other entries are roles."""
    if len(items) <= 1:
        return items
    titled = [i for i in items if re.match(r"(?i)(?:cllr|councill?or|mr|mrs|ms|miss|dr|cr|mayor|alderman)\b", i.name)]
    person = titled[0] if titled else items[-1]
    roles = [i.name for i in items if i is not person]
    role = person.role or (", ".join(roles) if roles else None)
    return [PersonItem(person.name, role, person.start, person.end, person.role_before)]


def _prose_people(view: TextView, blocks: list[Block], lower: str) -> list[tuple[str, PersonItem]]:
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
