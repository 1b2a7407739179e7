//! `float(str)`, `float.fromhex` and `float.hex`.
//!
//! `float(str)` mirrors `PyFloat_FromString` (`Objects/floatobject.c`):
//!
//! 1. `_PyUnicode_TransformDecimalAndSpaceToASCII` maps Unicode whitespace
//!    to spaces and Unicode decimal digits to ASCII (shared with
//!    [`int_parse`](super::int_parse)).
//! 2. `_Py_string_to_number_with_underscores`: if the text has underscores,
//!    each must sit between two digits (`1_0.5` is fine, `1_.5`, `1__0`,
//!    `1e_5` are not); they are then removed.
//! 3. `float_from_string_inner`: strip C whitespace, then the rest must be
//!    exactly one `PyOS_string_to_double` literal — a decimal
//!    `[sign](digits[.digits]|.digits)[(e|E)[sign]digits]` or
//!    `[sign](inf|infinity|nan)` in any case. Hexadecimal is not accepted
//!    here. Overflow gives an infinity and underflow a (signed) zero, as
//!    CPython passes no overflow exception.
//!
//! Every failure is `could not convert string to float: R` with `R` the
//! repr of the original text. The decimal value itself is converted by
//! Rust's correctly rounded parser, which agrees with David Gay's
//! `_Py_dg_strtod` on every input.
//!
//! `float.fromhex` ports `float_fromhex`, using the exact
//! [`ldexp_biguint`] for the round-half-even step, and `float.hex` ports
//! `float_hex` (`0x1.8000000000000p+0`: 13 hex digits, subnormals as
//! `0x0.…p-1022`).

use num_bigint::BigUint;
use num_traits::Zero;

use super::int_parse::{is_c_space, transform_decimal_and_space};
use super::pyrepr::repr_str;
use super::round::ldexp_biguint;
use super::{overflow_error, NumericError, NumericResult};

fn could_not_convert(text: &str) -> NumericError {
    NumericError::ValueError(format!("could not convert string to float: {}", repr_str(text)))
}

/// `_Py_string_to_number_with_underscores`' underscore rule: `None` if an
/// underscore is misplaced, else the text without underscores.
fn remove_underscores(text: &[u8]) -> Option<Vec<u8>> {
    if !text.contains(&b'_') {
        return Some(text.to_vec());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut prev = 0u8;
    for &b in text {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// `_Py_parse_inf_or_nan` over the whole of `body`.
fn parse_inf_or_nan(body: &[u8]) -> Option<f64> {
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let lower = rest.to_ascii_lowercase();
    let value = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// Whether `body` is exactly one decimal literal as `_Py_dg_strtod` reads it.
fn is_decimal_literal(body: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < body.len() && body[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if matches!(body.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let mut mantissa_digits = digits(&mut i);
    if body.get(i) == Some(&b'.') {
        i += 1;
        mantissa_digits += digits(&mut i);
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == body.len()
}

/// `float(text)` for a str (`PyFloat_FromString`).
pub fn parse_float(text: &str) -> NumericResult<f64> {
    parse_float_ascii(&transform_decimal_and_space(text)).ok_or_else(|| could_not_convert(text))
}

/// `float(data)` for bytes-like input; the error embeds `repr_of_data`
/// (`b'...'`), which the caller computes.
pub fn parse_float_bytes(data: &[u8], repr_of_data: &str) -> NumericResult<f64> {
    parse_float_ascii(data)
        .ok_or_else(|| NumericError::ValueError(format!("could not convert string to float: {repr_of_data}")))
}

fn parse_float_ascii(ascii: &[u8]) -> Option<f64> {
    let cleaned = remove_underscores(ascii)?;
    let mut start = 0;
    let mut end = cleaned.len();
    while start < end && is_c_space(cleaned[start]) {
        start += 1;
    }
    while end > start && is_c_space(cleaned[end - 1]) {
        end -= 1;
    }
    let body = &cleaned[start..end];
    if let Some(special) = parse_inf_or_nan(body) {
        return Some(special);
    }
    if !is_decimal_literal(body) {
        return None;
    }
    std::str::from_utf8(body).ok()?.parse().ok()
}

fn invalid_hex() -> NumericError {
    NumericError::ValueError("invalid hexadecimal floating-point string".into())
}

/// `float.fromhex(text)`.
pub fn float_fromhex(text: &str) -> NumericResult<f64> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && is_c_space(bytes[start]) {
        start += 1;
    }
    while end > start && is_c_space(bytes[end - 1]) {
        end -= 1;
    }
    let body = &bytes[start..end];
    if let Some(special) = parse_inf_or_nan(body) {
        return Ok(special);
    }
    let mut i = 0;
    let mut negative = false;
    match body.first() {
        Some(b'-') => {
            negative = true;
            i += 1;
        }
        Some(b'+') => i += 1,
        _ => {}
    }
    if body.get(i) == Some(&b'0') && matches!(body.get(i + 1), Some(b'x' | b'X')) {
        i += 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    while let Some(d) = body.get(i).and_then(|&b| (b as char).to_digit(16)) {
        digits.push(d as u8);
        i += 1;
    }
    let mut fraction_digits = 0i64;
    if body.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = body.get(i).and_then(|&b| (b as char).to_digit(16)) {
            digits.push(d as u8);
            fraction_digits += 1;
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(invalid_hex());
    }
    let mut exp: i64 = 0;
    if matches!(body.get(i), Some(b'p' | b'P')) {
        i += 1;
        let exp_start = i;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let digits_start = i;
        while body.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == digits_start {
            return Err(invalid_hex());
        }
        // strtol saturates; anything this large over- or underflows anyway.
        let text = std::str::from_utf8(&body[exp_start..i]).unwrap_or("0");
        exp = text.parse::<i64>().unwrap_or(if body[exp_start] == b'-' { i64::MIN / 2 } else { i64::MAX / 2 });
    }
    if i != body.len() {
        return Err(invalid_hex());
    }
    let mantissa = BigUint::from_radix_be(&digits, 16).expect("hex digits");
    if mantissa.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let exp = exp.clamp(i64::MIN / 4, i64::MAX / 4) - 4 * fraction_digits;
    match ldexp_biguint(&mantissa, exp) {
        Some(x) => Ok(if negative { -x } else { x }),
        None => overflow_error("hexadecimal value too large to represent as a float"),
    }
}

/// `float.hex(x)`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_repr::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{fraction:013x}p{exp_sign}{}", exp.unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::float_repr::float_repr;

    fn f(text: &str) -> String {
        parse_float(text).map(float_repr).unwrap_or_else(|e| e.to_string())
    }

    fn hex(text: &str) -> String {
        float_fromhex(text).map(float_repr).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn parses_like_cpython() {
        assert_eq!(f("1.5"), "1.5");
        assert_eq!(f("1_0.5"), "10.5");
        assert_eq!(f(" -iNfinity "), "-inf");
        assert_eq!(f("nan"), "nan");
        assert_eq!(f("+nan"), "nan");
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(f("\u{661}.5"), "1.5");
        assert_eq!(f("\u{2003} 1.5 "), "1.5");
        assert_eq!(f("1_0e1_0"), "100000000000.0");
        assert_eq!(f(".5"), "0.5");
        assert_eq!(f("5."), "5.0");
        assert_eq!(f("1e500"), "inf");
        assert_eq!(f("-1e500"), "-inf");
        assert_eq!(f("1e-500"), "0.0");
        assert_eq!(f("-0"), "-0.0");
        assert_eq!(f("1e99999999999999999999"), "inf");
        assert_eq!(f("0.1"), "0.1");
        assert_eq!(f("2.2250738585072011e-308"), "2.225073858507201e-308");
    }

    #[test]
    fn rejects_like_cpython() {
        for text in
            ["abc", "1__0", "0x1p3", "1e", "", "1._5", "1_.5", ".", "1e+_5", "infinityx", "in f", "é", "\x1c1", "1_"]
        {
            assert_eq!(
                f(text),
                format!("ValueError: could not convert string to float: {}", repr_str(text)),
                "{text:?}"
            );
        }
        assert_eq!(f("é"), "ValueError: could not convert string to float: 'é'");
        assert_eq!(
            parse_float_bytes(b"x", "b'x'").unwrap_err().to_string(),
            "ValueError: could not convert string to float: b'x'"
        );
    }

    #[test]
    fn fromhex_like_cpython() {
        assert_eq!(hex("0x1.8p1"), "3.0");
        assert_eq!(hex(" 0x1.8p1 "), "3.0");
        assert_eq!(hex("1.8"), "1.5");
        assert_eq!(hex("-0X.8P-1"), "-0.25");
        assert_eq!(hex("0x1p-1075"), "0.0");
        assert_eq!(hex("0x.0000000000001p-1022"), "5e-324");
        assert_eq!(hex("0x1.00000000000008p0"), "1.0");
        assert_eq!(hex("0x1.00000000000018p0"), "1.0000000000000004");
        assert_eq!(hex("nan"), "nan");
        assert_eq!(hex("-infinity"), "-inf");
        let too_large = "OverflowError: hexadecimal value too large to represent as a float";
        assert_eq!(hex("0x1p1024"), too_large);
        assert_eq!(hex("0x1.fffffffffffff8p1023"), too_large);
        assert_eq!(hex("0x1.ffffffffffffffp1023"), too_large);
        assert_eq!(hex("0x1.fffffffffffff7p1023"), "1.7976931348623157e+308");
        assert_eq!(hex("0x1p99999999999999999999999"), too_large);
        assert_eq!(hex("0x1p-99999999999999999999999"), "0.0");
        let invalid = "ValueError: invalid hexadecimal floating-point string";
        for text in ["zz", "0x1p", "0x", "0x.p1", "1_0", ""] {
            assert_eq!(hex(text), invalid, "{text:?}");
        }
    }

    #[test]
    fn hex_like_cpython() {
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(0.0), "0x0.0p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(1e300), "0x1.7e43c8800759cp+996");
        assert_eq!(float_hex(2f64.powi(-1030)), "0x0.0100000000000p-1022");
        assert_eq!(float_hex(f64::INFINITY), "inf");
        assert_eq!(float_hex(f64::NAN), "nan");
    }
}
