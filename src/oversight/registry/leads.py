"""Searched leads: AIGS findings that someone looked for, with what they typed and found
(data/leads/README.md), so that the next person does not repeat the search.

Reading and validating only; whether a lead's deployments back its finding is the data
linter's question (registry/lint.py), since it needs the deployments too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BeforeValidator, Field, ValidationError, model_validator

from oversight.errors import LoadError, Problem
from oversight.registry.load import Located, problems_from
from oversight.registry.readers import RawRecord
from oversight.registry.records import (
    CountryCode,
    Record,
    SourceIn,
    Text,
    TextList,
    one_of,
)
from oversight.vocab import AIGS_INDEXES, LEAD_RESULTS

COMPANY_PREFIX = "company:"

IndexId = Annotated[str, one_of(tuple(AIGS_INDEXES), "AIGS index")]
LeadResult = Annotated[str, one_of(LEAD_RESULTS, "lead result")]


def _day(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the form YYYY-MM-DD") from None


class LeadIn(Record):
    country: CountryCode
    index: IndexId
    finding: str = Field(min_length=1)
    searched: Annotated[date, BeforeValidator(_day)]
    queries: TextList = []
    result: LeadResult
    deployments: TextList = []
    notes: Text = None
    sources: list[SourceIn] = []

    @model_validator(mode="after")
    def _consistent(self) -> LeadIn:
        index = AIGS_INDEXES[self.index]
        company = self.company
        if company is None and self.finding not in index.categories:
            raise ValueError(
                f"finding {self.finding!r} is not a category of {self.index} "
                f"({', '.join(index.categories)}) nor 'company:<name>'"
            )
        if company == "":
            raise ValueError("a company finding names the company: 'company:<name>'")
        if company is not None and index.companies_column is None:
            raise ValueError(f"{self.index} names no companies; 'company:' findings are 2019 only")
        if self.result == "found" and not self.deployments:
            raise ValueError("a lead closed as 'found' lists the ids of the deployments that back it")
        if self.result == "not_found" and (len(self.queries) < 2 or not self.notes):
            raise ValueError("a 'not_found' lead gives at least two queries and notes on what was found")
        return self

    @property
    def company(self) -> str | None:
        """The company named by a 'company:<name>' finding, else None."""
        if self.finding.startswith(COMPANY_PREFIX):
            return self.finding.removeprefix(COMPANY_PREFIX).strip()
        return None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.index, self.country, self.finding)


def lead_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def _raw_leads(path: Path, problems: list[Problem]) -> Iterable[RawRecord]:
    name = str(path)
    text = path.read_text("utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(name, mark.line + 1 if mark else None, None,
                                f"invalid YAML: {getattr(error, 'problem', None) or error}"))
        return
    if root is None:
        return
    if not (isinstance(root, yaml.MappingNode) and isinstance(document, dict)
            and set(document) == {"leads"} and isinstance(document["leads"], list)):
        problems.append(Problem(name, 1, None, "expected one section 'leads:' holding a list"))
        return
    items_node = root.value[0][1]
    for item_node, item in zip(items_node.value, document["leads"], strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(Problem(name, line, None, "a lead is a mapping of fields"))
            continue
        field_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value}
        yield RawRecord("lead", item, name, line, field_lines)


def read_leads(paths: Iterable[Path]) -> tuple[list[Located[LeadIn]], list[Problem]]:
    """Every lead of these files, validated; problems name file, line and field. A finding
    searched twice is a problem (one record per finding keeps the history in one place)."""
    leads: list[Located[LeadIn]] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str, str], str] = {}
    for path in paths:
        for raw in _raw_leads(path, problems):
            try:
                lead = LeadIn.model_validate(raw.data)
            except ValidationError as error:
                problems.extend(problems_from(error, raw))
                continue
            located = Located(lead, raw.file, raw.line)
            if lead.key in seen:
                problems.append(Problem(raw.file, raw.line, "finding",
                                        f"{lead.index} {lead.country} {lead.finding} is already "
                                        f"recorded at {seen[lead.key]}"))
                continue
            seen[lead.key] = located.where
            leads.append(located)
    return leads, problems


def bundled_leads_dir() -> Path:
    return Path(str(resources.files("oversight").joinpath("data", "leads")))


def bundled_leads_version() -> tuple[tuple[str, int], ...]:
    """Each bundled lead file with its modification time: moves when a lead is edited."""
    return tuple((str(p), p.stat().st_mtime_ns) for p in lead_files(bundled_leads_dir()))


def bundled_leads() -> list[LeadIn]:
    """The bundled searched leads, read again only when a file changed; LoadError if invalid."""
    return list(_leads_of(bundled_leads_version()))


@lru_cache(maxsize=4)
def _leads_of(files: tuple[tuple[str, int], ...]) -> tuple[LeadIn, ...]:
    leads, problems = read_leads(Path(name) for name, _ in files)
    if problems:
        raise LoadError(problems)
    return tuple(lead.record for lead in leads)
