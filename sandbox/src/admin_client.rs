//! A typed, async client of the sandbox admin API (`/__admin/...`), for Rust tests and tools.
//!
//! Every admin operation has exactly one method here, and every method is declared once in
//! [`ADMIN_OPERATIONS`] (HTTP method, path template, method name): the methods build their
//! requests from that table, and a test compares it with the OpenAPI document the sandbox
//! serves (`sandbox/openapi/admin.json`), so the two cannot drift apart.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use paywire_sandbox::{AdminClient, NewBootpayReceipt, Sandbox, SandboxConfig};
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! let admin = AdminClient::new(&sandbox.url())?;
//! let receipt = admin
//!     .create_bootpay_receipt(&NewBootpayReceipt::awaiting_confirm(30_000).order_id("order-1"))
//!     .await?;
//! assert_eq!(receipt.status, 2);
//! admin.advance_clock(3600.0).await?;
//! println!("{} requests recorded", admin.list_requests().await?.len());
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::webhooks::IamportFormat;

/// One admin operation: how it is called and which [`AdminClient`] method calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdminOperation {
    /// `GET`, `POST` or `DELETE`.
    pub method: &'static str,
    /// The path template as the OpenAPI document writes it (`{name}` for a parameter).
    pub path: &'static str,
    /// The name of the [`AdminClient`] method.
    pub helper: &'static str,
}

const fn op(method: &'static str, path: &'static str, helper: &'static str) -> AdminOperation {
    AdminOperation {
        method,
        path,
        helper,
    }
}

const CREATE_BOOTPAY_RECEIPT: AdminOperation = op(
    "POST",
    "/__admin/bootpay/receipts",
    "create_bootpay_receipt",
);
const DEPOSIT_BOOTPAY_VBANK: AdminOperation = op(
    "POST",
    "/__admin/bootpay/receipts/{receipt_id}/deposit",
    "deposit_bootpay_vbank",
);
const BOOTPAY_WEBHOOK_PAYLOAD: AdminOperation = op(
    "GET",
    "/__admin/bootpay/webhook/{receipt_id}",
    "bootpay_webhook_payload",
);
const CREATE_IAMPORT_PAYMENT: AdminOperation = op(
    "POST",
    "/__admin/iamport/payments",
    "create_iamport_payment",
);
const DEPOSIT_IAMPORT_VBANK: AdminOperation = op(
    "POST",
    "/__admin/iamport/vbanks/{imp_uid}/deposit",
    "deposit_iamport_vbank",
);
const IAMPORT_WEBHOOK_PAYLOAD: AdminOperation = op(
    "GET",
    "/__admin/iamport/webhook/{imp_uid}",
    "iamport_webhook_payload",
);
const ADD_FAULT: AdminOperation = op("POST", "/__admin/faults", "add_fault");
const LIST_FAULTS: AdminOperation = op("GET", "/__admin/faults", "list_faults");
const CLEAR_FAULTS: AdminOperation = op("DELETE", "/__admin/faults", "clear_faults");
const COUNTERS: AdminOperation = op("GET", "/__admin/counters", "counters");
const LIST_REQUESTS: AdminOperation = op("GET", "/__admin/requests", "list_requests");
const CLEAR_REQUESTS: AdminOperation = op("DELETE", "/__admin/requests", "clear_requests");
const ADVANCE_CLOCK: AdminOperation = op("POST", "/__admin/clock/advance", "advance_clock");
const EXPIRE_TOKENS: AdminOperation = op("POST", "/__admin/tokens/expire", "expire_tokens");
const CONFIGURE: AdminOperation = op("POST", "/__admin/config", "configure");
const READ_CONFIG: AdminOperation = op("GET", "/__admin/config", "read_config");
const RESET: AdminOperation = op("POST", "/__admin/reset", "reset");
const LIST_WEBHOOKS: AdminOperation = op("GET", "/__admin/webhooks", "list_webhooks");
const RESEND_WEBHOOK: AdminOperation =
    op("POST", "/__admin/webhooks/{id}/resend", "resend_webhook");
const OPENAPI: AdminOperation = op("GET", "/__admin/openapi.json", "openapi");

/// Every admin operation [`AdminClient`] calls, one row per method. The single declaration of
/// what the methods send; tests check it against the OpenAPI document and against the methods.
///
/// ```
/// let row = paywire_sandbox::ADMIN_OPERATIONS
///     .iter()
///     .find(|op| op.helper == "advance_clock");
/// assert_eq!(row.map(|op| (op.method, op.path)), Some(("POST", "/__admin/clock/advance")));
/// ```
pub const ADMIN_OPERATIONS: &[AdminOperation] = &[
    CREATE_BOOTPAY_RECEIPT,
    DEPOSIT_BOOTPAY_VBANK,
    BOOTPAY_WEBHOOK_PAYLOAD,
    CREATE_IAMPORT_PAYMENT,
    DEPOSIT_IAMPORT_VBANK,
    IAMPORT_WEBHOOK_PAYLOAD,
    ADD_FAULT,
    LIST_FAULTS,
    CLEAR_FAULTS,
    COUNTERS,
    LIST_REQUESTS,
    CLEAR_REQUESTS,
    ADVANCE_CLOCK,
    EXPIRE_TOKENS,
    CONFIGURE,
    READ_CONFIG,
    RESET,
    LIST_WEBHOOKS,
    RESEND_WEBHOOK,
    OPENAPI,
];

/// Why an admin call failed.
#[derive(Debug)]
pub enum AdminError {
    /// The base URL given to [`AdminClient::new`] is not an `http(s)://` URL.
    InvalidUrl(String),
    /// No answer (connection refused, timeout, broken body).
    Transport {
        /// The [`AdminClient`] method.
        operation: &'static str,
        /// What went wrong.
        source: reqwest::Error,
    },
    /// The sandbox answered with a non-2xx status; `body` is its JSON error (`error_code`,
    /// `message`, `field` for bad input; iamport's `{code, message}` envelope on iamport calls).
    Status {
        /// The [`AdminClient`] method.
        operation: &'static str,
        /// HTTP status.
        status: u16,
        /// The answer, as JSON (`Value::String` when it was not JSON).
        body: Value,
    },
    /// A 2xx answer this client could not read into its type.
    Decode {
        /// The [`AdminClient`] method.
        operation: &'static str,
        /// The serde error.
        message: String,
    },
}

impl AdminError {
    /// The HTTP status of a [`AdminError::Status`].
    pub fn status(&self) -> Option<u16> {
        match self {
            AdminError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The input the sandbox refused (`field` of its 400 answer), when it named one.
    pub fn field(&self) -> Option<&str> {
        match self {
            AdminError::Status { body, .. } => body.get("field").and_then(Value::as_str),
            _ => None,
        }
    }
}

impl fmt::Display for AdminError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdminError::InvalidUrl(url) => write!(f, "not an http(s) sandbox URL: {url}"),
            AdminError::Transport { operation, source } => {
                write!(f, "admin {operation}: no answer: {source}")
            }
            AdminError::Status {
                operation,
                status,
                body,
            } => write!(f, "admin {operation}: HTTP {status}: {body}"),
            AdminError::Decode { operation, message } => {
                write!(f, "admin {operation}: unreadable answer: {message}")
            }
        }
    }
}

impl std::error::Error for AdminError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AdminError::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The status of a receipt seeded with [`AdminClient::create_bootpay_receipt`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BootpayReceiptStatus {
    /// 1: paid.
    #[default]
    Paid,
    /// 2: authorised, awaiting the merchant's server confirm.
    AwaitingConfirm,
    /// 5: a virtual account was issued; waiting for the deposit.
    VirtualAccountIssued,
    /// 20: cancelled.
    Cancelled,
}

impl BootpayReceiptStatus {
    /// Bootpay's status code.
    pub fn code(self) -> i64 {
        match self {
            BootpayReceiptStatus::Paid => 1,
            BootpayReceiptStatus::AwaitingConfirm => 2,
            BootpayReceiptStatus::VirtualAccountIssued => 5,
            BootpayReceiptStatus::Cancelled => 20,
        }
    }
}

impl Serialize for BootpayReceiptStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.code())
    }
}

/// Input of [`AdminClient::create_bootpay_receipt`]: a receipt as if a customer had gone
/// through checkout. Absent fields take the sandbox's defaults (random order id, card, …).
///
/// ```
/// use paywire_sandbox::NewBootpayReceipt;
/// let vbank = NewBootpayReceipt::virtual_account(50_000)
///     .order_id("order-7")
///     .webhook_url("http://127.0.0.1:9000/hook");
/// assert_eq!(vbank.price, 50_000);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewBootpayReceipt {
    /// Amount in KRW.
    pub price: i64,
    /// Paid (default), awaiting confirm, virtual account issued, cancelled.
    pub status: BootpayReceiptStatus,
    /// Tax-free part of `price`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<i64>,
    /// The merchant's order id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// What was bought.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_name: Option<String>,
    /// PG name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pg: Option<String>,
    /// Payment method (`vbank` by default for a virtual account, `card` otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Merchant metadata (a JSON object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    /// Buyer (a JSON object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Value>,
    /// Receiver of this order's webhooks instead of the sandbox-wide one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
}

impl NewBootpayReceipt {
    /// A paid card receipt.
    pub fn paid(price: i64) -> Self {
        Self::with_status(price, BootpayReceiptStatus::Paid)
    }

    /// An authorised card receipt waiting for the merchant's confirm.
    pub fn awaiting_confirm(price: i64) -> Self {
        Self::with_status(price, BootpayReceiptStatus::AwaitingConfirm)
    }

    /// A receipt whose virtual account was issued (deposit it with
    /// [`AdminClient::deposit_bootpay_vbank`]).
    pub fn virtual_account(price: i64) -> Self {
        Self::with_status(price, BootpayReceiptStatus::VirtualAccountIssued)
    }

    /// A receipt in the given status.
    pub fn with_status(price: i64, status: BootpayReceiptStatus) -> Self {
        NewBootpayReceipt {
            price,
            status,
            ..Self::default()
        }
    }

    /// Sets the order id.
    pub fn order_id(mut self, order_id: impl Into<String>) -> Self {
        self.order_id = Some(order_id.into());
        self
    }

    /// Sets this order's webhook receiver.
    pub fn webhook_url(mut self, url: impl Into<String>) -> Self {
        self.webhook_url = Some(url.into());
        self
    }
}

/// The keys a test usually needs of a Bootpay receipt, plus the whole JSON (Bootpay REST v2
/// shape) in `raw`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct BootpayReceipt {
    /// Bootpay's id.
    pub receipt_id: String,
    /// The merchant's order id.
    pub order_id: String,
    /// Amount.
    pub price: i64,
    /// Status code (1 paid, 2 awaiting confirm, 5 virtual account issued, 20 cancelled…).
    pub status: i64,
    /// The whole answer.
    #[serde(skip)]
    pub raw: Value,
}

/// The status of a payment seeded with [`AdminClient::create_iamport_payment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IamportPaymentStatus {
    /// `paid`.
    #[default]
    Paid,
    /// `ready`: a virtual account waiting for the deposit.
    Ready,
    /// `failed`.
    Failed,
    /// `cancelled`.
    Cancelled,
}

/// Input of [`AdminClient::create_iamport_payment`]: a payment as if the customer had used
/// iamport's browser window. Absent fields take the sandbox's defaults.
///
/// ```
/// use paywire_sandbox::NewIamportPayment;
/// let vbank = NewIamportPayment::virtual_account(9_900.0).merchant_uid("order-9");
/// assert_eq!(vbank.pay_method.as_deref(), Some("vbank"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewIamportPayment {
    /// Amount.
    pub amount: f64,
    /// `paid` (default), `ready`, `failed`, `cancelled`.
    pub status: IamportPaymentStatus,
    /// The merchant's order id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merchant_uid: Option<String>,
    /// `card` by default; `vbank` for a virtual account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_method: Option<String>,
    /// PG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pg_provider: Option<String>,
    /// `KRW` by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What was bought.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Buyer's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// Buyer's e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// Buyer's phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_tel: Option<String>,
    /// Buyer's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_addr: Option<String>,
    /// Buyer's postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_postcode: Option<String>,
    /// Merchant data kept with the payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<String>,
    /// Tax-free part of `amount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_free: Option<f64>,
    /// Escrow payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escrow: Option<bool>,
    /// Bank of the virtual account (`088` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vbank_code: Option<String>,
    /// Why a `failed` payment failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_reason: Option<String>,
    /// Receivers of this merchant_uid's webhooks (each gets every webhook).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notice_url: Vec<String>,
}

impl NewIamportPayment {
    /// A paid card payment.
    pub fn paid(amount: f64) -> Self {
        NewIamportPayment {
            amount,
            ..Self::default()
        }
    }

    /// A virtual account waiting for the deposit (`ready`, `vbank`; deposit it with
    /// [`AdminClient::deposit_iamport_vbank`]).
    pub fn virtual_account(amount: f64) -> Self {
        NewIamportPayment {
            amount,
            status: IamportPaymentStatus::Ready,
            pay_method: Some("vbank".into()),
            ..Self::default()
        }
    }

    /// A failed card payment.
    pub fn failed(amount: f64, reason: impl Into<String>) -> Self {
        NewIamportPayment {
            amount,
            status: IamportPaymentStatus::Failed,
            fail_reason: Some(reason.into()),
            ..Self::default()
        }
    }

    /// Sets the order id.
    pub fn merchant_uid(mut self, merchant_uid: impl Into<String>) -> Self {
        self.merchant_uid = Some(merchant_uid.into());
        self
    }

    /// Adds a webhook receiver for this order.
    pub fn notice_url(mut self, url: impl Into<String>) -> Self {
        self.notice_url.push(url.into());
        self
    }
}

/// The keys a test usually needs of an iamport payment, plus the whole JSON in `raw`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct IamportPayment {
    /// iamport's id.
    pub imp_uid: String,
    /// The merchant's order id.
    pub merchant_uid: String,
    /// Amount.
    pub amount: f64,
    /// `paid`, `ready`, `failed`, `cancelled`.
    pub status: String,
    /// The whole answer.
    #[serde(skip)]
    pub raw: Value,
}

/// Which emulated API a fault applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FaultProvider {
    /// `/v2/...`.
    #[default]
    Bootpay,
    /// `/iamport/...`.
    Iamport,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Input of [`AdminClient::add_fault`] (see docs/SANDBOX.md, "Order of the layers").
///
/// ```
/// use paywire_sandbox::FaultSpec;
/// let spec = FaultSpec::bootpay("cancel").method("POST").status(503).times(1);
/// assert_eq!(serde_json::to_value(&spec).ok().map(|v| v["status"].clone()), Some(503.into()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// The API (Bootpay by default).
    #[serde(default)]
    pub provider: FaultProvider,
    /// HTTP method to match (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Path relative to the API root; `*` one segment, `**` the rest.
    pub path: String,
    /// Wait before answering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    /// Status of the replacement answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Body of the replacement answer (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// Extra answer headers.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// Answer an HTML 502 page.
    #[serde(default, skip_serializing_if = "is_false")]
    pub non_json: bool,
    /// Send the head, then cut the body.
    #[serde(default, skip_serializing_if = "is_false")]
    pub drop: bool,
    /// Run the handler first (state changes), then the fault.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after: bool,
    /// How many requests it hits (all when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
}

impl FaultSpec {
    /// A fault on a Bootpay path.
    pub fn bootpay(path: impl Into<String>) -> Self {
        FaultSpec {
            path: path.into(),
            ..Self::default()
        }
    }

    /// A fault on an iamport path.
    pub fn iamport(path: impl Into<String>) -> Self {
        FaultSpec {
            provider: FaultProvider::Iamport,
            path: path.into(),
            ..Self::default()
        }
    }

    /// Only requests with this method.
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    /// Answer this status.
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Answer this JSON body.
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Wait this long first.
    pub fn latency_ms(mut self, ms: u64) -> Self {
        self.latency_ms = Some(ms);
        self
    }

    /// Hit only this many requests.
    pub fn times(mut self, times: u64) -> Self {
        self.times = Some(times);
        self
    }

    /// Let the handler run first.
    pub fn after(mut self) -> Self {
        self.after = true;
        self
    }
}

/// A fault as stored (its spec, its id, `times` left).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Fault {
    /// Its id.
    pub id: u64,
    /// The API.
    pub provider: FaultProvider,
    /// Method matched (any when absent).
    pub method: Option<String>,
    /// Path pattern.
    pub path: String,
    /// Latency.
    pub latency_ms: Option<u64>,
    /// Replacement status.
    pub status: Option<u16>,
    /// Replacement body.
    pub body: Option<Value>,
    /// HTML 502 page.
    #[serde(default)]
    pub non_json: bool,
    /// Cut body.
    #[serde(default)]
    pub drop: bool,
    /// Handler first.
    #[serde(default)]
    pub after: bool,
    /// Requests it still hits (all when absent).
    pub times: Option<u64>,
    /// Extra answer headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
}

/// Request counters.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Counters {
    /// Bootpay `request/token` calls.
    pub token_requests: u64,
    /// iamport `users/getToken` calls.
    pub iamport_token_requests: u64,
    /// Per route key (`"POST cancel"`, `"iamport:POST payments/cancel"`): how many requests.
    #[serde(default)]
    pub requests: BTreeMap<String, u64>,
}

/// One recorded API request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRequest {
    /// `bootpay` or `iamport`.
    pub provider: String,
    /// HTTP method.
    pub method: String,
    /// Path relative to the API root.
    pub path: String,
    /// Query string (without `?`).
    #[serde(default)]
    pub query: Value,
    /// Request headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The parsed JSON (or form) body; null when none or not readable.
    #[serde(default)]
    pub body: Value,
    /// The raw body, when it was cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_body: Option<String>,
    /// Whether the body was cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_truncated: Option<bool>,
    /// The whole body's size, when it was cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_bytes: Option<u64>,
    /// Answer status (null while unanswered).
    #[serde(default)]
    pub status: Option<u16>,
    /// Time to answer.
    #[serde(default)]
    pub duration_ms: Option<f64>,
    /// Sandbox time received.
    #[serde(default)]
    pub at: String,
}

/// The sandbox clock after [`AdminClient::advance_clock`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ClockState {
    /// Sandbox time now (RFC 3339).
    pub now: String,
    /// How far ahead of the real clock it is.
    pub offset_seconds: f64,
}

/// How many tokens [`AdminClient::expire_tokens`] expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ExpiredTokens {
    /// Bootpay tokens.
    pub expired: u64,
    /// iamport tokens.
    pub iamport_expired: u64,
}

impl Serialize for IamportFormat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for IamportFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match String::deserialize(deserializer)?.as_str() {
            "json" => Ok(IamportFormat::Json),
            "form" => Ok(IamportFormat::Form),
            other => Err(serde::de::Error::unknown_variant(other, &["json", "form"])),
        }
    }
}

/// Input of [`AdminClient::configure`]; `None` fields stay as they are.
///
/// ```
/// use paywire_sandbox::ConfigUpdate;
/// let set = ConfigUpdate::webhook_url(Some("http://127.0.0.1:9000/hook"));
/// let remove = ConfigUpdate::webhook_url(None);
/// assert_eq!(serde_json::to_string(&remove).ok().as_deref(), Some(r#"{"webhook_url":null}"#));
/// # drop(set);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ConfigUpdate {
    /// Lifetime of tokens issued from now on (both providers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_ttl_secs: Option<f64>,
    /// `Some(Some(url))` sets the sandbox-wide webhook receiver, `Some(None)` removes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<Option<String>>,
    /// Encoding of iamport webhooks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iamport_webhook_format: Option<IamportFormat>,
}

impl ConfigUpdate {
    /// Sets (`Some`) or removes (`None`) the sandbox-wide webhook receiver.
    pub fn webhook_url(url: Option<&str>) -> Self {
        ConfigUpdate {
            webhook_url: Some(url.map(str::to_owned)),
            ..Self::default()
        }
    }
}

/// The configuration in force.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SandboxSettings {
    /// Lifetime of tokens issued from now on.
    pub token_ttl_secs: f64,
    /// The sandbox-wide webhook receiver.
    pub webhook_url: Option<String>,
    /// Encoding of iamport webhooks.
    pub iamport_webhook_format: IamportFormat,
}

/// Webhook settings (part of [`Webhooks`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WebhookSettings {
    /// The sandbox-wide webhook receiver.
    pub webhook_url: Option<String>,
    /// Encoding of iamport webhooks.
    pub iamport_webhook_format: IamportFormat,
}

/// Where a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    /// Attempts still to come.
    Pending,
    /// The receiver accepted it.
    Delivered,
    /// Retries ran out.
    Failed,
    /// The queue was full; never sent.
    Dropped,
}

/// One attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeliveryAttempt {
    /// 1 for the first.
    pub attempt: u32,
    /// The receiver's HTTP status (None: no answer).
    pub status: Option<u16>,
    /// The receiver's answer (first 4 KiB).
    #[serde(default)]
    pub answer: Option<String>,
    /// Why there was no answer.
    #[serde(default)]
    pub error: Option<String>,
    /// Whether the receiver accepted it.
    pub accepted: bool,
    /// How long the attempt took.
    pub duration_ms: f64,
    /// Sandbox time.
    #[serde(default)]
    pub at: String,
}

/// One webhook to one receiver with every attempt.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WebhookDelivery {
    /// Its id ([`AdminClient::resend_webhook`]).
    pub id: u64,
    /// `bootpay` or `iamport`.
    pub provider: String,
    /// `webhook_type` (Bootpay) or `status` (iamport).
    pub event: String,
    /// Receipt id or imp_uid.
    pub payment_id: String,
    /// Receiver.
    pub url: String,
    /// `application/json` or `application/x-www-form-urlencoded`.
    pub content_type: String,
    /// The body, as JSON.
    pub payload: Value,
    /// Where it is.
    pub state: DeliveryState,
    /// Every attempt so far.
    pub attempts: Vec<DeliveryAttempt>,
    /// Sandbox time created.
    pub created_at: String,
    /// The delivery this one resends.
    pub resend_of: Option<u64>,
}

/// Webhook settings and deliveries, oldest first.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Webhooks {
    /// Settings.
    pub settings: WebhookSettings,
    /// Deliveries (the last 1,000).
    pub deliveries: Vec<WebhookDelivery>,
}

/// A typed client of the sandbox admin API. Cheap to clone.
///
/// ```no_run
/// # async fn demo(sandbox_url: &str) -> Result<(), paywire_sandbox::AdminError> {
/// use paywire_sandbox::{AdminClient, FaultSpec};
/// let admin = AdminClient::new(sandbox_url)?;
/// admin.add_fault(&FaultSpec::bootpay("receipt/*").status(503).times(1)).await?;
/// let counters = admin.counters().await?;
/// println!("{} token requests", counters.token_requests);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct AdminClient {
    base: reqwest::Url,
    http: reqwest::Client,
}

impl AdminClient {
    /// A client of the sandbox at `base_url` (`http://127.0.0.1:PORT`, as [`crate::Sandbox::url`]).
    pub fn new(base_url: &str) -> Result<Self, AdminError> {
        let base = reqwest::Url::parse(base_url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && !u.cannot_be_a_base())
            .ok_or_else(|| AdminError::InvalidUrl(base_url.to_owned()))?;
        // reqwest is built without a default TLS provider; an https sandbox needs one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| AdminError::InvalidUrl(e.to_string()))?;
        Ok(AdminClient { base, http })
    }

    /// The URL of `op` with its `{parameters}` filled in order (each percent-encoded as one
    /// path segment).
    fn url(&self, op: &AdminOperation, args: &[&str]) -> reqwest::Url {
        let mut url = self.base.clone();
        {
            // `new` refused cannot-be-a-base URLs, so this is always Ok.
            if let Ok(mut segments) = url.path_segments_mut() {
                segments.pop_if_empty();
                let mut args = args.iter();
                for part in op.path.split('/').filter(|p| !p.is_empty()) {
                    if part.starts_with('{') {
                        segments.push(args.next().copied().unwrap_or_default());
                    } else {
                        segments.push(part);
                    }
                }
            }
        }
        url
    }

    /// Sends `op` and reads its 2xx answer as JSON.
    async fn send(
        &self,
        op: &AdminOperation,
        args: &[&str],
        body: Option<Value>,
    ) -> Result<Value, AdminError> {
        let method = match op.method {
            "GET" => reqwest::Method::GET,
            "DELETE" => reqwest::Method::DELETE,
            _ => reqwest::Method::POST,
        };
        let mut request = self.http.request(method, self.url(op, args));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let transport = |source| AdminError::Transport {
            operation: op.helper,
            source,
        };
        let response = request.send().await.map_err(transport)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(transport)?;
        let value = serde_json::from_slice::<Value>(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        if !(200..300).contains(&status) {
            return Err(AdminError::Status {
                operation: op.helper,
                status,
                body: value,
            });
        }
        Ok(value)
    }

    /// Sends `op` and decodes the answer as `T`.
    async fn call<T: DeserializeOwned>(
        &self,
        op: &AdminOperation,
        args: &[&str],
        body: Option<Value>,
    ) -> Result<T, AdminError> {
        let value = self.send(op, args, body).await?;
        decode(op, value)
    }

    /// `POST /__admin/bootpay/receipts`: a receipt as if a customer had gone through checkout.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let receipt = admin
    ///     .create_bootpay_receipt(&paywire_sandbox::NewBootpayReceipt::paid(1000))
    ///     .await?;
    /// assert_eq!(receipt.status, 1);
    /// # Ok(()) }
    /// ```
    pub async fn create_bootpay_receipt(
        &self,
        receipt: &NewBootpayReceipt,
    ) -> Result<BootpayReceipt, AdminError> {
        let value = self
            .send(
                &CREATE_BOOTPAY_RECEIPT,
                &[],
                Some(to_json(&CREATE_BOOTPAY_RECEIPT, receipt)?),
            )
            .await?;
        decode_with_raw(&CREATE_BOOTPAY_RECEIPT, value, |r: &mut BootpayReceipt| {
            &mut r.raw
        })
    }

    /// `POST /__admin/bootpay/receipts/{receipt_id}/deposit`: the customer paid into the
    /// receipt's virtual account (status 5 → 1).
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// use paywire_sandbox::NewBootpayReceipt;
    /// let vbank = admin.create_bootpay_receipt(&NewBootpayReceipt::virtual_account(5000)).await?;
    /// assert_eq!(admin.deposit_bootpay_vbank(&vbank.receipt_id).await?.status, 1);
    /// # Ok(()) }
    /// ```
    pub async fn deposit_bootpay_vbank(
        &self,
        receipt_id: &str,
    ) -> Result<BootpayReceipt, AdminError> {
        let value = self
            .send(&DEPOSIT_BOOTPAY_VBANK, &[receipt_id], None)
            .await?;
        decode_with_raw(&DEPOSIT_BOOTPAY_VBANK, value, |r: &mut BootpayReceipt| {
            &mut r.raw
        })
    }

    /// `GET /__admin/bootpay/webhook/{receipt_id}`: the webhook payload Bootpay would send now
    /// (receipt JSON plus `webhook_type`).
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let payload = admin.bootpay_webhook_payload("6100e8e7019943003850f9b0").await?;
    /// println!("{}", payload["webhook_type"]);
    /// # Ok(()) }
    /// ```
    pub async fn bootpay_webhook_payload(&self, receipt_id: &str) -> Result<Value, AdminError> {
        self.send(&BOOTPAY_WEBHOOK_PAYLOAD, &[receipt_id], None)
            .await
    }

    /// `POST /__admin/iamport/payments`: a payment as if the customer had used the browser
    /// window.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// use paywire_sandbox::NewIamportPayment;
    /// let paid = admin.create_iamport_payment(&NewIamportPayment::paid(1000.0)).await?;
    /// assert_eq!(paid.status, "paid");
    /// # Ok(()) }
    /// ```
    pub async fn create_iamport_payment(
        &self,
        payment: &NewIamportPayment,
    ) -> Result<IamportPayment, AdminError> {
        let value = self
            .send(
                &CREATE_IAMPORT_PAYMENT,
                &[],
                Some(to_json(&CREATE_IAMPORT_PAYMENT, payment)?),
            )
            .await?;
        decode_with_raw(&CREATE_IAMPORT_PAYMENT, value, |p: &mut IamportPayment| {
            &mut p.raw
        })
    }

    /// `POST /__admin/iamport/vbanks/{imp_uid}/deposit`: the customer paid into the virtual
    /// account (`ready` → `paid`).
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// use paywire_sandbox::NewIamportPayment;
    /// let ready = admin.create_iamport_payment(&NewIamportPayment::virtual_account(9900.0)).await?;
    /// assert_eq!(admin.deposit_iamport_vbank(&ready.imp_uid).await?.status, "paid");
    /// # Ok(()) }
    /// ```
    pub async fn deposit_iamport_vbank(&self, imp_uid: &str) -> Result<IamportPayment, AdminError> {
        let value = self.send(&DEPOSIT_IAMPORT_VBANK, &[imp_uid], None).await?;
        decode_with_raw(&DEPOSIT_IAMPORT_VBANK, value, |p: &mut IamportPayment| {
            &mut p.raw
        })
    }

    /// `GET /__admin/iamport/webhook/{imp_uid}`: the webhook body iamport would send now
    /// (`{imp_uid, merchant_uid, status, cancellation_id?}`).
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let payload = admin.iamport_webhook_payload("imp_123").await?;
    /// println!("{}", payload["status"]);
    /// # Ok(()) }
    /// ```
    pub async fn iamport_webhook_payload(&self, imp_uid: &str) -> Result<Value, AdminError> {
        self.send(&IAMPORT_WEBHOOK_PAYLOAD, &[imp_uid], None).await
    }

    /// `POST /__admin/faults`: arms a fault on matching API requests.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// use paywire_sandbox::FaultSpec;
    /// let fault = admin.add_fault(&FaultSpec::iamport("payments/*").latency_ms(500)).await?;
    /// println!("fault {}", fault.id);
    /// # Ok(()) }
    /// ```
    pub async fn add_fault(&self, fault: &FaultSpec) -> Result<Fault, AdminError> {
        self.call(&ADD_FAULT, &[], Some(to_json(&ADD_FAULT, fault)?))
            .await
    }

    /// `GET /__admin/faults`: the faults still armed, in matching order.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// for fault in admin.list_faults().await? { println!("{} {}", fault.id, fault.path); }
    /// # Ok(()) }
    /// ```
    pub async fn list_faults(&self) -> Result<Vec<Fault>, AdminError> {
        self.call(&LIST_FAULTS, &[], None).await
    }

    /// `DELETE /__admin/faults`: removes every fault.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// admin.clear_faults().await?;
    /// # Ok(()) }
    /// ```
    pub async fn clear_faults(&self) -> Result<(), AdminError> {
        self.send(&CLEAR_FAULTS, &[], None).await.map(drop)
    }

    /// `GET /__admin/counters`: request counters.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let counters = admin.counters().await?;
    /// println!("{:?}", counters.requests.get("POST cancel"));
    /// # Ok(()) }
    /// ```
    pub async fn counters(&self) -> Result<Counters, AdminError> {
        self.call(&COUNTERS, &[], None).await
    }

    /// `GET /__admin/requests`: recorded API requests, oldest first.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// for r in admin.list_requests().await? { println!("{} {} → {:?}", r.method, r.path, r.status); }
    /// # Ok(()) }
    /// ```
    pub async fn list_requests(&self) -> Result<Vec<RecordedRequest>, AdminError> {
        self.call(&LIST_REQUESTS, &[], None).await
    }

    /// `DELETE /__admin/requests`: forgets the recorded requests.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// admin.clear_requests().await?;
    /// # Ok(()) }
    /// ```
    pub async fn clear_requests(&self) -> Result<(), AdminError> {
        self.send(&CLEAR_REQUESTS, &[], None).await.map(drop)
    }

    /// `POST /__admin/clock/advance`: moves the sandbox clock forward (token expiry, due
    /// reservations and schedules run).
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let clock = admin.advance_clock(86_400.0).await?;
    /// assert!(clock.offset_seconds >= 86_400.0);
    /// # Ok(()) }
    /// ```
    pub async fn advance_clock(&self, seconds: f64) -> Result<ClockState, AdminError> {
        let body = serde_json::json!({ "seconds": seconds });
        let value = self.send(&ADVANCE_CLOCK, &[], Some(body)).await?;
        decode(&ADVANCE_CLOCK, value)
    }

    /// `POST /__admin/tokens/expire`: every issued token (both providers) expires now.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let expired = admin.expire_tokens().await?;
    /// println!("{} Bootpay, {} iamport", expired.expired, expired.iamport_expired);
    /// # Ok(()) }
    /// ```
    pub async fn expire_tokens(&self) -> Result<ExpiredTokens, AdminError> {
        self.call(&EXPIRE_TOKENS, &[], None).await
    }

    /// `POST /__admin/config`: changes the configuration; answers the one in force.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// use paywire_sandbox::ConfigUpdate;
    /// let settings = admin.configure(&ConfigUpdate::webhook_url(Some("http://127.0.0.1:9000/hook"))).await?;
    /// assert!(settings.webhook_url.is_some());
    /// # Ok(()) }
    /// ```
    pub async fn configure(&self, update: &ConfigUpdate) -> Result<SandboxSettings, AdminError> {
        self.call(&CONFIGURE, &[], Some(to_json(&CONFIGURE, update)?))
            .await
    }

    /// `GET /__admin/config`: the configuration in force.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// println!("tokens live {} s", admin.read_config().await?.token_ttl_secs);
    /// # Ok(()) }
    /// ```
    pub async fn read_config(&self) -> Result<SandboxSettings, AdminError> {
        self.call(&READ_CONFIG, &[], None).await
    }

    /// `POST /__admin/reset`: forgets all state, faults, counters, requests and deliveries.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// admin.reset().await?;
    /// # Ok(()) }
    /// ```
    pub async fn reset(&self) -> Result<(), AdminError> {
        self.send(&RESET, &[], None).await.map(drop)
    }

    /// `GET /__admin/webhooks`: webhook settings and every delivery with its attempts.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// for d in admin.list_webhooks().await?.deliveries { println!("{} {} {:?}", d.id, d.event, d.state); }
    /// # Ok(()) }
    /// ```
    pub async fn list_webhooks(&self) -> Result<Webhooks, AdminError> {
        self.call(&LIST_WEBHOOKS, &[], None).await
    }

    /// `POST /__admin/webhooks/{id}/resend`: sends a recorded delivery again, as a new delivery.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// let again = admin.resend_webhook(1).await?;
    /// assert_eq!(again.resend_of, Some(1));
    /// # Ok(()) }
    /// ```
    pub async fn resend_webhook(&self, id: u64) -> Result<WebhookDelivery, AdminError> {
        self.call(&RESEND_WEBHOOK, &[&id.to_string()], None).await
    }

    /// `GET /__admin/openapi.json`: the OpenAPI document of the admin API.
    ///
    /// ```no_run
    /// # async fn demo(admin: paywire_sandbox::AdminClient) -> Result<(), paywire_sandbox::AdminError> {
    /// assert_eq!(admin.openapi().await?["openapi"], "3.1.0");
    /// # Ok(()) }
    /// ```
    pub async fn openapi(&self) -> Result<Value, AdminError> {
        self.send(&OPENAPI, &[], None).await
    }
}

fn to_json<T: Serialize>(op: &AdminOperation, body: &T) -> Result<Value, AdminError> {
    serde_json::to_value(body).map_err(|e| AdminError::Decode {
        operation: op.helper,
        message: e.to_string(),
    })
}

fn decode<T: DeserializeOwned>(op: &AdminOperation, value: Value) -> Result<T, AdminError> {
    serde_json::from_value(value).map_err(|e| AdminError::Decode {
        operation: op.helper,
        message: e.to_string(),
    })
}

/// Decodes the typed keys and keeps the whole answer in the `raw` field `raw_of` points to.
fn decode_with_raw<T: DeserializeOwned>(
    op: &AdminOperation,
    value: Value,
    raw_of: impl FnOnce(&mut T) -> &mut Value,
) -> Result<T, AdminError> {
    let mut typed: T = decode(op, value.clone())?;
    *raw_of(&mut typed) = value;
    Ok(typed)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use std::collections::BTreeSet;

    use super::ADMIN_OPERATIONS;

    /// The other half of "one source of truth": every public method of `AdminClient` has a
    /// row in `ADMIN_OPERATIONS` and every row names a method (the OpenAPI half is in
    /// tests/admin_client.rs). Read from this file's own source.
    #[test]
    fn every_method_has_exactly_one_row_and_every_row_a_method() {
        let source = include_str!("admin_client.rs");
        let client = source
            .split("impl AdminClient {")
            .nth(1)
            .expect("impl block")
            .split("\n}\n")
            .next()
            .expect("end of impl block");
        let methods: Vec<&str> = client
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub async fn "))
            .filter_map(|l| l.split('(').next())
            .collect();
        let rows: Vec<&str> = ADMIN_OPERATIONS.iter().map(|op| op.helper).collect();
        let unique: BTreeSet<&str> = rows.iter().copied().collect();
        assert_eq!(unique.len(), rows.len(), "a helper named twice: {rows:?}");
        let methods_set: BTreeSet<&str> = methods.iter().copied().collect();
        assert_eq!(methods_set.len(), methods.len());
        assert_eq!(methods_set, unique);
        // And each method uses its own row (its constant's name is its name in capitals).
        for name in methods {
            let body = client
                .split(&format!("pub async fn {name}("))
                .nth(1)
                .expect("method body")
                .split("pub async fn ")
                .next()
                .expect("method body");
            let constant = format!("&{}", name.to_ascii_uppercase());
            assert!(body.contains(&constant), "{name} does not send {constant}");
        }
    }

    #[test]
    fn path_parameters_are_filled_and_encoded() {
        let admin = super::AdminClient::new("http://127.0.0.1:1/").expect("client");
        let url = admin.url(&super::DEPOSIT_BOOTPAY_VBANK, &["a/b c"]);
        assert_eq!(
            url.as_str(),
            "http://127.0.0.1:1/__admin/bootpay/receipts/a%2Fb%20c/deposit"
        );
        assert!(super::AdminClient::new("ftp://x").is_err());
    }
}
