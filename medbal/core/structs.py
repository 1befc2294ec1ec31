"""msgspec, imported without typing_extensions and without msgspec.inspect: every module
of medbal takes it from here (`from medbal.core.structs import msgspec`).

msgspec reads type hints through typing_extensions when it is installed (Typer installs
it) and through `typing` when it is not; for medbal's plain annotations the two agree.
Importing typing_extensions is a third of what msgspec costs a one-shot call (13 M of
37 M instructions above `import typer`), so it is hidden while msgspec is imported and
put back at once: a program that imports medbal and then typing_extensions gets it.

msgspec's package imports msgspec.inspect, which declares some thirty Structs of its own
(6 M instructions, a sixtieth of a one-shot call) that medbal never uses, and its
msgpack, toml and yaml modules (2.4 M more), which medbal never uses either.  Each
stands in as a module that imports the real one on its first use (`_later`), so a
program that uses them after importing medbal gets the real module, and the same
objects.
"""

import importlib
import sys
import types

_LATER = ("msgspec.inspect", "msgspec.msgpack", "msgspec.toml", "msgspec.yaml")


def _later(name: str) -> types.ModuleType:
    """A stand-in for the module `name`: its first attribute looked up imports the real
    module, which then takes its place (in sys.modules, and as its package's attribute);
    the stand-in gets the real module's names, for whoever holds it already."""
    stand_in = types.ModuleType(name, f"{name}, imported on first use (medbal.core.structs)")

    def __getattr__(attribute: str) -> object:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        real = importlib.import_module(name)
        stand_in.__dict__.update(real.__dict__)
        return getattr(real, attribute)

    setattr(stand_in, "__getattr__", __getattr__)  # noqa: B010  (PEP 562, on a module made here)
    return stand_in


_hidden = "typing_extensions" not in sys.modules and "msgspec" not in sys.modules
_stood_in = [name for name in _LATER if "msgspec" not in sys.modules and name not in sys.modules]
if _hidden:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # ImportError
for _name in _stood_in:
    sys.modules[_name] = _later(_name)
try:
    import msgspec
    import msgspec.json
    import msgspec.structs
except BaseException:
    for _name in _stood_in:  # a failed import leaves no stand-in behind
        sys.modules.pop(_name, None)
    raise
finally:
    if _hidden:
        del sys.modules["typing_extensions"]

__all__ = ["msgspec"]
