// Issue 14 item 3: Thread.interrupt() on a blocking call returns promptly with PaywireException.Interrupted
// (the thread's interrupt flag stays set), CompletableFuture.cancel(true) frees the executor thread, and a
// money-moving call interrupted this way still finishes (in the background).

package paywire

import paywire.types.*
import paywire.sandbox.*

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicReference

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic().blocking()

    @AfterAll
    fun stop() {
        bootpay.close()
        server.stop()
    }

    @BeforeEach
    fun reset() {
        admin.api.clearFaults()
    }

    /** Runs [call] on a new thread, interrupts it after [afterMs]; answers (what it threw, ms to return, flag). */
    private fun interrupted(afterMs: Long, call: () -> Unit): Triple<Throwable?, Long, Boolean> {
        val thrown = AtomicReference<Throwable?>()
        val flag = AtomicReference(false)
        val thread = Thread {
            try {
                call()
            } catch (e: Throwable) {
                thrown.set(e)
            }
            flag.set(Thread.currentThread().isInterrupted)
        }
        thread.start()
        Thread.sleep(afterMs)
        val start = System.nanoTime()
        thread.interrupt()
        thread.join(10_000)
        assertFalse(thread.isAlive, "the blocked call ignored the interrupt")
        return Triple(thrown.get(), (System.nanoTime() - start) / 1_000_000, flag.get())
    }

    @Test
    fun `an interrupted look-up returns at once with Interrupted and the flag set`() {
        val id = admin.receipt(1, 1000)
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":3000,"times":1}""")
        val (thrown, ms, flag) = interrupted(200) { bootpay.getReceipt(id, false) }
        val e = thrown as? PaywireException.Interrupted ?: throw AssertionError("expected Interrupted", thrown)
        assertEquals("get_receipt", e.operation)
        assertTrue(e.inBackground)
        assertTrue(ms < 500, "returned after $ms ms")
        assertTrue(flag, "the interrupt flag stays set")
        assertTrue(e.summary!!.contains("interrupted"), e.summary)
    }

    @Test
    fun `a thread already interrupted sends nothing`() {
        val before = admin.routeCount("GET receipt/{receipt_id}")
        Thread.currentThread().interrupt()
        try {
            val e = org.junit.jupiter.api.assertThrows<PaywireException.Interrupted> { bootpay.getReceipt("r-any", false) }
            assertFalse(e.inBackground)
            assertTrue(Thread.currentThread().isInterrupted)
        } finally {
            Thread.interrupted()
        }
        assertEquals(before, admin.routeCount("GET receipt/{receipt_id}"))
    }

    @Test
    fun `an interrupted cancel finishes in the background`() {
        val id = admin.receipt(1, 1000)
        admin.fault("""{"method":"POST","path":"cancel","latency_ms":800,"times":1}""")
        val (thrown, ms, _) = interrupted(150) {
            bootpay.cancelPayment(CancelPayment(receiptId = id, cancelPrice = 1000, cancelId = "refund-interrupted"))
        }
        assertTrue(thrown is PaywireException.Interrupted, "$thrown")
        assertTrue(ms < 500, "returned after $ms ms")
        // The request was not cut: the cancellation is applied once the server answers.
        val done = Sockets.within(5_000) { bootpay.getReceipt(id, false).status == ReceiptStatus.Cancelled }
        assertTrue(done != null, "the cancel did not finish in the background")
        assertEquals(1L, admin.routeCount("POST cancel"))
    }

    @Test
    fun `cancel(true) on a PaywireFutures future frees the executor thread`() {
        val id = admin.receipt(1, 1000)
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":3000,"times":1}""")
        val executor = Executors.newSingleThreadExecutor()
        try {
            val slow = supplyAsync({ bootpay.getReceipt(id, false) }, executor)
            Thread.sleep(200)
            assertTrue(slow.cancel(true))
            org.junit.jupiter.api.assertThrows<CancellationException> { slow.join() }
            // The single executor thread is free again long before the 3 s answer.
            val start = System.nanoTime()
            val next: CompletableFuture<String> = supplyAsync({ "free" }, executor)
            assertEquals("free", next.get(1, TimeUnit.SECONDS))
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1000)
        } finally {
            executor.shutdownNow()
        }
    }
}
