// Every Bootpay operation of the async API (Kotlin `suspend`), against the in-process sandbox.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.time.Duration
import java.util.UUID

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()
    private val legacy = admin.legacy()

    @AfterAll
    fun stop() {
        bootpay.close()
        legacy.close()
        server.stop()
        server.close()
    }

    private fun unique(prefix: String) = "$prefix-${UUID.randomUUID()}"

    private fun card(subscriptionId: String) = IssueBillingKey(
        pg = "nicepay",
        orderName = "월간 구독",
        subscriptionId = subscriptionId,
        cardNo = "5570000000001234",
        cardPw = "12",
        cardIdentityNo = "900101",
        cardExpireYear = "28",
        cardExpireMonth = "12",
    )

    @Test
    fun `get_receipt and get_receipts_by_order_id`() = runBlocking {
        val order = unique("order")
        val id = admin.receipt(status = 1, price = 30000, orderId = order)
        val receipt = bootpay.getReceipt(id, false)
        assertEquals(id, receipt.receiptId)
        assertEquals(30000L, receipt.price)
        assertEquals(ReceiptStatus.Paid, receipt.status)
        assertEquals(order, receipt.orderId)
        assertNotNull(receipt.cardData?.cardNo)
        // Date-times cross as java.time.Instant (Bootpay sends ISO-8601 text with an offset).
        val purchasedAt = requireNotNull(receipt.purchasedAt) { "purchasedAt is missing" }
        assertTrue(Duration.between(purchasedAt, java.time.Instant.now()).abs() < Duration.ofDays(1), "$purchasedAt")
        assertTrue(receipt.toString().contains("+09:00"), receipt.toString())
        assertTrue(receipt.extra.startsWith("{"))

        val byOrder = bootpay.getReceiptsByOrderId(order)
        assertEquals(listOf(id), byOrder.map { it.receiptId })
        assertEquals(emptyList<Receipt>(), bootpay.getReceiptsByOrderId(unique("none")))
    }

    @Test
    fun `confirm_payment moves 2 to 1`() = runBlocking {
        val id = admin.receipt(status = 2, price = 1000)
        assertEquals(ReceiptStatus.AwaitingConfirm, bootpay.getReceipt(id, false).status)
        val confirmed = bootpay.confirmPayment(id)
        assertEquals(ReceiptStatus.Paid, confirmed.status)
        assertEquals(1L, receiptStatusCode(confirmed.status))
    }

    @Test
    fun `cancel_payment partial then full, with cancel_id`() = runBlocking {
        val id = admin.receipt(status = 1, price = 10000)
        val partial = bootpay.cancelPayment(
            CancelPayment(receiptId = id, cancelPrice = 3000, cancelId = unique("refund"), cancelMessage = "부분 취소"),
        )
        assertEquals(3000L, partial.cancelledPrice)
        assertEquals(ReceiptStatus.Cancelled, partial.status)
        val full = bootpay.cancelPayment(CancelPayment(receiptId = id, metadata = """{"reason":"rest"}"""))
        assertEquals(10000L, full.cancelledPrice)
    }

    @Test
    fun `get_payment_methods`() = runBlocking {
        val methods = bootpay.getPaymentMethods()
        assertFalse(methods.isEmpty())
    }

    @Test
    fun `billing key lifecycle`() = runBlocking {
        val key = legacy.issueBillingKey(card(unique("sub")).copy(user = User(id = "member-1", gender = 0)))
        assertEquals(ReceiptStatus.BillingKeyIssued, key.status)
        val receiptId = key.receiptId!!
        assertEquals(key.billingKey, legacy.getBillingKeyByReceipt(receiptId).billingKey)
        assertEquals(receiptId, legacy.getBillingKeyByKey(key.billingKey).receiptId)
        assertEquals(key.billingKey, legacy.getSequentialBillingKey(key.billingKey, "widget-key", "member-1").billingKey)
        assertEquals(key.billingKey, legacy.destroyBillingKey(key.billingKey).billingKey)
        val gone = runCatching { legacy.getBillingKeyByKey(key.billingKey) }.exceptionOrNull()
        assertEquals(404, (gone as PaywireException.Api).httpStatus)
    }

    @Test
    fun `subscribe payment and reservations`() = runBlocking {
        val key = bootpay.issueBillingKey(card(unique("sub"))).billingKey
        val order = unique("order-sub")
        val paid = bootpay.subscribePayment(
            SubscribePayment(
                billingKey = key,
                orderName = "11월 구독",
                orderId = order,
                price = 9900,
                cardQuota = "00",
                extra = SubscribeExtra(rawData = true),
                metadata = """{"plan":"pro"}""",
            ),
        )
        assertEquals(ReceiptStatus.Paid, paid.status)
        assertEquals(9900L, paid.price)

        val reserved = bootpay.reserveSubscribePayment(
            ReserveSubscribePayment(
                billingKey = key,
                orderName = "12월 구독",
                orderId = unique("order-res"),
                price = 9900,
                reserveExecuteAt = "2030-12-01T09:00:00+09:00",
            ),
        )
        assertTrue(reserved.reserveId.isNotEmpty())
        val looked = bootpay.getSubscribeReservation(reserved.reserveId)
        assertEquals(9900L, looked.price)
        assertTrue(bootpay.cancelSubscribeReservation(reserved.reserveId).success)
    }

    @Test
    fun `automatic transfer billing key`() = runBlocking {
        val pending = legacy.requestTransferBillingKey(
            RequestTransferBillingKey(
                pg = "nicepay",
                orderName = "계좌 자동이체",
                subscriptionId = unique("sub-transfer"),
                authType = "ARS",
                username = "홍길동",
                bankName = "국민",
                bankAccount = "123456789012",
                identityNo = "900101",
                phone = "01000000000",
            ),
        )
        assertEquals(ReceiptStatus.TransferConsented, pending.status)
        val key = legacy.publishTransferBillingKey(pending.receiptId)
        assertEquals(ReceiptStatus.BillingKeyIssued, key.status)
    }

    @Test
    fun `REST identity authentication`() = runBlocking {
        val started = legacy.requestAuthentication(
            RequestAuthentication(
                pg = "danal",
                method = "sms",
                authenticationId = unique("auth"),
                username = "홍길동",
                identityNo = "9001011",
                carrier = "SKT",
                phone = "01000000000",
            ),
        )
        val again = legacy.realarmAuthentication(started.receiptId)
        assertEquals(1L, again.authenticateData?.numberOfRealarms)
        val done = legacy.confirmAuthentication(started.receiptId, OTP)
        assertEquals(ReceiptStatus.Authenticated, done.status)
        assertEquals(ReceiptStatus.Authenticated, legacy.getCertificate(started.receiptId).status)
    }

    @Test
    fun `request_user_token`() = runBlocking {
        val token = legacy.requestUserToken(RequestUserToken(userId = "member-9", gender = 0))
        assertTrue(token.userToken.isNotEmpty())
        assertNotNull(token.expiredAt)
    }

    @Test
    fun `start_escrow_shipping`() = runBlocking {
        val id = admin.receipt(status = 1, price = 30000)
        val receipt = bootpay.startEscrowShipping(
            ShippingStart(
                receiptId = id,
                trackingNumber = "1234567890",
                deliveryCorp = "CJ대한통운",
                shippingPrepayment = false,
                user = ShippingUser(username = "홍길동", zipcode = "04524"),
            ),
        )
        assertNotNull(receipt.escrowData)
    }

    @Test
    fun `cash receipts on a payment and standalone`() = runBlocking {
        val id = admin.receipt(status = 1, price = 10000)
        val published = bootpay.publishCashReceiptOnReceipt(PublishCashReceipt(id, "01000000000", "소득공제"))
        assertNotNull(published.cashReceiptData)
        bootpay.cancelCashReceiptOnReceipt(id, CancelCashReceipt(cancelUsername = "관리자", cancelMessage = "요청 취소"))

        val standalone = bootpay.requestCashReceipt(
            RequestCashReceipt(
                orderId = unique("cash"),
                orderName = "현금 판매",
                identityNo = "01000000000",
                cashReceiptType = "지출증빙",
                price = 5000,
                purchasedAt = "2026-11-23T10:00:00+09:00",
            ),
        )
        val cancelled = bootpay.cancelCashReceipt(standalone.receiptId, CancelCashReceipt())
        assertEquals(ReceiptStatus.Cancelled, cancelled.status)
    }

    @Test
    fun `request_payment_link`() = runBlocking {
        val link = bootpay.requestPaymentLink(
            RequestPaymentLink(
                orderId = unique("link"),
                orderName = "티셔츠",
                price = 30000,
                items = listOf(Item(id = "sku-1", name = "티셔츠", qty = 1, price = 30000)),
            ),
        )
        assertTrue(link.url!!.startsWith("http"), link.url)
    }

    @Test
    fun `get_access_token and raw_request`() = runBlocking {
        val token = legacy.getAccessToken()
        assertTrue(token.accessToken.isNotEmpty())
        assertTrue((token.expireIn ?: 0) > 0)
        // With the Basic pair there is no token.
        assertEquals("", bootpay.getAccessToken().accessToken)

        val id = admin.receipt(status = 1, price = 1000)
        val json = bootpay.rawRequest(
            RawRequest(method = "GET", path = "receipt/$id", query = listOf(QueryParam("lookup_user_data", "false"))),
        )
        assertEquals(id, jsonField(json, "receipt_id"))
    }

    @Test
    fun `verify_payment, verify_awaiting_confirm, confirm_checked`() = runBlocking {
        val paid = admin.receipt(status = 1, price = 30000)
        assertEquals(paid, bootpay.verifyPayment(paid, 30000).receiptId)
        val waiting = admin.receipt(status = 2, price = 5000)
        assertEquals(ReceiptStatus.AwaitingConfirm, bootpay.verifyAwaitingConfirm(waiting, 5000).status)
        assertEquals(ReceiptStatus.Paid, bootpay.confirmChecked(waiting, 5000).status)
    }

    @Test
    fun `parse and verify a webhook`() = runBlocking {
        val order = unique("order-hook")
        val id = admin.receipt(status = 1, price = 7000, orderId = order)
        val payload = admin.api.bootpayWebhookPayload(id)
        val hook = parseBootpayWebhook(payload.toByteArray(), "application/json")
        assertEquals(id, hook.receiptId)
        assertEquals(WebhookType.PaymentCompleted, hook.event)
        assertTrue(hook.idempotencyKey.contains(id))
        assertEquals(order, bootpay.verifyWebhook(hook).orderId)
        assertEquals("""{"success": true}""", webhookAck())

        // A payload claiming another order is refused as forged.
        val forged = hook.copy(orderId = "someone-else")
        val error = runCatching { bootpay.verifyWebhook(forged) }.exceptionOrNull() as PaywireException.Verification
        assertTrue(error.failure is VerificationFailure.OrderMismatch, "${error.failure}")
    }

    @Test
    fun `unknown status and pg values keep their wire value`() = runBlocking {
        // The sandbox only knows real statuses; the enum's Unknown case is exercised through its code.
        assertEquals(77L, receiptStatusCode(ReceiptStatus.Unknown(77)))
        assertEquals(-30L, receiptStatusCode(ReceiptStatus.Cancelling))
        val id = admin.receipt(status = 1, price = 1000)
        val pg = bootpay.getReceipt(id, false).pg
        assertNotNull(pg)
    }
}
