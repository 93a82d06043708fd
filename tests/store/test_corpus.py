from __future__ import annotations

from pathlib import Path

import pytest

from minutes_nlp.store import Corpus, Store, StoreError
from tests.store import make_meeting

pd = pytest.importorskip("pandas")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.sqlite"
    with Store(path) as store:
        store.add(make_meeting("a.txt", date="2011-10-12", body="Example Council"))
        store.add(make_meeting("b.txt", date="2013-02-01", body="Example Council", n_items=1))
        store.add(make_meeting("c.txt", date="2015-06-30", body="Other Council", n_items=3))
        store.add_failure("x.pdf", "read", "x.pdf: encrypted", sha256="9" * 64)
    return path


@pytest.fixture
def corpus(store_path: Path):
    with Corpus.open(store_path) as c:
        yield c


def test_corpus_meetings(corpus: Corpus) -> None:
    frame = corpus.meetings()
    assert frame["date"].tolist() == ["2011-10-12", "2013-02-01", "2015-06-30"]
    assert frame["n_items"].tolist() == [2, 1, 3]
    assert frame["n_resolutions"].tolist() == [4, 2, 6]
    assert frame["warnings"].iloc[0] == ["page 3: no text layer"]
    assert corpus.meetings(body="Other Council")["source_path"].tolist() == ["c.txt"]


@pytest.mark.parametrize("body, since, until, dates", [
    (None, None, None, ["2011-10-12", "2013-02-01", "2015-06-30"]),
    ("Example Council", None, None, ["2011-10-12", "2013-02-01"]),
    (None, "2013-02-01", None, ["2013-02-01", "2015-06-30"]),
    (None, None, "2013-02-01", ["2011-10-12", "2013-02-01"]),
    ("Example Council", "2012-01-01", "2014-01-01", ["2013-02-01"]),
    ("Nobody", None, None, []),
])
def test_corpus_resolutions_filtered(corpus: Corpus, body, since, until, dates) -> None:
    frame = corpus.resolutions(body=body, since=since, until=until)
    assert sorted(set(frame["date"])) == dates
    assert {"meeting_id", "body", "item_number", "item_title", "number", "text", "outcome"} <= set(frame.columns)


def test_corpus_resolution_counts(corpus: Corpus) -> None:
    assert len(corpus.resolutions()) == 2 * (2 + 1 + 3)
    assert len(corpus.resolutions(until="2011-12-31")) == 4


@pytest.mark.parametrize("speaker, act, n", [
    (None, None, 18),
    ("cooper-j", None, 6),
    ("councillor jane cooper", None, 6),
    ("Mr Smith", None, 6),
    (None, "concern", 6),
    (None, "response", 6),
    ("Mr Smith", "concern", 0),
    ("cooper-j", "question", 6),
    (None, "conc", 0),
])
def test_corpus_utterances_filtered(corpus: Corpus, speaker, act, n) -> None:
    frame = corpus.utterances(speaker=speaker, act=act)
    assert len(frame) == n
    if act is not None:
        assert all(act in acts for acts in frame["acts"])


def test_corpus_items_and_people(corpus: Corpus) -> None:
    items = corpus.items()
    assert len(items) == 6
    assert items["pages"].iloc[0] == [1, 2]
    assert len(corpus.items(since="2015-01-01")) == 3
    people = corpus.people()
    assert len(people) == 12
    assert set(people["list"]) == {"present", "apologies", "officers"}
    assert len(corpus.people(person_id="cooper-j")) == 3


def test_corpus_failures(corpus: Corpus) -> None:
    frame = corpus.failures()
    assert frame[["path", "stage", "reason", "sha256"]].values.tolist() == [["x.pdf", "read", "x.pdf: encrypted", "9" * 64]]


def test_corpus_edits_do_not_touch_store(corpus: Corpus, store_path: Path) -> None:
    frame = corpus.meetings()
    frame.loc[0, "body"] = "Edited"
    frame["date"] = None
    assert corpus.meetings()["body"].iloc[0] == "Example Council"
    with Store(store_path) as store:
        assert store.counts()["meetings"] == 3


def test_corpus_records(corpus: Corpus) -> None:
    assert [m.source.path for m in corpus.records()] == ["a.txt", "b.txt", "c.txt"]


def test_corpus_is_read_only(corpus: Corpus) -> None:
    import sqlite3

    with pytest.raises(sqlite3.OperationalError):
        corpus._conn.execute("DELETE FROM meetings")


def test_corpus_reads_while_store_writes(store_path: Path) -> None:
    with Store(store_path) as store, Corpus.open(store_path) as corpus:
        store.add(make_meeting("d.txt", date="2020-01-01"))
        assert len(corpus.meetings()) == 4


def test_corpus_open_missing_or_bad_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Corpus.open(tmp_path / "missing.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not sqlite" * 200)
    with pytest.raises(StoreError):
        Corpus.open(bad)
