"""Readable names for records, shared by the portal, the briefs and the exports.

A deployment id (`ken-nairobi-mombasa-safe-city`) is a stable key, not a title. Its title is
built from its facts: the most specific technology, the places and the suppliers, e.g.
"Safe city, Nairobi and Mombasa — Huawei, Safaricom".
"""

from __future__ import annotations

from typing import Any

from oversight import vocab
from oversight.registry.records import country_name

# Most specific first: a safe city usually includes cameras; face recognition says more than CCTV.
SPECIFICITY = ("safe_city", "facial_recognition", "smart_policing", "biometric_identification",
               "big_data_platform", "social_media_monitoring", "video_surveillance")
NOT_SUPPLYING = ("financier",)  # a lender pays; it supplies nothing
MAX_NAMES = 3


def _places(dep: dict[str, Any]) -> str:
    if dep.get("city"):
        cities = [c.strip() for c in str(dep["city"]).split(";") if c.strip()]
        if len(cities) > MAX_NAMES:
            return f"{', '.join(cities[:MAX_NAMES])} and {len(cities) - MAX_NAMES} more places"
        return cities[0] if len(cities) == 1 else f"{', '.join(cities[:-1])} and {cities[-1]}"
    if dep.get("region"):
        return str(dep["region"])
    code = dep.get("country") or ""
    return dep.get("country_name") or country_name(code) or code


def deployment_title(dep: dict[str, Any]) -> str:
    """"Safe city, Nairobi and Mombasa — Huawei, Safaricom": technology, places, suppliers."""
    labels = {t.id: t.label for t in vocab.VOCAB.technologies}
    technologies = dep.get("technologies") or []
    main = next((t for t in SPECIFICITY if t in technologies), technologies[0] if technologies else None)
    title = f"{labels.get(main, main or 'Surveillance system')}, {_places(dep)}"
    names = list(dict.fromkeys(s["name"] for s in dep.get("suppliers") or []
                               if s.get("role") not in NOT_SUPPLYING))
    if not names:
        return f"{title} — supplier not named"
    more = f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""
    return f"{title} — {', '.join(names[:MAX_NAMES])}{more}"
