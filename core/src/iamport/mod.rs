//! The iamport (PortOne V1) client.
//!
//! Same shape as [`crate::bootpay`]: one cheap-to-clone [`Client`] with a builder, a managed token
//! (skew-safe, single-flight, one retry after a 401), typed requests and responses, and errors decided by
//! the envelope's `code` — iamport reports business failures with HTTP 200.

mod billing;
mod certifications;
mod client;
mod codes;
mod enums;
mod errors;
/// What the fuzz targets run of this provider (crate-visible with the `fuzzing` feature only).
#[cfg(feature = "fuzzing")]
pub(crate) mod fuzzing_hooks {
    pub(crate) use super::client::{token_schedule, Answer};
    pub(crate) use super::errors::{interpret, is_envelope_not_found};
}
mod escrow;
mod models;
mod operations;
mod payments;
mod receipts;
mod schedules;
mod vbanks;
mod verify;
mod webhook;

pub use crate::raw::RawRequest;
pub use crate::JsonValue;
pub use billing::{
    AgainPayment, CardInput, IamportIssueBillingKey, IssueBillingKey, OnetimePayment,
    PaymentOptions,
};
pub use certifications::CertificationOtpRequest;
pub use client::{Client, ClientBuilder, IamportConfig, PRODUCTION_URL, STATIC_IP_URL};
pub use enums::{PaymentStatus, ScheduleStatus, Sorting};
pub use escrow::{EscrowLogisRequest, EscrowParty, EscrowShipment};
pub use models::*;
use operations::spec;
pub use operations::OPERATIONS;
pub use payments::{CancelPayment, IamportCancelPayment, ListOptions};
pub use receipts::{IssueCashReceipt, IssueExternalCashReceipt};
pub use schedules::{ScheduleItem, SchedulePayments};
pub use vbanks::IssueVbank;
pub use verify::{VerifiedPayment, VerifiedState};
pub use webhook::IamportWebhook;
