"""extract_archive: failure isolation, determinism, resuming, and the CLI's exit code."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from minutes_nlp.batch import extract_archive
from minutes_nlp.batch.worker import Task, process_document
from minutes_nlp.cli import cli
from minutes_nlp.store import Store
from tests.batch.archive_factory import BIG_HTML_LIMIT, broken_documents, good_documents, write_tree, write_zip
from tests.batch.conftest import export_bytes

SETTINGS = {"max_html_bytes": BIG_HTML_LIMIT}


def test_broken_files_become_failures_and_every_good_record_is_kept(tmp_path: Path, good: dict[str, bytes]) -> None:
    root = write_tree(tmp_path / "archive", {**good, **broken_documents()})
    zipped = good_documents(3, start=100)
    write_zip(root / "more.zip", zipped, unsafe={"../evil.txt": b"MINUTES", "/tmp/abs.txt": b"MINUTES"})
    with Store(tmp_path / "m.db") as store:
        report = extract_archive(root, store, workers=0, settings=SETTINGS)
        stored = {m.source.path: m for m in store.meetings()}
        failures = {f.path: f for f in store.failures()}
    expected_ok = {str(root / name) for name in good} | {f"{root / 'more.zip'}!{name}" for name in zipped}
    assert set(stored) == expected_ok
    assert report.n_ok == len(expected_ok) and report.n_skipped == 0
    expected_failed = {str(root / name) for name in broken_documents()}
    expected_failed |= {f"{root / 'more.zip'}!../evil.txt", f"{root / 'more.zip'}!/tmp/abs.txt"}
    assert set(failures) == expected_failed
    assert report.n_failed == len(expected_failed)
    assert failures[str(root / "broken/huge.html")].stage == "read"
    assert "max_html_bytes" in failures[str(root / "broken/huge.html")].reason
    assert "password" in failures[str(root / "broken/encrypted.pdf")].reason
    assert failures[f"{root / 'more.zip'}!../evil.txt"].stage == "source"
    # each good document's record is exactly what extracting it alone gives
    for name, data in good.items():
        path = str(root / name)
        alone = process_document(Task(path, data, "", SETTINGS))
        assert stored[path].to_dict() == alone["meeting"]


def test_two_runs_and_any_worker_count_give_byte_identical_jsonl(tmp_path: Path, broken_tree: Path) -> None:
    exports = []
    for run, workers in enumerate((0, 2, 2)):
        extract_archive(broken_tree, tmp_path / f"run{run}.db", workers=workers, settings=SETTINGS)
        exports.append(export_bytes(tmp_path / f"run{run}.db", tmp_path / f"run{run}.jsonl"))
    assert exports[0] == exports[1] == exports[2]
    assert len(exports[0].splitlines()) == 12


def test_rerun_skips_done_files_and_reextracts_a_changed_one(tmp_path: Path, good_tree: Path) -> None:
    db = tmp_path / "m.db"
    first = extract_archive(good_tree, db, workers=0)
    assert (first.n_ok, first.n_skipped, first.n_failed) == (12, 0, 0)
    again = extract_archive(good_tree, db, workers=0)
    assert (again.n_ok, again.n_skipped, again.n_failed) == (0, 12, 0)
    changed = good_tree / "good/0000.txt"
    changed.write_text(changed.read_text().replace("Ashby Parish Council", "Ashby Town Council"))
    third = extract_archive(good_tree, db, workers=0)
    assert (third.n_ok, third.n_skipped, third.n_failed) == (1, 11, 0)
    with Store(db) as store:
        meetings = list(store.meetings())
        assert store.source_sha256(str(changed)) == next(m.source.sha256 for m in meetings if m.source.path == str(changed))
    assert len(meetings) == 12
    assert sum("Town Council" in (m.body or "") + json.dumps(m.to_dict()) for m in meetings) == 1
    # the resumed store is exactly a clean run on the changed tree
    extract_archive(good_tree, tmp_path / "clean.db", workers=0)
    assert export_bytes(db, tmp_path / "a.jsonl") == export_bytes(tmp_path / "clean.db", tmp_path / "b.jsonl")


def test_a_failed_file_is_reported_again_and_retried_when_it_changes_or_when_asked(tmp_path: Path,
                                                                                good_tree: Path) -> None:
    db, bad = tmp_path / "m.db", good_tree / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    assert extract_archive(good_tree, db, workers=0).n_failed == 1
    again = extract_archive(good_tree, db, workers=0)
    assert (again.n_ok, again.n_skipped, [f.path for f in again.failures]) == (0, 12, [str(bad)])
    assert extract_archive(good_tree, db, workers=0, retry_failed=True).n_failed == 1
    bad.write_text("MINUTES of a meeting of Ashby Parish Council held on 1 May 2023")
    fixed = extract_archive(good_tree, db, workers=0)
    assert (fixed.n_ok, fixed.n_skipped, fixed.n_failed) == (1, 12, 0)
    with Store(db) as store:
        assert store.failures() == [] and len(list(store.meetings())) == 13


def test_same_content_at_two_paths_is_extracted_once(tmp_path: Path, good: dict[str, bytes]) -> None:
    name, data = next(iter(good.items()))
    root = write_tree(tmp_path / "archive", {"a/" + name: data, "b/" + name: data})
    report = extract_archive(root, tmp_path / "m.db", workers=0)
    assert (report.n_ok, report.n_skipped) == (1, 1)


def test_progress_is_called_once_per_document(tmp_path: Path, broken_tree: Path) -> None:
    events = []
    extract_archive(broken_tree, tmp_path / "m.db", workers=0, settings=SETTINGS, progress=events.append)
    assert [e.n_done for e in events] == list(range(1, 20))
    assert {e.n_total for e in events} == {19}
    assert sorted(e.status for e in events).count("failed") == 7


def test_cli_exit_code_says_whether_any_file_failed(tmp_path: Path, good_tree: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["extract", str(good_tree), "--out", str(tmp_path / "ok.jsonl"), "--workers", "0"])
    assert ok.exit_code == 0, ok.output
    assert len((tmp_path / "ok.jsonl").read_text().splitlines()) == 12
    (good_tree / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    result = runner.invoke(cli, ["extract", str(good_tree), "--out", str(tmp_path / "out.jsonl"),
                                 "--store", str(tmp_path / "m.db"), "--workers", "1", "--timeout", "60"])
    assert result.exit_code == 1
    assert "12 meetings written to" in result.output and "skipped" not in result.output and "1 files failed" in result.output
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ok.jsonl").read_bytes()
    rerun = runner.invoke(cli, ["extract", str(good_tree), "--store", str(tmp_path / "m.db"), "--workers", "0"])
    assert rerun.exit_code == 1  # the broken file is still in the archive: reported, not retried
    assert "0 meetings written" in rerun.output and "12 skipped (content already extracted), 1 files failed" in rerun.output
    retry = runner.invoke(cli, ["extract", str(good_tree), "--store", str(tmp_path / "m.db"), "--workers", "0",
                                "--retry-failed"])
    assert retry.exit_code == 1 and "12 skipped (content already extracted), 1 files failed" in retry.output
    (good_tree / "bad.pdf").unlink()
    fixed = runner.invoke(cli, ["extract", str(good_tree), "--store", str(tmp_path / "m.db"), "--workers", "0"])
    assert fixed.exit_code == 0 and "0 meetings written" in fixed.output
    assert "12 skipped (content already extracted), 0 files failed" in fixed.output


def test_cli_needs_an_output(good_tree: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(good_tree)])
    assert result.exit_code == 2 and "--out" in result.output
