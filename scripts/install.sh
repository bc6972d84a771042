#!/usr/bin/env bash
# Installs the `castor` command for the current user: builds it in release mode, then copies it
# into ~/.local/bin (or PREFIX/bin: PREFIX=/usr/local scripts/install.sh for every user).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
prefix="${PREFIX:-$HOME/.local}"
swift build -c release --product castor
mkdir -p "$prefix/bin"
install -m 755 "$(swift build -c release --show-bin-path)/castor" "$prefix/bin/castor"
echo "castor est installé dans $prefix/bin/castor"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Ajoutez ce dossier à votre PATH, par exemple : echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
"$prefix/bin/castor" --help >/dev/null
