"""msgspec, imported without typing_extensions: every module of medbal takes it from here
(`from medbal.core.structs import msgspec`).

msgspec reads type hints through typing_extensions when it is installed (Typer installs
it) and through `typing` when it is not; for medbal's plain annotations the two agree.
Importing typing_extensions is a third of what msgspec costs a one-shot call (13 M of
37 M instructions above `import typer`), so it is hidden while msgspec is imported and
put back at once: a program that imports medbal and then typing_extensions gets it.
"""

import sys

_hidden = "typing_extensions" not in sys.modules and "msgspec" not in sys.modules
if _hidden:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # ImportError
try:
    import msgspec
    import msgspec.json
    import msgspec.structs
finally:
    if _hidden:
        del sys.modules["typing_extensions"]

__all__ = ["msgspec"]
