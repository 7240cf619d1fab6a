//! The redaction helpers (1 byte snippet length, then the text): bounded, never quoting a long digit run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paywire::fuzzing::redaction(data));
