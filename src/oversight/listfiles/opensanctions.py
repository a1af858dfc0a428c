"""OpenSanctions exports: FollowTheMoney entities (JSON lines) and `targets.simple.csv`.

FtM lines: `{"id", "schema", "properties": {"name": [...], "alias": [...], "country":
[...], "program": [...]}, "datasets": [...], "first_seen", "last_seen", "target"}`.
Only targets (`"target": true`) are listings; Sanction, Address and link entities are
context. targets.simple.csv: `id, schema, name, aliases` (`;`-separated), `countries`,
`sanctions`, `dataset`, `first_seen`, `last_seen`, ... The edition's date is the latest
`last_seen` (when OpenSanctions last saw the entries in the source).
"""

from __future__ import annotations

import json
from pathlib import Path

from oversight.listfiles.common import FileProblem, csv_rows, iso_date, read_text, split_names
from oversight.listfiles.model import AIRCRAFT, ORGANISATION, PERSON, VESSEL, ListEntry, ParsedList

LIST_ID = "opensanctions"
KINDS = {"Company": ORGANISATION, "Organization": ORGANISATION, "LegalEntity": ORGANISATION,
         "PublicBody": ORGANISATION, "Person": PERSON, "Vessel": VESSEL, "Airplane": AIRCRAFT}


def _latest(current: str | None, seen: str | None) -> str | None:
    day = iso_date(seen)
    return max(d for d in (current, day) if d) if (current or day) else None


def parse_ftm(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("ftm-jsonl", None)
    with path.open(encoding="utf-8-sig") as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                parsed.problems.append(FileProblem(line, f"malformed JSON: {error.msg}").at(path))
                continue
            if not isinstance(record, dict) or not record.get("id") or not record.get("schema"):
                parsed.problems.append(FileProblem(line, "not a FollowTheMoney entity (needs "
                                                   "id and schema)", "id").at(path))
                continue
            kind = KINDS.get(record["schema"])
            if kind is None or record.get("target") is False:
                continue  # sanctions, addresses, links: context of a listing, not listings
            props = record.get("properties") or {}
            names = list(props.get("name") or [])
            if not names:
                parsed.problems.append(FileProblem(line, "an entity with no name",
                                                   "properties.name").at(path))
                continue
            try:
                parsed.published = _latest(parsed.published, record.get("last_seen"))
                listed = iso_date(record.get("first_seen"))
            except ValueError as error:
                parsed.problems.append(FileProblem(line, str(error), "last_seen").at(path))
                continue
            aliases = names[1:] + list(props.get("alias") or [])
            parsed.entries.append(ListEntry(
                str(record["id"]), forced_list or LIST_ID, names[0], kind,
                tuple(dict.fromkeys(aliases)), listed, tuple(props.get("program") or ()),
                tuple(props.get("country") or ()), line))
    return parsed


def parse_targets_csv(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("targets-simple-csv", None)
    for line, row in csv_rows(read_text(path)):
        assert isinstance(row, dict)
        kind = KINDS.get(row.get("schema", ""))
        if not row.get("id") or not row.get("name") or kind is None:
            field = "id" if not row.get("id") else "name" if not row.get("name") else "schema"
            parsed.problems.append(FileProblem(line, f"missing or unknown {field}",
                                               field).at(path))
            continue
        try:
            parsed.published = _latest(parsed.published, row.get("last_seen"))
            listed = iso_date(row.get("first_seen"))
        except ValueError as error:
            parsed.problems.append(FileProblem(line, str(error), "first_seen").at(path))
            continue
        parsed.entries.append(ListEntry(
            row["id"], forced_list or LIST_ID, row["name"], kind, split_names(row.get("aliases")),
            listed, split_names(row.get("sanctions")), split_names(row.get("countries")), line))
    return parsed
