"""A printable country brief as PDF (ReportLab): map, deployments, suppliers and their listings,
financing, the index over time, reference-index findings, and every source, numbered.

`write_brief(brief, out)` takes plain data (built by `oversight.portal.brief_pages.brief_data`)
and writes the PDF; it reads nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from oversight.publish.labels import deployment_title

# A Unicode font when the system has one (names in any script print); ReportLab's built-in
# Helvetica covers Latin-1 only.
FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/dejavu/DejaVuSans.ttf")
LAND, HIGHLIGHT, BORDER = colors.HexColor("#e3e3e3"), colors.HexColor("#b35806"), colors.white
PATH_POINT = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def _fonts() -> tuple[str, str]:
    for candidate in FONT_CANDIDATES:
        path = Path(candidate)
        bold = path.with_name(path.stem + "-Bold.ttf")
        if path.is_file() and bold.is_file():
            if "BriefSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("BriefSans", str(path)))
                pdfmetrics.registerFont(TTFont("BriefSans-Bold", str(bold)))
            return "BriefSans", "BriefSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def rings(path: str) -> list[list[tuple[float, float]]]:
    """The rings of an SVG path made of M, L and Z commands (the world map's country shapes)."""
    return [[(float(x), float(y)) for x, y in PATH_POINT.findall(part)]
            for part in path.split("M") if part.strip()]


class CountryMap(Flowable):
    """The country in its region: land in grey, the country in colour, clipped to the frame."""

    def __init__(self, shapes: Sequence[tuple[str | None, str]], iso3: str, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height
        self.shapes = [(code, rings(d)) for code, d in shapes]
        own = [p for code, rs in self.shapes if code == iso3 for r in rs for p in r]
        self.found = bool(own)
        xs, ys = [p[0] for p in own] or [0.0, 1000.0], [p[1] for p in own] or [0.0, 500.0]
        # the country and about its own size again on each side, never less than a region
        span = max(max(xs) - min(xs), (max(ys) - min(ys)) * width / height, 90.0) * 3
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        self.scale = width / span
        self.left, self.top = cx - span / 2, cy - span * height / width / 2
        self.iso3 = iso3

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        frame = canvas.beginPath()
        frame.rect(0, 0, self.width, self.height)
        canvas.clipPath(frame, stroke=1, fill=0)
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.3)
        for code, shape in self.shapes:
            canvas.setFillColor(HIGHLIGHT if code == self.iso3 else LAND)
            path = canvas.beginPath()
            for ring in shape:
                points = [((x - self.left) * self.scale, self.height - (y - self.top) * self.scale)
                          for x, y in ring]
                path.moveTo(*points[0])
                for point in points[1:]:
                    path.lineTo(*point)
                path.close()
            canvas.drawPath(path, stroke=1, fill=1)
        canvas.restoreState()


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=18, leading=22),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12.5, leading=16,
                             spaceBefore=8),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9, leading=12),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontName=regular, fontSize=7.5,
                                leading=9.5),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontName=regular, fontSize=7.5,
                               leading=9.5),
        "head": ParagraphStyle("head", parent=base["BodyText"], fontName=bold, fontSize=7.5, leading=9.5),
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
           styles: dict[str, ParagraphStyle]) -> LongTable:
    data = [[Paragraph(escape(h), styles["head"]) for h in header]]
    data += [[Paragraph(cell, styles["cell"]) for cell in row] for row in rows]
    table = LongTable(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.HexColor("#bbbbbb")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _date(value: Any) -> str:
    return str(value) if value else "–"


def write_brief(brief: dict[str, Any], out: IO[bytes]) -> None:
    """Write the brief of one country (the dict of brief_data) as a PDF to `out`."""
    styles = _styles()
    body, small = styles["body"], styles["small"]
    country = brief["country"]
    deployments = country["deployments"]
    source_number = {s["url"]: n for n, s in enumerate(country["sources"], start=1)}

    def refs(dep: dict[str, Any]) -> str:
        numbers = sorted({source_number[s["url"]] for s in dep["sources"] if s["url"] in source_number})
        return ", ".join(f"[{n}]" for n in numbers)

    story: list[Flowable] = [
        Paragraph(f"Country brief: {escape(country['name'])} ({country['country']})", styles["title"]),
        Paragraph(escape(f"Oversight registry, {brief['generated']}. {brief['caveat']}"), small),
        Spacer(1, 4 * mm),
    ]
    technologies = ", ".join(brief["technology_labels"].get(t, t) for t in country["technologies"]) or "none"
    latest = brief["index"][-1] if brief["index"] else None
    summary = (f"{len(deployments)} deployment(s) recorded, of technologies: {technologies}. "
               f"{len(country['suppliers'])} supplier(s); {len(country['sources'])} source(s).")
    if latest:
        summary += f" Oversight index {latest['score']:.1f} of 100 in {latest['year']}."
    story.append(Paragraph(escape(summary), body))
    if brief.get("map"):
        country_map = CountryMap(brief["map"], country["country"], 170 * mm, 80 * mm)
        if country_map.found:
            story += [Spacer(1, 3 * mm), country_map,
                      Paragraph("Map: Natural Earth 1:110m, public domain.", small)]

    story.append(Paragraph("Deployments", styles["h2"]))
    if deployments:
        rows = [[escape(deployment_title(d)) + f"<br/><font size=6>{escape(d['id'])}</font>",
                 escape(", ".join(brief["technology_labels"].get(t, t) for t in d["technologies"])),
                 escape(brief["status_labels"].get(d["status"], d["status"]))
                 + (f"<br/>as of {escape(str(d['status_as_of']))}" if d.get("status_as_of") else ""),
                 _date(d.get("year")), refs(d)] for d in deployments]
        story.append(_table(("Deployment", "Technologies", "Status", "Year", "Sources"), rows,
                            (70, 45, 25, 12, 18), styles))
    else:
        story.append(Paragraph("No deployment is recorded for this country.", body))

    story.append(Paragraph("Suppliers and restriction lists", styles["h2"]))
    if brief["suppliers"]:
        rows = [[escape(s["name"]), escape(s.get("country") or "–"), escape(", ".join(s["roles"])),
                 str(s["deployments"]),
                 escape("; ".join(brief["list_labels"].get(x, x) for x in s["lists"]) or "none")]
                for s in brief["suppliers"]]
        story.append(_table(("Supplier", "Home", "Roles", "Records", "Listed on"), rows,
                            (50, 14, 30, 16, 60), styles))
    else:
        story.append(Paragraph("No supplier is named in the records.", body))

    story.append(Paragraph("Financing", styles["h2"]))
    financed = [d for d in deployments if d.get("financing")]
    story.append(_table(("Deployment", "Financing"), [[escape(deployment_title(d)), escape(d["financing"])]
                                                      for d in financed], (80, 90), styles)
                 if financed else Paragraph("No financing is recorded.", body))

    story.append(Paragraph("Oversight index over time", styles["h2"]))
    if brief["index"]:
        rows = [[str(p["year"]), f"{p['score']:.1f}", str(p["deployments"])] for p in brief["index"]]
        story.append(_table(("Year", "Index (0–100)", "Deployments"), rows, (20, 30, 30), styles))
        story.append(Paragraph(escape(brief["index_caveat"]), small))
    else:
        story.append(Paragraph("No dated deployment: no index.", body))

    story.append(Paragraph("Reference index findings", styles["h2"]))
    if brief.get("findings"):
        rows = [[escape(f["index"]), escape(f["finding"]), escape(f["state"])] for f in brief["findings"]]
        story.append(_table(("Index", "Finding", "In this registry"), rows, (30, 60, 80), styles))
    else:
        story.append(Paragraph("No reference-index findings are loaded for this country.", body))

    story.append(Paragraph("Sources", styles["h2"]))
    for n, source in enumerate(country["sources"], start=1):
        date = source.get("published") or (f"undated: {source['undated_reason']}"
                                           if source.get("undated_reason") else "undated")
        text = (f"[{n}] {escape(source.get('title') or source['url'])}. "
                f"{escape(source.get('publisher') or '')} ({escape(str(date))}). {escape(source['url'])}")
        story.append(KeepTogether(Paragraph(text, small)))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_fonts()[0], 7)
        canvas.drawString(15 * mm, 10 * mm, f"Oversight country brief: {country['name']}, "
                          f"{brief['generated']}. Data CC-BY-4.0.")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=18 * mm,
                                 title=f"Oversight country brief: {country['name']}",
                                 author="Oversight", subject="AI surveillance deployments")
    document.build(story, onFirstPage=footer, onLaterPages=footer)
