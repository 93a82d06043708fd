"""minutes_nlp: text mining of published meeting minutes.

Example:
    >>> import minutes_nlp
    >>> doc = minutes_nlp.read("corpora/parish/minutes.html")   # doctest: +SKIP
    >>> print(doc.text[:200])                                     # doctest: +SKIP
"""
from __future__ import annotations

from minutes_nlp.errors import (
    EncryptedPdfError,
    MinutesError,
    PatternError,
    ReaderError,
    StoreError,
    StructureError,
    UnsupportedFormatError,
)
from minutes_nlp.evaluate import Evaluation, evaluate
from minutes_nlp.extract import ExtractReport, Failure, extract_file, extract_meetings, extract_to_jsonl
from minutes_nlp.readers import (
    Document,
    Line,
    Page,
    ReaderSettings,
    detect_format,
    iter_sources,
    read,
    read_bytes,
)

from minutes_nlp.records import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Motion,
    Participant,
    Resolution,
    Source,
    Speaker,
    Utterance,
    Vote,
)
from minutes_nlp.structure import segment

__version__ = "0.1.0"


# Later stages are imported on first use, so reading a file never pays for spaCy or scikit-learn.
_LAZY = {
    "load": "minutes_nlp.nlp.pipeline",
    "resolve_people": "minutes_nlp.people",
    "link_issues": "minutes_nlp.issues",
    "build_graph": "minutes_nlp.graph",
    "Store": "minutes_nlp.store",
    "Corpus": "minutes_nlp.store",
    "extract_archive": "minutes_nlp.batch",
}


def __getattr__(name: str) -> object:
    """``minutes_nlp.load``, ``build_graph``, ``Store``... import their stage when first used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'minutes_nlp' has no attribute {name!r}")


__all__ = [
    "AgendaItem",
    "Attendance",
    "build_graph",
    "Corpus",
    "Declaration",
    "detect_format",
    "Document",
    "EncryptedPdfError",
    "evaluate",
    "Evaluation",
    "extract_archive",
    "extract_file",
    "extract_meetings",
    "extract_to_jsonl",
    "ExtractReport",
    "Failure",
    "iter_sources",
    "Line",
    "link_issues",
    "load",
    "Meeting",
    "MinutesError",
    "Motion",
    "Page",
    "Participant",
    "PatternError",
    "read",
    "read_bytes",
    "ReaderError",
    "ReaderSettings",
    "Resolution",
    "resolve_people",
    "segment",
    "Source",
    "Speaker",
    "Store",
    "StoreError",
    "StructureError",
    "UnsupportedFormatError",
    "Utterance",
    "Vote",
    "__version__",
]
