"""The downloadable lists of a declared collection (`export: [csv, json]` in collections.yml),
read back with Python's own csv and json modules: the partners' directory of content/."""
import csv
import html.parser
import io
import json
import re

import yaml

from conftest import REPO

BASE = "http://127.0.0.1/reseau/ressources/"


def declaration():
    collections = yaml.safe_load((REPO / "content" / "collections.yml").read_text(encoding="utf-8"))["collections"]
    return collections["partenaires"]


def published_partners():
    return [p for p in (REPO / "content" / "partenaires").glob("*.md") if "\ndraft: true" not in p.read_text(encoding="utf-8")]


def exported_fields():
    return [(key, spec["label"]) for key, spec in declaration()["fields"].items() if spec["type"] != "attachments"]


def page_of(built_site, url):
    assert url.startswith(BASE), url
    return built_site / url[len(BASE):] / "index.html"


def test_csv_is_rfc_4180_utf8_with_a_header_row(built_site):
    raw = (built_site / "partenaires" / "partenaires.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark, for Excel"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "CRLF line ends (RFC 4180)"
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header, records = rows[0], rows[1:]
    assert header == [label for _, label in exported_fields()] + ["Adresse de la page"]
    assert len(records) == len(published_partners())
    assert all(len(record) == len(header) for record in records)
    by_title = {record[0]: dict(zip(header, record)) for record in records}
    notary = by_title["Étude notariale des Lices"]
    assert notary["Métier"] == "Notaire" and notary["Régions couvertes"] == "Bretagne", notary
    assert notary["Mise à jour"] == "2026-11-20"
    assert notary["Contact"] == "[contact masqué]", "contacts stay masked"
    assert notary["Projets accompagnés"] == title_of(built_site, "projets/la-canopee-saint-jacques/"), notary
    assert "@" not in text, "no e-mail address in the export"
    # A field holding commas survives the round trip (quoted).
    assert any("," in record[0] for record in records)
    # A list of values (several types) is one cell, labels joined.
    architects = by_title["Atelier Ensemble, architectes"]
    assert architects["Métier"] == "Architecte ; Assistance à maîtrise d'ouvrage (AMO)"
    for record in by_title.values():
        assert page_of(built_site, record["Adresse de la page"]).is_file()


def title_of(site, path):
    """The <h1> of a built page."""
    page = (site / path / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).strip()


def test_json_lists_every_item_with_labels_and_absolute_addresses(built_site):
    document = json.loads((built_site / "partenaires" / "partenaires.json").read_text(encoding="utf-8"))
    assert document["collection"] == "partenaires" and document["url"] == BASE + "partenaires/"
    assert [field["key"] for field in document["fields"]] == [key for key, _ in exported_fields()] + ["url"]
    items = document["items"]
    assert len(items) == len(published_partners())
    assert all(set(item) == {field["key"] for field in document["fields"]} for item in items)
    notary = next(item for item in items if item["title"] == "Étude notariale des Lices")
    assert notary["types"] == ["Notaire"] and notary["regions"] == ["Bretagne"] and notary["updated"] == "2026-11-20"
    assert notary["contact"] == "[contact masqué]"
    assert "@" not in json.dumps(document, ensure_ascii=False)
    # Reference fields give the titles of the items they name, as the pages show them.
    assert notary["projects"] == [title_of(built_site, "projets/la-canopee-saint-jacques/")], notary["projects"]
    assert notary["legal_forms"] == [
        title_of(built_site, "fiches/structures-juridiques/" + name + "/")
        for name in ("sci-d-attribution", "cooperative-d-habitants", "societe-d-attribution-et-d-autopromotion")
    ], notary["legal_forms"]
    national = next(item for item in items if item["regions"] == ["National"])
    assert national["city"] is None, "an empty field is null"
    for item in items:
        assert page_of(built_site, item["url"]).is_file()


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.downloads = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "download" in attrs:
            self.downloads.append(attrs["href"])


def test_the_listing_links_to_both_files(built_site):
    listing = (built_site / "partenaires" / "index.html").read_text(encoding="utf-8")
    assert "Télécharger la liste\u00a0: " in listing or "Télécharger la liste : " in listing
    parser = Links()
    parser.feed(listing)
    assert parser.downloads == ["../partenaires/partenaires.csv", "../partenaires/partenaires.json"]
    assert all((built_site / "partenaires" / link.split("/")[-1]).is_file() for link in parser.downloads)
