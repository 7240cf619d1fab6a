// Issue 14 item 5: `use {}` (try-with-resources in Java) is the scoped way to hold a client: close()
// releases its connection pool at once, with no garbage collection involved.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val port = Sockets.port(server)

    @AfterAll
    fun stop() = server.stop()

    private fun assertReleased(baseline: Int, what: String) {
        val ms = Sockets.within(1_000) { Sockets.clientsTo(port) == baseline }
        assertNotNull(ms, "$what: ${Sockets.clientsTo(port) - baseline} socket(s) still open after close()")
        println("CloseTest: $what released its sockets $ms ms after close()")
    }

    @Test
    fun `use {} closes the async client and its pool`() = runBlocking {
        val id = admin.receipt(1, 1000)
        val baseline = Sockets.clientsTo(port) // the admin's own keep-alive connection
        admin.basic().use { bootpay ->
            coroutineScope { repeat(20) { launch { bootpay.getReceipt(id, false) } } }
            assertTrue(Sockets.clientsTo(port) > baseline, "the pool holds connections while the client lives")
        }
        assertReleased(baseline, "Bootpay")
    }

    @Test
    fun `closing both views releases a shared pool`() {
        val id = admin.receipt(1, 1000)
        val baseline = Sockets.clientsTo(port)
        admin.basic().use { bootpay ->
            bootpay.blocking().use { blocking -> repeat(5) { blocking.getReceipt(id, false) } }
            runBlocking { bootpay.getReceipt(id, false) }
        }
        assertReleased(baseline, "Bootpay + BootpayBlocking")
    }

    @Test
    fun `use {} closes an iamport client`() = runBlocking {
        val (impUid, _) = admin.iamportPaid(1000.0)
        val baseline = Sockets.clientsTo(port)
        admin.iamport().use { iamport -> repeat(5) { iamport.getPayment(impUid, false) } }
        assertReleased(baseline, "Iamport")
    }
}
