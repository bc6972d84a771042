"""Cards are rendered once per build (CardPartials): an edited card partial still shows on every
page, in place of every card, with links that lead to the right files from each page."""
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


def test_edited_card_partials_replace_every_card(tmp_path):
    original = tmp_path / "original"
    build_with(REPO / "templates", original)

    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    (templates / "partials" / "card.mustache").write_text(
        '<div class="essai-h3"><a href="{{root}}{{url}}">{{title}}</a></div>\n', encoding="utf-8")
    (templates / "partials" / "card-h2.mustache").write_text(
        '<div class="essai-h2"><a href="{{root}}{{url}}">{{title}}</a> {{kindLabel}}</div>\n', encoding="utf-8")
    edited = tmp_path / "edited"
    build_with(templates, edited)

    card = re.compile(r'<article class="carte">\s*<h([23]) class="carte-titre"><a href="([^"]*)">')
    shown = re.compile(r'<div class="essai-h([23])"><a href="([^"]*)">')
    pages_with_cards = 0
    for page in sorted(original.rglob("*.html")):
        relative = page.relative_to(original)
        before = card.findall(page.read_text(encoding="utf-8"))
        after_text = (edited / relative).read_text(encoding="utf-8")
        after = shown.findall(after_text)
        # The same cards, in the same order, with the same links: the edit shows on each of them.
        assert after == before, relative
        assert not card.findall(after_text), relative
        if before:
            pages_with_cards += 1
        for _, link in after:
            target = (edited / relative).parent / link
            assert (target / "index.html").is_file() or target.is_file(), f"{relative}: {link}"
    assert pages_with_cards > 50
