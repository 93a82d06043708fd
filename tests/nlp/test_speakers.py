"""minutes_speakers: who said each sentence of an item's discussion."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from minutes_nlp.nlp.components.speakers import SpeakerTagger


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("minutes_sentences")
    nlp.add_pipe("minutes_speakers")
    return nlp


def speakers(nlp: spacy.Language, text: str, attendance: list[dict[str, Any]] | None = None) -> list[str | None]:
    doc = nlp.make_doc(text)
    doc._.attendance = attendance
    doc = nlp(doc)
    out = []
    for span in doc._.utterances:
        speaker = span._.speaker
        out.append(None if speaker is None else speaker["name"] or speaker["role"])
    return out


@pytest.mark.parametrize(
    "opening, name",
    [
        ("Councillor Cooper was concerned that the group had been disbanded.", "Councillor Cooper"),
        ("Cllr Patel asked about the budget.", "Cllr Patel"),
        ("Mr R Gough said the settlement was better than expected.", "Mr Gough"),
        ("Councillor Collins (M) proposed the motion.", "Councillor Collins (M)"),
        ("Collins (M) said the plan was welcome.", "Collins (M)"),
        ("Cllr Mrs Mann raised the point.", "Cllr Mann"),
        ("The Leader of the Labour Group, Mr Brady, spoke about devolution.", "Mr Brady"),
        ("Mr Watts (General Counsel) confirmed the procedure.", "Mr Watts"),
        ("Tony Doran, Headteacher of the Virtual School, presented the report.", "Tony Doran"),
    ],
)
def test_speakers_named_member_opens_a_turn(nlp: spacy.Language, opening: str, name: str) -> None:
    assert speakers(nlp, opening + " It was a long report.") == [name, name]


@pytest.mark.parametrize(
    "opening, role",
    [
        ("The chair suggested that future reports give costs.", "Chair"),
        ("The Cabinet Member Corporate Services introduced the report.", "Cabinet Member Corporate Services"),
        ("The Leader explained the timetable.", "Leader"),
        ("The Clerk informed the meeting of the dates.", "Clerk"),
        ("The Director Commissioning said that the review was different.", "Director Commissioning"),
        ("A member of the public asked who makes the rules.", "Member of the public"),
        ("A Member noted the absence of exclusions.", "Member"),
        ("Some Members emphasised the importance of balance.", "Members"),
    ],
)
def test_speakers_role_holder_opens_a_turn(nlp: spacy.Language, opening: str, role: str) -> None:
    assert speakers(nlp, opening) == [role]


@pytest.mark.parametrize(
    "reported",
    [
        "He said the figures were wrong.",
        "She added that the roof leaked.",
        "In his introduction, he referred to paragraph 3.3.1 and the work of the group.",
        "He felt strongly that there should be member involvement.",
        "They noted the increased costs for farmers.",
        "The review had concluded that in-house provision was best.",
        "Members were reminded that the Council had agreed the ambition.",
        "With thanks to Mr Smith who said nothing, the work went on.",
    ],
)
def test_speakers_reported_speech_continues_the_current_speaker(nlp: spacy.Language, reported: str) -> None:
    text = f"Councillor Wall questioned how successful the programme had been. {reported}"
    assert speakers(nlp, text) == ["Councillor Wall", "Councillor Wall"]


@pytest.mark.parametrize("switch", ["In response, the Director said that it was on time.", "In response the Cabinet Member Corporate Services said that it was on time."])
def test_speakers_in_response_switches(nlp: spacy.Language, switch: str) -> None:
    text = f"Councillor Wall asked why the report was late. {switch} He added a date."
    got = speakers(nlp, text)
    assert got[0] == "Councillor Wall" and got[1] == got[2] != "Councillor Wall"


def test_speakers_role_is_resolved_through_attendance(nlp: spacy.Language) -> None:
    attendance = [
        {"name": "Mr B J Sweetland", "role": "Chairman", "person_id": "sweetland-b"},
        {"name": "Mr R Gough", "role": "Leader of the Council", "person_id": "gough-r"},
    ]
    doc = nlp.make_doc("The Chairman welcomed Members. The Leader explained the timetable.")
    doc._.attendance = attendance
    chairman, leader = [span._.speaker for span in nlp(doc)._.utterances]
    assert chairman == {"name": "Mr B J Sweetland", "role": "Chairman", "person_id": "sweetland-b"}
    assert leader["person_id"] == "gough-r" and leader["role"] == "Leader"


def test_speakers_named_member_gets_person_id_and_role_from_attendance(nlp: spacy.Language) -> None:
    doc = nlp.make_doc("Mr Sweetland proposed, and Mr Ridgers seconded, that the Council record its thanks.")
    doc._.attendance = [{"name": "Mr B J Sweetland", "role": "Chairman", "person_id": "s1"}, {"name": "Mr A Ridgers", "role": None, "person_id": "r1"}]
    (span,) = nlp(doc)._.utterances
    assert span._.speaker == {"name": "Mr Sweetland", "role": "Chairman", "person_id": "s1"}


def test_speakers_initials_resolve_through_attendance(nlp: spacy.Language) -> None:
    got = speakers(nlp, "LH reported that the hall was booked. She added a date.", [{"name": "Linda Harris", "role": "Clerk"}])
    assert got == ["Linda Harris", "Linda Harris"]


def test_speakers_unknown_initials_are_no_speaker(nlp: spacy.Language) -> None:
    assert speakers(nlp, "KCC said the roads were closed.", [{"name": "Linda Harris"}]) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The minutes of the last meeting were approved. The report was noted.",
        "It was noted that the hall had been booked. The matter will be discussed again.",
        "A letter had been received from the bus company. The Remembrance Festival raised £5,000.",
    ],
)
def test_speakers_none_invented_where_the_minutes_give_none(nlp: spacy.Language, text: str) -> None:
    assert speakers(nlp, text) == [None, None]


def test_speakers_state_resets_with_each_doc(nlp: spacy.Language) -> None:
    assert speakers(nlp, "Councillor Wall spoke at length.") == ["Councillor Wall"]
    assert speakers(nlp, "He said it was late.") == [None]


def test_speakers_third_party_not_at_the_meeting_is_no_speaker(nlp: spacy.Language) -> None:
    attendance = [{"name": "Mr Murphy"}]
    text = "Mr Murphy gave an update. Mr Parry also served on the committee for years."
    assert speakers(nlp, text, attendance) == ["Mr Murphy", "Mr Murphy"]


def test_speakers_sentences_in_skip_ranges_get_no_utterance(nlp: spacy.Language) -> None:
    text = "Councillor Wall asked why. RESOLVED that the report be noted."
    doc = nlp.make_doc(text)
    doc._.skip_ranges = [(text.index("RESOLVED"), len(text))]
    assert [span.text for span in nlp(doc)._.utterances] == ["Councillor Wall asked why."]


def test_speakers_span_group_holds_the_mentions(nlp: spacy.Language) -> None:
    doc = nlp("The chair opened the item. Councillor Wall asked why.")
    assert [(s.text, s.label_) for s in doc.spans["speakers"]] == [("The chair", "ROLE"), ("Councillor Wall", "PERSON")]


def test_speakers_to_disk_round_trip(tmp_path: Path) -> None:
    tagger = SpeakerTagger(spacy.blank("en"))
    tagger.lexicon["public"] = [{"pattern": "ratepayer", "role": "Ratepayer"}]
    tagger.to_disk(tmp_path)
    loaded = SpeakerTagger(spacy.blank("en")).from_disk(tmp_path)
    assert loaded.public_roles == {"ratepayer": "Ratepayer"}


def test_speakers_parser_vetoes_a_mention_parsed_as_a_passive_subject(nlp: spacy.Language) -> None:
    from spacy.tokens import Doc

    words = ["Councillor", "Wall", "spoke", ".", "Councillor", "Ward", "was", "thanked", "for", "his", "work", "."]
    heads = [1, 2, 2, 2, 5, 7, 7, 7, 7, 10, 8, 7]
    sent_starts = [True] + [False] * 3 + [True] + [False] * 7
    attendance = [{"name": "Cllr P Wall"}, {"name": "Cllr J Ward"}]

    def turns(deps: list[str] | None) -> list[str]:
        doc = Doc(nlp.vocab, words=words, heads=heads if deps else None, deps=deps, sent_starts=sent_starts)
        doc._.attendance = attendance
        return [span._.speaker["name"] for span in nlp.get_pipe("minutes_speakers")(doc)._.utterances]

    parsed = ["compound", "nsubj", "ROOT", "punct", "compound", "nsubjpass", "auxpass", "ROOT", "prep", "poss", "pobj", "punct"]
    assert turns(None) == ["Councillor Wall", "Councillor Ward"]  # no parser: a known member as subject
    assert turns(parsed) == ["Councillor Wall", "Councillor Wall"]  # the parser says Ward was thanked
