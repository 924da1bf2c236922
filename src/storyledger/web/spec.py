"""The OpenAPI description says every body the API takes and every error it answers.

FastAPI documents what its signatures show; the JSON write endpoint reads its body itself (to
cap it and to take one article or a list) and the refusals come from middleware, so both are
added here to the generated description.
"""
from __future__ import annotations

from fastapi import FastAPI
from pydantic import BaseModel

_ERROR = {"$ref": "#/components/schemas/Error"}
_EVERY = {"421": "The Host header names another server (DNS rebinding guard)",
          "503": "The ledger file cannot be read or written right now"}
_WRITES = {"400": "The body is not what the endpoint takes (the reason is named)",
           "401": "A bearer token is required (the app was started with --token)",
           "403": "A write from another origin",
           "413": "The body is over the upload limit",
           "415": "The body is not application/json",
           "422": "An input that cannot be added (the reason is named)"}
_BY_ID = {"404": "No such item"}
_FILTERS = {"400": "An unknown filter value (the allowed ones are named)"}


def document(app: FastAPI, article_in: type[BaseModel]) -> None:
    """Wrap ``app.openapi`` so the description carries the error responses and the write body."""
    base = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        doc = base()
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        schemas["Error"] = {"type": "object", "required": ["detail"],
                            "properties": {"detail": {"type": "string"}}}
        schemas[article_in.__name__] = article_in.model_json_schema(ref_template="#/components/schemas/{model}")
        for path, ops in doc.get("paths", {}).items():
            for method, op in ops.items():
                errors = dict(_EVERY)
                if method != "get":
                    errors.update(_WRITES)
                if "{" in path:
                    errors.update(_BY_ID)
                if any("enum" in str(p.get("schema")) for p in op.get("parameters", [])):
                    errors.update(_FILTERS)
                responses = op.setdefault("responses", {})
                for code, text in errors.items():
                    responses.setdefault(code, {"description": text,
                                                "content": {"application/json": {"schema": _ERROR}}})
                if method == "post" and path == "/api/articles":
                    one = _article_schema(schemas, article_in.__name__)
                    op["requestBody"] = {"required": True, "content": {"application/json": {
                        "schema": {"oneOf": [one, {"type": "array", "items": one, "minItems": 1}]}}}}
        app.openapi_schema = doc
        return doc

    app.openapi = openapi


def _article_schema(schemas: dict, name: str) -> dict:
    """What the endpoint takes, stricter than the model reads: a non-empty ``text`` or ``html``."""
    model = schemas[name]
    need = [{"required": [f], "properties": {f: {"type": "string", "minLength": 1}}} for f in ("text", "html")]
    schemas[name] = {**model, "anyOf": need}
    return {"$ref": f"#/components/schemas/{name}"}
