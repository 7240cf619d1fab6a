// Issue 14 item 6: a very long id is InvalidInput before anything is sent, with a short message (it used
// to be Transport "after 1 attempt(s)" or, for destroyBillingKey, OutcomeUnknown, quoting 10 MB of id).

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongIdTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()
    private val blocking = bootpay.blocking()

    @AfterAll
    fun stop() {
        blocking.close()
        bootpay.close()
        server.stop()
    }

    private val sizes = listOf(100 * 1024, 10 * 1024 * 1024)

    private fun assertShortInvalidInput(field: String, e: PaywireException.InvalidInput) {
        assertEquals(field, e.field)
        val message = e.summary ?: ""
        assertTrue(message.length < 300, "message of ${message.length} chars")
        assertTrue(e.reason.length < 300, "reason of ${e.reason.length} chars")
    }

    @Test
    fun `getReceipt, destroyBillingKey and cancel refuse a huge id before sending`() = runBlocking {
        val before = admin.api.counters()
        for (size in sizes) {
            val id = "r".repeat(size)
            assertShortInvalidInput("receipt_id", assertThrows<PaywireException.InvalidInput> { bootpay.getReceipt(id, false) })
            assertShortInvalidInput("receipt_id", assertThrows<PaywireException.InvalidInput> { blocking.getReceipt(id, false) })
            assertShortInvalidInput("billing_key", assertThrows<PaywireException.InvalidInput> { bootpay.destroyBillingKey(id) })
            assertShortInvalidInput("billing_key", assertThrows<PaywireException.InvalidInput> { blocking.destroyBillingKey(id) })
            assertShortInvalidInput(
                "receipt_id",
                assertThrows<PaywireException.InvalidInput> {
                    bootpay.cancelPayment(CancelPayment(receiptId = id, cancelPrice = 1000, cancelId = "c-1"))
                },
            )
            assertShortInvalidInput(
                "receipt_id",
                assertThrows<PaywireException.InvalidInput> {
                    blocking.cancelPayment(CancelPayment(receiptId = id, cancelPrice = 1000, cancelId = "c-1"))
                },
            )
        }
        // Nothing reached the server (no route was hit since the counters were read).
        assertEquals(before, admin.api.counters())
    }

    @Test
    fun `iamport look-up and cancel refuse a huge id before sending`() = runBlocking {
        val iamport = admin.iamport()
        for (size in sizes) {
            val id = "i".repeat(size)
            val lookup = assertThrows<PaywireException.InvalidInput> { iamport.getPayment(id, false) }
            assertTrue((lookup.summary ?: "").length < 300)
            val cancel = assertThrows<PaywireException.InvalidInput> {
                iamport.cancelPayment(IamportCancelPayment(impUid = id, amount = 1000.0))
            }
            assertTrue((cancel.summary ?: "").length < 300)
        }
        iamport.close()
    }
}
