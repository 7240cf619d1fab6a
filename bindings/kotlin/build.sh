#!/usr/bin/env bash
# Builds what the Maven project needs and Maven cannot build itself:
#   1. the native library  target/debug/libpaywire_ffi.so  (cargo build -p paywire-ffi)
#   2. the generator       target/debug/uniffi-bindgen     (dev profile: release is much slower to build)
#   3. the Kotlin sources  bindings/kotlin/src/main/kotlin/paywire/generated/   (git-ignored)
#   4. checks the checked-in Swift sources bindings/swift/Sources/... against the library
#      (PAYWIRE_UPDATE_GENERATED=1 rewrites them instead)
#   5. checks the generated Python python/paywire/_generated.py against the library's metadata
#      (PAYWIRE_UPDATE_GENERATED=1 rewrites it instead; `make generate`)
#   6. the library copied to bindings/kotlin/src/main/resources/linux-x86-64/   (git-ignored), so JNA
#      loads it from the jar.
# Then: mvn -f bindings/kotlin package (or test). Usage: bindings/kotlin/build.sh [--release]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PROFILE=debug
CARGO_FLAGS=()
if [[ "${1:-}" == "--release" ]]; then PROFILE=release; CARGO_FLAGS=(--release); fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) LIB=libpaywire_ffi.so; JNA_DIR=linux-x86-64 ;;
  Linux-aarch64) LIB=libpaywire_ffi.so; JNA_DIR=linux-aarch64 ;;
  Darwin-arm64) LIB=libpaywire_ffi.dylib; JNA_DIR=darwin-aarch64 ;;
  Darwin-x86_64) LIB=libpaywire_ffi.dylib; JNA_DIR=darwin-x86-64 ;;
  *) echo "build.sh: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

echo "==> cargo build -p paywire-ffi ${CARGO_FLAGS[*]:-}"
cargo build -q -p paywire-ffi "${CARGO_FLAGS[@]}"
echo "==> cargo build -p uniffi-bindgen (dev profile: uniffi-bindgen and paywire-pygen)"
cargo build -q -p uniffi-bindgen

LIBRARY="${CARGO_TARGET_DIR:-target}/$PROFILE/$LIB"
BINDGEN="${CARGO_TARGET_DIR:-target}/debug/uniffi-bindgen"

# Kotlin: regenerate from scratch so a removed type cannot linger.
KT_OUT=bindings/kotlin/src/main/kotlin/paywire/generated
rm -rf "$KT_OUT"
echo "==> generate Kotlin -> $KT_OUT"
"$BINDGEN" generate --library "$LIBRARY" --language kotlin --config uniffi.toml --out-dir "$KT_OUT" --no-format

# Swift: the generated Swift and header are checked in (SwiftPM users get them by URL, without Rust):
# fail when they are stale, or rewrite them with PAYWIRE_UPDATE_GENERATED=1 (then commit them).
if [[ "${PAYWIRE_UPDATE_GENERATED:-}" == 1 ]]; then
  bash scripts/dist/swift-generated.sh update "$LIBRARY"
else
  bash scripts/dist/swift-generated.sh check "$LIBRARY"
fi

# Python: the models and client methods generated from the same metadata are checked in (the wheel is built
# by maturin from python/, which has no access to this library): fail when stale, or rewrite them.
PYGEN="${CARGO_TARGET_DIR:-target}/debug/paywire-pygen"
if [[ "${PAYWIRE_UPDATE_GENERATED:-}" == 1 ]]; then
  "$PYGEN" --library "$LIBRARY" --out python/paywire/_generated.py
else
  "$PYGEN" --library "$LIBRARY" --out python/paywire/_generated.py --check
fi

# The native library inside the jar, where JNA looks for it (resource prefix per platform).
RES=bindings/kotlin/src/main/resources/$JNA_DIR
mkdir -p "$RES"
cp "$LIBRARY" "$RES/$LIB"
echo "==> ready: mvn -f bindings/kotlin package"
