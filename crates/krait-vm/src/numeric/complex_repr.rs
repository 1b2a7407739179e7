//! `repr(complex)` and `str(complex)`.
//!
//! Mirrors `complex_repr` in CPython's `Objects/complexobject.c`: both parts
//! use the `r` (shortest round-trip) style *without* the `.0` suffix, so
//! `1+2j` prints as `(1+2j)`. A real part that is `+0.0` is omitted
//! together with the parentheses (`1j`, `0j`), but `-0.0` is kept
//! (`(-0+0j)`). The imaginary part always carries a sign when the real part
//! is shown; NaN never shows a sign (`(nan+nanj)`).

use super::float_repr::{double_to_string, DtoaFlags, FloatStyle};

/// `repr(complex(real, imag))`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let plain = DtoaFlags::default();
    if real == 0.0 && real.is_sign_positive() {
        let im = double_to_string(imag, FloatStyle::Repr, 0, plain);
        return format!("{im}j");
    }
    let re = double_to_string(real, FloatStyle::Repr, 0, plain);
    let signed = DtoaFlags { sign: true, ..plain };
    let im = double_to_string(imag, FloatStyle::Repr, 0, signed);
    format!("({re}{im}j)")
}

/// `str(complex(real, imag))`: identical to [`complex_repr`].
pub fn complex_str(real: f64, imag: f64) -> String {
    complex_repr(real, imag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, &str)] = &[
            (0.0, 1.0, "1j"),
            (1.0, 2.0, "(1+2j)"),
            (-0.0, -1.0, "(-0-1j)"),
            (nan, inf, "(nan+infj)"),
            (1e16, 1.0, "(1e+16+1j)"),
            (0.0, 0.0, "0j"),
            (-0.0, 0.0, "(-0+0j)"),
            (1.5, -0.0, "(1.5-0j)"),
            (0.0, -nan, "nanj"),
            (-inf, -inf, "(-inf-infj)"),
            (1.5, 2.25, "(1.5+2.25j)"),
            (0.0, 1e-05, "1e-05j"),
            (123456789.0, 0.1, "(123456789+0.1j)"),
        ];
        for &(re, im, expected) in cases {
            assert_eq!(complex_repr(re, im), expected);
            assert_eq!(complex_str(re, im), expected);
        }
    }
}
