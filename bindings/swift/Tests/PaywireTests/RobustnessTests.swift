// Issue 14 in Swift: text the foreign side could not encode is InvalidInput naming the field (Swift strings
// cannot hold a lone surrogate; U+FFFF, what the Kotlin encoder writes for one, is refused the same way),
// records print account and card numbers as ***, huge ids are a short InvalidInput before sending, the
// in-flight bound is configurable, and a client is released when its scope ends (ARC, no close()).

import Foundation
import Paywire
import XCTest

final class RobustnessTests: XCTestCase {
    func invalidField(_ body: () async throws -> Void) async -> (field: String, message: String)? {
        do {
            try await body()
            return nil
        } catch let PaywireError.InvalidInput(field, _, message) {
            return (field, message)
        } catch {
            XCTFail("expected InvalidInput, got \(error)")
            return nil
        }
    }

    func testUnencodableTextNamesTheField() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = await invalidField { _ = try await bootpay.getReceipt(receiptId: "abc\u{FFFF}", lookupUserData: false) }
        XCTAssertEqual(id?.field, "receipt_id")
        let cancel = await invalidField {
            _ = try await bootpay.cancelPayment(request: CancelPayment(receiptId: "r1", cancelId: "c\u{FFFF}"))
        }
        XCTAssertEqual(cancel?.field, "cancel_id")
        XCTAssertThrowsError(try Bootpay(config: BootpayConfig(clientKey: clientKey, secretKey: "sk\u{FFFF}"))) { error in
            guard case let .InvalidInput(field, _, _)? = error as? PaywireError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "secret_key")
        }
    }

    func testHugeIdsAreShortInvalidInput() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        for size in [100 * 1024, 10 * 1024 * 1024] {
            let id = String(repeating: "r", count: size)
            let lookup = await invalidField { _ = try await bootpay.getReceipt(receiptId: id, lookupUserData: false) }
            XCTAssertEqual(lookup?.field, "receipt_id")
            XCTAssertLessThan(lookup?.message.count ?? .max, 300)
            let destroy = await invalidField { _ = try await bootpay.destroyBillingKey(billingKey: id) }
            XCTAssertEqual(destroy?.field, "billing_key")
            XCTAssertLessThan(destroy?.message.count ?? .max, 300)
            let cancel = await invalidField {
                _ = try await bootpay.cancelPayment(request: CancelPayment(receiptId: id, cancelPrice: 1000, cancelId: "c-1"))
            }
            XCTAssertLessThan(cancel?.message.count ?? .max, 300)
        }
    }

    func testReceiptHidesTheVirtualAccount() async throws {
        let admin = try SandboxAdmin()
        let receipt = try await admin.basic().getReceipt(receiptId: try await admin.receipt(status: 5, price: 30000), lookupUserData: false)
        let account = try XCTUnwrap(receipt.vbankData?.bankAccount)
        for text in ["\(receipt)", String(reflecting: receipt)] {
            XCTAssertFalse(text.contains(account), text)
            XCTAssertTrue(text.contains("***"), text)
        }
    }

    func testInFlightBoundIsConfigurable() async throws {
        let admin = try SandboxAdmin()
        let id = try await admin.receipt(status: 1, price: 1000)
        do {
            // Released when the scope ends (ARC): the Swift form of `use {}` / try-with-resources.
            let bootpay = try Bootpay(config: BootpayConfig(
                clientKey: clientKey, secretKey: secretKey, baseUrl: admin.server.bootpayUrl(),
                transport: TransportSettings(maxInFlight: 4, maxResponseBytes: 1_048_576)
            ))
            let receipt = try await bootpay.getReceipt(receiptId: id, lookupUserData: false)
            XCTAssertEqual(receipt.receiptId, id)
        }
        XCTAssertThrowsError(try Bootpay(config: BootpayConfig(clientKey: clientKey, secretKey: secretKey,
                                                                   transport: TransportSettings(maxInFlight: 0)))) { error in
            guard case let .InvalidInput(field, _, _)? = error as? PaywireError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "max_in_flight")
        }
    }

    func testRedirectIsReadable() async throws {
        let admin = try SandboxAdmin()
        try await admin.fault(#"{"method":"GET","path":"receipt/*","status":302,"headers":{"location":"https://moved.example/v2/x?k=v"},"times":1}"#)
        let error = await assertThrows(PaywireError.self) {
            try await admin.basic(maxRetries: 0).getReceipt(receiptId: "r-moved", lookupUserData: false)
        }
        guard case let .Redirect(provider, status, location, message)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(provider, "bootpay")
        XCTAssertEqual(status, 302)
        XCTAssertFalse(location.contains("k=v"))
        XCTAssertEqual("\(error!)", message)
    }
}
