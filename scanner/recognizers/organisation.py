"""Contact points of organisations, which are not personal data.

Personal data relates to a natural person; a clinic's switchboard, its ``info@`` mailbox and
its homepage relate to the clinic. A letterhead, an advert or an appointment SMS carries
them on every page, so reporting them would bury the patients' own numbers. The phone, e-mail
and URL recognizers ask here:

- ``is_role_mailbox``: a role account's local part (``info@``, ``reservation@``, ``cskh@``;
  RFC 2142, the usual clinic desks and language desks such as ``vn@``), not a person's
  mailbox;
- ``is_service_number``: numbers only businesses hold (Korean 15xx/16xx/18xx-xxxx and 080
  toll-free, Vietnamese 1800/1900 hotlines);
- ``after_business_cue``: a landline written after the organisation's name or a switchboard
  label on its line (``더엘성형외과 02-3444-1200``, ``대표번호``, ``문의``, ``Hotline``, ``Tel.``
  after ``Clinic``); ``on_letterhead_line``: a landline on a line with a site's front page
  (``T. 02-545-7700 | www.clinic.kr``). Mobile numbers are never an organisation's: a staff
  member's mobile next to the clinic's name is still theirs (the phone recognizer tells them
  apart by the number's type).
"""

from __future__ import annotations

import re

from scanner.recognizers.regex_base import split_words

ROLE_MAILBOXES = split_words(
    """info contact contacts global intl international support help helpdesk admin office
    reservation reservations booking bookings consult consulting consultation cs hello
    marketing sales noreply no-reply donotreply do-not-reply webmaster postmaster hostmaster
    abuse team hr jobs careers recruit billing accounts accounting privacy dpo press media
    enquiries enquiry inquiries inquiry reception frontdesk front-desk customerservice
    customercare service services clinic hospital care appointments appointment news
    newsletter events partners partnership vip english korea vietnam cskh lienhe tuvan hotro
    datlich medical tour tourism coordinator coordinators interpreter global-center
    vn en kr ko cn zh jp ja ru th mn kz uz ar us vietnamese english korean chinese japanese
    russian"""
)
SERVICE_NUMBER = re.compile(r"(?:\+?82[-. ]?)?(?:1[5-9]\d\d|080)[-. ]?\d{3,4}(?:[-. ]?\d{4})?")
VN_HOTLINE = re.compile(r"(?:1800|1900)[-. ]?\d{3,4}(?:[-. ]?\d{2,4})?")
BUSINESS_CUE = re.compile(
    r"(?:대표번호|대표전화|대표 번호|문의|고객센터|수신거부|"
    r"성형외과|피부과|의원|병원|클리닉|센터|hotline|switchboard|main line|front desk|reception|"
    r"clinic|hospital|surgery|aesthetic|medical cent(?:er|re)|tổng đài|đường dây nóng|"
    r"phòng khám|bệnh viện|thẩm mỹ viện)[^\n\d]{0,24}$",
    re.IGNORECASE,
)
CUE_REACH = 48
_LOCAL_PARTS = re.compile(r"[._+-]")
# a site's front page (``www.clinic.kr``, ``https://clinic.vn/``): no path, so no one's page
FRONT_PAGE = re.compile(
    r"(?<![\w.@/])(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?(?=[\s|,;)]|$)",
    re.IGNORECASE,
)


def is_role_mailbox(address: str) -> bool:
    """Whether the e-mail address belongs to a role (``info@clinic.kr``), not a person."""
    local = address.split("@", 1)[0].lower()
    if local in ROLE_MAILBOXES or local.rstrip("0123456789") in ROLE_MAILBOXES:
        return True
    parts = [part for part in _LOCAL_PARTS.split(local) if part]  # booking.vn, cs-team2
    return len(parts) > 1 and all(
        part.rstrip("0123456789") in ROLE_MAILBOXES or part.isdigit() for part in parts
    )


def is_service_number(number: str) -> bool:
    """Whether the number is of a kind only businesses hold (1588-xxxx, 080, 1800-xxxx)."""
    number = number.strip()
    return SERVICE_NUMBER.fullmatch(number) is not None or VN_HOTLINE.fullmatch(number) is not None


def on_letterhead_line(text: str, start: int, end: int) -> bool:
    """Whether the number shares its line with a site's front page (a letterhead, a footer:
    ``T. 02-545-7700 | www.clinic.kr``): the organisation's contact line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return ("www." in line or "://" in line) and FRONT_PAGE.search(line) is not None


def after_business_cue(text: str, start: int) -> bool:
    """Whether a number at ``start`` follows an organisation's name or label on its line.

    The caller decides whether the number is a landline: ``051-746-8800`` is Busan's area
    code, and the same digits would be a Vietnamese mobile.
    """
    line_start = text.rfind("\n", 0, start) + 1
    return BUSINESS_CUE.search(text, max(line_start, start - CUE_REACH), start) is not None
