"""One moto S3 server over HTTP on loopback for the whole test session (boto3 talks to it
exactly as to AWS or MinIO), and its request recording for tests that count reads."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

S3_ENV = {
    "AWS_ACCESS_KEY_ID": "expunge-test",
    "AWS_SECRET_ACCESS_KEY": "expunge-test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}
# moto reads this when it is imported: its recordings go to a private file, not the cwd.
os.environ.setdefault("MOTO_RECORDER_FILEPATH",
                      os.path.join(tempfile.mkdtemp(prefix="expunge-moto-"), "recording"))
_moto: dict[str, Any] = {}


def moto_endpoint() -> str:
    """The URL of the session's moto S3 server, started on first use on a free port."""
    if "url" not in _moto:
        from moto.server import ThreadedMotoServer

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        _moto.update(server=server, url=f"http://{host}:{port}")
    return str(_moto["url"])


def stop_moto() -> None:
    """Stop the session's moto server, if it was started."""
    if "server" in _moto:
        _moto.pop("server").stop()
        _moto.clear()


def _moto_api(endpoint: str, action: str) -> bytes:
    method = "GET" if action == "download-recording" else "POST"
    request = Request(f"{endpoint}/moto-api/recorder/{action}", method=method)
    with urlopen(request, timeout=10) as response:  # loopback only: the test's own server
        return bytes(response.read())


class RequestLog:
    """Records the S3 requests the server receives between start() and requests()."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint

    def start(self) -> None:
        _moto_api(self.endpoint, "reset-recording")
        _moto_api(self.endpoint, "start-recording")

    def requests(self) -> list[dict[str, Any]]:
        _moto_api(self.endpoint, "stop-recording")
        text = _moto_api(self.endpoint, "download-recording").decode()
        decoder, entries, at = json.JSONDecoder(), [], 0
        while at < len(text):  # entries are concatenated JSON objects
            entry, at = decoder.raw_decode(text, at)
            entries.append(entry)
            while at < len(text) and text[at].isspace():
                at += 1
        return entries

    def object_reads(self, bucket: str) -> list[str]:
        """The paths of GetObject requests (content reads) on ``bucket``."""
        reads = []
        for entry in self.requests():
            url = urlsplit(entry["url"])
            path, query = url.path, url.query
            if entry["method"] == "GET" and f"/{bucket}/" in path and "tagging" not in query:
                reads.append(path)
        return reads
