#!/usr/bin/env bash
# The Swift package's generated sources are checked in (SwiftPM users get them by URL and version, without
# Rust): bindings/swift/Sources/Paywire/Generated/Paywire.swift and Sources/PaywireFFI/PaywireFFI.h.
#   swift-generated.sh check  LIBRARY   fails when they differ from what uniffi-bindgen makes of LIBRARY
#   swift-generated.sh update LIBRARY   rewrites them (then commit them)
# LIBRARY is an unstripped libpaywire_ffi.so (debug or release: the metadata is the same); uniffi-bindgen
# must be built (target/debug/uniffi-bindgen).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:?check or update}"
library="${2:?path to libpaywire_ffi.so}"
cd "$ROOT"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
target/debug/uniffi-bindgen generate --library "$library" --language swift --config uniffi.toml --out-dir "$tmp" --no-format

pairs=("$tmp/Paywire.swift:bindings/swift/Sources/Paywire/Generated/Paywire.swift"
       "$tmp/PaywireFFI.h:bindings/swift/Sources/PaywireFFI/PaywireFFI.h")
stale=()
for pair in "${pairs[@]}"; do
    fresh="${pair%%:*}" checked_in="${pair#*:}"
    if [[ "$mode" == update ]]; then
        mkdir -p "$(dirname "$checked_in")" && cp "$fresh" "$checked_in"
    elif ! cmp -s "$fresh" "$checked_in"; then
        stale+=("$checked_in")
    fi
done
if ((${#stale[@]})); then
    echo "The checked-in Swift bindings are stale (paywire-ffi changed): ${stale[*]}" >&2
    echo "Regenerate and commit them: PAYWIRE_UPDATE_GENERATED=1 bash bindings/kotlin/build.sh" >&2
    exit 1
fi
if [[ "$mode" == update ]]; then echo "==> updated the checked-in Swift bindings"; else echo "==> checked-in Swift bindings are up to date"; fi
