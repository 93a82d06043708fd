"""minutes_act_classifier: the shipped linear model and its training script."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy
import pytest
import spacy

from minutes_nlp.nlp.components.act_classifier import ActClassifier

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = {"labels": ["question"], "n_features": 1024, "ngram_range": [1, 2], "intercepts": [-2.0], "coef": {"question": [[3, 1.5]]}}


def _train_module():
    spec = importlib.util.spec_from_file_location("train_acts", ROOT / "scripts" / "train_acts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_act_classifier_shipped_model_scores_utterances() -> None:
    nlp = spacy.blank("en")
    for name in ("minutes_sentences", "minutes_speakers", "minutes_act_classifier"):
        nlp.add_pipe(name)
    doc = nlp("Councillor Wall questioned why the review had been started. He welcomed the report.")
    question, statement = (span._.act_scores for span in doc._.utterances)
    assert set(question) == {"concern", "request", "question"}
    assert question["question"] > 0.5 > statement["question"]


def test_act_classifier_bad_weights_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="lack"):
        ActClassifier.from_weights({"labels": []})
    with pytest.raises(ValueError, match="features"):
        ActClassifier.from_weights({**WEIGHTS, "features": "someone_else.v9"})


def test_act_classifier_features_are_the_same_in_any_doc() -> None:
    from minutes_nlp.nlp.components.act_classifier import featurize

    nlp = spacy.blank("en")
    alone = featurize([nlp("He asked why.")[:]], 2**12)
    inside = featurize([nlp("Preamble here. He asked why.")[3:]], 2**12)
    assert (alone != inside).nnz == 0 and alone.nnz == 5  # "he", "asked", "why" and 2 pairs; no punctuation



def test_act_classifier_to_disk_round_trip(tmp_path: Path) -> None:
    clf = ActClassifier.from_weights(WEIGHTS)
    clf.to_disk(tmp_path)
    loaded = ActClassifier(model="").from_disk(tmp_path)
    assert loaded.labels == ("question",)
    span = spacy.blank("en")("why")[:]
    assert numpy.allclose(loaded.predict([span]), clf.predict([span]))


def test_act_classifier_training_is_reproducible() -> None:
    train = _train_module()
    texts, y = train.load_examples(ROOT)
    assert len(texts) >= 250
    first = train.fit(texts[:200], y[:200])
    second = train.fit(texts[:200], y[:200])
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_act_classifier_shipped_model_matches_the_training_script() -> None:
    train = _train_module()
    shipped = json.loads((ROOT / "minutes_nlp" / "nlp" / "models" / "acts.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(train.fit(*train.load_examples(ROOT)), sort_keys=True)), (
        "the shipped model is stale: run `.venv/bin/python scripts/train_acts.py`"
    )
