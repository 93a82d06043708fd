"""Speaker names: display forms and resolution against the attendance list (the roster).

A named mention is shown as its title and surname ("Clerk Carrie Landman" -> "Clerk
Landman", "Cllr Mrs Mann" -> "Cllr Mann"), or as printed when it has no title ("Tony
Doran"). A role ("the Chairman") resolves to the person the attendance list gives that
role; a surname, a first name or a surname with its qualifier ("Collins (M)") resolves to
the one participant who fits, and to nobody when several do.

Example:
    >>> roster = Roster([{"name": "Mr B J Sweetland", "role": "Chairman", "person_id": "sweetland-b"}])
    >>> roster.by_role("Chairman")["person_id"], roster.by_name("Mr Sweetland")["role"]
    ('sweetland-b', 'Chairman')
    >>> display_name("Clerk Carrie Landman", {"Clerk"})
    'Clerk Landman'
"""
from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any, Iterable

__all__ = ["Roster", "display_name", "fold", "plain_speaker", "role_key", "role_phrase", "same_speaker", "speaker_from_person", "surname"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_][\w’'\-]*")
_QUALIFIER = re.compile(r"\(([^)]{1,4})\)\s*$")
_HONORIFICS = {
    "councillor", "councilor", "cllr", "cr", "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir",
    "dame", "lord", "lady", "rev", "revd", "reverend", "the", "alderman", "hon", "bc", "cc", "dc", "county",
    "district", "borough", "parish", "town", "city", "councilman", "councilwoman", "councilmember",
}
_HONOURS = {"mbe", "obe", "cbe", "kbe", "dbe", "jp", "mp", "dl", "bem", "qc", "kc", "phd"}
_ROLE_STOP = {"the", "of", "for", "and", "&", "a", "an", "council", "committee", "meeting", "panel", "board"}
_CHAIR = {"chair", "chairman", "chairperson", "chairwoman", "chairs"}


def fold(text: str) -> str:
    """Lower-case with accents and curly apostrophes folded: "O’Brien" -> "o'brien"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").lower()


def _words(name: str) -> list[str]:
    return _WORD.findall(_QUALIFIER.sub("", name))


def surname(name: str) -> str:
    """The folded surname, with a printed qualifier: "Councillor Collins (M)" -> "collins (m)".

    Example:
        >>> surname("Mr R J Gough OBE"), surname("Collins (M)")
        ('gough', 'collins (m)')
    """
    qualifier = _QUALIFIER.search(name)
    words = [w for w in (fold(w).strip(".") for w in _words(name)) if w not in _HONORIFICS and w not in _HONOURS]
    words = [w for w in words if len(w) > 1] or words
    if not words:
        return ""
    return words[-1] + (f" ({fold(qualifier.group(1)).strip()})" if qualifier else "")


def _given_names(name: str) -> list[str]:
    words = [fold(w).strip(".") for w in _words(name)]
    words = [w for w in words if w not in _HONORIFICS and w not in _HONOURS]
    return [w for w in words[:-1] if len(w) > 1]


def _initials(name: str) -> set[str]:
    """Initials a participant may be minuted by: printed ones ("(LH)"), else first letters of the names."""
    printed = re.findall(r"\(([A-Z]{2,4})\)", name)
    if printed:
        return set(printed)
    words = [w for w in _words(name) if fold(w).strip(".") not in _HONORIFICS and fold(w).strip(".") not in _HONOURS]
    letters = [w[0].upper() for w in words if w[:1].isalpha()]
    if len(letters) < 2:
        return set()
    return {"".join(letters), letters[0] + letters[-1]}


def role_key(role: str | None) -> tuple[str, ...]:
    """Content words of a role, chair synonyms folded: "the Chairman" -> ("chair",)."""
    if not role:
        return ()
    words = [fold(w) for w in _WORD.findall(role)]
    return tuple("chair" if w in _CHAIR else w for w in words if w not in _ROLE_STOP and len(w) > 1)


def display_name(mention: str, titles: Iterable[str]) -> str:
    """Title and surname of a titled mention, else the mention as printed (spaces squashed).

    Example:
        >>> display_name("Cllr Mrs Mann", {"Cllr", "Mrs"}), display_name("Tony Doran", {"Mr"})
        ('Cllr Mann', 'Tony Doran')
        >>> display_name("Parish Councillor Ann Whitlock", {"Parish Councillor", "Councillor"})
        'Parish Councillor Whitlock'
    """
    text = " ".join(mention.split())
    ordered = sorted(set(titles), key=len, reverse=True)
    lead, rest = [], text
    while rest:
        title = next((t for t in ordered if rest == t or rest.startswith((t + " ", t + ". ", t + "."))), None)
        if title is None:
            break
        cut = len(title) + (1 if rest[len(title) : len(title) + 1] == "." else 0)
        lead.append(rest[:cut])
        rest = rest[cut:].lstrip()
    words = rest.split(" ") if rest else []
    if not lead or not words:
        return text
    qualifier = ""
    if _QUALIFIER.fullmatch(words[-1]):
        qualifier = " " + words.pop()
    return f"{lead[0]} {words[-1]}{qualifier}" if words else text


class Roster:
    """The people an attendance list names, indexed by surname, first name and role."""

    def __init__(self, people: Iterable[dict[str, Any]] | None = None) -> None:
        self.people = [p for p in (people or ()) if p and (p.get("name") or p.get("role"))]
        self._surnames: dict[str, list[dict[str, Any]]] = {}
        self._bare: dict[str, list[dict[str, Any]]] = {}
        self._given: dict[str, list[dict[str, Any]]] = {}
        self._initials: dict[str, list[dict[str, Any]]] = {}
        for person in self.people:
            for key in _initials(person.get("name") or ""):
                self._initials.setdefault(key, []).append(person)
            name = person.get("name") or ""
            key = surname(name)
            if key:
                self._surnames.setdefault(key, []).append(person)
                self._bare.setdefault(key.split(" (")[0], []).append(person)
            for given in _given_names(name)[:1]:
                self._given.setdefault(given, []).append(person)

    def __bool__(self) -> bool:
        return bool(self.people)

    def knows_surname(self, name: str) -> bool:
        """True when some participant has the surname of ``name``."""
        key = surname(name)
        return key in self._surnames or key.split(" (")[0] in self._bare

    def by_name(self, name: str) -> dict[str, Any] | None:
        """The one participant ``name`` fits (surname, then initials or first name), else None."""
        key = surname(name)
        candidates = self._surnames.get(key) or ([] if "(" in key else self._bare.get(key, []))
        if len(candidates) > 1:
            given = _given_names(name)
            if given:
                candidates = [p for p in candidates if given[0] in _given_names(p.get("name") or "")]
            else:
                initials = [w[0] for w in (fold(w) for w in _words(name)) if len(w.strip(".")) == 1]
                if initials:
                    candidates = [p for p in candidates if any(g.startswith(initials[0]) for g in _given_names(p.get("name") or "") + [fold(w) for w in _words(p.get("name") or "")])]
        return candidates[0] if len(candidates) == 1 else None

    def by_first_name(self, word: str) -> dict[str, Any] | None:
        """The one participant whose first name is ``word``, else None."""
        candidates = self._given.get(fold(word), [])
        return candidates[0] if len(candidates) == 1 else None

    def by_initials(self, initials: str) -> dict[str, Any] | None:
        """The one participant known by ``initials`` ("LH" for "Linda Harris" or "Ms L Harris (LH)"), else None."""
        candidates = self._initials.get(initials.upper(), [])
        return candidates[0] if len(candidates) == 1 else None

    def by_role(self, role: str) -> dict[str, Any] | None:
        """The participant holding ``role``: an exact match, else the shortest role that starts with it."""
        key = role_key(role)
        if not key:
            return None
        exact = [p for p in self.people if role_key(p.get("role")) == key]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        longer = [p for p in self.people if role_key(p.get("role"))[: len(key)] == key]
        if not longer:
            return None
        shortest = min(len(role_key(p.get("role"))) for p in longer)
        best = [p for p in longer if len(role_key(p.get("role"))) == shortest]
        return best[0] if len(best) == 1 else None


def role_phrase(text: str | None, *, capitalised_only: bool = False) -> str | None:
    """A role printed beside a name ("General Counsel", "the Leader of the Group"), else None."""
    if not text:
        return None
    words = text.split()
    if not words or len(words) > 12:
        return None
    if words[0].lower() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return None
    if capitalised_only and any(w[:1].islower() and w not in ("and", "of", "for", "the", "&") for w in words):
        return None
    return " ".join(words).rstrip(",")


def plain_speaker(speaker: dict[str, Any]) -> dict[str, Any]:
    """Only the ``name``, ``role`` and ``person_id`` of a speaker dict."""
    return {"name": speaker.get("name"), "role": speaker.get("role"), "person_id": speaker.get("person_id")}


def speaker_from_person(person: dict[str, Any], role: str | None) -> dict[str, Any]:
    """A speaker dict for an attendance entry, with the role as mentioned (else the listed one)."""
    return {"name": person.get("name") or None, "role": role or person.get("role"), "person_id": person.get("person_id")}


def same_speaker(gold: dict[str, Any], guess: dict[str, Any]) -> bool:
    """Same person id, surname or role (chair synonyms folded).

    Example:
        >>> same_speaker({"name": "Cllr J Cooper"}, {"name": "Councillor Cooper"}), same_speaker({"role": "Chair"}, {"role": "the Chairman"})
        (True, True)
    """
    if gold.get("person_id") and gold.get("person_id") == guess.get("person_id"):
        return True
    if gold.get("name") and guess.get("name") and surname(gold["name"]) == surname(guess["name"]):
        return True
    return bool(gold.get("role")) and role_key(gold.get("role")) == role_key(guess.get("role"))
