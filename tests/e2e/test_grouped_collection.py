"""The fiches are a declaration (issue 12): their feed, read with feedparser, is the generic one
(50 latest, authors, category = type); and a NEW grouped collection declared in YAML only gets
the same: a listing per group, related items, the site-wide pages of a vocabulary, a feed
announced on every page, one search type per group."""
import re
import shutil
import subprocess

import feedparser
import yaml

from conftest import NOW, REPO, castor_binary

BASE = "http://127.0.0.1/reseau/ressources/"  # the base URL of conftest.built_site


def fiches():
    """Published fiches: (type, front matter)."""
    result = []
    for path in sorted((REPO / "content" / "fiches").rglob("*.md")):
        _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
        matter = yaml.safe_load(front)
        if not matter.get("draft"):
            result.append((path.relative_to(REPO / "content" / "fiches").parts[0], matter))
    return result


def test_the_fiches_feed_is_the_declared_one(built_site):
    feed = feedparser.parse((built_site / "fiches" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.subtitle == "Fiches nouvelles et mises à jour"
    published = fiches()
    assert len(feed.entries) == min(50, len(published))
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True), "newest update first"
    types = yaml.safe_load((REPO / "content" / "site.yml").read_text(encoding="utf-8"))["fiche_types"]
    by_title = {matter["title"]: (kind, matter) for kind, matter in published}
    for entry in feed.entries:
        kind, matter = by_title[entry.title]
        assert [(tag.term, tag.label) for tag in entry.tags] == [(kind, types[kind])], entry.title
        assert [author.name for author in entry.get("authors", [])] == matter.get("authors", []), entry.title
    # Announced in the head of every page (`feed: {head: true}`), once.
    for page in ("index.html", "agenda/index.html", "fiches/index.html", "themes/index.html"):
        text = (built_site / page).read_text(encoding="utf-8")
        assert text.count('title="Fiches nouvelles et mises à jour"') == 1, page


GUIDES = """
  guides:
    label: Guides
    singular: Guide
    groups: guide_types
    listing: true
    order: {field: updated, direction: desc}
    navigation: true
    related: {field: sujets, limit: 3}
    site_listings: [sujets]
    feed: {title: Guides nouveaux ou revus, head: true, authors: auteurs}
    search: {groups: true}
    fields:
      title: {type: text, label: Titre, required: true}
      summary: {type: text, label: Résumé, required: true}
      sujets: {type: terms, label: Sujets, vocabulary: sujets}
      updated: {type: date, label: Revu le, required: true}
      auteurs: {type: text_list, label: Auteurs}
"""

PAGES = """site_listings:
  sujets:
    title: Sujets
    value_title: "Sujet : {valeur}"
    value_intro: "Les guides sur « {valeur} »."
    navigation: true
"""


def test_a_new_grouped_collection_works_from_yaml_alone(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    declarations = content / "collections.yml"
    text = declarations.read_text(encoding="utf-8")
    text = text.replace("\nsite_listings:\n", "\n" + PAGES, 1).replace("\ncollections:\n", "\ncollections:\n" + GUIDES, 1)
    declarations.write_text(text, encoding="utf-8")
    with (content / "site.yml").open("a", encoding="utf-8") as site:
        site.write("\nguide_types:\n  demarrer: Démarrer\n  habiter: Habiter\nsujets:\n  foncier: Foncier\n  argent: Argent\n")
    guides = [
        ("demarrer", "trouver-un-terrain", "Trouver un terrain", "[foncier]", "2026-09-01"),
        ("demarrer", "financer-le-terrain", "Financer le terrain", "[foncier, argent]", "2026-10-01"),
        ("habiter", "partager-les-charges", "Partager les charges", "[argent]", "2026-08-01"),
    ]
    for group, slug, title, sujets, updated in guides:
        folder = content / "guides" / group
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: {title}\nsummary: Le guide « {title} ».\nsujets: {sujets}\nupdated: {updated}\nauteurs: [Réseau]\n---\n\nTexte.\n",
            encoding="utf-8")
    output = tmp_path / "site"
    result = subprocess.run(
        [castor_binary(), "build", "--content", str(content), "--templates", str(REPO / "templates"),
         "--output", str(output), "--now", NOW],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "guides : 3" in result.stdout, result.stdout

    listing = (output / "guides" / "index.html").read_text(encoding="utf-8")
    assert 'href="../guides/habiter/">Habiter</a>' in listing
    assert listing.index("Financer le terrain") < listing.index("Trouver un terrain") < listing.index("Partager les charges")
    habiter = (output / "guides" / "habiter" / "index.html").read_text(encoding="utf-8")
    assert "Partager les charges" in habiter and "Trouver un terrain" not in habiter
    page = (output / "guides" / "demarrer" / "financer-le-terrain" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../guides/demarrer/">Démarrer</a>' in page, "breadcrumbs through the group"
    assert 'href="../../../sujets/argent/">Argent</a>' in page, "values link to the site-wide pages"
    foncier = (output / "sujets" / "foncier" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>Sujet\s*: Foncier</h1>", foncier), foncier
    assert "Trouver un terrain" in foncier and "Partager les charges" not in foncier
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'href="./sujets/"' in home and 'href="./guides/atom.xml"' in home

    feed = feedparser.parse((output / "guides" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Financer le terrain", "Trouver un terrain", "Partager les charges"]
    assert [(tag.term, tag.label) for tag in feed.entries[2].tags] == [("habiter", "Habiter")]
    assert [author.name for author in feed.entries[0].authors] == ["Réseau"]
    manifest = (output / "recherche" / "index" / "index.js").read_text(encoding="utf-8")
    assert '["demarrer","Démarrer","guides/demarrer/",' in manifest, manifest
