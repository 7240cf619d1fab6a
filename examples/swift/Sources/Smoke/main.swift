// The smoke flow of make check-dist from a Swift app: token, look-up, forgery check, confirm, partial
// cancel, iamport verify, against the sandbox that libpaywire_ffi embeds (SandboxServer). Then the README's
// Swift blocks (extracted into Readme/ by scripts/dist/readme_blocks.py) run against the same sandbox.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Paywire

struct SmokeFailure: Error, CustomStringConvertible {
    let description: String
}

func step(_ name: String, _ ok: Bool) throws {
    print("  \(ok ? "ok " : "FAIL") \(name)")
    if !ok { throw SmokeFailure(description: name) }
}

/// POSTs to the sandbox's admin API (creates receipts and payments as if a customer had paid).
func admin(_ server: SandboxServer, _ path: String, _ json: String) async throws -> [String: Any] {
    var request = URLRequest(url: URL(string: "\(server.url())/__admin/\(path)")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "content-type")
    request.httpBody = Data(json.utf8)
    let (data, _) = try await URLSession.shared.data(for: request)
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
}

func receipt(_ server: SandboxServer, status: Int, price: Int64) async throws -> String {
    let json = try await admin(server, "bootpay/receipts", "{\"status\":\(status),\"price\":\(price)}")
    return json["receipt_id"] as? String ?? ""
}

let server = try SandboxServer.start()
defer { server.stop() }

let legacy = try Bootpay(config: BootpayConfig(
    applicationId: "sandbox-application-id", privateKey: "sandbox-private-key", baseUrl: server.bootpayUrl()))
try step("token", !(try await legacy.getAccessToken().accessToken.isEmpty))

let bootpay = try Bootpay(config: BootpayConfig(
    clientKey: "sandbox-client-key", secretKey: "sandbox-secret-key", baseUrl: server.bootpayUrl()))
let paid = try await receipt(server, status: 1, price: 30000)
try step("look-up", try await bootpay.getReceipt(receiptId: paid, lookupUserData: false).price == 30000)
do {
    _ = try await bootpay.verifyPayment(receiptId: paid, expectedPrice: 29000)
    try step("forgery check (wrong amount refused)", false)
} catch let error as PaywireError {
    try step("forgery check (wrong amount refused): \(error)", true)
}
try step("forgery check", try await bootpay.verifyPayment(receiptId: paid, expectedPrice: 30000).price == 30000)
let pending = try await receipt(server, status: 2, price: 12000)
let done = try await bootpay.confirmVerified(receiptId: pending, expectedPrice: 12000) { r in r.receiptId }
try step("confirm (verify -> step -> confirm)", done.output == pending)
let cancelled = try await bootpay.cancelPayment(request: CancelPayment(receiptId: paid, cancelPrice: 1000, cancelId: "refund-1"))
try step("partial cancel", cancelled.cancelledPrice == 1000)

let iamport = try Iamport(config: IamportConfig(impKey: "sandbox-imp-key", impSecret: "sandbox-imp-secret", baseUrl: server.iamportUrl()))
let payment = try await admin(server, "iamport/payments", "{\"status\":\"paid\",\"amount\":30000}")
let verified = try await iamport.verifyPayment(impUid: payment["imp_uid"] as? String ?? "", expectedAmount: 30000)
try step("iamport verify", verified.state == .paid)

try await runReadmeBlocks(server)
print("Swift smoke flow passed")
