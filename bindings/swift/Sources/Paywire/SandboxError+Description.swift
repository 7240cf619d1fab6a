// Hand-written: SandboxError (why `SandboxServer.start`/`startWith` failed) reads as its one sentence (print,
// string interpolation, `localizedDescription`), not a field dump: "the sandbox could not listen on
// 127.0.0.1:8765: Address already in use". The error's Rust `Display` is exported, so the generated
// `description` is that sentence; this adds the conformances. uniffi.toml turns the generated LocalizedError
// conformance off so this one is the only one.

import Foundation

extension SandboxError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }
}
