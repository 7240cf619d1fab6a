// Core's TransportSettings and RetryPolicy as Swift sees them: TimeInterval timeouts, a retry policy with its
// backoff, per-call views (withTimeout / withRetry) sharing the client's pool and token, and every bad value
// refused as InvalidInput naming the field — a negative, NaN or infinite TimeInterval too, which UniFFI's own
// converter would have answered with fatalError (a crashed process).

import Foundation
import Paywire
import XCTest

final class TransportTests: XCTestCase {
    func quick() -> RetryPolicy {
        var policy = defaultRetryPolicy()
        policy.maxRetries = 3
        policy.baseDelay = 0.01
        return policy
    }

    func field(_ error: Error?) -> String? {
        guard case let .InvalidInput(field, _, _)? = error as? PaywireError else { return nil }
        return field
    }

    func testWithTimeoutBoundsOneView() async throws {
        let admin = try SandboxAdmin()
        let id = try await admin.receipt(status: 1, price: 1000)
        let client = try admin.basic(maxRetries: 0)
        try await admin.fault(#"{"method":"GET","path":"receipt/*","latency_ms":1500,"times":1}"#)
        let error = await assertThrows(PaywireError.self) {
            try await client.withTimeout(timeout: 0.2).getReceipt(receiptId: id, lookupUserData: false)
        }
        guard case let .Timeout(attempts, _)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(attempts, 1)
        let receipt = try await client.getReceipt(receiptId: id, lookupUserData: false)
        XCTAssertEqual(receipt.receiptId, id)
    }

    func testWithRetrySetsCountAndBackoff() async throws {
        let admin = try SandboxAdmin()
        let id = try await admin.receipt(status: 1, price: 1000)
        let client = try admin.basic(maxRetries: 0)
        try await admin.fault(#"{"method":"GET","path":"receipt/*","status":503,"times":2}"#)
        let refused = await assertThrows(PaywireError.self) { try await client.getReceipt(receiptId: id, lookupUserData: false) }
        guard case let .Api(_, httpStatus, _, _, _, _, _)? = refused else { return XCTFail("\(String(describing: refused))") }
        XCTAssertEqual(httpStatus, 503)
        let patient = try client.withRetry(policy: quick())
        let receipt = try await patient.getReceipt(receiptId: id, lookupUserData: false)
        XCTAssertEqual(receipt.receiptId, id)
    }

    func testBadValuesAreInvalidInputNamingTheField() async throws {
        let admin = try SandboxAdmin()
        let client = try admin.basic()
        for bad: TimeInterval in [0, -5, .nan, .infinity, -.infinity, 2 * 86_400] {
            let error = await assertThrows(PaywireError.self) {
                try await client.withTimeout(timeout: bad).getReceipt(receiptId: "r1", lookupUserData: false)
            }
            XCTAssertEqual(field(error), "timeout", "\(bad)")
        }
        var many = quick()
        many.maxRetries = 11
        XCTAssertThrowsError(try client.withRetry(policy: many)) { XCTAssertEqual(self.field($0), "retry.max_retries") }
        var backwards = quick()
        backwards.baseDelay = -1
        XCTAssertThrowsError(try client.withRetry(policy: backwards)) { XCTAssertEqual(self.field($0), "retry.base_delay") }
        let cases: [(TransportSettings, String)] = [
            (TransportSettings(timeout: -1), "timeout"),
            (TransportSettings(connectTimeout: .nan), "connect_timeout"),
            (TransportSettings(maxInFlight: -3), "max_in_flight"),
            (TransportSettings(maxResponseBytes: Int64.max), "max_response_bytes"),
        ]
        for (settings, expected) in cases {
            XCTAssertThrowsError(try Bootpay(config: BootpayConfig(clientKey: clientKey, secretKey: secretKey, transport: settings))) {
                XCTAssertEqual(self.field($0), expected, "\(settings)")
            }
        }
    }

    func testSettingsPrintReadablyWithTheProxyHidden() {
        let settings = TransportSettings(timeout: 1.5, retry: defaultRetryPolicy(), proxy: "http://user:proxy-pass-9@proxy:3128")
        let text = "\(settings)"
        XCTAssertTrue(text.hasPrefix("TransportSettings{"), text)
        XCTAssertTrue(text.contains("\"timeout\":1.5"), text)
        XCTAssertFalse(text.contains("proxy-pass-9"), text)
        XCTAssertEqual(
            "\(defaultRetryPolicy())",
            #"RetryPolicy{"max_retries":2,"base_delay":0.1,"max_delay":2.0,"max_retry_after":30.0}"#
        )
    }
}
