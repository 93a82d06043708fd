"""Words split across a line end: join "Cimper- man" into "Cimperman", keep "Crow-Brown".

A body (or heading) line that ends in a hyphen straight after a letter, followed (in
reading order, margin notes skipped, across columns and pages) by a line of the same
kind starting with a letter or digit, is a candidate. The word is always made whole
on the first line (the continuation moves up, and a line left empty disappears), so
no word is ever split across two lines; the only question is whether the hyphen
stays. In this order:

1. a digit on either side keeps it ("2026-27", "Section 12-");
2. the document's own evidence: if the joined form ("cimperman") or the hyphenated
   form ("vice-chair") appears elsewhere in the document inside a line, the more
   frequent form wins;
3. a capital letter after the hyphen keeps it ("Crow-Brown", "Anglo-French"),
   unless both parts are in capitals (a heading in capitals breaks like any word);
4. a prefix that is usually hyphenated ("self", "cross", "non", "co", "multi",
   "anti", "semi", "well", "vice", "mid", "post") keeps it when the continuation is a
   word the document uses on its own ("cross-party", "non-profit", but "post-ponement"
   is joined, "ponement" being no word);
5. otherwise join. Line-end hyphens in typeset minutes are overwhelmingly word breaks;
   PDFium's U+FFFE marker (any letter-hyphen-letter across a line end) and a real
   soft hyphen (U+00AD) say the same, so both join here too.

Example:
    >>> from minutes_nlp.readers.pdf.layout import LineRecord
    >>> def line(text): return LineRecord(text, 0, 0, 100, 10, 10, False)
    >>> page = [line("Councilmen present: Britt, Cimper-"), line("man, Cintron and Mr D Crow-"), line("Brown.")]
    >>> join_hyphens([page])
    2
    >>> [l.text for l in page]
    ['Councilmen present: Britt, Cimperman,', 'Cintron and Mr D Crow-Brown.']
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Sequence

from minutes_nlp.readers.pdf.layout import LineRecord

logger = logging.getLogger(__name__)

__all__ = ["HYPHEN_PREFIXES", "join_hyphens", "should_join"]

HYPHEN_PREFIXES = frozenset({"self", "cross", "non", "co", "multi", "anti", "semi", "well", "vice", "mid", "post"})
_HYPHENS = ("-", "\u2010", "\u00ad")
_PROSE = ("body", "heading")  # kinds whose words may run on to the next line of the same kind
# words are counted after turning punctuation (but not hyphens or apostrophes) into spaces
_PUNCTUATION = re.compile("[\"()\\[\\]{}<>.,;:!?\u2018\u201c\u201d/\\\\|*&+=@#$%^~`_\u2013\u2014]")
_EDGE_PUNCT = "\"'()[]{}<>.,;:!?\u2018\u2019\u201c\u201d"


def should_join(head: str, tail: str, vocabulary: Counter[str]) -> bool:
    """Whether ``head``-``tail`` split at a line end is one word without the hyphen.

    Example:
        >>> should_join("Cimper", "man", Counter()), should_join("Crow", "Brown", Counter())
        (True, False)
        >>> should_join("cross", "party", Counter({"party": 3}))
        False
    """
    if not head or not tail:
        return False
    if head[-1].isdigit() or tail[0].isdigit():
        return False
    joined = vocabulary[(head + tail).casefold()]
    hyphenated = vocabulary[f"{head}-{tail}".casefold()]
    if joined or hyphenated:
        return joined >= hyphenated
    if tail[0].isupper() and not (head.isupper() and tail.isupper()):
        return False
    if head.casefold() in HYPHEN_PREFIXES and vocabulary[tail.casefold()]:
        return False
    return True


def join_hyphens(pages: Sequence[list[LineRecord]]) -> int:
    """Make words split at line ends whole, in place; returns how many were mended."""
    pairs = []
    last = None
    for lines in pages:
        for line in lines:
            kind = line.kind
            if kind == "margin_note":
                continue
            if last is not None and kind == last.kind and line.text[:1].isalnum():
                pairs.append((last, line))
            text = line.text
            split = kind in _PROSE and len(text) >= 2 and text[-1] in _HYPHENS and text[-2].isalnum()
            last = line if split else None
    if not pairs:
        return 0
    # the document's own words, counted once over all its text; a continuation's own
    # occurrence is taken off again below (a split head keeps its hyphen, so never counts)
    text = _PUNCTUATION.sub(" ", "\n".join([line.text for lines in pages for line in lines]).casefold())
    vocabulary = Counter(text.split())
    split = []
    for line, nxt in pairs:
        head = line.text[:-1].rsplit(None, 1)[-1].lstrip(_EDGE_PUNCT)
        tail_token, _, rest = nxt.text.partition(" ")
        tail = tail_token.rstrip(_EDGE_PUNCT)
        vocabulary[tail.casefold()] -= 1
        split.append((line, nxt, head, tail_token, tail, rest))
    emptied = set()
    for line, nxt, head, tail_token, tail, rest in split:
        if id(line) in emptied or not nxt.text.startswith(tail_token):
            continue
        hyphen = line.text[-1]
        join = hyphen == "\u00ad" or should_join(head, tail, vocabulary)
        line.text = line.text[:-1] + tail_token if join else line.text[:-1] + "-" + tail_token
        nxt.text = rest.lstrip()
        if not nxt.text:
            emptied.add(id(nxt))
    if emptied:
        for lines in pages:
            lines[:] = [line for line in lines if id(line) not in emptied]
    logger.debug("mended %d words split at line ends", len(split))
    return len(split)
