//! Bootpay's value sets as open enums: a value we do not know decodes as `Unknown`, never as an error,
//! because Bootpay keeps adding statuses (41 arrived late) and PGs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The `status` of a receipt, billing key or certificate (spec §7.1).
///
/// ```
/// use paywire::bootpay::ReceiptStatus;
/// let s: ReceiptStatus = serde_json::from_str("2").unwrap_or(ReceiptStatus::Unknown(0));
/// assert_eq!(s, ReceiptStatus::AwaitingConfirm);
/// let odd: ReceiptStatus = serde_json::from_str("77").unwrap_or(ReceiptStatus::Unknown(0));
/// assert_eq!(odd, ReceiptStatus::Unknown(77));
/// assert_eq!(odd.code(), 77);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Display))]
pub enum ReceiptStatus {
    /// 0: requested, not approved yet.
    #[default]
    Waiting,
    /// 1: paid.
    Paid,
    /// 2: approved by the customer, awaiting the server confirm.
    AwaitingConfirm,
    /// 3: approval in progress at the PG.
    Approving,
    /// 5: virtual account issued, awaiting the deposit.
    VirtualAccountIssued,
    /// 11: billing key issued.
    BillingKeyIssued,
    /// 12: identity verification completed.
    Authenticated,
    /// 20: cancelled (fully or partly: compare `cancelled_price` with `price`).
    Cancelled,
    /// 41: account billing key consented, waiting for publish.
    TransferConsented,
    /// -1: failed before approval.
    Failed,
    /// -2: approval failed.
    ApprovalFailed,
    /// -3: virtual account issuance cancelled.
    VirtualAccountCancelled,
    /// -11: billing key cancelled.
    BillingKeyCancelled,
    /// -20: cancel failed.
    CancelFailed,
    /// -30: cancel in progress at the PG.
    Cancelling,
    /// A value paywire does not know yet.
    Unknown(i64),
}

impl ReceiptStatus {
    const TABLE: [(i64, ReceiptStatus); 15] = [
        (0, Self::Waiting),
        (1, Self::Paid),
        (2, Self::AwaitingConfirm),
        (3, Self::Approving),
        (5, Self::VirtualAccountIssued),
        (11, Self::BillingKeyIssued),
        (12, Self::Authenticated),
        (20, Self::Cancelled),
        (41, Self::TransferConsented),
        (-1, Self::Failed),
        (-2, Self::ApprovalFailed),
        (-3, Self::VirtualAccountCancelled),
        (-11, Self::BillingKeyCancelled),
        (-20, Self::CancelFailed),
        (-30, Self::Cancelling),
    ];

    /// The wire number.
    pub fn code(self) -> i64 {
        match self {
            Self::Unknown(n) => n,
            known => Self::TABLE
                .iter()
                .find(|(_, s)| *s == known)
                .map(|(n, _)| *n)
                .unwrap_or_default(),
        }
    }

    /// Every status paywire knows, in a fixed order (bindings build their own enums from it).
    ///
    /// ```
    /// use paywire::bootpay::ReceiptStatus;
    /// assert!(ReceiptStatus::known().any(|s| s == ReceiptStatus::Paid && s.code() == 1));
    /// assert!(ReceiptStatus::known().all(|s| !matches!(s, ReceiptStatus::Unknown(_))));
    /// ```
    pub fn known() -> impl Iterator<Item = Self> {
        Self::TABLE.iter().map(|(_, s)| *s)
    }

    /// The status for a wire number.
    pub fn from_code(code: i64) -> Self {
        Self::TABLE
            .iter()
            .find(|(n, _)| *n == code)
            .map(|(_, s)| *s)
            .unwrap_or(Self::Unknown(code))
    }
}

impl fmt::Display for ReceiptStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}({})", self, self.code())
    }
}

impl Serialize for ReceiptStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for ReceiptStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = crate::wire::opt_int(d)?.unwrap_or_default();
        Ok(Self::from_code(code))
    }
}

/// A payment gateway. Bootpay accepts English aliases and Korean names; both decode to the same variant.
///
/// ```
/// use paywire::bootpay::Pg;
/// assert_eq!(Pg::from("나이스페이"), Pg::Nicepay);
/// assert_eq!(Pg::from("newpg"), Pg::Unknown("newpg".into()));
/// assert_eq!(Pg::Nicepay.as_str(), "nicepay");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Display))]
pub enum Pg {
    /// NICEPAY (나이스페이).
    Nicepay,
    /// Danal (다날).
    Danal,
    /// KCP.
    Kcp,
    /// KG INICIS (이니시스).
    Inicis,
    /// Toss Payments (토스).
    Tosspayments,
    /// Payletter (페이레터).
    Payletter,
    /// KakaoPay (카카오페이).
    Kakao,
    /// PAYCO (페이코).
    Payco,
    /// Welcome Payments (웰컴페이먼츠).
    Welcome,
    /// PayApp (페이앱).
    Payapp,
    /// Kiwoom Pay (키움페이).
    Kiwoom,
    /// A PG paywire does not know yet, as sent.
    Unknown(String),
}

impl Pg {
    const TABLE: [(&'static str, &'static [&'static str], Pg); 11] = [
        ("nicepay", &["나이스페이", "nice"], Pg::Nicepay),
        ("danal", &["다날"], Pg::Danal),
        ("kcp", &["케이씨피"], Pg::Kcp),
        ("inicis", &["이니시스"], Pg::Inicis),
        (
            "tosspayments",
            &["토스", "toss", "토스페이먼츠"],
            Pg::Tosspayments,
        ),
        ("payletter", &["페이레터"], Pg::Payletter),
        ("kakao", &["카카오페이", "kakaopay", "카카오"], Pg::Kakao),
        ("payco", &["페이코"], Pg::Payco),
        ("welcome", &["웰컴페이먼츠", "welcomepayments"], Pg::Welcome),
        ("payapp", &["페이앱"], Pg::Payapp),
        ("kiwoom", &["키움페이", "kiwoompay"], Pg::Kiwoom),
    ];

    /// Every PG paywire knows, in a fixed order (bindings build their own enums from it).
    ///
    /// ```
    /// use paywire::bootpay::Pg;
    /// assert!(Pg::known().any(|pg| pg.as_str() == "nicepay"));
    /// ```
    pub fn known() -> impl Iterator<Item = Self> {
        Self::TABLE.iter().map(|(_, _, pg)| pg.clone())
    }

    /// The canonical English name (the original text for unknown PGs).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown(name) => name,
            known => Self::TABLE
                .iter()
                .find(|(_, _, pg)| pg == known)
                .map(|(name, _, _)| *name)
                .unwrap_or_default(),
        }
    }
}

impl From<&str> for Pg {
    fn from(value: &str) -> Self {
        let lower = value.trim().to_lowercase();
        Self::TABLE
            .iter()
            .find(|(name, aliases, _)| *name == lower || aliases.contains(&lower.as_str()))
            .map(|(_, _, pg)| pg.clone())
            .unwrap_or_else(|| Self::Unknown(value.to_owned()))
    }
}

impl fmt::Display for Pg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Pg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Pg {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Pg::from(
            crate::wire::opt_string(d)?.unwrap_or_default().as_str(),
        ))
    }
}

/// The kind of a Bootpay webhook (`webhook_type`, client SDK 5.x); older payloads have none.
///
/// ```
/// use paywire::bootpay::WebhookType;
/// assert_eq!(WebhookType::from("PAYMENT_COMPLETED"), WebhookType::PaymentCompleted);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Display))]
pub enum WebhookType {
    /// `PAYMENT_COMPLETED` (status 1).
    PaymentCompleted,
    /// `PAYMENT_CANCELLED` (status 20, fully).
    PaymentCancelled,
    /// `PAYMENT_PARTIAL_CANCELLED` (status 20, partly).
    PaymentPartialCancelled,
    /// `PAYMENT_VIRTUAL_ACCOUNT_ISSUED` (status 5).
    PaymentVirtualAccountIssued,
    /// A type paywire does not know yet.
    Unknown(String),
}

impl WebhookType {
    /// Every type paywire knows, in a fixed order (bindings build their own enums from it).
    ///
    /// ```
    /// use paywire::bootpay::WebhookType;
    /// assert_eq!(WebhookType::known().next(), Some(WebhookType::PaymentCompleted));
    /// ```
    pub fn known() -> impl Iterator<Item = Self> {
        [
            Self::PaymentCompleted,
            Self::PaymentCancelled,
            Self::PaymentPartialCancelled,
            Self::PaymentVirtualAccountIssued,
        ]
        .into_iter()
    }

    /// The wire string.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PaymentCompleted => "PAYMENT_COMPLETED",
            Self::PaymentCancelled => "PAYMENT_CANCELLED",
            Self::PaymentPartialCancelled => "PAYMENT_PARTIAL_CANCELLED",
            Self::PaymentVirtualAccountIssued => "PAYMENT_VIRTUAL_ACCOUNT_ISSUED",
            Self::Unknown(s) => s,
        }
    }
}

impl From<&str> for WebhookType {
    fn from(value: &str) -> Self {
        match value {
            "PAYMENT_COMPLETED" => Self::PaymentCompleted,
            "PAYMENT_CANCELLED" => Self::PaymentCancelled,
            "PAYMENT_PARTIAL_CANCELLED" => Self::PaymentPartialCancelled,
            "PAYMENT_VIRTUAL_ACCOUNT_ISSUED" => Self::PaymentVirtualAccountIssued,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl fmt::Display for WebhookType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for WebhookType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for WebhookType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from(String::deserialize(d)?.as_str()))
    }
}
