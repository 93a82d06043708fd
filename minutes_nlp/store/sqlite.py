"""The embedded SQLite store of meeting records: one writer, WAL mode, one transaction per meeting.

Example:
    >>> from minutes_nlp.store import Store
    >>> with Store("out/leeds.sqlite") as store:           # doctest: +SKIP
    ...     for meeting in minutes_nlp.extract_meetings(["archives/leeds"]):
    ...         store.add(meeting)
    ...     store.export("out/leeds.jsonl")
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from minutes_nlp.errors import StoreError
from minutes_nlp.extract import Failure
from minutes_nlp.records import AgendaItem, Meeting
from minutes_nlp.store.schema import MEETING_ORDER, SCHEMA_SQL, SCHEMA_VERSION, TABLES

__all__ = ["Store", "StoreError"]

logger = logging.getLogger(__name__)

_ATTENDANCE_LISTS = ("present", "apologies", "absent", "officers", "public")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), foreign keys on.

    Raises:
        StoreError: the file is not a SQLite database.
        FileNotFoundError: ``read_only`` and there is no such file.
    """
    path = str(path)
    try:
        if read_only:
            if not Path(path).is_file():
                raise FileNotFoundError(f"{path}: no store file here")
            uri = Path(path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA user_version").fetchone()  # fails here when the file is not SQLite
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"not a minutes_nlp store ({exc})") from exc
    return conn


class Store:
    """Meeting records and failures in one SQLite file; see docs/store.md for the schema.

    Opening creates the file and its tables (or checks their version). Only one process should
    write to a store at a time; readers (:class:`~minutes_nlp.store.Corpus`) may read while it does.
    Every :meth:`add` is one transaction, so a crash never leaves half a meeting. A store may be
    used from any thread (a batch's result callbacks, say); writes take a lock, one at a time.

    Example:
        >>> store = Store(":memory:")
        >>> store.done("0" * 64)
        False
        >>> store.close()

    Raises:
        StoreError: the file is not a store, or was made by a newer minutes_nlp.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = path if str(path) == ":memory:" else Path(path)
        if isinstance(self.path, Path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = connect(self.path)
        self._lock = threading.RLock()
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(self.path, f"cannot set up the store's tables ({exc})") from exc
        except StoreError:
            self._conn.close()
            raise

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(self.path, f"store schema version {version} is newer than this minutes_nlp "
                                        f"understands ({SCHEMA_VERSION}); upgrade minutes_nlp")
        if str(self.path) != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            # executescript runs the whole schema as one transaction, version stamp included.
            self._conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA_SQL}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection, for your own read-only queries."""
        if self._conn is None:
            raise ValueError(f"{self.path}: the store is closed")
        return self._conn

    def _fetch(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:  # never in the middle of another thread's transaction
            return self.connection.execute(query, params).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self.connection
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- what is stored ----------------------------------------------------------------------

    def done(self, sha256: str) -> bool:
        """Whether a meeting, or a failure, is stored for this content hash."""
        rows = self._fetch("SELECT EXISTS (SELECT 1 FROM meetings WHERE sha256 = ?) "
                           "OR EXISTS (SELECT 1 FROM failures WHERE sha256 = ?)", (sha256, sha256))
        return bool(rows[0][0])

    def source_sha256(self, path: str) -> str | None:
        """The sha256 last stored for this source path: a failure's if the path's last result failed.

        ``None`` when nothing is stored for the path, or its failure was stored without a hash.
        """
        failure = self._fetch("SELECT sha256 FROM failures WHERE path = ?", (str(path),))
        if failure:  # add() clears a path's failure, so a failure is newer than any meeting
            return failure[0][0]
        meeting = self._fetch("SELECT sha256 FROM meetings WHERE source_path = ?", (str(path),))
        return meeting[0][0] if meeting else None

    def counts(self) -> dict[str, int]:
        """Rows per table, e.g. ``{"meetings": 12, "items": 139, ...}``."""
        return {table: self._fetch(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The meeting with this id, exactly as it was added; ``None`` if there is none."""
        rows = self._fetch("SELECT record FROM meetings WHERE id = ?", (meeting_id,))
        return Meeting.from_dict(json.loads(rows[0][0])) if rows else None

    def meetings(self) -> Iterator[Meeting]:
        """Every meeting, by date (undated last), then source path, then id."""
        ids = [row[0] for row in self._fetch(f"SELECT m.id FROM meetings m ORDER BY {MEETING_ORDER}")]
        for meeting_id in ids:  # one record at a time: an archive's records need not fit in memory
            meeting = self.meeting(meeting_id)
            if meeting is not None:
                yield meeting

    def failures(self) -> list[Failure]:
        """Every stored failure, by path."""
        rows = self._fetch("SELECT path, stage, reason FROM failures ORDER BY path")
        return [Failure(path, stage, reason) for path, stage, reason in rows]

    # -- writing -----------------------------------------------------------------------------

    def add(self, meeting: Meeting) -> None:
        """Store a meeting in one transaction, replacing any meeting with its source path or id.

        Adding the same meeting twice leaves the store as adding it once; a failure stored for
        its source path is cleared.

        Raises:
            TypeError: ``meeting`` is not a :class:`~minutes_nlp.Meeting`.
        """
        if not isinstance(meeting, Meeting):
            raise TypeError(f"Store.add takes a Meeting, got {type(meeting).__name__}")
        record = _json(meeting.to_dict())
        source = meeting.source
        with self._transaction() as conn:
            conn.execute("DELETE FROM meetings WHERE id = ? OR source_path = ?", (meeting.id, source.path))
            if source.path is not None:
                conn.execute("DELETE FROM failures WHERE path = ?", (source.path,))
            conn.execute(
                "INSERT INTO meetings (id, source_path, format, sha256, pages, body, committee, date, "
                "start_time, venue, warnings, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (meeting.id, source.path, source.format, source.sha256, source.pages, meeting.body,
                 meeting.committee, meeting.date, meeting.start_time, meeting.venue,
                 _json(list(meeting.warnings)), record))
            for list_name in _ATTENDANCE_LISTS:
                conn.executemany(
                    "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(meeting.id, list_name, n, p.name, p.role, p.person_id, p.page)
                     for n, p in enumerate(getattr(meeting.attendance, list_name))])
            for index, item in enumerate(meeting.items):
                _insert_item(conn, meeting.id, index, item)

    def add_failure(self, path: str, stage: str, reason: str, sha256: str | None = None) -> None:
        """Store (or replace) the failure for a source path, in one transaction."""
        time = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO failures (path, stage, reason, sha256, time) "
                         "VALUES (?, ?, ?, ?, ?)", (str(path), stage, reason, sha256, time))

    def clear_failure(self, path: str) -> None:
        """Forget the failure stored for a source path (nothing happens if there is none)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM failures WHERE path = ?", (str(path),))

    # -- exports -----------------------------------------------------------------------------

    def export(self, path: str | Path, format: str | None = None) -> Path:
        """Write the store as JSONL (one meeting@1 per line), or CSV/Parquet (a folder, one file per table).

        ``format`` is "jsonl", "csv" or "parquet"; when ``None`` it comes from the extension
        (``.jsonl``/``.ndjson``, ``.csv``, ``.parquet``). The same records always give the same bytes.

        Example:
            >>> store.export("out/leeds.jsonl")          # doctest: +SKIP
            >>> store.export("out/leeds-tables", "csv")  # doctest: +SKIP

        Raises:
            ValueError: unknown format, or none given and none in the extension.
            ImportError: Parquet asked for and pyarrow is not installed.
        """
        from minutes_nlp.store.exports import export

        with self._lock:
            return export(self.connection, path, format)


def _insert_item(conn: sqlite3.Connection, meeting_id: str, index: int, item: AgendaItem) -> None:
    key = (meeting_id, index)
    conn.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (*key, item.number, item.minute_ref, item.title, item.text, item.start, item.end,
                  _json(list(item.pages))))
    issues = [(*key, -1, n, issue.id, issue.label) for n, issue in enumerate(item.issues)]
    utterances = []
    for u_index, u in enumerate(item.utterances):
        speaker = u.speaker
        utterances.append((*key, u_index, speaker and speaker.name, speaker and speaker.role,
                           speaker and speaker.person_id, _json(list(u.acts)), u.text, u.start, u.end, u.page))
        # Utterance.issues may not exist yet (issues/ adds it); store it when it does.
        issues.extend((*key, u_index, n, issue.id, issue.label)
                      for n, issue in enumerate(getattr(u, "issues", None) or ()))
    conn.executemany("INSERT INTO utterances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", utterances)
    conn.executemany("INSERT INTO motions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(*key, n, m.text, m.mover, m.seconder, m.outcome, m.start, m.end, m.page)
                      for n, m in enumerate(item.motions)])
    conn.executemany("INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(*key, n, v.for_, v.against, v.abstain, _json(v.to_dict()["named"]), v.start, v.end, v.page)
                      for n, v in enumerate(item.votes)])
    conn.executemany("INSERT INTO resolutions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(*key, n, r.number, r.text, r.outcome, r.motion, r.start, r.end, r.page)
                      for n, r in enumerate(item.resolutions)])
    conn.executemany("INSERT INTO declarations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(*key, n, d.member, d.kind, d.text, d.start, d.end, d.page)
                      for n, d in enumerate(item.declarations)])
    conn.executemany("INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?)", issues)
