// The verify → merchant step → confirm flow with a Swift closure, and cancellation of a confirm.

import Foundation
import Paywire
import XCTest

struct OutOfStock: Error, Equatable {}

final class ConfirmFlowTests: XCTestCase {
    func testStepThenConfirm() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = try await admin.receipt(status: 2, price: 30000, orderId: "order-flow-1")
        let confirmed = try await bootpay.confirmVerified(receiptId: id, expectedPrice: 30000) { receipt in
            XCTAssertEqual(receipt.status, .awaitingConfirm)
            return "stock-reserved:\(receipt.orderId ?? "")"
        }
        XCTAssertEqual(confirmed.output, "stock-reserved:order-flow-1")
        XCTAssertEqual(confirmed.receipt.status, .paid)
    }

    func testThrowingStepConfirmsNothing() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = try await admin.receipt(status: 2, price: 5000)
        let error = await assertThrows(OutOfStock.self) {
            try await bootpay.confirmVerified(receiptId: id, expectedPrice: 5000) { _ -> String in throw OutOfStock() }
        }
        XCTAssertEqual(error, OutOfStock())
        XCTAssertEqual(try await admin.routeCount("POST confirm"), 0)
        XCTAssertEqual(try await bootpay.getReceipt(receiptId: id, lookupUserData: false).status, .awaitingConfirm)
    }

    func testWrongAmountRefusedBeforeTheStep() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = try await admin.receipt(status: 2, price: 5000)
        let error = await assertThrows(PaywireError.self) {
            try await bootpay.confirmVerified(receiptId: id, expectedPrice: 50) { _ -> Bool in
                XCTFail("the step must not run")
                return true
            }
        }
        guard case let .Verification(_, failure, _)? = error else { return XCTFail("\(String(describing: error))") }
        guard case .amountMismatch = failure else { return XCTFail("\(failure)") }
    }

    func testCancellingATaskDoesNotAbortAConfirm() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let id = try await admin.receipt(status: 2, price: 7000)
        try await admin.fault(#"{"method":"POST","path":"confirm","latency_ms":700,"times":1}"#)
        let task = Task { try await bootpay.confirmPayment(receiptId: id) }
        try await Task.sleep(nanoseconds: 150_000_000)
        task.cancel()
        var status = ReceiptStatus.awaitingConfirm
        for _ in 0..<40 where status != .paid {
            try await Task.sleep(nanoseconds: 50_000_000)
            status = try await bootpay.getReceipt(receiptId: id, lookupUserData: false).status
        }
        XCTAssertEqual(status, .paid)
        XCTAssertEqual(try await admin.routeCount("POST confirm"), 1)
    }
}
