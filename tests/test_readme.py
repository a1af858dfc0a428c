"""Docs that tests keep honest: every `oversight` command in the README runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cli import app
from oversight.settings import __doc__ as settings_doc

README = Path(__file__).parents[1] / "README.md"
runner = CliRunner()


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text("utf-8"), flags=re.S)
    lines = [re.split(r"\s#", line)[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("oversight ")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    (folder / "more").mkdir()
    for shared in ("examples", "tests"):
        (folder / shared).symlink_to(README.parent / shared)
    (folder / "my-deployments.csv").write_text(
        "id,country,city,suppliers,technologies,status,started,source_url,source_publisher,"
        "source_supports\n"
        "example-city-cctv,KEN,Kisumu,Huawei:supplier,video_surveillance,planned,2030,"
        "https://news.example.org/example,Example News,country; suppliers\n",
        encoding="utf-8",
    )
    return folder


def test_readme_has_commands() -> None:
    assert len(readme_commands()) >= 10


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command: str, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    db = f"sqlite:///{workdir / 'readme.db'}"
    args = shlex.split(command)[1:]
    if args[0] != "init":
        runner.invoke(app, ["--db", db, "init"])
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, (command, result.output)


def test_every_setting_is_documented() -> None:
    readme = README.read_text("utf-8")
    for variable in re.findall(r"`(OVERSIGHT_[A-Z_]+)`", settings_doc or ""):
        assert f"`{variable}`" in readme, variable
