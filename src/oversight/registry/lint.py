"""The data linter: rules on the evidence that the loader does not enforce (a file can load and
still rest on a Wikipedia copy). Plain functions over a validated batch and the searched leads;
`oversight lint-data` and tests/test_data_lint.py run them on the bundled data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oversight.analytics.coverage import DeploymentFacts, Organisations, backing
from oversight.errors import Problem
from oversight.registry.aigs import Finding
from oversight.registry.citations import is_official_url, official_links, on_hosts
from oversight.registry.leads import LeadIn, lead_files, read_leads
from oversight.registry.load import Batch, Known, Located, build_batch, parse_records
from oversight.registry.readers import read_files
from oversight.registry.records import DeploymentIn, SourceIn, normalise_name
from oversight.vocab import VOCAB, SecondarySource

RULES: dict[str, str] = {
    "undated_source": "a source with neither a publication date nor an undated_reason",
    "single_source_operational": "an operational deployment with one source and no single_source",
    "aggregator_only": "a deployment supported only by aggregators, wikis, re-posts or copies",
    "organisation_aggregator_only": "an organisation supported only by aggregators, wikis, "
                                    "re-posts or copies",
    "duplicate_deployment": "deployments with the same country, place, suppliers and technologies",
    "mirror_citation": "a listing citing a copy or commentary instead of the official publication",
    "lead_without_evidence": "a searched lead closed without sources or search notes",
    "lead_not_backed": "a 'found' lead whose deployments do not exist or do not back its finding",
}


@dataclass(frozen=True)
class LintProblem:
    rule: str
    file: str
    line: int | None
    subject: str  # the deployment id, source URL, listing or lead it is about
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} [{self.rule}] {self.subject}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "file": self.file, "line": self.line, "subject": self.subject,
                "message": self.message}


def secondary_kind(url: str) -> SecondarySource | None:
    """The kind of secondary site a URL is on (schema.yaml `secondary_sources`), or None."""
    return next((kind for kind in VOCAB.secondary_sources if on_hosts(url, kind.domains)), None)


def _deployment_sources(batch: Batch) -> dict[str, list[SourceIn]]:
    """Each deployment's sources, inline and attached by source records, one per URL."""
    sources: dict[str, dict[str, SourceIn]] = defaultdict(dict)
    for dep_id, dep in batch.deployments.items():
        for source in dep.record.sources:
            sources[dep_id].setdefault(source.url, source)
    for link in batch.source_links:
        if link.record.deployment:
            sources[link.record.deployment].setdefault(link.record.url, link.record)
    return {dep_id: list(by_url.values()) for dep_id, by_url in sources.items()}


def _every_source(batch: Batch) -> Iterable[tuple[SourceIn, Located[Any]]]:
    for org in batch.organisations.values():
        for source in org.record.sources:
            yield source, org
    for dep in batch.deployments.values():
        for source in dep.record.sources:
            yield source, dep
    for link in batch.source_links:
        yield link.record, link
    for listing in batch.listings:
        for source in listing.record.sources:
            yield source, listing


def undated_sources(batch: Batch) -> list[LintProblem]:
    """One problem per URL that no occurrence dates or explains (the registry stores one
    source per URL, so a date given anywhere dates it everywhere)."""
    first: dict[str, Located[Any]] = {}
    explained: set[str] = set()
    for source, where in _every_source(batch):
        first.setdefault(source.url, where)
        if source.published or source.undated_reason:
            explained.add(source.url)
    return [LintProblem("undated_source", where.file, where.line, url,
                        "give `published` (as shown by the page) or `undated_reason`")
            for url, where in first.items() if url not in explained]


def single_source_operational(batch: Batch) -> list[LintProblem]:
    sources = _deployment_sources(batch)
    return [LintProblem("single_source_operational", dep.file, dep.line, dep_id,
                        "operational on one source: add a second independent source, or say in "
                        "`single_source` why this one suffices")
            for dep_id, dep in batch.deployments.items()
            if dep.record.status == "operational" and len(sources.get(dep_id, [])) == 1
            and not dep.record.single_source]


def _only_secondary(rule: str, subject: str, where: Located[Any], urls: Iterable[str]
                    ) -> list[LintProblem]:
    kinds = [secondary_kind(url) for url in urls]
    if not kinds or not all(kinds):
        return []
    labels = sorted({kind.label for kind in kinds if kind})
    return [LintProblem(rule, where.file, where.line, subject,
                        f"every source is secondary ({', '.join(labels)}): add a primary or press source")]


def aggregator_only(batch: Batch) -> list[LintProblem]:
    return [problem for dep_id, sources in _deployment_sources(batch).items()
            for problem in _only_secondary("aggregator_only", dep_id, batch.deployments[dep_id],
                                           (s.url for s in sources))]


def organisation_aggregator_only(batch: Batch, organisations: Organisations) -> list[LintProblem]:
    urls: dict[str, set[str]] = defaultdict(set)
    for key, org in batch.organisations.items():
        urls[key].update(s.url for s in org.record.sources)
    for link in batch.source_links:
        if link.record.organisation:
            urls[organisations.resolve(link.record.organisation)].add(link.record.url)
    return [problem for key, org in batch.organisations.items()
            for problem in _only_secondary("organisation_aggregator_only", org.record.name, org,
                                           sorted(urls[key]))]


def _place(record: DeploymentIn) -> str:
    return normalise_name(record.city or record.region or "")


def duplicate_deployments(batch: Batch, organisations: Organisations) -> list[LintProblem]:
    """Deployments in the same country and place (city, else region, else the whole country)
    with the same suppliers (after resolving aliases; financiers aside) and the same
    technologies: one system recorded twice. Phases and extensions differ in one of these."""
    groups: dict[tuple[str, str, frozenset[str], frozenset[str]], list[str]] = defaultdict(list)
    for dep_id, dep in batch.deployments.items():
        facts = _facts(dep.record, organisations)
        if facts.suppliers:  # two deployments with no known supplier are not the same system
            groups[(facts.country, _place(dep.record), facts.suppliers, facts.technologies)].append(dep_id)
    problems = []
    for (_, place, suppliers, technologies), ids in groups.items():
        first = batch.deployments[ids[0]]
        for dep_id in ids[1:]:
            dep = batch.deployments[dep_id]
            problems.append(LintProblem(
                "duplicate_deployment", dep.file, dep.line, dep_id,
                f"same country, place ({place or 'national'}), suppliers ({', '.join(sorted(suppliers))}) "
                f"and technologies ({', '.join(sorted(technologies))}) as {ids[0]!r} ({first.where}): "
                "merge them, or record what tells them apart (place, suppliers, technologies)"))
    return problems


def mirror_citations(batch: Batch) -> list[LintProblem]:
    """Listings read in a copy or an alert that do not cite the official publication: neither a
    source on an official publisher's site nor a citation that links to one."""
    problems = []
    for listing in batch.listings:
        record = listing.record
        if official_links(record.citation) or any(is_official_url(s.url) for s in record.sources):
            continue
        for source in record.sources:
            kind = secondary_kind(source.url)
            if kind is not None and kind.copies_official_documents:
                problems.append(LintProblem(
                    "mirror_citation", listing.file, listing.line,
                    f"{record.list}: {record.listed_name}",
                    f"{source.url} is a {kind.label.lower()}: cite the Federal Register / govinfo "
                    "document or the official list page (a source there, or a `citation` such as "
                    "'84 FR 54002' or 'Federal Register document 2019-22210')"))
    return problems


def lead_problems(leads: list[Located[LeadIn]], batch: Batch, organisations: Organisations
                  ) -> list[LintProblem]:
    facts = {dep_id: _facts(dep.record, organisations) for dep_id, dep in batch.deployments.items()}
    problems = []
    for located in leads:
        lead = located.record
        subject = f"{lead.index} {lead.country} {lead.finding}"
        if not lead.sources and not lead.notes:
            problems.append(LintProblem("lead_without_evidence", located.file, located.line, subject,
                                        "say what the search found in `notes`, or list `sources`"))
        if lead.result != "found":
            continue
        missing = [d for d in lead.deployments if d not in facts]
        if missing:
            problems.append(LintProblem("lead_not_backed", located.file, located.line, subject,
                                        f"no deployment {', '.join(map(repr, missing))}"))
        finding = Finding(lead.index, lead.country, lead.finding,
                          category=None if lead.company else lead.finding, company=lead.company)
        listed = [facts[d] for d in lead.deployments if d in facts]
        not_backing = sorted({d.id for d in listed} - set(backing(finding, [
            d for d in listed if d.country == lead.country], organisations)))
        if not_backing:
            problems.append(LintProblem(
                "lead_not_backed", located.file, located.line, subject,
                f"{', '.join(map(repr, not_backing))} do(es) not back it (another country, or "
                "neither the technology nor the company)"))
    return problems


def _facts(record: DeploymentIn, organisations: Organisations) -> DeploymentFacts:
    suppliers = frozenset(organisations.resolve(s.organisation)
                          for s in record.suppliers if s.role != "financier")
    return DeploymentFacts(record.id, record.country, frozenset(record.technologies), suppliers)


def batch_organisations(batch: Batch) -> Organisations:
    """Name resolution and parent chain of the organisations in a batch."""
    names = Organisations()
    for key, org in batch.organisations.items():
        names.keys[key] = key
        for alias in org.record.aliases:
            names.keys.setdefault(normalise_name(alias), key)
    for key, org in batch.organisations.items():
        if org.record.parent:
            parent = normalise_name(org.record.parent)
            names.parents[key] = names.keys.get(parent, parent)
    return names


@dataclass
class LintReport:
    problems: list[LintProblem]
    load_problems: list[Problem]  # the files did not even load: the rules were not run

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(RULES, 0)
        for problem in self.problems:
            counts[problem.rule] += 1
        return counts

    def by_rule(self, rule: str) -> list[LintProblem]:
        return [p for p in self.problems if p.rule == rule]


def lint_batch(batch: Batch, leads: list[Located[LeadIn]]) -> list[LintProblem]:
    organisations = batch_organisations(batch)
    checks: list[Callable[[], list[LintProblem]]] = [
        lambda: undated_sources(batch),
        lambda: single_source_operational(batch),
        lambda: aggregator_only(batch),
        lambda: organisation_aggregator_only(batch, organisations),
        lambda: duplicate_deployments(batch, organisations),
        lambda: mirror_citations(batch),
        lambda: lead_problems(leads, batch, organisations),
    ]
    return [problem for check in checks for problem in check()]


def lint_paths(record_paths: list[Path], leads_dir: Path | None) -> LintReport:
    """Read, validate and lint record files (and the leads folder); files that do not load
    are reported as load problems, as `oversight load` would."""
    read = read_files(record_paths)
    located, parse_problems = parse_records(read.records)
    batch, batch_problems = build_batch(located, Known())
    leads, lead_read_problems = read_leads(lead_files(leads_dir)) if leads_dir else ([], [])
    load_problems = read.problems + parse_problems + batch_problems + lead_read_problems
    if load_problems:
        return LintReport([], load_problems)
    return LintReport(lint_batch(batch, leads), [])
