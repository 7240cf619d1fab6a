#!/usr/bin/env bash
# The whole bindings check, from a fresh machine with only cargo, java (17+) and mvn (Maven downloads its
# plugins and dependencies from Maven Central):
#   1. builds libpaywire_ffi + uniffi-bindgen (dev profile) and generates the Kotlin and Swift sources
#   2. mvn test: the Kotlin JUnit suites and the Java test, against an in-process sandbox
#   (every object exposes exactly core's operation table: ParityTest in Kotlin, OperationsTests in Swift)
#   3. swift test when a Swift toolchain is on PATH; otherwise one line saying why it was skipped
# Exits non-zero on the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

for tool in cargo java mvn; do
  command -v "$tool" > /dev/null || { echo "check.sh: $tool is required but not on PATH" >&2; exit 1; }
done

bash bindings/kotlin/build.sh

echo "==> mvn test (Kotlin + Java)"
rm -rf bindings/kotlin/target/surefire-reports
if ! mvn -q -B -f bindings/kotlin test; then
  echo "check.sh: Maven tests failed; reports in bindings/kotlin/target/surefire-reports/" >&2
  exit 1
fi
grep -h "Tests run" bindings/kotlin/target/surefire-reports/*.txt | sed 's/^/    /'

if command -v swift > /dev/null; then
  echo "==> swift test"
  # The root Package.swift finds libpaywire_ffi through pkg-config: point it at the debug build.
  pc_dir="$(mktemp -d)"
  printf 'libdir=%s\nName: paywire_ffi\nDescription: paywire (debug build)\nVersion: 0\nLibs: -L${libdir} -lpaywire_ffi\nCflags:\n' \
    "$ROOT/target/debug" > "$pc_dir/paywire_ffi.pc"
  PKG_CONFIG_PATH="$pc_dir" LD_LIBRARY_PATH="$ROOT/target/debug" swift test
else
  echo "Swift tests skipped: no 'swift' on PATH (the root Package.swift is ready; run 'swift test' there with a Swift 6 toolchain)"
fi
echo "==> bindings check passed"
