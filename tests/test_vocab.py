"""schema.yaml is the one source of truth; DESIGN.md's public ids must be in it."""

from __future__ import annotations

from oversight import vocab


def test_design_ids() -> None:
    assert vocab.TECHNOLOGIES == (
        "facial_recognition", "biometric_identification", "safe_city", "smart_policing",
        "video_surveillance", "social_media_monitoring", "big_data_platform",
    )
    assert vocab.STATUSES == ("planned", "contracted", "pilot", "operational", "cancelled", "denied")
    assert vocab.SUPPLIER_ROLES == ("supplier", "integrator", "financier", "operator")
    assert set(vocab.REVIEW_STATES) == {"candidate", "accepted", "rejected"}


def test_every_term_is_described() -> None:
    v = vocab.VOCAB
    for terms in (v.technologies, v.statuses, v.supplier_roles, v.organisation_kinds,
                  v.review_states, v.restriction_lists):
        for term in terms:
            assert term.label and term.covers, term.id
