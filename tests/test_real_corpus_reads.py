"""Every document of the real dev corpus reads without an exception (skipped without the corpus)."""
from __future__ import annotations

from pathlib import Path

import pytest

import minutes_nlp
from tests.conftest import REAL_CORPUS

REAL_FILES = sorted(minutes_nlp.iter_sources([REAL_CORPUS])) if REAL_CORPUS.is_dir() else []


@pytest.mark.real
@pytest.mark.parametrize("path", REAL_FILES, ids=[str(p.relative_to(REAL_CORPUS)) for p in REAL_FILES])
def test_real_corpus_every_document_reads(path: Path) -> None:
    document = minutes_nlp.read(path)
    assert document.pages, f"{path}: no pages"
    assert document.n_words > 100, f"{path}: only {document.n_words} words read"
    assert document.sha256 and len(document.sha256) == 64


def test_real_corpus_is_found_or_skipped(real_corpus: Path) -> None:
    assert REAL_FILES, f"no documents found under {real_corpus}"
