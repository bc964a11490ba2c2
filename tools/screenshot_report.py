"""Open the HTML report offline in headless Chromium and save screenshots (issue: report readable offline).

    python tools/screenshot_report.py [--report results/report.html] [--out results/report_screenshots]

Writes one PNG of the report's start page and one per figure found in the report (each opened in its own
offline page), and prints how many figures the report embeds. Needs Debian's `chromium`
(`apt-get install chromium`); exits 2 with a message when it is missing.
"""

from __future__ import annotations

import argparse
import base64
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]  # fmt: skip


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def screenshot(browser: str, url: str, out: Path, size: str = "1400,1000") -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", "--virtual-time-budget=5000",
             f"--screenshot={out}", url],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


def embedded_pngs(report: Path) -> dict[str, bytes]:
    """PNG figures embedded in the report (Snakemake writes data URIs naming the file), by file name."""
    text = report.read_text(errors="ignore")
    found = re.findall(r"data:image/png;[^,\"']*?filename=([^;,]+)[^,\"']*,([A-Za-z0-9+/=]+)", text)
    return {name: base64.b64decode(data) for name, data in found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=Path("results/report.html"))
    parser.add_argument("--out", type=Path, default=Path("results/report_screenshots"))
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    start = args.out / "report.png"
    screenshot(browser, args.report.resolve().as_uri(), start)
    print(f"start page: {start} ({start.stat().st_size} bytes)")
    images = embedded_pngs(args.report)
    print(f"figures embedded in the report: {len(images)}")
    for name, data in sorted(images.items()):
        print(f"  {name}: {len(data)} bytes")
        page = args.out / f"{Path(name).stem}.html"
        encoded = base64.b64encode(data).decode()
        page.write_text(
            f'<html><body style="margin:0"><img src="data:image/png;base64,{encoded}" width="100%"></body></html>'
        )
        shot = args.out / f"{Path(name).stem}.png"
        screenshot(browser, page.resolve().as_uri(), shot)
        page.unlink()
    print(f"screenshots: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
