// Test support: an in-process sandbox (the sandbox crate's SandboxServer, in libpaywire_ffi), clients pointed at it, and its admin
// API over URLSession.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Paywire
import XCTest

let clientKey = "sandbox-client-key"
let secretKey = "sandbox-secret-key"
let applicationId = "sandbox-application-id"
let privateKey = "sandbox-private-key"
let sandboxOtp = "123456"
let impKey = "sandbox-imp-key"
let impSecret = "sandbox-imp-secret"

final class SandboxAdmin: Sendable {
    let server: SandboxServer

    init() throws {
        server = try SandboxServer.start()
    }

    deinit {
        server.stop()
    }

    /// Transport settings with only a retry count and a per-attempt timeout set (`nil`: core's default).
    func transport(maxRetries: Int32? = nil, timeout: TimeInterval? = nil) -> TransportSettings {
        var retry: RetryPolicy?
        if let maxRetries {
            retry = defaultRetryPolicy()
            retry?.maxRetries = maxRetries
        }
        return TransportSettings(timeout: timeout, retry: retry)
    }

    func basic(maxRetries: Int32? = nil, timeout: TimeInterval? = nil) throws -> Bootpay {
        try Bootpay(config: BootpayConfig(
            clientKey: clientKey, secretKey: secretKey, baseUrl: server.bootpayUrl(),
            transport: transport(maxRetries: maxRetries, timeout: timeout)
        ))
    }

    func legacy() throws -> Bootpay {
        try Bootpay(config: BootpayConfig(applicationId: applicationId, privateKey: privateKey, baseUrl: server.bootpayUrl()))
    }

    /// An iamport client on the sandbox's `/iamport` root.
    func iamport(maxRetries: Int32? = nil) throws -> Iamport {
        try Iamport(config: IamportConfig(impKey: impKey, impSecret: impSecret, baseUrl: server.iamportUrl(),
                                          transport: transport(maxRetries: maxRetries)))
    }

    /// Creates an iamport payment as if the customer had used the browser window; answers its ids.
    func iamportPayment(_ json: String) async throws -> (impUid: String, merchantUid: String) {
        let payment = try await send("POST", "iamport/payments", json)
        return (payment["imp_uid"] as! String, payment["merchant_uid"] as! String)
    }

    func iamportTokenRequests() async throws -> Int {
        (try await send("GET", "counters")["iamport_token_requests"] as? Int) ?? -1
    }

    @discardableResult
    func send(_ method: String, _ path: String, _ json: String? = nil) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "\(server.url())/__admin/\(path)")!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        if let json { request.httpBody = Data(json.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw NSError(domain: "admin", code: status, userInfo: [NSLocalizedDescriptionKey: "admin \(method) \(path): \(status)"])
        }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    func raw(_ path: String) async throws -> Data {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(server.url())/__admin/\(path)")!)
        return data
    }

    func receipt(status: Int, price: Int64, orderId: String? = nil) async throws -> String {
        let order = orderId.map { ",\"order_id\":\"\($0)\"" } ?? ""
        let json = try await send("POST", "bootpay/receipts", "{\"status\":\(status),\"price\":\(price)\(order)}")
        return json["receipt_id"] as! String
    }

    func tokenRequests() async throws -> Int {
        (try await send("GET", "counters")["token_requests"] as? Int) ?? -1
    }

    func routeCount(_ route: String) async throws -> Int {
        let requests = try await send("GET", "counters")["requests"] as? [String: Any]
        return (requests?[route] as? Int) ?? 0
    }

    func fault(_ json: String) async throws {
        try await send("POST", "faults", json)
    }
}

/// XCTAssertThrowsError for async calls, returning the error as `E`.
func assertThrows<E: Error, T>(
    _ type: E.Type, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> T
) async -> E? {
    do {
        _ = try await body()
        XCTFail("expected \(E.self), nothing was thrown", file: file, line: line)
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self), got \(error)", file: file, line: line)
    }
    return nil
}
