// paywire's log records reach a sink the app installs (setLogSink): structured fields, level changes on
// existing clients, a throwing sink that breaks nothing, no secret in any record.

import Foundation
import Paywire
import XCTest

/// Keeps every record it receives (records arrive on paywire's `paywire-log` thread).
final class CollectingSink: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [LogRecord] = []

    func log(record: LogRecord) throws {
        lock.lock()
        kept.append(record)
        lock.unlock()
    }

    var records: [LogRecord] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    func clear() {
        lock.lock()
        kept.removeAll()
        lock.unlock()
    }

    /// The first record matching `predicate`, waiting up to 5 s for it (delivery is asynchronous).
    func waitFor(file: StaticString = #filePath, line: UInt = #line, _ predicate: (LogRecord) -> Bool) async throws -> LogRecord? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let found = records.first(where: predicate) { return found }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        XCTFail("no such record within 5 s; got: \(records)", file: file, line: line)
        return nil
    }
}

/// A sink that always throws.
final class ThrowingSink: LogSink, @unchecked Sendable {
    struct Broken: Error {}

    func log(record: LogRecord) throws {
        throw Broken()
    }
}

final class LogSinkTests: XCTestCase {
    override func tearDown() {
        clearLogSink()
        super.tearDown()
    }

    func testRecordsCarryStructuredFields() async throws {
        let admin = try SandboxAdmin()
        let client = try admin.basic()
        let id = try await admin.receipt(status: 1, price: 1000)
        let sink = CollectingSink()
        setLogSink(sink: sink, minLevel: .debug)
        _ = try await client.getReceipt(receiptId: id, lookupUserData: false)
        let record = try await sink.waitFor { $0.operation == "get_receipt" }
        XCTAssertEqual(record?.level, .debug)
        XCTAssertEqual(record?.provider, "bootpay")
        XCTAssertEqual(record?.httpStatus, 200)
        XCTAssertEqual(record?.attempt, 1)
        XCTAssertNotNil(record?.durationMs)
        XCTAssertEqual(record?.message, "answered")
    }

    func testALevelSetAfterTheClientExistsApplies() async throws {
        let admin = try SandboxAdmin()
        let client = try admin.basic(maxRetries: 1)
        let id = try await admin.receipt(status: 1, price: 1000)
        let sink = CollectingSink()
        setLogSink(sink: sink, minLevel: .debug)
        _ = try await client.getReceipt(receiptId: id, lookupUserData: false)
        _ = try await sink.waitFor { $0.operation == "get_receipt" && $0.level == .debug }

        setLogLevel(minLevel: .warn)
        sink.clear()
        _ = try await client.getReceipt(receiptId: id, lookupUserData: false)
        try await admin.fault(#"{"method":"GET","path":"receipt/*","status":503,"times":1}"#)
        _ = try await client.getReceipt(receiptId: id, lookupUserData: false)
        let retry = try await sink.waitFor { $0.level == .warn && $0.message == "retrying" }
        XCTAssertEqual(retry?.httpStatus, 503)
        XCTAssertEqual(retry?.operation, "get_receipt")
        // Records arrive in order: the DEBUG records of these calls would have come before the retry's.
        XCTAssertTrue(sink.records.allSatisfy { $0.level == .warn || $0.level == .error }, "\(sink.records)")
    }

    func testAThrowingSinkDoesNotBreakTheCall() async throws {
        let admin = try SandboxAdmin()
        let client = try admin.basic()
        let id = try await admin.receipt(status: 1, price: 1000)
        setLogSink(sink: ThrowingSink(), minLevel: .trace)
        let receipt = try await client.getReceipt(receiptId: id, lookupUserData: false)
        XCTAssertEqual(receipt.price, 1000)
        let sink = CollectingSink()
        setLogSink(sink: sink, minLevel: .debug)
        _ = try await client.getReceipt(receiptId: id, lookupUserData: false)
        _ = try await sink.waitFor { $0.operation == "get_receipt" }
    }

    func testNoSecretReachesARecord() async throws {
        let admin = try SandboxAdmin()
        let sink = CollectingSink()
        setLogSink(sink: sink, minLevel: .trace)
        let legacy = try admin.legacy()
        let token = try await legacy.getAccessToken().accessToken
        _ = try await legacy.getReceipt(receiptId: try await admin.receipt(status: 1, price: 1000), lookupUserData: false)
        let iamportToken = try await admin.iamport().getAccessToken().accessToken
        let wrong = try Bootpay(config: BootpayConfig(applicationId: applicationId, privateKey: "pk-log-secret", baseUrl: admin.server.bootpayUrl()))
        _ = try? await wrong.getReceipt(receiptId: "r1", lookupUserData: false)
        _ = try await sink.waitFor { $0.message == "fetching an access token" && $0.provider == "iamport" }
        _ = try await sink.waitFor { $0.provider == "bootpay" && $0.httpStatus == 401 }
        let text = sink.records.map { "\($0)" }.joined(separator: "\n")
        for secret in [privateKey, secretKey, impSecret, "pk-log-secret", token, iamportToken] {
            XCTAssertFalse(text.contains(secret), "secret \(secret) leaked in: \(text)")
        }
    }
}
