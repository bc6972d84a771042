"""The preview shows an edited project on the map (issue 13): the real `castor serve` on a copy
of the repository's content, a real headless Chromium on the served /projets/. A volunteer moves
a project from Villeurbanne to Rennes (coordinates, département, région): after the reload
signal, its marker is inside Bretagne's outline (the browser's own `isPointInFill`), and the
région counts of the map and of its table have moved with it."""
import shutil
import threading
import time

from test_projets_carte_browser import MARKERS_AND_SHAPES
from test_volunteers import Server
from conftest import REPO

PROJECT = "content/projets/les-tilleuls-villeurbanne.md"
SLUG = "les-tilleuls-villeurbanne/"


def region_counts(browser) -> dict:
    rows = browser.execute_script(
        "return [...document.querySelectorAll('.carte-regions table tbody tr')].map(r => [r.cells[0].textContent.trim(), +r.cells[1].textContent])")
    return dict(rows)


def marker(browser) -> list:
    found = [inside for href, inside in browser.execute_script(MARKERS_AND_SHAPES) if href.endswith(SLUG)]
    assert len(found) == 1, found
    return found[0]


def test_the_preview_moves_an_edited_project_on_the_map(browser, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    server = Server(tmp_path)
    try:
        assert server.ready.wait(120), "\n".join(server.lines)
        browser.get(server.base + "/projets/")
        assert [name.split(" : ")[0] for name in marker(browser)] == ["Auvergne-Rhône-Alpes"]
        before = region_counts(browser)
        page = browser.page_source
        version = server.version(page)
        answer: dict = {}
        waiter = threading.Thread(target=lambda: answer.update(server.reload_signal(version)))
        waiter.start()
        time.sleep(0.3)
        source = tmp_path / PROJECT
        text = source.read_text(encoding="utf-8")
        for old, new in [('town: Villeurbanne', 'town: Rennes'), ('postcode: "69100"', 'postcode: "35000"'),
                         ('departement: "69"', 'departement: "35"'), ('region: auvergne-rhone-alpes', 'region: bretagne'),
                         ('latitude: 45.77', 'latitude: 48.11'), ('longitude: 4.88', 'longitude: -1.68')]:
            assert old in text, old
            text = text.replace(old, new)
        source.write_text(text, encoding="utf-8")
        waiter.join(40)
        assert answer.get("version", version) != version and answer.get("errors") is False, (answer, server.lines[-5:])

        browser.get(server.base + "/projets/")
        assert [name.split(" : ")[0] for name in marker(browser)] == ["Bretagne"], "the marker is drawn inside Bretagne"
        after = region_counts(browser)
        assert after["Bretagne"] == before["Bretagne"] + 1 and after["Auvergne-Rhône-Alpes"] == before["Auvergne-Rhône-Alpes"] - 1, (before, after)
        shapes = browser.execute_script(
            "return Object.fromEntries([...document.querySelectorAll('svg.carte-france a[data-region]')]"
            ".map(a => [a.getAttribute('data-region'), a.getAttribute('aria-label')]))")
        assert shapes["bretagne"].endswith(f"{after['Bretagne']} projets"), shapes["bretagne"]
    finally:
        assert server.stop() == 0
