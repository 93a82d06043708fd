"""``minutes_act_classifier``: a trained bag-of-words classifier of utterance acts.

A scikit-learn model wrapped as a component: the utterance's lower-cased words and word
pairs, hashed into a fixed space straight from spaCy's token arrays (no vocabulary to
store, no second tokenisation), and one logistic regression per act. The weights are
plain JSON (only the non-zero ones), shipped in ``minutes_nlp/nlp/models/acts.json`` and
written by ``scripts/train_acts.py``. The component writes ``Span._.act_scores``
(``{act: probability}``) on every utterance; ``minutes_acts`` turns them into acts.

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("Why?")
    >>> clf = ActClassifier.from_weights({"labels": ["question"], "n_features": 16, "ngram_range": [1, 2],
    ...     "intercepts": [0.0], "coef": {"question": []}})
    >>> clf.predict([doc[:]]).tolist()
    [[0.5]]
"""
from __future__ import annotations

import json
import logging
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy
from scipy.sparse import csr_matrix
from spacy import util
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from minutes_nlp.nlp.extensions import register_extensions

__all__ = ["FEATURES", "SHIPPED_MODEL", "ActClassifier", "featurize", "make_act_classifier"]

logger = logging.getLogger(__name__)

SHIPPED_MODEL = "acts.json"
FEATURES = "minutes_nlp.lower_ngrams.v1"  # words and word pairs; spaces and punctuation left out
_PAIR = numpy.uint64(1000003)
_PAIR_SALT = numpy.uint64(0x9E3779B97F4A7C15)


def featurize(spans: Sequence[Span], n_features: int, ngram_range: Sequence[int] = (1, 2)) -> csr_matrix:
    """Rows of L2-normalised counts of hashed lower-cased words (and word pairs) per span.

    Spaces and punctuation are left out.

    Words are spaCy's ``LOWER`` hashes (stable 64-bit string hashes), so training on texts
    tokenised by ``spacy.blank("en")`` and predicting in any English pipeline agree. The
    spans of one Doc are featurised together, with array operations.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("He asked why. He asked why.")
        >>> X = featurize([doc[0:4], doc[4:8]], 2**10)
        >>> X.shape, bool((X[0] != X[1]).nnz == 0)
        ((2, 1024), True)
    """
    size = numpy.uint64(n_features)
    rows: list[numpy.ndarray] = []
    cols: list[numpy.ndarray] = []
    index = 0
    while index < len(spans):  # runs of spans from the same Doc
        doc, stop = spans[index].doc, index + 1
        while stop < len(spans) and spans[stop].doc is doc:
            stop += 1
        _doc_features(doc, spans[index:stop], index, size, ngram_range, rows, cols)
        index = stop
    row = numpy.concatenate(rows) if rows else numpy.zeros(0, dtype="int64")
    col = numpy.concatenate(cols) if cols else numpy.zeros(0, dtype="int64")
    matrix = csr_matrix((numpy.ones(len(row)), (row, col)), shape=(len(spans), n_features))
    matrix.sum_duplicates()
    norms = numpy.sqrt(numpy.asarray(matrix.multiply(matrix).sum(axis=1)).reshape(-1))
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def _doc_features(doc: Doc, spans: Sequence[Span], first_row: int, size: numpy.uint64, ngram_range: Sequence[int],
                  rows: list[numpy.ndarray], cols: list[numpy.ndarray]) -> None:
    values = doc.to_array([LOWER, IS_SPACE, IS_PUNCT])
    starts = numpy.fromiter((s.start for s in spans), dtype="int64", count=len(spans))
    ends = numpy.fromiter((s.end for s in spans), dtype="int64", count=len(spans))
    if len(spans) > 1 and (numpy.any(starts[1:] < ends[:-1])):  # overlapping or unordered: one span at a time
        for offset, span in enumerate(spans):
            _doc_features(doc, [span], first_row + offset, size, ngram_range, rows, cols)
        return
    tokens = numpy.arange(len(doc))
    owner = numpy.searchsorted(starts, tokens, side="right") - 1
    keep = (owner >= 0) & (values[:, 1] == 0) & (values[:, 2] == 0)
    keep[keep] &= tokens[keep] < ends[owner[keep]]
    words, owner = values[keep, 0], owner[keep]
    if ngram_range[0] <= 1:
        rows.append(owner + first_row)
        cols.append((words % size).astype("int64"))
    if ngram_range[1] >= 2 and len(words) > 1:
        same = owner[:-1] == owner[1:]
        pairs = (words[:-1][same] * _PAIR + words[1:][same]) ^ _PAIR_SALT
        rows.append(owner[:-1][same] + first_row)
        cols.append((pairs % size).astype("int64"))


class ActClassifier(Pipe):
    """Score utterances with the shipped (or a saved) linear model (see the module docstring)."""

    def __init__(self, nlp: Language | None = None, name: str = "minutes_act_classifier", *, model: str = "shipped") -> None:
        register_extensions()
        self.name = name
        self.model = model
        self.weights: dict[str, Any] | None = None

    @classmethod
    def from_weights(cls, weights: dict[str, Any]) -> "ActClassifier":
        """A classifier holding ``weights`` (the JSON the training script writes)."""
        clf = cls(model="")
        clf.set_weights(weights)
        return clf

    def set_weights(self, weights: dict[str, Any]) -> None:
        """Use ``weights``: ``labels``, ``n_features``, ``ngram_range``, ``intercepts``, ``coef`` (label -> [[index, value]]).

        Raises:
            ValueError: keys are missing, or the weights were trained on other features.
        """
        missing = {"labels", "n_features", "ngram_range", "intercepts", "coef"} - set(weights)
        if missing:
            raise ValueError(f"act classifier weights lack {sorted(missing)}; got keys {sorted(weights)}")
        if weights.get("features", FEATURES) != FEATURES:
            raise ValueError(f"act classifier weights use features {weights['features']!r}; this version reads {FEATURES!r}")
        rows, cols, values = [], [], []
        for column, label in enumerate(weights["labels"]):
            for index, value in weights["coef"].get(label, ()):
                rows.append(int(index))
                cols.append(column)
                values.append(float(value))
        self.weights = weights
        self._matrix = csr_matrix((values, (rows, cols)), shape=(int(weights["n_features"]), len(weights["labels"])))
        self._intercepts = numpy.asarray(weights["intercepts"], dtype="float64")

    @property
    def labels(self) -> tuple[str, ...]:
        """The acts the model scores (loads the shipped weights on first use)."""
        self._ensure_loaded()
        return tuple(self.weights["labels"]) if self.weights else ()

    def _ensure_loaded(self) -> None:
        if self.weights is None and self.model == "shipped":
            resource = files("minutes_nlp.nlp.models").joinpath(SHIPPED_MODEL)
            self.set_weights(json.loads(resource.read_text("utf-8")))

    def predict(self, spans: Sequence[Span]) -> numpy.ndarray:
        """Probabilities, one row per span and one column per label."""
        self._ensure_loaded()
        if self.weights is None or not len(spans):
            return numpy.zeros((len(spans), len(self.weights["labels"]) if self.weights else 0))
        features = featurize(spans, int(self.weights["n_features"]), self.weights["ngram_range"])
        logits = (features @ self._matrix).toarray() + self._intercepts
        return 1.0 / (1.0 + numpy.exp(-logits))

    def __call__(self, doc: Doc) -> Doc:
        utterances = doc._.utterances
        if utterances:
            self.set_annotations(utterances, self.predict(utterances))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        """Score the utterances of ``batch_size`` Docs at a time (one matrix product per batch)."""
        for batch in util.minibatch(docs, size=batch_size):
            spans = [span for doc in batch for span in doc._.utterances]
            if spans:
                self.set_annotations(spans, self.predict(spans))
            yield from batch

    def set_annotations(self, spans: Sequence[Span], scores: numpy.ndarray) -> None:
        labels = self.labels
        for span, row in zip(spans, scores.tolist()):
            span._.act_scores = dict(zip(labels, row))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self._ensure_loaded()
        writers = {"model": lambda p: Path(p).write_text(json.dumps(self.weights, sort_keys=True), encoding="utf-8")} if self.weights else {}
        util.to_disk(util.ensure_path(path), writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ActClassifier":
        def read(p: Path) -> None:
            if Path(p).exists():
                self.set_weights(json.loads(Path(p).read_text(encoding="utf-8")))

        util.from_disk(util.ensure_path(path), {"model": read}, exclude)
        return self


@Language.factory(
    "minutes_act_classifier",
    assigns=["span._.act_scores"],
    requires=["doc.spans"],
    default_config={"model": "shipped"},
)
def make_act_classifier(nlp: Language, name: str, model: str) -> ActClassifier:
    """``model``: ``"shipped"`` loads the package's weights on first use; ``""`` starts empty (``from_disk`` fills it)."""
    return ActClassifier(nlp, name, model=model)
