"""The Dask engine on a LocalCluster gives the same records as a local run (skipped without dask)."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutes_nlp.batch import extract_archive
from tests.batch.archive_factory import BIG_HTML_LIMIT
from tests.batch.conftest import export_bytes

distributed = pytest.importorskip("distributed")


def test_local_cluster_run_matches_a_local_run(tmp_path: Path, broken_tree: Path) -> None:
    settings = {"max_html_bytes": BIG_HTML_LIMIT}
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = extract_archive(broken_tree, tmp_path / "dask.db", engine="dask", scheduler=client, settings=settings)
        again = extract_archive(broken_tree, tmp_path / "dask.db", engine="dask", scheduler=client.scheduler.address,
                                settings=settings)
    local = extract_archive(broken_tree, tmp_path / "local.db", workers=0, settings=settings)
    assert (on_dask.n_ok, on_dask.n_failed) == (local.n_ok, local.n_failed) == (12, 7)
    key = lambda f: (f.path, f.stage, f.reason)  # noqa: E731
    assert sorted(on_dask.failures, key=key) == sorted(local.failures, key=key)
    assert (again.n_ok, again.n_skipped, again.n_failed) == (0, 12, 7)
    assert export_bytes(tmp_path / "dask.db", tmp_path / "d.jsonl") == export_bytes(tmp_path / "local.db", tmp_path / "l.jsonl")


def test_dask_engine_needs_a_scheduler(tmp_path: Path, good_tree: Path) -> None:
    from minutes_nlp.errors import MinutesError

    with pytest.raises(MinutesError, match="scheduler"):
        extract_archive(good_tree, tmp_path / "m.db", engine="dask")
