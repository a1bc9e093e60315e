"""Interface strings in Korean and English; the catalog's own data is never translated."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

LANGUAGES = ("ko", "en")
COOKIE = "expunge_lang"

# key: (English, Korean)
STRINGS: dict[str, tuple[str, str]] = {
    "app": ("Expunge: privacy officer", "Expunge: 개인정보 보호책임자"),
    "overview": ("Overview", "개요"),
    "findings": ("Findings", "탐지 결과"),
    "dispositions": ("Dispositions", "처리 대기열"),
    "holds": ("Legal holds", "법적 보존"),
    "scans": ("Scans", "스캔"),
    "audit": ("Audit log", "감사 로그"),
    "certificates": ("Certificates", "파기 증명서"),
    "exports": ("Research exports", "연구용 반출"),
    "login": ("Sign in", "로그인"),
    "logout": ("Sign out", "로그아웃"),
    "username": ("User name", "사용자 이름"),
    "password": ("Password", "비밀번호"),
    "login_failed": ("Wrong user name or password.",
                     "사용자 이름 또는 비밀번호가 올바르지 않습니다."),
    "login_locked": ("Too many failed attempts; try again later.",
                     "로그인 시도가 너무 많습니다. 나중에 다시 시도하십시오."),
    "signed_in_as": ("Signed in as", "로그인 사용자"),
    "sources": ("Sources", "데이터 출처"),
    "source": ("Source", "출처"),
    "kind": ("Kind", "종류"),
    "items": ("Items", "항목"),
    "item": ("Item", "항목"),
    "last_scan": ("Last scan", "최근 스캔"),
    "never": ("never", "없음"),
    "by_entity": ("Findings by entity type", "개인정보 유형별 탐지"),
    "by_source": ("Findings by source", "출처별 탐지"),
    "due_by_month": ("Items due per month", "월별 처리 예정 항목"),
    "overdue": ("overdue", "기한 경과"),
    "open_dispositions": ("Dispositions by state", "상태별 처리 건수"),
    "active_holds": ("Active legal holds", "유효한 법적 보존"),
    "entity_type": ("Entity type", "유형"),
    "category": ("Category", "기록 분류"),
    "since": ("From", "시작일"),
    "until": ("To", "종료일"),
    "search": ("Search item", "항목 검색"),
    "filter": ("Filter", "필터"),
    "all": ("all", "전체"),
    "count": ("Count", "건수"),
    "score": ("Score", "신뢰도"),
    "sample": ("Masked sample", "마스킹된 예시"),
    "due": ("Due", "기한"),
    "action": ("Action", "조치"),
    "scanned": ("Scanned", "스캔 일시"),
    "first_page": ("First page", "첫 페이지"),
    "previous": ("Previous", "이전"),
    "next": ("Next", "다음"),
    "nothing": ("Nothing to show.", "표시할 내용이 없습니다."),
    "decision": ("Decision", "결정"),
    "rule": ("Rule", "규칙"),
    "basis": ("Legal basis", "법적 근거"),
    "clock": ("Clock start", "기산일"),
    "reason": ("Reason", "사유"),
    "held": ("Held", "보존 중"),
    "history": ("History", "이력"),
    "state": ("State", "상태"),
    "approve": ("Approve", "승인"),
    "reject": ("Reject", "반려"),
    "approve_selected": ("Approve selected", "선택 항목 승인"),
    "reject_selected": ("Reject selected", "선택 항목 반려"),
    "select_all": ("Select all", "전체 선택"),
    "enforce": ("Carry out approved dispositions", "승인된 처리 실행"),
    "breaker": ("Safety breaker", "안전 차단기"),
    "breaker_confirm": ("I checked the plan: carry out this run anyway",
                        "계획을 확인했습니다: 이 실행을 계속합니다"),
    "add_hold": ("Place a hold", "보존 설정"),
    "release": ("Release", "해제"),
    "path_glob": ("Path glob (optional)", "경로 패턴 (선택)"),
    "any_source": ("any source", "모든 출처"),
    "case": ("Case no.", "사건 번호"),
    "hold_subject": ("Data subject (optional)", "정보주체 (선택)"),
    "covers": ("Covers", "적용 범위"),
    "rows": ("rows", "행"),
    "show_released": ("Show released", "해제된 보존 보기"),
    "created": ("Placed", "설정 일시"),
    "by": ("By", "작성자"),
    "released": ("Released", "해제 일시"),
    "start_scan": ("Start scan", "스캔 시작"),
    "progress": ("Progress", "진행률"),
    "listed": ("Listed", "목록"),
    "unchanged": ("Unchanged", "변경 없음"),
    "failed": ("Failed", "실패"),
    "actor": ("Actor", "수행자"),
    "subject": ("Subject", "대상"),
    "details": ("Details", "세부 정보"),
    "at": ("Time (UTC)", "시각 (UTC)"),
    "verify_chain": ("Verify the chain", "해시 체인 검증"),
    "export": ("Export (JSON lines)", "내보내기 (JSON lines)"),
    "chain_ok": ("Audit chain intact", "감사 체인 무결"),
    "chain_broken": ("Audit chain broken", "감사 체인 손상"),
    "events_checked": ("events checked", "건 검증"),
    "issued": ("Issued", "발급 일시"),
    "download": ("Download", "다운로드"),
    "destroyed": ("Destroyed or anonymized (verified)", "파기 또는 비식별 처리 (검증됨)"),
    "not_executed": ("Not executed", "실행되지 않음"),
    "done": ("Done", "완료"),
    "forbidden": ("Your role does not allow this.", "권한이 없습니다."),
    "not_found": ("Not found.", "찾을 수 없습니다."),
    "language": ("한국어", "English"),
    "approved_n": ("Approved", "승인됨"),
    "rejected_n": ("Rejected", "반려됨"),
    "queued_run": ("Sent to the workers as run", "작업자에게 전송된 실행"),
    "hold_placed": ("Hold placed", "보존이 설정되었습니다"),
    "hold_released": ("Hold released", "보존이 해제되었습니다"),
    "scan_queued": ("Scan queued", "스캔이 대기열에 추가되었습니다"),
    "user": ("User", "사용자"),
    "requested_by": ("Requested by", "요청자"),
    "requested_at": ("Requested", "요청 일시"),
    "table": ("Table", "테이블"),
    "query": ("Query", "쿼리"),
    "purpose": ("Purpose", "이용 목적"),
    "profile": ("Export profile (YAML)", "반출 프로파일 (YAML)"),
    "profile_file": ("…or upload a profile", "…또는 프로파일 파일 업로드"),
    "request_export": ("Request an export", "반출 요청"),
    "released_rows": ("Records released", "반출 레코드"),
    "suppressed": ("Suppressed", "삭제(억제)된 레코드"),
    "risk_report": ("Re-identification risk report", "재식별 위험 보고서"),
    "required": ("required", "요구 수준"),
    "max": ("max", "최대"),
    "average": ("average", "평균"),
    "prosecutor_risk": ("Prosecutor risk", "검사자(prosecutor) 위험"),
    "journalist_risk": ("Journalist risk", "기자(journalist) 위험"),
    "information_loss": ("Information loss", "정보 손실"),
    "column": ("Column", "열"),
    "treatment": ("Treatment", "처리 방법"),
    "hierarchy": ("Hierarchy (level/height)", "일반화 계층 (수준/높이)"),
    "error": ("Error", "오류"),
    "export_requested": ("Requested", "요청됨"),
    "export_building": ("Being built", "생성 중"),
    "export_built": ("Awaiting review", "검토 대기"),
    "export_approved": ("Approved", "승인됨"),
    "export_downloaded": ("Downloaded", "다운로드됨"),
    "export_rejected": ("Rejected", "반려됨"),
    "export_failed": ("Failed", "실패"),
    "export_not_released": ("This export is not approved (or its file changed): nothing to "
                            "download.", "승인되지 않았거나 파일이 변경된 반출입니다. "
                            "다운로드할 수 없습니다."),
}


def language(request: Request) -> str:
    """This request's choice, the cookie's, else the browser's first of ko/en, else Korean."""
    chosen = getattr(request.state, "lang", None) or request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    accepted = request.headers.get("accept-language", "").lower()
    positions = {lang: accepted.find(lang) for lang in LANGUAGES if lang in accepted}
    return min(positions, key=lambda k: positions[k]) if positions else "ko"


def translator(lang: str) -> Callable[[str], str]:
    """t(key) in ``lang``; an unknown key shows as itself, so a slip is visible, not fatal."""
    index = 1 if lang == "ko" else 0

    def t(key: str) -> str:
        pair = STRINGS.get(key)
        return pair[index] if pair else key

    return t
