"""Checks what `make dist` put into an artifact, as a user would receive it.

    inspect_artifacts.py wheel  dist/paywire-*.whl
    inspect_artifacts.py sdist  dist/paywire-*.tar.gz
    inspect_artifacts.py jar    dist/paywire-*.jar
    inspect_artifacts.py elf    path/to/lib.so

Every native library must be release-built and stripped (no .symtab, no .debug_* sections) and need no glibc
newer than 2.17; the license texts must be inside. Exits non-zero with the reason otherwise.
"""

import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

MAX_GLIBC = (2, 17)
LICENSES = ("LICENSE-MIT", "LICENSE-APACHE")
JNA_PREFIXES = {"linux-x86-64", "linux-aarch64", "darwin-x86-64", "darwin-aarch64", "win32-x86-64"}


def fail(message: str) -> None:
    print(f"inspect_artifacts: {message}", file=sys.stderr)
    sys.exit(1)


def check_elf(path: Path, label: str) -> None:
    sections = subprocess.run(["readelf", "-S", "--wide", str(path)], check=True, capture_output=True, text=True)
    names = set(re.findall(r"\]\s+(\.\S+)", sections.stdout))
    debug = sorted(n for n in names if n == ".symtab" or n.startswith(".debug"))
    if debug:
        fail(f"{label} is not stripped (has {', '.join(debug)})")
    versions = subprocess.run(["readelf", "-V", "--wide", str(path)], check=True, capture_output=True, text=True)
    needed = {tuple(int(x) for x in m) for m in re.findall(r"GLIBC_(\d+)\.(\d+)(?:\.\d+)?", versions.stdout)}
    newest = max(needed, default=(0, 0))
    if newest > MAX_GLIBC:
        fail(f"{label} needs glibc {newest[0]}.{newest[1]} (> {MAX_GLIBC[0]}.{MAX_GLIBC[1]})")
    print(f"  {label}: stripped, {path.stat().st_size // 1024} KiB, needs glibc <= {newest[0]}.{newest[1]}")


def check_zip(path: Path, kind: str) -> None:
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        names = archive.namelist()
        if kind == "wheel":
            for lic in LICENSES:
                if not any(n.endswith(f".dist-info/licenses/{lic}") for n in names):
                    fail(f"{path.name} lacks .dist-info/licenses/{lic}")
            libs = [n for n in names if n.endswith(".so")]
            if libs != ["paywire/_native.abi3.so"]:
                fail(f"{path.name}: expected one paywire/_native.abi3.so, found {libs}")
        else:
            for lic in LICENSES:
                if f"META-INF/{lic}" not in names:
                    fail(f"{path.name} lacks META-INF/{lic}")
            libs = [n for n in names if n.endswith((".so", ".dylib", ".dll"))]
            if "linux-x86-64/libpaywire_ffi.so" not in libs:
                fail(f"{path.name}: no linux-x86-64/libpaywire_ffi.so (found {libs})")
            unexpected = [n for n in libs if n.count("/") != 1 or n.split("/")[0] not in JNA_PREFIXES]
            if unexpected:
                fail(f"{path.name}: native libraries outside JNA's resource prefixes: {unexpected}")
            # Other platforms' natives come from the release workflow; this machine checks its own.
            libs = ["linux-x86-64/libpaywire_ffi.so"]
        for lib in libs:
            check_elf(Path(archive.extract(lib, tmp)), f"{path.name}!{lib}")
    print(f"  {path.name}: {path.stat().st_size // 1024} KiB, licenses inside")


def check_sdist(path: Path) -> None:
    with tarfile.open(path) as archive:
        names = archive.getnames()
    top = names[0].split("/")[0]
    for required in (*LICENSES, "pyproject.toml", "Cargo.toml", "PKG-INFO"):
        if f"{top}/{required}" not in names:
            fail(f"{path.name} lacks {required}")
    if not any(n.startswith(f"{top}/") and n.endswith("core/src/lib.rs") for n in names):
        fail(f"{path.name} lacks the core crate's sources")
    print(f"  {path.name}: {path.stat().st_size // 1024} KiB, {len(names)} entries, licenses inside")


def main() -> None:
    if len(sys.argv) != 3:
        fail(__doc__ or "usage")
    kind, path = sys.argv[1], Path(sys.argv[2])
    if kind in ("wheel", "jar"):
        check_zip(path, kind)
    elif kind == "sdist":
        check_sdist(path)
    elif kind == "elf":
        check_elf(path, path.name)
    else:
        fail(f"unknown kind {kind}")


if __name__ == "__main__":
    main()
