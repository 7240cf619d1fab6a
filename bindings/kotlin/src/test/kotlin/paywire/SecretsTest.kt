// Secrets never reach toString(): configs, requests with card/account/identity data, tokens, errors.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @AfterAll
    fun stop() = server.stop()

    private fun assertHides(value: Any, vararg secrets: String) {
        val text = value.toString()
        for (secret in secrets) assertFalse(text.contains(secret), "secret $secret leaked in: $text")
        assertTrue(text.contains("***"), text)
    }

    @Test
    fun `configs hide keys and the proxy`() {
        val config = BootpayConfig(
            clientKey = "ck-visible",
            secretKey = "sk-hidden-1",
            applicationId = "app-visible",
            privateKey = "pk-hidden-2",
            transport = TransportSettings(proxy = "http://user:proxy-pass-3@proxy.internal:3128"),
        )
        assertHides(config, "sk-hidden-1", "pk-hidden-2", "proxy-pass-3")
        assertTrue(config.toString().contains("ck-visible"))
        // Data-class copies and collections go through the same toString.
        assertHides(listOf(config.copy(secretKey = "sk-hidden-4")), "sk-hidden-4")
        val client = Bootpay(config.copy(baseUrl = server.bootpayUrl()))
        assertFalse(client.toString().contains("sk-hidden-1"), client.toString())
        assertTrue(client.toString().contains(server.bootpayUrl()), client.toString())
    }

    @Test
    fun `requests hide card, account and identity numbers`() {
        assertHides(
            IssueBillingKey("nicepay", "구독", "sub-1", "5570123412341234", "12", "900101", "28", "12"),
            "5570123412341234", "900101",
        )
        assertHides(
            CancelPayment(receiptId = "r1", refund = Refund(bankAccount = "110222333444", bankUsername = "홍길동", bankCode = "088")),
            "110222333444",
        )
        assertHides(
            RequestTransferBillingKey(
                pg = "nicepay", orderName = "o", subscriptionId = "s", authType = "ARS", username = "u", bankName = "국민",
                bankAccount = "987654321000", identityNo = "850505", cashReceiptIdentityNo = "01012345678",
            ),
            "987654321000", "850505", "01012345678",
        )
        assertHides(
            RequestAuthentication("danal", "sms", "a1", "홍길동", "9001011", "SKT", "01000000000"),
            "9001011",
        )
        assertHides(PublishCashReceipt("r1", "8801011234567", "소득공제"), "8801011234567")
        assertHides(RequestCashReceipt("o1", "n", "8801017654321", "지출증빙", 1000), "8801017654321")
    }

    @Test
    fun `tokens and identity data hide their secrets`() = runBlocking {
        val legacy = admin.legacy()
        val token = legacy.getAccessToken()
        assertTrue(token.accessToken.isNotEmpty())
        assertHides(token, token.accessToken)

        val userToken = legacy.requestUserToken(RequestUserToken(userId = "member-1"))
        assertHides(userToken, userToken.userToken)

        val started = legacy.requestAuthentication(
            RequestAuthentication("danal", "sms", "auth-secret-test", "홍길동", "9001011", "SKT", "01000000000"),
        )
        val certificate = legacy.confirmAuthentication(started.receiptId, OTP)
        val unique = certificate.authenticateData?.unique
        if (unique != null) {
            assertHides(certificate, unique)
            assertHides(certificate.authenticateData!!, unique)
        }
    }

    @Test
    fun `errors carry no secret`() = runBlocking {
        val wrong = Bootpay(
            BootpayConfig(applicationId = APPLICATION_ID, privateKey = "pk-wrong-secret", baseUrl = server.bootpayUrl()),
        )
        val auth = assertThrows<PaywireException.Auth> { wrong.getReceipt("r1", false) }
        assertFalse(auth.toString().contains("pk-wrong-secret"), auth.toString())
        assertFalse(auth.stackTraceToString().contains("pk-wrong-secret"))

        val half = assertThrows<PaywireException.InvalidInput> { Bootpay(BootpayConfig(secretKey = "sk-lonely-secret")) }
        assertFalse(half.toString().contains("sk-lonely-secret"), half.toString())
    }
}
