#!/usr/bin/env bash
# make dist, JVM part: into dist/
#   paywire-<v>.jar          Kotlin/Java classes + linux-x86-64/libpaywire_ffi.so (release, stripped, glibc 2.17)
#                            + META-INF/LICENSE-MIT, LICENSE-APACHE
#   paywire-<v>-sources.jar  paywire-<v>-javadoc.jar (Dokka, javadoc format)   paywire-<v>.pom
# Needs scripts/dist/ffi.sh first (the library and the generated Kotlin sources). PAYWIRE_EXTRA_NATIVES=DIR
# adds DIR/<jna-prefix>/<library> for other platforms (.github/workflows/release.yml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
[[ -f target/dist/ffi/libpaywire_ffi.so ]] || { echo "jvm.sh: run scripts/dist/ffi.sh first" >&2; exit 1; }

# The jar's only native library: the release build, under JNA's resource prefix for the platform.
native=target/dist/jvm-native
rm -rf "$native" && mkdir -p "$native/linux-x86-64"
cp target/dist/ffi/libpaywire_ffi.so "$native/linux-x86-64/"
# The release workflow adds the natives built on other machines (<jna-prefix>/<library> directories).
if [[ -n "${PAYWIRE_EXTRA_NATIVES:-}" ]]; then cp -R "$PAYWIRE_EXTRA_NATIVES"/. "$native/"; fi

echo "==> mvn -Pdist package (jar, sources, javadoc via Dokka) version $VERSION"
rm -f "$DIST"/paywire-*.jar "$DIST"/paywire-*.pom
mkdir -p "$DIST"
mvn -q -B -f bindings/kotlin -Pdist -Drevision="$VERSION" -Dpaywire.native.dir="$ROOT/$native" -DskipTests clean package
out=bindings/kotlin/target
for suffix in "" -sources -javadoc; do cp "$out/paywire-$VERSION$suffix.jar" "$DIST/"; done
cp "$out/.flattened-pom.xml" "$DIST/paywire-$VERSION.pom"

python3 scripts/dist/inspect_artifacts.py jar "$DIST/paywire-$VERSION.jar"
python3 scripts/dist/check_pom.py "$DIST/paywire-$VERSION.pom" "$VERSION"
for suffix in -sources -javadoc; do
    n="$(unzip -Z1 "$DIST/paywire-$VERSION$suffix.jar" | grep -c -E '\.(kt|java|html)$' || true)"
    [[ "$n" -gt 0 ]] || { echo "jvm.sh: paywire-$VERSION$suffix.jar holds no sources/pages" >&2; exit 1; }
    echo "  paywire-$VERSION$suffix.jar: $(du -k "$DIST/paywire-$VERSION$suffix.jar" | cut -f1) KiB, $n files"
done
