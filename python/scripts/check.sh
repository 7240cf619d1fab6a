#!/usr/bin/env bash
# Builds the paywire wheel, installs it into python/.venv and runs ruff, mypy --strict, pytest and a short
# atheris fuzz run of the argument conversion (fuzz/fuzz_arguments.py; long runs are done by hand).
# Needs only python3 (>= 3.9), pip and cargo; everything else is installed here. Used by CI and people.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
wheels="$root/target/wheels"
venv="$here/.venv"

PAYWIRE_EXTRA_PACKAGES='pytest>=7 mypy>=1.10 ruff>=0.5 atheris>=2.3 bootpay-backend==2.9.0 fastapi>=0.110 pydantic>=2 httpx>=0.27 gevent>=24' bash "$here/scripts/install.sh"
py="$venv/bin/python"
wheel="$(ls -t "$wheels"/paywire-*.whl | head -n 1)"
cd "$here"
echo "==> ruff"
"$venv/bin/ruff" check .
echo "==> mypy --strict"
"$venv/bin/mypy" --strict tests/typing_example.py paywire/testing.py paywire/sandbox.py tests/test_sandbox_product.py \
    tests/test_pickle.py tests/test_logging.py tests/test_enums.py tests/test_to_dict.py \
    tests/test_options.py tests/test_gevent.py
echo "==> pytest"
# tests/test_generated.py compares the generated models with the library's metadata when both are built
# (bindings/kotlin/build.sh builds them); it skips otherwise.
target="${CARGO_TARGET_DIR:-$root/target}"
if [[ -f "$target/debug/libpaywire_ffi.so" && -x "$target/debug/paywire-pygen" ]]; then
    export PAYWIRE_FFI_LIBRARY="$target/debug/libpaywire_ffi.so" PAYWIRE_PYGEN="$target/debug/paywire-pygen"
    export PAYWIRE_GENERATED_SOURCE="$here/paywire/_generated.py"
fi
# The pytest script (not `python -m pytest`) keeps the source tree off sys.path: the tests import the
# installed wheel, as users do.
"$venv/bin/pytest" -q
echo "==> fuzz smoke run (atheris, 2000 inputs)"
artifacts="$(mktemp -d)"
# Run from the temporary directory: the harness must import the installed wheel, not the source tree.
(cd "$artifacts" && "$py" "$here/fuzz/fuzz_arguments.py" -runs=2000 -max_len=4096 -len_control=0 \
    -artifact_prefix="$artifacts/" 2>&1 | tail -n 3)
if ls "$artifacts"/crash-* >/dev/null 2>&1; then
    echo "fuzzing found a crash: $(ls "$artifacts"/crash-*)" >&2
    exit 1
fi
rm -rf "$artifacts"
echo "==> python checks passed ($wheel)"
