"""What a remark's identifier ("KUL-012") says beyond itself, for tooltips and the detail:
not numbered yet, numbered twice in a clash, or renumbered (store.remark_numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.identifiers import is_provisional


def _t(text: str) -> str:
    return QCoreApplication.translate("RemarkIds", text)


def identifier_note(remark: Mapping[str, Any]) -> str:
    """One sentence about the identifier, or "" when it is a plain, settled number."""
    identifier = str(remark.get("identifier") or "")
    if is_provisional(identifier):
        return _t("Not numbered yet: the group secretary's copy gives the remark its number"
                  " when the remark reaches it; until then this provisional id is shown.")
    if remark.get("number_rank"):
        return _t("Two copies gave this number at once; the earlier keeps it, and the"
                  " secretary's copy gives this remark a new number at its next import.")
    old = remark.get("renumbered_from")
    if old is not None:
        prefix = identifier.rsplit("-", 1)[0]
        return _t("Numbered {old} before, until a numbering clash.").format(
            old=f"{prefix}-{int(old):03d}")
    return ""
