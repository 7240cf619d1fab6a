#!/usr/bin/env bash
# Prints the one version of every artifact: [workspace.package] version in the root Cargo.toml.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
awk '/^\[workspace\.package\]/ { in_pkg = 1; next }
     /^\[/ { in_pkg = 0 }
     in_pkg && $1 == "version" { gsub(/"/, "", $3); print $3; found = 1; exit }
     END { if (!found) exit 1 }' "$root/Cargo.toml"
