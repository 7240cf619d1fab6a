//! An iamport answer (2 bytes HTTP status, then the body): envelope mapping and every response model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paywire::fuzzing::iamport_answer(data));
