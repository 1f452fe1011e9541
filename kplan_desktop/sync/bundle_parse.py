"""Checking what a bundle says, trusting none of it: the refusals, the declared counts against
the caps, the manifest and its feed heads, each event line, each feed's chain and signed head.

Used by :mod:`.bundle`, which reads the file and unpacks the body.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..store import events
from .bundle_format import FORMAT_VERSION, BundleError, FeedHead, Limits, Manifest, head_payload


def refuse(template: str, **args: Any) -> BundleError:
    return BundleError(template, **args)


NOT_A_BUNDLE = "{name} is not a KPlan bundle."
DAMAGED = "{name} is damaged or was altered after it was signed; ask for it again."
TOO_LARGE = "{name} is larger than any bundle KPlan accepts ({mb} MB)."
_BODY_TOO_LARGE = (
    "{name} unpacks to {mb} MB, more than KPlan accepts in one bundle ({cap} MB); it is refused."
)
INFLATES_PAST = "{name} unpacks to more than it declares; it is refused."
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
LINE_TOO_LONG = "{name} holds a change larger than KPlan accepts ({kb} KB); it is refused."

MB = 1024 * 1024


def check_caps(m: Manifest, name: str, limits: Limits) -> None:
    """What the manifest declares, against the caps: before a byte is unpacked."""
    if m.event_count > limits.events:
        raise refuse(_TOO_MANY_EVENTS, name=name, count=m.event_count, cap=limits.events)
    if m.body_size > limits.body_bytes:
        raise refuse(_BODY_TOO_LARGE, name=name, mb=m.body_size // MB,
                      cap=limits.body_bytes // MB)
    if m.body_size > limits.ratio * max(1, m.body_length):
        raise refuse(_RATIO, name=name, ratio=m.body_size // max(1, m.body_length),
                      cap=limits.ratio)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _str(obj: Mapping[str, Any], key: str, name: str, *, max_len: int = 200) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or len(value) > max_len:
        raise refuse(DAMAGED, name=name)
    return value


def _int(obj: Mapping[str, Any], key: str, name: str, *, low: int = 0) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 2**62:
        raise refuse(DAMAGED, name=name)
    return value


def _load_json(raw: bytes, name: str) -> Any:
    # orjson: a third of the time of json.loads per event line, and stricter (no NaN, no
    # lone surrogates: what our own writer never makes is refused as damaged).
    try:
        return orjson.loads(raw)
    except (ValueError, RecursionError):
        raise refuse(DAMAGED, name=name) from None


def parse_manifest(raw: bytes, raw_key: bytes, name: str, limits: Limits) -> Manifest:
    # A real manifest has about 9 values per device and a few dozen more; counting commas
    # (a microsecond per KB) keeps a stranger's manifest of a million empty values from
    # being parsed at all (json.loads: a second and 50 MB per 2 MB of them).
    if raw.count(b",") > 10 * limits.feeds + 2000:
        raise refuse(_TOO_MANY_VALUES, name=name, cap=limits.feeds)
    obj = _load_json(raw, name)
    if not isinstance(obj, dict) or obj.get("format") != FORMAT_VERSION:
        raise refuse(DAMAGED, name=name)
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
        raise refuse(DAMAGED, name=name)
    if len(feeds_raw) > limits.feeds or len(have_raw) > limits.feeds:
        count = max(len(feeds_raw), len(have_raw))
        raise refuse(_TOO_MANY_FEEDS, name=name, count=count, cap=limits.feeds)
    key_text = _str(exporter, "key", name)
    if key_text != base64.b64encode(raw_key).decode():
        raise refuse(DAMAGED, name=name)
    feeds = tuple(_parse_head(item, name) for item in feeds_raw)
    if len({h.device for h in feeds}) != len(feeds):
        raise refuse(DAMAGED, name=name)
    have: dict[str, int] = {}
    for device, seq in have_raw.items():
        if not _is_int(seq) or seq < 0 or len(device) > 200:
            raise refuse(DAMAGED, name=name)
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
        raise refuse(DAMAGED, name=name)
    return manifest


def _parse_head(item: Any, name: str) -> FeedHead:
    if not isinstance(item, dict):
        raise refuse(DAMAGED, name=name)
    prev = item.get("prev")
    if prev is not None and not isinstance(prev, str):
        raise refuse(DAMAGED, name=name)
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
        raise refuse(DAMAGED, name=name)
    return head


#: Strings up to this length are shared between events (see Shared): ids, dates, states.
_SHARED_MAX = 40


class Shared:
    """One string object per distinct short string or field name, for one read.

    A JSON parser makes new strings for every value of every line, so 50,000
    remarks held 50,000 copies of "section_id" and of each group, section and author id:
    about a third of the parsed events' memory. Sharing them costs a dict lookup each.
    """

    def __init__(self) -> None:
        self.strings: dict[str, str] = {
            name: name for e in events.ENTITIES.values() for name in e.fields
        }
        self.strings.update((name, name) for name in events.ENTITIES)

    def fields(self, raw: dict[str, Any]) -> dict[str, Any]:
        # orjson already shares the keys (its key cache); the short values are shared here.
        # A new dict, not the parser's: orjson's dicts are made with room to spare (632
        # bytes against 464 for a remark's 17 fields, times 50,000).
        shared = self.strings.setdefault
        return {k: shared(v, v) if type(v) is str and len(v) <= _SHARED_MAX else v
                for k, v in raw.items()}


def parse_event(
    line: bytes, plan_id: str, name: str, shared: Shared, prev_id: str | None
) -> events.Event:
    """An event from its bytes exactly as received; its id is their hash.

    ``prev_id`` is the id of the event before it in the feed, whose string object the
    event's ``prev`` shares when they are equal (the chain check compares them anyway).
    """
    obj = _load_json(line, name)
    if not isinstance(obj, dict) or obj.get("v") != events.FORMAT:
        raise refuse(DAMAGED, name=name)
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
        raise refuse(DAMAGED, name=name)
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


def check_feed(head: FeedHead, feed: list[events.Event], plan_id: str, name: str) -> None:
    """The feed's events chain from its ``prev`` to its signed head, in order."""
    prev, seq, hlc = head.prev, head.first_seq, -1
    for event in feed:
        if event.device != head.device or event.seq != seq or event.prev != prev or (
            event.hlc <= hlc
        ):
            raise refuse(DAMAGED, name=name)
        prev, seq, hlc = event.id, seq + 1, event.hlc
    if prev != head.head:
        raise refuse(DAMAGED, name=name)
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(head.public_key, validate=True))
        key.verify(
            base64.b64decode(head.signature, validate=True),
            head_payload(plan_id, head.device, head.person, head.last_seq, head.head),
        )
    except (binascii.Error, ValueError, InvalidSignature):
        raise refuse(
            "{name} carries changes whose signature does not match; it is refused.", name=name
        ) from None
