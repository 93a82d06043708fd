"""The SQLite schema of a minutes_nlp store (version 1), and the columns each export writes.

Every child row is keyed by its meeting id and its position in the record (``item_index``,
``utterance_index``, ...), never by an autoincrement id, so the same meetings give the same rows
and the same exports whatever order they were added in. Child tables cascade from their item or
meeting: deleting a meeting row removes everything extracted from it.

Example:
    >>> "meetings" in TABLES and TABLES["items"][0]
    'meeting_id'
"""
from __future__ import annotations

__all__ = ["INTEGER_COLUMNS", "JSON_COLUMNS", "MEETING_ORDER", "SCHEMA_SQL", "SCHEMA_VERSION", "TABLES", "is_integer"]

SCHEMA_VERSION = 1

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meetings (
    id          TEXT PRIMARY KEY,
    source_path TEXT UNIQUE,              -- NULL for a meeting read from bytes
    format      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    pages       INTEGER NOT NULL,
    body        TEXT,
    committee   TEXT,
    date        TEXT,                     -- ISO 8601 (YYYY-MM-DD)
    start_time  TEXT,                     -- HH:MM
    venue       TEXT,
    warnings    TEXT NOT NULL,            -- JSON array of strings
    record      TEXT NOT NULL             -- the whole meeting@1 JSON object
);
CREATE INDEX IF NOT EXISTS meetings_by_date      ON meetings (date, source_path);
CREATE INDEX IF NOT EXISTS meetings_by_body      ON meetings (body, date);
CREATE INDEX IF NOT EXISTS meetings_by_committee ON meetings (committee, date);
CREATE INDEX IF NOT EXISTS meetings_by_sha256    ON meetings (sha256);

CREATE TABLE IF NOT EXISTS people (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    list       TEXT NOT NULL,             -- present | apologies | absent | officers | public
    position   INTEGER NOT NULL,          -- 0-based place in that list
    name       TEXT NOT NULL,
    role       TEXT,
    person_id  TEXT,
    page       INTEGER,
    PRIMARY KEY (meeting_id, list, position)
);
CREATE INDEX IF NOT EXISTS people_by_person_id ON people (person_id);
CREATE INDEX IF NOT EXISTS people_by_name      ON people (name);

CREATE TABLE IF NOT EXISTS items (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item_index INTEGER NOT NULL,          -- 0-based place in the meeting
    number     TEXT,
    minute_ref TEXT,
    title      TEXT,
    text       TEXT NOT NULL,
    start      INTEGER,
    "end"      INTEGER,
    pages      TEXT NOT NULL,             -- JSON array of 1-based page numbers
    PRIMARY KEY (meeting_id, item_index)
);

CREATE TABLE IF NOT EXISTS utterances (
    meeting_id      TEXT NOT NULL,
    item_index      INTEGER NOT NULL,
    utterance_index INTEGER NOT NULL,
    speaker_name    TEXT,
    speaker_role    TEXT,
    person_id       TEXT,
    acts            TEXT NOT NULL,        -- JSON array: concern, request, question, ...
    text            TEXT NOT NULL,
    start           INTEGER,
    "end"           INTEGER,
    page            INTEGER,
    PRIMARY KEY (meeting_id, item_index, utterance_index),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS utterances_by_person_id ON utterances (person_id);
CREATE INDEX IF NOT EXISTS utterances_by_speaker   ON utterances (speaker_name);

CREATE TABLE IF NOT EXISTS motions (
    meeting_id   TEXT NOT NULL,
    item_index   INTEGER NOT NULL,
    motion_index INTEGER NOT NULL,
    text         TEXT NOT NULL,
    mover        TEXT,
    seconder     TEXT,
    outcome      TEXT,
    start        INTEGER,
    "end"        INTEGER,
    page         INTEGER,
    PRIMARY KEY (meeting_id, item_index, motion_index),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS votes (
    meeting_id    TEXT NOT NULL,
    item_index    INTEGER NOT NULL,
    vote_index    INTEGER NOT NULL,
    votes_for     INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER,
    named         TEXT NOT NULL,          -- JSON object: {"for": [...], "against": [...], ...}
    start         INTEGER,
    "end"         INTEGER,
    page          INTEGER,
    PRIMARY KEY (meeting_id, item_index, vote_index),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS resolutions (
    meeting_id       TEXT NOT NULL,
    item_index       INTEGER NOT NULL,
    resolution_index INTEGER NOT NULL,
    number           TEXT,
    text             TEXT NOT NULL,
    outcome          TEXT,
    motion           INTEGER,             -- index into the item's motions
    start            INTEGER,
    "end"            INTEGER,
    page             INTEGER,
    PRIMARY KEY (meeting_id, item_index, resolution_index),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS resolutions_by_meeting ON resolutions (meeting_id);

CREATE TABLE IF NOT EXISTS declarations (
    meeting_id        TEXT NOT NULL,
    item_index        INTEGER NOT NULL,
    declaration_index INTEGER NOT NULL,
    member            TEXT,
    kind              TEXT,
    text              TEXT NOT NULL,
    start             INTEGER,
    "end"             INTEGER,
    page              INTEGER,
    PRIMARY KEY (meeting_id, item_index, declaration_index),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS issues (
    meeting_id      TEXT NOT NULL,
    item_index      INTEGER NOT NULL,
    utterance_index INTEGER NOT NULL,     -- -1: the item's own issues; else the utterance's
    position        INTEGER NOT NULL,
    issue_id        TEXT NOT NULL,
    label           TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_index, utterance_index, position),
    FOREIGN KEY (meeting_id, item_index) REFERENCES items (meeting_id, item_index) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS issues_by_issue_id ON issues (issue_id);

CREATE TABLE IF NOT EXISTS failures (
    path   TEXT PRIMARY KEY,
    stage  TEXT NOT NULL,
    reason TEXT NOT NULL,
    sha256 TEXT,
    time   TEXT NOT NULL                  -- UTC, ISO 8601; never exported
);
CREATE INDEX IF NOT EXISTS failures_by_sha256 ON failures (sha256);
"""

# Export columns per table, in file order. ``meetings.record`` and ``failures.time`` are left out:
# the whole record is what the JSONL export is for, and a timestamp would make exports differ.
TABLES: dict[str, tuple[str, ...]] = {
    "meetings": ("id", "source_path", "format", "sha256", "pages", "body", "committee", "date",
                 "start_time", "venue", "warnings"),
    "people": ("meeting_id", "list", "position", "name", "role", "person_id", "page"),
    "items": ("meeting_id", "item_index", "number", "minute_ref", "title", "text", "start", "end", "pages"),
    "utterances": ("meeting_id", "item_index", "utterance_index", "speaker_name", "speaker_role",
                   "person_id", "acts", "text", "start", "end", "page"),
    "motions": ("meeting_id", "item_index", "motion_index", "text", "mover", "seconder", "outcome",
                "start", "end", "page"),
    "votes": ("meeting_id", "item_index", "vote_index", "votes_for", "votes_against", "votes_abstain",
              "named", "start", "end", "page"),
    "resolutions": ("meeting_id", "item_index", "resolution_index", "number", "text", "outcome", "motion",
                    "start", "end", "page"),
    "declarations": ("meeting_id", "item_index", "declaration_index", "member", "kind", "text", "start",
                     "end", "page"),
    "issues": ("meeting_id", "item_index", "utterance_index", "position", "issue_id", "label"),
    "failures": ("path", "stage", "reason", "sha256"),
}

# Columns holding JSON text (arrays or objects), per table.
JSON_COLUMNS: dict[str, frozenset[str]] = {
    "meetings": frozenset({"warnings"}),
    "items": frozenset({"pages"}),
    "utterances": frozenset({"acts"}),
    "votes": frozenset({"named"}),
}

# Integer columns, unless the table lists the column in JSON_COLUMNS (items.pages); the rest are text.
INTEGER_COLUMNS = frozenset({
    "pages", "position", "page", "item_index", "utterance_index", "motion_index", "vote_index",
    "resolution_index", "declaration_index", "start", "end", "votes_for", "votes_against",
    "votes_abstain", "motion",
})

# Meetings in a deterministic order: by date (undated last), then source path, then id.
MEETING_ORDER = ("m.date IS NULL, m.date, m.source_path IS NULL, m.source_path, m.id")


def is_integer(table: str, column: str) -> bool:
    """Whether ``table.column`` holds an integer (or NULL) rather than text."""
    return column in INTEGER_COLUMNS and column not in JSON_COLUMNS.get(table, frozenset())
