"""Embedded SQLite store of meeting records, deterministic exports and a notebook Corpus.

Example:
    >>> from minutes_nlp.store import Corpus, Store
    >>> with Store("out/leeds.sqlite") as store:        # doctest: +SKIP
    ...     store.add(meeting)
    ...     store.export("out/leeds.jsonl")
    >>> Corpus.open("out/leeds.sqlite").resolutions(since="2011-01-01")  # doctest: +SKIP
"""
from __future__ import annotations

from minutes_nlp.store.corpus import Corpus
from minutes_nlp.store.schema import SCHEMA_VERSION
from minutes_nlp.store.sqlite import Store, StoreError

__all__ = ["Corpus", "SCHEMA_VERSION", "Store", "StoreError"]
