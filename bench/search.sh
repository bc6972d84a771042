#!/usr/bin/env bash
# Castor's search vs Pagefind on the same built site.
#
#   bench/search.sh [N] [QUERIES]   N = number of fiches (default 10000),
#                                   QUERIES comma-separated (default below)
#
# Builds Castor in release, generates the benchmark corpus (bench/generate_corpus.py) in a
# temporary folder, installs pagefind-bin 1.5.2 and Selenium into .build/bench-venv (PyPI),
# then runs bench/search_bench.py: castor build (index build time = its « recherche » step),
# pagefind --site on the same output, and for each query a fresh headless Chromium typing it
# into each tool's search page while a local server counts the bytes of every request.
# Nothing is written in the repository but .build/. Exit status: 0 PASS, 1 FAIL or error.
set -euo pipefail
N="${1:-10000}"
QUERIES="${2:-cooperative,financement,scic,gouvernance partagee}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
scripts/setup.sh chromium chromium-driver

venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium, pagefind_bin' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check pagefind-bin==1.5.2 selenium==4.51.0
fi
PAGEFIND="$("$venv/bin/python" -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))')"
[ -x "$PAGEFIND" ] || { echo "error: pagefind binary not found at $PAGEFIND" >&2; exit 1; }

echo "== swift build -c release --product castor" >&2
swift build -c release --product castor >&2
CASTOR="$(swift build -c release --show-bin-path)/castor"

W="$(mktemp -d "${TMPDIR:-/tmp}/castor-search-bench.XXXXXX")"
trap 'rm -rf "$W"' EXIT
echo "== corpus: $N fiches in $W" >&2
python3 bench/generate_corpus.py "$W" --fiches "$N" >&2
echo "== $(nproc) CPU, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$venv/bin/python" bench/search_bench.py --castor "$CASTOR" --templates "$REPO/templates" \
  --content "$W/content" --work "$W" --pagefind "$PAGEFIND" --queries "$QUERIES"
