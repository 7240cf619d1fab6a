#!/usr/bin/env bash
# make check-dist, Python part: installs dist/'s wheel the way a user does and runs scripts/dist/smoke.py
# (token, look-up, forgery check, confirm, partial cancel, iamport verify against the sandbox in the wheel):
#   1. Debian 11 (glibc 2.31, Python 3.9, no Rust), a root made with debootstrap and cached in
#      $PAYWIRE_CACHE/bullseye (built on first use: needs root, debootstrap and Debian's mirror)
#   2. a fresh venv on this machine with cargo and rustc hidden from PATH; there, the README's Python blocks
#      run too (scripts/dist/test_readme_python.py)
#   3. the sdist built from source by pip (dev profile, sharing target/ to stay quick)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
wheel="$(ls "$DIST"/paywire-"$VERSION"-cp39-abi3-*manylinux_2_17_x86_64*.whl)"
sdist="$DIST/paywire-$VERSION.tar.gz"
smoke="$ROOT/scripts/dist/smoke.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---- 1. Debian 11 ----------------------------------------------------------------------------------------
bullseye="$PAYWIRE_CACHE/bullseye"
if [[ ! -f "$bullseye/.paywire-ready" ]]; then
    command -v debootstrap > /dev/null || { echo "==> apt-get install debootstrap"; apt-get install -y -q debootstrap > /dev/null; }
    echo "==> debootstrap bullseye into $bullseye (first run only)"
    rm -rf "$bullseye.tmp" "$bullseye"
    debootstrap --variant=minbase --include=python3,python3-venv,python3-pip \
        bullseye "$bullseye.tmp" http://deb.debian.org/debian > "$PAYWIRE_CACHE/debootstrap.log" 2>&1 \
        || { tail -n 20 "$PAYWIRE_CACHE/debootstrap.log" >&2; exit 1; }
    touch "$bullseye.tmp/.paywire-ready"
    mv "$bullseye.tmp" "$bullseye"
fi
echo "==> Debian 11 root: pip install $(basename "$wheel") and run the smoke flow"
inside="$bullseye/tmp/paywire-check"
rm -rf "$inside" && mkdir -p "$inside"
cp "$wheel" "$smoke" "$inside/"
mounted=()
cleanup_chroot() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2> /dev/null || umount -l "${mounted[i]}"; done
    rm -rf "$inside" "$work"
}
trap cleanup_chroot EXIT
mount -t proc proc "$bullseye/proc" && mounted+=("$bullseye/proc")
mount --bind /dev "$bullseye/dev" && mounted+=("$bullseye/dev")
# Same network namespace: the sandbox listens on the host's loopback, which the root shares.
chroot "$bullseye" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 /bin/bash -euc '
    cd /tmp/paywire-check
    if command -v cargo || command -v rustc; then echo "Rust is on PATH in the Debian root" >&2; exit 1; fi
    echo "    $(. /etc/os-release && echo "$PRETTY_NAME"), $(ldd --version | head -n 1), $(python3 --version)"
    python3 -m venv venv
    venv/bin/pip install --quiet --no-index ./paywire-*.whl
    venv/bin/python -X importtime -c "import paywire" 2> importtime.txt
    echo "    import paywire: $(tail -n 1 importtime.txt | awk -F"|" "{ printf \"%.1f ms\", \$2 / 1000 }") cumulative (-X importtime)"
    venv/bin/python smoke.py
'

# ---- 2. host venv without Rust -----------------------------------------------------------------------
echo "==> host venv with cargo/rustc hidden: pip install $(basename "$wheel") and run the smoke flow"
no_rust_path=""
IFS=: read -r -a path_dirs <<< "$PATH"
for dir in "${path_dirs[@]}"; do
    [[ -x "$dir/cargo" || -x "$dir/rustc" || -x "$dir/rustup" ]] && continue
    no_rust_path="${no_rust_path:+$no_rust_path:}$dir"
done
PATH="$no_rust_path" command -v python3 > /dev/null \
    || { echo "check-python.sh: python3 shares a directory with cargo/rustc: cannot hide Rust" >&2; exit 1; }
PATH="$no_rust_path" bash -euc '
    if command -v cargo || command -v rustc; then echo "Rust is still on PATH" >&2; exit 1; fi
    python3 -m venv "$1/venv"
    "$1/venv/bin/pip" install --quiet --no-index "$2"
    (cd "$1" && "$1/venv/bin/python" "$3")
    echo "==> the README Python blocks against the installed wheel (pytest)"
    "$1/venv/bin/pip" install --quiet pytest
    (cd "$1" && "$1/venv/bin/python" -m pytest -q -p no:cacheprovider "$4")
' _ "$work" "$wheel" "$smoke" "$ROOT/scripts/dist/test_readme_python.py"

# ---- 3. the sdist builds from source ------------------------------------------------------------------
echo "==> sdist: pip install $(basename "$sdist") (builds with cargo, dev profile) and run the smoke flow"
python3 -m venv "$work/sdist-venv"
"$work/sdist-venv/bin/pip" install --quiet "maturin==1.16.0"
PATH="$work/sdist-venv/bin:$PATH" CARGO_TARGET_DIR="$ROOT/target" MATURIN_PEP517_ARGS="--profile dev" \
    "$work/sdist-venv/bin/pip" install --quiet --no-build-isolation "$sdist"
(cd "$work" && "$work/sdist-venv/bin/python" "$smoke")
echo "==> Python artifacts passed"
