"""Readers: every format on small generated fixtures, and archives that try to hurt us."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pressparse import InputDoc
from pressparse.io import Fields, Limits, ReadReport, iter_items, parse_date, read
from pressparse.io.readers import count_items
from pressparse.schema import ErrorRecord
from pressparse.validation import InputError

RELEASE = (
    "Der Stadtrat tagt am Donnerstag, 1. Dezember 2016, um 17 Uhr im Ratssaal des Rathauses. "
    "Auf der Tagesordnung stehen der Haushalt 2017 und die Schulentwicklung. Die Sitzung ist "
    "öffentlich, interessierte Bürgerinnen und Bürger sind herzlich eingeladen."
)

HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Ratssitzung im Dezember</title>
<meta name="date" content="2016-11-24"><script>var x = "<p>kein Text</p>";</script></head>
<body><nav><a href="/">Startseite</a> | <a href="/presse">Presse</a></nav>
<article><h1>Ratssitzung im Dezember</h1><p>{RELEASE}</p>
<p>Weitere Informationen gibt es im Bürgerbüro der Stadtverwaltung.</p></article>
<footer>Impressum | Datenschutz</footer></body></html>"""


def items(path, **kwargs):
    report = kwargs.pop("report", ReadReport())
    return list(iter_items(path, report=report, **kwargs)), report


# -- plain text ------------------------------------------------------------------------------
def test_cp1252_text_is_decoded_and_the_encoding_reported(tmp_path: Path) -> None:
    (tmp_path / "pm.txt").write_bytes("Grüße aus Köln – 5 € Eintritt.".encode("cp1252"))
    (docs, report) = items(tmp_path / "pm.txt")
    assert docs == [InputDoc(id="pm", text="Grüße aus Köln – 5 € Eintritt.",
                             source=str(tmp_path / "pm.txt"))]
    assert report.encodings == {"cp1252": 1}
    assert report.pop_warnings("pm") == ["file was not UTF-8; decoded as cp1252"]


def test_utf8_text_with_bom_has_no_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffÄrger über Öffnungszeiten".encode())
    (docs, report) = items(tmp_path / "a.txt")
    assert docs[0].text == "Ärger über Öffnungszeiten"
    assert list(report.encodings) in (["utf-8"], ["utf-8-sig"]) and not report.warnings


def test_folder_order_is_sorted_and_ids_are_relative_paths(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a.txt", "b/1.txt", ".hidden.txt", "bild.jpg", "c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Text {name}", encoding="utf-8")
    (docs, report) = items(tmp_path)
    assert [d.id for d in docs] == ["a", "b/1", "b/2", "c"]
    assert report.skipped == {"unsupported file type .jpg": 1}
    assert [d.id for d in items(tmp_path)[0]] == [d.id for d in docs]  # stable
    assert count_items(tmp_path) == 4


# -- HTML ------------------------------------------------------------------------------------
def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    (tmp_path / "rat.html").write_text(HTML_PAGE, encoding="utf-8")
    (docs, _) = items(tmp_path / "rat.html")
    doc = docs[0]
    assert doc.id == "rat" and doc.title == "Ratssitzung im Dezember"
    assert doc.published == date(2016, 11, 24)
    assert "Donnerstag, 1. Dezember 2016" in doc.text
    assert "Startseite" not in doc.text and "Impressum" not in doc.text
    assert "kein Text" not in doc.text


def test_html_without_text_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "leer.html").write_text("<html><head><script>var a = 1;</script></head><body> </body></html>")
    (docs, _) = items(tmp_path / "leer.html")
    assert isinstance(docs[0], ErrorRecord) and "no extractable main text" in docs[0].error
    with pytest.raises(InputError, match="no extractable main text"):
        list(read(tmp_path / "leer.html"))
    assert list(read(tmp_path / "leer.html", errors="skip")) == []


# -- JSON Lines, JSON, CSV ---------------------------------------------------------------------
def test_jsonl_fields_are_configurable_and_bad_lines_are_error_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"uid": "pm-1", "body": RELEASE, "datum": "24.11.2016", "head": "Rat"}),
        "{broken json",
        json.dumps({"uid": "pm-3", "datum": "2016-11-25"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"body": "Ohne Kennung.", "datum": "irgendwann"}),
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fields = Fields(text="body", id="uid", published="datum", title="head")
    (docs, report) = items(tmp_path / "export.jsonl", fields=fields)
    assert [type(d).__name__ for d in docs] == [
        "InputDoc", "ErrorRecord", "ErrorRecord", "ErrorRecord", "InputDoc"]
    assert docs[0] == InputDoc(id="pm-1", text=RELEASE, published=date(2016, 11, 24),
                               title="Rat", source=f"{tmp_path / 'export.jsonl'}:1")
    assert docs[1].id == "export:2" and "not valid JSON" in docs[1].error
    assert docs[2].id == "pm-3" and "'body' is missing" in docs[2].error
    assert docs[3].id == "export:5" and "not a JSON object" in docs[3].error
    assert docs[4].id == "export:6" and docs[4].published is None
    assert "not understood" in report.pop_warnings("export:6")[0]
    assert count_items(tmp_path / "export.jsonl") == 5


def test_overlong_jsonl_line_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "x" * 5000}, {"id": "b", "text": "kurz"}]
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (docs, _) = items(tmp_path / "e.jsonl", limits=Limits(max_line_bytes=1000))
    assert isinstance(docs[0], ErrorRecord) and "longer than 1000" in docs[0].error
    assert docs[1].id == "b"


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "g1", "text": RELEASE,
                                                   "published": "2016-11-24"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A"}, 3]))
    (docs, _) = items(tmp_path)
    assert [d.id for d in docs] == ["many:1", "many:2", "g1"]
    assert isinstance(docs[1], ErrorRecord)


def test_csv_with_semicolons_multiline_cells_and_custom_fields(tmp_path: Path) -> None:
    content = (
        'Nr;Titel;Datum;Meldung\n'
        '17;Ratssitzung;24.11.2016;"Erste Zeile; mit Semikolon\nzweite Zeile"\n'
        '18;Sperrung;2016-11-25;Die Brücke wird gesperrt.\n'
    )
    (tmp_path / "portal.csv").write_bytes(content.encode("cp1252"))
    fields = Fields(text="Meldung", id="Nr", published="Datum", title="Titel")
    (docs, report) = items(tmp_path / "portal.csv", fields=fields)
    assert [(d.id, d.title, d.published) for d in docs] == [
        ("17", "Ratssitzung", date(2016, 11, 24)), ("18", "Sperrung", date(2016, 11, 25))]
    assert docs[0].text == "Erste Zeile; mit Semikolon\nzweite Zeile"
    assert report.encodings == {"cp1252": 1}
    (docs, _) = items(tmp_path / "portal.csv")  # default fields: no 'text' column
    assert isinstance(docs[0], ErrorRecord) and "no column 'text'" in docs[0].error


# -- WARC ------------------------------------------------------------------------------------
def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "t"}))

        def response(uri: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))

        request = StatusAndHeaders("GET /presse/1 HTTP/1.1", [("Host", "stadt.example")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://stadt.example/presse/1", "request", http_headers=request))
        response("https://stadt.example/presse/1", "text/html; charset=utf-8",
                 HTML_PAGE.encode())
        response("https://stadt.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" * 10)
        response("https://stadt.example/api", "application/json", b'{"a": 1}')
        response("https://stadt.example/leer", "text/html", b"<html><body></body></html>")


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    (docs, report) = items(tmp_path / "crawl.warc.gz")
    assert [d.id for d in docs] == ["https://stadt.example/presse/1",
                                    "https://stadt.example/leer"]
    assert docs[0].title == "Ratssitzung im Dezember" and "Ratssaal" in docs[0].text
    assert isinstance(docs[1], ErrorRecord)
    assert report.skipped == {"WARC warcinfo record": 1, "WARC request record": 1,
                              "WARC non-HTML response": 2}
    assert count_items(tmp_path / "crawl.warc.gz") == 2


# -- feeds -----------------------------------------------------------------------------------
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pressemitteilungen</title>
<item><title>Ratssitzung</title><guid>pm-2016-11-24</guid>
<link>https://stadt.example/pm/1</link><pubDate>Thu, 24 Nov 2016 10:00:00 +0100</pubDate>
<description><![CDATA[<p>{RELEASE}</p><p>Zweiter Absatz.</p>]]></description></item>
<item><title>Leer</title><link>https://stadt.example/pm/2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Stadt</title><id>urn:stadt</id>
<updated>2016-11-25T09:00:00Z</updated>
<entry><title>Brückensperrung</title><id>urn:pm:7</id><updated>2016-11-25T09:00:00Z</updated>
<content type="html">&lt;p&gt;Die Brücke wird am Montag gesperrt.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "presse.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "stadt.xml").write_text(ATOM, encoding="utf-8")
    (docs, _) = items(tmp_path)
    assert docs[0] == InputDoc(
        id="pm-2016-11-24", text=f"{RELEASE}\n\nZweiter Absatz.", published=date(2016, 11, 24),
        title="Ratssitzung", source=f"{tmp_path / 'presse.rss'}#1")
    assert isinstance(docs[1], ErrorRecord) and docs[1].id == "https://stadt.example/pm/2"
    assert (docs[2].id, docs[2].text, docs[2].published) == (
        "urn:pm:7", "Die Brücke wird am Montag gesperrt.", date(2016, 11, 25))


# -- archives --------------------------------------------------------------------------------
def test_zip_with_mixed_formats_and_a_nested_archive(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("x.txt", "Innen.")
    with zipfile.ZipFile(tmp_path / "presse.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2016/a.txt", RELEASE.encode("cp1252"))
        z.writestr("2016/b.html", HTML_PAGE)
        z.writestr("export.jsonl", json.dumps({"id": "j1", "text": "Hallo."}) + "\n")
        z.writestr("alt/inner.zip", inner.getvalue())
        z.writestr("__MACOSX/._a.txt", b"\x00\x01")
    (docs, report) = items(tmp_path / "presse.zip")
    assert [d.id for d in docs] == ["2016/a", "2016/b", "j1", "alt/inner/x"]
    assert docs[0].source == f"{tmp_path / 'presse.zip'}!2016/a.txt"
    assert report.encodings["cp1252"] == 1
    (tgz_docs, _) = items(_tar_of(tmp_path, {"2016/a.txt": RELEASE.encode()}))
    assert [d.id for d in tgz_docs] == ["2016/a"]


def _tar_of(tmp_path: Path, members: dict[str, bytes], name: str = "a.tar.gz") -> Path:
    path = tmp_path / name
    with tarfile.open(path, "w:gz") as t:
        for member, data in members.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return path


def test_zip_refuses_traversal_absolute_paths_links_and_bombs(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("link.txt")
    link.external_attr = (0o120777 << 16)
    with zipfile.ZipFile(tmp_path / "evil.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("../../outside.txt", "x")
        z.writestr("/etc/cron.d/job.txt", "x")
        z.writestr("C:/win.txt", "x")
        z.writestr(link, "/etc/passwd")
        z.writestr("bomb.txt", b"\0" * (8 * 1024 * 1024))
        z.writestr("ok.txt", RELEASE)
    (docs, _) = items(tmp_path / "evil.zip")
    errors = {d.source.split("!")[1]: d.error for d in docs if isinstance(d, ErrorRecord)}
    assert errors == {
        "../../outside.txt": "refused: path traversal ('..')",
        "/etc/cron.d/job.txt": "refused: absolute path",
        "C:/win.txt": "refused: absolute path",
        "link.txt": "refused: symbolic link",
        "bomb.txt": errors["bomb.txt"],
    }
    assert "zip bomb" in errors["bomb.txt"]
    assert [d.id for d in docs if isinstance(d, InputDoc)] == ["ok"]
    assert not (tmp_path.parent / "outside.txt").exists()


def test_zip_member_lying_about_its_size_is_capped(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "big.zip", "w", zipfile.ZIP_STORED) as z:
        z.writestr("big.txt", b"a" * 5000)
        z.writestr("small.txt", b"b" * 10)
    limits = Limits(max_file_bytes=1000)
    (docs, _) = items(tmp_path / "big.zip", limits=limits)
    assert isinstance(docs[0], ErrorRecord) and "over the limit" in docs[0].error
    assert docs[1].id == "small"


def test_archive_size_and_member_count_caps_stop_the_archive(tmp_path: Path) -> None:
    many = {f"m{i:03d}.txt": b"Text." for i in range(50)}
    (docs, _) = items(_tar_of(tmp_path, many), limits=Limits(max_archive_members=10))
    assert len([d for d in docs if isinstance(d, InputDoc)]) == 10
    assert "too many members" in docs[-1].error
    big = {f"m{i}.txt": b"x" * 4000 for i in range(10)}
    (docs, _) = items(_tar_of(tmp_path, big, "big.tar.gz"),
                      limits=Limits(max_archive_bytes=10_000))
    assert len([d for d in docs if isinstance(d, InputDoc)]) == 2
    assert isinstance(docs[-1], ErrorRecord) and "size limit" in docs[-1].error


def test_tar_refuses_traversal_links_and_devices(tmp_path: Path) -> None:
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as t:
        for name, kind, target in (
            ("../escape.txt", tarfile.REGTYPE, ""),
            ("sym.txt", tarfile.SYMTYPE, "/etc/passwd"),
            ("hard.txt", tarfile.LNKTYPE, "ok.txt"),
            ("dev.txt", tarfile.CHRTYPE, ""),
        ):
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = target
            t.addfile(info, io.BytesIO(b"") if kind == tarfile.REGTYPE else None)
        info = tarfile.TarInfo("ok.txt")
        info.size = len(RELEASE.encode())
        t.addfile(info, io.BytesIO(RELEASE.encode()))
    (docs, _) = items(path)
    assert [(d.id, d.error) for d in docs if isinstance(d, ErrorRecord)] == [
        ("../escape", "refused: path traversal ('..')"),
        ("sym", "refused: link"),
        ("hard", "refused: link"),
        ("dev", "refused: not a regular file"),
    ]
    assert [d.id for d in docs if isinstance(d, InputDoc)] == ["ok"]


def test_nesting_depth_is_limited(tmp_path: Path) -> None:
    level = b""
    for depth in range(3):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("t.txt", f"Ebene {depth}.")
            if level:
                z.writestr(f"n{depth}.zip", level)
        level = buffer.getvalue()
    (tmp_path / "deep.zip").write_bytes(level)
    (docs, _) = items(tmp_path / "deep.zip", limits=Limits(max_nesting=2))
    assert [d.id for d in docs if isinstance(d, InputDoc)] == ["t", "n2/t"]
    assert any(isinstance(d, ErrorRecord) and "nested too deeply" in d.error for d in docs)


def test_corrupt_archive_is_one_error_record(tmp_path: Path) -> None:
    (tmp_path / "kaputt.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (docs, _) = items(tmp_path / "kaputt.zip")
    assert len(docs) == 1 and "unreadable archive" in docs[0].error


def test_symlinks_in_folders_are_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "secret.txt").write_text("geheim")
    (tmp_path / "data" / "a.txt").write_text("Text.")
    (tmp_path / "data" / "b.txt").symlink_to(tmp_path / "secret.txt")
    (docs, _) = items(tmp_path / "data")
    assert docs[0].id == "a" and docs[1].error == "refused: symbolic link"


def test_missing_input_raises() -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_items("/nonexistent/pressparse-input"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-11-24", date(2016, 11, 24)), ("2016-11-24T10:00:00+01:00", date(2016, 11, 24)),
     ("24.11.2016", date(2016, 11, 24)), ("1. 2. 2017", date(2017, 2, 1)),
     ("31.02.2016", None), ("gestern", None), (None, None)],
)
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected
