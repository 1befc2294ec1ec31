"""`medbal serve`: the command's options; the server itself is medbal.serve (the extra).

Registered by medbal.commands.app.cli only for a call that can reach it (`serve`,
help, completion): the other commands do not build its options on every call.
"""

# No `from __future__ import annotations`: Typer reads these signatures on every call,
# and real annotations spare it an eval of each.

from typing import Annotated

import typer

from medbal.commands.common import Lang, TreesOpt, handles_errors


@handles_errors
def serve(
    host: Annotated[
        str, typer.Option("--host", metavar="ADDRESS", help="The address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", metavar="PORT", min=0, max=65535, help="The port (0: any free one)."
        ),
    ] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", metavar="N", min=1, max=64, help="Processes that answer requests."
        ),
    ] = 1,
    trees: TreesOpt = None,
    cors: Annotated[
        list[str] | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN",
            help="Let pages from this origin call the API (repeat for more; * for any).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            "-l",
            help="The language of a request that names none (no lang, no Accept-Language). "
            "Default: MEDBAL_LANG, then the locale.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the answers over HTTP: a stateless JSON API, the web page and its OpenAPI
    description (needs the extra: uv tool install '.[serve]' in the clone).

    Every request carries all its answers: run more --workers, or more machines behind
    a load balancer, to serve more people. Endpoints: see GET /openapi.json and the README.

    Example: medbal serve --port 8000 --workers 2
    """
    from medbal.i18n.lang import resolve
    from medbal.serve.run import run_serve

    run_serve(host, port, workers, trees, cors or [], resolve(lang.value if lang else None))
