"""arXiv PDFs by id: use what is already in pdf_dir, else download politely, atomically and verified.

Offline behaviour: the first network failure (within `timeout` seconds) stops every further attempt in the same
call, and the remaining papers are reported as 'unavailable' so the pipeline falls back to curated facts.
"""

from __future__ import annotations

import logging
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .atomic import atomic_path

log = logging.getLogger(__name__)

MIRROR = "https://export.arxiv.org/pdf/{id}"
USER_AGENT = f"computelimits/{__version__} (reproducible-research pipeline; one request per 3 s)"
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")


def base_id(arxiv_id: str) -> str:
    """'1706.03762v5' -> '1706.03762', 'hep-th/9901001v2' -> 'hep-th/9901001'; other text unchanged."""
    return re.sub(r"v\d+$", "", arxiv_id.strip()) if arxiv_id else ""


@dataclass
class Fetched:
    arxiv_id: str
    path: str
    status: str  # local | downloaded | unavailable | failed
    reason: str = ""


def local_pdf(pdf_dir: Path, arxiv_id: str) -> Path | None:
    """`<id>.pdf`, or the highest `<id>v<N>.pdf`, in pdf_dir; old-style ids use '_' for '/'."""
    stem = arxiv_id.replace("/", "_")
    exact = pdf_dir / f"{stem}.pdf"
    if exact.is_file():  # even an empty one: extraction reports it (our own downloads are never partial)
        return exact
    if re.search(r"v\d+$", stem):
        return None
    versions = sorted(
        (p for p in pdf_dir.glob(f"{stem}v*.pdf") if re.fullmatch(rf"{re.escape(stem)}v\d+\.pdf", p.name)),
        key=lambda p: int(p.stem.rsplit("v", 1)[1]),
    )
    return versions[-1] if versions else None


def download(arxiv_id: str, target: Path, url: str, timeout: float) -> None:
    """Fetch `url` to `target` atomically; raise on HTTP errors, timeouts, empty or non-PDF bodies."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with (
        atomic_path(target, suffix=".part") as tmp,
        open(tmp, "wb") as out,
        urllib.request.urlopen(request, timeout=timeout) as response,
    ):
        head = response.read(5)
        if head != b"%PDF-":
            raise ValueError(f"not a PDF (starts with {head!r})")
        out.write(head)
        while chunk := response.read(1 << 16):
            out.write(chunk)
        expected = response.headers.get("Content-Length")
        if expected is not None and out.tell() != int(expected):
            raise ValueError(f"interrupted transfer ({out.tell()} of {expected} bytes)")


# The reason of every id left unfetched offline, the one whose download failed included: which fetch job meets the
# network first varies between runs, so a per-job message would make the status tables differ from run to run.
# The error itself goes to the job's log and to the offline marker.
OFFLINE = "offline (a download failed; its error is in the fetch log)"


def fetch_all(
    ids: list[str],
    pdf_dir: str | Path,
    allow_download: bool,
    timeout: float = 10.0,
    delay: float = 3.0,
    mirror: str = MIRROR,
    offline_marker: str | Path | None = None,
    marker_ttl: float = 900.0,
) -> list[Fetched]:
    """One Fetched per id (in order). Downloads are spaced by `delay` seconds; the first network failure
    switches downloading off for the rest of the call, and writes `offline_marker` so that other jobs of the
    same run (within `marker_ttl` seconds) do not try again."""
    pdf_dir = Path(pdf_dir)
    marker = Path(offline_marker) if offline_marker else None
    online = allow_download and not (marker and marker.exists() and time.time() - marker.stat().st_mtime < marker_ttl)
    last_request = 0.0
    results = []
    for arxiv_id in ids:
        found = local_pdf(pdf_dir, arxiv_id)
        if found is not None:
            results.append(Fetched(arxiv_id, str(found), "local"))
            continue
        if not online:
            reason = "download disabled" if not allow_download else OFFLINE
            results.append(Fetched(arxiv_id, "", "unavailable", reason))
            continue
        wait = delay - (time.monotonic() - last_request)
        if wait > 0:
            time.sleep(wait)
        last_request = time.monotonic()
        target = pdf_dir / f"{arxiv_id.replace('/', '_')}.pdf"
        try:
            download(arxiv_id, target, mirror.format(id=arxiv_id), timeout)
            results.append(Fetched(arxiv_id, str(target), "downloaded"))
        except urllib.error.HTTPError as exc:
            results.append(Fetched(arxiv_id, "", "failed", f"HTTP {exc.code}"))
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            online = False
            log.warning("download of %s failed (%s); no further downloads in this run", arxiv_id, exc)
            results.append(Fetched(arxiv_id, "", "unavailable", OFFLINE))
            if marker:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.write_text(f"{arxiv_id}: {exc}\n")
        except ValueError as exc:
            results.append(Fetched(arxiv_id, "", "failed", str(exc)))
    return results
