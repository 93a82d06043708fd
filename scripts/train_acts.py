"""Train the act classifier shipped in minutes_nlp/nlp/models/acts.json (reproducible: fixed seed).

Training data, all written by the team (never the real corpus, which is kept for measuring):
- the sample corpus gold sentences: corpora/gold/**/*.gold.json (items[].sentences[].acts);
- invented sentences: corpora/training/acts.jsonl ({"text": ..., "acts": [...]}).

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


def cross_validate(texts: list[str], y: numpy.ndarray, threshold: float = 0.5) -> dict[str, tuple[float, float, float]]:
    predicted = numpy.zeros_like(y)
    for train, test in KFold(n_splits=5, shuffle=True, random_state=SEED).split(texts):
        clf = ActClassifier.from_weights(fit([texts[i] for i in train], y[train]))
        predicted[test] = clf.predict([_TOKENIZER(texts[i])[:] for i in test]) >= threshold
    out = {}
    for i, label in enumerate(LABELS):
        tp = int((predicted[:, i] & y[:, i]).sum()); fp = int((predicted[:, i] & ~y[:, i].astype(bool)).sum())
        fn = int((~predicted[:, i].astype(bool) & y[:, i].astype(bool)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
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
    for label, (p, r, f) in cross_validate(texts, y).items():
        print(f"  5-fold CV {label:<9} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if not args.check:
        args.out.write_text(json.dumps(fit(texts, y), sort_keys=True) + "\n", encoding="utf-8")
        print(f"model written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
