@file:Suppress("UNCHECKED_CAST")

// Inputs and answers of the sandbox admin API (SandboxAdmin), as the OpenAPI document the sandbox serves at
// /__admin/openapi.json describes them. Unmodelled JSON (metadata, payloads, the whole answer) is kept as
// JSON text in the `...Json` fields.

package paywire

import paywire.types.*
import paywire.sandbox.*

/** An admin call failed: the sandbox answered `status` (0: no answer or an unreadable one) with `body`. */
class SandboxAdminException(
    /** The operation ([AdminOperation.operationId]). */
    val operation: String,
    /** The HTTP status; 0 when there was no answer or it could not be read. */
    val status: Int,
    /** The answer's body (the sandbox's JSON error: `error_code`, `message`, `field`), or what went wrong. */
    val body: String,
    cause: Throwable? = null,
) : RuntimeException("admin $operation: " + (if (status == 0) body else "HTTP $status: $body"), cause) {
    /** The input the sandbox refused (`field` of its 400 answer), when it named one. */
    val field: String?
        get() = runCatching { (SandboxJson.parse(body) as? Map<*, *>)?.get("field") as? String }.getOrNull()
}

/** The status of a receipt seeded with [SandboxAdmin.createBootpayReceipt] (Bootpay's numeric code). */
enum class BootpayReceiptStatus(
    /** Bootpay's code. */
    val code: Int,
) {
    /** 1: paid. */
    PAID(1),

    /** 2: authorised, awaiting the merchant's server confirm. */
    AWAITING_CONFIRM(2),

    /** 5: a virtual account was issued; waiting for the deposit ([SandboxAdmin.depositBootpayVbank]). */
    VIRTUAL_ACCOUNT_ISSUED(5),

    /** 20: cancelled. */
    CANCELLED(20),
}

/**
 * Input of [SandboxAdmin.createBootpayReceipt]: a receipt as if a customer had gone through checkout. `null`
 * fields take the sandbox's defaults (a random order id, a card; `vbank` for a virtual account).
 *
 * ```kotlin
 * val receipt = admin.createBootpayReceipt(NewBootpayReceipt.virtualAccount(50_000).withOrderId("order-7"))
 * ```
 */
data class NewBootpayReceipt @JvmOverloads constructor(
    /** Amount in KRW. */
    val price: Long,
    /** Paid (default), awaiting confirm, virtual account issued, cancelled. */
    val status: BootpayReceiptStatus = BootpayReceiptStatus.PAID,
    /** Tax-free part of `price`. */
    val taxFree: Long? = null,
    /** The merchant's order id. */
    val orderId: String? = null,
    /** What was bought. */
    val orderName: String? = null,
    /** PG name. */
    val pg: String? = null,
    /** Payment method (`card`, `vbank`, …). */
    val method: String? = null,
    /** Merchant metadata: a JSON object, as text. */
    val metadataJson: String? = null,
    /** The buyer: a JSON object, as text (`{"username": …}`). */
    val userJson: String? = null,
    /** Receiver of this order's webhooks instead of the sandbox-wide one. */
    val webhookUrl: String? = null,
) {
    /** The same receipt with this order id. */
    fun withOrderId(orderId: String): NewBootpayReceipt = copy(orderId = orderId)

    /** The same receipt with its own webhook receiver. */
    fun withWebhookUrl(url: String): NewBootpayReceipt = copy(webhookUrl = url)

    internal fun toJson(): Map<String, Any?> =
        linkedMapOf<String, Any?>("price" to price, "status" to status.code).apply {
            taxFree?.let { put("tax_free", it) }
            orderId?.let { put("order_id", it) }
            orderName?.let { put("order_name", it) }
            pg?.let { put("pg", it) }
            method?.let { put("method", it) }
            metadataJson?.let { put("metadata", rawJson("metadataJson", it)) }
            userJson?.let { put("user", rawJson("userJson", it)) }
            webhookUrl?.let { put("webhook_url", it) }
        }

    /** Shorthands. */
    companion object {
        /** A paid card receipt. */
        @JvmStatic fun paid(price: Long): NewBootpayReceipt = NewBootpayReceipt(price)

        /** An authorised card receipt waiting for the merchant's confirm. */
        @JvmStatic fun awaitingConfirm(price: Long): NewBootpayReceipt =
            NewBootpayReceipt(price, BootpayReceiptStatus.AWAITING_CONFIRM)

        /** A receipt whose virtual account was issued (deposit it with [SandboxAdmin.depositBootpayVbank]). */
        @JvmStatic fun virtualAccount(price: Long): NewBootpayReceipt =
            NewBootpayReceipt(price, BootpayReceiptStatus.VIRTUAL_ACCOUNT_ISSUED)
    }
}

/** The keys a test usually needs of a Bootpay receipt, and the whole answer (REST v2 shape) in [rawJson]. */
data class BootpayReceipt(
    /** Bootpay's id. */
    val receiptId: String,
    /** The merchant's order id. */
    val orderId: String,
    /** Amount. */
    val price: Long,
    /** Status code (1 paid, 2 awaiting confirm, 5 virtual account issued, 20 cancelled, …). */
    val status: Int,
    /** The whole answer, as JSON text. */
    val rawJson: String,
) {
    internal companion object {
        fun from(m: Map<String, Any?>) =
            BootpayReceipt(m.str("receipt_id"), m.str("order_id"), m.long("price"), m.long("status").toInt(), SandboxJson.write(m))
    }
}

/** The status of a payment seeded with [SandboxAdmin.createIamportPayment]. */
enum class IamportPaymentStatus(
    /** As iamport writes it. */
    val wire: String,
) {
    /** `paid`. */
    PAID("paid"),

    /** `ready`: a virtual account waiting for the deposit. */
    READY("ready"),

    /** `failed`. */
    FAILED("failed"),

    /** `cancelled`. */
    CANCELLED("cancelled"),
}

/**
 * Input of [SandboxAdmin.createIamportPayment]: a payment as if the customer had used iamport's browser
 * window. `null` fields take the sandbox's defaults.
 *
 * ```kotlin
 * val ready = admin.createIamportPayment(NewIamportPayment.virtualAccount(9_900.0).withMerchantUid("order-9"))
 * ```
 */
data class NewIamportPayment @JvmOverloads constructor(
    /** Amount. */
    val amount: Double,
    /** `paid` (default), `ready`, `failed`, `cancelled`. */
    val status: IamportPaymentStatus = IamportPaymentStatus.PAID,
    /** The merchant's order id. */
    val merchantUid: String? = null,
    /** `card` by default; `vbank` for a virtual account. */
    val payMethod: String? = null,
    /** PG. */
    val pgProvider: String? = null,
    /** `KRW` by default. */
    val currency: String? = null,
    /** What was bought. */
    val name: String? = null,
    /** Buyer's name. */
    val buyerName: String? = null,
    /** Buyer's e-mail. */
    val buyerEmail: String? = null,
    /** Buyer's phone. */
    val buyerTel: String? = null,
    /** Buyer's address. */
    val buyerAddr: String? = null,
    /** Buyer's postcode. */
    val buyerPostcode: String? = null,
    /** Merchant data kept with the payment. */
    val customData: String? = null,
    /** Tax-free part of `amount`. */
    val taxFree: Double? = null,
    /** Escrow payment. */
    val escrow: Boolean? = null,
    /** Bank of the virtual account (`088` by default). */
    val vbankCode: String? = null,
    /** Why a `failed` payment failed. */
    val failReason: String? = null,
    /** Receivers of this merchant_uid's webhooks (each gets every webhook). */
    val noticeUrls: List<String> = emptyList(),
) {
    /** The same payment with this order id. */
    fun withMerchantUid(merchantUid: String): NewIamportPayment = copy(merchantUid = merchantUid)

    /** The same payment with one more webhook receiver for its order. */
    fun withNoticeUrl(url: String): NewIamportPayment = copy(noticeUrls = noticeUrls + url)

    internal fun toJson(): Map<String, Any?> =
        linkedMapOf<String, Any?>("amount" to amount, "status" to status.wire).apply {
            merchantUid?.let { put("merchant_uid", it) }
            payMethod?.let { put("pay_method", it) }
            pgProvider?.let { put("pg_provider", it) }
            currency?.let { put("currency", it) }
            name?.let { put("name", it) }
            buyerName?.let { put("buyer_name", it) }
            buyerEmail?.let { put("buyer_email", it) }
            buyerTel?.let { put("buyer_tel", it) }
            buyerAddr?.let { put("buyer_addr", it) }
            buyerPostcode?.let { put("buyer_postcode", it) }
            customData?.let { put("custom_data", it) }
            taxFree?.let { put("tax_free", it) }
            escrow?.let { put("escrow", it) }
            vbankCode?.let { put("vbank_code", it) }
            failReason?.let { put("fail_reason", it) }
            if (noticeUrls.isNotEmpty()) put("notice_url", noticeUrls)
        }

    /** Shorthands. */
    companion object {
        /** A paid card payment. */
        @JvmStatic fun paid(amount: Double): NewIamportPayment = NewIamportPayment(amount)

        /** A virtual account waiting for the deposit (`ready`, `vbank`; deposit it with [SandboxAdmin.depositIamportVbank]). */
        @JvmStatic fun virtualAccount(amount: Double): NewIamportPayment =
            NewIamportPayment(amount, IamportPaymentStatus.READY, payMethod = "vbank")

        /** A failed card payment. */
        @JvmStatic fun failed(amount: Double, reason: String): NewIamportPayment =
            NewIamportPayment(amount, IamportPaymentStatus.FAILED, failReason = reason)
    }
}

/** The keys a test usually needs of an iamport payment, and the whole answer in [rawJson]. */
data class IamportPayment(
    /** iamport's id. */
    val impUid: String,
    /** The merchant's order id. */
    val merchantUid: String,
    /** Amount. */
    val amount: Double,
    /** `paid`, `ready`, `failed`, `cancelled`. */
    val status: String,
    /** The whole answer, as JSON text. */
    val rawJson: String,
) {
    internal companion object {
        fun from(m: Map<String, Any?>) =
            IamportPayment(m.str("imp_uid"), m.str("merchant_uid"), m.double("amount"), m.str("status"), SandboxJson.write(m))
    }
}

/** Which emulated API a fault applies to. */
enum class FaultProvider(
    /** As the admin API writes it. */
    val wire: String,
) {
    /** `/v2/...`. */
    BOOTPAY("bootpay"),

    /** `/iamport/...`. */
    IAMPORT("iamport"),
    ;

    internal companion object {
        fun of(wire: String?): FaultProvider = entries.firstOrNull { it.wire == wire } ?: BOOTPAY
    }
}

/**
 * Input of [SandboxAdmin.addFault] (docs/SANDBOX.md, "Order of the layers"): what to match (`provider`,
 * `method`, `path` relative to the API root, `*` one segment, `**` the rest) and what to do.
 *
 * ```kotlin
 * admin.addFault(FaultSpec.bootpay("cancel").withMethod("POST").withStatus(503).withTimes(1))
 * ```
 */
data class FaultSpec @JvmOverloads constructor(
    /** The API. */
    val provider: FaultProvider = FaultProvider.BOOTPAY,
    /** Path pattern relative to the API root. */
    val path: String,
    /** HTTP method to match (any when null). */
    val method: String? = null,
    /** Wait before answering. */
    val latencyMs: Long? = null,
    /** Status of the replacement answer. */
    val status: Int? = null,
    /** Body of the replacement answer: JSON text. */
    val bodyJson: String? = null,
    /** Extra answer headers. */
    val headers: Map<String, String> = emptyMap(),
    /** Answer an HTML 502 page. */
    val nonJson: Boolean = false,
    /** Send the head, then cut the body. */
    val drop: Boolean = false,
    /** Run the handler first (state changes), then the fault. */
    val after: Boolean = false,
    /** How many requests it hits (all when null). */
    val times: Long? = null,
) {
    /** Only requests with this method. */
    fun withMethod(method: String): FaultSpec = copy(method = method)

    /** Answer this status. */
    fun withStatus(status: Int): FaultSpec = copy(status = status)

    /** Answer this JSON body. */
    fun withBodyJson(json: String): FaultSpec = copy(bodyJson = json)

    /** Wait this long first. */
    fun withLatencyMs(ms: Long): FaultSpec = copy(latencyMs = ms)

    /** Hit only this many requests. */
    fun withTimes(times: Long): FaultSpec = copy(times = times)

    /** Let the handler run first. */
    fun runAfter(): FaultSpec = copy(after = true)

    /** Cut the answer's body. */
    fun dropBody(): FaultSpec = copy(drop = true)

    internal fun toJson(): Map<String, Any?> =
        linkedMapOf<String, Any?>("provider" to provider.wire, "path" to path).apply {
            method?.let { put("method", it) }
            latencyMs?.let { put("latency_ms", it) }
            status?.let { put("status", it) }
            bodyJson?.let { put("body", rawJson("bodyJson", it)) }
            if (headers.isNotEmpty()) put("headers", headers)
            if (nonJson) put("non_json", true)
            if (drop) put("drop", true)
            if (after) put("after", true)
            times?.let { put("times", it) }
        }

    /** Shorthands. */
    companion object {
        /** A fault on a Bootpay path. */
        @JvmStatic fun bootpay(path: String): FaultSpec = FaultSpec(FaultProvider.BOOTPAY, path)

        /** A fault on an iamport path. */
        @JvmStatic fun iamport(path: String): FaultSpec = FaultSpec(FaultProvider.IAMPORT, path)

        /**
         * A spec written as the admin API's JSON (`{"method":"POST","path":"cancel","status":503}`), e.g. from
         * a fixture file; an unknown key or a missing `path` is an [IllegalArgumentException].
         */
        @JvmStatic fun fromJson(json: String): FaultSpec {
            val m = SandboxJson.parse(json) as? Map<String, Any?> ?: throw IllegalArgumentException("a fault spec is a JSON object")
            val known = setOf("provider", "method", "path", "latency_ms", "status", "body", "headers", "non_json", "drop", "after", "times")
            val unknown = m.keys - known
            require(unknown.isEmpty()) { "unknown fault spec keys: $unknown" }
            return FaultSpec(
                provider = FaultProvider.of(m.strOrNull("provider")),
                path = m.str("path"),
                method = m.strOrNull("method"),
                latencyMs = m.longOrNull("latency_ms"),
                status = m.longOrNull("status")?.toInt(),
                bodyJson = if (m["body"] == null) null else m.json("body"),
                headers = m.stringMap("headers"),
                nonJson = m.bool("non_json"),
                drop = m.bool("drop"),
                after = m.bool("after"),
                times = m.longOrNull("times"),
            )
        }
    }
}

/** A fault as stored: its spec, its id, and the requests it still hits. */
data class Fault(
    /** Its id. */
    val id: Long,
    /** The spec, `times` being what is left. */
    val spec: FaultSpec,
) {
    internal companion object {
        fun from(m: Map<String, Any?>) = Fault(m.long("id"), FaultSpec.fromJson(SandboxJson.write(m - "id")))
    }
}

/** Request counters ([SandboxAdmin.counters]). */
data class Counters(
    /** Bootpay `request/token` calls. */
    val tokenRequests: Long,
    /** iamport `users/getToken` calls. */
    val iamportTokenRequests: Long,
    /** Per route key (`"POST cancel"`, `"iamport:POST payments/cancel"`): how many requests. */
    val requests: Map<String, Long>,
) {
    /** How many requests `route` had (0 when none). */
    fun route(route: String): Long = requests[route] ?: 0

    internal companion object {
        fun from(m: Map<String, Any?>) = Counters(
            m.long("token_requests"),
            m.long("iamport_token_requests"),
            (m["requests"] as? Map<*, *>)?.entries?.associate { (k, v) -> k.toString() to ((v as? Number)?.toLong() ?: 0) }
                ?: emptyMap(),
        )
    }
}

/** One recorded API request ([SandboxAdmin.listRequests]). */
data class RecordedRequest(
    /** `bootpay` or `iamport`. */
    val provider: String,
    /** HTTP method. */
    val method: String,
    /** Path relative to the API root. */
    val path: String,
    /** The query, as JSON text (`null` when none). */
    val queryJson: String,
    /** Request headers (secrets redacted by the sandbox). */
    val headers: Map<String, String>,
    /** The parsed JSON (or form) body, as JSON text (`null` when none or unreadable). */
    val bodyJson: String,
    /** The raw body, when it was cut. */
    val rawBody: String?,
    /** Whether the body was cut. */
    val bodyTruncated: Boolean,
    /** Answer status (null while unanswered). */
    val status: Int?,
    /** Time to answer. */
    val durationMs: Double?,
    /** Sandbox time received (RFC 3339). */
    val at: String,
) {
    internal companion object {
        fun from(m: Map<String, Any?>) = RecordedRequest(
            m.str("provider"), m.str("method"), m.str("path"), m.json("query"), m.stringMap("headers"), m.json("body"),
            m.strOrNull("raw_body"), m.bool("body_truncated"), m.longOrNull("status")?.toInt(), m.doubleOrNull("duration_ms"),
            m.strOrNull("at") ?: "",
        )
    }
}

/** The sandbox clock after [SandboxAdmin.advanceClock]. */
data class ClockState(
    /** Sandbox time now (RFC 3339). */
    val now: String,
    /** How far ahead of the real clock it is. */
    val offsetSeconds: Double,
)

/** How many tokens [SandboxAdmin.expireTokens] expired. */
data class ExpiredTokens(
    /** Bootpay tokens. */
    val expired: Long,
    /** iamport tokens. */
    val iamportExpired: Long,
)

/**
 * Input of [SandboxAdmin.configure]; `null` fields stay as they are. `removeWebhookUrl = true` removes the
 * sandbox-wide receiver (`webhookUrl` must then be null).
 *
 * ```kotlin
 * admin.configure(ConfigUpdate(webhookUrl = "http://127.0.0.1:9000/hook"))
 * ```
 */
data class ConfigUpdate @JvmOverloads constructor(
    /** Lifetime of tokens issued from now on (both providers). */
    val tokenTtlSecs: Double? = null,
    /** Sets the sandbox-wide webhook receiver. */
    val webhookUrl: String? = null,
    /** Removes the sandbox-wide webhook receiver. */
    val removeWebhookUrl: Boolean = false,
    /** Encoding of iamport webhooks. */
    val iamportWebhookFormat: IamportFormat? = null,
) {
    init {
        require(!(removeWebhookUrl && webhookUrl != null)) { "webhookUrl: set it or remove it, not both" }
    }

    internal fun toJson(): Map<String, Any?> = linkedMapOf<String, Any?>().apply {
        tokenTtlSecs?.let { put("token_ttl_secs", it) }
        if (removeWebhookUrl) put("webhook_url", null)
        webhookUrl?.let { put("webhook_url", it) }
        iamportWebhookFormat?.let { put("iamport_webhook_format", formatName(it)) }
    }
}

/** The configuration in force ([SandboxAdmin.readConfig], [SandboxAdmin.configure]). */
data class SandboxSettings(
    /** Lifetime of tokens issued from now on. */
    val tokenTtlSecs: Double,
    /** The sandbox-wide webhook receiver. */
    val webhookUrl: String?,
    /** Encoding of iamport webhooks. */
    val iamportWebhookFormat: IamportFormat,
)

/** Where a webhook delivery is. */
enum class DeliveryState {
    /** Attempts still to come. */
    PENDING,

    /** The receiver accepted it (HTTP 2xx). */
    DELIVERED,

    /** Retries ran out. */
    FAILED,

    /** The queue was full; never sent. */
    DROPPED,
}

/** One attempt of a delivery. */
data class DeliveryAttempt(
    /** 1 for the first. */
    val attempt: Int,
    /** The receiver's HTTP status (null: no answer). */
    val status: Int?,
    /** The receiver's answer (first 4 KiB). */
    val answer: String?,
    /** Why there was no answer. */
    val error: String?,
    /** Whether the receiver accepted it. */
    val accepted: Boolean,
    /** How long the attempt took. */
    val durationMs: Double,
    /** Sandbox time. */
    val at: String,
)

/** One webhook to one receiver, with every attempt. */
data class WebhookDelivery(
    /** Its id ([SandboxAdmin.resendWebhook]). */
    val id: Long,
    /** `bootpay` or `iamport`. */
    val provider: String,
    /** `webhook_type` (Bootpay) or `status` (iamport). */
    val event: String,
    /** Receipt id or imp_uid. */
    val paymentId: String,
    /** Receiver. */
    val url: String,
    /** `application/json` or `application/x-www-form-urlencoded`. */
    val contentType: String,
    /** The body, as JSON text. */
    val payloadJson: String,
    /** Where it is. */
    val state: DeliveryState,
    /** Every attempt so far. */
    val attempts: List<DeliveryAttempt>,
    /** Sandbox time created. */
    val createdAt: String,
    /** The delivery this one resends. */
    val resendOf: Long?,
) {
    internal companion object {
        fun from(m: Map<String, Any?>) = WebhookDelivery(
            m.long("id"), m.str("provider"), m.str("event"), m.str("payment_id"), m.str("url"), m.str("content_type"),
            m.json("payload"), DeliveryState.valueOf(m.str("state").uppercase()),
            m.objects("attempts").map {
                DeliveryAttempt(
                    it.long("attempt").toInt(), it.longOrNull("status")?.toInt(), it.strOrNull("answer"), it.strOrNull("error"),
                    it.bool("accepted"), it.double("duration_ms"), it.strOrNull("at") ?: "",
                )
            },
            m.strOrNull("created_at") ?: "", m.longOrNull("resend_of"),
        )
    }
}

/** Webhook settings and deliveries, oldest first ([SandboxAdmin.listWebhooks]). */
data class Webhooks(
    /** The sandbox-wide receiver. */
    val webhookUrl: String?,
    /** Encoding of iamport webhooks. */
    val iamportWebhookFormat: IamportFormat,
    /** Deliveries (the last 1,000). */
    val deliveries: List<WebhookDelivery>,
)

internal fun formatName(f: IamportFormat): String = if (f == IamportFormat.FORM) "form" else "json"

internal fun formatOf(name: String?): IamportFormat =
    if (name == "form") IamportFormat.FORM else IamportFormat.JSON

private fun rawJson(field: String, text: String): RawJson {
    try {
        SandboxJson.parse(text)
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("$field is not JSON: ${e.message}", e)
    }
    return RawJson(text)
}
