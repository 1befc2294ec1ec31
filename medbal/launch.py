"""The console script's start (`medbal`, and `python -m medbal`): its first statement
holds SIGINT and SIGTERM, before anything else of medbal is imported.

The installed `medbal` script imports this module and calls `main`; nothing of medbal
runs before these lines.  From here on, a Ctrl-C or a SIGTERM that comes while the
rest is still being imported is held, never raised into an import, and medbal.process
answers it as soon as it is ready: one line, exit 130 or 143, never a traceback.
Importing this module is starting the program: a library never imports it.
"""

# Built in and loaded by the interpreter before any script runs: no import work at all
# (`signal`, its wrapper, would import enum first).
import _signal  # type: ignore[import-not-found]

held: list[int] = []  # the signals that came before medbal.process was ready


def _hold(signum: int, frame: object) -> None:
    held.append(signum)


for _signum in (_signal.SIGINT, _signal.SIGTERM):
    if _signal.getsignal(_signum) != _signal.SIG_IGN:  # ignored by the parent: stays so
        _signal.signal(_signum, _hold)


def main() -> None:
    import sys

    from medbal.process import run

    sys.exit(run(sys.argv[1:], held))
