//! iamport's open value sets. Each has an `Unknown` case carrying the wire string, so a value iamport adds
//! tomorrow still decodes; Swift `switch`es over them need a `default` (or `@unknown default`).

use paywire::iamport as core;

/// Declares an FFI enum mirroring one of core's open enums (`Name::Unknown(String)`), both conversions.
macro_rules! open_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)+
            /// A value paywire does not know yet, as sent.
            Unknown {
                /// The wire string.
                value: String,
            },
        }

        impl From<core::$name> for $name {
            fn from(value: core::$name) -> Self {
                match value {
                    $(core::$name::$variant => Self::$variant,)+
                    core::$name::Unknown(value) => Self::Unknown { value },
                }
            }
        }

        impl From<$name> for core::$name {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => Self::$variant,)+
                    // A known wire string given as `Unknown` still maps to its case.
                    $name::Unknown { value } => Self::from(value.as_str()),
                }
            }
        }
    };
}

open_enum! {
    /// A payment's `status`.
    PaymentStatus {
        /// `ready`: not paid yet (a virtual account was issued, or the window was opened and maybe abandoned).
        Ready,
        /// `paid`.
        Paid,
        /// `cancelled`: fully cancelled (a partial cancel keeps `Paid`; compare `cancel_amount`).
        Cancelled,
        /// `failed`.
        Failed,
    }
}

open_enum! {
    /// A schedule's `schedule_status`.
    ScheduleStatus {
        /// `scheduled`: waiting to run.
        Scheduled,
        /// `executed`: ran (see `payment_status`).
        Executed,
        /// `revoked`.
        Revoked,
    }
}

open_enum! {
    /// The order of list answers.
    Sorting {
        /// `-started`: newest first (the default).
        StartedDesc,
        /// `started`: oldest first.
        Started,
        /// `-paid`: latest paid first.
        PaidDesc,
        /// `paid`: earliest paid first.
        Paid,
        /// `-updated`: latest updated first.
        UpdatedDesc,
        /// `updated`: earliest updated first.
        Updated,
    }
}

/// What a payment that passed `verify_payment` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
pub enum VerifiedState {
    /// Paid: fulfil the order (idempotently).
    Paid,
    /// A virtual account was issued and awaits the deposit: show the account, wait for the `paid` webhook.
    VirtualAccountIssued,
}

impl From<core::VerifiedState> for VerifiedState {
    fn from(state: core::VerifiedState) -> Self {
        match state {
            core::VerifiedState::Paid => Self::Paid,
            core::VerifiedState::VirtualAccountIssued => Self::VirtualAccountIssued,
        }
    }
}

/// The wire string of a payment status (`paid`, …; an `Unknown` gives its own value).
#[uniffi::export]
pub fn payment_status_wire(status: PaymentStatus) -> String {
    core::PaymentStatus::from(status).as_str().to_owned()
}
