"""The volunteers' workflow, through the real `castor` binary: new, check, serve."""
import json
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import unicodedata
import urllib.error
import urllib.request

import pytest

from conftest import REPO, castor_binary

NOW = "2026-11-23"
FIXTURE = REPO / "Tests" / "CastorKitTests" / "Fixtures" / "site" / "content"


@pytest.fixture()
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    """A folder with content/ (the fixture site) and templates/ (the real ones)."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    return tmp_path


def castor(folder: pathlib.Path, *arguments: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([castor_binary(), *arguments], cwd=folder, capture_output=True, text=True, timeout=timeout)


# --- castor new -------------------------------------------------------------------------


def test_new_writes_a_draft_the_checker_accepts_and_never_overwrites(workspace):
    result = castor(workspace, "new", "fiche", "boite-a-outils", "Décider par consentement", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "Créé : content/fiches/boite-a-outils/decider-par-consentement.md" in result.stdout
    created = workspace / "content/fiches/boite-a-outils/decider-par-consentement.md"
    text = created.read_text(encoding="utf-8")
    assert 'title: "Décider par consentement"' in text
    assert "updated: 2026-11-23" in text
    assert "draft: true" in text

    result = castor(workspace, "new", "evenement", "Atelier Métaplan à Tours", "--date", "2027-05-12T09:30")
    assert result.returncode == 0, result.stderr
    assert (workspace / "content/agenda/atelier-metaplan-a-tours.md").exists()
    result = castor(workspace, "new", "annonce", "Terrain à Rennes", "--categorie", "terrain", "--region", "bretagne")
    assert result.returncode == 0, result.stderr
    assert (workspace / "content/annonces/terrain-a-rennes.md").exists()

    check = castor(workspace, "check", "--now", NOW)
    assert check.returncode == 0, check.stderr
    assert "aucune erreur" in check.stdout

    # The same title again: a new name, the first file untouched.
    before = created.read_bytes()
    again = castor(workspace, "new", "fiche", "boite-a-outils", "Décider par consentement", "--now", NOW)
    assert again.returncode == 0
    assert "decider-par-consentement-2.md" in again.stdout
    # A name given on purpose that exists: refused.
    refused = castor(workspace, "new", "fiche", "boite-a-outils", "Autre", "--nom", "decider-par-consentement")
    assert refused.returncode == 1
    assert "existe déjà" in refused.stderr
    assert created.read_bytes() == before


def test_new_refuses_unknown_values_in_french(workspace):
    result = castor(workspace, "new", "annonce", "Terrain", "--categorie", "terrains")
    assert result.returncode == 1
    assert "vouliez-vous écrire « terrain » ?" in result.stderr
    result = castor(workspace, "new", "fiche", "guides", "Titre")
    assert result.returncode == 1
    assert "fiche_types" in result.stderr
    missing_date = castor(workspace, "new", "evenement", "Sans date")
    assert missing_date.returncode == 1
    assert "--date est obligatoire : « start » (début)" in missing_date.stderr
    assert not (workspace / "content/agenda/sans-date.md").exists()


PARTNERS = """
  partenaires:
    label: Partenaires
    singular: Partenaire
    fields:
      title:
        type: text
        label: Nom
        required: true
      summary:
        type: text
        label: Présentation
        required: true
        example: Notaire spécialisée en sociétés d'habitants
      region:
        type: term
        label: Région
        vocabulary: regions
"""


def test_new_and_check_know_a_collection_declared_in_yaml_only(workspace):
    """A collection added to collections.yml, with no change to Castor: new writes its files,
    check checks them, build publishes them from the declaration alone."""
    declarations = workspace / "content/collections.yml"
    declarations.write_text(declarations.read_text(encoding="utf-8") + PARTNERS, encoding="utf-8")
    result = castor(workspace, "new", "partenaires", "Étude Martin", "--region", "bretagne")
    assert result.returncode == 0, result.stderr
    assert "Créé : content/partenaires/etude-martin.md" in result.stdout
    text = (workspace / "content/partenaires/etude-martin.md").read_text(encoding="utf-8")
    assert "\nregion: bretagne\n" in text
    assert "par exemple : « Notaire spécialisée en sociétés d'habitants »" in text
    # By its singular, as « fiche » finds the fiches.
    result = castor(workspace, "new", "Partenaire", "Cabinet Durand")
    assert result.returncode == 0, result.stderr
    assert (workspace / "content/partenaires/cabinet-durand.md").exists()
    missing = castor(workspace, "new", "partenaires")
    assert missing.returncode == 64
    assert missing.stderr.startswith("erreur : argument manquant : <titre>")
    unknown = castor(workspace, "new", "partenaire-x", "Titre")
    assert unknown.returncode == 64
    assert "n'est pas une collection de content/collections.yml" in unknown.stderr

    check = castor(workspace, "check", "--now", NOW)
    assert check.returncode == 0, check.stderr
    assert "content/collections.yml:" not in check.stderr, "a declared collection is published: nothing to warn about"
    build = castor(workspace, "build", "--now", NOW)
    assert build.returncode == 0, build.stderr
    # Published from its declaration: its listing exists; the two new files are drafts.
    assert (workspace / "site/partenaires/index.html").exists()
    assert not (workspace / "site/partenaires/etude-martin").exists()
    (workspace / "content/partenaires/etude-martin.md").write_text(
        text.replace("draft: true", "").replace("À compléter : présentation.", "Notaires à Rennes."), encoding="utf-8")
    build = castor(workspace, "build", "--now", NOW)
    assert build.returncode == 0, build.stderr
    page = (workspace / "site/partenaires/etude-martin/index.html").read_text(encoding="utf-8")
    assert "<h1>Étude Martin</h1>" in page and "Bretagne" in page

    # A mistake in the declarations stops everything, with its line.
    text = declarations.read_text(encoding="utf-8")
    cut = text.rindex("        vocabulary: regions\n")  # the partners' region
    declarations.write_text(text[:cut] + text[cut:].replace("        vocabulary: regions\n", "", 1), encoding="utf-8")
    check = castor(workspace, "check", "--now", NOW)
    assert check.returncode == 1
    assert re.search(r"content/collections\.yml:\d+:\d+: erreur : le champ « region » de « partenaires » est de type term mais n'indique pas sa liste", check.stderr), check.stderr


# --- castor check -----------------------------------------------------------------------


def test_check_lists_errors_then_warnings_and_sets_the_exit_code(workspace):
    clean = castor(workspace, "check", "--now", NOW)
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.startswith("Vérification : aucune erreur")

    (workspace / "content/fiches/trames-types").mkdir(parents=True, exist_ok=True)
    (workspace / "content/fiches/trames-types/ancienne.md").write_text(
        "---\ntitle: Ancienne\nsummary: Vieille.\nupdated: 2023-01-10\n---\nTexte.\n", encoding="utf-8")
    warned = castor(workspace, "check", "--now", NOW)
    assert warned.returncode == 0, "warnings alone do not fail"
    assert "content/fiches/trames-types/ancienne.md:4:10: avertissement : fiche non mise à jour depuis plus de deux ans" in warned.stderr
    assert "avertissement" in warned.stdout.splitlines()[-1]

    (workspace / "content/annonces/cassee.md").write_text(
        "---\ntitle: Cassée\ncategory: terrains\npublished: 2026-11-01\ncontact: a@b.org\n---\nTexte.\n", encoding="utf-8")
    failed = castor(workspace, "check", "--now", NOW)
    assert failed.returncode == 1
    lines = failed.stderr.splitlines()
    assert lines[0] == "Erreur :"
    assert "content/annonces/cassee.md:3:11: erreur : valeur « terrains » absente de la liste « ad_categories »" in lines[1]
    assert lines.index("Avertissements :") > 1
    assert lines[-1].startswith("Vérification : 1 erreur, ")

    as_json = castor(workspace, "check", "--now", NOW, "--format", "json")
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["schema"] == "castor-check/1"
    assert report["summary"]["errors"] == 1
    assert report["summary"]["warnings"] >= 1
    error = next(item for item in report["diagnostics"] if item["severity"] == "error")
    assert error == {
        "file": "content/annonces/cassee.md", "line": 3, "column": 11, "severity": "error",
        "message": "valeur « terrains » absente de la liste « ad_categories »",
        "hint": error["hint"],
    }
    assert "terrain" in error["hint"]


# --- castor serve -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, timeout: float = 20, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met in time")


class Server:
    def __init__(self, folder: pathlib.Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [castor_binary(), "serve", "--port", str(self.port), "--now", NOW],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("Aperçu"):
                self.ready.set()

    def version(self, page: str) -> int:
        return int(re.search(r"var v=(\d+)", page).group(1))

    def reload_signal(self, version: int) -> dict:
        """Asks, as the page's script does, to be told when the site moves past `version`."""
        return json.loads(fetch(f"{self.base}/__castor/reload?version={version}", timeout=40)[1])

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


def test_serve_rebuilds_reloads_shows_errors_and_stops(workspace):
    server = Server(workspace)
    try:
        assert server.ready.wait(60), "\n".join(server.lines)
        page_url = server.base + "/fiches/structures-juridiques/scic/"
        status, page = fetch(page_url)
        assert status == 200
        assert "<h1>La SCIC</h1>" in page
        assert "/__castor/reload" in page, "the reload script is injected into served pages"
        assert fetch(server.base + "/fiches/structures-juridiques/scic")[0] == 200  # redirected to the folder
        assert fetch(server.base + "/nulle-part/")[0] == 404

        # Edit a fiche: the waiting tab hears of it, the new text is served.
        version = server.version(page)
        answer: dict = {}
        waiter = threading.Thread(target=lambda: answer.update(server.reload_signal(version)))
        waiter.start()
        time.sleep(0.3)
        fiche = workspace / "content/fiches/structures-juridiques/scic.md"
        original = fiche.read_text(encoding="utf-8")
        fiche.write_text(original + "\nUn paragraphe tout neuf.\n", encoding="utf-8")
        waiter.join(20)
        assert answer.get("version", version) != version, "a reload signal was sent"
        assert answer["errors"] is False
        status, page = fetch(page_url)
        assert status == 200 and "Un paragraphe tout neuf." in page

        # Break the front matter: the error page, in French, with file, line and column.
        version = server.version(page)
        fiche.write_text(original.replace("title: La SCIC", "title: [La SCIC"), encoding="utf-8")
        assert server.reload_signal(version)["errors"] is True
        status, error_page = fetch(page_url)
        assert status == 500
        assert "Le site ne peut pas être affiché" in error_page
        assert "content/fiches/structures-juridiques/scic.md, ligne 2, colonne 8" in error_page
        assert "en-tête YAML invalide" in error_page
        assert "/__castor/reload" in error_page, "the error page reloads by itself"
        assert fetch(server.base + "/")[0] == 500, "every page shows the errors"
        assert fetch(server.base + "/assets/style.css")[0] == 200

        # Fix it: the page is back.
        version = server.version(error_page)
        fiche.write_text(original.replace("title: La SCIC", "title: La SCIC réparée"), encoding="utf-8")
        assert server.reload_signal(version)["errors"] is False
        status, page = fetch(page_url)
        assert status == 200 and "<h1>La SCIC réparée</h1>" in page
    finally:
        code = server.stop()
    assert code == 0, "\n".join(server.lines)
    assert "Serveur arrêté." in server.lines
    assert any(line.startswith("Modifié : fiches/structures-juridiques/scic.md") for line in server.lines)


def test_serve_refuses_a_port_in_use(workspace):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [castor_binary(), "serve", "--port", str(port), "--now", NOW], cwd=workspace,
            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "impossible d'ouvrir le serveur" in result.stderr


def test_the_open_tab_reloads_by_itself_in_a_real_browser(workspace, browser):
    """Headless Chromium keeps the page open; only castor's script may reload it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    server = Server(workspace)
    try:
        assert server.ready.wait(60), "\n".join(server.lines)
        browser.get(server.base + "/fiches/structures-juridiques/scic/")
        assert browser.find_element(By.TAG_NAME, "h1").text == "La SCIC"
        browser.execute_script("window.castorTest = 'avant';")
        fiche = workspace / "content/fiches/structures-juridiques/scic.md"
        original = fiche.read_text(encoding="utf-8")

        def reloaded_with(text):
            return lambda driver: driver.execute_script("return window.castorTest") is None and text in driver.page_source

        fiche.write_text(original.replace("title: La SCIC", "title: La SCIC modifiée"), encoding="utf-8")
        WebDriverWait(browser, 20).until(reloaded_with("La SCIC modifiée"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "La SCIC modifiée"

        browser.execute_script("window.castorTest = 'avant';")
        fiche.write_text(original.replace("title: La SCIC", "title: [La SCIC"), encoding="utf-8")
        WebDriverWait(browser, 20).until(reloaded_with("Le site ne peut pas être affiché"))
        assert "ligne 2, colonne 8" in browser.page_source

        browser.execute_script("window.castorTest = 'avant';")
        fiche.write_text(original, encoding="utf-8")
        WebDriverWait(browser, 20).until(reloaded_with("<h1>La SCIC</h1>"))
    finally:
        assert server.stop() == 0


# --- the command line, in French ----------------------------------------------------------


def test_command_line_mistakes_are_explained_in_french(workspace):
    unknown = castor(workspace, "check", "--nwo", NOW)
    assert unknown.returncode == 64
    lines = unknown.stderr.splitlines()
    assert lines[0] == "erreur : option inconnue « --nwo » ; vouliez-vous écrire « --now » ?"
    assert lines[1].startswith("utilisation : castor check [--content <dossier>]")
    assert lines[2] == "  conseil : « castor check --help » explique chaque option."
    for english in ("Error", "Usage", "See '", "Unknown option"):
        assert english not in unknown.stderr

    missing = castor(workspace, "new", "fiche", "boite-a-outils")
    assert missing.returncode == 64
    assert missing.stderr.startswith("erreur : argument manquant : <titre>\n  conseil : castor new fiche <fiche_types> \"Titre\"")
    assert "Missing" not in missing.stderr

    bad_date = castor(workspace, "check", "--now", "23/11/2026")
    assert bad_date.returncode == 64
    assert bad_date.stderr.startswith("erreur : valeur « 23/11/2026 » invalide pour « --now <AAAA-MM-JJ> »")
    bad_format = castor(workspace, "check", "--format", "xml")
    assert bad_format.stderr.startswith("erreur : valeur « xml » invalide pour « --format <format> » ; valeurs possibles : text, json")
    no_value = castor(workspace, "check", "--content")
    assert no_value.stderr.startswith("erreur : valeur manquante après « --content <dossier> »")
    unquoted = castor(workspace, "new", "fiche", "boite-a-outils", "Décider", "par", "consentement")
    assert unquoted.returncode == 64
    assert unquoted.stderr.startswith("erreur : 2 arguments en trop : par, consentement (pensez aux guillemets")
    assert not (workspace / "content/fiches/boite-a-outils/decider.md").exists()

    command = castor(workspace, "chek")
    assert command.returncode == 64
    assert command.stderr.startswith("erreur : commande inconnue « chek » ; vouliez-vous écrire « check » ?")


def test_version_and_help_pages_in_french(workspace):
    version = castor(workspace, "--version")
    assert version.returncode == 0, version.stderr
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", version.stdout), version.stdout
    assert version.stderr == ""

    overview = castor(workspace, "--help")
    assert overview.returncode == 0
    for french in ("RÉSUMÉ :", "UTILISATION : castor <commande>", "COMMANDES :", "build (défaut)", "Affiche cette aide.", "castor help <commande>"):
        assert french in overview.stdout, french
    for english in ("OVERVIEW", "USAGE:", "SUBCOMMANDS", "Show help", "for detailed help", "(default)"):
        assert english not in overview.stdout, english
    check = castor(workspace, "check", "--help")
    assert "--format <format>" in check.stdout and "par défaut :" in check.stdout
    assert "default:" not in check.stdout and "values:" not in check.stdout


# --- the web editor -----------------------------------------------------------------------


def decap_slug(title: str) -> str:
    """Decap CMS's file name for a title, with the slug settings Castor writes (prepareSlug, then
    sanitizeSlug with encoding ascii, clean_accents, replacement « - »), for plain French titles."""
    text = title.strip().lower().replace("'", "").replace(".", "-")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9_.~-]", "-", text)
    return re.sub(r"-+", "-", text).strip("-")


def test_the_editor_is_built_with_the_site_and_writes_where_castor_new_does(workspace):
    with (workspace / "content/site.yml").open("a", encoding="utf-8") as site_yml:
        site_yml.write("\neditor:\n  backend: github\n  repo: reseau/contenu\n")
    build = castor(workspace, "build", "--now", NOW)
    assert build.returncode == 0, build.stderr
    config = (workspace / "site/admin/config.yml").read_text(encoding="utf-8")
    assert (workspace / "site/admin/index.html").is_file()
    assert 'repo: "reseau/contenu"' in config
    simple = 'folder: "content/fiches/structures-juridiques"\n  create: true'
    folders = 'folder: "content/fiches/boite-a-outils"\n  path: "{{slug}}/index"'
    assert simple in config and folders in config
    assert 'media_folder: ""' in config

    # A fiche saved by the editor: its folder, the name its slug rule makes from the title.
    title = "SCI d'attribution"
    assert decap_slug(title) == "sci-dattribution"
    saved = workspace / "content/fiches/structures-juridiques" / (decap_slug(title) + ".md")
    saved.write_text(
        "---\ntitle: SCI d'attribution\nsummary: Une société qui attribue les logements.\nthemes:\n  - juridique\n"
        "updated: 2026-11-20\ndraft: false\n---\nLe texte.\n", encoding="utf-8")
    # A fiche with attachments, saved by the editor as a folder, its file beside index.md.
    folder = workspace / "content/fiches/boite-a-outils" / decap_slug("Trame d'assemblée générale")
    folder.mkdir()
    (folder / "trame-ag.odt").write_text("ODT", encoding="utf-8")
    (folder / "index.md").write_text(
        "---\ntitle: Trame d'assemblée générale\nsummary: Une trame à adapter.\nupdated: 2026-11-20\n"
        "attachments:\n  - file: trame-ag.odt\n    title: Trame d'AG\ndraft: false\n---\nLe texte.\n", encoding="utf-8")
    check = castor(workspace, "check", "--now", NOW)
    assert check.returncode == 0, check.stderr
    assert "aucune erreur" in check.stdout
    assert "trame-ag.odt" not in check.stderr, "the attachment is declared"

    # castor new, same title: the very same file, already taken.
    again = castor(workspace, "new", "fiche", "structures-juridiques", title, "--now", NOW)
    assert again.returncode == 0, again.stderr
    assert "Le nom « sci-dattribution » était déjà pris" in again.stdout

    rebuilt = castor(workspace, "build", "--now", NOW)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (workspace / "site/fiches/structures-juridiques/sci-dattribution/index.html").is_file()
    assert (workspace / "site/fiches/boite-a-outils/trame-dassemblee-generale/trame-ag.odt").is_file()
    assert (workspace / "site/admin/config.yml").read_text(encoding="utf-8") == config, "rebuilt, not lost"


# --- drafts and placeholders ----------------------------------------------------------------


def test_check_reports_what_is_broken_in_drafts_as_warnings(workspace):
    new = castor(workspace, "new", "fiche", "boite-a-outils", "Fiche en préparation", "--now", NOW)
    assert new.returncode == 0, new.stderr
    draft = workspace / "content/fiches/boite-a-outils/fiche-en-preparation.md"
    with draft.open("a", encoding="utf-8") as text:
        text.write("\nVoir [la SCIC](../scic.md).\n")
    check = castor(workspace, "check", "--now", NOW)
    assert check.returncode == 0, check.stderr
    assert ("content/fiches/boite-a-outils/fiche-en-preparation.md:" in check.stderr
            and "avertissement : lien vers un fichier introuvable : « ../scic.md » (brouillon" in check.stderr), check.stderr
    assert "vouliez-vous écrire « ../structures-juridiques/scic.md » ?" in check.stderr
    build = castor(workspace, "build", "--now", NOW)
    assert build.returncode == 0, build.stderr
    assert not (workspace / "site/fiches/boite-a-outils/fiche-en-preparation").exists(), "drafts stay off the site"


def test_an_ad_still_carrying_the_placeholder_contact_is_not_published(workspace):
    assert castor(workspace, "build", "--now", NOW).returncode == 0
    new = castor(workspace, "new", "annonce", "Terrain à Rennes", "--categorie", "terrain", "--now", NOW)
    assert new.returncode == 0, new.stderr
    ad = workspace / "content/annonces/terrain-a-rennes.md"
    text = ad.read_text(encoding="utf-8")
    assert "a-completer@exemple.invalid" in text
    assert castor(workspace, "check", "--now", NOW).returncode == 0, "a draft may keep it"
    published = re.sub(r"draft: true[^\n]*\n", "", text)
    ad.write_text(published, encoding="utf-8")
    line = next(number for number, content in enumerate(published.splitlines(), 1) if content.startswith("contact:"))
    for command in ("check", "build"):
        result = castor(workspace, command, "--now", NOW)
        assert result.returncode == 1, command
        assert (f"content/annonces/terrain-a-rennes.md:{line}:10: erreur : le contact est encore celui que castor new a écrit "
                "(« a-completer@exemple.invalid »)") in result.stderr, result.stderr
        assert "remettez « draft: true »" in result.stderr
    assert not (workspace / "site/annonces/terrain-a-rennes").exists()
