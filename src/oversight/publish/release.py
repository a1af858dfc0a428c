"""Versioned data releases: a dated, numbered folder of exports described by a Frictionless data
package, with a changelog of the records added, changed and removed since the previous release.

A release folder is `<root>/<number>-<date>/` (e.g. `3-2026-12-03/`). It is written under a
temporary name and renamed when complete, so a reader never sees half a release; a release is
never rewritten. The previous release's `deployments.jsonl` is what the changelog compares with.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from oversight.hashing import file_sha256
from oversight.publish import exports

PACKAGE_FILE = "datapackage.json"
CHANGES_FILE = "changes.json"
SNAPSHOT_FILE = "deployments.jsonl"
RELEASE_NAME = re.compile(r"^(?P<number>[1-9][0-9]*)-(?P<date>\d{4}-\d{2}-\d{2})$")
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
# Fields that move on every load without the record's facts changing.
BOOKKEEPING = ("created_at", "updated_at")

# Table Schema of the CSV: the flat columns of exports.FLAT_COLUMNS with their types.
CSV_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("string", "stable identifier of the deployment"),
    "country": ("string", "ISO 3166-1 alpha-3 code of the country where the system is used"),
    "country_name": ("string", "the country's name"),
    "city": ("string", "city or cities, separated by '; '"),
    "region": ("string", "province or state"),
    "buyer": ("string", "the buyer agency"),
    "suppliers": ("string", "suppliers with their role in brackets, separated by '; '"),
    "supplier_countries": ("string", "home countries of the suppliers (ISO alpha-3), '; '"),
    "technologies": ("string", "technology ids of schema.yaml, separated by '; '"),
    "status": ("string", "deployment status id of schema.yaml"),
    "status_as_of": ("string", "partial ISO date: the latest publication date among the sources "
                               "supporting the status (else of any source)"),
    "announced": ("string", "partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "started": ("string", "partial ISO date"),
    "ended": ("string", "partial ISO date"),
    "year": ("integer", "the year the deployment started or was announced"),
    "contract_value": ("number", "contract value as reported, in `currency`"),
    "currency": ("string", "ISO 4217 code"),
    "contract_value_scope": ("string", "whose contract value it is: 'deployment' or 'programme' "
                                       "(schema.yaml contract_value_scopes)"),
    "financing": ("string", "how the deployment was financed"),
    "description": ("string", "summary in the registry's own words"),
    "disputes": ("string", "where sources disagree"),
    "confidence": ("number", "0 to 1: how well the sources establish the deployment"),
    "review_state": ("string", "review state id of schema.yaml"),
    "single_source": ("string", "why one source suffices, for an operational deployment with one"),
    "source_urls": ("string", "URLs of the sources, separated by '; '"),
    "created_at": ("string", "when the record entered this registry (UTC)"),
    "updated_at": ("string", "when the record last changed in this registry (UTC)"),
}


@dataclass(frozen=True)
class ReleaseFile:
    name: str  # the resource name in the data package
    path: str
    fmt: str  # an exports format
    mediatype: str
    title: str


RELEASE_FILES = (
    ReleaseFile("deployments", "deployments.csv", "csv", "text/csv", "Deployments, one row each"),
    ReleaseFile("deployments-jsonl", SNAPSHOT_FILE, "jsonl", "application/jsonl",
                "Deployments with suppliers and sources, one JSON object a line"),
    ReleaseFile("deployments-parquet", "deployments.parquet", "parquet",
                "application/vnd.apache.parquet", "Deployments as Parquet"),
    ReleaseFile("deployments-geojson", "deployments.geojson", "geojson", "application/geo+json",
                "Deployments as GeoJSON points (city, else country centroid)"),
    ReleaseFile("entities-ftm", "entities.ftm.json", "ftm", "application/json",
                "FollowTheMoney entities: organisations, deployments, listings, sources"),
)


class ReleaseError(Exception):
    """A release could not be written; nothing was left behind."""


def releases(root: Path) -> list[dict[str, Any]]:
    """The releases in `root`, newest first: number, date, name, created, counts, changes."""
    found = []
    for folder in root.iterdir() if root.is_dir() else ():
        match = RELEASE_NAME.match(folder.name)
        package = folder / PACKAGE_FILE
        if not match or not package.is_file():
            continue
        meta = json.loads(package.read_text("utf-8"))
        found.append({
            "number": int(match["number"]), "date": match["date"], "name": folder.name,
            "created": meta.get("created"), "counts": meta.get("oversight", {}).get("counts", {}),
            "changes": meta.get("oversight", {}).get("changes", {}),
            "resources": [{"name": r["name"], "path": r["path"], "bytes": r["bytes"], "hash": r["hash"],
                           "format": r["format"]} for r in meta.get("resources", [])],
        })
    return sorted(found, key=lambda r: r["number"], reverse=True)


def release_file(root: Path, name: str, path: str) -> Path | None:
    """A file of a release, or None: only names of releases and of their listed resources resolve,
    so no request can reach outside the releases folder."""
    release = next((r for r in releases(root) if r["name"] == name), None)
    if release is None or path not in {r["path"] for r in release["resources"]} | {PACKAGE_FILE}:
        return None
    return root / name / path


def _snapshot(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def _facts(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in BOOKKEEPING}


def changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Records added, removed and changed (with the fields that changed) between two snapshots."""
    changed = []
    for key in sorted(before.keys() & after.keys()):
        old, new = _facts(before[key]), _facts(after[key])
        fields = sorted(f for f in old.keys() | new.keys() if old.get(f) != new.get(f))
        if fields:
            changed.append({"id": key, "fields": fields})
    return {"added": sorted(after.keys() - before.keys()),
            "removed": sorted(before.keys() - after.keys()), "changed": changed}


def _changelog(name: str, previous: str | None, diff: dict[str, Any],
               records: dict[str, dict[str, Any]], old: dict[str, dict[str, Any]]) -> str:
    lines = [f"# Changes in release {name}", ""]
    if previous is None:
        lines += [f"First release: {len(records)} deployments.", ""]
        return "\n".join(lines)
    lines += [f"Since release {previous}: {len(diff['added'])} added, {len(diff['changed'])} changed, "
              f"{len(diff['removed'])} removed.", ""]
    for title, ids, source in (("Added", diff["added"], records), ("Removed", diff["removed"], old)):
        if ids:
            lines += [f"## {title}", ""]
            lines += [f"- `{i}` ({source[i]['country']}, {source[i]['status']})" for i in ids]
            lines.append("")
    if diff["changed"]:
        lines += ["## Changed", ""]
        lines += [f"- `{c['id']}`: {', '.join(c['fields'])}" for c in diff["changed"]]
        lines.append("")
    return "\n".join(lines)


def _resource(folder: Path, spec: ReleaseFile) -> dict[str, Any]:
    path = folder / spec.path
    resource: dict[str, Any] = {
        "name": spec.name, "path": spec.path, "title": spec.title,
        "format": spec.path.rsplit(".", 1)[-1], "mediatype": spec.mediatype,
        "bytes": path.stat().st_size, "hash": f"sha256:{file_sha256(path)}",
    }
    if spec.fmt == "csv":
        resource.update(profile="tabular-data-resource", encoding="utf-8", schema={
            "fields": [{"name": name, "type": kind, "description": text}
                       for name, (kind, text) in CSV_FIELDS.items()],
            "primaryKey": ["id"]})
    return resource


def write_release(root: Path, deployments: list[dict[str, Any]], organisations: Iterable[dict[str, Any]],
                  listings: Iterable[dict[str, Any]], *, today: date | None = None,
                  title: str = "Oversight: AI surveillance deployments") -> dict[str, Any]:
    """Write the next numbered release of these records under `root`; returns its description."""
    today = today or datetime.now(UTC).date()
    existing = releases(root)
    previous = existing[0] if existing else None
    number = previous["number"] + 1 if previous else 1
    name = f"{number}-{today.isoformat()}"
    root.mkdir(parents=True, exist_ok=True)
    work = root / f".partial-{name}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        organisations, listings = list(organisations), list(listings)
        for spec in RELEASE_FILES:
            with (work / spec.path).open("wb") as stream:
                _write(spec.fmt, stream, deployments, organisations, listings)
        records = _snapshot(work / SNAPSHOT_FILE)
        old = _snapshot(root / previous["name"] / SNAPSHOT_FILE) if previous else {}
        diff = changes(old, records)
        (work / CHANGES_FILE).write_text(json.dumps({"release": name, "previous": previous and
                                                     previous["name"], **diff}, indent=2) + "\n",
                                         encoding="utf-8")
        (work / "CHANGELOG.md").write_text(
            _changelog(name, previous and previous["name"], diff, records, old), encoding="utf-8")
        resources = [_resource(work, spec) for spec in RELEASE_FILES]
        resources += [_resource(work, ReleaseFile("changes", CHANGES_FILE, "json", "application/json",
                                                  "Records added, changed and removed since the "
                                                  "previous release")),
                      _resource(work, ReleaseFile("changelog", "CHANGELOG.md", "md", "text/markdown",
                                                  "The changes in words"))]
        sources = {s["url"]: s for d in deployments for s in d.get("sources", [])}
        package = {
            "name": "oversight-deployments", "title": title, "version": str(number),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "licenses": [LICENCE],
            "sources": [{"title": s.get("title") or s.get("publisher") or url, "path": url}
                        for url, s in sorted(sources.items())],
            "resources": resources,
            "oversight": {
                "release": name, "previous": previous and previous["name"],
                "counts": {"deployments": len(deployments), "organisations": len(organisations),
                           "listings": len(listings), "sources": len(sources),
                           "countries": len({d["country"] for d in deployments})},
                "changes": {k: len(v) for k, v in diff.items()},
            },
        }
        (work / PACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
        final = root / name
        if final.exists():
            raise ReleaseError(f"{final} exists already; a release is never rewritten")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return next(r for r in releases(root) if r["name"] == name)


def _write(fmt: str, stream: IO[bytes], deployments: list[dict[str, Any]],
           organisations: list[dict[str, Any]], listings: list[dict[str, Any]]) -> None:
    if fmt == "ftm":
        exports.write_ftm(deployments, stream, organisations, listings)
    elif fmt == "jsonl":
        # sorted keys and rows: the snapshot diffs cleanly and hashes the same for the same data
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
        for record in sorted(deployments, key=lambda d: d["id"]):
            text.write(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str) + "\n")
        text.detach()
    else:
        exports.WRITERS[fmt](deployments, stream)
