"""A deployment description -> a safeguards scorecard and an AI Act class; and its renderings.

`assess` returns plain data (the JSON form); `render_markdown` and `render_html` present that
data and nothing more, so the three never disagree.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from oversight.assessment.ai_act import classify
from oversight.assessment.criteria import CRITERIA, framework
from oversight.assessment.model import AssessmentInput
from oversight.registry.records import country_name

FACT_QUESTIONS = {
    "purpose": "what the system is for (law_enforcement, border_control, ...)",
    "real_time": "whether it identifies people in real time or after the fact",
    "remote": "whether it works at a distance, without people's active involvement",
    "publicly_accessible_space": "whether it covers publicly accessible spaces",
    "biometric": "whether it processes biometric data",
    "uses": "what it does with people (identification, verification, categorisation, ...)",
}
QUALIFIER_QUESTIONS = {
    "authorisation": "whether each use is authorised by a judicial or administrative authority",
    "exception": "which narrow exception of AI Act Art. 5(1)(h), if any, real-time use relies on",
    "prediction_basis": "whether crime predictions rest solely on profiling, on facts, or on places",
    "categorisation_attributes": "which attributes biometric categories infer (sensitive, protected, other)",
}


def _summary(criteria: list[dict[str, Any]]) -> dict[str, Any]:
    statuses = framework()["statuses"]
    counts = {status: 0 for status in statuses}
    for row in criteria:
        counts[row["status"]] += 1
    applicable = [r for r in criteria if statuses[r["status"]]["points"] is not None]
    points = sum(statuses[r["status"]]["points"] for r in applicable)
    known = [r for r in applicable if r["status"] != "unknown"]
    return {
        **counts,
        "applicable": len(applicable),
        "score": round(points / len(applicable), 3) if applicable else None,
        "coverage": round(len(known) / len(applicable), 3) if applicable else None,
    }


def _missing(d: AssessmentInput, criteria: list[dict[str, Any]], ai_act: dict[str, Any]) -> list[dict]:
    missing = [{"field": name, "what": FACT_QUESTIONS[name]} for name in d.unknown_facts()]
    for row in criteria:
        evidence = row["evidence"]
        if row["status"] == "unknown":
            missing.append({"field": f"safeguards.{row['id']}", "what": row["evidence_needed"]})
        elif evidence and evidence["answer"] in ("yes", "partly") and not evidence["source"]:
            missing.append({"field": f"safeguards.{row['id']}.source",
                            "what": f"a public source for: {row['evidence_needed']}"})
    missing += [{"field": name, "what": QUALIFIER_QUESTIONS[name]} for name in ai_act["unknown_inputs"]]
    return missing


def assess(d: AssessmentInput) -> dict[str, Any]:
    """The scorecard of one described deployment, as plain JSON-ready data."""
    fw = framework()
    criteria = []
    for info in fw["criteria"]:
        status, rationale = CRITERIA[info["id"]](d)
        evidence = getattr(d.safeguards, info["id"], None)
        criteria.append({
            "id": info["id"],
            "group": info["group"],
            "label": info["label"],
            "question": info["question"],
            "status": status,
            "rationale": rationale,
            "evidence_needed": info["evidence"],
            "evidence": evidence.model_dump() if evidence is not None else None,
        })
    ai_act = classify(d)
    return {
        "framework": fw["version"],
        "deployment": {
            "id": d.id, "name": d.name, "country": d.country, "country_name": country_name(d.country),
            "city": d.city, "buyer": d.buyer, "status": d.status, "description": d.description,
            "technologies": d.technologies, "purpose": d.purpose,
            "real_time": d.real_time, "remote": d.remote,
            "publicly_accessible_space": d.publicly_accessible_space, "biometric": d.biometric,
            "uses": d.uses, "authorisation": d.authorisation, "exception": d.exception,
            "suppliers": [s.model_dump() for s in d.suppliers], "sources": d.sources, "notes": d.notes,
        },
        "criteria": criteria,
        "summary": _summary(criteria),
        "ai_act": ai_act,
        "missing": _missing(d, criteria, ai_act),
    }


def render_json(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False, indent=2) + "\n"


# --- Markdown ---------------------------------------------------------------------------------


def _title(card: dict[str, Any]) -> str:
    dep = card["deployment"]
    name = dep["name"] or dep["id"] or "Described deployment"
    place = ", ".join(x for x in (dep["city"], dep["country_name"] or dep["country"]) if x)
    return f"{name} ({place})"


def _status_label(status: str) -> str:
    return framework()["statuses"][status]["label"]


def _md(text: Any) -> str:
    """Text for a Markdown table cell: no pipes or newlines, no raw HTML."""
    value = "unknown" if text is None else str(text)
    return " ".join(value.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").split())


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render_markdown(card: dict[str, Any]) -> str:
    s, act = card["summary"], card["ai_act"]
    lines = [f"# Assessment: {_md(_title(card))}", "",
             f"Framework {card['framework']}; AI Act logic {act['logic']}.", "",
             "## Safeguards", "",
             f"Score **{_percent(s['score'])}** over {s['applicable']} applicable criteria "
             f"(met {s['met']}, partly {s['partly']}, not met {s['not_met']}, unknown {s['unknown']}, "
             f"not applicable {s['not_applicable']}); evidence coverage {_percent(s['coverage'])}.", "",
             "| criterion | status | rationale | source |", "| --- | --- | --- | --- |"]
    for row in card["criteria"]:
        source = (row["evidence"] or {}).get("source") or ""
        lines.append(f"| {_md(row['label'])} | {_status_label(row['status'])} | "
                     f"{_md(row['rationale'])} | {_md(source)} |")
    lines += ["", "## EU AI Act", "", f"**{_md(act['headline'])}**", "",
              f"Class established by the known facts: {_md(act['label'])}", ""]
    lines += [f"Articles: {', '.join(act['articles']) or 'none'}", ""]
    lines += [f"- {_md(r)}" for r in act["reasoning"]]
    if act["open_questions"]:
        lines += ["", "Open questions:", ""] + [f"- {_md(q)}" for q in act["open_questions"]]
    lines += ["", "Obligations:", ""] + [f"- {_md(o)}" for o in act["obligations"]]
    lines += ["", f"{_md(act['dates'])} Not assessed: {'; '.join(act['not_assessed'])}."]
    lines += ["", "## Missing", ""]
    lines += [f"- `{m['field']}`: {_md(m['what'])}" for m in card["missing"]] or ["Nothing."]
    notes = card["deployment"]["notes"]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in notes]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem;vertical-align:top;
text-align:left}.met{background:#dff0d8}.partly{background:#fcf8e3}.not_met{background:#f2dede}
.unknown{background:#eee}.not_applicable{color:#777}.class{font-size:1.2rem;font-weight:bold}
"""


def _link(url: str | None) -> str:
    if not url or not url.startswith(("https://", "http://")):
        return ""
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(url)}</a>'


def _items(values: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def render_html(card: dict[str, Any]) -> str:
    """One self-contained page (inline style, no scripts); every value is escaped."""
    s, act = card["summary"], card["ai_act"]
    title = escape(_title(card))
    rows = "".join(
        f'<tr class="{escape(r["status"])}"><td>{escape(r["label"])}</td>'
        f"<td>{escape(_status_label(r['status']))}</td><td>{escape(r['rationale'])}</td>"
        f"<td>{_link((r['evidence'] or {}).get('source'))}</td></tr>"
        for r in card["criteria"])
    missing = _items([f"{m['field']}: {m['what']}" for m in card["missing"]]) if card["missing"] \
        else "<p>Nothing.</p>"
    questions = (f"<h3>Open questions</h3>{_items(act['open_questions'])}"
                 if act["open_questions"] else "")
    notes = card["deployment"]["notes"]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Assessment: {title}</title><style>{STYLE}</style></head><body>"
        f"<h1>Assessment: {title}</h1>"
        f"<p>Framework {escape(card['framework'])}; AI Act logic {escape(act['logic'])}.</p>"
        f"<h2>Safeguards</h2><p>Score <strong>{_percent(s['score'])}</strong> over {s['applicable']} "
        f"applicable criteria (met {s['met']}, partly {s['partly']}, not met {s['not_met']}, "
        f"unknown {s['unknown']}, not applicable {s['not_applicable']}); evidence coverage "
        f"{_percent(s['coverage'])}.</p>"
        "<table><thead><tr><th>criterion</th><th>status</th><th>rationale</th><th>source</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        f'<h2>EU AI Act</h2><p class="class">{escape(act["headline"])}</p>'
        f"<p>Class established by the known facts: {escape(act['label'])}</p>"
        f"<p>Articles: {escape(', '.join(act['articles']) or 'none')}</p>{_items(act['reasoning'])}"
        f"{questions}<h3>Obligations</h3>{_items(act['obligations'])}"
        f"<p>{escape(act['dates'])} Not assessed: {escape('; '.join(act['not_assessed']))}.</p>"
        f"<h2>Missing</h2>{missing}"
        + (f"<h2>Notes</h2>{_items(notes)}" if notes else "")
        + "</body></html>\n"
    )


RENDERERS = {"markdown": render_markdown, "html": render_html, "json": render_json}
