"""A read-only, notebook-friendly view of a store: pandas DataFrames of meetings, items,
utterances, resolutions, people and failures (ConvoKit-like; pandas is imported on first use).

Every call reads the store afresh and returns a new DataFrame, so editing a frame never
touches the store.

Example:
    >>> from minutes_nlp.store import Corpus
    >>> corpus = Corpus.open("out/leeds.sqlite")                          # doctest: +SKIP
    >>> corpus.resolutions(body="Leeds City Council", since="2011-01-01")  # doctest: +SKIP
    >>> corpus.utterances(speaker="cooper-j", act="concern")               # doctest: +SKIP
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from minutes_nlp.records import Meeting
from minutes_nlp.store.schema import MEETING_ORDER
from minutes_nlp.store.sqlite import connect

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus"]

_MEETING_COLUMNS = "m.date AS date, m.body AS body, m.committee AS committee"
_ITEM_COLUMNS = "i.number AS item_number, i.title AS item_title"


class Corpus:
    """Meetings in a store as pandas DataFrames; open with :meth:`Corpus.open`.

    Example:
        >>> with Corpus.open("out/leeds.sqlite") as corpus:     # doctest: +SKIP
        ...     corpus.meetings().groupby("committee").size()
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, store_path: str | Path) -> Corpus:
        """Open a store file read-only.

        Raises:
            FileNotFoundError: there is no such file.
            StoreError: the file is not a store.
        """
        path = Path(store_path)
        return cls(connect(path, read_only=True), path)

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Corpus.open({str(self.path)!r})"

    # -- records -------------------------------------------------------------------------------

    def records(self) -> Iterator[Meeting]:
        """Every meeting as a :class:`~minutes_nlp.Meeting`, by date then source path."""
        ids = [row[0] for row in self._conn.execute(f"SELECT m.id FROM meetings m ORDER BY {MEETING_ORDER}")]
        for meeting_id in ids:
            row = self._conn.execute("SELECT record FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            if row is not None:
                yield Meeting.from_dict(json.loads(row[0]))

    # -- frames --------------------------------------------------------------------------------

    def meetings(self, body: str | None = None, since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """One row per meeting: id, source_path, format, sha256, pages, body, committee, date,
        start_time, venue, warnings (list), n_items, n_resolutions."""
        where, params = _meeting_filter(body, since, until)
        frame = self._frame(
            "SELECT m.id, m.source_path, m.format, m.sha256, m.pages, m.body, m.committee, m.date, "
            "m.start_time, m.venue, m.warnings, "
            "(SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS n_items, "
            "(SELECT count(*) FROM resolutions r WHERE r.meeting_id = m.id) AS n_resolutions "
            f"FROM meetings m {where} ORDER BY {MEETING_ORDER}", params)
        return _decode(frame, "warnings")

    def items(self, body: str | None = None, since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """One row per agenda item, with its meeting's date, body and committee."""
        where, params = _meeting_filter(body, since, until)
        frame = self._frame(
            f"SELECT i.meeting_id, {_MEETING_COLUMNS}, i.item_index, i.number, i.minute_ref, i.title, "
            'i.text, i.start, i."end", i.pages '
            f"FROM items i JOIN meetings m ON m.id = i.meeting_id {where} "
            f"ORDER BY {MEETING_ORDER}, i.item_index", params)
        return _decode(frame, "pages")

    def utterances(self, speaker: str | None = None, act: str | None = None) -> pd.DataFrame:
        """One row per utterance; ``speaker`` matches a person_id or a speaker name (any case),
        ``act`` keeps utterances tagged with that act ("concern", "request", ...)."""
        clauses, params = [], []
        if speaker is not None:
            clauses.append("(u.person_id = ? OR lower(u.speaker_name) = lower(?))")
            params += [speaker, speaker]
        if act is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(u.acts) WHERE json_each.value = ?)")
            params.append(act)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        frame = self._frame(
            f"SELECT u.meeting_id, {_MEETING_COLUMNS}, u.item_index, {_ITEM_COLUMNS}, u.utterance_index, "
            'u.speaker_name, u.speaker_role, u.person_id, u.acts, u.text, u.start, u."end", u.page '
            "FROM utterances u JOIN meetings m ON m.id = u.meeting_id "
            "JOIN items i ON i.meeting_id = u.meeting_id AND i.item_index = u.item_index "
            f"{where} ORDER BY {MEETING_ORDER}, u.item_index, u.utterance_index", params)
        return _decode(frame, "acts")

    def resolutions(self, body: str | None = None, since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """One row per resolution, with its meeting and item; ``since``/``until`` are ISO dates, inclusive."""
        where, params = _meeting_filter(body, since, until)
        return self._frame(
            f"SELECT r.meeting_id, {_MEETING_COLUMNS}, r.item_index, {_ITEM_COLUMNS}, r.resolution_index, "
            'r.number, r.text, r.outcome, r.motion, r.start, r."end", r.page '
            "FROM resolutions r JOIN meetings m ON m.id = r.meeting_id "
            "JOIN items i ON i.meeting_id = r.meeting_id AND i.item_index = r.item_index "
            f"{where} ORDER BY {MEETING_ORDER}, r.item_index, r.resolution_index", params)

    def people(self, person_id: str | None = None) -> pd.DataFrame:
        """One row per attendance entry (present, apologies, absent, officers, public), with its meeting."""
        where, params = ("WHERE p.person_id = ?", [person_id]) if person_id is not None else ("", [])
        return self._frame(
            f"SELECT p.meeting_id, {_MEETING_COLUMNS}, p.list, p.position, p.name, p.role, p.person_id, p.page "
            f"FROM people p JOIN meetings m ON m.id = p.meeting_id {where} "
            f"ORDER BY {MEETING_ORDER}, p.list, p.position", params)

    def failures(self) -> pd.DataFrame:
        """One row per file that failed: path, stage, reason, sha256, time (UTC)."""
        return self._frame("SELECT path, stage, reason, sha256, time FROM failures ORDER BY path", [])

    def _frame(self, query: str, params: list[Any]) -> pd.DataFrame:
        import pandas as pd

        if self._conn is None:
            raise ValueError(f"{self.path}: the corpus is closed")
        cursor = self._conn.execute(query, params)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)


def _meeting_filter(body: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if body is not None:
        clauses.append("m.body = ?")
        params.append(body)
    if since is not None:
        clauses.append("m.date >= ?")
        params.append(str(since))
    if until is not None:
        clauses.append("m.date <= ?")
        params.append(str(until))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _decode(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    frame[column] = [json.loads(v) for v in frame[column]]
    return frame
