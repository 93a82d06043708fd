"""The people found in a set of meetings: :class:`Person`, :class:`PersonRegistry` and alias files.

A registry is what :func:`~minutes_nlp.people.resolve_people` returns: one :class:`Person` per
person across the meetings of one body, the roles each held (with the meetings where they held
them), and the person id every printed mention resolved to. Where the text is ambiguous a user
corrects it with a small alias file::

    {"aliases": {"Cllr Bob Smith": "smith-r"}, "distinct": [["Mr J Meade", "Ms J Meade"]]}

Example:
    >>> aliases = Aliases.from_dict({"aliases": {"Cllr Bob Smith": "smith-r"}})
    >>> aliases.target("cllr  bob smith")
    'smith-r'
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

__all__ = ["Aliases", "Person", "PersonRegistry", "load_aliases"]

logger = logging.getLogger(__name__)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Aliases:
    """User corrections: printed names mapped to person ids, and names that must stay apart.

    ``distinct`` holds groups of printed names that are different people; a name in a group is
    never merged with another person by its surname alone.

    Example:
        >>> a = Aliases.from_dict({"distinct": [["Mr J Meade", "Ms J Meade"]]})
        >>> a.is_distinct("mr j meade"), a.is_distinct("Mr Meade")
        (True, False)
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    distinct: tuple[frozenset[str], ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Aliases":
        """Build from ``{"aliases": {name: id}, "distinct": [[name, ...], ...]}``.

        Raises:
            ValueError: when the keys or values have the wrong shape.
        """
        unknown = set(data) - {"aliases", "distinct"}
        if unknown:
            raise ValueError(f"alias file: unexpected keys {sorted(unknown)}; expected 'aliases' and 'distinct'")
        raw = data.get("aliases") or {}
        if not isinstance(raw, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
            raise ValueError("alias file: 'aliases' must map printed names to person ids (strings)")
        groups = []
        for group in data.get("distinct") or []:
            names = [group] if isinstance(group, str) else list(group)
            if not all(isinstance(n, str) for n in names):
                raise ValueError("alias file: 'distinct' must be a list of lists of printed names")
            groups.append(frozenset(_norm(n) for n in names))
        return cls(aliases={_norm(k): v for k, v in sorted(raw.items())}, distinct=tuple(groups))

    @classmethod
    def resolve(cls, value: "Aliases | Mapping[str, Any] | str | Path | None") -> "Aliases":
        """Accept None, a dict, an :class:`Aliases` or the path of a JSON alias file."""
        if value is None:
            return cls()
        if isinstance(value, Aliases):
            return value
        if isinstance(value, (str, Path)):
            return load_aliases(value)
        return cls.from_dict(value)

    def target(self, name: str) -> str | None:
        """The person id a printed name is aliased to, else None."""
        return self.aliases.get(_norm(name))

    def is_distinct(self, name: str) -> bool:
        """True when the printed name is listed in a ``distinct`` group."""
        key = _norm(name)
        return any(key in group for group in self.distinct)


def load_aliases(path: str | Path) -> Aliases:
    """Read a JSON alias file.

    Example:
        >>> load_aliases("aliases.json")   # doctest: +SKIP

    Raises:
        ValueError: when the file is not valid JSON or has the wrong shape.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a JSON alias file ({exc})") from exc
    return Aliases.from_dict(data)


@dataclass(frozen=True)
class Person:
    """One person across the meetings of one body.

    ``kind`` is "member" (listed as present, apologies or absent), "officer" (listed among officers)
    or "other" (only named in the discussion). ``roles`` maps each role held to the meetings where
    it was held; ``meetings`` are the meetings attended (listed present or as an officer).
    """

    id: str
    name: str
    surname: str
    body: str
    kind: str = "other"
    initial: str = ""  # first initial, "" when never printed
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    meetings: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict."""
        return {
            "id": self.id,
            "name": self.name,
            "surname": self.surname,
            "body": self.body,
            "kind": self.kind,
            "initial": self.initial,
            "roles": {k: list(v) for k, v in self.roles.items()},
            "meetings": list(self.meetings),
            "mentions": list(self.mentions),
        }


@dataclass(frozen=True)
class PersonRegistry:
    """Every person found, and the person id each mention in each meeting resolved to.

    Example:
        >>> reg = PersonRegistry(people={"cooper-j": Person("cooper-j", "Cllr J Cooper", "Cooper", "Example")},
        ...                      mentions={("m1", "Councillor Cooper"): "cooper-j"})
        >>> reg.lookup("m1", "Councillor  Cooper"), reg["cooper-j"].surname, len(reg)
        ('cooper-j', 'Cooper', 1)
    """

    people: Mapping[str, Person] = field(default_factory=dict)
    mentions: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {(m, " ".join(n.split())): pid for (m, n), pid in self.mentions.items()})

    def __getitem__(self, person_id: str) -> Person:
        return self.people[person_id]

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.people

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people.values())

    def __len__(self) -> int:
        return len(self.people)

    def lookup(self, meeting_id: str, name: str | None) -> str | None:
        """The person id that ``name`` as printed in meeting ``meeting_id`` resolved to, else None."""
        if not name:
            return None
        return self._index.get((meeting_id, " ".join(name.split())))  # type: ignore[attr-defined]

    def by_body(self, body: str) -> list[Person]:
        """The people of one body, in id order."""
        return [p for p in self.people.values() if p.body == body]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict: people by id."""
        return {"people": {pid: p.to_dict() for pid, p in self.people.items()}}
