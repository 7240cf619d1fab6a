@file:JvmName("ConfirmFlow")

// Hand-written: the verify → your step → confirm flow (Bootpay's "server confirm"), with your step as a
// Kotlin lambda or a Java lambda. Core's generic `confirm_verified` cannot cross the FFI (it takes a
// closure), so it is rebuilt here from the two exported halves, `verifyAwaitingConfirm` and
// `confirmChecked`.

package paywire

import paywire.types.*

/** What [confirmVerified] returns: the confirmed receipt (status `Paid`) and what your step returned. */
data class Confirmed<T>(val receipt: Receipt, val output: T)

/**
 * Verify, run your step, confirm — the single-transaction server confirm.
 *
 * 1. The receipt must await confirmation (status 2), in KRW, for exactly [expectedPrice]; otherwise
 *    [PaywireException.Verification] is thrown and [step] does not run.
 * 2. [step] runs with the verified receipt (reserve stock, mark the order paid in your transaction, …).
 * 3. Only if [step] returned is the payment confirmed (then the confirmed price is checked again).
 *
 * If [step] throws, nothing is confirmed and your exception propagates unchanged. If the confirm fails
 * after [step] succeeded, the [PaywireException] propagates and your transaction should roll back.
 * Cancelling the coroutine while the confirm is in flight does not abort it (it runs to its end in Rust):
 * look the receipt up to reconcile.
 */
suspend fun <T> Bootpay.confirmVerified(
    receiptId: String,
    expectedPrice: Long,
    step: suspend (Receipt) -> T,
): Confirmed<T> {
    val verified = verifyAwaitingConfirm(receiptId, expectedPrice)
    val output = step(verified)
    val confirmed = confirmChecked(receiptId, expectedPrice)
    return Confirmed(confirmed, output)
}

/** Your own step inside [confirmVerified], as a Java lambda; it may throw any exception. */
fun interface MerchantStep<T> {
    /** Runs with the verified receipt; throw to refuse (nothing is confirmed). */
    @Throws(Exception::class)
    fun run(receipt: Receipt): T
}

/**
 * The blocking form of [confirmVerified] for Java:
 * `ConfirmFlow.confirmVerified(bootpay.blocking(), receiptId, 30000L, receipt -> orders.markPaid(receipt))`.
 * Same contract: if [step] throws, nothing is confirmed and the exception propagates unchanged.
 */
fun <T> BootpayBlocking.confirmVerified(
    receiptId: String,
    expectedPrice: Long,
    step: MerchantStep<T>,
): Confirmed<T> {
    val verified = verifyAwaitingConfirm(receiptId, expectedPrice)
    val output = step.run(verified)
    val confirmed = confirmChecked(receiptId, expectedPrice)
    return Confirmed(confirmed, output)
}
