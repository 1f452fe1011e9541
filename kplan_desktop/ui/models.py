"""Names of the domain's values (translated), status colours and the roles the item models share.

The Qt item models themselves live by what they list: :mod:`.plan_tree` (the plan's
sections), :mod:`.remark_table` (remarks, read lazily) and :mod:`.record_lists`
(short lists and choices).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ..core.grammar import Gender
from ..core.model import RemarkStatus, RemarkType, Role, SectionKind, SectionState

Index = QModelIndex | QPersistentModelIndex

#: Roles every item model answers.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3


def _t(text: str) -> str:
    # Context "models", as before the split: the translations already made keep applying.
    return QCoreApplication.translate("models", text)


# --- display names of the domain's values (translated) --------------------------------------------


def status_name(status: str) -> str:
    names = {
        RemarkStatus.NEW: _t("new"),
        RemarkStatus.UNDER_REVIEW: _t("under review"),
        RemarkStatus.ACCEPTED: _t("accepted"),
        RemarkStatus.PARTLY_ACCEPTED: _t("partly accepted"),
        RemarkStatus.REJECTED: _t("rejected"),
        RemarkStatus.NOTED: _t("noted"),
        RemarkStatus.WITHDRAWN: _t("withdrawn"),
    }
    return str(names.get(status, status))  # type: ignore[call-overload]


def type_name(remark_type: str) -> str:
    names = {
        RemarkType.GENERAL: _t("general"),
        RemarkType.TECHNICAL: _t("technical"),
        RemarkType.EDITORIAL: _t("editorial"),
    }
    return str(names.get(remark_type, remark_type))  # type: ignore[call-overload]


def kind_name(kind: str) -> str:
    names = {
        SectionKind.VISION: _t("vision"),
        SectionKind.PRIORITY: _t("priority"),
        SectionKind.GOAL: _t("goal"),
        SectionKind.OBJECTIVE: _t("objective"),
        SectionKind.MEASURE: _t("measure"),
        SectionKind.INDICATOR: _t("indicator"),
        SectionKind.TEXT: _t("text"),
    }
    return str(names.get(kind, kind))  # type: ignore[call-overload]


def state_name(state: str) -> str:
    names = {
        SectionState.DRAFT: _t("draft"),
        SectionState.IN_REVIEW: _t("in review"),
        SectionState.AGREED: _t("agreed"),
    }
    return str(names.get(state, state))  # type: ignore[call-overload]


def _female(text: str) -> str:
    # Lithuanian role words agree with the person ("pirmininkė"); English has one word.
    return QCoreApplication.translate("RoleFemale", text)


def _male(text: str) -> str:
    return QCoreApplication.translate("RoleMale", text)


def _unspecified(text: str) -> str:
    # A person whose gender is not known: a neutral form ("pirmininkas (-ė)").
    return QCoreApplication.translate("RoleUnspecified", text)


def role_name(role: str, gender: str | None = None) -> str:
    """A role's word: for a person of ``gender`` (female, male, unspecified: see
    core.grammar), or the role itself (a choice in a list) when None."""
    if gender == Gender.FEMALE:
        names = {
            Role.CHAIR: _female("chair"),
            Role.SECRETARY: _female("secretary"),
            Role.EXPERT: _female("expert"),
            Role.CONSULTANT: _female("consultant"),
            Role.OBSERVER: _female("observer"),
        }
    elif gender == Gender.MALE:
        names = {
            Role.CHAIR: _male("chair"),
            Role.SECRETARY: _male("secretary"),
            Role.EXPERT: _male("expert"),
            Role.CONSULTANT: _male("consultant"),
            Role.OBSERVER: _male("observer"),
        }
    elif gender is not None:
        names = {
            Role.CHAIR: _unspecified("chair"),
            Role.SECRETARY: _unspecified("secretary"),
            Role.EXPERT: _unspecified("expert"),
            Role.CONSULTANT: _unspecified("consultant"),
            Role.OBSERVER: _unspecified("observer"),
        }
    else:
        names = {
            Role.CHAIR: _t("chair"),
            Role.SECRETARY: _t("secretary"),
            Role.EXPERT: _t("expert"),
            Role.CONSULTANT: _t("consultant"),
            Role.OBSERVER: _t("observer"),
        }
    return str(names.get(role, role))  # type: ignore[call-overload]


def gender_name(gender: str) -> str:
    names = {
        Gender.FEMALE: _t("female"),
        Gender.MALE: _t("male"),
        Gender.UNSPECIFIED: _t("unspecified"),
    }
    return str(names.get(gender, gender))  # type: ignore[call-overload]


#: Calm colours for statuses: highlights in the text and a dot in the tables.
STATUS_COLOURS: dict[str, str] = {
    RemarkStatus.NEW: "#fde68a",
    RemarkStatus.UNDER_REVIEW: "#bfdbfe",
    RemarkStatus.ACCEPTED: "#bbf7d0",
    RemarkStatus.PARTLY_ACCEPTED: "#d9f99d",
    RemarkStatus.REJECTED: "#fecaca",
    RemarkStatus.NOTED: "#e5e7eb",
    RemarkStatus.WITHDRAWN: "#f3f4f6",
}


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

