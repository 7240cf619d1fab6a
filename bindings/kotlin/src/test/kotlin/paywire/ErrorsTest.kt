// Every PaywireException variant, with its fields and a readable `message` (never a field dump).

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.util.UUID

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()

    @AfterAll
    fun stop() {
        bootpay.close()
        server.stop()
    }

    /** `summary` is core's sentence, and `toString()` (what loggers print) is exactly it; `message` is UniFFI's field dump. */
    private fun assertReadable(e: PaywireException) {
        val summary = e.summary
        assertTrue(summary.isNotBlank())
        assertFalse(summary.contains("summary=") || summary.contains("Json="), summary)
        assertEquals(summary, e.toString())
        assertTrue((e.summary ?: "").contains(summary), e.summary)
    }

    /** Compile-time proof that this suite knows every variant: a new one breaks the build here. */
    private fun variantName(e: PaywireException): String = when (e) {
        is PaywireException.Api -> "Api"
        is PaywireException.Auth -> "Auth"
        is PaywireException.InvalidInput -> "InvalidInput"
        is PaywireException.Timeout -> "Timeout"
        is PaywireException.Transport -> "Transport"
        is PaywireException.OutcomeUnknown -> "OutcomeUnknown"
        is PaywireException.Redirect -> "Redirect"
        is PaywireException.Interrupted -> "Interrupted"
        is PaywireException.Decode -> "Decode"
        is PaywireException.Verification -> "Verification"
        is PaywireException.MerchantStep -> "MerchantStep"
        is PaywireException.Config -> "Config"
        is PaywireException.Internal -> "Internal"
    }

    private fun billingKey(): String = runBlocking {
        bootpay.issueBillingKey(
            IssueBillingKey("nicepay", "구독", "sub-${UUID.randomUUID()}", "5570000000001234", "12", "900101", "28", "12"),
        ).billingKey
    }

    @Test
    fun `Api - unknown receipt`() = runBlocking {
        val e = assertThrows<PaywireException.Api> { bootpay.getReceipt("does-not-exist", false) }
        assertEquals("bootpay", e.provider)
        assertEquals(404, e.httpStatus)
        assertEquals("RC_NOT_FOUND", e.code)
        assertTrue(e.apiMessage.isNotEmpty())
        assertTrue(e.bodyJson.contains("RC_NOT_FOUND"), e.bodyJson)
        assertNull(e.pg)
        assertTrue(e.summary.startsWith("bootpay API error (HTTP 404, code RC_NOT_FOUND): "), e.summary)
        assertEquals("Api", variantName(e))
        assertReadable(e)
    }

    @Test
    fun `Api - PG failure keeps the PG's own code (raw_data)`() = runBlocking {
        val key = billingKey()
        val e = assertThrows<PaywireException.Api> {
            bootpay.subscribePayment(
                SubscribePayment(
                    billingKey = key,
                    orderName = "소액",
                    orderId = "order-${UUID.randomUUID()}",
                    price = 50,
                    extra = SubscribeExtra(rawData = true),
                ),
            )
        }
        assertEquals(500, e.httpStatus)
        assertEquals("-15006", e.code)
        val pg = e.pg!!
        assertEquals("3041", pg.code)
        assertNotNull(pg.message)
        assertTrue(pg.raw.contains("ResultCode"), pg.raw)
        // core's redacted record dump, like every record's toString()
        assertTrue(pg.toString().startsWith("PgError{\"code\":\"3041\""), pg.toString())
        assertTrue(e.summary.contains("[PG 3041: "), e.summary)
        assertReadable(e)
    }

    @Test
    fun `Auth - wrong keys, and the secret is not in the error`() = runBlocking {
        val wrong = Bootpay(BootpayConfig(clientKey = CLIENT_KEY, secretKey = "wrong-secret-xyz", baseUrl = server.bootpayUrl()))
        val e = assertThrows<PaywireException.Auth> { wrong.getReceipt("r1", false) }
        assertEquals(401, e.httpStatus)
        assertEquals("AUTH_INVALID_KEY", e.code)
        assertTrue(e.summary.contains("IP"), e.summary)
        assertFalse(e.toString().contains("wrong-secret-xyz"))
        assertEquals("Auth", variantName(e))
        assertReadable(e)
    }

    @Test
    fun `InvalidInput - before anything is sent`() = runBlocking {
        val e = assertThrows<PaywireException.InvalidInput> { bootpay.getReceipt("", false) }
        assertEquals("receipt_id", e.field)
        assertTrue(e.reason.isNotEmpty())
        assertEquals("invalid input: receipt_id ${e.reason}", e.summary)
        assertReadable(e)

        val json = assertThrows<PaywireException.InvalidInput> {
            bootpay.cancelPayment(CancelPayment(receiptId = "r1", metadata = "[1, 2]"))
        }
        assertEquals("metadata", json.field)

        val half = assertThrows<PaywireException.InvalidInput> { Bootpay(BootpayConfig(clientKey = "ck")) }
        assertEquals("secret_key", half.field)
    }

    @Test
    fun `Timeout - a slow look-up`() = runBlocking {
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":1500,"times":1}""")
        val slow = admin.basic(maxRetries = 0, timeoutMs = 200)
        val e = assertThrows<PaywireException.Timeout> { slow.getReceipt("r-slow", false) }
        assertEquals(1, e.attempts)
        assertTrue(e.summary.startsWith("timed out after 1 attempt(s)"), e.summary)
        assertReadable(e)
    }

    @Test
    fun `Transport - connection refused`() = runBlocking {
        val nowhere = Bootpay(
            BootpayConfig(clientKey = "c", secretKey = "s", baseUrl = "http://127.0.0.1:9/v2", transport = transport(maxRetries = 1)),
        )
        val e = assertThrows<PaywireException.Transport> { nowhere.getReceipt("r1", false) }
        assertEquals(2, e.attempts)
        assertTrue(e.summary.startsWith("transport error after 2 attempt(s)"), e.summary)
        assertReadable(e)
    }

    @Test
    fun `OutcomeUnknown - a charge whose answer was lost`() = runBlocking {
        val key = billingKey()
        val order = "order-${UUID.randomUUID()}"
        admin.fault("""{"method":"POST","path":"subscribe/payment","drop":true,"after":true,"times":1}""")
        val e = assertThrows<PaywireException.OutcomeUnknown> {
            bootpay.subscribePayment(SubscribePayment(billingKey = key, orderName = "구독", orderId = order, price = 9900))
        }
        assertEquals("subscribe_payment", e.operation)
        assertFalse(e.timedOut)
        assertTrue(e.hint.contains("get_receipts_by_order_id"), e.hint)
        assertTrue(e.reason.isNotEmpty())
        assertTrue(e.summary.startsWith("outcome unknown for subscribe_payment: "), e.summary)
        assertReadable(e)
        // The hint's look-up reconciles: the charge happened exactly once.
        assertEquals(1, bootpay.getReceiptsByOrderId(order).size)
    }

    @Test
    fun `OutcomeUnknown - carries the idempotency key of a cancel`() = runBlocking {
        val id = admin.receipt(status = 1, price = 1000)
        admin.fault("""{"method":"POST","path":"cancel","drop":true,"after":true}""")
        val e = assertThrows<PaywireException.OutcomeUnknown> {
            admin.basic(maxRetries = 0).cancelPayment(CancelPayment(receiptId = id, cancelPrice = 1000, cancelId = "refund-key-1"))
        }
        admin.api.clearFaults()
        assertEquals("refund-key-1", e.idempotencyKey)
        assertReadable(e)
    }

    @Test
    fun `Redirect - never followed, readable, the query is not quoted`() = runBlocking {
        admin.fault(
            """{"method":"GET","path":"receipt/*","status":302,"headers":{"location":"https://elsewhere.example/v2/receipt/x?private_key=pk-in-url"},"times":1}""",
        )
        val e = assertThrows<PaywireException.Redirect> { admin.basic(maxRetries = 0).getReceipt("r-moved", false) }
        assertEquals("bootpay", e.provider)
        assertEquals(302, e.httpStatus)
        assertTrue(e.location.startsWith("https://elsewhere.example/v2/receipt/x"), e.location)
        assertFalse(e.location.contains("pk-in-url") || e.summary.contains("pk-in-url"), e.summary)
        assertEquals("Redirect", variantName(e))
        assertReadable(e)
    }

    @Test
    fun `Interrupted - carries its fields and a readable message`() {
        val e = PaywireException.Interrupted("cancel_payment", true, "cancel_payment: the calling thread was interrupted")
        assertEquals("cancel_payment", e.operation)
        assertTrue(e.inBackground)
        assertEquals("Interrupted", variantName(e))
        assertReadable(e)
    }

    @Test
    fun `Decode - an HTML page instead of JSON`() = runBlocking {
        admin.fault("""{"method":"GET","path":"receipt/*","non_json":true,"status":502,"times":1}""")
        val e = assertThrows<PaywireException.Decode> { admin.basic(maxRetries = 0).getReceipt("r-html", false) }
        assertEquals(502, e.httpStatus)
        assertTrue(e.bodySnippet.contains("<html>"), e.bodySnippet)
        assertTrue(e.reason.isNotEmpty())
        assertTrue(e.summary.startsWith("could not decode the bootpay response (HTTP 502)"), e.summary)
        assertReadable(e)
    }

    @Test
    fun `Verification - amount mismatch`() = runBlocking {
        val id = admin.receipt(status = 1, price = 1000)
        val e = assertThrows<PaywireException.Verification> { bootpay.verifyPayment(id, 999) }
        assertEquals(id, e.paymentId)
        assertEquals(VerificationFailure.AmountMismatch(expected = 999, actual = 1000), e.failure)
        assertEquals("payment $id failed verification: amount mismatch: expected 999, paid 1000", e.summary)
        assertReadable(e)

        val status = assertThrows<PaywireException.Verification> { bootpay.verifyAwaitingConfirm(id, 1000) }
        assertTrue(status.failure is VerificationFailure.StatusMismatch, "${status.failure}")
    }

    @Test
    fun `a proxy URL that is not one is InvalidInput naming it, without its password`() {
        val e = assertThrows<PaywireException.InvalidInput> {
            Bootpay(BootpayConfig(clientKey = "c", secretKey = "s", transport = TransportSettings(proxy = "http://user:pa ss@proxy:99999")))
        }
        assertEquals("proxy", e.field)
        assertFalse(e.summary.contains("pa ss"), e.summary)
        assertReadable(e)
    }

    @Test
    fun `Config - carries a readable message`() {
        val e = PaywireException.Config("configuration error: the paywire runtime could not start: x")
        assertEquals("Config", variantName(e))
        assertTrue(e.summary.startsWith("configuration error: "), e.summary)
        assertReadable(e)
    }

    @Test
    fun `MerchantStep - carries its fields (never produced over FFI)`() {
        val e = PaywireException.MerchantStep("r1", "merchant step failed for r1; the payment was NOT confirmed: x")
        assertEquals("r1", e.paymentId)
        assertEquals("MerchantStep", variantName(e))
        assertReadable(e)
    }
}
