"""The OpenAPI 3.1 description of `medbal serve`, derived, never written by hand.

Its schemas are JSON Schemas that msgspec derives from TypedDicts: the views of
medbal.present.views and medbal.present.authoring (the CLI's JSON, so the description
and `--format json` cannot drift apart), the request declarations of
medbal.serve.requests (the same ones the server checks bodies against, so closed to
other keys as the server is), and the few shapes below that only the server gives.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from medbal import __version__
from medbal.core.langs import LANGS
from medbal.present.authoring import GraphView, InventoryView
from medbal.present.estimates import EstimateView
from medbal.present.views import ChecklistsView, DiagnoseView
from medbal.serve.requests import BatchCase, DiagnoseRequest, EstimateRequest

# --- shapes that are not a view of medbal.present.views -------------------------


class ErrorView(TypedDict):
    code: int  # the exit code the CLI gives for the same error: 2 bad input, 1 a failure
    message: str


class ErrorEnvelope(TypedDict):
    """Every refusal and failure: the CLI's JSON error envelope, in the request's language."""

    status: Literal["error"]
    error: ErrorView


class CaseAnswer(DiagnoseView):
    """A case of a batch answered: the one-shot envelope with the case's `id`."""

    id: Any


class CaseError(ErrorEnvelope):
    """A case of a batch that could not be answered, in its place, with its `id`."""

    id: Any


class HealthView(TypedDict):
    status: Literal["ok"]
    version: str
    trees: list[str]


SCHEMAS: tuple[Any, ...] = (
    DiagnoseView,
    ChecklistsView,
    EstimateView,
    ErrorEnvelope,
    CaseAnswer,
    CaseError,
    InventoryView,
    GraphView,
    HealthView,
    DiagnoseRequest,
    BatchCase,
    EstimateRequest,
)


# The server refuses a body with a key these do not declare; an answer may grow keys
# (README, JSON output: new keys may be added, none removed), so the views stay open.
CLOSED = ("DiagnoseRequest", "BatchCase", "EstimateRequest")


def schemas() -> dict[str, Any]:
    """Every component schema; the request bodies closed to keys they do not declare."""
    from medbal.core.structs import msgspec

    _, components = msgspec.json.schema_components(
        SCHEMAS, ref_template="#/components/schemas/{name}"
    )
    for name in CLOSED:
        components[name]["additionalProperties"] = False
    _served_rows(components["TreeRow"])
    return dict(sorted(components.items()))


def _served_rows(row: dict[str, Any]) -> None:
    """A row of the server's tree list names no file of the server and is never invalid
    (it starts only on valid files): the view's schema without those."""
    for key in ("file", "problems"):
        del row["properties"][key]
    row["properties"]["kind"]["enum"].remove("invalid")


# --- the paths -------------------------------------------------------------------


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


LANG_QUERY = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "The language of the answer and its errors (else Accept-Language, "
    "else the server's default). / 回答和错误信息的语言。",
    "schema": {"type": "string", "enum": list(LANGS)},
}
ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "Used when neither the body nor the query names `lang`.",
    "schema": {"type": "string"},
}
ERRORS = {
    "400": "Bad input: malformed JSON, an unknown key, a value of the wrong type, an "
    "unknown question or answer / 输入有误",
    "404": "No such tree or category / 没有这棵树或这个类别",
    "408": "The request body did not arrive in time / 请求正文超时",
    "413": "The request body is too large / 请求正文过大",
    "415": "The request body is not sent as JSON / 请求正文不是 JSON",
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _operation(
    summary: str,
    description: str,
    ok: dict[str, Any],
    errors: tuple[str, ...],
    body: str | None = None,
    path: dict[str, Any] | None = None,
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "description": description,
        "parameters": ([path] if path else []) + [LANG_QUERY, ACCEPT_LANGUAGE],
        "responses": {
            "200": ok,
            **{code: _json(_ref("ErrorEnvelope"), ERRORS[code]) for code in errors},
        },
    }
    if body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(body)}},
        }
    return operation


def _path_param(name: str, description: str, examples: list[str]) -> dict[str, Any]:
    schema = {"type": "string", "examples": examples}
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


POST_ERRORS = ("400", "404", "408", "413", "415")


def document(
    trees: list[str], batch_limit: int, body_limit: int, batch_body_limit: int
) -> dict[str, Any]:
    """The whole description; `trees` are the ids this server answers for."""
    tree_id = _path_param("id", "A tree id.", trees)
    category = _path_param(
        "category", "A category number (1-11) or short name.", ["1", "short-trip"]
    )
    html = {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}
    limits = f"A request body is at most {body_limit:,} bytes ({batch_body_limit:,} for /v1/batch)."
    paths = {
        "/v1/diagnose": {
            "post": _operation(
                "One case: an outcome or the next question / 诊断一个案例",
                "Exactly `medbal diagnose TREE --answer ... --format json`: `status` is "
                "`outcome` or `needs-answer`, both with HTTP 200. " + limits,
                _json(_ref("DiagnoseView"), "The one-shot envelope"),
                POST_ERRORS,
                body="DiagnoseRequest",
            )
        },
        "/v1/batch": {
            "post": _operation(
                f"Up to {batch_limit:,} cases at once / 批量诊断",
                "A JSON array of cases, answered in order by the `--batch` rules: each "
                "envelope carries its case's `id`; a case that cannot be answered gets an "
                "error envelope in its place. " + limits,
                _json(
                    {
                        "type": "array",
                        "items": {"anyOf": [_ref("CaseAnswer"), _ref("CaseError")]},
                    },
                    "One envelope per case, in order",
                ),
                ("400", "408", "413", "415"),
                body=None,
            )
        },
        "/v1/trees": {
            "get": _operation(
                "The trees and data files / 树文件列表",
                "`medbal tree list --format json`, without the files' paths.",
                _json(_ref("InventoryView"), "One row per file"),
                ("400",),
            )
        },
        "/v1/trees/{id}": {
            "get": _operation(
                "A tree as a graph / 导出一棵树",
                "`medbal tree export ID --format json`.",
                _json(_ref("GraphView"), "The tree's questions, outcomes and edges"),
                ("400", "404"),
                path=tree_id,
            )
        },
        "/v1/docs": {
            "get": _operation(
                "Every checklist / 全部材料清单",
                "`medbal docs --format json`.",
                _json(_ref("ChecklistsView"), "All eleven categories"),
                ("400",),
            )
        },
        "/v1/docs/{category}": {
            "get": _operation(
                "One checklist / 一类的材料清单",
                "`medbal docs CATEGORY --format json`.",
                _json(_ref("ChecklistsView"), "One category"),
                ("400", "404"),
                path=category,
            )
        },
        "/docs/{category}.html": {
            "get": _operation(
                "One checklist, printable on A4 / 可打印的材料清单",
                "`medbal docs CATEGORY --format html`.",
                html,
                ("400", "404"),
                path=category,
            )
        },
        "/v1/estimate": {
            "post": _operation(
                "What the pooled fund may pay back / 估算统筹基金报销",
                "`medbal estimate BILL --threshold ... --item ID=AMOUNT --region ... "
                "--format json`. " + limits,
                _json(_ref("EstimateView"), "The estimate, slice by slice"),
                ("400", "408", "413", "415"),
                body="EstimateRequest",
            )
        },
        "/": {
            "get": _operation(
                "The web page / 网页",
                "The page of `medbal page`: every citizen tree, offline, in both languages.",
                html,
                ("400",),
            )
        },
        "/healthz": {
            "get": {
                "summary": "Whether this process answers / 健康检查",
                "responses": {"200": _json(_ref("HealthView"), "It does")},
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This description / 本接口说明",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }
    paths["/v1/batch"]["post"]["requestBody"] = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "array", "maxItems": batch_limit, "items": _ref("BatchCase")}
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "medbal",
            "version": __version__,
            "description": "Why a medical-insurance personal account shows 0, and what to "
            "bring to claim costs back: the answers of the medbal command line over HTTP, "
            "stateless (every request carries all its answers). / 医保个人账户为什么是 0，"
            "报销要带哪些材料：medbal 命令行的回答，以 HTTP 提供，无状态。",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": {"schemas": schemas()},
    }
