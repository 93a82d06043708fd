"""``minutes_acts``: tag each utterance with its acts (GOLD_FORMAT.md; multi-label).

Three sources, in order: high-precision wording cues (``patterns/acts.jsonl``: "questioned",
"requested that", "was concerned", "in response", "moved"), the trained classifier's
probabilities (``Span._.act_scores``, set by ``minutes_act_classifier`` earlier in the
pipeline) at or above each act's entry in ``thresholds``, and the turn context. A speaker's
turn is a ``response`` when it says so ("In response, ...", "replied") or when it follows
someone else's question, concern or request and is opened by a role holder ("the Director")
or an officer named without a member's title, who answers a question or explains. An
utterance with no other act is a ``statement``.

Writes ``Span._.acts`` on ``doc.spans["utterances"]`` and the span groups ``concerns``,
``requests``, ``questions``, ``responses`` and ``proposals`` (labels CONCERN, REQUEST, ...).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> for name in ("minutes_sentences", "minutes_speakers", "minutes_acts"):
    ...     _ = nlp.add_pipe(name)
    >>> doc = nlp("Cllr Wall asked when the review started. The Director said it was required.")
    >>> [u._.acts for u in doc._.utterances]
    [('question',), ('response',)]
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.training import Example

from minutes_nlp.nlp.extensions import register_extensions, span_text
from minutes_nlp.nlp.patterns import alternation, load_patterns

__all__ = ["ACTS", "ActTagger", "learned_acts", "make_act_tagger", "make_acts_scorer", "score_acts"]

logger = logging.getLogger(__name__)

ACTS = ("concern", "request", "question", "response", "proposal", "statement")
CLASSIFIED = ("concern", "request", "question")
# Chosen by 5-fold cross-validation of cues + classifier on the training data (scripts/train_acts.py
# prints the best threshold per act): the classifier adds concerns at 0.55 and requests at 0.75; for
# questions the cues alone did as well as any threshold, so 1.0 leaves the classifier out.
DEFAULT_THRESHOLDS = {"concern": 0.55, "request": 0.75, "question": 1.0}
SPANS_KEYS = {"concern": "concerns", "request": "requests", "question": "questions", "response": "responses", "proposal": "proposals"}
_RAISES = {"question", "concern", "request"}
_HONORIFIC = re.compile(r"^(?:Councillor|Councilor|Cllr|Cr|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Alderman|Supervisor|Trustee)\b\.?")
_OPENING_RESPONSE = re.compile(
    r"\b(?:explain(?:ed|s)|clarifi(?:ed|es)|confirm(?:ed|s)|advis(?:ed|es)|assur(?:ed|es)|acknowledg(?:ed|es)|"
    r"agreed|stated|said|added|reminded|accepted|undertook|offered|emphasised|emphasized|keen to)\b", re.I)


class ActTagger(Pipe):
    """Rules, classifier scores and turn context -> ``Span._.acts`` (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "minutes_acts",
        *,
        thresholds: dict[str, float] | None = None,
        use_context: bool = True,
        overwrite: bool = False,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.thresholds = dict(DEFAULT_THRESHOLDS if thresholds is None else thresholds)
        self.use_context = use_context
        self.overwrite = overwrite
        self.scorer = scorer
        self.add_patterns(load_patterns("acts"))

    def add_patterns(self, rows: Iterable[dict[str, Any]]) -> None:
        """Replace the cue patterns with ``rows``: ``{"id", "act", "regex", "keys"?, "unless"?}``.

        ``regex`` is matched against the lower-cased utterance, only when one of ``keys``
        (plain substrings) occurs in it; ``unless`` vetoes the cue.

        Raises:
            ValueError: a row names an unknown act or lacks ``act``/``regex``.
        """
        self.patterns = [dict(r) for r in rows]
        self._rows = []
        for row in self.patterns:
            if "act" not in row or "regex" not in row:
                raise ValueError(f"act pattern {row!r}: expected keys 'act' and 'regex', got {sorted(row)}")
            if row["act"] not in ACTS:
                raise ValueError(f"act pattern {row.get('id')!r}: unknown act {row['act']!r}; expected one of {list(ACTS)}")
            unless = _compile(row["unless"]) if row.get("unless") else None
            self._rows.append((row["act"], frozenset(row.get("keys") or ()), _compile(row["regex"]), unless))
        keys = {key for _, row_keys, _, _ in self._rows for key in row_keys}
        # one pass finds every key: a match also counts for the keys it starts with ("replied" -> "repl")
        self._keys = re.compile(alternation(keys)) if keys else None
        self._prefixes = {key: frozenset(k for k in keys if key.startswith(k)) for key in keys}

    def __call__(self, doc: Doc) -> Doc:
        utterances = doc._.utterances
        return self.set_annotations(doc, utterances, self.predict(utterances))

    def cue_acts(self, text: str) -> set[str]:
        """The acts whose wording cues occur in ``text``.

        Example:
            >>> sorted(ActTagger(None).cue_acts("He requested that this be included in a future report"))
            ['request']
        """
        text = " ".join(text.lower().split())  # keys and cues see single spaces
        present: set[str] = set()
        if self._keys is not None:
            for key in self._keys.findall(text):
                present |= self._prefixes[key]
        acts: set[str] = set()
        for act, keys, regex, unless in self._rows:
            if act in acts or (keys and keys.isdisjoint(present)):
                continue
            if regex.search(text) and not (unless and unless.search(text)):
                acts.add(act)
        return acts

    def predict(self, utterances: list[Span]) -> list[tuple[str, ...]]:
        """Acts for each utterance, in order; never writes to the spans."""
        cued = [self.cue_acts(span_text(span)) for span in utterances]
        found = []
        for span, acts in zip(utterances, cued):
            found.append(acts | learned_acts(acts, span._.act_scores, self.thresholds))
        if self.use_context:
            self._mark_responses(utterances, cued, found)
        return [tuple(a for a in ACTS if a in acts) or ("statement",) for acts in found]

    def _mark_responses(self, utterances: list[Span], cued: list[set[str]], found: list[set[str]]) -> None:
        """A turn answering someone else's question or concern is a response, sentence by sentence.

        Whether a turn opens by raising a point of its own is judged on the wording cues only.
        An answer keeps a concern its wording states ("She warned, however, that ...") and loses
        one only the classifier suggested.
        """
        turns: list[list[int]] = []
        for index, span in enumerate(utterances):
            if turns and utterances[turns[-1][0]]._.speaker == span._.speaker:
                turns[-1].append(index)
            else:
                turns.append([index])
        open_points = False  # a question, concern or request not yet answered
        asked = False  # the turn before asked a question
        previous_speaker = None
        for turn in turns:
            speaker = utterances[turn[0]]._.speaker
            opening = cued[turn[0]]
            cue = "response" in opening
            answering = (
                open_points
                and speaker is not None
                and speaker != previous_speaker
                and not opening & _RAISES
                and _answerer(speaker)
                and (asked or bool(_OPENING_RESPONSE.search(span_text(utterances[turn[0]]))))
            )
            if cue or answering:
                for index in turn:
                    found[index].add("response")
                    if not cue and "concern" not in cued[index]:
                        found[index].discard("concern")  # learned, not worded: an answer explaining a problem
            asked = any("question" in found[i] for i in turn)
            open_points = asked or any(found[i] & _RAISES for i in turn) or (open_points and (cue or answering))
            previous_speaker = speaker

    def set_annotations(self, doc: Doc, utterances: list[Span], acts: list[tuple[str, ...]]) -> Doc:
        """Set ``Span._.acts`` and fill the act span groups."""
        groups: dict[str, list[Span]] = {key: [] for key in SPANS_KEYS.values()}
        for span, labels in zip(utterances, acts):
            span._.acts = labels
            for act in labels:
                if act in SPANS_KEYS:
                    groups[SPANS_KEYS[act]].append(Span(doc, span.start, span.end, label=act.upper()))
        for key, spans in groups.items():
            if self.overwrite or key not in doc.spans:
                doc.spans[key] = spans
            else:
                doc.spans[key].extend(spans)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        util.to_disk(util.ensure_path(path), {"patterns": lambda p: srsly.write_jsonl(p, self.patterns)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ActTagger":
        util.from_disk(util.ensure_path(path), {"patterns": lambda p: self.add_patterns(srsly.read_jsonl(p))}, exclude)
        return self


def learned_acts(cued: set[str], scores: dict[str, float] | None, thresholds: dict[str, float]) -> set[str]:
    """The acts the classifier adds to an utterance whose cues found ``cued``.

    An act is added when its score reaches its threshold; but not a request when the wording
    asks a question and does not ask for anything ("He asked whether a plan existed"): the
    model tends to read "asked" as a request.

    Example:
        >>> sorted(learned_acts({"question"}, {"request": 0.9, "concern": 0.6}, {"request": 0.75, "concern": 0.55}))
        ['concern']
    """
    if not scores:
        return set()
    learned = {act for act, cut in thresholds.items() if scores.get(act, 0.0) >= cut}
    if "question" in cued and "request" not in cued:
        learned.discard("request")
    return learned


def _compile(pattern: str) -> re.Pattern[str]:
    """Cues match lower-cased text: faster than re.IGNORECASE (character classes are folded too)."""
    return re.compile(pattern.replace("A-Z", "a-z"))


def _answerer(speaker: dict[str, Any]) -> bool:
    """Whether a speaker is one who answers members: a role holder named by role, or an officer
    named without a member's title ("Tony Doran", not "Mr Gough" or "Councillor Wall")."""
    name, role = speaker.get("name") or "", (speaker.get("role") or "").lower()
    if name:
        return not _HONORIFIC.match(name)
    return bool(role) and not role.startswith(("member", "public", "resident"))


def score_acts(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Per-act P/R/F1 over reference utterances (``acts_<act>_p/r/f``) and ``acts_macro_f`` over concern, request, question."""
    counts = {act: [0, 0, 0] for act in ACTS}
    for example in examples:
        predicted = {(s.start_char, s.end_char): set(s._.acts) for s in example.predicted._.utterances}
        for span in example.reference._.utterances:
            gold, guess = set(span._.acts), predicted.get((span.start_char, span.end_char), set())
            for act in ACTS:
                counts[act][0] += act in gold and act in guess
                counts[act][1] += act in guess and act not in gold
                counts[act][2] += act in gold and act not in guess
    out: dict[str, Any] = {}
    for act, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[f"acts_{act}_p"], out[f"acts_{act}_r"] = p, r
        out[f"acts_{act}_f"] = 2 * p * r / (p + r) if p + r else 0.0
    out["acts_macro_f"] = sum(out[f"acts_{a}_f"] for a in CLASSIFIED) / len(CLASSIFIED)
    return out


def make_acts_scorer() -> Callable[..., dict[str, Any]]:
    return score_acts


@Language.factory(
    "minutes_acts",
    assigns=["span._.acts", "doc.spans"],
    requires=["doc.spans"],
    default_config={"thresholds": DEFAULT_THRESHOLDS, "use_context": True, "overwrite": False, "scorer": {"@scorers": "minutes_nlp.acts_scorer.v1"}},
    default_score_weights={"acts_macro_f": 1.0},
)
def make_act_tagger(
    nlp: Language, name: str, thresholds: dict[str, float], use_context: bool, overwrite: bool,
    scorer: Callable[..., dict[str, Any]] | None,
) -> ActTagger:
    return ActTagger(nlp, name, thresholds=thresholds, use_context=use_context, overwrite=overwrite, scorer=scorer)


util.registry.scorers.register("minutes_nlp.acts_scorer.v1", func=make_acts_scorer)
