// Secrets never reach description / debugDescription / string interpolation.

import Foundation
import Paywire
import XCTest

final class SecretsTests: XCTestCase {
    func assertHides(_ value: Any, _ secrets: String..., file: StaticString = #filePath, line: UInt = #line) {
        for text in ["\(value)", String(reflecting: value)] {
            for secret in secrets {
                XCTAssertFalse(text.contains(secret), "secret \(secret) leaked in: \(text)", file: file, line: line)
            }
            XCTAssertTrue(text.contains("***"), text, file: file, line: line)
        }
    }

    func testConfigsAndRequests() throws {
        assertHides(
            BootpayConfig(clientKey: "ck", secretKey: "sk-hidden-1", applicationId: "app", privateKey: "pk-hidden-2",
                          transport: TransportSettings(proxy: "http://user:proxy-pass-3@proxy:3128")),
            "sk-hidden-1", "pk-hidden-2", "proxy-pass-3"
        )
        assertHides(
            IssueBillingKey(pg: "nicepay", orderName: "o", subscriptionId: "s", cardNo: "5570123412341234", cardPw: "12",
                            cardIdentityNo: "900101", cardExpireYear: "28", cardExpireMonth: "12"),
            "5570123412341234", "900101"
        )
        assertHides(Refund(bankAccount: "110222333444", bankUsername: "홍길동", bankCode: "088"), "110222333444")
        assertHides(
            CancelPayment(receiptId: "r1", refund: Refund(bankAccount: "110222333444", bankUsername: "u", bankCode: "088")),
            "110222333444"
        )
        assertHides(PublishCashReceipt(receiptId: "r1", identityNo: "8801011234567", cashReceiptType: "소득공제"), "8801011234567")
    }

    func testTokensAndErrors() async throws {
        let admin = try SandboxAdmin()
        let token = try await admin.legacy().getAccessToken()
        assertHides(token, token.accessToken)
        let wrong = try Bootpay(config: BootpayConfig(applicationId: applicationId, privateKey: "pk-wrong-secret", baseUrl: admin.server.bootpayUrl()))
        do {
            _ = try await wrong.getReceipt(receiptId: "r1", lookupUserData: false)
            XCTFail("expected an auth error")
        } catch {
            XCTAssertFalse("\(error)".contains("pk-wrong-secret"))
            XCTAssertFalse(String(reflecting: error).contains("pk-wrong-secret"))
        }
    }
}
