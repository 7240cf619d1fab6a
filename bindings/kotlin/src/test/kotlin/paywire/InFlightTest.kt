// Issue 14 item 4: abandoned work is bounded. Calls cancelled after 1-3 ms against a slow route keep
// running (a request is never cut half-way), but a client never has more than `maxInFlight` requests, and
// so sockets, open at once. The sockets and RSS of a run are printed; the 20,000-call figures of the
// issue come from `-Dpaywire.cancelledCalls=20000` (see bindings/README.md).

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong
import kotlin.concurrent.thread

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InFlightTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @AfterAll
    fun stop() = server.stop()

    private fun config(maxInFlight: Int?, maxResponseBytes: Long? = null) = BootpayConfig(
        clientKey = CLIENT_KEY,
        secretKey = SECRET_KEY,
        baseUrl = server.bootpayUrl(),
        transport = TransportSettings(maxInFlight = maxInFlight, maxResponseBytes = maxResponseBytes),
    )

    @Test
    fun `cancelled calls never hold more than maxInFlight sockets`() = runBlocking {
        val calls = System.getProperty("paywire.cancelledCalls")?.toInt() ?: 2000
        val max = System.getProperty("paywire.maxInFlight")?.toInt() ?: 8
        val id = admin.receipt(1, 1000)
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":5}""")
        val port = Sockets.port(server)
        val baseline = Sockets.clientsTo(port) // the admin's own keep-alive connection
        val rssBefore = Sockets.rssKib()
        val peak = AtomicInteger()
        val peakRss = AtomicLong(rssBefore)
        val sampling = AtomicBoolean(true)
        val sampler = thread(name = "socket-sampler") {
            while (sampling.get()) {
                peak.accumulateAndGet(Sockets.clientsTo(port) - baseline, ::maxOf)
                peakRss.accumulateAndGet(Sockets.rssKib(), ::maxOf)
                Thread.sleep(2)
            }
        }
        val start = System.nanoTime()
        Bootpay(config(max)).use { client ->
            val abandoned = AtomicInteger()
            coroutineScope {
                repeat(calls) { i ->
                    launch(Dispatchers.Default) {
                        if (withTimeoutOrNull(1L + i % 3) { client.getReceipt(id, false) } == null) abandoned.incrementAndGet()
                    }
                }
            }
            // The abandoned requests still run to their end; slots are handed out in order, so one more call
            // returns only once every earlier one has been sent.
            assertEquals(id, client.getReceipt(id, false).receiptId)
            sampling.set(false)
            sampler.join()
            val ms = (System.nanoTime() - start) / 1_000_000
            println(
                "InFlightTest: $calls calls (${abandoned.get()} cancelled after 1-3 ms), maxInFlight=$max, 5 ms route: " +
                    "peak client sockets ${peak.get()}, RSS ${rssBefore / 1024} MiB -> peak ${peakRss.get() / 1024} MiB, $ms ms",
            )
            assertTrue(abandoned.get() > calls / 2, "most calls were cancelled (${abandoned.get()})")
            // A slot is released when the answer has been read, a moment before hyper hands the connection
            // back to the pool, so under heavy load a few sockets may be opening while others are being
            // returned (20,000 calls at maxInFlight 64 peaked at 76). Without the bound the same run opens
            // thousands; the slack keeps this check about the bound, not about scheduler timing.
            val allowed = max + max / 4 + 1
            assertTrue(peak.get() in 1..allowed, "peak ${peak.get()} sockets for maxInFlight $max (allowed $allowed)")
            assertTrue(peakRss.get() - rssBefore < 512 * 1024, "RSS grew by ${(peakRss.get() - rssBefore) / 1024} MiB")
        }
        admin.api.clearFaults()
        Unit
    }

    @Test
    fun `maxInFlight and maxResponseBytes are checked when the client is built`() {
        assertEquals("max_in_flight", assertThrows<PaywireException.InvalidInput> { Bootpay(config(0)) }.field)
        assertEquals("max_in_flight", assertThrows<PaywireException.InvalidInput> { Bootpay(config(-1)) }.field)
        assertEquals("max_in_flight", assertThrows<PaywireException.InvalidInput> { Bootpay(config(10_001)) }.field)
        assertEquals("max_response_bytes", assertThrows<PaywireException.InvalidInput> { Bootpay(config(null, 0)) }.field)
        assertEquals("max_response_bytes", assertThrows<PaywireException.InvalidInput> { Bootpay(config(null, 10)) }.field)
        val iamport = assertThrows<PaywireException.InvalidInput> {
            Iamport(IamportConfig(impKey = IMP_KEY, impSecret = IMP_SECRET, baseUrl = server.iamportUrl(), transport = TransportSettings(maxInFlight = 0)))
        }
        assertEquals("max_in_flight", iamport.field)
    }

    @Test
    fun `a full client makes further calls wait, then time out unsent`() = runBlocking {
        val id = admin.receipt(1, 1000)
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":1500}""")
        // One slot, 400 ms per attempt: A holds the slot until 400 ms, B (queued at 50 ms) until 800 ms, so C
        // (queued at 100 ms) cannot get it within its 400 ms and is refused without being sent.
        Bootpay(config(1).copy(transport = transport(maxRetries = 0, timeoutMs = 400).copy(maxInFlight = 1))).use { client ->
            coroutineScope {
                val a = launch { runCatching { client.getReceipt(id, false) } }
                kotlinx.coroutines.delay(50)
                val b = launch { runCatching { client.getReceipt(id, false) } }
                kotlinx.coroutines.delay(50)
                val e = assertThrows<PaywireException.Timeout> { client.getReceipt(id, false) }
                assertTrue(e.summary.contains("max_in_flight") && e.summary.contains("not sent"), e.summary)
                assertEquals(0, e.attempts)
                a.join()
                b.join()
            }
        }
        admin.api.clearFaults()
        Unit
    }

    @Test
    fun `maxResponseBytes refuses a larger answer`() = runBlocking {
        val id = admin.receipt(1, 1000)
        Bootpay(config(null, 1024)).use { client ->
            admin.fault("""{"method":"GET","path":"receipt/*","status":200,"body":{"receipt_id":"$id","pad":"${"x".repeat(4096)}"},"times":1}""")
            val e = assertThrows<PaywireException> { client.getReceipt(id, false) }
            assertTrue(e !is PaywireException.InvalidInput, e.summary)
        }
        admin.api.clearFaults()
        Unit
    }
}
