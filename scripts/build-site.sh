#!/usr/bin/env bash
# Builds the resource centre's site from content/ and templates/ into site/.
# Extra arguments go to `castor build` (for example --base-url https://exemple.org/ or --now 2027-01-01).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product castor
"$(swift build -c release --show-bin-path)/castor" build --content content --templates templates --output site "$@"
