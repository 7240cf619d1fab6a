@file:Suppress("UNCHECKED_CAST")

// Typed helpers for the sandbox admin API (/__admin/...), for Kotlin and Java tests: one method per operation
// of the OpenAPI document the sandbox serves at /__admin/openapi.json, each sending its row of AdminOperation.

package paywire

import paywire.types.*
import paywire.sandbox.*

import java.io.IOException
import java.net.URI
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.net.http.HttpTimeoutException
import java.nio.charset.StandardCharsets
import java.time.Duration

/**
 * Every admin operation, once: its `operationId` in `/__admin/openapi.json` (which is also the name of its
 * [SandboxAdmin] method), HTTP method and path template. The methods build their requests from this table,
 * and a test compares it with the document a running sandbox serves, so the two cannot drift apart.
 */
enum class AdminOperation(
    /** The OpenAPI `operationId`, and the [SandboxAdmin] method that calls it. */
    val operationId: String,
    /** `GET`, `POST` or `DELETE`. */
    val method: String,
    /** The path template as the OpenAPI document writes it (`{name}` for a parameter). */
    val path: String,
) {
    CREATE_BOOTPAY_RECEIPT("createBootpayReceipt", "POST", "/__admin/bootpay/receipts"),
    DEPOSIT_BOOTPAY_VBANK("depositBootpayVbank", "POST", "/__admin/bootpay/receipts/{receipt_id}/deposit"),
    BOOTPAY_WEBHOOK_PAYLOAD("bootpayWebhookPayload", "GET", "/__admin/bootpay/webhook/{receipt_id}"),
    CREATE_IAMPORT_PAYMENT("createIamportPayment", "POST", "/__admin/iamport/payments"),
    DEPOSIT_IAMPORT_VBANK("depositIamportVbank", "POST", "/__admin/iamport/vbanks/{imp_uid}/deposit"),
    IAMPORT_WEBHOOK_PAYLOAD("iamportWebhookPayload", "GET", "/__admin/iamport/webhook/{imp_uid}"),
    ADD_FAULT("addFault", "POST", "/__admin/faults"),
    LIST_FAULTS("listFaults", "GET", "/__admin/faults"),
    CLEAR_FAULTS("clearFaults", "DELETE", "/__admin/faults"),
    COUNTERS("counters", "GET", "/__admin/counters"),
    LIST_REQUESTS("listRequests", "GET", "/__admin/requests"),
    CLEAR_REQUESTS("clearRequests", "DELETE", "/__admin/requests"),
    ADVANCE_CLOCK("advanceClock", "POST", "/__admin/clock/advance"),
    EXPIRE_TOKENS("expireTokens", "POST", "/__admin/tokens/expire"),
    CONFIGURE("configure", "POST", "/__admin/config"),
    READ_CONFIG("readConfig", "GET", "/__admin/config"),
    RESET("reset", "POST", "/__admin/reset"),
    LIST_WEBHOOKS("listWebhooks", "GET", "/__admin/webhooks"),
    RESEND_WEBHOOK("resendWebhook", "POST", "/__admin/webhooks/{id}/resend"),
    OPENAPI("openapi", "GET", "/__admin/openapi.json"),
}

/**
 * A typed client of a sandbox's admin API: seed payments (paid, awaiting confirm, virtual accounts) for both
 * providers, deposit into virtual accounts, move the clock, arm and clear faults, read counters, the request
 * log and webhook deliveries, resend a delivery, point webhooks somewhere. Blocking calls over
 * `java.net.http`; safe to share between threads. A non-2xx answer is a [SandboxAdminException] with the
 * sandbox's status and error body.
 *
 * Works with an in-process [SandboxServer] or a sandbox running elsewhere (`paywire-sandbox`,
 * `python -m paywire.sandbox`, `paywire.SandboxMainKt`):
 *
 * ```kotlin
 * val server = SandboxServer.startWith(SandboxOptions(webhookUrl = "http://127.0.0.1:9000/hook"))
 * val admin = SandboxAdmin(server)               // or SandboxAdmin("http://127.0.0.1:7878")
 * val receipt = admin.createBootpayReceipt(NewBootpayReceipt.awaitingConfirm(30_000).withOrderId("order-1"))
 * admin.advanceClock(3600.0)
 * println("${admin.listRequests().size} requests, ${admin.listWebhooks().deliveries.size} webhooks")
 * ```
 */
class SandboxAdmin(baseUrl: String) {
    /** A client of the in-process `server`. */
    constructor(server: SandboxServer) : this(server.url())

    /** The sandbox root (`http://HOST:PORT`), without a trailing slash. */
    val baseUrl: String = baseUrl.trimEnd('/')

    init {
        require(this.baseUrl.startsWith("http://") || this.baseUrl.startsWith("https://")) {
            "baseUrl must be an http:// or https:// URL, not $baseUrl"
        }
    }

    private val http: HttpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build()

    /** `POST /__admin/bootpay/receipts`: a receipt as if a customer had gone through checkout. */
    fun createBootpayReceipt(receipt: NewBootpayReceipt): BootpayReceipt =
        decode(AdminOperation.CREATE_BOOTPAY_RECEIPT, receipt.toJson()) { BootpayReceipt.from(it as Map<String, Any?>) }

    /** `POST /__admin/bootpay/receipts/{receipt_id}/deposit`: the customer paid into the virtual account (5 → 1). */
    fun depositBootpayVbank(receiptId: String): BootpayReceipt =
        decode(AdminOperation.DEPOSIT_BOOTPAY_VBANK, null, receiptId) { BootpayReceipt.from(it as Map<String, Any?>) }

    /** `GET /__admin/bootpay/webhook/{receipt_id}`: the webhook body Bootpay would send now, as JSON text. */
    fun bootpayWebhookPayload(receiptId: String): String = send(AdminOperation.BOOTPAY_WEBHOOK_PAYLOAD, null, receiptId)

    /** `POST /__admin/iamport/payments`: a payment as if the customer had used iamport's browser window. */
    fun createIamportPayment(payment: NewIamportPayment): IamportPayment =
        decode(AdminOperation.CREATE_IAMPORT_PAYMENT, payment.toJson()) { IamportPayment.from(it as Map<String, Any?>) }

    /** `POST /__admin/iamport/vbanks/{imp_uid}/deposit`: the customer paid into the virtual account (ready → paid). */
    fun depositIamportVbank(impUid: String): IamportPayment =
        decode(AdminOperation.DEPOSIT_IAMPORT_VBANK, null, impUid) { IamportPayment.from(it as Map<String, Any?>) }

    /** `GET /__admin/iamport/webhook/{imp_uid}`: the webhook body iamport would send now, as JSON text. */
    fun iamportWebhookPayload(impUid: String): String = send(AdminOperation.IAMPORT_WEBHOOK_PAYLOAD, null, impUid)

    /** `POST /__admin/faults`: arms a fault on matching API requests; answers it with its id. */
    fun addFault(fault: FaultSpec): Fault = decode(AdminOperation.ADD_FAULT, fault.toJson()) { Fault.from(it as Map<String, Any?>) }

    /** `GET /__admin/faults`: the faults still armed, in matching order. */
    fun listFaults(): List<Fault> =
        decode(AdminOperation.LIST_FAULTS, null) { list -> (list as List<*>).map { Fault.from(it as Map<String, Any?>) } }

    /** `DELETE /__admin/faults`: removes every fault. */
    fun clearFaults() {
        send(AdminOperation.CLEAR_FAULTS, null)
    }

    /** `GET /__admin/counters`: request counters. */
    fun counters(): Counters = decode(AdminOperation.COUNTERS, null) { Counters.from(it as Map<String, Any?>) }

    /** `GET /__admin/requests`: the recorded API requests, oldest first. */
    fun listRequests(): List<RecordedRequest> =
        decode(AdminOperation.LIST_REQUESTS, null) { list -> (list as List<*>).map { RecordedRequest.from(it as Map<String, Any?>) } }

    /** `DELETE /__admin/requests`: forgets the recorded requests. */
    fun clearRequests() {
        send(AdminOperation.CLEAR_REQUESTS, null)
    }

    /** `POST /__admin/clock/advance`: moves the sandbox clock forward (token expiry, due schedules run). */
    fun advanceClock(seconds: Double): ClockState =
        decode(AdminOperation.ADVANCE_CLOCK, mapOf("seconds" to seconds)) {
            val m = it as Map<String, Any?>
            ClockState(m.str("now"), m.double("offset_seconds"))
        }

    /** `POST /__admin/tokens/expire`: every issued token (both providers) expires now. */
    fun expireTokens(): ExpiredTokens =
        decode(AdminOperation.EXPIRE_TOKENS, emptyMap<String, Any?>()) {
            val m = it as Map<String, Any?>
            ExpiredTokens(m.long("expired"), m.long("iamport_expired"))
        }

    /** `POST /__admin/config`: changes the configuration (token lifetime, webhook receiver and format). */
    fun configure(update: ConfigUpdate): SandboxSettings = decode(AdminOperation.CONFIGURE, update.toJson(), parse = ::settings)

    /** `GET /__admin/config`: the configuration in force. */
    fun readConfig(): SandboxSettings = decode(AdminOperation.READ_CONFIG, null, parse = ::settings)

    /** `POST /__admin/reset`: forgets all state, faults, counters, requests and deliveries. */
    fun reset() {
        send(AdminOperation.RESET, emptyMap<String, Any?>())
    }

    /** `GET /__admin/webhooks`: the webhook settings and every delivery with its attempts, oldest first. */
    fun listWebhooks(): Webhooks =
        decode(AdminOperation.LIST_WEBHOOKS, null) {
            val m = it as Map<String, Any?>
            val settings = m.obj("settings")
            Webhooks(
                settings.strOrNull("webhook_url"),
                formatOf(settings.strOrNull("iamport_webhook_format")),
                m.objects("deliveries").map(WebhookDelivery::from),
            )
        }

    /** `POST /__admin/webhooks/{id}/resend`: sends a recorded delivery again, as a new delivery. */
    fun resendWebhook(id: Long): WebhookDelivery =
        decode(AdminOperation.RESEND_WEBHOOK, null, id.toString()) { WebhookDelivery.from(it as Map<String, Any?>) }

    /** `GET /__admin/openapi.json`: the OpenAPI 3.1 document of the admin API, as JSON text. */
    fun openapi(): String = send(AdminOperation.OPENAPI, null)

    // ---- shorthands (no operation of their own) -------------------------------------------------------

    /** Waits until the delivery log has `count` deliveries in a final state (not pending); answers them. */
    @JvmOverloads
    fun awaitDeliveries(count: Int, timeout: Duration = Duration.ofSeconds(30)): List<WebhookDelivery> {
        val deadline = System.nanoTime() + timeout.toNanos()
        while (true) {
            val done = listWebhooks().deliveries.filter { it.state != DeliveryState.PENDING }
            if (done.size >= count) return done
            if (System.nanoTime() > deadline) {
                throw SandboxAdminException(AdminOperation.LIST_WEBHOOKS.operationId, 0, "timed out waiting for $count finished deliveries, got ${done.size}")
            }
            Thread.sleep(20)
        }
    }

    @Suppress("UNCHECKED_CAST")
    private fun settings(it: Any?): SandboxSettings {
        val m = it as Map<String, Any?>
        return SandboxSettings(m.double("token_ttl_secs"), m.strOrNull("webhook_url"), formatOf(m.strOrNull("iamport_webhook_format")))
    }

    @Suppress("UNCHECKED_CAST")
    private fun <T> decode(op: AdminOperation, body: Map<String, Any?>?, vararg args: String, parse: (Any?) -> T): T {
        val text = send(op, body, *args)
        return try {
            parse(SandboxJson.parse(text))
        } catch (e: RuntimeException) {
            throw SandboxAdminException(op.operationId, 0, "unreadable answer (${e.message}): $text", e)
        }
    }

    /** Calls `op` with its `{parameters}` filled in order (each percent-encoded as one segment); the answer's text. */
    private fun send(op: AdminOperation, body: Map<String, Any?>?, vararg args: String): String {
        var i = 0
        val path = op.path.split('/').joinToString("/") { part ->
            if (part.startsWith("{") && part.endsWith("}")) {
                URLEncoder.encode(args[i++], StandardCharsets.UTF_8).replace("+", "%20")
            } else {
                part
            }
        }
        val publisher = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(SandboxJson.write(body))
        val request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(op.method, publisher)
            .build()
        // A pooled keep-alive connection the sandbox already closed (idle) fails once with "connection
        // reset" before the request is read: try again on a fresh connection.
        var attempt = 0
        var response: HttpResponse<String>? = null
        while (response == null) {
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString())
            } catch (e: HttpTimeoutException) {
                // The sandbox may have acted on it: never sent twice.
                throw SandboxAdminException(op.operationId, 0, "no answer from $baseUrl within 30 s", e)
            } catch (e: IOException) {
                if (++attempt >= 3) throw SandboxAdminException(op.operationId, 0, "no answer from $baseUrl: $e", e)
            }
        }
        if (response.statusCode() !in 200..299) throw SandboxAdminException(op.operationId, response.statusCode(), response.body())
        return response.body()
    }
}
