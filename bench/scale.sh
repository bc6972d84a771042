#!/usr/bin/env bash
# How castor build grows with the corpus: time and peak memory at several sizes.
#
#   bench/scale.sh [N...]      fiche counts (default: 1000 10000 50000)
#   RUNS=3 bench/scale.sh      full builds per size (default 1; the median is shown)
#
# Builds Castor in release, then for each N generates bench/generate_corpus.py's corpus of N
# fiches (+ N/10 events, N/10 ads) in a temporary directory and times full builds of it, as
# bench/run.sh does (--now 2026-11-23, the repository's templates, each run into a new output
# folder, /usr/bin/time). Prints, per size: pages written, median wall and CPU (user + sys)
# seconds, peak RSS (MB, the highest of the runs), CPU milliseconds per fiche, each size's CPU
# per fiche against the first size's (1.00 = linear) and the peak memory added per 1,000
# fiches since the previous size.
# Castor's « Étapes : … » line of the last run of each size follows the table.
# Only the corpus being built is on disk at a time. Exit status: 0, 1 on error, 2 usage.
set -euo pipefail

SIZES=("$@")
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(1000 10000 50000)
for n in "${SIZES[@]}"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 3 ]; then
    echo "usage: $0 [N...]   (fiche counts, each >= 3; default 1000 10000 50000)" >&2
    exit 2
  fi
done
RUNS="${RUNS:-1}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: RUNS must be a positive whole number" >&2
  exit 2
fi
NOW=2026-11-23
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is required (Debian package « time »)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is required" >&2; exit 1; }
command -v swift >/dev/null 2>&1 || { echo "error: swift is required" >&2; exit 1; }

"$REPO/scripts/setup.sh" >&2  # cmark-gfm and mimalloc, which castor links with
echo "== swift build -c release --product castor" >&2
(cd "$REPO" && swift build -c release --product castor >&2)
CASTOR="$(cd "$REPO" && swift build -c release --show-bin-path)/castor"
[ -x "$CASTOR" ] || { echo "error: $CASTOR not found" >&2; exit 1; }

W="$(mktemp -d "${TMPDIR:-/tmp}/castor-scale.XXXXXX")"
trap 'rm -rf "$W"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f\n", v[int((NR + 1) / 2)] }'; }

echo "== $(nproc) CPU, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$W/rows"
for n in "${SIZES[@]}"; do
  echo "== corpus: $n fiches" >&2
  # Nothing is deleted before the end, each run writes into a new folder: on ext4 without a
  # journal, files created within minutes of a large deletion cost the kernel seconds more
  # (see run.sh). So the corpus's Hugo copy stays too (unused here).
  python3 "$REPO/bench/generate_corpus.py" "$W/c-$n" --fiches "$n" >/dev/null
  sync
  : >"$W/times"
  for i in $(seq 1 "$RUNS"); do
    if ! /usr/bin/time -f '%e %M %U %S' -o "$W/time.tmp" "$CASTOR" build --content "$W/c-$n/content" \
      --templates "$REPO/templates" --output "$W/out-$n-$i" --now "$NOW" >"$W/log" 2>&1; then
      echo "error: castor build failed ($n fiches, run $i):" >&2
      tail -n 40 "$W/log" >&2
      exit 1
    fi
    tail -n 1 "$W/time.tmp" >>"$W/times"
    echo "   $n fiches, run $i: $(tail -n 1 "$W/time.tmp" | awk '{printf "%.2f s wall, %.2f s CPU, %.1f MB", $1, $3 + $4, $2 / 1024}')" >&2
  done
  pages=$(find "$W/out-$n-1" -name '*.html' | wc -l)
  wall=$(awk '{ print $1 }' "$W/times" | median)
  cpu=$(awk '{ print $3 + $4 }' "$W/times" | median)
  rss=$(awk '$2 > m { m = $2 } END { printf "%.1f", m / 1024 }' "$W/times")
  echo "$n $pages $wall $cpu $rss" >>"$W/rows"
  echo "$n $(grep -m 1 '^Étapes' "$W/log" || true)" >>"$W/steps"
done

echo
echo "castor build at several sizes ($RUNS run(s) each, median; $(nproc) CPU, --now $NOW)"
printf '%8s %7s %8s %8s %9s %12s %12s %16s\n' fiches pages "wall s" "CPU s" "peak MB" "CPU ms/fiche" "CPU/fiche x" "+MB/1000 fiches"
awk 'NR == 1 { base = $4 / $1 } {
  growth = NR == 1 ? "-" : sprintf("%.1f", 1000 * ($5 - rss) / ($1 - n))
  printf "%8d %7d %8.2f %8.2f %9.1f %12.2f %12.2f %16s\n", $1, $2, $3, $4, $5, 1000 * $4 / $1, ($4 / $1) / base, growth
  n = $1; rss = $5
}' "$W/rows"
echo "(CPU = user + sys, steadier than wall time on a shared machine; CPU/fiche x: against the first size, 1.00 = linear;"
echo " +MB/1000 fiches: peak memory added per 1,000 fiches since the previous size)"
echo
sed 's/^/  /' "$W/steps"
