//! iamport's value sets as open enums: an unknown value decodes as `Unknown`, never as an error.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! open_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Display))]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A value paywire does not know yet, as sent.
            Unknown(String),
        }

        impl $name {
            /// Every value paywire knows, in declaration order (bindings build their own enums from it).
            pub fn known() -> impl Iterator<Item = Self> {
                [$(Self::$variant),+].into_iter()
            }

            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Self::from(crate::wire::opt_string(d)?.unwrap_or_default().as_str()))
            }
        }
    };
}

open_enum! {
    /// A payment's `status`.
    ///
    /// ```
    /// use paywire::iamport::PaymentStatus;
    /// assert_eq!(PaymentStatus::from("paid"), PaymentStatus::Paid);
    /// assert_eq!(PaymentStatus::from("partial_cancelled"), PaymentStatus::Unknown("partial_cancelled".into()));
    /// assert_eq!(PaymentStatus::known().count(), 4);
    /// ```
    PaymentStatus {
        /// Not paid yet: a virtual account was issued, or the window was opened (and maybe abandoned).
        Ready => "ready",
        /// Paid.
        Paid => "paid",
        /// Fully cancelled.
        Cancelled => "cancelled",
        /// Failed.
        Failed => "failed",
    }
}

// The macro cannot place `#[default]` on a variant, so the impl is written out.
#[allow(clippy::derivable_impls)]
impl Default for PaymentStatus {
    fn default() -> Self {
        Self::Ready
    }
}

open_enum! {
    /// A schedule's `schedule_status`.
    ScheduleStatus {
        /// Waiting to run.
        Scheduled => "scheduled",
        /// Ran (see `payment_status`).
        Executed => "executed",
        /// Revoked.
        Revoked => "revoked",
    }
}

#[allow(clippy::derivable_impls)]
impl Default for ScheduleStatus {
    fn default() -> Self {
        Self::Scheduled
    }
}

open_enum! {
    /// The order of list answers.
    Sorting {
        /// Newest first (the default).
        StartedDesc => "-started",
        /// Oldest first.
        Started => "started",
        /// Latest paid first.
        PaidDesc => "-paid",
        /// Earliest paid first.
        Paid => "paid",
        /// Latest updated first.
        UpdatedDesc => "-updated",
        /// Earliest updated first.
        Updated => "updated",
    }
}
