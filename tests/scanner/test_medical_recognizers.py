"""MEDICAL_CONDITION, MEDICAL_PROCEDURE, MEDICATION: term lists in ko/vi/en, spans and decoys."""

from __future__ import annotations

import dataclasses
import random
import unicodedata

import pytest

from bench.corpus import generate
from scanner.recognizers.medical import (
    DOSE_SCORE,
    ENTITIES,
    MARKETING,
    OFFER_WORDS,
    PRICE_LIST,
    RARE_WORDS,
    TERM_SCORE,
    LoweredTerms,
    MedicalTermRecognizer,
    TermIndex,
    compile_terms,
    packaged_index,
    packaged_term_files,
    term_key,
)

C, P, M = "MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"


@pytest.fixture(scope="module")
def medical(find):
    """Return ``medical(text)`` → [(type, value)] for the three health types only."""

    def _medical(text: str, language: str | None = None) -> list[tuple[str, str]]:
        return [found for found in find(text, language=language) if found[0] in ENTITIES]

    return _medical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("쌍꺼풀 수술 후 3일째 내원", [(P, "쌍꺼풀 수술")]),
        ("쌍꺼풀수술을 받았습니다", [(P, "쌍꺼풀수술")]),
        ("코성형 상담, 코 성형 재상담", [(P, "코성형"), (P, "코 성형")]),
        ("안면윤곽과 지방흡입, 가슴성형", [(P, "안면윤곽"), (P, "지방흡입"), (P, "가슴성형")]),
        ("사각턱 보톡스 50유닛, 필러는 다음에", [(P, "사각턱 보톡스"), (P, "필러")]),
        ("실리프팅 및 눈밑지방재배치 예정", [(P, "실리프팅"), (P, "눈밑지방재배치")]),
        ("과거력: 고혈압이 있고 당뇨병 약 복용", [(C, "고혈압"), (C, "당뇨병")]),
        ("갑상선 기능 저하증, 켈로이드 체질", [(C, "갑상선 기능 저하증"), (C, "켈로이드 체질")]),
        ("페니실린 알레르기 있음. 우울증 치료 중", [(C, "페니실린 알레르기"), (C, "우울증")]),
        ("현재 임신 중이라 수술 불가", [(C, "임신 중")]),
        ("HIV 음성, B형간염 보균자", [(C, "HIV"), (C, "B형간염")]),
        (
            "처방: 아목시실린 500mg, 이부프로펜 200 mg",
            [(M, "아목시실린 500mg"), (M, "이부프로펜 200 mg")],
        ),
        ("세파클러와 아세트아미노펜 복용", [(M, "세파클러"), (M, "아세트아미노펜")]),
        ("리도카인 2% 국소마취", [(M, "리도카인 2%"), (P, "국소마취")]),
        ("타이레놀 복용 중", [(M, "타이레놀")]),
        ("botox를 맞았어요", [(P, "botox")]),
        # broader lists: complications, lay terms, brands, revision surgery
        ("구형구축 의심, 혈종 없음", [(C, "구형구축"), (C, "혈종")]),
        (
            "다낭성 난소 증후군, 역류성 식도염 병력",
            [(C, "다낭성 난소 증후군"), (C, "역류성 식도염")],
        ),
        (
            "사각턱 수술 후 귀족수술 상담, 휜코 교정 재수술",
            [(P, "사각턱 수술"), (P, "귀족수술"), (P, "휜코 교정"), (P, "재수술")],
        ),
        ("신지로이드 0.1mg, 울트라셋 복용", [(M, "신지로이드 0.1mg"), (M, "울트라셋")]),
        ("후시딘 연고, 박트로반 도포", [(M, "후시딘"), (M, "박트로반")]),
        ("나보타 50유닛, 쥬비덤 1cc", [(M, "나보타"), (M, "쥬비덤 1cc")]),
        # decoys
        ("코가 막혀서 내원", []),
        ("임신부 할인 이벤트 진행 중!", []),
        ("필러 특가 이벤트, 선착순 100명", []),
        ("쌍수를 들고 환영합니다", []),
        ("수술 일정 변경 안내", []),
        ("주사 맞을 때 아팠어요", []),
        ("유산균 복용 중", []),
    ],
)
def test_korean_table(medical, text, expected):
    assert medical(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiền sử: tăng huyết áp, tiểu đường", [(C, "tăng huyết áp"), (C, "tiểu đường")]),
        ("Bệnh nhân dị ứng penicillin, viêm gan B", [(C, "dị ứng penicillin"), (C, "viêm gan B")]),
        ("Chị đang mang thai 3 tháng", [(C, "đang mang thai")]),
        ("Chẩn đoán trầm cảm", [(C, "trầm cảm")]),
        ("Đã nâng mũi và cắt mí mắt năm 2020", [(P, "nâng mũi"), (P, "cắt mí mắt")]),
        (
            "Hút mỡ bụng, nâng ngực, căng da mặt",
            [(P, "Hút mỡ bụng"), (P, "nâng ngực"), (P, "căng da mặt")],
        ),
        ("Đơn thuốc: amoxicilin 500mg, paracetamol", [(M, "amoxicilin 500mg"), (M, "paracetamol")]),
        ("Kê đơn kháng sinh 7 ngày", [(M, "kháng sinh")]),
        # Vietnamese spellings of English INNs: final e dropped, -cilin, f for ph
        ("Đơn thuốc: Amlodipin 5mg", [(M, "Amlodipin 5mg")]),
        ("Chị đang uống cefalexin", [(M, "cefalexin")]),
        ("Dùng ampicilin và ceftriaxon", [(M, "ampicilin"), (M, "ceftriaxon")]),
        # broader lists
        (
            "Tiền sử sụp mí, trào ngược dạ dày",
            [(C, "sụp mí"), (C, "trào ngược dạ dày")],
        ),
        ("Rối loạn tiền đình, tụ dịch sau mổ", [(C, "Rối loạn tiền đình"), (C, "tụ dịch")]),
        (
            "Treo cung mày và lấy mỡ bọng mắt",
            [(P, "Treo cung mày"), (P, "lấy mỡ bọng mắt")],
        ),
        ("Đơn thuốc: Gliclazid 30mg, Medrol", [(M, "Gliclazid 30mg"), (M, "Medrol")]),
        ("Alpha Choay 2 viên, Klamentin", [(M, "Alpha Choay"), (M, "Klamentin")]),
        ("Kết quả sinh thiết lành tính", [(P, "Kết quả sinh thiết")]),
        # decoys
        ("Mũi cao, mắt to", []),
        ("Khuyến mãi nâng mũi giảm giá 30%", []),
        ("Lao động chăm chỉ", []),
        ("Hướng dẫn vệ sinh thiết bị phòng mổ", []),
        ("Nhập hàng lậu", []),
    ],
)
def test_vietnamese_table(medical, text, expected):
    assert medical(text) == expected


def test_vietnamese_decomposed_text_is_found_with_offsets_into_it(medical):
    text = unicodedata.normalize("NFD", "Tiền sử tiểu đường, đã nâng mũi")
    found = [(kind, unicodedata.normalize("NFC", value)) for kind, value in medical(text)]
    assert found == [(C, "tiểu đường"), (P, "nâng mũi")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "History of hypertension and type 2 diabetes.",
            [(C, "hypertension"), (C, "type 2 diabetes")],
        ),
        ("Keloid on the chest; allergy to latex", [(C, "Keloid"), (C, "allergy")]),
        ("Diagnosed with depression in 2019", [(C, "depression")]),
        ("She is pregnant. Hepatitis C negative", [(C, "pregnant"), (C, "Hepatitis C")]),
        ("Underwent rhinoplasty and blepharoplasty", [(P, "rhinoplasty"), (P, "blepharoplasty")]),
        (
            "Liposuction, breast augmentation, face-lift",
            [(P, "Liposuction"), (P, "breast augmentation"), (P, "face-lift")],
        ),
        (
            "Prescribed amoxicillin 500 mg and ibuprofen400mg",
            [(M, "amoxicillin 500 mg"), (M, "ibuprofen400mg")],
        ),
        (
            "Takes warfarin, metformin and aspirin",
            [(M, "warfarin"), (M, "metformin"), (M, "aspirin")],
        ),
        (
            "Botulinum toxin 50 units, lidocaine 1%",
            [(M, "Botulinum toxin 50 units"), (M, "lidocaine 1%")],
        ),
        ("HIV positive", [(C, "HIV")]),
        # broader lists
        (
            "Seroma and hematoma after abdominoplasty",
            [(C, "Seroma"), (C, "hematoma"), (P, "abdominoplasty")],
        ),
        ("History of cellulitis, PCOS and GERD", [(C, "cellulitis"), (C, "PCOS"), (C, "GERD")]),
        (
            "Septorhinoplasty with alar reduction",
            [(P, "Septorhinoplasty"), (P, "alar reduction")],
        ),
        ("V-line surgery, fractional laser", [(P, "V-line surgery"), (P, "fractional laser")]),
        (
            "Takes Synthroid, lisinopril 10 mg and gabapentin",
            [(M, "Synthroid"), (M, "lisinopril 10 mg"), (M, "gabapentin")],
        ),
        ("Eliquis 5mg, Zofran, Accutane", [(M, "Eliquis 5mg"), (M, "Zofran"), (M, "Accutane")]),
        ("He had a stroke in 2019", [(C, "stroke")]),
        # decoys
        ("The economic depression of 1929", []),
        ("During the Great Depression", []),
        ("A tropical depression is forming", []),
        ("She wears hearing aids", []),
        ("Blow your nose", []),
        ("Add filler text here", []),
        ("Special offer: lip filler 20% off!", []),
        ("hypertensive crisis? no: hypertensions", []),
        ("the aspirinator", []),
        ("A stroke of luck", []),
        ("Regain strength slowly", []),
    ],
)
def test_english_table(medical, text, expected):
    assert medical(text) == expected


def test_languages_mix_in_one_document(medical):
    text = "Patient 김민수: 고혈압, on amlodipine; tiền sử tiểu đường"
    assert medical(text) == [(C, "고혈압"), (M, "amlodipine"), (C, "tiểu đường")]


def test_a_term_alone_is_health_data_and_context_raises_it(engine):
    alone = engine.analyze("고혈압").detections[0].score
    with_context = engine.analyze("진단명: 고혈압").detections[0].score
    assert alone == TERM_SCORE
    assert with_context > alone
    english = engine.analyze("prescribed warfarin").detections[0].score
    assert english > TERM_SCORE


def test_a_strength_raises_a_medication_score():
    recognizer = MedicalTermRecognizer()
    [plain] = recognizer.analyze("aspirin", [M])
    [dosed] = recognizer.analyze("aspirin 100mg", [M])
    assert (plain.score, dosed.score) == (TERM_SCORE, DOSE_SCORE)


def test_a_chart_mentioning_an_event_keeps_the_term():
    recognizer = MedicalTermRecognizer("ko")
    results = recognizer.analyze("환자 보톡스 시술, 이벤트 할인 적용", [])
    assert [(r.entity_type, r.start, r.end) for r in results] == [(P, 3, 6)]


def test_only_requested_entities_are_returned():
    recognizer = MedicalTermRecognizer()
    text = "고혈압, 보톡스, 아스피린"
    assert [r.entity_type for r in recognizer.analyze(text, [M])] == [M]
    assert [r.entity_type for r in recognizer.analyze(text, [])] == [C, P, M]


def test_user_files_extend_the_lists(tmp_path):
    extra = tmp_path / "procedure.clinic.txt"
    extra.write_text("# clinic's own names\n미소 리프팅\n", encoding="utf-8")
    recognizer = MedicalTermRecognizer(extra_files=[extra])
    found = recognizer.analyze("미소리프팅 예약, 고혈압", [])
    assert [(r.entity_type, r.start, r.end) for r in found] == [(P, 0, 5), (C, 10, 13)]


def test_a_user_file_with_an_unknown_type_is_rejected(tmp_path):
    bad = tmp_path / "symptoms.txt"
    bad.write_text("headache\n", encoding="utf-8")
    with pytest.raises(ValueError, match="symptoms.txt"):
        MedicalTermRecognizer(extra_files=[bad])


def test_packaged_lists_are_well_formed():
    files = packaged_term_files()
    assert {name.split(".")[0] for name in files} == {
        "condition",
        "procedure",
        "medication",
        "decoys",
    }
    seen: dict[str, str] = {}
    total = 0
    for name, terms in files.items():
        if name == "decoys.txt":
            continue
        kind = name.split(".")[0]
        for term in terms:
            total += 1
            assert term == unicodedata.normalize("NFC", term), term
            assert seen.setdefault(term_key(term), kind) == kind, f"{term} in two types"
    assert total >= 3000


def test_longest_term_wins():
    index = TermIndex.build({"condition.x.txt": ["당뇨", "당뇨병", "diabetes", "type 2 diabetes"]})
    assert index.pattern is not None
    matches = [m.group("term") for m in index.pattern.finditer("당뇨병, type 2 diabetes")]
    assert matches == ["당뇨병", "type 2 diabetes"]


def test_capital_terms_are_case_sensitive_and_others_are_not():
    pattern = compile_terms(["AIDS", "keloid"])
    assert pattern is not None
    assert [m.group() for m in pattern.finditer("AIDS aids KELOID Keloid")] == [
        "AIDS", "KELOID", "Keloid"
    ]  # fmt: skip


def test_the_recognizer_declares_presidio_shape():
    recognizer = MedicalTermRecognizer()
    assert recognizer.supported_entities == [C, P, M]
    assert "진단" in recognizer.context and "chẩn đoán" in recognizer.context


# --- terms that are about no one: form questions, rare risks, price lists and adverts ---


@pytest.mark.parametrize(
    "text",
    [
        # a price list: a title, then one row per procedure with its fee
        "Fee Schedule\nItem | Code | Fee\nrhinoplasty | AX1234 | US$3,500\n"
        "otoplasty | AY1945 | USD 982 | VAT incl.",
        # (a row's code "HX4912" or "DX5630" is not the clinical word hx / dx)
        "BẢNG GIÁ DỊCH VỤ\nnâng mũi | NM01 | 25 triệu\nhạ gò má | HX4912 | 6 triệu\n"
        "cắt mí trên | DX5630 | 9.800.000đ",
        "비급여 진료비용 고지\n쌍꺼풀 수술 | HY5077 | 2,200,000 원\n지방흡입 | DX0001 | 390만원",
        # an advert: bullets with a price or an offer
        "Seoul Glow Clinic - spring promotion\n• Botox injection: from US$300\n"
        "• Free consultation for V-line surgery",
        "🌸 봄맞이 이벤트 🌸\n✔ 코성형 3,900,000원 → 2,900,000원\n✔ 지방흡입 1,500,000원\n"
        "✔ 보형물 제거술 1+1",
        "✨ Thẩm mỹ chuẩn Hàn ✨\n🔥 nâng mũi chỉ từ 25.000.000đ\n🔥 cắt mí giảm 30%\n"
        "🔥 Tặng tiêm filler cho 10 khách đầu tiên",
    ],
)
def test_price_lists_and_adverts_name_no_ones_procedure(medical, text):
    assert medical(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an invoice's rows are the patient's procedures (no price-list title, no marketing)
        (
            "INVOICE / RECEIPT\nName: Mary Jones\nrhinoplasty  x1   US$3,500",
            [(P, "rhinoplasty")],
        ),
        # a price on a chart line with a clinical word stays the patient's
        (
            "Fee schedule attached.\n- Patient underwent rhinoplasty, paid $3,500",
            [(P, "rhinoplasty")],
        ),
        # a clinical word on the priced line ("Chẩn đoán") says a patient is described
        (
            "BẢNG GIÁ\n1. Chẩn đoán: sẹo lồi, trị sẹo lồi 2 triệu",
            [(C, "sẹo lồi"), (P, "trị sẹo lồi")],
        ),
    ],
)
def test_priced_lines_about_a_patient_keep_the_term(medical, text, expected):
    assert medical(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Q4. Allergies (drugs, latex, food)?\nA: None",
        "Q7. Are you pregnant or breastfeeding?\nA: No",
        "Câu 4. Tiền sử dị ứng:\nTrả lời: Không",
        "Câu 6. Có đang mang thai / cho con bú?\nTrả lời: Không",
        "4. 약물 또는 음식 알레르기가 있습니까?\n답: 없음",
        "7. 임신 가능성\n답: 없음",
        "8. 최근 2주 내 아스피린 복용 여부\n답: 아니오",
    ],
)
def test_a_forms_numbered_question_is_not_health_data(medical, text):
    assert medical(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the answer is the data
        ("Q1. Ongoing conditions?\nA: hypertension", [(C, "hypertension")]),
        ("Câu 1. Bệnh lý hiện có: tăng huyết áp", [(C, "tăng huyết áp")]),
        # a numbered problem list with a query mark is the patient's (the term is all there is)
        ("2. Pneumonia?", [(C, "Pneumonia")]),
        # a patient's own question in a chat
        ("I have asthma and take Ventolin, is that a problem?", [(C, "asthma"), (M, "Ventolin")]),
        ("Are you currently taking warfarin?", [(M, "warfarin")]),
    ],
)
def test_answers_and_a_patients_questions_keep_the_term(medical, text, expected):
    assert medical(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("risks, including anesthesia-related complications (nausea, rarely anaphylaxis)", []),
        ("biến chứng gây mê (buồn nôn, hiếm gặp sốc phản vệ)", []),
        ("마취 관련 합병증(구역, 구토, 드물게 아나필락시스)", []),
        ("출혈, 감염, 재수술 가능성에 대하여 설명을 들었습니다", []),
        # a risk named for this patient, and a real anaphylaxis, stay
        ("High risk of keloid; history of anaphylaxis", [(C, "keloid"), (C, "anaphylaxis")]),
        ("Gây mê toàn thân, không biến chứng", [(P, "Gây mê toàn thân")]),
        ("휜코 교정 재수술 예정", [(P, "휜코 교정"), (P, "재수술")]),
    ],
)
def test_a_consent_forms_generic_risks_are_not_the_patients(medical, text, expected):
    assert medical(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # routine aftercare steps and a drug side effect are not procedures
        ("P: Keflex x 5d, suture removal in 6 days", [(M, "Keflex")]),
        ("POD#1 드레싱 시행, 배액관 제거함.", []),
        ("May cause sedation", []),
        ("Under twilight sedation", [(P, "twilight sedation")]),
        # vocabulary of Korean and Vietnamese post-op orders
        ("오심 있어 판토프라졸 투여, 에페리손 복용", [(M, "판토프라졸"), (M, "에페리손")]),
        ("tiêm Transamin theo y lệnh", [(M, "Transamin")]),
        ("Đã lấy mỡ mí dưới và treo cơ mí", [(P, "lấy mỡ mí dưới"), (P, "treo cơ mí")]),
        ("상병명: 봉합부 염증", [(C, "봉합부 염증")]),
    ],
)
def test_list_changes(medical, text, expected):
    assert medical(text) == expected


# Words next to which the first-word shortcuts decide: terms and first words of every kind
# (Latin, Korean of one and more syllables, acronyms, with a digit, a hyphen, a slash, a
# Hangul ending), decoys and signal words, glued to letters, digits, marks and particles.
_PIECES = [
    "depression", "Depression", "great depression", "ct", "CT", "ct scan", "ct촬영", "hiv",
    "HIV", "AIDS", "aids", "COVID-19", "covid", "t2dm", "co-amoxiclav", "c-section",
    "amoxicillin/clavulanate", "face lift", "face-lift", "botox", "Botox를", "thu", "thuốc",
    "bệnh", "tiểu đường", unicodedata.normalize("NFD", "tiểu đường"), "nâng mũi", "mũi",
    "간", "실", "목", "코", "코 성형", "코성형", "고혈압", "고혈압이", "1형 당뇨", "a형 간염",
    "쌍수를 들고", "유산균", "hearing aids", "rarely", "hiếm gặp", "드물게", "c++", "x)",
    "b12 deficiency", "B12", "Ab-1", "ab-1", "리도카인",
    *MARKETING, *PRICE_LIST, *OFFER_WORDS,
]  # fmt: skip
_GLUE = ["", "", " ", " ", "\n", "x", "Y", "9", "-", "'", "\u0301", "를", "이", "ư", "%", ", "]


def _glued_texts(count: int, seed: int = 20261126) -> list[str]:
    """Random texts of ``_PIECES`` and ``_GLUE``, plus generated documents."""
    rng = random.Random(seed)
    texts = [
        "".join(rng.choice(_PIECES) + rng.choice(_GLUE) for _ in range(rng.randrange(1, 9)))
        for _ in range(count)
    ]
    return texts + [doc.text for doc in generate(seed, 200)]


def _matches(lowered: LoweredTerms, text: str) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), m.span("term"), m.span("dose")) for m in lowered.finditer(text)]


@pytest.mark.parametrize(
    "index",
    [
        packaged_index(),
        TermIndex.build(
            {
                "condition.x.txt": ["ct", "c++", "x)", "b12 deficiency", "tiểu đường", "실"],
                "medication.x.txt": ["HIV", "CT", "Ab-1", "amoxicillin", "리도카인"],
                "decoys.txt": ["CT scan", "c++ code"],
            }
        ),
    ],
    ids=["packaged", "edges"],
)
def test_terms_found_from_first_words_are_those_found_everywhere(index: TermIndex) -> None:
    lowered = index.lowered
    assert lowered is not None and lowered.heads is not None
    everywhere = dataclasses.replace(lowered, heads=None)
    for text in _glued_texts(1500):
        assert _matches(lowered, text) == _matches(everywhere, text), text


@pytest.mark.parametrize(
    "decoys",
    [[], ["promotion of health", "rarely seen"], ["İstanbul depression"]],
    ids=["packaged", "a decoy starting with a signal word", "a decoy in any text"],
)
def test_the_screen_from_the_words_found_is_the_screen_of_the_text(
    decoys: list[str], tmp_path
) -> None:
    extra = tmp_path / "decoys.txt"
    extra.write_text("\n".join(decoys), encoding="utf-8")
    recognizer = MedicalTermRecognizer(extra_files=[extra])
    lowered = recognizer.index.lowered
    assert lowered is not None
    texts = _glued_texts(1500) + [word.upper() for word in (*RARE_WORDS, *MARKETING)]
    for text in texts:
        _, signals = lowered.scan(text)
        if signals is not None:
            assert recognizer._screen(text, signals) == recognizer._screen_text(text), text
