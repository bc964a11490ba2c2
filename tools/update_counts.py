"""Write the per-series row counts of the shipped sheets into README.md and config/README.md.

`python tools/update_counts.py` rewrites the tables between `<!-- counts:start -->` and `<!-- counts:end -->`;
`--check` only compares and exits 1 when a table is stale (run by the tests). The counts are those of an offline
run (no PDFs, so nothing `extracted`): the shipped sheets merged exactly as the workflow's normalise/merge steps
do, with the default config's conventions and source priority.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd
import yaml

from computelimits.burden import counts, merge_benchmark
from computelimits.config import conventions_from_config
from computelimits.defaults import with_defaults
from computelimits.hardware import load_table
from computelimits.sheets import load_benchmarks

ROOT = Path(__file__).resolve().parents[1]
FILES = ["README.md", "config/README.md"]
BLOCK = re.compile(r"(<!-- counts:start -->\n)(.*?)(<!-- counts:end -->)", re.S)
HEADER = [
    "| series | rows | with compute | curated | extracted | given | Epoch estimate | no compute | with compute, 2020+ "
    "| years |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def shipped_papers(root: Path = ROOT) -> pd.DataFrame:
    """papers.tsv of an offline run on the shipped sheets (no statements)."""
    config = with_defaults(yaml.safe_load((root / "config/config.yaml").read_text()))  # as the workflow does
    sheet_schema = yaml.safe_load((root / "workflow/schemas/sheet.schema.yaml").read_text())
    sheets = load_benchmarks(config["benchmarks"], sheet_schema, root)
    table = load_table(root / config["hardware_table"])
    conventions = conventions_from_config(config["conventions"], config["convention"])
    frames = []
    for name, sheet in sheets.items():
        spec = config["benchmarks"][name]
        merged = merge_benchmark(
            name, sheet, spec, pd.DataFrame(), table, conventions, config["source_priority"],
            config["given_flop_log10_halfwidth"],
        )  # fmt: skip
        frames.append(merged)
    return pd.concat(frames, ignore_index=True)


def markdown(table: pd.DataFrame) -> str:
    lines = list(HEADER)
    for row in table.itertuples(index=False):
        lines.append(
            f"| {row.benchmark} | {row.rows} | {row.with_compute} | {row.curated} | {row.extracted} | {row.given} "
            f"| {row.epoch_estimate} | {row.no_compute} | {row.with_compute_2020} | {row.first_year}-{row.last_year} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if a table is stale")
    args = parser.parse_args()
    block = markdown(counts(shipped_papers()))
    stale = []
    for name in FILES:
        path = ROOT / name
        text = path.read_text()
        if not BLOCK.search(text):
            sys.exit(f"{name}: no '<!-- counts:start -->' ... '<!-- counts:end -->' block")
        new = BLOCK.sub(lambda m: m.group(1) + block + m.group(3), text)
        if new != text:
            stale.append(name)
            if not args.check:
                path.write_text(new)
    if args.check and stale:
        print(f"row counts are stale in {', '.join(stale)}: run `python tools/update_counts.py`", file=sys.stderr)
        return 1
    print(block, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
