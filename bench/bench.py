"""Client benchmark: paywire (Rust, Python, Kotlin) against the HTTP floor and the official SDKs.

The server is nginx answering from memory (`return 200 '...'`), started here on a free loopback port, so
the figures measure the clients, not a server. Every client runs in its own process, on the same
workload: one access token, N receipt look-ups one after another, then M look-ups with 32 in flight.
Rounds are interleaved (A B C ... A B C ...) so machine noise hits every client alike; the table shows
the median of the rounds and the highest peak RSS. This is a benchmark, not a test.

    python bench.py --sequential 2000 --concurrent 5000 --rounds 3 [--kotlin] [--instructions]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RECEIPT_ID = "6100e8e7019943003850f9b0"
TOKEN_ANSWER = '{"access_token":"bench-access-token-5f3c9a0e7d214b8c9e6f1a2b3c4d5e6f","expire_in":1800}'
CONCURRENCY = 32


@dataclass
class Client:
    """One row of the table: how to start the client process."""

    name: str
    label: str
    argv: List[str]
    conc_label: str = "32 in flight"
    env: Dict[str, str] = field(default_factory=dict)
    results: List[dict] = field(default_factory=list)
    error: Optional[str] = None


# --------------------------------------------------------------------------------------------- server
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Nginx:
    """nginx as a child process: one worker, fixed answers, no logs, keep-alive without a request cap."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="paywire-bench-nginx-"))
        self.port = free_port()
        receipt = (HERE / "server" / "receipt.json").read_text().strip()
        if "'" in receipt or "'" in TOKEN_ANSWER:
            raise SystemExit("answers must not contain a single quote (nginx string)")
        conf = f"""
daemon off;
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    default_type application/json;
    server {{
        listen 127.0.0.1:{self.port} reuseport backlog=1024;
        location = /v2/request/token {{ return 200 '{TOKEN_ANSWER}'; }}
        location /v2/receipt/ {{ return 200 '{receipt}'; }}
        location / {{ return 404 '{{"error_code":"NOT_FOUND","message":"not in the bench server"}}'; }}
    }}
}}
"""
        (self.dir / "nginx.conf").write_text(conf)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.proc = subprocess.Popen(
            [nginx, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(self.dir / "stderr.log", "w"),
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.proc.poll() is not None:
                    raise SystemExit("nginx did not start: " + (self.dir / "stderr.log").read_text())
                time.sleep(0.05)
        self.base_url = f"http://127.0.0.1:{self.port}/v2"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------------------------------------- clients
def clients(args: argparse.Namespace, base: str) -> List[Client]:
    py = sys.executable
    rust = str(args.rust_bin)
    common = [base, RECEIPT_ID]
    nm = [str(args.sequential), str(args.concurrent)]
    out = [
        Client("raw", "raw reqwest (floor)", [rust, "raw", *common, *nm]),
        Client("core", "paywire Rust core", [rust, "core", *common, *nm]),
        Client("py-async", "paywire Python AsyncBootpay", [py, str(HERE / "clients" / "py_paywire.py"), "async", *common, *nm]),
        Client(
            "py-block",
            "paywire Python Bootpay",
            [py, str(HERE / "clients" / "py_paywire.py"), "blocking", *common, *nm],
            conc_label="32 threads",
        ),
    ]
    if args.kotlin:
        props = [f"-Dbench.baseUrl={base}", f"-Dbench.receiptId={RECEIPT_ID}", f"-Dbench.sequential={args.sequential}", f"-Dbench.concurrent={args.concurrent}"]
        mvn = ["mvn", "-q", "-B", "-o", "-f", str(ROOT / "bindings" / "kotlin"), "-Pbench", "test", "-Dtest=LookupBench", "-Dsurefire.failIfNoSpecifiedTests=false", *props]
        out.append(Client("kt-suspend", "paywire Kotlin suspend", mvn + ["-Dbench.mode=suspend"]))
        out.append(Client("kt-block", "paywire Kotlin blocking", mvn + ["-Dbench.mode=blocking"], conc_label="32 threads"))
    if args.official:
        off_n = [str(max(1, args.sequential // args.official_divisor)), str(max(1, args.concurrent // args.official_divisor))]
        out.append(
            Client(
                "py-official",
                "official bootpay-backend 2.9.0 (Python)",
                [py, str(HERE / "clients" / "py_official.py"), *common, *off_n],
                conc_label="32 threads",
            )
        )
        java, deps = shutil.which("java"), HERE / "java" / "target" / "deps"
        if java and deps.is_dir() and any(deps.glob("backend-*.jar")):
            out.append(
                Client(
                    "java-official",
                    "official io.github.bootpay:backend 3.1.0 (Java)",
                    [java, "-cp", f"{deps}/*", str(HERE / "clients" / "JavaOfficial.java"), *common, *off_n],
                    conc_label="32 threads",
                )
            )
        else:
            out.append(Client("java-official", "official io.github.bootpay:backend 3.1.0 (Java)", [], error="not installed (mvn -f bench/java dependency:copy-dependencies)"))
        node = shutil.which("node")
        if node and (HERE / "node" / "node_modules" / "@bootpay" / "backend-js").exists():
            out.append(Client("node-official", "official @bootpay/backend-js (Node)", [node, str(HERE / "clients" / "node_official.js"), *common, *off_n]))
        else:
            out.append(Client("node-official", "official @bootpay/backend-js (Node)", [], error="not installed (npm install in bench/node)"))
    return out


def run_client(c: Client, kotlin_result: Path) -> None:
    if c.error is not None and not c.argv:
        return
    env = dict(os.environ, **c.env)
    if c.name.startswith("kt-"):
        kotlin_result.unlink(missing_ok=True)
        env["BENCH_RESULT"] = str(kotlin_result)
    started = time.perf_counter()
    proc = subprocess.run(c.argv, capture_output=True, text=True, env=env, cwd=HERE)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        c.error = f"exit {proc.returncode}: " + (proc.stderr.strip() or proc.stdout.strip())[-600:]
        print(f"  {c.name:<14} FAILED {c.error}", flush=True)
        return
    text = kotlin_result.read_text() if c.name.startswith("kt-") else proc.stdout
    lines = [line for line in text.splitlines() if line.startswith("{")]
    if not lines:
        c.error = "no result line: " + proc.stdout[-300:] + proc.stderr[-300:]
        print(f"  {c.name:<14} FAILED {c.error}", flush=True)
        return
    result = json.loads(lines[-1])
    c.results.append(result)
    print(
        f"  {c.name:<14} seq {result['seq_calls'] / result['seq_s']:>8.0f}/s  conc {result['conc_calls'] / result['conc_s']:>8.0f}/s"
        f"  rss {result['rss_kb'] / 1024:6.1f} MB  ({wall:.1f} s wall)",
        flush=True,
    )


# --------------------------------------------------------------------------------------------- table
def median_rate(c: Client, kind: str) -> Optional[float]:
    rates = [r[f"{kind}_calls"] / r[f"{kind}_s"] for r in c.results if r[f"{kind}_s"] > 0 and r[f"{kind}_calls"] > 0]
    return statistics.median(rates) if rates else None


def table(cs: List[Client], args: argparse.Namespace) -> str:
    by = {c.name: c for c in cs}

    def ref(name: str, kind: str) -> Optional[float]:
        return median_rate(by[name], kind) if name in by else None

    rows = [
        "| client | sequential calls/s | µs/call | vs raw | vs Rust core | concurrent | calls/s | µs/call | vs raw | vs Rust core | peak RSS MB | note |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for c in cs:
        if not c.results:
            why = (c.error or "no result").strip().splitlines()[-1][:120]
            rows.append(f"| {c.label} | — | | | | | | | | | | {why} |")
            continue
        cells = [c.label]
        for kind in ("seq", "conc"):
            rate = median_rate(c, kind)
            if kind == "conc":
                cells.append(c.conc_label)
            if rate is None:
                cells += ["—", "", "", ""]
                continue
            raw, core = ref("raw", kind), ref("core", kind)
            cells += [
                f"{rate:,.0f}",
                f"{1e6 / rate:.1f}",
                f"{rate / raw:.2f}" if raw else "",
                f"{rate / core:.2f}" if core else "",
            ]
        cells.append(f"{max(r['rss_kb'] for r in c.results) / 1024:.1f}")
        cells.append("")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


# --------------------------------------------------------------------------------------------- instructions
def callgrind_total(argv: List[str], workdir: Path) -> int:
    out = workdir / f"cg.{time.time_ns()}"
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
        capture_output=True,
        text=True,
        cwd=HERE,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-600:])
    total = 0
    for line in out.read_text(errors="replace").splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            total = int(line.split()[1])
    out.unlink()
    return total


def instructions(cs: List[Client], args: argparse.Namespace) -> str:
    """Instructions per sequential call: (Ir at N large - Ir at N small) / delta, per process, under callgrind."""
    if not shutil.which("valgrind"):
        return "instructions per call: valgrind not installed"
    small, large = args.instr_small, args.instr_large
    lines = [f"Instructions per sequential look-up (callgrind, whole client process, (Ir[N={large}] - Ir[N={small}]) / {large - small}):"]
    work = Path(tempfile.mkdtemp(prefix="paywire-bench-cg-"))
    for c in cs:
        if c.name not in args.instr_clients or not c.argv:
            continue

        def argv(n: int) -> List[str]:
            a = list(c.argv)
            a[-2], a[-1] = str(n), "0"  # N sequential, no concurrent phase
            return a

        try:
            lo = callgrind_total(argv(small), work)
            hi = callgrind_total(argv(large), work)
            lines.append(f"  {c.label:<34} {(hi - lo) / (large - small):>12,.0f} instructions/call")
        except (RuntimeError, OSError) as e:
            lines.append(f"  {c.label:<34} failed: {e}")
    shutil.rmtree(work, ignore_errors=True)
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sequential", type=int, default=2000, help="look-ups one after another (N)")
    p.add_argument("--concurrent", type=int, default=5000, help="look-ups with 32 in flight (M)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--rust-bin", type=Path, default=ROOT / "target" / "release" / "paywire-bench")
    p.add_argument("--kotlin", action="store_true", help="include the Kotlin rows (needs bindings/kotlin built)")
    p.add_argument("--no-official", dest="official", action="store_false", help="skip the official SDKs")
    p.add_argument("--official-divisor", type=int, default=4, help="the official SDKs do N/d and M/d calls (they are slow)")
    p.add_argument("--strict", action="store_true", help="exit non-zero when a client fails (bench-smoke)")
    p.add_argument("--instructions", action="store_true", help="also count instructions per call under callgrind")
    p.add_argument("--instr-small", type=int, default=200)
    p.add_argument("--instr-large", type=int, default=1200)
    p.add_argument("--instr-clients", default="raw,core,py-async,py-block")
    args = p.parse_args()
    args.instr_clients = args.instr_clients.split(",")

    server = Nginx()
    try:
        cs = clients(args, server.base_url)
        print(f"server: nginx at {server.base_url}; N={args.sequential} sequential, M={args.concurrent} with {CONCURRENCY} in flight, {args.rounds} round(s)", flush=True)
        kotlin_result = Path(tempfile.mkdtemp(prefix="paywire-bench-kt-")) / "result.json"
        for round_no in range(1, args.rounds + 1):
            print(f"round {round_no}", flush=True)
            for c in cs:
                run_client(c, kotlin_result)
        print()
        print(f"N={args.sequential} sequential, M={args.concurrent} concurrent (official SDKs: /{args.official_divisor}); median of {args.rounds} round(s); {os.cpu_count()} CPUs")
        print(table(cs, args))
        if args.instructions:
            print()
            print(instructions(cs, args))
        failed = [c for c in cs if c.error and c.results == []]
        if failed and args.strict:
            raise SystemExit(f"{len(failed)} client(s) failed: " + ", ".join(c.name for c in failed))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
