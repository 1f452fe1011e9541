"""The demo plan: a workspace that looks like the real thing, built from a seed.

It is the copy of the coordination group's secretary after everyone's bundles
came in: each expert's remarks stand in that expert's own feed, signed by a
key derived from the seed, and the answers in the secretary's. The same seed
gives the same plan, ids included; a plan of 2,000 remarks builds in a few
seconds, and ``remarks=50_000`` makes the large workspaces of the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core.ids import derived_id, uuid7
from ..core.model import RemarkStatus, Role
from ..store import permissions, remark_numbers
from ..store.actions import gender_field, locate_quote
from ..store.workspace import Feed, Workspace, Writer
from ..sync.bundle import sign_head
from ..sync.identity import remove_workspace_files
from ..sync.keys import demo_key, fingerprint, public_bytes, public_text
from . import content
from .content import DemoSection

Progress = Callable[[int, int], object]

#: The demo's story starts on this day (the first meetings, in early 2023).
START = dt.datetime(2023, 1, 16, 9, 0, tzinfo=dt.UTC)
_SENTENCE = re.compile(r"[^.!?]+[.!?]")

# How round 1 (closed) and round 2 (still open) remarks have been answered.
_ROUND1_STATUSES = (
    (RemarkStatus.ACCEPTED, 32), (RemarkStatus.PARTLY_ACCEPTED, 20),
    (RemarkStatus.REJECTED, 16), (RemarkStatus.NOTED, 17), (RemarkStatus.UNDER_REVIEW, 7),
    (RemarkStatus.WITHDRAWN, 3), (RemarkStatus.NEW, 5),
)
_ROUND2_STATUSES = (
    (RemarkStatus.NEW, 42), (RemarkStatus.UNDER_REVIEW, 24), (RemarkStatus.ACCEPTED, 12),
    (RemarkStatus.PARTLY_ACCEPTED, 7), (RemarkStatus.REJECTED, 6), (RemarkStatus.NOTED, 7),
    (RemarkStatus.WITHDRAWN, 2),
)
_TYPES = (("general", 45), ("technical", 35), ("editorial", 20))


@dataclass
class _Person:
    id: str
    name: str
    email: str
    organisation: str
    group_id: str
    role: Role
    feed: Feed | None = None


@dataclass
class _Section:
    id: str
    code: str
    kind: str
    group_id: str
    body: str
    revision_id: str
    weight: int


@dataclass
class _Demo:
    rng: random.Random
    plan_id: str
    nonce: str = ""
    clock: dt.datetime = START
    people: list[_Person] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # code -> id

    def new_id(self) -> str:
        return uuid7(int(self.clock.timestamp() * 1000), self.rng.randbytes)

    def advance(self, **delta: float) -> None:
        self.clock += dt.timedelta(**delta)

    @property
    def ms(self) -> int:
        return int(self.clock.timestamp() * 1000)


def build_demo(
    path: str | os.PathLike[str],
    *,
    seed: int = 2030,
    remarks: int = 2000,
    progress: Progress | None = None,
) -> str:
    """Make the demo workspace at ``path``; returns a one-line summary."""
    path = Path(path)
    ws = Workspace.create(path)
    try:
        summary = _build(ws, seed, remarks, progress)
    except BaseException:
        ws.close()
        remove_workspace_files(path)
        raise
    ws.close()
    return summary


def _build(ws: Workspace, seed: int, n_remarks: int, progress: Progress | None) -> str:
    rng = random.Random(seed)
    demo = _Demo(rng=rng, plan_id="")
    me_key = demo_key(seed)
    me = _Person(
        id=demo.new_id(), name="Rūta Žemaitienė", email="ruta.zemaitiene@kaunas.lt",
        organisation="Kauno miesto savivaldybės administracija, Strateginio planavimo skyrius",
        group_id="", role=Role.SECRETARY,
    )
    device = derived_id("demo-device", str(seed), me.id)
    me_public, me_fp = public_text(me_key), fingerprint(public_bytes(me_key))
    demo.nonce = f"demo-{seed}"
    demo.plan_id = permissions.plan_id_for(me_public, device, me.id, demo.nonce)
    with ws.raw_transaction() as conn:
        conn.execute(
            "INSERT INTO local_identity (singleton, plan_id, device_id, person_id, fingerprint,"
            " public_key, is_demo) VALUES (1, ?, ?, ?, ?, ?, 1)",
            (demo.plan_id, device, me.id, me_fp, me_public),
        )
        _bind_device(conn, device, me_public, me.id)
        me.feed = Feed(demo.plan_id, device, me.id, public_key=me_public, fingerprint=me_fp)
        local = Writer(conn, me.feed, clock_ms=demo.ms)
        _records(demo, local, me, seed)
        _sections(demo, local)
        rounds = _rounds(demo, local)
        total = n_remarks
        done = 0
        for number, (round_id, share) in enumerate(rounds):
            count = round(total * share) if number == 0 else total - done
            for _ in _remarks(demo, conn, local, round_id, count, number, seed):
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
            if number == 0:
                _revise_sections(demo, local)
        remark_numbers.number_remarks(local)  # as the coordination secretary's copy did
        local.finish()
        _sign_feeds(demo, conn, seed)
        conn.execute("INSERT INTO meta (key, value) VALUES ('demo_seed', ?)", (str(seed),))
    if progress:
        progress(total, total)
    return (
        f"{len(demo.sections)} sections, {len(demo.groups)} groups, "
        f"{len(demo.people) + 1} people, {done} remarks"
    )


def _sign_feeds(demo: _Demo, conn: sqlite3.Connection, seed: int) -> None:
    """Each expert's feed head, signed by that expert's key, as their bundles brought it."""
    for person in demo.people:
        feed = person.feed
        if feed is None or feed.head is None:
            continue
        key = demo_key(_person_seed(seed, person.id))
        signature = sign_head(key, plan=demo.plan_id, device=feed.device, person=person.id,
                              seq=feed.seq, head=feed.head)
        conn.execute(
            "INSERT INTO feed_head (device, seq, head, public_key, person_id, signature)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (feed.device, feed.seq, feed.head, public_text(key), person.id, signature),
        )


def _weighted(rng: random.Random, choices: tuple[tuple[object, int], ...]) -> object:
    values = [c for c, _ in choices]
    weights = [w for _, w in choices]
    return rng.choices(values, weights)[0]


def _records(demo: _Demo, w: Writer, me: _Person, seed: int) -> None:
    """The plan, the groups, their people and memberships, and their meetings."""
    rng = demo.rng
    w.put("plan", demo.plan_id, {"title": content.PLAN_TITLE, "period": content.PLAN_PERIOD,
                                 "languages": "lt,en", "founder_key": w.feed.public_key,
                                 "nonce": demo.nonce})
    # The founding write, as `kplan init` makes it: the plan, its creator, the
    # coordination group and the creator's membership, before anything else.
    ordered = sorted(content.GROUPS, key=lambda g: g.kind != "coordination")
    for group in ordered:
        demo.groups[group.code] = demo.new_id()
    demo.groups[ordered[0].code] = permissions.founding_group_id(demo.plan_id)
    me.group_id = demo.groups[ordered[0].code]
    _put_person(w, me, demo_key(seed))
    for i, group in enumerate(ordered):
        w.put("work_group", demo.groups[group.code], {
            "code": group.code, "name": group.name, "kind": group.kind,
            "mandate": group.mandate, "archived": 0,
        })
        if i == 0:
            _put_membership(demo, w, me, "2023-01-16",
                            permissions.founding_membership_id(demo.plan_id))
    used: set[str] = {me.name}
    for group in content.GROUPS:
        roles = [Role.CHAIR, Role.SECRETARY] + [Role.EXPERT] * rng.randint(5, 6)
        if group.kind == "coordination":
            roles = [Role.CHAIR, Role.CONSULTANT, Role.CONSULTANT, Role.OBSERVER, Role.EXPERT]
        for role in roles:
            person = _new_person(demo, used, demo.groups[group.code], role)
            _put_person(w, person, demo_key(_person_seed(seed, person.id)))
            _put_membership(demo, w, person, "2023-01-16")
            demo.people.append(person)
    # The chairs of the thematic groups sit in the coordination group too.
    for person in [p for p in demo.people if p.role is Role.CHAIR and p.group_id != me.group_id]:
        extra = _Person(person.id, person.name, person.email, person.organisation,
                        me.group_id, Role.EXPERT)
        _put_membership(demo, w, extra, "2023-01-16")
    for group in content.GROUPS:
        _meetings(demo, w, demo.groups[group.code])


def _bind_device(conn: sqlite3.Connection, device: str, public_key: str, person: str) -> None:
    conn.execute("INSERT INTO device_key (device_id, public_key, person_id) VALUES (?, ?, ?)",
                 (device, public_key, person))


def _person_seed(seed: int, person_id: str) -> int:
    return seed * 1_000_003 + int(person_id.replace("-", "")[-8:], 16)


def _new_person(demo: _Demo, used: set[str], group_id: str, role: Role) -> _Person:
    rng = demo.rng
    while True:
        female = rng.random() < 0.5
        first = rng.choice(content.FIRST_NAMES_FEMALE if female else content.FIRST_NAMES_MALE)
        last = rng.choice(content.SURNAMES_FEMALE if female else content.SURNAMES_MALE)
        name = f"{first} {last}"
        if name not in used:
            used.add(name)
            break
    email = f"{_ascii(first)}.{_ascii(last)}@example.lt".lower()
    return _Person(demo.new_id(), name, email, rng.choice(content.ORGANISATIONS), group_id, role)


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("ąčęėįšųūžĄČĘĖĮŠŲŪŽ", "aceeisuuzACEEISUUZ"))


def _put_person(w: Writer, person: _Person, key: Ed25519PrivateKey) -> None:
    w.put("person", person.id, {
        "full_name": person.name, "email": person.email, "organisation": person.organisation,
        "public_key": public_text(key), "fingerprint": fingerprint(public_bytes(key)),
        **gender_field(person.name, None),  # guessed from the name, as when people are added
    })


def _put_membership(
    demo: _Demo, w: Writer, person: _Person, since: str, membership_id: str = ""
) -> None:
    w.put("membership", membership_id or demo.new_id(), {
        "group_id": person.group_id, "person_id": person.id, "role": person.role.value,
        "since": since, "until": "", "deleted": 0,
    })


def _meetings(demo: _Demo, w: Writer, group_id: str) -> None:
    rng = demo.rng
    members = [p for p in demo.people if p.group_id == group_id]
    day = START.date() + dt.timedelta(days=rng.randint(0, 20))
    for _ in range(rng.randint(3, 5)):
        agenda = "\n".join(
            f"{i}. {item}" for i, item in enumerate(rng.sample(content.AGENDA_ITEMS, 3), 1)
        )
        minutes = "\n\n".join(rng.sample(content.MINUTES_PARAGRAPHS, 3))
        decisions = "\n".join(rng.sample(content.DECISIONS, 2))
        meeting_id = demo.new_id()
        w.put("meeting", meeting_id, {
            "group_id": group_id, "date": day.isoformat(),
            "place": rng.choice(content.MEETING_PLACES), "agenda": agenda, "minutes": minutes,
            "decisions": decisions, "deleted": 0,
        })
        for person in members:
            w.put("attendance", derived_id("attendance", meeting_id, person.id), {
                "meeting_id": meeting_id, "person_id": person.id,
                "present": int(rng.random() < 0.85),
            })
        day += dt.timedelta(days=rng.randint(21, 45))


def _sections(demo: _Demo, w: Writer) -> None:
    weights = {"vision": 2, "priority": 4, "goal": 6, "objective": 6, "measure": 4,
               "indicator": 1}

    def add(node: DemoSection, parent_id: str | None, position: int) -> None:
        sid = demo.new_id()
        revision_id = demo.new_id()
        group_id = demo.groups[node.group]
        w.put("section", sid, {
            "parent_id": parent_id, "position": position, "kind": node.kind, "code": node.code,
            "responsible_group_id": group_id, "state": "in_review", "unit": node.unit,
            "baseline": node.baseline, "target": node.target, "deleted": 0,
        })
        w.put("section_revision", revision_id,
              {"section_id": sid, "parents": [], "title": node.title, "body": node.body})
        demo.sections.append(
            _Section(sid, node.code, node.kind, group_id, node.body, revision_id,
                     weights.get(node.kind, 1))
        )
        for i, child in enumerate(node.children):
            add(child, sid, i)

    add(content.PLAN, None, 0)


def _rounds(demo: _Demo, w: Writer) -> list[tuple[str, float]]:
    out = []
    for i, (name, opens, closes) in enumerate(content.ROUNDS):
        rid = demo.new_id()
        w.put("review_round", rid, {"name": name, "draft_revision": f"{i + 1}-oji redakcija",
                                    "opens": opens, "closes": closes, "deleted": 0})
        out.append((rid, 0.55 if i == 0 else 0.45))
    return out


def _quote(rng: random.Random, body: str) -> tuple[str, int | None]:
    """A passage of 3-8 whole words out of one sentence of the text."""
    sentences = _SENTENCE.findall(body)
    if not sentences:
        return "", None
    sentence = rng.choice(sentences).strip()
    words = sentence.split()
    if len(words) < 3:
        return "", None
    length = rng.randint(3, min(8, len(words)))
    start = rng.randint(0, len(words) - length)
    quote = " ".join(words[start : start + length]).strip(",;:")
    begin, _ = locate_quote(body, quote)
    return quote, begin


def _remarks(
    demo: _Demo, conn: sqlite3.Connection, answers: Writer, round_id: str, count: int, number: int,
    seed: int,
) -> Iterator[str]:
    rng = demo.rng
    _, opens, closes = content.ROUNDS[number]
    start = dt.datetime.fromisoformat(opens).replace(hour=8, tzinfo=dt.UTC)
    span = (dt.datetime.fromisoformat(closes).replace(tzinfo=dt.UTC) - start).total_seconds()
    writers = [p for p in demo.people if p.role not in (Role.CONSULTANT, Role.OBSERVER)]
    sections = demo.sections
    section_weights = [s.weight for s in sections]
    statuses = _ROUND1_STATUSES if number == 0 else _ROUND2_STATUSES
    for i in range(count):
        demo.clock = start + dt.timedelta(seconds=span * (i + rng.random()) / max(count, 1) * 0.9)
        author = rng.choice(writers)
        section = rng.choices(sections, section_weights)[0]
        remark_type = str(_weighted(rng, _TYPES))
        quote, begin = _quote(rng, section.body) if rng.random() < 0.75 else ("", None)
        if author.feed is None:
            device = derived_id("demo-device", str(seed), author.id)
            key = demo_key(_person_seed(seed, author.id))
            author.feed = Feed(demo.plan_id, device, author.id, public_key=public_text(key),
                               fingerprint=fingerprint(public_bytes(key)))
            _bind_device(conn, device, public_text(key), author.id)
        w = Writer(conn, author.feed, clock_ms=demo.ms, local=False)
        remark_id = demo.new_id()
        w.put("remark", remark_id, {
            "section_id": section.id, "revision_id": section.revision_id, "quote": quote,
            "quote_start": begin, "quote_end": None if begin is None else begin + len(quote),
            "author_id": author.id, "group_id": author.group_id, "round_id": round_id,
            "type": remark_type, "text": rng.choice(content.REMARK_TEXTS[remark_type]),
            "proposed": rng.choice(content.PROPOSED_CHANGES) if rng.random() < 0.7 else "",
            "justification": rng.choice(content.JUSTIFICATIONS) if rng.random() < 0.6 else "",
            "created_at": demo.clock.isoformat(timespec="seconds"),
            "status": RemarkStatus.NEW.value, "response": "", "responded_by": None,
            "responded_at": None,
        })
        status = _weighted(rng, statuses)
        assert isinstance(status, RemarkStatus)
        if status is RemarkStatus.WITHDRAWN:
            w.now_ms += 3_600_000
            w.put("remark", remark_id, {"status": status.value})
        elif status is not RemarkStatus.NEW:
            answers.now_ms = demo.ms + rng.randint(2, 20) * 86_400_000
            answered = dt.datetime.fromtimestamp(answers.now_ms / 1000, dt.UTC)
            response = rng.choice(content.RESPONSES[status.value])
            answers.put("remark", remark_id, {
                "status": status.value, "response": response,
                "responded_by": answers.feed.author,
                "responded_at": answered.isoformat(timespec="seconds"),
            })
        yield remark_id


def _revise_sections(demo: _Demo, w: Writer) -> None:
    """Between the rounds the consultants revised about a fifth of the text."""
    rng = demo.rng
    _, _, closes = content.ROUNDS[0]
    w.now_ms = int(dt.datetime.fromisoformat(closes).replace(tzinfo=dt.UTC).timestamp() * 1000)
    w.now_ms += 10 * 86_400_000
    for section in demo.sections:
        if section.kind in ("vision", "indicator") or rng.random() > 0.2:
            continue
        addition = rng.choice(content.PROPOSED_CHANGES)
        body = f"{section.body} {addition}"
        title = w.conn.execute(
            "SELECT title FROM section WHERE id = ?", (section.id,)
        ).fetchone()[0]
        revision_id = derived_id("demo-revision", section.id, "2")
        w.put("section_revision", revision_id, {
            "section_id": section.id, "parents": [section.revision_id], "title": title,
            "body": body,
        })
        section.body, section.revision_id = body, revision_id
