#!/usr/bin/env bash
# Benchmark: paywire (release wheel) vs the official bootpay-backend SDK, in bench/.venv.
# Usage: bench/run.sh [--sequential N] [--concurrent M]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv"
wheels="$root/target/wheels"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet "maturin>=1.16,<2" "bootpay-backend==2.9.0"

# Always a release build: a debug wheel would measure the wrong thing.
mkdir -p "$wheels"
out="$(mktemp -d)"
"$venv/bin/maturin" build --release --manifest-path "$root/python/Cargo.toml" --out "$out" --interpreter "$py"
"$py" -m pip install --quiet --force-reinstall --no-deps "$out"/paywire-*.whl
cp "$out"/paywire-*.whl "$wheels"/
rm -rf "$out"

cd "$here"
exec "$py" bench.py "$@"
