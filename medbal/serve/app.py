"""The Starlette application of `medbal serve`: routes, limits, errors, headers, access log.

Each endpoint answers from what the process loaded at start (medbal.serve.engine) and
the request alone.  Every refusal is the CLI's JSON error envelope in the request's
language, with its HTTP status; an internal error is one too (500), and is logged
without the request's content.  One access-log line per request names the method, the
path, the status, the size and the time, never the query or the body: the answers
describe a person's situation.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import re
import sys
import time
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medbal import __version__, api
from medbal.core.errors import FAILED, USAGE, MedbalError, Phrase, one_line
from medbal.core.structs import msgspec
from medbal.i18n.catalogue import in_lang
from medbal.serve import openapi
from medbal.serve.engine import DEFAULT_TREE, Served
from medbal.serve.requests import (
    DiagnoseRequest,
    EstimateRequest,
    Refused,
    checked,
    checked_query,
    decode,
    request_lang,
)

BODY_LIMIT = 64 * 1024  # bytes of a request body
BATCH_LIMIT = 1_000  # cases in one batch
BATCH_BODY_LIMIT = 1024 * 1024  # bytes of a batch: a thousand cases of about a kilobyte
BODY_SECONDS = 10  # a body that takes longer to arrive is refused (408)

ACCESS = logging.getLogger("medbal.serve.access")
ERRORS = logging.getLogger("medbal.serve.error")

# No answer may be sniffed as another type or framed (its policy says frame-ancestors
# 'none'); a page, which a browser shows, also sends no referrer and opens alone.  Few
# headers on JSON: each costs the server's HTTP layer a check on every answer.
JSON_SAFE = {"x-content-type-options": "nosniff"}
PAGE_SAFE = {
    **JSON_SAFE,
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"
# An answer describes a person's situation: no cache keeps it.  The checklists, the trees
# and the page change only when the server restarts with new files.
PRIVATE, PUBLIC = "no-store", "public, max-age=300"
Handler = Callable[[Request], Awaitable[Response]]


def encode(data: Any) -> bytes:
    return msgspec.json.encode(data)


def json_response(
    data: Any, status: int = 200, lang: str | None = None, cache: str = PRIVATE
) -> Response:
    body = data if isinstance(data, bytes) else encode(data)
    headers = {**JSON_SAFE, "content-security-policy": JSON_POLICY, "cache-control": cache}
    if lang is not None:
        headers["content-language"] = lang
        headers["vary"] = "Accept-Language"
    return Response(body, status, headers, media_type="application/json")


def html_response(text: str, policy: str) -> Response:
    headers = {**PAGE_SAFE, "content-security-policy": policy, "cache-control": PUBLIC}
    return Response(text.encode("utf-8"), 200, headers, media_type="text/html; charset=utf-8")


def error_response(status: int, message: Phrase | MedbalError | str, lang: str) -> Response:
    """The CLI's JSON error envelope: code 2 for bad input, 1 for a failure of the server."""
    text = message if isinstance(message, str) else in_lang(message, lang)
    code = FAILED if status >= 500 else USAGE
    return json_response(
        {"status": "error", "error": {"code": code, "message": text}}, status, lang
    )


def page_policy(html: str) -> str:
    """The page's own Content-Security-Policy (its <meta>), sent as a header too, where it
    can also forbid framing."""
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None, "the page carries its policy"
    return found[1] + "; frame-ancestors 'none'"


def sheet_policy(html: str) -> str:
    """An A4 sheet runs no script and loads nothing: only its own inline style applies."""
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    digest = hashlib.sha256((style[1] if style else "").encode("utf-8")).digest()
    hashed = "'sha256-" + base64.b64encode(digest).decode() + "'"
    return (
        f"default-src 'none'; style-src {hashed}; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


class Api:
    """The endpoints, over one process's Served (its api.Library) and its default language."""

    def __init__(self, served: Served, lang: str):
        self.served, self.library, self.lang = served, served.library, lang
        self.description = encode(
            openapi.document(self.library.tree_ids(), BATCH_LIMIT, BODY_LIMIT, BATCH_BODY_LIMIT)
        )
        self.page_policy = page_policy(served.pages[None])

    def lang_of(self, request: Request, body: Any = None) -> str:
        accept = request.headers.get("accept-language")
        return request_lang(body, request.query_params, accept, self.lang)

    async def body(self, request: Request, limit: int) -> Any:
        """The JSON body, read within the limits of size and time; the request's language
        (which the body may name) is kept for the errors that follow."""
        media = request.headers.get("content-type", "")
        kind, _, params = media.partition(";")
        charset = params.strip().lower().replace('"', "")
        if kind.strip().lower() != "application/json" or charset not in ("", "charset=utf-8"):
            raise Refused(415, Phrase("serve_media_type"))
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise Refused(413, Phrase("serve_too_large", limit=limit))
        try:
            raw = await _within(BODY_SECONDS, _read(request, limit))
        except asyncio.TimeoutError:
            raise Refused(408, Phrase("serve_slow", seconds=BODY_SECONDS)) from None
        data = decode(raw)
        request.state.lang = self.lang_of(request, data)
        checked_query(request.query_params)
        return data

    # --- the endpoints ------------------------------------------------------------

    async def diagnose(self, request: Request) -> Response:
        body = checked(await self.body(request, BODY_LIMIT), DiagnoseRequest)
        lang = request.state.lang
        tree = body.get("tree", DEFAULT_TREE)
        try:
            self.library.tree(tree)  # by id among those loaded: never a path
        except MedbalError as exc:
            raise Refused(404, exc) from None
        return json_response(self.library.diagnose(tree, body.get("answers"), lang), 200, lang)

    async def batch(self, request: Request) -> Response:
        cases = await self.body(request, BATCH_BODY_LIMIT)
        lang = request.state.lang
        if not isinstance(cases, list):
            raise Refused(400, Phrase("serve_not_array"))
        if len(cases) > BATCH_LIMIT:
            raise Refused(413, Phrase("serve_too_many_cases", limit=BATCH_LIMIT, count=len(cases)))
        # Each case goes to the batch as the line of JSON `--batch` would read, so that
        # every rule of a line holds (a lone surrogate, a number JSON changes, depth).
        lines = [json.dumps(case) for case in cases]
        # A thousand cases take a tenth of a second: off the event loop, so that the
        # process keeps answering other requests meanwhile.
        answered = await run_in_threadpool(
            lambda: encode(list(self.library.diagnose_many(lines, DEFAULT_TREE, lang)))
        )
        return json_response(answered, 200, lang)

    async def estimate(self, request: Request) -> Response:
        body = checked(await self.body(request, BODY_LIMIT), EstimateRequest)
        lang = request.state.lang
        view = self.library.estimate(
            body["bill"],
            body.get("threshold"),
            body.get("items"),
            body.get("region"),
            lang,
            names="keys",  # `threshold`, `items.class-b`: the body's keys, not --options
        )
        return json_response(view, 200, lang)

    def _get(self, request: Request) -> str:
        lang = request.state.lang = self.lang_of(request)
        checked_query(request.query_params)
        return lang

    async def trees(self, request: Request) -> Response:
        lang = self._get(request)
        return json_response(self.library.tree_list(lang), 200, lang, PUBLIC)

    async def tree(self, request: Request) -> Response:
        lang = self._get(request)
        try:
            text = self.library.export(request.path_params["id"], "json", lang)
        except MedbalError as exc:
            raise Refused(404, exc) from None
        return json_response(text.encode("utf-8"), 200, lang, PUBLIC)

    def _checklists(self, request: Request, category: str | None) -> tuple[Any, str]:
        lang = self._get(request)
        try:
            return self.library.docs(category, lang), lang
        except MedbalError as exc:
            raise Refused(404, exc) from None

    async def docs(self, request: Request) -> Response:
        view, lang = self._checklists(request, request.path_params.get("category"))
        return json_response(view, 200, lang, PUBLIC)

    async def sheet(self, request: Request) -> Response:
        view, _ = self._checklists(request, request.path_params["category"])
        html = api.render("docs", view, "html")
        return html_response(html, sheet_policy(html))

    async def page(self, request: Request) -> Response:
        self._get(request)
        # The page starts in the language asked for, else the browser's (it holds both).
        return html_response(self.served.pages[request.query_params.get("lang")], self.page_policy)

    async def healthz(self, request: Request) -> Response:
        data = {"status": "ok", "version": __version__, "trees": self.library.tree_ids()}
        return json_response(data, 200, None)

    async def openapi(self, request: Request) -> Response:
        return json_response(self.description, 200, None, PUBLIC)

    # --- errors -----------------------------------------------------------------

    def endpoint(self, handler: Handler) -> Handler:
        """The handler with its refusals and failures as error envelopes."""

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except Refused as exc:
                return error_response(exc.status, exc.message, self._lang(request))
            except MedbalError as exc:  # bad input the engine found: a question, an amount
                return error_response(400, exc, self._lang(request))
            except Exception as exc:  # a bug: an envelope, and the trace in the server's log
                return internal_error(request.scope, exc, self._lang(request))

        return answer

    def _lang(self, request: Request) -> str:
        lang = getattr(request.state, "lang", None)
        return lang if isinstance(lang, str) else self.lang_of(request)

    async def not_routed(self, request: Request, exc: Exception) -> Response:
        """No such path (404), or a method the path does not take (405)."""
        lang = self.lang_of(request)
        path = request.url.path
        if isinstance(exc, HTTPException) and exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            # A list of names, joined as the language joins one (GET、HEAD), GET first.
            methods = tuple(sorted(m.strip() for m in allowed.split(",") if m.strip()))
            response = error_response(
                405,
                Phrase("serve_method", path=path, method=request.method, allowed=methods),
                lang,
            )
            response.headers["allow"] = ", ".join(methods)
            return response
        return error_response(404, Phrase("serve_not_found", path=_shown_path(path)), lang)


def _shown_path(path: str) -> str:
    return path if len(path) <= 80 else path[:79] + "…"


async def _within(seconds: float, reading: Coroutine[Any, Any, bytes]) -> bytes:
    """The body, or TimeoutError: Python 3.11's timeout costs no task of its own."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            return await reading
    return await asyncio.wait_for(reading, seconds)


async def _read(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, Phrase("serve_too_large", limit=limit))
        chunks.append(chunk)
    return b"".join(chunks)


def internal_error(scope: Scope, exc: BaseException, lang: str) -> Response:
    """A bug, logged with where it happened but not its message, which may hold the
    request's answers; the client gets an envelope, never a traceback."""
    where = "".join(traceback.format_tb(exc.__traceback__))
    ERRORS.log(
        logging.ERROR,
        "%s %s: %s\n%s",
        scope.get("method"),
        scope.get("path"),
        type(exc).__name__,
        where,
    )
    return error_response(500, Phrase("serve_internal", what=type(exc).__name__), lang)


class AccessLog:
    """One line per request: client, method, path, status, bytes, milliseconds; never
    the query or the body.  Also the last guard: whatever escapes becomes a 500 envelope."""

    def __init__(self, app: ASGIApp, lang: str):
        self.app, self.lang = app, lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status, size = 0, 0

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            if status == 0:
                await internal_error(scope, exc, self.lang)(scope, receive, sending)
        client = scope.get("client") or ("-", 0)
        ms = (time.perf_counter() - start) * 1000
        # A path is the client's text: a newline in it must not forge a second line.
        path = one_line(scope["path"]).replace('"', "%22")
        ACCESS.info('%s "%s %s" %d %d %.1fms', client[0], scope["method"], path, status, size, ms)


def create_app(served: Served, lang: str, cors: tuple[str, ...] = ()) -> ASGIApp:
    """The ASGI application over what one process loaded; `lang` is the language of a
    request that names none, `cors` the origins allowed to call it from a browser."""
    endpoints = Api(served, lang)
    e = endpoints.endpoint
    routes = [
        Route("/", e(endpoints.page), methods=["GET"]),
        Route("/healthz", endpoints.healthz, methods=["GET"]),
        Route("/openapi.json", endpoints.openapi, methods=["GET"]),
        Route("/v1/diagnose", e(endpoints.diagnose), methods=["POST"]),
        Route("/v1/batch", e(endpoints.batch), methods=["POST"]),
        Route("/v1/estimate", e(endpoints.estimate), methods=["POST"]),
        Route("/v1/trees", e(endpoints.trees), methods=["GET"]),
        Route("/v1/trees/{id}", e(endpoints.tree), methods=["GET"]),
        Route("/v1/docs", e(endpoints.docs), methods=["GET"]),
        Route("/v1/docs/{category}", e(endpoints.docs), methods=["GET"]),
        Route("/docs/{category}.html", e(endpoints.sheet), methods=["GET"]),
    ]
    middleware = []
    if cors:  # off unless asked for: a browser page elsewhere may not call this server
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=cors,
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept-Language"],
            )
        )
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: endpoints.not_routed},
    )
    app.router.redirect_slashes = False  # a path is one path: /v1/trees/ is not found
    return AccessLog(app, lang)
