"""The contribution form as plain data: form fields <-> a deployment payload, and the loader's
field paths (`sources[0].url`) mapped back to the form field that shows the error, in plain words."""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import FormData

from oversight.registry.records import country_name
from oversight.review.contributions import FieldProblem
from oversight.vocab import VOCAB

SUPPLIER_ROWS = 3
TEXT_FIELDS = ("country", "city", "status", "year", "buyer", "description", "source_url", "source_title",
               "source_publisher", "source_published")


def country_options() -> list[tuple[str, str]]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    return sorted(((code, country_name(code) or code) for code in codes), key=lambda pair: pair[1])


def choices() -> dict[str, Any]:
    """What the form's selects and checkboxes offer, from schema.yaml."""
    return {"technologies": VOCAB.technologies, "statuses": VOCAB.statuses,
            "supplier_roles": VOCAB.supplier_roles, "countries": country_options(),
            "supplier_rows": range(SUPPLIER_ROWS)}


def from_form(form: FormData) -> dict[str, Any]:
    """The values as typed, for re-showing the form."""
    values: dict[str, Any] = {name: str(form.get(name) or "").strip() for name in TEXT_FIELDS}
    values["technologies"] = [str(t) for t in form.getlist("technologies")]
    for i in range(SUPPLIER_ROWS):
        values[f"supplier_{i}"] = str(form.get(f"supplier_{i}") or "").strip()
        values[f"supplier_role_{i}"] = str(form.get(f"supplier_role_{i}") or "supplier")
    return values


def to_payload(values: dict[str, Any]) -> dict[str, Any]:
    """A deployment record in the registry's input format; empty fields are left out, so the
    record model reports what is missing."""
    suppliers = [{"organisation": values[f"supplier_{i}"], "role": values[f"supplier_role_{i}"]}
                 for i in range(SUPPLIER_ROWS) if values.get(f"supplier_{i}")]
    source = {key: values[f"source_{key}"] for key in ("url", "title", "publisher", "published")
              if values.get(f"source_{key}")}
    payload: dict[str, Any] = {
        "country": values["country"] or None, "city": values["city"] or None,
        "buyer": values["buyer"] or None, "description": values["description"] or None,
        "suppliers": suppliers, "technologies": values["technologies"],
        "status": values["status"] or None, "announced": values["year"] or None,
        "sources": [source] if source else [],
    }
    return {key: value for key, value in payload.items() if value is not None}


def to_values(payload: dict[str, Any]) -> dict[str, Any]:
    """The form's values for a stored payload (to edit a contribution)."""
    source = (payload.get("sources") or [{}])[0]
    values: dict[str, Any] = {
        "country": payload.get("country", ""), "city": payload.get("city", ""),
        "status": payload.get("status", ""), "year": payload.get("announced", ""),
        "buyer": payload.get("buyer", ""), "description": payload.get("description", ""),
        "technologies": list(payload.get("technologies", [])),
        **{f"source_{key}": source.get(key, "") for key in ("url", "title", "publisher", "published")},
    }
    suppliers = payload.get("suppliers", [])
    for i in range(SUPPLIER_ROWS):
        supplier = suppliers[i] if i < len(suppliers) else {}
        values[f"supplier_{i}"] = supplier.get("organisation", "")
        values[f"supplier_role_{i}"] = supplier.get("role", "supplier")
    return values


def form_field(path: str) -> str:
    """`sources[0].url` -> `source_url`; `suppliers[1].role` -> `supplier_role_1`."""
    if path == "announced":
        return "year"
    if path == "sources" or path.startswith("sources["):
        match = re.match(r"sources\[\d+\]\.(\w+)", path)
        return f"source_{match.group(1)}" if match else "source_url"
    match = re.match(r"suppliers\[(\d+)\](?:\.(\w+))?", path)
    if match:
        return f"supplier_role_{match.group(1)}" if match.group(2) == "role" else f"supplier_{match.group(1)}"
    return path.split("[", 1)[0].split(".", 1)[0]


# What to do, said plainly, for each form field: when it is missing, and when it is not valid.
DATE_HINT = "Write the date as 2021-03-04, or just the month (2021-03) or the year (2021)."
PLAIN_MISSING = {
    "country": "Choose the country where the system is used.",
    "technologies": "Tick at least one technology.",
    "status": "Choose a status: where the project stands, as far as the source says.",
    "source_url": "Give the web address of a source that shows this (every fact needs evidence).",
}
PLAIN_INVALID = {
    "country": "Choose a country from the list.",
    "technologies": "Choose technologies from the list.",
    "status": "Choose a status from the list.",
    "year": "Write the year as 2021, or the month or day as 2021-03 or 2021-03-04.",
    "source_url": "This is not a web address: it should start with https:// (or http://).",
    "source_published": DATE_HINT,
}
EMPTY = ("missing", "too_short", "string_too_short")


def plain_error(problem: FieldProblem) -> tuple[str, str]:
    """The form field a problem belongs next to, and what to do about it in a plain sentence."""
    field = form_field(problem.field)
    row = re.match(r"supplier(_role)?_(\d+)$", field)
    if row:
        role = bool(row.group(1))
        return field, ("Choose the supplier's role from the list." if role
                       else "Write the supplier's name, or leave this row empty.")
    if problem.kind == "string_too_long":
        limit = re.search(r"\d+", problem.message)
        return field, (f"This is too long: keep it to {limit.group(0)} characters or fewer." if limit
                       else "This is too long: shorten it.")
    if problem.kind in EMPTY and field in PLAIN_MISSING:
        return field, PLAIN_MISSING[field]
    if field in PLAIN_INVALID:
        return field, PLAIN_INVALID[field]
    message = problem.message.strip().rstrip(".")
    return field, f"{message[:1].upper()}{message[1:]}."
