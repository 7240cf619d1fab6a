// Every Bootpay operation of the async API (Swift `async throws`), against the in-process sandbox.

import Foundation
import Paywire
import XCTest

final class OperationsTests: XCTestCase {
    func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString)" }

    func card(_ subscriptionId: String) -> IssueBillingKey {
        IssueBillingKey(
            pg: "nicepay", orderName: "월간 구독", subscriptionId: subscriptionId, cardNo: "5570000000001234",
            cardPw: "12", cardIdentityNo: "900101", cardExpireYear: "28", cardExpireMonth: "12"
        )
    }

    func testReceiptLookUps() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let order = unique("order")
        let id = try await admin.receipt(status: 1, price: 30000, orderId: order)
        let receipt = try await bootpay.getReceipt(receiptId: id, lookupUserData: false)
        XCTAssertEqual(receipt.price, 30000)
        XCTAssertEqual(receipt.status, .paid)
        XCTAssertEqual(receipt.orderId, order)
        // Date-times cross as Date (Bootpay sends ISO-8601 text with an offset).
        let purchasedAt = try XCTUnwrap(receipt.purchasedAt)
        XCTAssertLessThan(abs(purchasedAt.timeIntervalSinceNow), 86_400)
        let byOrder = try await bootpay.getReceiptsByOrderId(orderId: order)
        XCTAssertEqual(byOrder.map(\.receiptId), [id])
    }

    func testConfirmAndCancel() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let waiting = try await admin.receipt(status: 2, price: 1000)
        XCTAssertEqual(try await bootpay.confirmPayment(receiptId: waiting).status, .paid)
        let id = try await admin.receipt(status: 1, price: 10000)
        let partial = try await bootpay.cancelPayment(request: CancelPayment(receiptId: id, cancelPrice: 3000, cancelId: unique("refund")))
        XCTAssertEqual(partial.cancelledPrice, 3000)
        let full = try await bootpay.cancelPayment(request: CancelPayment(receiptId: id))
        XCTAssertEqual(full.cancelledPrice, 10000)
        XCTAssertFalse(try await bootpay.getPaymentMethods().isEmpty)
    }

    func testBillingKeysSubscriptionsAndReservations() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.legacy()
        var request = card(unique("sub"))
        request.user = User(id: "member-1", gender: 0)
        let key = try await bootpay.issueBillingKey(request: request)
        XCTAssertEqual(key.status, .billingKeyIssued)
        let receiptId = try XCTUnwrap(key.receiptId)
        XCTAssertEqual(try await bootpay.getBillingKeyByReceipt(receiptId: receiptId).billingKey, key.billingKey)
        XCTAssertEqual(try await bootpay.getBillingKeyByKey(billingKey: key.billingKey).receiptId, receiptId)
        XCTAssertEqual(
            try await bootpay.getSequentialBillingKey(billingKey: key.billingKey, widgetKey: "w", userId: "member-1").billingKey,
            key.billingKey
        )
        let paid = try await bootpay.subscribePayment(request: SubscribePayment(
            billingKey: key.billingKey, orderName: "11월 구독", orderId: unique("order"), price: 9900,
            extra: SubscribeExtra(rawData: true), metadata: "{\"plan\":\"pro\"}"
        ))
        XCTAssertEqual(paid.status, .paid)
        let reserved = try await bootpay.reserveSubscribePayment(request: ReserveSubscribePayment(
            billingKey: key.billingKey, orderName: "12월", orderId: unique("order"), price: 9900,
            reserveExecuteAt: "2030-12-01T09:00:00+09:00"
        ))
        XCTAssertEqual(try await bootpay.getSubscribeReservation(reserveId: reserved.reserveId).price, 9900)
        XCTAssertTrue(try await bootpay.cancelSubscribeReservation(reserveId: reserved.reserveId).success)
        XCTAssertEqual(try await bootpay.destroyBillingKey(billingKey: key.billingKey).billingKey, key.billingKey)
    }

    func testAutomaticTransfer() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.legacy()
        let pending = try await bootpay.requestTransferBillingKey(request: RequestTransferBillingKey(
            pg: "nicepay", orderName: "계좌 자동이체", subscriptionId: unique("sub"), authType: "ARS",
            username: "홍길동", bankName: "국민", bankAccount: "123456789012", identityNo: "900101", phone: "01000000000"
        ))
        XCTAssertEqual(pending.status, .transferConsented)
        XCTAssertEqual(try await bootpay.publishTransferBillingKey(receiptId: pending.receiptId).status, .billingKeyIssued)
    }

    func testIdentityUserTokenEscrowCashLink() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.legacy()
        let started = try await bootpay.requestAuthentication(request: RequestAuthentication(
            pg: "danal", method: "sms", authenticationId: unique("auth"), username: "홍길동", identityNo: "9001011",
            carrier: "SKT", phone: "01000000000"
        ))
        XCTAssertEqual(try await bootpay.realarmAuthentication(receiptId: started.receiptId).authenticateData?.numberOfRealarms, 1)
        XCTAssertEqual(try await bootpay.confirmAuthentication(receiptId: started.receiptId, otp: sandboxOtp).status, .authenticated)
        XCTAssertEqual(try await bootpay.getCertificate(receiptId: started.receiptId).status, .authenticated)

        let token = try await bootpay.requestUserToken(request: RequestUserToken(userId: "member-9", gender: 0))
        XCTAssertFalse(token.userToken.isEmpty)

        let paid = try await admin.receipt(status: 1, price: 30000)
        let shipped = try await bootpay.startEscrowShipping(request: ShippingStart(
            receiptId: paid, trackingNumber: "1234567890", deliveryCorp: "CJ대한통운", shippingPrepayment: false
        ))
        XCTAssertNotNil(shipped.escrowData)

        let published = try await bootpay.publishCashReceiptOnReceipt(request: PublishCashReceipt(
            receiptId: paid, identityNo: "01000000000", cashReceiptType: "소득공제"
        ))
        XCTAssertNotNil(published.cashReceiptData)
        _ = try await bootpay.cancelCashReceiptOnReceipt(receiptId: paid, request: CancelCashReceipt(cancelUsername: "관리자"))
        let standalone = try await bootpay.requestCashReceipt(request: RequestCashReceipt(
            orderId: unique("cash"), orderName: "현금 판매", identityNo: "01000000000", cashReceiptType: "지출증빙", price: 5000
        ))
        XCTAssertEqual(try await bootpay.cancelCashReceipt(receiptId: standalone.receiptId, request: CancelCashReceipt()).status, .cancelled)

        let link = try await bootpay.requestPaymentLink(request: RequestPaymentLink(orderId: unique("link"), orderName: "티셔츠", price: 30000))
        XCTAssertTrue(link.url?.hasPrefix("http") ?? false)
    }

    func testAccessTokenRawRequestVerifyAndWebhook() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        XCTAssertFalse(try await admin.legacy().getAccessToken().accessToken.isEmpty)
        let id = try await admin.receipt(status: 1, price: 7000, orderId: unique("hook"))
        let json = try await bootpay.rawRequest(request: RawRequest(method: "GET", path: "receipt/\(id)"))
        XCTAssertTrue(json.contains(id))
        XCTAssertEqual(try await bootpay.verifyPayment(receiptId: id, expectedPrice: 7000).receiptId, id)
        let waiting = try await admin.receipt(status: 2, price: 5000)
        XCTAssertEqual(try await bootpay.verifyAwaitingConfirm(receiptId: waiting, expectedPrice: 5000).status, .awaitingConfirm)
        XCTAssertEqual(try await bootpay.confirmChecked(receiptId: waiting, expectedPrice: 5000).status, .paid)

        let hook = try parseBootpayWebhook(body: try await admin.raw("bootpay/webhook/\(id)"), contentType: "application/json")
        XCTAssertEqual(hook.event, .paymentCompleted)
        XCTAssertEqual(try await bootpay.verifyWebhook(webhook: hook).receiptId, id)
        XCTAssertEqual(receiptStatusCode(status: .unknown(77)), 77)
    }
}
