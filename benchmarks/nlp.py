"""Words per second of the default minutes pipeline, with and without the trained act classifier.

The texts are the agenda items' discussion of the dev corpus (the real corpus when present,
else the sample corpus), read and segmented once; only the spaCy pipeline is timed, on one
core (``nlp.pipe`` with ``n_process=1``), best of ``--repeat`` runs, timed in CPU seconds of this process (so other work on the machine
skews it less).

Usage:
    .venv/bin/python benchmarks/nlp.py                    # ../shared/corpora/real, else corpora/
    .venv/bin/python benchmarks/nlp.py corpora --repeat 5
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import minutes_nlp
from minutes_nlp.nlp import load

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "real"


def item_texts(folder: Path) -> list[str]:
    """The text of every agenda item of every readable minutes file under ``folder``."""
    texts = []
    for path in minutes_nlp.iter_sources([folder]):
        try:
            meeting = minutes_nlp.segment(minutes_nlp.read(path))
        except minutes_nlp.MinutesError:
            continue
        texts.extend(item.text for item in meeting.items if item.text.strip())
    return texts


def words_per_second(texts: list[str], classifier: bool | None, repeat: int) -> float:
    """Best-of-``repeat`` speed; ``classifier=None`` times the tokenizer alone, for reference."""
    nlp = load(classifier=bool(classifier))
    if classifier is None:
        run = lambda: [nlp.make_doc(text) for text in texts]  # noqa: E731
    else:
        run = lambda: list(nlp.pipe(texts, batch_size=64, n_process=1))  # noqa: E731
    list(nlp.pipe(texts[:20]))  # warm up: lazy imports, the shipped model
    n_words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return n_words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REAL if REAL.is_dir() else ROOT / "corpora")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = item_texts(args.folder)
    n_words = sum(len(t.split()) for t in texts)
    print(f"{args.folder}: {len(texts)} item texts, {n_words} words")
    labels = {True: "default pipeline with the act classifier   ", False: "default pipeline without the act classifier",
              None: "spaCy's English tokenizer alone (reference) "}
    for classifier, label in labels.items():
        print(f"  {label}: {words_per_second(texts, classifier, args.repeat):,.0f} words/s")


if __name__ == "__main__":
    main()
