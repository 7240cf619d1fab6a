// The sandbox as a product on the JVM: SandboxServer.startWith(SandboxOptions), the typed admin helpers
// (SandboxAdmin) checked against the OpenAPI document a running sandbox serves, and the SandboxMainKt launcher
// with the flags of the paywire-sandbox binary.

package paywire

import paywire.types.*
import paywire.sandbox.*

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.lang.reflect.Modifier
import java.net.ServerSocket
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxProductTest {
    private lateinit var server: SandboxServer
    private lateinit var admin: SandboxAdmin

    @BeforeAll
    fun start() {
        server = SandboxServer.start()
        admin = SandboxAdmin(server)
    }

    @AfterAll
    fun stop() {
        server.stop()
    }

    @Test
    fun `every documented admin operation has exactly one helper, and every helper is documented`() {
        @Suppress("UNCHECKED_CAST")
        val doc = SandboxJson.parse(admin.openapi()) as Map<String, Any?>
        assertEquals("3.1.0", doc["openapi"])
        val documented = doc.obj("paths").flatMap { (path, item) ->
            (item as Map<*, *>).filterKeys { it in setOf("get", "post", "put", "patch", "delete") }.map { (method, op) ->
                Triple((op as Map<*, *>)["operationId"] as String, method.toString().uppercase(), path)
            }
        }.toSet()
        val table = AdminOperation.entries.map { Triple(it.operationId, it.method, it.path) }
        assertEquals(table.size, table.toSet().size, "an operation is declared twice")
        assertEquals(documented, table.toSet())

        // Each row names a public method of SandboxAdmin, and each public method is a row (or a shorthand).
        val shorthands = setOf("awaitDeliveries", "getBaseUrl")
        val methods = SandboxAdmin::class.java.declaredMethods
            .filter { Modifier.isPublic(it.modifiers) && !it.isSynthetic && !it.name.contains('$') }
            .map { it.name }
            .toSet()
        assertEquals(AdminOperation.entries.map { it.operationId }.toSet(), methods - shorthands)
    }

    @Test
    fun `helpers seed payments of both providers, deposit, move the clock and read what happened`() = runBlocking {
        admin.reset()
        val paid = admin.createBootpayReceipt(NewBootpayReceipt.paid(1_000).withOrderId("order-admin-1"))
        assertEquals(1, paid.status)
        assertEquals("order-admin-1", paid.orderId)
        assertEquals(1_000L, paid.price)
        assertTrue(paid.rawJson.contains("\"receipt_id\":\"${paid.receiptId}\""), paid.rawJson)
        val waiting = admin.createBootpayReceipt(
            NewBootpayReceipt(2_000, BootpayReceiptStatus.AWAITING_CONFIRM, metadataJson = """{"cart":"c-1"}"""),
        )
        assertEquals(2, waiting.status)
        val vbank = admin.createBootpayReceipt(NewBootpayReceipt.virtualAccount(3_000))
        assertEquals(5, vbank.status)
        assertEquals(1, admin.depositBootpayVbank(vbank.receiptId).status)
        val refused = assertThrows<SandboxAdminException> { admin.depositBootpayVbank(vbank.receiptId) }
        assertEquals(400, refused.status)
        assertEquals("depositBootpayVbank", refused.operation)
        assertEquals("price", assertThrows<SandboxAdminException> { admin.createBootpayReceipt(NewBootpayReceipt.paid(-1)) }.field)
        val payload = parseBootpayWebhook(admin.bootpayWebhookPayload(paid.receiptId).toByteArray(), "application/json")
        assertEquals(WebhookType.PaymentCompleted, payload.event)

        val card = admin.createIamportPayment(NewIamportPayment.paid(4_000.0))
        assertEquals("paid", card.status)
        assertEquals(4_000.0, card.amount)
        val ready = admin.createIamportPayment(NewIamportPayment.virtualAccount(5_000.0).withMerchantUid("order-admin-vb"))
        assertEquals("ready", ready.status)
        assertEquals("order-admin-vb", ready.merchantUid)
        assertEquals("paid", admin.depositIamportVbank(ready.impUid).status)
        val failed = admin.createIamportPayment(NewIamportPayment.failed(6_000.0, "카드 한도 초과"))
        assertEquals("failed", failed.status)
        assertEquals(PaymentStatus.Failed, parseIamportWebhook(admin.iamportWebhookPayload(failed.impUid).toByteArray(), "application/json").status)

        // Requests, counters, clock, tokens, faults.
        val bootpay = Bootpay(BootpayConfig(applicationId = APPLICATION_ID, privateKey = PRIVATE_KEY, baseUrl = server.bootpayUrl()))
        val iamport = Iamport(IamportConfig(impKey = IMP_KEY, impSecret = IMP_SECRET, baseUrl = server.iamportUrl()))
        try {
            assertEquals("order-admin-1", bootpay.getReceipt(paid.receiptId, false).orderId)
            assertEquals(4_000.0, iamport.getPayment(card.impUid, false).amount)
            val counters = admin.counters()
            assertEquals(1L, counters.tokenRequests)
            assertEquals(1L, counters.iamportTokenRequests)
            assertEquals(1L, counters.route("GET receipt/{receipt_id}"))
            assertEquals(0L, counters.route("GET nothing"))
            val requests = admin.listRequests()
            assertEquals(listOf("bootpay", "bootpay", "iamport", "iamport"), requests.map { it.provider })
            assertEquals("receipt/${paid.receiptId}", requests[1].path)
            assertEquals(200, requests[1].status)
            admin.clearRequests()
            assertEquals(emptyList<RecordedRequest>(), admin.listRequests())

            val clock = admin.advanceClock(3_600.0)
            assertTrue(clock.offsetSeconds >= 3_600.0, "$clock")
            val expired = admin.expireTokens()
            assertEquals(1L, expired.expired)
            assertEquals(1L, expired.iamportExpired)

            val fault = admin.addFault(FaultSpec.bootpay("receipt/*").withMethod("GET").withStatus(503).withTimes(1))
            assertEquals(FaultProvider.BOOTPAY, fault.spec.provider)
            assertEquals(503, fault.spec.status)
            assertEquals(listOf(fault.id), admin.listFaults().map { it.id })
            val iamportFault = admin.addFault(FaultSpec.fromJson("""{"provider":"iamport","path":"payments/*","latency_ms":1,"body":{"a":[1]}}"""))
            assertEquals(FaultProvider.IAMPORT, iamportFault.spec.provider)
            assertEquals("""{"a":[1]}""", iamportFault.spec.bodyJson)
            assertEquals(2, admin.listFaults().size)
            admin.clearFaults()
            assertEquals(emptyList<Fault>(), admin.listFaults())
            assertThrows<IllegalArgumentException> { FaultSpec.fromJson("""{"path":"x","bogus":1}""") }
            assertThrows<IllegalArgumentException> { admin.createBootpayReceipt(NewBootpayReceipt(1, metadataJson = "{not json")) }

            val ttl = admin.configure(ConfigUpdate(tokenTtlSecs = 60.0))
            assertEquals(60.0, ttl.tokenTtlSecs)
            assertEquals(60.0, admin.readConfig().tokenTtlSecs)
        } finally {
            bootpay.close()
            iamport.close()
        }
        admin.reset()
        assertEquals(0L, admin.counters().tokenRequests)
        assertEquals(0, admin.listWebhooks().deliveries.size)
    }

    @Test
    fun `SandboxOptions choose the port, and bad options name the field before anything is bound`() {
        val port = ServerSocket(0).use { it.localPort }
        val fixed = SandboxServer.startWith(SandboxOptions(port = port.toUShort()))
        try {
            assertEquals("http://127.0.0.1:$port", fixed.url())
            assertEquals(port.toUShort(), fixed.port())
            assertEquals(0, SandboxAdmin(fixed.url()).listWebhooks().deliveries.size)
            // The port is taken now: a typed Bind error naming the address, readable as one sentence.
            val busy = assertThrows<SandboxException.Bind> { SandboxServer.startWith(SandboxOptions(port = port.toUShort())) }
            assertEquals("127.0.0.1:$port", busy.address)
            assertTrue(busy.toString().startsWith("the sandbox could not listen on 127.0.0.1:$port: "), busy.toString())
        } finally {
            fixed.stop()
        }
        val host = assertThrows<SandboxException.InvalidInput> { SandboxServer.startWith(SandboxOptions(host = "localhost")) }
        assertEquals("host", host.field)
        assertTrue(host.toString().startsWith("invalid input: host must be an IP address"), host.toString())
        for (url in listOf("ftp://x/hook", "http://", "not a url", "http://h\uD800/x")) {
            val bad = assertThrows<SandboxException.InvalidInput> { SandboxServer.startWith(SandboxOptions(webhookUrl = url)) }
            assertEquals("webhook_url", bad.field)
        }
        val credentials = server.credentials()
        assertEquals(CLIENT_KEY, credentials.clientKey)
        assertEquals(IMP_SECRET, credentials.impSecret)
        assertEquals(OTP, credentials.otp)
        assertThrows<IllegalArgumentException> { SandboxAdmin("ftp://127.0.0.1:1") }
    }

    @Test
    fun `the command line is read by the binary's own parser`() {
        val run = parseSandboxArgs(
            "paywire-sandbox",
            listOf("--host", "0.0.0.0", "--port=8765", "--webhook-url", "http://127.0.0.1:9/hook", "--iamport-webhook-format", "form", "--log-format", "json"),
        ) as SandboxCommand.Run
        assertEquals(SandboxOptions("0.0.0.0", 8765u, "http://127.0.0.1:9/hook", IamportFormat.FORM), run.options)
        assertTrue(run.jsonLogs)
        // Without flags: the launcher's port, and no format (JSON), as SandboxOptions() has it.
        val plain = parseSandboxArgs("paywire-sandbox", listOf("--addr", "[::1]:7879")) as SandboxCommand.Run
        assertEquals(SandboxOptions(host = "::1", port = 7879u), plain.options)
        assertFalse(plain.jsonLogs)
        val help = parseSandboxArgs("paywire-sandbox", listOf("--help")) as SandboxCommand.Help
        assertTrue(help.usage.startsWith("usage: paywire-sandbox [--host HOST] [--port PORT]"), help.usage)
        for ((args, flag) in listOf(
            listOf("--port", "70000") to "--port",
            listOf("--webhook-url", "ftp://x") to "--webhook-url",
            listOf("--log-format", "xml") to "--log-format",
            listOf("--host", "localhost") to "--host",
            listOf("--bogus") to "--bogus",
        )) {
            val invalid = parseSandboxArgs("paywire-sandbox", args) as SandboxCommand.Invalid
            assertTrue(invalid.message.contains(flag), invalid.message)
        }
    }

    @Test
    fun `SandboxMainKt starts a sandbox with the flags, prints URLs and credentials, and refuses bad flags`() {
        val port = ServerSocket(0).use { it.localPort }
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        var started: SandboxServer? = null
        val status = runSandboxMain(
            listOf("--port", port.toString(), "--webhook-url", "http://127.0.0.1:9/hook"),
            PrintStream(out, true, "UTF-8"),
            PrintStream(err, true, "UTF-8"),
            block = false,
        ) { started = it }
        try {
            assertEquals(0, status, err.toString("UTF-8"))
            val banner = out.toString("UTF-8")
            val url = "http://127.0.0.1:$port"
            assertTrue(banner.startsWith("paywire-sandbox listening on $url\n"), banner)
            assertTrue(banner.contains("Bootpay base_url: $url/v2"), banner)
            assertTrue(banner.contains("iamport base_url: $url/iamport"), banner)
            assertTrue(banner.contains("client_key=$CLIENT_KEY secret_key=$SECRET_KEY"), banner)
            assertTrue(banner.contains("imp_key=$IMP_KEY imp_secret=$IMP_SECRET"), banner)
            assertTrue(banner.contains("webhooks go to http://127.0.0.1:9/hook"), banner)
            // It is serving: the dashboard answers, and the admin API has the receiver configured.
            val page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("$url/")).build(),
                HttpResponse.BodyHandlers.ofString(),
            )
            assertEquals(200, page.statusCode())
            assertEquals("http://127.0.0.1:9/hook", SandboxAdmin(url).readConfig().webhookUrl)
        } finally {
            started?.stop()
        }

        val badErr = ByteArrayOutputStream()
        val bad = runSandboxMain(listOf("--port", "x"), PrintStream(ByteArrayOutputStream()), PrintStream(badErr, true, "UTF-8"), block = false)
        assertEquals(2, bad)
        assertTrue(badErr.toString("UTF-8").contains("--port must be 0-65535"), badErr.toString("UTF-8"))
        val helpOut = ByteArrayOutputStream()
        assertEquals(0, runSandboxMain(listOf("-h"), PrintStream(helpOut, true, "UTF-8"), PrintStream(ByteArrayOutputStream()), block = false))
        assertTrue(helpOut.toString("UTF-8").contains("--iamport-webhook-format json|form"))
        assertFalse(started == null)
        assertNull(runCatching { started!!.stop() }.exceptionOrNull(), "stop is idempotent")
    }
}
