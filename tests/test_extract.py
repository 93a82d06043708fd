"""extract never loses good documents to bad ones, and unstructured text still gives a record."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import minutes_nlp
from minutes_nlp.cli import cli

GOOD = """ASHWELL PARISH COUNCIL
Minutes of the meeting of Ashwell Parish Council held on Monday 8 April 2024 at 7.30pm in the Village Hall

Present: Cllr R Hughes (Chair), Cllr P Osei, Cllr D Marsh
Apologies: Cllr T Bright

1. Minutes of the previous meeting
RESOLVED that the minutes of the meeting held on 11 March 2024 be approved as a correct record.

2. Playground equipment
Cllr Osei was concerned that the swings had not been inspected since October. She asked when the inspection would take place.
It was proposed by Cllr Marsh and seconded by Cllr Hughes that the quote from Play Safe Ltd be accepted. Carried.
"""


def test_extract_keeps_good_documents_and_reports_broken_ones(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "2024-04.txt").write_text(GOOD, encoding="utf-8")
    (archive / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (archive / "empty.html").write_bytes(b"")
    (archive / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    out = tmp_path / "meetings.jsonl"
    report = minutes_nlp.extract_to_jsonl([archive], out)
    assert report.n_ok == 1
    failed = {Path(f.path).name: f for f in report.failures}
    assert set(failed) == {"truncated.pdf", "empty.html", "legacy.doc"}
    for name, failure in failed.items():
        assert failure.stage == "read"
        assert name in failure.reason  # the message names the file
    meeting = json.loads(out.read_text(encoding="utf-8"))
    assert meeting["date"] == "2024-04-08"
    assert [r["text"] for i in meeting["items"] for r in i["resolutions"]][0].startswith("the minutes of the meeting held on 11 March")
    motion = next(m for i in meeting["items"] for m in i["motions"])
    assert (motion["mover"], motion["seconder"]) == ("Marsh", "Hughes")


def test_extract_unstructured_text_gives_a_record_with_warnings(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Some notes about the weather and nothing else of note.\n", encoding="utf-8")
    meeting = minutes_nlp.extract_file(path)
    assert meeting.date is None
    assert any("no agenda items" in w for w in meeting.warnings)
    assert any("no meeting date" in w for w in meeting.warnings)


def test_cli_extract_exit_code_says_a_file_failed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 1
    assert "1 meetings written" in result.output and "1 files failed" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
