"""What the command line prints: text from data made harmless, and a reader that goes away.

Names, remarks and sentences come from bundles other people made. Printed raw, an
ANSI escape could recolour or rewrite the terminal, and a bidi override (U+202E)
could show one fingerprint or file name as another. ``safe_text`` turns every
such character into a visible escape (``\\x1b``, ``\\u202e``), as do lone
surrogates (bytes that were never text), which a UTF-8 stream cannot write.

``say`` is the one way the commands print. A reader that went away (``kplan ... |
head``) raises ``ReaderGone`` rather than a bare ``BrokenPipeError``, so ``main``
can tell a closed pipe from any other broken socket (a keyring's, say). Commands print
only once their job is done (committed), so a closed pipe never means a job half done.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, NoReturn, TextIO

#: C0 controls but tab and newline, DEL, C1 controls, the bidi embeddings, overrides and
#: isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same and newline, tab and Unicode's line and paragraph separators: inside one line.
_UNSAFE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same characters as _UNSAFE but those JSON already escapes (C0): inside a JSON string
#: they become \\uXXXX escapes, which read back as the very same characters.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str, *, one_line: bool = False) -> str:
    """``text`` with control, bidi and surrogate characters as visible escapes.

    ``one_line`` escapes newlines and tabs too: for a field printed inside a line (a name,
    a code), where a newline would forge a line of output. Applying it twice changes nothing.
    """
    return (_UNSAFE_LINE if one_line else _UNSAFE).sub(_escape, text)


def has_broken_character(text: str) -> bool:
    """A lone surrogate: an argument whose bytes were not text in the locale's encoding."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


class ReaderGone(Exception):
    """The reader of our output closed it (``kplan ... | head``).

    ``code`` is the exit code the finished job had decided on (see ``telling``).
    """

    code = 0


@contextlib.contextmanager
def telling(code: int) -> Iterator[None]:
    """Printing the outcome of a job that ends with ``code``: the code stands if the reader
    goes away meanwhile (a refused bundle among several still exits 1)."""
    try:
        yield
    except ReaderGone as gone:
        gone.code = code
        raise


def say(text: str = "", *, err: bool = False) -> None:
    """Print one message (made safe) to stdout, or to stderr with ``err``."""
    _write(sys.stderr if err else sys.stdout, safe_text(text) + "\n")


def say_json(obj: Any) -> None:
    """``obj`` as JSON that reads back exactly, with nothing a terminal would act on."""
    stream = sys.stdout
    # Raw UTF-8 where the stream carries it (readable Lithuanian), ASCII escapes elsewhere.
    text = json.dumps(obj, ensure_ascii=not is_utf8(stream), indent=2)
    _write(stream, _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def finish() -> None:
    """Flush stdout now, while a closed pipe can still be told apart (not at exit)."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        _reader_gone_or_raise(exc)


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
        if stream is sys.stderr:
            stream.flush()
    except OSError as exc:
        _reader_gone_or_raise(exc)


def _reader_gone_or_raise(exc: OSError) -> NoReturn:
    # Windows reports a pipe closed by its reader as EINVAL, not EPIPE.
    if isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL):
        raise ReaderGone from None
    raise exc


def is_utf8(stream: TextIO) -> bool:
    try:
        return codecs.lookup(stream.encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


def drop_stdout() -> None:
    """After the reader went away: point stdout at devnull, so that the interpreter's last
    flush does not fail again (the recipe of Python's documentation on SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # no real stdout to point anywhere (an embedded interpreter, a test's StringIO)
