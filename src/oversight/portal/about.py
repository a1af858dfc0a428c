"""/methodology (vocabularies, the index, citing, licences), /downloads (every export format) and
/releases (the versioned data releases).

Both read their lists from the code that owns them: the vocabularies from schema.yaml through
oversight.vocab, the index from analytics.index_definition, the formats from publish.exports.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from oversight import __version__, vocab
from oversight.analytics.index import index_definition
from oversight.api.releases import release_views, releases_dir
from oversight.portal.templating import render
from oversight.publish.exports import FLAT_COLUMNS, FORMATS

router = APIRouter(include_in_schema=False)

# What each format holds; a format without a line here is still listed, with its id.
FORMAT_NOTES = {
    "csv": f"One row per deployment ({len(FLAT_COLUMNS)} columns); lists joined with “; ”. "
           "Cells that a spreadsheet would run as formulas are prefixed with a quote.",
    "json": "One JSON array of deployments, each with its suppliers, technologies and sources.",
    "jsonl": "The same objects as JSON, one per line, for streaming tools.",
    "parquet": "A typed columnar table for pandas, DuckDB, Spark or R; lists as list columns.",
    "geojson": "Deployment points (city, else capital) with their fields as properties.",
    "ftm": "FollowTheMoney entities (organisations, relations, sanctions), one per line, for Aleph "
           "and other investigative tools.",
}


@router.get("/methodology", response_class=HTMLResponse)
def methodology(request: Request) -> HTMLResponse:
    return render(request, "methodology.html", {
        "vocabulary": vocab.VOCAB,
        "definition": index_definition(),
        "version": __version__,
        "year": date.today().year,
        "twin": [("vocabularies", "/api/v1/vocabulary"), ("the index with its definition", "/api/v1/index"),
                 ("the API schema", "/api/v1/openapi.json")],
    })


@router.get("/downloads", response_class=HTMLResponse)
def downloads(request: Request) -> HTMLResponse:
    files = [{"format": fmt, "url": f"/api/v1/exports/{fmt}", "note": FORMAT_NOTES.get(fmt, "")}
             for fmt in FORMATS]
    if "geojson" in FORMATS:
        files.append({"format": "geojson (countries)", "url": "/api/v1/exports/geojson?level=country",
                      "note": "One point per country (at its capital) with the country's totals."})
    return render(request, "downloads.html", {
        "files": files,
        "version": __version__,
        "twin": [("", "/api/v1/openapi.json")],
    })


@router.get("/releases", response_class=HTMLResponse)
def releases_page(request: Request) -> HTMLResponse:
    return render(request, "releases.html", {
        "releases": release_views(releases_dir(request)),
        "twin": [("", "/api/v1/releases")],
    })
