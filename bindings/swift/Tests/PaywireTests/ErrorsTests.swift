// Every PaywireError case, with its fields and a readable description (never a field dump).

import Foundation
import Paywire
import XCTest

final class ErrorsTests: XCTestCase {
    func assertReadable(_ error: PaywireError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(error.summary.isEmpty, file: file, line: line)
        XCTAssertEqual("\(error)", error.summary, file: file, line: line)
        XCTAssertEqual(error.localizedDescription, error.summary, file: file, line: line)
    }

    func billingKey(_ bootpay: Bootpay) async throws -> String {
        try await bootpay.issueBillingKey(request: IssueBillingKey(
            pg: "nicepay", orderName: "구독", subscriptionId: "sub-\(UUID().uuidString)", cardNo: "5570000000001234",
            cardPw: "12", cardIdentityNo: "900101", cardExpireYear: "28", cardExpireMonth: "12"
        )).billingKey
    }

    func testApiAndPgErrors() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let error = await assertThrows(PaywireError.self) { try await bootpay.getReceipt(receiptId: "does-not-exist", lookupUserData: false) }
        guard case let .Api(provider, httpStatus, code, apiMessage, pgError, bodyJson, message)? = error else {
            return XCTFail("expected .Api, got \(String(describing: error))")
        }
        XCTAssertEqual(provider, "bootpay")
        XCTAssertEqual(httpStatus, 404)
        XCTAssertEqual(code, "RC_NOT_FOUND")
        XCTAssertFalse(apiMessage.isEmpty)
        XCTAssertNil(pgError)
        XCTAssertTrue(bodyJson.contains("RC_NOT_FOUND"))
        XCTAssertTrue(message.hasPrefix("bootpay API error (HTTP 404, code RC_NOT_FOUND): "), message)
        assertReadable(error!)

        let key = try await billingKey(bootpay)
        let pg = await assertThrows(PaywireError.self) {
            try await bootpay.subscribePayment(request: SubscribePayment(
                billingKey: key, orderName: "소액", orderId: "order-\(UUID().uuidString)", price: 50,
                extra: SubscribeExtra(rawData: true)
            ))
        }
        guard case let .Api(_, status, code2, _, pgError2, _, _)? = pg else { return XCTFail("\(String(describing: pg))") }
        XCTAssertEqual(status, 500)
        XCTAssertEqual(code2, "-15006")
        XCTAssertEqual(pgError2?.code, "3041")
        XCTAssertNotNil(pgError2?.message)
        XCTAssertTrue(pgError2?.raw.contains("ResultCode") ?? false)
    }

    func testAuthInvalidInputConfigInternal() async throws {
        let admin = try SandboxAdmin()
        let wrong = try Bootpay(config: BootpayConfig(clientKey: clientKey, secretKey: "wrong-secret-xyz", baseUrl: admin.server.bootpayUrl()))
        let auth = await assertThrows(PaywireError.self) { try await wrong.getReceipt(receiptId: "r1", lookupUserData: false) }
        guard case let .Auth(_, status, code, _, message)? = auth else { return XCTFail("\(String(describing: auth))") }
        XCTAssertEqual(status, 401)
        XCTAssertEqual(code, "AUTH_INVALID_KEY")
        XCTAssertFalse(message.contains("wrong-secret-xyz"))
        assertReadable(auth!)

        let bootpay = try admin.basic()
        let invalid = await assertThrows(PaywireError.self) { try await bootpay.getReceipt(receiptId: "", lookupUserData: false) }
        guard case let .InvalidInput(field, reason, message2)? = invalid else { return XCTFail("\(String(describing: invalid))") }
        XCTAssertEqual(field, "receipt_id")
        XCTAssertEqual(message2, "invalid input: receipt_id \(reason)")

        XCTAssertThrowsError(try Bootpay(config: BootpayConfig(clientKey: "c", secretKey: "s", transport: TransportSettings(proxy: "http://user:pa ss@proxy:99999")))) { error in
            // core checks the proxy URL itself now: InvalidInput naming it, without the password.
            guard case let .InvalidInput(field, _, message)? = error as? PaywireError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "proxy")
            XCTAssertFalse(message.contains("pa ss"))
        }
    }

    func testTimeoutTransportOutcomeUnknownDecode() async throws {
        let admin = try SandboxAdmin()
        try await admin.fault(#"{"method":"GET","path":"receipt/*","latency_ms":1500,"times":1}"#)
        let timeout = await assertThrows(PaywireError.self) {
            try await admin.basic(maxRetries: 0, timeout: 0.2).getReceipt(receiptId: "r-slow", lookupUserData: false)
        }
        guard case let .Timeout(attempts, _)? = timeout else { return XCTFail("\(String(describing: timeout))") }
        XCTAssertEqual(attempts, 1)

        let nowhere = try Bootpay(config: BootpayConfig(clientKey: "c", secretKey: "s", baseUrl: "http://127.0.0.1:9/v2",
                                                        transport: TransportSettings(retry: RetryPolicy(maxRetries: 1, baseDelay: 0.1, maxDelay: 2, maxRetryAfter: 30))))
        let transport = await assertThrows(PaywireError.self) { try await nowhere.getReceipt(receiptId: "r1", lookupUserData: false) }
        guard case let .Transport(attempts2, _)? = transport else { return XCTFail("\(String(describing: transport))") }
        XCTAssertEqual(attempts2, 2)

        let bootpay = try admin.basic()
        let key = try await billingKey(bootpay)
        let order = "order-\(UUID().uuidString)"
        try await admin.fault(#"{"method":"POST","path":"subscribe/payment","drop":true,"after":true,"times":1}"#)
        let unknown = await assertThrows(PaywireError.self) {
            try await bootpay.subscribePayment(request: SubscribePayment(billingKey: key, orderName: "구독", orderId: order, price: 9900))
        }
        guard case let .OutcomeUnknown(operation, _, hint, timedOut, _, _)? = unknown else { return XCTFail("\(String(describing: unknown))") }
        XCTAssertEqual(operation, "subscribe_payment")
        XCTAssertFalse(timedOut)
        XCTAssertTrue(hint.contains("get_receipts_by_order_id"))
        XCTAssertEqual(try await bootpay.getReceiptsByOrderId(orderId: order).count, 1)

        try await admin.fault(#"{"method":"GET","path":"receipt/*","non_json":true,"status":502,"times":1}"#)
        let decode = await assertThrows(PaywireError.self) {
            try await admin.basic(maxRetries: 0).getReceipt(receiptId: "r-html", lookupUserData: false)
        }
        guard case let .Decode(_, status, _, snippet, _)? = decode else { return XCTFail("\(String(describing: decode))") }
        XCTAssertEqual(status, 502)
        XCTAssertTrue(snippet.contains("<html>"))
    }

    func testVerification() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = try await admin.receipt(status: 1, price: 1000)
        let error = await assertThrows(PaywireError.self) { try await bootpay.verifyPayment(receiptId: id, expectedPrice: 999) }
        guard case let .Verification(paymentId, failure, message)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(paymentId, id)
        XCTAssertEqual(failure, .amountMismatch(expected: 999, actual: 1000))
        XCTAssertEqual(message, "payment \(id) failed verification: amount mismatch: expected 999, paid 1000")
    }
}
