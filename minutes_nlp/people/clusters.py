"""Clusters of mentions while people are resolved: grouping, matching and spelling variants.

A :class:`Cluster` is one person in the making: the printed mentions that make them up, the
surnames and initials printed, the lists they appear in and the roles they held. The functions
here share listed names among clusters and match every other mention to one.

Example:
    >>> from minutes_nlp.people.mentions import parse_mention
    >>> c = Cluster(key="sweetland", initial="b")
    >>> c.add(parse_mention("Mr B J Sweetland"), "m1", "present")
    >>> [x.key for x in candidates([c], parse_mention("Mr Sweetland"), None)]
    ['sweetland']
"""
from __future__ import annotations

import difflib
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from minutes_nlp.people.mentions import Mention, chair_key, fold_key
from minutes_nlp.people.registry import Aliases

__all__ = ["Cluster", "candidates", "match", "merge_spelling_variants", "split_group"]

logger = logging.getLogger(__name__)


@dataclass
class Cluster:
    """A person while resolving: the mentions that make them up."""

    key: str  # folded surname
    initial: str = ""
    gender: str = ""
    given: str = ""
    texts: Counter = field(default_factory=Counter)
    keys: set = field(default_factory=set)
    initials: Counter = field(default_factory=Counter)
    member_title: bool = False
    lists: set = field(default_factory=set)
    roles: dict = field(default_factory=lambda: defaultdict(set))
    meetings: set = field(default_factory=set)  # meetings where listed in attendance
    attended: set = field(default_factory=set)  # listed present or as an officer
    forced_id: str | None = None

    def add(self, mention: Mention, meeting_id: str | None = None, where: str | None = None) -> None:
        self.texts[mention.text] += 1
        self.keys |= mention.keys
        if mention.initials:
            self.initials[mention.initials] += 1
        self.gender = self.gender or mention.gender
        self.given = self.given or mention.given
        self.initial = self.initial or mention.initial
        self.member_title |= mention.member
        if meeting_id and where:
            self.lists.add(where)
            self.meetings.add(meeting_id)
            if where in ("present", "officers"):
                self.attended.add(meeting_id)


def split_group(key: str, initial: str, entries: list, clusters: list[Cluster], mention_map: dict) -> None:
    """Share out the listed names with one surname and initial among as few people as the lists allow.

    One person is listed once per meeting, and titles of different genders ("Mr J Meade", "Ms J Meade")
    are different people; the commonest printed forms are placed first.
    """
    counts = Counter(e[3].text for e in entries)
    order = sorted(range(len(entries)), key=lambda i: (-counts[entries[i][3].text], entries[i][3].text, i))
    subs: list[Cluster] = []
    for i in order:
        m, where, p, mention = entries[i]
        fits = [
            c for c in subs
            if m.id not in c.meetings and not (mention.gender and c.gender and mention.gender != c.gender)
        ]
        if mention.initials and len(fits) > 1:
            fits = [c for c in fits if mention.initials in c.initials] or fits
        same = [c for c in fits if mention.text in c.texts]
        chosen = (same or fits or [None])[0]
        if chosen is None:
            chosen = Cluster(key=key, initial=initial)
            subs.append(chosen)
            clusters.append(chosen)
        chosen.add(mention, m.id, where)
        mention_map[(m.id, p.name)] = chosen


def merge_spelling_variants(clusters: list[Cluster], mention_map: dict) -> None:
    """Merge "Rory Blazevich" and "Rory Blasevic": same first name, surnames spelled almost alike."""
    i = 0
    while i < len(clusters):
        a = clusters[i]
        for b in clusters[i + 1 :]:
            if (
                a.given and b.given and fold_key(a.given) == fold_key(b.given) and a.key != b.key
                and not a.forced_id and not b.forced_id and not (a.meetings & b.meetings)
                and max(difflib.SequenceMatcher(None, x, y).ratio() for x in a.keys for y in b.keys) >= 0.8
            ):
                for mention_text, n in b.texts.items():
                    a.texts[mention_text] += n
                a.keys |= b.keys
                a.initials.update(b.initials)
                a.lists |= b.lists
                a.meetings |= b.meetings
                a.attended |= b.attended
                for k, c in list(mention_map.items()):
                    if c is b:
                        mention_map[k] = a
                clusters.remove(b)
                break
        else:
            i += 1


def candidates(clusters: list[Cluster], mention: Mention, where: str | None) -> list[Cluster]:
    """People the mention could be by surname: same surname, no clash of gender, initial or office."""
    out = []
    for c in clusters:
        if not (c.keys & mention.keys):
            continue
        if mention.gender and c.gender and mention.gender != c.gender:
            continue
        if mention.initial and c.initial and mention.initial != c.initial:
            continue
        if mention.member and c.lists and c.lists <= {"officers"}:
            continue
        if where == "officers" and c.member_title:
            continue
        out.append(c)
    return out


def match(
    clusters: list[Cluster], mention: Mention, role: str | None, attendance_here: set, here_ids: set, alias: Aliases
) -> Cluster | None:
    by_id = {id(c): c for c in clusters}
    if mention.role_only:
        wanted = chair_key(role or mention.text) or chair_key(mention.text)
        hits = sorted({cid for r, cid in attendance_here if r and r == wanted})
        if not hits and wanted:  # "the Leader": someone listed here who holds the office elsewhere in the series
            offices = {wanted, f"{wanted} of the council"}
            hits = sorted(cid for cid in here_ids if any(chair_key(r) in offices for r in by_id[cid].roles))
        if len(hits) == 1:
            return by_id[hits[0]]
        return None
    if mention.initials_only:
        fits = [c for c in clusters if _initials_of(c) == mention.initials]
        local = [c for c in fits if id(c) in here_ids]
        pick = local if local else fits
        return pick[0] if len(pick) == 1 else None
    if alias.is_distinct(mention.text):
        c = Cluster(key=mention.key)
        clusters.append(c)
        return c
    cands = candidates(clusters, mention, None)
    if mention.initial:  # "Cur Precey": a misread initial is not a new person when the surname is unique here
        exact = [c for c in cands if c.initial == mention.initial]
        if exact:
            cands = exact
        else:
            cands = [c for c in clusters if c.keys & mention.keys and id(c) in here_ids] or cands
    local = [c for c in cands if id(c) in here_ids]
    for pick in (local, cands):
        if len(pick) > 1 and mention.member:
            pick = [c for c in pick if c.member_title] or pick
        if len(pick) == 1:
            return pick[0]
        if len(pick) > 1:
            logger.info("%r fits %d people; left unresolved", mention.text, len(pick))
            return None
    close = [
        c for c in clusters
        if id(c) in here_ids and max(difflib.SequenceMatcher(None, mention.key, k).ratio() for k in c.keys) >= 0.85
    ]
    if len(close) == 1:  # "Mr Streatfield" for the listed "Mr R G Streatfeild"
        return close[0]
    if not mention.given and not mention.initial and len(mention.surname.split()) == 1:
        firsts = [c for c in clusters if c.given and fold_key(c.given) == mention.key]
        if len(firsts) == 1:  # "Gary": a first name used alone
            return firsts[0]
    c = Cluster(key=mention.key, initial=mention.initial)
    clusters.append(c)
    return c


def _initials_of(c: Cluster) -> str:
    first = fold_key(c.given)[:1] or c.initial
    return (first + c.key[:1]) if first else ""

