"""Roles printed with people's names: the office-title vocabulary, and who counts as an officer.

:data:`ROLE_WORDS` are the words office titles are made of ("Chief of Staff", "Media Relations
Director", "deputy treasurer"), and :data:`ROLE_HEADS` the office nouns a name ends before ("Mr
Paul Brandon Administrator"); :mod:`minutes_nlp.structure.names` uses both to tell a name from a role.

Who counts as an officer (:func:`list_for_role`): everyone under an officers' label ("IN
ATTENDANCE:" after a members' list, "Officers present:", "OFFICIALS IN ATTENDANCE:") except
councillors; in a members' list, anyone printed with a council officer's role (clerk, treasurer,
inspector, manager, solicitor ...); in an "Also present" list, any official as well (director,
chief of staff, the executive mayor). A board's executive directors in its "PRESENT:" list are
members. Guests, residents and police officers count as present. A roll call's "Absent (excused)"
counts as apologies (:func:`roll_call_status`), as the scorer's gold does.

Example:
    >>> is_officer_role("Clerk"), is_member_role("Vice-Chairman"), singular_role("Town Clerks")
    (True, True, 'Town Clerk')
    >>> list_for_role("present", "Mrs J Hall", "Clerk"), list_for_role("officers", "Cllr P Ostler", None)
    (('officers', 'Clerk'), ('present', None))
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = [
    "ROLE_HEADS",
    "ROLE_WORDS",
    "bare_word",
    "is_member_role",
    "is_officer_role",
    "is_plural_role",
    "is_role_word",
    "list_for_role",
    "roll_call_status",
    "singular_role",
]

# Words that make up office titles ("Chief of Staff", "Media Relations Director", "deputy treasurer").
ROLE_WORDS = frozenset(
    """chair chairman chairwoman chairperson vice-chair vice-chairman vice-chairperson vice deputy acting interim
    assistant senior principal head chief executive director directors officer officers manager managers clerk
    clerks treasurer treasurers treasure secretary supervisor supervisors trustee trustees mayor mayoress president
    reeve warden leader member members cabinet portfolio holder councillor councilman commissioner commissioners
    inspector inspectors fire police pcso pc sgt sergeant constable superintendent staff liaison counsel solicitor
    attorney lawyer engineer planner administrator accountant auditor assessor coordinator co-ordinator town city
    county borough parish village township district council weed road roads public affairs relations media
    legislative law legal development regional government education sustainability operating operations finance
    financial planning services service housing health transport transportation safety community communications
    governance democratic corporate strategy policy resident residents guest guests visitor visitors web general
    special minute minutes taker responsible a/director representative non-executive administrative administration
    municipal works environment environmental economic enterprise tourism culture cultural recreation leisure parks
    highways waste children's children adult adults social care people human resources technology digital
    information customer property estates assets regeneration growth infrastructure capital projects project
    neighbourhoods neighborhoods communities climate sport libraries arts heritage design building control licensing
    revenues benefits audit risk procurement commissioning integrated strategic performance quality assurance
    standards safeguarding engagement participation partnerships business support shared transformation delivery
    contracts fleet utilities water equal opportunity area ward local national programme program research marketing
    events mobility place-making placemaking patrolman foreman custodian caretaker groundsman lengthsman ranger
    nurse medical clinical company board committee panel scrutiny nursing pro tem tempore""".split()
)
# Office nouns: a name ends where one of these starts ("Mr Paul Brandon Administrator ...").
ROLE_HEADS = frozenset(
    """chair chairman chairwoman chairperson vice-chair vice-chairman officer officers manager managers director
    directors clerk clerks treasurer treasurers secretary supervisor supervisors trustee trustees mayor mayoress
    president reeve warden leader member members councillor councilman commissioner commissioners inspector
    administrator engineer planner solicitor counsel attorney accountant auditor assessor coordinator co-ordinator
    liaison patrolman foreman custodian caretaker superintendent pcso constable sergeant sgt representative
    nurse""".split()
)
# Plural words that end an office title without being a plural role ("Democratic Services").
_PLURAL_NOUNS = {"services", "affairs", "relations", "operations"}
# Officers' roles that move a person out of a members' list ("clerk Linda Britton", "Mrs C Hardy (Clerk)").
_OFFICER_RE = re.compile(
    r"\b(?:clerks?|treasur\w*|inspectors?|fire\s+chief|patrolm[ae]n|forem[ae]n|custodian|caretaker|attorney|"
    r"solicitor|counsel|engineer|planner|managers?|administrators?|assessor|auditor|accountant|co-?ordinator|liaison|"
    r"minute[s]?\s+(?:taker|secretary)|democratic\s+services|staff|rfo)\b",
    re.I,
)
# ... and in an "also present" list, any official: directors, officers, chiefs, the (executive) mayor.
_OFFICER_EXTRA_RE = re.compile(
    r"\b(?:mayor|chief|commissioner|directors?|a/director|officers?|secretary|executive)\b", re.I
)
_NOT_OFFICER_RE = re.compile(r"\b(?:police|pcso|pc|constable|sergeant|sgt|superintendent)\b", re.I)
_MEMBER_RE = re.compile(
    r"\b(?:councill?ors?|cllrs?|members?|chair\w*|vice|president|supervisors?|trustees?|aldermen|alderman|reeve|"
    r"warden|leader|portfolio|guests?|residents?|visitors?)\b",
    re.I,
)
# A roll call prints each member's status where a role would be: "Councilmember Baker – Absent".
_STATUS = re.compile(
    r"(?i)^(?:(?P<excused>excused|absent\s*\(?(?:excused|with\s+apologies)\)?|apologies)"
    r"|(?P<absent>absent)|present|here)$"
)
_COUNCILLOR = re.compile(
    r"(?i)\b(?:cllrs?|councill?ors?|councilors?|cr|councilmembers?|council\s+members?|aldermen|alderman)\b"
)


def bare_word(token: str) -> str:
    """A printed word as the vocabularies here and in :mod:`~minutes_nlp.structure.names` hold it.

    Example:
        >>> bare_word("(Chairman),"), bare_word("O’Neill.")
        ('chairman', "o'neill")
    """
    return token.strip(" ,;:.()*_").lower().replace("’", "'")


def is_role_word(token: str) -> bool:
    """True for a word of an office title, as printed; "Finance/Treasurer" counts when each part does.

    Example:
        >>> is_role_word("Director"), is_role_word("Finance/Treasurer,"), is_role_word("Smith")
        (True, True, False)
    """
    word = bare_word(token)
    return word in ROLE_WORDS or ("/" in word and all(part in ROLE_WORDS for part in word.split("/") if part))


def is_plural_role(role: str) -> bool:
    """True for a role printed in the plural ("Treasurers", "Town Clerks"), which applies to the names after it.

    Example:
        >>> is_plural_role("Town Clerks"), is_plural_role("Democratic Services"), is_plural_role("Clerk")
        (True, False, False)
    """
    last = role.split()[-1].lower()
    return last.endswith("s") and last[:-1] in ROLE_WORDS and last not in _PLURAL_NOUNS


def singular_role(role: str) -> str:
    """The role one person of a plural role holds: "Town Clerks" -> "Town Clerk"; other roles unchanged.

    Example:
        >>> singular_role("supervisors"), singular_role("Head of Democratic Services")
        ('supervisor', 'Head of Democratic Services')
    """
    words = role.split()
    return " ".join(words[:-1] + [words[-1][:-1]]) if is_plural_role(role) else role


def is_officer_role(role: str | None, *, also: bool = False) -> bool:
    """True for council officers' roles (clerk, treasurer, director, ...); ``also`` adds mayor and chiefs.

    Example:
        >>> is_officer_role("deputy treasurer"), is_officer_role("Chairman"), is_officer_role("Mayor", also=True)
        (True, False, True)
    """
    if not role or _NOT_OFFICER_RE.search(role):
        return False
    if _OFFICER_RE.search(role):
        return True
    return also and bool(_OFFICER_EXTRA_RE.search(role)) and not re.search(r"(?i)\bcouncill?or|\bmember", role)


def is_member_role(role: str | None) -> bool:
    """True for members' roles: Chairman, Mayor, Councillor, Cabinet Member, Supervisor, ...

    Example:
        >>> is_member_role("Cabinet Member for Housing"), is_member_role("Mayor"), is_member_role("Town Clerk")
        (True, True, False)
    """
    return bool(role) and bool(_MEMBER_RE.search(role or "") or re.search(r"\bmayor\b", role or "", re.I))


def roll_call_status(role: str | None) -> Literal["present", "apologies", "absent"] | None:
    """The list a roll-call status printed as a role puts its member in; None for any other role.

    Example:
        >>> roll_call_status("Absent (excused)"), roll_call_status("Absent"), roll_call_status("Here")
        ('apologies', 'absent', 'present')
        >>> roll_call_status("Clerk") is None
        True
    """
    status = _STATUS.match(role or "")
    if status is None:
        return None
    return "apologies" if status.group("excused") else "absent" if status.group("absent") else "present"


def list_for_role(kind: str, name: str, role: str | None, *, role_before: bool = False) -> tuple[str, str | None]:
    """``(list, role)``: where a person printed under a ``kind`` label goes, given their role.

    ``kind`` is the label's list ("present", "chair", "also", "officers", "absent", "apologies",
    "public"); ``role_before`` says the role was printed before the name ("treasurer Ray Barnes").
    The role is dropped when it only said why a member was absent. A roll-call status printed as
    a role is for :func:`roll_call_status`, which callers check first.

    Example:
        >>> list_for_role("present", "Mrs J Hall", "Clerk"), list_for_role("present", "Ann Pike", "Director")
        (('officers', 'Clerk'), ('present', 'Director'))
        >>> list_for_role("also", "Ann Pike", "Director"), list_for_role("absent", "Councilmember Novak", "excused")
        (('officers', 'Director'), ('apologies', None))
    """
    if kind in ("present", "chair"):
        return ("officers" if is_officer_role(role) and not is_member_role(role) else "present"), role
    if kind == "also":
        also_officer = role_before or role is not None
        return ("officers" if also_officer and is_officer_role(role, also=True) else "present"), role
    if kind == "officers" and (_COUNCILLOR.match(name) or _COUNCILLOR.search(role or "")):
        return "present", role  # "In attendance: Mrs L Keble (Clerk), District Cllr P Ostler"
    if kind == "absent" and role and re.search(r"(?i)\bexcused|apolog|leave", role):
        return "apologies", None  # "Absent: Councilmember Novak (excused)"
    return kind, role
