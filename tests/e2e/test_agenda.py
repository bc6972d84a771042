"""The agenda's calendars, feeds and widget, read by the tools calendar and feed applications use:
icalendar (RFC 5545), feedparser (Atom), and headless Chromium for the widget on another origin."""
import datetime
import functools
import http.server
import json
import pathlib
import re
import shutil
import subprocess
import threading
import zoneinfo

import feedparser
import icalendar
import pytest

from conftest import NOW, REPO, castor_binary

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.timezone.utc
BASE = "http://127.0.0.1/reseau/ressources/"  # the base URL of conftest.built_site


# ---------------------------------------------------------------------------------------------
# Helpers

def front_matter(path: pathlib.Path) -> dict[str, str]:
    """The `key: value` lines of a content file's header (the forms the content uses)."""
    text = path.read_text(encoding="utf-8")
    header = text.split("\n---\n", 1)[0].removeprefix("---\n")
    fields = {}
    for line in header.splitlines():
        match = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if not match:
            continue
        key, value = match.groups()
        if value.startswith('"'):
            value = json.loads(value)
        elif value.startswith("'"):
            value = value[1:-1].replace("''", "'")
        fields[key] = value
    return fields


def content_events(content: pathlib.Path) -> dict[str, dict[str, str]]:
    """Published events of a content folder, by slug."""
    events = {}
    for path in sorted((content / "agenda").glob("*.md")):
        fields = front_matter(path)
        if fields.get("draft") != "true":
            events[path.stem] = fields
    return events


def parse_local(text: str):
    """`2027-06-12` → date, `2027-06-12T09:30` → aware datetime in Paris."""
    if "T" in text:
        return datetime.datetime.fromisoformat(text).replace(tzinfo=PARIS)
    return datetime.date.fromisoformat(text)


def last_day(fields: dict[str, str]) -> datetime.date:
    end = fields.get("end") or fields["start"]
    return datetime.date.fromisoformat(end[:10])


def calendar(path: pathlib.Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events_by_uid(path: pathlib.Path) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar(path).walk("VEVENT")}


def by_slug(path: pathlib.Path, base: str = BASE) -> dict[str, icalendar.Event]:
    return {str(event["URL"]).removeprefix(base + "agenda/").strip("/"): event for event in calendar(path).walk("VEVENT")}


def ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def build(content: pathlib.Path, output: pathlib.Path, base: str) -> None:
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW, "--base-url", base],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def serve(root: pathlib.Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# ---------------------------------------------------------------------------------------------
# Calendars of the site built from content/

def test_every_calendar_is_valid_rfc5545(built_site):
    files = sorted(built_site.rglob("*.ics"))
    events = content_events(REPO / "content")
    assert len(files) == 1 + 14 + len(events), [str(f.relative_to(built_site)) for f in files]
    for path in files:
        raw = path.read_bytes()
        assert raw.endswith(b"\r\n"), path
        assert b"\n" not in raw.replace(b"\r\n", b""), f"{path}: a line end is not CRLF"
        assert b"\r" not in raw.replace(b"\r\n", b""), f"{path}: a lone CR"
        for line in raw.split(b"\r\n")[:-1]:
            assert len(line) <= 75, f"{path}: {len(line)} octets: {line!r}"
            line.decode("utf-8")  # a line never ends inside a UTF-8 character
        parsed = calendar(path)
        assert str(parsed["VERSION"]) == "2.0" and "PRODID" in parsed, path
        assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Paris"], path
        for event in parsed.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "STATUS"):
                assert name in event, f"{path}: {name} missing"
            assert event["DTSTAMP"].dt == datetime.datetime(2026, 11, 23, tzinfo=UTC)


def test_event_counts_per_calendar(built_site):
    events = content_events(REPO / "content")
    everything = by_slug(built_site / "agenda/agenda.ics")
    assert sorted(everything) == sorted(events)
    regions = {path.parent.name for path in (built_site / "agenda/regions").glob("*/agenda.ics")}
    assert len(regions) == 14
    for region in regions:
        expected = sorted(slug for slug, fields in events.items() if fields.get("region") == region)
        assert sorted(by_slug(built_site / f"agenda/regions/{region}/agenda.ics")) == expected, region
    for slug in events:
        single = events_by_uid(built_site / f"agenda/{slug}/{slug}.ics")
        assert list(single) == [str(everything[slug]["UID"])]


def test_times_are_paris_times_across_the_clock_changes(built_site):
    events = content_events(REPO / "content")
    feed = by_slug(built_site / "agenda/agenda.ics")
    # Over the night of the March change: 09:00 winter time, then 17:00 summer time.
    sarlat = feed["chantier-participatif-enduits-terre-sarlat-2027"]
    assert sarlat["DTSTART"].dt.astimezone(UTC) == datetime.datetime(2027, 3, 27, 8, 0, tzinfo=UTC)
    assert sarlat["DTEND"].dt.astimezone(UTC) == datetime.datetime(2027, 3, 28, 15, 0, tzinfo=UTC)
    # Over the night of the October change: 10:00 summer time, then 16:00 winter time.
    rennes = feed["rencontres-regionales-bretagne-2027"]
    assert rennes["DTSTART"].dt.astimezone(UTC) == datetime.datetime(2027, 10, 30, 8, 0, tzinfo=UTC)
    assert rennes["DTEND"].dt.astimezone(UTC) == datetime.datetime(2027, 10, 31, 15, 0, tzinfo=UTC)
    # Every timed event is the wall-clock time written by the volunteer, in Paris, and the
    # VTIMEZONE of the file (not only the TZID's name) gives the same offsets.
    vtimezone = calendar(built_site / "agenda/agenda.ics").walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    for slug, fields in events.items():
        for key, name in (("start", "DTSTART"), ("end", "DTEND")):
            if "T" not in fields.get(key, ""):
                continue
            value = feed[slug][name].dt
            expected = parse_local(fields[key])
            assert value == expected and value.utcoffset() == expected.utcoffset(), (slug, key, value)
            naive = value.replace(tzinfo=None)
            assert naive.replace(tzinfo=vtimezone).utcoffset() == expected.utcoffset(), (slug, key)


def test_vtimezone_matches_the_time_zone_database(built_site):
    """From 1981 to 2060: every half hour of the last ten days of March, September and
    October (apart from the half hours skipped each spring), and every fifth day at noon."""
    vtimezone = calendar(built_site / "agenda/agenda.ics").walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    moments = []
    for year in range(1981, 2061):
        for month in (3, 9, 10):
            start = datetime.datetime(year, month, 22)
            moments += [start + datetime.timedelta(minutes=30 * i) for i in range(10 * 48)]
        moments += [datetime.datetime(year, 1, 1, 12) + datetime.timedelta(days=5 * i) for i in range(73)]
    mismatches = []
    for moment in moments:
        paris = moment.replace(tzinfo=PARIS)
        exists = paris.astimezone(UTC).astimezone(PARIS).replace(tzinfo=None) == moment
        if exists and moment.replace(tzinfo=vtimezone).utcoffset() != paris.utcoffset():
            mismatches.append(moment)
    assert not mismatches, mismatches[:5]


def test_all_day_and_multi_day_events(built_site):
    events = content_events(REPO / "content")
    feed = by_slug(built_site / "agenda/agenda.ics")
    raw = re.sub(r"\r\n[ \t]", "", (built_site / "agenda/agenda.ics").read_bytes().decode("utf-8"))
    whole_days = [slug for slug, fields in events.items() if "T" not in fields["start"]]
    assert {"forum-habitat-participatif-lille-2027", "rencontres-nationales-2027"} <= set(whole_days)
    for slug in whole_days:
        start = datetime.date.fromisoformat(events[slug]["start"])
        event = feed[slug]
        assert type(event["DTSTART"].dt) is datetime.date and event["DTSTART"].dt == start
        assert type(event["DTEND"].dt) is datetime.date
        assert event["DTEND"].dt == last_day(events[slug]) + datetime.timedelta(days=1), "DTEND is exclusive"
        assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}\r\n" in raw
    lyon = feed["rencontres-nationales-2027"]
    assert (lyon["DTSTART"].dt, lyon["DTEND"].dt) == (datetime.date(2027, 6, 11), datetime.date(2027, 6, 14))


def test_cancelled_and_postponed_events_keep_their_status(built_site):
    for path in (built_site / "agenda/agenda.ics", built_site / "agenda/regions/provence-alpes-cote-d-azur/agenda.ics"):
        marseille = by_slug(path)["cafe-habitat-marseille-decembre-2026"]
        assert str(marseille["STATUS"]) == "CANCELLED"
        assert str(marseille["SUMMARY"]).startswith("Annulé : ")
    strasbourg = by_slug(built_site / "agenda/agenda.ics")["visite-chantier-paille-strasbourg-2026"]
    assert str(strasbourg["STATUS"]) == "TENTATIVE"
    assert str(strasbourg["SUMMARY"]).startswith("Reporté : ")
    page = (built_site / "agenda/cafe-habitat-marseille-decembre-2026/index.html").read_text(encoding="utf-8")
    assert "<strong>Annulé</strong>" in page
    assert 'cafe-habitat-marseille-decembre-2026.ics" download="cafe-habitat-marseille-decembre-2026.ics">Ajouter à mon agenda</a>' in page


def test_a_long_french_description_is_folded_and_unfolds_exactly(built_site):
    fields = content_events(REPO / "content")["rencontres-nationales-2027"]
    expected = (f"{fields['summary']}\n\nInscription : {fields['registration']}\n"
                f"Détails : {BASE}agenda/rencontres-nationales-2027/")
    assert len(expected.encode()) > 3 * 75 and "é" in expected
    path = built_site / "agenda/rencontres-nationales-2027/rencontres-nationales-2027.ics"
    raw = path.read_bytes()
    physical = raw.split(b"\r\n")
    start = next(i for i, line in enumerate(physical) if line.startswith(b"DESCRIPTION:"))
    continuation = 0
    while physical[start + 1 + continuation].startswith(b" "):
        continuation += 1
    assert continuation >= 3, "the description is folded over several lines"
    assert all(len(line) <= 75 for line in physical)
    # Unfolding by hand gives back the escaped text, and icalendar gives back the text itself.
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    assert "\r\nDESCRIPTION:" + ics_escape(expected) + "\r\n" in unfolded
    assert str(next(iter(events_by_uid(path).values()))["DESCRIPTION"]) == expected


def test_json_feed_lists_the_upcoming_events(built_site):
    today = datetime.date.fromisoformat(NOW)
    events = content_events(REPO / "content")
    feed = json.loads((built_site / "agenda/evenements.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    upcoming = [slug for slug, fields in events.items() if last_day(fields) >= today]
    slugs = [item["url"].removeprefix(BASE + "agenda/").strip("/") for item in feed["items"]]
    assert sorted(slugs) == sorted(upcoming)
    starts = [item["_agenda"]["start"][:10] for item in feed["items"]]
    assert starts == sorted(starts)
    item = feed["items"][slugs.index("chantier-participatif-enduits-terre-sarlat-2027")]
    assert item["_agenda"]["start"] == "2027-03-27T09:00:00+01:00"
    assert item["_agenda"]["end"] == "2027-03-28T17:00:00+02:00"
    assert item["date_published"] == "2026-11-20T00:00:00+01:00"


# ---------------------------------------------------------------------------------------------
# Atom

def test_atom_feed_of_newly_announced_events_parses(built_site):
    events = content_events(REPO / "content")
    parsed = feedparser.parse((built_site / "agenda/atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title.endswith("agenda")
    assert len(parsed.entries) == min(50, len(events))
    links = [entry.link.removeprefix(BASE + "agenda/").strip("/") for entry in parsed.entries]
    assert sorted(links) == sorted(events)
    # Newest announcement first; events without « announced » are placed at their start day.
    def announcement(slug):
        return events[slug].get("announced") or events[slug]["start"][:10]
    dates = [announcement(slug) for slug in links]
    assert dates == sorted(dates, reverse=True)
    assert links[0] == "chantier-participatif-enduits-terre-sarlat-2027"
    cancelled = parsed.entries[links.index("cafe-habitat-marseille-decembre-2026")]
    assert cancelled.title.startswith("Annulé : ")
    assert not feedparser.parse((built_site / "fiches/atom.xml").read_bytes()).bozo


# ---------------------------------------------------------------------------------------------
# A content folder with test events: escaping, stable UIDs, the widget

EXTRA_EVENTS = {
    "test-echappement": """---
title: "Échappement : « guillemets », virgules; et \\\\ barre"
start: 2090-05-01T10:00
end: 2090-05-01T12:00
location: 'Salle A\\B ; bât. 2, quai "Nord"'
region: bretagne
summary: |
  Première ligne, avec une virgule; un point-virgule.
  Deuxième ligne avec \\ une barre oblique inverse.
---
Texte.
""",
    "test-futur-bretagne": """---
title: Fête bretonne de 2090
start: 2090-06-01
region: bretagne
---
""",
    "test-futur-annule": """---
title: Assemblée nationale de 2090
start: 2090-07-01T18:00
region: national
status: cancelled
---
""",
}


@pytest.fixture(scope="module")
def test_content(tmp_path_factory) -> pathlib.Path:
    content = tmp_path_factory.mktemp("contenu") / "content"
    shutil.copytree(REPO / "content", content)
    for slug, text in EXTRA_EVENTS.items():
        (content / "agenda" / f"{slug}.md").write_text(text, encoding="utf-8")
    return content


def test_text_with_semicolons_commas_backslashes_and_quotes_is_escaped(test_content, tmp_path):
    build(test_content, tmp_path / "site", BASE)
    path = tmp_path / "site/agenda/test-echappement/test-echappement.ics"
    event = next(iter(events_by_uid(path).values()))
    location = 'Salle A\\B ; bât. 2, quai "Nord"'
    assert str(event["LOCATION"]) == location
    assert str(event["SUMMARY"]) == "Échappement : « guillemets », virgules; et \\ barre"
    summary = "Première ligne, avec une virgule; un point-virgule.\nDeuxième ligne avec \\ une barre oblique inverse."
    assert str(event["DESCRIPTION"]).startswith(summary + "\n\nDétails : ")
    unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert '\r\nLOCATION:Salle A\\\\B \\; bât. 2\\, quai "Nord"\r\n' in unfolded
    assert "\\nDeuxième ligne" in unfolded


def test_uids_survive_rebuilds_and_edits_but_not_renames(test_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(test_content, content)
    build(content, tmp_path / "a", BASE)
    build(content, tmp_path / "a2", BASE)
    assert (tmp_path / "a/agenda/agenda.ics").read_bytes() == (tmp_path / "a2/agenda/agenda.ics").read_bytes(), \
        "two builds of the same content give the same calendar"
    before = by_slug(tmp_path / "a/agenda/agenda.ics")

    agenda = content / "agenda"
    (agenda / "cafe-habitat-rennes-octobre-2026.md").rename(agenda / "cafe-habitat-rennes-2026-10.md")
    edited = agenda / "rencontres-nationales-2027.md"
    text = edited.read_text(encoding="utf-8")
    text = text.replace("start: 2027-06-11", "start: 2027-06-10").replace(
        'title: "Rencontres nationales', 'title: "Nouveau programme : Rencontres nationales')
    text = text.replace("Halle des coopérations", "Grande halle des coopérations")
    edited.write_text(text, encoding="utf-8")
    build(content, tmp_path / "b", BASE)
    after = by_slug(tmp_path / "b/agenda/agenda.ics")

    assert len(after) == len(before)
    for slug in before:
        if slug != "cafe-habitat-rennes-octobre-2026":
            assert str(after[slug]["UID"]) == str(before[slug]["UID"]), slug
    assert str(after["rencontres-nationales-2027"]["SUMMARY"]).startswith("Nouveau programme")
    assert after["rencontres-nationales-2027"]["DTSTART"].dt == datetime.date(2027, 6, 10)
    # The renamed file is a new event for calendars: its UID may change (and here does).
    old_uid = str(before["cafe-habitat-rennes-octobre-2026"]["UID"])
    assert old_uid not in {str(event["UID"]) for event in after.values()}
    assert "cafe-habitat-rennes-2026-10" in after


# ---------------------------------------------------------------------------------------------
# The widget, in headless Chromium, on a page of another origin

@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from conftest import outside_tool
    chromium = outside_tool("chromium")
    driver_path = outside_tool("chromedriver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    yield driver
    driver.quit()


def test_widget_shows_the_next_events_on_another_site(test_content, tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    # The resource centre, served under a sub-path on one port…
    served = tmp_path / "centre"
    (served / "reseau").mkdir(parents=True)
    site_server, site_port = serve(served)
    # …and a member association's page on another port: another origin.
    association = tmp_path / "association"
    association.mkdir()
    host_server, host_port = serve(association)
    try:
        origin = f"http://127.0.0.1:{site_port}"
        build(test_content, served / "reseau" / "ressources", f"{origin}/reseau/ressources/")
        widget = f"{origin}/reseau/ressources/agenda/widget.js"
        (association / "index.html").write_text(f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Association</title></head>
<body>
<h1>Notre association</h1>
<div id="bretagne"><script src="{widget}" data-region="bretagne" data-max="2" async></script></div>
<div id="national"><script src="{widget}" data-region="national" data-max="10" async></script></div>
<div id="tout"><script src="{widget}" async></script></div>
</body></html>
""", encoding="utf-8")
        browser.get(f"http://127.0.0.1:{host_port}/")
        WebDriverWait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".agenda-widget")) == 3)

        events = content_events(test_content)
        titles = {slug: fields["title"] for slug, fields in events.items()}
        by_region = {}
        for slug, fields in events.items():
            by_region.setdefault(fields.get("region"), set()).add(fields["title"])

        def shown(box_id):
            box = browser.find_element(By.ID, box_id)
            assert len(box.find_elements(By.CSS_SELECTOR, ".agenda-widget")) == 1
            items = box.find_elements(By.CSS_SELECTOR, ".agenda-widget-evenement")
            for item in items:
                link = item.find_element(By.CSS_SELECTOR, "a")
                assert link.get_attribute("href").startswith(f"{origin}/reseau/ressources/agenda/")
            return [item.find_element(By.CSS_SELECTOR, "a").text for item in items], items

        bretagne, _ = shown("bretagne")
        assert 1 <= len(bretagne) <= 2 and set(bretagne) <= by_region["bretagne"], bretagne
        assert titles["test-echappement"] in bretagne or titles["rencontres-regionales-bretagne-2027"] in bretagne
        national, items = shown("national")
        assert titles["test-futur-annule"] in national and set(national) <= by_region["national"], national
        cancelled = items[national.index(titles["test-futur-annule"])]
        assert cancelled.find_element(By.CSS_SELECTOR, ".agenda-widget-statut").text.startswith("Annulé")
        assert "1er juillet 2090, 18 h" in cancelled.text
        everything, _ = shown("tout")
        assert 1 <= len(everything) <= 5
        more = browser.find_element(By.CSS_SELECTOR, "#bretagne .agenda-widget-plus a")
        assert more.get_attribute("href") == f"{origin}/reseau/ressources/agenda/regions/bretagne/"
        assert browser.find_element(By.CSS_SELECTOR, "#bretagne .agenda-widget").get_attribute("lang") == "fr"
    finally:
        site_server.shutdown()
        host_server.shutdown()
