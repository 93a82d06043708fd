"""A person mention read into parts: title, given name or initials, surname, printed qualifier.

Minutes print one person many ways ("Mr B J Sweetland", "Mr Sweetland", "B Sweetland",
"Sweetland"), and print different people almost alike ("Collins (M)", "Collins (J)"; "Mrs P T Cole",
"Mr P Cole"). :func:`parse_mention` keeps what tells them apart: the first initial (from initials,
a first name or a qualifier), all initials, the gender a title implies, and whether the title says
the person is an elected member.

Example:
    >>> m = parse_mention("Mr B J Sweetland")
    >>> m.surname, m.initial, m.initials, m.gender
    ('Sweetland', 'b', 'bj', 'm')
    >>> parse_mention("Councillor Collins (M)").initial
    'm'
    >>> parse_mention("the Chairman").role_only, parse_mention("LH").initials_only
    (True, True)
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from minutes_nlp.structure.names import HONOURS, TITLES
from minutes_nlp.structure.roles import bare_word, is_role_word

__all__ = ["Mention", "chair_key", "fold_key", "parse_mention", "slug"]

logger = logging.getLogger(__name__)

_QUALIFIER = re.compile(r"\(\s*([A-Za-z]{1,2})\.?\s*\)")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,3}[A-Z]?$")
_INITIALS_ONLY = re.compile(r"^[A-Z]{2,3}$")
_MALE = frozenset({"mr", "sir", "lord", "father", "fr"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "sister"})
_MEMBER_TITLES = frozenset(
    "cllr cllrs cr crs councillor councillors councilor councilman councilwoman councilmember alderman "
    "supervisor bc".split()
)
_EXTRA_TITLES = frozenset(
    "cur bc pcso supervisor supervisors chief fire police treasurer clerk assistant mayor deputy chair chairman "
    "chairwoman chairperson vice-chair vice-chairman president leader cathaoirleach commissioner director".split()
)
_NOT_NAMES = frozenset("members member councillors officers public all everyone motion minister".split())
_ROLE_WORDS = frozenset(
    "chair chairman chairwoman chairperson vice-chair vice-chairman vice-chairwoman deputy mayor "
    "leader cathaoirleach leas-chathaoirleach president reeve warden proposer seconder "
    "príomh chomhairleoir the of council".split()
)
_PARTICLES = frozenset("de da di del della der den van von la le du ní nic uí mac bin al".split())


@dataclass(frozen=True)
class Mention:
    """One printed mention, read into parts (all keys folded to lower case without accents)."""

    text: str
    surname: str = ""
    given: str = ""  # a first name as printed, "" when only initials are printed
    initial: str = ""  # first initial, from initials, a first name or a "(M)" qualifier
    initials: str = ""  # every initial printed ("bj" for "Mr B J Sweetland")
    gender: str = ""  # "m" / "f" when a title says so
    member: bool = False  # a councillor's title ("Cllr", "Councillor", "Cr")
    role_only: bool = False  # "the Chairman": a role, no name
    initials_only: bool = False  # "LH": initials standing for a name

    @property
    def key(self) -> str:
        """The folded surname: "O’Brien" -> "o'brien"."""
        return fold_key(self.surname)

    @property
    def keys(self) -> frozenset[str]:
        """The folded surname and each of its name words ("novak uí chonchúir", "novak", "chonchúir")."""
        words = [fold_key(w) for w in self.surname.split() if bare_word(w) not in _PARTICLES | {"uí", "ui", "ó"}]
        return frozenset([self.key, *words]) - {""}


def fold_key(text: str) -> str:
    """Lower-case, accents and curly quotes folded: "Ní Bhriain" -> "ni bhriain"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def slug(text: str) -> str:
    """A lower-case ASCII slug: "O’Brien (M)" -> "obrien-m"."""
    text = fold_key(text).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def chair_key(role: str | None) -> str:
    """A role folded so that printed forms of one office agree: "the Chairman" -> "chair".

    Example:
        >>> chair_key("The Chairman"), chair_key("Vice-Chairwoman"), chair_key("Cathaoirleach")
        ('chair', 'vice-chair', 'chair')
    """
    if not role:
        return ""
    text = re.sub(r"^the\s+", "", fold_key(role).strip(" .,;:"))
    text = re.sub(r"chair(?:man|woman|person)?\b", "chair", text)
    text = re.sub(r"\bvice[- ]?chair", "vice-chair", text)
    return {"cathaoirleach": "chair", "leas-chathaoirleach": "vice-chair"}.get(text, text)


def parse_mention(text: str) -> Mention | None:
    """Read a printed name into a :class:`Mention`; None for text that is not a name.

    Example:
        >>> m = parse_mention("Cllr Mrs P T Cole")
        >>> m.surname, m.initials, m.gender, m.member
        ('Cole', 'pt', 'f', True)
        >>> parse_mention("Rich Lehmann").initial, parse_mention("Novak Uí Chonchúir").surname
        ('r', 'Novak Uí Chonchúir')
        >>> parse_mention("And Resolved: that this Council calls on the Minister") is None
        True
    """
    raw = " ".join((text or "").split())
    if not raw:
        return None
    raw = re.sub(r"^[A-Za-z]+:\s*", lambda m: "" if bare_word(m.group(0)) in TITLES else m.group(0), raw)
    if _INITIALS_ONLY.match(raw):
        return Mention(text=raw, initials=raw.lower(), initial=raw[0].lower(), initials_only=True)
    raw = re.sub(r"['’]s$", "", raw)  # "Mr Brady’s"
    qualifier = _QUALIFIER.search(raw)
    base = _QUALIFIER.sub(" ", raw).strip(" ,;.")
    words = base.split()
    if not words or len(words) > 6 or any(ch in base for ch in ":;“”\"") or re.search(r"\d", base):
        return None
    gender, member = "", False
    names: list[str] = []
    for i, word in enumerate(words):
        bare = bare_word(word)
        before_title = i + 1 < len(words) and bare_word(words[i + 1]) in TITLES and is_role_word(word)
        if not names and (
            bare in TITLES or bare in _EXTRA_TITLES or bare == "the" or before_title or re.fullmatch(r"[A-Z]{3,5}", word)
        ):
            gender = gender or ("m" if bare in _MALE else "f" if bare in _FEMALE else "")
            member = member or bare in _MEMBER_TITLES
            continue
        if bare in HONOURS and names:
            continue
        names.append(word.strip(","))
    if not names:
        return Mention(text=raw, role_only=True) if any(bare_word(w) in _ROLE_WORDS | _EXTRA_TITLES for w in words) else None
    if all(bare_word(w) in _ROLE_WORDS for w in names):
        return Mention(text=raw, role_only=True)
    if any(bare_word(w) in _NOT_NAMES for w in names):
        return None
    titled = any(bare_word(w) in TITLES for w in words)
    if not titled and all(is_role_word(w) or bare_word(w) in _ROLE_WORDS for w in words):
        return Mention(text=raw, role_only=True)  # "Chief Executive", "Democratic Services Officer"
    lower = [w for w in names if w[:1].islower() and bare_word(w) not in _PARTICLES]
    if lower:
        return None  # a sentence, not a name
    initials = [w for w in names if _INITIAL.match(w)]
    rest = [w for w in names if not _INITIAL.match(w)]
    if not rest:
        return None
    # the surname is the last word, with the particles before it ("van der Berg", "Ní Bhriain");
    # a married Irish form ("Novak Uí Chonchúir") is a surname throughout
    cut = len(rest) - 1
    while cut > 0 and bare_word(rest[cut - 1]) in _PARTICLES | {"ó", "o", "mc"}:
        cut -= 1
    if cut > 0 and bare_word(rest[cut]) in {"uí", "ui"}:
        cut = 0
    surname = " ".join(rest[cut:])
    given_words = rest[:cut]
    given = given_words[0] if given_words else ""
    letters = "".join(re.sub(r"[^A-Za-z]", "", w) for w in initials).lower()
    if given:
        first = given[0].lower()
        all_initials = first + letters
    else:
        first = letters[:1]
        all_initials = letters
    if qualifier:
        q = qualifier.group(1).lower()
        first = first or q[:1]
        all_initials = all_initials or q
    return Mention(
        text=raw,
        surname=surname,
        given=given,
        initial=first,
        initials=all_initials,
        gender=gender,
        member=member,
    )
