"""The audit log: every change is one chained entry; the database refuses to rewrite it, and
`verify` names the first entry that was altered, removed or re-ordered anyway."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from oversight import vocab
from oversight.app import Registry
from oversight.errors import NotFound
from oversight.store import audit, queries
from tests.conftest import FIXTURES

NAIROBI = "ken-nairobi-safe-city"


def _append(registry: Registry, n: int, actor: str = "ana") -> None:
    with registry.session() as session:
        for i in range(n):
            audit.record(session, actor=actor, action="edit", entity="deployment", entity_id=f"d-{i}",
                         before={"status": "planned"}, after={"status": "operational", "n": i},
                         note=f"change {i}")


def _tamper(registry: Registry, *statements: str) -> None:
    """What an attacker with database access does: drop the guard, then rewrite rows."""
    with registry.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update_delete ON audit_log")
        for statement in statements:
            connection.execute(text(statement))


def _problems(registry: Registry) -> list[audit.AuditProblem]:
    with registry.session() as session:
        return audit.verify(session)


def test_entries_chain_from_genesis(registry: Registry) -> None:
    _append(registry, 3)
    with registry.session() as session:
        entries = audit.entries(session)
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[0]["prev_hash"] == audit.GENESIS
    assert [e["prev_hash"] for e in entries[1:]] == [e["hash"] for e in entries[:-1]]
    assert entries[2]["after"] == {"status": "operational", "n": 2}
    assert _problems(registry) == []


def test_hash_is_canonical_json_of_the_fields(registry: Registry) -> None:
    """Anyone can recompute a hash from the documented recipe, without Oversight's code."""
    import hashlib

    _append(registry, 1)
    with registry.session() as session:
        entry = audit.entries(session)[0]
    fields = [entry["seq"], entry["at"].isoformat(), entry["actor"], entry["action"], entry["entity"],
              entry["entity_id"], entry["before"], entry["after"], entry["note"]]
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256((audit.GENESIS + payload).encode()).hexdigest() == entry["hash"]


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'mallory' WHERE seq = 1",
                                       "DELETE FROM audit_log WHERE seq = 1"])
def test_database_refuses_to_rewrite_the_log(registry: Registry, statement: str) -> None:
    _append(registry, 1)
    with pytest.raises(DBAPIError, match="append-only"), registry.engine.begin() as connection:
        connection.execute(text(statement))
    assert _problems(registry) == []


def test_unknown_action_is_refused(registry: Registry) -> None:
    with pytest.raises(ValueError, match="unknown audit action 'hack'"), registry.session() as session:
        audit.record(session, actor="ana", action="hack", entity="deployment", entity_id="x",
                     before=None, after=None)


# Each tampering, and the first entry verify must name.
TAMPERING = {
    "edited": (["UPDATE audit_log SET after = '{\"status\":\"planned\"}' WHERE seq = 3"], 3, "altered"),
    "edited note": (["UPDATE audit_log SET note = NULL WHERE seq = 2"], 2, "altered"),
    "removed": (["DELETE FROM audit_log WHERE seq = 2"], 3, "removed"),
    "removed from the end": (["DELETE FROM audit_log WHERE seq = 4"], None, "removed from the end"),
    "re-ordered": (["UPDATE audit_log SET seq = 100 WHERE seq = 2",
                    "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                    "UPDATE audit_log SET seq = 3 WHERE seq = 100"], 2, "prev_hash"),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_verify_names_the_first_broken_entry(registry: Registry, case: str) -> None:
    statements, seq, why = TAMPERING[case]
    _append(registry, 4)
    _tamper(registry, *statements)
    problems = _problems(registry)
    assert problems, case
    assert problems[0].seq == seq
    assert why in problems[0].reason


def test_verify_catches_a_rewritten_and_rehashed_entry(registry: Registry) -> None:
    """Recomputing the tampered entry's own hash only moves the break to the next entry."""
    _append(registry, 3)
    with registry.session() as session:
        second = audit.entries(session)[1]
    forged = {**second, "actor": "mallory", "before": audit.canonical(second["before"]),
              "after": audit.canonical(second["after"])}
    forged_hash = audit.entry_hash(second["prev_hash"], forged)
    _tamper(registry, f"UPDATE audit_log SET actor = 'mallory', hash = '{forged_hash}' WHERE seq = 2")
    problems = _problems(registry)
    assert [p.seq for p in problems] == [3]
    assert "prev_hash" in problems[0].reason


def test_concurrent_appends_do_not_fork_the_chain(db_url: str, registry: Registry) -> None:
    """Writers in separate connections queue on the chain head instead of forking it."""
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        mine = Registry(db_url, migrate=False)
        try:
            for _ in range(10):
                _append(mine, 2, actor=name)
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            mine.engine.dispose()

    threads = [threading.Thread(target=writer, args=(f"writer-{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with registry.session() as session:
        seqs = [e["seq"] for e in audit.entries(session)]
    assert seqs == list(range(1, 81))
    assert _problems(registry) == []


# --- what the registry records ------------------------------------------------------------


def test_load_records_each_created_record(loaded: Registry) -> None:
    with loaded.session() as session:
        entries = audit.entries(session)
        detail = queries.deployment(session, NAIROBI)
    assert entries[0]["action"] == "load" and entries[0]["after"]["created"]["deployment"] == 4
    created = {(e["entity"], e["entity_id"]) for e in entries if e["action"] == "create"}
    assert ("deployment", NAIROBI) in created and ("organisation", "huawei") in created
    assert ("organisation", "national police service@ken") in created  # a buyer made on the fly
    assert all(e["note"].startswith("load ") for e in entries)
    (history,) = detail["history"]
    assert history["action"] == "create" and history["before"] is None
    assert history["after"]["suppliers"] == [{"organisation": "Huawei", "role": "supplier"},
                                             {"organisation": "Safaricom", "role": "integrator"}]
    assert set(history) == {"seq", "at", "actor", "action", "before", "after", "note"}


def test_reloading_the_same_files_records_nothing(loaded: Registry) -> None:
    with loaded.session() as session:
        count = audit.summary(session)["entries"]
    loaded.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml"])
    with loaded.session() as session:
        assert audit.summary(session)["entries"] == count


def test_an_edit_records_before_and_after(loaded: Registry, tmp_path: Path) -> None:
    changed = tmp_path / "nairobi.json"
    changed.write_text(json.dumps({"deployments": [{
        "id": NAIROBI, "country": "KEN", "city": "Nairobi", "buyer": "National Police Service",
        "suppliers": [{"organisation": "Huawei"}, {"organisation": "Safaricom", "role": "integrator"}],
        "technologies": ["safe_city", "video_surveillance"], "status": "cancelled",
        "announced": "2014-05", "started": "2015", "contract_value": 100000000, "currency": "USD",
        "description": "A city camera network with a police command centre.", "confidence": 0.9,
        "sources": [{"url": "https://news.example.org/2024/nairobi-ends", "supports": ["status"]}]}]}))
    loaded.load([changed], actor="ben")
    history = loaded.history("deployment", NAIROBI)
    create, edit = history
    assert edit["action"] == "edit" and edit["actor"] == "ben"
    assert edit["before"] == create["after"]  # the chain of states has no gap
    assert (edit["before"]["status"], edit["after"]["status"]) == ("operational", "cancelled")
    assert [s["url"] for s in edit["after"]["sources"]][-1] == "https://news.example.org/2024/nairobi-ends"


def test_dry_run_records_nothing(registry: Registry) -> None:
    registry.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml"], dry_run=True)
    with registry.session() as session:
        assert audit.summary(session)["entries"] == 0


def test_delete_keeps_the_last_state_in_the_log(loaded: Registry) -> None:
    entry = loaded.delete_deployment(NAIROBI, "admin-ana", note="duplicate of a better record")
    assert entry["action"] == "delete" and entry["after"] is None
    assert entry["before"]["id"] == NAIROBI and entry["before"]["status"] == "operational"
    with loaded.session() as session, pytest.raises(NotFound):
        queries.deployment(session, NAIROBI)
    assert [e["action"] for e in loaded.history("deployment", NAIROBI)] == ["create", "delete"]
    assert loaded.audit_verify() == []


def test_deleting_a_missing_deployment_is_a_clear_error(loaded: Registry) -> None:
    with pytest.raises(NotFound, match="no deployment with id 'nope'"):
        loaded.delete_deployment("nope", "admin-ana")


def test_every_audit_action_is_described() -> None:
    assert {"create", "edit", "accept", "reject", "delete", "role_change"} <= set(vocab.AUDIT_ACTIONS)
    for term in vocab.VOCAB.audit_actions:
        assert term.label and term.covers, term.id


def test_review_decisions_are_audited(loaded: Registry) -> None:
    from tests.review.test_review import JINJA, KAMPALA, claim, document

    loaded.save_extraction(document(1, "https://news.example.org/kampala"),
                           [claim(KAMPALA, "operational", 2019)])
    loaded.save_extraction(document(2, "https://news.example.org/jinja"),
                           [claim(JINJA, "contracted", 2021, vendor="Jinja Secure Ltd")])
    by_key = {p["key"]: p for p in loaded.proposals()}
    accepted = loaded.decide(by_key["UGA|huawei|video_surveillance"]["id"], "edited", "rev-ria",
                             edits={"city": "Entebbe"}, note="city per the police statement")
    loaded.decide(by_key["UGA|jinja secure ltd|video_surveillance"]["id"], "rejected", "rev-ria",
                  note="not a surveillance supplier")
    with loaded.session() as session:
        proposals = audit.entries(session, "proposal")
    assert [(e["action"], e["actor"]) for e in proposals] == [("accept_edited", "rev-ria"),
                                                             ("reject", "rev-ria")]
    assert proposals[0]["after"]["deployment"] == accepted["deployment"]
    assert proposals[0]["after"]["edits"] == {"city": "Entebbe"}
    assert proposals[1]["note"] == "not a surveillance supplier"
    (created,) = loaded.history("deployment", accepted["deployment"])
    assert created["actor"] == "rev-ria" and created["after"]["city"] == "Entebbe"
    assert created["note"].startswith("review: edited proposal ")
    # Deleting an accepted deployment keeps the reviewer's decision, no longer pointing at it.
    loaded.delete_deployment(accepted["deployment"], "admin-ana")
    decided = {p["key"]: p["state"] for p in loaded.proposals()}
    assert decided["UGA|huawei|video_surveillance"] == "edited"
    assert loaded.audit_verify() == []
