"""Events: canonical bytes, hash chains, and the per-field last-writer-wins materializer."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from kplan_desktop.core import clock
from kplan_desktop.core.errors import InvalidInput
from kplan_desktop.store import actions, events
from kplan_desktop.store.events import Event
from kplan_desktop.store.schema import migrations
from tests.helpers import make_plan

PLAN = "0190a000-0000-7000-8000-000000000001"
NOW = 1_760_000_000_000
TEMPLATE_FIELDS = ("title", "status", "text", "deleted")


def event(
    entity: str,
    entity_id: str,
    fields: dict[str, Any],
    *,
    hlc: int,
    device: str = "dev-a",
    seq: int = 1,
    prev: str | None = None,
    author: str = "person-1",
) -> Event:
    return events.make(
        plan=PLAN, device=device, seq=seq, hlc=hlc, author=author, entity=entity,
        entity_id=entity_id, fields=fields, prev=prev,
    )


def fresh_db() -> sqlite3.Connection:
    """A real SQLite database with the workspace schema, in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.apply(Database(conn))
    return conn


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = fresh_db()
    yield db
    db.close()


def apply_all(conn: sqlite3.Connection, evs: Sequence[Event]) -> None:
    conn.execute("BEGIN")
    for ev in evs:
        events.record(conn, ev)
        events.apply(conn, ev)
    conn.execute("COMMIT")


def template_row(conn: sqlite3.Connection, template_id: str) -> dict[str, Any]:
    cur = conn.execute(
        "SELECT title, status, text, deleted, hlc, device, clocks FROM response_template"
        " WHERE id = ?",
        (template_id,),
    )
    row = cur.fetchone()
    assert row is not None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


# --- canonical bytes and ids -------------------------------------------------------------------


def test_canonical_bytes_are_fixed_sorted_compact_utf8() -> None:
    ev = event("response_template", "t1", {"title": "Atsižvelgta", "deleted": 0}, hlc=42)
    assert ev.body == (
        '{"author":"person-1","device":"dev-a","entity":"response_template",'
        '"fields":{"deleted":0,"title":"Atsižvelgta"},"hlc":42,"id":"t1",'
        f'"plan":"{PLAN}","prev":null,"seq":1,"v":1}}'
    ).encode()
    assert ev.id == hashlib.sha256(ev.body).hexdigest()


def test_the_same_change_makes_the_same_bytes_whatever_the_field_order() -> None:
    a = event("remark", "r1", {"text": "Ąžuolų alėja", "status": "new", "quote_start": 3}, hlc=7)
    b = event("remark", "r1", {"quote_start": 3, "status": "new", "text": "Ąžuolų alėja"}, hlc=7)
    assert a.body == b.body and a.id == b.id
    c = event("remark", "r1", {"text": "Ąžuolų alėja.", "status": "new", "quote_start": 3}, hlc=7)
    assert c.id != a.id


def test_parse_keeps_the_bytes_and_their_hash() -> None:
    ev = event("meeting", "m1", {"place": "Rotušė, 2 a.", "deleted": 0}, hlc=9, prev="ab" * 32)
    parsed = events.parse(ev.body)
    assert parsed == ev
    # The id is the hash of the bytes as received, not of a re-serialisation.
    spaced = json.dumps(json.loads(ev.body), indent=1).encode()
    assert events.parse(spaced).id == hashlib.sha256(spaced).hexdigest() != ev.id


def test_local_writes_form_one_hash_chain(tmp_path: Path) -> None:
    with make_plan(tmp_path / "plan.kplan") as ws:
        for i in range(5):
            actions.save_response_template(ws, title=f"Šablonas {i}", text="Atsižvelgta.")
        group = actions.add_group(ws, code="APL", name="Aplinkos grupė")
        actions.add_section(ws, parent_id=None, kind="vision", code="1", title="Vizija",
                            responsible_group_id=group)
        ident = ws.identity
        rows = ws.conn.execute(
            "SELECT id, device, seq, hlc, prev, body, entity, entity_id FROM event ORDER BY seq"
        ).fetchall()
        seq, head = ws.conn.execute("SELECT seq, head FROM local_identity").fetchone()
    assert len(rows) >= 12
    assert [r[2] for r in rows] == list(range(1, len(rows) + 1))
    prev_id = None
    prev_hlc = -1
    for ev_id, device, _, hlc, prev, body, entity, entity_id in rows:
        assert device == ident.device_id
        assert ev_id == hashlib.sha256(body).hexdigest()
        assert prev == prev_id
        assert hlc > prev_hlc
        parsed = events.parse(body)
        assert (parsed.prev, parsed.entity, parsed.entity_id) == (prev, entity, entity_id)
        prev_id, prev_hlc = ev_id, hlc
    assert (seq, head) == (len(rows), prev_id)


# --- per-field last-writer-wins ------------------------------------------------------------------


def test_concurrent_edits_of_different_fields_both_survive(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    create = event("response_template", "t1",
                   {"title": "Senas", "status": "", "text": "Senas tekstas", "deleted": 0},
                   hlc=base)
    title_edit = event("response_template", "t1", {"title": "Naujas"}, hlc=base + 5,
                       device="dev-b")
    text_edit = event("response_template", "t1", {"text": "Naujas tekstas"}, hlc=base + 3,
                      device="dev-c")
    results = []
    for order in ([create, title_edit, text_edit], [create, text_edit, title_edit],
                  [text_edit, title_edit, create]):
        db = fresh_db()
        apply_all(db, order)
        results.append(template_row(db, "t1"))
        db.close()
    assert results[0]["title"] == "Naujas"
    assert results[0]["text"] == "Naujas tekstas"
    assert results[0] == results[1] == results[2]


def test_same_field_higher_stamp_wins_in_either_order(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    create = event("response_template", "t1", {"title": "A", "text": "", "status": "",
                                               "deleted": 0}, hlc=base)
    older = event("response_template", "t1", {"title": "B"}, hlc=base + 1, device="dev-z")
    newer = event("response_template", "t1", {"title": "C"}, hlc=base + 2, device="dev-a")
    same_hlc_higher_device = event("response_template", "t1", {"title": "D"}, hlc=base + 2,
                                   device="dev-b")
    apply_all(conn, [create, same_hlc_higher_device, newer, older])
    assert template_row(conn, "t1")["title"] == "D"
    other = fresh_db()
    apply_all(other, [create, older, newer, same_hlc_higher_device])
    assert template_row(other, "t1") == template_row(conn, "t1")
    other.close()


def test_a_late_creation_does_not_overwrite_newer_fields(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    create = event("response_template", "t1",
                   {"title": "Pradinis", "status": "accepted", "text": "Pradinis", "deleted": 0},
                   hlc=base, device="dev-a")
    edit = event("response_template", "t1", {"text": "Pataisytas"}, hlc=base + 10,
                 device="dev-b")
    apply_all(conn, [edit, create])  # the edit reached this copy first
    row = template_row(conn, "t1")
    assert row["text"] == "Pataisytas"
    assert (row["title"], row["status"]) == ("Pradinis", "accepted")
    assert (row["hlc"], row["device"]) == (base + 10, "dev-b")


def test_an_older_edit_arriving_late_loses(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    create = event("meeting", "m1", {"group_id": None, "date": "2025-03-01", "place": "Rotušė",
                                     "agenda": "", "minutes": "", "decisions": "",
                                     "deleted": 0}, hlc=base)
    new_place = event("meeting", "m1", {"place": "Menų kalvė"}, hlc=base + 9, device="dev-b")
    old_place = event("meeting", "m1", {"place": "Žalgirio arena", "minutes": "Nutarta."},
                      hlc=base + 4, device="dev-c")
    apply_all(conn, [create, new_place, old_place])
    place, minutes = conn.execute("SELECT place, minutes FROM meeting").fetchone()
    assert place == "Menų kalvė"
    assert minutes == "Nutarta."  # the older edit still wins the field nobody else touched


template_edits = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),  # hlc offset: ties happen
        st.sampled_from(["dev-a", "dev-b", "dev-c"]),
        st.fixed_dictionaries(
            {},
            optional={"title": st.text(max_size=6), "status": st.sampled_from(["", "noted"]),
                      "text": st.text(max_size=6), "deleted": st.integers(0, 1)},
        ).filter(bool),
    ),
    min_size=1,
    max_size=7,
    unique_by=lambda e: (e[0], e[1]),  # one device never stamps two edits alike
)


@settings(max_examples=60, deadline=None)
@given(edits=template_edits, orders=st.lists(st.randoms(use_true_random=False), min_size=2,
                                               max_size=3))
def test_any_order_of_the_same_events_gives_the_same_row(
    edits: list[tuple[int, str, dict[str, Any]]], orders: list[Any]
) -> None:
    base = clock.pack(NOW)
    evs = [
        event("response_template", "t1", fields, hlc=base + offset, device=device)
        for offset, device, fields in edits
    ]
    # What per-field LWW must give: each field from the latest event that carries it.
    expected: dict[str, Any] = {}
    for name in TEMPLATE_FIELDS:
        carrying = [e for e in evs if name in e.fields]
        if carrying:
            expected[name] = max(carrying, key=lambda e: e.stamp).fields[name]
    latest = max(e.stamp for e in evs)
    stamps = {name: max((e.stamp for e in evs if name in e.fields), default=(0, ""))
              for name in TEMPLATE_FIELDS}
    for rnd in orders:
        shuffled = list(evs)
        rnd.shuffle(shuffled)
        db = fresh_db()
        apply_all(db, shuffled)
        row = template_row(db, "t1")
        db.close()
        assert {k: row[k] for k in expected} == expected
        assert (row["hlc"], row["device"]) == latest
        # Every order stores the same stamps in the same form (the one encode_stamps gives).
        assert events.field_stamps(events.ENTITIES["response_template"], row["hlc"],
                                   row["device"], row["clocks"]) == stamps
        assert row["clocks"] == events.encode_stamps(stamps, latest)[2]


_REMARK = events.ENTITIES["remark"]
_stamps = st.sampled_from([(0, ""), (5, "a"), (5, "b"), (7, "a"), (9, "c")])


@settings(max_examples=300, deadline=None)
@given(stamps=st.fixed_dictionaries({name: _stamps for name in _REMARK.fields}),
       names=st.lists(st.sampled_from(_REMARK.fields), min_size=1, max_size=3, unique=True))
def test_field_stamps_are_stored_in_one_short_form(
    stamps: dict[str, tuple[int, str]], names: list[str]
) -> None:
    """A row's stamps read back as written; a later event's, written the quick way
    (numbering) or the general way, give the same row."""
    hlc, device, clocks = events.encode_stamps(stamps, floor=(0, ""))
    assert events.field_stamps(_REMARK, hlc, device, clocks) == stamps
    assert (hlc, device) == max(stamps.values())
    later = dict(stamps, **dict.fromkeys(names, (10, "z")))
    assert events.restamp(_REMARK, hlc, device, clocks, names, (10, "z")) == \
        events.encode_stamps(later, floor=(hlc, device))


def test_a_remark_numbered_after_it_was_written_keeps_few_stamps(tmp_path: Path) -> None:
    """Nineteen fields, one of them set later: the row lists that one (and the fields
    never set), not every field (the secretary's copy numbers 50,000 remarks at once)."""
    written = {name: 0 if name.startswith("quote_") else "x" for name in _REMARK.fields
               if name not in ("number", "renumbered_from")} | {"type": "general", "status": "new"}
    created = event("remark", "r1", written, hlc=clock.pack(NOW))
    numbered = event("remark", "r1", {"number": 1}, hlc=clock.pack(NOW) + 1, device="dev-b")
    db = fresh_db()
    db.execute("PRAGMA foreign_keys = OFF")
    apply_all(db, [created, numbered])
    hlc, device, clocks = db.execute("SELECT hlc, device, clocks FROM remark").fetchone()
    db.close()
    assert (hlc, device) == numbered.stamp
    assert set(json.loads(clocks)) == {"number", "renumbered_from", events.SHARED}


# --- section revisions: a graph, heads and their order ------------------------------------------


def section_events(base: int) -> tuple[Event, Event]:
    section = event("section", "s1", {"parent_id": None, "position": 0, "kind": "goal",
                                      "code": "1.1", "responsible_group_id": None,
                                      "state": "draft", "unit": "", "baseline": "",
                                      "target": "", "deleted": 0}, hlc=base)
    root = event("section_revision", "rev-0", {"section_id": "s1", "parents": [],
                                               "title": "Tikslas", "body": "Pirmas tekstas."},
                 hlc=base + 1)
    return section, root


def shown(conn: sqlite3.Connection) -> tuple[str, str, int]:
    row = conn.execute("SELECT head_revision_id, body, heads FROM section WHERE id = 's1'")
    head, body, heads = row.fetchone()
    return str(head), str(body), int(heads)


def test_two_revisions_of_one_parent_are_two_heads_shown_alike_everywhere() -> None:
    base = clock.pack(NOW)
    section, root = section_events(base)
    mine = event("section_revision", "rev-a", {"section_id": "s1", "parents": ["rev-0"],
                                               "title": "Tikslas", "body": "Mano tekstas."},
                 hlc=base + 5, device="dev-a")
    theirs = event("section_revision", "rev-b", {"section_id": "s1", "parents": ["rev-0"],
                                                 "title": "Tikslas", "body": "Jų tekstas."},
                   hlc=base + 5, device="dev-b")
    seen = []
    for order in ([section, root, mine, theirs], [theirs, root, mine, section],
                  [section, theirs, mine, root]):
        db = fresh_db()
        apply_all(db, order)
        assert events.section_heads(db, "s1") == ["rev-b", "rev-a"]
        seen.append(shown(db))
        db.close()
    assert seen == [("rev-b", "Jų tekstas.", 2)] * 3


def test_a_revision_naming_both_heads_resolves_the_conflict(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    section, root = section_events(base)
    a = event("section_revision", "rev-a", {"section_id": "s1", "parents": ["rev-0"],
                                            "title": "Tikslas", "body": "A."}, hlc=base + 9)
    b = event("section_revision", "rev-b", {"section_id": "s1", "parents": ["rev-0"],
                                            "title": "Tikslas", "body": "B."}, hlc=base + 3,
              device="dev-b")
    merged = event("section_revision", "rev-m", {"section_id": "s1", "parents": ["rev-a", "rev-b"],
                                                 "title": "Tikslas", "body": "A ir B."},
                   hlc=base + 2, device="dev-c")  # a slow clock: the graph decides, not the hlc
    apply_all(conn, [section, root, a, b])
    assert shown(conn) == ("rev-a", "A.", 2)
    apply_all(conn, [merged])
    assert events.section_heads(conn, "s1") == ["rev-m"]
    assert shown(conn) == ("rev-m", "A ir B.", 1)


def test_a_revision_is_immutable(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    section, root = section_events(base)
    forged = event("section_revision", "rev-0", {"section_id": "s1", "parents": [],
                                                 "title": "Kita", "body": "Pakeista."},
                   hlc=base + 50, device="dev-z")
    apply_all(conn, [section, root, forged])
    assert conn.execute("SELECT title, body FROM section_revision").fetchall() == [
        ("Tikslas", "Pirmas tekstas.")
    ]
    assert shown(conn)[1] == "Pirmas tekstas."


def test_fts_follows_the_shown_head(conn: sqlite3.Connection) -> None:
    base = clock.pack(NOW)
    section, root = section_events(base)
    newer = event("section_revision", "rev-1", {"section_id": "s1", "parents": ["rev-0"],
                                                "title": "Tikslas", "body": "Ąžuolų giraitė."},
                  hlc=base + 2)
    apply_all(conn, [section, root, newer])
    hits = conn.execute(
        "SELECT count(*) FROM section_fts WHERE section_fts MATCH '\"azuol\"*'"
    ).fetchone()[0]
    gone = conn.execute(
        "SELECT count(*) FROM section_fts WHERE section_fts MATCH '\"pirmas\"'"
    ).fetchone()[0]
    assert (hits, gone) == (1, 0)


def test_text_that_is_not_text_is_refused_with_a_sentence() -> None:
    """A lone surrogate (an argument in a wrong encoding) can be neither hashed nor stored."""
    with pytest.raises(InvalidInput, match="broken character"):
        event("remark", "r1", {"text": "blogas \udcff baitas"}, hlc=1)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**62), 2**62) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.dictionaries(st.text(), _JSON_VALUES, max_size=6))
def test_canonical_bytes_are_those_every_earlier_version_wrote(obj: dict[str, Any]) -> None:
    # Signed feed heads are checked against these bytes on every copy, old and new alike.
    try:
        expected = json.dumps(obj, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate: refused either way
        with pytest.raises(InvalidInput):
            events.canonical(obj)
        return
    assert events.canonical(obj) == expected
