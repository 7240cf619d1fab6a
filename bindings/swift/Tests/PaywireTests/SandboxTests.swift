// The sandbox's own Swift surface (crate paywire-sandbox, feature `uniffi`): SandboxServer's typed start
// errors (readable, naming the field or the address), its credentials, and the launchers' command line.

import Foundation
import Paywire
import XCTest

final class SandboxTests: XCTestCase {
    func testBadOptionsAndABusyPortAreTypedReadableErrors() async throws {
        let host = await assertThrows(SandboxError.self) {
            try SandboxServer.startWith(options: SandboxOptions(host: "localhost"))
        }
        guard case let .InvalidInput(field, _)? = host else {
            return XCTFail("expected .InvalidInput, got \(String(describing: host))")
        }
        XCTAssertEqual(field, "host")

        let server = try SandboxServer.start()
        defer { server.stop() }
        let busy = await assertThrows(SandboxError.self) {
            try SandboxServer.startWith(options: SandboxOptions(port: server.port()))
        }
        guard case let .Bind(address, _)? = busy else {
            return XCTFail("expected .Bind, got \(String(describing: busy))")
        }
        XCTAssertEqual(address, "127.0.0.1:\(server.port())")
        // The error's Rust Display, not a field dump (SandboxError+Description.swift).
        XCTAssertTrue("\(busy!)".hasPrefix("the sandbox could not listen on \(address): "), "\(busy!)")
        XCTAssertEqual(busy!.localizedDescription, "\(busy!)")
        XCTAssertEqual(server.credentials().otp, sandboxOtp)
        XCTAssertEqual(server.credentials().impKey, impKey)
    }

    func testTheCommandLineIsReadByTheBinarysOwnParser() {
        let run = parseSandboxArgs(program: "paywire-sandbox", args: ["--port", "8765", "--iamport-webhook-format", "form"])
        XCTAssertEqual(run, .run(options: SandboxOptions(port: 8765, iamportWebhookFormat: .form), jsonLogs: false))
        guard case let .invalid(message) = parseSandboxArgs(program: "paywire-sandbox", args: ["--host", "localhost"]) else {
            return XCTFail("--host localhost was accepted")
        }
        XCTAssertTrue(message.contains("--host"), message)
    }
}
