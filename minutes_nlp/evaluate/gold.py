"""Load gold annotations (``<document>.gold.json``, format of GOLD_FORMAT.md).

Example:
    >>> golds = load_gold("corpora")                 # doctest: +SKIP
    >>> golds[0].doc, golds[0].annotated             # doctest: +SKIP
    ('uk-county/minutes.pdf', ('meeting', 'attendance', 'items', 'resolutions'))
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes_nlp.errors import MinutesError

__all__ = ["GoldDocument", "load_gold"]

PARTS = ("meeting", "attendance", "items", "resolutions", "motions", "votes", "sentences")


@dataclass(frozen=True)
class GoldDocument:
    """One document's gold annotations; ``annotated`` says which parts are scored."""

    doc: str
    format: str
    annotated: tuple[str, ...]
    meeting: dict[str, Any] = field(default_factory=dict)
    attendance: dict[str, list[str]] = field(default_factory=dict)
    items: tuple[dict[str, Any], ...] = ()
    path: Path | None = None


def load_gold(root: str | Path) -> list[GoldDocument]:
    """Every ``*.gold.json`` under ``root`` (a folder) or the one file ``root``, sorted by path.

    Raises:
        MinutesError: a gold file is not valid JSON or lacks ``doc``; the message names it.
    """
    root = Path(root)
    paths = [root] if root.is_file() else sorted(root.rglob("*.gold.json"))
    golds = []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MinutesError(f"{path}: not a readable gold JSON file: {exc}") from exc
        if not isinstance(data, dict) or "doc" not in data:
            raise MinutesError(f"{path}: a gold file needs a 'doc' key naming its document")
        unknown = set(data.get("annotated", ())) - set(PARTS)
        if unknown:
            raise MinutesError(f"{path}: unknown annotated parts {sorted(unknown)}; expected some of {list(PARTS)}")
        golds.append(
            GoldDocument(
                doc=data["doc"],
                format=data.get("format", ""),
                annotated=tuple(data.get("annotated", ())),
                meeting=data.get("meeting") or {},
                attendance=data.get("attendance") or {},
                items=tuple(data.get("items") or ()),
                path=path,
            )
        )
    return golds
