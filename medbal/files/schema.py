"""The JSON Schemas of the tree files, made from the field table (medbal.files.spec).

`medbal tree schema KIND` prints one; trees/schema/ holds a copy of each for editors
(yaml-language-server), and a test fails while a committed copy lags behind the table.
Kept apart from the table, which every load reads: only that command needs this.
"""

from __future__ import annotations

from typing import Any

from medbal.core.kinds import DEFAULT, KINDS, OWN_FIELDS
from medbal.core.langs import LANGS
from medbal.files.limits import DATE_PATTERN, ID_PATTERN, SOURCE_PATTERN
from medbal.files.spec import OBJECTS, Field, names

_NAME = {"type": "string", "minLength": 1}
_LANGS = ", ".join(LANGS)
# A region: an id (of REGIONS, or national), or a name written inline.
REGION_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {"type": "string", "pattern": ID_PATTERN},
        {
            "type": "object",
            "additionalProperties": False,
            "required": list(LANGS),
            "properties": {
                **dict.fromkeys(LANGS, _NAME),
                "id": {"type": "string", "pattern": ID_PATTERN},
            },
        },
    ]
}

_LEAVES: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "text": {"$ref": "#/definitions/text"},
    "date": {"type": "string", "pattern": DATE_PATTERN},
    "amount": {"type": "number", "minimum": 0},
    "percent": {"type": "number", "minimum": 0, "maximum": 100},
    "sources": {
        "type": "array",
        "minItems": 1,
        "items": {"type": "string", "pattern": SOURCE_PATTERN},
    },
    "region": REGION_SCHEMA,
}


def _type_schema(type_: str) -> dict[str, Any]:
    kind, _, arg = type_.partition(":")
    if kind == "enum":
        values = arg.split("|")
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if kind == "list":
        return {
            "type": "array",
            "items": _type_schema(arg) if arg in _LEAVES else {"$ref": f"#/definitions/{arg}"},
        }
    if kind == "object":
        return {"$ref": f"#/definitions/{arg}"}
    if kind == "map":
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {"$ref": f"#/definitions/{arg}"},
        }
    return dict(_LEAVES[type_])


def _field_schema(f: Field) -> dict[str, Any]:
    # A whole number has its own bounds, the loader's (medbal.files.yamlread.Reader.integer).
    number = {"type": "integer", "minimum": f.low, "maximum": f.high}
    if f.type == "int":
        return number
    if f.type == "checklist":  # one category, or a list of them, each once
        many = {"type": "array", "minItems": 1, "uniqueItems": True, "items": number}
        return {"oneOf": [number, many]}
    return _type_schema(f.type)


def _object_schema(obj: str) -> dict[str, Any]:
    required, _ = names(obj)
    props = {f.name: {**_field_schema(f), "description": f.doc} for f in OBJECTS[obj]}
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": props,
    }
    return {**schema, "allOf": _kinds()} if obj == "question" else schema


def _kinds() -> list[dict[str, Any]]:
    """A question's own fields by its kind (medbal.core.kinds): those its kind requires,
    none of another kind's.  A question without `kind` is a choice."""
    out = []
    for kind in KINDS.values():
        named = {"properties": {"kind": {"const": kind.NAME}}, "required": ["kind"]}
        when = (
            {"anyOf": [named, {"not": {"required": ["kind"]}}]} if kind.NAME == DEFAULT else named
        )
        others = [f for f in OWN_FIELDS if f not in kind.FIELDS]
        then: dict[str, Any] = {"required": [f for f, needed in kind.FIELDS.items() if needed]}
        if others:
            then["not"] = {"anyOf": [{"required": [f]} for f in others]}
        out.append({"if": when, "then": then})
    return out


def _used(obj: str, seen: set[str]) -> None:
    seen.add(obj)
    for f in OBJECTS[obj]:
        arg = f.type.partition(":")[2]
        if f.type.startswith(("list:", "map:", "object:")) and arg in OBJECTS and arg not in seen:
            _used(arg, seen)


def json_schema(root: str) -> dict[str, Any]:
    """A Draft-07 schema for a file whose top level is `root` (decision-tree, checklists, rates)."""
    seen: set[str] = set()
    _used(root, seen)
    definitions = {obj: _object_schema(obj) for obj in sorted(seen - {root})}
    definitions["text"] = {
        "type": "object",
        "additionalProperties": False,
        "required": list(LANGS),
        "description": f"A text a person reads, in every language medbal speaks ({_LANGS}).",
        "properties": {
            **{lang: {"type": "string", "minLength": 1} for lang in LANGS},
            "region": {**REGION_SCHEMA, "description": "The text is one region's rule."},
        },
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"medbal {root} file",
        **_object_schema(root),
        "definitions": definitions,
    }
