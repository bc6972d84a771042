#!/usr/bin/env bash
# Castor vs Hugo benchmark on a generated corpus.
#
#   bench/run.sh [N]        N = number of fiches (default 10000)
#   RUNS=5 bench/run.sh     full builds per tool (default 3; the median is shown)
#
# Builds Castor in release, generates a corpus of N fiches (+ N/10 events, N/10 ads)
# and its Hugo equivalent in a temporary directory, then times RUNS full builds of each tool
# (interleaved, each into a new output folder) with /usr/bin/time:
#   - castor (its summary line « Étapes : … » gives the per-step times);
#   - hugo with the corpus's equivalent layouts (header, breadcrumb, TOC, Related, pagination);
#   - hugo-min: the same Hugo copy with the minimal layouts of bench/hugo-minimal-layouts/
#     (HUGO_MINIMAL_LAYOUTS=folder to use another copy) as its layouts/.
# Prints a table (pages, median and min wall, median user+sys CPU, peak RSS), Castor's ratio
# against both Hugo runs, Castor's median time per step, and PASS/FAIL against the targets:
#   castor median wall <= 0.5 x hugo (equivalent layouts) median wall, castor peak RSS < 500 MB,
#   castor median wall <= hugo-min median wall and castor peak RSS <= 300 MB (issue 15).
# Exit status: 0 PASS, 1 FAIL or error, 2 usage.
set -euo pipefail

N="${1:-10000}"
if ! [[ "$N" =~ ^[0-9]+$ ]] || [ "$N" -lt 3 ]; then
  echo "usage: $0 [N]   (N = number of fiches, >= 3, default 10000)" >&2
  exit 2
fi
RUNS="${RUNS:-3}"
if ! [[ "$RUNS" =~ ^[0-9]+$ ]] || [ "$RUNS" -lt 1 ]; then
  echo "usage: RUNS must be a number >= 1 (builds per tool, default 3)" >&2
  exit 2
fi
NOW=2026-11-23
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINIMAL="${HUGO_MINIMAL_LAYOUTS:-$REPO/bench/hugo-minimal-layouts}"

# --- Tools ----------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "== installing: ${missing[*]}" >&2
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is required" >&2; exit 1; }
command -v swift >/dev/null 2>&1 || { echo "error: swift is required" >&2; exit 1; }
if [ ! -d "$MINIMAL/_default" ]; then
  echo "error: $MINIMAL/_default does not exist (minimal Hugo layouts are required)" >&2
  exit 1
fi
if [ ! -d "$REPO/templates" ]; then
  echo "error: $REPO/templates does not exist (Castor templates are required)" >&2
  exit 1
fi

# --- Castor (release) -----------------------------------------------------------------
"$REPO/scripts/setup.sh" >&2  # cmark-gfm and mimalloc, which castor links with
echo "== swift build -c release --product castor" >&2
(cd "$REPO" && swift build -c release --product castor >&2)
CASTOR="$(cd "$REPO" && swift build -c release --show-bin-path)/castor"
[ -x "$CASTOR" ] || { echo "error: $CASTOR not found" >&2; exit 1; }

# --- Corpus ---------------------------------------------------------------------------
C="$(mktemp -d "${TMPDIR:-/tmp}/castor-bench.XXXXXX")"
trap 'rm -rf "$C"' EXIT
echo "== corpus: $N fiches in $C" >&2
python3 "$REPO/bench/generate_corpus.py" "$C" --fiches "$N"
# The same Hugo site with the minimal layouts (content hard-linked: Hugo only reads it).
cp -al "$C/hugo" "$C/hugo-min"
rm -rf "$C/hugo-min/layouts"
cp -r "$MINIMAL" "$C/hugo-min/layouts"
rm -f "$C/hugo-min/layouts/README.md"

# --- Timed runs -----------------------------------------------------------------------
# run_one TOOL RUN OUTDIR CMD... : full build into OUTDIR, a new folder, appends
# "wall_seconds peak_rss_kb user_seconds sys_seconds" to $C/times.TOOL (and Castor's
# « Étapes : … » line to $C/steps.castor).
# Every run writes into a folder of its own and nothing is deleted before the end: on ext4
# without a journal (this kind of machine), a file created within minutes of a large deletion
# waits while the kernel skips the inodes freed less than 60 s ago, or 360 s while their block
# is not written back (fs/ext4/ialloc.c; perf: `find_inode_bit` and `recently_deleted`, up to a
# third of all samples, seconds more per run, varying from run to run). Deleting the previous
# output just before a run timed that, not the tool.
run_one() {
  local tool="$1" i="$2" out="$3"
  shift 3
  if [ -e "$out" ]; then echo "error: $out exists" >&2; exit 1; fi
  if ! /usr/bin/time -f '%e %M %U %S' -o "$C/time.tmp" "$@" >"$C/log.$tool" 2>&1; then
    echo "error: $tool build failed (run $i):" >&2
    tail -n 40 "$C/log.$tool" >&2
    exit 1
  fi
  tail -n 1 "$C/time.tmp" >>"$C/times.$tool"
  if [ "$tool" = castor ]; then grep -m 1 '^Étapes' "$C/log.$tool" >>"$C/steps.castor" || true; fi
  echo "   $tool run $i: $(tail -n 1 "$C/time.tmp" | awk '{printf "%.2f s wall, %.2f s CPU, %.1f MB", $1, $3 + $4, $2 / 1024}')" >&2
}

sync  # the corpus written back before the first run, not during it
echo "== $(nproc) CPU, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$C/times.castor"
: >"$C/times.hugo"
: >"$C/times.hugo-min"
: >"$C/steps.castor"
for i in $(seq 1 "$RUNS"); do
  run_one castor "$i" "$C/out-castor-$i" \
    "$CASTOR" build --content "$C/content" --templates "$REPO/templates" \
    --output "$C/out-castor-$i" --now "$NOW"
  run_one hugo "$i" "$C/out-hugo-$i" \
    hugo --source "$C/hugo" --destination "$C/out-hugo-$i" --quiet
  run_one hugo-min "$i" "$C/out-hugo-min-$i" \
    hugo --source "$C/hugo-min" --destination "$C/out-hugo-min-$i" --quiet
done

pages() { find "$1" -name '*.html' | wc -l; }
files() { find "$1" -type f | wc -l; }

# median: the middle one of the numbers on stdin (the lower middle for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f\n", v[int((NR + 1) / 2)] }'; }
# stats FILE -> "median_wall min_wall peak_rss_mb median_cpu"
stats() {
  echo "$(awk '{ print $1 }' "$1" | median) $(awk '{ print $1 }' "$1" | sort -g | head -n 1)" \
    "$(awk '$2 > m { m = $2 } END { printf "%.1f", m / 1024 }' "$1") $(awk '{ print $3 + $4 }' "$1" | median)"
}
read -r MED_C MIN_C RSS_C CPU_C < <(stats "$C/times.castor")
read -r MED_H MIN_H RSS_H CPU_H < <(stats "$C/times.hugo")
read -r MED_M MIN_M RSS_M CPU_M < <(stats "$C/times.hugo-min")

echo
echo "Castor vs Hugo, $N fiches, $RUNS full builds each (hugo $(hugo version | awk '{print $2}'), $(nproc) CPU)"
printf '%-9s %7s %7s %14s %11s %13s %12s\n' tool pages files "median wall s" "min wall s" "median CPU s" "peak RSS MB"
printf '%-9s %7s %7s %14s %11s %13s %12s\n' castor "$(pages "$C/out-castor-1")" "$(files "$C/out-castor-1")" "$MED_C" "$MIN_C" "$CPU_C" "$RSS_C"
printf '%-9s %7s %7s %14s %11s %13s %12s\n' hugo "$(pages "$C/out-hugo-1")" "$(files "$C/out-hugo-1")" "$MED_H" "$MIN_H" "$CPU_H" "$RSS_H"
printf '%-9s %7s %7s %14s %11s %13s %12s\n' hugo-min "$(pages "$C/out-hugo-min-1")" "$(files "$C/out-hugo-min-1")" "$MED_M" "$MIN_M" "$CPU_M" "$RSS_M"
echo "(hugo: equivalent layouts; hugo-min: minimal layouts; CPU = user + sys)"
awk -v mc="$MED_C" -v mh="$MED_H" -v mm="$MED_M" -v cc="$CPU_C" -v ch="$CPU_H" -v cm="$CPU_M" \
  -v rc="$RSS_C" -v rh="$RSS_H" -v rm="$RSS_M" 'BEGIN {
  printf "castor / hugo      wall %.3f  CPU %.3f  peak RSS %.3f\n", (mh > 0 ? mc / mh : 0), (ch > 0 ? cc / ch : 0), (rh > 0 ? rc / rh : 0)
  printf "castor / hugo-min  wall %.3f  CPU %.3f  peak RSS %.3f\n", (mm > 0 ? mc / mm : 0), (cm > 0 ? cc / cm : 0), (rm > 0 ? rc / rm : 0)
}'
# Castor's steps: the median of each step over the runs (« Étapes : lecture 1,02 s, … »).
echo
echo "Castor steps (median of $RUNS runs, seconds):"
sed -e 's/^Étapes : //' -e 's/, /\n/g' "$C/steps.castor" | sed 's/\([0-9]\),\([0-9]\)/\1.\2/' >"$C/steps.list"
awk '{ print $1 }' "$C/steps.list" | awk '!seen[$0]++' | while read -r step; do
  printf '  %6s  %s\n' "$(awk -v s="$step" '$1 == s { print $2 }' "$C/steps.list" | median)" "$step"
done
echo
RESULT=PASS
check() {  # check CONDITION MESSAGE_PASS MESSAGE_FAIL
  if awk "BEGIN { exit !($1) }"; then echo "PASS  $2"; else echo "FAIL  $3"; RESULT=FAIL; fi
}
check "$MED_C <= 0.5 * $MED_H" "wall: castor ${MED_C} s <= 0.5 x hugo ${MED_H} s" "wall: castor ${MED_C} s > 0.5 x hugo ${MED_H} s"
check "$RSS_C < 500" "memory: castor peak RSS ${RSS_C} MB < 500 MB" "memory: castor peak RSS ${RSS_C} MB >= 500 MB"
check "$MED_C <= $MED_M" "wall: castor ${MED_C} s <= hugo-min ${MED_M} s" "wall: castor ${MED_C} s > hugo-min ${MED_M} s"
check "$RSS_C <= 300" "memory: castor peak RSS ${RSS_C} MB <= 300 MB" "memory: castor peak RSS ${RSS_C} MB > 300 MB"
echo "$RESULT"
[ "$RESULT" = PASS ]
