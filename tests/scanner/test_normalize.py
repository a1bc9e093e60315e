"""Full-width forms are read as ASCII, with offsets into the text as written."""

from __future__ import annotations

from scanner.normalize import fold_width


def test_full_width_forms_fold_one_character_for_one() -> None:
    text = "연락처：０１０－１２３４－５６７８\u3000ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"
    folded = fold_width(text)
    assert folded == "연락처:010-1234-5678 hong@example.com"
    assert len(folded) == len(text)


def test_text_without_full_width_forms_is_returned_as_is() -> None:
    text = "Phone 010-1234-5678, 서울"
    assert fold_width(text) is text


def test_the_engine_finds_full_width_values_at_their_offsets(find) -> None:  # type: ignore[no-untyped-def]
    text = "연락처：０１０－１２３４－５６７８ / 이메일 ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"
    assert find(text) == [
        ("PHONE_NUMBER", "０１０－１２３４－５６７８"),
        ("EMAIL_ADDRESS", "ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ]
