#!/usr/bin/env bash
# make check-dist, JVM part: installs dist/paywire-<v>.jar (+ .pom, -sources, -javadoc) into a throwaway local
# Maven repository, then builds and runs examples/jvm, a separate consumer project that depends on
# dev.paywire:paywire:<v> like any app: Java (blocking + CompletableFuture) and Kotlin (coroutines) smoke
# flows against the sandbox the jar embeds, plus the README's Kotlin/Java blocks.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
jar="$DIST/paywire-$VERSION.jar"
for f in "$jar" "$DIST/paywire-$VERSION.pom" "$DIST/paywire-$VERSION-sources.jar" "$DIST/paywire-$VERSION-javadoc.jar"; do
    [[ -f "$f" ]] || { echo "check-jvm.sh: $f is missing: run make dist" >&2; exit 1; }
done
python3 scripts/dist/readme_blocks.py check

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/m2"
# Seed the throwaway repository with the plugins and libraries Maven already downloaded (hard links: no copy),
# never with a dev.paywire artifact: paywire must come from dist/.
if [[ -d "$HOME/.m2/repository" ]] && cp -al "$HOME/.m2/repository" "$repo" 2> /dev/null; then
    rm -rf "$repo/dev/paywire"
else
    rm -rf "$repo" && mkdir -p "$repo"
fi

echo "==> mvn install:install-file dev.paywire:paywire:$VERSION into a throwaway repository"
mvn -q -B -Dmaven.repo.local="$repo" org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
    -Dfile="$jar" -DpomFile="$DIST/paywire-$VERSION.pom" \
    -Dsources="$DIST/paywire-$VERSION-sources.jar" -Djavadoc="$DIST/paywire-$VERSION-javadoc.jar"

readme="examples/jvm/target/generated-sources/readme"
rm -rf examples/jvm/target
python3 scripts/dist/readme_blocks.py kotlin-java "$readme"
echo "==> examples/jvm: mvn verify (compile the consumer + README blocks, run the smoke flow)"
mvn -q -B -f examples/jvm -Dmaven.repo.local="$repo" -Dpaywire.version="$VERSION" verify
cmp -s "$jar" "$repo/dev/paywire/paywire/$VERSION/paywire-$VERSION.jar" \
    || { echo "check-jvm.sh: the consumer did not use dist/'s jar" >&2; exit 1; }
echo "==> JVM artifacts passed"
