"""minutes_acts: rules, classifier scores and turn context -> acts."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from minutes_nlp.nlp.components.acts import ActTagger


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    for name in ("minutes_sentences", "minutes_speakers", "minutes_acts"):
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def tagger() -> ActTagger:
    return ActTagger(None)


@pytest.mark.parametrize(
    "text, act",
    [
        ("Councillor Wall was concerned that there was no strategic plan.", "concern"),
        ("He expressed disappointment at the delay.", "concern"),
        ("Members criticised the lack of consultation.", "concern"),
        ("She requested that this be included in a future report.", "request"),
        ("He asked officers to circulate the figures.", "request"),
        ("The chair suggested that future reports should give details of costs.", "request"),
        ("Mr Brady urged residents to apply before the deadline.", "request"),
        ("Councillor McLain questioned why the review had been started.", "question"),
        ("She asked whether the scheme would go ahead.", "question"),
        ("He sought clarification on the timetable.", "question"),
        ("What would happen to the site?", "question"),
        ("In response the Cabinet Member said the plan was agreed.", "response"),
        ("Councillor X moved that the recommendations be approved.", "proposal"),
        ("She warned, however, that the reserves would run out within two years.", "concern"),
        ("He cautioned against relying on one-off grants.", "concern"),
        ("Council Member Ortiz said she could not support the rezoning.", "concern"),
        ("Members were not convinced by the business case.", "concern"),
        ("He queried the wisdom of selling the depot.", "concern"),
        ("She highlighted the risk that the grant would have to be repaid.", "concern"),
        ("The authority faced significant financial pressures next year.", "concern"),
        ("He said that this ought not to be acceptable.", "concern"),
        ("Cr Walsh said the timetable was unrealistic.", "concern"),
        ("He advised residents to report any fly-tipping to the council.", "request"),
        ("She suggested, instead, that the council write to the minister.", "request"),
        ("Trustee Lindgren asked that the clerk obtain quotes for the roof.", "request"),
        ("She asked whether the council would commit to publishing the figures.", "request"),
        ("He asked the Director to explain the overspend.", "question"),
        ("The amendment was proposed by Councillor Kiely and seconded by Councillor Ward.", "proposal"),
    ],
)
def test_acts_cues_find_the_act(tagger: ActTagger, text: str, act: str) -> None:
    assert act in tagger.cue_acts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Cabinet Member introduced the report which had been requested by the committee.",
        "As far as the parish was concerned, the works were finished.",
        "Should the bid succeed, work would start in May.",
        "He welcomed the report.",
        "The Chairman invited Members to speak.",
        "Officers had begun talks with the schools concerned.",
        "The Chair announced with regret the death of a former member.",
        "Members were asked to note the report.",
        "It had also asked for a grant of £5,000 towards the hall.",
        "No requests for dispensation had been received.",
        "He explained that the report would need to be updated.",
        "The report set out the risk register for the year.",
        "The Director said officers had addressed the concerns raised by residents.",
    ],
)
def test_acts_cues_do_not_fire_on_lookalikes(tagger: ActTagger, text: str) -> None:
    assert not tagger.cue_acts(text) & {"concern", "request", "question"}


def test_acts_statement_when_nothing_else(nlp: spacy.Language) -> None:
    (span,) = nlp("Councillor Massey welcomed the report.")._.utterances
    assert span._.acts == ("statement",)


def test_acts_turn_answering_a_question_is_a_response(nlp: spacy.Language) -> None:
    doc = nlp(
        "Councillor Wall asked why the review had started. "
        "The Director said that it had been planned for a year. It had consulted widely. "
        "Councillor Massey welcomed the report."
    )
    assert [span._.acts for span in doc._.utterances] == [("question",), ("response",), ("response",), ("statement",)]


def test_acts_member_following_a_member_is_not_a_response(nlp: spacy.Language) -> None:
    doc = nlp("Councillor Wall asked why the review had started. Councillor Ward said that he welcomed it.")
    assert doc._.utterances[1]._.acts == ("statement",)


def test_acts_classifier_scores_add_acts_above_threshold(nlp: spacy.Language) -> None:
    doc = nlp.make_doc("Councillor Wall spoke. He spoke again.")
    doc = nlp.get_pipe("minutes_speakers")(nlp.get_pipe("minutes_sentences")(doc))
    first, second = doc._.utterances
    first._.act_scores = {"concern": 0.9, "request": 0.1, "question": 0.1}
    second._.act_scores = {"concern": 0.2, "request": 0.1, "question": 0.1}
    nlp.get_pipe("minutes_acts")(doc)
    assert [span._.acts for span in doc._.utterances] == [("concern",), ("statement",)]


def test_acts_classifier_adds_no_request_to_a_plain_question() -> None:
    from minutes_nlp.nlp.components.acts import learned_acts

    thresholds = {"concern": 0.55, "request": 0.75, "question": 1.0}
    assert learned_acts({"question"}, {"concern": 0.1, "request": 0.9, "question": 0.99}, thresholds) == set()
    assert learned_acts(set(), {"concern": 0.1, "request": 0.9, "question": 0.99}, thresholds) == {"request"}
    assert learned_acts({"question", "request"}, {"concern": 0.6, "request": 0.9}, thresholds) == {"concern", "request"}


def test_acts_span_groups(nlp: spacy.Language) -> None:
    doc = nlp("Cllr Wall was concerned about costs. She requested a report. She asked why.")
    assert [s.label_ for s in doc.spans["concerns"]] == ["CONCERN"]
    assert [s.text for s in doc.spans["requests"]] == ["She requested a report."]
    assert [s.text for s in doc.spans["questions"]] == ["She asked why."]


def test_acts_bad_pattern_is_reported(tagger: ActTagger) -> None:
    with pytest.raises(ValueError, match="unknown act"):
        ActTagger(None).add_patterns([{"id": "x", "act": "complaint", "regex": "x"}])


def test_acts_to_disk_round_trip(tmp_path: Path) -> None:
    tagger = ActTagger(None)
    tagger.add_patterns([{"id": "x", "act": "concern", "keys": ["grumbl"], "regex": r"\bgrumbled\b"}])
    tagger.to_disk(tmp_path)
    loaded = ActTagger(None).from_disk(tmp_path)
    assert loaded.cue_acts("He grumbled.") == {"concern"} and not loaded.cue_acts("He asked why.")
