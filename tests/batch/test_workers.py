"""Worker processes: a stuck file times out, a dying worker costs one file, SIGKILL then resume loses nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from minutes_nlp.batch import extract_archive
from minutes_nlp.batch.run import run_local
from minutes_nlp.batch.worker import Task
from tests.batch.archive_factory import good_documents
from tests.batch.conftest import export_bytes

ROOT = Path(__file__).resolve().parents[2]


def test_a_stuck_file_times_out_and_a_dead_worker_costs_one_file() -> None:
    tasks = [Task(f"{name}.txt", f"MINUTES of meeting {name}".encode(), str(i))
             for i, name in enumerate(["a", "hang", "b", "crash", "c", "d"])]
    started = time.monotonic()
    results = {task.path: result for task, result in
               run_local(tasks, workers=2, timeout=3, annotate=False, job="tests.batch.jobs:misbehave")}
    assert time.monotonic() - started < 60
    assert results["hang.txt"]["stage"] == "timeout"
    assert results["crash.txt"]["stage"] == "crash"
    assert all(results[f"{name}.txt"]["ok"] for name in "abcd")


SCRIPT = textwrap.dedent("""
    import sys, time
    from minutes_nlp.batch import extract_archive
    def slow(event):
        print(event.status, event.path, flush=True)
        time.sleep(0.15)
    extract_archive(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), progress=slow)
    print("finished", flush=True)
""")


def _killed_run(source: Path, db: Path, *, after: int, workers: int) -> int:
    """Run extract_archive in a subprocess; SIGKILL it (and its workers) after ``after`` documents."""
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, str(source), str(db), str(workers)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    seen = 0
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(("ok", "skipped", "failed")):
            seen += 1
        if seen >= after:
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return seen


def test_sigkill_mid_run_then_resume_gives_the_records_of_a_clean_run(tmp_path: Path) -> None:
    from tests.batch.archive_factory import write_tree

    root = write_tree(tmp_path / "archive", {**good_documents(16), "broken/bad.pdf": b"%PDF-1.4 broken"})
    db = tmp_path / "killed.db"
    _killed_run(root, db, after=4, workers=2)
    _killed_run(root, db, after=3, workers=1)  # killed a second time, after a few more
    resumed = extract_archive(root, db, workers=0)
    assert resumed.n_skipped >= 3 and resumed.n_ok + resumed.n_skipped + resumed.n_failed == 17
    extract_archive(root, tmp_path / "clean.db", workers=0)
    assert export_bytes(db, tmp_path / "a.jsonl") == export_bytes(tmp_path / "clean.db", tmp_path / "b.jsonl")


def test_importing_the_batch_package_imports_neither_spacy_nor_dask() -> None:
    code = "import sys, minutes_nlp.batch, minutes_nlp.cli; print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'dask', 'distributed', 'pypdfium2'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"
