"""The deployment description form: what the assessment reads, documented field by field.

A file in this form (YAML or JSON) describes one deployment, real or planned. Every fact the
describer does not know may be left out or written `unknown`: the scorecard then lists it as
missing rather than guessing. Field names are the documented file format (see README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from oversight import safe_yaml
from oversight.errors import OversightError, Problem
from oversight.registry.records import country_name
from oversight.vocab import RESTRICTION_LISTS, TECHNOLOGIES

PURPOSES = ("law_enforcement", "border_control", "public_administration", "commercial",
            "education", "workplace", "unknown")
USES = ("identification", "verification", "categorisation", "emotion_recognition", "scoring",
        "crime_prediction", "scraping")
AUTHORISATIONS = ("judicial", "administrative", "none", "unknown")
EXCEPTIONS = ("victim_search", "imminent_threat", "serious_crime_suspect", "none", "unknown")
PREDICTION_BASES = ("profiling", "objective_facts", "places", "unknown")
CATEGORY_ATTRIBUTES = ("sensitive", "protected", "other", "unknown")
ANSWERS = ("yes", "partly", "no", "unknown", "not_applicable")

Purpose = Literal["law_enforcement", "border_control", "public_administration", "commercial",
                  "education", "workplace", "unknown"]
Use = Literal["identification", "verification", "categorisation", "emotion_recognition", "scoring",
              "crime_prediction", "scraping"]
Answer = Literal["yes", "partly", "no", "unknown", "not_applicable"]


def _unknown_is_none(value: Any) -> Any:
    """`unknown` (or an empty value) in a yes/no field means "not known", held as None."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("unknown", "")):
        return None
    return value


def _url(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not text.startswith(("https://", "http://")) or any(c.isspace() for c in text):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return text


def _country(value: Any) -> str:
    code = str(value).strip().upper()
    if country_name(code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    return code


TriState = Annotated[bool | None, BeforeValidator(_unknown_is_none)]
Url = Annotated[str | None, BeforeValidator(_url)]
Country = Annotated[str, BeforeValidator(_country)]
OptionalCountry = Annotated[str | None, BeforeValidator(lambda v: None if _unknown_is_none(v) is None
                                                        else _country(v))]


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _answer(value: Any) -> Any:
    """YAML reads a bare yes/no as a boolean; take it as the answer meant."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


class Evidence(Form):
    """The answer to one criterion's question, and where it comes from."""

    answer: Annotated[Answer, BeforeValidator(_answer)] = "unknown"
    note: str | None = None
    source: Url = None


class BiasEvidence(Evidence):
    evaluation: str | None = Field(None, description="e.g. 'NIST FRTE 1:N, 2024'")
    independent: TriState = None
    demographic: TriState = None


class RetentionEvidence(Evidence):
    days: int | None = Field(None, ge=0, description="longest period data are kept")


class StorageEvidence(Evidence):
    country: OptionalCountry = None


class Safeguards(Form):
    """Evidence per criterion; the field names are the criterion ids of framework.yaml."""

    legal_basis: Evidence = Field(default_factory=Evidence)
    necessity_proportionality: Evidence = Field(default_factory=Evidence)
    public_notice: Evidence = Field(default_factory=Evidence)
    published_contract: Evidence = Field(default_factory=Evidence)
    oversight_body: Evidence = Field(default_factory=Evidence)
    audit_logs: Evidence = Field(default_factory=Evidence)
    incident_reporting: Evidence = Field(default_factory=Evidence)
    consent_opt_out: Evidence = Field(default_factory=Evidence)
    bias_testing: BiasEvidence = Field(default_factory=BiasEvidence)
    retention_limits: RetentionEvidence = Field(default_factory=RetentionEvidence)
    storage_location: StorageEvidence = Field(default_factory=StorageEvidence)
    vendor_access: Evidence = Field(default_factory=Evidence)
    redress: Evidence = Field(default_factory=Evidence)


class Supplier(Form):
    name: str = Field(min_length=1)
    role: str | None = None
    country: OptionalCountry = None
    lists: list[str] | None = Field(
        None, description="restriction lists the supplier is on; [] = screened, on none; "
                          "left out = not screened")

    @field_validator("lists")
    @classmethod
    def _known_lists(cls, value: list[str] | None) -> list[str] | None:
        for list_id in value or []:
            if list_id not in RESTRICTION_LISTS:
                raise ValueError(f"{list_id!r} is not a restriction list; use one of "
                                 f"{', '.join(RESTRICTION_LISTS)}")
        return value


class AssessmentInput(Form):
    """One deployment described for assessment."""

    id: str | None = None
    name: str | None = None
    country: Country
    city: str | None = None
    buyer: str | None = None
    status: str | None = None
    description: str | None = None
    technologies: list[str] = []
    purpose: Purpose = "unknown"
    real_time: TriState = None
    remote: TriState = None
    publicly_accessible_space: TriState = None
    biometric: TriState = None
    uses: list[Use] | None = Field(None, description="left out = not known")
    uses_partial: bool = Field(False, description="true when `uses` lists uses known to happen while "
                               "whether there are others is not known")
    authorisation: Literal["judicial", "administrative", "none", "unknown"] = "unknown"
    exception: Literal["victim_search", "imminent_threat", "serious_crime_suspect", "none",
                       "unknown"] = "unknown"
    prediction_basis: Literal["profiling", "objective_facts", "places", "unknown"] = "unknown"
    categorisation_attributes: Literal["sensitive", "protected", "other", "unknown"] = "unknown"
    safeguards: Safeguards = Field(default_factory=Safeguards)
    suppliers: list[Supplier] = []
    sources: list[Annotated[str, BeforeValidator(_url)]] = []
    notes: list[str] = Field([], description="how fields were filled, e.g. inferred from the registry")

    @field_validator("technologies")
    @classmethod
    def _known_technologies(cls, value: list[str]) -> list[str]:
        for tech in value:
            if tech not in TECHNOLOGIES:
                raise ValueError(f"{tech!r} is not a technology; use one of {', '.join(TECHNOLOGIES)}")
        return value

    @field_validator("uses")
    @classmethod
    def _unique_uses(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(value))

    def unknown_facts(self) -> list[str]:
        """Description fields (not safeguards) that are not known."""
        names = ("purpose", "real_time", "remote", "publicly_accessible_space", "biometric", "uses")
        return [name for name in names if getattr(self, name) in (None, "unknown")]


# --- reading a description file -----------------------------------------------------------


class DescriptionError(OversightError):
    """A description file was rejected; every problem names the file, line and field."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def _node_lines(node: yaml.Node | None) -> dict[tuple[str | int, ...], int]:
    """The line of every key and item of a composed YAML (or JSON) document, by field path."""
    lines: dict[tuple[str | int, ...], int] = {}

    def walk(current: yaml.Node, path: tuple[str | int, ...]) -> None:
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                lines[(*path, key.value)] = key.start_mark.line + 1
                walk(value, (*path, key.value))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                lines[(*path, index)] = item.start_mark.line + 1
                walk(item, (*path, index))

    if node is not None:
        lines[()] = node.start_mark.line + 1  # where a missing top-level field is reported
        walk(node, ())
    return lines


def _field(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_of(loc: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]) -> int | None:
    for end in range(len(loc), -1, -1):  # the field, else the nearest enclosing one that exists
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _plain_reason(item: ErrorDetails) -> str:
    """What is wrong with a field and how to write it, in words a reader of the form understands
    (pydantic's own messages speak of types: "Input should be a valid boolean")."""
    kind, context = item["type"], item.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown field (see the description form in assessment/README.md)"
    if kind == "missing":
        return "Field required: this field must be given"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_shown(item)} is not an answer here: write yes, no or unknown"
    if kind == "literal_error":
        return f"{_shown(item)} is not one of the choices: write one of {context.get('expected', '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_shown(item)} is not a whole number: write a number such as 30"
    if kind in ("list_type", "tuple_type"):
        return "expected a list: one item per line, each starting with '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "expected fields indented under this one (a mapping)"
    if kind == "string_type":
        return f"{_shown(item)} is not text: write it as words"
    return str(item["msg"]).removeprefix("Value error, ")


def _shown(item: ErrorDetails) -> str:
    value = item.get("input")
    return repr(value) if isinstance(value, str | int | float | bool) else "this value"


def parse_description(text: str, name: str) -> AssessmentInput:
    """A description from YAML or JSON text; `name` is the file name used in errors."""
    try:
        safe_yaml.check(text)
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except safe_yaml.UntrustedYamlError as error:
        raise DescriptionError([Problem(name, error.line, None,
                                        f"{error.reason} in a description")]) from None
    except yaml.YAMLError as error:
        if name.lower().endswith(".json"):
            try:
                data, root = json.loads(text), None
            except json.JSONDecodeError as json_error:
                raise DescriptionError([Problem(name, json_error.lineno, None,
                                                f"invalid JSON: {json_error.msg}")]) from None
        else:
            mark = getattr(error, "problem_mark", None)
            reason = getattr(error, "problem", None) or str(error)
            raise DescriptionError([Problem(name, mark.line + 1 if mark else None, None,
                                            f"invalid YAML: {reason}")]) from None
    if not isinstance(data, dict):
        raise DescriptionError([Problem(name, 1, None, "expected a mapping of fields (the "
                                        "deployment description form)")])
    try:
        return AssessmentInput.model_validate(data)
    except ValidationError as error:
        lines = _node_lines(root)
        problems = []
        for item in error.errors():
            loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            problems.append(Problem(name, _line_of(loc, lines), _field(loc) or None, _plain_reason(item)))
        raise DescriptionError(problems) from None


def read_description(path: Path) -> AssessmentInput:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DescriptionError([Problem(str(path), None, None,
                                        f"cannot read file: {error.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DescriptionError([Problem(str(path), line, None, "not UTF-8 text")]) from None
    return parse_description(text, str(path))
