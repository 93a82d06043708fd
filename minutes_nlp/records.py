"""Meeting records: plain, frozen, JSON-serialisable dataclasses (schema ``minutes_nlp/meeting@1``).

Records carry no spaCy or PDF objects. Every fact keeps its provenance: the page it was
printed on and character offsets (``start``, ``end``) into :attr:`Document.text`.

Example:
    >>> r = Resolution(text="the minutes be approved as a correct record", number="1")
    >>> Resolution.from_dict(r.to_dict()) == r
    True
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

SCHEMA = "minutes_nlp/meeting@1"

Outcome = Literal["carried", "lost", "withdrawn", "deferred"]

__all__ = [
    "SCHEMA",
    "AgendaItem",
    "Attendance",
    "Declaration",
    "IssueRef",
    "Meeting",
    "Motion",
    "Outcome",
    "Participant",
    "Resolution",
    "Source",
    "Speaker",
    "Utterance",
    "Vote",
]

T = TypeVar("T", bound="_Record")


class _Record:
    """to_dict/from_dict for nested frozen dataclasses (tuples become JSON lists)."""

    _renames: dict[str, str] = {}  # python field name -> JSON key

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[self._renames.get(f.name, f.name)] = _to_json(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = _type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            key = cls._renames.get(f.name, f.name)
            if key in data:
                kwargs[f.name] = _from_json(hints[f.name], data[key])
        return cls(**kwargs)


@functools.lru_cache(maxsize=None)
def _type_hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a record class (resolving them is slow; they never change)."""
    return get_type_hints(cls)


def _to_json(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


def _from_json(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    args = get_args(hint)
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if origin is tuple:
        inner = args[0] if args else Any
        return tuple(_from_json(inner, v) for v in value)
    if origin is dict:
        inner = args[1] if len(args) == 2 else Any
        return {k: _from_json(inner, v) for k, v in value.items()}
    if args and origin is not Literal:  # Optional / Union: try the record type if any
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, _Record) and isinstance(value, dict):
                return arg.from_dict(value)
            if get_origin(arg) is tuple and isinstance(value, list):
                return _from_json(arg, value)
    return value


@dataclass(frozen=True)
class Source(_Record):
    """Where a meeting came from: file path, format, content hash, page count."""

    path: str | None
    format: str
    sha256: str
    pages: int


@dataclass(frozen=True)
class Participant(_Record):
    """A person (or role, where no name is printed) in an attendance list."""

    name: str
    role: str | None = None
    person_id: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class Attendance(_Record):
    """Who was present, sent apologies, was absent, attended as an officer or from the public."""

    present: tuple[Participant, ...] = ()
    apologies: tuple[Participant, ...] = ()
    absent: tuple[Participant, ...] = ()
    officers: tuple[Participant, ...] = ()
    public: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class Speaker(_Record):
    name: str | None = None
    role: str | None = None
    person_id: str | None = None


@dataclass(frozen=True)
class IssueRef(_Record):
    """An issue an item or utterance is about: the catalog id and its readable label."""

    id: str
    label: str


@dataclass(frozen=True)
class Utterance(_Record):
    """A stretch of discussion attributed to one speaker, with its acts and the issues it names."""

    speaker: Speaker | None
    acts: tuple[str, ...]
    text: str
    start: int
    end: int
    page: int | None = None
    issues: tuple[IssueRef, ...] = ()


@dataclass(frozen=True)
class Motion(_Record):
    """A proposal put to the meeting: mover, seconder and outcome (surnames as printed)."""

    text: str
    mover: str | None = None
    seconder: str | None = None
    outcome: Outcome | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Vote(_Record):
    """A recorded count (or roll call); ``named`` maps "for"/"against"/"abstain" to names."""

    _renames = {"for_": "for"}

    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Resolution(_Record):
    """A decision the body made: the decided text without its "RESOLVED that" lead-in."""

    text: str
    number: str | None = None
    outcome: Outcome | None = "carried"
    motion: int | None = None  # index into the item's motions, when the decision had one
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Declaration(_Record):
    """A declaration of interest by a member."""

    member: str | None
    text: str
    kind: str | None = None  # e.g. "pecuniary", "personal", "other"
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class AgendaItem(_Record):
    """One agenda item or numbered minute, with its number as printed."""

    number: str | None
    title: str | None
    text: str = ""
    minute_ref: str | None = None
    start: int | None = None
    end: int | None = None
    pages: tuple[int, ...] = ()
    utterances: tuple[Utterance, ...] = ()
    motions: tuple[Motion, ...] = ()
    votes: tuple[Vote, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    issues: tuple[IssueRef, ...] = ()


@dataclass(frozen=True)
class Meeting(_Record):
    """A meeting record, serialised as one ``minutes_nlp/meeting@1`` JSON object."""

    id: str
    source: Source
    body: str | None = None
    committee: str | None = None
    date: str | None = None  # ISO 8601
    start_time: str | None = None  # HH:MM, 24-hour
    venue: str | None = None
    attendance: Attendance = field(default_factory=Attendance)
    items: tuple[AgendaItem, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        return {"schema": data.pop("schema"), **data}

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        return tuple(r for item in self.items for r in item.resolutions)
