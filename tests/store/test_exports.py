from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import minutes_nlp
from minutes_nlp.store import Store
from minutes_nlp.store.schema import TABLES
from tests.store import make_meeting

MEETINGS = [make_meeting("b.txt", date="2024-05-01"), make_meeting("a.txt", date="2024-05-01", body="Other Council"),
            make_meeting("c.txt", date=None), make_meeting("d.txt", date="2023-01-01", n_items=1)]


def _read(path: Path) -> str:
    return path.read_text("utf-8")


def _fill(path: Path, order: list[int]) -> Store:
    store = Store(path)
    for n in order:
        store.add(MEETINGS[n])
    return store


@pytest.fixture
def two_stores(tmp_path: Path):
    """The same meetings and failures, added in different orders (one with a replaced version)."""
    first = _fill(tmp_path / "one.sqlite", [0, 1, 2, 3])
    first.add_failure("x.pdf", "read", "x.pdf: broken", sha256="1" * 64)
    first.add_failure("w.pdf", "structure", "w.pdf: no items")
    second = Store(tmp_path / "two.sqlite")
    second.add_failure("w.pdf", "read", "old reason")
    second.add(make_meeting("a.txt", version="old", n_items=5))
    second.add_failure("w.pdf", "structure", "w.pdf: no items")
    for n in [3, 2, 1, 0]:
        second.add(MEETINGS[n])
    second.add_failure("x.pdf", "read", "x.pdf: broken", sha256="1" * 64)
    yield first, second
    first.close()
    second.close()


def test_exports_jsonl_byte_identical_across_insertion_orders(tmp_path: Path, two_stores) -> None:
    first, second = two_stores
    a = first.export(tmp_path / "a.jsonl")
    b = second.export(tmp_path / "b.jsonl")
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text("utf-8").splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == ["d.txt", "a.txt", "b.txt", "c.txt"]
    assert "café" in lines[0]  # ensure_ascii=False
    assert [minutes_nlp.Meeting.from_dict(json.loads(line)) for line in lines] == list(first.meetings())
    # exactly what extract_to_jsonl writes for a meeting
    assert lines[0] == json.dumps(MEETINGS[3].to_dict(), ensure_ascii=False, sort_keys=False)
    assert a.read_bytes().endswith(b"}\n")


def test_exports_csv_identical_across_insertion_orders(tmp_path: Path, two_stores) -> None:
    first, second = two_stores
    a = first.export(tmp_path / "a", "csv")
    b = second.export(tmp_path / "b", "csv")
    assert sorted(p.name for p in a.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    for table in TABLES:
        assert (a / f"{table}.csv").read_bytes() == (b / f"{table}.csv").read_bytes(), table


def test_exports_csv_readable_with_expected_columns(tmp_path: Path, two_stores) -> None:
    first, _ = two_stores
    folder = first.export(tmp_path / "tables.csv")  # format from the extension: a folder named tables.csv
    assert folder.is_dir()
    for table, columns in TABLES.items():
        reader = csv.DictReader(io.StringIO(_read(folder / f"{table}.csv")))
        rows = list(reader)
        assert tuple(reader.fieldnames) == columns
        assert len(rows) == first.counts()[table], table
    meetings = list(csv.DictReader(io.StringIO(_read(folder / "meetings.csv"))))
    assert [m["source_path"] for m in meetings] == ["d.txt", "a.txt", "b.txt", "c.txt"]
    assert json.loads(meetings[0]["warnings"]) == ["page 3: no text layer"]
    assert meetings[3]["date"] == ""
    failures = list(csv.DictReader(io.StringIO(_read(folder / "failures.csv"))))
    assert "time" not in failures[0]
    utterances = list(csv.DictReader(io.StringIO(_read(folder / "utterances.csv"))))
    assert json.loads(utterances[0]["acts"]) == ["concern", "question"]


def test_exports_csv_with_pandas(tmp_path: Path, two_stores) -> None:
    pd = pytest.importorskip("pandas")
    folder = two_stores[0].export(tmp_path / "t", "csv")
    votes = pd.read_csv(folder / "votes.csv")
    assert list(votes.columns) == list(TABLES["votes"])
    assert votes["votes_for"].tolist() == [7] * len(votes)


def test_exports_parquet(tmp_path: Path, two_stores) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    first, second = two_stores
    a = first.export(tmp_path / "a.parquet")
    b = second.export(tmp_path / "b", "parquet")
    for table, columns in TABLES.items():
        t = pq.read_table(a / f"{table}.parquet")
        assert tuple(t.column_names) == columns
        assert t.num_rows == first.counts()[table]
        assert (a / f"{table}.parquet").read_bytes() == (b / f"{table}.parquet").read_bytes(), table


def test_exports_parquet_without_pyarrow_names_the_extra(tmp_path: Path, two_stores,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ImportError, match=r"minutes_nlp\[parquet\]"):
        two_stores[0].export(tmp_path / "t.parquet")


@pytest.mark.parametrize("name, fmt", [("out.txt", None), ("out", None), ("out.jsonl", "xml")])
def test_exports_unknown_format(tmp_path: Path, two_stores, name: str, fmt: str | None) -> None:
    with pytest.raises(ValueError, match="format"):
        two_stores[0].export(tmp_path / name, fmt)


def test_exports_explicit_format_overrides_extension(tmp_path: Path, two_stores) -> None:
    out = two_stores[0].export(tmp_path / "records.txt", "JSONL")
    assert len(out.read_text("utf-8").splitlines()) == 4


def test_exports_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.sqlite") as store:
        assert store.export(tmp_path / "e.jsonl").read_bytes() == b""
        folder = store.export(tmp_path / "e", "csv")
        assert (folder / "items.csv").read_text("utf-8") == ",".join(TABLES["items"]) + "\n"
