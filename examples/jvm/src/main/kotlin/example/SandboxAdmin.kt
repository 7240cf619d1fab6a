// The sandbox's admin API (plain HTTP under /__admin) as a consumer sees it: create receipts and payments
// as if a customer had paid in the browser. The sandbox itself is SandboxServer, exported by the jar.

package example

import paywire.sandbox.SandboxServer
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

class SandboxAdmin(val server: SandboxServer) {
    private val http = HttpClient.newHttpClient()

    /** A Bootpay receipt with `status` 1 (paid), 2 (awaiting confirmation), ...; answers its receipt_id. */
    fun receipt(status: Int, price: Long): String =
        field(post("bootpay/receipts", """{"status":$status,"price":$price}"""), "receipt_id")

    /** An iamport payment with `status` paid, ready, ...; answers its imp_uid. */
    fun iamportPayment(status: String, amount: Long): String =
        field(post("iamport/payments", """{"status":"$status","amount":$amount}"""), "imp_uid")

    private fun post(path: String, json: String): String {
        val request = HttpRequest.newBuilder(URI.create("${server.url()}/__admin/$path"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "admin POST $path: ${response.statusCode()} ${response.body()}" }
        return response.body()
    }

    private fun field(json: String, name: String): String =
        Regex("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").find(json)?.groupValues?.get(1) ?: error("no $name in $json")
}
