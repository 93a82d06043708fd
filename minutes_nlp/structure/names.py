"""People's names in attendance lists: split a list, separate name from role, tidy the name.

A list such as ``"Mr B J Sweetland (Chairman), Mrs T Dean, MBE, Councillors Benson and Collins (M)"``
becomes ``[("Mr B J Sweetland", "Chairman"), ("Mrs T Dean", None), ("Councillor Benson", None),
("Councillor Collins (M)", None)]``: titles and initials are kept as printed, honours and
suffixes (MBE, Jr.) are dropped, and a printed qualifier such as ``(M)`` stays with the name,
because "Collins (M)" and "Collins (J)" are different people. Which words make up a role is
in :mod:`minutes_nlp.structure.roles`.

Example:
    >>> [(p.name, p.role) for p in split_people("Mr A Booth (Chairman), Mrs T Dean, MBE and Ms L Wright")]
    [('Mr A Booth', 'Chairman'), ('Mrs T Dean', None), ('Ms L Wright', None)]
    >>> clean_name("Cllr  Mrs J Buckley-\\nStevens OBE")
    'Cllr Mrs J Buckley-Stevens'
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from minutes_nlp.structure.roles import ROLE_HEADS, ROLE_WORDS, is_plural_role, is_role_word, singular_role

__all__ = ["PersonItem", "clean_name", "parse_person", "split_people", "surname"]

logger = logging.getLogger(__name__)

TITLES = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady rev revd reverend prof professor cllr cllrs cr crs councillor "
    "councillors councilor councilors councilman councilmen councilwoman councilwomen councilmember "
    "councilmembers alderman aldermen alderwoman alderperson ald hon honourable honorable father fr".split()
)
_COUNCILLOR_TITLES = frozenset("cllr councillor councilor cr councilman councilwoman councilmember alderman".split())
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
HONOURS = frozenset(
    "mbe obe cbe kbe dbe cmg kcmg bem jp dl mp msp ms mla mla qc kc frs phd ph.d esq jr sr ii iii iv rip".split()
)
_COMPANY = frozenset("ltd limited plc inc llc llp co".split())
_NOT_NAMES = frozenset(
    """no none nil n/a all any the other others officers officer members member public councillors council committee
    present absent apologies apology agenda items item minutes meeting chamber unrestricted restricted part business
    there these those both also attending attendance virtually remotely online and in of""".split()
)
_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el st".split())
_QUALIFIER = re.compile(r"\(\s*([A-Z][a-z]?\.?|[A-Z]\.?[A-Z]\.?)\s*\)")
_BRACKET = re.compile(r"\(([^()]*)\)")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,3}[A-Z]?$")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ]?['’][A-Z]|Mc|Mac)?[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?$|^[A-ZÀ-ÖØ-Þ][\w'’]*-[A-Z][\w'’-]*$"
)
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)
_WS = re.compile(r"\s+")
_TITLE_START = re.compile(r"(?i)^(?:mr|mrs|ms|miss|dr|cllr|councillor|cr|sir|dame|prof|rev)\b")
_TITLE_ANY = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir|Dame|Prof|Rev)\b")
_COLUMNS = re.compile(r"^\s*(\S.*?\S)(?:\s{3,}|\t+)(\S.*)$")
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Cllr|Rev|Revd|Prof|Jr|Sr|Hon|Cr|Fr))$")
_PUBLIC_COUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:members?\s+of\s+(?:the\s+)?public|residents|visitors|parishioners|people)\b",
    re.I,
)
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


def fix_breaks(text: str) -> str:
    """Join names broken over lines by a hyphen: "Crow-\\nBrown" -> "Crow-Brown", "Cimper-\\nman" -> "Cimperman"."""
    text = re.sub(r"[\ufffe\u00ad]\s*(?=[a-zà-ÿ])|-\s*\n\s*(?=[a-zà-ÿ])", "", text)
    return re.sub(r"[\ufffe\u00ad]\s*|-\s*\n\s*", "-", text)


def clean_name(text: str) -> str:
    """A name as printed, tidied: whitespace collapsed, honours and suffixes dropped, qualifier kept.

    Example:
        >>> clean_name("Mr Paul Hill, OBE."), clean_name("Nelson Cintron Jr."), clean_name("Collins (M)")
        ('Mr Paul Hill', 'Nelson Cintron', 'Collins (M)')
    """
    text = _WS.sub(" ", fix_breaks(text)).strip(" ,;:.*_")
    words = text.split(" ")
    while len(words) > 1 and _bare(words[-1]) in HONOURS | _COMPANY:
        words.pop()
    text = " ".join(words).strip(" ,;:*_")
    return text[:-1] if text.endswith(".") and not _INITIAL.match(text.rsplit(" ", 1)[-1]) else text


def surname(name: str) -> str:
    """The last name word, with its qualifier: "Cllr J Collins (M)" -> "Collins (M)"."""
    qualifier = _QUALIFIER.search(name)
    base = _QUALIFIER.sub("", name).strip()
    words = [w for w in base.split() if _bare(w) not in TITLES and not _INITIAL.match(w)] or base.split() or [""]
    return words[-1] + (f" ({qualifier.group(1)})" if qualifier else "")


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
    multi = sum(len(_name_words(p[0])) >= 2 for p in parsed if p and p[0])
    single = sum(len(_name_words(p[0])) == 1 for p in parsed if p and p[0])
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
            and all(_bare(t) in TITLES for t in chunk.split())
        ):
            result = (f"{chunk} {surname(nxt[0])}", None, False, chunk.split()[0])  # "Mr and Mrs Smith"
        if result is None or _bare(chunk.rstrip(".")) in HONOURS:
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
            if full_names and len(_name_words(name)) == 1 and not title and " " not in name:
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
        if title and _bare(title) in _PLURAL_TITLES:
            plural_title = _PLURAL_TITLES[_bare(title)]
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


def parse_person(text: str) -> tuple[str, str | None, bool, str | None] | None:
    """``(name, role, role_before, title)`` for one list entry; name is "" for a role alone; None for junk.

    Example:
        >>> parse_person("Chief of Staff Ken Silliman")
        ('Ken Silliman', 'Chief of Staff', True, None)
        >>> parse_person("Mrs C Hardy (Clerk)")
        ('Mrs C Hardy', 'Clerk', False, 'Mrs')
    """
    text = _WS.sub(" ", fix_breaks(text)).strip(" ,;:.*_-–")
    text = _PUBLIC_COUNT.sub(" ", text).strip(" ,;:.*_-–")
    text = re.sub(r"^(?:also|plus|with|and)\s+", "", text, flags=re.I)
    if not text or re.match(r"^\d", text) or re.search(r"\bmembers? of (?:the )?public\b", text, re.I):
        return None
    roles: list[str] = []
    name_in_brackets = None
    for match in _BRACKET.finditer(text):
        inner = match.group(1).strip()
        if _QUALIFIER.fullmatch(match.group(0)):
            continue
        if _looks_like_bracket_name(inner):
            name_in_brackets = inner
        elif inner:
            roles.append(inner)
    outside = _WS.sub(" ", _BRACKET.sub(lambda m: m.group(0) if _QUALIFIER.fullmatch(m.group(0)) else " ", text)).strip(
        " ,"
    )
    if name_in_brackets:  # "Chief Executive (Dr. P. Daly)"
        return clean_name(name_in_brackets), (outside.strip(" ,") or None), True, _title_of(name_in_brackets)
    tokens = outside.split(" ")
    name_start, name_end, title = _find_name(tokens)
    if name_start is None:
        role = _role_text(outside)
        return ("", role, True, None) if role else None
    prefix = " ".join(tokens[:name_start]).strip(" ,")
    name = clean_name(" ".join(tokens[name_start:name_end]))
    suffix = " ".join(t for t in tokens[name_end:] if _bare(t) not in HONOURS)
    if tokens[name_end - 1].endswith(",") and suffix:
        suffix = ", " + suffix
    if re.match(r"^[–—:-]\s*\S|^,\s*\S", suffix):  # "Mr P Brown – Chief Executive Officer", "Mrs A Grant, Head of ..."
        roles.insert(0, suffix.lstrip("–—:-, ").strip())
    if title is None and (
        re.search(r"\b(?:for|of|to|and|the|&)$", prefix, re.I)
        or (re.search(r"(?i)\b(?:for|of)\b", prefix) and is_role_word(name.split()[-1]))
    ):
        name = ""  # "Cabinet Member for Housing", "Director of Public Works": a role, no name
    if title and prefix and _bare(title) in _COUNCILLOR_TITLES:  # "Borough Councillor C Sampson"
        prefix = f"{prefix} {title}"
    if not _valid_name(name):
        role = _role_text(outside)
        return ("", role, True, None) if role else None
    role_before = bool(prefix) and not roles
    role = prefix or (roles[0] if roles else None)
    if prefix and roles:
        role = f"{prefix}, {roles[0]}"
    if role and role.lower() in {"the", "and"}:
        role = None
    return name, role, role_before, title


def _find_name(tokens: list[str]) -> tuple[int | None, int, str | None]:
    """Where the name starts and ends in ``tokens``, and its first title."""
    n = len(tokens)
    for i, tok in enumerate(tokens):  # a titled name: "Borough Councillor C Sampson", "Mr Paul Brandon Administrator"
        if _bare(tok) in TITLES and i + 1 < n:
            j = i
            while j < n and _bare(tokens[j]) in TITLES:
                j += 1
            end, words = _name_run(tokens, j, max_words=2)
            if words:
                return i, end, tokens[i].rstrip(".,")
    i = 0
    while i < n and (is_role_word(tokens[i]) or tokens[i][:1].islower() or tokens[i] in {"&", "-", "–"}):
        if (
            tokens[i][:1].islower()
            and not is_role_word(tokens[i])
            and _bare(tokens[i]) not in {"of", "for", "the", "and", "to"}
        ):
            return None, 0, None  # a sentence, not a name
        i += 1
    if i >= n:  # every word can be part of an office title: "Director of Public Works" - or "Parks"
        i = 0 if n == 1 and tokens[0][:1].isupper() and _bare(tokens[0]) not in ROLE_HEADS else n
        if i >= n:
            return None, 0, None
    end, words = _name_run(tokens, i, max_words=3)
    if not words:
        return None, 0, None
    return i, end, None


def _name_run(tokens: list[str], start: int, max_words: int) -> tuple[int, int]:
    """End of the run of initials and name words from ``start``, and how many name words it holds."""
    j, words = start, 0
    while j < len(tokens):
        tok = tokens[j]
        bare = _bare(tok)
        if _QUALIFIER.fullmatch(tok) and words:
            j += 1
            break
        if _INITIAL.match(tok.rstrip(",")) and not words and j + 1 < len(tokens) and _NAME_WORD.match(tokens[j + 1]):
            j += 1  # an initial, unless it ends the name: "COUNCILLOR J LEE"
            continue
        if bare in _PARTICLES and words and j + 1 < len(tokens) and _NAME_WORD.match(tokens[j + 1]):
            j += 1
            continue
        if not _NAME_WORD.match(tok.rstrip(",")) or bare in HONOURS or bare in _COMPANY:
            break
        if words and bare in ROLE_HEADS:
            break
        if words >= max_words:
            break
        words += 1
        j += 1
        if tok.endswith(","):
            break
    return j, words


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
    plain = [row for _, row in rows if not re.search(r",|;|\band\b|&", _BRACKET.sub("", row))]
    if not titled and (len(plain) * 3 < len(rows) * 2 or not all(_NAME_WORD.match(r.split()[0]) for _, r in rows)):
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
    names = [m for m in _BRACKET.finditer(text) if _looks_like_bracket_name(m.group(1).strip())]
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
    return bool(match) and _bare(match.group(1).rstrip(".")) in HONOURS and match.group(1).isupper()


def _looks_like_bracket_name(inner: str) -> bool:
    words = inner.split()
    if not words or len(words) > 5 or not _NAME_WORD.match(words[-1]) or _bare(words[-1]) in ROLE_WORDS:
        return False
    has_title = _bare(words[0]) in TITLES - {"father", "fr"}
    has_initial = any(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", w) for w in words[:-1])
    return has_title or (has_initial and len(words) <= 4)


def _title_of(name: str) -> str | None:
    first = name.split()[0] if name.split() else ""
    return first.rstrip(".") if _bare(first) in TITLES else None


def _name_words(chunk: str) -> list[str]:
    return [w for w in chunk.split() if _NAME_WORD.match(w) and not _INITIAL.match(w) and _bare(w) not in TITLES]


def _valid_name(name: str) -> bool:
    all_words = _QUALIFIER.sub("", name).split()
    words = [w for w in all_words if _bare(w) not in TITLES and not _INITIAL.match(w)]
    if not words:
        return False
    if len(words) < len(all_words) and not all(_bare(w) in _NOT_NAMES for w in words):
        return True  # "Mrs C Head": a title or initials make any surname a name
    return not all(_bare(w) in _NOT_NAMES or _bare(w) in ROLE_HEADS for w in words)


def _role_text(text: str) -> str | None:
    """The role named by an entry without a name ("the Police", "Cabinet Member for ..."), else None."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.;:"), flags=re.I)
    words = text.split()
    if (
        not words
        or len(words) > 12
        or re.match(r"^\d", text)
        or re.search(r"\bmembers? of (?:the )?public\b", text, re.I)
    ):
        return None
    if (_bare(words[0]) in ROLE_WORDS and words[0][:1].isupper()) or _bare(words[0]) in {"police", "mayor"}:
        return text
    return None


def _with_role(item: PersonItem, role: str) -> PersonItem:
    return PersonItem(item.name, role.strip(" ,."), item.start, item.end, item.role_before)


def _bare(token: str) -> str:
    return token.strip(" ,;:.()*_").lower().replace("’", "'")

