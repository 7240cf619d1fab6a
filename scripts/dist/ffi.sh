#!/usr/bin/env bash
# The one release build of libpaywire_ffi that the jar and `make install` share:
#   cargo zigbuild --release -p paywire-ffi --target x86_64-unknown-linux-gnu.2.17   (links against glibc 2.17)
# then, from that unstripped library (uniffi-bindgen reads the UNIFFI_META symbols from .symtab):
#   bindings/kotlin/src/main/kotlin/paywire/generated/   the Kotlin sources of the jar (git-ignored)
#   bindings/swift/Sources/...                            checked: must equal what the library generates
# and finally its stripped copy target/dist/ffi/libpaywire_ffi.so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_zigbuild
cd "$ROOT"

# Its own target directory: maturin --zig (the wheel) builds the same dependencies with other zig wrapper
# paths in CC/linker, and sharing target/<triple> would rebuild ring and all above it on every switch.
echo "==> cargo zigbuild --release -p paywire-ffi --target $ZIG_TARGET (target/dist-ffi)"
# strip=none: rustc's default for release (strip=debuginfo) makes zig drop .symtab, and with it the metadata.
CARGO_TARGET_DIR="$ROOT/target/dist-ffi" CARGO_PROFILE_RELEASE_STRIP=none \
    cargo zigbuild --quiet --release -p paywire-ffi --lib --target "$ZIG_TARGET"
unstripped="target/dist-ffi/$GLIBC_TARGET/release/libpaywire_ffi.so"
echo "==> cargo build -p uniffi-bindgen (dev profile)"
cargo build --quiet -p uniffi-bindgen

kt_out=bindings/kotlin/src/main/kotlin/paywire/generated
rm -rf "$kt_out"
target/debug/uniffi-bindgen generate --library "$unstripped" --language kotlin --config uniffi.toml --out-dir "$kt_out" --no-format
bash scripts/dist/swift-generated.sh check "$unstripped"

mkdir -p target/dist/ffi
strip --strip-unneeded -o target/dist/ffi/libpaywire_ffi.so "$unstripped"
python3 scripts/dist/inspect_artifacts.py elf target/dist/ffi/libpaywire_ffi.so
