"""ProgressBar: the bar a user watches shows documents done, pages/s and failures."""
from __future__ import annotations

import io
from pathlib import Path

from minutes_nlp.batch import Progress, ProgressBar, extract_archive
from tests.batch.archive_factory import BIG_HTML_LIMIT


def test_bar_counts_documents_pages_and_failures() -> None:
    out = io.StringIO()
    events = [Progress("a.pdf", "ok", 1, 4, pages=3), Progress("b.pdf", "failed", 2, 4),
              Progress("c.html", "ok", 3, 4, pages=1), Progress("c-copy.html", "skipped", 4, 4)]
    with ProgressBar(out, disable=False) as bar:
        for event in events:
            bar(event)
    assert (bar.pages, bar.failed, bar.skipped) == (4, 1, 1)
    final = out.getvalue().replace("\r", "\n").strip().splitlines()[-1]
    assert "4/4" in final and "pages/s" in final and "1 failed" in final and "1 skipped" in final


def test_bar_is_silent_when_not_on_a_terminal() -> None:
    out = io.StringIO()  # not a TTY
    with ProgressBar(out) as bar:
        bar(Progress("a.pdf", "ok", 1, 1, pages=2))
    assert out.getvalue() == "" and bar.pages == 2


def test_bar_follows_a_real_run(tmp_path: Path, broken_tree: Path) -> None:
    out = io.StringIO()
    with ProgressBar(out, disable=False) as bar:
        report = extract_archive(broken_tree, tmp_path / "m.db", workers=0,
                                 settings={"max_html_bytes": BIG_HTML_LIMIT}, progress=bar)
    assert bar.failed == report.n_failed > 0 and bar.pages == report.pages > 0
    final = out.getvalue().replace("\r", "\n").strip().splitlines()[-1]
    assert f"{report.n_documents}/{report.n_documents}" in final and f"{report.n_failed} failed" in final
