#!/usr/bin/env bash
# The Python demo: installs the paywire wheel into python/.venv (see install.sh) and runs the seed flows
# against the embedded sandbox, no credentials needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/install.sh" >/dev/null
exec "$here/.venv/bin/python" "$here/examples/demo.py"
