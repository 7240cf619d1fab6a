//! Request paths built from validated, percent-encoded segments.
//!
//! An id goes into a URL only through [`Path::push_id`], which refuses the empty string and anything that
//! could change the path (`/`, `?`, `#`, `..`, control characters) with an [`Error::InvalidInput`] naming
//! the field, before any network call. No SDK we replace encodes path segments at all.

use crate::error::{Error, Result};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A relative request path such as `receipt/6100e8e7019943003850f9b0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path(String);

impl Path {
    /// A fixed path written in the code.
    pub fn fixed(path: &'static str) -> Self {
        Self(path.to_owned())
    }

    /// A caller-built path for the raw-request escape hatch (checked by the caller).
    pub fn raw(path: &str) -> Self {
        Self(path.to_owned())
    }

    /// Appends a caller-supplied id as one encoded segment.
    pub fn push_id(mut self, field: &str, value: &str) -> Result<Self> {
        validate_id(field, value)?;
        self.0.push('/');
        self.0.extend(utf8_percent_encode(value, SEGMENT));
        Ok(self)
    }

    /// A fixed path followed by one id segment.
    pub fn with_id(path: &'static str, field: &str, value: &str) -> Result<Self> {
        Self::fixed(path).push_id(field, value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The longest id accepted: real ids are tens of characters; a megabyte id is a bug, refused before it is
/// sent (and before it can blow up an error message).
pub const MAX_ID_CHARS: usize = 512;

/// Checks that `value` can be an id: non-empty, not too long, not path-breaking.
pub(crate) fn validate_id(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(field, "must not be empty"));
    }
    let chars = value.chars().count();
    if chars > MAX_ID_CHARS {
        return Err(Error::invalid_input(
            field,
            format!("must be at most {MAX_ID_CHARS} characters (got {chars})"),
        ));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid_input(field, "must not be `.` or `..`"));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| matches!(c, '/' | '\\' | '?' | '#') || c.is_control())
    {
        return Err(Error::invalid_input(
            field,
            format!("must not contain {bad:?} (it would change the request path)"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_refuses() {
        let p = Path::with_id("receipt", "receipt_id", "a b+c%").map(|p| p.0);
        assert_eq!(p.ok().as_deref(), Some("receipt/a%20b%2Bc%25"));
        let long = "x".repeat(MAX_ID_CHARS + 1);
        for bad in ["", "  ", "a/b", "a?b", "..", "a#", "a\nb", long.as_str()] {
            assert!(
                Path::with_id("receipt", "receipt_id", bad).is_err(),
                "{bad:?}"
            );
        }
    }
}
