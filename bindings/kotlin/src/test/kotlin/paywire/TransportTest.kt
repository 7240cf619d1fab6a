// Core's TransportSettings and RetryPolicy as Kotlin sees them: java.time.Duration timeouts, a retry policy
// with its backoff, per-call views (withTimeout / withRetry) sharing the client's pool and token, and every
// bad value refused as InvalidInput naming the field before anything is sent — a negative Duration too,
// which UniFFI's own converter would have thrown as an undeclared IllegalArgumentException.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.time.Duration

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val quick = defaultRetryPolicy().copy(maxRetries = 3, baseDelay = Duration.ofMillis(10))

    @AfterEach
    fun clearFaults() = admin.api.clearFaults()

    @AfterAll
    fun stop() = server.stop()

    @Test
    fun `withTimeout bounds one view's attempts and leaves the client as it was`() = runBlocking {
        val id = admin.receipt(1, 1000)
        val client = admin.basic(maxRetries = 0)
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":1500,"times":1}""")
        val e = assertThrows<PaywireException.Timeout> {
            client.withTimeout(Duration.ofMillis(200)).getReceipt(id, false)
        }
        assertEquals(1, e.attempts)
        // The client itself still has its 30 s: the same delay is waited out.
        admin.fault("""{"method":"GET","path":"receipt/*","latency_ms":400,"times":1}""")
        assertEquals(id, client.getReceipt(id, false).receiptId)
    }

    @Test
    fun `withRetry sets the count and backoff of one view`() = runBlocking {
        val id = admin.receipt(1, 1000)
        val client = admin.basic(maxRetries = 0)
        admin.fault("""{"method":"GET","path":"receipt/*","status":503,"times":2}""")
        val refused = assertThrows<PaywireException.Api> { client.getReceipt(id, false) }
        assertEquals(503, refused.httpStatus)
        // One 503 left: the patient view retries past it; the client keeps its own policy.
        assertEquals(id, client.withRetry(quick).getReceipt(id, false).receiptId)
        admin.fault("""{"method":"GET","path":"receipt/*","status":503,"times":1}""")
        assertThrows<PaywireException.Api> { client.getReceipt(id, false) }
        Unit
    }

    @Test
    fun `a retry policy in the configuration applies to every call`() = runBlocking {
        val id = admin.receipt(1, 1000)
        val config = BootpayConfig(
            clientKey = CLIENT_KEY,
            secretKey = SECRET_KEY,
            baseUrl = server.bootpayUrl(),
            transport = TransportSettings(timeout = Duration.ofSeconds(5), retry = quick),
        )
        Bootpay(config).use { client ->
            admin.fault("""{"method":"GET","path":"receipt/*","status":503,"times":2}""")
            assertEquals(id, client.getReceipt(id, false).receiptId)
        }
    }

    @Test
    fun `bad durations and counts are InvalidInput naming the field`() = runBlocking {
        val client = admin.basic()
        for (bad in listOf(Duration.ZERO, Duration.ofSeconds(-5), Duration.ofDays(2))) {
            val e = assertThrows<PaywireException.InvalidInput> { client.withTimeout(bad).getReceipt("r1", false) }
            assertEquals("timeout", e.field, "$bad")
        }
        val many = assertThrows<PaywireException.InvalidInput> { client.withRetry(quick.copy(maxRetries = 11)) }
        assertEquals("retry.max_retries", many.field)
        val negative = assertThrows<PaywireException.InvalidInput> { client.withRetry(quick.copy(maxRetries = -1)) }
        assertEquals("retry.max_retries", negative.field)
        val backwards = assertThrows<PaywireException.InvalidInput> {
            client.withRetry(quick.copy(baseDelay = Duration.ofMillis(-1)))
        }
        assertEquals("retry.base_delay", backwards.field)
        for ((settings, field) in listOf(
            TransportSettings(timeout = Duration.ofSeconds(-1)) to "timeout",
            TransportSettings(connectTimeout = Duration.ZERO) to "connect_timeout",
            TransportSettings(retry = quick.copy(maxRetryAfter = Duration.ofHours(2))) to "retry.max_retry_after",
            TransportSettings(maxInFlight = -3) to "max_in_flight",
            TransportSettings(maxResponseBytes = Long.MAX_VALUE) to "max_response_bytes",
        )) {
            val e = assertThrows<PaywireException.InvalidInput> {
                Bootpay(BootpayConfig(clientKey = CLIENT_KEY, secretKey = SECRET_KEY, transport = settings))
            }
            assertEquals(field, e.field, "$settings")
        }
    }

    @Test
    fun `settings print readably, with the proxy hidden`() {
        val settings = TransportSettings(
            timeout = Duration.ofMillis(1500),
            retry = defaultRetryPolicy(),
            proxy = "http://user:proxy-pass-9@proxy.internal:3128",
        )
        val text = settings.toString()
        assertTrue(text.startsWith("TransportSettings{"), text)
        assertTrue(text.contains("\"timeout\":1.5"), text)
        assertTrue(text.contains("\"max_retries\":2"), text)
        assertFalse(text.contains("proxy-pass-9"), text)
        assertEquals(
            """RetryPolicy{"max_retries":2,"base_delay":0.1,"max_delay":2.0,"max_retry_after":30.0}""",
            defaultRetryPolicy().toString(),
        )
        val config = BootpayConfig(clientKey = "ck", secretKey = "sk-hidden-7", transport = settings)
        assertFalse(config.toString().contains("sk-hidden-7") || config.toString().contains("proxy-pass-9"), "$config")
    }
}
