// Issue 14 item 1: a lone UTF-16 surrogate in any string argument (ids, keys, secrets, request fields) is
// PaywireException.InvalidInput naming the field, never java.nio.charset.MalformedInputException.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoneSurrogateTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()
    private val blocking = bootpay.blocking()
    private val iamport = admin.iamport()

    @AfterAll
    fun stop() {
        blocking.close()
        bootpay.close()
        iamport.close()
        server.stop()
    }

    private fun assertField(field: String, secret: String? = null, call: suspend () -> Unit) {
        val e = assertThrows<PaywireException.InvalidInput> { runBlocking { call() } }
        assertEquals(field, e.field, e.summary)
        if (secret != null) assertFalse((e.summary ?: "").contains(secret), e.summary)
    }

    @Test
    fun `ids of look-ups and money calls`() {
        assertField("receipt_id") { bootpay.getReceipt("abc\uD800", false) }
        assertField("receipt_id") { blocking.getReceipt("\uDC00abc", false) }
        assertField("billing_key") { bootpay.destroyBillingKey("key\uD83D") }
        assertField("receipt_id") { bootpay.confirmPayment("r\uDE00") }
        assertField("imp_uid") { iamport.getPayment("imp_\uD800", false) }
        assertField("imp_uids[1]") { iamport.getPayments(listOf("imp_ok", "imp_\uDBFF"), emptyList()) }
    }

    @Test
    fun `fields of request records, nested ones included`() {
        assertField("cancel_id") {
            bootpay.cancelPayment(CancelPayment(receiptId = "r1", cancelPrice = 1000, cancelId = "c\uD800"))
        }
        assertField("refund.bank_account", secret = "110222") {
            blocking.cancelPayment(
                CancelPayment(
                    receiptId = "r1",
                    refund = Refund(bankAccount = "110222\uD800", bankUsername = "홍길동", bankCode = "088"),
                ),
            )
        }
        assertField("reason") { iamport.cancelPayment(IamportCancelPayment(impUid = "imp_1", reason = "\uDFFF")) }
    }

    @Test
    fun `keys and secrets of the configurations`() {
        assertField("secret_key", secret = "sk-") {
            Bootpay(BootpayConfig(clientKey = CLIENT_KEY, secretKey = "sk-\uD800", baseUrl = server.bootpayUrl()))
        }
        assertField("client_key") {
            BootpayBlocking(BootpayConfig(clientKey = "\uD800", secretKey = SECRET_KEY, baseUrl = server.bootpayUrl()))
        }
        assertField("imp_secret", secret = "s3cr") {
            Iamport(IamportConfig(impKey = IMP_KEY, impSecret = "s3cr\uDC00", baseUrl = server.iamportUrl()))
        }
    }

    @Test
    fun `well-formed pairs and Korean text still pass`() = runBlocking {
        val id = admin.receipt(1, 1000)
        assertEquals(id, bootpay.getReceipt(id, false).receiptId)
        // An emoji is a *pair* of surrogates: valid text, reaches the server, which does not know the id.
        val e = assertThrows<PaywireException> { bootpay.getReceipt("영수증-\uD83D\uDE00", false) }
        assertFalse(e is PaywireException.InvalidInput, e.summary)
    }
}
