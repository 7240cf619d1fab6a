// Calls the README's Swift blocks (extracted into Readme/ by scripts/dist/readme_blocks.py) against the
// sandbox. The blocks take their clients as parameters; the ones that build clients with the README's
// placeholder credentials are called too (building makes no network call).

import Paywire

func runReadmeBlocks(_ server: SandboxServer) async throws {
    let bootpay = try Bootpay(config: BootpayConfig(
        clientKey: "sandbox-client-key", secretKey: "sandbox-secret-key", baseUrl: server.bootpayUrl()))
    let iamport = try Iamport(config: IamportConfig(
        impKey: "sandbox-imp-key", impSecret: "sandbox-imp-secret", baseUrl: server.iamportUrl()))

    // README.md
    _ = try makeBootpay()
    try await onPaid(bootpay: bootpay, receiptId: try await receipt(server, status: 1, price: 30000))
    try step("README.md swift: onPaid", true)
    let confirmed = try await onAwaitingConfirm(bootpay: bootpay, receiptId: try await receipt(server, status: 2, price: 30000))
    try step("README.md swift: onAwaitingConfirm", confirmed.status == .paid)

    // bindings/README.md
    _ = try makeClients()
    let payment = try await admin(server, "iamport/payments", "{\"status\":\"paid\",\"amount\":30000}")
    let verified = try await onIamportPaid(iamport: iamport, impUid: payment["imp_uid"] as? String ?? "")
    try step("bindings/README.md swift: onIamportPaid", verified.state == .paid)
    let order = try await confirmOrder(bootpay: bootpay, receiptId: try await receipt(server, status: 2, price: 30000))
    try step("bindings/README.md swift: confirmOrder", order.status == .paid)
}
