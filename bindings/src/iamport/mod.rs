//! The iamport (PortOne V1) client: `IamportConfig`, `Iamport` (async) and `IamportBlocking` (Java), with
//! the records and enums mirroring `paywire::iamport`. Same machinery as Bootpay (`ops.rs`): one
//! operation list, `iamport_operations!`, exported on both objects.

mod client;
pub mod enums;
pub mod models;
pub mod requests;
pub mod webhook;

pub use client::{Iamport, IamportBlocking, IamportConfig};
