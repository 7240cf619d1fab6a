@file:JvmName("PaywireFutures")

// Hand-written: CompletableFuture for Java callers. `PaywireException` is a checked exception in Java
// (every generated method declares it), so a plain `CompletableFuture.supplyAsync(() -> bootpay.getReceipt(..))`
// does not compile; this takes a lambda that may throw it. The call runs on your executor's thread and
// blocks it (the work itself runs on paywire's runtime): size the executor for your concurrency.

package paywire

import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor

/** A blocking paywire call, as a Java lambda that may throw [PaywireException]. */
fun interface PaywireCall<T> {
    /** Makes the call. */
    @Throws(PaywireException::class)
    fun call(): T
}

/**
 * Runs [call] on [executor]; a [PaywireException] completes the future exceptionally (wrapped in
 * `CompletionException`, as `supplyAsync` does).
 * `PaywireFutures.supplyAsync(() -> blocking.getReceipt(id, false), executor)`.
 */
fun <T> supplyAsync(call: PaywireCall<T>, executor: Executor): CompletableFuture<T> =
    CompletableFuture.supplyAsync({ call.call() }, executor)
