"""GET /releases (the published data releases) and their files, from `oversight release`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from pydantic import BaseModel

from oversight.api.models import ERROR_RESPONSES
from oversight.errors import NotFound
from oversight.publish.release import RELEASE_NAME, release_file, releases

router = APIRouter(tags=["releases"], responses={404: ERROR_RESPONSES[404]})


class ReleaseResource(BaseModel):
    name: str
    path: str
    bytes: int
    hash: str
    format: str
    url: str


class Release(BaseModel):
    number: int
    date: str
    name: str
    created: str | None = None
    counts: dict[str, int]
    changes: dict[str, int]
    datapackage: str
    resources: list[ReleaseResource]


def releases_dir(request: Request) -> Path:
    return Path(request.app.state.releases_dir)


def release_views(root: Path) -> list[dict[str, Any]]:
    """The releases with the download address of each file."""
    return [{**r, "datapackage": f"/api/v1/releases/{r['name']}/datapackage.json",
             "resources": [{**res, "url": f"/api/v1/releases/{r['name']}/{res['path']}"}
                           for res in r["resources"]]}
            for r in releases(root)]


@router.get("/releases", response_model=list[Release], summary="Data releases")
def list_releases(request: Request) -> list[dict[str, Any]]:
    """Dated, numbered releases written by `oversight release`, newest first, with the size and
    SHA-256 hash of every file and the count of records added, changed and removed."""
    return release_views(releases_dir(request))


@router.get("/releases/{name}/{path}", summary="A file of a data release",
            response_class=FileResponse, responses={200: {"content": {"application/octet-stream": {}}}})
def release_download(
    request: Request,
    name: Annotated[str, PathParam(pattern=RELEASE_NAME.pattern, max_length=40)],
    path: Annotated[str, PathParam(max_length=100)],
) -> FileResponse:
    """One file of a release, as listed in its `datapackage.json`."""
    found = release_file(releases_dir(request), name, path)
    if found is None:
        raise NotFound(f"no file {path!r} in release {name!r}")
    return FileResponse(found, filename=path)
