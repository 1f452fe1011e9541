"""Domain vocabulary: the kinds, roles, types and statuses of the plan review (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SectionKind(StrEnum):
    VISION = "vision"
    PRIORITY = "priority"
    GOAL = "goal"
    OBJECTIVE = "objective"
    MEASURE = "measure"
    INDICATOR = "indicator"
    TEXT = "text"


class SectionState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    AGREED = "agreed"


class GroupKind(StrEnum):
    THEMATIC = "thematic"
    COORDINATION = "coordination"


class Role(StrEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    EXPERT = "expert"
    CONSULTANT = "consultant"
    OBSERVER = "observer"


class RemarkType(StrEnum):
    GENERAL = "general"
    TECHNICAL = "technical"
    EDITORIAL = "editorial"


class RemarkStatus(StrEnum):
    NEW = "new"
    UNDER_REVIEW = "under_review"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    NOTED = "noted"
    WITHDRAWN = "withdrawn"


#: Statuses that record a decision on the remark.
DECISIONS = frozenset(
    {
        RemarkStatus.ACCEPTED,
        RemarkStatus.PARTLY_ACCEPTED,
        RemarkStatus.REJECTED,
        RemarkStatus.NOTED,
    }
)

#: Roles that run a group's records and answer its remarks.
OFFICERS = frozenset({Role.CHAIR, Role.SECRETARY})


@dataclass(frozen=True)
class Membership:
    group_id: str
    group_kind: GroupKind
    role: Role


@dataclass(frozen=True)
class Actor:
    """Who is acting: a person and the memberships in force today."""

    person_id: str
    memberships: tuple[Membership, ...] = field(default=())

    def officer_of(self, group_id: str | None) -> bool:
        return any(m.group_id == group_id and m.role in OFFICERS for m in self.memberships)

    @property
    def coordinates(self) -> bool:
        """Chair or secretary of the coordination group: may do everything."""
        return any(
            m.group_kind is GroupKind.COORDINATION and m.role in OFFICERS
            for m in self.memberships
        )

    @property
    def officer_groups(self) -> frozenset[str]:
        return frozenset(m.group_id for m in self.memberships if m.role in OFFICERS)

    @property
    def home_group(self) -> str | None:
        """The group a new remark is given through: the first thematic membership."""
        for m in self.memberships:
            if m.group_kind is GroupKind.THEMATIC:
                return m.group_id
        return self.memberships[0].group_id if self.memberships else None
