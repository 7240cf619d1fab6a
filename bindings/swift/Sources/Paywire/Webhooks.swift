// Hand-written: what core computes from a parsed webhook, as properties on core's records (UniFFI records
// carry data only; the exported functions do the work, see bindings/src/webhook.rs).

extension BootpayWebhook {
    /// The event: `webhookType` when present, else derived from `status`.
    public var event: WebhookType { bootpayWebhookEvent(webhook: self) }

    /// The same for every re-delivery of one event, different between events: store it to process each
    /// event once.
    public var idempotencyKey: String { bootpayWebhookIdempotencyKey(webhook: self) }
}

extension IamportWebhook {
    /// The same for every re-delivery of one event (a vbank's `ready` then `paid`; each cancellation
    /// differs): store it to process each event once.
    public var idempotencyKey: String { iamportWebhookIdempotencyKey(webhook: self) }
}
