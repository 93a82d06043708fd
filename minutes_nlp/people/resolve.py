"""Resolve every person mention in a set of meetings to a person id that is stable across meetings.

People are resolved within one body (council) at a time and never merged across bodies. The
attendance lists anchor them: a listed name with an initial, first name or qualifier ("Mr B J
Sweetland", "Paul Bartlett", "Collins (M)") makes a person keyed by surname and first initial (and
by the gender a title implies, where "Mrs P T Cole" and "Mr P Cole" would otherwise meet). Every
other mention is then matched to those people: "Mr Sweetland" and "Sweetland" by surname, preferring
people listed at the same meeting; "the Chairman" by the role the attendance list gives; "LH" by
the initials of the people listed. A mention that fits nobody makes a person of its own; one that
fits several equally is left without an id (and logged).

Example:
    >>> from minutes_nlp.records import Meeting, Source, Attendance, Participant
    >>> src = Source(path="a.txt", format="txt", sha256="0", pages=1)
    >>> m = Meeting(id="m1", source=src, body="Example Council",
    ...             attendance=Attendance(present=(Participant("Mr B J Sweetland", "Chairman"),)))
    >>> meetings, registry = resolve_people([m])
    >>> meetings[0].attendance.present[0].person_id, dict(registry["sweetland-b"].roles)
    ('sweetland-b', {'Chairman': ('m1',)})
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from minutes_nlp.people.clusters import Cluster, candidates, match, merge_spelling_variants, split_group
from minutes_nlp.people.ids import assign_ids, make_person
from minutes_nlp.people.mentions import Mention, chair_key, parse_mention
from minutes_nlp.people.registry import Aliases, Person, PersonRegistry
from minutes_nlp.records import Attendance, Meeting, Participant, Speaker

__all__ = ["body_of", "resolve_people"]

logger = logging.getLogger(__name__)

_LISTS = ("present", "apologies", "absent", "officers", "public")
_PERSONAL = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Motion|Cllr|Councillor)\b")


def body_of(meeting: Meeting, fallback: Mapping[str, str] | None = None) -> str:
    """The body a meeting belongs to: its ``body``, else the body of meetings from the same folder.

    Example:
        >>> from minutes_nlp.records import Meeting, Source
        >>> body_of(Meeting(id="x", source=Source("kent/a.pdf", "pdf", "0", 1)), {"kent": "Kent County Council"})
        'Kent County Council'
    """
    if meeting.body:
        return meeting.body
    folder = os.path.dirname(meeting.source.path or "") if meeting.source else ""
    if fallback and folder in fallback:
        return fallback[folder]
    return os.path.basename(folder) or "unknown body"


def _folder_bodies(meetings: Iterable[Meeting]) -> dict[str, str]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for m in meetings:
        if m.body and m.source:
            counts[os.path.dirname(m.source.path or "")][m.body] += 1
    return {folder: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for folder, c in counts.items()}


def resolve_people(
    meetings: Iterable[Meeting], *, aliases: "Aliases | Mapping[str, Any] | str | os.PathLike | None" = None
) -> tuple[list[Meeting], PersonRegistry]:
    """Give every attendance participant and speaker a person id, and return the registry of people.

    Movers, seconders and named voters are plain strings in the records; their ids are in the
    registry: ``registry.lookup(meeting.id, motion.mover)``.

    Example:
        >>> meetings, registry = resolve_people([])   # doctest: +SKIP
        >>> registry.lookup(meetings[0].id, "Mr Sweetland")   # doctest: +SKIP
        'sweetland-b'
    """
    meetings = list(meetings)
    alias = Aliases.resolve(aliases)  # type: ignore[arg-type]
    fallback = _folder_bodies(meetings)
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for m in meetings:
        by_body[body_of(m, fallback)].append(m)
    resolved: dict[tuple[str, str], Cluster] = {}
    clusters_by_body: dict[str, list[Cluster]] = {}
    for body in sorted(by_body):
        ordered = sorted(by_body[body], key=lambda m: (m.date or "", m.id))
        clusters, mention_map = _resolve_body(ordered, alias)
        clusters_by_body[body] = clusters
        resolved.update(mention_map)
    ids = assign_ids(clusters_by_body)
    people: dict[str, Person] = {}
    for body, clusters in clusters_by_body.items():
        for c in clusters:
            people[ids[id(c)]] = make_person(ids[id(c)], body, c)
    mentions = {key: ids[id(c)] for key, c in resolved.items()}
    registry = PersonRegistry(people=dict(sorted(people.items())), mentions=dict(sorted(mentions.items())))
    return [_fill(m, registry) for m in meetings], registry


# ---------------------------------------------------------------- one body


def _resolve_body(meetings: list[Meeting], alias: Aliases) -> tuple[list[Cluster], dict[tuple[str, str], Cluster]]:
    clusters: list[Cluster] = []
    forced: dict[str, Cluster] = {}
    mention_map: dict[tuple[str, str], Cluster] = {}
    listed: list[tuple[Meeting, str, Participant, Mention]] = []
    for m in meetings:
        for where in _LISTS:
            for p in getattr(m.attendance, where):
                mention = parse_mention(p.name)
                if mention is not None and not mention.role_only and not mention.initials_only:
                    listed.append((m, where, p, mention))

    def forced_cluster(pid: str, mention: Mention) -> Cluster:
        if pid not in forced:
            forced[pid] = Cluster(key=mention.key, forced_id=pid)
            clusters.append(forced[pid])
        return forced[pid]

    # 1. anchors: attendance names with an initial, first name or qualifier
    groups: dict[tuple[str, str], list[tuple[Meeting, str, Participant, Mention]]] = defaultdict(list)
    for entry in listed:
        m, where, p, mention = entry
        target = alias.target(p.name)
        if target:
            forced_cluster(target, mention).add(mention, m.id, where)
            mention_map[(m.id, p.name)] = forced[target]
        elif alias.is_distinct(p.name):
            c = Cluster(key=mention.key)
            c.add(mention, m.id, where)
            clusters.append(c)
            mention_map[(m.id, p.name)] = c
        elif mention.initial:
            groups[(mention.key, mention.initial)].append(entry)
    for (key, initial), entries in sorted(groups.items()):
        split_group(key, initial, entries, clusters, mention_map)
    merge_spelling_variants(clusters, mention_map)

    # 2. attendance names printed by surname alone
    for m, where, p, mention in listed:
        if (m.id, p.name) in mention_map:
            continue
        here = {id(c) for (mid, _), c in mention_map.items() if mid == m.id}
        cands = [c for c in candidates(clusters, mention, where) if id(c) not in here]
        if len(cands) == 1:
            chosen = cands[0]
        else:
            chosen = next((c for c in clusters if not c.initial and c.key == mention.key and not c.forced_id), None)
            if chosen is None:
                chosen = Cluster(key=mention.key)
                clusters.append(chosen)
        chosen.add(mention, m.id, where)
        mention_map[(m.id, p.name)] = chosen

    # roles held, from the attendance lists
    for m, where, p, mention in listed:
        if p.role and _is_role(p.role):
            mention_map[(m.id, p.name)].roles[p.role.strip()].add(m.id)

    # 3. every other mention: speakers, movers, seconders, voters, role-only and initials-only names
    for m in meetings:
        attendance_here = {
            (chair_key(p.role), id(mention_map[(m.id, p.name)]))
            for where in _LISTS
            for p in getattr(m.attendance, where)
            if (m.id, p.name) in mention_map
        }
        here_ids = {cid for _, cid in attendance_here}
        for name, role in _other_mentions(m):
            if (m.id, name) in mention_map:
                continue
            target = alias.target(name)
            mention = parse_mention(name)
            if mention is None and role and role != name:  # "Clerk Q1" (role "Clerk"): the role says who
                mention = Mention(text=name, role_only=True)
            if target:
                cluster = forced_cluster(target, mention or Mention(text=name))
            elif mention is None:
                continue
            else:
                cluster = match(clusters, mention, role, attendance_here, here_ids, alias)
            if cluster is not None:
                cluster.add(mention or Mention(text=name))
                mention_map[(m.id, name)] = cluster
                if role and _is_role(role) and not (mention and mention.role_only) and not _PERSONAL.search(role):
                    cluster.roles[role.strip()].add(m.id)
    return clusters, mention_map

def _other_mentions(m: Meeting) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in m.items:
        for u in item.utterances:
            if u.speaker is not None:
                name = u.speaker.name or u.speaker.role
                if name:
                    out.append((name, u.speaker.role))
        for motion in item.motions:
            out.extend((n, None) for n in (motion.mover, motion.seconder) if n)
        for vote in item.votes:
            for key in sorted(vote.named):
                out.extend((n, None) for n in vote.named[key] if n)
    return out


def _is_role(role: str) -> bool:
    """True for a role worth recording ("Chairman", "supervisor"), not a note ("work commitments")."""
    words = role.split()
    if not words or len(words) > 12 or any(ch.isdigit() for ch in role):
        return False
    if role[:1].islower():
        return role.lower() in {"supervisor", "clerk", "treasurer", "chair", "chairman", "mayor"}
    return not role.lower().startswith(("substitute", "approved"))


# ---------------------------------------------------------------- ids and records

def _fill(m: Meeting, registry: PersonRegistry) -> Meeting:
    def participant(p: Participant) -> Participant:
        return dataclasses.replace(p, person_id=registry.lookup(m.id, p.name) or p.person_id)

    def speaker(s: Speaker | None) -> Speaker | None:
        if s is None:
            return None
        pid = registry.lookup(m.id, s.name or s.role)
        return dataclasses.replace(s, person_id=pid or s.person_id)

    attendance = Attendance(**{w: tuple(participant(p) for p in getattr(m.attendance, w)) for w in _LISTS})
    items = tuple(
        dataclasses.replace(
            item,
            utterances=tuple(dataclasses.replace(u, speaker=speaker(u.speaker)) for u in item.utterances),
        )
        for item in m.items
    )
    return dataclasses.replace(m, attendance=attendance, items=items)

