"""``minutes_speakers``: attribute every sentence of an item's discussion to a speaker.

A turn starts where a sentence names someone as the subject of a reporting verb: a member
("Councillor Cooper", "Cllr Patel", "Mr Gough", "Collins (M)", or initials such as "LH" that
the attendance list explains), a role holder ("the chair", "the Cabinet Member Corporate
Services", "the Director Commissioning"), members ("A Member", "Members") or a member of the
public; "In response, X said" switches too. Reported speech
("He said", "She added", "In his introduction, he ...") and sentences naming nobody continue
the current speaker. Roles resolve to people through ``Doc._.attendance``; sentences inside
``Doc._.skip_ranges`` (resolution text) get no utterance. One Doc is one agenda item: the
speaker starts unknown (``None``) in each. On a base pipeline with a parser, a mention that
the parser attaches as an object or a passive subject opens no turn.

Writes ``doc.spans["utterances"]`` (one span per sentence, ``Span._.speaker`` set),
``doc.spans["speakers"]`` (the mentions that opened a turn: PERSON, ROLE, GROUP, PUBLIC).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("minutes_sentences"); _ = nlp.add_pipe("minutes_speakers")
    >>> doc = nlp("Councillor Wall questioned the plan. He was concerned. The chair agreed.")
    >>> [(u.text, u._.speaker["name"] or u._.speaker["role"]) for u in doc._.utterances]
    [('Councillor Wall questioned the plan.', 'Councillor Wall'), ('He was concerned.', 'Councillor Wall'), ('The chair agreed.', 'Chair')]
"""
from __future__ import annotations

import bisect
import logging
import re
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.training import Example

from minutes_nlp.nlp.extensions import UTTERANCES_KEY, doc_text, register_extensions, sentence_bounds
from minutes_nlp.nlp.names import Roster, display_name, plain_speaker, role_key, role_phrase, same_speaker, speaker_from_person
from minutes_nlp.nlp.patterns import alternation, load_patterns

__all__ = ["SpeakerTagger", "Turn", "make_speaker_scorer", "make_speaker_tagger", "score_speakers"]

logger = logging.getLogger(__name__)

SPANS_KEY = "speakers"
_LEADING = {
    "the", "a", "an", "one", "another", "some", "several", "many", "other", "all", "two", "three", "most", "both",
    "however", "whilst", "while", "although", "in", "on", "at", "following", "further", "finally", "also", "when",
    "if", "as", "after", "before", "during", "regarding", "given", "since", "then", "thus", "therefore", "additionally",
    "furthermore", "moreover", "overall", "meanwhile", "subsequently", "accordingly", "it", "this", "that", "these",
    "those", "there", "here", "we", "they", "he", "she", "and", "but", "so", "with", "without", "from", "to", "by",
    "for", "of", "various", "individual", "number",
}
_BLOCK = re.compile(r"\b(?:he|she|they|it|we|i|that|said|says|who|which|whom|whose|whether)\b", re.I)
_NAMEWORD = r"[A-Z](?:[’'][A-Z])?[\w’'\-]*"
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a name or role may wrap onto the next line, not across a blank one
_QUAL = r"(?:\s*\([A-Z]{1,3}\))?"


class Turn(NamedTuple):
    """A sentence (``start``/``end`` characters) and its speaker; ``mention`` opened a turn there."""

    start: int
    end: int
    speaker: dict[str, Any] | None
    mention: tuple[int, int, str] | None = None


def _alternation(words: Iterable[str]) -> str:
    return f"(?:{alternation(words)})"


class SpeakerTagger(Pipe):
    """Find speaker turns and write utterance spans (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "minutes_speakers",
        *,
        spans_key: str = SPANS_KEY,
        overwrite: bool = False,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.scorer = scorer
        self.load_lexicon(
            titles=load_patterns("titles"), roles=load_patterns("roles"),
            verbs=load_patterns("speech_verbs"), public=load_patterns("public"),
        )

    # -- lexicon ---------------------------------------------------------------------------
    def load_lexicon(self, *, titles: list[dict[str, Any]], roles: list[dict[str, Any]],
                     verbs: list[dict[str, Any]], public: list[dict[str, Any]]) -> None:
        """Compile the mention and reporting-verb expressions from pattern rows."""
        self.lexicon = {"titles": titles, "roles": roles, "verbs": verbs, "public": public}
        self.titles = {r["title"] for r in titles}
        self.honorifics = {r["title"] for r in titles if r.get("honorific")}
        self.public_roles = {r["pattern"]: r["role"] for r in public}
        self._public_longest_first = sorted(self.public_roles.items(), key=lambda item: -len(item[0]))
        title_rx = _alternation(self.titles)
        heads = {r["head"] for r in roles}
        lower_heads = {h[0].lower() + h[1:] for h in heads}
        not_title = rf"(?!(?:{title_rx})\b)"
        not_honorific = rf"(?!(?:{_alternation(self.honorifics)})\b)"
        name = rf"{not_title}{_NAMEWORD}"
        titled = rf"(?=[A-Z])(?:(?:{title_rx})\.?\s+){{1,3}}(?:[A-Z]\.?\s+){{0,3}}{name}(?:\s+{name}){{0,2}}{_QUAL}"
        more = rf"(?:{_SPACE}(?:(?:of|for|and|&|the|on|to){_SPACE})*{not_honorific}(?!(?:The|A|An)\b)(?:[A-Z][\w’'\-]*|&))*"
        det = r"(?:the|The|an?|An?)\s+"
        role = (
            rf"{det}(?:{_alternation(lower_heads)})\b{more}"
            rf"|(?:{det})?(?=[A-Z])(?:(?!(?:The|A|An)\b){_NAMEWORD}(?:[ \t]+(?:and|&|of|for))?[ \t]+){{0,5}}?"
            rf"(?:[A-Z]/)?(?:{_alternation(heads)})\b{more}"
        )
        plain = rf"(?=[A-Z])(?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z]\.?\s+)?{name}){{0,2}}{_QUAL}"
        public_rx = _alternation(self.public_roles)
        public_cap = _alternation(p[0].upper() + p[1:] for p in self.public_roles)
        quantity = r"(?:the|The|an?|An?|one|One|some|Some|two|Two|several|Several)\s+(?:(?:second|third|fourth|further|other|another)\s+)?"
        self._mention = re.compile(
            rf"(?<![\w’'])(?:(?P<titled>{titled})"
            rf"|(?P<public>{quantity}(?:local\s+)?(?:{public_rx})|(?:Local\s+)?(?:{public_cap}))\b"
            rf"|(?P<role>{role})|(?P<initials>[A-Z]{{2,3}})(?![\w’'.])|(?P<plain>{plain}))"
        )
        verb_forms = [r["verb"] for r in verbs if "verb" in r]
        states = [r["state"] for r in verbs if "state" in r]
        other = rf"(?:\s*(?:,|and\b|&)\s*(?:(?:{title_rx})\.?\s+)*(?:[A-Z]\.?\s+){{0,2}}{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,2}}{_QUAL})"
        gap = rf"(?P<gap>\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}|\s*\((?P<paren>[^()]{{1,80}})\)|\s*,(?P<appos>[^,.;:()]{{1,80}}?(?:,[^,.;:()]{{1,60}}?){{0,2}}?),?|{other}{{1,3}},?)?"
        adverbs = r"(?:(?:also|then|further|again|however|subsequently|additionally|briefly|kindly|duly|formally|[a-z]+ly),?\s+){0,2}"
        self._verb_after = re.compile(
            rf"{gap}\s+{adverbs}(?:"
            rf"(?:(?:has|have|had|would|will|did|does|then|also|further)\s+(?:not\s+)?(?:also\s+|further\s+|then\s+)?)?(?P<verb>{_alternation(verb_forms)})\b"
            rf"|(?P<aux>was|were|is|are|remained|felt)\s+(?:(?:also|very|not|particularly|extremely|deeply|greatly|rather|most|so|still|equally)\s+)*(?P<state>{_alternation(states)})\b"
            rf"|(?P<weak>(?:has|have|had|was|is|would|will)\s+[a-z]+|[a-z]+ed)\b)"
        )
        self._titled_in = re.compile(rf"(?<![\w’']){titled}")
        self._agent = re.compile(rf"\b(?:proposed|moved|seconded|presented|introduced)\s+by\s+(?P<agent>{titled})")

    # -- find --------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[Turn]:
        """One :class:`Turn` per sentence to annotate; never writes to ``doc``."""
        text = doc_text(doc)
        roster = self._roster(doc._.attendance)
        skip = sorted(tuple(r) for r in (doc._.skip_ranges or ()))
        sentences = sentence_bounds(doc)
        parsed = doc.has_annotation("DEP")  # a base pipeline's parser can veto a mention that is no subject
        mentions = [(m.start(), m) for m in self._mention.finditer(text)]
        starts = [start for start, _ in mentions]
        known: dict[tuple[str, ...], dict[str, Any]] = {}
        current: dict[str, Any] | None = None
        turns = []
        for start, end in sentences:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end or not any(c.isalpha() for c in text[start:end]):
                continue
            first = bisect.bisect_left(starts, start)
            mention = None
            for index in range(first, len(mentions)):
                pos, match = mentions[index]
                if pos >= end:
                    break
                found = self._speaker_at(text, start, match, end, roster, known)
                if found is not None and parsed and not _parsed_as_subject(doc, match.start(), match.end()):
                    continue
                if found is not None:
                    current, mention = found
                    break
            if mention is None:
                agent = self._agent.search(text, start, end)
                if agent is not None:
                    current = self._person_speaker(agent, agent.group("agent"), "titled", None, None, roster, known)[0]
                    mention = (agent.start("agent"), agent.end("agent"), "PERSON")
            if mention is None and _inside(skip, start, end):
                continue
            turns.append(Turn(start, end, dict(current) if current else None, mention))
        return turns

    def _roster(self, attendance: list[dict[str, Any]] | None) -> Roster:
        """The Roster of ``attendance``, reused while the same list comes back (one meeting's items)."""
        cached = getattr(self, "_last_roster", None)
        if cached is None or cached[0] is not attendance:
            cached = (attendance, Roster(attendance))
            self._last_roster = cached
        return cached[1]

    def _speaker_at(self, text: str, sent_start: int, match: re.Match[str], sent_end: int,
                    roster: Roster, known: dict[tuple[str, ...], dict[str, Any]]) -> tuple[dict[str, Any], tuple[int, int, str]] | None:
        prefix = text[sent_start : match.start()]
        if len(prefix) > 160 or _BLOCK.search(prefix):
            return None
        after = self._verb_after.match(text, match.end(), sent_end)
        if after is None:
            return None
        kind = match.lastgroup or ""
        mention = match.group(kind)
        subject_position = not prefix.strip() or prefix.rstrip().endswith(",")
        if after.group("weak") and not subject_position:
            return None
        if after.group("weak") and not (kind == "public" or (kind in ("titled", "plain") and roster.knows_surname(mention))):
            return None
        paren, appos = after.group("paren"), after.group("appos")
        if kind == "public":
            phrase = " ".join(mention.lower().split())
            role = next((r for p, r in self._public_longest_first if phrase.endswith(p)), "Public speaker")
            return {"name": None, "role": role, "person_id": None}, (match.start(), match.end(), "PUBLIC")
        if kind == "initials":
            person = roster.by_initials(mention) if roster else None
            if person is None:
                return None
            return speaker_from_person(person, None), (match.start(), match.end(), "PERSON")
        if kind == "role":
            return self._role_speaker(match, mention, paren, appos, roster, known)
        return self._person_speaker(match, mention, kind, paren, appos, roster, known)

    def _person_speaker(self, match: re.Match[str], mention: str, kind: str, paren: str | None, appos: str | None,
                        roster: Roster, known: dict[tuple[str, ...], dict[str, Any]]) -> tuple[dict[str, Any], tuple[int, int, str]] | None:
        words = mention.split()
        if kind == "plain":
            if words[0].lower() in _LEADING or (roster and not roster.knows_surname(mention)):
                person = roster.by_first_name(words[0]) if len(words) == 1 else None
                if person is None:
                    return None
                return speaker_from_person(person, None), (match.start(), match.end(), "PERSON")
            if len(words) == 1 and not roster:
                return None
        lead = words[0].rstrip(".")
        if lead in self.titles and lead.endswith("s") and lead not in ("Mrs", "Ms", "Cllrs") and lead[:-1] in self.titles:
            return {"name": None, "role": lead, "person_id": None}, (match.start(), match.end(), "GROUP")
        name = display_name(mention, self.titles)
        person = roster.by_name(mention) if roster else None
        role = role_phrase(paren) or role_phrase(appos)
        if role is None and person is not None:
            role = person.get("role")
        if role is None and lead in self.titles and lead not in self.honorifics and len(words) > 1:
            role = lead
        speaker = {"name": name, "role": role, "person_id": person.get("person_id") if person else None}
        if role:
            known.setdefault(role_key(role), speaker)
        return speaker, (match.start(), match.end(), "PERSON")

    def _role_speaker(self, match: re.Match[str], mention: str, paren: str | None, appos: str | None,
                      roster: Roster, known: dict[tuple[str, ...], dict[str, Any]]) -> tuple[dict[str, Any], tuple[int, int, str]] | None:
        words = mention.split()
        while len(words) > 1 and words[0].lower() in _LEADING:
            words = words[1:]
        role = " ".join(words)
        role = role[0].upper() + role[1:]
        role = re.sub(r"^(Members?) of the [A-Z][\w’'\- ]*$", r"\1", role)
        if role.lower() in ("member", "members") or role.endswith(("Members", "Member")):
            plural = role.endswith("s")
            role = role if role[0].isupper() and len(words) > 1 else ("Members" if plural else "Member")
        for extra in (paren, appos):
            named = self._titled_in.search(extra or "")
            if named:
                name = display_name(named.group(0), self.titles)
                person = roster.by_name(named.group(0)) if roster else None
                speaker = {"name": name, "role": role, "person_id": person.get("person_id") if person else None}
                known.setdefault(role_key(role), speaker)
                return speaker, (match.start(), match.end(), "PERSON")
        if appos and role_phrase(appos, capitalised_only=True):
            role = f"{role} {' '.join(appos.split())}"
        key = role_key(role)
        person = roster.by_role(role) if roster else None
        if person is not None:
            speaker = speaker_from_person(person, role)
        elif key in known:
            speaker = {**plain_speaker(known[key]), "role": role}
        else:
            # "the Director" after "the Director of Services, Roads and Transportation": the same office holder
            longer = [s for k, s in known.items() if k[: len(key)] == key and k != key and s.get("_role_mention")]
            speaker = plain_speaker(longer[0]) if len(longer) == 1 else {"name": None, "role": role, "person_id": None}
        known.setdefault(key, {**speaker, "_role_mention": True})
        return speaker, (match.start(), match.end(), "ROLE")

    # -- write -------------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, turns: list[Turn]) -> Doc:
        """Write the utterance spans and the speaker mentions (the only step that changes ``doc``)."""
        utterances, mentions = [], []
        for turn in turns:
            span = doc.char_span(turn.start, turn.end, alignment_mode="expand")
            if span is None:
                continue
            span._.speaker = turn.speaker
            utterances.append(span)
            if turn.mention is not None and turn.speaker is not None:
                mention = doc.char_span(turn.mention[0], turn.mention[1], label=turn.mention[2], alignment_mode="expand")
                if mention is not None and (mention.start_char, mention.end_char) != (span.start_char, span.end_char):
                    mention._.speaker = turn.speaker
                    mentions.append(mention)
        for key, spans in ((UTTERANCES_KEY, utterances), (self.spans_key, mentions)):
            if self.overwrite or key not in doc.spans:
                doc.spans[key] = spans
            else:
                doc.spans[key].extend(spans)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = util.ensure_path(path)
        util.to_disk(path, {name: (lambda p, rows=rows: srsly.write_jsonl(p, rows)) for name, rows in self.lexicon.items()}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "SpeakerTagger":
        rows: dict[str, list[dict[str, Any]]] = dict(self.lexicon)
        readers = {name: (lambda p, name=name: rows.__setitem__(name, list(srsly.read_jsonl(p)))) for name in self.lexicon}
        util.from_disk(util.ensure_path(path), readers, exclude)
        self.load_lexicon(**rows)
        return self


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when most of ``[start, end)`` lies inside one of ``ranges``."""
    for low, high in ranges:
        if low >= end:
            break
        overlap = min(end, high) - max(start, low)
        if overlap > 0 and overlap * 2 >= end - start:
            return True
    return False


_NOT_SUBJECT = {"nsubjpass", "dobj", "pobj", "iobj", "dative", "attr", "poss", "agent", "oprd"}


def _parsed_as_subject(doc: Doc, start: int, end: int) -> bool:
    """False when the parser attached the mention as an object or a passive subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or span.root.dep_ not in _NOT_SUBJECT


def score_speakers(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """``speaker_acc``: share of reference utterances whose predicted utterance (same offsets) has the same speaker."""
    correct = total = 0
    for example in examples:
        predicted = {(s.start_char, s.end_char): s._.speaker for s in example.predicted._.utterances}
        for span in example.reference._.utterances:
            gold = span._.speaker
            if not gold:
                continue
            total += 1
            guess = predicted.get((span.start_char, span.end_char)) or {}
            correct += int(same_speaker(gold, guess))
    return {"speaker_acc": correct / total if total else None}


def make_speaker_scorer() -> Callable[..., dict[str, Any]]:
    return score_speakers


@Language.factory(
    "minutes_speakers",
    assigns=["doc.spans", "span._.speaker"],
    requires=["token.is_sent_start"],
    default_config={"spans_key": SPANS_KEY, "overwrite": False, "scorer": {"@scorers": "minutes_nlp.speaker_scorer.v1"}},
    default_score_weights={"speaker_acc": 1.0},
)
def make_speaker_tagger(
    nlp: Language, name: str, spans_key: str, overwrite: bool, scorer: Callable[..., dict[str, Any]] | None
) -> SpeakerTagger:
    return SpeakerTagger(nlp, name, spans_key=spans_key, overwrite=overwrite, scorer=scorer)


util.registry.scorers.register("minutes_nlp.speaker_scorer.v1", func=make_speaker_scorer)
