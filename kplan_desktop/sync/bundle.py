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
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..core.errors import KPlanError
from ..core.files import FileReadError, FileTooLarge, read_regular_file
from ..store import events
from .keys import fingerprint, public_text

FORMAT_VERSION = 1
SUFFIX = ".kplanbundle"
MAGIC = b"KPLAN-BUNDLE "
_HEAD_DOMAIN = b"KPLAN-HEAD 1\n"
SIGNATURE_BYTES = 64
_KEY_TEXT_BYTES = 44  # base64 of 32 bytes
_ZIP_MAGIC = b"PK\x03\x04"

Progress = Callable[[int, int], object]


class BundleError(KPlanError):
    """A bundle that is refused as a whole."""


@dataclass(frozen=True)
class Limits:
    """Caps that hold whatever the file says; lowered in tests."""

    file_bytes: int = 512 * 1024 * 1024
    manifest_bytes: int = 16 * 1024 * 1024
    #: Real (unpacked) bytes of the body, as declared and as unpacked.
    body_bytes: int = 2 * 1024 * 1024 * 1024
    line_bytes: int = 4 * 1024 * 1024  # one event; so also any one field of it
    #: Devices (feeds, and entries of "have") per bundle: a plan has hundreds.
    feeds: int = 10_000
    events: int = 2_000_000
    #: Unpacked bytes per packed byte. Event lines carry hashes and ids that do not
    #: compress (50,000 near-identical remarks: 13); gzip reaches about 1000 on a bomb.
    ratio: int = 100


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class FeedHead:
    """One feed's segment in a bundle, ending at a head its device signed."""

    device: str
    person: str
    public_key: str  # base64 of the raw 32-byte Ed25519 key
    first_seq: int
    last_seq: int
    prev: str | None  # the id of the event before first_seq (None from seq 1)
    head: str  # the id of the last event
    signature: str  # base64 Ed25519 signature of head_payload(...)

    def as_json(self) -> dict[str, Any]:
        return {
            "device": self.device, "person": self.person, "key": self.public_key,
            "first": self.first_seq, "last": self.last_seq, "prev": self.prev,
            "head": self.head, "sig": self.signature,
        }


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    plan_id: str
    exporter_device: str
    exporter_person: str
    exporter_key: str
    exporter_name: str
    created: str
    event_count: int
    feeds: tuple[FeedHead, ...]
    have: Mapping[str, int]
    body_length: int
    body_sha256: str
    body_size: int
    full: bool

    @property
    def exporter_fingerprint(self) -> str:
        return fingerprint(base64.b64decode(self.exporter_key))


@dataclass
class Bundle:
    """A bundle as read: every check passed. ``feeds`` pairs each head with its events."""

    manifest: Manifest
    feeds: list[tuple[FeedHead, list[events.Event]]] = field(default_factory=list)
    file_bytes: int = 0

    @property
    def signer_fingerprint(self) -> str:
        return self.manifest.exporter_fingerprint


def head_payload(plan: str, device: str, person: str, seq: int, head: str) -> bytes:
    """The bytes a device signs for its feed's head."""
    return _HEAD_DOMAIN + events.canonical(
        {"plan": plan, "device": device, "person": person, "seq": seq, "head": head}
    )


def sign_head(
    key: Ed25519PrivateKey, *, plan: str, device: str, person: str, seq: int, head: str
) -> str:
    return base64.b64encode(key.sign(head_payload(plan, device, person, seq, head))).decode()


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


def _refuse(template: str, **args: Any) -> BundleError:
    return BundleError(template, **args)


_NOT_A_BUNDLE = "{name} is not a KPlan bundle."
_DAMAGED = "{name} is damaged or was altered after it was signed; ask for it again."
_TOO_LARGE = "{name} is larger than any bundle KPlan accepts ({mb} MB)."
_BODY_TOO_LARGE = (
    "{name} unpacks to {mb} MB, more than KPlan accepts in one bundle ({cap} MB); it is refused."
)
_INFLATES_PAST = "{name} unpacks to more than it declares; it is refused."
_RATIO = (
    "{name} unpacks to {ratio} times its packed size, more than any real bundle"
    " (at most {cap}); it is refused."
)
_TOO_MANY_EVENTS = (
    "{name} holds {count} changes, more than KPlan accepts in one bundle ({cap}); it is refused."
)
_TOO_MANY_FEEDS = (
    "{name} holds changes of {count} devices, more than KPlan accepts in one bundle ({cap});"
    " it is refused."
)
_TOO_MANY_VALUES = (
    "{name} describes more than {cap} devices' changes, more than KPlan accepts in one bundle;"
    " it is refused."
)
_LINE_TOO_LONG = "{name} holds a change larger than KPlan accepts ({kb} KB); it is refused."

#: Compressed input per decompress call, and decompressed output at most per call: what
#: the reader holds of the body at any moment (plus one partial line).
_IN_STEP = 1 << 16
_OUT_STEP = 1 << 18
_MB = 1024 * 1024


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


def _check_caps(m: Manifest, name: str, limits: Limits) -> None:
    """What the manifest declares, against the caps: before a byte is unpacked."""
    if m.event_count > limits.events:
        raise _refuse(_TOO_MANY_EVENTS, name=name, count=m.event_count, cap=limits.events)
    if m.body_size > limits.body_bytes:
        raise _refuse(_BODY_TOO_LARGE, name=name, mb=m.body_size // _MB,
                      cap=limits.body_bytes // _MB)
    if m.body_size > limits.ratio * max(1, m.body_length):
        raise _refuse(_RATIO, name=name, ratio=m.body_size // max(1, m.body_length),
                      cap=limits.ratio)


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


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _str(obj: Mapping[str, Any], key: str, name: str, *, max_len: int = 200) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or len(value) > max_len:
        raise _refuse(_DAMAGED, name=name)
    return value


def _int(obj: Mapping[str, Any], key: str, name: str, *, low: int = 0) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 2**62:
        raise _refuse(_DAMAGED, name=name)
    return value


def _load_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise _refuse(_DAMAGED, name=name) from None


def _parse_manifest(raw: bytes, raw_key: bytes, name: str, limits: Limits) -> Manifest:
    # A real manifest has about 9 values per device and a few dozen more; counting commas
    # (a microsecond per KB) keeps a stranger's manifest of a million empty values from
    # being parsed at all (json.loads: a second and 50 MB per 2 MB of them).
    if raw.count(b",") > 10 * limits.feeds + 2000:
        raise _refuse(_TOO_MANY_VALUES, name=name, cap=limits.feeds)
    obj = _load_json(raw, name)
    if not isinstance(obj, dict) or obj.get("format") != FORMAT_VERSION:
        raise _refuse(_DAMAGED, name=name)
    exporter = obj.get("exporter")
    counts = obj.get("counts")
    body = obj.get("body")
    feeds_raw = obj.get("feeds")
    have_raw = obj.get("have")
    if not (
        isinstance(exporter, dict) and isinstance(counts, dict) and isinstance(body, dict)
        and isinstance(feeds_raw, list) and isinstance(have_raw, dict)
        and isinstance(obj.get("full"), bool)
    ):
        raise _refuse(_DAMAGED, name=name)
    if len(feeds_raw) > limits.feeds or len(have_raw) > limits.feeds:
        count = max(len(feeds_raw), len(have_raw))
        raise _refuse(_TOO_MANY_FEEDS, name=name, count=count, cap=limits.feeds)
    key_text = _str(exporter, "key", name)
    if key_text != base64.b64encode(raw_key).decode():
        raise _refuse(_DAMAGED, name=name)
    feeds = tuple(_parse_head(item, name) for item in feeds_raw)
    if len({h.device for h in feeds}) != len(feeds):
        raise _refuse(_DAMAGED, name=name)
    have: dict[str, int] = {}
    for device, seq in have_raw.items():
        if not _is_int(seq) or seq < 0 or len(device) > 200:
            raise _refuse(_DAMAGED, name=name)
        have[device] = seq
    manifest = Manifest(
        bundle_id=_str(obj, "bundle", name),
        plan_id=_str(obj, "plan", name),
        exporter_device=_str(exporter, "device", name),
        exporter_person=_str(exporter, "person", name),
        exporter_key=key_text,
        exporter_name=_str(exporter, "name", name, max_len=1000),
        created=_str(obj, "created", name),
        event_count=_int(counts, "events", name),
        feeds=feeds,
        have=have,
        body_length=_int(body, "length", name),
        body_sha256=_str(body, "sha256", name),
        body_size=_int(body, "size", name),
        full=bool(obj["full"]),
    )
    if _int(counts, "feeds", name) != len(feeds) or manifest.event_count != sum(
        h.last_seq - h.first_seq + 1 for h in feeds
    ):
        raise _refuse(_DAMAGED, name=name)
    return manifest


def _parse_head(item: Any, name: str) -> FeedHead:
    if not isinstance(item, dict):
        raise _refuse(_DAMAGED, name=name)
    prev = item.get("prev")
    if prev is not None and not isinstance(prev, str):
        raise _refuse(_DAMAGED, name=name)
    head = FeedHead(
        device=_str(item, "device", name),
        person=_str(item, "person", name),
        public_key=_str(item, "key", name),
        first_seq=_int(item, "first", name, low=1),
        last_seq=_int(item, "last", name, low=1),
        prev=prev,
        head=_str(item, "head", name),
        signature=_str(item, "sig", name),
    )
    if head.last_seq < head.first_seq or (head.first_seq == 1) != (head.prev is None):
        raise _refuse(_DAMAGED, name=name)
    return head


#: Strings up to this length are shared between events (see _Shared): ids, dates, states.
_SHARED_MAX = 40


class _Shared:
    """One string object per distinct short string or field name, for one read.

    json.loads makes new strings for every key and value of every line, so 50,000
    remarks held 50,000 copies of "section_id" and of each group, section and author id:
    about a third of the parsed events' memory. Sharing them costs a dict lookup each.
    """

    def __init__(self) -> None:
        self.strings: dict[str, str] = {
            name: name for e in events.ENTITIES.values() for name in e.fields
        }
        self.strings.update((name, name) for name in events.ENTITIES)

    def fields(self, raw: dict[str, Any]) -> dict[str, Any]:
        strings = self.strings
        shared = strings.setdefault
        return {
            shared(k, k): shared(v, v) if type(v) is str and len(v) <= _SHARED_MAX else v
            for k, v in raw.items()
        }


def _parse_event(
    line: bytes, plan_id: str, name: str, shared: _Shared, prev_id: str | None
) -> events.Event:
    """An event from its bytes exactly as received; its id is their hash.

    ``prev_id`` is the id of the event before it in the feed, whose string object the
    event's ``prev`` shares when they are equal (the chain check compares them anyway).
    """
    obj = _load_json(line, name)
    if not isinstance(obj, dict) or obj.get("v") != events.FORMAT:
        raise _refuse(_DAMAGED, name=name)
    entity = obj.get("entity")
    fields = obj.get("fields")
    prev = obj.get("prev")
    if (
        not isinstance(entity, str)
        or entity not in events.ENTITIES
        or not isinstance(fields, dict)
        or (prev is not None and not isinstance(prev, str))
        or obj.get("plan") != plan_id  # (JSON object keys are always strings)
    ):
        raise _refuse(_DAMAGED, name=name)
    strings = shared.strings
    device = _str(obj, "device", name)
    author = _str(obj, "author", name)
    return events.Event(
        id=hashlib.sha256(line).hexdigest(),
        plan=plan_id,
        device=strings.setdefault(device, device),
        seq=_int(obj, "seq", name, low=1),
        hlc=_int(obj, "hlc", name),
        author=strings.setdefault(author, author),
        entity=strings[entity],
        entity_id=_str(obj, "id", name),
        fields=shared.fields(fields),
        prev=prev_id if prev is not None and prev == prev_id else prev,
        body=line,
    )


def _check_feed(head: FeedHead, feed: list[events.Event], plan_id: str, name: str) -> None:
    """The feed's events chain from its ``prev`` to its signed head, in order."""
    prev, seq, hlc = head.prev, head.first_seq, -1
    for event in feed:
        if event.device != head.device or event.seq != seq or event.prev != prev or (
            event.hlc <= hlc
        ):
            raise _refuse(_DAMAGED, name=name)
        prev, seq, hlc = event.id, seq + 1, event.hlc
    if prev != head.head:
        raise _refuse(_DAMAGED, name=name)
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(head.public_key, validate=True))
        key.verify(
            base64.b64decode(head.signature, validate=True),
            head_payload(plan_id, head.device, head.person, head.last_seq, head.head),
        )
    except (binascii.Error, ValueError, InvalidSignature):
        raise _refuse(
            "{name} carries changes whose signature does not match; it is refused.", name=name
        ) from None
