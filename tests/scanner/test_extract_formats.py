"""extract_text for pptx, eml, zip, DICOM, OCR'd images and legacy encodings.

Every input is built here; nothing is read from disk except the OCR font when present.
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from docx import Document
from pptx import Presentation
from pptx.util import Inches, Pt
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from scanner.errors import (
    ArchiveBomb,
    CorruptDocument,
    ExtractionTimeout,
    UnsupportedFormat,
)
from scanner.extract import choose_extractor, extract_text
from scanner.extractors import image
from scanner.extractors.archive import ZipExtractor
from scanner.extractors.base import DEFAULT_ARCHIVE_LIMITS, ArchiveLimits
from scanner.extractors.dicom import DicomExtractor
from scanner.extractors.image import ImageExtractor
from scanner.extractors.mail import EmlExtractor
from scanner.extractors.office import PptxExtractor

KOREAN = "환자 홍길동, 주민등록번호 900101-1234568, 연락처 010-1234-5678"
DOCX_MIME = "vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HAS_TESSERACT = shutil.which("tesseract") is not None
# CI installs tesseract (.ci/run): there, a missing one is a failure, never a silent skip.
needs_tesseract = pytest.mark.skipif(
    not HAS_TESSERACT and not os.environ.get("CI"), reason="tesseract is not installed")


def make_docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def nest_zips(levels: int, innermost: dict[str, bytes]) -> bytes:
    """``levels`` zips, each holding the next as level-N.zip; the last holds ``innermost``."""
    data = make_zip(innermost)
    for level in range(levels - 1, 0, -1):
        data = make_zip({f"level-{level + 1}.zip": data})
    return data


def make_zero_member_zip(megabytes: int) -> bytes:
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("readme.txt", b"hello")
        with archive.open("zeros.bin", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


# --- pptx ---------------------------------------------------------------------------


def make_pptx() -> bytes:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])  # title only
    slide.shapes.title.text = "상담 기록"
    box = slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(6), Inches(1))
    box.text_frame.text = "Bệnh nhân Nguyễn Văn An"
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(3), Inches(6), Inches(1)).table
    table.cell(0, 0).text = "이름"
    table.cell(0, 1).text = "연락처"
    table.cell(1, 0).text = "김민지"
    table.cell(1, 1).text = "010-9876-5432"
    slide.notes_slide.notes_text_frame.text = "메모: 보호자 박서준"
    second = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    second.shapes.add_textbox(
        Inches(1), Inches(1), Inches(4), Inches(1)
    ).text_frame.text = "Slide two"
    second.shapes[0].text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def test_pptx_gives_text_frames_table_rows_and_notes():
    text = extract_text(make_pptx(), "consult.pptx")
    lines = text.split("\n")
    assert lines[0] == "상담 기록"
    assert "Bệnh nhân Nguyễn Văn An" in lines
    assert "이름\t연락처" in lines
    assert "김민지\t010-9876-5432" in lines
    assert lines.index("메모: 보호자 박서준") > lines.index("김민지\t010-9876-5432")
    assert text.endswith("\n\nSlide two")


def test_pptx_is_sniffed_without_an_extension():
    assert choose_extractor(make_pptx(), "upload") is PptxExtractor


def test_pptx_bomb_and_corrupt_pptx():
    bomb = make_zip({"ppt/presentation.xml": b"<p/>"})
    with pytest.raises(CorruptDocument, match="PPTX"):
        extract_text(bomb, "a.pptx")
    tiny = ArchiveLimits(max_total_bytes=10)
    with pytest.raises(ArchiveBomb, match="PPTX"):
        extract_text(make_pptx(), "a.pptx", limits=tiny)


# --- eml ----------------------------------------------------------------------------


def make_inner_mail() -> EmailMessage:
    inner = EmailMessage()
    inner["From"] = "Trần Thị Bình <binh@benhvien.vn>"
    inner["To"] = "clinic@example.kr"
    inner["Subject"] = "Lịch tái khám"
    inner.set_content("Số điện thoại: 0912 345 678")
    return inner


def make_mail() -> bytes:
    message = EmailMessage()
    message["From"] = "홍길동 <gildong@example.kr>"
    message["To"] = "원장 <director@clinic.kr>, nurse@clinic.kr"
    message["Cc"] = "Nguyễn Văn An <an@benhvien.com.vn>"
    message["Subject"] = "수술 상담 요청"
    message["Date"] = "Tue, 16 Jan 2024 09:30:00 +0900"
    message.set_content(KOREAN + "\n감사합니다.")
    message.add_attachment(
        make_docx("동의서: 환자 김민지"), "application", DOCX_MIME, filename="동의서.docx"
    )
    message.add_attachment(make_inner_mail())
    message.add_attachment(b"not a workbook", "application", XLSX_MIME, filename="broken.xlsx")
    return message.as_bytes(policy=SMTP)


def test_eml_gives_headers_body_and_attachments_recursively():
    text = extract_text(make_mail(), "request.eml")
    assert "From: 홍길동 <gildong@example.kr>" in text
    assert "To: 원장 <director@clinic.kr>, nurse@clinic.kr" in text
    assert "Cc: Nguyễn Văn An <an@benhvien.com.vn>" in text
    assert "Subject: 수술 상담 요청" in text
    assert "Date: Tue, 16 Jan 2024 09:30:00 +0900" in text
    assert KOREAN in text
    assert "=== attachment 동의서.docx ===\n동의서: 환자 김민지" in text
    assert "=== attachment attachment-2.eml ===" in text
    assert "From: Trần Thị Bình <binh@benhvien.vn>" in text
    assert "Số điện thoại: 0912 345 678" in text
    assert "[attachment broken.xlsx: could not be read (XLSX" in text
    assert text.index("감사합니다") < text.index("동의서: 환자 김민지")


def test_eml_html_body_is_stripped_and_euc_kr_label_decodes_cp949():
    message = EmailMessage()
    message["From"] = "a@example.kr"
    message["Subject"] = "html"
    message.set_content("<p>환자 <b>홍길동</b></p><script>x=1</script>", subtype="html")
    assert "환자 홍길동" in extract_text(message.as_bytes(), "a.eml")
    assert "x=1" not in extract_text(message.as_bytes(), "a.eml")

    body = "똠방각하 홍길동".encode("cp949")  # 똠 is in CP949 only, not in EUC-KR proper
    raw = (
        b"From: a@example.kr\r\nSubject: legacy\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=euc-kr\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body
    )
    assert "똠방각하 홍길동" in extract_text(raw, "legacy.eml")
    assert choose_extractor(raw, "upload") is EmlExtractor


def test_eml_with_a_zip_bomb_attachment_is_a_bomb():
    message = EmailMessage()
    message["From"] = "a@example.kr"
    message["Subject"] = "bomb"
    message.set_content("see attached")
    message.add_attachment(make_zero_member_zip(30), "application", "zip", filename="x.zip")
    with pytest.raises(ArchiveBomb):
        extract_text(message.as_bytes(), "bomb.eml")


# --- zip ----------------------------------------------------------------------------


def test_zip_nested_two_deep_prefixes_each_member_with_its_path():
    inner = make_zip({"chart.docx": make_docx(KOREAN), "note.txt": "김민지".encode()})
    middle = make_zip({"inner.zip": inner, "list.csv": b"name,phone\nAn,0912345678"})
    outer = make_zip({"dir/": b"", "middle.zip": middle, "readme.txt": b"top"})
    text = extract_text(outer, "export.zip")
    assert text.split("\n") == [
        "=== middle.zip ===",
        "=== middle.zip/inner.zip ===",
        "=== middle.zip/inner.zip/chart.docx ===",
        KOREAN,
        "=== middle.zip/inner.zip/note.txt ===",
        "김민지",
        "=== middle.zip/list.csv ===",
        "name,phone",
        "An,0912345678",
        "=== readme.txt ===",
        "top",
    ]


def test_zip_three_deep_is_read_and_four_deep_is_a_bomb():
    assert "deep secret" in extract_text(nest_zips(3, {"a.txt": b"deep secret"}), "a.zip")
    with pytest.raises(ArchiveBomb, match="nesting"):
        extract_text(nest_zips(4, {"a.txt": b"deep secret"}), "a.zip")


def test_a_300_mb_zero_member_is_refused_fast_without_inflating(monkeypatch):
    bomb = make_zero_member_zip(300)

    def no_inflation(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflation)
    started = time.perf_counter()
    with pytest.raises(ArchiveBomb):
        extract_text(bomb, "bomb.zip")
    assert time.perf_counter() - started < 1.0
    assert len(bomb) < 2 * 1024 * 1024


def test_ratio_member_count_and_total_limits_each_raise_archive_bomb():
    with pytest.raises(ArchiveBomb, match="200:1"):
        extract_text(make_zero_member_zip(20), "small-bomb.zip")
    many = make_zip({f"{i}.txt": b"x" for i in range(5)})
    with pytest.raises(ArchiveBomb, match="members"):
        extract_text(many, "many.zip", limits=ArchiveLimits(max_members=4))
    big = make_zip({"a.txt": b"a" * 600})
    with pytest.raises(ArchiveBomb, match="inflate"):
        extract_text(big, "big.zip", limits=ArchiveLimits(max_total_bytes=500))


def test_the_inflation_budget_is_shared_across_nesting_levels():
    inner = make_zip({"a.txt": b"a" * 400})
    outer = make_zip({"one.zip": inner, "two.zip": inner})
    limits = ArchiveLimits(max_total_bytes=1000)
    assert len(inner) * 2 < 1000  # each archive alone is under the limit
    with pytest.raises(ArchiveBomb):
        extract_text(outer, "outer.zip", limits=limits)


def test_archive_limits_are_a_frozen_value_with_the_documented_defaults():
    assert (
        ArchiveLimits(
            max_total_bytes=200 * 1024 * 1024,
            max_member_ratio=200,
            ratio_check_min_bytes=1024 * 1024,
            max_members=10_000,
            max_depth=3,
        )
        == DEFAULT_ARCHIVE_LIMITS
    )
    with pytest.raises(AttributeError):
        DEFAULT_ARCHIVE_LIMITS.max_depth = 9  # type: ignore[misc]


def set_encrypted_flag(data: bytes, name: bytes) -> bytes:
    """Set the 'encrypted' bit of member ``name`` in its local and central headers."""
    out = bytearray(data)
    for signature, flag_offset, name_offset in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = out.find(signature)
        while start != -1:
            if out[start + name_offset : start + name_offset + len(name)] == name:
                out[start + flag_offset] |= 0x1
            start = out.find(signature, start + 1)
    return bytes(out)


def test_encrypted_and_failing_members_are_noted_and_the_rest_is_read():
    archive = make_zip(
        {
            "secret.txt": b"900101-1234568",
            "broken.docx": b"PK\x03\x04 not really",
            "binary.txt": bytes(range(256)),
            "ok.txt": "홍길동".encode(),
        }
    )
    text = extract_text(set_encrypted_flag(archive, b"secret.txt"), "mixed.zip")
    assert "=== secret.txt ===\n[member secret.txt: skipped (encrypted)]" in text
    assert "900101" not in text
    assert "[member broken.docx: could not be read (DOCX file is not a valid zip archive)]" in text
    assert "[member binary.txt: could not be read (data looks binary" in text
    assert "=== ok.txt ===\n홍길동" in text


def test_zip_sniffing_and_a_corrupt_zip():
    assert choose_extractor(make_zip({"a.txt": b"x"}), "upload.bin") is ZipExtractor
    with pytest.raises(CorruptDocument, match="ZIP"):
        extract_text(b"\x00\x01binary 900101-1234568", "archive.zip")


# --- DICOM --------------------------------------------------------------------------


def make_dicom() -> bytes:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"  # secondary capture
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    dataset = Dataset()
    dataset.file_meta = meta
    dataset.SpecificCharacterSet = "ISO_IR 192"
    dataset.SOPClassUID = meta.MediaStorageSOPClassUID
    dataset.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    dataset.PatientName = "홍^길동"
    dataset.PatientID = "MRN-20240117"
    dataset.PatientBirthDate = "19800101"
    dataset.PatientSex = "M"
    dataset.PatientAddress = "서울특별시 강남구 테헤란로 123"
    dataset.ReferringPhysicianName = "Nguyen^Van An"
    dataset.InstitutionName = "서울성형외과"
    dataset.StudyDate = "20240117"
    dataset.AccessionNumber = "ACC-7781"
    dataset.StudyDescription = "Rhinoplasty follow-up"
    other = Dataset()
    other.PatientID = "OLD-0042"
    dataset.OtherPatientIDsSequence = [other]
    dataset.Rows = dataset.Columns = 2
    dataset.BitsAllocated = dataset.BitsStored = 8
    dataset.HighBit = 7
    dataset.SamplesPerPixel = 1
    dataset.PixelRepresentation = 0
    dataset.PhotometricInterpretation = "MONOCHROME2"
    dataset.PixelData = b"PIXL"
    buffer = io.BytesIO()
    dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def test_dicom_gives_patient_and_study_tags_without_pixel_data():
    text = extract_text(make_dicom(), "scan.dcm")
    lines = text.split("\n")
    assert lines[:3] == [
        "Patient's Name: 홍길동",
        "Patient ID: MRN-20240117",
        "Patient's Birth Date: 1980-01-01",
    ]
    for line in (
        "Patient's Address: 서울특별시 강남구 테헤란로 123",
        "Referring Physician's Name: Nguyen Van An",
        "Institution Name: 서울성형외과",
        "Study Date: 2024-01-17",
        "Accession Number: ACC-7781",
        "Study Description: Rhinoplasty follow-up",
        "Other Patient IDs Sequence > Patient ID: OLD-0042",
    ):
        assert line in lines
    assert "PIXL" not in text
    assert "1.2.840" not in text  # UIDs are left out


def test_dicom_is_sniffed_by_its_magic_and_truncation_is_corrupt():
    data = make_dicom()
    assert choose_extractor(data, "IMG0001") is DicomExtractor
    cut = data.index(b"MRN-2024") + 4  # inside the Patient ID value
    with pytest.raises(CorruptDocument, match="DICOM") as caught:
        extract_text(data[:cut], "scan.dcm")
    assert "MRN" not in str(caught.value)
    with pytest.raises(CorruptDocument, match="DICOM"):
        extract_text(b"\x00" * 64, "scan.dcm")


# --- images through OCR ---------------------------------------------------------------


def make_text_image(lines: list[str], fmt: str = "PNG") -> bytes:
    pil_image = pytest.importorskip("PIL.Image")
    pil_draw = pytest.importorskip("PIL.ImageDraw")
    pil_font = pytest.importorskip("PIL.ImageFont")
    try:
        font = pil_font.truetype("DejaVuSans.ttf", 40)
    except OSError:
        font = pil_font.load_default(size=40)
    picture = pil_image.new("RGB", (1100, 80 + 70 * len(lines)), "white")
    draw = pil_draw.Draw(picture)
    for row, line in enumerate(lines):
        draw.text((40, 40 + 70 * row), line, fill="black", font=font)
    buffer = io.BytesIO()
    picture.save(buffer, fmt)
    return buffer.getvalue()


@needs_tesseract
@pytest.mark.parametrize(("fmt", "name"), [("PNG", "scan.png"), ("JPEG", "scan.jpg")])
def test_ocr_reads_rendered_words(fmt, name):
    data = make_text_image(["Patient Kim Minji", "Phone 010-9876-5432"], fmt)
    text = extract_text(data, name)
    assert "Patient" in text and "Minji" in text
    assert "010-9876-5432" in text


@needs_tesseract
def test_ocr_of_a_tiff_without_extension_and_of_a_broken_image():
    data = make_text_image(["Consent form signed"], "TIFF")
    assert choose_extractor(data, "upload") is ImageExtractor
    assert "Consent form signed" in extract_text(data, "upload")
    with pytest.raises(CorruptDocument, match="image"):
        extract_text(b"\x89PNG\r\n\x1a\n broken 900101-1234568", "scan.png")


@needs_tesseract
def test_ocr_past_its_timeout_is_an_extraction_timeout(monkeypatch):
    monkeypatch.setattr(ImageExtractor, "timeout_seconds", 0.001)
    with pytest.raises(ExtractionTimeout):
        extract_text(make_text_image(["slow"]), "scan.png")


def test_without_tesseract_images_are_unsupported_and_noted_in_archives(monkeypatch):
    monkeypatch.setattr(image, "find_tesseract", lambda: None)
    picture = b"\x89PNG\r\n\x1a\n" + bytes(64)
    with pytest.raises(UnsupportedFormat, match="OCR needs tesseract"):
        extract_text(picture, "scan.png")
    text = extract_text(make_zip({"scan.png": picture, "a.txt": b"ok"}), "scans.zip")
    assert "[member scan.png: could not be read (OCR needs tesseract (apt-get install" in text
    assert "=== a.txt ===\nok" in text


# --- encodings ------------------------------------------------------------------------


def test_euc_kr_text_decodes_through_cp949():
    assert extract_text(KOREAN.encode("euc-kr"), "legacy.txt") == KOREAN


def test_mis_encoded_text_is_a_per_file_error_naming_no_content():
    """UTF-8 and CP949 mixed in one file decode under no candidate encoding: UnsupportedFormat
    for that file (a member of an archive is noted instead), never a guess."""
    data = "이름 홍길동\n".encode() + "주민번호 900101-1234568\n".encode("cp949")
    with pytest.raises(UnsupportedFormat) as caught:
        extract_text(data, "mixed.txt")
    assert "900101" not in str(caught.value)
    text = extract_text(make_zip({"mixed.txt": data, "ok.txt": b"fine"}), "two.zip")
    assert "[member mixed.txt: could not be read (data is not text" in text
    assert "=== ok.txt ===\nfine" in text


def test_text_in_an_unlisted_single_byte_code_page_is_decoded_best_effort():
    """Latin-1 is not a candidate; it decodes as CP1258 (same ASCII, near-same letters),
    so identifiers survive even where accented letters may not."""
    data = "Patient: José Müller, tel. 010-1234-5678".encode("latin-1")
    text = extract_text(data, "latin1.txt")
    assert "José" in text and "010-1234-5678" in text
