#!/usr/bin/env bash
# Browser test of the sandbox dashboard: headless Chromium (Debian's chromium + chromium-driver)
# driven by Selenium. Installs what it needs, builds the sandbox binary, runs the test.
#
#   sandbox/tests/browser/run.sh            # from the repository root
#   OUT=/some/dir sandbox/tests/browser/run.sh   # screenshots go to $OUT (default target/browser-test)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${OUT:-$root/target/browser-test}"
venv="${VENV:-$root/target/browser-venv}"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ "${#need_apt[@]}" -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${need_apt[@]}" fonts-noto-cjk
fi

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check "selenium>=4.20,<5"
# The merchant side of the test is the paywire Python package, as a shop installs it: the wheel `make
# test-python` built (or a fresh dev build when there is none).
wheel="$(ls -t "$root"/target/wheels/paywire-*.whl 2>/dev/null | head -n 1 || true)"
if [ -z "$wheel" ]; then
    PAYWIRE_PROFILE=dev bash "$root/python/scripts/install.sh"
    wheel="$(ls -t "$root"/target/wheels/paywire-*.whl | head -n 1)"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"

cargo build -q -p paywire-sandbox --bin paywire-sandbox
mkdir -p "$out"
SANDBOX_BIN="$root/target/debug/paywire-sandbox" OUT="$out" \
    "$venv/bin/python" "$here/test_dashboard.py"
