"""Making a copy's identity: its device id, its person and its signing key."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core.ids import uuid7
from ..store import actions
from ..store.workspace import Workspace
from .keys import KeyStore, fingerprint, public_bytes, public_text


def new_plan(
    path: str | os.PathLike[str],
    *,
    title: str,
    full_name: str,
    email: str,
    keystore: KeyStore,
    period: str = "",
    organisation: str = "",
) -> Workspace:
    """A new workspace whose creator is the coordination group's secretary.

    The key is saved before the file is finished; if anything fails, the half
    made file is removed, so a failed ``kplan init`` leaves nothing behind.
    """
    key = Ed25519PrivateKey.generate()
    device_id = uuid7()
    ws = Workspace.create(path)
    try:
        keystore.save(device_id, key)
        actions.init_plan(
            ws,
            plan_id=uuid7(),
            device_id=device_id,
            person_id=uuid7(),
            title=title,
            full_name=full_name,
            email=email,
            period=period,
            organisation=organisation,
            public_key=public_text(key),
            fingerprint=fingerprint(public_bytes(key)),
        )
    except BaseException:
        ws.close()
        remove_workspace_files(Path(path))
        raise
    return ws


def remove_workspace_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()
