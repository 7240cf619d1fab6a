//! Bootpay's open value sets. Each has an `Unknown` case carrying the wire value, so a status or PG that
//! Bootpay adds tomorrow still decodes; Swift `switch`es over them need a `default` (or `@unknown default`).

use paywire::bootpay as core;

/// Which Bootpay server to talk to; `BootpayConfig.base_url` overrides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, uniffi::Enum)]
pub enum Mode {
    /// `https://api.bootpay.co.kr/v2`
    Production,
    /// `https://dev-api.bootpay.co.kr/v2`
    Development,
    /// `https://stage-api.bootpay.co.kr/v2`
    Stage,
    /// `https://test-api.bootpay.co.kr/v2`
    Test,
}

impl From<Mode> for core::Mode {
    fn from(mode: Mode) -> Self {
        match mode {
            Mode::Production => Self::Production,
            Mode::Development => Self::Development,
            Mode::Stage => Self::Stage,
            Mode::Test => Self::Test,
        }
    }
}

/// The `status` of a receipt, billing key or certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
pub enum ReceiptStatus {
    /// 0: requested, not approved yet.
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
    /// 20: cancelled, fully or partly (compare `cancelled_price` with `price`).
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
    /// A status paywire does not know yet, with its wire number.
    Unknown {
        /// The wire number.
        code: i64,
    },
}

impl From<core::ReceiptStatus> for ReceiptStatus {
    fn from(status: core::ReceiptStatus) -> Self {
        use core::ReceiptStatus as S;
        match status {
            S::Waiting => Self::Waiting,
            S::Paid => Self::Paid,
            S::AwaitingConfirm => Self::AwaitingConfirm,
            S::Approving => Self::Approving,
            S::VirtualAccountIssued => Self::VirtualAccountIssued,
            S::BillingKeyIssued => Self::BillingKeyIssued,
            S::Authenticated => Self::Authenticated,
            S::Cancelled => Self::Cancelled,
            S::TransferConsented => Self::TransferConsented,
            S::Failed => Self::Failed,
            S::ApprovalFailed => Self::ApprovalFailed,
            S::VirtualAccountCancelled => Self::VirtualAccountCancelled,
            S::BillingKeyCancelled => Self::BillingKeyCancelled,
            S::CancelFailed => Self::CancelFailed,
            S::Cancelling => Self::Cancelling,
            S::Unknown(code) => Self::Unknown { code },
        }
    }
}

impl From<ReceiptStatus> for core::ReceiptStatus {
    fn from(status: ReceiptStatus) -> Self {
        use ReceiptStatus as S;
        match status {
            S::Waiting => Self::Waiting,
            S::Paid => Self::Paid,
            S::AwaitingConfirm => Self::AwaitingConfirm,
            S::Approving => Self::Approving,
            S::VirtualAccountIssued => Self::VirtualAccountIssued,
            S::BillingKeyIssued => Self::BillingKeyIssued,
            S::Authenticated => Self::Authenticated,
            S::Cancelled => Self::Cancelled,
            S::TransferConsented => Self::TransferConsented,
            S::Failed => Self::Failed,
            S::ApprovalFailed => Self::ApprovalFailed,
            S::VirtualAccountCancelled => Self::VirtualAccountCancelled,
            S::BillingKeyCancelled => Self::BillingKeyCancelled,
            S::CancelFailed => Self::CancelFailed,
            S::Cancelling => Self::Cancelling,
            S::Unknown { code } => Self::from_code(code),
        }
    }
}

/// The wire number of a status (e.g. 2 for `AwaitingConfirm`).
#[uniffi::export]
pub fn receipt_status_code(status: ReceiptStatus) -> i64 {
    core::ReceiptStatus::from(status).code()
}

/// A payment gateway; Korean names and aliases decode to the same case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
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
    Unknown {
        /// The name as Bootpay sent it.
        name: String,
    },
}

impl From<core::Pg> for Pg {
    fn from(pg: core::Pg) -> Self {
        use core::Pg as P;
        match pg {
            P::Nicepay => Self::Nicepay,
            P::Danal => Self::Danal,
            P::Kcp => Self::Kcp,
            P::Inicis => Self::Inicis,
            P::Tosspayments => Self::Tosspayments,
            P::Payletter => Self::Payletter,
            P::Kakao => Self::Kakao,
            P::Payco => Self::Payco,
            P::Welcome => Self::Welcome,
            P::Payapp => Self::Payapp,
            P::Kiwoom => Self::Kiwoom,
            P::Unknown(name) => Self::Unknown { name },
        }
    }
}

/// The kind of a Bootpay webhook.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
pub enum WebhookType {
    /// `PAYMENT_COMPLETED` (status 1).
    PaymentCompleted,
    /// `PAYMENT_CANCELLED` (status 20, fully).
    PaymentCancelled,
    /// `PAYMENT_PARTIAL_CANCELLED` (status 20, partly).
    PaymentPartialCancelled,
    /// `PAYMENT_VIRTUAL_ACCOUNT_ISSUED` (status 5).
    PaymentVirtualAccountIssued,
    /// A type paywire does not know yet, as sent.
    Unknown {
        /// The wire string.
        value: String,
    },
}

impl From<core::WebhookType> for WebhookType {
    fn from(kind: core::WebhookType) -> Self {
        use core::WebhookType as W;
        match kind {
            W::PaymentCompleted => Self::PaymentCompleted,
            W::PaymentCancelled => Self::PaymentCancelled,
            W::PaymentPartialCancelled => Self::PaymentPartialCancelled,
            W::PaymentVirtualAccountIssued => Self::PaymentVirtualAccountIssued,
            W::Unknown(value) => Self::Unknown { value },
        }
    }
}

impl From<WebhookType> for core::WebhookType {
    fn from(kind: WebhookType) -> Self {
        match kind {
            WebhookType::PaymentCompleted => Self::PaymentCompleted,
            WebhookType::PaymentCancelled => Self::PaymentCancelled,
            WebhookType::PaymentPartialCancelled => Self::PaymentPartialCancelled,
            WebhookType::PaymentVirtualAccountIssued => Self::PaymentVirtualAccountIssued,
            WebhookType::Unknown { value } => Self::from(value.as_str()),
        }
    }
}
