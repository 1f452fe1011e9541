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
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any, NoReturn, TextIO

#: Characters a terminal acts on or that hide or reorder what is shown, besides the C0
#: controls: DEL and the C1 controls, the Arabic letter mark, the Mongolian vowel separator,
#: the zero-width spaces, joiners and direction marks, the bidi embeddings, overrides and
#: isolates, the invisible operators, the byte order mark, the interlinear annotations, the
#: tag characters, and lone surrogates.
_INVISIBLE = ("\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
              "\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff")
#: C0 controls but tab and newline, and the above.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_INVISIBLE}]")
#: The same and newline, tab and Unicode's line and paragraph separators: inside one line.
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\u2028\u2029{_INVISIBLE}]")
#: The same characters as _UNSAFE but those JSON already escapes (C0): inside a JSON string
#: they become \\uXXXX escapes, which read back as the very same characters.
_UNSAFE_IN_JSON = re.compile(f"[{_INVISIBLE}]")
#: The most of one value (a name, a code) shown inside a line: a name of a million letters
#: from a bundle would otherwise be a line no terminal shows.
FIELD_CHARS = 200
#: The most of one line of a report made of such values (an import's, a preview's).
LINE_CHARS = 1000


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON spells a character beyond the first plane as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def line(text: str) -> str:
    """One line of a report whose words come from data (an import's, a preview's): escaped
    as one line, and cut to LINE_CHARS characters."""
    return field(text, LINE_CHARS)


def field(value: object, limit: int = FIELD_CHARS) -> str:
    """A value from the data (a name, a code, a status) inside a line of output: escaped
    as by ``safe_text(one_line=True)``, and cut to ``limit`` characters."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return safe_text(text, one_line=True)


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


class OutputFailed(ReaderGone):
    """Our output could not be written, though someone is there to read it: a full disk
    (``> /dev/full``), a quota. ``reason`` says why; ``code`` is as for ReaderGone."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
    if stream is None:
        raise ReaderGone
    # Raw UTF-8 where the stream carries it (readable Lithuanian), ASCII escapes elsewhere.
    text = json.dumps(obj, ensure_ascii=not is_utf8(stream), indent=2)
    _write(stream, _UNSAFE_IN_JSON.sub(_json_escape, text) + "\n")


def finish() -> None:
    """Flush stdout now, while a closed pipe can still be told apart (not at exit)."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        _reader_gone_or_raise(exc)


def on_a_terminal() -> bool:
    """Is stderr a terminal, where progress lines are shown? (It may be closed: ``2>&-``.)"""
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (OSError, ValueError):
        return False


def show_progress(text: str) -> None:
    """A progress line on stderr; a terminal closed meanwhile does not stop the job."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(text)
        sys.stderr.flush()


def _write(stream: TextIO | None, text: str) -> None:
    if stream is None:
        # Closed before we started (`kplan ... >&-` or `2>&-`): Python has no stream for
        # it. No one to tell, as with a reader gone; the job's exit code still says it.
        raise ReaderGone
    try:
        stream.write(text)
        if stream is sys.stderr:
            stream.flush()
    except OSError as exc:
        _reader_gone_or_raise(exc)


def _reader_gone_or_raise(exc: OSError) -> NoReturn:
    # Windows reports a pipe closed by its reader as EINVAL, not EPIPE; a terminal that was
    # closed (its window, an ssh session) answers EIO.
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EIO or (
            os.name == "nt" and exc.errno == errno.EINVAL):
        raise ReaderGone from None
    raise OutputFailed(exc.strerror or str(exc)) from None


class Interrupts:
    """Ctrl+C, ``kill`` and a closed terminal (SIGINT, SIGTERM, SIGHUP) during a command.

    Until the job's change is committed, a signal stops the job (KeyboardInterrupt: the
    transaction is rolled back, nothing changed, exit 1). From the moment the COMMIT starts,
    a signal is only noted: the change is written, so the job finishes and says so, exit 0.
    ``around_commit`` is what the store wraps around each COMMIT
    (``store.workspace.watching_commits``). A signal the caller ignores (``nohup``, a
    background job) stays ignored.
    """

    _NAMES = ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")

    def __init__(self) -> None:
        self._committing = False
        self.committed = False
        self.noted = False

    def install(self) -> None:
        for name in self._NAMES:
            number = getattr(signal, name, None)
            if number is None:
                continue
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                if signal.getsignal(number) is not signal.SIG_IGN:
                    signal.signal(number, self._on_signal)

    def settle(self) -> None:
        """The job's outcome is decided: from now on these signals are ignored. (Python puts
        back the default handlers while it shuts down, and a signal then would end the
        process as "killed" after its job was done.)"""
        for name in self._NAMES:
            number = getattr(signal, name, None)
            with contextlib.suppress(ValueError, OSError, TypeError):
                if number is not None and signal.getsignal(number) == self._on_signal:
                    signal.signal(number, signal.SIG_IGN)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        if self._committing or self.committed:
            self.noted = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def around_commit(self) -> Iterator[None]:
        self._committing = True
        try:
            yield
            self.committed = True
        finally:
            self._committing = False


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
