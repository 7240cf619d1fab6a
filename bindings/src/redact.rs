//! `Debug`/`Display` for records that hold a secret (keys, card data, identity numbers, tokens).
//!
//! Those records export both traits over FFI, so Kotlin's `toString()` and Swift's `description` /
//! `debugDescription` come from here and print `***` for every secret field, instead of the generated
//! field dump that would print the secret itself.

use std::fmt;

/// How a secret field prints.
pub(crate) struct Masked<'a, T: ?Sized>(pub(crate) &'a T);

impl fmt::Debug for Masked<'_, String> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Debug for Masked<'_, Option<String>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(_) => f.write_str("Some(***)"),
            None => f.write_str("None"),
        }
    }
}

/// Implements `Debug` (secrets as `***`) and `Display` (the same text) for a record.
macro_rules! redacted_debug {
    ($ty:ident { $($plain:ident),* ; secret: $($secret:ident),+ }) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($plain).trim_start_matches("r#"), &self.$plain))*
                    $(.field(stringify!($secret), &$crate::redact::Masked(&self.$secret)))+
                    .finish()
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(self, f)
            }
        }
    };
}

pub(crate) use redacted_debug;

/// `Display` = `Debug` for records whose `Debug` is already safe (secrets only inside redacting children).
macro_rules! display_as_debug {
    ($($ty:ident),+) => {$(
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(self, f)
            }
        }
    )+};
}

pub(crate) use display_as_debug;
