#!/usr/bin/env bash
# make check-dist, Swift part: where a Swift toolchain exists, installs libpaywire_ffi (make install into a
# throwaway prefix) and builds and runs examples/swift, a consumer package that depends on the root package
# by path and runs the smoke flow (plus the README's Swift blocks, extracted by scripts/dist/readme_blocks.py).
# Elsewhere it prints one line saying so. Everywhere: `make install` into a throwaway prefix, and a C program
# built with `pkg-config paywire_ffi` against the installed header and library.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
bash "$ROOT/scripts/dist/install.sh" "$prefix"

# What the PaywireFFI system-library target gets from pkg-config, checked with a C compiler: the installed
# headers (one per crate: paywire-ffi, core, the sandbox), -L/-l from paywire_ffi.pc and the installed library
# agree (each crate's UniFFI contract version is callable).
if command -v cc > /dev/null && command -v pkg-config > /dev/null; then
    # The header carries clang's nullability qualifiers (Swift imports them); gcc does not know them.
    cat > "$prefix/contract.c" <<'C'
#include <stdio.h>
#ifndef __clang__
#define _Nonnull
#define _Nullable
#endif
#include "PaywireFFI.h"
#include "PaywireCoreFFI.h"
#include "PaywireSandboxFFI.h"
int main(void) {
    printf("    libpaywire_ffi UniFFI contract version %u (via pkg-config paywire_ffi)\n", ffi_paywire_ffi_uniffi_contract_version());
    printf("    core %u, sandbox %u\n", ffi_paywire_uniffi_contract_version(), ffi_paywire_sandbox_uniffi_contract_version());
    return 0;
}
C
    # shellcheck disable=SC2046  # pkg-config's flags are meant to be split
    cc -o "$prefix/contract" "$prefix/contract.c" $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs paywire_ffi)
    LD_LIBRARY_PATH="$prefix/lib" "$prefix/contract"
fi

if ! command -v swift > /dev/null; then
    echo "Swift consumer check skipped: no 'swift' on PATH (examples/swift builds with a Swift 6 toolchain)"
    exit 0
fi
python3 "$ROOT/scripts/dist/readme_blocks.py" swift "$ROOT/examples/swift/Sources/Smoke/Readme"
cd "$ROOT/examples/swift"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" swift build
LD_LIBRARY_PATH="$prefix/lib" swift run Smoke
