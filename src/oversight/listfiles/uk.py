"""The UK Sanctions List (FCDO) as CSV, and OFSI's older consolidated list CSV.

Both start with one line of metadata holding the report date, then a header. One row per
name: rows of one subject share `Unique ID` (FCDO) or `Group ID` (OFSI). The name is
`Name 1`..`Name 5` then `Name 6` (the family or organisation name); `Name type` (FCDO) or
`Alias Type` (OFSI) says whether it is the primary name; `Name non-latin script` is
another spelling. The subject kind is `Designation Type` / `Group Type` (Individual,
Entity, Ship); the date is `Date Designated` / `Listed On` (day/month/year).
"""

from __future__ import annotations

import re
from pathlib import Path

from oversight.listfiles.common import FileProblem, csv_rows, iso_date, read_text
from oversight.listfiles.model import ORGANISATION, PERSON, VESSEL, ListEntry, ParsedList

LIST_ID = "uk_sanctions"
KINDS = {"entity": ORGANISATION, "individual": PERSON, "ship": VESSEL}
# (key, kind, name type, date, regime) columns of the FCDO and of the OFSI layout.
LAYOUTS = (("Unique ID", "Designation Type", "Name type", "Date Designated", "Regime Name"),
           ("Group ID", "Group Type", "Alias Type", "Listed On", "Regime"))
_DATE_IN_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{4}"
                           r"|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4}")


def _report_date(first_line: str) -> str | None:
    found = _DATE_IN_TEXT.search(first_line)
    if found is None:
        return None
    value = found.group()
    if re.match(r"\d{1,2}-[A-Za-z]", value):  # 01-Dec-2026
        value = value.replace("-", " ")
    elif re.match(r"\d{1,2}-\d", value):  # 01-12-2026
        value = value.replace("-", "/")
    return iso_date(value)


def _full_name(row: dict[str, str]) -> str:
    parts = [row.get(f"Name {n}", "") for n in (1, 2, 3, 4, 5, 6)]
    return " ".join(p for p in parts if p)


def parse_csv(path: Path, forced_list: str | None = None) -> ParsedList:
    text = read_text(path)
    first_line = text.split("\n", 1)[0]
    try:
        published = _report_date(first_line)
    except ValueError as error:
        raise FileProblem(1, str(error)) from None
    if published is None:
        raise FileProblem(1, "the first line carries no report date: not a UK sanctions list "
                          "CSV")
    parsed = ParsedList("uk-csv", published)
    subjects: dict[str, dict[str, object]] = {}
    layout = None
    for line, row in csv_rows(text, skip=1):
        assert isinstance(row, dict)
        if layout is None:
            layout = next((lay for lay in LAYOUTS if lay[0] in row), None)
            if layout is None:
                raise FileProblem(2, "no 'Unique ID' or 'Group ID' column: not a UK sanctions "
                                  "list CSV")
        key_col, kind_col, type_col, date_col, regime_col = layout
        key, name = row.get(key_col, ""), _full_name(row)
        kind = KINDS.get(row.get(kind_col, "").lower())
        if not key or not name or kind is None:
            field = key_col if not key else "Name 6" if not name else kind_col
            parsed.problems.append(FileProblem(line, f"missing or unknown {field}",
                                               field).at(path))
            continue
        try:
            listed = iso_date(row.get(date_col))
        except ValueError as error:
            parsed.problems.append(FileProblem(line, str(error), date_col).at(path))
            continue
        subject = subjects.setdefault(key, {"line": line, "kind": kind, "names": [],
                                            "primary": None, "listed": listed,
                                            "regimes": []})
        names: list[str] = subject["names"]  # type: ignore[assignment]
        names += [n for n in (name, row.get("Name non-latin script", "")) if n]
        if row.get(type_col, "").lower().startswith("primary name") and not subject["primary"]:
            subject["primary"] = name
        regimes: list[str] = subject["regimes"]  # type: ignore[assignment]
        if row.get(regime_col):
            regimes.append(row[regime_col])
    for key, subject in subjects.items():
        names = list(dict.fromkeys(subject["names"]))  # type: ignore[call-overload]
        primary = str(subject["primary"] or names[0])
        parsed.entries.append(ListEntry(
            key, forced_list or LIST_ID, primary, str(subject["kind"]),
            tuple(n for n in names if n != primary), subject["listed"],  # type: ignore[arg-type]
            tuple(dict.fromkeys(subject["regimes"])), (),  # type: ignore[call-overload]
            subject["line"]))  # type: ignore[arg-type]
    return parsed
