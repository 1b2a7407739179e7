//! `repr(float)` and the `e`/`f`/`g`/`r` float styles.
//!
//! Mirrors `PyOS_double_to_string` and `format_float_short` in CPython's
//! `Python/pystrtod.c`. CPython works in two steps:
//!
//! 1. David Gay's `_Py_dg_dtoa` turns the double into a string of decimal
//!    digits (trailing zeros stripped) and a decimal-point position `decpt`,
//!    meaning the value is `0.DIGITS * 10**decpt`. Mode 0 gives the shortest
//!    digits that round-trip (`repr`), mode 2 gives at most `n` significant
//!    digits (`e`, `g`), mode 3 gives digits up to `n` places after the point
//!    (`f`). All rounding is correct, ties to even.
//! 2. `format_float_short` pads that digit string with zeros on either side
//!    into `[sign]<zeros><digits><zeros>[exponent]`, deciding whether to use
//!    an exponent: `repr` switches at `decpt <= -4 || decpt > 16`, `g` at
//!    `decpt <= -4 || decpt > precision`.
//!
//! Step 1 here uses Rust's float formatting, which is also exact: `{:e}` is
//! the shortest round-trip representation (Grisu with a Dragon4 fallback),
//! and `{:.N$e}` / `{:.N$}` are correctly rounded, ties to even, like dtoa.
//! [`Digits`] normalises those outputs into dtoa's (digits, decpt) form, and
//! step 2 is a line-by-line port of `format_float_short`, so every padding,
//! alternate-form (`#`) and exponent-width rule is CPython's.

/// The presentation styles `PyOS_double_to_string` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// `e`/`E`: exponent notation, `precision` digits after the point.
    Exponent { upper: bool },
    /// `f`/`F`: fixed point, `precision` digits after the point.
    Fixed { upper: bool },
    /// `g`/`G`: `precision` significant digits, exponent if too large/small.
    General { upper: bool },
    /// `r`: shortest round-trip digits (repr); precision is ignored.
    Repr,
}

impl FloatStyle {
    /// The style for a C format character (`e E f F g G r`).
    pub fn from_code(code: char) -> Option<FloatStyle> {
        Some(match code {
            'e' => FloatStyle::Exponent { upper: false },
            'E' => FloatStyle::Exponent { upper: true },
            'f' => FloatStyle::Fixed { upper: false },
            'F' => FloatStyle::Fixed { upper: true },
            'g' => FloatStyle::General { upper: false },
            'G' => FloatStyle::General { upper: true },
            'r' => FloatStyle::Repr,
            _ => return None,
        })
    }

    fn upper(self) -> bool {
        match self {
            FloatStyle::Exponent { upper } | FloatStyle::Fixed { upper } | FloatStyle::General { upper } => upper,
            FloatStyle::Repr => false,
        }
    }
}

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign (`+` for non-negative values).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral results get `.0` (repr, `format(x, '')`).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the point and zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, negative zero prints as zero.
    pub no_neg_0: bool,
}

/// A finite double as dtoa returns it: the value is
/// `0.DIGITS * 10**decpt`, digits ASCII, no trailing zeros except for zero
/// itself, which is `"0"` with `decpt == 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
    pub negative: bool,
}

impl Digits {
    /// dtoa mode 0: the shortest digit string that rounds back to `x`.
    pub fn shortest(x: f64) -> Digits {
        Self::from_exponent_form(&format!("{:e}", x.abs()), x.is_sign_negative())
    }

    /// dtoa mode 2: `x` correctly rounded to `ndigits` (at least 1)
    /// significant digits.
    pub fn significant(x: f64, ndigits: usize) -> Digits {
        let ndigits = ndigits.max(1);
        Self::from_exponent_form(&format!("{:.*e}", ndigits - 1, x.abs()), x.is_sign_negative())
    }

    /// dtoa mode 3: `x` correctly rounded to `ndigits` places after the
    /// decimal point.
    pub fn fixed(x: f64, ndigits: usize) -> Digits {
        let text = format!("{:.*}", ndigits, x.abs());
        let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
        let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
        let mut decpt = int_part.len() as i64;
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading);
        decpt -= leading as i64;
        Self::normalise(digits, decpt, x.is_sign_negative())
    }

    fn from_exponent_form(text: &str, negative: bool) -> Digits {
        let (mantissa, exponent) = text.split_once('e').expect("exponent form");
        let exponent: i64 = exponent.parse().expect("exponent digits");
        let digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
        Self::normalise(digits, exponent + 1, negative)
    }

    fn normalise(mut digits: Vec<u8>, decpt: i64, negative: bool) -> Digits {
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits { digits: vec![b'0'], decpt: 1, negative };
        }
        Digits { digits, decpt, negative }
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// `repr(x)` (and `str(x)`, which is the same since Python 3.2).
pub fn float_repr(x: f64) -> String {
    double_to_string(x, FloatStyle::Repr, 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

/// `str(x)`: identical to [`float_repr`].
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

/// `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `precision` is the number of digits after the point for `e` and `f`, the
/// number of significant digits for `g` (0 is treated as 1), and ignored for
/// `r`. Infinities are `inf`/`-inf` (`INF` for upper-case styles), NaN is
/// `nan` whatever its sign bit.
pub fn double_to_string(x: f64, style: FloatStyle, precision: usize, flags: DtoaFlags) -> String {
    let upper = style.upper();
    if !x.is_finite() {
        let mut out = String::new();
        let negative = x.is_sign_negative() && !x.is_nan();
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (digits, precision) = match style {
        FloatStyle::Exponent { .. } => (Digits::significant(x, precision + 1), precision + 1),
        FloatStyle::Fixed { .. } => (Digits::fixed(x, precision), precision),
        FloatStyle::General { .. } => {
            let precision = precision.max(1);
            (Digits::significant(x, precision), precision)
        }
        FloatStyle::Repr => (Digits::shortest(x), 0),
    };
    format_digits(&digits, style, precision as i64, flags)
}

/// The padding half of `format_float_short`: lay out `digits` in `style`.
/// `precision` has already been adjusted as `PyOS_double_to_string` does
/// (`e` counts the leading digit, `g` is at least 1).
fn format_digits(d: &Digits, style: FloatStyle, precision: i64, flags: DtoaFlags) -> String {
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut negative = d.negative;
    if flags.no_neg_0 && negative && d.is_zero() {
        negative = false;
    }

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match style {
        FloatStyle::Exponent { .. } => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatStyle::Fixed { .. } => vdigits_end = decpt + precision,
        FloatStyle::General { .. } => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        FloatStyle::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, bytes: &[u8]| {
        out.extend(bytes.iter().map(|&b| b as char));
    };

    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8).max(8) as usize);
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if style.upper() { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

#[cfg(test)]
// 3.14159 below is a test input taken from CPython examples, not an approximation of π.
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, precision: usize) -> String {
        double_to_string(x, FloatStyle::from_code(code).unwrap(), precision, DtoaFlags::default())
    }

    fn alt(x: f64, code: char, precision: usize) -> String {
        double_to_string(
            x,
            FloatStyle::from_code(code).unwrap(),
            precision,
            DtoaFlags { alt: true, ..DtoaFlags::default() },
        )
    }

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (123.0, "123.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (1e16, "1e+16"),
            (1e22, "1e+22"),
            (1e-5, "1e-05"),
            (1.1e-5, "1.1e-05"),
            (0.0001, "0.0001"),
            (0.001, "0.001"),
            (9999999999999998.0, "9999999999999998.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1e300, "1e+300"),
            (-2.5, "-2.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2e16 + 8.0, "2.000000000000001e+16"),
        ];
        for &(x, expected) in cases {
            assert_eq!(float_repr(x), expected, "repr({x:?})");
            assert_eq!(float_str(x), expected);
        }
    }

    #[test]
    fn fixed_style() {
        assert_eq!(fmt(3.14159, 'f', 2), "3.14");
        assert_eq!(fmt(0.125, 'f', 2), "0.12");
        assert_eq!(fmt(0.5, 'f', 0), "0");
        assert_eq!(fmt(1.5, 'f', 0), "2");
        assert_eq!(fmt(2.5, 'f', 0), "2");
        assert_eq!(fmt(2.675, 'f', 2), "2.67");
        assert_eq!(fmt(0.001, 'f', 2), "0.00");
        assert_eq!(fmt(-0.001, 'f', 2), "-0.00");
        assert_eq!(fmt(1e22, 'f', 6), "10000000000000000000000.000000");
        assert_eq!(fmt(1.0, 'f', 6), "1.000000");
        assert_eq!(fmt(f64::NEG_INFINITY, 'F', 2), "-INF");
        assert_eq!(fmt(f64::NAN, 'F', 2), "NAN");
        assert_eq!(alt(1.0, 'f', 0), "1.");
    }

    #[test]
    fn exponent_style() {
        assert_eq!(fmt(1.5, 'e', 6), "1.500000e+00");
        assert_eq!(fmt(12345.0, 'e', 0), "1e+04");
        assert_eq!(fmt(1e100, 'e', 6), "1.000000e+100");
        assert_eq!(fmt(0.0, 'e', 2), "0.00e+00");
        assert_eq!(fmt(-1.5e-7, 'E', 3), "-1.500E-07");
        assert_eq!(alt(1.0, 'e', 0), "1.e+00");
        assert_eq!(fmt(5e-324, 'e', 2), "4.94e-324");
    }

    #[test]
    fn general_style() {
        assert_eq!(fmt(1.0, 'g', 6), "1");
        assert_eq!(fmt(1e-10, 'g', 6), "1e-10");
        assert_eq!(fmt(1e-10, 'G', 6), "1E-10");
        assert_eq!(fmt(1e20, 'g', 3), "1e+20");
        assert_eq!(fmt(123456.0, 'g', 6), "123456");
        assert_eq!(fmt(1234567.0, 'g', 6), "1.23457e+06");
        assert_eq!(fmt(0.0001, 'g', 6), "0.0001");
        assert_eq!(fmt(0.00001, 'g', 6), "1e-05");
        assert_eq!(fmt(1.5, 'g', 0), "2");
        assert_eq!(alt(1.0, 'g', 6), "1.00000");
        assert_eq!(alt(100.0, 'g', 3), "100.");
    }

    #[test]
    fn flags() {
        let plus = DtoaFlags { sign: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(1.0, FloatStyle::Repr, 0, plus), "+1");
        assert_eq!(double_to_string(f64::NAN, FloatStyle::Repr, 0, plus), "+nan");
        let z = DtoaFlags { no_neg_0: true, ..DtoaFlags::default() };
        let f = FloatStyle::Fixed { upper: false };
        assert_eq!(double_to_string(-0.0, f, 1, z), "0.0");
        assert_eq!(double_to_string(-0.001, f, 1, z), "0.0");
        assert_eq!(double_to_string(-0.06, f, 1, z), "-0.1");
    }

    #[test]
    fn digits_forms() {
        let d = Digits::fixed(0.001, 2);
        assert_eq!((d.digits.as_slice(), d.decpt), (&b"0"[..], 1));
        let d = Digits::shortest(1234.5);
        assert_eq!((d.digits.as_slice(), d.decpt), (&b"12345"[..], 4));
        let d = Digits::significant(0.000123456, 3);
        assert_eq!((d.digits.as_slice(), d.decpt), (&b"123"[..], -3));
    }
}
