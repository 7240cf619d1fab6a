// Test support: one in-process sandbox (paywire.sandbox.SandboxServer, the sandbox crate's own export) per test class, clients
// pointed at it, and short forms of the typed admin helpers (paywire.SandboxAdmin, in the main source set).

package paywire

import paywire.types.*
import paywire.sandbox.*

const val CLIENT_KEY = "sandbox-client-key"
const val SECRET_KEY = "sandbox-secret-key"
const val APPLICATION_ID = "sandbox-application-id"
const val PRIVATE_KEY = "sandbox-private-key"
const val OTP = "123456"
const val IMP_KEY = "sandbox-imp-key"
const val IMP_SECRET = "sandbox-imp-secret"

/** Transport settings with only a retry count and a per-attempt timeout set (`null`: core's default). */
fun transport(maxRetries: Int? = null, timeoutMs: Long? = null) = TransportSettings(
    timeout = timeoutMs?.let { java.time.Duration.ofMillis(it) },
    retry = maxRetries?.let { defaultRetryPolicy().copy(maxRetries = it) },
)

class SandboxHarness(val server: SandboxServer) {
    /** The typed admin helpers every call below goes through. */
    val api: SandboxAdmin = SandboxAdmin(server)

    /** A client with the recommended pair (HTTP Basic, no token call). */
    fun basic(maxRetries: Int? = null, timeoutMs: Long? = null): Bootpay =
        Bootpay(
            BootpayConfig(
                clientKey = CLIENT_KEY,
                secretKey = SECRET_KEY,
                baseUrl = server.bootpayUrl(),
                transport = transport(maxRetries, timeoutMs),
            ),
        )

    /** A client with the legacy pair (Bearer token from request/token). */
    fun legacy(): Bootpay =
        Bootpay(BootpayConfig(applicationId = APPLICATION_ID, privateKey = PRIVATE_KEY, baseUrl = server.bootpayUrl()))

    /** An iamport client on the sandbox's `/iamport` root. */
    fun iamport(maxRetries: Int? = null, timeoutMs: Long? = null): Iamport =
        Iamport(
            IamportConfig(
                impKey = IMP_KEY,
                impSecret = IMP_SECRET,
                baseUrl = server.iamportUrl(),
                transport = transport(maxRetries, timeoutMs),
            ),
        )

    /** An iamport payment as if the customer had used the browser window; answers (imp_uid, merchant_uid). */
    @JvmOverloads
    fun iamportPaid(
        amount: Double,
        status: IamportPaymentStatus = IamportPaymentStatus.PAID,
        payMethod: String? = null,
        merchantUid: String? = null,
        currency: String? = null,
    ): Pair<String, String> {
        val p = api.createIamportPayment(
            NewIamportPayment(amount, status, merchantUid = merchantUid, payMethod = payMethod, currency = currency),
        )
        return p.impUid to p.merchantUid
    }

    fun iamportTokenRequests(): Long = api.counters().iamportTokenRequests

    /** Creates a receipt as if a customer had paid (1), awaits confirm (2), got a vbank (5), was cancelled (20). */
    fun receipt(status: Int, price: Long, orderId: String? = null): String {
        val s = BootpayReceiptStatus.entries.first { it.code == status }
        return api.createBootpayReceipt(NewBootpayReceipt(price, s, orderId = orderId)).receiptId
    }

    fun tokenRequests(): Long = api.counters().tokenRequests

    fun routeCount(route: String): Long = api.counters().route(route)

    /** Arms a fault written as the admin API's JSON. */
    fun fault(json: String) {
        api.addFault(FaultSpec.fromJson(json))
    }

    fun reset() {
        api.reset()
    }
}

/** The string `name` of the JSON object `json`. */
fun jsonField(json: String, name: String): String =
    (SandboxJson.parse(json) as? Map<*, *>)?.get(name) as? String ?: error("no string $name in $json")
