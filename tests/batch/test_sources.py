"""Walking archives safely: zip members read in memory, unsafe names refused, nothing written outside."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from minutes_nlp.batch import Entry, Rejected, extract_archive, iter_entries
from minutes_nlp.batch.sources import unsafe_member_name
from minutes_nlp.store import Store
from tests.batch.archive_factory import good_documents, write_tree, write_zip


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "\\\\server\\x", "C:/x.txt",
                                  "..\\evil.txt", "a\x00b"])
def test_unsafe_member_names(name: str) -> None:
    assert unsafe_member_name(name) is not None


@pytest.mark.parametrize("name", ["minutes.pdf", "2024/03/minutes.html", "a..b.txt", "..minutes.txt"])
def test_safe_member_names(name: str) -> None:
    assert unsafe_member_name(name) is None


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_zip_slip_is_rejected_and_nothing_is_written_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = tmp_path / "deep" / "er"
    inner.mkdir(parents=True)
    archive = write_zip(inner / "a.zip", good_documents(2),
                        unsafe={"../evil.txt": b"MINUTES of evil", "../../evil2.txt": b"x", "/tmp/abs-evil.txt": b"x"})
    monkeypatch.chdir(inner)
    before = _tree(tmp_path)
    report = extract_archive(archive, tmp_path / "m.db", workers=0)
    after = _tree(tmp_path) - {"m.db", "m.db-wal", "m.db-shm", "m.db-journal"}
    assert after == before
    assert not Path("/tmp/abs-evil.txt").exists()
    assert report.n_ok == 2
    assert sorted((f.path.split("!")[1], f.stage) for f in report.failures) == [
        ("../../evil2.txt", "source"), ("../evil.txt", "source"), ("/tmp/abs-evil.txt", "source")]
    with Store(tmp_path / "m.db") as store:
        assert len(store.failures()) == 3


def test_entries_are_sorted_and_zips_in_folders_are_expanded(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "a", {"z.txt": b"MINUTES", "b/c.txt": b"MINUTES", ".hidden.txt": b"x"})
    write_zip(root / "m.zip", {"2.txt": b"MINUTES", "1.txt": b"MINUTES", "__MACOSX/._1.txt": b"x", "d/": b""})
    paths = [os.path.relpath(e.path, root) for e in iter_entries(root)]
    assert paths == ["b/c.txt", "m.zip!1.txt", "m.zip!2.txt", "z.txt"]
    assert all(isinstance(e, Entry) for e in iter_entries(root))


def test_a_member_larger_than_the_limit_is_a_read_failure(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", {"big.txt": b"MINUTES " * 10_000, **good_documents(1)})
    report = extract_archive(archive, tmp_path / "m.db", workers=0, max_bytes=50_000)
    assert report.n_ok == 1
    assert [(Path(f.path.split("!")[1]).name, f.stage) for f in report.failures] == [("big.txt", "read")]
    assert "batch limit" in report.failures[0].reason


def test_a_damaged_zip_is_rejected(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", good_documents(3))
    archive.write_bytes(archive.read_bytes()[:-30])  # the central directory is cut
    entries = list(iter_entries(archive))
    if zipfile.is_zipfile(archive):  # pragma: no cover - depends on where the cut fell
        assert all(isinstance(e, (Entry, Rejected)) for e in entries)
    else:
        assert [type(e) for e in entries] == [Entry]  # not a zip any more: read as a file, fails in the reader
