// make check-dist's JVM consumer: starts the sandbox the jar embeds, runs the Kotlin (coroutines) and Java
// (blocking, CompletableFuture) smoke flows, then the README's Kotlin and Java blocks against it.

package example

import kotlinx.coroutines.runBlocking
import paywire.sandbox.SandboxServer
import kotlin.system.exitProcess

fun main() {
    val server = SandboxServer.start()
    try {
        val admin = SandboxAdmin(server)
        println("Kotlin (coroutines):")
        runBlocking { kotlinSmoke(admin) }
        println("Java (blocking + CompletableFuture):")
        JavaSmoke.run(admin)
        println("README blocks:")
        runBlocking { runReadmeBlocks(admin) }
        println("JVM smoke flow passed")
    } catch (e: Throwable) {
        e.printStackTrace()
        exitProcess(1)
    } finally {
        server.stop()
    }
}
