# Sourced by the scripts/dist/*.sh: the dist tool chain, installed once into a cache outside the repository
# (so reruns are fast, and a fresh machine builds it itself):
#   $PAYWIRE_CACHE/tools        a venv with maturin 1.16.0, ziglang (zig as a cross linker), auditwheel
#   cargo-zigbuild 0.24.1       from crates.io (links the JVM/Swift native library against glibc 2.17)
# PAYWIRE_CACHE defaults to /var/cache/paywire when writable, else ~/.cache/paywire.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="$("$ROOT/scripts/dist/version.sh")"
DIST="$ROOT/dist"
if [[ -z "${PAYWIRE_CACHE:-}" ]]; then
    if mkdir -p /var/cache/paywire 2> /dev/null && [[ -w /var/cache/paywire ]]; then
        PAYWIRE_CACHE=/var/cache/paywire
    else
        PAYWIRE_CACHE="$HOME/.cache/paywire"
    fi
fi
mkdir -p "$PAYWIRE_CACHE"
TOOLS="$PAYWIRE_CACHE/tools"
# The glibc the Linux artifacts are linked against (manylinux2014 = glibc 2.17).
GLIBC_TARGET=x86_64-unknown-linux-gnu
ZIG_TARGET="$GLIBC_TARGET.2.17"

ensure_python_tools() {
    if [[ ! -x "$TOOLS/bin/maturin" || "$("$TOOLS/bin/maturin" --version)" != "maturin 1.16.0" ]]; then
        echo "==> installing maturin, ziglang, auditwheel into $TOOLS"
        python3 -m venv "$TOOLS"
        "$TOOLS/bin/python" -m pip install --quiet --upgrade pip
        "$TOOLS/bin/python" -m pip install --quiet "maturin==1.16.0" ziglang auditwheel
    fi
    # maturin and cargo-zigbuild find zig as `python3 -m ziglang` through this venv's python3.
    export PATH="$TOOLS/bin:$PATH"
}

ensure_zigbuild() {
    ensure_python_tools
    export PATH="$PATH:$PAYWIRE_CACHE/cargo/bin"
    if ! command -v cargo-zigbuild > /dev/null; then
        echo "==> installing cargo-zigbuild 0.24.1 into $PAYWIRE_CACHE/cargo"
        cargo install --quiet --locked --root "$PAYWIRE_CACHE/cargo" --no-default-features cargo-zigbuild --version 0.24.1
    fi
}
