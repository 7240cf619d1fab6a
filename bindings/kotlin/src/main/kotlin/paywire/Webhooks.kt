@file:JvmName("WebhookEvents")

// Hand-written: what core computes from a parsed webhook, as Kotlin properties on core's records
// (UniFFI records carry data only; the exported functions do the work, see bindings/src/webhook.rs).
// Java: WebhookEvents.getEvent(webhook), WebhookEvents.getIdempotencyKey(webhook), or the functions themselves
// (PaywireFfiKt.bootpayWebhookEvent(webhook), …).

package paywire

import paywire.types.BootpayWebhook
import paywire.types.IamportWebhook
import paywire.types.WebhookType

/** The event: `webhookType` when present, else derived from `status`. */
val BootpayWebhook.event: WebhookType get() = bootpayWebhookEvent(this)

/** The same for every re-delivery of one event, different between events: store it to process each event once. */
val BootpayWebhook.idempotencyKey: String get() = bootpayWebhookIdempotencyKey(this)

/** The same for every re-delivery of one event (a vbank's `ready` then `paid`; each cancellation differs). */
val IamportWebhook.idempotencyKey: String get() = iamportWebhookIdempotencyKey(this)
