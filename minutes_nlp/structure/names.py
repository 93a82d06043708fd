"""People's names: how a person is printed, and the name tidied for a record.

Two kinds of text print names. Attendance lists ("Mr B J Sweetland (Chairman), Mrs T Dean, MBE")
are split by :mod:`minutes_nlp.structure.people_lists`, which reads each entry with
:func:`parse_person`: titles and initials are kept as printed, honours and suffixes (MBE, Jr.)
are dropped, and a printed qualifier such as ``(M)`` stays with the name, because "Collins (M)"
and "Collins (J)" are different people. Decision wordings ("Proposed by Councillor Collins (M);
Seconded by Cllr Mrs Leamon") are read with :data:`PERSON`, and their names are kept without
titles. :func:`clean_name` does both, as its ``keep_titles`` argument says. Which words make up
a role is in :mod:`minutes_nlp.structure.roles`.

Example:
    >>> parse_person("Mrs T Dean, MBE (Clerk)")
    ('Mrs T Dean', 'Clerk', False, 'Mrs')
    >>> clean_name("Cllr  Mrs J Buckley-\\nStevens OBE")
    'Cllr Mrs J Buckley-Stevens'
    >>> text = "Proposed by Councillor Collins (M); Seconded by Cllr Mrs Leamon."
    >>> [clean_name(m.group("p"), keep_titles=False) for m in PERSON_RE.finditer(text)]
    ['Collins (M)', 'Leamon']
"""

from __future__ import annotations

import logging
import re

from minutes_nlp.structure.roles import ROLE_HEADS, ROLE_WORDS, bare_word, is_role_word

__all__ = [
    "BRACKET",
    "HONOURS",
    "PERSON",
    "PERSON_RE",
    "TITLE",
    "TITLED_PERSON",
    "TITLES",
    "clean_name",
    "fix_breaks",
    "is_bracketed_name",
    "is_name_word",
    "name_words",
    "parse_person",
    "surname",
]

logger = logging.getLogger(__name__)

TITLES = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady rev revd reverend prof professor cllr cllrs cr crs councillor "
    "councillors councilor councilors councilman councilmen councilwoman councilwomen councilmember "
    "councilmembers alderman aldermen alderwoman alderperson ald hon honourable honorable father fr".split()
)
_COUNCILLOR_TITLES = frozenset("cllr councillor councilor cr councilman councilwoman councilmember alderman".split())
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
BRACKET = re.compile(r"\(([^()]*)\)")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,3}[A-Z]?$")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ]?['’][A-Z]|Mc|Mac)?[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?$|^[A-ZÀ-ÖØ-Þ][\w'’]*-[A-Z][\w'’-]*$"
)
_WS = re.compile(r"\s+")
_PUBLIC_COUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:members?\s+of\s+(?:the\s+)?public|residents|visitors|parishioners|people)\b",
    re.I,
)

# ---------------------------------------------------------------- a person in running text

_UP = "A-ZÀ-ÖØ-Þ"
# Words that start with a capital but are never part of a person's name in decision wordings.
_STOP = (
    r"(?:And|The|That|This|These|To|Of|For|In|On|At|By|It|Its|He|She|They|A|An|As|With|Seconded|Second|"
    r"Seconds|Moved|Proposed|Proposer|Motion|Motions|Resolved|Resolution|Carried|Agreed|Approved|Council|"
    r"Councils|Committee|Meeting|Minutes|Amendment|Vote|Votes|Voting|Aye|Ayes|Yea|Yeas|Nay|Nays|No|Noes|"
    r"Yes|Abstain|Abstained|Abstention|Abstentions|For|Against|Unanimously|Following|Subject|Then|Also|"
    r"Item|Report|Recommendation|Board|Town|City|County|Parish|Borough|District|Township|Village|Public|"
    r"All|Upon|Being|Was|Were|Is|Be|Lost|Withdrawn|Deferred|Passed|Adopted|Chairman|Chair|Mayor|Leader|"
    r"Clerk|Members?|Director|Officer|Councillors?|Cllrs?|Supervisors?|Mr|Mrs|Ms|Dr|Section|Ward|Ord|Res|"
    r"RESOLVED|AGREED|CARRIED|THAT|MOTION|Yes|Not|Please|There|Their|Both|Any|Each|Every|Some|Such|Other|"
    r"New|Further|Previously|Originally|Recently|Now|Cabinet|Government|Administration|Executive|Group|"
    r"Panel|Commission|Department|Authority|Service|Services|Team|If|When|Where|While|After|Before|"
    r"Under|Having|Once|We|I|You|His|Her|Our|Your|My)\b"
)
# Titles and offices printed before a name ("Cllr", "Council Member", "Deputy Mayor", "Chair").
TITLE = (
    r"(?:Councillors?|Councilors?|Cllrs?\.?|Crs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Prof\.?|Professor|"
    r"Sir|Dame|Lord|Lady|Rev(?:d|\.)?|Reverend|Hon\.?|Alder(?:man|woman|person)|Supervisors?|"
    r"Council\s?(?:Members?|man|woman|lor)|Commissioners?|Trustees?|Select(?:man|woman|person)|Directors?|"
    r"Deputy\s+Mayor|Mayor|Deputy|Reeve|Board\s+Members?|Members?|Treasurer|Clerk|Chair(?:man|woman|person)?|"
    r"Vice[- ]?Chair(?:man|woman|person)?|Cathaoirleach|President|Vice[- ]President|Father|Fr\.?|Senator|"
    r"Judge|Sister)"
)
_SP = r"(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)"  # spaces, at most one line break (no blank line)
_TEXT_WORD = rf"(?!{_STOP})[{_UP}][^\W\d_]*(?:['’][{_UP}]?[^\W\d_]+)*(?:-[{_UP}]?[^\W\d_]+)*"
_TEXT_INITIAL = rf"[{_UP}]\.?(?=[ \t\n])"
_TEXT_PARTICLE = r"(?:de|van|von|der|den|du|da|di|le|la|ní|nic|uí|mac)"
_TEXT_QUALIFIER = r"(?:[ \t]*\([A-Z][A-Za-z]{0,3}\.?\))"
_TEXT_ROLE = (
    r"(?:[Tt]he\s+)?(?:(?:Vice|Deputy)[- ]?)?(?:Chair(?:man|woman|person)?|Mayor|Leader(?:\s+of\s+the\s+Council)?|"
    r"Cathaoirleach|Leas-Chathaoirleach|President|Reeve|Warden|Proposer|Seconder)(?![\w-])"
)
# A person as printed: titles, initials, one to three name words, an optional "(M)" qualifier;
# or a role ("the Chairman") where no name follows.
PERSON = (
    rf"(?:(?:{TITLE}{_SP}){{0,3}}(?:{_TEXT_INITIAL}{_SP}){{0,3}}{_TEXT_WORD}"
    rf"(?:{_SP}(?:{_TEXT_PARTICLE}{_SP})?(?:{_TEXT_INITIAL}{_SP})?{_TEXT_WORD}){{0,2}}{_TEXT_QUALIFIER}?"
    rf"|{_TEXT_ROLE})"
)
PERSON_RE = re.compile(rf"(?P<p>{PERSON})")
# A person introduced by a title ("Cllr Smith"), for wordings where a bare word could be anything else.
TITLED_PERSON = (
    rf"(?:{TITLE}{_SP}){{1,3}}(?:{_TEXT_INITIAL}{_SP}){{0,3}}{_TEXT_WORD}"
    rf"(?:{_SP}(?:{_TEXT_PARTICLE}{_SP})?(?:{_TEXT_INITIAL}{_SP})?{_TEXT_WORD}){{0,2}}{_TEXT_QUALIFIER}?"
)
_TITLE_PREFIX = re.compile(rf"^(?:(?:the\s+)?{TITLE}\.?\s+)+", re.IGNORECASE)
# Honours anywhere after a name, for names read from running text (see clean_name(keep_titles=False)).
_HONOURS_AFTER = re.compile(r",?\s+(?:MBE|OBE|CBE|KBE|DBE|JP|MP|DL|BEM|QC|KC|TD|MEP)\b\.?")


def fix_breaks(text: str) -> str:
    """Join names broken over lines by a hyphen: "Crow-\\nBrown" -> "Crow-Brown", "Cimper-\\nman" -> "Cimperman"."""
    text = re.sub(r"[\ufffe\u00ad]\s*(?=[a-zà-ÿ])|-\s*\n\s*(?=[a-zà-ÿ])", "", text)
    return re.sub(r"[\ufffe\u00ad]\s*|-\s*\n\s*", "-", text)


def clean_name(text: str, *, keep_titles: bool = True) -> str:
    """A printed name tidied onto one line, honours dropped, a qualifier such as "(M)" kept.

    ``keep_titles=True`` is for attendance lists, where a name is recorded as printed: titles and
    initials stay, a name broken over lines by a hyphen is joined, and trailing honours and suffixes
    (MBE, Jr., PhD, Ltd) and a trailing full stop go. ``keep_titles=False`` is for the movers,
    seconders, voters and declarers read from running text with :data:`PERSON`, which are recorded
    without titles: titles ("Council Member", "Deputy Mayor") and a leading "the" go, as do honours
    from a short fixed list (MBE, OBE, ... TD, MEP) wherever they follow the name; a role printed
    alone keeps its words.

    Example:
        >>> clean_name("Mr Paul Hill, OBE."), clean_name("Nelson Cintron Jr."), clean_name("Collins (M)")
        ('Mr Paul Hill', 'Nelson Cintron', 'Collins (M)')
        >>> [clean_name(n, keep_titles=False) for n in ("Council Member J. Johnson", "Cllr Mrs Mendoza, OBE")]
        ['J. Johnson', 'Mendoza']
        >>> [clean_name(n, keep_titles=False) for n in ("the Vice-Chairman", "Mr B J Sweetland")]
        ['Vice-Chairman', 'B J Sweetland']
    """
    if not keep_titles:
        name = " ".join(text.split())
        name = re.sub(r"^the\s+", "", _HONOURS_AFTER.sub("", name), flags=re.I)
        stripped = _TITLE_PREFIX.sub("", name)
        if not stripped or not re.search(rf"[{_UP}]", stripped):
            stripped = re.sub(r"^the\s+", "", name, flags=re.I)
        return stripped.strip(" ,;")
    text = _WS.sub(" ", fix_breaks(text)).strip(" ,;:.*_")
    words = text.split(" ")
    while len(words) > 1 and bare_word(words[-1]) in HONOURS | _COMPANY:
        words.pop()
    text = " ".join(words).strip(" ,;:*_")
    return text[:-1] if text.endswith(".") and not _INITIAL.match(text.rsplit(" ", 1)[-1]) else text


def surname(name: str) -> str:
    """The last name word, with its qualifier: "Cllr J Collins (M)" -> "Collins (M)"."""
    qualifier = _QUALIFIER.search(name)
    base = _QUALIFIER.sub("", name).strip()
    words = [w for w in base.split() if bare_word(w) not in TITLES and not _INITIAL.match(w)] or base.split() or [""]
    return words[-1] + (f" ({qualifier.group(1)})" if qualifier else "")


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
    for match in BRACKET.finditer(text):
        inner = match.group(1).strip()
        if _QUALIFIER.fullmatch(match.group(0)):
            continue
        if is_bracketed_name(inner):
            name_in_brackets = inner
        elif inner:
            roles.append(inner)
    outside = _WS.sub(" ", BRACKET.sub(lambda m: m.group(0) if _QUALIFIER.fullmatch(m.group(0)) else " ", text)).strip(
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
    suffix = " ".join(t for t in tokens[name_end:] if bare_word(t) not in HONOURS)
    if tokens[name_end - 1].endswith(",") and suffix:
        suffix = ", " + suffix
    if re.match(r"^[–—:-]\s*\S|^,\s*\S", suffix):  # "Mr P Brown – Chief Executive Officer", "Mrs A Grant, Head of ..."
        roles.insert(0, suffix.lstrip("–—:-, ").strip())
    if title is None and (
        re.search(r"\b(?:for|of|to|and|the|&)$", prefix, re.I)
        or (re.search(r"(?i)\b(?:for|of)\b", prefix) and is_role_word(name.split()[-1]))
    ):
        name = ""  # "Cabinet Member for Housing", "Director of Public Works": a role, no name
    if title and prefix and bare_word(title) in _COUNCILLOR_TITLES:  # "Borough Councillor C Sampson"
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
        if bare_word(tok) in TITLES and i + 1 < n:
            j = i
            while j < n and bare_word(tokens[j]) in TITLES:
                j += 1
            end, words = _name_run(tokens, j, max_words=2)
            if words:
                return i, end, tokens[i].rstrip(".,")
    i = 0
    while i < n and (is_role_word(tokens[i]) or tokens[i][:1].islower() or tokens[i] in {"&", "-", "–"}):
        if (
            tokens[i][:1].islower()
            and not is_role_word(tokens[i])
            and bare_word(tokens[i]) not in {"of", "for", "the", "and", "to"}
        ):
            return None, 0, None  # a sentence, not a name
        i += 1
    if i >= n:  # every word can be part of an office title: "Director of Public Works" - or "Parks"
        i = 0 if n == 1 and tokens[0][:1].isupper() and bare_word(tokens[0]) not in ROLE_HEADS else n
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
        bare = bare_word(tok)
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


def is_bracketed_name(inner: str) -> bool:
    """True when the text inside a bracket is a person's name ("Dr. P. Daly", "Mr. J. Clune"), not a role.

    Example:
        >>> is_bracketed_name("Dr. P. Daly"), is_bracketed_name("J Hall"), is_bracketed_name("Chairman")
        (True, True, False)
    """
    words = inner.split()
    if not words or len(words) > 5 or not _NAME_WORD.match(words[-1]) or bare_word(words[-1]) in ROLE_WORDS:
        return False
    has_title = bare_word(words[0]) in TITLES - {"father", "fr"}
    has_initial = any(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", w) for w in words[:-1])
    return has_title or (has_initial and len(words) <= 4)


def is_name_word(token: str) -> bool:
    """True for a word that can be part of a printed name ("Smith", "O'Neill", "Buckley-Stevens").

    Example:
        >>> is_name_word("O'Neill"), is_name_word("Buckley-Stevens"), is_name_word("and")
        (True, True, False)
    """
    return bool(_NAME_WORD.match(token))


def name_words(chunk: str) -> list[str]:
    """The words of an entry that make up a name, without titles and initials.

    Example:
        >>> name_words("Cllr J Nicholas-Letch"), name_words("Marv")
        (['Nicholas-Letch'], ['Marv'])
    """
    return [w for w in chunk.split() if _NAME_WORD.match(w) and not _INITIAL.match(w) and bare_word(w) not in TITLES]


def _title_of(name: str) -> str | None:
    first = name.split()[0] if name.split() else ""
    return first.rstrip(".") if bare_word(first) in TITLES else None


def _valid_name(name: str) -> bool:
    all_words = _QUALIFIER.sub("", name).split()
    words = [w for w in all_words if bare_word(w) not in TITLES and not _INITIAL.match(w)]
    if not words:
        return False
    if len(words) < len(all_words) and not all(bare_word(w) in _NOT_NAMES for w in words):
        return True  # "Mrs C Head": a title or initials make any surname a name
    return not all(bare_word(w) in _NOT_NAMES or bare_word(w) in ROLE_HEADS for w in words)


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
    if (bare_word(words[0]) in ROLE_WORDS and words[0][:1].isupper()) or bare_word(words[0]) in {"police", "mayor"}:
        return text
    return None
