"""The US Consolidated Screening List (trade.gov), as CSV and as JSON.

Each record names the list it comes from in `source` ("Entity List (EL) - Bureau of
Industry and Security"), so one file feeds several of our list ids. Records: `_id` (CSV) or
`id` (JSON), `source`, `type` (Entity, Individual, Vessel, Aircraft), `name`, `alt_names`
(a list in JSON, `; `-separated in CSV), `programs`, `start_date`, `addresses`.
The file carries no publication date: the import asks for one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from oversight.listfiles.common import FileProblem, csv_rows, iso_date, read_text, split_names
from oversight.listfiles.model import AIRCRAFT, ORGANISATION, PERSON, VESSEL, ListEntry, ParsedList

KINDS = {"entity": ORGANISATION, "individual": PERSON, "vessel": VESSEL, "aircraft": AIRCRAFT}
# CSL `source` -> our list id, by the abbreviation in parentheses; the rest are `us_csl`.
SOURCES = {"(EL)": "us_entity_list", "(SDN)": "ofac_sdn", "(CMIC)": "ns_cmic_list"}
DEFAULT_LIST = "us_csl"


def list_of(source: str, forced: str | None) -> str:
    if forced:
        return forced
    return next((ours for mark, ours in SOURCES.items() if mark in source), DEFAULT_LIST)


def _entry(record: dict[str, Any], line: int | None, where: str, forced: str | None
           ) -> ListEntry:
    key = str(record.get("_id") or record.get("id") or "").strip()
    name = str(record.get("name") or "").strip()
    kind = KINDS.get(str(record.get("type") or "").strip().lower())
    for field, value in (("id", key), ("name", name), ("type", kind)):
        if not value:
            raise FileProblem(line, f"missing or unknown {field}", f"{where}{field}")
    alt = record.get("alt_names") or []
    aliases = tuple(alt) if isinstance(alt, list) else split_names(str(alt))
    programs = record.get("programs") or []
    try:
        listed = iso_date(record.get("start_date"))
    except ValueError as error:
        raise FileProblem(line, str(error), f"{where}start_date") from None
    return ListEntry(key, list_of(str(record.get("source") or ""), forced), name, kind or "",
                     aliases, listed, tuple(programs) if isinstance(programs, list)
                     else split_names(str(programs)), (), line)


def parse_csv(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("csl-csv", None)
    for line, row in csv_rows(read_text(path)):
        assert isinstance(row, dict)
        try:
            parsed.entries.append(_entry(row, line, "", forced_list))
        except FileProblem as problem:
            parsed.problems.append(problem.at(path))
    return parsed


def parse_json(path: Path, forced_list: str | None = None) -> ParsedList:
    try:
        document = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise FileProblem(error.lineno, f"malformed JSON: {error.msg}") from None
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        raise FileProblem(1, "no 'results' list: not a Consolidated Screening List file",
                          "results")
    parsed = ParsedList("csl-json", None)
    for number, record in enumerate(results):
        try:
            if not isinstance(record, dict):
                raise FileProblem(None, "not an object", f"results[{number}]")
            parsed.entries.append(_entry(record, None, f"results[{number}].", forced_list))
        except FileProblem as problem:
            parsed.problems.append(problem.at(path))
    return parsed
