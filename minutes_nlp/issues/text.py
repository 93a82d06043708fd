"""Words, light stems and candidate phrases for issue mining (no POS tagger needed).

A *candidate phrase* is a run of content words bounded by punctuation, numbers and stop
words, as in RAKE. A phrase's *key* is the sorted tuple of its light stems, so word order,
plurals, possessives and British/American spelling do not matter:

Example:
    >>> phrase_key("Built Environment Review") == phrase_key("review of the built environments")
    True
    >>> [p.text for p in candidate_phrases("Repairs to the leisure centre roof: update", max_words=2)]
    ['repairs', 'leisure', 'leisure centre', 'centre', 'centre roof', 'roof']
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

logger = logging.getLogger(__name__)

__all__ = ["Phrase", "candidate_phrases", "chunks", "phrase_key", "stem", "tokens", "EDGE_WORDS", "GENERIC_WORDS", "STOP_WORDS"]

# scikit-learn's list minus words that are topics in council minutes ("fire", "mill", "bill", ...).
_KEEP = {"fire", "mill", "bill", "system", "interest", "detail", "front", "side", "part", "full", "top", "bottom",
         "empty", "fill", "call", "move", "found", "find", "show", "describe", "amount", "name", "serious", "thick",
         "thin", "back", "first", "third", "former", "hundred"}
# Reporting verbs and fillers of minutes prose, which end a phrase like a stop word does.
_MINUTES_STOP = """
said says say asked ask asks noted note notes agreed agree agrees explained explain felt feel considered
consider reported advised advise responded respond stated state added add introduced introduce suggested
suggest replied raised raise welcomed welcome thanked thank moved seconded resolved carried requested request
informed inform highlighted expressed proposed commented queried discussed received confirmed confirm
questioned questions acknowledged acknowledge accepted clarified clarify indicated indicate referred refer
outlined outline presented present updated believed believe thought think stressed emphasised emphasized
pointed point went goes going come came made make makes like likely just really also told know knew want
wanted wished wish hoped hope needed need needs ending ended approved submitted held hold holds whilst yes did
does doing had has having been being got getting able unable new given give gives taken include included
includes including current currently possible following follows approximately around per cent percent mr mrs
ms miss dr cllr cllrs councillor councillors member members officer officers chair chairman chairperson
chairwoman vice mayor clerk clerks supervisor supervisors commissioner commissioners trustee trustees time
times year years month months week weeks day days today yesterday date meeting meetings item items january
february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday am pm jan feb mar apr jun jul aug sep sept oct nov dec aye ayes nay nays yea
yeas second seconds motion motioned unanimously unanimous vote voted voting totaling totalling totaled
totalled start started starting leaving available online good idea commencing commence commenced concerning
regarding proposer seconder
""".split()
STOP_WORDS: frozenset[str] = frozenset((set(ENGLISH_STOP_WORDS) - _KEEP) | set(_MINUTES_STOP))

# Words that never make a topic on their own: dropped from a key unless nothing else is left.
GENERIC_WORDS: frozenset[str] = frozenset("""
update updates report reports review reviews progress option options proposal proposals draft final annual
quarterly monthly quarter verbal oral interim further matter matters issue issues general plan council
councils county borough district city town township parish committee committees cabinet board panel authority
authorities local government ordinance ordinances resolution resolutions emergency authorize authorise
authorizing authorising amend amends amending amendment section sections codified approve approval approving
adopt adopted adoption noting consideration recommendation recommendations decision decisions update outcome
outcomes overview summary statement statements paper papers item items performance management step ordinary
special extraordinary head heads manager managers executive chief director directors leader leaders portfolio
holder holders service services department departments team
""".split())

# Generic words that only ever qualify a topic ("... update", "draft ..."): a multi-word
# candidate phrase may not start or end with one.
EDGE_WORDS: frozenset[str] = frozenset("""
update report review progress option proposal draft final annual quarterly monthly quarter verbal oral interim
further matter issue general noting step consideration recommendation decision outcome overview summary
statement paper item performance approve approval adopt adopted adoption amend amending amendment authorise
authorize
""".split())

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.:/\-]*\w*|[^\sA-Za-z\d]")
_SPELLING = {"center": "centre", "centers": "centres", "program": "programme", "programs": "programmes",
             "theater": "theatre", "neighbor": "neighbour", "neighborhood": "neighbourhood", "color": "colour",
             "labor": "labour", "favor": "favour", "defense": "defence", "license": "licence", "licenses": "licences",
             "licensing": "licencing", "traveler": "traveller", "travelers": "travellers", "parking": "parking"}


class Phrase(NamedTuple):
    """A candidate phrase: its text as written (lower-cased) and its order-free key."""

    text: str
    key: tuple[str, ...]


def tokens(text: str) -> list[str]:
    """Split text into words, numbers and single punctuation marks.

    Example:
        >>> tokens("Leisure Centre: £1.9m repairs")
        ['Leisure', 'Centre', ':', '£', '1.9m', 'repairs']
    """
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, readable stem: lower case, no possessive or plural, one spelling.

    Example:
        >>> [stem(w) for w in ["Centres", "policies", "Council's", "licenses", "buses"]]
        ['centre', 'policy', 'council', 'licence', 'bus']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    w = w.strip("'-")
    w = _SPELLING.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "uses")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        w = w[:-1]
    if w.endswith("ize") or w.endswith("izing") or w.endswith("ization"):
        w = w.replace("iz", "is")
    return _SPELLING.get(w, w)


def _is_word(token: str) -> bool:
    return token[0].isalpha() and len(token) > 1


def chunks(text: str, *, stop_words: Iterable[str] = STOP_WORDS) -> Iterator[list[str]]:
    """Runs of content words (as written), split at stop words, numbers and punctuation.

    Example:
        >>> list(chunks("The cost of the new leisure centre, 2024"))
        [['cost'], ['leisure', 'centre']]
    """
    stops = stop_words if isinstance(stop_words, (set, frozenset)) else frozenset(stop_words)
    run: list[str] = []
    for tok in tokens(text):
        low = tok.lower().replace("’", "'")
        if _is_word(tok) and low not in stops and low.split("'")[0] not in stops:
            run.append(tok)
            continue
        if run:
            yield run
            run = []
    if run:
        yield run


def phrase_key(text: str | Iterable[str], *, generic: bool = False) -> tuple[str, ...]:
    """Sorted unique stems of the content words; generic words dropped unless nothing else is left.

    Example:
        >>> phrase_key("Leisure centre update")
        ('centre', 'leisure')
        >>> phrase_key("Performance Report")
        ('performance', 'report')
    """
    words = tokens(text) if isinstance(text, str) else list(text)
    stems = [stem(w) for w in words if _is_word(w) and w.lower() not in STOP_WORDS]
    stems = [s for s in stems if s and s not in STOP_WORDS]
    content = [s for s in stems if s not in GENERIC_WORDS]
    return tuple(sorted(set(stems if generic or not content else content)))


def candidate_phrases(text: str, *, max_words: int = 3, stop_words: Iterable[str] = STOP_WORDS) -> list[Phrase]:
    """Every n-gram (1..max_words) inside each stop-word-bounded run of content words.

    Example:
        >>> [p.key for p in candidate_phrases("swimming pools", max_words=2)]
        [('swimming',), ('pool', 'swimming'), ('pool',)]
    """
    out: list[Phrase] = []
    for run in chunks(text, stop_words=stop_words):
        low = [w.lower().replace("’", "'") for w in run]
        stems = [stem(w) for w in low]
        for i in range(len(low)):
            for n in range(1, max_words + 1):
                if i + n > len(low):
                    break
                first, last = stems[i], stems[i + n - 1]
                if n == 1 and first in GENERIC_WORDS:
                    continue
                if n > 1 and len(low[i + n - 1]) > 4 and low[i + n - 1].endswith("ed"):
                    continue  # "correspondence circulated", "report dated": a verb, not a topic
                if first in EDGE_WORDS or last in EDGE_WORDS:
                    continue  # "leisure centre update" adds nothing to "leisure centre"
                out.append(Phrase(" ".join(low[i : i + n]), _key(stems[i : i + n])))
    return out


def _key(stems: list[str]) -> tuple[str, ...]:
    kept = [s for s in stems if s and s not in STOP_WORDS]
    content = [s for s in kept if s not in GENERIC_WORDS]
    return tuple(sorted(set(content or kept)))
