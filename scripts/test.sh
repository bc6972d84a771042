#!/usr/bin/env bash
# Runs every test: Swift unit and end-to-end tests, then the checks with outside tools
# (Nu HTML checker, link crawl over HTTP under a sub-path, icalendar, feedparser, the agenda
# widget in headless Chromium, the trames-types' .odt documents converted by LibreOffice headless)
# on the site built from content/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh default-jre-headless chromium chromium-driver libreoffice-writer-nogui
venv=.build/test-venv
wanted="$(cat tests/e2e/requirements.txt tests/e2e/requirements-nodeps.txt)"
if [ ! -x "$venv/bin/pytest" ] || [ "$wanted" != "$(cat "$venv/requirements.txt" 2>/dev/null)" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r tests/e2e/requirements.txt
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -r tests/e2e/requirements-nodeps.txt
  printf '%s' "$wanted" > "$venv/requirements.txt"
fi
swift build --product castor
swift test
CASTOR_BIN="$(swift build --show-bin-path)/castor" "$venv/bin/pytest" -q tests/e2e
