// One source of truth: the four client objects expose exactly the operations of core's tables
// (paywire::bootpay::OPERATIONS, paywire::iamport::OPERATIONS), in Swift casing, no more, no fewer. Swift
// cannot list an object's methods at run time, so this reads the protocols UniFFI generated for them.

import Foundation
import Paywire
import XCTest

final class ParityTests: XCTestCase {
    /// What an object has beside the table's operations.
    let objectMethods: Set<String> = ["blocking", "asyncClient", "baseUrl", "withTimeout", "withRetry"]

    func camel(_ name: String) -> String {
        let parts = name.split(separator: "_").map(String.init)
        guard let first = parts.first else { return name }
        return first + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The method names declared by `public protocol <name>` in the generated sources.
    func methods(of proto: String, in source: String) -> Set<String> {
        guard let start = source.range(of: "public protocol \(proto): ") else { return [] }
        let rest = source[start.upperBound...]
        let body = rest[..<(rest.range(of: "\n}")?.lowerBound ?? rest.endIndex)]
        var names = Set<String>()
        for line in body.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("func ") else { continue }
            names.insert(String(trimmed.dropFirst(5).prefix { $0 != "(" }))
        }
        return names.subtracting(objectMethods)
    }

    func testEveryClientObjectExposesExactlyItsProvidersOperationTable() throws {
        let generated = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Paywire/Generated/Paywire.swift")
        let source = try String(contentsOf: generated, encoding: .utf8)
        let bootpay = Set(bootpayOperations().map(camel))
        let iamport = Set(iamportOperations().map(camel))
        XCTAssertEqual(bootpay.count, bootpayOperations().count)
        XCTAssertEqual(iamport.count, iamportOperations().count)
        XCTAssertEqual(methods(of: "BootpayProtocol", in: source), bootpay)
        XCTAssertEqual(methods(of: "BootpayBlockingProtocol", in: source), bootpay)
        XCTAssertEqual(methods(of: "IamportProtocol", in: source), iamport)
        XCTAssertEqual(methods(of: "IamportBlockingProtocol", in: source), iamport)
    }
}
