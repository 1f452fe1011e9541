"""Who may set which field of which record in which state: one table for every change.

Every change, made here (``Writer.put``) or arriving in a bundle (the importer),
is judged by :func:`judge` against :data:`TABLE`, so a change refused on one
copy is refused on every copy, whichever way it came. The store gathers what a
judgement needs (the record as it stands, the groups that answer for it, the
key that signed the change) into a :class:`Change`; nothing here reads a file.

A field may be set when some row of the table for (entity, field, state) lets
this actor do it and its value check passes. States: a record being made is
``creating``; a remark is then ``open`` (new, under review), ``answered`` or
``withdrawn``; other records are ``existing``. Fields of no row (a remark's
author, a membership's person once made) can never be changed by anyone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import PermissionDenied
from .grammar import GENDERS
from .identifiers import MAX_NUMBER, PREFIX
from .model import DECISIONS, Actor, GroupKind, RemarkStatus, Role
from .rules import NEEDS_RESPONSE, may_answer, may_edit_section, may_keep_records


class Refused(PermissionDenied):
    """A change its author may not make; the sentence says why (a template, translated
    by the window and listed in an import's report).

    ``by_state``: refused because of the record's state (a remark already answered), so
    the verdict may change when an earlier change arrives later (see store.permissions).
    """

    def __init__(self, template: str, *, by_state: bool = False, **args: Any) -> None:
        super().__init__(template, **args)
        self.by_state = by_state


@dataclass(frozen=True, slots=True)
class Change:
    """One change to judge, with what the store knows around it."""

    entity: str
    entity_id: str
    fields: Mapping[str, Any]
    #: The record as it stands (its columns by name); None while it is being made.
    existing: Mapping[str, Any] | None = None
    #: The groups whose officers answer for the record: a remark's section's group, a
    #: meeting's or membership's group (old and new), a section's responsible group (old
    #: and new), the groups a person belongs to.
    groups: frozenset[str | None] = frozenset()
    #: The signing key of the feed the change is written in (base64) and its fingerprint.
    signing_key: str = ""
    signing_fingerprint: str = ""
    #: The store verified that this is one of the plan's founding records, written by its
    #: founder (the plan id is derived from the founder's key: see store.founding).
    founding: bool = False
    #: The answers this remark held before, each (status, response, responded_by,
    #: responded_at) as its own officer wrote it: an undo may put one back word for word.
    #: Gathered only for an answer naming someone other than its writer as answering.
    earlier_answers: frozenset[tuple[Any, ...]] = frozenset()

    def value(self, name: str) -> Any:
        """The field's value after the change: the new one, else the record's."""
        if name in self.fields:
            return self.fields[name]
        return (self.existing or {}).get(name)


Who = Callable[[Actor, Change], bool]
Check = Callable[[Actor, Change], bool]


@dataclass(frozen=True)
class Rule:
    entity: str
    states: frozenset[str]
    fields: frozenset[str]
    who: Who
    #: A check of the values (None: any value); failing it refuses with ``refusal``.
    check: Check | None = None
    refusal: str = "a change its author's role does not allow"
    #: Does this rule depend on the record's state (an answered remark)? Such refusals
    #: are judged again when an earlier change arrives later (see store.permissions).
    by_state: bool = False


# --- who ---------------------------------------------------------------------------------------


def _author(actor: Actor, c: Change) -> bool:
    return bool(actor.person_id == c.value("author_id"))


def _writer(actor: Actor, c: Change) -> bool:
    """A member who gives remarks, through one of their own groups."""
    return any(
        m.group_id == c.fields.get("group_id") and m.role not in (Role.OBSERVER, Role.CONSULTANT)
        for m in actor.memberships
    )


def _answerer(actor: Actor, c: Change) -> bool:
    """An officer who may answer the remark, answering in their own name."""
    section_group = next(iter(c.groups), None)
    return may_answer(actor, c.value("group_id"), section_group) and _answered_as_self(actor, c)


def _self(actor: Actor, c: Change) -> bool:
    return actor.person_id == c.entity_id


def _records_officer(actor: Actor, c: Change) -> bool:
    return bool(c.groups) and all(may_keep_records(actor, g) for g in c.groups)


def _membership_officer(actor: Actor, c: Change) -> bool:
    """The group's officers, for anyone's membership but their own: a role is given and
    ended by someone else (else an officer could stamp their own role a day ahead, or
    make themselves a second membership, and outlast their demotion on every copy,
    whatever the coordinator writes). The coordination officers may do anything."""
    if actor.coordinates:
        return True
    return c.value("person_id") != actor.person_id and _records_officer(actor, c)


def _section_editor(actor: Actor, c: Change) -> bool:
    return bool(c.groups) and all(may_edit_section(actor, g) for g in c.groups)


def _coordinator(actor: Actor, c: Change) -> bool:
    return actor.coordinates


def _any_officer(actor: Actor, c: Change) -> bool:
    return actor.coordinates or bool(actor.officer_groups)


def _person_officer(actor: Actor, c: Change) -> bool:
    """The coordination officers, or an officer of a group the person belongs to."""
    return actor.coordinates or bool(actor.officer_groups & {g for g in c.groups if g})


def _founder(actor: Actor, c: Change) -> bool:
    return c.founding


# --- value checks ------------------------------------------------------------------------------


def _own_new_remark(actor: Actor, c: Change) -> bool:
    f = c.fields
    return (
        f.get("author_id") == actor.person_id
        and f.get("status", "new") == "new"
        and not f.get("response")
        and f.get("responded_by") is None
        and f.get("responded_at") is None
        and _quote_offsets(f.get("quote_start"), f.get("quote_end"))
    )


def _quote_offsets(start: Any, end: Any) -> bool:
    """No quoted span, or one from ``start`` to ``end`` in the text (every copy's section
    view marks it: text or a lone end there broke the view of the section)."""
    if start is None and end is None:
        return True
    return (type(start) is int and type(end) is int
            and 0 <= start <= end <= MAX_QUOTE_OFFSET)


#: Past any section's length (a bundle's event holds at most a few megabytes).
MAX_QUOTE_OFFSET = 2**31


def _withdraws(actor: Actor, c: Change) -> bool:
    return c.fields.get("status") == RemarkStatus.WITHDRAWN.value


def _takes_back(actor: Actor, c: Change) -> bool:
    return c.fields.get("status") == RemarkStatus.NEW.value


def _an_answer(actor: Actor, c: Change) -> bool:
    """Any status but a withdrawal (undo may go back to new); reasons where needed."""
    status = c.value("status")
    if status == RemarkStatus.WITHDRAWN.value or status not in _STATUSES:
        return False
    needs = RemarkStatus(status) in NEEDS_RESPONSE
    return not needs or bool(str(c.value("response") or "").strip())


def answer_of(c: Change) -> tuple[Any, ...]:
    """The remark's answer after the change: (status, response, responded_by, responded_at)."""
    return tuple(c.value(name) for name in _ANSWER_ORDER)


def _answered_as_self(actor: Actor, c: Change) -> bool:
    """An answer says who gave it: the officer writing it, or nobody while the remark
    holds no decision. Only an undo may name another officer, by putting back word for
    word an answer that officer gave this remark before. (Else an officer could answer
    in the coordinator's name, or change a response that then reads as an earlier
    officer's.)"""
    by = c.value("responded_by")
    if by == actor.person_id:
        return True
    if by is None and c.value("status") not in _DECIDED:
        return True
    return answer_of(c) in c.earlier_answers


def _own_key(actor: Actor, c: Change) -> bool:
    """A person writes on their own record only the key that signs their own feed."""
    key = c.fields.get("public_key", c.signing_key)
    fp = c.fields.get("fingerprint", c.signing_fingerprint)
    return bool(c.signing_key) and key == c.signing_key and fp == c.signing_fingerprint


def key_fingerprint(public_key: str) -> str:
    """The fingerprint of a base64 Ed25519 public key, as sync.keys.fingerprint gives it
    (ten groups of four digits); '' for something that is not a key."""
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError):
        return ""
    if len(raw) != 32:
        return ""
    digits = str(int.from_bytes(hashlib.sha256(raw).digest()[:17], "big") % 10**40).zfill(40)
    return " ".join(digits[i : i + 4] for i in range(0, 40, 4))


def _introduces_key(actor: Actor, c: Change) -> bool:
    """Someone else writes a person's key: whoever speaks for a key speaks as that person
    (the roster makes every copy trust it), so an officer may only vouch for the key the
    person already has, or give a first key to someone whose every group they are an
    officer of (never to an officer of another group, nor to the coordinator). A key that
    stands is replaced or erased only by the coordination group's officers (a lost key).
    The fingerprint is always the key's own (a false one would make every copy refuse the
    person's real key)."""
    old = c.existing or {}
    old_key, old_fp = old.get("public_key") or "", old.get("fingerprint") or ""
    key, fp = c.value("public_key") or "", c.value("fingerprint") or ""
    if not isinstance(key, str) or not isinstance(fp, str):
        return False
    if (key, fp) == (old_key, old_fp) and c.existing is not None:
        return True  # vouching for the key the record holds: no change
    if (key or fp) and key_fingerprint(key) != fp:
        return False
    if actor.coordinates:
        return True
    if old_key or old_fp:
        return False
    return all(g in actor.officer_groups for g in c.groups if g is not None)


def _a_gender(actor: Actor, c: Change) -> bool:
    return c.fields.get("gender", GENDERS[0]) in GENDERS


#: An attendance's "present": present, absent, or not marked (a first mark taken back by
#: undo: an event cannot be unmade, so the row stays and says it holds no mark).
PRESENT, ABSENT, NOT_MARKED = 1, 0, -1
ATTENDANCE_MARKS = (PRESENT, ABSENT, NOT_MARKED)


def _an_attendance_mark(actor: Actor, c: Change) -> bool:
    mark = c.fields.get("present", PRESENT)
    return not isinstance(mark, str) and mark in ATTENDANCE_MARKS


def _numberer(actor: Actor, c: Change) -> bool:
    """The secretary of the remark's group, or of the coordination group (not a chair:
    numbering is the registry's work, done by the secretary's copy)."""
    group = c.value("group_id")
    return any(
        m.role is Role.SECRETARY
        and (m.group_id == group or m.group_kind is GroupKind.COORDINATION)
        for m in actor.memberships
    )


def _numbers(actor: Actor, c: Change) -> bool:
    """A first number on an unnumbered remark, or a new number in place of the one the
    event names as taken away (``renumbered_from``): a remark numbered twice keeps the
    number of the earlier event on every copy, as events of a remark are judged in
    (hlc, device) order."""
    number = c.fields.get("number")
    if type(number) is not int or not 1 <= number <= MAX_NUMBER:
        return False
    current = (c.existing or {}).get("number")
    if "renumbered_from" not in c.fields:
        return current is None
    return current is not None and c.fields["renumbered_from"] == current != number


def _a_prefix(actor: Actor, c: Change) -> bool:
    return isinstance(c.fields.get("prefix"), str) and bool(PREFIX.fullmatch(c.fields["prefix"]))


def _founding_membership(actor: Actor, c: Change) -> bool:
    return (
        c.fields.get("person_id") == actor.person_id
        and c.fields.get("role") == Role.SECRETARY.value
    )


_STATUSES = frozenset(s.value for s in RemarkStatus)
_CREATING = frozenset({"creating"})
_EXISTING = frozenset({"existing"})
_ANY = frozenset({"creating", "existing"})
_OPEN = frozenset({"open"})
_ANSWERABLE = frozenset({"open", "answered"})

_REMARK_NEW = frozenset({
    "section_id", "revision_id", "quote", "quote_start", "quote_end", "author_id", "group_id",
    "round_id", "type", "text", "proposed", "justification", "created_at", "status",
    "response", "responded_by", "responded_at",
})
_REMARK_TEXT = frozenset({"type", "text", "proposed", "justification"})
_ANSWER_ORDER = ("status", "response", "responded_by", "responded_at")
_ANSWER = frozenset(_ANSWER_ORDER)
_DECIDED = frozenset(s.value for s in DECISIONS)
_PERSON_FACTS = frozenset({"full_name", "email", "organisation"})
_PERSON_KEY = frozenset({"public_key", "fingerprint"})
_PERSON_GENDER = frozenset({"gender"})
_KEY_REFUSAL = ("a key or fingerprint written on a person by someone other than that person"
                " or an officer of every group of theirs, over a key the person already has,"
                " or with a fingerprint that is not the key's")
_MEMBERSHIP_REFUSAL = ("not an officer of that group, or an officer's own membership (only"
                       " the coordination group's officers give or end their own roles)")
_GENDER_REFUSAL = ("a person's gender set by someone other than that person or an officer of"
                   " their group, or to something other than female, male or unspecified")
_GROUP_ALL = frozenset({"code", "name", "kind", "mandate", "archived"})
_MEMBERSHIP_NEW = frozenset({"group_id", "person_id", "role", "since", "until", "deleted"})
_MEETING_NEW = frozenset({"group_id", "date", "place", "agenda", "minutes", "decisions",
                          "deleted"})
_SECTION_ALL = frozenset({"parent_id", "position", "kind", "code", "responsible_group_id",
                          "state", "unit", "baseline", "target", "deleted"})

#: The table. Read a row as: in these states, these fields may be set by who, when check.
TABLE: tuple[Rule, ...] = (
    # The plan: made once by its founder; then the coordination group's officers.
    Rule("plan", _CREATING, frozenset({"title", "period", "languages"}), _founder,
         refusal="a plan record not written by the plan's founder"),
    Rule("plan", _EXISTING, frozenset({"title", "period", "languages"}), _coordinator,
         refusal="only the coordination group's officers may change the plan"),
    # People: their own name and e-mail, and the key that signs their own feed; officers.
    Rule("person", _ANY, _PERSON_FACTS, _self),
    Rule("person", _ANY, _PERSON_KEY, _self, check=_own_key, refusal=_KEY_REFUSAL),
    Rule("person", _CREATING, _PERSON_FACTS, _any_officer,
         refusal="only officers may add people"),
    Rule("person", _EXISTING, _PERSON_FACTS, _person_officer,
         refusal="only the officers of a person's group may change that person's record"),
    # Someone else's key: see _introduces_key (a key is the power to write as its person).
    Rule("person", _CREATING, _PERSON_KEY, _any_officer, check=_introduces_key,
         refusal=_KEY_REFUSAL),
    Rule("person", _EXISTING, _PERSON_KEY, _person_officer, check=_introduces_key,
         refusal=_KEY_REFUSAL),
    # A person's grammatical gender (for the role words): as their name, one of three values.
    Rule("person", _ANY, _PERSON_GENDER, _self, check=_a_gender, refusal=_GENDER_REFUSAL),
    Rule("person", _CREATING, _PERSON_GENDER, _any_officer, check=_a_gender,
         refusal=_GENDER_REFUSAL),
    Rule("person", _EXISTING, _PERSON_GENDER, _person_officer, check=_a_gender,
         refusal=_GENDER_REFUSAL),
    # Groups: made and archived by coordination; named and described by their officers.
    Rule("work_group", _CREATING, _GROUP_ALL, _coordinator,
         refusal="only the coordination group's officers may add a group"),
    Rule("work_group", _CREATING, _GROUP_ALL, _founder),
    Rule("work_group", _EXISTING, frozenset({"name", "mandate"}), _records_officer,
         refusal="not an officer of that group"),
    Rule("work_group", _EXISTING, frozenset({"code", "kind", "archived"}), _coordinator,
         refusal="only the coordination group's officers may do this"),
    # A group's identifier prefix ("KUL"): coordination gives it, unique in the plan.
    Rule("work_group", _ANY, frozenset({"prefix"}), _coordinator, check=_a_prefix,
         refusal="a group's prefix set by someone outside the coordination group's officers,"
                 " or not two to four capital letters"),
    # Memberships, meetings, attendance: the group's officers. A membership's group and
    # person, and a meeting's group, never change (end it and make another).
    Rule("membership", _CREATING, _MEMBERSHIP_NEW, _membership_officer,
         refusal=_MEMBERSHIP_REFUSAL),
    Rule("membership", _CREATING, _MEMBERSHIP_NEW, _founder, check=_founding_membership),
    Rule("membership", _EXISTING, frozenset({"role", "since", "until", "deleted"}),
         _membership_officer, refusal=_MEMBERSHIP_REFUSAL),
    Rule("meeting", _CREATING, _MEETING_NEW, _records_officer,
         refusal="not an officer of that group"),
    Rule("meeting", _EXISTING, _MEETING_NEW - {"group_id"}, _records_officer,
         refusal="not an officer of that group"),
    Rule("attendance", _CREATING, frozenset({"meeting_id", "person_id", "present"}),
         _records_officer, check=_an_attendance_mark,
         refusal="not an officer of the meeting's group, or not a mark (present, absent or"
                 " not marked)"),
    Rule("attendance", _EXISTING, frozenset({"present"}), _records_officer,
         check=_an_attendance_mark,
         refusal="not an officer of the meeting's group, or not a mark (present, absent or"
                 " not marked)"),
    Rule("review_round", _ANY, frozenset({"name", "draft_revision", "opens", "closes",
                                          "deleted"}), _coordinator,
         refusal="only the coordination group's officers may change it"),
    # Sections and their text: the officers of the responsible group, or coordination.
    Rule("section", _ANY, _SECTION_ALL, _section_editor,
         refusal="not an officer of the section's group"),
    Rule("section_revision", _CREATING, frozenset({"section_id", "parents", "title", "body"}),
         _section_editor, refusal="not an officer of the section's group"),
    Rule("response_template", _ANY, frozenset({"title", "status", "text", "deleted"}),
         _any_officer, refusal="only officers keep templates"),
    # Remarks: a member writes their own, as new and unanswered, through their own group.
    Rule("remark", _CREATING, _REMARK_NEW, _writer, check=_own_new_remark,
         refusal="a new remark must be its author's own, new and unanswered, given through"
                 " a group the author belongs to"),
    # ...and changes its text, or withdraws it, while it is not answered...
    Rule("remark", _OPEN, _REMARK_TEXT, _author, by_state=True,
         refusal="a remark changed by someone else than its author, or after it was answered"),
    Rule("remark", _OPEN, frozenset({"status"}), _author, check=_withdraws, by_state=True,
         refusal="a remark withdrawn after it was answered"),
    Rule("remark", frozenset({"withdrawn"}), frozenset({"status"}), _author, check=_takes_back,
         by_state=True, refusal="a withdrawn remark reopened by someone else than its author"),
    # ...and the officers of its group or its section's group answer it, unless withdrawn.
    Rule("remark", _ANSWERABLE, _ANSWER, _answerer, check=_an_answer, by_state=True,
         refusal="a status or response set by someone who may not answer, on a withdrawn"
                 " remark, or without the reasons a rejection needs"),
    # A remark's number ("KUL-012"): stamped by the secretary's copy of its group or of the
    # coordination group, once; again only in place of a number a clash took away.
    Rule("remark", frozenset({"open", "answered", "withdrawn"}),
         frozenset({"number", "renumbered_from"}), _numberer, check=_numbers, by_state=True,
         refusal="a remark numbered by someone other than its group's secretary, numbered"
                 " twice, or given a number out of range"),
)

#: Per (entity, state): each set of fields that the same rules cover, with those rules, and
#: every field any rule covers. Judging a change then costs one look per group of fields,
#: not one per field (a new remark carries seventeen).
_GROUPS: dict[tuple[str, str], tuple[tuple[frozenset[str], tuple[Rule, ...]], ...]] = {}
_COVERED: dict[tuple[str, str], frozenset[str]] = {}


def _group_rules() -> None:
    by_field: dict[tuple[str, str], dict[str, tuple[Rule, ...]]] = {}
    for rule in TABLE:
        for state in rule.states:
            fields = by_field.setdefault((rule.entity, state), {})
            for name in rule.fields:
                fields[name] = (*fields.get(name, ()), rule)
    for key, fields in by_field.items():
        groups: dict[tuple[Rule, ...], set[str]] = {}
        for name, rules in fields.items():
            groups.setdefault(rules, set()).add(name)
        _GROUPS[key] = tuple((frozenset(names), rules) for rules, names in groups.items())
        _COVERED[key] = frozenset(fields)


_group_rules()


def state_of(entity: str, existing: Mapping[str, Any] | None) -> str:
    if existing is None:
        return "creating"
    if entity != "remark":
        return "existing"
    status = existing.get("status")
    if status == RemarkStatus.WITHDRAWN.value:
        return "withdrawn"
    if status in {s.value for s in DECISIONS}:
        return "answered"
    return "open"


def judge(actor: Actor, change: Change) -> Refused | None:
    """None when ``actor`` may make ``change`` now; otherwise why not."""
    state = state_of(change.entity, change.existing)
    key = (change.entity, state)
    names = change.fields.keys()
    uncovered = names - _COVERED.get(key, frozenset())
    if uncovered:
        return _never(change.entity, min(uncovered), state)
    for fields, rules in _GROUPS.get(key, ()):
        if fields.isdisjoint(names):
            continue
        if not any(r.who(actor, change) and (r.check is None or r.check(actor, change))
                   for r in rules):
            # Say why by the rule the change was meant for: the one whose values it has.
            meant = next((r for r in rules if r.check is None or r.check(actor, change)),
                         rules[0])
            return Refused(meant.refusal, by_state=meant.by_state)
    return None


def _never(entity: str, name: str, state: str) -> Refused:
    if entity == "remark" and state == "answered":
        return Refused("a remark changed after it was answered", by_state=True)
    if entity == "remark" and state == "withdrawn":
        return Refused("a change to a withdrawn remark", by_state=True)
    return Refused("a change to {entity}.{field}, which cannot be changed",
                   entity=entity, field=name)
