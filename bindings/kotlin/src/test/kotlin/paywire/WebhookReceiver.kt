// Test support: a merchant's webhook endpoint on 127.0.0.1 (com.sun.net.httpserver), recording each POST
// and answering as the providers expect ({"success": true}, HTTP 200), or HTTP 500 for the first `failFirst`.

package paywire

import paywire.types.*

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** One POST the receiver got. */
class Received(val path: String, val contentType: String?, val body: ByteArray) {
    val text: String get() = String(body, Charsets.UTF_8)
}

class WebhookReceiver(failFirst: Int = 0) : AutoCloseable {
    private val queue = LinkedBlockingQueue<Received>()
    private val failuresLeft = AtomicInteger(failFirst)

    /** How many POSTs were answered 500. */
    val refused = AtomicInteger(0)

    private val server: HttpServer = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0).apply {
        createContext("/hook") { exchange ->
            exchange.use {
                val body = it.requestBody.readAllBytes()
                queue.put(Received(it.requestURI.path, it.requestHeaders.getFirst("content-type"), body))
                val (status, answer) = if (failuresLeft.getAndDecrement() > 0) {
                    refused.incrementAndGet()
                    500 to """{"error":"try again"}"""
                } else {
                    200 to webhookAck()
                }
                val bytes = answer.toByteArray()
                it.responseHeaders.add("content-type", "application/json")
                it.sendResponseHeaders(status, bytes.size.toLong())
                it.responseBody.write(bytes)
            }
        }
        start()
    }

    /** Where the sandbox should POST. */
    val url: String = "http://127.0.0.1:${server.address.port}/hook"

    /** The next POST (waits up to 30 s; the sandbox delivers in the background). */
    fun next(): Received = queue.poll(30, TimeUnit.SECONDS) ?: error("no webhook arrived at $url")

    /** Whether nothing more is waiting. */
    fun isEmpty(): Boolean = queue.isEmpty()

    override fun close() {
        server.stop(0)
    }
}
