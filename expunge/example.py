"""The commented configuration `expunge init` writes."""

EXAMPLE_CONFIG = """\
# expunge configuration. Secrets come from the environment: ${VAR} or ${VAR:-default}.
# Relative paths are relative to this file.

# Where expunge keeps what it knows (masked findings, decisions, audit trail).
# Any SQLAlchemy URL: sqlite:///.expunge/catalog.db or postgresql+psycopg://user@host/db
catalog: sqlite:///.expunge/catalog.db

# embedded runs the work inside each command; redis://127.0.0.1:6379/0 sends it to
# `expunge worker` processes (run as many as you like, on as many machines).
broker: embedded

# Retention rule packs: built-in names (kr-medical) or paths to your own YAML packs.
rules: [kr-medical]

# Where data lives. kind: files (a local or mounted folder).
sources:
  - name: charts
    kind: files
    path: /srv/clinic/charts
    exclude: ["**/.git/**", "**/~$*"]

# Which data is which record category, and what starts its clock
# (mtime, a date column, or meta:<key> / tag:<key> of an S3 object).
bindings:
  - {source: charts, path: "rx/**", clock: mtime, category: prescription}
  - {source: charts, path: "charts/**", clock: mtime, category: medical_record}

scan:
  batch_size: 20              # items per classification message
  max_file_size: 67108864     # bytes; bigger items are reported, not read
  score_threshold: 0.5        # minimum detection score kept

certificates_dir: .expunge/certificates
worker_threads: 2
"""
