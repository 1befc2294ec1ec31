"""`medbal serve` against its own description: schemathesis generates requests from
GET /openapi.json for every operation (a fixed, derandomized number of examples each)
and checks that no answer is a server error and none breaks the schema, status code or
content type described; a few behaviours that need a server built in the test (CORS
asked for, a body that never arrives, a bug) are checked on the application itself."""

from __future__ import annotations

import asyncio
import logging

import pytest

schemathesis = pytest.importorskip("schemathesis")
httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from medbal.api import Library  # noqa: E402
from medbal.serve import app as served_app  # noqa: E402
from medbal.serve import openapi  # noqa: E402
from medbal.serve.app import BATCH_BODY_LIMIT, BATCH_LIMIT, BODY_LIMIT, create_app  # noqa: E402
from medbal.serve.engine import Served  # noqa: E402

pytestmark = pytest.mark.slow
EXAMPLES = 30  # per operation: the whole description in well under a minute


# The description the server gives for the shipped trees, built here so that pytest can
# make one test per operation when it collects them; the first test checks it is the one
# the server gives.
TREES = ["balance-dropped", "card", "which-category", "zero-balance"]
DESCRIPTION = openapi.document(TREES, BATCH_LIMIT, BODY_LIMIT, BATCH_BODY_LIMIT)
schema = schemathesis.openapi.from_dict(DESCRIPTION)


def test_the_description_is_the_one_served(client):
    assert client.get("/openapi.json").json() == DESCRIPTION


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_keeps_the_description(case, server):
    case.call_and_validate(
        base_url=server.url,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


# --- on the application itself ---------------------------------------------------------


@pytest.fixture(scope="module")
def served():
    return Served.load(None)


def ask(app, method, path, **kwargs):
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://medbal") as c:
            return await c.request(method, path, **kwargs)

    return asyncio.run(go())


def test_cors_answers_only_the_origins_asked_for(served):
    app = create_app(served, "en", ("https://hotline.example",))
    preflight = {"Origin": "https://hotline.example", "Access-Control-Request-Method": "POST"}
    allowed = ask(app, "OPTIONS", "/v1/diagnose", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://hotline.example"
    answered = ask(
        app, "POST", "/v1/diagnose", json={}, headers={"Origin": "https://hotline.example"}
    )
    assert answered.headers["access-control-allow-origin"] == "https://hotline.example"
    other = ask(app, "POST", "/v1/diagnose", json={}, headers={"Origin": "https://other.example"})
    assert "access-control-allow-origin" not in other.headers
    closed = create_app(served, "en")
    assert (
        "access-control-allow-origin"
        not in ask(
            closed, "POST", "/v1/diagnose", json={}, headers={"Origin": "https://hotline.example"}
        ).headers
    )


def test_a_body_that_does_not_arrive_in_time_is_refused(served, monkeypatch):
    monkeypatch.setattr(served_app, "BODY_SECONDS", 0.2)
    app = create_app(served, "en")
    sent = []

    async def never() -> dict:
        await asyncio.sleep(60)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/diagnose",
        "raw_path": b"/v1/diagnose",
        "query_string": b"lang=zh",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"host", b"medbal")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(asyncio.wait_for(app(scope, never, send), 10))
    assert sent[0]["status"] == 408
    assert b"\xe8\xaf\xb7\xe6\xb1\x82\xe6\xad\xa3\xe6\x96\x87" in sent[1]["body"]  # 请求正文


def test_a_bug_is_an_envelope_and_its_log_keeps_no_answer(served, monkeypatch, caplog):
    def broken(self, tree, answers=None, lang=None, ref=None):
        raise ValueError(f"the answers were {answers}")

    monkeypatch.setattr(Library, "diagnose", broken)
    app = create_app(served, "en")
    with caplog.at_level(logging.INFO, logger="medbal.serve"):
        response = ask(app, "POST", "/v1/diagnose", json={"answers": {"scheme": "a-secret-answer"}})
    assert response.status_code == 500
    assert response.json() == {
        "status": "error",
        "error": {"code": 1, "message": "internal error (ValueError); please report it"},
    }
    assert "ValueError" in caplog.text and "engine" not in response.text
    assert "a-secret-answer" not in caplog.text
