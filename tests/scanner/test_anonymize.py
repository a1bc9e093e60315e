"""redact(): detected spans become [ENTITY_TYPE], whatever their overlaps and offsets."""

from __future__ import annotations

import pytest

from scanner.anonymize import redact
from scanner.engine import Detection


def d(entity: str, start: int, end: int, score: float = 0.9) -> Detection:
    return Detection(entity, start, end, score)


@pytest.mark.parametrize(
    ("text", "detections", "expected"),
    [
        ("nothing here", [], "nothing here"),
        ("call 010-1234-5678 now", [d("PHONE_NUMBER", 5, 18)], "call [PHONE_NUMBER] now"),
        ("010-1234-5678", [d("PHONE_NUMBER", 0, 13)], "[PHONE_NUMBER]"),
        # order of the detections does not matter
        ("a x b y c", [d("B", 6, 7), d("A", 2, 3)], "a [A] b [B] c"),
        # adjacent spans stay separate
        ("xxyy", [d("A", 0, 2), d("B", 2, 4)], "[A][B]"),
        # overlapping: merged, labelled by the higher score
        ("abcdefgh", [d("LOW", 1, 5, 0.5), d("HIGH", 3, 7, 0.95)], "a[HIGH]h"),
        # nested: the outer (longer) wins on a tie of scores
        ("abcdefgh", [d("INNER", 2, 4), d("OUTER", 1, 7)], "a[OUTER]h"),
        # a chain of overlaps is one region
        ("0123456789", [d("A", 1, 4), d("B", 3, 6), d("C", 5, 8)], "0[A]89"),
        # identical spans of two types: one label
        ("me@x.org", [d("EMAIL_ADDRESS", 0, 8, 1.0), d("URL", 0, 8, 0.5)], "[EMAIL_ADDRESS]"),
        # empty and out-of-range spans are clipped or ignored
        ("abc", [d("A", 1, 1), d("B", 2, 99), d("C", -5, 1)], "[C]b[B]"),
    ],
)
def test_redact_table(text: str, detections: list[Detection], expected: str) -> None:
    assert redact(text, detections) == expected


def test_offsets_are_characters_in_korean_text() -> None:
    rrn, phone = "850315-1234561", "010-9876-5432"
    text = f"환자명: 김민준\n주민등록번호는 {rrn}\n연락처: {phone}\n"
    found = [
        d("KR_RRN", text.index(rrn), text.index(rrn) + len(rrn)),
        d("PHONE_NUMBER", text.index(phone), text.index(phone) + len(phone)),
        d("PERSON", text.index("김민준"), text.index("김민준") + 3),
    ]
    expected = "환자명: [PERSON]\n주민등록번호는 [KR_RRN]\n연락처: [PHONE_NUMBER]\n"
    assert redact(text, found) == expected


def test_redacting_what_the_engine_finds_leaves_nothing_to_find(engine, rrn_of) -> None:
    rrn = rrn_of("850315123456")
    text = f"환자 주민등록번호 {rrn}, 연락처 010-9876-5432, kim.minjun@example.org\n"
    redacted = redact(text, engine.analyze(text).detections)
    assert "[KR_RRN]" in redacted and "[PHONE_NUMBER]" in redacted
    assert "[EMAIL_ADDRESS]" in redacted
    assert engine.analyze(redacted).detections == []
    assert redact(redacted, []) == redacted
