"""A declared collection's listing as a small database (`table:` in collections.yml), in a real
headless Chromium: sorting both ways, filters whose counts follow the other filters, free text
without accents or case, the state in the address (reload, back button), and the full list
without JavaScript. The partners' directory of content/ switches it on."""
import csv
import functools
import html.parser
import http.server
import io
import re
import shutil
import subprocess
import threading
import unicodedata
import urllib.parse

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import NOW, REPO, castor_binary
from test_site import server  # noqa: F401  (fixture: the built site over HTTP)

PAGE = "partenaires/"


def open_table(browser, url):
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "tableau-filtres").is_displayed())


def cards(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#tableau-liste > li")


def visible(browser):
    return [li for li in cards(browser) if li.is_displayed()]


def titles(items):
    return [li.find_element(By.CSS_SELECTOR, ".carte-titre a").text for li in items]


def count_text(browser):
    return browser.find_element(By.ID, "tableau-compte").text


def option_counts(browser, name):
    """{value: count} read from the option texts « Label (n) »."""
    select = browser.find_element(By.NAME, name)
    return {o.get_attribute("value"): int(o.text.rsplit("(", 1)[1].rstrip(")"))
            for o in select.find_elements(By.TAG_NAME, "option")}


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def query(browser):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)


def test_sort_both_ways(browser, server):  # noqa: F811
    open_table(browser, server + PAGE)
    total = len(cards(browser))
    assert total >= 4
    assert count_text(browser) == f"{total} partenaires"
    sort = Select(browser.find_element(By.ID, "tableau-tri"))
    assert sort.first_selected_option.get_attribute("value") == "title-asc"

    sort.select_by_value("updated-desc")
    dates = [li.get_attribute("data-tri-updated") for li in visible(browser)]
    assert len(dates) == total and dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    sort.select_by_value("updated-asc")
    assert [li.get_attribute("data-tri-updated") for li in visible(browser)] == sorted(dates)

    sort.select_by_value("title-asc")
    ascending = titles(visible(browser))
    assert [fold(t) for t in ascending] == sorted(fold(t) for t in ascending)
    sort.select_by_value("title-desc")
    assert titles(visible(browser)) == ascending[::-1]
    assert query(browser) == {"tri": ["title-desc"]}


def test_filters_show_counts_that_follow_the_other_filters(browser, server):  # noqa: F811
    open_table(browser, server + PAGE)
    items = cards(browser)
    values = [(li.get_attribute("data-filtre-types").split(), li.get_attribute("data-filtre-regions").split()) for li in items]
    types = option_counts(browser, "types")
    assert types[""] == len(items)
    for value, count in types.items():
        if value:
            assert count == sum(value in t for t, _ in values), value

    # The most common type narrows the list; the region counts then count only that type.
    chosen = max((v for v in types if v), key=lambda v: types[v])
    Select(browser.find_element(By.NAME, "types")).select_by_value(chosen)
    shown = visible(browser)
    assert len(shown) == types[chosen] < len(items)
    assert all(chosen in li.get_attribute("data-filtre-types").split() for li in shown)
    noun = "partenaires" if len(shown) > 1 else "partenaire"
    assert count_text(browser) == f"{len(shown)} {noun} sur {len(items)}"
    regions = option_counts(browser, "regions")
    assert regions[""] == len(shown)
    for value, count in regions.items():
        if value:
            assert count == sum(chosen in t and value in r for t, r in values), value
    assert any(count == 0 for count in regions.values()), "a region without that type counts 0"

    # A second filter: the type counts now follow the region.
    region = shown[0].get_attribute("data-filtre-regions").split()[0]
    Select(browser.find_element(By.NAME, "regions")).select_by_value(region)
    both = visible(browser)
    assert both and all(region in li.get_attribute("data-filtre-regions").split() for li in both)
    assert option_counts(browser, "types")[chosen] == len(both)
    assert query(browser) == {"types": [chosen], "regions": [region]}


def test_free_text_ignores_accents_and_case(browser, server):  # noqa: F811
    open_table(browser, server + PAGE)
    box = browser.find_element(By.ID, "tableau-texte")
    box.send_keys("ETUDE notariale")
    shown = visible(browser)
    assert titles(shown) == ["Étude notariale des Lices"]
    assert count_text(browser) == f"1 partenaire sur {len(cards(browser))}"
    assert query(browser) == {"q": ["ETUDE notariale"]}
    box.clear()
    box.send_keys("cooperative")  # « coopérative » in the text
    assert visible(browser) and all("coopérative" in li.text.lower() for li in visible(browser))
    box.send_keys(Keys.ENTER)  # submitting does not leave the page
    assert urllib.parse.urlsplit(browser.current_url).path.endswith("/" + PAGE)
    box.clear()
    box.send_keys("zzzz introuvable")
    assert visible(browser) == [] and count_text(browser) == "Aucun résultat ne correspond à ces critères."


def test_state_in_the_address_survives_reload_and_back(browser, server):  # noqa: F811
    open_table(browser, server + PAGE)
    Select(browser.find_element(By.ID, "tableau-tri")).select_by_value("updated-desc")
    after_sort = browser.current_url
    types = option_counts(browser, "types")
    chosen = max((v for v in types if v), key=lambda v: types[v])
    Select(browser.find_element(By.NAME, "types")).select_by_value(chosen)
    shown = titles(visible(browser))
    shared = browser.current_url
    assert query(browser) == {"tri": ["updated-desc"], "types": [chosen]}

    # Back: the filter is undone, the sort stays; forward gives it back.
    browser.back()
    WebDriverWait(browser, 10).until(lambda d: d.current_url == after_sort)
    assert Select(browser.find_element(By.NAME, "types")).first_selected_option.get_attribute("value") == ""
    assert len(visible(browser)) == len(cards(browser))
    dates = [li.get_attribute("data-tri-updated") for li in visible(browser)]
    assert dates == sorted(dates, reverse=True)
    browser.forward()
    WebDriverWait(browser, 10).until(lambda d: d.current_url == shared)
    assert titles(visible(browser)) == shown

    # Reloading (or opening the shared address) gives the same view.
    browser.get("about:blank")
    open_table(browser, shared)
    assert titles(visible(browser)) == shown
    assert Select(browser.find_element(By.NAME, "types")).first_selected_option.get_attribute("value") == chosen
    assert Select(browser.find_element(By.ID, "tableau-tri")).first_selected_option.get_attribute("value") == "updated-desc"
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "tableau-filtres").is_displayed())
    assert titles(visible(browser)) == shown


class Listing(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cards, self.links, self.form_hidden, self.in_list = [], [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "tableau-filtres":
            self.form_hidden = "hidden" in attrs
        if tag == "ul" and attrs.get("id") == "tableau-liste":
            self.in_list = True
        if tag == "li" and self.in_list:
            self.cards.append(attrs)
        if tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "ul":
            self.in_list = False


def test_without_javascript_the_whole_list_and_the_plain_pages(built_site):
    parser = Listing()
    parser.feed((built_site / PAGE / "index.html").read_text(encoding="utf-8"))
    published = [p for p in (REPO / "content" / "partenaires").glob("*.md") if "draft: true" not in p.read_text(encoding="utf-8")]
    assert len(parser.cards) == len(published) >= 4, "every item is on the one page"
    assert not any("hidden" in card for card in parser.cards)
    assert parser.form_hidden is True, "the form waits for the script"
    for field in ("types", "regions"):
        assert f"../partenaires/{field}/" in parser.links
        assert (built_site / PAGE / field / "index.html").is_file()
    assert "../partenaires/types/notaire/" in parser.links, "the statistics link to the per-value pages"


def test_the_page_works_with_javascript_disabled(browser, server):  # noqa: F811
    """The same page in Chromium with scripts turned off (even with a filter in the address):
    every card shown, the form left hidden, the per-value pages one link away."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(server + PAGE + "?types=notaire")
        form = browser.find_element(By.ID, "tableau-filtres")
        assert form.get_dom_attribute("hidden") is not None and form.rect["height"] == 0, "no dead form without JavaScript"
        assert browser.find_element(By.ID, "tableau-compte").text == ""
        items = cards(browser)
        assert len(items) >= 4
        assert all(li.get_dom_attribute("hidden") is None and li.rect["height"] > 0 for li in items)
        browser.find_element(By.LINK_TEXT, "Par métier").click()
        assert browser.find_elements(By.CSS_SELECTOR, "main a[href$='types/notaire/']")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture(scope="module")
def numbered_site(tmp_path_factory):
    """content/ with a number field added to the partners (as projects have homes): sortable
    both ways, summed in the statistics; one partner left without a value."""
    root = tmp_path_factory.mktemp("numbered")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    declarations = content / "collections.yml"
    text = declarations.read_text(encoding="utf-8")
    text = text.replace("table: {sort: [title, updated]", "table: {sort: [staff, title, updated]")
    text = text.replace("stats: {by: [types, regions]}", "stats: {by: [types, regions], sum: staff}")
    # The new field closes the partners' fields, before the next collection if one follows.
    lines = text.split("\n")
    index = lines.index("  partenaires:") + 1
    while index < len(lines) and not re.match(r"  \S", lines[index]):
        index += 1
    while not lines[index - 1].strip():
        index -= 1
    lines[index:index] = ["      staff:", "        type: number", "        label: Salariés"]
    text = "\n".join(lines)
    declarations.write_text(text, encoding="utf-8")
    values = {"atelier-architectes-ensemble.md": "9", "cooperative-amo-trame.md": "12.5", "etude-notariale-des-lices.md": "3"}
    for name, value in values.items():
        path = content / "partenaires" / name
        path.write_text(path.read_text(encoding="utf-8").replace("\nupdated:", f"\nstaff: {value}\nupdated:", 1), encoding="utf-8")
    output = root / "site"
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", output
    httpd.shutdown()


def test_a_number_field_sorts_both_ways_with_empty_values_last(browser, numbered_site):
    url, output = numbered_site
    open_table(browser, url + PAGE)
    sort = Select(browser.find_element(By.ID, "tableau-tri"))
    sort.select_by_value("staff-asc")
    shown = [li.get_attribute("data-tri-staff") for li in visible(browser)]
    without = len(shown) - 3
    assert without >= 1 and shown == ["3.0", "9.0", "12.5"] + [None] * without, "numbers compared as numbers (9 before 12.5), the partners without one last"
    sort.select_by_value("staff-desc")
    assert [li.get_attribute("data-tri-staff") for li in visible(browser)] == ["12.5", "9.0", "3.0"] + [None] * without
    # The statistics sum the field: « Ensemble » holds 24,5.
    footer = browser.find_elements(By.CSS_SELECTOR, ".statistique tfoot td")
    assert [td.text for td in footer][:2] == [str(3 + without), "24,5"], "every partner counted, three with a value"
    # And the export carries it, with a decimal point.
    rows = list(csv.DictReader(io.StringIO((output / "partenaires" / "partenaires.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert sorted(row["Salariés"] for row in rows) == [""] * without + ["12.5", "3", "9"]
