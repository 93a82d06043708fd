"""load(): the default pipeline, a saved pipeline in a fresh process, and a base pipeline."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.nlp import COMPONENTS, load

TEXT = "Councillor Cooper was concerned that the group had been disbanded. In response the Director said it was planned."


def summary(nlp: spacy.Language) -> list[tuple[str | None, tuple[str, ...], str]]:
    doc = nlp(TEXT)
    return [((u._.speaker or {}).get("name") or (u._.speaker or {}).get("role"), tuple(u._.acts), u.text) for u in doc._.utterances]


def test_pipeline_default_stands_on_blank_english() -> None:
    nlp = load()
    assert nlp.lang == "en" and tuple(nlp.pipe_names) == COMPONENTS
    assert summary(nlp) == [
        ("Councillor Cooper", ("concern",), "Councillor Cooper was concerned that the group had been disbanded."),
        ("Director", ("response",), "In response the Director said it was planned."),
    ]


def test_pipeline_without_classifier() -> None:
    assert "minutes_act_classifier" not in load(classifier=False).pipe_names


def test_pipeline_save_and_load_in_a_fresh_process(tmp_path: Path) -> None:
    nlp = load()
    nlp.to_disk(tmp_path / "pipeline")
    script = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"  # no minutes_nlp import: the entry points find the factories
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps([nlp.pipe_names, [[(u._.speaker or {{}}).get('name') or (u._.speaker or {{}}).get('role'), list(u._.acts), u.text] for u in doc._.utterances]]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pipeline")], capture_output=True, text=True, check=True)
    names, utterances = json.loads(result.stdout)
    assert tuple(names) == COMPONENTS
    assert [tuple(u[:1]) + (tuple(u[1]), u[2]) for u in utterances] == summary(nlp)


def test_pipeline_on_top_of_an_installed_pipeline(tmp_path: Path) -> None:
    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    base.to_disk(tmp_path / "base")
    nlp = load(tmp_path / "base")
    assert nlp.pipe_names[0] == "sentencizer" and nlp.pipe_names[1:] == list(COMPONENTS)
    assert [name for name, *_ in summary(nlp)] == ["Councillor Cooper", "Director"]


def test_pipeline_scorers_report_speaker_and_acts() -> None:
    from spacy.training import Example

    nlp = load()
    predicted = nlp(TEXT)
    reference = nlp(TEXT)
    reference._.utterances[1]._.acts = ("statement",)
    scores: dict = {}
    for name in ("minutes_speakers", "minutes_acts"):
        scores.update(nlp.get_pipe(name).score([Example(predicted, reference)]))
    assert scores["speaker_acc"] == 1.0
    assert scores["acts_response_p"] == 0.0 and scores["acts_concern_f"] == 1.0


_NLP = load()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_pipeline_any_text_gives_ordered_utterances_inside_the_text(text: str) -> None:
    doc = _NLP(text)
    spans = doc._.utterances
    assert all(0 <= a.start_char < a.end_char <= len(text) for a in spans)
    assert all(a.end_char <= b.start_char for a, b in zip(spans, spans[1:]))
    assert all(set(span._.acts) <= {"concern", "request", "question", "response", "proposal", "statement"} and span._.acts for span in spans)


@given(st.lists(st.sampled_from(["Cllr Patel", "The Chair", "He", "Mr. J. Smith", "A member of the public", "Members"]), min_size=1, max_size=6),
       st.sampled_from(["said", "asked why", "was concerned that", "requested that", "noted"]))
def test_pipeline_every_sentence_gets_an_utterance(subjects: list[str], verb: str) -> None:
    text = " ".join(f"{subject} {verb} the item was late." for subject in subjects)
    assert len(_NLP(text)._.utterances) == len(subjects)
