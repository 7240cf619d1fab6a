# One command per task, shared by people and CI. `make help` lists them.
.PHONY: help demo demo-rust demo-python test test-rust test-python test-kotlin test-field-flow test-browser lint fmt generate \
	bench bench-smoke sandbox dist dist-python dist-jvm check-dist install

# Tests build the Python wheel in the dev profile (shares target/debug with the Rust tests); benchmarks use release.
PYTHON_PROFILE ?= dev

help:
	@echo "make demo          the seed flows against the embedded sandbox (Rust, then Python), no credentials"
	@echo "make test          every test: Rust (core + sandbox), Python package, Kotlin/Java (+ Swift when swift exists)"
	@echo "make lint          cargo fmt --check + clippy -D warnings"
	@echo "make generate      rewrite what is generated from libpaywire_ffi's metadata: python/paywire/_generated.py, Swift, Kotlin"
	@echo "make test-browser  the sandbox dashboard driven through a checkout in headless Chromium"
	@echo "make bench         client benchmark vs nginx: raw reqwest, paywire Rust/Python/Kotlin, official SDKs; + instructions/call"
	@echo "make bench-smoke   the benchmark with tiny N and debug builds: does every client still run (CI)"
	@echo "make sandbox       serve the sandbox on 127.0.0.1:7878"
	@echo "make dist          release artifacts into dist/: manylinux2014 wheel + sdist, jar + sources + javadoc + pom"
	@echo "make check-dist    install dist/ as users do (Debian 11 chroot, no-Rust venv, consumer Maven project) and run the smoke flow"
	@echo "make install       PREFIX=/usr/local: libpaywire_ffi.so, its C header and paywire_ffi.pc (for the Swift package)"

demo: demo-rust demo-python

demo-rust:
	cargo run -q -p paywire --example demo

demo-python:
	PAYWIRE_PROFILE=$(PYTHON_PROFILE) bash python/scripts/demo.sh

test: test-rust test-python test-kotlin test-field-flow test-browser

test-rust:
	cargo test
	# Every committed fuzz seed (and regression) through the decoders, on stable Rust.
	cargo test -p paywire --features fuzzing --lib fuzzing

# The sandbox dashboard clicked through in headless Chromium (installs chromium + selenium itself).
test-browser:
	bash sandbox/tests/browser/run.sh

test-python:
	PAYWIRE_PROFILE=$(PYTHON_PROFILE) bash python/scripts/check.sh

test-kotlin:
	bash bindings/kotlin/check.sh

# A field added to a core response type reaches Kotlin, Swift and Python with only core and generated files changed.
test-field-flow:
	bash scripts/check_field_flow.sh

# Everything derived from core's types and operation tables through the library's UniFFI metadata: the Python
# models and methods (python/paywire/_generated.py), the Swift sources (checked in) and the Kotlin sources.
# `make test` (test-kotlin, via bindings/kotlin/build.sh) fails when the checked-in ones are stale.
generate:
	PAYWIRE_UPDATE_GENERATED=1 bash bindings/kotlin/build.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude uniffi-bindgen --all-targets -- -D warnings
	# Core and the sandbox alone, without the `uniffi` feature the workspace build turns on:
	# `forbid(unsafe_code)` holds.
	cargo clippy -p paywire --all-targets -- -D warnings
	cargo clippy -p paywire-sandbox --all-targets -- -D warnings

fmt:
	cargo fmt --all

bench:
	bash bench/run.sh --kotlin --instructions

bench-smoke:
	bash bench/run.sh --smoke --kotlin

sandbox:
	cargo run -p paywire-sandbox

# ---- distribution (scripts/dist/): one version for all, from [workspace.package] in Cargo.toml ----------------
PREFIX ?= /usr/local

dist: dist-python dist-jvm
	@ls -l dist/

dist-python:
	bash scripts/dist/python.sh

# One release build of libpaywire_ffi (glibc 2.17) serves the jar and `make install`.
dist-jvm:
	bash scripts/dist/ffi.sh
	bash scripts/dist/jvm.sh

check-dist:
	bash scripts/dist/check-python.sh
	bash scripts/dist/check-jvm.sh
	bash scripts/dist/check-swift.sh

install:
	bash scripts/dist/ffi.sh
	bash scripts/dist/install.sh "$(PREFIX)"
