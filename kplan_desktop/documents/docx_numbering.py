"""Word's paragraph styles and automatic numbering, resolved as Word shows them.

Each paragraph style is resolved once through its basedOn chain (heading level,
list, caption, table of contents); :class:`Numbering` keeps Word's list counters
(numbering.xml: start values, overrides, level restarts, "%1.%2." level texts)
and gives the number a paragraph shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .docx_tags import W_PPR, W_VAL, w

_HEADING_NAME = re.compile(r"^(?:heading|antraštė)\s*(\d)$", re.IGNORECASE)
_BULLET = "•"


@dataclass
class Style:
    level: int = 0
    num_id: str | None = None
    ilvl: int | None = None
    caption: bool = False
    toc: bool = False
    title: bool = False


def _pr_child(element: Any, tag: str) -> Any:
    ppr = element.find(W_PPR)
    return None if ppr is None else ppr.find(w(tag))


def outline_level(element: Any) -> int | None:
    """The 1-based outline level set in an element's paragraph properties; 0 for body text."""
    level = _pr_child(element, "outlineLvl")
    if level is None:
        return None
    try:
        value = int(level.get(W_VAL, "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else 0


def num_pr_of(element: Any) -> tuple[str | None, int | None] | None:
    num_pr = _pr_child(element, "numPr")
    if num_pr is None:
        return None
    num = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    level = None
    if ilvl is not None:
        try:
            level = max(0, min(8, int(ilvl.get(W_VAL, "0"))))
        except ValueError:
            level = 0
    return (None if num is None else str(num.get(W_VAL, "")), level)


def paragraph_styles(root: Any | None) -> tuple[dict[str, Style], str | None]:
    """Every paragraph style resolved once through its basedOn chain; the default's id."""
    if root is None:
        return {}, None
    raw: dict[str, Any] = {}
    default = None
    for style in root.iter(w("style")):
        if style.get(w("type")) not in (None, "paragraph"):
            continue
        sid = str(style.get(w("styleId"), ""))
        raw[sid] = style
        if style.get(w("default")) in ("1", "true", "on"):
            default = sid
    out: dict[str, Style] = {}
    for sid in raw:
        info = Style()
        seen: set[str] = set()
        current: str | None = sid
        level: int | None = None
        while current is not None and current in raw and current not in seen and len(seen) < 20:
            seen.add(current)
            element = raw[current]
            name_el = element.find(w("name"))
            name = str(name_el.get(W_VAL, "")) if name_el is not None else ""
            folded = name.strip().casefold()
            if level is None:
                level = outline_level(element)
                match = _HEADING_NAME.match(name.strip())
                if level is None and match:
                    level = int(match.group(1))
            if info.num_id is None:
                num = num_pr_of(element)
                if num is not None:
                    info.num_id, info.ilvl = num[0], num[1] if info.ilvl is None else info.ilvl
            info.caption |= folded == "caption"
            info.toc |= folded.startswith(("toc ", "contents ", "toc heading",
                                           "turinys", "turinio"))
            info.title |= folded in ("title", "subtitle")
            based = element.find(w("basedOn"))
            current = str(based.get(W_VAL)) if based is not None else None
        info.level = level or 0
        out[sid] = info
    return out, default


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    style: str = ""


def _level(element: Any, base: _Level | None = None) -> _Level:
    lvl = _Level() if base is None else _Level(base.start, base.fmt, base.text, base.restart,
                                                base.legal, base.style)

    def val(tag: str) -> str | None:
        found = element.find(w(tag))
        return None if found is None else str(found.get(W_VAL, ""))

    start, fmt, text, restart, style = (val(t) for t in ("start", "numFmt", "lvlText",
                                                          "lvlRestart", "pStyle"))
    if start is not None and start.lstrip("-").isdigit():
        lvl.start = int(start)
    if fmt is not None:
        lvl.fmt = fmt
    if text is not None:
        lvl.text = text
    if restart is not None and restart.isdigit():
        lvl.restart = int(restart)
    if style is not None:
        lvl.style = style
    legal = element.find(w("isLgl"))
    if legal is not None:
        lvl.legal = legal.get(W_VAL, "1") not in ("0", "false", "off")
    return lvl


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                          (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: a … z, aa … zz.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n) if n > 0 else str(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(n)
        return text if fmt == "upperLetter" else text.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Word's list counters, advanced paragraph by paragraph in document order."""

    def __init__(self, root: Any | None, styles: dict[str, Style]) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, _Level | None]]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for element in root.iter(w("abstractNum")):
            aid = str(element.get(w("abstractNumId"), ""))
            self.abstract[aid] = {}
            for lvl in element.iter(w("lvl")):
                try:
                    ilvl = int(lvl.get(w("ilvl"), "0"))
                except ValueError:
                    continue
                self.abstract[aid][ilvl] = _level(lvl)
            link = element.find(w("numStyleLink"))
            if link is not None:
                links[aid] = str(link.get(W_VAL, ""))
        for element in root.iter(w("num")):
            nid = str(element.get(w("numId"), ""))
            ref = element.find(w("abstractNumId"))
            if ref is None:
                continue
            overrides: dict[int, tuple[int | None, _Level | None]] = {}
            for override in element.iter(w("lvlOverride")):
                try:
                    ilvl = int(override.get(w("ilvl"), "0"))
                except ValueError:
                    continue
                start_el = override.find(w("startOverride"))
                start = None
                if start_el is not None and str(start_el.get(W_VAL, "")).isdigit():
                    start = int(start_el.get(W_VAL))
                lvl_el = override.find(w("lvl"))
                overrides[ilvl] = (start, _level(lvl_el) if lvl_el is not None else None)
            self.nums[nid] = (str(ref.get(W_VAL, "")), overrides)
        # An abstract list that only points at a numbering style takes that style's list.
        for aid, style_id in links.items():
            style = styles.get(style_id)
            if style is not None and style.num_id in self.nums:
                target = self.nums[style.num_id][0]
                if target in self.abstract and target != aid:
                    self.abstract[aid] = self.abstract[target]

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The list level whose pStyle is the paragraph's style (a heading style's numPr
        often names the list only)."""
        num = self.nums.get(num_id)
        if num is not None:
            for ilvl, lvl in self.abstract.get(num[0], {}).items():
                if lvl.style == style_id:
                    return ilvl
        return 0

    def _lvl(self, num_id: str, ilvl: int) -> _Level | None:
        aid, overrides = self.nums[num_id]
        override = overrides.get(ilvl)
        if override is not None and override[1] is not None:
            return override[1]
        return self.abstract.get(aid, {}).get(ilvl)

    def advance(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """The number Word shows on the next paragraph of this list at this level, and
        whether it is a bullet; None when the list is unknown or shows nothing."""
        if num_id not in self.nums or num_id == "0":
            return None
        aid, overrides = self.nums[num_id]
        lvl = self._lvl(num_id, ilvl)
        if lvl is None:
            return None
        # Counters are the abstract list's: separate w:num of one list continue its count,
        # unless a w:num restarts a level (startOverride) where it is first used.
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, (start, _) in overrides.items():
                if start is not None and 0 <= level < 9:
                    counters[level] = start - 1
        current = counters[ilvl]
        counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = (self._lvl(num_id, deeper) or _Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return _BULLET, True
        if lvl.fmt == "none" and "%" not in lvl.text:
            return (lvl.text.strip(), False) if lvl.text.strip() else None

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            other = self._lvl(num_id, k) or _Level()
            value = counters[k]
            if value is None:
                value = other.start
            return _format(value, "decimal" if lvl.legal and k < ilvl else other.fmt)

        shown = re.sub(r"%([1-9])", number, lvl.text)
        return (shown.strip(), False) if shown.strip() else None
