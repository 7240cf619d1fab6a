#!/usr/bin/env bash
# Proves that a field added to a core response type reaches Kotlin, Swift and Python with no binding edit.
#
# In a throw-away clone of HEAD it adds one field to `paywire::bootpay::Receipt` (core/src/bootpay/models.rs
# only), regenerates every binding with the project's own generators (`make generate`'s steps), then checks:
#   - the only files that changed are that core file and generated files (no binding source edited);
#   - Kotlin: the generated `Receipt` has `fieldFlowProbe`, and Kotlin code reading it compiles (mvn compile);
#   - Swift: the checked-in generated `Receipt` has `fieldFlowProbe`;
#   - Python: the generated `Receipt` model is annotated with `field_flow_probe`.
# Registry dependencies are shared through the main target/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# A fixed place under target/, so repeated runs reuse the clone's build units instead of piling up new ones.
CLONE="$CARGO_TARGET_DIR/field-flow/repo"
rm -rf "$CLONE"
git clone -q --no-hardlinks "$ROOT" "$CLONE"
# The clone's crates build apart (their package ids name the clone's path), but their final artifacts land
# in the same target/debug/ names as ours: rebuild ours on the way out (fresh units are only relinked).
restore() {
  rm -rf "$CLONE"
  (cd "$ROOT" && cargo build -q -p paywire-ffi -p uniffi-bindgen)
}
trap restore EXIT
cd "$CLONE"

MODELS=core/src/bootpay/models.rs
python3 - "$MODELS" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
anchor = re.search(r"pub struct Receipt \{\n(\s*///[^\n]*\n)*(\s*#\[[^\n]*\n)*\s*pub receipt_id: String,\n", text)
if anchor is None:
    sys.exit(f"check_field_flow: no `pub receipt_id: String,` in Receipt of {path}")
probe = (
    "    /// A field that exists only in scripts/check_field_flow.sh.\n"
    "    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n"
    "    pub field_flow_probe: Option<String>,\n"
)
open(path, "w", encoding="utf-8").write(text[: anchor.end()] + probe + text[anchor.end():])
EOF

echo "==> regenerate every binding from the changed core"
PAYWIRE_UPDATE_GENERATED=1 bash bindings/kotlin/build.sh >/dev/null

changed="$(git status --porcelain | awk '{print $2}')"
echo "==> files changed by adding the field:"
echo "$changed" | sed 's/^/    /'
while read -r file; do
  case "$file" in
    "$MODELS" | bindings/swift/Sources/Paywire/Generated/* | bindings/swift/Sources/PaywireFFI/* | python/paywire/_generated.py) ;;
    *) echo "check_field_flow: $file changed: adding a core field must not need any other edit" >&2; exit 1 ;;
  esac
done <<<"$changed"

KT=bindings/kotlin/src/main/kotlin/paywire/generated
grep -rq "fieldFlowProbe" "$KT" || { echo "check_field_flow: the generated Kotlin has no fieldFlowProbe" >&2; exit 1; }
cat > bindings/kotlin/src/main/kotlin/paywire/FieldFlowProbe.kt <<'EOF'
package paywire

import paywire.types.Receipt

/** Compiles only if the core field reached the generated Kotlin `Receipt`. */
internal fun fieldFlowProbe(receipt: Receipt): String? = receipt.fieldFlowProbe
EOF
echo "==> mvn compile (Kotlin reads receipt.fieldFlowProbe)"
mvn -q -o -f bindings/kotlin compile >/dev/null 2>&1 || mvn -q -f bindings/kotlin compile

grep -q "fieldFlowProbe" bindings/swift/Sources/Paywire/Generated/*.swift ||
  { echo "check_field_flow: the generated Swift has no fieldFlowProbe" >&2; exit 1; }

python3 - <<'EOF'
import ast, sys
tree = ast.parse(open("python/paywire/_generated.py", encoding="utf-8").read())
for node in tree.body:
    if isinstance(node, ast.ClassDef) and node.name == "Receipt":
        names = {t.target.id for t in node.body if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)}
        if "field_flow_probe" in names:
            sys.exit(0)
        sys.exit("check_field_flow: the generated Python Receipt has no field_flow_probe")
sys.exit("check_field_flow: no Receipt class in python/paywire/_generated.py")
EOF
echo "==> a new core field reached Kotlin, Swift and Python; only core and generated files changed"
