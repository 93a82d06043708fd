"""Person ids and Person records from resolved clusters.

Ids are the surname slug and first initial ("sweetland-b"), lengthened only where two people of
one body would share one ("cole-pt-f", "cole-p-m"), and suffixed with the body where two bodies
would ("smith-j--north-council").

Example:
    >>> from minutes_nlp.people.clusters import Cluster
    >>> from minutes_nlp.people.mentions import parse_mention
    >>> c = Cluster(key="sweetland", initial="b"); c.add(parse_mention("Mr B J Sweetland"), "m1", "present")
    >>> assign_ids({"Kent": [c]})[id(c)]
    'sweetland-b'
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict

from minutes_nlp.people.clusters import Cluster
from minutes_nlp.people.mentions import parse_mention, slug
from minutes_nlp.people.registry import Person

__all__ = ["assign_ids", "make_person"]

logger = logging.getLogger(__name__)

_MEMBER_LISTS = ("present", "apologies", "absent")


def assign_ids(clusters_by_body: dict[str, list[Cluster]]) -> dict[int, str]:
    """Ids from surname and first initial, lengthened only where two people would share one."""
    proposals: dict[int, str] = {}
    for body, clusters in clusters_by_body.items():
        ordered = sorted(clusters, key=_sort_key)
        base = {id(c): c.forced_id or "-".join(x for x in (slug(_surname(c)), c.initial) if x) or "person" for c in ordered}
        counts = Counter(base.values())
        for c in ordered:
            pid = base[id(c)]
            if counts[pid] > 1 and not c.forced_id:
                initials = _commonest(c.initials)
                pid = "-".join(x for x in (slug(_surname(c)), initials or c.initial, c.gender) if x)
            proposals[id(c)] = pid
        seen: Counter = Counter()
        for c in ordered:
            seen[proposals[id(c)]] += 1
            if seen[proposals[id(c)]] > 1:
                proposals[id(c)] = f"{proposals[id(c)]}-{seen[proposals[id(c)]]}"
    owners: dict[str, set] = defaultdict(set)
    for body, clusters in clusters_by_body.items():
        for c in clusters:
            owners[proposals[id(c)]].add(body)
    return {
        id(c): proposals[id(c)] if len(owners[proposals[id(c)]]) == 1 or c.forced_id else f"{proposals[id(c)]}--{slug(body)}"
        for body, clusters in clusters_by_body.items()
        for c in clusters
    }


def _sort_key(c: Cluster) -> tuple:
    return (c.key, c.initial, c.gender, _commonest(c.initials), tuple(sorted(c.texts)))


def _commonest(counter: Counter) -> str:
    return sorted(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0] if counter else ""


def _surname(c: Cluster) -> str:
    best = Counter()
    for text, n in c.texts.items():
        m = parse_mention(text)
        if m and m.surname:
            best[m.surname] += n
    return _commonest(best) or c.key


def make_person(pid: str, body: str, c: Cluster) -> Person:
    listed = [t for t in c.texts if parse_mention(t) and (parse_mention(t).initial or parse_mention(t).given)]  # type: ignore[union-attr]
    name = sorted(listed or list(c.texts) or [pid], key=lambda t: (-len(t), t))[0]
    kind = "member" if c.lists & set(_MEMBER_LISTS) else "officer" if "officers" in c.lists else "other"
    return Person(
        id=pid,
        name=name,
        surname=_surname(c),
        body=body,
        kind=kind,
        initial=c.initial,
        roles={r: tuple(sorted(ms)) for r, ms in sorted(c.roles.items())},
        meetings=tuple(sorted(c.attended)),
        mentions=tuple(sorted(c.texts)),
    )

