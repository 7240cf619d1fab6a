//! A Bootpay answer (2 bytes HTTP status, then the body): error mapping and every response model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paywire::fuzzing::bootpay_answer(data));
