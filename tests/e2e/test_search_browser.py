"""Search in a real headless Chromium: over HTTP under a sub-path and from disk (file://)."""
import functools
import http.server
import pathlib
import shutil
import threading
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import REPO, build
from test_site import free_port, server  # noqa: F401  (fixture: the built site over HTTP)

STEMMING = REPO / "Tests" / "CastorKitTests" / "Fixtures" / "stemming.tsv"


def panel_titles(browser):
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".recherche-liste .carte-titre a")]


def page_titles(browser):
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#rp-resultats .carte-titre a")]


def type_in_header(browser, url, query):
    browser.get(url)
    field = browser.find_element(By.ID, "recherche-champ")
    field.click()
    field.send_keys(query)
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".recherche-panneau").is_displayed())
    return field


def wait_for_status(browser):
    WebDriverWait(browser, 10).until(lambda d: "résultat" in d.find_element(By.ID, "rp-statut").text)
    return browser.find_element(By.ID, "rp-statut").text


def test_browser_analyzer_matches_the_shared_vector(browser, server):  # noqa: F811
    """The JavaScript analyzer gives the same terms as the Swift one on the shared list."""
    rows = [line.split("\t") for line in STEMMING.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) > 80
    browser.get(server + "recherche/")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.CastorRecherche"))
    got = browser.execute_script(
        "return arguments[0].map(function (t) { return window.CastorRecherche.terms(t).join(' '); });",
        [row[0] for row in rows])
    mismatches = [(row[0], row[1], g) for row, g in zip(rows, got) if row[1] != g]
    assert not mismatches, mismatches


@pytest.mark.parametrize("query, expected", [
    ("cooperative", "La coopérative d'habitants"),
    ("scic", "La SCIC, société coopérative d'intérêt collectif"),
    ("decider consentement", "Décider par consentement"),
    ("metaplan", "Animer un atelier de type Métaplan"),
    ("etude faisabilite", "Mener une étude de faisabilité"),
    ("financer", "Construire le plan de financement d'un projet"),
    ("l'habitat leger", "Hameau d'habitats légers en Ariège : trois emplacements à pourvoir"),
    ("coop", "La coopérative d'habitants"),
    ("financem", "Construire le plan de financement d'un projet"),
])
def test_accent_free_queries_find_the_expected_fiche(browser, server, query, expected):  # noqa: F811
    type_in_header(browser, server + "fiches/", query)
    titles = panel_titles(browser)
    assert expected in titles[:3], titles
    # The matched words are highlighted, as text.
    marks = browser.find_elements(By.CSS_SELECTOR, ".recherche-liste mark")
    assert marks and all(m.text for m in marks)
    assert "Habitat léger et habitat participatif" not in titles, "a draft was indexed"


def test_stop_words_do_not_change_the_ranking(browser, server):  # noqa: F811
    browser.get(server + "recherche/")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.CastorRecherche"))
    ranked = browser.execute_async_script("""
        var done = arguments[arguments.length - 1], R = window.CastorRecherche;
        Promise.all(["logements", "les logements de la", "des logements "].map(function (q) {
          return R.search(q, {}).then(function (r) { return r.docs; });
        })).then(done);""")
    assert ranked[0] and ranked[1] == ranked[0] and ranked[2] == ranked[0]


def test_index_loads_only_when_needed_and_only_what_a_query_needs(browser, server):  # noqa: F811
    browser.get(server)
    def requests(part):
        return browser.execute_script(
            "var part = arguments[0]; return performance.getEntriesByType('resource')"
            ".map(function (e) { return e.name; }).filter(function (n) { return n.indexOf(part) >= 0; });", part)
    def index_requests():
        return requests("/recherche/index/")
    assert index_requests() == [], "the index is loaded before any interaction"
    assert requests("recherche-moteur.js") == [], "the search engine is loaded before any interaction"
    before = browser.execute_script(
        "return performance.getEntriesByType('resource').filter(function (e) { return /\\.(css|js)$/.test(e.name); })"
        ".reduce(function (sum, e) { return sum + e.decodedBodySize; }, 0)")
    assert before < 15000, f"{before} bytes of CSS and JavaScript before any interaction"
    field = browser.find_element(By.ID, "recherche-champ")
    field.click()
    WebDriverWait(browser, 10).until(lambda d: index_requests())
    field.send_keys("scic")
    WebDriverWait(browser, 10).until(lambda d: panel_titles(d))
    loaded = [urllib.parse.urlsplit(u).path.split("/recherche/index/")[1] for u in index_requests()]
    assert loaded[0] == "index.js"
    shards = [name for name in loaded if name.startswith("t/")]
    assert shards == ["t/sci.js"], loaded
    assert all(u.startswith("/reseau/ressources/") for u in
               (urllib.parse.urlsplit(u).path for u in index_requests()))


def test_keyboard_and_screen_reader(browser, server):  # noqa: F811
    field = type_in_header(browser, server, "cooperative")
    status = browser.find_element(By.CSS_SELECTOR, "#recherche [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    WebDriverWait(browser, 10).until(lambda d: "résultat" in status.get_attribute("textContent"))
    label = browser.find_element(By.CSS_SELECTOR, "label[for=recherche-champ]")
    assert label.get_attribute("textContent").strip()
    assert browser.find_element(By.ID, "recherche").get_attribute("role") == "search"
    links = browser.find_elements(By.CSS_SELECTOR, ".recherche-panneau a")
    field.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[0]
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == links[1]
    browser.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
    assert browser.switch_to.active_element == field
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN, Keys.TAB)
    assert browser.switch_to.active_element == links[1], "Tab moves through the results too"
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.switch_to.active_element == field
    assert not browser.find_element(By.CSS_SELECTOR, ".recherche-panneau").is_displayed()
    # Enter goes to the search page, which keeps the query.
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "/recherche/" in d.current_url)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query) == {"q": ["cooperative"]}
    total = int(wait_for_status(browser).split()[0])
    assert total > 20 and len(page_titles(browser)) == 20, "20 results at a time"
    browser.find_element(By.ID, "rp-plus").send_keys(Keys.ENTER)
    # 20 more at a time (the site's content grows: with more than 40 results, « Plus » stays).
    shown = min(total, 40)
    WebDriverWait(browser, 10).until(lambda d: len(page_titles(d)) == shown)
    assert browser.switch_to.active_element.text == page_titles(browser)[20], "focus moves to the first new result"
    assert browser.find_element(By.ID, "rp-plus").is_displayed() == (total > shown)


def test_facets_narrow_the_results_and_the_address_restores_the_search(browser, server):  # noqa: F811
    browser.get(server + "recherche/?q=cooperative")
    total = int(wait_for_status(browser).split()[0])
    assert total >= 5
    Select(browser.find_element(By.ID, "rp-theme")).select_by_value("juridique")
    WebDriverWait(browser, 10).until(lambda d: "filtré" in d.find_element(By.ID, "rp-statut").text)
    narrowed = page_titles(browser)
    assert 0 < len(narrowed) < total
    Select(browser.find_element(By.ID, "rp-type")).select_by_value("structures-juridiques")
    WebDriverWait(browser, 10).until(lambda d: len(page_titles(d)) <= len(narrowed))
    both = page_titles(browser)
    assert both and "La coopérative d'habitants" in both
    for link in browser.find_elements(By.CSS_SELECTOR, "#rp-resultats .carte-titre a"):
        assert "/fiches/structures-juridiques/" in link.get_attribute("href")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert query == {"q": ["cooperative"], "theme": ["juridique"], "type": ["structures-juridiques"]}
    shared = browser.current_url
    browser.get("about:blank")
    browser.get(shared)
    wait_for_status(browser)
    assert browser.find_element(By.ID, "rp-q").get_attribute("value") == "cooperative"
    assert Select(browser.find_element(By.ID, "rp-theme")).first_selected_option.get_attribute("value") == "juridique"
    assert page_titles(browser) == both
    # The issue's own example.
    browser.get(server + "recherche/?q=scic&theme=juridique")
    wait_for_status(browser)
    assert page_titles(browser)[0] == "La SCIC, société coopérative d'intérêt collectif"
    # A region filter applies to events and ads too.
    browser.get(server + "recherche/?q=habitat&region=bretagne")
    wait_for_status(browser)
    assert page_titles(browser)


def test_search_works_from_disk(browser, built_site):
    home = built_site / "index.html"
    type_in_header(browser, home.as_uri(), "scic")
    assert panel_titles(browser)[0] == "La SCIC, société coopérative d'intérêt collectif"
    first = browser.find_element(By.CSS_SELECTOR, ".recherche-liste .carte-titre a").get_attribute("href")
    assert first.startswith("file://") and first.endswith("/scic/index.html")
    browser.find_element(By.ID, "recherche-champ").send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "recherche/index.html?q=scic" in d.current_url)
    assert "résultat" in wait_for_status(browser)
    Select(browser.find_element(By.ID, "rp-type")).select_by_value("annonces")
    WebDriverWait(browser, 10).until(lambda d: "filtré" in d.find_element(By.ID, "rp-statut").text)


def test_without_javascript_the_search_page_lists_the_listings(built_site):
    page = (built_site / "recherche" / "index.html").read_text(encoding="utf-8")
    for link in ['href="../themes/juridique/"', 'href="../regions/bretagne/"', 'href="../fiches/trames-types/"',
                 'href="../agenda/"', 'href="../annonces/"']:
        assert link in page, link
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<form id="recherche" class="recherche" role="search" action="./recherche/" method="get">' in home


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """content/ plus a fiche whose title is markup, served under a sub-path."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    (content / "fiches" / "boite-a-outils" / "piege.md").write_text(
        "---\ntitle: \"<img src=x onerror=window.__pirate=1> Piège <script>window.__pirate=2</script>\"\n"
        "summary: \"Un résumé <b onmouseover=window.__pirate=3>piégé</b> aussi.\"\nupdated: 2026-01-01\n---\n"
        "Texte du piège.\n", encoding="utf-8")
    output = root / "www" / "reseau" / "ressources"
    output.parent.mkdir(parents=True)
    result = build(output, "--content", str(content))
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "www"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/reseau/ressources/"
    httpd.shutdown()


def test_hostile_title_stays_text(browser, hostile_site):
    type_in_header(browser, hostile_site, "piege")
    titles = panel_titles(browser)
    assert titles[0] == "<img src=x onerror=window.__pirate=1> Piège <script>window.__pirate=2</script>"
    assert browser.find_elements(By.CSS_SELECTOR, ".recherche-panneau img, .recherche-panneau script, .recherche-panneau b") == []
    browser.get(hostile_site + "recherche/?q=piege")
    wait_for_status(browser)
    assert page_titles(browser)[0].startswith("<img src=x")
    assert "<b onmouseover" in browser.find_element(By.CSS_SELECTOR, "#rp-resultats .extrait").text
    assert browser.execute_script("return window.__pirate === undefined")
