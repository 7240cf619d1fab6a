#!/usr/bin/env python3
"""Checks that every language exposes the same operations as the Rust core, for each provider client.

Providers: Bootpay (core/src/bootpay) and iamport / PortOne V1 (core/src/iamport). For each, the sources
compared (operation names modulo casing: `get_receipt` == `getReceipt`) are:
  core     `pub async fn NAME` inside `impl Client { ... }` blocks of core/src/<provider>/*.rs
  uniffi   the `<provider>_operations! { fn NAME(...) ... }` list in the bindings crate (bindings/src/client.rs
           for Bootpay, bindings/src/iamport/client.rs for iamport); both the async and the blocking object
           are generated from it
  kotlin   `suspend fun NAME` of `open class Bootpay` / `open class Iamport` and `fun NAME` of
           `open class BootpayBlocking` / `open class IamportBlocking` in the generated Kotlin
           (bindings/kotlin/src/main/kotlin/paywire/generated/)
  swift    `open func NAME(...) async` of `open class Bootpay` / `open class Iamport` in the generated Swift
           (bindings/swift/Sources/Paywire/Generated/Paywire.swift)
Python is not compared here: its methods are generated from the library's metadata and
python/tests/test_surface.py checks them against the table.

Exit status 1, with a diff-like report, when any side misses an operation or has one core does not, or when a
side is missing altogether.
Run bindings/kotlin/build.sh first (it generates the Kotlin and Swift sources).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Names that are deliberately not part of the cross-language operation list, on any side, and why.
EXCLUDED = {
    "confirm_verified": "core's is generic over the merchant's closure, which cannot cross FFI; bindings export "
    "its two halves (verify_awaiting_confirm, confirm_checked) and rebuild it by hand (Kotlin/Swift extension, Python method)",
    "with_timeout": "core-only builder-style helper returning a client view; bindings set timeouts in their config",
    "builder": "core-only constructor helper; bindings construct from a config",
    "base_url": "accessor, not an API operation",
    "close": "Python resource management, not an API operation",
}

GENERATED_HINT = "run bindings/kotlin/build.sh first: it builds the library and generates the Kotlin and Swift sources"


def norm(name: str) -> str:
    return name.replace("_", "").lower()


def strip_rust_noise(source: str) -> str:
    """Blanks out comments, string and char literals so braces inside them do not count."""
    out = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "r" and re.match(r'r#*"', source[i:]) and not (i and (source[i - 1].isalnum() or source[i - 1] == "_")):
            hashes = re.match(r"r(#*)\"", source[i:]).group(1)
            end = source.find('"' + hashes, i + 2 + len(hashes))
            out.append('""')
            i = n if end < 0 else end + 1 + len(hashes)
        elif c == '"':
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            out.append('""')
            i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", source[i:]):
            m = re.match(r"'(\\.|[^\\'])'", source[i:])
            out.append("' '")
            i += m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def blocks(source: str, header: re.Pattern) -> list[str]:
    """The bodies of every `{ ... }` block whose opening line matches `header`."""
    found = []
    for m in header.finditer(source):
        start = source.find("{", m.end() - 1)
        depth = 0
        for k in range(start, len(source)):
            if source[k] == "{":
                depth += 1
            elif source[k] == "}":
                depth -= 1
                if depth == 0:
                    found.append(source[start + 1 : k])
                    break
    return found


class Provider:
    """Where one provider's client lives on every side."""

    def __init__(self, name: str, core_dir: str, macro: str, uniffi_file: str, cls: str, python_async: str):
        self.name = name
        self.core_dir = core_dir
        self.macro = macro
        self.uniffi_file = uniffi_file
        self.cls = cls
        self.blocking_cls = cls + "Blocking"
        self.python_async = python_async


PROVIDERS = [
    Provider("Bootpay", "core/src/bootpay", "bootpay_operations", "bindings/src/client.rs", "Bootpay", "AsyncBootpay"),
    Provider("iamport", "core/src/iamport", "iamport_operations", "bindings/src/iamport/client.rs", "Iamport", "AsyncIamport"),
]


class Missing(Exception):
    """A whole side is absent (reported, and the check fails)."""


def core_ops(provider: Provider) -> set[str]:
    ops = set()
    files = sorted((ROOT / provider.core_dir).glob("*.rs"))
    if not files:
        sys.exit(f"check_parity: {provider.core_dir}/*.rs not found")
    for path in files:
        code = strip_rust_noise(path.read_text(encoding="utf-8"))
        for body in blocks(code, re.compile(r"^impl\s+Client\s*\{", re.M)):
            ops.update(re.findall(r"\bpub\s+async\s+fn\s+(\w+)", body))
    return ops


def uniffi_ops(provider: Provider) -> set[str]:
    path = ROOT / provider.uniffi_file
    if not path.exists():
        raise Missing(f"{provider.uniffi_file} not found")
    code = strip_rust_noise(path.read_text(encoding="utf-8"))
    bodies = blocks(code, re.compile(r"^" + provider.macro + r"!\s*\{", re.M))
    if len(bodies) != 1:
        raise Missing(f"expected one `{provider.macro}! {{ ... }}` invocation in {provider.uniffi_file}")
    return set(re.findall(r"^\s*fn\s+(\w+)\s*\(", bodies[0], re.M))


def class_body(text: str, pattern: str, what: str, path: Path) -> str:
    found = blocks(text, re.compile(pattern, re.M))
    if not found:
        raise Missing(f"no {what} in {path.relative_to(ROOT)} (regenerate: {GENERATED_HINT})")
    return found[0]


def kotlin_ops(provider: Provider) -> tuple[set[str], set[str]]:
    files = sorted((ROOT / "bindings/kotlin/src/main/kotlin/paywire/generated").rglob("*.kt"))
    if not files:
        sys.exit(f"check_parity: no generated Kotlin found; {GENERATED_HINT}")
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    path = files[0]
    asynchronous = class_body(text, rf"^open class {provider.cls}\s*:", f"class {provider.cls}", path)
    blocking = class_body(text, rf"^open class {provider.blocking_cls}\s*:", f"class {provider.blocking_cls}", path)
    suspend = set(re.findall(r"override suspend fun `?(\w+)`?\s*\(", asynchronous))
    plain = set(re.findall(r"override fun `?(\w+)`?\s*\(", blocking))
    # Sync helpers of the blocking object (toString, baseUrl, asyncClient, destroy, close; `run` of its
    # cleaner) are not operations.
    plain -= {"toString", "baseUrl", "asyncClient", "destroy", "close", "run", "uniffiClonePointer", "uniffiCloneHandle"}
    return suspend, plain


def swift_ops(provider: Provider) -> set[str]:
    path = ROOT / "bindings/swift/Sources/Paywire/Generated/Paywire.swift"
    if not path.exists():
        sys.exit(f"check_parity: {path.relative_to(ROOT)} not found; {GENERATED_HINT}")
    body = class_body(path.read_text(encoding="utf-8"), rf"^open class {provider.cls}\s*:", f"class {provider.cls}", path)
    return set(re.findall(r"open func (\w+)\([^{]*\)\s*async\b", body))



def check(provider: Provider) -> bool:
    """Prints the report of one provider; False when anything is missing or extra."""
    core = {n for n in core_ops(provider) if n not in EXCLUDED}
    expected = {norm(n): n for n in core}
    excluded = {norm(e) for e in EXCLUDED}
    sides: dict[str, set[str]] = {}
    absent: list[str] = []
    collectors = [
        (f"uniffi ({provider.uniffi_file})", lambda: {"": uniffi_ops(provider)}),
        ("kotlin", lambda: dict(zip((f"{provider.cls} (suspend)", provider.blocking_cls), kotlin_ops(provider)))),
        (f"swift {provider.cls} (async)", lambda: {"": swift_ops(provider)}),
    ]
    for label, collect in collectors:
        try:
            for sub, names in collect().items():
                sides[f"{label} {sub}".strip()] = names
        except Missing as e:
            absent.append(f"{label}: {e}")

    failed = bool(absent)
    print(f"== {provider.name}: core has {len(core)} operations ({provider.core_dir}; excluded: {', '.join(sorted(EXCLUDED))})")
    for side, names in sides.items():
        got = {norm(n): n for n in names if norm(n) not in excluded}
        missing = sorted(expected[k] for k in expected.keys() - got.keys())
        extra = sorted(got[k] for k in got.keys() - expected.keys())
        if missing or extra:
            failed = True
            print(f"--- core {provider.name}\n+++ {side}")
            for name in missing:
                print(f"-{name}    (in core, missing here)")
            for name in extra:
                print(f"+{name}    (here, not a core operation)")
        else:
            print(f"ok   {side}: {len(got)} operations")
    for reason in absent:
        print(f"MISSING {reason}")
    return not failed


def main() -> int:
    results = [check(provider) for provider in PROVIDERS]
    if not all(results):
        print("\nparity check FAILED: every language must expose core's operations (names modulo casing) for every "
              "provider; add the missing ones or list a deliberate exclusion in scripts/check_parity.py with its reason")
        return 1
    print("parity check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
