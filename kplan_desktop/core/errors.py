"""Errors of the domain. Each carries one sentence a user can read.

The sentence is kept as a template plus arguments, so the UI can translate the
template (``QCoreApplication.translate("KPlanError", template)``) before
filling it in, while the command line prints it as it is.
"""

from __future__ import annotations

from typing import Any


class KPlanError(Exception):
    """A refused or failed job that is the user's situation, not our bug."""

    def __init__(self, template: str, **args: Any) -> None:
        self.template = template
        self.args_map = args
        super().__init__(template.format(**args))

    def render(self, template: str | None = None) -> str:
        """The sentence, from a translated template when one is given."""
        return (template or self.template).format(**self.args_map)


class PermissionDenied(KPlanError):
    pass


class InvalidTransition(KPlanError):
    pass


class InvalidInput(KPlanError):
    pass


class NotFound(KPlanError):
    pass
