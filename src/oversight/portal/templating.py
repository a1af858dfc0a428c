"""One Jinja2 environment for every page; `render` adds what the layout needs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from oversight import vocab
from oversight.registry.records import country_name

TEMPLATE_DIR = Path(str(resources.files("oversight.portal").joinpath("templates")))
templates = Jinja2Templates(directory=TEMPLATE_DIR)  # autoescapes .html templates


def render(request: Request, template: str, context: dict[str, Any] | None = None, *,
           status_code: int = 200) -> HTMLResponse:
    """Render a page; the layout gets the signed-in user and the CSRF token from request.state."""
    page = {
        "user": getattr(request.state, "user", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        **(context or {}),
    }
    return templates.TemplateResponse(request, template, page, status_code=status_code)


def _labels(terms: tuple[vocab.Term, ...]) -> dict[str, str]:
    return {term.id: term.label for term in terms}


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def _web_url(url: str | None) -> bool:
    """Only http(s) addresses become links: a "javascript:" URL in the data must stay text."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


# Labels come from schema.yaml through oversight.vocab (STYLE.md item 1), never from templates.
templates.env.globals.update(
    vocab=vocab.VOCAB,
    technology_label=_labels(vocab.VOCAB.technologies),
    status_label=_labels(vocab.VOCAB.statuses),
    role_label=_labels(vocab.VOCAB.supplier_roles),
    kind_label=_labels(vocab.VOCAB.organisation_kinds),
    list_label=_labels(vocab.VOCAB.restriction_lists),
    review_label=_labels(vocab.VOCAB.review_states),
    finding_state_label=_labels(vocab.VOCAB.finding_states),
    aigs_label={index.id: index.label for index in vocab.VOCAB.aigs_indexes},
    aigs_citations={index.id: index for index in vocab.VOCAB.aigs_indexes},
)
templates.env.filters.update(country_name=lambda code: country_name(code) or code if code else "",
                             percent=_percent)
templates.env.tests["web_url"] = _web_url
