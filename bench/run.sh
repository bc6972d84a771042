#!/usr/bin/env bash
# Castor vs Hugo benchmark on a generated corpus.
#
#   bench/run.sh [N]        N = number of fiches (default 10000)
#
# Builds Castor in release, generates a corpus of N fiches (+ N/10 events, N/10 ads)
# and its Hugo equivalent in a temporary directory, then times 3 full builds of each
# (interleaved, output deleted before each run) with /usr/bin/time.
# Prints a table and PASS/FAIL against the target:
#   castor median wall <= 0.5 x hugo median wall, and castor peak RSS < 500 MB.
# Exit status: 0 PASS, 1 FAIL or error, 2 usage.
set -euo pipefail

N="${1:-10000}"
if ! [[ "$N" =~ ^[0-9]+$ ]] || [ "$N" -lt 3 ]; then
  echo "usage: $0 [N]   (N = number of fiches, >= 3, default 10000)" >&2
  exit 2
fi
RUNS=3
NOW=2026-11-23
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

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
if [ ! -d "$REPO/templates" ]; then
  echo "error: $REPO/templates does not exist (Castor templates are required)" >&2
  exit 1
fi

# --- Castor (release) -----------------------------------------------------------------
echo "== swift build -c release --product castor" >&2
(cd "$REPO" && swift build -c release --product castor >&2)
CASTOR="$(cd "$REPO" && swift build -c release --show-bin-path)/castor"
[ -x "$CASTOR" ] || { echo "error: $CASTOR not found" >&2; exit 1; }

# --- Corpus ---------------------------------------------------------------------------
C="$(mktemp -d "${TMPDIR:-/tmp}/castor-bench.XXXXXX")"
trap 'rm -rf "$C"' EXIT
echo "== corpus: $N fiches in $C" >&2
python3 "$REPO/bench/generate_corpus.py" "$C" --fiches "$N"

# --- Timed runs -----------------------------------------------------------------------
# run_one TOOL RUN OUTDIR CMD... : full build into OUTDIR (deleted first), appends
# "wall_seconds peak_rss_kb" to $C/times.TOOL.
run_one() {
  local tool="$1" i="$2" out="$3"
  shift 3
  rm -rf "$out"
  if ! /usr/bin/time -f '%e %M' -o "$C/time.tmp" "$@" >"$C/log.$tool" 2>&1; then
    echo "error: $tool build failed (run $i):" >&2
    tail -n 40 "$C/log.$tool" >&2
    exit 1
  fi
  tail -n 1 "$C/time.tmp" >>"$C/times.$tool"
  echo "   $tool run $i: $(tail -n 1 "$C/time.tmp" | awk '{printf "%.2f s, %.1f MB", $1, $2 / 1024}')" >&2
}

echo "== $(nproc) CPU, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$C/times.castor"
: >"$C/times.hugo"
for i in $(seq 1 "$RUNS"); do
  run_one castor "$i" "$C/out-castor" \
    "$CASTOR" build --content "$C/content" --templates "$REPO/templates" \
    --output "$C/out-castor" --now "$NOW"
  run_one hugo "$i" "$C/out-hugo" \
    hugo --source "$C/hugo" --destination "$C/out-hugo" --quiet
done

pages() { find "$1" -name '*.html' | wc -l; }
PAGES_CASTOR="$(pages "$C/out-castor")"
PAGES_HUGO="$(pages "$C/out-hugo")"

# stats FILE -> "median min peak_rss_mb"
stats() {
  sort -n -k1,1 "$1" | awk '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END { printf "%.2f %.2f %.1f\n", wall[int((NR + 1) / 2)], wall[1], rss / 1024 }'
}
read -r MED_C MIN_C RSS_C < <(stats "$C/times.castor")
read -r MED_H MIN_H RSS_H < <(stats "$C/times.hugo")

echo
echo "Castor vs Hugo, $N fiches, $RUNS full builds each (hugo $(hugo version | awk '{print $2}'))"
printf '%-8s %8s %14s %11s %13s\n' tool pages "median wall s" "min wall s" "peak RSS MB"
printf '%-8s %8s %14s %11s %13s\n' castor "$PAGES_CASTOR" "$MED_C" "$MIN_C" "$RSS_C"
printf '%-8s %8s %14s %11s %13s\n' hugo "$PAGES_HUGO" "$MED_H" "$MIN_H" "$RSS_H"
awk -v mc="$MED_C" -v mh="$MED_H" -v rc="$RSS_C" -v rh="$RSS_H" 'BEGIN {
  printf "%-8s %8s %14.3f %11s %13.3f\n", "ratio", "", (mh > 0 ? mc / mh : 0), "", (rh > 0 ? rc / rh : 0)
}'
echo
RESULT=PASS
if awk -v mc="$MED_C" -v mh="$MED_H" 'BEGIN { exit !(mc <= 0.5 * mh) }'; then
  echo "PASS  wall: castor ${MED_C} s <= 0.5 x hugo ${MED_H} s"
else
  echo "FAIL  wall: castor ${MED_C} s > 0.5 x hugo ${MED_H} s"; RESULT=FAIL
fi
if awk -v rc="$RSS_C" 'BEGIN { exit !(rc < 500) }'; then
  echo "PASS  memory: castor peak RSS ${RSS_C} MB < 500 MB"
else
  echo "FAIL  memory: castor peak RSS ${RSS_C} MB >= 500 MB"; RESULT=FAIL
fi
echo "$RESULT"
[ "$RESULT" = PASS ]
