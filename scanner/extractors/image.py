"""Images (PNG, JPEG, TIFF) through Tesseract OCR, when the ``tesseract`` program is installed.

The image goes to ``tesseract stdin stdout`` with Korean, Vietnamese and English (those whose
language data is installed), one thread, a memory cap and a timeout. Without tesseract,
images are an UnsupportedFormat.
"""

from __future__ import annotations

import functools
import os
import resource
import shutil
import subprocess
from typing import ClassVar

from scanner.errors import CorruptDocument, ExtractionTimeout, UnsupportedFormat
from scanner.extractors.base import Extractor

OCR_LANGUAGES = ("kor", "vie", "eng")
DEFAULT_OCR_TIMEOUT_SECONDS = 120.0
DEFAULT_OCR_MEMORY_BYTES = 2 * 1024 * 1024 * 1024
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-vie"
_MAGICS = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
)


def find_tesseract() -> str | None:
    """Return the path of the tesseract program, or None when it is not installed."""
    return shutil.which("tesseract")


@functools.cache
def installed_languages(program: str) -> tuple[str, ...]:
    """Return which of OCR_LANGUAGES have language data for ``program``."""
    try:
        listing = subprocess.run(
            [program, "--list-langs"], capture_output=True, timeout=30, check=True
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return ()
    available = {line.strip() for line in listing.splitlines()}
    return tuple(language for language in OCR_LANGUAGES if language in available)


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    """Cap the OCR process's address space so a pixel bomb fails instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (DEFAULT_OCR_MEMORY_BYTES, DEFAULT_OCR_MEMORY_BYTES))


class ImageExtractor(Extractor):
    """PNG, JPEG and TIFF images: the text Tesseract recognises in them."""

    label: ClassVar[str] = "image"
    extensions: ClassVar[frozenset[str]] = frozenset({"png", "jpg", "jpeg", "tif", "tiff"})
    timeout_seconds: ClassVar[float] = DEFAULT_OCR_TIMEOUT_SECONDS

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for PNG, JPEG or TIFF magic bytes."""
        return data.startswith(_MAGICS)

    def extract(self, data: bytes) -> str:
        """Return the recognised text; raise UnsupportedFormat when OCR is not available."""
        program = find_tesseract()
        if program is None:
            raise UnsupportedFormat(f"OCR needs tesseract ({INSTALL_HINT})")
        languages = installed_languages(program)
        if not languages:
            raise UnsupportedFormat(f"OCR needs tesseract language data ({INSTALL_HINT})")
        if not self.sniff(data):
            raise CorruptDocument("image is not a PNG, JPEG or TIFF file")
        command = [program, "stdin", "stdout", "-l", "+".join(languages)]
        try:
            done = subprocess.run(
                command,
                input=data,
                capture_output=True,
                timeout=self.timeout_seconds,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                preexec_fn=_limit_memory,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExtractionTimeout(
                f"image OCR took longer than {self.timeout_seconds:g} seconds"
            ) from None
        except OSError as exc:
            raise UnsupportedFormat(f"OCR could not run tesseract ({type(exc).__name__})") from None
        if done.returncode != 0:
            raise CorruptDocument(f"image could not be read by tesseract (exit {done.returncode})")
        return done.stdout.decode("utf-8", "replace").replace("\f", "").strip()
