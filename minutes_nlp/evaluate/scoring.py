"""Score predicted meeting records against gold annotations, exactly as GOLD_FORMAT.md says.

- Resolutions and item titles: one-to-one matches with word-set Jaccard >= 0.6.
- Sentences: each gold sentence matches the predicted utterance that contains it (or
  overlaps it with Jaccard >= 0.6); speaker accuracy over gold sentences with a speaker;
  per-act precision/recall/F1 over gold sentences; macro F1 of concern, request, question.
- Motions: (mover, seconder) surname pairs. Votes: (for, against, abstain) triples.
- Attendance: surnames per list. Meeting: date exact, committee lower-cased.

Example:
    >>> from minutes_nlp.evaluate.gold import GoldDocument
    >>> gold = GoldDocument("m.txt", "txt", ("resolutions",), items=({"resolutions": ["the report be noted"]},))
    >>> pred = {"items": [{"resolutions": [{"text": "the report be noted"}]}]}
    >>> score_document(gold, pred).counts["resolutions"].f1
    1.0
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from minutes_nlp.evaluate.gold import GoldDocument
from minutes_nlp.evaluate.normalise import fold, jaccard, same_speaker, surname_key, word_set

__all__ = ["ACTS", "DocumentScore", "PRF", "score_document"]

ACTS = ("concern", "request", "question", "response", "proposal", "statement")
MACRO_ACTS = ("concern", "request", "question")
ATTENDANCE_LISTS = ("present", "apologies", "absent", "officers")
MATCH_THRESHOLD = 0.6


@dataclass
class PRF:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def __iadd__(self, other: "Accuracy") -> "Accuracy":
        self.correct += other.correct
        self.total += other.total
        return self

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class DocumentScore:
    """Counts for one document; only the parts its gold annotates are present."""

    doc: str
    counts: dict[str, PRF] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    matched: bool = True


def match_texts(gold: Sequence[str], predicted: Sequence[str], threshold: float = MATCH_THRESHOLD) -> PRF:
    """One-to-one matching by word-set Jaccard >= ``threshold``, best pairs first."""
    gold_sets = [word_set(t) for t in gold]
    pred_sets = [word_set(t) for t in predicted]
    pairs = sorted(
        ((jaccard(g, p), gi, pi) for gi, g in enumerate(gold_sets) for pi, p in enumerate(pred_sets) if g & p),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for score, gi, pi in pairs:
        if score < threshold:
            break
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
    tp = len(used_gold)
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def match_multiset(gold: Iterable[Any], predicted: Iterable[Any]) -> PRF:
    """Exact one-to-one matching of hashable keys (pairs, triples, surnames)."""
    gold_counts, pred_counts = Counter(gold), Counter(predicted)
    tp = sum((gold_counts & pred_counts).values())
    return PRF(tp=tp, fp=sum(pred_counts.values()) - tp, fn=sum(gold_counts.values()) - tp)


def score_document(gold: GoldDocument, predicted: dict[str, Any] | None) -> DocumentScore:
    """Score one predicted ``meeting@1`` dict (or ``None`` when nothing was predicted)."""
    pred = predicted or {}
    score = DocumentScore(doc=gold.doc, matched=predicted is not None)
    items = list(pred.get("items") or [])
    parts = set(gold.annotated)
    if "meeting" in parts:
        _score_meeting(gold, pred, score)
    if "attendance" in parts:
        _score_attendance(gold, pred, score)
    if "items" in parts:
        score.counts["items"] = match_texts(
            [i.get("title") or "" for i in gold.items if i.get("title")],
            [i.get("title") or "" for i in items if i.get("title")],
        )
    if "resolutions" in parts:
        score.counts["resolutions"] = match_texts(
            [r for i in gold.items for r in i.get("resolutions") or []],
            [r.get("text") or "" for i in items for r in i.get("resolutions") or []],
        )
    if "motions" in parts:
        score.counts["motions"] = match_multiset(
            [_motion_key(m) for i in gold.items for m in i.get("motions") or []],
            [_motion_key(m) for i in items for m in i.get("motions") or []],
        )
    if "votes" in parts:
        score.counts["votes"] = match_multiset(
            [_vote_key(v) for i in gold.items for v in i.get("votes") or []],
            [_vote_key(v) for i in items for v in i.get("votes") or []],
        )
    if "sentences" in parts:
        _score_sentences(gold, items, score)
    return score


def _score_meeting(gold: GoldDocument, pred: dict[str, Any], score: DocumentScore) -> None:
    gold_date = gold.meeting.get("date")
    if gold_date:
        score.accuracies["date"] = Accuracy(int(pred.get("date") == gold_date), 1)
    gold_committee = gold.meeting.get("committee")
    if gold_committee:
        predicted_committee = fold(pred.get("committee") or "").strip()
        score.accuracies["committee"] = Accuracy(int(predicted_committee == fold(gold_committee).strip()), 1)


def _score_attendance(gold: GoldDocument, pred: dict[str, Any], score: DocumentScore) -> None:
    predicted = pred.get("attendance") or {}
    total = PRF()
    for name in ATTENDANCE_LISTS:
        if name not in gold.attendance:
            continue
        gold_names = [surname_key(n) for n in gold.attendance.get(name) or []]
        pred_names = [surname_key(_person_name(p)) for p in predicted.get(name) or []]
        counts = match_multiset(gold_names, pred_names)
        score.counts[f"attendance.{name}"] = counts
        total += counts
    score.counts["attendance"] = total


def _person_name(entry: Any) -> str:
    if isinstance(entry, dict):
        return entry.get("name") or entry.get("role") or ""
    return str(entry)


def _motion_key(motion: dict[str, Any]) -> tuple[str, str]:
    return (surname_key(motion.get("mover")), surname_key(motion.get("seconder")))


def _vote_key(vote: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    return (vote.get("for"), vote.get("against"), vote.get("abstain"))


def _score_sentences(gold: GoldDocument, items: list[dict[str, Any]], score: DocumentScore) -> None:
    utterances = [u for i in items for u in i.get("utterances") or []]
    normalised = [(" ".join(fold(u.get("text") or "").split()), word_set(u.get("text")), u) for u in utterances]
    speaker_acc = Accuracy()
    act_counts = {act: PRF() for act in ACTS}
    n_matched = 0
    n_gold = 0
    for item in gold.items:
        for sentence in item.get("sentences") or []:
            n_gold += 1
            match = _find_utterance(sentence.get("text") or "", normalised)
            n_matched += match is not None
            gold_speaker = sentence.get("speaker")
            if gold_speaker:
                speaker = (match or {}).get("speaker") or {}
                ok = any(same_speaker(gold_speaker, speaker.get(k)) for k in ("name", "role"))
                speaker_acc += Accuracy(int(ok), 1)
            gold_acts = set(sentence.get("acts") or ())
            pred_acts = set((match or {}).get("acts") or ())
            for act in ACTS:
                act_counts[act] += PRF(
                    tp=int(act in gold_acts and act in pred_acts),
                    fp=int(act not in gold_acts and act in pred_acts),
                    fn=int(act in gold_acts and act not in pred_acts),
                )
    score.accuracies["speaker"] = speaker_acc
    score.accuracies["sentences_matched"] = Accuracy(n_matched, n_gold)
    for act, counts in act_counts.items():
        score.counts[f"acts.{act}"] = counts


def _find_utterance(sentence: str, utterances: list[tuple[str, frozenset[str], dict[str, Any]]]) -> dict[str, Any] | None:
    """The utterance containing ``sentence`` (as text, or as a superset of its 4+ words), else the
    best Jaccard match >= 0.6."""
    words = word_set(sentence)
    squashed = " ".join(fold(sentence).split())
    best, best_score = None, 0.0
    for utterance_text, utterance_words, utterance in utterances:
        if squashed and squashed in utterance_text:
            return utterance
        if words and words <= utterance_words and len(words) >= 4:
            return utterance
        value = jaccard(words, utterance_words)
        if value > best_score:
            best, best_score = utterance, value
    return best if best_score >= MATCH_THRESHOLD else None
