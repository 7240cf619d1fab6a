// Issue 14 item 2: every record that carries an account, card, identity or secret value prints it as
// `***` in toString(), the same fields Python's repr hides (one rule by field name: core's exported `Display`, paywire::is_sensitive_field).
// Checked by reflection over each record and everything inside it, so a new field cannot be forgotten.

package paywire

import paywire.types.*
import paywire.sandbox.*

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.util.UUID

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionTest {
    private val server = SandboxServer.start()
    private val admin = SandboxHarness(server)
    private val bootpay = admin.basic()
    private val iamport = admin.iamport()

    @AfterAll
    fun stop() {
        bootpay.close()
        iamport.close()
        server.stop()
    }

    /** Kotlin names of the fields whose values never print (wire names in core/src/redact.rs). */
    private val secretFields = setOf(
        "accessToken", "account", "accountNumber", "bankAccount", "bankNum", "billingKey", "birth",
        "cardIdentityNo", "cardNo", "cardNumber", "cardPw", "expiry", "identityNo", "impSecret", "password",
        "privateKey", "refundAccount", "refundBankNum", "secretKey", "socialNumber", "vbankNum",
        "cardExpireMonth", "cardExpireYear", "cashReceiptIdentityNo", "cvc", "genderDigit", "identifier",
        "proxy", "pwd2digit", "unique", "uniqueInSite", "uniqueKey", "userToken",
    )

    /** Every (field, value) of a secret field inside [value], at any depth. */
    private fun secretsIn(value: Any?, found: MutableList<Pair<String, String>> = mutableListOf()): List<Pair<String, String>> {
        when (value) {
            null, is String, is Number, is Boolean, is Enum<*> -> {}
            is Collection<*> -> value.forEach { secretsIn(it, found) }
            else -> if (value.javaClass.packageName.startsWith("paywire")) {
                for (field in value.javaClass.declaredFields) {
                    if (java.lang.reflect.Modifier.isStatic(field.modifiers)) continue
                    field.isAccessible = true
                    val v = field.get(value)
                    if (v is String && v.isNotEmpty() && field.name in secretFields) found += field.name to v
                    else secretsIn(v, found)
                }
            }
        }
        return found
    }

    /** toString() of [record] (and of a list holding it) shows none of its secrets; answers how many. */
    private fun assertRedacted(record: Any): Int {
        val secrets = secretsIn(record)
        for (text in listOf(record.toString(), listOf(record).toString())) {
            for ((field, secret) in secrets) assertFalse(text.contains(secret), "$field leaked: $text")
            if (secrets.isNotEmpty()) assertTrue(text.contains("***"), text)
        }
        return secrets.size
    }

    @Test
    fun `Receipt hides the virtual account and the card number`() = runBlocking {
        val vbank = bootpay.getReceipt(admin.receipt(5, 30000), false)
        assertNotNull(vbank.vbankData?.bankAccount, "the sandbox gives a vbank receipt an account")
        assertFalse(vbank.toString().contains(vbank.vbankData!!.bankAccount!!), vbank.toString())
        assertTrue(assertRedacted(vbank) >= 1)
        val card = bootpay.getReceipt(admin.receipt(1, 1000), true)
        assertRedacted(card)
        Unit
    }

    @Test
    fun `billing keys, tokens and certificates hide their secrets`() = runBlocking {
        val key = bootpay.issueBillingKey(
            IssueBillingKey("nicepay", "구독", "sub-${UUID.randomUUID()}", "5570000000001234", "12", "900101", "28", "12"),
        )
        assertTrue(assertRedacted(key) >= 1, key.toString())
        val legacy = admin.legacy()
        assertTrue(assertRedacted(legacy.getAccessToken()) >= 1)
        assertTrue(assertRedacted(legacy.requestUserToken(RequestUserToken(userId = "member-1"))) >= 1)
        val started = legacy.requestAuthentication(
            RequestAuthentication("danal", "sms", "auth-${UUID.randomUUID()}", "홍길동", "9001011", "SKT", "01000000000"),
        )
        assertRedacted(legacy.confirmAuthentication(started.receiptId, OTP))
        legacy.close()
    }

    @Test
    fun `iamport payments, billing customers and configs hide their numbers`() = runBlocking {
        val (vbankUid, _) = admin.iamportPaid(30000.0, IamportPaymentStatus.READY, payMethod = "vbank")
        val vbank = iamport.getPayment(vbankUid, false)
        assertNotNull(vbank.vbankNum)
        assertTrue(assertRedacted(vbank) >= 1, vbank.toString())
        val (cardUid, _) = admin.iamportPaid(1000.0)
        assertRedacted(iamport.getPayment(cardUid, false))
        val customer = iamport.issueBillingKey("cust-r", IamportIssueBillingKey(card = CardInput("5570-1234-5678-1234", "2028-12")))
        assertRedacted(customer)
        assertTrue(assertRedacted(CardInput("5570-1234-5678-1234", "2028-12", "850505", "12", "123")) >= 4)
        assertTrue(assertRedacted(IamportConfig(impKey = "k", impSecret = "imp-secret-1", transport = TransportSettings(proxy = "http://u:p@h:1"))) >= 2)
        assertTrue(
            assertRedacted(IamportCancelPayment(impUid = "imp_1", refundAccount = "110222333444", refundHolder = "홍길동")) >= 1,
        )
    }

    @Test
    fun `request records hide card, account and identity numbers`() {
        val records: List<Any> = listOf(
            BootpayConfig(clientKey = "ck", secretKey = "sk-1", privateKey = "pk-1", transport = TransportSettings(proxy = "http://u:p@h:1")),
            IssueBillingKey("nicepay", "o", "s", "5570999988887777", "12", "900101", "28", "12"),
            CancelPayment(receiptId = "r1", refund = Refund(bankAccount = "110222333444", bankUsername = "홍길동", bankCode = "088")),
            RequestTransferBillingKey(
                pg = "nicepay", orderName = "o", subscriptionId = "s", authType = "ARS", username = "u", bankName = "국민",
                bankAccount = "987654321000", identityNo = "850505", cashReceiptIdentityNo = "01012345678",
            ),
            PublishCashReceipt("r1", "8801011234567", "소득공제"),
            RequestCashReceipt("o1", "n", "8801017654321", "지출증빙", 1000),
        )
        for (record in records) assertTrue(assertRedacted(record) >= 1, record.toString())
    }
}
