#!/usr/bin/env bash
# make check-dist, Swift part: where a Swift toolchain exists, installs libpaywire_ffi (make install into a
# throwaway prefix) and builds and runs examples/swift, a consumer package that depends on the root package
# by path and runs the smoke flow (plus the README's Swift blocks, extracted by scripts/dist/readme_blocks.py).
# Elsewhere it prints one line saying so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if ! command -v swift > /dev/null; then
    echo "Swift consumer check skipped: no 'swift' on PATH (examples/swift builds with a Swift 6 toolchain)"
    exit 0
fi
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
bash "$ROOT/scripts/dist/install.sh" "$prefix"
python3 "$ROOT/scripts/dist/readme_blocks.py" swift "$ROOT/examples/swift/Sources/Smoke/Readme"
cd "$ROOT/examples/swift"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" swift build
LD_LIBRARY_PATH="$prefix/lib" swift run Smoke
