"""GET /exports/{format}: the deployments matching the filters as a download.

The file is written by `Registry.export` (oversight.publish) into a spooled temporary file
(memory up to 8 MB, then disk) and streamed from there: Parquet and JSON need every row before
their first byte anyway, and a failure surfaces as an error response instead of a truncated
download.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from oversight.api.deps import deployment_filter, registry
from oversight.api.models import ERROR_RESPONSES, ExportFormat, GeoLevel
from oversight.store.queries import DeploymentFilter

SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_BYTES = 64 * 1024

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
    "ftm": "application/x-ndjson",
}
EXTENSIONS = {"ftm": "ftm.json"}

router = APIRouter(tags=["exports"], responses={422: ERROR_RESPONSES[422]})


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


@router.get(
    "/exports/{format}",
    summary="Export deployments",
    response_class=StreamingResponse,
    responses={200: {"description": "The export file", "content": {
        media: {} for media in dict.fromkeys(MEDIA_TYPES.values())}}},
)
def export(
    fmt: Annotated[ExportFormat, Path(alias="format", description="The file format.")],  # type: ignore[valid-type]
    request: Request,
    filters: Annotated[DeploymentFilter, Depends(deployment_filter)],
    level: Annotated[GeoLevel, Query(description="GeoJSON only: deployment points or country totals.")]
    = GeoLevel.deployment,
) -> StreamingResponse:
    """csv, json, jsonl, parquet, geojson or ftm (FollowTheMoney entities), as in `oversight export`."""
    fmt = str(fmt)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - closed after sending
    try:
        registry(request).export(fmt, spool, filters, level=str(level))
        size = spool.tell()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    per_country = fmt == "geojson" and level == GeoLevel.country
    filename = f"oversight-{'countries' if per_country else 'deployments'}.{EXTENSIONS.get(fmt, fmt)}"
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Content-Length": str(size)},
        background=BackgroundTask(spool.close),
    )
