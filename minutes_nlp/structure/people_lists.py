"""Split a printed list of people into entries: "Mr A Booth (Chairman), Mrs T Dean, MBE and Ms L Wright".

A list such as ``"Mr B J Sweetland (Chairman), Mrs T Dean, MBE, Councillors Benson and Collins (M)"``
becomes ``[("Mr B J Sweetland", "Chairman"), ("Mrs T Dean", None), ("Councillor Benson", None),
("Councillor Collins (M)", None)]``. The list is cut into entries here (separators, one entry a
line, a role column, "Role (Name)" entries), and each entry is read by
:func:`minutes_nlp.structure.names.parse_person`; a plural role or title printed before several
names ("Treasurers ...", "Councillors ...") is given to each of them.

Example:
    >>> [(p.name, p.role) for p in split_people("Mr A Booth (Chairman), Mrs T Dean, MBE and Ms L Wright")]
    [('Mr A Booth', 'Chairman'), ('Mrs T Dean', None), ('Ms L Wright', None)]
    >>> [p.name for p in split_people("Councillors Benson and Collins (M)")]
    ['Councillor Benson', 'Councillor Collins (M)']
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.structure.names import (
    BRACKET,
    HONOURS,
    TITLES,
    is_bracketed_name,
    is_name_word,
    name_words,
    parse_person,
    surname,
)
from minutes_nlp.structure.roles import bare_word, is_plural_role, singular_role

__all__ = ["PersonItem", "split_people"]

logger = logging.getLogger(__name__)

_PLURAL_TITLES = {
    "cllrs": "Cllr",
    "crs": "Cr",
    "councillors": "Councillor",
    "councilors": "Councilor",
    "councilmen": "Councilman",
    "councilwomen": "Councilwoman",
    "councilmembers": "Councilmember",
    "aldermen": "Alderman",
}
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)
# Titles that start an entry of a one-person-a-line list ("Cllr A Smith (Chair)\nMrs B Jones").
_LINE_TITLES = "Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir|Dame|Prof|Rev"
_TITLE_START = re.compile(rf"^(?:{_LINE_TITLES})\b", re.I)
_TITLE_ANY = re.compile(rf"\b(?:{_LINE_TITLES})\b")
_COLUMNS = re.compile(r"^\s*(\S.*?\S)(?:\s{3,}|\t+)(\S.*)$")
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Cllr|Rev|Revd|Prof|Jr|Sr|Hon|Cr|Fr))$")
# "... Dick Dillon treasurer Ray Barnes": a printed role inside an entry starts a new entry
_INNER_ROLE = re.compile(
    r"(?<=[a-z'’])\s+(?=(?:deputy\s+|assistant\s+|town\s+|city\s+)?(?:treasurers?|treasure|clerks?|supervisors?|"
    r"secretary|guests?|residents?)\s+[A-Z])"
)


@dataclass(frozen=True)
class PersonItem:
    """A person (or a role, where no name is printed) found in a list, with its offsets in the list text."""

    name: str
    role: str | None
    start: int
    end: int
    role_before: bool = False  # the role was printed before the name ("treasurer Ray Barnes")


def split_people(text: str, offset: int = 0) -> list[PersonItem]:
    """Split a printed list of people into :class:`PersonItem` s (offsets are ``offset`` + position in ``text``).

    Handles "A, B and C", semicolons, "Role (Name)" and "Name (Role)" entries, honours printed after
    a comma ("Mrs T Dean, MBE"), appositive roles ("Sue Chandler, Cabinet Member for ..."), plural
    roles and titles that apply to the names after them ("Treasurers Ray Barnes and Towanna Rovenko",
    "Councillors Benson, Butler"), and a shared surname ("Marv and Sue Forbragd").
    """
    columns = _column_people(text, offset)
    if columns is not None:
        return columns
    chunks = _bracket_chunks(text) or _line_chunks(text) or _split_chunks(text)
    parsed = [parse_person(chunk) for chunk, _, _, _ in chunks]
    multi = sum(len(name_words(p[0])) >= 2 for p in parsed if p and p[0])
    single = sum(len(name_words(p[0])) == 1 for p in parsed if p and p[0])
    full_names = multi > single
    people: list[PersonItem] = []
    explicit: list[bool] = []  # whether each person's role was printed with it (not carried over)
    plural_role: str | None = None
    plural_title: str | None = None
    for index, ((chunk, start, end, after_and), result) in enumerate(zip(chunks, parsed, strict=True)):
        lead = re.match(r"\(([^()]*)\)\s*", chunk)
        if lead and people and not explicit[-1]:  # "Cllr D Summers, (Chairman) Cllr ..."
            people[-1], explicit[-1] = _with_role(people[-1], lead.group(1)), True
            result = parse_person(chunk[lead.end() :])
        nxt = parsed[index + 1] if index + 1 < len(parsed) else None
        if (
            result is None
            and nxt
            and nxt[0]
            and chunks[index + 1][3]
            and all(bare_word(t) in TITLES for t in chunk.split())
        ):
            result = (f"{chunk} {surname(nxt[0])}", None, False, chunk.split()[0])  # "Mr and Mrs Smith"
        if result is None or bare_word(chunk.rstrip(".")) in HONOURS:
            continue
        name, role, role_before, title = result
        if not name and role:
            if people and not explicit[-1] and not after_and:
                people[-1], explicit[-1] = _with_role(people[-1], role), True  # "Councillor G. Mitchell, Mayor"
            elif is_plural_role(role):
                plural_role, plural_title = singular_role(role), None
            else:
                people.append(PersonItem(role, None, start + offset, end + offset))
                explicit.append(True)
            continue
        if nxt and nxt[0] and chunks[index + 1][3]:
            if full_names and len(name_words(name)) == 1 and not title and " " not in name:
                name = f"{name} {surname(nxt[0])}"  # "Marv and Sue Forbragd"
        has_role = role is not None
        opens_group = False
        if role and role_before and is_plural_role(role):
            plural_role = role = singular_role(role)
            opens_group = True
        elif role and role_before:
            plural_role = None
        elif role is None and plural_role:
            role = plural_role
        if title and bare_word(title) in _PLURAL_TITLES:
            plural_title = _PLURAL_TITLES[bare_word(title)]
            name = plural_title + name[len(title) :]
            opens_group = True
        elif title:
            plural_title = None
        elif plural_title:
            name = f"{plural_title} {name}"
        people.append(PersonItem(name, role, start + offset, end + offset, role_before))
        explicit.append(has_role)
        if after_and and not opens_group:
            plural_role = plural_title = None
    return people


def _column_people(text: str, offset: int) -> list[PersonItem] | None:
    """One person a line, the role in a second column: "Mrs Patricia Quayle        Chair"; None otherwise."""
    rows = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    columns = [_COLUMNS.match(row) for _, row in rows]
    if len(rows) < 2 or sum(c is not None for c in columns) * 3 < len(rows) * 2:
        return None
    people: list[PersonItem] = []
    for (start, row), match in zip(rows, columns, strict=True):
        cell = match.group(1) if match else row
        parsed = parse_person(cell)
        if parsed and parsed[0]:
            role = (match.group(2).strip() if match else None) or parsed[1]
            people.append(PersonItem(parsed[0], role, offset + start, offset + start + len(row), False))
    return people


def _split_chunks(text: str) -> list[tuple[str, int, int, bool]]:
    """Split at separators outside brackets: ``(chunk, start, end, preceded_by_and)``."""
    chunks: list[tuple[str, int, int, bool]] = []
    depth, start, after_and = 0, 0, False
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if (
            depth == 0
            and char == "."
            and re.match(r"\.\s+[A-Z]", text[pos : pos + 3])
            and not _ABBREVIATED.search(text, max(0, pos - 5), pos)
        ):
            _add_chunk(chunks, text, start, pos, after_and)  # a sentence end inside a list
            after_and = False
            start = pos = pos + 1
            continue
        if depth == 0:
            match = _SEPARATOR.match(text, pos) if char in ",; \n\t&" else None
            if match and match.end() > pos and (char in ",;" or re.search(r"\b(?:and|&)\b", match.group(0), re.I)):
                if _honour_follows(text, match.end()) and char == ",":
                    pos = match.end()
                    continue
                _add_chunk(chunks, text, start, pos, after_and)
                after_and = bool(re.search(r"\b(?:and|&)\b|&", match.group(0), re.I))
                start = pos = match.end()
                continue
        pos += 1
    _add_chunk(chunks, text, start, len(text), after_and)
    return chunks


def _add_chunk(chunks: list[tuple[str, int, int, bool]], text: str, start: int, end: int, after_and: bool) -> None:
    inner = _INNER_ROLE.search(text, start, end)
    if inner and inner.start() > start and re.search(r"\b[A-Z][\w'’-]*$", text[start : inner.start()]):
        _add_chunk(chunks, text, start, inner.start(), after_and)
        start, after_and = inner.end(), False
    piece = text[start:end]
    stripped = piece.strip(" \n\t.,;")
    if stripped:
        lead = len(piece) - len(piece.lstrip(" \n\t.,;"))
        chunks.append((stripped, start + lead, start + lead + len(stripped), after_and))


def _line_chunks(text: str) -> list[tuple[str, int, int, bool]]:
    """One entry a line ("Cllr A Smith (Chair)\nCllr B Jones", "Mrs A Grant, Head of Education\nMr T Hay"),
    when most lines hold no list separator or every line starts with its own title."""
    rows = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip(" .")]
    if len(rows) < 2:
        return []
    titled = all(_TITLE_START.match(row.strip()) and len(_TITLE_ANY.findall(row)) == 1 for _, row in rows)
    plain = [row for _, row in rows if not re.search(r",|;|\band\b|&", BRACKET.sub("", row))]
    if not titled and (len(plain) * 3 < len(rows) * 2 or not all(is_name_word(r.split()[0]) for _, r in rows)):
        return []
    chunks: list[tuple[str, int, int, bool]] = []
    for start, row in rows:
        if titled:  # the commas hold the person's role
            lead = len(row) - len(row.lstrip())
            chunks.append((row.strip(" ,;"), start + lead, start + len(row.rstrip(" ,;")), False))
        else:
            chunks.extend((c, s + start, e + start, a) for c, s, e, a in _split_chunks(row))
    return chunks


def _bracket_chunks(text: str) -> list[tuple[str, int, int, bool]]:
    """ "Role, with commas (Mr. J. Clune), Role (Ms. C. Curley)" -> one chunk per bracketed name."""
    names = [m for m in BRACKET.finditer(text) if is_bracketed_name(m.group(1).strip())]
    if len(names) < 2:
        return []
    chunks: list[tuple[str, int, int, bool]] = []
    start = 0
    for match in names:
        piece = text[start : match.end()]
        stripped = re.sub(r"^[\s,;.]*(?:and\s+)?", "", piece)
        chunk_start = start + len(piece) - len(stripped)
        chunks.append((stripped.strip(), chunk_start, match.end(), piece.lstrip(" ,;\n").startswith("and ")))
        start = match.end()
    tail = text[start:]
    if tail.strip(" .,;\n"):
        chunks.extend((c, s + start, e + start, a) for c, s, e, a in _split_chunks(tail))
    return chunks


def _honour_follows(text: str, pos: int) -> bool:
    match = re.match(r"([A-Za-z.]{2,5})(?=\s*(?:[,;]|\band\b|$|\n|\)))", text[pos:])
    return bool(match) and bare_word(match.group(1).rstrip(".")) in HONOURS and match.group(1).isupper()


def _with_role(item: PersonItem, role: str) -> PersonItem:
    return PersonItem(item.name, role.strip(" ,."), item.start, item.end, item.role_before)
