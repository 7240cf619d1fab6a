#!/usr/bin/env bash
# The Swift package's generated sources are checked in (SwiftPM users get them by URL and version, without
# Rust): bindings/swift/Sources/Paywire/Generated/{Paywire,PaywireTypes,PaywireSandbox}.swift and
# Sources/PaywireFFI/{PaywireFFI,PaywireCoreFFI,PaywireSandboxFFI}.h — one Swift file and one C header per
# crate: paywire-ffi's API, core's own types (crate `paywire`) and the sandbox's (crate `paywire_sandbox`,
# `SandboxServer`), all in module Paywire. Each crate is generated on its own (`--crate`) because UniFFI
# names a Swift file after its module and would write them all to Paywire.swift.
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
for crate in paywire paywire_ffi paywire_sandbox; do
    "${CARGO_TARGET_DIR:-target}"/debug/uniffi-bindgen generate --library "$library" --crate "$crate" \
        --language swift --config uniffi.toml --out-dir "$tmp/$crate" --no-format
done

pairs=("$tmp/paywire_ffi/Paywire.swift:bindings/swift/Sources/Paywire/Generated/Paywire.swift"
       "$tmp/paywire_ffi/PaywireFFI.h:bindings/swift/Sources/PaywireFFI/PaywireFFI.h"
       "$tmp/paywire/Paywire.swift:bindings/swift/Sources/Paywire/Generated/PaywireTypes.swift"
       "$tmp/paywire/PaywireCoreFFI.h:bindings/swift/Sources/PaywireFFI/PaywireCoreFFI.h"
       "$tmp/paywire_sandbox/Paywire.swift:bindings/swift/Sources/Paywire/Generated/PaywireSandbox.swift"
       "$tmp/paywire_sandbox/PaywireSandboxFFI.h:bindings/swift/Sources/PaywireFFI/PaywireSandboxFFI.h")
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
    echo "The checked-in Swift bindings are stale (paywire-ffi, core or the sandbox changed): ${stale[*]}" >&2
    echo "Regenerate and commit them: PAYWIRE_UPDATE_GENERATED=1 bash bindings/kotlin/build.sh" >&2
    exit 1
fi
if [[ "$mode" == update ]]; then echo "==> updated the checked-in Swift bindings"; else echo "==> checked-in Swift bindings are up to date"; fi
