"""/countries/{iso3}/brief.pdf: a printable country brief, and the data it is made from (also
used by `oversight brief`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from sqlalchemy.orm import Session

from oversight import vocab
from oversight.analytics.index import INDEX_CAVEAT, index_series
from oversight.api.deps import get_session
from oversight.portal.worldmap import shapes
from oversight.publish.brief import write_brief
from oversight.store import queries
from oversight.store.queries import DeploymentFilter

router = APIRouter(include_in_schema=False)


def _labels(terms: tuple[vocab.Term, ...]) -> dict[str, str]:
    return {term.id: term.label for term in terms}


def brief_data(session: Session, iso3: str) -> dict[str, Any]:
    """Everything a country brief shows, as plain data (NotFound for a code that is no country)."""
    country = queries.country(session, iso3)
    lists = {d_s["name"]: d_s.get("lists") or [] for d in country["deployments"] for d_s in d["suppliers"]}
    own = queries.deployments(session, DeploymentFilter(country=[country["country"]]))
    return {
        "country": country,
        "generated": datetime.now(UTC).date().isoformat(),
        "caveat": "What the registry records, each fact with its sources; not a complete account of "
                  "what is deployed.",
        "suppliers": [{**s, "lists": lists.get(s["name"], [])} for s in country["suppliers"]],
        "index": index_series(own).get(country["country"], []),
        "index_caveat": INDEX_CAVEAT,
        "findings": [],
        "map": [(shape.iso3, shape.d) for shape in shapes()[0]],
        "technology_labels": _labels(vocab.VOCAB.technologies),
        "status_labels": _labels(vocab.VOCAB.statuses),
        "list_labels": _labels(vocab.VOCAB.restriction_lists),
    }


def brief_pdf(session: Session, iso3: str) -> bytes:
    out = io.BytesIO()
    write_brief(brief_data(session, iso3), out)
    return out.getvalue()


@router.get("/countries/{iso3}/brief.pdf")
def country_brief(iso3: Annotated[str, Path(pattern="^[A-Za-z]{3}$")],
                  session: Annotated[Session, Depends(get_session)]) -> Response:
    pdf = brief_pdf(session, iso3)
    name = f"oversight-brief-{iso3.upper()}.pdf"
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}"'})
