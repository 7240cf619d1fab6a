#!/usr/bin/env bash
# Builds the paywire wheel, installs it into python/.venv and runs ruff, mypy --strict and pytest.
# Needs only python3 (>= 3.9), pip and cargo; everything else is installed here. Used by CI and people.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
wheels="$root/target/wheels"
venv="$here/.venv"

PAYWIRE_EXTRA_PACKAGES='pytest>=7 mypy>=1.10 ruff>=0.5' bash "$here/scripts/install.sh"
py="$venv/bin/python"
wheel="$(ls -t "$wheels"/paywire-*.whl | head -n 1)"
cd "$here"
echo "==> ruff"
"$venv/bin/ruff" check .
echo "==> mypy --strict"
"$venv/bin/mypy" --strict tests/typing_example.py
echo "==> pytest"
# The pytest script (not `python -m pytest`) keeps the source tree off sys.path: the tests import the
# installed wheel, as users do.
"$venv/bin/pytest" -q
echo "==> python checks passed ($wheel)"
