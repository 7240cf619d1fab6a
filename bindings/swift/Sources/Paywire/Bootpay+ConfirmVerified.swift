// Hand-written: the verify → your step → confirm flow (Bootpay's "server confirm") with your step as a
// Swift closure. Core's generic `confirm_verified` cannot cross the FFI, so it is rebuilt from the two
// exported halves, `verifyAwaitingConfirm` and `confirmChecked`.

import Foundation

/// What `confirmVerified` returns: the confirmed receipt (status `.Paid`) and what your step returned.
public struct Confirmed<T> {
    /// The receipt after confirmation.
    public let receipt: Receipt
    /// What your step returned.
    public let output: T
}

extension Confirmed: Sendable where T: Sendable {}

extension Bootpay {
    /// Verify, run your step, confirm.
    ///
    /// 1. The receipt must await confirmation (status 2), in KRW, for exactly `expectedPrice`; otherwise
    ///    `PaywireError.Verification` is thrown and `step` does not run.
    /// 2. `step` runs with the verified receipt (reserve stock, mark the order paid, …).
    /// 3. Only if `step` returned is the payment confirmed (and the confirmed price checked again).
    ///
    /// If `step` throws, nothing is confirmed and its error propagates unchanged. Cancelling the Task does
    /// not abort a confirm already sent (it runs to its end in Rust): look the receipt up to reconcile.
    public func confirmVerified<T>(
        receiptId: String,
        expectedPrice: Int64,
        step: (Receipt) async throws -> T
    ) async throws -> Confirmed<T> {
        let verified = try await verifyAwaitingConfirm(receiptId: receiptId, expectedPrice: expectedPrice)
        let output = try await step(verified)
        let confirmed = try await confirmChecked(receiptId: receiptId, expectedPrice: expectedPrice)
        return Confirmed(receipt: confirmed, output: output)
    }
}

extension BootpayBlocking {
    /// The blocking form of `Bootpay.confirmVerified`, for code without async/await.
    public func confirmVerified<T>(
        receiptId: String,
        expectedPrice: Int64,
        step: (Receipt) throws -> T
    ) throws -> Confirmed<T> {
        let verified = try verifyAwaitingConfirm(receiptId: receiptId, expectedPrice: expectedPrice)
        let output = try step(verified)
        let confirmed = try confirmChecked(receiptId: receiptId, expectedPrice: expectedPrice)
        return Confirmed(receipt: confirmed, output: output)
    }
}
