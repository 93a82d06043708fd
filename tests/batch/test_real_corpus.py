"""The whole real dev corpus goes through extract_archive into a store without a crash."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutes_nlp.batch import extract_archive, iter_entries
from minutes_nlp.store import Store


@pytest.mark.slow
@pytest.mark.real
def test_real_corpus_into_a_store(real_corpus: Path, tmp_path: Path) -> None:
    n_entries = len(list(iter_entries(real_corpus)))
    report = extract_archive(real_corpus, tmp_path / "real.db", workers=2, timeout=300)
    assert report.n_ok + report.n_skipped + report.n_failed == n_entries
    assert report.n_ok >= 0.9 * n_entries, report.failures
    with Store(tmp_path / "real.db") as store:
        assert len(list(store.meetings())) == report.n_ok
        assert len(store.failures()) == report.n_failed
