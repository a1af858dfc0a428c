"""The notebook API: oversight.open() and DataFrames."""

from __future__ import annotations

from pathlib import Path

import oversight
from tests.conftest import FIXTURES


def test_open_and_dataframes(tmp_path: Path) -> None:
    reg = oversight.open(str(tmp_path / "notebook.db"))
    reg.load([FIXTURES])
    frame = reg.deployments(country="KEN")
    assert list(frame["id"]) == ["ken-nairobi-safe-city"]
    assert frame.loc[0, "suppliers"] == "Huawei (supplier); Safaricom (integrator)"
    assert len(reg.deployments(technology="video_surveillance", since=2012)) == 2
    vendors = reg.vendors().set_index("name")
    assert vendors.loc["Huawei", "deployments"] == 2
    assert set(reg.countries()["country"]) == {"ECU", "GBR", "KEN", "UGA"}
    assert reg.sources()["deployments"].sum() == 4
