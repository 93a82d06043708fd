"""Pattern files shipped with the package (JSONL, one pattern a line), read with importlib.resources.

Files: ``abbreviations`` (no sentence break after these), ``titles`` (printed before a name),
``roles`` (head words of role phrases), ``speech_verbs`` (reporting verbs and states),
``public`` (members of the public), ``acts`` (act cues: id, act, regex, optional unless).

Example:
    >>> rows = load_patterns("titles")
    >>> {"title": "Cllr", "honorific": True} in rows
    True
"""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from minutes_nlp.errors import PatternError

__all__ = ["PATTERN_FILES", "alternation", "load_patterns", "parse_patterns"]

logger = logging.getLogger(__name__)

PATTERN_FILES = ("abbreviations", "titles", "roles", "speech_verbs", "public", "acts")


def parse_patterns(text: str, source: str = "<patterns>") -> list[dict[str, Any]]:
    """Parse JSONL ``text`` into dicts; blank lines are skipped.

    Example:
        >>> parse_patterns('{"abbr": "Cllr"}\\n\\n{"abbr": "Mr"}')
        [{'abbr': 'Cllr'}, {'abbr': 'Mr'}]

    Raises:
        PatternError: a line is not a JSON object; the message names the source and line.
    """
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise PatternError(f"{source}, line {number}: not valid JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise PatternError(f"{source}, line {number}: expected a JSON object, got {type(row).__name__}")
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def _load(name: str) -> tuple[dict[str, Any], ...]:
    if name not in PATTERN_FILES:
        raise ValueError(f"unknown pattern file {name!r}; expected one of {list(PATTERN_FILES)}")
    resource = files("minutes_nlp.nlp.patterns").joinpath(f"{name}.jsonl")
    return tuple(parse_patterns(resource.read_text("utf-8"), f"minutes_nlp/nlp/patterns/{name}.jsonl"))


def load_patterns(name: str) -> list[dict[str, Any]]:
    """The rows of the shipped pattern file ``name`` (a fresh list each call).

    Raises:
        ValueError: ``name`` is not a shipped pattern file.
        PatternError: the file is malformed.
    """
    return [dict(row) for row in _load(name)]


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, as a trie (fast for hundreds of words).

    Python's ``re`` tries the branches of ``a|b|c`` one by one; sharing prefixes makes a
    failing position cost one character test instead of one per word. Spaces in a word
    match any run of whitespace. The longest word wins where one is a prefix of another
    (follow the group with ``\\b``).

    Example:
        >>> alternation(["said", "says", "stated"])
        's(?:a(?:id|ys)|tated)'
        >>> bool(re.fullmatch(alternation(["Deputy Mayor", "Deputy"]), "Deputy  Mayor"))
        True
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else re.escape(char)
        rest = _trie_pattern(node[char])
        branches.append(piece + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    if len(branches) == 1:
        return body
    return body
