"""The ads page in a real browser: sorting, filters, shared URL, contact revealed on click."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_site import server  # noqa: F401  (fixture: the built site over HTTP)


def visible_ads(browser):
    return [li for li in browser.find_elements(By.CSS_SELECTOR, "#tableau-liste > li") if li.is_displayed()]


def prices(browser):
    return [float(li.get_attribute("data-tri-price")) for li in visible_ads(browser) if li.get_attribute("data-tri-price")]


def open_ads(browser, url):
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "tableau-filtres").is_displayed())


def test_sort_filter_share_and_reveal(browser, server):  # noqa: F811
    """The ads are a declared collection with `table:` (collections.yml): the generic sortable list."""
    open_ads(browser, server + "annonces/")
    total = len(visible_ads(browser))
    assert total >= 8
    assert browser.find_element(By.ID, "tableau-compte").text == f"{total} petites annonces"
    sort = Select(browser.find_element(By.ID, "tableau-tri"))
    assert sort.first_selected_option.get_attribute("value") == "published-desc", "newest first, as declared in order:"

    # Price, ascending then descending; ads without a price come last.
    sort.select_by_value("price-asc")
    ascending = prices(browser)
    assert len(ascending) >= 3 and ascending == sorted(ascending)
    assert visible_ads(browser)[-1].get_attribute("data-tri-price") is None
    sort.select_by_value("price-desc")
    assert prices(browser) == sorted(ascending, reverse=True)

    # Leaving the site soonest first: every ad has a last day (its own, or the default lifetime).
    sort.select_by_value("expires-asc")
    expiries = [li.get_attribute("data-tri-expires") for li in visible_ads(browser)]
    assert len(expiries) == total and all(expiries) and expiries == sorted(expiries)

    # Category and region filters narrow the list and go into the address.
    Select(browser.find_element(By.ID, "tableau-category")).select_by_value("terrain")
    terrain = visible_ads(browser)
    assert 0 < len(terrain) < total
    assert all(li.get_attribute("data-filtre-category") == "terrain" for li in terrain)
    region = terrain[0].get_attribute("data-filtre-region")
    Select(browser.find_element(By.ID, "tableau-region")).select_by_value(region)
    narrowed = visible_ads(browser)
    assert narrowed and all(li.get_attribute("data-filtre-region") == region for li in narrowed)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert query == {"category": ["terrain"], "region": [region], "tri": ["expires-asc"]}

    # Reloading the shared address restores the same view.
    shown = [li.find_element(By.TAG_NAME, "a").get_attribute("href") for li in narrowed]
    shared = browser.current_url
    browser.get("about:blank")
    open_ads(browser, shared)
    assert Select(browser.find_element(By.ID, "tableau-category")).first_selected_option.get_attribute("value") == "terrain"
    assert [li.find_element(By.TAG_NAME, "a").get_attribute("href") for li in visible_ads(browser)] == shown

    # Free text, accent-insensitive.
    open_ads(browser, server + "annonces/?q=cooperative")
    found = visible_ads(browser)
    assert found and all("coop" in li.text.lower() for li in found)


def test_contact_is_revealed_on_click(browser, server):  # noqa: F811
    browser.get(server + "annonces/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#tableau-liste h2 a")]
    for link in links:
        browser.get(link)
        buttons = browser.find_elements(By.CSS_SELECTOR, ".contact-bouton")
        if not buttons:
            continue
        source_before = browser.execute_script("return document.documentElement.outerHTML")
        buttons[0].click()
        revealed = browser.find_element(By.CSS_SELECTOR, ".contact-masque a")
        href = revealed.get_attribute("href")
        assert href.startswith("mailto:") or href.startswith("tel:")
        assert revealed.text.strip()
        assert browser.switch_to.active_element == revealed
        assert revealed.text.strip() not in source_before, "the contact was in the page before the click"
        return
    raise AssertionError(f"no ad with a hidden contact among {len(links)} ads")


def test_contact_in_a_page_text_is_revealed_on_click(browser, server):  # noqa: F811
    """Any page's text: the address is neither in the file nor in the DOM until the click."""
    browser.get(server + "mentions-legales/")
    source = browser.execute_script("return document.documentElement.outerHTML")
    boxes = browser.find_elements(By.CSS_SELECTOR, ".corps .contact-masque")
    assert boxes, "no masked contact in the legal notice"
    button = boxes[0].find_element(By.CSS_SELECTOR, "button.contact-bouton")
    assert button.is_displayed() and button.text == "Afficher le contact"
    assert "@" not in boxes[0].text
    button.click()
    revealed = boxes[0].find_element(By.TAG_NAME, "a")
    href = revealed.get_attribute("href")
    assert href.startswith("mailto:") and "@" in href
    assert revealed.text.strip() == href[len("mailto:"):]
    assert browser.switch_to.active_element == revealed
    assert revealed.text.strip() not in source, "the address was in the page before the click"
    # The other masked contacts still wait for their own click.
    assert all(box.find_elements(By.CSS_SELECTOR, "button") for box in boxes[1:])
