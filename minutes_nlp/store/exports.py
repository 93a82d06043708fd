"""Exports of a store: JSONL (one meeting@1 record per line), CSV and Parquet (one file per table).

Every export is deterministic: meetings are sorted by date, source path and id; child rows by
their position in the record; no timestamps are written. The same records give the same bytes,
whatever order they were added in.

Example:
    >>> from minutes_nlp.store import Store
    >>> with Store("out/leeds.sqlite") as store:      # doctest: +SKIP
    ...     store.export("out/leeds.jsonl")
    ...     store.export("out/leeds-csv", "csv")      # out/leeds-csv/meetings.csv, items.csv, ...
"""
from __future__ import annotations

import csv
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from minutes_nlp.store.schema import MEETING_ORDER, TABLES, is_integer

__all__ = ["FORMATS", "export", "export_csv", "export_jsonl", "export_parquet", "table_rows"]

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_PARQUET_HINT = "pip install 'minutes_nlp[parquet]'"


def export(conn: sqlite3.Connection, path: str | Path, format: str | None = None) -> Path:
    """Write the store behind ``conn`` to ``path`` as ``format`` (from the extension when ``None``).

    Raises:
        ValueError: unknown format, or none given and none in the extension.
        ImportError: Parquet asked for and pyarrow is not installed.
    """
    path = Path(path)
    if format is None:
        format = _SUFFIXES.get(path.suffix.lower())
        if format is None:
            raise ValueError(f"{path}: cannot tell the export format from the extension "
                             f"{path.suffix or '(none)'!r}; pass format= one of {', '.join(FORMATS)}")
    format = format.lower()
    if format == "jsonl":
        return export_jsonl(conn, path)
    if format == "csv":
        return export_csv(conn, path)
    if format == "parquet":
        return export_parquet(conn, path)
    raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")


def export_jsonl(conn: sqlite3.Connection, path: Path) -> Path:
    """One meeting@1 JSON object per line, as :func:`minutes_nlp.extract_to_jsonl` writes them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ids = [row[0] for row in conn.execute(f"SELECT m.id FROM meetings m ORDER BY {MEETING_ORDER}")]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for meeting_id in ids:
            # The stored record is json.dumps(meeting.to_dict(), ensure_ascii=False) already.
            record = conn.execute("SELECT record FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0]
            handle.write(record + "\n")
    return path


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """The export rows of one table (columns as in ``schema.TABLES[table]``), in a fixed order."""
    columns = TABLES[table]
    if table == "failures":
        query = f"SELECT {_select(columns, 'f')} FROM failures f ORDER BY f.path"
    elif table == "meetings":
        query = f"SELECT {_select(columns, 'm')} FROM meetings m ORDER BY {MEETING_ORDER}"
    else:
        key = [c for c in columns[1:] if c.endswith("_index") or c in ("list", "position")]
        order = ", ".join([MEETING_ORDER] + [f"t.{c}" for c in key])
        query = (f"SELECT {_select(columns, 't')} FROM {table} t "
                 f"JOIN meetings m ON m.id = t.meeting_id ORDER BY {order}")
    return iter(conn.execute(query))


def _select(columns: tuple[str, ...], alias: str) -> str:
    return ", ".join(f'{alias}."{c}"' for c in columns)


def export_csv(conn: sqlite3.Connection, folder: Path) -> Path:
    """A folder with one UTF-8 CSV file per table (``meetings.csv``, ``items.csv``, ...).

    JSON columns (``warnings``, ``pages``, ``acts``, ``named``) hold JSON text; NULL is an empty cell.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for table, columns in TABLES.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(table_rows(conn, table))
    return folder


def export_parquet(conn: sqlite3.Connection, folder: Path) -> Path:
    """A folder with one Parquet file per table; needs the optional ``parquet`` extra (pyarrow).

    Raises:
        ImportError: pyarrow is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError(f"Parquet export needs pyarrow, which is not installed: {_PARQUET_HINT}") from exc
    folder.mkdir(parents=True, exist_ok=True)
    for table, columns in TABLES.items():
        schema = pa.schema([(c, pa.int64() if is_integer(table, c) else pa.string()) for c in columns])
        rows = list(table_rows(conn, table))
        data = {c: [row[i] for row in rows] for i, c in enumerate(columns)}
        pq.write_table(pa.Table.from_pydict(data, schema=schema), folder / f"{table}.parquet")
    return folder
