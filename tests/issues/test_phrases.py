"""KeyphraseExtractor: TF-IDF candidate phrases, scikit-learn conventions, text helpers."""
from __future__ import annotations

import pickle

import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from minutes_nlp.issues import Keyphrase, KeyphraseExtractor
from minutes_nlp.issues.text import candidate_phrases, phrase_key, stem

TEXTS = [
    "Millbrook Leisure Centre options review. The leisure centre pool needs repair.",
    "Potholes on Mill Road. The road surface on Mill Road is poor.",
    "Allotments waiting list. The allotments waiting list grew again.",
    "Update on the leisure centre: visits to the leisure centre rose.",
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("built environment review", "Review of the Built Environment"),
        ("Leisure Centres", "leisure centre"),
        ("Leisure Center", "leisure centre"),
        ("council's policies", "Council Policy"),
        ("Leisure centre update", "leisure centre"),
    ],
)
def test_text_phrase_key_ignores_order_plural_spelling(a: str, b: str) -> None:
    assert phrase_key(a) == phrase_key(b)


def test_text_phrase_key_keeps_different_topics_apart() -> None:
    assert phrase_key("leisure centre") != phrase_key("community centre")


def test_text_candidate_phrases_stop_at_stop_words_and_punctuation() -> None:
    texts = {p.text for p in candidate_phrases("The cost of the new leisure centre, 2024, was agreed.")}
    assert texts == {"cost", "leisure", "leisure centre", "centre"}


def test_text_stem_is_light() -> None:
    assert [stem(w) for w in ["Highways", "buses", "policies", "planning"]] == ["highway", "bus", "policy", "planning"]


def test_phrases_transform_ranks_topic_phrases_first() -> None:
    kx = KeyphraseExtractor(max_phrases=2).fit(TEXTS)
    out = kx.transform(TEXTS)
    assert len(out) == len(TEXTS) and all(isinstance(k, Keyphrase) for row in out for k in row)
    assert out[1][0].phrase == "mill road"
    assert out[2][0].phrase == "allotments waiting list"
    assert all(row[0].score >= row[-1].score for row in out)


def test_phrases_skips_phrases_inside_better_ones() -> None:
    row = KeyphraseExtractor(max_phrases=5).fit(TEXTS).transform(TEXTS[2:3])[0]
    keys = [set(k.key) for k in row]
    assert not any(a < b for i, a in enumerate(keys) for b in keys[:i])


def test_phrases_exclude_words_end_phrases() -> None:
    kx = KeyphraseExtractor(exclude=["okafor"]).fit(["Councillor Okafor Report on roads", "okafor roads"])
    assert all("okafor" not in k.key for row in kx.transform(["okafor roads"]) for k in row)


def test_phrases_clone_keeps_params_and_drops_fitted_state() -> None:
    kx = KeyphraseExtractor(max_phrases=3, max_words=2).fit(TEXTS)
    twin = clone(kx)
    assert twin.get_params() == kx.get_params()
    assert not hasattr(twin, "vocabulary_")
    assert twin.fit(TEXTS).transform(TEXTS) == kx.transform(TEXTS)


def test_phrases_fit_twice_equals_fit_once_on_second_data() -> None:
    once = KeyphraseExtractor().fit(TEXTS[2:])
    twice = KeyphraseExtractor().fit(TEXTS[:2]).fit(TEXTS[2:])
    assert twice.vocabulary_ == once.vocabulary_ and twice.labels_ == once.labels_
    assert twice.transform(TEXTS) == once.transform(TEXTS)


def test_phrases_fit_returns_self_and_pickles() -> None:
    kx = KeyphraseExtractor()
    assert kx.fit(TEXTS) is kx
    assert pickle.loads(pickle.dumps(kx)).transform(TEXTS) == kx.transform(TEXTS)


def test_phrases_transform_before_fit_raises() -> None:
    with pytest.raises(NotFittedError):
        KeyphraseExtractor().transform(TEXTS)


@pytest.mark.parametrize("params", [{"max_phrases": 0}, {"max_words": 0}, {"length_weight": -1.0}])
def test_phrases_bad_params_raise_in_fit_not_init(params: dict) -> None:
    kx = KeyphraseExtractor(**params)  # __init__ only stores
    with pytest.raises(ValueError):
        kx.fit(TEXTS)


def test_phrases_empty_texts() -> None:
    kx = KeyphraseExtractor().fit(["", "the of and"])
    assert kx.transform(["anything"]) == [[]]
