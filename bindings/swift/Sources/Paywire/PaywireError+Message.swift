// Hand-written: PaywireError reads as its one-line `message` (print, string interpolation,
// `localizedDescription`), instead of the generated field dump. uniffi.toml turns the generated
// LocalizedError conformance off so this one is the only one.

import Foundation

extension PaywireError: LocalizedError, CustomStringConvertible {
    /// The readable sentence every case carries (core's `Display` text).
    public var message: String {
        switch self {
        case let .Api(_, _, _, _, _, _, _, _, message): return message
        case let .Auth(_, _, _, _, message): return message
        case let .InvalidInput(_, _, message): return message
        case let .Timeout(_, message): return message
        case let .Transport(_, message): return message
        case let .OutcomeUnknown(_, _, _, _, _, message): return message
        case let .Redirect(_, _, _, message): return message
        case let .Decode(_, _, _, _, message): return message
        case let .Verification(_, _, _, _, message): return message
        case let .MerchantStep(_, message): return message
        case let .Config(message): return message
        case let .Interrupted(_, _, message): return message
        case let .Internal(message): return message
        }
    }

    public var errorDescription: String? { message }

    public var description: String { message }
}
