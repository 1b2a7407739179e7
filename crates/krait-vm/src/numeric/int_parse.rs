//! `int(str, base)` and `str(int)`, with the integer string conversion
//! length limit.
//!
//! Mirrors CPython 3.11 `Objects/longobject.c`:
//!
//! * `PyLong_FromUnicodeObject` first maps the text to ASCII
//!   (`_PyUnicode_TransformDecimalAndSpaceToASCII`): Unicode whitespace
//!   becomes a space, Unicode decimal digits (category Nd) become `0`–`9`,
//!   and the first other non-ASCII character ends the text with `?`, which
//!   guarantees a parse error. Then `PyLong_FromString` parses the ASCII:
//!   C whitespace, a sign, for base 0 a `0x`/`0o`/`0b` prefix (and the
//!   rule that a literal with a leading zero must be zero, so `'010'` is
//!   rejected), for bases 16/8/2 an optional matching prefix, then digits
//!   with single underscores *between* digits (one may follow the prefix).
//! * Every parse error is `invalid literal for int() with base N: R`, where
//!   `N` is the base the caller passed (0 stays 0) and `R` is the repr of the
//!   original text cut to 200 characters (`%.200R`).
//! * The CVE-2020-10735 limit (`sys.set_int_max_str_digits`, default 4300)
//!   applies to bases that are not powers of two, in both directions; it is
//!   checked on the digit count before any conversion work. 0 disables it.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, Zero};

use super::pyrepr::repr_str;
use super::{value_error, NumericError, NumericResult};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The code points whose Unicode decimal value is 0 (Unicode 14.0, as in
/// CPython 3.11); each starts a run of ten consecutive digits 0–9.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// `Py_UNICODE_TODECIMAL`: the decimal value of a Unicode Nd character.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_digit(10);
    }
    let idx = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    let zero = DECIMAL_ZEROS[idx.checked_sub(1)?];
    (cp - zero < 10).then_some(cp - zero)
}

/// `Py_UNICODE_ISSPACE` (`str.isspace` for one character).
pub fn is_unicode_whitespace(c: char) -> bool {
    matches!(c as u32,
        0x9..=0xd | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a
        | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// `Py_ISSPACE`: C whitespace in ASCII.
pub(crate) fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`.
pub(crate) fn transform_decimal_and_space(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_unicode_whitespace(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `_PyLong_DigitValue`: the value of an ASCII digit or letter, 37 otherwise.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

fn to_int_limit_error(max_str_digits: usize, digits: usize) -> NumericError {
    NumericError::ValueError(format!(
        "Exceeds the limit ({max_str_digits} digits) for integer string conversion: value has \
         {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn to_str_limit_error(max_str_digits: usize) -> NumericError {
    NumericError::ValueError(format!(
        "Exceeds the limit ({max_str_digits} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The `invalid literal` error for `text` parsed in `base`.
fn invalid_literal(text: &str, base: i64) -> NumericError {
    let repr: String = repr_str(text).chars().take(200).collect();
    NumericError::ValueError(format!("invalid literal for int() with base {base}: {repr}"))
}

/// Why [`parse_ascii`] failed.
enum ParseFailure {
    Invalid,
    Limit(usize),
}

/// `PyLong_FromString` over ASCII bytes (`base` is 0 or 2..=36).
fn parse_ascii(text: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, ParseFailure> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < text.len() && is_c_space(text[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' {
        let marker = at(i + 1).to_ascii_lowercase();
        if (base == 16 && marker == b'x') || (base == 8 && marker == b'o') || (base == 2 && marker == b'b') {
            i += 2;
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return Err(ParseFailure::Invalid);
    }
    let start = i;
    let mut values: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < text.len() && (digit_value(text[i]) < base || text[i] == b'_') {
        if text[i] == b'_' {
            if prev == b'_' {
                return Err(ParseFailure::Invalid);
            }
        } else {
            values.push(digit_value(text[i]) as u8);
        }
        prev = text[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(ParseFailure::Invalid);
    }
    if !base.is_power_of_two() && max_str_digits > 0 && values.len() > max_str_digits {
        return Err(ParseFailure::Limit(values.len()));
    }
    let magnitude = if values.is_empty() {
        BigUint::zero()
    } else {
        BigUint::from_radix_be(&values, base).expect("digits below the base")
    };
    if error_if_nonzero && !magnitude.is_zero() {
        return Err(ParseFailure::Invalid);
    }
    if i == start {
        return Err(ParseFailure::Invalid);
    }
    while i < text.len() && is_c_space(text[i]) {
        i += 1;
    }
    if i != text.len() {
        return Err(ParseFailure::Invalid);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

fn check_base(base: i64) -> NumericResult<u32> {
    if base != 0 && !(2..=36).contains(&base) {
        return value_error("int() base must be >= 2 and <= 36, or 0");
    }
    Ok(base as u32)
}

/// `int(text, base)` for a str (`PyLong_FromUnicodeObject`). `base` is 0
/// or 2..=36; `max_str_digits` is `sys.get_int_max_str_digits()`.
/// `int(text)` in base 10 without building a big int, for the common
/// case: optional ASCII whitespace around an optional sign and at most 18
/// ASCII digits (no underscores). `None` for anything else, which
/// `parse_int` then handles, errors included.
pub fn short_decimal(text: &str) -> Option<i64> {
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, digits) = match trimmed.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let magnitude = digits.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
    Some(if negative { -magnitude } else { magnitude })
}

pub fn parse_int(text: &str, base: i64, max_str_digits: usize) -> NumericResult<BigInt> {
    let radix = check_base(base)?;
    let ascii = transform_decimal_and_space(text);
    parse_ascii(&ascii, radix, max_str_digits).map_err(|failure| match failure {
        ParseFailure::Invalid => invalid_literal(text, base),
        ParseFailure::Limit(digits) => to_int_limit_error(max_str_digits, digits),
    })
}

/// `int(data, base)` for bytes or bytearray (`_PyLong_FromBytes`). The
/// error message embeds `repr_of_data`, the repr the caller computed
/// (`b'...'` or `bytearray(b'...')`).
pub fn parse_int_bytes(data: &[u8], base: i64, max_str_digits: usize, repr_of_data: &str) -> NumericResult<BigInt> {
    let radix = check_base(base)?;
    parse_ascii(data, radix, max_str_digits).map_err(|failure| match failure {
        ParseFailure::Invalid => {
            NumericError::ValueError(format!("invalid literal for int() with base {base}: {repr_of_data}"))
        }
        ParseFailure::Limit(digits) => to_int_limit_error(max_str_digits, digits),
    })
}

/// `str(value)` / `repr(value)` (`long_to_decimal_string`), with the
/// digit limit (`max_str_digits`, 0 = none).
pub fn int_to_decimal_string(value: &BigInt, max_str_digits: usize) -> NumericResult<String> {
    let digits = int_to_string_radix(&value.abs(), 10, max_str_digits)?;
    Ok(if value.is_negative() { format!("-{digits}") } else { digits })
}

/// The digits of `magnitude` (must be non-negative) in `radix`, lower case,
/// no prefix. Decimal output is subject to the digit limit.
pub fn int_to_string_radix(magnitude: &BigInt, radix: u32, max_str_digits: usize) -> NumericResult<String> {
    if radix == 10 && max_str_digits > 0 {
        // Cheap pre-check: a value of n bits has at least
        // floor((n - 1) * log10(2)) + 1 decimal digits.
        let bits = magnitude.bits();
        if bits > 1 && ((bits - 1) as f64 * std::f64::consts::LOG10_2) as u64 >= max_str_digits as u64 {
            return Err(to_str_limit_error(max_str_digits));
        }
    }
    let digits = magnitude.magnitude().to_str_radix(radix);
    if radix == 10 && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(to_str_limit_error(max_str_digits));
    }
    Ok(digits)
}

/// `bin()`, `oct()`, `hex()` (`_PyLong_Format` with a prefix): `-0x1f`.
pub fn int_to_prefixed_string(value: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if value.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", value.magnitude().to_str_radix(radix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str, base: i64) -> Result<String, String> {
        parse_int(text, base, DEFAULT_MAX_STR_DIGITS).map(|v| v.to_string()).map_err(|e| e.to_string())
    }

    #[test]
    fn short_decimals_agree_with_the_full_parser() {
        for text in ["0", "7", "-0", "+12", "  -42\n", "007", "999999999999999999", "-999999999999999999"] {
            assert_eq!(short_decimal(text).map(|i| i.to_string()), int(text, 10).ok(), "{text:?}");
        }
        for text in ["", "-", "1_000", "1e3", "0x10", "\u{2003}7", "\x0b7", "1000000000000000000", "١٢"] {
            assert_eq!(short_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn accepts_like_cpython() {
        assert_eq!(int("123", 10), Ok("123".into()));
        assert_eq!(int("  -42\n", 10), Ok("-42".into()));
        assert_eq!(int(" 1_000 ", 10), Ok("1000".into()));
        assert_eq!(int("0x_f", 16), Ok("15".into()));
        assert_eq!(int("0xff", 0), Ok("255".into()));
        assert_eq!(int("0o17", 0), Ok("15".into()));
        assert_eq!(int("-0B101", 0), Ok("-5".into()));
        assert_eq!(int("00", 0), Ok("0".into()));
        assert_eq!(int("0_0", 0), Ok("0".into()));
        assert_eq!(int("zz", 36), Ok("1295".into()));
        assert_eq!(int("\u{661}\u{662}", 10), Ok("12".into()));
        assert_eq!(int("\u{661}_\u{662}", 10), Ok("12".into()));
        assert_eq!(int("\u{2003} 12\u{3000}", 10), Ok("12".into()));
        assert_eq!(int("\u{660}x1", 0), Ok("1".into()));
        assert_eq!(int("0\u{660}", 0), Ok("0".into()));
        assert_eq!(int("\u{1d7d7}", 10), Ok("9".into()));
        assert_eq!(int("+7", 8), Ok("7".into()));
    }

    #[test]
    fn rejects_like_cpython() {
        let bad = |text: &str, base: i64, msg: &str| {
            assert_eq!(int(text, base), Err(format!("ValueError: {msg}")), "{text:?}");
        };
        bad("abc", 10, "invalid literal for int() with base 10: 'abc'");
        bad("010", 0, "invalid literal for int() with base 0: '010'");
        bad("0_1", 0, "invalid literal for int() with base 0: '0_1'");
        bad("1__0", 10, "invalid literal for int() with base 10: '1__0'");
        bad("_1", 10, "invalid literal for int() with base 10: '_1'");
        bad("1_", 10, "invalid literal for int() with base 10: '1_'");
        bad("0b102", 0, "invalid literal for int() with base 0: '0b102'");
        bad("", 10, "invalid literal for int() with base 10: ''");
        bad("  ", 10, "invalid literal for int() with base 10: '  '");
        bad("0x", 16, "invalid literal for int() with base 16: '0x'");
        bad("0_x1", 0, "invalid literal for int() with base 0: '0_x1'");
        bad("\u{661}x", 10, "invalid literal for int() with base 10: '\u{661}x'");
        bad("é", 10, "invalid literal for int() with base 10: 'é'");
        bad("\x1c1", 10, "invalid literal for int() with base 10: '\\x1c1'");
        bad("- 1", 10, "invalid literal for int() with base 10: '- 1'");
        bad("1", 1, "int() base must be >= 2 and <= 36, or 0");
        bad("1", 37, "int() base must be >= 2 and <= 36, or 0");
        let long = "x".repeat(300);
        let expected = format!("invalid literal for int() with base 10: '{}", "x".repeat(199));
        bad(&long, 10, &expected);
    }

    #[test]
    fn digit_limit() {
        let ones = "1".repeat(5000);
        assert_eq!(
            int(&ones, 10),
            Err("ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
                 value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
                .into())
        );
        assert!(int(&"1".repeat(4300), 10).is_ok());
        assert!(parse_int(&ones, 10, 0).is_ok());
        let hex = format!("0x{}", "f".repeat(5000));
        assert!(int(&hex, 16).is_ok());
        let big = BigInt::from(10u32).pow(5000);
        assert_eq!(
            int_to_decimal_string(&big, DEFAULT_MAX_STR_DIGITS).unwrap_err().to_string(),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let edge = BigInt::from(10u32).pow(4300) - 1u32;
        assert_eq!(int_to_decimal_string(&edge, DEFAULT_MAX_STR_DIGITS).unwrap().len(), 4300);
        let over = BigInt::from(10u32).pow(4300);
        assert!(int_to_decimal_string(&over, DEFAULT_MAX_STR_DIGITS).is_err());
        assert_eq!(int_to_decimal_string(&-over, 0).unwrap().len(), 4302);
    }

    #[test]
    fn output_forms() {
        assert_eq!(int_to_decimal_string(&BigInt::from(-42), 4300).unwrap(), "-42");
        assert_eq!(int_to_prefixed_string(&BigInt::from(-31), 16), "-0x1f");
        assert_eq!(int_to_prefixed_string(&BigInt::from(5), 2), "0b101");
        assert_eq!(int_to_prefixed_string(&BigInt::from(0), 8), "0o0");
    }

    #[test]
    fn bytes_input() {
        assert_eq!(parse_int_bytes(b" 12 ", 10, 4300, "b' 12 '").unwrap(), BigInt::from(12));
        assert_eq!(
            parse_int_bytes(b"x", 10, 4300, "b'x'").unwrap_err().to_string(),
            "ValueError: invalid literal for int() with base 10: b'x'"
        );
    }

    #[test]
    fn unicode_tables() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{669}'), Some(9));
        assert_eq!(decimal_value('\u{ff15}'), Some(5));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{b2}'), None);
        assert!(is_unicode_whitespace('\u{85}'));
        assert!(!is_unicode_whitespace('\u{200b}'));
    }
}
