"""DICOM files: the header's person, patient and study tags as ``Name: value`` lines.

Read with pydicom up to the pixel data, which is never loaded. Patient and person tags come
first in a fixed order, then every other string-valued element (sequences included, private
tags too); UIDs and binary values are left out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from scanner.errors import CorruptDocument
from scanner.extractors.base import Extractor

DICOM_MAGIC = b"DICM"
DICOM_MAGIC_OFFSET = 128
KEY_KEYWORDS = (
    "PatientName",
    "PatientID",
    "IssuerOfPatientID",
    "OtherPatientIDs",
    "OtherPatientNames",
    "PatientBirthDate",
    "PatientBirthTime",
    "PatientSex",
    "PatientAge",
    "PatientAddress",
    "PatientTelephoneNumbers",
    "PatientMotherBirthName",
    "Occupation",
    "AdditionalPatientHistory",
    "PatientComments",
    "ResponsiblePerson",
    "ReferringPhysicianName",
    "ReferringPhysicianAddress",
    "ReferringPhysicianTelephoneNumbers",
    "PerformingPhysicianName",
    "NameOfPhysiciansReadingStudy",
    "PhysiciansOfRecord",
    "RequestingPhysician",
    "OperatorsName",
    "InstitutionName",
    "InstitutionAddress",
    "InstitutionalDepartmentName",
    "StationName",
    "StudyDate",
    "StudyTime",
    "StudyID",
    "StudyDescription",
    "AccessionNumber",
    "SeriesDescription",
)
STRING_VRS = frozenset(
    {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UR", "UT"}
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class DicomExtractor(Extractor):
    """DICOM Part 10 files (preamble and DICM prefix), header only."""

    label: ClassVar[str] = "DICOM"
    extensions: ClassVar[frozenset[str]] = frozenset({"dcm", "dicom"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for the DICM prefix after the 128-byte preamble."""
        return data[DICOM_MAGIC_OFFSET : DICOM_MAGIC_OFFSET + 4] == DICOM_MAGIC

    def extract(self, data: bytes) -> str:
        """Return the key tags' lines, then every other string element's line."""
        import pydicom

        try:
            dataset = pydicom.dcmread(_StrictReader(data), stop_before_pixels=True)
            return "\n".join(_dataset_lines(dataset))
        except Exception as exc:  # pydicom raises InvalidDicomError, EOFError, ValueError...
            raise CorruptDocument(f"DICOM file is corrupt ({type(exc).__name__})") from None


class _Truncated(Exception):
    """The file ended inside an element (pydicom itself would stop quietly)."""


class _StrictReader(io.BytesIO):
    """A byte stream that raises on a partial read, so truncated headers are noticed.

    Only an empty 8-byte read (the next element's tag, VR and length) is a clean end of data.
    """

    def read(self, size: int | None = -1, /) -> bytes:
        """Read ``size`` bytes; raise _Truncated when fewer are left (but some were asked)."""
        chunk = super().read(size)
        if size is not None and 0 <= len(chunk) < size and not (size == 8 and not chunk):
            raise _Truncated
        return chunk


def _dataset_lines(dataset: Any) -> Iterator[str]:
    """Yield the key elements first, then the rest in tag order."""
    keys = [dataset.data_element(keyword) for keyword in KEY_KEYWORDS if keyword in dataset]
    key_tags = {element.tag for element in keys}
    yield from _element_lines(keys, "")
    yield from _element_lines((e for e in dataset if e.tag not in key_tags), "")


def _element_lines(elements: Iterable[Any], prefix: str) -> Iterator[str]:
    """Yield ``Name: value`` for string elements; sequences recurse with a ``Name > `` prefix."""
    for element in elements:
        if element.VR == "SQ":
            for item in element.value or ():
                yield from _element_lines(item, f"{prefix}{element.name} > ")
        elif element.VR in STRING_VRS:
            value = _render(element)
            if value:
                yield f"{prefix}{element.name}: {value}"


def _render(element: Any) -> str:
    """Return an element's values as text, comma-separated; binary values are dropped."""
    value = element.value
    values = value if isinstance(value, list | tuple) or _is_multi(value) else [value]
    parts = (_render_one(item, element.VR) for item in values)
    return ", ".join(part for part in parts if part)


def _is_multi(value: object) -> bool:
    """True for pydicom's MultiValue."""
    from pydicom.multival import MultiValue

    return isinstance(value, MultiValue)


def _render_one(value: object, vr: str) -> str:
    """Render one value: person names without carets, dates as YYYY-MM-DD."""
    if value is None or isinstance(value, bytes | bytearray):
        return ""
    text = str(value).strip().strip("\x00").strip()
    if vr == "PN":
        return _person_name(text)
    if vr == "DA" and len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text


def _person_name(text: str) -> str:
    """Turn ``Family^Given^Middle^Prefix^Suffix`` groups (``=``-separated) into plain names.

    Korean names are written without a space between family and given name.
    """
    groups = []
    for group in text.split("="):
        components = [part.strip() for part in group.split("^") if part.strip()]
        separator = "" if _HANGUL.search(group) else " "
        if components:
            groups.append(separator.join(components))
    return " = ".join(groups)
