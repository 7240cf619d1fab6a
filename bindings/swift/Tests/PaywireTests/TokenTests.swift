// The token lifecycle from Swift: one token request for 1,000 concurrent tasks, one refresh after expiry.

import Foundation
import Paywire
import XCTest

final class TokenTests: XCTestCase {
    func lookUps(_ client: Bootpay, _ id: String, count: Int = 1000) async throws -> [Receipt] {
        try await withThrowingTaskGroup(of: Receipt.self) { group in
            for _ in 0..<count {
                group.addTask { try await client.getReceipt(receiptId: id, lookupUserData: false) }
            }
            var all: [Receipt] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
    }

    func testSingleFlightAndRefresh() async throws {
        let admin = try SandboxAdmin()
        let id = try await admin.receipt(status: 1, price: 1000)
        let client = try admin.legacy()
        XCTAssertEqual(try await admin.tokenRequests(), 0)
        let receipts = try await lookUps(client, id)
        XCTAssertEqual(receipts.count, 1000)
        XCTAssertEqual(try await admin.tokenRequests(), 1)

        try await admin.send("POST", "tokens/expire")
        _ = try await lookUps(client, id)
        XCTAssertEqual(try await admin.tokenRequests(), 2, "one refresh for 1000 callers that all saw a 401")
    }

    func testBasicPairNeverAsksForAToken() async throws {
        let admin = try SandboxAdmin()
        let id = try await admin.receipt(status: 1, price: 1000)
        _ = try await admin.basic().getReceipt(receiptId: id, lookupUserData: false)
        XCTAssertEqual(try await admin.tokenRequests(), 0)
    }
}
