"""The EU consolidated financial sanctions list (FSF XML, "xmlFullSanctionsList_1_1").

`<export generationDate="...">` holds one `<sanctionEntity logicalId euReferenceNumber
designationDate>` per subject, with `<subjectType code="person|enterprise">`,
`<nameAlias wholeName="..." nameLanguage strong>` (many languages) and `<regulation
programme publicationDate>` with its `<publicationUrl>` in the Official Journal.
"""

from __future__ import annotations

from pathlib import Path

from oversight.listfiles.common import FileProblem, iso_date, local, xml_elements
from oversight.listfiles.model import ORGANISATION, PERSON, ListEntry, ParsedList

LIST_ID = "eu_sanctions"
KINDS = {"enterprise": ORGANISATION, "person": PERSON}


def parse_xml(path: Path, forced_list: str | None = None) -> ParsedList:
    parsed = ParsedList("eu-fsf-xml", None)
    for element, root in xml_elements(path, {"sanctionEntity"}):
        line = element.sourceline
        if parsed.published is None:
            try:
                parsed.published = iso_date(root.get("generationDate"))
            except ValueError as error:
                parsed.problems.append(FileProblem(root.sourceline, str(error),
                                                   "generationDate").at(path))
        key = element.get("euReferenceNumber") or element.get("logicalId") or ""
        subject = local(element, "subjectType")
        kind = KINDS.get(subject[0].get("code", "") if subject else "")
        names = [n.get("wholeName", "").strip() for n in local(element, "nameAlias")]
        names = list(dict.fromkeys(n for n in names if n))
        problem = ("logicalId" if not key else "nameAlias" if not names
                   else "subjectType" if kind is None else None)
        if problem:
            parsed.problems.append(FileProblem(line, f"missing or unknown {problem}",
                                               problem).at(path))
            continue
        dates = [element.get("designationDate")] + [
            r.get("publicationDate") for r in local(element, "regulation")]
        try:
            listed = min((d for d in (iso_date(x) for x in dates) if d), default=None)
        except ValueError as error:
            parsed.problems.append(FileProblem(line, str(error), "designationDate").at(path))
            continue
        programs = tuple(dict.fromkeys(r.get("programme", "") for r in local(element, "regulation")
                                       if r.get("programme")))
        countries = tuple(dict.fromkeys(a.get("countryIso2Code", "")
                                        for a in local(element, "address")
                                        if a.get("countryIso2Code")))
        parsed.entries.append(ListEntry(key, forced_list or LIST_ID, names[0], kind or "",
                                        tuple(names[1:]), listed, programs, countries, line))
    if parsed.published is None and not parsed.problems:
        parsed.problems.append(FileProblem(1, "no export/@generationDate: not an EU FSF file",
                                           "generationDate").at(path))
    return parsed
