//! A webhook delivery (1 byte choosing the Content-Type, then the body): both providers' parsers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paywire::fuzzing::webhooks(data));
