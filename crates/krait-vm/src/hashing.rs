//! The process-wide string hash key (`PYTHONHASHSEED`).
//!
//! The key is global rather than per-VM because a string's hash is cached in
//! the string and must not depend on which code asks; it is set once, when
//! the first VM starts. The hash functions themselves are in
//! `numeric::hash`.

use std::sync::OnceLock;

use crate::numeric::hash::HashSecret;

static SECRET: OnceLock<HashSecret> = OnceLock::new();

/// Set the key from `PYTHONHASHSEED` (`None`: random). Only the first call counts.
pub fn init(seed: Option<u64>) {
    let _ = SECRET.get_or_init(|| match seed {
        Some(seed) => HashSecret::from_seed(seed as u32),
        None => HashSecret::random(),
    });
}

/// The key.
#[inline]
pub fn secret() -> &'static HashSecret {
    SECRET.get_or_init(HashSecret::random)
}

/// `hash(s)` for a str, as CPython computes it.
#[inline]
pub fn hash_str(s: &str) -> i64 {
    crate::numeric::hash::hash_str(secret(), s)
}

/// `hash(b)` for bytes.
#[inline]
pub fn hash_bytes(b: &[u8]) -> i64 {
    crate::numeric::hash::hash_bytes(secret(), b)
}
