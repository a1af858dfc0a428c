"""The OFAC SDN list as published by the US Treasury: `sdn.xml` and `sdn.csv`.

sdn.xml: `<sdnList>` with `<publshInformation><Publish_Date>MM/DD/YYYY` (OFAC's
spelling) and one `<sdnEntry>` per entry: `uid`, `lastName` (an entity's whole name),
`firstName` (persons), `sdnType` (Individual, Entity, Vessel, Aircraft),
`programList/program`, `akaList/aka/lastName`.

sdn.csv: no header; fields ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; `-0-` means empty, and an entity's
SDN_Type is empty. Aliases and the date are in other files (alt.csv), so the import asks
for the publication date.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from oversight.listfiles.common import (
    FileProblem,
    csv_rows,
    iso_date,
    local,
    read_text,
    text_of,
    xml_elements,
)
from oversight.listfiles.model import AIRCRAFT, ORGANISATION, PERSON, VESSEL, ListEntry, ParsedList

LIST_ID = "ofac_sdn"
KINDS = {"entity": ORGANISATION, "": ORGANISATION, "individual": PERSON, "vessel": VESSEL,
         "aircraft": AIRCRAFT}
EMPTY = "-0-"
CSV_FIELDS = 12


def parse_xml(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("ofac-sdn-xml", None)
    for element, _root in xml_elements(path, {"sdnEntry", "publshInformation"}):
        line = element.sourceline
        if etree.QName(element).localname == "publshInformation":
            try:
                parsed.published = iso_date(text_of(element, "Publish_Date"), us_order=True)
            except ValueError as error:
                parsed.problems.append(FileProblem(line, str(error), "Publish_Date").at(path))
            continue
        uid, kind = text_of(element, "uid"), KINDS.get(text_of(element, "sdnType").lower())
        name = " ".join(p for p in (text_of(element, "firstName"),
                                    text_of(element, "lastName")) if p)
        problem = ("uid" if not uid else "lastName" if not name
                   else "sdnType" if kind is None else None)
        if problem:
            parsed.problems.append(FileProblem(line, f"missing or unknown {problem}",
                                               problem).at(path))
            continue
        aliases = tuple(" ".join(p for p in (text_of(aka, "firstName"), text_of(aka, "lastName"))
                                 if p)
                        for akas in local(element, "akaList") for aka in local(akas, "aka"))
        programs = tuple((p.text or "").strip() for plist in local(element, "programList")
                         for p in local(plist, "program"))
        parsed.entries.append(ListEntry(uid, forced_list or LIST_ID, name, kind or "",
                                        tuple(a for a in aliases if a), None, programs, (), line))
    if parsed.published is None and not parsed.problems:
        parsed.problems.append(FileProblem(None, "no publshInformation/Publish_Date: not an "
                                           "OFAC SDN XML file", "Publish_Date").at(path))
    return parsed


def _value(cell: str) -> str:
    cell = cell.strip()
    return "" if cell == EMPTY else cell


def parse_csv(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("ofac-sdn-csv", None)
    # OFAC's legacy files end with an end-of-file character (Ctrl-Z).
    for line, row in csv_rows(read_text(path).rstrip("\x1a\r\n"), header=False):
        assert isinstance(row, list)
        if len(row) != CSV_FIELDS:
            parsed.problems.append(FileProblem(line, f"{len(row)} fields, not {CSV_FIELDS}: "
                                               "not an OFAC sdn.csv row").at(path))
            continue
        uid, name, kind_text, program = (_value(c) for c in row[:4])
        kind = KINDS.get(kind_text.lower())
        if not uid.isdigit() or not name or kind is None:
            field = "ent_num" if not uid.isdigit() else "SDN_Name" if not name else "SDN_Type"
            parsed.problems.append(FileProblem(line, f"missing or unknown {field}",
                                               field).at(path))
            continue
        parsed.entries.append(ListEntry(uid, forced_list or LIST_ID, name, kind,
                                        programs=tuple(p.strip("[] ") for p in program.split("]")
                                                       if p.strip("[] ")), line=line))
    return parsed
