"""`expunge certificate export RUN --pdf FILE`: a readable PDF with the certificate's facts."""

from __future__ import annotations

import hashlib
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import Cli
from workers.certificate import NO_FONT_NOTE, hangul_font, render_pdf

TODAY = "2026-11-25"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@pytest.fixture
def certificate(cli: Cli, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The JSON certificate of a run that deleted the old prescription."""
    cli("scan", expect=1)
    plan = {r["item"]: r for r in cli.json("plan", "--today", TODAY)}
    cli("approve", str(plan["rx/old-rx.txt"]["disposition"]))
    cli("enforce")
    [path] = (tmp_path / "certificates").glob("*.json")
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_the_pdf_carries_the_run_the_count_and_the_hashes(
        cli: Cli, certificate: tuple[Path, dict[str, Any]], tmp_path: Path, clinic: Any) -> None:
    path, body = certificate
    out, pdf = tmp_path / "export", tmp_path / "pdf" / "certificate.pdf"
    cli("certificate", "export", body["certificate"], "--out", str(out), "--pdf", str(pdf))
    text = pdf_text(pdf.read_bytes())
    assert body["certificate"] in text
    assert "verified: 1; not executed: 0" in text
    assert body["audit_head_before_issue"] in text
    assert json.loads((out / path.name).read_text())["certificate"] == body["certificate"]
    assert "rx/old-rx.txt" in text and "prescription" in text and "2012-01-01" in text
    assert "의료법 시행규칙" in text  # the basis, in Korean
    for secret in clinic.secrets:
        assert secret not in text
    cli("certificate", "verify", str(out / path.name))


def test_the_pdf_names_the_json_hash_that_verify_checks(
        cli: Cli, certificate: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, body = certificate
    cli("certificate", "export", body["certificate"], "--out", str(tmp_path / "x"),
        "--pdf", str(tmp_path / "c.pdf"))
    digest = hashlib.sha256((tmp_path / "x" / path.name).read_bytes()).hexdigest()
    assert digest in pdf_text((tmp_path / "c.pdf").read_bytes())


def test_this_machine_has_a_font_with_hangul() -> None:
    assert hangul_font() is not None, "install fonts-nanum (see .ci/run)"


def test_without_a_hangul_font_the_pdf_says_so_and_stays_readable(
        certificate: tuple[Path, dict[str, Any]]) -> None:
    _, body = certificate
    text = pdf_text(render_pdf(body, "e" * 64, font=None))
    assert " ".join(NO_FONT_NOTE.split()[:6]) in " ".join(text.split())
    assert body["certificate"] in text and "e" * 64 in text
    assert "Medical Service Act" in text


def test_exporting_an_unknown_run_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    cli("certificate", "export", "no-such-run", "--pdf", str(tmp_path / "x.pdf"), expect=2)
    assert not (tmp_path / "x.pdf").exists()
