"""GET /api/v1/docs: the API reference as a plain HTML page, rendered from the OpenAPI schema.

FastAPI's own docs page loads Swagger UI from a CDN and shows nothing offline; this page is
built on the server from the same schema, so it reads with no network and no JavaScript.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from oversight.portal.templating import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_label(schema: dict[str, Any]) -> str:
    """A short human label for a JSON schema: `integer`, `list of Technology`, `string or null`."""
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    if "anyOf" in schema:
        return " or ".join(type_label(option) for option in schema["anyOf"])
    kind = schema.get("type", "object")
    if kind == "array":
        return f"list of {type_label(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"map of {type_label(schema['additionalProperties'])}"
    return str(kind)


def _limits(schema: dict[str, Any]) -> str:
    bounds = [f"{label} {schema[key]}" for key, label in (("minimum", "≥"), ("maximum", "≤"),
                                                          ("maxLength", "length ≤")) if key in schema]
    return ", ".join(bounds)


def _body_schema(content: dict[str, Any]) -> str | None:
    for media in content.values():
        schema = media.get("schema", {})
        return type_label(schema) if schema else None
    return None


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the schema, in path order, flattened for the template."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            found.append({
                "method": method.upper(), "path": path, "anchor": op.get("operationId", path),
                "summary": op.get("summary", ""), "description": op.get("description", ""),
                "tags": op.get("tags", []),
                "parameters": [{
                    "name": p["name"], "where": p["in"], "required": p.get("required", False),
                    "type": type_label(p.get("schema", {})), "limits": _limits(p.get("schema", {})),
                    "default": p.get("schema", {}).get("default"), "description": p.get("description", ""),
                } for p in op.get("parameters", [])],
                "body": _body_schema(op.get("requestBody", {}).get("content", {})),
                "responses": [{"status": status, "description": r.get("description", ""),
                               "schema": _body_schema(r.get("content", {}))}
                              for status, r in op.get("responses", {}).items()],
            })
    return found


def schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        found.append({
            "name": name, "description": schema.get("description", ""), "enum": schema.get("enum"),
            "fields": [{"name": field, "type": type_label(sub), "required": field in required,
                        "description": sub.get("description", "")}
                       for field, sub in schema.get("properties", {}).items()],
        })
    return found


@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    documented = schemas(spec)
    return render(request, "api_docs.html", {
        "info": spec["info"], "operations": operations(spec), "schemas": documented,
        "schema_names": {s["name"] for s in documented}, "schema_url": request.app.openapi_url,
    })
