// iamport (PortOne V1) from Swift (`async throws`), against the in-process sandbox: a representative set of
// the Kotlin suites (IamportOperationsTest, IamportFlowsTest, IamportSecretsTest).

import Foundation
import Paywire
import XCTest

final class IamportTests: XCTestCase {
    let card = CardInput(cardNumber: "5570-1234-5678-1234", expiry: "2028-12", birth: "900101", pwd2digit: "12")

    func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    func testLookUpsPartialAndCancel() async throws {
        let admin = try SandboxAdmin()
        let iamport = try admin.iamport()
        let (impUid, merchantUid) = try await admin.iamportPayment("{\"status\":\"paid\",\"amount\":10000}")
        let payment = try await iamport.getPayment(impUid: impUid)
        XCTAssertEqual(payment.amount, 10000)
        XCTAssertEqual(payment.status, .paid)
        XCTAssertNotNil(payment.paidAt)
        XCTAssertNil(payment.cancelledAt)
        XCTAssertEqual(try await iamport.findPayment(merchantUid: merchantUid, status: .paid, sorting: .paidDesc).impUid, impUid)
        XCTAssertEqual(try await iamport.findAllPayments(merchantUid: merchantUid).list.map(\.impUid), [impUid])
        XCTAssertEqual(try await iamport.getPaymentsByStatus(status: .paid, options: ListOptions(page: 1, limit: 10)).total, 1)

        let partial = try await iamport.getPayments(impUids: [impUid, "imp_000000000000"])
        XCTAssertFalse(partial.complete, "a 207 is never a plain success")
        XCTAssertEqual(partial.items.map(\.impUid), [impUid])
        XCTAssertEqual(partial.missing, ["imp_000000000000"])

        let after = try await iamport.cancelPayment(request: IamportCancelPayment(impUid: impUid, amount: 3000, reason: "부분 환불"))
        XCTAssertEqual(after.cancelAmount, 3000)
        XCTAssertEqual(after.status, .paid, "a partial cancel keeps it paid")
        let stale = await assertThrows(PaywireError.self) {
            try await iamport.cancelPayment(request: IamportCancelPayment(impUid: impUid, amount: 1000, checksum: 10000))
        }
        guard case let .Api(provider, httpStatus, code, _, _, _, _, _, message)? = stale else {
            return XCTFail("expected .Api, got \(String(describing: stale))")
        }
        XCTAssertEqual(provider, "iamport")
        XCTAssertEqual(httpStatus, 200, "iamport reports business failures with HTTP 200")
        XCTAssertEqual(code, "1")
        XCTAssertEqual("\(stale!)", message)
        let full = try await iamport.cancelPayment(request: IamportCancelPayment(merchantUid: merchantUid))
        XCTAssertEqual(full.status, .cancelled)
    }

    func testBillingKeysPaymentsAndSchedules() async throws {
        let admin = try SandboxAdmin()
        let iamport = try admin.iamport()
        let key = try await iamport.issueBillingKey(customerUid: "cust-swift", request: IamportIssueBillingKey(card: card, customerName: "홍길동"))
        XCTAssertEqual(key.customerUid, "cust-swift")
        let keys = try await iamport.getBillingKeys(customerUids: ["cust-swift", "cust-none"])
        XCTAssertFalse(keys.complete)
        XCTAssertEqual(keys.missing, ["cust-none"])
        let paid = try await iamport.payAgain(request: AgainPayment(customerUid: "cust-swift", merchantUid: "order-swift-1", amount: 9900, name: "정기"))
        XCTAssertEqual(paid.status, .paid)
        let failed = try await iamport.payAgain(request: AgainPayment(customerUid: "cust-swift", merchantUid: "order-swift-2", amount: 50, name: "소액"))
        XCTAssertEqual(failed.status, .failed, "the second decline style: code 0, status failed")

        let start = now()
        let registered = try await iamport.schedulePayments(request: SchedulePayments(
            customerUid: "cust-swift",
            schedules: [ScheduleItem(merchantUid: "sched-swift-1", scheduleAt: start + 60, amount: 9900, name: "1회차")]
        ))
        XCTAssertEqual(registered.first?.scheduleStatus, .scheduled)
        try await admin.send("POST", "clock/advance", "{\"seconds\":120}")
        let executed = try await iamport.getSchedule(merchantUid: "sched-swift-1")
        XCTAssertEqual(executed.scheduleStatus, .executed)
        XCTAssertEqual(executed.paymentStatus, .paid)
        XCTAssertEqual(try await iamport.getSchedules(scheduleFrom: start, scheduleTo: start + 86_400).total, 1)
        XCTAssertEqual(try await iamport.deleteBillingKey(customerUid: "cust-swift", reason: "해지").customerUid, "cust-swift")
    }

    func testVerifyAndWebhooks() async throws {
        let admin = try SandboxAdmin()
        let iamport = try admin.iamport()
        let (impUid, merchantUid) = try await admin.iamportPayment("{\"status\":\"paid\",\"amount\":30000}")
        let forged = await assertThrows(PaywireError.self) { try await iamport.verifyPayment(impUid: impUid, expectedAmount: 300) }
        guard case let .Verification(paymentId, failure, _)? = forged else {
            return XCTFail("expected .Verification, got \(String(describing: forged))")
        }
        XCTAssertEqual(paymentId, impUid)
        XCTAssertEqual(failure, .amountMismatch(expected: 300, actual: 30000))
        XCTAssertEqual(try await iamport.verifyPayment(impUid: impUid, expectedAmount: 30000).state, .paid)

        let (vbank, _) = try await admin.iamportPayment("{\"status\":\"ready\",\"amount\":50000,\"pay_method\":\"vbank\"}")
        XCTAssertEqual(try await iamport.verifyPayment(impUid: vbank, expectedAmount: 50000).state, .virtualAccountIssued)

        let hook = try parseIamportWebhook(body: try await admin.raw("iamport/webhook/\(impUid)"), contentType: "application/json")
        XCTAssertEqual(hook.status, .paid)
        XCTAssertEqual(try await iamport.verifyWebhook(webhook: hook).merchantUid, merchantUid)
        let form = "imp_uid=\(impUid)&merchant_uid=\(merchantUid)&status=paid"
        let redelivered = try parseIamportWebhook(body: Data(form.utf8), contentType: "application/x-www-form-urlencoded")
        XCTAssertEqual(redelivered.idempotencyKey, hook.idempotencyKey)
        let other = "{\"imp_uid\":\"\(impUid)\",\"merchant_uid\":\"other-order\",\"status\":\"paid\"}"
        let fake = try parseIamportWebhook(body: Data(other.utf8), contentType: nil)
        let refused = await assertThrows(PaywireError.self) { try await iamport.verifyWebhook(webhook: fake) }
        guard case let .Verification(_, orderFailure, _)? = refused else { return XCTFail("\(String(describing: refused))") }
        XCTAssertEqual(orderFailure, .orderMismatch(expected: "other-order", actual: merchantUid))
    }

    func testTokenSingleFlightAndInterruptedCharge() async throws {
        let admin = try SandboxAdmin()
        let (impUid, _) = try await admin.iamportPayment("{\"status\":\"paid\",\"amount\":1000}")
        let iamport = try admin.iamport()
        XCTAssertEqual(try await admin.iamportTokenRequests(), 0)
        let count = try await withThrowingTaskGroup(of: Payment.self) { group in
            for _ in 0..<1000 {
                group.addTask { try await iamport.getPayment(impUid: impUid, includeSandbox: false) }
            }
            var n = 0
            for try await _ in group { n += 1 }
            return n
        }
        XCTAssertEqual(count, 1000)
        XCTAssertEqual(try await admin.iamportTokenRequests(), 1)

        _ = try await iamport.issueBillingKey(customerUid: "cust-u", request: IamportIssueBillingKey(card: card))
        try await admin.fault("{\"provider\":\"iamport\",\"method\":\"POST\",\"path\":\"subscribe/payments/again\",\"drop\":true,\"after\":true,\"times\":1}")
        let lost = await assertThrows(PaywireError.self) {
            try await iamport.payAgain(request: AgainPayment(customerUid: "cust-u", merchantUid: "order-u-swift", amount: 9900, name: "정기"))
        }
        guard case let .OutcomeUnknown(operation, _, hint, _, _, _)? = lost else { return XCTFail("\(String(describing: lost))") }
        XCTAssertEqual(operation, "pay_again")
        XCTAssertTrue(hint.contains("find_payment(\"order-u-swift\")"), hint)
        XCTAssertEqual(try await admin.routeCount("iamport:POST subscribe/payments/again"), 1)
        XCTAssertEqual(try await iamport.findPayment(merchantUid: "order-u-swift").status, .paid)
    }

    func testSecretsAreHidden() async throws {
        let admin = try SandboxAdmin()
        let config = IamportConfig(impKey: "imp-key-visible", impSecret: "imp-secret-hidden-1")
        for text in ["\(config)", String(reflecting: config)] {
            XCTAssertFalse(text.contains("imp-secret-hidden-1"), text)
            XCTAssertTrue(text.contains("imp-key-visible"), text)
        }
        let secretCard = CardInput(cardNumber: "5570-9999-8888-7777", expiry: "2031-07", birth: "850505", pwd2digit: "42")
        let requests: [Any] = [
            secretCard,
            IamportIssueBillingKey(card: secretCard),
            OnetimePayment(merchantUid: "o1", amount: 1000, card: secretCard),
            IamportCancelPayment(impUid: "imp_1", refundAccount: "110222333444"),
            CertificationOtpRequest(name: "홍길동", phone: "01000000000", birth: "900101", genderDigit: "1", carrier: "SKT"),
            IssueCashReceipt(identifier: "8801011234567"),
        ]
        for value in requests {
            for text in ["\(value)", String(reflecting: value)] {
                for secret in ["5570-9999-8888-7777", "850505", "110222333444", "900101", "8801011234567"] {
                    XCTAssertFalse(text.contains(secret), "secret \(secret) leaked in: \(text)")
                }
                XCTAssertTrue(text.contains("***"), text)
            }
        }
        let token = try await admin.iamport().getAccessToken()
        XCTAssertFalse(token.accessToken.isEmpty)
        XCTAssertFalse("\(token)".contains(token.accessToken))
    }
}
