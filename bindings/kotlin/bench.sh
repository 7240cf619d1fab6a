#!/usr/bin/env bash
# Micro-benchmark (not a test): a receipt look-up in a loop against the in-process sandbox, from Kotlin
# (suspend and blocking, through UniFFI/JNA) and from Rust (the same loop, no FFI). Prints calls/s and the
# per-call overhead ratio. Release build by default (first run: several minutes); --debug for a quick look.
# Usage: bindings/kotlin/bench.sh [--debug] [ITERATIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MODE=--release; CARGO_FLAGS=(--release)
if [[ "${1:-}" == "--debug" ]]; then MODE=""; CARGO_FLAGS=(); shift; fi
N="${1:-5000}"

bash bindings/kotlin/build.sh $MODE
echo "==> Rust loop"
RUST_LINES="$(cargo run -q "${CARGO_FLAGS[@]}" -p paywire-ffi --bin paywire-ffi-bench -- "$N")"
RUST_LINE="$(echo "$RUST_LINES" | grep '^rust:')"
echo "==> Kotlin loop"
rm -f bindings/kotlin/target/bench-kotlin.txt
mvn -q -B -f bindings/kotlin -Pbench test -Dtest=LookupBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.iterations="$N" > /dev/null
echo
echo "$RUST_LINES"
cat bindings/kotlin/target/bench-kotlin.txt
us() { sed -E 's/.* ([0-9.]+) us\/call.*/\1/'; }
RUST_US="$(echo "$RUST_LINE" | us)"
while read -r line; do
  KT_US="$(echo "$line" | us)"
  echo "$line" | awk -v k="$KT_US" -v r="$RUST_US" '{ split($1, a, ":"); printf "%s / rust per-call ratio: %.2fx (+%.1f us per call)\n", a[1], k / r, k - r }'
done < <(echo "$RUST_LINES" | grep -v '^rust:'; cat bindings/kotlin/target/bench-kotlin.txt)
if [[ -n "$MODE" ]]; then
  echo "(note: bindings/kotlin/src/main/resources now holds the release library; build.sh restores the debug one)"
fi
