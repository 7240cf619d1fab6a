// The token lifecycle seen from Kotlin: lazy, cached, one refresh for a thousand concurrent coroutines,
// refreshed after a 401 and ahead of expiry. Counted by the sandbox (GET /__admin/counters).

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @BeforeEach
    fun reset() = admin.reset()

    @AfterAll
    fun stop() = server.stop()

    private suspend fun thousandLookups(client: Bootpay, id: String) = kotlinx.coroutines.coroutineScope {
        (1..1000).map { async(Dispatchers.Default) { client.getReceipt(id, false) } }.awaitAll()
    }

    @Test
    fun `1000 concurrent coroutines on a cold client make one token request`() = runBlocking {
        val id = admin.receipt(status = 1, price = 1000)
        val client = admin.legacy()
        assertEquals(0L, admin.tokenRequests(), "tokens are fetched lazily")
        val receipts = thousandLookups(client, id)
        assertTrue(receipts.all { it.receiptId == id })
        assertEquals(1L, admin.tokenRequests())
        assertEquals(1000L, admin.routeCount("GET receipt/{receipt_id}"))
    }

    @Test
    fun `an expired token is refreshed once and the call retried, even under 1000 concurrent calls`() = runBlocking {
        val id = admin.receipt(status = 1, price = 1000)
        val client = admin.legacy()
        client.getReceipt(id, false)
        assertEquals(1L, admin.tokenRequests())
        admin.api.expireTokens()
        assertEquals(id, client.getReceipt(id, false).receiptId)
        assertEquals(2L, admin.tokenRequests(), "one refresh after the 401")

        admin.api.expireTokens()
        val receipts = thousandLookups(client, id)
        assertTrue(receipts.all { it.receiptId == id })
        assertEquals(3L, admin.tokenRequests(), "one refresh for 1000 callers that all saw a 401")
    }

    @Test
    fun `the token is refreshed ahead of expiry`() = runBlocking {
        admin.api.configure(ConfigUpdate(tokenTtlSecs = 2.0))
        val id = admin.receipt(status = 1, price = 1000)
        val client = admin.legacy()
        client.getReceipt(id, false)
        assertTrue((client.getAccessToken().expireIn ?: 99) <= 2)
        Thread.sleep(1800)
        client.getReceipt(id, false)
        assertEquals(2L, admin.tokenRequests())
        assertEquals(0L, admin.routeCount("GET receipt/{receipt_id}") - 2, "no call was refused and retried")
    }

    @Test
    fun `the basic pair never asks for a token`() = runBlocking {
        val id = admin.receipt(status = 1, price = 1000)
        admin.basic().getReceipt(id, false)
        assertEquals(0L, admin.tokenRequests())
    }
}
