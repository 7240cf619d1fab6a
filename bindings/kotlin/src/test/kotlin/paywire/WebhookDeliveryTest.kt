// Webhooks delivered for real: the sandbox POSTs to a merchant endpoint on 127.0.0.1 (WebhookReceiver), and
// every body that arrives is read with paywire's own parsers (parseBootpayWebhook, parseIamportWebhook) and
// verified with the clients' verifyWebhook (a re-fetch from the sandbox). Also: a receiver that fails once
// (the sandbox retries; the delivery log shows both attempts), resend, and the webhook settings.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class WebhookDeliveryTest {
    private fun bootpayClient(server: SandboxServer) =
        Bootpay(BootpayConfig(clientKey = CLIENT_KEY, secretKey = SECRET_KEY, baseUrl = server.bootpayUrl()))

    private fun iamportClient(server: SandboxServer) =
        Iamport(IamportConfig(impKey = IMP_KEY, impSecret = IMP_SECRET, baseUrl = server.iamportUrl()))

    @Test
    fun `Bootpay paid, confirm, cancel and virtual account webhooks are parsed and verified`() = runBlocking {
        WebhookReceiver().use { receiver ->
            val server = SandboxServer.startWith(SandboxOptions(webhookUrl = receiver.url))
            val admin = SandboxAdmin(server)
            val bootpay = bootpayClient(server)
            try {
                // Paid at checkout.
                val paid = admin.createBootpayReceipt(NewBootpayReceipt.paid(30_000).withOrderId("order-wh-paid"))
                val first = receiver.next()
                assertEquals("/hook", first.path)
                assertTrue(first.contentType!!.startsWith("application/json"), first.contentType)
                val hook = parseBootpayWebhook(first.body, first.contentType)
                assertEquals(paid.receiptId, hook.receiptId)
                assertEquals("order-wh-paid", hook.orderId)
                assertEquals(WebhookType.PaymentCompleted, hook.event)
                assertEquals(30_000L, hook.price)
                val verified = bootpay.verifyWebhook(hook)
                assertEquals(ReceiptStatus.Paid, verified.status)
                assertEquals(30_000L, verified.price)
                assertEquals("order-wh-paid", verified.orderId)

                // Authorised, then confirmed by the merchant's server: the confirm is what is announced.
                val waiting = admin.createBootpayReceipt(NewBootpayReceipt.awaitingConfirm(5_000))
                assertEquals(2, waiting.status)
                assertEquals(ReceiptStatus.Paid, bootpay.confirmPayment(waiting.receiptId).status)
                val confirmed = parseBootpayWebhook(receiver.next().body, "application/json")
                assertEquals(waiting.receiptId, confirmed.receiptId)
                assertEquals(WebhookType.PaymentCompleted, confirmed.event)
                assertEquals(5_000L, confirmed.price)
                assertEquals(ReceiptStatus.Paid, bootpay.verifyWebhook(confirmed).status)

                // Cancelled in full.
                bootpay.cancelPayment(CancelPayment(receiptId = waiting.receiptId, cancelId = "refund-wh-1"))
                val cancelled = parseBootpayWebhook(receiver.next().body, "application/json")
                assertEquals(waiting.receiptId, cancelled.receiptId)
                assertEquals(WebhookType.PaymentCancelled, cancelled.event)
                assertEquals(5_000L, cancelled.cancelledPrice)
                assertNotEquals(confirmed.idempotencyKey, cancelled.idempotencyKey)
                assertEquals(ReceiptStatus.Cancelled, bootpay.verifyWebhook(cancelled).status)

                // A virtual account: issued, then the deposit.
                val vbank = admin.createBootpayReceipt(NewBootpayReceipt.virtualAccount(9_000))
                assertEquals(5, vbank.status)
                val issued = parseBootpayWebhook(receiver.next().body, "application/json")
                assertEquals(vbank.receiptId, issued.receiptId)
                assertEquals(WebhookType.PaymentVirtualAccountIssued, issued.event)
                assertEquals(ReceiptStatus.VirtualAccountIssued, bootpay.verifyWebhook(issued).status)
                assertEquals(1, admin.depositBootpayVbank(vbank.receiptId).status)
                val deposited = parseBootpayWebhook(receiver.next().body, "application/json")
                assertEquals(WebhookType.PaymentCompleted, deposited.event)
                assertNotEquals(issued.idempotencyKey, deposited.idempotencyKey)
                val settled = bootpay.verifyWebhook(deposited)
                assertEquals(ReceiptStatus.Paid, settled.status)
                assertEquals(9_000L, settled.price)

                // The delivery log: five deliveries, each accepted at the first attempt.
                val log = admin.awaitDeliveries(5)
                assertEquals(5, log.size)
                assertEquals(
                    listOf(paid.receiptId, waiting.receiptId, waiting.receiptId, vbank.receiptId, vbank.receiptId),
                    log.map { it.paymentId },
                )
                for (d in log) {
                    assertEquals("bootpay", d.provider)
                    assertEquals(receiver.url, d.url)
                    assertEquals(DeliveryState.DELIVERED, d.state)
                    assertEquals(1, d.attempts.size)
                    assertEquals(200, d.attempts[0].status)
                    assertTrue(d.attempts[0].accepted)
                }
                assertTrue(receiver.isEmpty(), "no other delivery")
            } finally {
                bootpay.close()
                server.stop()
            }
        }
    }

    @Test
    fun `iamport form webhooks for paid, cancel and virtual account are parsed and verified`() = runBlocking {
        WebhookReceiver().use { receiver ->
            val server = SandboxServer.startWith(
                SandboxOptions(webhookUrl = receiver.url, iamportWebhookFormat = IamportFormat.FORM),
            )
            val admin = SandboxAdmin(server)
            val iamport = iamportClient(server)
            try {
                assertEquals(IamportFormat.FORM, admin.readConfig().iamportWebhookFormat)
                val paid = admin.createIamportPayment(NewIamportPayment.paid(8_000.0).withMerchantUid("order-im-paid"))
                val delivered = receiver.next()
                assertTrue(delivered.contentType!!.startsWith("application/x-www-form-urlencoded"), delivered.contentType)
                assertTrue(delivered.text.contains("imp_uid=${paid.impUid}"), delivered.text)
                val hook = parseIamportWebhook(delivered.body, delivered.contentType)
                assertEquals(paid.impUid, hook.impUid)
                assertEquals("order-im-paid", hook.merchantUid)
                assertEquals(PaymentStatus.Paid, hook.status)
                assertNull(hook.cancellationId)
                val verified = iamport.verifyWebhook(hook)
                assertEquals(8_000.0, verified.amount)
                assertEquals(PaymentStatus.Paid, verified.status)

                // A full cancel through the API, with the webhook asked for.
                iamport.cancelPayment(IamportCancelPayment(impUid = paid.impUid, reason = "환불", enableWebhook = true))
                val cancelledBody = receiver.next()
                val cancelled = parseIamportWebhook(cancelledBody.body, cancelledBody.contentType)
                assertEquals(PaymentStatus.Cancelled, cancelled.status)
                assertNotNull(cancelled.cancellationId)
                assertNotEquals(hook.idempotencyKey, cancelled.idempotencyKey)
                assertEquals(8_000.0, iamport.verifyWebhook(cancelled).cancelAmount)

                // A virtual account: ready, then paid by the deposit.
                val ready = admin.createIamportPayment(NewIamportPayment.virtualAccount(5_000.0).withMerchantUid("order-im-vb"))
                assertEquals("ready", ready.status)
                val issuedBody = receiver.next()
                val issued = parseIamportWebhook(issuedBody.body, issuedBody.contentType)
                assertEquals(ready.impUid, issued.impUid)
                assertEquals(PaymentStatus.Ready, issued.status)
                assertEquals("paid", admin.depositIamportVbank(ready.impUid).status)
                val depositBody = receiver.next()
                val deposit = parseIamportWebhook(depositBody.body, depositBody.contentType)
                assertEquals(PaymentStatus.Paid, deposit.status)
                assertNotEquals(issued.idempotencyKey, deposit.idempotencyKey)
                val settled = iamport.verifyWebhook(deposit)
                assertEquals("order-im-vb", settled.merchantUid)
                assertEquals(5_000.0, settled.amount)

                val log = admin.awaitDeliveries(4)
                assertEquals(listOf("paid", "cancelled", "ready", "paid"), log.map { it.event })
                assertTrue(log.all { it.provider == "iamport" && it.contentType == "application/x-www-form-urlencoded" })
                assertTrue(log.all { it.state == DeliveryState.DELIVERED && it.attempts.size == 1 })
            } finally {
                iamport.close()
                server.stop()
            }
        }
    }

    @Test
    fun `a receiver that answers 500 gets the webhook again, and resend sends it once more`() = runBlocking {
        WebhookReceiver(failFirst = 1).use { receiver ->
            val server = SandboxServer.startWith(SandboxOptions(webhookUrl = receiver.url))
            val admin = SandboxAdmin(server)
            try {
                val paid = admin.createBootpayReceipt(NewBootpayReceipt.paid(12_000))
                val refused = receiver.next()
                val retried = receiver.next()
                assertEquals(1, receiver.refused.get())
                assertEquals(refused.text, retried.text, "the retry carries the same body")
                val first = parseBootpayWebhook(refused.body, refused.contentType)
                val second = parseBootpayWebhook(retried.body, retried.contentType)
                assertEquals(paid.receiptId, second.receiptId)
                assertEquals(first.idempotencyKey, second.idempotencyKey, "one event, delivered twice")

                val delivery = admin.awaitDeliveries(1).single()
                assertEquals(DeliveryState.DELIVERED, delivery.state)
                assertEquals(listOf(1, 2), delivery.attempts.map { it.attempt })
                assertEquals(listOf(500, 200), delivery.attempts.map { it.status })
                assertEquals(listOf(false, true), delivery.attempts.map { it.accepted })
                assertEquals(WebhookType.PaymentCompleted, parseBootpayWebhook(delivery.payloadJson.toByteArray(), "application/json").event)

                val again = admin.resendWebhook(delivery.id)
                assertEquals(delivery.id, again.resendOf)
                assertNotEquals(delivery.id, again.id)
                val resent = parseBootpayWebhook(receiver.next().body, "application/json")
                assertEquals(paid.receiptId, resent.receiptId)
                assertEquals(first.idempotencyKey, resent.idempotencyKey, "a resend is the same event")
                val log = admin.awaitDeliveries(2)
                assertEquals(2, log.size)
                assertEquals(DeliveryState.DELIVERED, log[1].state)
                assertEquals(1, log[1].attempts.size)

                val missing = runCatching { admin.resendWebhook(9_999) }.exceptionOrNull() as SandboxAdminException
                assertEquals(404, missing.status)
                assertEquals("resendWebhook", missing.operation)
            } finally {
                server.stop()
            }
        }
    }

    @Test
    fun `the webhook receiver is set and removed at run time, and a payment may name its own`() {
        WebhookReceiver().use { global ->
            WebhookReceiver().use { own ->
                val server = SandboxServer.start()
                val admin = SandboxAdmin(server)
                try {
                    assertNull(admin.readConfig().webhookUrl)
                    // A payment that names its receiver is delivered even without a sandbox-wide one.
                    val mine = admin.createBootpayReceipt(NewBootpayReceipt.paid(1_000).withWebhookUrl(own.url))
                    assertEquals(mine.receiptId, parseBootpayWebhook(own.next().body, "application/json").receiptId)
                    val iamportOwn = admin.createIamportPayment(NewIamportPayment.paid(2_000.0).withNoticeUrl(own.url))
                    assertEquals(iamportOwn.impUid, parseIamportWebhook(own.next().body, "application/json").impUid)

                    val set = admin.configure(ConfigUpdate(webhookUrl = global.url))
                    assertEquals(global.url, set.webhookUrl)
                    assertEquals(IamportFormat.JSON, set.iamportWebhookFormat)
                    val theirs = admin.createBootpayReceipt(NewBootpayReceipt.paid(3_000))
                    assertEquals(theirs.receiptId, parseBootpayWebhook(global.next().body, "application/json").receiptId)
                    val webhooks = admin.listWebhooks()
                    assertEquals(global.url, webhooks.webhookUrl)
                    assertEquals(3, webhooks.deliveries.size)

                    assertNull(admin.configure(ConfigUpdate(removeWebhookUrl = true)).webhookUrl)
                    assertNull(admin.readConfig().webhookUrl)
                    val bad = runCatching { admin.configure(ConfigUpdate(webhookUrl = "ftp://nowhere")) }.exceptionOrNull()
                    assertEquals("webhook_url", (bad as SandboxAdminException).field)
                    assertEquals(400, bad.status)
                    assertTrue(global.isEmpty(), "nothing more for the removed receiver")
                } finally {
                    server.stop()
                }
            }
        }
    }
}
