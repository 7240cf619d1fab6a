// The iamport flows seen from Kotlin (the mirror of tests/iamport_flows.rs): the forgery check and webhooks,
// HTTP-200 business failures, the token under 1,000 concurrent coroutines, an interrupted charge, retries
// and errors.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamportFlowsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @BeforeEach
    fun reset() = admin.reset()

    @AfterAll
    fun stop() {
        server.stop()
        server.close()
    }

    private fun assertReadable(e: PaywireException) {
        val message = e.summary
        assertTrue(message.isNotBlank())
        assertFalse(message.contains("message=") || message.contains("Json="), message)
    }

    @Test
    fun `verify_payment refuses a forged amount and accepts the right one`() = runBlocking {
        val iamport = admin.iamport()
        iamport.preparePayment("order-003", 30000.0)
        val (impUid, _) = admin.iamportPaid(30000.0, merchantUid = "order-003")

        val forged = assertThrows<PaywireException.Verification> { iamport.verifyPayment(impUid, 300.0) }
        assertEquals(impUid, forged.paymentId)
        assertEquals(VerificationFailure.AmountMismatch(expected = 300, actual = 30000), forged.failure)
        assertReadable(forged)

        val verified = iamport.verifyPayment(impUid, 30000.0)
        assertEquals(VerifiedState.PAID, verified.state)
        assertEquals("order-003", verified.payment.merchantUid)
    }

    @Test
    fun `a ready payment verifies only as an issued virtual account`() = runBlocking {
        val iamport = admin.iamport()
        val (vbank, _) = admin.iamportPaid(50000.0, IamportPaymentStatus.READY, payMethod = "vbank")
        val issued = iamport.verifyPayment(vbank, 50000.0)
        assertEquals(VerifiedState.VIRTUAL_ACCOUNT_ISSUED, issued.state)
        assertEquals(PaymentStatus.Ready, issued.payment.status)
        assertNotNull(issued.payment.vbankNum)

        val (abandoned, _) = admin.iamportPaid(50000.0, IamportPaymentStatus.READY, payMethod = "card")
        val e = assertThrows<PaywireException.Verification> { iamport.verifyPayment(abandoned, 50000.0) }
        assertTrue(e.failure is VerificationFailure.StatusMismatch, "${e.failure}")

        admin.api.depositIamportVbank(vbank)
        assertEquals(VerifiedState.PAID, iamport.verifyPayment(vbank, 50000.0).state)
    }

    @Test
    fun `fractional amounts compare exactly`() = runBlocking {
        val iamport = admin.iamport()
        val (impUid, _) = admin.iamportPaid(10.5, currency = "USD")
        val verified = iamport.verifyPayment(impUid, 10.5)
        assertEquals(10.5, verified.payment.amount)
        assertEquals("USD", verified.payment.currency)
        val e = assertThrows<PaywireException.Verification> { iamport.verifyPayment(impUid, 10.0) }
        assertEquals(VerificationFailure.FractionalAmountMismatch(expected = 10.0, actual = 10.5), e.failure)
    }

    @Test
    fun `webhooks parse, deduplicate and verify, a forged order is refused`() = runBlocking {
        val iamport = admin.iamport()
        val (impUid, merchantUid) = admin.iamportPaid(8000.0)
        val hook = parseIamportWebhook(admin.api.iamportWebhookPayload(impUid).toByteArray(), "application/json")
        assertEquals(impUid, hook.impUid)
        assertEquals(PaymentStatus.Paid, hook.status)
        assertEquals(8000.0, iamport.verifyWebhook(hook).amount)

        val form = "imp_uid=$impUid&merchant_uid=$merchantUid&status=paid"
        val redelivered = parseIamportWebhook(form.toByteArray(), "application/x-www-form-urlencoded")
        assertEquals(hook.idempotencyKey, redelivered.idempotencyKey, "a re-delivery is the same event")

        val cancelled = iamport.cancelPayment(IamportCancelPayment(impUid = impUid, amount = 3000.0))
        val cancellationId = cancelled.cancelHistory[0].cancellationId!!
        val cancelHook = parseIamportWebhook(
            """{"imp_uid":"$impUid","merchant_uid":"$merchantUid","status":"cancelled","cancellation_id":"$cancellationId"}""".toByteArray(),
            null,
        )
        assertEquals(cancellationId, cancelHook.cancellationId)
        assertNotEquals(hook.idempotencyKey, cancelHook.idempotencyKey)

        val forged = parseIamportWebhook("""{"imp_uid":"$impUid","merchant_uid":"other-order","status":"paid"}""".toByteArray(), null)
        val e = assertThrows<PaywireException.Verification> { iamport.verifyWebhook(forged) }
        assertEquals(VerificationFailure.OrderMismatch(expected = "other-order", actual = merchantUid), e.failure)

        val missing = assertThrows<PaywireException.InvalidInput> { parseIamportWebhook("status=paid".toByteArray(), null) }
        assertEquals("imp_uid", missing.field)
        assertTrue(webhookAck().isNotEmpty())
    }

    @Test
    fun `HTTP-200 business failures are Api errors with status 200 and the envelope code`() = runBlocking {
        val iamport = admin.iamport()
        val unknownKey = assertThrows<PaywireException.Api> {
            iamport.payAgain(AgainPayment(customerUid = "cust-none", merchantUid = "order-again-x", amount = 9900.0, name = "정기"))
        }
        assertEquals("iamport", unknownKey.provider)
        assertEquals(200, unknownKey.httpStatus)
        assertEquals("1", unknownKey.code)
        assertTrue(unknownKey.apiMessage.isNotEmpty())
        assertTrue(unknownKey.bodyJson.contains("\"code\":1"), unknownKey.bodyJson)
        assertTrue(unknownKey.summary.startsWith("iamport API error (HTTP 200"), unknownKey.summary)
        assertReadable(unknownKey)

        val declined = assertThrows<PaywireException.Api> {
            iamport.payOnetime(
                OnetimePayment(merchantUid = "order-declined", amount = 9900.0, card = CardInput("4000-0000-0000-0000", "2028-12")),
            )
        }
        assertEquals(200, declined.httpStatus)
        assertEquals("-1", declined.code)
        assertTrue(declined.apiMessage.contains("8326"), declined.apiMessage)

        val (impUid, _) = admin.iamportPaid(1000.0)
        iamport.cancelPayment(IamportCancelPayment(impUid = impUid))
        val twice = assertThrows<PaywireException.Api> { iamport.cancelPayment(IamportCancelPayment(impUid = impUid)) }
        assertEquals(200, twice.httpStatus)
        assertEquals("1", twice.code)
    }

    @Test
    fun `a 207 multi look-up is partial, never a plain success`() = runBlocking {
        val iamport = admin.iamport()
        val (a, _) = admin.iamportPaid(1000.0)
        val partial = iamport.getPayments(listOf(a, "imp_999999999999"))
        assertFalse(partial.complete)
        assertEquals(listOf(a), partial.items.map { it.impUid })
        assertEquals(listOf("imp_999999999999"), partial.missing)

        iamport.issueBillingKey("cust-p", IamportIssueBillingKey(card = iamportCard()))
        val keys = iamport.getBillingKeys(listOf("cust-p", "cust-q"))
        assertFalse(keys.complete)
        assertEquals(listOf("cust-q"), keys.missing)
        assertTrue(iamport.getBillingKeys(listOf("cust-p")).complete)
    }

    @Test
    fun `1000 concurrent coroutines on a cold client make one token request`() = runBlocking {
        val (impUid, _) = admin.iamportPaid(1000.0)
        val iamport = admin.iamport()
        assertEquals(0L, admin.iamportTokenRequests(), "tokens are fetched lazily")
        val payments = coroutineScope {
            (1..1000).map { async(Dispatchers.Default) { iamport.getPayment(impUid, false) } }.awaitAll()
        }
        assertTrue(payments.all { it.impUid == impUid })
        assertEquals(1L, admin.iamportTokenRequests())
        assertEquals(1000L, admin.routeCount("iamport:GET payments/{imp_uid}"))

        admin.api.expireTokens()
        val again = coroutineScope {
            (1..1000).map { async(Dispatchers.Default) { iamport.getPayment(impUid, false) } }.awaitAll()
        }
        assertTrue(again.all { it.impUid == impUid })
        assertEquals(2L, admin.iamportTokenRequests(), "one refresh for 1000 callers that all saw a 401")
    }

    @Test
    fun `an interrupted pay_again is OutcomeUnknown, not retried, and reconciled by find_payment`() = runBlocking {
        val iamport = admin.iamport()
        iamport.issueBillingKey("cust-u", IamportIssueBillingKey(card = CardInput("5570-1234-5678-1234", "2028-12")))
        admin.fault(
            """{"provider":"iamport","method":"POST","path":"subscribe/payments/again","drop":true,"after":true,"times":1}""",
        )
        val e = assertThrows<PaywireException.OutcomeUnknown> {
            iamport.payAgain(AgainPayment(customerUid = "cust-u", merchantUid = "order-u-1", amount = 9900.0, name = "정기"))
        }
        assertEquals("pay_again", e.operation)
        assertFalse(e.timedOut)
        assertTrue(e.hint.contains("find_payment(\"order-u-1\")"), e.hint)
        assertReadable(e)
        assertEquals(1L, admin.routeCount("iamport:POST subscribe/payments/again"), "never retried")
        assertEquals(PaymentStatus.Paid, iamport.findPayment("order-u-1").status)
    }

    @Test
    fun `a cancel retried after a dropped answer refunds once`() = runBlocking {
        val iamport = admin.iamport()
        val (impUid, _) = admin.iamportPaid(10000.0)
        admin.fault("""{"provider":"iamport","method":"POST","path":"payments/cancel","drop":true,"after":true,"times":1}""")
        val after = iamport.cancelPayment(IamportCancelPayment(impUid = impUid, amount = 4000.0))
        assertEquals(4000.0, after.cancelAmount, "refunded once, not twice")
        assertEquals(2L, admin.routeCount("iamport:POST payments/cancel"))
    }

    @Test
    fun `look-ups are retried, HTML is Decode, wrong keys are Auth, bad input fails before sending`() = runBlocking {
        val iamport = admin.iamport()
        val (impUid, _) = admin.iamportPaid(1000.0)
        admin.fault("""{"provider":"iamport","method":"GET","path":"payments/*","status":503,"times":1}""")
        assertEquals(impUid, iamport.getPayment(impUid).impUid)

        admin.fault("""{"provider":"iamport","path":"payments/*","non_json":true,"status":502,"times":3}""")
        val decode = assertThrows<PaywireException.Decode> { admin.iamport(maxRetries = 0).getPayment(impUid) }
        assertEquals("iamport", decode.provider)
        assertEquals(502, decode.httpStatus)
        admin.api.clearFaults()

        val wrong = Iamport(IamportConfig(impKey = IMP_KEY, impSecret = "wrong-imp-secret", baseUrl = server.iamportUrl()))
        val auth = assertThrows<PaywireException.Auth> { wrong.getPayment(impUid) }
        assertEquals("iamport", auth.provider)
        assertEquals(401, auth.httpStatus)
        assertEquals("-1", auth.code)
        assertFalse(auth.toString().contains("wrong-imp-secret"), auth.toString())
        assertReadable(auth)

        val before = admin.iamportTokenRequests()
        val blank = assertThrows<PaywireException.InvalidInput> { iamport.getPayment("") }
        assertEquals("imp_uid", blank.field)
        assertEquals("imp_uid", assertThrows<PaywireException.InvalidInput> { iamport.getPayment("imp/1") }.field)
        assertEquals("imp_uid", assertThrows<PaywireException.InvalidInput> { iamport.cancelPayment(IamportCancelPayment()) }.field)
        assertEquals("amount", assertThrows<PaywireException.InvalidInput> { iamport.preparePayment("o", 0.0) }.field)
        assertEquals(
            "card_number",
            assertThrows<PaywireException.InvalidInput> {
                iamport.payOnetime(OnetimePayment(merchantUid = "o", amount = 100.0, card = CardInput("1234", "2028-12")))
            }.field,
        )
        assertEquals("schedule_to", assertThrows<PaywireException.InvalidInput> { iamport.getSchedules(10, 5) }.field)
        assertEquals("imp_uids", assertThrows<PaywireException.InvalidInput> { iamport.getPayments(emptyList()) }.field)
        assertEquals("expected_amount", assertThrows<PaywireException.InvalidInput> { iamport.verifyPayment("imp_1", -1.0) }.field)
        assertEquals(
            "extra",
            assertThrows<PaywireException.InvalidInput> {
                iamport.cancelPayment(IamportCancelPayment(impUid = impUid, extra = "[1]"))
            }.field,
        )
        assertEquals(before, admin.iamportTokenRequests(), "nothing reached the server")

        val half = assertThrows<PaywireException.InvalidInput> { Iamport(IamportConfig(impKey = "k", impSecret = "")) }
        assertEquals("imp_secret", half.field)
        val tier = assertThrows<PaywireException.InvalidInput> { Iamport(IamportConfig(impKey = "k", impSecret = "s", tier = "toolong")) }
        assertEquals("tier", tier.field)
        val zero = TransportSettings(timeout = java.time.Duration.ZERO)
        val timeout = assertThrows<PaywireException.InvalidInput> { Iamport(IamportConfig(impKey = "k", impSecret = "s", transport = zero)) }
        assertEquals("timeout", timeout.field)
    }

    @Test
    fun `the blocking view shares the token with the async client`() = runBlocking {
        val iamport = admin.iamport()
        val (impUid, _) = admin.iamportPaid(1000.0)
        iamport.getPayment(impUid)
        val blocking = iamport.blocking()
        kotlinx.coroutines.withContext(Dispatchers.IO) { blocking.getPayment(impUid, false) }
        assertEquals(1L, admin.iamportTokenRequests())
        assertEquals(server.iamportUrl(), blocking.baseUrl())
        assertEquals("Iamport(base_url=${server.iamportUrl()})", iamport.toString())
    }
}
