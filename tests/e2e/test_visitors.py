"""The visitors' site in a real headless Chromium: accessibility (axe-core), narrow screens,
no third-party request, and the weight a page loads before any interaction."""
import json
import pathlib
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_site import server  # noqa: F401  (fixture: the built site over HTTP under a sub-path)

AXE = pathlib.Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"

# One page of every kind.
PAGES = {
    "accueil": "",
    "liste des fiches": "fiches/",
    "type de fiche": "fiches/structures-juridiques/",
    "fiche": "fiches/structures-juridiques/scic/",
    "fiche avec pièces jointes": "fiches/trames-types/charte-de-groupe/",
    "thèmes": "themes/",
    "thème": "themes/juridique/",
    "régions": "regions/",
    "région": "regions/bretagne/",
    "agenda": "agenda/",
    "archives": "agenda/archives/",
    "agenda régional": "agenda/regions/bretagne/",
    "partager l'agenda": "agenda/partager/",
    "événement": None,  # found from the agenda
    "annonces": "annonces/",
    "catégorie d'annonces": "annonces/categories/terrain/",
    "annonce": None,  # found from the ads page
    "page": "a-propos/",
    # A collection declared in content/collections.yml only (issue 12): generic templates.
    "partenaires": "partenaires/",
    # The same listing sorted and filtered in the browser (`table:`), with its statistics.
    "partenaires filtrés": "partenaires/?types=amo&tri=updated-desc",
    "partenaire": "partenaires/etude-notariale-des-lices/",
    "métiers des partenaires": "partenaires/types/",
    "partenaires d'un métier": "partenaires/types/notaire/",
    # A région's page of a collection with a map and a « within » rule: the région by département.
    "partenaires d'une région": "partenaires/regions/bretagne/",
    # Issue 13: the projects' database, with references to fiches and partners, and backlinks.
    "projets": "projets/",
    "projet": "projets/les-tilleuls-villeurbanne/",
    "projets d'une région": "projets/region/bretagne/",
    "fiche avec renvois": "fiches/structures-juridiques/cooperative-d-habitants/",
    # Issue 14: the legal and financial observatory (filters, a status page, a question with
    # its references as links).
    "observatoire": "observatoire/",
    "observatoire filtré": "observatoire/?status=reponse-publiee&domain=juridique&tri=answered-desc",
    "questions d'un statut": "observatoire/status/reponse-publiee/",
    "question de l'observatoire": "observatoire/sci-d-attribution-et-bailleur-social/",
    # Issue 14: the newsletter: its issues, an issue's page with the sections Castor adds.
    "lettres": "lettres/",
    "numéro de la lettre": "lettres/2026-12-lettre-n3/",
    "recherche": "recherche/",
    "résultats de recherche": "recherche/?q=cooperative",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def pages(browser, server):  # noqa: F811
    found = dict(PAGES)
    browser.get(server + "agenda/")
    found["événement"] = urllib.parse.urlsplit(
        browser.find_element(By.CSS_SELECTOR, "main article a").get_attribute("href")).path.split("/ressources/", 1)[1]
    browser.get(server + "annonces/")
    found["annonce"] = urllib.parse.urlsplit(
        browser.find_element(By.CSS_SELECTOR, "#tableau-liste a").get_attribute("href")).path.split("/ressources/", 1)[1]
    return found


def run_axe(browser):
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e)}]));")


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_accessibility_violation(browser, server, pages, kind):  # noqa: F811
    for scheme in ("light", "dark"):
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        browser.get(server + pages[kind])
        violations = run_axe(browser)
        assert violations == [], f"{kind} ({scheme}): {json.dumps(violations, ensure_ascii=False, indent=1)}"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_sideways_scrolling_at_320_pixels(browser, server, pages, kind):  # noqa: F811
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(server + pages[kind])
        overflow = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
            " [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();"
            " return r.right > document.documentElement.clientWidth + 1 && !e.closest('table, .tableau, pre'); })"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className)]")
        assert overflow[0] <= overflow[1], f"{kind}: scrollWidth {overflow[0]} > {overflow[1]}: {overflow[2]}"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("kind", list(PAGES))
def test_nothing_loaded_from_another_origin_and_light_before_interaction(browser, server, pages, kind):  # noqa: F811
    # Measured without the browser cache, so every page is counted as a first visit.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        browser.get(server + pages[kind])
    finally:
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    origin = urllib.parse.urlsplit(server)
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => [e.name, e.initiatorType, e.encodedBodySize])")
    foreign = [name for name, _, _ in resources if urllib.parse.urlsplit(name).netloc not in ("", origin.netloc)]
    assert not foreign, f"{kind}: {foreign}"
    css_js = sum(size for name, kind_, size in resources if name.endswith((".css", ".js")))
    if "?q=" in pages[kind]:
        return  # a query in the address is an interaction: the search engine loads at once
    inline = browser.execute_script(
        "return [...document.querySelectorAll('script:not([src]), style')].reduce((n, e) => n + e.textContent.length, 0)")
    assert css_js > 5_000, f"{kind}: only {css_js} bytes of CSS/JS counted: the stylesheet was not measured"
    assert css_js + inline < 30_000, f"{kind}: {css_js} bytes of CSS/JS files + {inline} inline"


SHOTS = pathlib.Path(__file__).resolve().parents[2] / ".build" / "screenshots"


def test_fiche_prints_cleanly(browser, server, pages):  # noqa: F811
    """Print styles: no navigation, link addresses written out, attachments with their full
    address; the PDF Chromium prints is kept in .build/screenshots for a look."""
    import base64

    browser.get(server + pages["fiche avec pièces jointes"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script(
            "return [...document.querySelectorAll('header nav, footer, .lien-evitement, form[role=search]')]"
            ".map(e => getComputedStyle(e).display)")
        assert hidden and all(display == "none" for display in hidden), hidden
        written = browser.execute_script(
            "return [...document.querySelectorAll('main .corps a[href]:not([href^=\"#\"]), main a[download]')]"
            ".map(a => getComputedStyle(a, '::after').content)")
        assert written and all(text.startswith('" (http://127.0.0.1/reseau/ressources/') or text.startswith('" (http')
                               for text in written), written
        attachment = browser.execute_script("return getComputedStyle(document.querySelector('main a[download]'), '::after').content")
        assert "http://127.0.0.1/reseau/ressources/fiches/trames-types/charte-de-groupe/" in attachment, attachment
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    SHOTS.mkdir(parents=True, exist_ok=True)
    data = base64.b64decode(pdf["data"])
    (SHOTS / "fiche.pdf").write_bytes(data)
    assert data.startswith(b"%PDF") and len(data) > 5_000


@pytest.mark.parametrize("kind", ["accueil", "fiche", "agenda", "annonces", "partenaires", "numéro de la lettre"])
def test_screenshots_for_review(browser, server, pages, kind):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (320, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        try:
            browser.get(server + pages[kind])
            path = SHOTS / f"{kind.replace(' ', '-')}-{width}.png"
            assert browser.save_screenshot(str(path)) and path.stat().st_size > 5_000
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
