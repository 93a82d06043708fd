"""annotate_meeting and extract: utterances in the meeting@1 records."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import minutes_nlp
from minutes_nlp.nlp import annotate_meeting
from minutes_nlp.readers.document import Document
from minutes_nlp.records import AgendaItem, Attendance, Meeting, Participant, Resolution, Source

SCHEMA = json.loads((Path(minutes_nlp.__file__).parent / "schemas" / "meeting-1.schema.json").read_text(encoding="utf-8"))


def _meeting(document: Document, items: tuple[AgendaItem, ...], attendance: Attendance = Attendance()) -> Meeting:
    return Meeting(id="m", source=Source("m.txt", "txt", "", len(document.pages)), attendance=attendance, items=items)


def test_annotate_offsets_are_absolute_and_pages_known() -> None:
    text = "1. Budget\n\nThe Chairman opened the item.\fCouncillor Wall asked why costs rose. He was concerned."
    document = Document.from_text(text, path="m.txt")
    full = document.text
    body = full[full.index("The Chairman") :]
    item = AgendaItem(number="1", title="Budget", text=body, start=0, end=len(full))
    attendance = Attendance(present=(Participant("Cllr J Cooper", role="Chairman", person_id="cooper-j"), Participant("Cllr P Wall")))
    meeting = annotate_meeting(_meeting(document, (item,), attendance), document)
    utterances = meeting.items[0].utterances
    assert [full[u.start : u.end] for u in utterances] == [u.text for u in utterances]
    assert [(u.speaker.name, u.speaker.person_id, u.page) for u in utterances] == [
        ("Cllr J Cooper", "cooper-j", 1),
        ("Councillor Wall", None, 2),
        ("Councillor Wall", None, 2),
    ]
    assert utterances[0].acts == ("statement",) and "question" in utterances[1].acts and "concern" in utterances[2].acts


def test_annotate_leaves_resolution_text_out_and_resets_speaker_per_item() -> None:
    first = "Councillor Wall asked why the report was late. RESOLVED that the report be noted."
    second = "He said nothing more."
    document = Document.from_text(f"{first}\n\n{second}", path="m.txt")
    start = first.index("RESOLVED")
    items = (
        AgendaItem(number="1", title=None, text=first, start=0, end=len(first),
                   resolutions=(Resolution(text="the report be noted", start=start, end=len(first)),)),
        AgendaItem(number="2", title=None, text=second, start=len(first) + 2, end=len(first) + 2 + len(second)),
    )
    meeting = annotate_meeting(_meeting(document, items), document)
    assert [u.text for u in meeting.items[0].utterances] == ["Councillor Wall asked why the report was late."]
    assert [(u.text, u.speaker) for u in meeting.items[1].utterances] == [("He said nothing more.", None)]


def test_annotate_extract_file_writes_utterances_matching_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        "MINUTES of the Parish Council meeting held on 8 May 2024\n\nPresent: Cllr A Jones (Chair), Cllr B Patel\n\n"
        "1. Footpaths\nCllr Patel was concerned about the state of the footpath. She asked that the Clerk write to the county.\n"
        "The Chair agreed.\n",
        encoding="utf-8",
    )
    record = minutes_nlp.extract_file(path).to_dict()
    jsonschema.validate(record, SCHEMA)
    utterances = [u for item in record["items"] for u in item["utterances"]]
    assert any(u["speaker"] and u["speaker"]["name"] == "Cllr Patel" and "concern" in u["acts"] for u in utterances)
    assert any("request" in u["acts"] for u in utterances)
