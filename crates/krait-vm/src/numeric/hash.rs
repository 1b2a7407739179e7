//! CPython's hash functions for numbers, tuples, str and bytes.
//!
//! Numeric hashing (`Python/pyhash.c`, `Objects/longobject.c`) makes equal
//! numbers of different types hash equal: every rational `x` hashes to
//! `x mod P` with `P = 2**61 - 1` (a Mersenne prime), sign applied after
//! reduction, and `-1` (the C error value) replaced by `-2`.
//!
//! * [`hash_int`] / [`hash_i64`]: `long_hash`, i.e. `sign * (|n| mod P)`.
//! * [`hash_float`]: `_Py_HashDouble`, which reduces the exact binary value
//!   28 bits at a time and folds the exponent in as a rotation (multiplying
//!   by `2**e` mod `P` is a rotation of the 61-bit value). Infinities hash
//!   to `±314159`. Since 3.10 a NaN hashes by object identity
//!   (`_Py_HashPointer`), so [`hash_float`] returns `None` for NaN and the
//!   caller uses [`hash_pointer`] on the object address.
//! * [`hash_complex`]: `hash(re) + 1000003 * hash(im)` in wrapping
//!   unsigned arithmetic.
//! * [`hash_tuple`]: 3.11's xxHash-64-inspired `tuplehash` over the item
//!   hashes.
//! * [`hash_bytes`] / [`hash_str`]: `_Py_HashBytes` = SipHash-1-3 keyed by
//!   the process's [`HashSecret`]. `str` hashes its PEP 393 storage: one byte
//!   per character if every code point is below 256, else UTF-16-like
//!   2-byte little-endian units if below 65536, else 4-byte units. The
//!   empty string and empty bytes hash to 0.
//!
//! [`HashSecret::from_env_value`] reproduces `PYTHONHASHSEED`: unset or
//! `random` → random key; `0` → all-zero key (randomisation disabled);
//! `N` in `1..=4294967295` → the 24 secret bytes come from CPython's
//! `lcg_urandom(N)`, bytes 0..8 and 8..16 being SipHash's `k0`, `k1`
//! (the `siphash` member of the `_Py_HashSecret_t` union).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

use super::{NumericError, NumericResult};

/// `_PyHASH_BITS`.
pub const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS` = 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
pub const HASH_INF: i64 = 314159;
/// `_PyHASH_IMAG`.
pub const HASH_IMAG: u64 = 1000003;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int that fits in an i64 (the small-int fast path).
pub fn hash_i64(n: i64) -> i64 {
    let reduced = (n.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if n < 0 { -reduced } else { reduced })
}

/// `hash(n)` for any int (`long_hash`).
pub fn hash_int(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return hash_i64(small);
    }
    let reduced = (n.magnitude() % HASH_MODULUS).to_i64().expect("below 2**61");
    fix_minus_one(if n.is_negative() { -reduced } else { reduced })
}

/// `hash(x)` for a float (`_Py_HashDouble`); `None` for NaN, whose hash is
/// [`hash_pointer`] of the float object.
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) } as u32;
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    let h = (x as i64).wrapping_mul(sign);
    Some(fix_minus_one(h))
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (finite, `v != 0`);
/// `(0.0, 0)` for zero.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

/// `_Py_HashPointer`: the hash of an object by identity (NaN floats,
/// objects without `__hash__` overrides).
pub fn hash_pointer(addr: usize) -> i64 {
    let y = (addr as u64).rotate_right(4);
    fix_minus_one(y as i64)
}

/// `hash(float('nan'))` for the NaN object at `addr`.
pub fn hash_float_nan(addr: usize) -> i64 {
    hash_pointer(addr)
}

/// `hash(complex(re, im))`; `addr` is the complex object's address, used
/// when a part is NaN.
pub fn hash_complex(re: f64, im: f64, addr: usize) -> i64 {
    let hash_part = |x: f64| hash_float(x).unwrap_or_else(|| hash_pointer(addr)) as u64;
    let combined = hash_part(re).wrapping_add(HASH_IMAG.wrapping_mul(hash_part(im)));
    fix_minus_one(combined as i64)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(tuple)` (3.11 `tuplehash`) from the hashes of the items.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// The process-wide hash key (`_Py_HashSecret`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashSecret {
    /// The 24 secret bytes; SipHash uses bytes 0..8 and 8..16 as `k0`, `k1`.
    pub bytes: [u8; 24],
}

impl HashSecret {
    /// The key for a `PYTHONHASHSEED` value (`None` when unset).
    pub fn from_env_value(value: Option<&str>) -> NumericResult<HashSecret> {
        match value {
            None => Ok(HashSecret::random()),
            Some(text) if text.is_empty() || text == "random" => Ok(HashSecret::random()),
            Some(text) => match text.parse::<u64>() {
                Ok(seed) if seed <= u32::MAX as u64 => Ok(HashSecret::from_seed(seed as u32)),
                _ => Err(NumericError::ValueError(
                    "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]".into(),
                )),
            },
        }
    }

    /// The key for a fixed seed: all zeros for 0, else `lcg_urandom(seed)`.
    pub fn from_seed(seed: u32) -> HashSecret {
        let mut bytes = [0u8; 24];
        if seed != 0 {
            let mut x = seed;
            for byte in bytes.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *byte = ((x >> 16) & 0xff) as u8;
            }
        }
        HashSecret { bytes }
    }

    /// A random key (CPython reads the OS random source; the standard
    /// library's per-process random SipHash keys serve the same purpose).
    pub fn random() -> HashSecret {
        use std::collections::hash_map::RandomState;
        use std::hash::BuildHasher;
        let mut bytes = [0u8; 24];
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut hasher = RandomState::new().build_hasher();
            hasher.write_usize(i);
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
        HashSecret { bytes }
    }

    /// SipHash's `(k0, k1)`.
    pub fn keys(&self) -> (u64, u64) {
        let k0 = u64::from_le_bytes(self.bytes[0..8].try_into().expect("8 bytes"));
        let k1 = u64::from_le_bytes(self.bytes[8..16].try_into().expect("8 bytes"));
        (k0, k1)
    }
}

/// `_Py_HashBytes`: SipHash-1-3 of `data`, 0 for empty input, -1 → -2.
pub fn hash_bytes(secret: &HashSecret, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = secret.keys();
    let mut hasher = SipHasher13::new_with_keys(k0, k1);
    hasher.write(data);
    fix_minus_one(hasher.finish() as i64)
}

/// `hash(s)` for a str given as code points, hashing its PEP 393 storage.
pub fn hash_str_codepoints(secret: &HashSecret, codepoints: &[u32]) -> i64 {
    let max = codepoints.iter().copied().max().unwrap_or(0);
    let data: Vec<u8> = if max < 0x100 {
        codepoints.iter().map(|&c| c as u8).collect()
    } else if max < 0x10000 {
        codepoints.iter().flat_map(|&c| (c as u16).to_le_bytes()).collect()
    } else {
        codepoints.iter().flat_map(|&c| c.to_le_bytes()).collect()
    };
    hash_bytes(secret, &data)
}

/// `hash(s)` for a Rust string.
pub fn hash_str(secret: &HashSecret, s: &str) -> i64 {
    let codepoints: Vec<u32> = s.chars().map(|c| c as u32).collect();
    hash_str_codepoints(secret, &codepoints)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(42), 42);
        assert_eq!(hash_i64(i64::MIN), -4);
        let big = |s: &str| hash_int(&s.parse().unwrap());
        assert_eq!(big("1267650600228229401496703205376"), 549755813888); // 2**100
        assert_eq!(big("-1267650600228229401496703205376"), -549755813888);
        assert_eq!(big("2305843009213693951"), 0); // 2**61-1
        assert_eq!(big("2305843009213693952"), 1); // 2**61
        assert_eq!(big("1000000000000000000000000000000"), 465258685558744706);
        assert_eq!(big("-1000000000000000000000000000000"), -465258685558744706);
        assert_eq!(big("9223372036854775808"), 4); // 2**63
        assert_eq!(big("18446744073709551615"), 7); // 2**64-1
    }

    #[test]
    fn floats() {
        assert_eq!(hash_float(1.5), Some(1152921504606846977));
        assert_eq!(hash_float(-0.5), Some(-1152921504606846976));
        assert_eq!(hash_float(0.1), Some(230584300921369408));
        assert_eq!(hash_float(1e300), Some(1224995262755759164));
        assert_eq!(hash_float(1e-300), Some(482449582752280463));
        assert_eq!(hash_float(-1e-300), Some(-482449582752280463));
        assert_eq!(hash_float(5e-324), Some(16777216));
        assert_eq!(hash_float(1e308), Some(156575653125701));
        assert_eq!(hash_float(-1.0), Some(-2));
        assert_eq!(hash_float(2.0), Some(2));
        assert_eq!(hash_float(0.0), Some(0));
        assert_eq!(hash_float(f64::INFINITY), Some(314159));
        assert_eq!(hash_float(f64::NEG_INFINITY), Some(-314159));
        assert_eq!(hash_float(f64::NAN), None);
        assert_eq!(hash_float(1e20), Some(hash_int(&"100000000000000000000".parse().unwrap())));
    }

    #[test]
    fn complex_and_tuples() {
        assert_eq!(hash_complex(1.0, 2.0, 0), 2000007);
        assert_eq!(hash_complex(1.5, -2.5, 0), -2305843009215693957);
        assert_eq!(hash_complex(0.0, -1.0, 0), -2000006);
        assert_eq!(hash_tuple(&[1, 2, 3]), 529344067295497451);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[-2]), 8078679518589016365);
        assert_eq!(hash_tuple(&[hash_float(1.5).unwrap(), -2]), -9002791676578425913);
        assert_eq!(hash_tuple(&[hash_tuple(&[])]), -5486347211504344842);
        assert_eq!(hash_pointer(0x10), 1);
    }

    fn strings(seed: u32) -> [i64; 9] {
        let s = HashSecret::from_seed(seed);
        [
            hash_str(&s, "abc"),
            hash_str(&s, "é"),
            hash_str(&s, "€"),
            hash_str(&s, "😀"),
            hash_bytes(&s, b"abc"),
            hash_str(&s, ""),
            hash_str(&s, "a€😀"),
            hash_str(&s, "hello world, a longer string"),
            hash_bytes(&s, b"\x00\xff"),
        ]
    }

    #[test]
    fn strings_match_pythonhashseed() {
        assert_eq!(
            strings(0),
            [
                -4594863902769663758,
                6047309291227476195,
                -5529981157763016009,
                -3536540696076613844,
                -4594863902769663758,
                0,
                -643331045009566827,
                -3895529945874917250,
                -2713640983873221217
            ]
        );
        assert_eq!(
            strings(1),
            [
                -4667308735975688587,
                8133168473585362875,
                4443362316794630049,
                7663130467274561019,
                -4667308735975688587,
                0,
                7955374662203228187,
                8838442819184298105,
                -7704959136854890894
            ]
        );
        assert_eq!(
            strings(12345),
            [
                2962436275791859092,
                6247654839523334371,
                -458755641747810198,
                4293605015213982892,
                2962436275791859092,
                0,
                2462249762156435271,
                5829342576909370745,
                2682619953333092245
            ]
        );
        assert_eq!(
            strings(4294967295),
            [
                -6122489556238538401,
                -5741392403324874290,
                1723250505947338019,
                -5273353973323107289,
                -6122489556238538401,
                0,
                4129030625129257095,
                2368557064732769151,
                -2940113491595316235
            ]
        );
    }

    #[test]
    fn secret_from_env() {
        assert_eq!(HashSecret::from_env_value(Some("0")).unwrap(), HashSecret { bytes: [0; 24] });
        assert_eq!(HashSecret::from_env_value(Some("12345")).unwrap(), HashSecret::from_seed(12345));
        assert!(HashSecret::from_env_value(Some("4294967296")).is_err());
        assert!(HashSecret::from_env_value(Some("-1")).is_err());
        let a = HashSecret::from_env_value(Some("random")).unwrap();
        let b = HashSecret::from_env_value(None).unwrap();
        assert_ne!(a, b, "random keys differ");
        assert_ne!(a, HashSecret::from_seed(0));
    }
}
