"""Parsers of published restriction-list files: one plain function per format.

`parse_file(path)` recognises the format from the file's first bytes (and its extension)
and returns a `ParsedList`: entries as the publisher wrote them, the edition's
publication date, and every problem found with file, line and field. Nothing here
touches the store; `oversight.store.listimports` records an import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from oversight.errors import Problem
from oversight.listfiles import csl, eu, ofac, opensanctions, uk, un
from oversight.listfiles.common import FileProblem
from oversight.listfiles.model import ORGANISATION, ListEntry, ParsedList

Parser = Callable[[Path, "str | None"], ParsedList]
FORMATS: dict[str, Parser] = {
    "csl-csv": csl.parse_csv,
    "csl-json": csl.parse_json,
    "ofac-sdn-xml": ofac.parse_xml,
    "ofac-sdn-csv": ofac.parse_csv,
    "eu-fsf-xml": eu.parse_xml,
    "uk-csv": uk.parse_csv,
    "un-xml": un.parse_xml,
    "ftm-jsonl": opensanctions.parse_ftm,
    "targets-simple-csv": opensanctions.parse_targets_csv,
}
_XML_ROOTS = {b"<sdnList": "ofac-sdn-xml", b"<export": "eu-fsf-xml",
              b"<CONSOLIDATED_LIST": "un-xml"}

__all__ = ["FORMATS", "ORGANISATION", "ListEntry", "ParsedList", "detect", "parse_file"]


def detect(path: Path) -> str:
    """The format of a list file, from its first bytes; FileProblem when none fits."""
    with path.open("rb") as handle:
        head = handle.read(8192).lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        for marker, name in _XML_ROOTS.items():
            if marker in head:
                return name
        raise FileProblem(1, "XML, but not an OFAC SDN, EU FSF or UN consolidated list")
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        return "ftm-jsonl" if b'"schema"' in first_line else "csl-json"
    first, _, rest = head.partition(b"\n")
    if b"Unique ID" in rest.split(b"\n", 1)[0] or b"Group ID" in rest.split(b"\n", 1)[0]:
        return "uk-csv"
    if first.startswith((b"id,schema,name", b'"id","schema","name"')):
        return "targets-simple-csv"
    if b"source" in first and (b"_id" in first or b"entity_number" in first):
        return "csl-csv"
    if first[:1].isdigit():
        return "ofac-sdn-csv"
    raise FileProblem(1, "not a list format Oversight reads (CSL CSV/JSON, OFAC SDN XML/CSV, "
                      "EU FSF XML, UK CSV, UN XML, OpenSanctions FtM or targets.simple.csv)")


def parse_file(path: Path, *, list_id: str | None = None, format: str | None = None
               ) -> ParsedList:
    """Parse one list file; problems (never exceptions) say what is wrong and where."""
    try:
        name = format or detect(path)
        return FORMATS[name](path, list_id)
    except FileProblem as problem:
        return ParsedList(format or "unknown", None, [], [problem.at(path)])
    except OSError as error:
        return ParsedList(format or "unknown", None, [],
                          [Problem(str(path), None, None, f"cannot read file: {error.strerror}")])
