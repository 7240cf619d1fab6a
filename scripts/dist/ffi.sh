#!/usr/bin/env bash
# The one release build of libpaywire_ffi that the jar and `make install` share:
#   cargo zigbuild --release -p paywire-ffi --target x86_64-unknown-linux-gnu.2.17   (links against glibc 2.17)
# then, from the unstripped library (UniFFI reads its metadata, which stripping removes):
#   bindings/kotlin/src/main/kotlin/paywire/generated/   the Kotlin sources of the jar (git-ignored)
#   target/dist/generated-swift/                          compared with the checked-in Swift sources
# and finally the stripped copy  target/dist/ffi/libpaywire_ffi.so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_zigbuild
cd "$ROOT"

echo "==> cargo zigbuild --release -p paywire-ffi --target $ZIG_TARGET"
cargo zigbuild --quiet --release -p paywire-ffi --target "$ZIG_TARGET"
echo "==> cargo build -p uniffi-bindgen (dev profile)"
cargo build --quiet -p uniffi-bindgen
unstripped="target/$GLIBC_TARGET/release/libpaywire_ffi.so"

kt_out=bindings/kotlin/src/main/kotlin/paywire/generated
rm -rf "$kt_out"
target/debug/uniffi-bindgen generate --library "$unstripped" --language kotlin --config uniffi.toml --out-dir "$kt_out" --no-format
bash scripts/dist/swift-generated.sh check "$unstripped"

mkdir -p target/dist/ffi
strip --strip-unneeded -o target/dist/ffi/libpaywire_ffi.so "$unstripped"
python3 scripts/dist/inspect_artifacts.py elf target/dist/ffi/libpaywire_ffi.so
