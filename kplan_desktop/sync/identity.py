"""Making a copy's identity: its device id, its person and its signing key."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core.errors import InvalidInput
from ..core.ids import uuid7
from ..store import actions
from ..store.workspace import Workspace
from . import bundle as bundle_io
from . import importer, trust
from .bundle import BundleError
from .importer import ImportReport
from .keys import KeyStore, demo_key, fingerprint, public_bytes, public_text


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


def join_plan(
    path: str | os.PathLike[str],
    bundle_path: Path,
    *,
    full_name: str,
    email: str,
    keystore: KeyStore,
    organisation: str = "",
) -> tuple[Workspace, ImportReport]:
    """A new copy of a plan from a secretary's full bundle, with a new identity.

    The bundle's signer is trusted (the person joining chose this file; its
    fingerprint is shown to them). If the roster already holds a person with
    this e-mail and no key yet (the secretary added the member before), this
    copy becomes that person, with the memberships and roles given there;
    otherwise a new person is made, who can read the plan and may write
    remarks once a secretary adds them to a group. Either way this copy's key
    is written on its person, and the secretary's next import introduces it.
    """
    if not full_name.strip():
        raise InvalidInput("Your name is needed: it stands under every remark you write.")
    parsed = bundle_io.read_file(Path(bundle_path))
    if not parsed.manifest.full:
        raise BundleError(
            "{name} carries only recent changes; joining a plan needs a full bundle"
            " (exported with --full).", name=Path(bundle_path).name,
        )
    key = Ed25519PrivateKey.generate()
    device_id = uuid7()
    fp = fingerprint(public_bytes(key))
    ws = Workspace.create(path)
    try:
        keystore.save(device_id, key)
        with ws.raw_transaction() as conn:
            person_id = uuid7()
            conn.execute(
                "INSERT INTO local_identity (singleton, plan_id, device_id, person_id,"
                " fingerprint, public_key) VALUES (1, ?, ?, ?, ?, ?)",
                (parsed.manifest.plan_id, device_id, person_id, fp, public_text(key)),
            )
            conn.execute(
                "INSERT INTO device_key (device_id, public_key, person_id) VALUES (?, ?, ?)",
                (device_id, public_text(key), person_id),
            )
            trust.trust_fingerprint(
                conn, parsed.signer_fingerprint, public_key=parsed.manifest.exporter_key,
                person_id=parsed.manifest.exporter_person, via="joined from bundle",
            )
        report = importer.import_bundle(ws, parsed, file_name=Path(bundle_path).name)
        row = ws.conn.execute(
            "SELECT id FROM person WHERE lower(email) = lower(?) AND public_key = ''"
            " ORDER BY id LIMIT 1", (email.strip(),)
        ).fetchone() if email.strip() else None
        with ws.raw_transaction() as conn:
            if row is not None:
                conn.execute("UPDATE local_identity SET person_id = ?", (row[0],))
                conn.execute("UPDATE device_key SET person_id = ? WHERE device_id = ?",
                             (row[0], device_id))
        ws._identity = None
        fields = {
            "full_name": full_name.strip(), "email": email.strip(),
            "public_key": public_text(key), "fingerprint": fp,
        }
        if row is None:
            fields["organisation"] = organisation
            fields.update(actions.gender_field(full_name, None))
        with ws.write() as w:
            w.put("person", ws.identity.person_id, fields)
    except BaseException:
        ws.close()
        remove_workspace_files(Path(path))
        raise
    return ws, report


def signing_key(ws: Workspace, keystore: KeyStore) -> Ed25519PrivateKey:
    """This copy's private key: from the keystore, or re-derived for a demo copy."""
    if ws.identity.is_demo:
        row = ws.conn.execute("SELECT value FROM meta WHERE key = 'demo_seed'").fetchone()
        if row is not None:
            return demo_key(int(row[0]))
    return keystore.load(ws.identity.device_id)
