"""`medbal diagnose --batch FILE` and `medbal claim --batch FILE`: many cases, one process.

Each input line is a JSON object `{"answers": {...}, "tree": ..., "lang": ..., "id": ...}`
(every key optional); each output line is the one-shot JSON envelope for that case
(medbal.present.views.diagnose_view) with the case's `id` added, or an error envelope
`{"status": "error", "error": {"code": 2, "message": ...}, "id": ...}`.  A bad line
never stops the batch.  Lines are read one at a time and every envelope is flushed
at once, so a front end can hold the process open as a session: write a line, read a
line.  Blank lines are skipped (no envelope).  Each tree is loaded once per process.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Any

from medbal.core.engine import walk
from medbal.core.errors import FAILED, USAGE, MedbalError, Phrase, TreeError, UsageError
from medbal.core.model import LANGS, Checklists, Tree
from medbal.files.registry import checklists_for, load_tree, overlay_dir
from medbal.i18n.catalogue import in_lang, msg
from medbal.i18n.lang import choose_lang
from medbal.i18n.suggest import closest
from medbal.present.views import diagnose_view

KEYS = ("answers", "tree", "lang", "id")
MAX_LINE = 1024 * 1024  # bytes; a longer line is answered with an error and skipped
MAX_SKIP = 64 * MAX_LINE  # past this much of one line, the input is not line-shaped
# Options that make no sense with --batch: each line carries its answers, output is JSON lines.
CONFLICTS = {"answer": "--answer", "answers_file": "--answers-file", "output": "--output"}


class InputError(MedbalError):
    """The batch input cannot be opened or read (exit 1)."""


class LineError(Exception):
    """A line that cannot be answered: its message (words of the catalogue, or text the
    same in every language) and its code."""

    def __init__(self, message: Phrase | MedbalError | str, code: int = USAGE):
        super().__init__(str(message))
        self.message, self.code = message, code


def _bad(key: str, **values: object) -> LineError:
    return LineError(Phrase(key, **values))


class Batch:
    """Answers cases; trees (and their checklists) are loaded once, failures included."""

    def __init__(self, default_tree: str, default_lang: str, overlay: Path | None):
        self.default_tree = default_tree
        self.default_lang = default_lang
        self.overlay = overlay
        self._trees: dict[str, tuple[Tree, Checklists | None] | Exception] = {}

    def tree(self, name: str) -> tuple[Tree, Checklists | None]:
        """The tree and its checklists; raises the MedbalError or TreeError of loading it."""
        if name not in self._trees:
            try:
                loaded = load_tree(name, self.overlay)
                self._trees[name] = (loaded, checklists_for(loaded, self.overlay))
            except (MedbalError, TreeError) as exc:
                self._trees[name] = exc
        entry = self._trees[name]
        if isinstance(entry, Exception):
            raise entry.with_traceback(None)  # raised again on every line: keep no old frames
        return entry

    def case(self, raw: bytes) -> dict[str, Any] | None:
        """The envelope for one input line; None for a blank line."""
        if not raw.strip():
            return None
        case_id: Any = None
        lang = self.default_lang
        try:
            data = _decode(raw)
            case_id = data.get("id")
            lang = _lang(data.get("lang"), self.default_lang)
            unknown = [k for k in data if k not in KEYS]
            if unknown:
                best = closest(unknown[0], KEYS)
                raise _bad(
                    "batch_unknown_key_dym" if best else "batch_unknown_key",
                    name=unknown[0],
                    best=best,
                    keys=tuple(KEYS),
                )
            tree_name = data.get("tree")
            if tree_name is None:
                tree_name = self.default_tree
            elif (
                not isinstance(tree_name, str)
                or not tree_name.strip()
                or tree_name.endswith((".yaml", ".yml"))
                or "/" in tree_name
                or os.sep in tree_name
            ):
                # A line names a tree by id, never a path: a front end may pass lines
                # from its users through, and they must not read files on this machine.
                raise _bad("batch_tree")
            answers = _answers(data.get("answers"))
            try:
                tree, checklists = self.tree(tree_name)
                result = walk(tree, answers)
            except MedbalError as exc:
                raise LineError(exc, exc.exit_code) from None
            except TreeError as exc:  # FILE:LINE:COL problems, in English everywhere
                raise LineError("; ".join(exc.problems), FAILED) from None
            view = diagnose_view(result, lang, checklists, tree_name)
        except LineError as exc:
            return error_envelope(in_lang(exc.message, lang), exc.code, case_id)
        except Exception as exc:  # a bug must not end a session that other cases share
            why = f"{type(exc).__name__}: {exc}"
            return error_envelope(msg("batch_internal", lang, why=why), FAILED, case_id)
        return {**view, "id": case_id}


def error_envelope(message: str, code: int, case_id: Any) -> dict[str, Any]:
    return {"status": "error", "error": {"code": code, "message": message}, "id": case_id}


def _decode(raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad("batch_encoding") from None
    try:
        # NaN, Infinity and 1e400 are not JSON (RFC 8259); echoed back in `id` they would
        # make the output line invalid for a strict reader.
        data = json.loads(text, parse_constant=_not_json, parse_float=_finite)
    except ValueError as exc:
        raise _bad("batch_not_json", why=getattr(exc, "msg", str(exc))) from None
    if not isinstance(data, dict):
        raise _bad("batch_not_object")
    return data


def _not_json(name: str) -> Any:
    raise _bad("batch_not_a_number", value=name)  # passes through json.loads


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise _bad("batch_too_large", value=text)
    return number


def _lang(value: Any, default: str) -> str:
    if value is None:
        return default
    if value not in LANGS:
        raise _bad("batch_lang", value=json.dumps(value, ensure_ascii=False), langs=tuple(LANGS))
    return str(value)


def _answers(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise _bad("batch_answers")
    return value


def refuse_conflicts(ctx: Any) -> None:
    """Exit 2 for options that --batch cannot honour; --format json is what it writes anyway."""

    def given(name: str) -> bool:
        source = ctx.get_parameter_source(name)  # a Click ParameterSource, or None
        return source is not None and source.name != "DEFAULT"

    for name, option in CONFLICTS.items():
        if given(name):
            raise UsageError("batch_conflict", option=option)
    fmt = ctx.params.get("fmt")
    if given("fmt") and getattr(fmt, "value", fmt) != "json":
        raise UsageError("batch_format")


def run_batch(
    source: str, default_tree: str, lang_option: str | None, trees_option: str | None
) -> None:
    lang = choose_lang(lang_option)
    batch = Batch(default_tree, lang, overlay_dir(trees_option))
    batch.tree(default_tree)  # a bad tree on the command line is a usage error, not a line's
    stream = _open(source)
    try:
        write = _writer(sys.stdout)
        for raw in _lines(stream, source):
            if raw is None:
                write(error_envelope(msg("batch_too_long", lang, limit=MAX_LINE), USAGE, None))
                continue
            envelope = batch.case(raw)
            if envelope is not None:
                write(envelope)
            if getattr(sys.stdout, "failure", None) is not None:
                break  # the reader has gone (medbal.launch keeps the error): stop reading
    finally:
        if stream is not _stdin():
            stream.close()


def _stdin() -> IO[bytes] | None:
    return getattr(sys.stdin, "buffer", None)


def _open(source: str) -> IO[bytes]:
    if source == "-":
        stdin = _stdin()
        if stdin is None:
            raise InputError("batch_unreadable", source=source, why=Phrase("batch_no_stdin"))
        return stdin
    try:
        mode = os.stat(source).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise InputError("batch_unreadable", source=source, why=Phrase("batch_device"))
        return open(source, "rb")
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise InputError("batch_unreadable", source=source, why=why) from None


def _lines(stream: IO[bytes], source: str) -> Any:
    """Each line as bytes as soon as it is complete (never waiting for the end of input);
    None in place of a line longer than MAX_LINE, whose rest is skipped."""
    while True:
        try:
            raw = stream.readline(MAX_LINE + 1)
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                yield None  # its error envelope goes out now, before the rest is skipped
                skipped = 0
                while skipped <= MAX_SKIP:  # a stream without newlines (/dev/zero) ends too
                    rest = stream.readline(MAX_LINE)
                    skipped += len(rest)
                    if not rest or rest.endswith(b"\n"):
                        break
                else:
                    raise InputError(
                        "batch_unreadable", source=source, why=Phrase("batch_no_line_break")
                    )
                continue
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise InputError("batch_unreadable", source=source, why=why) from None
        if not raw:
            return
        yield raw


def _writer(out: IO[str]) -> Any:
    """Write one envelope as one line and flush it; \\u escapes if stdout cannot encode it."""
    encoding = getattr(out, "encoding", None) or "utf-8"

    def write(envelope: dict[str, Any]) -> None:
        text = json.dumps(envelope, ensure_ascii=False, allow_nan=False)
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            text = json.dumps(envelope, ensure_ascii=True, allow_nan=False)
        out.write(text + "\n")
        out.flush()

    return write
