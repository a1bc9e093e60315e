# The production image: one image, many roles (worker, scheduler, dashboard, CLI).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY connectors connectors
COPY scanner scanner
COPY rules rules
COPY catalog catalog
COPY workers workers
COPY expunge expunge
# Hangul fonts for PDF certificates; tesseract for OCR of scanned documents (kor, vie).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-nanum tesseract-ocr \
      tesseract-ocr-kor tesseract-ocr-vie && rm -rf /var/lib/apt/lists/*
RUN pip install . && useradd --system --home /app expunge
USER expunge
ENTRYPOINT ["expunge"]
CMD ["--help"]
