"""Validated input records: what a loaded file may say about organisations, deployments,
sources and listings. Field names here are the documented file format (data/README.md)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Literal

import pycountry
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from oversight.vocab import (
    CONTRACT_VALUE_SCOPES,
    DATE_ORIGINS,
    ORGANISATION_KINDS,
    RESTRICTION_LISTS,
    REVIEW_STATES,
    SOURCE_SUPPORTS,
    STATUSES,
    SUPPLIER_ROLES,
    TECHNOLOGIES,
)

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
# Codes in common use that ISO 3166-1 has not (yet) assigned.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}


def normalise_name(name: str) -> str:
    """The key that deduplicates organisation names: case, width, accents and punctuation folded."""
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def slugify(text: str) -> str:
    return "-".join(normalise_name(text).split())[:120] or "deployment"


def country_name(code: str) -> str | None:
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def _country(value: Any) -> str:
    code = str(value).strip().upper()
    if country_name(code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def _partial_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not PARTIAL_DATE.match(text):
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real date ({error})") from None
    return text


def _text(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _list_of_text(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


CountryCode = Annotated[str, BeforeValidator(_country)]
PartialDate = Annotated[str | None, BeforeValidator(_partial_date)]
Text = Annotated[str | None, BeforeValidator(_text)]
TextList = Annotated[list[str], BeforeValidator(_list_of_text)]


def one_of(values: tuple[str, ...], what: str):  # type: ignore[no-untyped-def]
    def check(value: Any) -> str:
        text = str(value).strip()
        if text not in values:
            raise ValueError(f"{value!r} is not a known {what}; expected one of {', '.join(values)}")
        return text

    return BeforeValidator(check)


Technology = Annotated[str, one_of(TECHNOLOGIES, "technology")]
Status = Annotated[str, one_of(STATUSES, "status")]
Role = Annotated[str, one_of(SUPPLIER_ROLES, "supplier role")]
Kind = Annotated[str, one_of(ORGANISATION_KINDS, "organisation kind")]
ReviewState = Annotated[str, one_of(REVIEW_STATES, "review state")]
ListId = Annotated[str, one_of(RESTRICTION_LISTS, "restriction list")]
Supports = Annotated[str, one_of(SOURCE_SUPPORTS, "supported field")]
ContractValueScope = Annotated[str, one_of(CONTRACT_VALUE_SCOPES, "contract value scope")]
DateOrigin = Annotated[str, one_of(DATE_ORIGINS, "date origin")]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceIn(Record):
    url: str = Field(max_length=2000)
    title: Text = None
    publisher: Text = None
    published: PartialDate = None
    # Why the page shows no publication date; a source should have `published` or this
    # (checked by the data linter, not here, while older records are being dated).
    undated_reason: Text = None
    date_from: DateOrigin | None = None
    language: Text = None
    supports: Annotated[list[Supports], BeforeValidator(_list_of_text)] = []

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @model_validator(mode="after")
    def _dated_once(self) -> SourceIn:
        if self.date_from and not self.published:
            raise ValueError("date_from says where 'published' was read; give 'published' too")
        return self

    def metadata(self) -> tuple[str | None, ...]:
        return tuple(getattr(self, name) for name in SOURCE_METADATA)


# The fields that describe a source itself (not what it supports), in the order they are stored.
SOURCE_METADATA = ("title", "publisher", "published", "undated_reason", "date_from", "language")


class SourceLink(SourceIn):
    """A source given on its own, attached to a deployment or organisation by name."""

    deployment: Text = None
    organisation: Text = None

    @model_validator(mode="after")
    def _attached(self) -> SourceLink:
        if bool(self.deployment) == bool(self.organisation):
            raise ValueError("a source record names exactly one 'deployment' or 'organisation'")
        return self


class OrganisationIn(Record):
    name: str = Field(min_length=1, max_length=300)
    legal_name: Text = None
    aliases: TextList = []
    kind: Kind
    country: CountryCode | None = None
    parent: Text = None
    website: Text = None
    description: Text = None
    sources: list[SourceIn] = []

    @property
    def key(self) -> str:
        return normalise_name(self.name)


class SupplierIn(Record):
    organisation: str = Field(min_length=1)
    role: Role = "supplier"


class DeploymentIn(Record):
    id: str
    country: CountryCode
    city: Text = None
    region: Text = None
    buyer: Text = None
    suppliers: list[SupplierIn] = []
    technologies: Annotated[list[Technology], BeforeValidator(_list_of_text)] = Field(min_length=1)
    status: Status
    announced: PartialDate = None
    started: PartialDate = None
    ended: PartialDate = None
    contract_value: float | None = Field(default=None, ge=0)
    currency: Text = None
    contract_value_scope: ContractValueScope = "deployment"
    financing: Text = None
    description: Text = None
    disputes: Text = None
    confidence: float = Field(default=0.8, ge=0, le=1)
    review_state: ReviewState = "accepted"
    # Why one source suffices for an operational deployment that has only one.
    single_source: Text = None
    sources: list[SourceIn] = []

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(
                f"{value!r} is not a valid id: lower-case letters, digits, '.', '_' and '-', "
                "at most 120 characters"
            )
        return value

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        if value is not None and pycountry.currencies.get(alpha_3=value.upper()) is None:
            raise ValueError(f"{value!r} is not an ISO 4217 currency code")
        return value.upper() if value else None

    @field_validator("technologies")
    @classmethod
    def _unique_technologies(cls, value: list[str]) -> list[str]:
        return sorted(set(value))

    @model_validator(mode="after")
    def _consistent(self) -> DeploymentIn:
        if self.contract_value is not None and not self.currency:
            raise ValueError("contract_value needs a currency")
        if self.started and self.ended and self.ended < self.started:
            raise ValueError(f"ended ({self.ended}) is before started ({self.started})")
        if self.contract_value_scope != "deployment" and self.contract_value is None:
            raise ValueError(f"contract_value_scope {self.contract_value_scope!r} needs a contract_value")
        return self

    @property
    def year(self) -> int | None:
        first = self.started or self.announced
        return int(first[:4]) if first else None


class ListingIn(Record):
    list: ListId
    organisation: str = Field(min_length=1)
    listed_name: str = Field(min_length=1)
    aliases: TextList = []
    address: Text = None
    listed: PartialDate = None
    citation: Text = None
    sources: list[SourceIn] = []


MODELS: dict[str, type[Record]] = {
    "organisation": OrganisationIn,
    "deployment": DeploymentIn,
    "source": SourceLink,
    "listing": ListingIn,
}

RecordKind = Literal["organisation", "deployment", "source", "listing"]


def _source_from_columns(data: dict[str, Any]) -> list[dict[str, Any]]:
    columns = {k.removeprefix("source_"): data.pop(k) for k in list(data) if k.startswith("source_")}
    return [columns] if columns else []


def from_csv_row(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A flat CSV row in the nested shape of the model: lists split on ';',
    suppliers as 'Name:role; Name:role', one inline source in source_* columns."""
    data = dict(data)
    if kind in ("organisation", "deployment", "listing"):
        sources = _source_from_columns(data)
        if sources:
            data["sources"] = sources
    if kind == "deployment" and "suppliers" in data:
        suppliers = []
        for part in _list_of_text(data["suppliers"]):
            name, _, role = part.rpartition(":") if ":" in part else (part, "", "supplier")
            suppliers.append({"organisation": name.strip(), "role": role.strip() or "supplier"})
        data["suppliers"] = suppliers
    return data
