@file:JvmName("PaywireFutures")

// Hand-written: CompletableFuture for Java callers. `PaywireException` is a checked exception in Java
// (every generated method declares it), so a plain `CompletableFuture.supplyAsync(() -> bootpay.getReceipt(..))`
// does not compile; this takes a lambda that may throw it. The call runs on your executor's thread and
// blocks it (the work itself runs on paywire's runtime): size the executor for your concurrency.
//
// Unlike `CompletableFuture.supplyAsync`, whose `cancel(true)` never reaches the running task, the future
// returned here interrupts the thread running the call: a blocking paywire call then returns at once with
// `PaywireException.Interrupted` and the executor thread is free again (a request already sent finishes in
// the background and its outcome is logged).

package paywire

import paywire.types.*

import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor

/** A blocking paywire call, as a Java lambda that may throw [PaywireException]. */
fun interface PaywireCall<T> {
    /** Makes the call. */
    @Throws(PaywireException::class)
    fun call(): T
}

/** A future whose `cancel(true)` interrupts the thread running its call (see [supplyAsync]). */
private class InterruptibleFuture<T> : CompletableFuture<T>() {
    private val lock = Any()
    private var runner: Thread? = null

    /** Runs [call] on the current thread unless the future is already done; returns when it ends. */
    fun runOn(call: PaywireCall<T>) {
        synchronized(lock) {
            if (isDone) return
            runner = Thread.currentThread()
        }
        try {
            complete(call.call())
        } catch (e: Throwable) {
            completeExceptionally(e)
        } finally {
            synchronized(lock) { runner = null }
            // The interrupt was aimed at this call, not at the executor's next task.
            if (isCancelled) Thread.interrupted()
        }
    }

    override fun cancel(mayInterruptIfRunning: Boolean): Boolean {
        val cancelled = super.cancel(mayInterruptIfRunning)
        if (cancelled && mayInterruptIfRunning) synchronized(lock) { runner?.interrupt() }
        return cancelled
    }

    override fun <U : Any?> newIncompleteFuture(): CompletableFuture<U> = CompletableFuture()
}

/**
 * Runs [call] on [executor]; a [PaywireException] completes the future exceptionally (`get()` throws
 * `ExecutionException`, `join()` `CompletionException`, with it as the cause, as `supplyAsync` does).
 * `cancel(true)` interrupts the running call, which returns at once and frees the executor thread.
 * `PaywireFutures.supplyAsync(() -> blocking.getReceipt(id, false), executor)`.
 */
fun <T> supplyAsync(call: PaywireCall<T>, executor: Executor): CompletableFuture<T> {
    val future = InterruptibleFuture<T>()
    executor.execute { future.runOn(call) }
    return future
}
