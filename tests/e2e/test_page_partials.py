"""Page partials (header, footer…) are rendered once for all the pages that give them the same
values (PagePartials): an edited header and footer still show on every page, each with that
page's links and its own menu entry marked, and the real templates give the same site as before."""
import pathlib
import re
import shutil
import subprocess

from conftest import NOW, REPO, castor_binary


def build_with(templates: pathlib.Path, output: pathlib.Path) -> None:
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(REPO / "content"), "--templates", str(templates),
         "--output", str(output), "--now", NOW],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def test_edited_header_and_footer_show_on_every_page(tmp_path):
    original = tmp_path / "original"
    build_with(REPO / "templates", original)

    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    (templates / "partials" / "header.mustache").write_text(
        '<div class="essai-entete"><a class="essai-accueil" href="{{root}}">{{site.title}}</a>'
        '{{#nav}}<a class="essai-menu" href="{{root}}{{url}}"{{#current}} data-courant="oui"{{/current}}>{{label}}</a>{{/nav}}</div>\n',
        encoding="utf-8")
    (templates / "partials" / "footer.mustache").write_text(
        '<div class="essai-pied">{{#footerPages}}<a class="essai-pied-lien" href="{{root}}{{url}}">{{label}}</a>{{/footerPages}}</div>\n',
        encoding="utf-8")
    edited = tmp_path / "edited"
    build_with(templates, edited)

    current_before = re.compile(r'<li><a href="([^"]*)" aria-current="page">([^<]*)</a></li>')
    current_after = re.compile(r'<a class="essai-menu" href="([^"]*)" data-courant="oui">([^<]*)</a>')
    footer_before = re.compile(r'<footer class="pied">.*?</footer>', re.S)
    footer_links = re.compile(r'<li><a href="([^"]*)">([^<]*)</a></li>')
    pages = 0
    marked = 0
    for page in sorted(original.rglob("*.html")):
        relative = page.relative_to(original)
        before = page.read_text(encoding="utf-8")
        after = (edited / relative).read_text(encoding="utf-8")
        if 'class="entete"' not in before or relative == pathlib.Path("404.html"):
            continue  # no layout (an embeddable widget…), or links from the site's path (404)
        pages += 1
        assert 'class="entete"' not in after and 'class="pied"' not in after, relative
        assert after.count('<div class="essai-entete">') == 1, relative
        # The menu entry marked is the one the original page marked, with the same link.
        nav = re.search(r'<nav class="nav-principale".*?</nav>', before, re.S)
        assert current_after.findall(after) == current_before.findall(nav.group(0) if nav else ""), relative
        marked += bool(current_after.findall(after))
        # The footer's pages are those of the original footer, with the same links.
        footer = footer_before.search(before)
        shown = re.findall(r'<a class="essai-pied-lien" href="([^"]*)">([^<]*)</a>', after)
        assert shown == footer_links.findall(footer.group(0))[: len(shown)], relative
        # Every link of the header and footer leads to a file of the site, from this page.
        for link in re.findall(r'class="essai-(?:accueil|menu|pied-lien)" href="([^"]*)"', after):
            target = (edited / relative).parent / link
            assert (target / "index.html").is_file() or target.is_file(), f"{relative}: {link}"
    assert pages > 50
    assert marked > 20
