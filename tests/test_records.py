"""Meeting records round-trip through JSON and validate against the shipped meeting@1 schema."""
from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.records import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Motion,
    Participant,
    Resolution,
    Source,
    Speaker,
    Utterance,
    Vote,
)
from minutes_nlp.schemas import meeting_schema

VALIDATOR = jsonschema.Draft202012Validator(meeting_schema())


def full_meeting() -> Meeting:
    return Meeting(
        id="3f2a9c0d1e2b4a5c",
        source=Source(path="corpora/x/minutes.pdf", format="pdf", sha256="a" * 64, pages=3),
        body="Example County Council",
        committee="Cabinet",
        date="2024-12-19",
        start_time="10:00",
        venue="Council Chamber, County Hall",
        attendance=Attendance(
            present=(Participant("Mr B J Sweetland", role="Chairman", page=1), Participant("Collins (M)")),
            apologies=(Participant("Mrs S Prendergast"),),
            officers=(Participant("Ms K Reid", role="Head of Democratic Services"),),
        ),
        items=(
            AgendaItem(
                number="272",
                title="Budget 2025-26",
                text="Mr Oakford moved and Mr Gough seconded ...",
                minute_ref="272",
                start=120,
                end=900,
                pages=(1, 2),
                utterances=(Utterance(Speaker("Mr Oakford", None, "oakford"), ("proposal",), "Mr Oakford moved ...", 130, 180, 1),),
                motions=(Motion("that the budget be approved", "Oakford", "Gough", "carried", 130, 300, 1),),
                votes=(Vote(57, 12, 0, {"for": ("Mr Baker", "Mr Booth"), "against": ("Mr Hook",)}, 310, 600, 2),),
                resolutions=(Resolution("the budget be approved", number="1", motion=0, start=610, end=700, page=2),),
                declarations=(Declaration("Mr Hook", "declared an interest as a governor", "other", 125, 160, 1),),
            ),
        ),
        warnings=("page 3: no text layer (scanned image?); OCR is needed to read it",),
    )


def test_records_meeting_round_trips_through_json() -> None:
    meeting = full_meeting()
    data = json.loads(json.dumps(meeting.to_dict()))
    assert Meeting.from_dict(data) == meeting


def test_records_meeting_validates_against_schema() -> None:
    data = full_meeting().to_dict()
    VALIDATOR.validate(data)
    assert list(data)[0] == "schema" and data["schema"] == "minutes_nlp/meeting@1"
    assert data["items"][0]["votes"][0]["for"] == 57


@pytest.mark.parametrize(
    ("path", "value"),
    [(("date",), "19/12/2024"), (("source", "format"), "odt"), (("items", 0, "motions", 0, "outcome"), "passed")],
)
def test_records_schema_rejects_bad_values(path: tuple, value: object) -> None:
    data = full_meeting().to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(data)


@given(
    text=st.text(min_size=1, max_size=80),
    number=st.none() | st.from_regex(r"\d{1,3}(\.\d{1,2})?", fullmatch=True),
    counts=st.tuples(*(st.none() | st.integers(0, 200) for _ in range(3))),
)
def test_records_resolution_and_vote_round_trip(text: str, number: str | None, counts: tuple) -> None:
    resolution = Resolution(text=text, number=number)
    assert Resolution.from_dict(json.loads(json.dumps(resolution.to_dict()))) == resolution
    vote = Vote(*counts)
    assert Vote.from_dict(json.loads(json.dumps(vote.to_dict()))) == vote
