"""The newsletter (issue 14): each issue of content/lettres/ built by the real CLI into an e-mail
(courriel.html, courriel.txt) beside its page, and the issues' Atom feed. The e-mail HTML is read
by a real HTML5 parser (html5lib) and held to what mail programs need; it is looked at in a real
headless Chromium at 600 and 320 pixels, light and dark."""
import pathlib
import re

import feedparser
import html5lib
import pytest

from conftest import REPO

BASE = "http://127.0.0.1/reseau/ressources/"  # the base URL of the `built_site` fixture
SHOTS = REPO / ".build" / "screenshots"
DARK = "@media (prefers-color-scheme: dark)"


def issues(site: pathlib.Path) -> list[pathlib.Path]:
    found = sorted(path.parent for path in (site / "lettres").glob("*/courriel.html"))
    assert len(found) >= 2, found
    return found


def parsed(path: pathlib.Path):
    return html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)


def pixels(style: str, name: str):
    """The value in px of a CSS property of an inline style, or None."""
    match = re.search(r"(?:^|;)\s*" + re.escape(name) + r"\s*:\s*([0-9.]+)px", style or "")
    return float(match.group(1)) if match else None


def test_every_issue_has_its_page_and_both_parts(built_site):
    for issue in issues(built_site):
        assert (issue / "index.html").is_file(), issue
        assert (issue / "courriel.txt").is_file(), issue
        page = (issue / "index.html").read_text(encoding="utf-8")
        assert f'/{issue.name}/courriel.html"' in page and f'/{issue.name}/courriel.txt"' in page, "the page offers both parts"


@pytest.mark.parametrize("rule", ["lang", "no script, no stylesheet", "tables", "links", "images", "size", "inline styles"])
def test_the_email_html_follows_the_rules_of_mail_programs(built_site, rule):
    for issue in issues(built_site):
        path = issue / "courriel.html"
        document = parsed(path)
        name = path.relative_to(built_site)
        if rule == "lang":
            assert document.get("lang") == "fr", name
            schemes = [m.get("content") for m in document.iter("meta") if m.get("name") == "color-scheme"]
            assert schemes == ["light dark"], f"{name}: {schemes}"
        elif rule == "no script, no stylesheet":
            assert not list(document.iter("script")), name
            assert not [link for link in document.iter("link") if "stylesheet" in (link.get("rel") or "")], name
            styles = [style.text or "" for style in document.iter("style")]
            # The one style block is the dark mode's (mail programs that read it honour it; the
            # others keep the colours written in each element).
            assert len(styles) == 1 and styles[0].strip().startswith(DARK) and styles[0].count("{") == styles[0].count("}"), styles
        elif rule == "tables":
            tables = list(document.iter("table"))
            assert tables, name
            for table in tables:
                style = table.get("style") or ""
                widest = pixels(style, "max-width") or pixels(style, "width") or float(table.get("width") or 0)
                assert 0 < widest <= 600, f"{name}: a table {widest} px wide: {style}"
                assert table.get("role") == "presentation", f"{name}: a layout table is not a data table"
        elif rule == "links":
            hrefs = [a.get("href") for a in document.iter("a")]
            assert hrefs and all(hrefs), f"{name}: a link without address"
            for href in hrefs:
                assert re.match(r"https?://", href), f"{name}: relative address {href}"
                assert "/../" not in href and not href.startswith(BASE + "#"), href
            own = [href for href in hrefs if href.startswith(BASE)]
            assert len(own) >= 4, f"{name}: {hrefs}"
            assert all(not href.startswith("http://127.0.0.1/") or href.startswith(BASE) for href in hrefs)
        elif rule == "images":
            for image in document.iter("img"):
                assert image.get("alt") is not None, f"{name}: an image without alternative text"
                assert re.match(r"https?://", image.get("src") or ""), image.get("src")
        elif rule == "size":
            size = path.stat().st_size
            assert size < 100_000, f"{name}: {size} bytes (Gmail clips a message over 102 KB)"
        elif rule == "inline styles":
            for tag in ("p", "h1", "h2", "a", "li", "td", "table"):
                for element in document.iter(tag):
                    assert "color" in (element.get("style") or "") or tag in ("table", "td") and element.get("style"), \
                        f"{name}: <{tag}> without its own style: {html5lib.serializer.serialize(element)[:200]}"


def test_the_editorial_then_the_sections_and_a_section_left_out(built_site):
    third = built_site / "lettres/2026-12-lettre-n3/courriel.html"
    second = built_site / "lettres/2026-10-lettre-n2/courriel.html"
    text = "".join(parsed(third).itertext())
    headings = [("".join(h.itertext())).strip() for h in parsed(third).iter("h2")]
    # The editorial's own headings come first, then the sections Castor adds.
    assert headings.index("Les Rencontres nationales se préparent") < headings.index("Prochains rendez-vous"), headings
    assert "Fiches nouvelles ou mises à jour" in headings and "Nouvelles petites annonces" in headings, headings
    assert "Il faut lier le mouvement d'en bas" in text
    second_headings = [("".join(h.itertext())).strip() for h in parsed(second).iter("h2")]
    assert "Projets nouveaux ou mis à jour dans la base" not in second_headings, "« sans: [projets] » leaves them out"
    assert "Projets nouveaux ou mis à jour dans la base" in headings, "the next issue has them again"
    # A section item: its title linked to its page, its date, its summary.
    links = {("".join(a.itertext())).strip(): a.get("href") for a in parsed(third).iter("a")}
    assert links.get("Les Lucioles") == BASE + "projets/les-lucioles-reze/", links


def test_the_text_part_writes_out_every_link_and_is_plain_wrapped_text(built_site):
    for issue in issues(built_site):
        html = parsed(issue / "courriel.html")
        text = (issue / "courriel.txt").read_text(encoding="utf-8")
        for href in {a.get("href") for a in html.iter("a")}:
            assert href in text, f"{issue.name}: {href} is not written out in courriel.txt"
        assert "<a " not in text and "&amp;" not in text and "&#" not in text and "&nbsp;" not in text
        for line in text.splitlines():
            assert len(line) <= 72 or re.search(r"https?://\S+", line), f"{issue.name}: {len(line)} characters: {line}"
        title = "".join(next(html.iter("h1")).itertext()).strip()
        assert title in text, title
    third = (built_site / "lettres/2026-12-lettre-n3/courriel.txt").read_text(encoding="utf-8")
    assert "Une question vous bloque\u202f?" in third, "French typography with real no-break spaces, never cut there"
    assert "Légifrance\n<https://www.legifrance.gouv.fr/>" in third or "Légifrance <https://www.legifrance.gouv.fr/>" in third


def test_the_issues_feed_reads_in_feedparser(built_site):
    feed = feedparser.parse((built_site / "lettres/atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == len(issues(built_site)) and titles[0].startswith("Lettre n° 3"), titles
    assert all(entry.link.startswith(BASE + "lettres/") for entry in feed.entries)
    assert feed.feed.title.endswith("lettre d'information")


def test_an_rss_campaign_sends_the_whole_issue_with_absolute_links(built_site):
    """A mailing service's « RSS campaign » sends an entry's content: the editorial and every
    section Castor added, as in courriel.html, with links that work from a mailbox (mail
    programs ignore xml:base: the links are read as written)."""
    feed = feedparser.parse((built_site / "lettres/atom.xml").read_bytes(), resolve_relative_uris=False)
    by_link = {entry.link: entry for entry in feed.entries}
    for issue in issues(built_site):
        entry = by_link[BASE + f"lettres/{issue.name}/"]
        content = html5lib.parse(entry.content[0].value, treebuilder="etree", namespaceHTMLElements=False)
        mail = parsed(issue / "courriel.html")
        headings = lambda tree: [("".join(h.itertext())).strip() for h in tree.iter("h2")]
        assert headings(content) == [h for h in headings(mail) if h in headings(content)] and headings(content), \
            f"{issue.name}: same headings in the same order: {headings(content)} / {headings(mail)}"
        mail_links = {a.get("href") for a in mail.iter("a")}
        for a in content.iter("a"):
            href = a.get("href")
            assert href.startswith(("https://", "http://", "mailto:")), f"{issue.name}: relative link {href}"
        section_links = {a.get("href") for a in content.iter("a") if a.get("href", "").startswith(BASE)}
        assert section_links and section_links <= mail_links, f"{issue.name}: {section_links - mail_links}"
    third = by_link[BASE + "lettres/2026-12-lettre-n3/"].content[0].value
    second = by_link[BASE + "lettres/2026-10-lettre-n2/"].content[0].value
    assert "Prochains rendez-vous" in third and BASE + "projets/les-lucioles-reze/" in third
    assert "Projets nouveaux ou mis à jour dans la base" not in second, "« sans: [projets] » leaves them out of the feed too"


def contrast(browser, selector: str, background: str) -> float:
    return browser.execute_script(
        """
        const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
          .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const fg = lum(getComputedStyle(document.querySelector(arguments[0])).color);
        const bg = lum(getComputedStyle(document.querySelector(arguments[1])).backgroundColor);
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);""", selector, background)


@pytest.mark.parametrize("width", [600, 320])
def test_the_email_at_600_and_320_pixels_light_and_dark(browser, built_site, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = built_site / "lettres/2026-12-lettre-n3/courriel.html"
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        for scheme in ("light", "dark"):
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            browser.get(path.as_uri())
            scroll, inner = browser.execute_script("return [document.scrollingElement.scrollWidth, window.innerWidth]")
            assert scroll <= inner, f"{width} px, {scheme}: scrollWidth {scroll} > {inner}"
            card = browser.execute_script("return document.querySelector('table.c-carte').getBoundingClientRect().width")
            assert card <= 600, card
            for selector in ("td.c-texte p.c-texte", "a.c-lien", "h2.c-titre"):
                ratio = contrast(browser, selector, "table.c-carte")
                assert ratio >= 4.5, f"{width} px, {scheme}: {selector} contrast {ratio:.2f}"
            requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            assert requested == [], f"the e-mail loads nothing: {requested}"
            shot = SHOTS / f"courriel-{width}-{scheme}.png"
            assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5_000
            # The sections Castor adds, further down.
            browser.execute_script("[...document.querySelectorAll('h2')].find(h => h.textContent.includes('Prochains rendez-vous')).scrollIntoView()")
            shot = SHOTS / f"courriel-{width}-{scheme}-sections.png"
            assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5_000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
