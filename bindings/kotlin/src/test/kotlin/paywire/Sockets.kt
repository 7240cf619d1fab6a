// Test support: this process's TCP client sockets to one port and its resident memory, read from /proc
// (Linux), to check that paywire bounds its connections and releases them on close().

package paywire

import paywire.types.*
import paywire.sandbox.*

import java.io.File
import java.net.URI
import java.nio.file.Files

object Sockets {
    /** The port of a sandbox (its `url()`). */
    fun port(server: SandboxServer): Int = URI(server.url()).port

    private fun ownSocketInodes(): Set<Long> =
        File("/proc/self/fd").listFiles().orEmpty().mapNotNull { fd ->
            runCatching { Files.readSymbolicLink(fd.toPath()).toString() }.getOrNull()
        }.filter { it.startsWith("socket:[") }
            .map { it.removePrefix("socket:[").removeSuffix("]").toLong() }
            .toSet()

    /** Open sockets of this process whose remote end is `127.0.0.1:port` (client side only). */
    fun clientsTo(port: Int): Int {
        val own = ownSocketInodes()
        var count = 0
        for (table in listOf("/proc/net/tcp", "/proc/net/tcp6")) {
            val file = File(table)
            if (!file.exists()) continue
            for (line in file.readLines().drop(1)) {
                val cols = line.trim().split(Regex("\\s+"))
                if (cols.size < 10) continue
                val remotePort = cols[2].substringAfterLast(':').toInt(16)
                val inode = cols[9].toLongOrNull() ?: 0L
                if (remotePort == port && inode != 0L && inode in own) count++
            }
        }
        return count
    }

    /** Resident set size of this process, in KiB. */
    fun rssKib(): Long =
        File("/proc/self/status").readLines().first { it.startsWith("VmRSS:") }
            .split(Regex("\\s+"))[1].toLong()

    /** Polls [condition] every 5 ms for up to [millis]; answers how long it took, or null. */
    fun within(millis: Long, condition: () -> Boolean): Long? {
        val start = System.nanoTime()
        while (true) {
            if (condition()) return (System.nanoTime() - start) / 1_000_000
            if ((System.nanoTime() - start) / 1_000_000 > millis) return null
            Thread.sleep(5)
        }
    }
}
