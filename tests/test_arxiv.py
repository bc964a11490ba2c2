"""Fetching PDFs: local files by id, and downloads against a local HTTP server (success, 404, timeout,
non-PDF body, interrupted transfer) that never leave a partial file behind."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from computelimits.arxiv import OFFLINE, fetch_all, local_pdf

PDF = b"%PDF-1.4\n" + b"x" * 5000 + b"\n%%EOF\n"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        name = self.path.rsplit("/", 1)[-1]
        if name == "2001.00001":
            self._send(200, PDF)
        elif name == "2001.00002":
            self._send(404, b"not found")
        elif name == "2001.00003":
            self._send(200, b"<html>captcha</html>")
        elif name == "2001.00004":
            self.send_response(200)
            self.send_header("Content-Length", str(len(PDF)))
            self.end_headers()
            self.wfile.write(PDF[:100])  # then hang up
        elif name == "2001.00005":
            time.sleep(3)
            self._send(200, PDF)

    def _send(self, code, body):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/pdf/{{id}}"
    httpd.shutdown()


def test_local_versions(tmp_path):
    (tmp_path / "1706.03762v2.pdf").write_bytes(PDF)
    (tmp_path / "1706.03762v10.pdf").write_bytes(PDF)
    assert local_pdf(tmp_path, "1706.03762").name == "1706.03762v10.pdf"
    assert local_pdf(tmp_path, "1706.03762v2").name == "1706.03762v2.pdf"
    assert local_pdf(tmp_path, "1706.0376") is None


def _no_partials(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize(
    ("arxiv_id", "status", "reason"),
    [
        ("2001.00001", "downloaded", ""),
        ("2001.00002", "failed", "HTTP 404"),
        ("2001.00003", "failed", "not a PDF"),
        ("2001.00004", "failed", "interrupted transfer"),
    ],
)
def test_download_outcomes(tmp_path, server, arxiv_id, status, reason):
    [result] = fetch_all([arxiv_id], tmp_path, True, timeout=2, delay=0, mirror=server)
    assert result.status == status and reason in result.reason
    assert _no_partials(tmp_path) == []
    target = tmp_path / f"{arxiv_id}.pdf"
    assert target.exists() == (status == "downloaded")
    if status == "downloaded":
        assert target.read_bytes() == PDF


def test_timeout_stops_further_attempts(tmp_path, server):
    started = time.monotonic()
    results = fetch_all(["2001.00005", "2001.00001"], tmp_path, True, timeout=0.5, delay=0, mirror=server)
    assert time.monotonic() - started < 10
    assert [r.status for r in results] == ["unavailable", "unavailable"]
    assert "offline" in results[1].reason
    assert _no_partials(tmp_path) == []


def test_cached_file_is_not_fetched_again(tmp_path, server):
    fetch_all(["2001.00001"], tmp_path, True, timeout=2, delay=0, mirror=server)
    [again] = fetch_all(["2001.00001"], tmp_path, True, timeout=2, delay=0, mirror="http://127.0.0.1:9/{id}")
    assert again.status == "local"


def test_download_disabled(tmp_path):
    [result] = fetch_all(["2001.00001"], tmp_path, False)
    assert (result.status, result.reason) == ("unavailable", "download disabled")


def test_offline_marker_is_shared_between_jobs(tmp_path, server):
    marker = tmp_path / "results" / ".offline"
    first = fetch_all(["2001.00005"], tmp_path, True, timeout=0.5, delay=0, mirror=server, offline_marker=marker)
    assert (first[0].status, first[0].reason) == ("unavailable", OFFLINE) and "2001.00005" in marker.read_text()
    [second] = fetch_all(["2001.00001"], tmp_path, True, timeout=2, delay=0, mirror=server, offline_marker=marker)
    assert (second.status, second.reason) == ("unavailable", OFFLINE)  # the same words: order-independent tables
    [later] = fetch_all(["2001.00001"], tmp_path, True, 2, 0, server, offline_marker=marker, marker_ttl=0)
    assert later.status == "downloaded"
