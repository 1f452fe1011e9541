"""The bundle file: one signed file of events, read without trusting a byte of it.

Layout (DESIGN.md, "Bundles and merging")::

    KPLAN-BUNDLE 1 <exporter public key, base64>\\n     the magic line
    {manifest JSON}\\n                                  one line
    <gzip body>                                        event lines, canonical bytes
    <64 bytes>                                         exporter's Ed25519 signature

The signature covers every byte before it, so any flipped, added or removed
byte is caught before anything else is looked at. The exporter's key stands in
the magic line so the signature can be checked before the manifest is parsed.
Each feed (one device's events) ends at a head (plan, device, person, seq,
hash) signed by that device's own key, so relayed events stay their author's
with one signature check per feed, not per event.

Reading is in two phases, so that a stranger's file costs nothing to refuse::

    signed = open_bundle(path_or_bytes, plan_id=..., limits=...)   # phase one
    # judge signed.signer_key / signed.signer_fingerprint / signed.manifest here:
    # an unknown or revoked signer is refused before a byte is unpacked
    bundle = signed.read(progress)                                  # phase two, once

Phase one (:func:`open_bundle`) reads only a regular file, never more than
``limits.file_bytes``; checks the magic line and the whole-file signature;
parses the manifest; checks the plan, the declared counts and sizes against the
caps (events, devices, unpacked size, ratio of unpacked to packed size) and the
body's length and hash. Phase two (:meth:`SignedBundle.read`) unpacks the body a
piece at a time under a cap on its real size (never beyond what it declared)
and on each line's length, parses each line as it comes (its id the hash of its
bytes as received), and checks each feed's chain and signed head. Every refusal
is a BundleError with one sentence. :func:`read_file` and :func:`read_bytes` do
both phases in one call, for callers that judge trust afterwards.

Here: writing, and reading (the file, its signature, the unpacking). The format's
names are in :mod:`.bundle_format` and re-exported here; the checks of what the
manifest and the event lines say are in :mod:`.bundle_parse`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..core.files import FileReadError, FileTooLarge, read_regular_file
from ..store import events
from .bundle_format import (
    DEFAULT_LIMITS,
    FORMAT_VERSION,
    MAGIC,
    SIGNATURE_BYTES,
    SUFFIX,
    Bundle,
    BundleError,
    FeedHead,
    Limits,
    Manifest,
    Progress,
    head_payload,
    sign_head,
)
from .bundle_parse import DAMAGED as _DAMAGED
from .bundle_parse import INFLATES_PAST as _INFLATES_PAST
from .bundle_parse import LINE_TOO_LONG as _LINE_TOO_LONG
from .bundle_parse import MB as _MB
from .bundle_parse import NOT_A_BUNDLE as _NOT_A_BUNDLE
from .bundle_parse import TOO_LARGE as _TOO_LARGE
from .bundle_parse import Shared as _Shared
from .bundle_parse import check_caps as _check_caps
from .bundle_parse import check_feed as _check_feed
from .bundle_parse import parse_event as _parse_event
from .bundle_parse import parse_manifest as _parse_manifest
from .bundle_parse import refuse as _refuse
from .keys import public_text

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "MAGIC",
    "SIGNATURE_BYTES",
    "SUFFIX",
    "Bundle",
    "BundleError",
    "FeedHead",
    "Limits",
    "Manifest",
    "Progress",
    "SignedBundle",
    "assemble",
    "encode_bundle",
    "head_payload",
    "open_bundle",
    "read_bytes",
    "read_file",
    "sign_head",
    "signer_key",
]

_KEY_TEXT_BYTES = 44  # base64 of 32 bytes
_ZIP_MAGIC = b"PK\x03\x04"


# --- writing -------------------------------------------------------------------------------------


def encode_bundle(
    *,
    key: Ed25519PrivateKey,
    bundle_id: str,
    plan_id: str,
    exporter_device: str,
    exporter_person: str,
    exporter_name: str,
    created: str,
    feeds: Sequence[tuple[FeedHead, Sequence[bytes]]],
    have: Mapping[str, int],
    full: bool,
    progress: Progress | None = None,
) -> bytes:
    """The bytes of a bundle; event bodies go in exactly as given."""
    total = sum(len(bodies) for _, bodies in feeds)
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip stream
    chunks: list[bytes] = []
    size = done = 0
    for _, bodies in feeds:
        for body in bodies:
            chunks.append(compressor.compress(body + b"\n"))
            size += len(body) + 1
            done += 1
            if progress and done % 2000 == 0:
                progress(done, total)
    chunks.append(compressor.flush())
    body = b"".join(chunks)
    manifest = {
        "format": FORMAT_VERSION,
        "bundle": bundle_id,
        "plan": plan_id,
        "exporter": {
            "device": exporter_device, "person": exporter_person, "key": public_text(key),
            "name": exporter_name,
        },
        "created": created,
        "full": full,
        "counts": {"events": total, "feeds": len(feeds)},
        "feeds": [head.as_json() for head, _ in feeds],
        "have": dict(have),
        "body": {"length": len(body), "sha256": hashlib.sha256(body).hexdigest(), "size": size},
    }
    if progress:
        progress(total, total)
    return assemble(key, events.canonical(manifest), body)


def assemble(
    key: Ed25519PrivateKey, manifest: bytes, body: bytes, *, version: int = FORMAT_VERSION
) -> bytes:
    """Magic line, manifest line and body, signed whole with ``key``."""
    unsigned = b"".join(
        [MAGIC, str(version).encode(), b" ", public_text(key).encode(), b"\n", manifest, b"\n",
         body]
    )
    return unsigned + key.sign(unsigned)


# --- reading -------------------------------------------------------------------------------------


#: Compressed input per decompress call, and decompressed output at most per call: what
#: the reader holds of the body at any moment (plus one partial line).
_IN_STEP = 1 << 16
_OUT_STEP = 1 << 18


@dataclass(frozen=True, eq=False)
class SignedBundle:
    """A bundle whose signature holds and whose manifest is parsed; its body not yet unpacked.

    Made by :func:`open_bundle`. Judge ``signer_key`` / ``manifest`` first, then call
    :meth:`read` for the events.
    """

    name: str
    manifest: Manifest
    signer_key: bytes  # the exporter's raw 32-byte Ed25519 key, from the signed magic line
    file_bytes: int
    limits: Limits
    body: memoryview  # the gzip body, a view into the file's bytes (no copy)

    @property
    def signer_fingerprint(self) -> str:
        return self.manifest.exporter_fingerprint

    def read(self, progress: Progress | None = None) -> Bundle:
        """Unpack and check the events: hashes, chains and each feed's signed head.

        The body is inflated a piece at a time and parsed line by line, so what is held
        is the events parsed so far plus one piece; every cap holds while unpacking.
        Once only: it lets go of the file's bytes as it ends, so that an import does not
        hold them beside the events.
        """
        try:
            len(self.body)
        except ValueError:
            raise RuntimeError("SignedBundle.read() was called twice") from None
        try:
            return self._read(progress)
        finally:
            self.body.release()

    def _read(self, progress: Progress | None) -> Bundle:
        m, name = self.manifest, self.name
        bundle = Bundle(manifest=m, file_bytes=self.file_bytes)
        heads = iter(m.feeds)
        head: FeedHead | None = None
        feed: list[events.Event] = []
        need = done = 0
        shared = _Shared()
        prev_id: str | None = None
        for line in _lines(self.body, m.body_size, name, self.limits):
            if done == m.event_count:
                raise _refuse(_DAMAGED, name=name)  # more lines than the manifest counts
            while need == 0:  # (feeds hold at least one event: last_seq >= first_seq)
                head = next(heads)
                need = head.last_seq - head.first_seq + 1
            event = _parse_event(line, m.plan_id, name, shared, prev_id)
            prev_id = event.id
            feed.append(event)
            need -= 1
            done += 1
            if need == 0:
                assert head is not None
                _check_feed(head, feed, m.plan_id, name)
                bundle.feeds.append((head, feed))
                feed = []
            if progress and done % 2000 == 0:
                progress(done, m.event_count)
        if done != m.event_count:
            raise _refuse(_DAMAGED, name=name)
        if progress:
            progress(done, m.event_count)
        return bundle


def open_bundle(
    source: Path | str | bytes,
    *,
    name: str | None = None,
    plan_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> SignedBundle:
    """Phase one of reading: everything that needs no unpacking.

    ``source`` is a path (read only if it is a regular file, within ``limits.file_bytes``)
    or the file's bytes. Checks the size caps, the magic line, the whole-file signature,
    the manifest, ``plan_id`` when given, the declared counts and sizes against
    ``limits``, and the body's length and hash. Raises BundleError, else returns a
    :class:`SignedBundle` whose ``read()`` unpacks the events.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            data = read_regular_file(path, limits.file_bytes, name)
        except FileTooLarge:
            raise _refuse(_TOO_LARGE, name=name, mb=limits.file_bytes // _MB) from None
        except FileReadError as exc:
            raise _refuse(exc.template, **exc.args_map) from None
    else:
        data = bytes(source)  # (no copy for bytes)
        name = name or "The file"
    raw_key = signer_key(data, name=name, limits=limits)
    header_end = data.index(b"\n") + 1
    manifest_end = data.find(b"\n", header_end, header_end + limits.manifest_bytes)
    if manifest_end < 0:
        raise _refuse(_DAMAGED, name=name)
    manifest = _parse_manifest(data[header_end:manifest_end], raw_key, name, limits)
    if plan_id is not None and manifest.plan_id != plan_id:
        raise _refuse("{name} belongs to another plan, not to this workspace's.", name=name)
    _check_caps(manifest, name, limits)
    body = memoryview(data)[manifest_end + 1 : len(data) - SIGNATURE_BYTES]
    if len(body) != manifest.body_length or (
        hashlib.sha256(body).hexdigest() != manifest.body_sha256
    ):
        raise _refuse(_DAMAGED, name=name)
    return SignedBundle(
        name=name, manifest=manifest, signer_key=raw_key, file_bytes=len(data), limits=limits,
        body=body,
    )


def read_file(
    path: Path, *, plan_id: str | None = None, limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Bundle:
    """Open, check and read a bundle file in one call (see :func:`open_bundle`)."""
    return open_bundle(path, plan_id=plan_id, limits=limits).read(progress)


def read_bytes(
    data: bytes,
    *,
    name: str = "The file",
    plan_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Bundle:
    """Check a bundle completely and return its events; raise BundleError otherwise.

    ``plan_id``, when given, must be the bundle's plan. Trust in the signer is
    not judged here (the importer does that); integrity and signatures are.
    """
    return open_bundle(data, name=name, plan_id=plan_id, limits=limits).read(progress)


def signer_key(data: bytes, *, name: str = "The file", limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The exporter's raw public key, after the magic line and whole-file signature hold."""
    if len(data) > limits.file_bytes:
        raise _refuse(_TOO_LARGE, name=name, mb=limits.file_bytes // _MB)
    if data.startswith(_ZIP_MAGIC):
        raise _refuse("{name} is a ZIP archive, not a KPlan bundle.", name=name)
    if not data.startswith(MAGIC):
        raise _refuse(_NOT_A_BUNDLE, name=name)
    space = data.find(b" ", len(MAGIC), len(MAGIC) + 12)
    version_text = data[len(MAGIC) : space] if space > 0 else b""
    if not version_text.isdigit() or not version_text.isascii():
        raise _refuse(_NOT_A_BUNDLE, name=name)
    version = int(version_text)
    if version > FORMAT_VERSION:
        raise _refuse(
            "{name} was made by a newer version of KPlan (bundle format {version});"
            " update KPlan to import it.", name=name, version=version,
        )
    if version != FORMAT_VERSION:
        raise _refuse(_NOT_A_BUNDLE, name=name)
    key_start = space + 1
    key_end = key_start + _KEY_TEXT_BYTES
    if data[key_end : key_end + 1] != b"\n":
        raise _refuse(_DAMAGED, name=name)
    try:
        raw_key = base64.b64decode(data[key_start:key_end], validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw_key)
    except (binascii.Error, ValueError):
        raise _refuse(_DAMAGED, name=name) from None
    if len(data) < key_end + 1 + 2 + SIGNATURE_BYTES:
        raise _refuse(_DAMAGED, name=name)
    view = memoryview(data)  # slices of a view are not copies (a file of hundreds of MB)
    try:
        public.verify(view[-SIGNATURE_BYTES:], view[:-SIGNATURE_BYTES])
    except InvalidSignature:
        raise _refuse(_DAMAGED, name=name) from None
    return raw_key


def _lines(body: memoryview, declared: int, name: str, limits: Limits) -> Iterator[bytes]:
    """The event lines of a gzip body, unpacked a piece at a time.

    Never more than ``declared`` real bytes (checked as they come, so a gzip bomb stops
    at the cap), never a line over ``limits.line_bytes`` (checked before it is whole).
    """
    inflater = zlib.decompressobj(31)  # 31: a gzip stream
    produced = 0
    partial: list[bytes] = []  # the pieces of a line not yet ended
    partial_len = 0
    cap = limits.line_bytes
    kb = cap // 1024
    try:
        for start in range(0, max(1, len(body)), _IN_STEP):
            pending: bytes | memoryview = body[start : start + _IN_STEP]
            while True:
                if inflater.eof:
                    if pending or start + _IN_STEP < len(body) or inflater.unused_data:
                        raise _refuse(_DAMAGED, name=name)  # bytes after the gzip stream
                    break
                chunk = inflater.decompress(pending, _OUT_STEP)
                pending = inflater.unconsumed_tail
                if not chunk:
                    break  # (an output short of the step: zlib holds nothing more, nor a tail)
                produced += len(chunk)
                if produced > declared:
                    raise _refuse(_INFLATES_PAST, name=name)
                at = 0
                while True:
                    end = chunk.find(b"\n", at)
                    if end < 0:
                        partial_len += len(chunk) - at
                        if partial_len > cap:
                            raise _refuse(_LINE_TOO_LONG, name=name, kb=kb)
                        if at < len(chunk):
                            partial.append(chunk[at:])
                        break
                    if partial:
                        partial.append(chunk[at:end])
                        line = b"".join(partial)
                        partial, partial_len = [], 0
                    else:
                        line = chunk[at:end]
                    if len(line) > cap:
                        raise _refuse(_LINE_TOO_LONG, name=name, kb=kb)
                    if not line:
                        raise _refuse(_DAMAGED, name=name)
                    yield line
                    at = end + 1
    except zlib.error:
        raise _refuse(_DAMAGED, name=name) from None
    if not inflater.eof or partial or produced != declared:
        raise _refuse(_DAMAGED, name=name)
