// The Kotlin side of the look-up micro-benchmark (not a test; compiled only with -Pbench, run by bench.sh):
// one receipt look-up at a time against the in-process sandbox, through the suspend API and through the
// blocking API. The Rust counterpart (paywire-ffi-bench) runs the same loop without FFI.

package paywire

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.io.File

class LookupBench {
    private val iterations = System.getProperty("bench.iterations")?.toInt() ?: 5000

    private inline fun measure(label: String, block: () -> Unit): String {
        repeat(minOf(iterations, 500)) { block() } // warm-up (JIT, connection pool)
        val started = System.nanoTime()
        repeat(iterations) { block() }
        val seconds = (System.nanoTime() - started) / 1e9
        return "kotlin-$label: $iterations calls, ${"%.0f".format(iterations / seconds)} calls/s, " +
            "${"%.1f".format(seconds * 1e6 / iterations)} us/call"
    }

    @Test
    fun lookups() {
        val server = SandboxServer.start()
        val admin = SandboxAdmin(server)
        val id = admin.receipt(status = 1, price = 1000)
        val bootpay = admin.basic()
        val blocking = bootpay.blocking()
        val lines = listOf(
            measure("suspend") { runBlocking { bootpay.getReceipt(id, false) } },
            measure("blocking") { blocking.getReceipt(id, false) },
        )
        lines.forEach(::println)
        File("target/bench-kotlin.txt").writeText(lines.joinToString("\n") + "\n")
        server.stop()
    }
}
