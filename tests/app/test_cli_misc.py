"""`expunge analyze` contract, --help everywhere, and the demo."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from expunge.cli import app

COMMANDS = ["analyze", "scan", "findings", "plan", "approve", "enforce", "audit verify",
            "audit list", "holds add", "holds list", "holds release", "worker", "demo", "init",
            "certificate export", "certificate verify", "rules check", "explain", "reconcile",
            "scheduler"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_analyze_prints_one_line_per_file_with_offsets_into_its_text(tmp_path: Path,
                                                                     rrn_of) -> None:
    number = rrn_of("850315123456")
    (tmp_path / "a.txt").write_text(f"주민등록번호: {number}\n연락처 010-2345-6789\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Email: an.nguyen@example.vn\n")
    (tmp_path / "sub" / "c.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1  # c.docx failed, the others were analysed
    lines = {Path(d["path"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert set(lines) == {"a.txt", "b.txt", "c.docx"}
    assert "error" in lines["c.docx"] and "findings" not in lines["c.docx"]
    text = (tmp_path / "a.txt").read_text()
    assert lines["a.txt"]["language"] == "ko"
    spans = {f["entity_type"]: text[f["start"]:f["end"]] for f in lines["a.txt"]["findings"]}
    assert spans["KR_RRN"] == number
    assert "010-2345-6789" in spans["PHONE_NUMBER"]
    assert [f["entity_type"] for f in lines["b.txt"]["findings"]] == ["EMAIL_ADDRESS"]
    for finding in lines["a.txt"]["findings"]:
        assert set(finding) == {"entity_type", "start", "end", "score"}


def test_the_demo_runs_twice_and_touches_nothing_outside_its_folder(tmp_path: Path,
                                                                    monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keep.txt").write_text("mine")
    for _ in range(2):
        result = CliRunner().invoke(app, ["demo", "--seed", "3", "--dir", "d"])
        assert result.exit_code == 0, result.output
        assert "enforcement" in result.output and "done" in result.output
        assert "audit chain: intact" in result.output
    assert sorted(os.listdir(tmp_path)) == ["d", "keep.txt"]
    assert list((tmp_path / "d" / "certificates").glob("*.html"))


def test_the_demo_refuses_to_clear_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("x")
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert (tmp_path / "precious.txt").exists()
