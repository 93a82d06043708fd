"""Train the act classifier shipped in minutes_nlp/nlp/models/acts.json (reproducible: fixed seed).

Training data, all written by the team (never the real corpus, which is kept for measuring):
- the sample corpus gold sentences: corpora/gold/**/*.gold.json (items[].sentences[].acts);
- invented sentences: corpora/training/acts.jsonl ({"text": ..., "acts": [...]}).

The report ends with, per act, the classifier threshold whose cues-plus-classifier F1 is best
in 5-fold cross-validation: that is where ``DEFAULT_THRESHOLDS`` in components/acts.py comes from.

Usage:
    .venv/bin/python scripts/train_acts.py            # train, report 5-fold CV, write the model
    .venv/bin/python scripts/train_acts.py --check    # report CV only, write nothing
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy
import spacy
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from minutes_nlp.nlp.components.act_classifier import FEATURES, ActClassifier, featurize

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("concern", "request", "question")
N_FEATURES = 2**18
NGRAMS = (1, 2)
C = 4.0
SEED = 0
THRESHOLD_GRID = tuple(round(0.95 - 0.05 * k, 2) for k in range(14))  # 0.95 down to 0.30


def load_examples(root: Path) -> tuple[list[str], numpy.ndarray]:
    """Texts and a 0/1 matrix (one column per label), in a fixed order."""
    texts, labels = [], []
    for path in sorted((root / "corpora" / "gold").rglob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data.get("items") or []:
            for sentence in item.get("sentences") or []:
                texts.append(sentence["text"])
                labels.append(set(sentence.get("acts") or ()))
    extra = root / "corpora" / "training" / "acts.jsonl"
    if extra.exists():
        for line in extra.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(set(row["acts"]))
    y = numpy.array([[int(label in acts) for label in LABELS] for acts in labels])
    return texts, y


_TOKENIZER = spacy.blank("en").tokenizer


def features(texts: list[str]):
    """The classifier's features, from the same tokenizer as the default pipeline's."""
    return featurize([_TOKENIZER(text)[:] for text in texts], N_FEATURES, NGRAMS)


def fit(texts: list[str], y: numpy.ndarray) -> dict:
    """One balanced logistic regression per label; weights as sparse JSON."""
    X = features(texts)
    coef, intercepts = {}, []
    for column, label in enumerate(LABELS):
        model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=SEED)
        model.fit(X, y[:, column])
        weights = model.coef_[0]
        nonzero = numpy.flatnonzero(numpy.abs(weights) > 1e-6)
        coef[label] = [[int(i), round(float(weights[i]), 6)] for i in nonzero]
        intercepts.append(round(float(model.intercept_[0]), 6))
    return {"labels": list(LABELS), "features": FEATURES, "n_features": N_FEATURES, "ngram_range": list(NGRAMS),
            "intercepts": intercepts, "coef": coef, "n_examples": len(texts),
            "positives": {label: int(y[:, i].sum()) for i, label in enumerate(LABELS)}}


def out_of_fold(texts: list[str], y: numpy.ndarray) -> numpy.ndarray:
    """Each sentence's probabilities from a model trained on the other four folds."""
    scores = numpy.zeros(y.shape, dtype="float64")
    for train, test in KFold(n_splits=5, shuffle=True, random_state=SEED).split(texts):
        clf = ActClassifier.from_weights(fit([texts[i] for i in train], y[train]))
        scores[test] = clf.predict([_TOKENIZER(texts[i])[:] for i in test])
    return scores


def _prf(predicted: numpy.ndarray, gold: numpy.ndarray) -> tuple[float, float, float]:
    predicted, gold = predicted.astype(bool), gold.astype(bool)
    tp, fp, fn = int((predicted & gold).sum()), int((predicted & ~gold).sum()), int((~predicted & gold).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(texts: list[str], y: numpy.ndarray, threshold: float = 0.5,
                   scores: numpy.ndarray | None = None) -> dict[str, tuple[float, float, float]]:
    """5-fold CV of the classifier alone at ``threshold``."""
    scores = out_of_fold(texts, y) if scores is None else scores
    return {label: _prf(scores[:, i] >= threshold, y[:, i]) for i, label in enumerate(LABELS)}


def choose_thresholds(texts: list[str], y: numpy.ndarray, scores: numpy.ndarray) -> dict[str, tuple[float, tuple[float, float, float]]]:
    """Per act, the threshold whose rules-plus-classifier F1 is best on out-of-fold scores.

    The cues (``minutes_acts``' patterns) and the classifier are combined as the tagger
    combines them (``learned_acts``); ties go
    to the higher threshold (fewer learned additions). 1.0 means "cues alone".
    """
    from minutes_nlp.nlp.components.acts import ActTagger, learned_acts

    tagger = ActTagger(None)
    cues = [tagger.cue_acts(text) for text in texts]
    cued = numpy.array([[label in acts for label in LABELS] for acts in cues])
    out = {}
    for i, label in enumerate(LABELS):
        best = (1.0, _prf(cued[:, i], y[:, i]))
        for cut in THRESHOLD_GRID:
            added = numpy.array([label in learned_acts(acts, {label: float(row[i])}, {label: cut})
                                 for acts, row in zip(cues, scores)])
            result = _prf(cued[:, i] | added, y[:, i])
            if result[2] > best[1][2] + 1e-9:
                best = (cut, result)
        out[label] = best
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report cross-validation only")
    parser.add_argument("--out", type=Path, default=ROOT / "minutes_nlp" / "nlp" / "models" / "acts.json")
    args = parser.parse_args(argv)
    texts, y = load_examples(ROOT)
    if not texts:
        print("no training sentences found under corpora/", file=sys.stderr)
        return 1
    print(f"{len(texts)} sentences; positives: " + ", ".join(f"{l} {int(y[:, i].sum())}" for i, l in enumerate(LABELS)))
    scores = out_of_fold(texts, y)
    for label, (p, r, f) in cross_validate(texts, y, scores=scores).items():
        print(f"  5-fold CV {label:<9} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for label, (cut, (p, r, f)) in choose_thresholds(texts, y, scores).items():
        print(f"  5-fold CV cues + classifier >= {cut:.2f}  {label:<9} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if not args.check:
        args.out.write_text(json.dumps(fit(texts, y), sort_keys=True) + "\n", encoding="utf-8")
        print(f"model written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
