"""Configuration values that reach scripts (issue 11, item 5): a hostile `base_url` is refused
with a French error, and hostile texts of site.yml stay inert data in agenda/widget.js, run in a
real headless Chromium on another origin."""
import json
import pathlib
import re
import shutil
import subprocess

from conftest import NOW, REPO, castor_binary
from test_agenda import serve

FIXTURE = REPO / "Tests" / "CastorKitTests" / "Fixtures" / "site" / "content"
HOSTILE_TITLE = 'L\'"Habitat" </script><script>window.pwned="titre"</script> */ window.pwned="commentaire"; /* \u2028fin'


def content_with(tmp_path: pathlib.Path, **fields: str) -> pathlib.Path:
    """The fixture content, with some `site.yml` fields replaced (written as JSON strings,
    which YAML reads as double-quoted strings)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = re.sub(rf"^{key}: .*$", lambda _: f"{key}: {json.dumps(value)}", text, count=1, flags=re.M)
    site.write_text(text, encoding="utf-8")
    return content


def run_build(content: pathlib.Path, output: pathlib.Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW, *extra],
        capture_output=True, text=True)


def test_hostile_base_url_in_site_yml_is_refused_in_french(tmp_path):
    for hostile in ('https://x.example/"></script><script>alert(1)</script>', "javascript:alert(1)//",
                    "https://x.example/\u2028alert(1)", "https://moi:secret@x.example/", "//x.example/"):
        content = content_with(tmp_path / str(abs(hash(hostile))), base_url=hostile)
        output = tmp_path / "site"
        result = run_build(content, output)
        assert result.returncode != 0, hostile
        assert f"{content / 'site.yml'}:3:11: erreur : « base_url » n'est pas une adresse web utilisable" in result.stderr \
            or "site.yml:3:11: erreur : « base_url » n'est pas une adresse web utilisable" in result.stderr, result.stderr
        assert not output.exists()


def test_hostile_base_url_option_is_refused_in_french(tmp_path):
    result = run_build(FIXTURE, tmp_path / "site", "--base-url", "https://x.example/\n<script>alert(1)</script>")
    assert result.returncode != 0
    assert "--base-url: erreur : adresse invalide : « https://x.example/\\u{a}<script>alert(1)</script> »" in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()


def test_hostile_site_texts_stay_data_in_the_widget(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    served = tmp_path / "centre"
    served.mkdir()
    site_server, site_port = serve(served)
    association = tmp_path / "association"
    association.mkdir()
    host_server, host_port = serve(association)
    try:
        # `*/` in base_url is a valid address: it must never end up inside a comment.
        base = f"http://127.0.0.1:{site_port}/a/*/window.pwned='adresse';/*/"
        content = content_with(tmp_path, title=HOSTILE_TITLE, description=HOSTILE_TITLE)
        output = served / "a" / "*" / "window.pwned='adresse';" / "*"
        output.parent.mkdir(parents=True)
        result = run_build(content, output, "--base-url", base)
        assert result.returncode == 0, result.stderr
        script = (output / "agenda" / "widget.js").read_text(encoding="utf-8")
        assert "</script" not in script and "\u2028" not in script
        feed = json.loads((output / "agenda" / "evenements.json").read_text(encoding="utf-8"))
        assert feed["title"] == HOSTILE_TITLE + " — agenda"

        widget = base + "agenda/widget.js"
        (association / "index.html").write_text(f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Association</title>
<script>window.alert = function () {{ window.pwned = "alert"; }};</script></head>
<body><div id="boite"><script src="{widget.replace("'", "%27")}"></script></div></body></html>
""", encoding="utf-8")
        browser.get(f"http://127.0.0.1:{host_port}/")
        pwned = "return window.pwned === undefined ? null : String(window.pwned)"
        WebDriverWait(browser, 15).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#boite .agenda-widget") or d.execute_script(pwned))
        assert browser.execute_script(pwned) is None, "code from site.yml ran in the widget"
        label = browser.find_element(By.CSS_SELECTOR, "#boite .agenda-widget").get_attribute("aria-label")
        assert label.endswith(" — " + HOSTILE_TITLE), label
    finally:
        site_server.shutdown()
        host_server.shutdown()
