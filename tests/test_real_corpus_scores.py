"""The whole pipeline scores at or above the project's targets on the real dev corpus's gold.

Skipped when the real corpus (../shared/corpora/real) is not there. The corpus is read and
extracted once per test session.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import minutes_nlp

pytestmark = [pytest.mark.real, pytest.mark.slow]

STRUCTURE_TARGETS = {
    "resolutions": 0.90,
    "motions": 0.90,
    "votes": 0.90,
    "items": 0.85,
    "attendance": 0.90,
}


@pytest.fixture(scope="session")
def real_summary(real_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("real") / "meetings.jsonl"
    report = minutes_nlp.extract_to_jsonl([real_corpus], out)
    assert report.n_failed == 0, [f.reason for f in report.failures]
    return minutes_nlp.evaluate(real_corpus / "gold", out).summary()


@pytest.mark.parametrize(("part", "target"), sorted(STRUCTURE_TARGETS.items()))
def test_real_corpus_structure_f1_meets_target(real_summary: dict[str, Any], part: str, target: float) -> None:
    assert real_summary[part]["f1"] >= target, real_summary[part]


def test_real_corpus_date_accuracy_meets_target(real_summary: dict[str, Any]) -> None:
    assert real_summary["date"]["accuracy"] >= 0.95, real_summary["date"]
