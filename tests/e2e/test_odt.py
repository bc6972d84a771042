"""The trames-types' editable documents (.odt), opened by LibreOffice headless.

content/ is built by the real CLI; every generated `<slug>-modifiable.odt` is converted by
LibreOffice (Debian's libreoffice-writer-nogui, installed by scripts/test.sh) to plain text and
to PDF, in one call each, with a private profile. The text must hold the fiche's title and the
headings of its Markdown; the PDF must exist and be a PDF. The offline ODF rules (mimetype
first and stored, manifest) are checked on the ZIP itself.
"""
import html.parser
import pathlib
import re
import subprocess
import time
import zipfile

import pytest

from conftest import REPO, build, outside_tool, tool_environment

TRAMES = REPO / "content" / "fiches" / "trames-types"
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def trames() -> list[tuple[str, pathlib.Path]]:
    """(slug, Markdown file) of every trame-type of content/."""
    found = []
    for path in sorted(TRAMES.rglob("*.md")):
        slug = path.parent.name if path.name == "index.md" else path.stem
        found.append((slug, path))
    return found


def front_matter_and_headings(path: pathlib.Path) -> tuple[dict, list[str]]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    headings = []
    fenced = False
    for line in body.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if match and not fenced:
            # The text as LibreOffice writes it: inline Markdown marks removed.
            heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2))
            headings.append(re.sub(r"[*_`]", "", heading))
    return read_front_matter(front), headings


def read_front_matter(front: str) -> dict:
    """The title and the attachments (file, title) of a fiche's front matter, as written in content/."""
    def unquoted(value: str) -> str:
        value = value.strip()
        return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value
    title = next(unquoted(line[6:]) for line in front.splitlines() if line.startswith("title:"))
    files = [unquoted(m) for m in re.findall(r"^\s*- file:\s*(.+)$", front, re.M)]
    titles = [unquoted(m) for m in re.findall(r"^\s+title:\s*(.+)$", front, re.M)]
    return {"title": title, "attachments": [{"file": f, "title": t} for f, t in zip(files, titles)]}


def normalized(text: str) -> str:
    """Spaces as one, typographic apostrophes and non-breaking spaces as plain ones."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'").lstrip("\ufeff")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> pathlib.Path:
    output = tmp_path_factory.mktemp("odt") / "site"
    result = build(output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def documents(site) -> list[tuple[str, pathlib.Path, pathlib.Path]]:
    """(slug, Markdown file, generated .odt) of every trame."""
    found = []
    for slug, markdown in trames():
        odt = site / "fiches" / "trames-types" / slug / f"{slug}-modifiable.odt"
        assert odt.is_file(), f"no editable document for {markdown}"
        found.append((slug, markdown, odt))
    assert len(found) >= 5
    return found


@pytest.fixture(scope="module")
def converted(documents, tmp_path_factory) -> tuple[pathlib.Path, float]:
    """Every document converted to text and to PDF by LibreOffice (two calls), and how long it took."""
    soffice = outside_tool("soffice")
    out = tmp_path_factory.mktemp("libreoffice")
    profile = tmp_path_factory.mktemp("profil-libreoffice")
    files = [str(odt) for _, _, odt in documents]
    start = time.monotonic()
    for target in ("txt:Text (encoded):UTF8", "pdf"):
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(out), *files],
            capture_output=True, text=True, timeout=300, env=tool_environment(),
        )
        assert result.returncode == 0, result.stdout + result.stderr
    seconds = time.monotonic() - start
    print(f"\nLibreOffice : {len(files)} documents convertis en texte et en PDF en {seconds:.1f} s")
    return out, seconds


def test_only_trames_get_a_document(site, documents):
    generated = sorted(p.relative_to(site) for p in site.rglob("*-modifiable.odt"))
    assert generated == sorted(odt.relative_to(site) for _, _, odt in documents)


def test_odf_package_rules(documents):
    for slug, _, odt in documents:
        raw = odt.read_bytes()
        # The first local header: « mimetype », stored, no extra field, then the media type.
        assert raw[:4] == b"PK\x03\x04"
        assert raw[8:10] == b"\x00\x00", f"{slug}: mimetype compressed"
        name_length = int.from_bytes(raw[26:28], "little")
        extra_length = int.from_bytes(raw[28:30], "little")
        assert raw[30:30 + name_length] == b"mimetype" and extra_length == 0
        assert raw[30 + name_length:30 + name_length + len(MIMETYPE)] == MIMETYPE
        with zipfile.ZipFile(odt) as archive:
            assert archive.testzip() is None
            names = archive.namelist()
            assert names[0] == "mimetype"
            assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
            manifest = archive.read("META-INF/manifest.xml").decode()
            for part in ("content.xml", "styles.xml", "meta.xml"):
                assert part in names
                assert f'manifest:full-path="{part}"' in manifest
            assert f'manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE.decode()}"' in manifest


def test_libreoffice_reads_title_and_headings(documents, converted):
    out, _ = converted
    for slug, markdown, odt in documents:
        text_file = out / f"{odt.stem}.txt"
        assert text_file.is_file(), f"LibreOffice made no text of {odt.name}"
        text = normalized(text_file.read_text(encoding="utf-8"))
        front, headings = front_matter_and_headings(markdown)
        assert text.startswith(normalized(front["title"])), f"{slug}: the title comes first"
        assert headings, f"{slug} has headings"
        for heading in headings:
            assert normalized(heading) in text, f"{slug}: heading « {heading} » missing"


def test_libreoffice_makes_a_pdf(documents, converted):
    out, seconds = converted
    for _, _, odt in documents:
        pdf = out / f"{odt.stem}.pdf"
        assert pdf.is_file(), f"no PDF of {odt.name}"
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000
    assert seconds < 240, f"LibreOffice took {seconds:.0f} s"


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._current = [dict(attrs).get("href", ""), ""]

    def handle_data(self, data):
        if self._current is not None:
            self._current[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._current is not None:
            self.links.append(tuple(self._current))
            self._current = None


def test_page_offers_both_documents_clearly_labelled(site, documents):
    for slug, markdown, odt in documents:
        page = odt.parent / "index.html"
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        generated = [text for href, text in parser.links if href.endswith(f"{slug}-modifiable.odt")]
        assert len(generated) == 1, f"{slug}: one link to the generated document"
        size_kb = odt.stat().st_size
        assert generated[0].startswith("Télécharger en .odt (modifiable)")
        assert "(ODT, " in generated[0] and ("Ko" in generated[0] or "octets" in generated[0]), generated[0]
        assert size_kb > 0
        front, _ = front_matter_and_headings(markdown)
        for attachment in front.get("attachments") or []:
            if attachment["file"].endswith(".odt"):
                hand_made = [text for href, text in parser.links if href.endswith("/" + attachment["file"])]
                assert hand_made and hand_made[0].startswith(attachment["title"]), f"{slug}: the hand-made trame keeps its link"
                assert (odt.parent / attachment["file"]).read_bytes() == (markdown.parent / attachment["file"]).read_bytes()
