"""The legal and financial observatory (issue 14), declared in content/collections.yml only:
its « actualité » Atom feed read with feedparser, its references and backlinks read back from
the built pages with Python's HTML parser."""
import html.parser
import re

import feedparser
import yaml

from conftest import REPO

BASE = "http://127.0.0.1/reseau/ressources/"  # the base URL of conftest.built_site


def questions():
    """Published questions: slug → (front matter, Markdown body)."""
    result = {}
    for path in sorted((REPO / "content" / "observatoire").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        matter = yaml.safe_load(front)
        if not matter.get("draft"):
            result[path.stem] = (matter, body)
    return result


class Links(html.parser.HTMLParser):
    """The links of a page's main part, and the headings each list of links follows."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.heading = None
        self.capturing = False
        self.links = []  # (heading, href, text)
        self.href = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif self.in_main and tag == "h2":
            self.capturing, self.heading = True, ""
        elif self.in_main and tag == "a":
            self.href, self.text = attrs.get("href"), ""

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "h2":
            self.capturing = False
        elif tag == "a" and self.href is not None:
            self.links.append((self.heading, self.href, self.text.strip()))
            self.href = None

    def handle_data(self, data):
        if self.capturing:
            self.heading += data
        if self.href is not None:
            self.text += data


def links_of(built_site, path):
    parser = Links()
    parser.feed((built_site / path / "index.html").read_text(encoding="utf-8"))
    return parser.links


def test_the_observatory_feed_parses_with_every_question_newest_first(built_site):
    published = questions()
    assert len(published) >= 8
    parsed = feedparser.parse((built_site / "observatoire/atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.subtitle == "Actualité de l'observatoire juridique et financier"
    assert parsed.feed.link == BASE + "observatoire/"
    slugs = [entry.link.removeprefix(BASE + "observatoire/").strip("/") for entry in parsed.entries]
    assert sorted(slugs) == sorted(published)
    for entry, slug in zip(parsed.entries, slugs):
        assert entry.title == published[slug][0]["title"]
        assert entry.updated.startswith(str(published[slug][0]["updated"]))
    updates = [str(published[slug][0]["updated"]) for slug in slugs]
    assert updates == sorted(updates, reverse=True), "the most recently updated question first"


def test_each_reference_is_a_link_and_each_fiche_lists_the_questions_citing_it(built_site):
    for slug, (matter, body) in questions().items():
        links = links_of(built_site, f"observatoire/{slug}")
        references = body.split("\n## Références\n", 1)[1]
        written = re.findall(r"\[([^\]]+)\]\((https://[^)]+)\)", references)
        cited = [(href, text) for heading, href, text in links if heading == "Références" and href.startswith("https://")]
        assert cited == [(href, text) for text, href in written], slug
        if matter["status"] == "reponse-publiee":
            assert matter.get("answered"), slug
            assert "\n## La réponse de l'observatoire\n" in body, slug
            assert any(heading == "Références" for heading, _, _ in links), f"{slug}: a published answer cites its sources as links"
        # Backlinks: every fiche and partner the question names lists it, under the declared title.
        titles = {"structures": "Questions de l'observatoire sur cette structure", "fiches": "Questions de l'observatoire",
                  "partners": "Questions de l'observatoire auxquelles il a contribué"}
        targets = {name: href for heading, href, name in links if heading is None or heading == ""}
        for field, title in titles.items():
            for target in matter.get(field) or []:
                found = [href for label, href in targets.items() if href.rstrip("/").endswith("/" + target)]
                assert found, f"{slug}: {field} {target} is a link on the page"
                page = (found[0].removeprefix("../../").rstrip("/"))
                backlinks = [href for heading, href, _ in links_of(built_site, page) if heading == title]
                assert any(href.rstrip("/").endswith("/observatoire/" + slug) for href in backlinks), f"{page} lists {slug}"
