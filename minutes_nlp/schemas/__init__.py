"""JSON Schemas shipped with the package.

Example:
    >>> meeting_schema()["$id"]
    'minutes_nlp/meeting@1'
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

__all__ = ["meeting_schema"]


@lru_cache(maxsize=None)
def meeting_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``minutes_nlp/meeting@1`` record."""
    return json.loads(files("minutes_nlp.schemas").joinpath("meeting-1.schema.json").read_text("utf-8"))
