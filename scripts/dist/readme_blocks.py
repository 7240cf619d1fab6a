"""The code blocks of README.md and bindings/README.md, for the tests that compile and run them.

Every fenced block must be one of:
  rust          a doctest of the tests crate (tests/common/mod.rs includes README.md)
  python        executed against paywire.testing.Sandbox by scripts/dist/test_readme_python.py
  kotlin, java  compiled and called by the consumer project examples/jvm (make check-dist)
  swift         compiled and called by examples/swift where a Swift toolchain exists
  sh, text, ``` (no language)   commands: every `make X` must be a Makefile target and every repository path
                must exist (checked by `readme_blocks.py check`)
Placeholders the tests substitute (PLACEHOLDERS below): credentials spelled "your-..." and the example ids.
Blocks in Kotlin, Java and Swift hold declarations only (functions, classes), so a test can call them.

    readme_blocks.py check                      every block has a known language; commands are real
    readme_blocks.py kotlin-java OUT_DIR        writes OUT_DIR/kotlin/readme/... and OUT_DIR/java/readme/...
    readme_blocks.py swift OUT_DIR              writes OUT_DIR/Readme_<doc>_<n>.swift
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = {"root": ROOT / "README.md", "bindings": ROOT / "bindings" / "README.md"}
KNOWN = {"rust", "python", "kotlin", "java", "swift", "sh", "text", ""}

# README placeholder -> the sandbox's value (Python blocks; the others take their clients as parameters).
PLACEHOLDERS = {
    "your-client-key": "sandbox-client-key",
    "your-secret-key": "sandbox-secret-key",
    "your-application-id": "sandbox-application-id",
    "your-private-key": "sandbox-private-key",
    "your-imp-key": "sandbox-imp-key",
    "your-imp-secret": "sandbox-imp-secret",
}


@dataclass
class Block:
    doc: str  # "root" or "bindings"
    lang: str
    index: int  # 1-based among the blocks of this language in this document
    line: int  # where the fence opens
    code: str


def blocks(lang: str | None = None) -> list[Block]:
    found: list[Block] = []
    for doc, path in DOCS.items():
        counters: dict[str, int] = {}
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            fence = re.match(r"^```(\w*)\s*$", lines[i])
            if not fence:
                i += 1
                continue
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            block_lang = fence.group(1)
            counters[block_lang] = counters.get(block_lang, 0) + 1
            found.append(Block(doc, block_lang, counters[block_lang], start, "\n".join(body) + "\n"))
    return [b for b in found if lang is None or b.lang == lang]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, flags=re.M))


def check() -> None:
    problems = []
    targets = make_targets()
    for block in blocks():
        where = f"{DOCS[block.doc].relative_to(ROOT)}:{block.line}"
        if block.lang not in KNOWN:
            problems.append(f"{where}: no test runs ```{block.lang} blocks")
        if block.lang not in ("sh", "text", ""):
            continue
        for raw in block.code.splitlines():
            command = raw.split("#", 1)[0].strip()
            if not command:
                continue
            for segment in re.split(r"&&|\|\||;|\|", command):
                words = shlex.split(segment)
                if words and words[0] == "make":
                    for target in (w for w in words[1:] if "=" not in w and not w.startswith("-")):
                        if target not in targets:
                            problems.append(f"{where}: `make {target}` is not a Makefile target")
                for word in words:
                    candidate = word.removeprefix("./")
                    if "/" in candidate and "=" not in word and "*" not in word and not word.startswith(("http", "$")):
                        if not (ROOT / candidate).exists():
                            problems.append(f"{where}: {word} does not exist in the repository")
    if problems:
        sys.exit("readme_blocks: " + "\n  ".join(["README code blocks:", *problems]))
    counts: dict[str, int] = {}
    for block in blocks():
        counts[block.lang or "plain"] = counts.get(block.lang or "plain", 0) + 1
    print("  README blocks: " + ", ".join(f"{n} {lang}" for lang, n in sorted(counts.items())))


def write_kotlin_java(out: Path) -> None:
    for block in blocks("kotlin"):
        package = f"readme.{block.doc}.k{block.index}"
        target = out / "kotlin" / "readme" / block.doc / f"K{block.index}.kt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"// {DOCS[block.doc].name}:{block.line} (generated)\npackage {package}\n\n{block.code}")
    for block in blocks("java"):
        package = f"readme.{block.doc}.j{block.index}"
        name = re.search(r"^(?:public\s+)?(?:final\s+)?class\s+(\w+)", block.code, flags=re.M)
        if not name:
            sys.exit(f"readme_blocks: the java block at {DOCS[block.doc].name}:{block.line} declares no class")
        target = out / "java" / "readme" / block.doc / f"j{block.index}" / f"{name.group(1)}.java"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"// {DOCS[block.doc].name}:{block.line} (generated)\npackage {package};\n\n{block.code}")


def write_swift(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for block in blocks("swift"):
        (out / f"Readme_{block.doc}_{block.index}.swift").write_text(
            f"// {DOCS[block.doc].name}:{block.line} (generated)\n{block.code}")


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "check":
        check()
    elif command == "kotlin-java" and len(sys.argv) == 3:
        write_kotlin_java(Path(sys.argv[2]))
    elif command == "swift" and len(sys.argv) == 3:
        write_swift(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
