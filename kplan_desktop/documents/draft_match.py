"""Which section of the plan each heading of a new draft is: the plan of changes.

A section is matched by its number, title and text together, not by number
alone: when the consultants insert a new 1.2, the old 1.2 is now 1.3, and its
remarks must stay with its text. Each pair (plan section, document heading) gets
a score from difflib ratios of the titles and of the texts, plus a little for
the same code; the pairs are then assigned best first over the whole document
(a global greedy assignment: the strongest evidence anywhere wins before any
weaker pair is considered). Identical texts are paired first, cheaply, so a
large draft with few edits costs little.

The result, :class:`DraftPlan`, is what the preview shows and what
:mod:`.draft_import` applies: added, changed, renamed, renumbered, moved and
removed sections, and the content that is not kept.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import SectionKind
from ..store.workspace import Workspace
from .data import live_sections
from .docx_read import DraftDocument, read_draft
from .docx_sections import DraftNode, Dropped
from .files import DocumentError

#: Below this score a heading is a new section, not the plan's section.
MATCH_THRESHOLD = 0.5
#: Word-set overlap under which two titles and texts are not even compared with difflib.
_PREFILTER = 0.2


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def label(code: str, title: str) -> str:
    return f"{code}. {title}" if code else title


@dataclass
class _Side:
    """What matching compares of one section, normalised once."""

    code: str
    kind: str
    title: str
    body: str
    words: frozenset[str]
    title_words: list[str]
    body_words: list[str]

    @classmethod
    def of(cls, code: str, kind: str, title: str, body: str) -> _Side:
        t, b = _norm(title), _norm(body)
        tw, bw = t.split(), b.split()
        return cls(code, kind, t, b, frozenset(tw) | frozenset(bw), tw, bw)


def _ratio(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return matcher.quick_ratio() * 0.5  # an upper bound cut down: clearly different
    return matcher.ratio()


def score(old: _Side, new: _Side) -> float:
    """How surely ``new`` (in the document) is ``old`` (in the plan), 0..1."""
    if (old.kind == SectionKind.INDICATOR.value) != (new.kind == SectionKind.INDICATOR.value):
        return 0.0
    same_code = 1.0 if old.code and old.code == new.code else 0.0
    title = 1.0 if old.title == new.title else _ratio(old.title_words, new.title_words)
    if not old.body and not new.body:
        return 0.8 * title + 0.2 * same_code
    body = 1.0 if old.body == new.body else _ratio(old.body_words, new.body_words)
    return 0.4 * title + 0.45 * body + 0.15 * same_code


@dataclass
class Planned:
    """One heading of the document and what becomes of it."""

    node: DraftNode
    #: The plan's section it updates; None for a new section.
    section_id: str | None = None
    old: dict[str, Any] | None = None
    renamed: bool = False
    renumbered: bool = False
    moved: bool = False
    changed: bool = False
    #: A section an earlier draft removed, back in this one.
    restored: bool = False
    #: Scalar fields to write (parent and position are filled in when applied).
    kind_changed: bool = False
    indicator_changed: bool = False

    @property
    def new_label(self) -> str:
        return self.node.label

    @property
    def old_label(self) -> str:
        return label(str(self.old["code"]), str(self.old["title"])) if self.old else ""


@dataclass
class DraftPlan:
    """What importing the document would do; nothing is written until it is applied."""

    name: str
    entries: list[Planned]
    removed: list[dict[str, Any]]
    dropped: list[Dropped]
    #: The plan's sections as they were when this was made (see :func:`sections_digest`).
    digest: str
    #: Live remarks on each section that would be marked removed.
    removed_remarks: dict[str, int] = field(default_factory=dict)

    @property
    def added(self) -> list[Planned]:
        return [e for e in self.entries if e.section_id is None]

    def of(self, what: str) -> list[Planned]:
        return [e for e in self.entries if e.section_id is not None and getattr(e, what)]

    @property
    def unchanged(self) -> int:
        return sum(1 for e in self.entries if e.section_id is not None and not (
            e.renamed or e.renumbered or e.moved or e.changed or e.kind_changed
            or e.indicator_changed or e.restored))

    @property
    def is_empty(self) -> bool:
        return not self.added and not self.removed and self.unchanged == len(self.entries)

    def lines(self) -> list[str]:
        """The report, one item a line, old and new side by side."""
        restored = self.of("restored")
        out = [f"{len(self.added)} added,"
               + (f" {len(restored)} restored," if restored else "")
               + f" {len(self.of('changed'))} changed,"
               f" {len(self.of('renamed'))} renamed, {len(self.of('renumbered'))} renumbered,"
               f" {len(self.of('moved'))} moved, {len(self.removed)} removed,"
               f" {self.unchanged} unchanged."]
        out += [f"  added: {e.new_label}" for e in self.added]
        out += [f"  restored (removed by an earlier draft): {e.new_label}"
                for e in self.of("restored")]
        out += [f"  changed: {e.new_label}" for e in self.of("changed")]
        out += [f"  renamed: {e.old_label} → {e.new_label}" for e in self.of("renamed")]
        out += [f"  renumbered: {e.old_label} → {e.new_label}" for e in self.of("renumbered")]
        out += [f"  moved: {e.new_label} (now under {self.parent_label(e)})"
                for e in self.of("moved")]
        for row in self.removed:
            n = self.removed_remarks.get(str(row["id"]), 0)
            out.append(f"  removed: {label(str(row['code']), str(row['title']))}"
                       f" (kept out of new drafts; remarks on it: {n})")
        out += [f"  not kept: {d.text()}" for d in self.dropped]
        return out

    @staticmethod
    def parent_label(entry: Planned) -> str:
        parent = entry.node.parent
        return parent.label if parent is not None else "the top level"


def sections_digest(rows: list[dict[str, Any]]) -> str:
    """A fingerprint of the plan's live sections: a preview applies only to the plan it saw."""
    h = hashlib.sha256()
    for row in sorted(rows, key=lambda r: str(r["id"])):
        h.update(repr(sorted(row.items())).encode("utf-8"))
    return h.hexdigest()


def _assign(rows: list[dict[str, Any]], nodes: list[DraftNode]) -> dict[int, int]:
    """Document node index -> plan row index, best pairs first."""
    olds = [_Side.of(str(r["code"]), str(r["kind"]), str(r["title"]), str(r["body"]))
            for r in rows]
    news = [_Side.of(n.code, n.kind.value, n.title, n.body) for n in nodes]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    # Identical title and text (with the same kind family): the same section, renumbered
    # or not. Among several identical ones, the one with the same code first.
    exact: dict[tuple[str, str, bool], list[int]] = {}
    for i, o in enumerate(olds):
        exact.setdefault((o.title, o.body, o.kind == "indicator"), []).append(i)
    node_index = {id(node): j for j, node in enumerate(nodes)}
    deferred: list[int] = []
    for j, n in enumerate(news):  # document order: a node's parent is paired before it
        free = [i for i in exact.get((n.title, n.body, n.kind == "indicator"), [])
                if i not in taken]
        if not free:
            continue
        # Among identical ones (an indicator named alike under several goals): the one
        # under the same (already paired) parent, the same code deciding between those.
        # Codes shift when a section is inserted above; parents do not.
        parent = nodes[j].parent
        parent_j = node_index.get(id(parent)) if parent is not None else None
        parent_id = str(rows[pairs[parent_j]]["id"]) if parent_j in pairs else None
        under = [i for i in free if parent_id is not None
                 and str(rows[i]["parent_id"]) == parent_id]
        if not under and len(free) > 1:
            deferred.append(j)  # decided once the others have taken theirs
            continue
        same = [i for i in under if olds[i].code == n.code]
        i = (same or under or free)[0]
        pairs[j] = i
        taken.add(i)
    for j in deferred:
        n = news[j]
        free = [i for i in exact.get((n.title, n.body, n.kind == "indicator"), [])
                if i not in taken]
        if free:
            i = ([i for i in free if olds[i].code == n.code] or free)[0]
            pairs[j] = i
            taken.add(i)
    candidates: list[tuple[float, int, int, int]] = []
    rest_new = [j for j in range(len(news)) if j not in pairs]
    rest_old = [i for i in range(len(olds)) if i not in taken]
    for j in rest_new:
        n = news[j]
        for i in rest_old:
            o = olds[i]
            same_code = bool(o.code) and o.code == n.code
            union = len(o.words | n.words)
            overlap = len(o.words & n.words) / union if union else 1.0
            if not same_code and overlap < _PREFILTER:
                continue
            s = score(o, n)
            if s >= MATCH_THRESHOLD:
                candidates.append((s, 1 if same_code else 0, -j, -i))
    _assign_best_first(candidates, pairs, taken)
    _by_structure(rows, nodes, olds, news, pairs, taken)
    return pairs


def _assign_best_first(candidates: list[tuple[float, int, int, int]], pairs: dict[int, int],
                       taken: set[int]) -> None:
    """Pair the best-scored (score, same code, -new, -old) first; each side once."""
    candidates.sort(reverse=True)
    for _, _, mj, mi in candidates:
        j, i = -mj, -mi
        if j in pairs or i in taken:
            continue
        pairs[j] = i
        taken.add(i)


def _by_structure(rows: list[dict[str, Any]], nodes: list[DraftNode], olds: list[_Side],
                  news: list[_Side], pairs: dict[int, int], taken: set[int]) -> None:
    """Pair what text alone could not: a heading with little or no text of its own (a
    priority over its goals) renamed. Its children, already paired, say which section it
    is; so do the same code under the same parent when neither has text to compare."""
    index = {id(n): j for j, n in enumerate(nodes)}
    rest_old = [i for i in range(len(rows)) if i not in taken]
    if not rest_old:
        return
    candidates: list[tuple[float, int, int, int]] = []
    for j, node in enumerate(nodes):
        if j in pairs:
            continue
        # Which plan section the document's children of this heading were under.
        parents_of_children = [str(rows[pairs[index[id(c)]]]["parent_id"])
                               for c in node.children if index.get(id(c), -1) in pairs]
        parent_j = index.get(id(node.parent), -1) if node.parent is not None else None
        for i in rest_old:
            o, n = olds[i], news[j]
            if (o.kind == "indicator") != (n.kind == "indicator"):
                continue
            row_id = str(rows[i]["id"])
            held = sum(1 for p in parents_of_children if p == row_id)
            children = max(len(node.children), 1)
            overlap = held / children
            same_parent = (rows[i]["parent_id"] is None if parent_j is None else (
                parent_j in pairs and str(rows[pairs[parent_j]]["id"])
                == str(rows[i]["parent_id"] or "")))
            same_code = bool(o.code) and o.code == n.code
            textless = not o.body and not n.body
            if overlap >= 0.5 or (same_code and same_parent and textless):
                candidates.append((overlap, 1 if same_code else 0, -j, -i))
    _assign_best_first(candidates, pairs, taken)


def removed_sections(ws: Workspace) -> list[dict[str, Any]]:
    """The sections marked removed (by an earlier draft, or in the plan tree)."""
    cur = ws.conn.execute(
        "SELECT id, parent_id, position, kind, code, title, body, unit, baseline, target,"
        " deleted FROM section WHERE deleted = 1 ORDER BY position, code, id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def current_digest(ws: Workspace) -> str:
    """The digest a plan of changes made now would carry (live and removed sections)."""
    return sections_digest(live_sections(ws) + removed_sections(ws))


def plan_changes(ws: Workspace, document: DraftDocument) -> DraftPlan:
    """What importing ``document`` into ``ws`` would do."""
    rows = live_sections(ws)
    gone = removed_sections(ws)
    nodes = document.nodes
    pairs = _assign(rows, nodes)
    entries = [Planned(node) for node in nodes]
    index = {id(node): k for k, node in enumerate(nodes)}
    for j, i in pairs.items():
        entries[j].section_id = str(rows[i]["id"])
        entries[j].old = rows[i]
    # A section an earlier draft removed that comes back is that section, restored with
    # its remarks; the live sections were matched first, so it never takes a live one's place.
    rest = [j for j in range(len(nodes)) if j not in pairs]
    if gone and rest:
        for k, i in _assign(gone, [nodes[j] for j in rest]).items():
            entries[rest[k]].section_id = str(gone[i]["id"])
            entries[rest[k]].old = gone[i]
            entries[rest[k]].restored = True
    for entry in entries:
        old, node = entry.old, entry.node
        if old is None:
            continue
        entry.renamed = _norm(str(old["title"])) != _norm(node.title)
        entry.renumbered = str(old["code"]) != node.code
        entry.changed = str(old["body"]) != node.body or (
            str(old["title"]) != node.title and not entry.renamed)
        if node.parent is not None:
            # Under a section new in this draft is a move whatever the old parent was.
            parent = entries[index[id(node.parent)]].section_id
            entry.moved = parent is None or old["parent_id"] != parent
        else:
            entry.moved = old["parent_id"] is not None
        entry.kind_changed = str(old["kind"]) != node.kind.value
        entry.indicator_changed = node.kind is SectionKind.INDICATOR and (
            (old["unit"], old["baseline"], old["target"])
            != (node.unit, node.baseline, node.target))
        if entry.indicator_changed:
            entry.changed = True
    matched = {str(rows[i]["id"]) for i in pairs.values()}
    removed = [r for r in rows if str(r["id"]) not in matched]
    removed_remarks: dict[str, int] = {}
    for row in removed:
        removed_remarks[str(row["id"])] = int(ws.conn.execute(
            "SELECT COUNT(*) FROM remark WHERE section_id = ? AND status != 'withdrawn'",
            (row["id"],)).fetchone()[0])
    return DraftPlan(document.name, entries, removed, document.dropped,
                     sections_digest(rows + gone), removed_remarks)


def read_for(ws: Workspace, path: Path) -> DraftDocument:
    """The document at ``path``, refused when it is the workspace or one of its SQLite files:
    reading opens a plain descriptor, and closing one on a file SQLite holds would drop
    this process's locks on it (compared by stat, before anything is opened)."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        own = ws.path.with_name(ws.path.name + suffix)
        try:
            same = os.path.samefile(path, own)
        except OSError:
            continue
        if same:
            raise DocumentError("{path} is the workspace itself, not a draft to import.",
                                path=str(path))
    return read_draft(path)


def preview_draft(ws: Workspace, path: Path) -> DraftPlan:
    """Read the document and plan the changes; the workspace is only read."""
    return plan_changes(ws, read_for(ws, path))
