"""The map of France's regions (issue 13) in a real headless Chromium: a site made of the test
fixture plus the associations of Tests/CastorKitTests/Fixtures/carte (items with coordinates),
built by the real CLI. axe-core in light and dark modes, 320 px without sideways scrolling,
nothing from another origin, the weight of the page, every region and marker a working link
reachable with the keyboard; screenshots in .build/screenshots."""
import gzip
import http.server
import pathlib
import re
import shutil
import subprocess
import threading
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import NOW, REPO, castor_binary
from test_visitors import SHOTS, run_axe

FIXTURES = REPO / "Tests" / "CastorKitTests" / "Fixtures"
MAP_PAGE = "associations/"


@pytest.fixture(scope="module")
def map_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("carte")
    content = work / "content"
    shutil.copytree(FIXTURES / "site" / "content", content)
    carte = FIXTURES / "carte"
    with open(content / "collections.yml", "a", encoding="utf-8") as f:
        f.write("\n" + (carte / "declaration.yml").read_text(encoding="utf-8"))
    site_yml = (content / "site.yml").read_text(encoding="utf-8")
    regions = "regions:\n  bretagne: Bretagne\n  national: National\n"
    assert regions in site_yml
    (content / "site.yml").write_text(site_yml.replace(regions, (carte / "regions.yml").read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(carte / "content" / "associations", content / "associations")
    output = work / "www" / "reseau" / "ressources"
    output.parent.mkdir(parents=True)
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"), "--output", str(output),
         "--now", NOW, "--base-url", "http://127.0.0.1/reseau/ressources/"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(work / "www"))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/reseau/ressources/", output
    httpd.shutdown()


def test_the_map_page_has_no_accessibility_violation(browser, map_server):
    server, _ = map_server
    for scheme in ("light", "dark"):
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        try:
            browser.get(server + MAP_PAGE)
            assert browser.find_elements(By.CSS_SELECTOR, "svg.carte-france"), "the map is on the page"
            violations = run_axe(browser)
            assert violations == [], f"{scheme}: {violations}"
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_map_fits_320_pixels_and_shows_its_regions_and_markers(browser, map_server):
    server, _ = map_server
    for width in (320, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        try:
            browser.get(server + MAP_PAGE)
            overflow = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert overflow[0] <= overflow[1], f"{width} px: scrollWidth {overflow[0]} > {overflow[1]}"
            box = browser.execute_script(
                "const s = document.querySelector('svg.carte-france').getBoundingClientRect();"
                "return [s.width, s.height, [...document.querySelectorAll('svg.carte-france circle')].map(c => {"
                " const r = c.getBoundingClientRect(); return [r.left - s.left, r.top - s.top, r.width]; }),"
                " [...document.querySelectorAll('svg.carte-france a[data-region] path')].map(p => getComputedStyle(p).fill)]")
            assert box[0] > 250 and box[1] > 200, f"{width} px: the map is {box[0]}×{box[1]}"
            assert len(box[2]) == 7 and all(0 <= x <= box[0] and 0 <= y <= box[1] and w > 4 for x, y, w in box[2]), box[2]
            assert len(box[3]) == 13 and len(set(box[3])) >= 3, f"shaded by count: {box[3]}"
            SHOTS.mkdir(parents=True, exist_ok=True)
            path = SHOTS / f"carte-{width}.png"
            assert browser.save_screenshot(str(path)) and path.stat().st_size > 5_000
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_every_link_of_the_map_works_and_is_reached_with_the_keyboard(browser, map_server):
    server, _ = map_server
    browser.get(server + MAP_PAGE)
    links = browser.execute_script(
        "return [...document.querySelectorAll('svg.carte-france a')].map(a => [a.href.baseVal || a.getAttribute('href'), a.getAttribute('aria-label')])")
    assert len(links) == 13 + 7, links
    base = browser.current_url
    for href, label in links:
        url = urllib.parse.urljoin(base, href)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200, url
            page = response.read().decode("utf-8")
        # A region's page lists its associations; a marker's page is the association's.
        if re.search(r" : \d+ associations?$", label):
            assert "Associations : " in page, url
        else:
            assert f"<h1>{label}</h1>".replace("'", "&#39;") in page, (url, label)
    # Tab from the heading of the map reaches every region link, then the markers.
    browser.execute_script("document.getElementById('carte-regions-titre').setAttribute('tabindex', '-1');"
                           "document.getElementById('carte-regions-titre').focus()")
    reached = []
    for _ in range(len(links)):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        reached.append(browser.execute_script("return document.activeElement.getAttribute('aria-label')"))
    assert reached == [label for _, label in links], reached
    # Enter on a focused region opens its page.
    browser.execute_script("document.querySelector('svg.carte-france a[data-region=bretagne]').focus()")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("/associations/region/bretagne/"), browser.current_url


def test_nothing_from_another_origin_and_the_page_stays_light(browser, map_server):
    server, output = map_server
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        browser.get(server + MAP_PAGE)
    finally:
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    origin = urllib.parse.urlsplit(server).netloc
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize])")
    assert not [name for name, _ in resources if urllib.parse.urlsplit(name).netloc not in ("", origin)], resources
    css_js = sum(size for name, size in resources if name.endswith((".css", ".js")))
    assert 5_000 < css_js < 30_000, f"{css_js} bytes of CSS and JS"
    html = (output / "associations" / "index.html").read_bytes()
    svg = re.search(rb"<svg.*?</svg>", html, re.S).group(0)
    assert len(gzip.compress(svg)) < 30_000, f"the map's SVG weighs {len(gzip.compress(svg))} bytes compressed"
    print(f"\nassociations/index.html: {len(html)} bytes ({len(gzip.compress(html))} gzip), SVG {len(svg)} bytes"
          f" ({len(gzip.compress(svg))} gzip), CSS+JS {css_js} bytes")


def test_the_embedded_map_draws_itself_on_another_site_without_any_request(browser, map_server, tmp_path):
    """A member association's page, on another origin, with the one script line of the listing
    page: the map (whole, and zoomed on one region) is drawn from the script alone."""
    from selenium.webdriver.support.ui import WebDriverWait

    server, output = map_server
    site_origin = urllib.parse.urlsplit(server)
    widget = server + MAP_PAGE + "carte.js"
    listing = (output / "associations" / "index.html").read_text(encoding="utf-8")
    assert "associations/carte.js&quot; data-region=&quot;bretagne&quot; async&gt;" in listing, "the listing gives the line to copy"
    (tmp_path / "index.html").write_text(f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Notre association</title></head>
<body><main><h1>Notre association</h1>
<div id="france"><script src="{widget}" async></script></div>
<div id="bretagne"><script src="{widget}" data-region="bretagne" async></script></div>
</main></body></html>
""", encoding="utf-8")
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(tmp_path))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        browser.execute_cdp_cmd("Network.enable", {})
        browser.get(f"http://127.0.0.1:{host.server_address[1]}/")
        WebDriverWait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "figure.carte-widget svg")) == 2)
        france = browser.execute_script(
            "return [...document.querySelectorAll('#france svg a')].map(a => [a.getAttribute('href'), a.getAttribute('aria-label')])")
        regions = [(href, label) for href, label in france if "/region/" in href]
        assert len(regions) == 13, france
        assert all(href.startswith("http://127.0.0.1/reseau/ressources/associations/") for href, _ in france), france
        assert ("http://127.0.0.1/reseau/ressources/associations/region/bretagne/", "Bretagne : 2 associations") in regions
        assert len(france) == 13 + 7
        bretagne = browser.execute_script(
            "return [...document.querySelectorAll('#bretagne svg a')].map(a => a.getAttribute('aria-label'))")
        assert bretagne == ["Bretagne : 2 associations", "Cohabiter en Cornouaille", "Habitat participatif Rennes"], bretagne
        caption = browser.execute_script("return document.querySelector('#bretagne figcaption a').getAttribute('href')")
        assert caption.endswith("/associations/region/bretagne/"), caption
        resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.initiatorType])")
        # From the resource centre, the script only: no fetch of data, no image, no style sheet.
        from_centre = [(name, kind) for name, kind in resources if urllib.parse.urlsplit(name).netloc == site_origin.netloc]
        assert from_centre == [(widget, "script")], resources
        violations = run_axe(browser)
        assert violations == [], violations
    finally:
        host.shutdown()
