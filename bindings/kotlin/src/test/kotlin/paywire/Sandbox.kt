// Test support: one in-process sandbox (exported by paywire-ffi as SandboxServer) per test class, clients
// pointed at it, and its admin API over java.net.http.

package paywire

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

const val CLIENT_KEY = "sandbox-client-key"
const val SECRET_KEY = "sandbox-secret-key"
const val APPLICATION_ID = "sandbox-application-id"
const val PRIVATE_KEY = "sandbox-private-key"
const val OTP = "123456"
const val IMP_KEY = "sandbox-imp-key"
const val IMP_SECRET = "sandbox-imp-secret"

class SandboxAdmin(val server: SandboxServer) {
    private val http: HttpClient = HttpClient.newHttpClient()

    /** A client with the recommended pair (HTTP Basic, no token call). */
    fun basic(maxRetries: Int? = null, timeoutMs: Long? = null): Bootpay =
        Bootpay(
            BootpayConfig(
                clientKey = CLIENT_KEY,
                secretKey = SECRET_KEY,
                baseUrl = server.bootpayUrl(),
                maxRetries = maxRetries,
                timeoutMs = timeoutMs,
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
                maxRetries = maxRetries,
                timeoutMs = timeoutMs,
            ),
        )

    /**
     * Creates an iamport payment as if the customer had used the browser window (`status` paid, ready,
     * failed, cancelled; `pay_method` vbank gives a virtual account); answers the payment JSON.
     */
    fun iamportPayment(json: String): String = post("iamport/payments", json)

    /** [iamportPayment] with `{"status": status, "amount": amount, …extra}`; answers (imp_uid, merchant_uid). */
    fun iamportPaid(amount: Number, status: String = "paid", extra: String = ""): Pair<String, String> {
        val json = iamportPayment("""{"status":"$status","amount":$amount$extra}""")
        return field(json, "imp_uid") to field(json, "merchant_uid")
    }

    fun iamportTokenRequests(): Long = number(get("counters"), "iamport_token_requests")

    fun post(path: String, json: String = "{}"): String = send("POST", path, json)

    fun get(path: String): String = send("GET", path, null)

    fun delete(path: String): String = send("DELETE", path, null)

    private fun send(method: String, path: String, json: String?): String {
        val body = if (json == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(json)
        val request = HttpRequest.newBuilder(URI.create("${server.url()}/__admin/$path"))
            .header("content-type", "application/json")
            .method(method, body)
            .build()
        // A pooled keep-alive connection the server already closed fails once with "connection reset":
        // these are test-only admin calls, so try again on a fresh connection.
        var attempt = 0
        var response: HttpResponse<String>
        while (true) {
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString())
                break
            } catch (e: java.io.IOException) {
                if (++attempt >= 3) throw e
            }
        }
        check(response.statusCode() in 200..299) { "admin $method $path: ${response.statusCode()} ${response.body()}" }
        return response.body()
    }

    /** Creates a receipt as if a customer had paid (1), awaits confirm (2), got a vbank (5), was cancelled (20). */
    fun receipt(status: Int, price: Long, orderId: String? = null): String {
        val order = if (orderId == null) "" else ""","order_id":"$orderId""""
        return field(post("bootpay/receipts", """{"status":$status,"price":$price$order}"""), "receipt_id")
    }

    fun tokenRequests(): Long = number(get("counters"), "token_requests")

    fun routeCount(route: String): Long =
        Regex("\"" + Regex.escape(route) + "\"\\s*:\\s*(\\d+)").find(get("counters"))?.groupValues?.get(1)?.toLong() ?: 0

    fun fault(json: String) {
        post("faults", json)
    }

    fun reset() {
        post("reset")
    }

    companion object {
        fun field(json: String, name: String): String =
            Regex("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").find(json)?.groupValues?.get(1)
                ?: error("no string $name in $json")

        fun number(json: String, name: String): Long =
            Regex("\"" + name + "\"\\s*:\\s*(-?\\d+)").find(json)?.groupValues?.get(1)?.toLong()
                ?: error("no number $name in $json")
    }
}
