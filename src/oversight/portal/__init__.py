"""The web portal: HTML pages over the same store queries as the JSON API.

Every page reads with JavaScript turned off; scripts only enhance (sorting, tooltips). All
assets are served from the package, so the portal works with no network.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(str(resources.files("oversight.portal").joinpath("static")))
PAGE_MODULES: tuple[str, ...] = ("api_docs", "home", "deployment_pages", "country_pages", "vendor_pages",
                                 "screen_pages", "about", "account", "review", "assessment_pages",
                                 "brief_pages", "corrections")


def mount_portal(app: FastAPI) -> None:
    """Add the portal's routers and its /static files to an API app."""
    from importlib import import_module

    from oversight.portal.worldmap import small_countries

    small_countries()  # decode the map and place the small countries now, not in the first request
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name in PAGE_MODULES:
        app.include_router(import_module(f"oversight.portal.{name}").router)
