// Hand-written: PaywireError reads as its one-line summary (print, string interpolation,
// `localizedDescription`), not a field dump. The error's Rust `Display` is exported, so the generated
// `description` is core's sentence; this adds the conformances and `summary` (the same text; every case
// also carries it as its `summary` value). uniffi.toml turns the generated LocalizedError conformance off
// so this one is the only one.

import Foundation

extension PaywireError: LocalizedError, CustomStringConvertible {
    /// The readable sentence every case carries (core's `Display` text).
    public var summary: String { description }

    public var errorDescription: String? { description }
}
