"""Storage errors, sorted as qutebrowser does: the user's situation, or our bug.

Everything here is a :class:`KPlanError` (one clear sentence, shown as it is);
anything else escaping the store is a bug and is logged with its traceback.
"""

from __future__ import annotations

from ..core.errors import KPlanError


class WorkspaceError(KPlanError):
    """The workspace file cannot be used as asked."""


class NotAWorkspace(WorkspaceError):
    pass


class NewerSchema(WorkspaceError):
    pass


class WorkspaceLocked(WorkspaceError):
    pass


class WorkspaceReadOnly(WorkspaceError):
    pass


class WorkspaceExists(WorkspaceError):
    pass


class DiskFull(WorkspaceError):
    pass


class WorkspaceDamaged(WorkspaceError):
    pass
