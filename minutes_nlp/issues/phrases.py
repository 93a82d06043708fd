"""Top TF-IDF candidate phrases per text: the :class:`KeyphraseExtractor` estimator.

Candidate phrases come from :func:`minutes_nlp.issues.text.candidate_phrases` (runs of content
words between stop words and punctuation), counted under their order-free key, so "built
environment review" and "review of the built environment" add up to one feature.

Example:
    >>> texts = ["The leisure centre roof leaks.", "Leisure centre opening hours were cut.",
    ...          "Potholes on Mill Road.", "Mill Road potholes and the leisure centre."]
    >>> kx = KeyphraseExtractor(max_phrases=2).fit(texts)
    >>> [k.phrase for k in kx.transform(["Potholes on Mill Road again"])[0]]
    ['mill road', 'potholes']
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from minutes_nlp.issues.text import STOP_WORDS, candidate_phrases

logger = logging.getLogger(__name__)

__all__ = ["Keyphrase", "KeyphraseExtractor"]


class Keyphrase(NamedTuple):
    """One ranked phrase: its readable form, its order-free key and its weight."""

    phrase: str
    key: tuple[str, ...]
    score: float


class KeyphraseExtractor(BaseEstimator, TransformerMixin):
    """Rank each text's candidate phrases by TF-IDF fitted on a collection of texts.

    ``transform`` returns, per text, up to ``max_phrases`` :class:`Keyphrase` tuples, best first.
    Phrases whose words are all inside a better-ranked phrase are skipped. ``length_weight``
    favours longer phrases (score times ``n_words ** length_weight``). ``exclude`` is a set of
    extra words (e.g. people's names) that end a phrase like a stop word. ``random_state`` is
    accepted for pipeline compatibility; nothing here is random.

    Example:
        >>> kx = KeyphraseExtractor(max_phrases=1).fit(["Council tax rise", "Bus services cut"])
        >>> kx.transform(["Council tax rise again"])[0][0].phrase
        'council tax rise'
        >>> kx.labels_[("bus",)]      # "services" is a generic word, so it is not in the key
        'bus services'

    Raises:
        ValueError: from ``fit`` when an argument is out of range.
    """

    def __init__(
        self,
        max_phrases: int = 10,
        max_words: int = 3,
        min_df: int | float = 1,
        max_df: int | float = 1.0,
        length_weight: float = 0.5,
        exclude: Iterable[str] = (),
        random_state: int | None = 0,
    ) -> None:
        self.max_phrases = max_phrases
        self.max_words = max_words
        self.min_df = min_df
        self.max_df = max_df
        self.length_weight = length_weight
        self.exclude = exclude
        self.random_state = random_state

    # -- fitting ---------------------------------------------------------------------------
    def _stop_words(self) -> frozenset[str]:
        extra = {w.lower() for w in self.exclude}
        return STOP_WORDS | extra if extra else STOP_WORDS

    def _analyse(self, text: str) -> list[str]:
        return [" ".join(p.key) for p in candidate_phrases(text, max_words=self.max_words, stop_words=self._stop_words())]

    def fit(self, X: Sequence[str], y: object = None) -> KeyphraseExtractor:
        """Learn phrase document frequencies and a readable label per key; returns self."""
        if not isinstance(self.max_phrases, int) or self.max_phrases < 1:
            raise ValueError(f"max_phrases must be an integer >= 1, got {self.max_phrases!r}")
        if not isinstance(self.max_words, int) or self.max_words < 1:
            raise ValueError(f"max_words must be an integer >= 1, got {self.max_words!r}")
        if self.length_weight < 0:
            raise ValueError(f"length_weight cannot be negative, got {self.length_weight!r}")
        texts = [str(t or "") for t in X]
        stops = self._stop_words()
        surfaces: dict[tuple[str, ...], Counter[str]] = {}
        for text in texts:
            for p in candidate_phrases(text, max_words=self.max_words, stop_words=stops):
                surfaces.setdefault(p.key, Counter())[p.text] += 1
        self.vectorizer_ = TfidfVectorizer(
            analyzer=self._analyse, min_df=self.min_df, max_df=self.max_df, sublinear_tf=True, lowercase=False
        )
        if any(surfaces):
            self.vectorizer_.fit(texts)
            self.vocabulary_: dict[tuple[str, ...], int] = {
                tuple(k.split(" ")): int(v) for k, v in sorted(self.vectorizer_.vocabulary_.items())
            }
        else:  # nothing to learn: every text is empty or stop words only
            logger.warning("no candidate phrases in %d texts", len(texts))
            self.vocabulary_ = {}
        self.labels_: dict[tuple[str, ...], str] = {
            key: min(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
            for key, counter in sorted(surfaces.items())
            if key in self.vocabulary_
        }
        return self

    # -- transforming ----------------------------------------------------------------------
    def transform(self, X: Sequence[str]) -> list[list[Keyphrase]]:
        """Top phrases of each text, best first (ties broken by key, so output is deterministic)."""
        check_is_fitted(self, "vocabulary_")
        texts = [str(t or "") for t in X]
        if not self.vocabulary_:
            return [[] for _ in texts]
        matrix = self.vectorizer_.transform(texts).tocsr()
        features = self.vectorizer_.get_feature_names_out()
        out: list[list[Keyphrase]] = []
        for row in range(matrix.shape[0]):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            scored = []
            for col, value in zip(matrix.indices[start:end], matrix.data[start:end]):
                key = tuple(str(features[col]).split(" "))
                scored.append((float(value) * len(key) ** self.length_weight, key))
            scored.sort(key=lambda sk: (-round(sk[0], 12), sk[1]))
            chosen: list[Keyphrase] = []
            for score, key in scored:
                if any(set(key) <= set(k.key) for k in chosen):
                    continue
                chosen.append(Keyphrase(self.labels_.get(key, " ".join(key)), key, round(score, 6)))
                if len(chosen) >= self.max_phrases:
                    break
            out.append(chosen)
        return out

    def idf(self, key: tuple[str, ...]) -> float:
        """The fitted inverse document frequency of a key (0.0 when unseen)."""
        check_is_fitted(self, "vocabulary_")
        col = self.vocabulary_.get(key)
        return 0.0 if col is None else float(np.asarray(self.vectorizer_.idf_)[col])
