"""People: resolve every person mention to a person id that is stable across meetings.

Example:
    >>> from minutes_nlp.people import resolve_people
    >>> meetings, registry = resolve_people([])
    >>> len(registry)
    0
"""
from __future__ import annotations

from minutes_nlp.people.mentions import Mention, parse_mention
from minutes_nlp.people.registry import Aliases, Person, PersonRegistry, load_aliases
from minutes_nlp.people.resolve import body_of, resolve_people

__all__ = ["Aliases", "Mention", "Person", "PersonRegistry", "body_of", "load_aliases", "parse_mention", "resolve_people"]
