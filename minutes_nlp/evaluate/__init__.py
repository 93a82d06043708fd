"""Score predicted meeting records against gold annotations (GOLD_FORMAT.md).

Example:
    >>> report = evaluate("corpora/gold", "out/meetings.jsonl")   # doctest: +SKIP
    >>> report.summary()["resolutions"]["f1"]                     # doctest: +SKIP
    0.93
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from minutes_nlp.errors import MinutesError
from minutes_nlp.evaluate.gold import GoldDocument, load_gold
from minutes_nlp.evaluate.scoring import ACTS, MACRO_ACTS, PRF, Accuracy, DocumentScore, score_document

__all__ = ["Evaluation", "GoldDocument", "evaluate", "load_gold", "load_predictions"]


@dataclass
class Evaluation:
    """Per-document scores and their micro-averaged totals."""

    documents: list[DocumentScore]

    def totals(self) -> tuple[dict[str, PRF], dict[str, Accuracy]]:
        counts: dict[str, PRF] = {}
        accuracies: dict[str, Accuracy] = {}
        for doc in self.documents:
            for key, value in doc.counts.items():
                counts.setdefault(key, PRF())
                counts[key] += value
            for key, value in doc.accuracies.items():
                accuracies.setdefault(key, Accuracy())
                accuracies[key] += value
        return counts, accuracies

    def summary(self) -> dict[str, Any]:
        """Every figure: P/R/F1 per part, accuracies, and the concern/request/question macro F1."""
        counts, accuracies = self.totals()
        out: dict[str, Any] = {key: counts[key].as_dict() for key in sorted(counts)}
        out.update({key: accuracies[key].as_dict() for key in sorted(accuracies)})
        if any(f"acts.{act}" in counts for act in MACRO_ACTS):
            out["acts.macro_f1"] = sum(counts[f"acts.{a}"].f1 for a in MACRO_ACTS) / len(MACRO_ACTS)
        out["documents"] = {"gold": len(self.documents), "predicted": sum(d.matched for d in self.documents)}
        return out

    def format(self, *, per_document: bool = False) -> str:
        """A plain-text report, one figure a line."""
        lines = [_format_block("ALL", *self.totals())]
        summary = self.summary()
        if "acts.macro_f1" in summary:
            lines.append(f"  acts macro F1 (concern, request, question): {summary['acts.macro_f1']:.3f}")
        docs = summary["documents"]
        lines.append(f"  documents: {docs['gold']} with gold, {docs['predicted']} predicted")
        if per_document:
            for doc in self.documents:
                lines.append(_format_block(doc.doc + ("" if doc.matched else "  [NO PREDICTION]"), doc.counts, doc.accuracies))
        return "\n".join(lines)


def _format_block(title: str, counts: dict[str, PRF], accuracies: dict[str, Accuracy]) -> str:
    rows = [title]
    order = ["meeting"] + [k for k in counts if not k.startswith("acts.")] + [f"acts.{a}" for a in ACTS]
    for key in sorted(accuracies):
        a = accuracies[key]
        rows.append(f"  {key:<22} accuracy {a.value:.3f}  ({a.correct}/{a.total})")
    for key in order:
        if key in counts:
            c = counts[key]
            rows.append(
                f"  {key:<22} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  (tp {c.tp}, fp {c.fp}, fn {c.fn})"
            )
    return "\n".join(rows)


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Meeting records from a JSONL file (one ``meeting@1`` object a line).

    Raises:
        MinutesError: a line is not valid JSON; the message names the file and line.
    """
    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except ValueError as exc:
                raise MinutesError(f"{path}, line {number}: not valid JSON: {exc}") from exc
    return records


def evaluate(gold: str | Path | Iterable[GoldDocument], predictions: str | Path | Iterable[dict[str, Any]]) -> Evaluation:
    """Score ``predictions`` (a JSONL path or meeting dicts) against ``gold`` (a folder or documents).

    A prediction belongs to a gold document when its ``source.path`` ends with the gold's
    ``doc`` path (or, failing that, has the same file name). Gold documents with no
    prediction score as all misses.
    """
    golds = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    preds = load_predictions(predictions) if isinstance(predictions, (str, Path)) else list(predictions)
    by_suffix = {}
    for record in preds:
        source = (record.get("source") or {}).get("path") or ""
        by_suffix[PurePosixPath(Path(source).as_posix()).parts] = record
    scores = []
    for gold_doc in golds:
        scores.append(score_document(gold_doc, _find_prediction(gold_doc.doc, by_suffix)))
    return Evaluation(scores)


def _find_prediction(doc: str, by_parts: dict[tuple[str, ...], dict[str, Any]]) -> dict[str, Any] | None:
    want = PurePosixPath(doc).parts
    best, best_len = None, 0
    for parts, record in by_parts.items():
        n = 0
        while n < min(len(parts), len(want)) and parts[-1 - n] == want[-1 - n]:
            n += 1
        if n > best_len:
            best, best_len = record, n
    return best
