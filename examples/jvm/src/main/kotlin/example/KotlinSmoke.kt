// The smoke flow with the suspend API, on kotlinx-coroutines: token, look-up, forgery check, confirm
// (verify -> your step -> confirm), partial cancel, iamport verify; look-ups fanned out concurrently.

package example

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import paywire.Bootpay
import paywire.types.BootpayConfig
import paywire.types.CancelPayment
import paywire.Iamport
import paywire.types.IamportConfig
import paywire.PaywireException
import paywire.types.VerifiedState
import paywire.confirmVerified

suspend fun kotlinSmoke(admin: SandboxAdmin) = coroutineScope {
    val url = admin.server.bootpayUrl()
    val legacy = Bootpay(BootpayConfig(applicationId = "sandbox-application-id", privateKey = "sandbox-private-key", baseUrl = url))
    step("token", legacy.getAccessToken().accessToken.isNotEmpty())

    val bootpay = Bootpay(BootpayConfig(clientKey = "sandbox-client-key", secretKey = "sandbox-secret-key", baseUrl = url))
    val paid = admin.receipt(status = 1, price = 30000)
    val prices = (1..8).map { async { bootpay.getReceipt(paid, false).price } }.awaitAll()
    step("look-up (8 concurrent)", prices.all { it == 30000L })

    val forged = try {
        bootpay.verifyPayment(paid, 29000)
        false
    } catch (e: PaywireException.Verification) {
        true
    }
    step("forgery check (wrong amount refused)", forged)
    step("forgery check (right amount accepted)", bootpay.verifyPayment(paid, 30000).receiptId == paid)

    val pending = admin.receipt(status = 2, price = 12000)
    val done = bootpay.confirmVerified(pending, 12000) { receipt -> receipt.receiptId }
    step("confirm (verify -> step -> confirm)", done.output == pending)

    val cancelled = bootpay.cancelPayment(CancelPayment(receiptId = paid, cancelPrice = 1000, cancelId = "kotlin-refund-1"))
    step("partial cancel", cancelled.cancelledPrice == 1000L)

    val iamport = Iamport(IamportConfig(impKey = "sandbox-imp-key", impSecret = "sandbox-imp-secret", baseUrl = admin.server.iamportUrl()))
    val impUid = admin.iamportPayment("paid", 30000)
    step("iamport verify", iamport.verifyPayment(impUid, 30000.0).state == VerifiedState.PAID)
    legacy.close()
    bootpay.close()
    iamport.close()
}
