"""`medbal serve`: load and check everything, bind the address, serve on uvicorn.

The trees are read and checked before the address is bound, so a broken file stops
the start with its FILE:LINE:COL lines (exit 1) and nothing listens.  With
`--workers N` the bound socket is shared by N processes (uvicorn's supervisor), each
of which loads the same files again at its start: they share nothing after that, so
N may be as many as the machine has cores, and machines may be added behind a load
balancer.  SIGTERM drains: requests in flight are finished, then the process ends as
every medbal command ends on SIGTERM (`medbal: terminated.`, exit 143); Ctrl-C the
same with exit 130.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
from typing import Any

from medbal.core.errors import FAILED, MedbalError, UsageError
from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import counted
from medbal.present.output import write_text

EXTRA = ("starlette", "uvicorn")
SETTINGS = "MEDBAL_SERVE_SETTINGS"  # how the worker processes learn the command's options
HEADER_LIMIT = 16 * 1024  # bytes of a request's line and headers
CONCURRENCY = 512  # connections per process; past it uvicorn answers 503
DRAIN_SECONDS = 30  # on SIGTERM, requests in flight get this long to finish
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(message)s", "datefmt": "%Y-%m-%dT%H:%M:%S%z"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        # uvicorn's own chatter is left out: its warnings and errors remain.
        "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        "medbal.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


class ServeError(MedbalError):
    """The server cannot start or stopped on its own (exit 1)."""

    exit_code = FAILED


def require_extra() -> None:
    """One line naming the install command when the extra `serve` is not installed."""
    if any(importlib.util.find_spec(name) is None for name in EXTRA):
        raise UsageError(
            "serve_needs_extra",
            command="uv tool install '.[serve]'",
            checkout="uv sync --extra serve",
        )


def run_serve(
    host: str, port: int, workers: int, trees: str | None, cors: list[str], lang: str
) -> None:
    require_extra()
    import uvicorn

    from medbal.serve.engine import Served

    served = Served.load(trees)  # every file checked before anything listens
    sock = listen(host, port)
    os.environ[SETTINGS] = json.dumps({"trees": trees, "lang": lang, "cors": cors})
    config = uvicorn.Config(
        "medbal.serve.run:worker_app" if workers > 1 else _app(served, lang, cors),
        factory=workers > 1,
        workers=workers,
        http="h11",
        h11_max_incomplete_event_size=HEADER_LIMIT,
        lifespan="off",
        log_config=LOGGING,
        access_log=False,  # medbal.serve.app writes its own line, without the query
        server_header=False,
        limit_concurrency=CONCURRENCY,
        timeout_graceful_shutdown=DRAIN_SECONDS,
    )
    bound = sock.getsockname()
    url = f"http://{host if ':' not in host else f'[{host}]'}:{bound[1]}"
    shown = counted(workers, msg("serve_worker", lang), lang)
    trees_served = tuple(served.library.tree_ids())
    write_text(
        msg("serve_started", lang, trees=trees_served, url=url, workers=shown) + "\n", err=True
    )
    if workers > 1:
        del served  # each worker loads its own; this process only watches them
        _supervise(config, sock)
    else:
        uvicorn.Server(config).run(sockets=[sock])  # on a signal it raises it again


def listen(host: str, port: int) -> socket.socket:
    """The socket bound to the address, or one line saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only
    # on connections of a socket that says so, and with it on, an answer written in two
    # parts waited 40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        address = f"[{host}]:{port}" if family == socket.AF_INET6 else f"{host}:{port}"
        raise ServeError(
            "serve_cannot_listen", address=address, reason=exc.strerror or str(exc)
        ) from None
    sock.set_inheritable(True)
    return sock


def _supervise(config: Any, sock: socket.socket) -> None:
    """uvicorn's supervisor over the worker processes; the signal that stopped it is raised
    again once they have drained, so that it ends as a single process does."""
    import inspect

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    stopped: list[int] = []

    class Workers(Multiprocess):
        def handle_term(self) -> None:
            stopped.append(signal.SIGTERM)
            super().handle_term()

        def handle_int(self) -> None:
            stopped.append(signal.SIGINT)
            super().handle_int()

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    # uvicorn before 0.5x takes what each worker runs; later ones know it.
    takes_target = "target" in inspect.signature(Multiprocess).parameters
    target = {"target": uvicorn.Server(config).run} if takes_target else {}
    Workers(config, sockets=[sock], **target).run()
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    if not stopped:
        raise ServeError("serve_workers_failed")
    signal.raise_signal(stopped[0])


def _app(served: Any, lang: str, cors: list[str]) -> Any:
    import gc

    from medbal.serve.app import create_app

    app = create_app(served, lang, tuple(cors))
    # What was loaded lives as long as the process: out of the collector's sight, so that
    # its passes over the objects of each request do not walk every tree again.
    gc.collect()
    gc.freeze()
    return app


def worker_app() -> Any:
    """The application of one worker process (uvicorn calls this in each)."""
    from medbal.serve.engine import Served

    settings = json.loads(os.environ[SETTINGS])
    return _app(Served.load(settings["trees"]), settings["lang"], settings["cors"])
