"""Per-document jobs for the worker tests: one that hangs and one that kills its process.

Run in worker processes through ``run_local(..., job="tests.batch.jobs:misbehave")``.
"""
from __future__ import annotations

import os
import time
from typing import Any

from minutes_nlp.batch.worker import Task, process_document


def misbehave(task: Task, *, annotate: bool = True) -> dict[str, Any]:
    """Hang on ``hang*`` paths, die on ``crash*`` paths, else do the real job."""
    name = os.path.basename(task.path)
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("crash"):
        os._exit(3)
    return process_document(task, annotate=annotate)
