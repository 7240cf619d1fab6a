#!/usr/bin/env bash
# The client benchmark (not a test): installs what it needs, builds the clients, starts nginx as a fixed-answer
# server on loopback and runs bench.py (interleaved rounds, one table). See bench/README.md.
# Usage: bench/run.sh [--smoke] [--kotlin] [bench.py options, e.g. --sequential 2000 --concurrent 5000 --instructions]
#   --smoke   tiny N, debug builds: checks that every client still runs (CI), figures meaningless.
#   --kotlin  add the Kotlin rows (cdylib + UniFFI bindings + Maven: several minutes on first run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv"
smoke=0; kotlin=0; pass=()
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=1 ;;
        --kotlin) kotlin=1; pass+=(--kotlin) ;;
        *) pass+=("$arg") ;;
    esac
done

# System tools: nginx (the server), valgrind (instruction counts), node (the official Node SDK), Java + Maven.
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v valgrind >/dev/null || missing+=(valgrind)
command -v node >/dev/null || missing+=(nodejs npm)
command -v mvn >/dev/null || missing+=(maven default-jdk-headless)
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "==> Python venv (maturin, bootpay-backend 2.9.0)"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check "maturin>=1.16,<2" "bootpay-backend==2.9.0"

echo "==> npm install (@bootpay/backend-js)"
(cd "$here/node" && npm install --no-audit --no-fund --silent)

echo "==> Maven (official Java SDK io.github.bootpay:backend 3.1.0)"
mvn -q -B -f "$here/java" dependency:copy-dependencies -DoutputDirectory=target/deps

if [ "$smoke" = 1 ]; then profile=dev; cargo_flags=(); bin_dir=debug; else profile=release; cargo_flags=(--release); bin_dir=release; fi
echo "==> Rust bench binary ($profile)"
CARGO_TARGET_DIR="$root/target" cargo build -q "${cargo_flags[@]}" --manifest-path "$here/rust/Cargo.toml"

echo "==> paywire wheel ($profile)"
out="$(mktemp -d)"
"$venv/bin/maturin" build --quiet --profile "$profile" --manifest-path "$root/python/Cargo.toml" --out "$out" --interpreter "$py"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$out"/paywire-*.whl
rm -rf "$out"

if [ "$kotlin" = 1 ]; then
    echo "==> Kotlin ($profile cdylib, bindings, test-compile)"
    if [ "$smoke" = 1 ]; then bash "$root/bindings/kotlin/build.sh"; else bash "$root/bindings/kotlin/build.sh" --release; fi
    mvn -q -B -f "$root/bindings/kotlin" -Pbench test-compile
fi

cd "$here"
if [ "$smoke" = 1 ]; then
    exec "$py" bench.py --rust-bin "$root/target/debug/paywire-bench" --sequential 20 --concurrent 64 --rounds 1 \
        --official-divisor 1 --strict "${pass[@]}"
fi
exec "$py" bench.py --rust-bin "$root/target/release/paywire-bench" "${pass[@]}"
