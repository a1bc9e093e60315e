"""The privacy officer's dashboard: server-rendered pages and a JSON API (FastAPI)."""
