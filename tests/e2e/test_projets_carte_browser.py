"""The projects' map and statistics on the repository's own content (issue 13), in a real
headless Chromium: every marker of /projets/ inside the outline of its project's region and
every marker of a region page inside its project's département (the browser's own
`isPointInFill` on the drawn shapes), the region page drawn by département with accessible
shapes, the statistics by legal form matching the JSON export, axe-core in light and dark
modes, 320 px without sideways scrolling, nothing from another origin, the weights (SVG
compressed, CSS+JS), and screenshots in .build/screenshots."""
import collections
import gzip
import http.server
import json
import re
import threading
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, build
from test_visitors import SHOTS, run_axe

REGION_PAGE = "projets/region/auvergne-rhone-alpes/"
PAGES = ["projets/", REGION_PAGE]


@pytest.fixture(scope="module")
def projects_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("projets")
    output = root / "reseau" / "ressources"
    output.parent.mkdir(parents=True)
    result = build(output, "--base-url", "http://127.0.0.1/reseau/ressources/")
    assert result.returncode == 0, result.stderr
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(root))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/reseau/ressources/", output
    httpd.shutdown()


def export(output):
    """The projects as the JSON export gives them, by page path (`projets/<slug>/`)."""
    data = json.loads((output / "projets" / "projets.json").read_text(encoding="utf-8"))
    return {urllib.parse.urlsplit(item["url"]).path.split("/ressources/", 1)[1]: item for item in data["items"]}


# For each marker: its link, and the accessible names of the shapes holding its centre.
MARKERS_AND_SHAPES = """
const svg = document.querySelector('svg.carte-france');
const shapes = [...svg.querySelectorAll('path')].map(p => [p, p.parentElement.getAttribute('aria-label')
    || p.parentElement.querySelector('title').textContent]);
const plain = text => text.replace(/[\u00a0\u202f]/g, ' ');
return [...svg.querySelectorAll('.points a')].map(a => {
  const c = a.querySelector('circle');
  const point = new DOMPoint(c.cx.baseVal.value, c.cy.baseVal.value);
  return [a.getAttribute('href'), shapes.filter(([p]) => p.isPointInFill(point)).map(([, name]) => plain(name))];
});
"""


def test_every_marker_is_inside_the_outline_of_its_region(browser, projects_server):
    server, output = projects_server
    projects = export(output)
    browser.get(server + "projets/")
    regions = browser.execute_script(
        "return [...document.querySelectorAll('svg.carte-france a[data-region]')].map(a => a.getAttribute('aria-label'))")
    assert len(regions) == 13 and all(re.fullmatch(r".+ : \d+ projets?", name) for name in regions), regions
    markers = browser.execute_script(MARKERS_AND_SHAPES)
    with_coordinates = [path for path, item in projects.items() if item["latitude"] is not None]
    assert len(markers) == len(with_coordinates) >= 12, markers
    for href, inside in markers:
        path = urllib.parse.urljoin("projets/", href).lstrip("./")
        path = path[path.index("projets/"):]
        region = projects[path]["region"]
        assert len(inside) == 1 and inside[0].startswith(region + " : "), (path, region, inside)


def test_a_region_page_draws_its_departements_with_the_markers_inside_their_own(browser, projects_server):
    server, output = projects_server
    projects = export(output)
    browser.get(server + REGION_PAGE)
    shapes = browser.execute_script(
        "return [...document.querySelectorAll('svg.carte-region [data-departement]')].map(g =>"
        " [g.getAttribute('data-departement'), g.tagName, g.querySelector('title').textContent.replace(/[\\u00a0\\u202f]/g, ' ')])")
    # Auvergne-Rhône-Alpes has 12 départements; without a listing by département, no link.
    assert len(shapes) == 12 and all(tag == "g" for _, tag, _ in shapes), shapes
    in_region = [item for item in projects.values() if item["region"] == "Auvergne-Rhône-Alpes"]
    counts = collections.Counter(item["departement"] for item in in_region)
    for code, _, name in shapes:
        label, count = name.rsplit(" : ", 1)
        assert label.endswith(f"({code.upper()})"), name
        assert int(count.split()[0]) == counts.get(label, 0), (name, counts)
    markers = browser.execute_script(MARKERS_AND_SHAPES)
    assert len(markers) == len([i for i in in_region if i["latitude"] is not None]) >= 2, markers
    for href, inside in markers:
        path = href[href.index("projets/"):]
        assert len(inside) == 1 and inside[0].startswith(projects[path]["departement"] + " : "), (path, inside)
    # The text alternative beside it: one row per département, the same counts.
    rows = browser.execute_script(
        "return [...document.querySelectorAll('.carte-regions table tbody tr')].map(r => [r.cells[0].textContent, r.cells[1].textContent])")
    assert sorted(rows) == sorted([name.rsplit(" : ", 1)[0], str(counts.get(name.rsplit(" : ", 1)[0], 0))] for _, _, name in shapes)


def test_the_statistics_count_the_projects_by_legal_form(browser, projects_server):
    server, output = projects_server
    projects = export(output)
    browser.get(server + "projets/")
    table = browser.find_element(By.XPATH, "//table[caption='Projets par structure juridique']")
    rows = browser.execute_script(
        "return [...arguments[0].querySelectorAll('tbody tr')].map(r => [r.cells[0].textContent,"
        " r.querySelector('a') ? r.querySelector('a').getAttribute('href') : null, +r.cells[1].textContent, r.cells[2].textContent])",
        table)
    expected = collections.Counter(item["legal_form"] for item in projects.values() if item["legal_form"])
    assert sum(count for _, _, count, _ in rows) == sum(expected.values()), rows
    for label, href, count, _ in rows:
        # Each row is the fiche's title (the export gives the same title), linked to the fiche.
        assert href and "/fiches/structures-juridiques/" in href, rows
        assert expected[label] == count, (label, count, expected)
        fiche = (output / href.split("../", 1)[1] / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{label}</h1>".replace("'", "&#39;") in fiche or f"<h1>{label}</h1>" in fiche, label
    chart = browser.find_element(By.ID, "stats-legal_form-nombre").get_attribute("textContent")
    assert all(label in chart for label, _, _, _ in rows), chart
    # Every chart shows its title above it: the count and the sum of a field look alike.
    captions = browser.execute_script(
        "return [...document.querySelectorAll('svg.diagramme')].map(s => { const f = s.closest('figure');"
        " const c = f && f.querySelector('figcaption'); return c && c.getBoundingClientRect().height > 0 ? c.textContent : null })")
    assert captions and None not in captions and len(set(captions)) == len(captions), captions
    assert "Nombre de projets par structure juridique" in captions and "Logements par structure juridique (total)" in captions, captions


@pytest.mark.parametrize("page", PAGES)
def test_no_accessibility_violation_and_no_sideways_scrolling(browser, projects_server, page):
    server, _ = projects_server
    for scheme in ("light", "dark"):
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        try:
            browser.get(server + page)
            violations = run_axe(browser)
            assert violations == [], f"{page} ({scheme}): {violations}"
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    name = page.strip("/").replace("/", "-")
    for width in (320, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        try:
            browser.get(server + page)
            overflow = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert overflow[0] <= overflow[1], f"{page} at {width} px: scrollWidth {overflow[0]} > {overflow[1]}"
            box = browser.execute_script("return document.querySelector('svg.carte-france').getBoundingClientRect().width")
            assert box > 250, f"{page} at {width} px: the map is {box} px wide"
            SHOTS.mkdir(parents=True, exist_ok=True)
            shot = SHOTS / f"{name}-{width}.png"
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(6000, browser.execute_script("return document.documentElement.scrollHeight")),
                "deviceScaleFactor": 1, "mobile": width < 600})
            assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5_000
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_nothing_from_another_origin_and_the_pages_stay_light(browser, projects_server):
    server, output = projects_server
    origin = urllib.parse.urlsplit(server).netloc
    for page in PAGES:
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        try:
            browser.get(server + page)
        finally:
            browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize])")
        assert not [name for name, _ in resources if urllib.parse.urlsplit(name).netloc not in ("", origin)], resources
        css_js = sum(size for name, size in resources if name.endswith((".css", ".js")))
        assert 5_000 < css_js < 30_000, f"{page}: {css_js} bytes of CSS and JS"
        html = (output / page / "index.html").read_bytes()
        print(f"\n{page}: {len(html)} bytes ({len(gzip.compress(html))} gzip), CSS+JS {css_js} bytes")
    # Every page with a map: its SVG under 30 KB compressed.
    for html in [output / "projets" / "index.html", *sorted((output / "projets" / "region").glob("*/index.html"))]:
        svg = re.search(rb'<svg class="carte-france.*?</svg>', html.read_bytes(), re.S)
        if svg is None:
            continue
        size = len(gzip.compress(svg.group(0)))
        assert size < 30_000, f"{html}: the map's SVG weighs {size} bytes compressed"
        print(f"{html.relative_to(output)}: SVG {len(svg.group(0))} bytes ({size} gzip)")
