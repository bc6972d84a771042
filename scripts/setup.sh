#!/usr/bin/env bash
# Installs what Castor needs to build on a fresh Debian machine: the cmark-gfm libraries and
# mimalloc (the allocator castor is linked with).
# Usage: scripts/setup.sh [extra Debian packages…]
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installation des paquets Debian : ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "erreur : Swift 6 est nécessaire (https://swift.org/install)" >&2; exit 1; }
