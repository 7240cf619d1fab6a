// get_user_wallets (Bootpay `GET wallet`) through the async (`suspend`) and the blocking client, against the
// in-process sandbox: an endpoint that reached Kotlin from core's table alone, with no binding edit.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.util.UUID

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()
    private val blocking = BootpayBlocking(
        BootpayConfig(clientKey = CLIENT_KEY, secretKey = SECRET_KEY, baseUrl = server.bootpayUrl()),
    )

    @AfterAll
    fun stop() {
        bootpay.close()
        blocking.close()
        server.stop()
        server.close()
    }

    private fun unique(prefix: String) = "$prefix-${UUID.randomUUID()}"

    /** A card billing key issued for `member`: the member's saved card, so one wallet in the sandbox. */
    private fun card(member: String) = IssueBillingKey(
        pg = "nicepay",
        orderName = "월간 구독",
        subscriptionId = unique("sub"),
        cardNo = "5570000000001234",
        cardPw = "12",
        cardIdentityNo = "900101",
        cardExpireYear = "28",
        cardExpireMonth = "12",
        user = User(id = member),
    )

    @Test
    fun `suspend - a member's saved cards, in order, with the latest charge`() = runBlocking {
        val member = unique("member")
        assertEquals(emptyList<Wallet>(), bootpay.getUserWallets(member, true))

        val first = bootpay.issueBillingKey(card(member)).billingKey
        bootpay.issueBillingKey(card(member))
        bootpay.issueBillingKey(card(unique("someone-else")))

        val wallets = bootpay.getUserWallets(member, true)
        assertEquals(listOf(1L, 2L), wallets.map { it.order })
        assertNotEquals(wallets[0].walletId, wallets[1].walletId)
        for (wallet in wallets) {
            assertEquals(24, wallet.walletId.length)
            assertEquals(true, wallet.sandbox)
            assertNotNull(wallet.type)
            assertNotNull(wallet.expiredAt)
            assertNull(wallet.latestPurchasedAt)
            assertEquals("5570********1234", wallet.batchData?.cardNo)
            assertNotNull(wallet.batchData?.cardCompany)
            assertTrue(wallet.extra.startsWith("{"))
        }
        // Readable and redacted: the record's name and fields, never the full card number.
        val shown = wallets[0].toString()
        assertTrue(shown.startsWith("Wallet"), shown)
        assertTrue(shown.contains(wallets[0].walletId), shown)
        assertFalse(shown.contains("5570000000001234"), shown)

        bootpay.subscribePayment(SubscribePayment(billingKey = first, orderName = "구독", orderId = unique("order"), price = 9900))
        val after = bootpay.getUserWallets(member, true)
        assertNotNull(after[0].latestPurchasedAt)
        assertNull(after[1].latestPurchasedAt)

        // Every sandbox wallet is a test-mode one: the live list is empty.
        assertEquals(emptyList<Wallet>(), bootpay.getUserWallets(member, false))
    }

    @Test
    fun `blocking - the same list, and a blank user_id is refused before any request`() {
        val member = unique("member")
        val key = blocking.issueBillingKey(card(member)).billingKey
        val wallets = blocking.getUserWallets(member, true)
        assertEquals(1, wallets.size)
        assertEquals(1L, wallets[0].order)
        assertEquals("5570********1234", wallets[0].batchData?.cardNo)

        val before = admin.routeCount("GET wallet")
        assertTrue(before >= 1, "the look-up above is counted under this route")
        val e = assertThrows<PaywireException.InvalidInput> { blocking.getUserWallets(" ", true) }
        assertEquals("user_id", e.field)
        val async = assertThrows<PaywireException.InvalidInput> { runBlocking { bootpay.getUserWallets("", true) } }
        assertEquals("user_id", async.field)
        assertEquals(before, admin.routeCount("GET wallet"))

        // Destroying the key removes the wallet.
        blocking.destroyBillingKey(key)
        assertEquals(emptyList<Wallet>(), blocking.getUserWallets(member, true))
    }
}
