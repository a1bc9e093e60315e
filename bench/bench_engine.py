"""Benchmark: plain Presidio (default registry, blank spaCy "en") vs the expunge Engine.

Run ``python bench/bench_engine.py [CHARS]``. Generates ~300 K characters of mixed
Korean/Vietnamese/English clinic-like text with embedded identifiers and decoys (fixed seed),
then prints chars/s, detections and how many planted identifiers each engine found.
"presidio/c" is the baseline fed the same 100 K-character chunks as the Engine: Presidio's
lemma context enhancer is quadratic in the text length, so chunking alone speeds it up.
Everything runs offline: the baseline's e-mail recognizer gets tldextract's bundled snapshot.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SEED = 20240611
DEFAULT_CHARS = 300_000
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)

KO_LINES = (
    "환자 {name}님의 주민등록번호는 {rrn}이며 연락처는 {ko_phone}입니다.",
    "외래 진료 기록: 고혈압 약 처방, 다음 방문일 2023-10-12. 문의 {email}",
    "보호자 연락처:{ko_phone} / 수납 금액 1,234,567원 / 주문번호 20231012345",
    "검사 결과 정상 범위. 담당의 소견: 경과 관찰 필요. 카드번호 {card}",
)
VI_LINES = (
    "Bệnh nhân {vname}, số điện thoại {vi_phone}, địa chỉ email {email}.",
    "Ngày khám 12/10/2023, chẩn đoán viêm họng, kê đơn kháng sinh 7 ngày.",
    "Liên hệ người nhà: {vi_phone}. Tổng chi phí 1.234.567 đồng, mã đơn 20231012345.",
)
EN_LINES = (
    "Patient {ename} (RRN {rrn}) called from {intl_phone} about the lab results.",
    "Follow-up visit on 2023-10-12; invoice total 1,234,567 KRW; order no. 20231012345.",
    "Billing: card {card}, e-mail {email}, mobile {ko_phone}.",
)
NAMES = ("홍길동", "김민수", "이서연", "박지훈")
VNAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Nam")
ENAMES = ("John Smith", "Mary Jones", "Alex Kim")


def rrn(rng: random.Random) -> str:
    """Return a checksum-valid RRN born 1950–1999."""
    front = f"{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = f"{rng.choice('12')}{rng.randint(0, 99999):05d}"
    total = sum(int(d) * w for d, w in zip(front + body, WEIGHTS, strict=True))
    return f"{front}-{body}{(11 - total % 11) % 10}"


def card(rng: random.Random) -> str:
    """Return a Luhn-valid 16-digit Visa-like number in groups of four."""
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if index % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    number = "".join(map(str, digits)) + str((10 - total % 10) % 10)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4))


def identifiers(rng: random.Random) -> dict[str, str]:
    """Return one fresh value per placeholder."""
    return {
        "rrn": rrn(rng),
        "ko_phone": f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}",
        "vi_phone": f"09{rng.randint(10, 89)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "intl_phone": f"+82 10-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}",
        "email": f"user{rng.randint(1, 9999)}@clinic{rng.randint(1, 99)}.co.kr",
        "card": card(rng),
        "name": rng.choice(NAMES),
        "vname": rng.choice(VNAMES),
        "ename": rng.choice(ENAMES),
    }


PLANTED = {"rrn", "ko_phone", "vi_phone", "intl_phone", "email", "card"}


def generate(chars: int) -> tuple[str, list[tuple[int, int]]]:
    """Return mixed clinic text of about ``chars`` characters and the planted spans."""
    rng = random.Random(SEED)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    while size < chars:
        template = rng.choice(rng.choice((KO_LINES, VI_LINES, EN_LINES)))
        line, line_spans = _fill(template, identifiers(rng))
        spans.extend((size + start, size + end) for start, end in line_spans)
        parts.append(line + "\n")
        size += len(line) + 1
    return "".join(parts), spans


def _fill(template: str, values: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """Fill ``template`` and return the spans of planted identifiers in it."""
    out = ""
    spans: list[tuple[int, int]] = []
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        key, _, rest = tail.partition("}")
        out += head
        if key in PLANTED:
            spans.append((len(out), len(out) + len(values[key])))
        out += values[key]
    return out + rest, spans


def timed(
    label: str,
    run: Callable[[], list[tuple[int, int, float]]],
    text: str,
    planted: list[tuple[int, int]],
) -> float:
    """Run one engine, print its figures, and return chars/s."""
    started = time.perf_counter()
    found = run()
    elapsed = time.perf_counter() - started
    rate = len(text) / elapsed
    strong = [span for span in found if span[2] >= 0.5]
    hits = {(start, end) for start, end, _ in strong}
    recall = sum(1 for span in planted if span in hits) / max(len(planted), 1)
    print(
        f"{label:<10} {elapsed:7.2f} s  {rate:10,.0f} chars/s  detections={len(found):6d}  "
        f"score>=0.5={len(strong):6d}  planted found={recall:6.1%}"
    )
    return rate


def baseline() -> Callable[[str], list[tuple[int, int, float]]]:
    """Build plain Presidio on a blank English pipeline (tldextract kept offline)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    from scanner.recognizers.email import OFFLINE_TLD_EXTRACT

    email_recognizer.tldextract = SimpleNamespace(extract=OFFLINE_TLD_EXTRACT)  # type: ignore[attr-defined]
    nlp = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank:en"}])
    nlp.nlp = {"en": spacy.blank("en")}
    analyzer = AnalyzerEngine(nlp_engine=nlp)

    def run(text: str) -> list[tuple[int, int, float]]:
        return [(r.start, r.end, r.score) for r in analyzer.analyze(text=text, language="en")]

    return run


def ours() -> Callable[[str], list[tuple[int, int, float]]]:
    """Build the expunge Engine with default settings."""
    from scanner.engine import Engine

    engine = Engine()

    def run(text: str) -> list[tuple[int, int, float]]:
        return [(d.start, d.end, d.score) for d in engine.analyze(text).detections]

    return run


def main() -> None:
    """Generate the text, run both engines, print the comparison."""
    chars = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CHARS
    text, planted = generate(chars)
    print(f"text: {len(text):,} chars, {len(planted):,} planted identifiers (seed {SEED})")
    base_run, our_run = baseline(), ours()
    base_rate = timed("presidio", lambda: base_run(text), text, planted)
    chunked_rate = timed("presidio/c", lambda: chunked(base_run, text), text, planted)
    our_rate = timed("expunge", lambda: our_run(text), text, planted)
    print(
        f"ratio expunge/presidio: {our_rate / base_rate:.2f}x "
        f"(vs presidio fed the same 100 K chunks: {our_rate / chunked_rate:.2f}x)"
    )


def chunked(
    run: Callable[[str], list[tuple[int, int, float]]], text: str
) -> list[tuple[int, int, float]]:
    """Run ``run`` over the Engine's 100 K chunks, shifting offsets (no dedupe needed)."""
    from scanner.chunking import chunks

    found: list[tuple[int, int, float]] = []
    for offset, piece in chunks(text, 100_000):
        found.extend((offset + start, offset + end, score) for start, end, score in run(piece))
    return sorted(set(found))


if __name__ == "__main__":
    main()
