"""What every page needs to be usable with a keyboard and a screen reader."""

from __future__ import annotations

import re

import pytest

from tests.portal.markup import Page

PAGES = ["/", "/deployments", "/deployments/ken-nairobi-safe-city", "/countries", "/countries/KEN",
         "/vendors", "/vendors/Huawei", "/search?q=huawei", "/screen?q=Ezviz%0AAcme+Bakery",
         "/methodology", "/downloads",
         "/countries/XYZ", "/deployments?status=rumoured"]


@pytest.mark.parametrize("url", PAGES)
def test_page_structure(client, url: str) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get(url).text)
    assert doc.tags("html")[0].attrs.get("lang") == "en"
    assert doc.tags("a", href="#main") and doc.by_id("main").name == "main"
    assert len(doc.tags("h1")) == 1
    assert doc.tags("title") and "".join(doc.tags("title")[0].text).strip()


@pytest.mark.parametrize("url", PAGES)
def test_every_input_has_a_label(client, url: str) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get(url).text)
    labelled = {label.attrs.get("for") for label in doc.tags("label")}
    for element in doc.tags("input") + doc.tags("select"):
        if element.attrs.get("type") in ("hidden", "submit"):
            continue
        assert element.attrs.get("id") in labelled or element.attrs.get("aria-label"), element.attrs


@pytest.mark.parametrize("url", PAGES)
def test_tables_have_captions_and_scoped_headers(client, url: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(url).text
    doc = Page(html)
    assert html.count("<table") == html.count("<caption")
    assert all(th.attrs.get("scope") in ("col", "row") for th in doc.tags("th"))


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_is_visible_and_text_colours_meet_wcag_aa() -> None:
    from oversight.portal import STATIC_DIR

    css = (STATIC_DIR / "style.css").read_text()
    assert ":focus-visible" in css and ".skip:focus" in css
    colours = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    white = "#ffffff"
    for text, background in (("ink", "paper"), ("muted", "paper"), ("link", "paper"), ("muted", "tint"),
                             ("link", "tint"), ("accent", "paper")):
        assert contrast(colours[text], colours[background]) >= 4.5, (text, background)
    assert contrast(white, colours["ink"]) >= 4.5  # the header
    assert contrast(white, colours["link"]) >= 4.5  # buttons
