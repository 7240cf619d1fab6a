// iamport secrets never reach toString(): the config's imp_secret, card data, identity numbers, refund
// accounts, cash-receipt identifiers, the token, a certification's CI/DI.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamportSecretsTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)

    @AfterAll
    fun stop() = server.stop()

    private fun assertHides(value: Any, vararg secrets: String) {
        val text = value.toString()
        for (secret in secrets) assertFalse(text.contains(secret), "secret $secret leaked in: $text")
        assertTrue(text.contains("***"), text)
    }

    private val card = CardInput(cardNumber = "5570-9999-8888-7777", expiry = "2031-07", birth = "850505", pwd2digit = "42", cvc = "987")

    @Test
    fun `the config hides imp_secret and the proxy`() {
        val config = IamportConfig(
            impKey = "imp-key-visible",
            impSecret = "imp-secret-hidden-1",
            transport = TransportSettings(proxy = "http://user:proxy-pass-2@proxy.internal:3128"),
            tier = "AB1",
        )
        assertHides(config, "imp-secret-hidden-1", "proxy-pass-2")
        assertTrue(config.toString().contains("imp-key-visible"))
        assertTrue(config.toString().contains("AB1"))
        assertHides(listOf(config.copy(impSecret = "imp-secret-hidden-3")), "imp-secret-hidden-3")
        val client = Iamport(config.copy(baseUrl = server.iamportUrl(), transport = null))
        assertFalse(client.toString().contains("imp-secret-hidden-1"), client.toString())
    }

    @Test
    fun `card data, identity numbers, refund accounts and identifiers print as stars`() {
        val cardSecrets = arrayOf("5570-9999-8888-7777", "2031-07", "850505", "987")
        assertHides(card, *cardSecrets)
        assertHides(IamportIssueBillingKey(card = card, customerName = "홍길동"), *cardSecrets)
        assertHides(OnetimePayment(merchantUid = "o1", amount = 1000.0, card = card), *cardSecrets)
        assertHides(
            SchedulePayments(
                customerUid = "c1",
                schedules = listOf(ScheduleItem(merchantUid = "s1", scheduleAt = 1_900_000_000, amount = 1000.0, name = "n")),
                card = card,
            ),
            *cardSecrets,
        )
        val cancel = IamportCancelPayment(impUid = "imp_1", refundHolder = "홍길동", refundBank = "88", refundAccount = "110222333444")
        assertHides(cancel, "110222333444")
        assertTrue(cancel.toString().contains("홍길동"))
        assertHides(CertificationOtpRequest("홍길동", "01000000000", "900101", "1", "SKT"), "900101")
        assertHides(IssueCashReceipt(identifier = "8801011234567", type = "person"), "8801011234567")
        assertHides(IssueExternalCashReceipt(name = "n", amount = 1000.0, identifier = "8801017654321"), "8801017654321")
    }

    @Test
    fun `the token and a certification's CI and DI are hidden`() = runBlocking {
        val iamport = admin.iamport()
        val token = iamport.getAccessToken()
        assertTrue(token.accessToken.isNotEmpty())
        assertHides(token, token.accessToken)

        val pending = iamport.requestCertificationOtp(CertificationOtpRequest("홍길동", "01000000000", "900101", "1", "SKT"))
        val certification = iamport.confirmCertificationOtp(pending.impUid, OTP)
        val secrets = listOfNotNull(certification.uniqueKey, certification.uniqueInSite)
        assertTrue(certification.uniqueKey != null, "the sandbox sends a CI")
        assertHides(certification, *secrets.toTypedArray())
    }
}
