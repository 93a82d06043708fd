"""Normalisation used by the scorer: word sets, surnames and speakers.

Example:
    >>> jaccard(word_set("The minutes be APPROVED."), word_set("the minutes be approved"))
    1.0
    >>> surname_key("Mr B J Sweetland OBE"), surname_key("Collins (M)"), surname_key("Collins (M)", keep_qualifier=True)
    ('sweetland', 'collins', 'collins (m)')
    >>> same_speaker("Cllr J. Cooper", "Councillor Cooper")
    True
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "jaccard", "same_speaker", "surname_key", "word_set"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TITLES = {
    "councillor", "councilor", "cllr", "cllr.", "cr", "mr", "mrs", "ms", "miss", "dr", "prof", "sir",
    "dame", "lord", "lady", "rev", "revd", "the", "councilman", "councilwoman", "councilmember",
    "alderman", "alderperson", "supervisor", "mayor", "deputy", "hon", "honourable", "honorable",
}
_HONOURS = {"mbe", "obe", "cbe", "kbe", "dbe", "jp", "mp", "dl", "bem", "qc", "kc", "phd", "ma", "bsc", "frs"}
_ROLE_STOP = {"the", "for", "of", "and", "&"}
_QUALIFIER = re.compile(r"\(([^)]{1,4})\)\s*$")


def fold(text: str) -> str:
    """Lower-case, accents and curly quotes folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def word_set(text: str | None) -> frozenset[str]:
    """The set of words of ``text`` after lower-casing and dropping punctuation."""
    return frozenset(_WORD.findall(fold(text or "")))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def surname_key(name: str | None, *, keep_qualifier: bool = False) -> str:
    """A person's surname, lower-cased: "Mr B J Sweetland OBE" -> "sweetland".

    Titles, initials and honours are dropped; the last remaining word is the surname.
    GOLD_FORMAT scores attendance and movers by surname, so a printed qualifier is
    dropped ("Collins (M)" -> "collins") unless ``keep_qualifier`` ("collins (m)").
    """
    if not name:
        return ""
    text = fold(name).strip()
    qualifier = ""
    match = _QUALIFIER.search(text)
    if match:
        qualifier = f" ({match.group(1).strip()})" if keep_qualifier else ""
        text = text[: match.start()]
    words = [w for w in re.findall(r"[^\W_][\w'\-]*", text) if w not in _TITLES and w not in _HONOURS]
    words = [w for w in words if len(w.strip(".")) > 1] or words
    if not words:
        return qualifier.strip()
    return words[-1].strip("'-") + qualifier


_CHAIR_FORMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chairs": "chair"}


def _content_words(text: str) -> list[str]:
    """Words that name a person or role: titles, "the"/"for"/"of", initials and honours dropped.

    A role that is only a title word ("Mayor", "the Deputy Mayor") keeps its words, and
    "Chairman"/"Chairwoman"/"Chairperson" are all "chair".
    """
    words = [_CHAIR_FORMS.get(w, w) for w in re.findall(r"[^\W_][\w'\-]*", fold(_QUALIFIER.sub("", text)))]
    kept = [w for w in words if w not in _TITLES and w not in _ROLE_STOP and w not in _HONOURS and len(w.strip(".")) > 1]
    return kept or [w for w in words if w not in _ROLE_STOP]


def _looks_like_person(text: str) -> bool:
    words = re.findall(r"[^\W_][\w'\-]*", fold(text))
    return bool(words) and (words[0] in _TITLES - {"the", "deputy", "mayor"} or bool(_QUALIFIER.search(text)))


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """True when ``predicted`` names the same person or role as ``gold``.

    Example:
        >>> same_speaker("Councillor Cooper", "Cllr J. Cooper"), same_speaker("Chair", "the chair")
        (True, True)
        >>> same_speaker("Councillor Cooper", "Councillor Patel")
        False
    """
    if not gold or not predicted:
        return False
    gold_words, pred_words = _content_words(gold), _content_words(predicted)
    if gold_words and gold_words == pred_words:
        return True
    if _looks_like_person(gold) or _looks_like_person(predicted):
        return surname_key(gold) == surname_key(predicted) != ""
    return False
