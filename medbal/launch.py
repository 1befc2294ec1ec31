"""The console script's start (`medbal`, and `python -m medbal`): its first statements
hold SIGINT and SIGTERM, before anything else of medbal runs or is imported.

The installed `medbal` script imports this module and calls `main`; nothing of medbal
runs before these lines.  From here on, a Ctrl-C or a SIGTERM that comes while the
rest is still being imported is held, never raised into an import, and medbal.process
answers it as soon as it is ready: one line, exit 130 or 143, never a traceback.
Importing this module is starting the program: a library never imports it.

Nothing before the handlers may let Python look for a pending signal (a call, a loop):
a signal that came during the import of this module is then given to `_hold`, which
Python calls when it next looks, instead of raising in here.
"""

# Built in and loaded by the interpreter before any script runs: no import work at all
# (`signal`, its wrapper, would import enum first).
import _signal  # type: ignore[import-not-found]

held: list[int] = []  # the signals that came before medbal.process was ready


def _hold(signum: int, frame: object) -> None:
    held.append(signum)


# Held from here on.  A Ctrl-C that came in the instant before is raised by the first
# call (setting a handler, Python first runs the one it replaces): it is held like the
# rest.  A signal the parent ignores (a background job's SIGINT) stays ignored.
try:
    _before = _signal.signal(_signal.SIGINT, _hold)
except KeyboardInterrupt:
    held.append(_signal.SIGINT)
    _before = _signal.signal(_signal.SIGINT, _hold)
if _before == _signal.SIG_IGN:
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
if _signal.signal(_signal.SIGTERM, _hold) == _signal.SIG_IGN:
    _signal.signal(_signal.SIGTERM, _signal.SIG_IGN)


def main() -> None:
    import sys

    from medbal.process import run

    sys.exit(run(sys.argv[1:], held))
