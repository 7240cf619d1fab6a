//! The conventions that exist only in Python, written once. Everything else the generator derives from
//! types: see `python.rs`.

/// Enums Python declares as open enums in `paywire/_enums.py` (an unknown wire value is kept). A
/// response field of another enum type is a `Literal` of its wire values.
pub const OPEN_ENUMS: &[&str] = &[
    "Pg",
    "PaymentStatus",
    "ReceiptStatus",
    "ScheduleStatus",
    "WebhookType",
];

/// Input records with a hand-written Python dataclass (`paywire.User`, …): arguments of these types also
/// accept a mapping. Any other record argument is spread into keyword arguments.
pub const INPUT_CLASSES: &[&str] = &[
    "User",
    "Item",
    "Refund",
    "SubscribeExtra",
    "ShippingUser",
    "ShippingCompany",
    "ScheduleItem",
    "EscrowParty",
    "EscrowShipment",
];

/// Python names of records whose Rust name differs (none today; core's `CurrentToken` is Python's
/// `IamportToken`).
pub const RENAMED_MODELS: &[(&str, &str)] = &[("CurrentToken", "IamportToken")];

/// Response models with hand-written behaviour beyond their fields: the generated class also inherits
/// this mixin of the provider's models module (`_iamport_models._PaymentExtras`).
pub const MODEL_EXTRAS: &[(&str, &str)] = &[("Payment", "_PaymentExtras")];

/// Operations kept hand-written in the client base classes, because their Python arguments are not the
/// table's: `raw_request` takes query pairs, `verify_webhook` a parsed webhook, raw body or dict, and the
/// escrow calls take sender, receiver and shipment positionally with unix-time conversion inside. Each is
/// still checked against the table by `tests/test_surface.py`.
pub const HAND_WRITTEN: &[&str] = &[
    "raw_request",
    "verify_webhook",
    "register_escrow_logis",
    "update_escrow_logis",
];

/// Optional fields of a spread request record that stay positional (the rule: required fields are
/// positional, optional ones keyword-only). The Python API predates the generator; these keep it.
pub const POSITIONAL_OPTIONALS: &[(&str, &str, &[&str])] = &[
    (
        "bootpay",
        "cancel_payment",
        &[
            "cancel_price",
            "cancel_tax_free",
            "cancel_id",
            "cancel_username",
            "cancel_message",
            "refund",
            "items",
            "metadata",
        ],
    ),
    (
        "iamport",
        "cancel_payment",
        &[
            "imp_uid",
            "merchant_uid",
            "amount",
            "tax_free",
            "vat_amount",
            "checksum",
            "reason",
            "refund_holder",
            "refund_bank",
            "refund_account",
            "refund_tel",
            "retain_promotion",
            "enable_webhook",
            "extra",
        ],
    ),
    (
        "iamport",
        "issue_billing_key",
        &["birth", "pwd_2digit", "cvc"],
    ),
    ("iamport", "issue_cash_receipt", &["type"]),
    (
        "iamport",
        "get_payments_by_status",
        &["page", "limit", "sorting", "from", "to"],
    ),
    (
        "iamport",
        "find_all_payments",
        &["page", "limit", "sorting"],
    ),
    ("iamport", "get_schedules", &["page", "limit", "sorting"]),
];

/// Arguments with a Python-only input shape: (name, annotation, how `_pack` converts it).
/// - `custom_data`: iamport stores text; a mapping is sent as its JSON text.
/// - `notice_url`: one URL or several.
/// - `gender_digit`: the resident-number digit as `int` or `str`.
pub const SPECIAL_ARGS: &[(&str, &str, &str)] = &[
    (
        "custom_data",
        "Union[str, Mapping[str, Any], None]",
        "json_text",
    ),
    (
        "notice_url",
        "Union[str, Sequence[str], None]",
        "one_or_many",
    ),
    ("gender_digit", "Union[str, int]", "digit"),
];

/// Python keywords and builtins an argument may not be called: `from` becomes `from_`.
pub const KEYWORDS: &[&str] = &[
    "from", "import", "class", "def", "global", "lambda", "pass", "in", "is",
];

/// Whether an integer field or argument is a time: iamport sends unix seconds (`paid_at`, `vbank_due`,
/// `from`/`to`, `schedule_from`…), described as "(unix s)" in its doc.
pub fn is_unix_time(name: &str, doc: &str) -> bool {
    name.ends_with("_at")
        || name.ends_with("_due")
        || name.ends_with("_from")
        || name.ends_with("_to")
        || name == "from"
        || name == "to"
        || doc.contains("(unix s)")
}
