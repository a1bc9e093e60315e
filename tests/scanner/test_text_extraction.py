"""extract_text: formats, encodings, zip bombs, corrupt and unsupported files."""

from __future__ import annotations

import codecs
import io
import time
import unicodedata
import zipfile

import openpyxl
import pytest
from docx import Document

from scanner.errors import ArchiveBomb, CorruptDocument, ExtractionError, UnsupportedFormat
from scanner.extract import choose_extractor, extract_text
from scanner.extractors.office import DocxExtractor, XlsxExtractor
from scanner.extractors.pdf import PdfExtractor

KOREAN = "환자 홍길동, 주민등록번호 900101-1234568, 연락처 010-1234-5678"
VIETNAMESE = "Bệnh nhân Nguyễn Văn An, số điện thoại 0912 345 678"


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese the legacy way: precomposed base letters, combining tone marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def make_pdf(text: str) -> bytes:
    """Build a one-page PDF whose content stream shows ``text`` (correct xref offsets)."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_docx() -> bytes:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "머리글 서울병원"
    document.add_paragraph(KOREAN)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "이름"
    table.cell(0, 1).text = "이메일"
    table.cell(1, 0).text = "Nguyễn Văn An"
    table.cell(1, 1).text = "an@benhvien.com.vn"
    document.add_paragraph("끝")
    document.sections[0].footer.paragraphs[0].text = "바닥글 page 1"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["이름", "전화", "나이"])
    sheet.append(["홍길동", "010-1234-5678", 34])
    sheet.append([None, None, None])
    second = workbook.create_sheet("vi")
    second.append(["Nguyễn Văn An", "0912 345 678"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_zero_bomb(megabytes: int) -> bytes:
    """A .docx-shaped zip whose document.xml inflates to ``megabytes`` MiB of zeros."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb_300mb() -> bytes:
    return make_zero_bomb(300)


# --- plain text and encodings -------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (KOREAN.encode("utf-8"), KOREAN),
        (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), KOREAN),
        (codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), KOREAN),
        (codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"), KOREAN),
        (KOREAN.encode("utf-16"), KOREAN),
        (KOREAN.encode("utf-16-le"), KOREAN),  # no BOM: NULs on one byte parity
        (KOREAN.encode("cp949"), KOREAN),
        (VIETNAMESE.encode("utf-8"), VIETNAMESE),
        (unicodedata.normalize("NFD", VIETNAMESE).encode("utf-8"), VIETNAMESE),
        (to_cp1258(VIETNAMESE), VIETNAMESE),
        (
            to_cp1258("Chẩn đoán: viêm họng cấp. Tái khám sau 7 ngày."),
            "Chẩn đoán: viêm họng cấp. Tái khám sau 7 ngày.",
        ),
        (b"name,phone\r\nAn,0912345678\r\n", "name,phone\r\nAn,0912345678\r\n"),
        (b"", ""),
    ],
)
def test_text_files_are_decoded_and_nfc_normalised(data, expected):
    assert extract_text(data, "notes.txt") == expected


@pytest.mark.parametrize("name", ["a.csv", "a.tsv", "a.md", "a.log", "a.json", "a.xml", "A.TXT"])
def test_every_text_extension_reads_as_text(name):
    assert extract_text(KOREAN.encode(), name) == KOREAN


def test_xml_keeps_its_tags():
    assert extract_text(b"<p><n>An</n></p>", "record.xml") == "<p><n>An</n></p>"


def test_html_tags_scripts_and_styles_are_stripped():
    page = (
        "<!DOCTYPE html><html><head><style>p{color:red}</style>"
        "<script>var secret = 1;</script></head><body><p>홍길동 &amp; An</p>"
        "<table><tr><td>전화</td><td>010-1234-5678</td></tr></table></body></html>"
    ).encode()
    text = extract_text(page, "page.html")
    assert "홍길동 & An" in text and "010-1234-5678" in text
    assert "<" not in text and "secret" not in text and "color" not in text


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50,
    ],
)
def test_binary_junk_is_an_unsupported_format(data):
    with pytest.raises(UnsupportedFormat):
        extract_text(data, "junk.txt")


@pytest.mark.parametrize("name", ["old.doc", "chart.hwp", "slides.ppt", "backup.7z"])
def test_known_binary_formats_we_do_not_read_are_unsupported(name):
    with pytest.raises(UnsupportedFormat):
        extract_text(b"\x00\x01binary", name)


# --- office documents and PDF -------------------------------------------------------


def test_docx_gives_header_body_table_and_footer_in_order():
    text = extract_text(make_docx(), "chart.docx")
    lines = text.split("\n")
    assert lines[0] == "머리글 서울병원"
    assert lines[1] == KOREAN
    assert "Nguyễn Văn An\tan@benhvien.com.vn" in lines
    assert lines.index("끝") > lines.index("이름\t이메일")
    assert lines[-1] == "바닥글 page 1"


def test_xlsx_gives_tab_separated_rows_of_every_sheet():
    text = extract_text(make_xlsx(), "roster.xlsx")
    assert text == "이름\t전화\t나이\n홍길동\t010-1234-5678\t34\n\nNguyễn Văn An\t0912 345 678"


def test_pdf_gives_the_page_text():
    assert "Patient phone 010-1234-5678" in extract_text(
        make_pdf("Patient phone 010-1234-5678"), "a.pdf"
    )


@pytest.mark.parametrize(
    ("data", "name", "extractor"),
    [
        (make_pdf("x"), "upload.bin", PdfExtractor),
        (make_pdf("x"), "upload", PdfExtractor),
        (make_docx(), "upload", DocxExtractor),
        (make_xlsx(), "upload.dat", XlsxExtractor),
    ],
)
def test_without_a_known_extension_magic_bytes_choose_the_extractor(data, name, extractor):
    assert choose_extractor(data, name) is extractor


def test_extracted_text_is_analysable_with_offsets_into_it(find):
    text = extract_text(make_docx(), "chart.docx")
    assert ("PHONE_NUMBER", "010-1234-5678") in find(text)


# --- corrupt documents and bombs ----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "label"),
    [
        (make_pdf("Patient 900101-1234568")[:200], "a.pdf", "PDF"),
        (b"%PDF-1.4 garbage 900101-1234568", "a.pdf", "PDF"),
        (b"not a pdf at all", "a.pdf", "PDF"),
        (b"PK\x03\x04 truncated 900101-1234568", "a.docx", "DOCX"),
        (make_zip({"hello.txt": b"900101-1234568"}), "a.docx", "DOCX"),
        (make_docx()[:500], "a.docx", "DOCX"),
        (b"garbage 900101-1234568", "a.xlsx", "XLSX"),
        (make_zip({"xl/workbook.xml": b"<broken 900101-1234568"}), "a.xlsx", "XLSX"),
    ],
)
def test_broken_documents_raise_corrupt_document_naming_the_format_only(data, name, label):
    with pytest.raises(CorruptDocument) as caught:
        extract_text(data, name)
    assert label in str(caught.value)
    assert "900101" not in str(caught.value)


def test_a_300_mb_zip_bomb_is_refused_fast_without_inflating(bomb_300mb, monkeypatch):
    def no_inflation(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflation)
    started = time.perf_counter()
    with pytest.raises(ArchiveBomb):
        extract_text(bomb_300mb, "bomb.docx")
    assert time.perf_counter() - started < 1.0
    assert len(bomb_300mb) < 2 * 1024 * 1024


def test_a_bomb_without_an_extension_is_sniffed_and_refused(bomb_300mb):
    assert choose_extractor(bomb_300mb, "upload") is DocxExtractor
    with pytest.raises(ArchiveBomb):
        extract_text(bomb_300mb, "upload")


def test_a_member_compressed_beyond_200_to_1_is_a_bomb_even_under_the_size_cap():
    with pytest.raises(ArchiveBomb):
        extract_text(make_zero_bomb(20), "small-bomb.docx")


def test_every_extraction_error_is_an_extraction_error():
    for error in (UnsupportedFormat, CorruptDocument, ArchiveBomb):
        assert issubclass(error, ExtractionError)
