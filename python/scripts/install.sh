#!/usr/bin/env bash
# Creates python/.venv (once), builds the paywire wheel and installs it there; prints nothing else on success
# but maturin's progress. Used by check.sh and demo.sh. PAYWIRE_PROFILE=dev builds a debug wheel (faster to
# build, sharing target/debug with the Rust tests); the default is release.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
wheels="$root/target/wheels"
venv="$here/.venv"
profile="${PAYWIRE_PROFILE:-release}"

cd "$here"
if [ ! -x "$venv/bin/python" ]; then
    echo "==> creating $venv"
    python3 -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
# Word splitting is wanted: a space-separated list of requirement specifiers.
# shellcheck disable=SC2086
"$py" -m pip install --quiet "maturin>=1.16,<2" ${PAYWIRE_EXTRA_PACKAGES:-}

echo "==> building the wheel ($profile) into $wheels"
mkdir -p "$wheels"
rm -f "$wheels"/paywire-*.whl
build_flags=()
if [ "$profile" = "release" ]; then build_flags+=(--release); fi
"$venv/bin/maturin" build "${build_flags[@]}" --out "$wheels" --interpreter "$py"
wheel="$(ls -t "$wheels"/paywire-*.whl | head -n 1)"
"$py" -m pip install --quiet --force-reinstall --no-deps "$wheel"

