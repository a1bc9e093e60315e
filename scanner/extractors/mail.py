"""E-mail messages (.eml, RFC 5322): headers, body, and every attachment through the registry.

An attachment that cannot be read is noted in the text as
``[attachment NAME: could not be read (reason)]``; the rest of the message is still returned.
A bomb inside an attachment (an ArchiveBomb, nesting too deep) fails the whole message.
"""

from __future__ import annotations

import codecs
import mimetypes
import re
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from typing import ClassVar

from scanner.errors import ArchiveBomb, CorruptDocument, ExtractionError
from scanner.extractors.base import Extractor
from scanner.extractors.text import decode_text, html_to_text

HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date")
_SNIFF_FIRST_LINE = re.compile(
    rb"^(Return-Path|Received|Delivered-To|MIME-Version|Message-ID|From|Date|To|Subject)"
    rb":[ \t]",
    re.IGNORECASE,
)
# Korean mail often declares EUC-KR (or KS C 5601) for text using CP949's extra syllables.
_LENIENT_CODECS = {"euc_kr": "cp949"}


class EmlExtractor(Extractor):
    """RFC 5322 messages: headers, the plain (or stripped HTML) body, then attachments."""

    label: ClassVar[str] = "EML"
    extensions: ClassVar[frozenset[str]] = frozenset({"eml"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True when the data starts with a mail header and has From: and Subject:."""
        head = data[:8192]
        return bool(
            _SNIFF_FIRST_LINE.match(head)
            and re.search(rb"^From:", head, re.MULTILINE | re.IGNORECASE)
            and re.search(rb"^(Subject|MIME-Version):", head, re.MULTILINE | re.IGNORECASE)
        )

    def extract(self, data: bytes) -> str:
        """Return headers, body and attachment sections separated by blank lines."""
        try:
            message = message_from_bytes(data, policy=policy.default)
        except Exception as exc:  # the parser registers defects, but be safe at the boundary
            raise CorruptDocument(f"EML message is corrupt ({type(exc).__name__})") from None
        sections = [header_lines(message), body_text(message), *self._attachments(message)]
        return "\n\n".join(section for section in sections if section)

    def _attachments(self, message: EmailMessage) -> Iterator[str]:
        """Yield one section per attachment: its text, or a note saying why it is missing."""
        for index, part in enumerate(attachment_parts(message), 1):
            if index > self.nesting.limits.max_members:
                raise ArchiveBomb(
                    f"EML message has more than {self.nesting.limits.max_members} attachments"
                )
            name = attachment_name(part, index)
            try:
                text = self.nesting.read(attachment_bytes(part), name)
            except ArchiveBomb:
                raise
            except ExtractionError as exc:
                yield f"[attachment {name}: could not be read ({exc})]"
                continue
            yield f"=== attachment {name} ===\n{text}"


def header_lines(message: EmailMessage) -> str:
    """Return ``Name: value`` lines of the address, subject and date headers, decoded."""
    lines: list[str] = []
    for name in HEADERS:
        lines.extend(f"{name}: {value}" for value in _header_values(message, name))
    return "\n".join(lines)


def _header_values(message: EmailMessage, name: str) -> list[str]:
    """Return the decoded values of header ``name``; unparseable ones decoded leniently."""
    try:
        return [str(value) for value in message.get_all(name, [])]
    except Exception:  # a malformed address header can make the parser raise
        raw = [value for key, value in message.raw_items() if key.lower() == name.lower()]
        return [_decode_raw_header(value) for value in raw]


def _decode_raw_header(value: str) -> str:
    """Decode RFC 2047 encoded words in a raw header value, or return it as is."""
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


def body_text(message: EmailMessage) -> str:
    """Return the text/plain body, else the text/html body stripped of tags, else ''."""
    part = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(part, EmailMessage):
        return ""
    try:
        text = part_text(part)
    except ExtractionError:
        raise CorruptDocument("EML message body is not text in a supported encoding") from None
    return html_to_text(text) if part.get_content_subtype() == "html" else text


def part_text(part: EmailMessage) -> str:
    """Decode a text part with its declared charset, else detect the encoding."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset:
        try:
            codec = codecs.lookup(charset).name
            return payload.decode(_LENIENT_CODECS.get(codec, codec))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(payload)


def attachment_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """Yield the non-body leaf parts, descending into nested multiparts (not into messages)."""
    for part in message.iter_attachments():
        if part.get_content_maintype() == "multipart":
            yield from attachment_parts(part)
        else:
            yield part


def attachment_name(part: EmailMessage, index: int) -> str:
    """Return the attachment's file name, or a made-up one whose extension fits its type."""
    try:
        filename = part.get_filename()
    except Exception:
        filename = None
    if filename:
        return filename
    if part.get_content_type() == "message/rfc822":
        return f"attachment-{index}.eml"
    extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    return f"attachment-{index}{extension}"


def attachment_bytes(part: EmailMessage) -> bytes:
    """Return an attachment's decoded bytes; an attached message is re-serialised."""
    try:
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            return inner.as_bytes() if isinstance(inner, EmailMessage) else b""
        payload = part.get_payload(decode=True)
    except Exception as exc:
        raise CorruptDocument(f"EML attachment is corrupt ({type(exc).__name__})") from None
    return payload if isinstance(payload, bytes) else b""
