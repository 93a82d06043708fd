"""Link the same issue across meetings: the :class:`IssueLinker` estimator.

``fit(meetings)`` collects candidate issue phrases per agenda item (title segments of topic
items, plus TF-IDF keyphrases of item text that recur in at least ``min_meetings`` meetings),
merges phrases that name the same issue (same order-free key; "webpage" = "web page"; near
spellings; a phrase inside exactly one longer issue) and learns ``catalog_``.
``transform(meetings)`` returns copies with ``AgendaItem.issues`` and ``Utterance.issues`` set.

Example:
    >>> from minutes_nlp.records import AgendaItem, Meeting, Source
    >>> src = Source(None, "txt", "", 1)
    >>> ms = [Meeting(f"m{i}", src, items=(AgendaItem("1", "Apologies for absence"), AgendaItem("2", t)))
    ...       for i, t in enumerate(["Leisure centre update", "Update on the leisure centres"])]
    >>> linker = IssueLinker().fit(ms)
    >>> [[r.id for it in m.items for r in it.issues] for m in linker.transform(ms)]
    [['leisure-centre'], ['leisure-centre']]
"""
from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from minutes_nlp.issues.catalog import Issue, IssueCatalog, slugify
from minutes_nlp.issues.phrases import KeyphraseExtractor
from minutes_nlp.issues.procedural import is_procedural_segment, title_kind, title_segments
from minutes_nlp.issues.text import GENERIC_WORDS, STOP_WORDS, candidate_phrases, chunks, phrase_key, stem
from minutes_nlp.records import AgendaItem, IssueRef, Meeting

logger = logging.getLogger(__name__)

__all__ = ["IssueLinker"]

Key = tuple[str, ...]
_MOTION = re.compile(r"\b(?:motions?|questions?|petitions?)\b", re.I)
_HONORIFICS = {"councillor", "cllr", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "prof"}


class _Mention(NamedTuple):
    text: str  # surface, lower case
    key: Key
    from_title: bool
    score: float
    seed: bool = False  # becomes an issue even when it does not recur


def _item_text(item: AgendaItem) -> str:
    return f"{item.title or ''}\n{item.text or ''}"


def _person_words(meetings: Sequence[Meeting]) -> frozenset[str]:
    """Words of people's names that never appear in lower case in the minutes (so "Hall" in "village hall" stays)."""
    names: set[str] = set()
    for m in meetings:
        a = m.attendance
        people = [p.name for group in (a.present, a.apologies, a.absent, a.officers, a.public) for p in group]
        people += [u.speaker.name for it in m.items for u in it.utterances if u.speaker and u.speaker.name]
        for name in people:
            names.update(w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z][A-Za-z’'-]+", name) if len(w) > 2)
    lower_words = {w for m in meetings for it in m.items for w in re.findall(r"\b[a-z][a-z’'-]+", _item_text(it))}
    return frozenset(n for n in names - _HONORIFICS if n not in lower_words)


_LABEL_EDGE = frozenset("update review progress option verbal oral interim further noting consideration proposal "
                        "draft adopted annual quarterly monthly mid-year".split())


def _readable(text: str) -> str:
    """Lower case, single spaces, no leading/trailing stop or "update"-like words ("update on the x" -> "x")."""
    words = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,;:-'\"").split(" ")
    edge = lambda w: w in STOP_WORDS or stem(w) in _LABEL_EDGE or not any(c.isalpha() for c in w)  # noqa: E731
    while words and edge(words[0]):
        words.pop(0)
    while words and edge(words[-1]):
        words.pop()
    return " ".join(words) if words else text.lower().strip()


def _similar(a: Key, b: Key, ratio: float) -> bool:
    if len(a) != len(b) or a == b:
        return a == b
    for x, y in zip(a, b):
        if x != y and (min(len(x), len(y)) < 5 or SequenceMatcher(None, x, y).ratio() < ratio):
            return False
    return True


class _UnionFind:
    def __init__(self, keys: Sequence[Key]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: Key) -> Key:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # deterministic root


class IssueLinker(BaseEstimator, TransformerMixin):
    """Find issues in agenda items and link the same issue across meetings.

    Parameters: ``max_issues_per_item`` caps the issues per item and per utterance;
    ``text_phrases`` is how many TF-IDF phrases of each item's text are considered;
    ``min_meetings`` is how many meetings a text phrase must recur in to become an issue
    (title topics always do); ``max_title_words`` is the longest title phrase kept whole;
    ``similarity`` is the difflib ratio for near spellings. An utterance gets the issues it
    names (in full, or in part for its item's issues: "the centre", "the leisure centre"); with
    ``utterance_context`` one that names none gets its item's title issue. ``random_state`` is kept for
    pipeline compatibility (nothing is random). Learned: ``extractor_``, ``catalog_``, ``key_to_id_``.

    Example:
        >>> IssueLinker(max_issues_per_item=2)
        IssueLinker(max_issues_per_item=2)

    Raises:
        ValueError: from ``fit`` when an argument is out of range.
    """

    def __init__(
        self,
        max_issues_per_item: int = 3,
        text_phrases: int = 8,
        min_meetings: int = 2,
        max_title_words: int = 5,
        similarity: float = 0.88,
        utterance_context: bool = True,
        random_state: int | None = 0,
    ) -> None:
        self.max_issues_per_item = max_issues_per_item
        self.text_phrases = text_phrases
        self.min_meetings = min_meetings
        self.max_title_words = max_title_words
        self.similarity = similarity
        self.utterance_context = utterance_context
        self.random_state = random_state

    # -- candidates ------------------------------------------------------------------------
    def _title_mentions(self, item: AgendaItem, names: frozenset[str], weights: dict[Key, float]) -> list[_Mention]:
        segments = [s for s in title_segments(item.title) if not is_procedural_segment(s, exclude=names)]
        out: list[_Mention] = []
        for seg in segments:
            words = [w for run in chunks(seg, stop_words=STOP_WORDS | names) for w in run]
            key = phrase_key(words)
            if not key:
                continue
            if len(key) > self.max_title_words or len(seg.split()) > self.max_title_words + 3:  # keep its best phrase
                runs = [(phrase_key(r), " ".join(r).lower()) for r in chunks(seg, stop_words=STOP_WORDS | names)]
                runs = [
                    (k, t) for k, t in runs
                    if k and len(k) <= self.max_title_words and set(k) - GENERIC_WORDS
                    and not is_procedural_segment(t, exclude=names)
                ]
                if not runs:
                    continue
                key, text = max(runs, key=lambda kt: (weights.get(kt[0], 0.0), len(kt[0]), kt[1]))
                out.append(_Mention(text, key, True, 1.0))
                continue
            out.append(_Mention(re.sub(r"\s+", " ", seg.lower().replace("’", "'")).strip(), key, True, 1.0))
        content = [m for m in out if set(m.key) - GENERIC_WORDS]
        return content or out[:1]  # "Options Review" only when nothing better is in the title

    def _item_mentions(self, meetings: Sequence[Meeting], names: frozenset[str]) -> list[list[list[_Mention]]]:
        """Per meeting, per item: title mentions (topic items) then text keyphrases, best first."""
        extractor = self.extractor_
        items = [it for m in meetings for it in m.items]
        phrases = extractor.transform([_item_text(it) for it in items])
        out: list[list[list[_Mention]]] = []
        i = 0
        for m in meetings:
            per_item = []
            for it in m.items:
                kind = title_kind(it.title, exclude=names)
                kps = phrases[i]
                i += 1
                if kind == "formal":
                    per_item.append([])
                    continue
                mentions: list[_Mention] = []
                if kind == "topic":
                    weights = {k.key: k.score for k in kps}
                    mentions += self._title_mentions(it, names, weights)
                text_mentions = [
                    _Mention(k.phrase, k.key, False, k.score)
                    for k in kps
                    if len(set(k.key) - GENERIC_WORDS) >= 2 and not is_procedural_segment(k.phrase, exclude=names)
                ]
                if text_mentions and not mentions and _MOTION.search(it.title or ""):
                    text_mentions[0] = text_mentions[0]._replace(seed=True)  # a motion's topic is in its text
                mentions += text_mentions
                per_item.append(mentions)
            out.append(per_item)
        return out

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, X: Sequence[Meeting], y: object = None) -> IssueLinker:
        """Learn the issue catalog from these meetings; returns self."""
        for name in ("max_issues_per_item", "text_phrases", "min_meetings", "max_title_words"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
        if not 0 < self.similarity <= 1:
            raise ValueError(f"similarity must be in (0, 1], got {self.similarity!r}")
        meetings = list(X)
        names = _person_words(meetings)
        self.person_words_ = names
        texts = [_item_text(it) for m in meetings for it in m.items]
        self.extractor_ = KeyphraseExtractor(
            max_phrases=self.text_phrases, max_words=4, exclude=sorted(names), random_state=self.random_state
        ).fit(texts)
        mentions = self._item_mentions(meetings, names)

        title_meetings: dict[Key, set[int]] = defaultdict(set)
        text_meetings: dict[Key, set[int]] = defaultdict(set)
        surfaces: dict[Key, Counter[str]] = defaultdict(Counter)
        title_surfaces: dict[Key, Counter[str]] = defaultdict(Counter)
        forced: set[Key] = set()
        for mi, per_item in enumerate(mentions):
            for item_mentions in per_item:
                for men in item_mentions:
                    (title_meetings if men.from_title else text_meetings)[men.key].add(mi)
                    if men.seed:
                        forced.add(men.key)
                    surfaces[men.key][men.text] += 1
                    if men.from_title:
                        title_surfaces[men.key][men.text] += 1
        seeds = sorted(
            k for k in surfaces
            if k in title_meetings or k in forced or len(text_meetings[k] | title_meetings[k]) >= self.min_meetings
        )
        clusters = self._merge(seeds, surfaces)
        self._build_catalog(clusters, title_meetings, title_surfaces, surfaces)
        logger.info("%d issues from %d meetings", len(self.catalog_), len(meetings))
        return self

    def _merge(self, seeds: list[Key], surfaces: dict[Key, Counter[str]]) -> dict[Key, list[Key]]:
        uf = _UnionFind(seeds)
        seed_set = set(seeds)
        for k in seeds:  # "web page" = "webpage"
            if len(k) > 1:
                surface = min(surfaces[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                compact = (stem("".join(w for w in surface.split() if w not in STOP_WORDS)),)
                if compact in seed_set:
                    uf.union(k, compact)
        by_len: dict[int, list[Key]] = defaultdict(list)
        for k in seeds:
            by_len[len(k)].append(k)
        for group in by_len.values():  # near spellings, same number of words
            by_first: dict[str, list[Key]] = defaultdict(list)
            for k in group:
                by_first[k[0][:2]].append(k)
            for bucket in by_first.values():
                for i, a in enumerate(bucket):
                    for b in bucket[i + 1 :]:
                        if _similar(a, b, self.similarity):
                            uf.union(a, b)
        containing: dict[str, set[Key]] = defaultdict(set)
        for k in seeds:
            for w in k:
                containing[w].add(k)
        for k in seeds:  # a phrase inside exactly one longer issue (at most twice its length) joins it
            if len(k) < 2:
                continue
            supersets = {o for o in set.intersection(*(containing[w] for w in k)) if o != k and 2 * len(k) >= len(o)}
            roots = {uf.find(o) for o in supersets}
            if len(roots) == 1:
                uf.union(k, roots.pop())
        clusters: dict[Key, list[Key]] = defaultdict(list)
        for k in seeds:
            clusters[uf.find(k)].append(k)
        return clusters

    def _build_catalog(self, clusters, title_meetings, title_surfaces, surfaces) -> None:  # type: ignore[no-untyped-def]
        drafts = []
        for keys in clusters.values():
            canon = max(
                keys,
                key=lambda k: (len(title_meetings.get(k, ())), sum(surfaces[k].values()), -len(k), k),
            )
            pool = title_surfaces.get(canon) or surfaces[canon]  # a title's wording, when there is one
            label = _readable(min(pool.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0])
            forms = sorted({s for k in keys for s in surfaces[k]} | {label})
            drafts.append((label, canon, sorted(keys), tuple(forms)))
        drafts.sort(key=lambda d: (d[0], d[1]))
        issues: dict[str, Issue] = {}
        key_to_id: dict[Key, str] = {}
        for label, _canon, keys, forms in drafts:
            base = slugify(label)
            issue_id, n = base, 1
            while issue_id in issues:
                n += 1
                issue_id = f"{base}-{n}"
            issues[issue_id] = Issue(issue_id, label, forms)
            for k in keys:
                key_to_id[k] = issue_id
        self.catalog_ = IssueCatalog(dict(sorted(issues.items())))
        self.key_to_id_ = dict(sorted(key_to_id.items()))
        self.issue_keys_: dict[str, frozenset[str]] = {}
        for k, i in self.key_to_id_.items():
            self.issue_keys_[i] = self.issue_keys_.get(i, frozenset()) | frozenset(k)
        self.stem_issues_: dict[str, frozenset[str]] = {}
        for i, stems in self.issue_keys_.items():
            for w in stems:
                self.stem_issues_[w] = self.stem_issues_.get(w, frozenset()) | {i}

    # -- transforming ----------------------------------------------------------------------
    def _resolve(self, key: Key) -> str | None:
        found = self.key_to_id_.get(key)
        if found is not None or len(key) < 2:
            return found
        owners = frozenset.intersection(*(self.stem_issues_.get(w, frozenset()) for w in key))
        return next(iter(owners)) if len(owners) == 1 else None

    def transform(self, X: Sequence[Meeting]) -> list[Meeting]:
        """Copies of the meetings with ``AgendaItem.issues`` and ``Utterance.issues`` filled."""
        check_is_fitted(self, "catalog_")
        meetings = list(X)
        names = self.person_words_ | _person_words(meetings)
        mentions = self._item_mentions(meetings, names)
        out = []
        for m, per_item in zip(meetings, mentions):
            items = []
            for it, item_mentions in zip(m.items, per_item):
                ids: list[str] = []
                for men in item_mentions:
                    issue_id = self._resolve(men.key)
                    if issue_id is not None and issue_id not in ids:
                        ids.append(issue_id)
                ids = ids[: self.max_issues_per_item]
                refs = tuple(IssueRef(i, self.catalog_.issues[i].label) for i in ids)
                titled = [self._resolve(men.key) for men in item_mentions if men.from_title]
                context = titled[0] if self.utterance_context and titled and titled[0] in ids else None
                utterances = tuple(
                    dataclasses.replace(u, issues=self._utterance_refs(u.text, ids, context)) for u in it.utterances
                ) if item_mentions else it.utterances
                items.append(dataclasses.replace(it, issues=refs, utterances=utterances))
            out.append(dataclasses.replace(m, items=tuple(items)))
        return out

    def _utterance_refs(self, text: str, item_ids: list[str], context_id: str | None) -> tuple[IssueRef, ...]:
        keys = {p.key for p in candidate_phrases(text, max_words=self.max_title_words)}
        found: list[str] = []
        singles = {k[0] for k in keys if len(k) == 1}
        for issue_id in item_ids:  # the item's issues, also when named in part ("the leisure centre", "the centre")
            stems = self.issue_keys_[issue_id]
            head = stem(self.catalog_.issues[issue_id].label.split(" ")[-1])
            if head in singles and head not in GENERIC_WORDS or any(
                self.key_to_id_.get(k) == issue_id or (len(k) >= 2 and set(k) <= stems) for k in keys
            ):
                found.append(issue_id)
        for k in sorted(keys):  # any other issue named in full
            issue_id = self.key_to_id_.get(k)
            if issue_id is not None and len(k) >= 2 and issue_id not in found:
                found.append(issue_id)
        if not found and context_id is not None:  # said under the item, about its topic
            found.append(context_id)
        return tuple(IssueRef(i, self.catalog_.issues[i].label) for i in found[: self.max_issues_per_item])
