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
RUN pip install . && useradd --system --home /app expunge
USER expunge
ENTRYPOINT ["expunge"]
CMD ["--help"]
