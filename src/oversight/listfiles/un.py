"""The UN Security Council consolidated list (XML).

`<CONSOLIDATED_LIST dateGenerated="...">` with `<INDIVIDUALS>` and `<ENTITIES>`; an
`<ENTITY>` has `DATAID`, `FIRST_NAME` (the entity's name), `UN_LIST_TYPE`,
`REFERENCE_NUMBER`, `LISTED_ON`, `NAME_ORIGINAL_SCRIPT` and `ENTITY_ALIAS/ALIAS_NAME`.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from oversight.listfiles.common import FileProblem, iso_date, local, text_of, xml_elements
from oversight.listfiles.model import ORGANISATION, PERSON, ListEntry, ParsedList

LIST_ID = "un_sanctions"


def parse_xml(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("un-xml", None)
    root_seen = False
    for element, root in xml_elements(path, {"ENTITY", "INDIVIDUAL"}):
        if not root_seen:
            root_seen = True
            if etree.QName(root).localname != "CONSOLIDATED_LIST":
                raise FileProblem(root.sourceline, "not a UN consolidated list (root element "
                                  f"is {etree.QName(root).localname})")
            try:
                parsed.published = iso_date(root.get("dateGenerated"))
            except ValueError as error:
                parsed.problems.append(FileProblem(root.sourceline, str(error),
                                                   "dateGenerated").at(path))
        line = element.sourceline
        person = etree.QName(element).localname == "INDIVIDUAL"
        key = text_of(element, "DATAID")
        name = " ".join(p for p in (text_of(element, f) for f in
                                    ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")) if p)
        if not key or not name:
            field = "DATAID" if not key else "FIRST_NAME"
            parsed.problems.append(FileProblem(line, f"missing {field}", field).at(path))
            continue
        aliases = [text_of(element, "NAME_ORIGINAL_SCRIPT")] + [
            text_of(a, "ALIAS_NAME") for a in local(element, "ENTITY_ALIAS")]
        try:
            listed = iso_date(text_of(element, "LISTED_ON"))
        except ValueError as error:
            parsed.problems.append(FileProblem(line, str(error), "LISTED_ON").at(path))
            continue
        program = text_of(element, "UN_LIST_TYPE")
        parsed.entries.append(ListEntry(key, forced_list or LIST_ID, name,
                                        PERSON if person else ORGANISATION,
                                        tuple(dict.fromkeys(a for a in aliases if a)), listed,
                                        (program,) if program else (), (), line))
    if not root_seen:
        raise FileProblem(1, "no ENTITY or INDIVIDUAL element: not a UN consolidated list")
    return parsed
