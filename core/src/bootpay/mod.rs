//! The Bootpay REST v2 client.
//!
//! [`Client`] is cheap to clone and safe to share across tasks: it owns one pooled HTTP client and one
//! token cache. Operations live in one module per resource area and are all `async fn`s on `Client`.

mod billing;
mod cash_receipt;
mod client;
mod enums;
mod errors;
/// What the fuzz targets run of this provider (crate-visible with the `fuzzing` feature only).
#[cfg(feature = "fuzzing")]
pub(crate) mod fuzzing_hooks {
    pub(crate) use super::client::token_schedule;
    pub(crate) use super::errors::interpret;
    pub(crate) use super::link::link_answer;
}
mod escrow;
mod identity;
mod link;
mod models;
mod operations;
mod payments;
mod user;
mod verify;
mod webhook;

pub use crate::raw::RawRequest;
pub use crate::JsonValue;
pub use billing::*;
pub use cash_receipt::*;
pub use client::{BootpayConfig, Client, ClientBuilder, Mode};
pub use enums::*;
pub use escrow::*;
pub use identity::*;
pub use link::*;
pub use models::*;
use operations::spec;
pub use operations::OPERATIONS;
pub use payments::*;
pub use user::*;
pub use verify::Confirmed;
pub use webhook::*;
