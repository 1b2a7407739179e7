//! Rounding, int/float conversion and the division-like operations whose
//! edge cases CPython defines precisely.
//!
//! * [`round_float`] mirrors `float.__round__` (`Objects/floatobject.c`):
//!   with `ndigits` it rounds through a correctly rounded decimal string,
//!   which is why `round(2.675, 2) == 2.67` (2.675 is really
//!   2.67499999...). Ties in the *exact* binary value round to even. For
//!   negative `ndigits` dtoa's mode 3 is reproduced with exact integer
//!   arithmetic.
//! * [`round_int`] is `long_round`: `self - divmod_near(self, 10**-n)[1]`.
//! * [`float_floor_div`], [`float_mod`], [`float_divmod`] port
//!   `_float_div_mod` / `float_rem`: the remainder takes the sign of the
//!   divisor, the quotient is snapped to the nearest integer.
//! * Conversions: [`float_to_int`] (`PyLong_FromDouble`), [`int_to_float`]
//!   (`PyLong_AsDouble`, round-half-even), [`int_true_divide`]
//!   (`long_true_divide`, correctly rounded however large the operands), all
//!   built on [`ldexp_biguint`], a correctly rounded `m * 2**e` that handles
//!   subnormal results.
//! * [`int_pow`] / [`int_pow_mod`] follow `long_pow`: a negative exponent
//!   without modulus gives a float, with a modulus it takes the modular
//!   inverse; a negative modulus gives a result in `(modulus, 0]`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use super::{overflow_error, value_error, zero_division_error, NumericError, NumericResult};

/// `ldexp` without intermediate overflow or underflow (exact when the result
/// is representable).
pub fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    while exp > 1023 {
        x *= two_1023;
        exp -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    while exp < -1022 {
        x *= f64::MIN_POSITIVE;
        exp += 1022;
        if x == 0.0 {
            return x;
        }
    }
    x * f64::from_bits(((exp + 1023) as u64) << 52)
}

/// `m * 2**exp` correctly rounded (half to even) to a double, including
/// subnormal results. `None` when the rounded value overflows.
pub fn ldexp_biguint(m: &BigUint, exp: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits.saturating_add(exp); // value in [2**(top-1), 2**top)
    if top > 1024 {
        return None;
    }
    if top < -1074 {
        return Some(0.0);
    }
    let keep = (top + 1074).min(53); // significant bits the result can hold
    let shift = nbits - keep;
    let (mantissa, scale) = if shift <= 0 {
        (m.to_u64().expect("at most 53 bits"), exp)
    } else {
        let shift_u = shift as u64;
        let mut q = (m >> shift_u).to_u64().unwrap_or(0);
        let half = m.bit(shift_u - 1);
        let sticky = shift_u >= 2 && m.trailing_zeros().is_some_and(|tz| tz < shift_u - 1);
        if half && (sticky || q & 1 == 1) {
            q += 1;
        }
        (q, exp + shift)
    };
    let result = ldexp(mantissa as f64, scale);
    result.is_finite().then_some(result)
}

/// `float(value)` for an int (`PyLong_AsDouble`).
pub fn int_to_float(value: &BigInt) -> NumericResult<f64> {
    if let Some(small) = value.to_i64() {
        if small.unsigned_abs() <= 1 << 53 {
            return Ok(small as f64);
        }
    }
    match ldexp_biguint(value.magnitude(), 0) {
        Some(x) => Ok(if value.is_negative() { -x } else { x }),
        None => overflow_error("int too large to convert to float"),
    }
}

/// `int(x)` for a float (`PyLong_FromDouble`): truncation toward zero.
pub fn float_to_int(x: f64) -> NumericResult<BigInt> {
    if x.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return overflow_error("cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (mantissa, exp) = decompose(t);
    let magnitude = BigUint::from(mantissa) << (exp as u64);
    Ok(BigInt::from_biguint(if t < 0.0 { Sign::Minus } else { Sign::Plus }, magnitude))
}

/// A finite non-zero `x` as `|x| == mantissa * 2**exp` with an integer
/// mantissa of at most 53 bits.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `float.as_integer_ratio()`: the lowest-terms `(numerator, denominator)`.
pub fn float_as_integer_ratio(x: f64) -> NumericResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return overflow_error("cannot convert Infinity to integer ratio");
    }
    if x.is_nan() {
        return value_error("cannot convert NaN to integer ratio");
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (mut mantissa, mut exp) = decompose(x);
    let tz = mantissa.trailing_zeros() as i64;
    mantissa >>= tz;
    exp += tz;
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::one();
    if exp >= 0 {
        numerator <<= exp as u64;
    } else {
        denominator <<= (-exp) as u64;
    }
    if x < 0.0 {
        numerator = -numerator;
    }
    Ok((numerator, denominator))
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// The result of `round(x)` / `round(x, n)` on a float.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundedFloat {
    /// `round(x)` returns an int.
    Int(BigInt),
    /// `round(x, n)` returns a float.
    Float(f64),
}

/// `round(x, ndigits)` for a float (`float___round___impl`). `ndigits` is
/// `None` for the one-argument form; the caller clips huge values to the
/// i64 range as `PyNumber_AsSsize_t` does.
pub fn round_float(x: f64, ndigits: Option<i64>) -> NumericResult<RoundedFloat> {
    let Some(ndigits) = ndigits else {
        return float_to_int(x.round_ties_even()).map(RoundedFloat::Int);
    };
    if !x.is_finite() {
        return Ok(RoundedFloat::Float(x));
    }
    // CPython's NDIGITS_MAX = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103)
    // and NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX {
        return Ok(RoundedFloat::Float(x));
    }
    if ndigits < NDIGITS_MIN {
        return Ok(RoundedFloat::Float(0.0 * x));
    }
    if ndigits >= 0 {
        // Correctly rounded decimal string, then correctly rounded back.
        let text = format!("{:.*}", ndigits as usize, x);
        let rounded: f64 = text.parse().expect("formatted float parses");
        return Ok(RoundedFloat::Float(rounded));
    }
    // Negative ndigits: round x / 10**k to an integer (ties to even on the
    // exact value), then convert q * 10**k correctly rounded.
    let k = (-ndigits) as u32;
    let (mantissa, exp) = decompose(x);
    let pow10 = BigUint::from(10u32).pow(k);
    let (numerator, denominator) = if exp >= 0 {
        (BigUint::from(mantissa) << exp as u64, pow10.clone())
    } else {
        (BigUint::from(mantissa), pow10.clone() << (-exp) as u64)
    };
    let q = round_half_even(&numerator, &denominator);
    let rounded = ldexp_biguint(&(q * pow10), 0);
    match rounded {
        Some(r) => Ok(RoundedFloat::Float(r.copysign(x))),
        None => overflow_error("rounded value too large to represent"),
    }
}

/// `n / d` rounded to the nearest integer, ties to even.
fn round_half_even(n: &BigUint, d: &BigUint) -> BigUint {
    let (q, r) = n.div_rem(d);
    let twice = &r << 1u32;
    if twice > *d || (twice == *d && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(value, ndigits)` for an int (`long_round`); `ndigits >= 0`
/// returns the value unchanged.
pub fn round_int(value: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return value.clone();
    }
    let k = ndigits.unsigned_abs();
    // |value| < 10**(k-1) <= 10**k / 2 rounds to zero; skip building 10**k.
    if (value.bits() as f64) * std::f64::consts::LOG10_2 + 1.0 < (k - 1) as f64 {
        return BigInt::zero();
    }
    let pow10 = BigInt::from(10u32).pow(k as u32);
    let (mut q, mut r) = value.div_mod_floor(&pow10);
    let twice = &r * 2;
    if twice > pow10 || (twice == pow10 && q.is_odd()) {
        q += 1;
        r -= &pow10;
    }
    value - r
}

/// `divmod(vx, wx)` for floats (`float_divmod` / `_float_div_mod`).
pub fn float_divmod(vx: f64, wx: f64) -> NumericResult<(f64, f64)> {
    if wx == 0.0 {
        return zero_division_error("float divmod()");
    }
    Ok(div_mod(vx, wx))
}

/// `vx // wx` for floats.
pub fn float_floor_div(vx: f64, wx: f64) -> NumericResult<f64> {
    if wx == 0.0 {
        return zero_division_error("float floor division by zero");
    }
    Ok(div_mod(vx, wx).0)
}

/// `vx % wx` for floats (`float_rem`).
pub fn float_mod(vx: f64, wx: f64) -> NumericResult<f64> {
    if wx == 0.0 {
        return zero_division_error("float modulo");
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    Ok(m)
}

/// `vx / wx` for floats.
pub fn float_true_div(vx: f64, wx: f64) -> NumericResult<f64> {
    if wx == 0.0 {
        return zero_division_error("float division by zero");
    }
    Ok(vx / wx)
}

fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a / b` for ints (`long_true_divide`), correctly rounded.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> NumericResult<f64> {
    if b.is_zero() {
        return zero_division_error("division by zero");
    }
    let negative = a.is_negative() != b.is_negative();
    let (an, bn) = (a.magnitude(), b.magnitude());
    let exact_limit = BigUint::one() << 53u32;
    let result = if *an <= exact_limit && *bn <= exact_limit {
        an.to_f64().unwrap_or(0.0) / bn.to_f64().unwrap_or(1.0)
    } else if an.is_zero() {
        0.0
    } else {
        // Scale so the integer quotient has at least 55 bits: 53 for the
        // mantissa, one rounding bit, and a sticky bit from the remainder.
        let shift = 55 - (an.bits() as i64 - bn.bits() as i64);
        let (n, d) = if shift >= 0 { (an << shift as u64, bn.clone()) } else { (an.clone(), bn << (-shift) as u64) };
        let (mut q, r) = n.div_rem(&d);
        if !r.is_zero() {
            q |= BigUint::one();
        }
        match ldexp_biguint(&q, -shift) {
            Some(x) => x,
            None => return overflow_error("integer division result too large for a float"),
        }
    };
    Ok(if negative { -result } else { result })
}

/// The result of `pow(base, exp)` on ints.
#[derive(Debug, Clone, PartialEq)]
pub enum IntPow {
    Int(BigInt),
    /// A negative exponent makes the result a float.
    Float(f64),
}

/// `pow(base, exp)` / `base ** exp` for ints without a modulus.
pub fn int_pow(base: &BigInt, exp: &BigInt) -> NumericResult<IntPow> {
    if exp.is_negative() {
        let b = int_to_float(base)?;
        let e = int_to_float(exp)?;
        if b == 0.0 {
            return zero_division_error("0.0 cannot be raised to a negative power");
        }
        return Ok(IntPow::Float(b.powf(e)));
    }
    if base.is_zero() || base.is_one() {
        return Ok(IntPow::Int(if exp.is_zero() { BigInt::one() } else { base.clone() }));
    }
    if *base == -BigInt::one() {
        return Ok(IntPow::Int(if exp.is_odd() { base.clone() } else { BigInt::one() }));
    }
    Ok(IntPow::Int(Pow::pow(base, exp.magnitude())))
}

/// `pow(base, exp, modulus)` for ints (`long_pow` with a modulus).
pub fn int_pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> NumericResult<BigInt> {
    if modulus.is_zero() {
        return value_error("pow() 3rd argument cannot be 0");
    }
    let negative_output = modulus.is_negative();
    let m = modulus.abs();
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let mut b = base.mod_floor(&m);
    let mut e = exp.clone();
    if e.is_negative() {
        b = mod_inverse(&b, &m)
            .ok_or_else(|| NumericError::ValueError("base is not invertible for the given modulus".into()))?;
        e = -e;
    }
    let mut result = b.modpow(&e, &m);
    if negative_output && !result.is_zero() {
        result -= &m;
    }
    Ok(result)
}

/// The inverse of `a` modulo `m` (`m > 1`, `0 <= a < m`), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let gcd = a.extended_gcd(m);
    gcd.gcd.is_one().then(|| gcd.x.mod_floor(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    fn rf(x: f64, n: i64) -> String {
        match round_float(x, Some(n)) {
            Ok(RoundedFloat::Float(f)) => super::super::float_repr::float_repr(f),
            Ok(RoundedFloat::Int(_)) => unreachable!(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn rounding_floats() {
        assert_eq!(rf(2.675, 2), "2.67");
        assert_eq!(rf(0.285, 2), "0.28");
        assert_eq!(rf(123.456, -1), "120.0");
        assert_eq!(rf(1.5, 0), "2.0");
        assert_eq!(rf(-1.5, 0), "-2.0");
        assert_eq!(rf(-0.4, 0), "-0.0");
        assert_eq!(rf(5e-324, 400), "5e-324");
        assert_eq!(rf(1e16 + 2.0, -1), "1e+16");
        assert_eq!(rf(1e300, -400), "0.0");
        assert_eq!(rf(-1e300, -400), "-0.0");
        assert_eq!(rf(1.0e308, -308), "1e+308");
        assert_eq!(rf(1250.0, -2), "1200.0");
        assert_eq!(rf(1350.0, -2), "1400.0");
        assert_eq!(rf(f64::INFINITY, 2), "inf");
        assert_eq!(rf(1.7976931348623157e308, -308), "OverflowError: rounded value too large to represent");
        assert_eq!(round_float(0.5, None).unwrap(), RoundedFloat::Int(big("0")));
        assert_eq!(round_float(1.5, None).unwrap(), RoundedFloat::Int(big("2")));
        assert_eq!(round_float(2.5, None).unwrap(), RoundedFloat::Int(big("2")));
        assert_eq!(round_float(-0.5, None).unwrap(), RoundedFloat::Int(big("0")));
        assert_eq!(
            round_float(f64::INFINITY, None).unwrap_err().to_string(),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            round_float(f64::NAN, None).unwrap_err().to_string(),
            "ValueError: cannot convert float NaN to integer"
        );
    }

    #[test]
    fn rounding_ints() {
        assert_eq!(round_int(&big("1234"), -2), big("1200"));
        assert_eq!(round_int(&big("1250"), -2), big("1200"));
        assert_eq!(round_int(&big("-1250"), -2), big("-1200"));
        assert_eq!(round_int(&big("-1350"), -2), big("-1400"));
        assert_eq!(round_int(&big("-1234"), -2), big("-1200"));
        assert_eq!(round_int(&big("5"), -1), big("0"));
        assert_eq!(round_int(&big("15"), -1), big("20"));
        assert_eq!(round_int(&big("123"), 2), big("123"));
        assert_eq!(round_int(&big("123"), -1_000_000_000_000), big("0"));
    }

    #[test]
    fn float_division_family() {
        assert_eq!(float_floor_div(-7.0, 2.0).unwrap(), -4.0);
        assert_eq!(float_mod(-7.0, 2.0).unwrap(), 1.0);
        assert_eq!(float_mod(7.0, -2.0).unwrap(), -1.0);
        let m = float_mod(-0.0, 1.0).unwrap();
        assert!(m == 0.0 && m.is_sign_positive());
        let m = float_mod(0.0, -1.0).unwrap();
        assert!(m == 0.0 && m.is_sign_negative());
        assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0).unwrap(), (-4.0, -0.5));
        let (q, r) = float_divmod(-0.0, 1.0).unwrap();
        assert!(q.is_sign_negative() && r.is_sign_positive());
        let (q, r) = float_divmod(0.0, -1.0).unwrap();
        assert!(q.is_sign_negative() && r.is_sign_negative());
        let (q, r) = float_divmod(f64::INFINITY, 1.0).unwrap();
        assert!(q.is_nan() && r.is_nan());
        assert_eq!(float_divmod(1.0, f64::INFINITY).unwrap(), (0.0, 1.0));
        assert_eq!(float_divmod(-1.0, f64::INFINITY).unwrap(), (-1.0, f64::INFINITY));
        assert_eq!(float_floor_div(1e308, 1e-308).unwrap(), f64::INFINITY);
        assert_eq!(float_divmod(1.0, 0.0).unwrap_err().to_string(), "ZeroDivisionError: float divmod()");
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().to_string(), "ZeroDivisionError: float modulo");
        assert_eq!(
            float_floor_div(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float floor division by zero"
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(float_to_int(1e300).unwrap().to_string(), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(float_to_int(-2.5).unwrap(), big("-2"));
        assert_eq!(float_to_int(-0.0).unwrap(), big("0"));
        let two = BigInt::from(2);
        let p = |e: u32| -> BigInt { Pow::pow(&two, e) };
        assert_eq!(
            int_to_float(&(p(1024) - p(970))).unwrap_err().to_string(),
            "OverflowError: int too large to convert to float"
        );
        assert_eq!(int_to_float(&(p(1024) - p(970) - BigInt::one())).unwrap(), 1.7976931348623157e308);
        assert!(int_to_float(&-p(1024)).is_err());
        assert_eq!(int_to_float(&(p(53) + BigInt::one())).unwrap(), 9007199254740992.0);
        assert_eq!(int_to_float(&(p(54) + BigInt::from(3))).unwrap(), 1.8014398509481988e16);
        assert_eq!(int_to_float(&-(p(64) + BigInt::one())).unwrap(), -18446744073709551616.0);
    }

    #[test]
    fn integer_ratio() {
        let r = |x: f64| {
            let (n, d) = float_as_integer_ratio(x).unwrap();
            format!("{n}/{d}")
        };
        assert_eq!(r(0.1), "3602879701896397/36028797018963968");
        assert_eq!(r(0.5), "1/2");
        assert_eq!(r(-8.0), "-8/1");
        assert_eq!(r(0.0), "0/1");
        assert_eq!(
            float_as_integer_ratio(f64::INFINITY).unwrap_err().to_string(),
            "OverflowError: cannot convert Infinity to integer ratio"
        );
        assert_eq!(
            float_as_integer_ratio(f64::NAN).unwrap_err().to_string(),
            "ValueError: cannot convert NaN to integer ratio"
        );
        assert!(!float_is_integer(1.5));
        assert!(float_is_integer(-3.0));
        assert!(!float_is_integer(f64::INFINITY));
    }

    #[test]
    fn int_true_division() {
        let ten = BigInt::from(10);
        let p10 = |e: u32| Pow::pow(&ten, e);
        assert_eq!(int_true_divide(&p10(400), &p10(399)).unwrap(), 10.0);
        let two = BigInt::from(2);
        assert_eq!(int_true_divide(&Pow::pow(&two, 1100u32), &Pow::pow(&two, 1000u32)).unwrap(), 1.2676506002282294e30);
        assert_eq!(int_true_divide(&big("1"), &p10(400)).unwrap(), 0.0);
        assert!(int_true_divide(&big("-1"), &p10(400)).unwrap().is_sign_negative());
        assert_eq!(int_true_divide(&big("-1"), &big("3")).unwrap(), -0.3333333333333333);
        assert_eq!(int_true_divide(&(Pow::pow(&two, 53u32) + 1), &big("1")).unwrap(), 9007199254740992.0);
        assert_eq!(
            int_true_divide(&p10(400), &big("3")).unwrap_err().to_string(),
            "OverflowError: integer division result too large for a float"
        );
        assert_eq!(
            int_true_divide(&big("1"), &big("0")).unwrap_err().to_string(),
            "ZeroDivisionError: division by zero"
        );
        // 1 / 3 * 2**-1070: a subnormal result, correctly rounded.
        let x = int_true_divide(&big("1"), &(big("3") * Pow::pow(&two, 1070u32))).unwrap();
        assert_eq!(x, (1.0 / 3.0) * 2f64.powi(-1070));
    }

    #[test]
    fn powers() {
        let p = |b: &str, e: &str, m: &str| {
            int_pow_mod(&big(b), &big(e), &big(m)).map(|v| v.to_string()).unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(p("3", "-1", "7"), "5");
        assert_eq!(p("-3", "-1", "7"), "2");
        assert_eq!(p("3", "-2", "-7"), "-3");
        assert_eq!(p("3", "2", "-7"), "-5");
        assert_eq!(p("-3", "3", "7"), "1");
        assert_eq!(p("3", "0", "1"), "0");
        assert_eq!(p("3", "-1", "1"), "0");
        assert_eq!(p("2", "-1", "4"), "ValueError: base is not invertible for the given modulus");
        assert_eq!(p("0", "-1", "7"), "ValueError: base is not invertible for the given modulus");
        assert_eq!(p("2", "3", "0"), "ValueError: pow() 3rd argument cannot be 0");
        assert_eq!(p("2", "1000", "7"), "2");
        assert_eq!(int_pow(&big("2"), &big("-2")).unwrap(), IntPow::Float(0.25));
        assert_eq!(
            int_pow(&big("0"), &big("-1")).unwrap_err().to_string(),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(int_pow(&big("-2"), &big("3")).unwrap(), IntPow::Int(big("-8")));
        assert_eq!(int_pow(&big("7"), &big("0")).unwrap(), IntPow::Int(big("1")));
    }
}
