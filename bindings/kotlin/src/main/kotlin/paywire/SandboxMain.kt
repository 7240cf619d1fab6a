@file:JvmName("SandboxMainKt")

// `paywire.SandboxMainKt`: the sandbox as a JVM program, with the flags of the `paywire-sandbox` binary (read
// by the binary's own parser, through paywire.sandbox.parseSandboxArgs):
//
//   java -cp paywire.jar:jna.jar:kotlin-stdlib.jar paywire.SandboxMainKt --port 8765 --webhook-url URL
//   mvn -q -f bindings/kotlin exec:java -Dexec.mainClass=paywire.SandboxMainKt -Dexec.args="--port 8765"

package paywire

import paywire.types.*
import paywire.sandbox.*

import java.io.PrintStream
import java.util.concurrent.CountDownLatch
import kotlin.system.exitProcess

/**
 * Runs a sandbox until the JVM is interrupted (Ctrl-C, SIGTERM: a shutdown hook stops it):
 * `[--host HOST] [--port PORT] [--addr HOST:PORT] [--webhook-url URL] [--iamport-webhook-format json|form]
 * [--log-format plain|json]`, the address defaulting to `PAYWIRE_SANDBOX_ADDR`, else `127.0.0.1:7878`.
 * Prints the URLs and credentials, then one access-log line per request on stdout. Exit status 2 for bad
 * flags, 1 when it cannot listen.
 */
fun main(args: Array<String>) {
    val status = runSandboxMain(args.toList(), System.out, System.err, block = true)
    if (status != 0) exitProcess(status)
}

/**
 * The body of [main]: parses `args`, starts the sandbox and prints the banner on `out`. With `block`, waits
 * until the JVM shuts down; without, answers as soon as the banner is printed and hands the running server
 * to `started` (for tests and embedding). Answers the exit status.
 */
@JvmOverloads
fun runSandboxMain(
    args: List<String>,
    out: PrintStream,
    err: PrintStream,
    block: Boolean,
    started: (SandboxServer) -> Unit = {},
): Int {
    val options: SandboxOptions
    when (val command = parseSandboxArgs("paywire-sandbox", args)) {
        is SandboxCommand.Help -> {
            out.println(command.usage)
            return 0
        }
        is SandboxCommand.Invalid -> {
            err.println(command.message)
            return 2
        }
        is SandboxCommand.Run -> {
            options = command.options
            if (block) sandboxInitAccessLog(command.jsonLogs)
        }
    }
    val server = try {
        SandboxServer.startWith(options)
    } catch (e: SandboxException) {
        // toString() is the error's one sentence (its Rust Display), naming the address or the field.
        err.println("paywire-sandbox: $e")
        return if (e is SandboxException.InvalidInput) 2 else 1
    }
    printBanner(server, options.webhookUrl, out)
    started(server)
    if (block) {
        val stopped = CountDownLatch(1)
        Runtime.getRuntime().addShutdownHook(
            Thread {
                server.stop()
                out.println("paywire-sandbox stopped")
                out.flush()
                stopped.countDown()
            },
        )
        stopped.await()
    }
    return 0
}

private fun printBanner(server: SandboxServer, webhookUrl: String?, out: PrintStream) {
    val url = server.url()
    val c = server.credentials()
    out.println("paywire-sandbox listening on $url")
    out.println("dashboard: $url/")
    out.println("admin API: $url/__admin/ (OpenAPI: $url/__admin/openapi.json)")
    out.println("Bootpay base_url: ${server.bootpayUrl()}")
    out.println("  application_id=${c.applicationId} private_key=${c.privateKey}")
    out.println("  client_key=${c.clientKey} secret_key=${c.secretKey}")
    out.println("iamport base_url: ${server.iamportUrl()}")
    out.println("  imp_key=${c.impKey} imp_secret=${c.impSecret}")
    out.println("OTP for identity authentication: ${c.otp}")
    out.println(if (webhookUrl != null) "webhooks go to $webhookUrl" else "webhooks: no receiver (--webhook-url)")
    out.println("Ctrl-C stops it.")
    out.flush()
}

/**
 * [SandboxOptions] for Java, whose callers cannot pass Kotlin's `UShort` port:
 * `SandboxServer.Companion.startWith(SandboxMainKt.sandboxOptions(8765, "http://127.0.0.1:9000/hook"))`.
 * A port outside 0..65535 is an [IllegalArgumentException].
 */
@JvmOverloads
fun sandboxOptions(
    port: Int = 0,
    webhookUrl: String? = null,
    host: String = "127.0.0.1",
    iamportWebhookFormat: IamportFormat? = null,
): SandboxOptions {
    require(port in 0..65535) { "port must be 0-65535, not $port" }
    return SandboxOptions(host, port.toUShort(), webhookUrl, iamportWebhookFormat)
}
