"""The Registry: one object that wires settings, storage and the stages of the flow.

The CLI and notebooks both go through it; later, the web app will too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from oversight.analytics.coverage import FindingState
from oversight.analytics.index import stats_with_index
from oversight.assessment.from_registry import assessment_input
from oversight.assessment.model import AssessmentInput
from oversight.errors import LoadError, Problem
from oversight.hashing import file_sha256
from oversight.listfiles import parse_file
from oversight.publish import exports
from oversight.publish.release import write_release
from oversight.registry.aigs import bundled_findings
from oversight.registry.load import build_batch, parse_records
from oversight.registry.readers import RawRecord, read_files
from oversight.registry.records import DeploymentIn, SourceLink
from oversight.review.proposals import AlreadyDecided, deployment_records, find, propose
from oversight.settings import load_settings
from oversight.store import (
    analyse,
    audit,
    check_exists,
    connect,
    listimports,
    queries,
    session_scope,
    upgrade,
)
from oversight.store.deletion import delete_deployment
from oversight.store.derived import DerivedCache
from oversight.store.findings import coverage_report, finding_states, save_findings
from oversight.store.judgements import (
    claims_with_documents,
    latest_decisions,
    record_decision,
    save_extraction,
)
from oversight.store.queries import DeploymentFilter
from oversight.store.write import LoadReport, apply_batch, known_for

# Folders of the bundled data that are not registry records: the AIGS tables (a cited layer
# of findings) and the searched leads, each read by its own loader, and the fact audits, which
# record for people how a sample of the records was re-checked and are loaded by nothing.
NON_RECORD_FOLDERS = ("aigs", "leads", "audits")


def bundled_data_dir() -> Path:
    return Path(str(resources.files("oversight").joinpath("data")))


def bundled_record_paths() -> list[Path]:
    """The bundled registry records: every data folder but the layers and audits."""
    return sorted(p for p in bundled_data_dir().iterdir() if p.is_dir() and p.name not in NON_RECORD_FOLDERS)


BUNDLED_ACTOR = "oversight-dataset"  # the curated data shipped with the package, whoever ran init


class Registry:
    """A registry database, migrated to the current schema on open."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = url
        self.engine: Engine = connect(url)
        if migrate:
            upgrade(self.engine)
        self.derived = DerivedCache()  # index, statistics and country summaries per version

    @classmethod
    def existing(cls, url: str) -> Registry:
        """Open (and migrate) a registry that exists; raise RegistryMissing, creating
        nothing, when `url` names no registry."""
        check_exists(url)
        return cls(url)

    @classmethod
    def bundled_in_memory(cls) -> Registry:
        """A throwaway in-memory registry holding the bundled dataset and listings."""
        registry = cls("sqlite:///:memory:")
        registry.load_bundled()
        return registry

    def __repr__(self) -> str:
        return f"<Registry {self.engine.url.render_as_string(hide_password=True)}>"

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.engine) as session:
            yield session

    # --- writing -------------------------------------------------------------------------

    def load(self, paths: list[Path | str], *, dry_run: bool = False, actor: str | None = None,
             note: str | None = None) -> LoadReport:
        """Load files in one transaction; raise LoadError (and write nothing) on any problem.

        The audit note names the files, not the folders they were read from: the log is public
        on every deployment page, and a server's paths are nobody's business."""
        read = read_files([Path(p) for p in paths])
        return self.load_records(read.records, read.problems, dry_run=dry_run, actor=actor,
                                 note=note or "load " + " ".join(Path(p).name for p in paths))

    def load_records(self, raws: list[RawRecord], problems: list[Problem] | None = None, *,
                     dry_run: bool = False, decision: Callable[[Session], None] | None = None,
                     actor: str | None = None, note: str | None = None) -> LoadReport:
        """Validate and write raw records in one transaction. `decision`, when given, runs in
        the same transaction, so a review decision is recorded exactly when its records land.
        Every record created or changed is audited as done by `actor` (default: OVERSIGHT_USER)."""
        located, parse_problems = parse_records(raws)
        raws.clear()  # the raw dictionaries are no longer needed; free them early
        problems = (problems or []) + parse_problems
        with self.session() as session:
            ids = [r.record.id for r in located if isinstance(r.record, DeploymentIn)]
            ids += [r.record.deployment for r in located
                    if isinstance(r.record, SourceLink) and r.record.deployment]
            batch, batch_problems = build_batch(located, known_for(session, ids))
            problems += batch_problems
            if problems:
                raise LoadError(problems)
            report = apply_batch(session, batch, actor=actor or load_settings().user, note=note)
            if decision is not None:
                decision(session)
            if dry_run:
                session.rollback()
                return report
        analyse(self.engine)
        return report

    def import_lists(self, paths: list[Path], *, list_id: str | None = None,
                     published: str | None = None, format: str | None = None,
                     actor: str | None = None) -> list[dict[str, Any]]:
        """Import published list files in one transaction: every file parsed and checked
        first; any problem raises LoadError and nothing is written. One report per list
        fed: counts added, removed and changed against the previous edition."""
        editions, problems = [], []
        for path in paths:
            parsed = parse_file(path, list_id=list_id, format=format)
            problems += parsed.problems
            if parsed.problems:
                continue
            if published and parsed.published and published != parsed.published:
                problems.append(Problem(str(path), None, "published", f"the file says it was "
                                        f"published {parsed.published}, not {published}"))
            date = parsed.published or published
            if date is None:
                problems.append(Problem(str(path), None, "published", "the file carries no "
                                        "publication date; give it with --published YYYY-MM-DD"))
                continue
            editions.append(listimports.Edition(parsed, path.name, file_sha256(path), date))
        if problems:
            raise LoadError(problems)
        with self.session() as session:
            for edition in editions:
                problems += listimports.check(edition, session)
            if problems:
                raise LoadError(problems)
            return [report for edition in editions
                    for report in listimports.record(session, edition,
                                                     actor or load_settings().user)]

    def load_bundled(self) -> LoadReport:
        """The bundled registry records, then the AIGS findings (their own table)."""
        from oversight import __version__

        report = self.load(bundled_record_paths(), actor=BUNDLED_ACTOR,
                           note=f"load the bundled dataset of Oversight {__version__}")
        added = self.load_aigs()["added"]
        if added:
            report.created["aigs_finding"] += added
        return report

    def load_aigs(self) -> dict[str, int]:
        """Make the stored AIGS findings those of the bundled tables (data/aigs/)."""
        with self.session() as session:
            return save_findings(session, bundled_findings())

    # --- extraction and review --------------------------------------------------------------

    def save_extraction(self, document: dict[str, Any], claims: list[dict[str, Any]]) -> int:
        with self.session() as session:
            return save_extraction(session, document, claims)

    def proposals(self) -> list[dict[str, Any]]:
        with self.session() as session:
            return propose(claims_with_documents(session), latest_decisions(session))

    def decide(self, wanted: str, decision: str, decided_by: str, *,
               edits: dict[str, Any] | None = None, note: str | None = None) -> dict[str, Any]:
        """Accept, edit or reject a proposal; accepting writes its deployment with its sources."""
        if decision not in _DECISION_ACTIONS:
            raise ValueError(f"unknown decision {decision!r}; choose one of {', '.join(_DECISION_ACTIONS)}")
        proposal = find(self.proposals(), wanted)
        if proposal["state"] != "open":
            raise AlreadyDecided(f"proposal {proposal['id']} was already {proposal['state']} by "
                                 f"{proposal['decision']['decided_by']}")
        if decision == "rejected":
            with self.session() as session:
                record_decision(session, proposal["key"], "rejected", decided_by, note=note)
                _audit_decision(session, proposal, decision, decided_by, None, edits, note)
            return {"proposal": proposal["id"], "decision": "rejected", "deployment": None}
        with self.session() as session:
            known = known_for(session).organisation_keys
        records = deployment_records(proposal, edits or {}, known)
        deployment_id = records["deployments"][0]["id"]
        raws = [RawRecord(kind.rstrip("s"), data, f"review:{proposal['id']}", None)
                for kind, items in records.items() for data in items]
        def decide_in(session: Session) -> None:
            record_decision(session, proposal["key"], decision, decided_by, deployment_id=deployment_id,
                            edits=edits, note=note)
            _audit_decision(session, proposal, decision, decided_by, deployment_id, edits, note)

        why = f"review: {decision} proposal {proposal['id']}" + (f": {note}" if note else "")
        self.load_records(raws, decision=decide_in, actor=decided_by, note=why)
        return {"proposal": proposal["id"], "decision": decision, "deployment": deployment_id}

    def delete_deployment(self, deployment_id: str, actor: str, note: str | None = None) -> dict[str, Any]:
        """Delete a deployment and its links; its last state stays in the audit log.
        Raises NotFound when there is no such deployment."""
        with self.session() as session:
            return delete_deployment(session, deployment_id, actor, note)

    def audit_verify(self) -> list[audit.AuditProblem]:
        """Problems in the audit log's hash chain; empty when intact."""
        with self.session() as session:
            return audit.verify(session)

    def history(self, entity: str, entity_id: str) -> list[dict[str, Any]]:
        with self.session() as session:
            return audit.history(session, entity, entity_id)

    # --- reading, as records ---------------------------------------------------------------

    def version(self) -> tuple[Any, ...]:
        """Moves whenever the registry changes (see store.queries.registry_version)."""
        with self.session() as session:
            return queries.registry_version(session)

    def deployment_records(
        self, filters: DeploymentFilter | None = None, **options: Any
    ) -> list[dict[str, Any]]:
        with self.session() as session:
            return queries.deployments(session, filters, **options)

    def stats(self, filters: DeploymentFilter | None = None) -> dict[str, Any]:
        """The figures of `oversight stats`, with the Oversight index of each country."""
        return stats_with_index(self.deployment_records(filters))

    def finding_states(self, *, index: str | None = None, country: str | None = None
                       ) -> list[FindingState]:
        """Each AIGS finding with the deployments backing it, its searched lead, or open."""
        with self.session() as session:
            return finding_states(session, index=index, country=country)

    def coverage(self) -> dict[str, Any]:
        """Coverage against AIGS: per index, countries with deployments and backed / searched /
        open counts of its findings."""
        with self.session() as session:
            return coverage_report(session)

    def export(self, fmt: str, out: IO[bytes], filters: DeploymentFilter | None = None,
               **options: Any) -> None:
        if fmt not in exports.WRITERS:
            raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(exports.FORMATS)}")
        deps = self.deployment_records(filters)
        if fmt == "ftm":
            with self.session() as session:
                orgs = queries.organisations(session, include_buyers=True)
                listings = queries.listings(session)
            exports.write_ftm(deps, out, orgs, listings)
        elif fmt == "geojson":
            exports.write_geojson(deps, out, level=options.get("level", "deployment"))
        else:
            exports.WRITERS[fmt](deps, out)

    def assessment_input(self, deployment_id: str) -> AssessmentInput:
        """The best-effort assessment description of a registry deployment. NotFound if unknown."""
        with self.session() as session:
            return assessment_input(queries.deployment(session, deployment_id))

    def release(self, root: Path, **options: Any) -> dict[str, Any]:
        """Write the next numbered data release of the whole registry under `root`."""
        with self.session() as session:
            orgs = queries.organisations(session, include_buyers=True)
            listings = queries.listings(session)
        return write_release(root, self.deployment_records(), orgs, listings, **options)

    # --- reading, as DataFrames for notebooks ----------------------------------------------

    def deployments(self, **filters: Any) -> pd.DataFrame:
        """Deployments matching the filters of `oversight deployments`, one row each."""
        records = self.deployment_records(DeploymentFilter(**_as_lists(filters)))
        return pd.DataFrame([exports.flatten(r) for r in records], columns=exports.FLAT_COLUMNS)

    def vendors(self) -> pd.DataFrame:
        with self.session() as session:
            return pd.DataFrame(queries.organisations(session))

    def countries(self) -> pd.DataFrame:
        with self.session() as session:
            return pd.DataFrame(queries.countries(session))

    def sources(self) -> pd.DataFrame:
        with self.session() as session:
            return pd.DataFrame(queries.sources(session))


_DECISION_ACTIONS = {"accepted": "accept", "edited": "accept_edited", "rejected": "reject"}


def _audit_decision(session: Session, proposal: dict[str, Any], decision: str, decided_by: str,
                    deployment_id: str | None, edits: dict[str, Any] | None, note: str | None) -> None:
    audit.record(session, actor=decided_by, action=_DECISION_ACTIONS[decision], entity="proposal",
                 entity_id=proposal["id"], before={"key": proposal["key"], "state": proposal["state"]},
                 after={"key": proposal["key"], "state": decision, "deployment": deployment_id,
                        "edits": edits or {}}, note=note)


def _as_lists(filters: dict[str, Any]) -> dict[str, Any]:
    plural = {"country", "vendor", "vendor_country", "technology", "status", "buyer", "review_state"}
    return {k: [v] if k in plural and isinstance(v, str) else v for k, v in filters.items()}


def open_registry(url: str = "oversight.db") -> Registry:
    return Registry(url)


__all__ = ["LoadError", "Registry", "open_registry"]
