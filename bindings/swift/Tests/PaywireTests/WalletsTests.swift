// getUserWallets (Bootpay `GET wallet`) through the async and the blocking client, against the in-process
// sandbox: an endpoint that reached Swift from core's table alone, with no binding edit.

import Foundation
import Paywire
import XCTest

final class WalletsTests: XCTestCase {
    func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString)" }

    /// A card billing key issued for `member`: the member's saved card, so one wallet in the sandbox.
    func card(_ member: String) -> IssueBillingKey {
        var request = IssueBillingKey(
            pg: "nicepay", orderName: "월간 구독", subscriptionId: unique("sub"), cardNo: "5570000000001234",
            cardPw: "12", cardIdentityNo: "900101", cardExpireYear: "28", cardExpireMonth: "12"
        )
        request.user = User(id: member)
        return request
    }

    func testAsyncWalletsFollowTheMembersSavedCards() async throws {
        let admin = try SandboxAdmin()
        let bootpay = try admin.basic()
        let member = unique("member")
        let none = try await bootpay.getUserWallets(userId: member, sandbox: true)
        XCTAssertTrue(none.isEmpty)

        let first = try await bootpay.issueBillingKey(request: card(member)).billingKey
        _ = try await bootpay.issueBillingKey(request: card(member))
        _ = try await bootpay.issueBillingKey(request: card(unique("someone-else")))

        let wallets = try await bootpay.getUserWallets(userId: member, sandbox: true)
        XCTAssertEqual(wallets.map(\.order), [1, 2])
        XCTAssertNotEqual(wallets[0].walletId, wallets[1].walletId)
        for wallet in wallets {
            XCTAssertEqual(wallet.walletId.count, 24)
            XCTAssertEqual(wallet.sandbox, true)
            XCTAssertNotNil(wallet.type)
            XCTAssertNotNil(wallet.expiredAt)
            XCTAssertNil(wallet.latestPurchasedAt)
            XCTAssertEqual(wallet.batchData?.cardNo, "5570********1234")
            XCTAssertNotNil(wallet.batchData?.cardCompany)
        }
        // Readable and redacted: the record's name and fields, never the full card number.
        let shown = "\(wallets[0])"
        XCTAssertTrue(shown.hasPrefix("Wallet"), shown)
        XCTAssertFalse(shown.contains("5570000000001234"), shown)

        _ = try await bootpay.subscribePayment(request: SubscribePayment(
            billingKey: first, orderName: "구독", orderId: unique("order"), price: 9900
        ))
        let after = try await bootpay.getUserWallets(userId: member, sandbox: true)
        XCTAssertNotNil(after[0].latestPurchasedAt)
        XCTAssertNil(after[1].latestPurchasedAt)

        // Every sandbox wallet is a test-mode one: the live list is empty.
        let live = try await bootpay.getUserWallets(userId: member, sandbox: false)
        XCTAssertTrue(live.isEmpty)
    }

    func testBlockingWalletsAndBlankUserId() async throws {
        let admin = try SandboxAdmin()
        let blocking = try BootpayBlocking(config: BootpayConfig(
            clientKey: clientKey, secretKey: secretKey, baseUrl: admin.server.bootpayUrl()
        ))
        let member = unique("member")
        let key = try blocking.issueBillingKey(request: card(member)).billingKey
        let wallets = try blocking.getUserWallets(userId: member, sandbox: true)
        XCTAssertEqual(wallets.count, 1)
        XCTAssertEqual(wallets.first?.order, 1)
        let counted = try await admin.routeCount("GET wallet")
        XCTAssertEqual(counted, 1)

        // A blank user_id is refused by core before any request.
        XCTAssertThrowsError(try blocking.getUserWallets(userId: " ", sandbox: true)) { error in
            guard case let .InvalidInput(field, _, _)? = error as? PaywireError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "user_id")
        }
        let bootpay = try admin.basic()
        let invalid = await assertThrows(PaywireError.self) { try await bootpay.getUserWallets(userId: "", sandbox: true) }
        guard case let .InvalidInput(field, _, _)? = invalid else { return XCTFail("\(String(describing: invalid))") }
        XCTAssertEqual(field, "user_id")
        let stillCounted = try await admin.routeCount("GET wallet")
        XCTAssertEqual(stillCounted, 1, "nothing was sent for the blank user_id")

        // Destroying the key removes the wallet.
        _ = try blocking.destroyBillingKey(billingKey: key)
        XCTAssertTrue(try blocking.getUserWallets(userId: member, sandbox: true).isEmpty)
    }
}
