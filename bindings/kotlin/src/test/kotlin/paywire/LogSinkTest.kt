// paywire's log records reach a sink the app installs (setLogSink): structured fields, level changes on
// existing clients, a throwing sink that breaks nothing, no secret in any record.

package paywire

import kotlinx.coroutines.runBlocking
import paywire.types.LogLevel
import paywire.types.LogRecord
import paywire.types.BootpayConfig
import paywire.sandbox.*
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.logging.Level

/** Keeps every record it receives (records arrive on paywire's `paywire-log` thread). */
class CollectingSink : LogSink {
    val records = ConcurrentLinkedQueue<LogRecord>()

    override fun log(record: LogRecord) {
        records.add(record)
    }

    /** The first record matching [predicate], waiting up to 5 s for it (delivery is asynchronous). */
    fun await(predicate: (LogRecord) -> Boolean): LogRecord {
        val deadline = System.nanoTime() + 5_000_000_000
        while (System.nanoTime() < deadline) {
            records.firstOrNull(predicate)?.let { return it }
            Thread.sleep(5)
        }
        error("no such record within 5 s; got: ${records.toList()}")
    }
}

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogSinkTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @AfterEach
    fun unhook() = clearLogSink()

    @AfterAll
    fun stop() = server.stop()

    @Test
    fun `records carry operation, provider, status, attempt and duration`() = runBlocking {
        val client = admin.basic()
        val id = admin.receipt(1, 1000)
        val sink = CollectingSink()
        setLogSink(sink, LogLevel.DEBUG)
        client.getReceipt(id, false)
        val record = sink.await { it.operation == "get_receipt" }
        assertEquals(LogLevel.DEBUG, record.level)
        assertEquals("bootpay", record.provider)
        assertEquals(200, record.httpStatus)
        assertEquals(1, record.attempt)
        assertNotNull(record.durationMs)
        assertTrue(record.target.startsWith("paywire"), record.target)
        assertEquals("answered", record.message)
        // Readable as a whole (what a one-line forwarder prints).
        assertTrue(record.toString().contains("operation=get_receipt"), record.toString())
    }

    @Test
    fun `a level set after the client exists applies to it`() = runBlocking {
        val client = admin.basic(maxRetries = 1)
        val id = admin.receipt(1, 1000)
        val sink = CollectingSink()
        setLogSink(sink, LogLevel.DEBUG)
        client.getReceipt(id, false)
        sink.await { it.operation == "get_receipt" && it.level == LogLevel.DEBUG }

        setLogLevel(LogLevel.WARN)
        sink.records.clear()
        client.getReceipt(id, false)
        // A 503 then a success: the retry's WARN record arrives; the DEBUG "answered" records of this call
        // and of the one before would have been delivered before it (records arrive in order).
        admin.fault("""{"method":"GET","path":"receipt/*","status":503,"times":1}""")
        client.getReceipt(id, false)
        val retry = sink.await { it.level == LogLevel.WARN && it.message == "retrying" }
        assertEquals(503, retry.httpStatus)
        assertEquals("get_receipt", retry.operation)
        assertTrue(retry.fields.containsKey("delay"), retry.toString())
        assertTrue(sink.records.all { it.level >= LogLevel.WARN }, sink.records.toString())

        setLogLevel(LogLevel.ERROR)
        sink.records.clear()
        admin.fault("""{"method":"GET","path":"receipt/*","status":503,"times":1}""")
        client.getReceipt(id, false)
        setLogLevel(LogLevel.DEBUG)
        client.getReceipt(id, false)
        sink.await { it.operation == "get_receipt" && it.level == LogLevel.DEBUG }
        assertTrue(sink.records.none { it.message == "retrying" }, sink.records.toString())
    }

    @Test
    fun `a throwing sink does not break the call`() = runBlocking {
        val client = admin.basic()
        val id = admin.receipt(1, 1000)
        val calls = ConcurrentLinkedQueue<LogRecord>()
        setLogSink(
            object : LogSink {
                override fun log(record: LogRecord) {
                    calls.add(record)
                    throw IllegalStateException("the sink is broken")
                }
            },
            LogLevel.DEBUG,
        )
        assertEquals(1000L, client.getReceipt(id, false).price)
        assertEquals(1000L, client.blocking().getReceipt(id, false).price)
        // A java.lang.Error too (not an Exception).
        setLogSink(
            object : LogSink {
                override fun log(record: LogRecord) = throw AssertionError("worse")
            },
            LogLevel.DEBUG,
        )
        assertEquals(1000L, client.getReceipt(id, false).price)
        // The delivery thread survived: the next sink gets records.
        val sink = CollectingSink()
        setLogSink(sink, LogLevel.DEBUG)
        client.getReceipt(id, false)
        sink.await { it.operation == "get_receipt" }
        assertTrue(calls.isNotEmpty())
    }

    @Test
    fun `no secret reaches a record`() = runBlocking {
        val sink = CollectingSink()
        setLogSink(sink, LogLevel.TRACE)
        val legacy = admin.legacy()
        val token = legacy.getAccessToken().accessToken
        legacy.getReceipt(admin.receipt(1, 1000), false)
        val iamport = admin.iamport()
        val iamportToken = iamport.getAccessToken().accessToken
        val wrong = Bootpay(
            BootpayConfig(applicationId = APPLICATION_ID, privateKey = "pk-log-secret", baseUrl = server.bootpayUrl()),
        )
        assertThrows<PaywireException.Auth> { wrong.getReceipt("r1", false) }
        admin.basic().getReceipt(admin.receipt(1, 1000), false)
        sink.await { it.message == "fetching an access token" && it.provider == "iamport" }
        sink.await { it.provider == "bootpay" && it.httpStatus == 401 }
        sink.await { it.provider == "bootpay" && it.operation == "get_receipt" && it.httpStatus == 200 }
        val text = sink.records.joinToString("\n")
        for (secret in listOf(PRIVATE_KEY, SECRET_KEY, IMP_SECRET, "pk-log-secret", token, iamportToken)) {
            assertFalse(text.contains(secret), "secret $secret leaked in: $text")
        }
    }

    @Test
    fun `the README's java-util-logging sink and clearing`() = runBlocking {
        val client = admin.basic()
        val id = admin.receipt(1, 1000)
        // The README's example, verbatim.
        val jul = java.util.logging.Logger.getLogger("paywire")   // or SLF4J's LoggerFactory.getLogger("paywire")
        setLogSink(object : LogSink {
            override fun log(record: LogRecord) = jul.log(if (record.level >= LogLevel.WARN) Level.WARNING else Level.FINE,
                "${record.message} op=${record.operation} status=${record.httpStatus} ${record.fields}")
        }, LogLevel.INFO)
        client.getReceipt(id, false)
        val sink = CollectingSink()
        setLogSink(sink, LogLevel.DEBUG)
        clearLogSink()
        client.getReceipt(id, false)
        setLogLevel(LogLevel.DEBUG) // no sink: stays without one
        client.getReceipt(id, false)
        Thread.sleep(100)
        assertTrue(sink.records.isEmpty(), sink.records.toString())
    }
}
