"""The one output boundary: everything medbal writes to stdout, stderr or a file.

Every text that leaves the program passes medbal.core.langs.shown here, the one
escaping function: a file name, an id, an answer or a tree's words can show a control
character or a direction override only escaped (`\\x1b`, `\\u202e`), never obey it.
Plain text keeps its line breaks; a message or a FILE:LINE:COL problem is one line
whatever its values hold; JSON keeps its data (the escapes are JSON's own).

The one error reporter is here too: `report` writes the `medbal: ...` line (and,
with --format json, the error envelope on stdout) for the entry point and every
command alike.  Light on purpose: the entry point reports a Ctrl-C through it while
the rest is still being imported.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from medbal.core.langs import LANGS, shown

if TYPE_CHECKING:
    from medbal.core.errors import MedbalError, Phrase


def _nothing() -> None:
    return None


# Called before anything is written: medbal.process sets it to raise for a signal that
# arrived where Python could not raise it (a swallowed SIGTERM must not write a file).
checkpoint: Callable[[], None] = _nothing


def json_text(data: object, *, line: bool = False, ascii: bool = False) -> str:
    """JSON as medbal writes it: a document indented by 2, or one line (a batch's); ASCII
    with \\u escapes when asked.  Either way valid, lossless, and safe on a terminal."""
    if line or ascii or "msgspec" not in sys.modules:
        # The json module also where msgspec is not loaded: an error before the model was
        # imported, or a signal that cut its import short; importing msgspec (and decimal)
        # again after that makes libmpdec print a warning of its own on stderr.
        import json

        if line:
            text = json.dumps(data, ensure_ascii=ascii, allow_nan=False, separators=(", ", ": "))
        else:
            text = json.dumps(data, ensure_ascii=ascii, allow_nan=False, indent=2)
    else:
        # The document form, json.dumps's text with indent=2, written by msgspec (loaded
        # already for the model): importing the json module was a tenth of what a one-shot
        # call does beyond Typer.
        from medbal.core.structs import msgspec

        text = msgspec.json.format(msgspec.json.encode(data), indent=2).decode()
    return shown(text, "json") + "\n"


def _fits(text: str, stream: Any) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _stdout_json(data: object, *, line: bool = False) -> str:
    """JSON for stdout: \\u escapes where stdout cannot encode a character (ascii, cp1252)."""
    text = json_text(data, line=line)
    return text if _fits(text, sys.stdout) else json_text(data, line=line, ascii=True)


# --- stdout -----------------------------------------------------------------------


def write_text(text: str, *, err: bool = False) -> None:
    """Plain text to stdout (or stderr), flushed: its lines kept, anything else escaped."""
    checkpoint()
    stream = sys.stderr if err else sys.stdout
    stream.write(shown(text, "text"))
    stream.flush()


def write_screen(text: str) -> None:
    """A terminal's text as medbal.present.layout.paint made it (each span escaped there,
    medbal's own colour codes kept), flushed."""
    checkpoint()
    sys.stdout.write(text)
    sys.stdout.flush()


def write_document(text: str, target: str | None = None) -> None:
    """A document (Markdown, HTML, CSV, a graph) to stdout, or atomically to the file
    `target` (`-` is stdout).  On stdout it is always UTF-8 bytes, whatever the
    terminal's encoding: it is a file's content, redirected or piped, and a '?' in
    place of every Chinese character would silently ruin it."""
    checkpoint()
    text = shown(text, "text")
    if target not in (None, "-"):
        from medbal.files.write import write_atomic

        assert target is not None
        write_atomic(target, text, ready=checkpoint)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def write_lines(lines: Iterable[str], target: str | None = None) -> None:
    """A streamed document (CSV, a path table): UTF-8 bytes line by line, flushed once,
    so the first rows appear at once whatever the count; or atomically to the file
    `target` (`-` is stdout), whole."""
    if target not in (None, "-"):
        write_document("".join(lines), target)
        return
    checkpoint()
    buffer = getattr(sys.stdout, "buffer", None)
    for line in lines:
        line = shown(line, "text")
        if buffer is None:
            sys.stdout.write(line)
        else:
            buffer.write(line.encode("utf-8"))
    (buffer or sys.stdout).flush()


def read_line(prompt: str) -> str:
    """A prompt (painted and escaped already), then the line typed after it.

    With line editing (readline, which only the interactive session loads), readline
    writes the prompt's last line itself, so that it can redraw the line being edited
    (the arrows, the history); its colour codes are marked as taking no room
    (\\001...\\002).  Without it the prompt is written here and Python reads the line."""
    checkpoint()
    head, newline, last = prompt.rpartition("\n")
    if "readline" in sys.modules and _at_terminal():
        import re  # only at a prompt

        write_screen(head + newline)
        with _woken():
            return input(re.sub("\x1b\\[[0-9;]*m", "\x01\\g<0>\x02", last))
    write_screen(prompt)
    return input()


@contextlib.contextmanager
def _woken() -> Iterator[None]:
    """Python's readline waits in select() and runs the signal handlers only when select
    is interrupted; a Ctrl-C that lands in the instant before select begins is marked
    pending and then waits for the next key (seen as a Ctrl-C ignored until Enter, about
    one try in fifty).  A timer interrupts select five times a second while the prompt
    waits, so a pending Ctrl-C or SIGTERM is answered within 0.2 s."""
    import signal

    if not hasattr(signal, "setitimer"):  # not on Windows, where readline is absent too
        yield
        return
    before = signal.signal(signal.SIGALRM, _wake)
    signal.setitimer(signal.ITIMER_REAL, 0.2, 0.2)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _wake(signum: int, frame: object) -> None:
    """Nothing to do: the interruption of select is the point."""


def _at_terminal() -> bool:
    """Whether input() goes through readline: the process's own stdin and stdout, both
    terminals (tests and pipes give other streams)."""
    try:
        return (
            sys.stdin is sys.__stdin__
            and sys.stdin is not None
            and sys.stdin.isatty()
            and sys.stdout.fileno() == 1
            and sys.stdout.isatty()
        )
    except (AttributeError, OSError, ValueError):
        return False


def write_json(data: object, target: str | None = None) -> None:
    """A JSON document to stdout, or atomically to the file `target`."""
    if target not in (None, "-"):
        write_document(json_text(data), target)
        return
    checkpoint()
    sys.stdout.write(_stdout_json(data))
    sys.stdout.flush()


def write_json_line(data: object) -> None:
    """One JSON line, flushed at once (a batch's envelope: a front end waits for it)."""
    checkpoint()
    sys.stdout.write(_stdout_json(data, line=True))
    sys.stdout.flush()


# --- the error reporter -------------------------------------------------------------


def report(
    what: str | MedbalError | Phrase,
    lang: str,
    code: int,
    *,
    as_json: bool = False,
    hint: str | Phrase | None = None,
    blank_before: bool = False,
) -> int:
    """The one line `medbal: ...` on stderr in the person's language (English where the
    terminal cannot show Chinese), and with --format json the error envelope
    `{"status": "error", "error": {"code": N, "message": ...}}` on stdout, unless stdout
    already holds output.  `hint` is a second line (Click's usage errors add one).
    Returns `code` for the caller to exit with.  The words are the catalogue's,
    imported only now: a run that ends well never loads them."""
    text = _words(what, lang)
    extra = _words(hint, lang) if hint is not None else None
    if not _fits(text + (extra or ""), sys.stderr):
        # A message of '?' helps no one: English, which shows.
        text = _words(what, LANGS[0])
        extra = _words(hint, LANGS[0]) if hint is not None else None
    lines = [f"medbal: {text}"] + ([extra] if extra else [])
    _stderr(("\n" if blank_before else "") + "".join(line + "\n" for line in lines))
    if as_json:
        envelope(code, text)
    return code


def report_problems(problems: list[str], code: int, *, as_json: bool = False) -> int:
    """A broken file's problems, one FILE:LINE:COL line each (a newline in a file's name
    cannot split one); with --format json, the envelope with all of them."""
    lines = [shown(p) for p in problems]
    _stderr("".join(line + "\n" for line in lines))
    if as_json:
        envelope(code, "; ".join(lines))
    return code


def warn(lines: Iterable[str]) -> None:
    """Lines on stderr that are not errors (a rule past its review date), escaped."""
    _stderr("".join(shown(line) + "\n" for line in lines))


def envelope(code: int, message: str) -> None:
    """The error envelope on stdout, as --batch writes it for a line (without an id)."""
    if getattr(sys.stdout, "written", False):
        return  # a result is already there: a second JSON document would break a reader
    error = {"status": "error", "error": {"code": code, "message": message}}
    # The json module, not msgspec: the envelope may tell of a signal that came inside an
    # import, and importing msgspec then imports a half-initialized _decimal a second
    # time (libmpdec warns on stderr).  The text is the same (json.dumps, indent=2).
    import json

    text = json.dumps(error, ensure_ascii=False, indent=2)
    if not _fits(text, sys.stdout):
        text = json.dumps(error, indent=2)
    try:
        sys.stdout.write(shown(text, "json") + "\n")
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stdout closed or full: stderr and the exit code still say it


def _words(what: str | MedbalError | Phrase, lang: str) -> str:
    if not isinstance(what, str):
        from medbal.i18n.catalogue import in_lang

        what = in_lang(what, lang)
    return shown(what)


def _stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except io.UnsupportedOperation:
        # The stream, not the descriptor, is broken (a signal inside its reconfigure left
        # it without an encoder: the line was lost, exit 143 with nothing said): the
        # descriptor still takes the line.
        encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
        with contextlib.suppress(OSError, LookupError):
            os.write(2, text.encode(encoding, "replace"))
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed or full: the exit code still says it
