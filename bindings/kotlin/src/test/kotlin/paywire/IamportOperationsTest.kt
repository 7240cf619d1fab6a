// Every iamport (PortOne V1) operation of the async API (Kotlin `suspend`), against the in-process sandbox;
// the Kotlin mirror of tests/iamport_endpoints.rs.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

const val IAMPORT_CARD = "5570-1234-5678-1234"

fun iamportCard() = CardInput(cardNumber = IAMPORT_CARD, expiry = "2028-12", birth = "900101", pwd2digit = "12")

fun nowSeconds(): Long = System.currentTimeMillis() / 1000

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamportOperationsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val iamport = admin.iamport()

    @BeforeEach
    fun reset() = admin.reset()

    @AfterAll
    fun stop() {
        iamport.close()
        server.stop()
        server.close()
    }

    /** The path and body (JSON text) of the last recorded request whose method and path match. */
    private fun lastRequest(method: String, pathPrefix: String): String {
        val hit = admin.api.listRequests().lastOrNull { it.method == method && it.path.startsWith(pathPrefix) }
            ?: error("no $method $pathPrefix request")
        return "${hit.path} ${hit.bodyJson}"
    }

    @Test
    fun `get_access_token, get_payment, find_payment, find_all_payments, get_payments_by_status, balance, raw_request`() = runBlocking {
        val (impUid, merchantUid) = admin.iamportPaid(15000.0)
        assertEquals(0L, admin.iamportTokenRequests(), "the token is fetched lazily")
        val payment = iamport.getPayment(impUid)
        assertEquals(15000.0, payment.amount)
        assertEquals(PaymentStatus.Paid, payment.status)
        assertEquals(merchantUid, payment.merchantUid)
        assertNotNull(payment.paidAt)
        assertNull(payment.cancelledAt, "0 decodes as not-happened")
        assertTrue(payment.extra.startsWith("{"))

        val token = iamport.getAccessToken()
        assertTrue(token.accessToken.isNotEmpty())
        assertTrue(token.expireIn > 1700, "${token.expireIn}")
        assertEquals(1L, admin.iamportTokenRequests())

        assertEquals(impUid, iamport.findPayment(merchantUid).impUid)
        assertEquals(impUid, iamport.findPayment(merchantUid, PaymentStatus.Paid, Sorting.PaidDesc).impUid)
        assertTrue(lastRequest("GET", "payments/find/").contains("payments/find/$merchantUid/paid"))
        val none = assertThrows<PaywireException.Api> { iamport.findPayment(merchantUid, PaymentStatus.Failed) }
        assertEquals(404, none.httpStatus)

        val all = iamport.findAllPayments(merchantUid)
        assertEquals(listOf(impUid), all.list.map { it.impUid })
        val page = iamport.getPaymentsByStatus(PaymentStatus.Paid, ListOptions(page = 1, limit = 10))
        assertEquals(1L, page.total)
        assertEquals(0L, page.next)
        assertEquals(1L, iamport.getPaymentsByStatus().total)
        assertTrue(lastRequest("GET", "payments/status/").contains("payments/status/all"))

        assertEquals(15000.0, iamport.getPaymentBalance(impUid).amount)
        val raw = iamport.rawRequest(RawRequest(method = "GET", path = "payments/$impUid"))
        assertTrue(raw.contains("\"imp_uid\":\"$impUid\""), raw)
    }

    @Test
    fun `get_payments reports a 207 as partial`() = runBlocking {
        val (a, _) = admin.iamportPaid(1000.0)
        val (b, mb) = admin.iamportPaid(2000.0)
        val both = iamport.getPayments(listOf(a), listOf(mb))
        assertTrue(both.complete)
        assertEquals(setOf(a, b), both.items.map { it.impUid }.toSet())

        val partial = iamport.getPayments(listOf(a, "imp_000000000000"))
        assertFalse(partial.complete, "a 207 is never a plain success")
        assertEquals(listOf(a), partial.items.map { it.impUid })
        assertEquals(listOf("imp_000000000000"), partial.missing)

        val none = iamport.getPayments(listOf("imp_000000000000"))
        assertTrue(none.items.isEmpty())
        assertFalse(none.complete)
    }

    @Test
    fun `cancel_payment partial with checksum, stale checksum refused, full by merchant_uid`() = runBlocking {
        val (impUid, merchantUid) = admin.iamportPaid(10000.0)
        val after = iamport.cancelPayment(IamportCancelPayment(impUid = impUid, amount = 3000.0, reason = "부분 환불"))
        assertEquals(3000.0, after.cancelAmount)
        assertEquals(PaymentStatus.Paid, after.status, "a partial cancel keeps it paid")
        assertEquals(1, after.cancelHistory.size)
        assertNotNull(after.cancelHistory[0].cancellationId)
        val sent = lastRequest("POST", "payments/cancel")
        assertTrue(sent.contains("\"checksum\":10000"), sent)

        val stale = assertThrows<PaywireException.Api> {
            iamport.cancelPayment(IamportCancelPayment(impUid = impUid, amount = 1000.0, checksum = 10000.0))
        }
        assertEquals(200, stale.httpStatus)
        assertEquals("1", stale.code)
        assertEquals(3000.0, iamport.getPayment(impUid).cancelAmount)

        val full = iamport.cancelPayment(IamportCancelPayment(merchantUid = merchantUid))
        assertEquals(PaymentStatus.Cancelled, full.status)
        assertEquals(10000.0, full.cancelAmount)
        assertEquals(200, assertThrows<PaywireException.Api> { iamport.cancelPayment(IamportCancelPayment(impUid = impUid)) }.httpStatus)
    }

    @Test
    fun `prepare_payment, update_prepared_payment, get_prepared_payment`() = runBlocking {
        assertEquals(30000.0, iamport.preparePayment("order-prep-1", 30000.0, "KRW").amount)
        assertTrue(lastRequest("POST", "payments/prepare").contains("\"amount\":30000"))
        iamport.updatePreparedPayment("order-prep-1", 25000.0)
        val prepared = iamport.getPreparedPayment("order-prep-1")
        assertEquals(25000.0, prepared.amount)
        assertEquals("order-prep-1", prepared.merchantUid)
        assertEquals(404, assertThrows<PaywireException.Api> { iamport.getPreparedPayment("order-none") }.httpStatus)
        // The browser payment with another amount is stopped (the admin API answers 409).
        val refused = runCatching { admin.api.createIamportPayment(NewIamportPayment.paid(100.0).withMerchantUid("order-prep-1")) }
        assertTrue(refused.exceptionOrNull()?.message?.contains("409") == true, "$refused")
    }

    @Test
    fun `billing keys, pay_onetime, pay_again, key payments, delete`() = runBlocking {
        val key = iamport.issueBillingKey("cust-1", IamportIssueBillingKey(card = iamportCard(), customerName = "홍길동"))
        assertEquals("cust-1", key.customerUid)
        assertNotNull(key.cardNumber)
        assertTrue(lastRequest("POST", "subscribe/customers/").contains("\"card_number\":\"$IAMPORT_CARD\""))
        assertEquals("cust-1", iamport.getBillingKey("cust-1").customerUid)
        val some = iamport.getBillingKeys(listOf("cust-1", "cust-none"))
        assertFalse(some.complete)
        assertEquals(listOf("cust-none"), some.missing)
        assertEquals(listOf("cust-1"), some.items.map { it.customerUid })

        val first = iamport.payOnetime(
            OnetimePayment(merchantUid = "order-one-1", amount = 9900.0, card = iamportCard(), customerUid = "cust-2", name = "첫 결제"),
        )
        assertEquals(PaymentStatus.Paid, first.status)
        val again = iamport.payAgain(
            AgainPayment(
                customerUid = "cust-2", merchantUid = "order-again-1", amount = 9900.0, name = "정기",
                options = PaymentOptions(buyerName = "홍길동", customData = """{"plan":"pro"}"""),
            ),
        )
        assertEquals(PaymentStatus.Paid, again.status)
        assertEquals("cust-2", again.customerUid)
        assertEquals(2L, iamport.getBillingKeyPayments("cust-2", 1).total)

        // The second decline style: code 0 and a payment whose status is failed.
        val failed = iamport.payAgain(AgainPayment(customerUid = "cust-2", merchantUid = "order-again-3", amount = 50.0, name = "소액"))
        assertEquals(PaymentStatus.Failed, failed.status)
        assertNotNull(failed.failReason)

        assertEquals("cust-1", iamport.deleteBillingKey("cust-1", "해지").customerUid)
        assertEquals(404, assertThrows<PaywireException.Api> { iamport.getBillingKey("cust-1") }.httpStatus)
    }

    @Test
    fun `schedules - register, move, execute, list, revoke, reschedule, retry`() = runBlocking {
        iamport.issueBillingKey("cust-s", IamportIssueBillingKey(card = iamportCard()))
        val now = nowSeconds()
        val registered = iamport.schedulePayments(
            SchedulePayments(
                customerUid = "cust-s",
                schedules = listOf(
                    ScheduleItem(merchantUid = "sched-1", scheduleAt = now + 60, amount = 9900.0, name = "1회차"),
                    ScheduleItem(merchantUid = "sched-2", scheduleAt = now + 3600, amount = 9900.0, name = "2회차"),
                ),
            ),
        )
        assertEquals(2, registered.size)
        assertTrue(lastRequest("POST", "subscribe/payments/schedule").contains("\"currency\":\"KRW\""))
        assertEquals(ScheduleStatus.Scheduled, iamport.getSchedule("sched-1").scheduleStatus)
        // iamport's unix seconds cross as java.time.Instant.
        assertEquals(now + 7200, iamport.updateSchedule("sched-2", now + 7200).scheduleAt?.epochSecond)

        admin.api.advanceClock(120.0)
        val executed = iamport.getSchedule("sched-1")
        assertEquals(ScheduleStatus.Executed, executed.scheduleStatus)
        assertEquals(PaymentStatus.Paid, executed.paymentStatus)
        assertEquals(9900.0, iamport.getPayment(executed.impUid!!).amount)

        assertEquals(2L, iamport.getSchedules(now, now + 86_400).total)
        val byCustomer = iamport.getSchedulesByCustomer("cust-s", now, now + 86_400, ScheduleStatus.Scheduled)
        assertEquals(listOf("sched-2"), byCustomer.list.map { it.merchantUid })
        assertEquals(2L, iamport.getBillingKeySchedules("cust-s", now, now + 86_400).total)

        val revoked = iamport.unschedulePayments("cust-s", listOf("sched-2"))
        assertEquals(ScheduleStatus.Revoked, revoked[0].scheduleStatus)
        assertEquals(ScheduleStatus.Scheduled, iamport.reschedulePayment("sched-2", now + 9000).scheduleStatus)
        iamport.unschedulePayments(null, listOf("sched-2"))
        assertEquals(PaymentStatus.Paid, iamport.retrySchedule("sched-2").status)
        val nothing = assertThrows<PaywireException.Api> { iamport.unschedulePayments("cust-none") }
        assertEquals(200, nothing.httpStatus)
    }

    @Test
    fun `virtual accounts - issue, update, revoke, holder`() = runBlocking {
        val due = nowSeconds() + 86_400
        val vbank = iamport.issueVbank(
            IssueVbank(merchantUid = "order-vb-1", amount = 50000.0, vbankCode = "088", vbankDue = due, vbankHolder = "페이와이어", name = "가상계좌 주문"),
        )
        assertEquals(PaymentStatus.Ready, vbank.status)
        assertNotNull(vbank.vbankNum)
        assertEquals(45000.0, iamport.updateVbank(vbank.impUid, amount = 45000.0).amount)
        assertNotEquals(PaymentStatus.Ready, iamport.revokeVbank(vbank.impUid).status)
        assertEquals(400, assertThrows<PaywireException.Api> { iamport.revokeVbank(vbank.impUid) }.httpStatus)
        assertTrue(iamport.getVbankHolder("088", "110123456789").bankHolder.isNotEmpty())
    }

    @Test
    fun `OTP certification - request, confirm, get, delete`() = runBlocking {
        val pending = iamport.requestCertificationOtp(CertificationOtpRequest("홍길동", "010-0000-0000", "900101", "1", "SKT"))
        assertTrue(pending.impUid.startsWith("imp_"))
        assertEquals(400, assertThrows<PaywireException.Api> { iamport.confirmCertificationOtp(pending.impUid, "000000") }.httpStatus)
        val certified = iamport.confirmCertificationOtp(pending.impUid, OTP)
        assertTrue(certified.certified)
        assertEquals(pending.impUid, iamport.getCertification(pending.impUid).impUid)
        iamport.deleteCertification(pending.impUid)
        assertEquals(404, assertThrows<PaywireException.Api> { iamport.getCertification(pending.impUid) }.httpStatus)
        val bad = assertThrows<PaywireException.InvalidInput> {
            iamport.requestCertificationOtp(CertificationOtpRequest("홍길동", "01000000000", "900101", "9", "SKT"))
        }
        assertEquals("gender_digit", bad.field)
    }

    @Test
    fun `escrow logistics - get, register, update`() = runBlocking {
        val (impUid, _) = admin.iamportPaid(30000.0)
        assertEquals(409, assertThrows<PaywireException.Api> { iamport.getEscrowLogis(impUid) }.httpStatus)
        val request = EscrowLogisRequest(
            logis = EscrowShipment(company = "CJGLS", invoice = "123456789", sentAt = nowSeconds()),
            sender = EscrowParty(name = "페이와이어", tel = "0200000000"),
            receiver = EscrowParty(name = "홍길동", postcode = "04524"),
        )
        assertEquals("123456789", iamport.registerEscrowLogis(impUid, request).invoice)
        assertTrue(lastRequest("POST", "escrows/logis/").contains("\"company\":\"CJGLS\""))
        assertEquals(409, assertThrows<PaywireException.Api> { iamport.registerEscrowLogis(impUid, request) }.httpStatus)
        val moved = request.copy(logis = request.logis.copy(invoice = "987654321"))
        assertEquals("987654321", iamport.updateEscrowLogis(impUid, moved).invoice)
        assertEquals("987654321", iamport.getEscrowLogis(impUid).invoice)
        val badJson = assertThrows<PaywireException.InvalidInput> {
            iamport.updateEscrowLogis(impUid, request.copy(products = listOf("{not json")))
        }
        assertEquals("products[0]", badJson.field)
    }

    @Test
    fun `cash receipts - payment and external, and the code tables`() = runBlocking {
        val (impUid, _) = admin.iamportPaid(20000.0, payMethod = "trans")
        val receipt = iamport.issueCashReceipt(impUid, IssueCashReceipt(identifier = "01000000000", type = "person"))
        assertEquals(20000.0, receipt.amount)
        assertEquals(impUid, receipt.impUid)
        assertTrue(lastRequest("POST", "receipts/").contains("\"type\":\"person\""))
        assertEquals(400, assertThrows<PaywireException.Api> { iamport.issueCashReceipt(impUid, IssueCashReceipt("01000000000")) }.httpStatus)
        assertEquals(impUid, iamport.getCashReceipt(impUid).impUid)
        assertNotNull(iamport.revokeCashReceipt(impUid).cancelledAt)

        val external = iamport.issueExternalCashReceipt(
            "cash-ext-1", IssueExternalCashReceipt(name = "현금 판매", amount = 5000.0, identifier = "01000000000"),
        )
        assertEquals(5000.0, external.amount)
        assertEquals("cash-ext-1", iamport.getExternalCashReceipt("cash-ext-1").merchantUid)
        assertNotNull(iamport.revokeExternalCashReceipt("cash-ext-1").cancelledAt)

        assertTrue(iamport.getBanks().any { it.code == "088" })
        assertNotNull(iamport.getBank("088").name)
        assertTrue(iamport.getCards().isNotEmpty())
        assertEquals("366", iamport.getCard("366").code)
    }

    @Test
    fun `verify_payment and verify_webhook on the happy path`() = runBlocking {
        val (impUid, merchantUid) = admin.iamportPaid(8000.0)
        val verified = iamport.verifyPayment(impUid, 8000.0)
        assertEquals(VerifiedState.PAID, verified.state)
        assertEquals(merchantUid, verified.payment.merchantUid)
        val hook = parseIamportWebhook(admin.api.iamportWebhookPayload(impUid).toByteArray(), "application/json")
        assertEquals(PaymentStatus.Paid, hook.status)
        assertEquals(8000.0, iamport.verifyWebhook(hook).amount)
    }
}
