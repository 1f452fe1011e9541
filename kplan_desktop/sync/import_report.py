"""What an import did (for the command line, the window and the import history), and the
refusals of a bundle as a whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import KPlanError
from .bundle import BundleError


class UnknownSigner(BundleError):
    pass


class RevokedSigner(BundleError):
    pass


class ImportCancelled(KPlanError):
    """The user stopped the import; its transaction was rolled back."""


@dataclass
class ImportReport:
    """What an import did, for the command line, the GUI and the import history."""

    bundle_id: str
    file_name: str
    signer_name: str
    signer_fingerprint: str
    applied: int = 0
    skipped: int = 0
    held: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    #: Changes applied per entity, e.g. {"remark": 120}.
    by_entity: Counter[str] = field(default_factory=Counter)
    held_reasons: Counter[str] = field(default_factory=Counter)
    #: The sentences of ``refused`` and ``conflicts`` as (template, arguments), so that the
    #: GUI can translate them (QCoreApplication.translate("KPlanError", template)).
    templates: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)

    def refuse(self, reason: KPlanError, n: int = 1) -> None:
        """Count ``n`` events refused for ``reason``."""
        sentence = str(reason)
        self.refused[sentence] += n
        self.templates.setdefault(sentence, (reason.template, reason.args_map))

    def add_conflict(self, conflict: KPlanError) -> None:
        sentence = str(conflict)
        self.conflicts.append(sentence)
        self.templates.setdefault(sentence, (conflict.template, conflict.args_map))

    def template(self, sentence: str) -> tuple[str, dict[str, Any]]:
        """The template and arguments of one of this report's sentences."""
        return self.templates.get(sentence, (sentence, {}))

    @property
    def refused_count(self) -> int:
        return sum(self.refused.values())

    def lines(self) -> list[str]:
        out = [
            f"Bundle from {self.signer_name} (fingerprint {self.signer_fingerprint}):",
            f"  applied   {self.applied}",
            f"  skipped   {self.skipped} (already here)",
            f"  refused   {self.refused_count}",
        ]
        out += [f"    {n} × {reason}" for reason, n in sorted(self.refused.items())]
        if self.held:
            out.append(f"  held      {self.held} (waiting for earlier changes)")
            out += [f"    {n} × {reason}" for reason, n in sorted(self.held_reasons.items())]
        out.append(f"  conflicts {len(self.conflicts)}")
        out += [f"    {c}" for c in self.conflicts]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "bundle": self.bundle_id, "file": self.file_name, "signer": self.signer_name,
            "fingerprint": self.signer_fingerprint, "applied": self.applied,
            "skipped": self.skipped, "held": self.held, "refused": dict(self.refused),
            "held_reasons": dict(self.held_reasons), "conflicts": self.conflicts,
            "by_entity": dict(self.by_entity),
        }
