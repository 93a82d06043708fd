"""The scorer implements GOLD_FORMAT.md's rules on small hand-made gold and predictions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_nlp.evaluate import evaluate, load_gold
from minutes_nlp.evaluate.gold import GoldDocument
from minutes_nlp.evaluate.normalise import same_speaker, surname_key
from minutes_nlp.evaluate.scoring import match_texts, score_document


def gold(**parts) -> GoldDocument:
    return GoldDocument(doc="council/minutes.txt", format="txt", annotated=tuple(parts.pop("annotated")), **parts)


@pytest.mark.parametrize(
    ("gold_text", "predicted", "matches"),
    [
        ("the minutes be approved as a correct record", "The minutes be APPROVED as a correct record.", True),
        ("the report be noted", "the report be noted and a further report be brought back in six months", False),
        ("a further report be brought back in six months", "a further report be brought back in 6 months", True),
    ],
)
def test_scoring_resolution_match_uses_jaccard_threshold(gold_text: str, predicted: str, matches: bool) -> None:
    counts = match_texts([gold_text], [predicted])
    assert counts.tp == int(matches)


def test_scoring_matching_is_one_to_one() -> None:
    counts = match_texts(["the minutes be approved"], ["the minutes be approved", "the minutes be approved"])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Mr B J Sweetland", "sweetland"), ("Councillor J. Cooper MBE", "cooper"), ("Collins (M)", "collins"),
     ("Cllr O’Brien", "o'brien"), ("Crow-Brown", "crow-brown")],
)
def test_normalise_surname_key(name: str, key: str) -> None:
    assert surname_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Councillor Cooper", "Cllr J Cooper", True),
        ("Chair", "the Chair", True),
        ("Cabinet Member Corporate Services", "the Cabinet Member for Corporate Services", True),
        ("Councillor Cooper", "Councillor Cooke", False),
        ("Councillor Collins", "Collins (M)", True),  # GOLD_FORMAT: the surname must agree
        ("Director Commissioning", "Chair", False),
        ("Chair", "the Chairman", True),
        ("Mayor", "the Mayor", True),
        ("Mayor", "Deputy Mayor", False),
    ],
)
def test_normalise_same_speaker(a: str, b: str, same: bool) -> None:
    assert same_speaker(a, b) is same


def test_scoring_motions_votes_attendance_and_meeting() -> None:
    g = gold(
        annotated=["meeting", "attendance", "motions", "votes"],
        meeting={"date": "2024-03-14", "committee": "Planning Committee"},
        attendance={"present": ["Cooper", "Collins", "Patel"], "apologies": ["Wong"], "officers": []},
        items=({"motions": [{"mover": "Cooper", "seconder": "Patel", "outcome": "carried"}],
                "votes": [{"for": 7, "against": 2, "abstain": 1}]},),
    )
    pred = {
        "date": "2024-03-14",
        "committee": "planning committee",
        "attendance": {"present": [{"name": "Councillor J Cooper"}, {"name": "Collins (J)"}, {"name": "Cllr Patel"}],
                       "apologies": [{"name": "Mrs A Wong"}], "officers": [{"name": "Ms K Reid", "role": "Clerk"}]},
        "items": [{"motions": [{"mover": "Cllr Cooper", "seconder": "Councillor R Patel"}],
                   "votes": [{"for": 7, "against": 2, "abstain": 0}]}],
    }
    score = score_document(g, pred)
    assert score.accuracies["date"].value == 1.0
    assert score.accuracies["committee"].value == 1.0
    present = score.counts["attendance.present"]
    assert (present.tp, present.fp, present.fn) == (3, 0, 0)  # scored on surnames, qualifiers dropped
    assert score.counts["attendance.officers"].fp == 1
    assert score.counts["motions"].tp == 1
    assert (score.counts["votes"].tp, score.counts["votes"].fp, score.counts["votes"].fn) == (0, 1, 1)


def test_scoring_sentences_speakers_and_acts() -> None:
    g = gold(
        annotated=["sentences"],
        items=({"sentences": [
            {"text": "Councillor Wall was concerned that there was no plan.", "speaker": "Councillor Wall", "acts": ["concern"]},
            {"text": "He requested that it be included in a future report.", "speaker": "Councillor Wall", "acts": ["request"]},
            {"text": "The Chair thanked officers.", "speaker": "Chair", "acts": ["statement"]},
        ]},),
    )
    pred = {"items": [{"utterances": [
        {"text": "Councillor Wall was concerned that there was no plan. He requested that it be included in a future report.",
         "speaker": {"name": "Councillor Wall", "role": None}, "acts": ["concern", "request"]},
        {"text": "The Chair thanked officers.", "speaker": {"name": "Councillor Green", "role": "Chair"}, "acts": ["statement"]},
    ]}]}
    score = score_document(g, pred)
    assert score.accuracies["speaker"].value == 1.0
    assert score.accuracies["sentences_matched"].correct == 3
    # the utterance holds both sentences, so both get both acts: one false positive each
    assert (score.counts["acts.concern"].tp, score.counts["acts.concern"].fp) == (1, 1)
    assert (score.counts["acts.request"].tp, score.counts["acts.request"].fp) == (1, 1)


def test_evaluate_matches_predictions_by_path_and_counts_missing_as_misses(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold" / "council"
    gold_dir.mkdir(parents=True)
    for name, resolutions in [("a.txt", ["the minutes be approved"]), ("b.txt", ["the budget be adopted"])]:
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(
            {"doc": f"council/{name}", "format": "txt", "annotated": ["resolutions"],
             "items": [{"title": "x", "resolutions": resolutions}]}), encoding="utf-8")
    predictions = tmp_path / "meetings.jsonl"
    predictions.write_text(json.dumps(
        {"source": {"path": "/data/corpus/council/a.txt"}, "items": [{"resolutions": [{"text": "the minutes be approved"}]}]}
    ) + "\n", encoding="utf-8")
    report = evaluate(tmp_path / "gold", predictions)
    summary = report.summary()
    assert summary["resolutions"]["tp"] == 1 and summary["resolutions"]["fn"] == 1
    assert summary["documents"] == {"gold": 2, "predicted": 1}
    assert "NO PREDICTION" in report.format(per_document=True)


def test_evaluate_load_gold_names_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "x.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match="x.gold.json"):
        load_gold(tmp_path)
