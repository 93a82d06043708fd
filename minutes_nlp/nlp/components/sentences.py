"""``minutes_sentences``: sentence boundaries that survive the abbreviations of minutes.

A full stop ends a sentence unless it follows a title or abbreviation ("Cllr.", "Mr.",
"Dr.", "No."), an initial ("J. Cooper") or a minute number at the start of a line ("274.").
Blank lines (paragraph breaks), a line ending in a colon and list bullets also start a
sentence, except inside a list whose items end in ";" (one sentence, as printed). Boundaries are found with one regular expression over ``doc.text`` and written
in one ``Doc.from_array`` call, so the component costs little more than spaCy's sentencizer.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("minutes_sentences")
    >>> [s.text for s in nlp("Cllr. J. Cooper asked about No. 5. Mr. Gough replied.").sents]
    ['Cllr. J. Cooper asked about No. 5.', 'Mr. Gough replied.']
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy
import srsly
from spacy import util
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from minutes_nlp.nlp.extensions import doc_text
from minutes_nlp.nlp.patterns import load_patterns

__all__ = ["SentenceSplitter", "make_sentence_scorer", "make_sentence_splitter"]

logger = logging.getLogger(__name__)

_STOP = re.compile(
    r"(?P<word>[\w’'/&-]*)(?P<punct>[.!?]+)[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•·▪●◦*–—-])"
)
_BREAK = re.compile(
    r"\n[ \t]*\n\s*(?=[^\sa-z])"  # paragraph (or page) break, unless the sentence goes on in lower case
    r"|:[ \t]*\n\s*(?=\S)"  # a line ending in a colon introduces a list
    r"|\n[ \t]*(?=(?:[•·▪●◦‣*–—-]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s)"  # a bulleted or numbered line
)


def _list_goes_on(text: str, match: re.Match[str]) -> bool:
    """A list whose items end in ";" is one sentence: "as follows: (a) ...; (b) ...; (c) ... ."."""
    before = text[: match.start() + 1].rstrip()
    if before.endswith((";", ",")):
        return True
    if before.endswith(":"):
        line_end = text.find("\n", match.end())
        first_item = text[match.end() : line_end if line_end >= 0 else len(text)].rstrip()
        return first_item.endswith((";", ","))
    return False


class SentenceSplitter(Pipe):
    """Set ``token.is_sent_start`` for minutes text (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "minutes_sentences",
        *,
        abbreviations: Iterable[str] | None = None,
        overwrite: bool = False,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        self.name = name
        self.overwrite = overwrite
        self.scorer = scorer
        self.abbreviations = set(abbreviations) if abbreviations is not None else {
            row["abbr"] for row in load_patterns("abbreviations")
        }

    def __call__(self, doc: Doc) -> Doc:
        if not self.overwrite and doc.has_annotation("SENT_START"):
            return doc
        return self.set_annotations(doc, self.find(doc_text(doc)))

    def find(self, text: str) -> list[int]:
        """Character offsets where a sentence starts (after the first), in order.

        Example:
            >>> SentenceSplitter(None, abbreviations=["Mr"]).find("Mr. A spoke. He left.")
            [13]
        """
        starts = []
        for match in _STOP.finditer(text):
            if match.group("punct") == "." and self._keeps_going(text, match):
                continue
            starts.append(match.end())
        starts.extend(match.end() for match in _BREAK.finditer(text) if not _list_goes_on(text, match))
        return sorted(set(starts))

    def _keeps_going(self, text: str, match: re.Match[str]) -> bool:
        word = match.group("word")
        if word in self.abbreviations:
            return True
        if len(word) == 1 and word.isalpha():  # an initial ("J. Cooper"), "e.g.", but not "a.m."/"p.m."
            before = text[max(match.start() - 2, 0) : match.start()]
            return not (word == "m" and before in ("a.", "p."))
        if word.isdigit():  # a minute or list number at the start of a line: "274. Chairman's ..."
            line_start = text.rfind("\n", 0, match.start()) + 1
            return not text[line_start : match.start()].strip()
        return False

    def set_annotations(self, doc: Doc, starts: list[int]) -> Doc:
        """Mark the token at each offset (and the first token) as a sentence start."""
        if not len(doc):
            return doc
        values = numpy.full((len(doc), 1), -1, dtype="int32")
        values[0, 0] = 1
        if starts:
            idx = doc.to_array([IDX]).reshape(-1)
            positions = numpy.searchsorted(idx, numpy.asarray(starts, dtype=idx.dtype))
            values[positions[positions < len(doc)], 0] = 1
        doc.from_array([SENT_START], values.astype("uint64"))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = util.ensure_path(path)
        util.to_disk(path, {"abbreviations": lambda p: srsly.write_jsonl(p, [{"abbr": a} for a in sorted(self.abbreviations)])}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "SentenceSplitter":
        def read(p: Path) -> None:
            self.abbreviations = {row["abbr"] for row in srsly.read_jsonl(p)}

        util.from_disk(util.ensure_path(path), {"abbreviations": read}, exclude)
        return self


def score_sentences(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Precision, recall and F1 of sentence spans (``sents_p``, ``sents_r``, ``sents_f``)."""
    results = Scorer.score_spans(examples, "sents", **kwargs)
    del results["sents_per_type"]
    return results


def make_sentence_scorer() -> Callable[..., dict[str, Any]]:
    return score_sentences


@Language.factory(
    "minutes_sentences",
    assigns=["token.is_sent_start"],
    default_config={"overwrite": False, "scorer": {"@scorers": "minutes_nlp.sentence_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentence_splitter(
    nlp: Language, name: str, overwrite: bool, scorer: Callable[..., dict[str, Any]] | None
) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, overwrite=overwrite, scorer=scorer)


util.registry.scorers.register("minutes_nlp.sentence_scorer.v1", func=make_sentence_scorer)
