"""Shared fixtures. The real corpus (../shared/corpora/real) is optional: tests that need it skip without it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Deterministic examples, so a run on CI tests the same cases as a run here.
settings.register_profile("minutes", deadline=None, max_examples=200, derandomize=True)
settings.load_profile("minutes")

ROOT = Path(__file__).resolve().parents[1]
REAL_CORPUS = Path(os.environ.get("MINUTES_NLP_REAL_CORPUS", ROOT.parent / "shared" / "corpora" / "real"))
SAMPLE_CORPUS = ROOT / "corpora"


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    """The real dev corpus folder; the test is skipped when it is not there."""
    if not REAL_CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {REAL_CORPUS}")
    return REAL_CORPUS


@pytest.fixture(scope="session")
def sample_corpus() -> Path:
    return SAMPLE_CORPUS
