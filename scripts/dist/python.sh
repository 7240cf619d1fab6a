#!/usr/bin/env bash
# make dist, Python part: into dist/
#   paywire-<v>-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl   (release, stripped, zig-linked
#       against glibc 2.17; checked with auditwheel show)
#   paywire-<v>.tar.gz                                                       (sdist: builds where Rust exists)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_python_tools
mkdir -p "$DIST"
rm -f "$DIST"/paywire-*.whl "$DIST"/paywire-*.tar.gz

cd "$ROOT/python"
echo "==> wheel: maturin build --release --zig --compatibility manylinux2014"
maturin build --release --strip --zig --compatibility manylinux2014 --target "$GLIBC_TARGET" --out "$DIST" --quiet
echo "==> sdist: maturin sdist"
maturin sdist --out "$DIST" > /dev/null

wheel="$(ls "$DIST"/paywire-"$VERSION"-cp39-abi3-*.whl)"
[[ -f "$DIST/paywire-$VERSION.tar.gz" ]] || { echo "python.sh: no sdist paywire-$VERSION.tar.gz" >&2; exit 1; }

# The tag maturin wrote must be what the binary really needs.
report="$(auditwheel show "$wheel")"
tr -s '\n ' '  ' <<< "$report" | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"' || {
    echo "python.sh: auditwheel does not confirm manylinux_2_17_x86_64:" >&2; echo "$report" >&2; exit 1; }
case "$wheel" in *manylinux2014_x86_64*manylinux_2_17_x86_64.whl | *manylinux_2_17_x86_64*manylinux2014_x86_64.whl) ;;
    *) echo "python.sh: unexpected wheel name $wheel" >&2; exit 1 ;; esac

python3 "$ROOT/scripts/dist/inspect_artifacts.py" wheel "$wheel"
python3 "$ROOT/scripts/dist/inspect_artifacts.py" sdist "$DIST/paywire-$VERSION.tar.gz"
echo "==> $(basename "$wheel"): $(du -k "$wheel" | cut -f1) KiB (auditwheel: manylinux_2_17_x86_64)"
