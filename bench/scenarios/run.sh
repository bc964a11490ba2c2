#!/usr/bin/env bash
# The four runs of issue 14's acceptance, one after another, each from an empty results/ (so nothing is reused):
#   (a) make run; (b) the PDFs of ../shared/data/papers_dev and papers_sheets in pdf_dir, download=false;
#   (c) Thompson et al.'s points as the sheets (c_thompson_points.yaml); (d) eight series (d_extra_series.yaml).
# Usage, from the repository's top: bash bench/scenarios/run.sh [a b c d]. Each run's results/ is kept under
# scenario-runs/<name>/ (its logs in logs/, each fit's attempts in attempts.txt) and a table of each variant's diagnostics is printed at the end. It takes about an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared/data}
OUT=scenario-runs
CORES=${CORES:-2}
mkdir -p "$OUT"
make --quiet .venv/.installed >/dev/null
SNAKEMAKE=.venv/bin/snakemake
run() {
  local name=$1; shift
  rm -rf results logs
  local start=$SECONDS
  if [ "$name" = a ]; then
    make run CORES="$CORES" >"$OUT/$name.log" 2>&1 || { echo "run $name failed: see $OUT/$name.log" >&2; tail -20 "$OUT/$name.log" >&2; }
  else
    { $SNAKEMAKE --cores "$CORES" "$@" && $SNAKEMAKE --cores "$CORES" "$@" --report results/report.html; } \
      >"$OUT/$name.log" 2>&1 || { echo "run $name failed: see $OUT/$name.log" >&2; tail -20 "$OUT/$name.log" >&2; }
  fi
  echo "run $name: $((SECONDS - start)) s, report $( [ -s results/report.html ] && echo written || echo MISSING)" | tee -a "$OUT/times.txt"
  rm -rf "$OUT/$name"; mv results "$OUT/$name"; mv logs "$OUT/$name/logs"
  grep -h "attempt" "$OUT/$name"/logs/model/*.log >"$OUT/$name/attempts.txt" || true
}
pdfs=$(mktemp -d)
trap 'rm -rf "$pdfs"' EXIT
for corpus in papers_dev papers_sheets; do
  for pdf in "$SHARED/$corpus"/pdfs/*.pdf; do ln -sf "$(realpath "$pdf")" "$pdfs/"; done
done
names=("$@"); [ ${#names[@]} -gt 0 ] || names=(a b c d)
for name in "${names[@]}"; do
  case $name in
    a) run a ;;
    b) run b --config pdf_dir="$pdfs" download=false ;;
    c) run c --configfile bench/scenarios/c_thompson_points.yaml ;;
    d) run d --configfile bench/scenarios/d_extra_series.yaml ;;
    *) echo "unknown scenario $name (a, b, c or d)" >&2; exit 2 ;;
  esac
done
for name in a b c d; do
  f="$OUT/$name/model/diagnostics.tsv"
  [ -f "$f" ] || continue
  echo "== $name"; cut -f1-4,6,7,8,10 "$f" | column -t
done
