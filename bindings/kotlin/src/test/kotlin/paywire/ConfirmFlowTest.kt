// The verify → merchant step → confirm flow with a Kotlin lambda, and cancellation of money-moving calls.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmFlowTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()

    @AfterAll
    fun stop() = server.stop()

    private fun confirms() = admin.routeCount("POST confirm")

    @Test
    fun `the step runs with the verified receipt, then the payment is confirmed`() = runBlocking {
        val id = admin.receipt(status = 2, price = 30000, orderId = "order-flow-1")
        var seen: Receipt? = null
        val confirmed = bootpay.confirmVerified(id, 30000) { receipt ->
            seen = receipt
            delay(10) // a suspending step (e.g. your DB transaction)
            "stock-reserved:${receipt.orderId}"
        }
        assertEquals(ReceiptStatus.AwaitingConfirm, seen!!.status)
        assertEquals("stock-reserved:order-flow-1", confirmed.output)
        assertEquals(ReceiptStatus.Paid, confirmed.receipt.status)
        assertEquals(ReceiptStatus.Paid, bootpay.getReceipt(id, false).status)
    }

    @Test
    fun `a throwing step confirms nothing and its exception propagates unchanged`() = runBlocking {
        val id = admin.receipt(status = 2, price = 5000)
        val before = confirms()
        val failure = IllegalStateException("out of stock")
        val thrown = assertThrows<IllegalStateException> {
            bootpay.confirmVerified(id, 5000) { throw failure }
        }
        assertSame(failure, thrown)
        assertEquals(before, confirms(), "no confirm request was sent")
        assertEquals(ReceiptStatus.AwaitingConfirm, bootpay.getReceipt(id, false).status)
    }

    @Test
    fun `a wrong amount is refused before the step runs`() = runBlocking {
        val id = admin.receipt(status = 2, price = 5000)
        var ran = false
        val e = assertThrows<PaywireException.Verification> {
            bootpay.confirmVerified(id, 50) { ran = true }
        }
        assertTrue(e.failure is VerificationFailure.AmountMismatch, "${e.failure}")
        assertFalse(ran)
        assertEquals(ReceiptStatus.AwaitingConfirm, bootpay.getReceipt(id, false).status)
    }

    @Test
    fun `cancelling the coroutine does not abort a confirm half-way`() = runBlocking {
        val id = admin.receipt(status = 2, price = 7000)
        admin.fault("""{"method":"POST","path":"confirm","latency_ms":700,"times":1}""")
        val before = confirms()
        // The caller gives up after 150 ms: its coroutine is cancelled while the confirm is in flight.
        val result = withTimeoutOrNull(150) { bootpay.confirmPayment(id) }
        assertNull(result)
        // The request was not cut: it runs to its end as a detached task, and the payment is confirmed.
        var status: ReceiptStatus = ReceiptStatus.AwaitingConfirm
        for (attempt in 1..40) {
            status = bootpay.getReceipt(id, false).status
            if (status == ReceiptStatus.Paid) break
            delay(50)
        }
        assertEquals(ReceiptStatus.Paid, status)
        assertEquals(1L, confirms() - before, "exactly one confirm, never repeated")
    }

    @Test
    fun `concurrent flows on one client`() = runBlocking {
        val ids = (1..20).map { admin.receipt(status = 2, price = 1000L + it) }
        val results = ids.mapIndexed { i, id ->
            async { bootpay.confirmVerified(id, 1001L + i) { it.receiptId } }
        }.map { it.await() }
        assertEquals(ids, results.map { it.output })
        results.forEach { assertEquals(ReceiptStatus.Paid, it.receipt.status) }
    }
}
