#!/usr/bin/env bash
# make install PREFIX=...: what the Swift package (and any C user) links against:
#   $PREFIX/lib/libpaywire_ffi.so            the release library of scripts/dist/ffi.sh (stripped, glibc 2.17)
#   $PREFIX/include/paywire/PaywireFFI.h     its C declarations (the headers the Swift package checks in;
#   $PREFIX/include/paywire/PaywireCoreFFI.h  the second one declares core's types' functions, the third
#   $PREFIX/include/paywire/PaywireSandboxFFI.h  the sandbox's: SandboxServer)
#   $PREFIX/lib/pkgconfig/paywire_ffi.pc     how SwiftPM's system-library target PaywireFFI finds them
# Usage: install.sh PREFIX   (DESTDIR is honoured for staged installs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
prefix="${1:?usage: install.sh PREFIX}"
prefix="$(mkdir -p "${DESTDIR:-}$prefix" && cd "${DESTDIR:-}$prefix" && pwd)"
prefix="${prefix#"${DESTDIR:-}"}"
dest="${DESTDIR:-}$prefix"
lib="$ROOT/target/dist/ffi/libpaywire_ffi.so"
[[ -f "$lib" ]] || { echo "install.sh: $lib is missing: run scripts/dist/ffi.sh (make install does)" >&2; exit 1; }

install -d "$dest/lib/pkgconfig" "$dest/include/paywire"
install -m 0755 "$lib" "$dest/lib/libpaywire_ffi.so"
install -m 0644 "$ROOT/bindings/swift/Sources/PaywireFFI/PaywireFFI.h" "$dest/include/paywire/PaywireFFI.h"
install -m 0644 "$ROOT/bindings/swift/Sources/PaywireFFI/PaywireCoreFFI.h" "$dest/include/paywire/PaywireCoreFFI.h"
install -m 0644 "$ROOT/bindings/swift/Sources/PaywireFFI/PaywireSandboxFFI.h" "$dest/include/paywire/PaywireSandboxFFI.h"
cat > "$dest/lib/pkgconfig/paywire_ffi.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: paywire_ffi
Description: paywire (Bootpay REST v2 and iamport server APIs) as a C library for the Swift package
Version: $VERSION
URL: https://example.invalid/paywire
Libs: -L\${libdir} -lpaywire_ffi
Cflags: -I\${includedir}/paywire
PC
echo "==> installed paywire_ffi $VERSION into $dest (lib/, include/paywire/, lib/pkgconfig/paywire_ffi.pc)"
case ":${LD_LIBRARY_PATH:-}:" in *":$prefix/lib:"*) ;; *)
    [[ "$prefix" == /usr/local || "$prefix" == /usr ]] && command -v ldconfig > /dev/null && [[ -z "${DESTDIR:-}" ]] && ldconfig || true ;;
esac
