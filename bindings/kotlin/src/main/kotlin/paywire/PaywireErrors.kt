@file:JvmName("PaywireErrors")

// Hand-written: the readable sentence of any PaywireException, whatever its variant. Every variant has a
// `summary` field (core's one-line sentence) and the exception's `toString()` is that sentence (the
// error's Rust `Display`, exported); `message` is UniFFI's `field=value` dump of the variant.

package paywire

/** Core's one-line sentence for this failure (the same text as `toString()`). */
val PaywireException.summary: String get() = toString()
