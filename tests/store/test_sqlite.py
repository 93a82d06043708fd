from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import minutes_nlp
from minutes_nlp.errors import MinutesError
from minutes_nlp.store import Store, StoreError
from minutes_nlp.store import sqlite as store_sqlite
from tests.store import make_meeting

CHILD_TABLES = ("people", "items", "utterances", "motions", "votes", "resolutions", "declarations", "issues")


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store.sqlite") as s:
        yield s


@pytest.fixture(scope="module")
def sample_meetings(sample_corpus: Path) -> list[minutes_nlp.Meeting]:
    ms = [m for m in minutes_nlp.extract_meetings([sample_corpus]) if isinstance(m, minutes_nlp.Meeting)]
    if not ms:
        pytest.skip("no sample meetings")
    return ms


def test_sqlite_round_trip_equality(store: Store) -> None:
    meetings = [make_meeting("b.txt", date="2024-05-01"), make_meeting("a.txt", date="2024-05-01"),
                make_meeting("c.txt", date=None), make_meeting("d.txt", date="2023-01-01")]
    for m in meetings:
        store.add(m)
    back = list(store.meetings())
    assert [m.source.path for m in back] == ["d.txt", "a.txt", "b.txt", "c.txt"]  # by date (undated last), then path
    assert sorted(back, key=lambda m: m.id) == sorted(meetings, key=lambda m: m.id)
    assert store.meeting(meetings[0].id) == meetings[0]
    assert store.meeting("nope") is None


def test_sqlite_round_trip_sample_corpus(tmp_path: Path, sample_meetings: list[minutes_nlp.Meeting]) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        for m in sample_meetings:
            store.add(m)
        back = {m.id: m for m in store.meetings()}
    assert back == {m.id: m for m in sample_meetings}


def test_sqlite_rows_per_table(store: Store) -> None:
    store.add(make_meeting(n_items=2))
    assert store.counts() == {"meetings": 1, "people": 4, "items": 2, "utterances": 6, "motions": 2, "votes": 2,
                              "resolutions": 4, "declarations": 1, "issues": 2, "failures": 0}


def test_sqlite_readd_same_meeting_never_duplicates(store: Store) -> None:
    m = make_meeting()
    store.add(m)
    once = store.counts()
    store.add(m)
    store.add(m)
    assert store.counts() == once
    assert list(store.meetings()) == [m]


def test_sqlite_changed_version_of_same_path_replaces_rows(store: Store) -> None:
    store.add(make_meeting("a.txt", version="v1", n_items=3))
    store.add(make_meeting("b.txt"))
    new = make_meeting("a.txt", version="v2", n_items=1)
    store.add(new)
    counts = store.counts()
    assert counts["meetings"] == 2
    assert counts["items"] == 2 + 1  # b's two items, a's one
    for table in CHILD_TABLES:
        orphans = store.connection.execute(
            f"SELECT count(*) FROM {table} WHERE meeting_id NOT IN (SELECT id FROM meetings)").fetchone()[0]
        assert orphans == 0, table
    assert store.source_sha256("a.txt") == new.source.sha256
    assert not store.done(make_meeting("a.txt", version="v1").source.sha256)
    assert store.meeting(new.id) == new


def test_sqlite_same_id_from_another_path_replaces(store: Store) -> None:
    m = make_meeting("a.txt")
    store.add(m)
    moved = minutes_nlp.Meeting.from_dict({**m.to_dict(), "source": {**m.to_dict()["source"], "path": "moved/a.txt"}})
    store.add(moved)
    assert store.counts()["meetings"] == 1
    assert list(store.meetings()) == [moved]


def test_sqlite_done_and_source_sha256(store: Store) -> None:
    m = make_meeting("a.txt")
    assert not store.done(m.source.sha256)
    assert store.source_sha256("a.txt") is None
    store.add(m)
    assert store.done(m.source.sha256)
    assert store.source_sha256("a.txt") == m.source.sha256
    store.add_failure("broken.pdf", "read", "broken.pdf: no text layer", sha256="f" * 64)
    assert store.done("f" * 64)
    assert store.source_sha256("broken.pdf") == "f" * 64


def test_sqlite_failures_add_replace_clear(store: Store) -> None:
    store.add_failure("z.pdf", "read", "z.pdf: encrypted")
    store.add_failure("a.pdf", "structure", "a.pdf: ValueError: x", sha256="a" * 64)
    store.add_failure("a.pdf", "read", "a.pdf: truncated", sha256="b" * 64)  # replaces
    assert store.failures() == [minutes_nlp.Failure("a.pdf", "read", "a.pdf: truncated"),
                                minutes_nlp.Failure("z.pdf", "read", "z.pdf: encrypted")]
    assert store.done("b" * 64) and not store.done("a" * 64)
    store.clear_failure("a.pdf")
    store.clear_failure("never-failed.pdf")
    assert store.failures() == [minutes_nlp.Failure("z.pdf", "read", "z.pdf: encrypted")]


def test_sqlite_add_clears_failure_of_same_path(store: Store) -> None:
    store.add_failure("a.txt", "read", "a.txt: locked", sha256="c" * 64)
    assert store.source_sha256("a.txt") == "c" * 64
    m = make_meeting("a.txt")
    store.add(m)
    assert store.failures() == []
    assert store.source_sha256("a.txt") == m.source.sha256


def test_sqlite_failure_after_meeting_is_latest_sha(store: Store) -> None:
    store.add(make_meeting("a.txt"))
    store.add_failure("a.txt", "read", "a.txt: now broken", sha256="d" * 64)
    assert store.source_sha256("a.txt") == "d" * 64


def test_sqlite_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "store.sqlite"
    m = make_meeting()
    with Store(path) as store:
        store.add(m)
    with Store(path) as store:
        assert list(store.meetings()) == [m]
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_sqlite_failed_add_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    old = make_meeting("a.txt", version="v1")
    store.add(old)
    before = store.counts()
    calls = []

    def broken(conn, meeting_id, index, item):
        calls.append(index)
        if index == 1:
            raise RuntimeError("disk on fire")
        return original(conn, meeting_id, index, item)

    original = store_sqlite._insert_item
    monkeypatch.setattr(store_sqlite, "_insert_item", broken)
    with pytest.raises(RuntimeError):
        store.add(make_meeting("a.txt", version="v2", n_items=3))
    assert calls == [0, 1]
    assert store.counts() == before
    assert list(store.meetings()) == [old]


def test_sqlite_killed_mid_transaction_leaves_no_partial_meeting(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    kept = make_meeting("kept.txt")
    with Store(path) as store:
        store.add(kept)
    # Another process starts writing a meeting and dies before committing.
    script = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM meetings")
        conn.execute("INSERT INTO meetings (id, source_path, format, sha256, pages, warnings, record) "
                     "VALUES ('half', 'half.txt', 'txt', 'e', 1, '[]', '{{}}')")
        conn.execute("INSERT INTO items VALUES ('half', 0, '1', NULL, 't', '', NULL, NULL, '[]')")
        os._exit(9)
    """)
    result = subprocess.run([sys.executable, "-c", script])
    assert result.returncode == 9
    with Store(path) as store:
        assert list(store.meetings()) == [kept]
        assert store.counts()["items"] == len(kept.items)
        assert not store.done("e")


def test_sqlite_uncommitted_second_connection_is_invisible(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN")
        other.execute("INSERT INTO meetings (id, source_path, format, sha256, pages, warnings, record) "
                      "VALUES ('half', 'half.txt', 'txt', 'e', 1, '[]', '{}')")
        assert store.counts()["meetings"] == 0
        other.close()  # closed without commit
        assert store.counts()["meetings"] == 0
        store.add(make_meeting())
        assert store.counts()["meetings"] == 1


def test_sqlite_rejects_non_meeting(store: Store) -> None:
    with pytest.raises(TypeError, match="Meeting"):
        store.add(minutes_nlp.Failure("a", "read", "x"))  # type: ignore[arg-type]


def test_sqlite_not_a_store_file(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="notes.sqlite") as info:
        Store(bad)
    assert isinstance(info.value, MinutesError)


def test_sqlite_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_sqlite_memory_store() -> None:
    with Store(":memory:") as store:
        store.add(make_meeting())
        assert store.counts()["meetings"] == 1


def test_sqlite_add_from_another_thread(store: Store) -> None:
    import threading

    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            store.add(make_meeting(f"t{n}.txt"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts()["meetings"] == 4
