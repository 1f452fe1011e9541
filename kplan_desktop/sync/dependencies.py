"""What an imported event needs before it can apply: the records it refers to.

Who may make a change is judged by the one table of core.permissions (through
store.permissions), for local writes and imports alike; this module only says
which records an event waits for.
"""

from __future__ import annotations

#: References each entity's fields make; the referenced record must be here first.
REFERENCES: dict[str, dict[str, str]] = {
    "membership": {"group_id": "work_group", "person_id": "person"},
    "meeting": {"group_id": "work_group"},
    "attendance": {"meeting_id": "meeting", "person_id": "person"},
    "section": {"parent_id": "section", "responsible_group_id": "work_group"},
    "section_revision": {"section_id": "section"},
    "remark": {
        "section_id": "section", "revision_id": "section_revision", "author_id": "person",
        "group_id": "work_group", "round_id": "review_round",
    },
}

#: Fields a creating event always carries; a change to a record not here yet waits for it.
CREATION: dict[str, frozenset[str]] = {
    "plan": frozenset({"title"}),
    "person": frozenset({"full_name"}),
    "work_group": frozenset({"code", "kind"}),
    "membership": frozenset({"group_id", "person_id"}),
    "meeting": frozenset({"group_id"}),
    "attendance": frozenset({"meeting_id", "person_id"}),
    "review_round": frozenset({"name"}),
    "section": frozenset({"kind"}),
    "section_revision": frozenset({"section_id", "title", "body"}),
    "remark": frozenset({"section_id", "author_id"}),
    "response_template": frozenset({"title"}),
}
