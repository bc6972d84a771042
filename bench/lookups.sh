#!/usr/bin/env bash
# Counts, for one `castor build`, what swift-mustache's rendering costs in calls: the values it
# looks up (`getChild`), the stack levels it asks (`_getImmediateChild`), the tokens it renders
# (`renderToken`), and the Swift runtime's protocol conformance checks (each `as?` to a protocol
# makes two). Unlike times on a shared machine, these counts do not depend on the load: two
# versions of the templates or of the page contexts compare exactly.
#
#   bench/lookups.sh CONTENT [TEMPLATES]   (CASTOR_BIN: a castor binary; else the repository's, built in release)
#
# Needs `perf` with user probes (root). The probes name swift-mustache 2.1.1's functions; after
# an update of the library, `perf probe -x "$CASTOR_BIN" --funcs | grep Mustache` lists the new
# names. See README.md ("Compter au lieu de chronométrer").
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "utilisation : bench/lookups.sh DOSSIER_DE_CONTENU [DOSSIER_DE_GABARITS]" >&2
    exit 2
fi
content=$(realpath "$1")
templates=$(realpath "${2:-$(dirname "$0")/../templates}")
cd "$(dirname "$0")/.."
if [[ -n ${CASTOR_BIN:-} ]]; then
    bin=$CASTOR_BIN
else
    scripts/setup.sh >&2  # cmark-gfm and mimalloc, which castor links with
    swift build -c release --product castor >&2
    bin=$(swift build -c release --show-bin-path)/castor
fi
command -v perf > /dev/null || { echo "perf manque (paquet linux-perf)" >&2; exit 2; }
swift_core=$(ldd "$bin" | awk '/libswiftCore.so/ {print $3}')

get_child='$s8Mustache0A8TemplateV8getChild5named10transforms7contextypSgSS_SaySSGAA0A7ContextVtF'
declare -A probes=(
    [rendertoken]='$s8Mustache0A8TemplateV11renderToken_7contextSSAC0D0O_AA0A7ContextVztF'
    [getchild]=$get_child
    [stacklevel]="${get_child}01_c9ImmediateD0L_AE4fromAHSS_yptFAHyXEfU_"
)
cleanup() {
    perf probe -q -d 'probe_castor:*' 2> /dev/null || true
    perf probe -q -d 'probe_libswiftCore:castor_conformance' 2> /dev/null || true
    rm -rf "$output"
}
output=$(mktemp -d "${TMPDIR:-/tmp}/castor-lookups.XXXXXX")
trap cleanup EXIT
cleanup
mkdir -p "$output"
events=()
for name in "${!probes[@]}"; do
    perf probe -q -x "$bin" -a "$name=${probes[$name]}"
    events+=("probe_castor:$name")
done
perf probe -q -x "$swift_core" -a 'castor_conformance=swift_conformsToProtocolWithExecutionContext'
events+=(probe_libswiftCore:castor_conformance)

perf stat -x, -e "$(IFS=,; echo "${events[*]}")" -o "$output/stat.csv" \
    "$bin" build --content "$content" --templates "$templates" --output "$output/site" --now 2026-11-23 > "$output/build.txt"
pages=$(grep -o '[0-9]* pages' "$output/build.txt" | head -1 | cut -d' ' -f1)
echo "Pages : $pages"
awk -F, -v pages="$pages" '
    /probe_/ {
        split($3, part, ":")
        label[part[2]] = $1
    }
    END {
        split("rendertoken getchild stacklevel castor_conformance", order, " ")
        names["rendertoken"] = "jetons rendus (renderToken)"
        names["getchild"] = "valeurs cherchées (getChild)"
        names["stacklevel"] = "niveaux de contexte interrogés"
        names["castor_conformance"] = "vérifications de conformité (as? protocole)"
        for (i = 1; i <= 4; i++) {
            key = order[i]
            printf "%-46s %12d  (%.0f par page)\n", names[key], label[key], label[key] / pages
        }
    }' "$output/stat.csv"
