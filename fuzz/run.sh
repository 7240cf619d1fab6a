#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 60), one libFuzzer process at a time (nightly Rust + cargo-fuzz).
# New inputs go to fuzz/work/<target>/ (ignored by git); the committed seeds in fuzz/corpus/<target>/ are read,
# never rewritten. A crash leaves its input in fuzz/artifacts/<target>/ and makes this script exit non-zero.
# Usage: fuzz/run.sh [seconds] [target...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(bootpay_answer iamport_answer webhooks redaction)
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
cargo +nightly fuzz build
status=0
for target in "${targets[@]}"; do
    mkdir -p "work/$target"
    log="work/$target.log"
    echo "== $target: ${seconds}s"
    if cargo +nightly fuzz run "$target" "work/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -dict=dict/paywire.dict -print_final_stats=1 >"$log" 2>&1; then
        result=ok
    else
        result=CRASH
        status=1
    fi
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    # The in-memory corpus at the end (seeds plus what this run kept), as libFuzzer's DONE line reports it.
    corpus=$(grep -o 'DONE .*corp: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "   $result: ${seconds}s, $execs executions, corpus $corpus files (log: fuzz/$log)"
    if [ "$result" = CRASH ]; then
        grep -E 'panicked|SUMMARY|Test unit written|artifact' "$log" | head -n 8 | sed 's/^/   /'
    fi
done
exit "$status"
