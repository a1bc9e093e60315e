"""The labeled corpus: reproducible, offsets right, identifiers valid, decoys unlabeled."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date
from pathlib import Path

from bench import corpus
from bench.corpus import ENTITY_TYPES, LANGUAGES, Builder, generate

DOCS = generate(7, 240)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _values(entity_type: str) -> list[str]:
    return [d.text[s.start : s.end] for d in DOCS for s in d.spans if s.entity_type == entity_type]


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert generate(7, 240) == DOCS
    assert generate(8, 240) != DOCS


def test_builder_records_offsets_as_it_appends() -> None:
    b = Builder().add("이름: ", ("PERSON", "홍길동"), "님").line(" tel ", ("PHONE_NUMBER", "010"))
    assert b.text() == "이름: 홍길동님 tel 010\n"
    assert [b.text()[s.start : s.end] for s in b.spans] == ["홍길동", "010"]


def test_spans_are_inside_the_text_nonempty_and_not_padded() -> None:
    for doc in DOCS:
        for span in doc.spans:
            value = doc.text[span.start : span.end]
            assert 0 <= span.start < span.end <= len(doc.text)
            assert value == value.strip() and value


def test_every_language_and_entity_type_occurs() -> None:
    assert Counter(d.language for d in DOCS) == {lang: 80 for lang in LANGUAGES}
    found = {s.entity_type for d in DOCS for s in d.spans}
    assert found == set(ENTITY_TYPES)
    assert any(not d.spans for d in DOCS), "negatives (no personal data) are part of the corpus"


def test_rrns_carry_valid_check_digits() -> None:
    for value in _values("KR_RRN"):
        digits = _digits(value)
        assert len(digits) == 13
        foreigner = digits[6] in "5678"
        assert int(digits[12]) == corpus.rrn_check(digits[:12], foreigner)
        date(int(digits[:2]) + (1900 if digits[6] in "1256" else 2000),
             int(digits[2:4]), int(digits[4:6]))  # fmt: skip


def test_brn_and_cards_and_ibans_are_valid() -> None:
    for value in _values("KR_BRN"):
        d = [int(c) for c in _digits(value)]
        assert d[0] != 0 and d[3:5] != [0, 0]
        weighted = sum(a * w for a, w in zip(d, corpus.BRN_WEIGHTS, strict=False))
        assert (weighted + d[8] * 5 // 10 + d[9]) % 10 == 0
    for value in _values("CREDIT_CARD"):
        d = [int(c) for c in _digits(value)]
        assert corpus.luhn_digit(d[:-1]) == d[-1]
    for value in _values("IBAN_CODE"):
        raw = value.replace(" ", "")
        assert int("".join(str(int(c, 36)) for c in raw[4:] + raw[:4])) % 97 == 1


def test_vietnamese_ids_use_real_province_and_century_codes() -> None:
    for value in _values("VN_NATIONAL_ID"):
        assert len(value) in (9, 12) and value.isdigit()
        if len(value) == 12:
            assert value[:3] in corpus.VN_PROVINCES
            assert value[3] in "0123"


def test_decoys_are_not_valid_identifiers() -> None:
    rng = random.Random(1)
    for _ in range(200):
        card = _digits(corpus.credit_card(rng, valid=False))
        assert corpus.luhn_digit([int(c) for c in card[:-1]]) != int(card[-1])
        rrn = _digits(corpus.kr_rrn(rng, date(1980, 5, 5), valid=False))
        assert corpus.rrn_check(rrn[:12], False) != int(rrn[12])


def test_marketing_and_instruction_texts_hold_no_gold_spans() -> None:
    negatives = [d for d in DOCS if d.kind in ("marketing", "instructions")]
    assert {d.kind for d in negatives} == {"marketing", "instructions"}
    assert all(not d.spans for d in negatives)


def test_dump_writes_text_and_gold(tmp_path: Path) -> None:
    corpus.main(["--dump", str(tmp_path), "--docs", "6", "--seed", "3"])
    doc = generate(3, 6)[0]
    assert (tmp_path / f"{doc.doc_id}.txt").read_text(encoding="utf-8") == doc.text
    gold = json.loads((tmp_path / f"{doc.doc_id}.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in gold["spans"]] == [doc.text[s.start : s.end] for s in doc.spans]
