"""Accounts for tests: one per role, each with an API token and a signed-in browser session.

Names and passwords are made up; the passwords are long enough for the policy (8+ characters).
"""

from __future__ import annotations

from dataclasses import dataclass

from oversight.accounts import sessions, tokens, users
from oversight.app import Registry

PASSWORDS = {"carol": "carol-contributes-1", "rita": "rita-reviews-22", "adam": "adam-administers-3"}
ROLES = {"carol": "contributor", "rita": "reviewer", "adam": "admin"}


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    password: str
    token: str
    cookie: str
    csrf: str

    @property
    def bearer(self) -> dict[str, str]:
        """Request headers that sign in with this person's API token."""
        return {"Authorization": f"Bearer {self.token}"}


def add_people(registry: Registry) -> dict[str, Person]:
    """carol (contributor), rita (reviewer), adam (admin), keyed by role."""
    people = {}
    with registry.session() as session:
        for name, role in ROLES.items():
            user = users.add_user(session, name, role, PASSWORDS[name], actor="test-setup")
            secret, _ = tokens.create_token(session, name, "tests", actor="test-setup")
            started = sessions.start_session(session, user)
            people[role] = Person(name, role, PASSWORDS[name], secret, started.cookie, started.csrf_token)
    return people


# Sentences in the style of wire reports (made up, example.org URLs) for candidate claims.
KAMPALA = "The Uganda Police Force said Huawei cameras now cover Kampala's main roads."
LUSAKA = "Zambia's government signed a contract with ZTE for a safe city system in Lusaka in 2020."


def add_claims(registry: Registry) -> None:
    """Two documents whose claims make two open proposals (UGA/Huawei, ZMB/ZTE)."""
    for n, (text, country, vendor, technology, status, year, city) in enumerate([
        (KAMPALA, "UGA", "Huawei", "video_surveillance", "operational", 2019, "Kampala"),
        (LUSAKA, "ZMB", "ZTE", "safe_city", "contracted", 2020, "Lusaka"),
    ], start=1):
        prefix = f"Report {n}. "
        registry.save_extraction(
            {"hash": f"{n:064x}", "doc_id": f"wire-{n}", "url": f"https://news.example.org/wire-{n}",
             "title": f"Wire report {n}", "published": f"20{18 + n}-05-0{n}", "language": "en"},
            [{"country": country, "vendor": vendor, "technology": technology, "status": status,
              "year": year, "city": city, "confidence": 0.85,
              "evidence": {"start": len(prefix), "end": len(prefix) + len(text), "text": text},
              "extractor": "oversight-extract-v1"}])
