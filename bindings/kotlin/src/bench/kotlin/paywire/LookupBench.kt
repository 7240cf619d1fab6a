// The Kotlin client of the benchmark (not a test; compiled only with -Pbench, started by bench/bench.py with
// --kotlin): the same workload as every other client against the bench's fixed-answer server. One token,
// N look-ups one after another, M with 32 in flight (suspend: 32 coroutines; blocking: 32 threads), through
// the suspend or the blocking API (-Dbench.mode). The JVM gets min(N, 500) untimed warm-up look-ups (JIT).
// Writes one JSON line to $BENCH_RESULT, the format bench/bench.py reads.

package paywire

import paywire.types.*

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.io.File
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

class LookupBench {
    private val baseUrl = System.getProperty("bench.baseUrl") ?: error("-Dbench.baseUrl is required")
    private val receiptId = System.getProperty("bench.receiptId") ?: error("-Dbench.receiptId is required")
    private val sequential = System.getProperty("bench.sequential")?.toInt() ?: 2000
    private val concurrent = System.getProperty("bench.concurrent")?.toInt() ?: 5000
    private val mode = System.getProperty("bench.mode") ?: "suspend"

    private fun peakRssKb(): Long =
        File("/proc/self/status").readLines().firstOrNull { it.startsWith("VmHWM:") }
            ?.split(Regex("\\s+"))?.getOrNull(1)?.toLongOrNull() ?: 0

    private fun seconds(block: () -> Unit): Double {
        val started = System.nanoTime()
        block()
        return (System.nanoTime() - started) / 1e9
    }

    @Test
    fun lookups() {
        val client = Bootpay(
            BootpayConfig(
                applicationId = "bench-application-id",
                privateKey = "bench-private-key-0000000000000000000000000=",
                baseUrl = baseUrl,
            ),
        )
        val blocking = client.blocking()
        val one: () -> Long = if (mode == "blocking") {
            { blocking.getReceipt(receiptId, false).price }
        } else {
            { runBlocking { client.getReceipt(receiptId, false).price } }
        }
        val tokenS = seconds { blocking.getAccessToken() }
        repeat(minOf(sequential, 500)) { one() }
        val seqS = seconds { repeat(sequential) { check(one() > 0) } }
        val left = AtomicInteger(concurrent)
        val concS = if (mode == "blocking") {
            val pool = Executors.newFixedThreadPool(32)
            seconds {
                repeat(32) { pool.execute { while (left.getAndDecrement() > 0) check(blocking.getReceipt(receiptId, false).price > 0) } }
                pool.shutdown()
                pool.awaitTermination(10, TimeUnit.MINUTES)
            }
        } else {
            seconds {
                runBlocking(Dispatchers.Default) {
                    repeat(32) { launch { while (left.getAndDecrement() > 0) check(client.getReceipt(receiptId, false).price > 0) } }
                }
            }
        }
        val line = """{"token_s":$tokenS,"seq_calls":$sequential,"seq_s":$seqS,"conc_calls":$concurrent,"conc_s":$concS,"rss_kb":${peakRssKb()}}"""
        println(line)
        File(System.getenv("BENCH_RESULT") ?: "target/bench-kotlin.json").writeText(line + "\n")
    }
}
