//! Numeric algorithms shared by the builtin number types.
//!
//! Everything here is a pure function over Rust values (`f64`, `BigInt`,
//! `&str`, byte slices): no Python objects, no interpreter state. The VM
//! wraps these functions in the methods of `int`, `float`, `complex`, `str`
//! and `bytes`, and turns a [`NumericError`] into the Python exception of the
//! same name with the same message.
//!
//! The modules mirror CPython 3.11 closely, one concern per file:
//!
//! * [`float_repr`] — `PyOS_double_to_string` / `format_float_short`
//!   (`Python/pystrtod.c`): `repr(float)` and the `e`/`f`/`g`/`r` styles.
//! * [`format_spec`] — the format-spec mini-language
//!   (`Python/formatter_unicode.c`): `format(x, spec)` for int, float,
//!   complex and str.
//! * [`printf`] — the numeric conversions of `str % args`
//!   (`PyUnicode_Format` in `Objects/unicodeobject.c`).
//! * [`int_parse`] — `int(str, base)` and `str(int)` with the digit limit
//!   (`PyLong_FromString`, `long_to_decimal_string` in `Objects/longobject.c`).
//! * [`float_parse`] — `float(str)`, `float.fromhex`, `float.hex`
//!   (`Objects/floatobject.c`, `Python/pystrtod.c`).
//! * [`hash`] — numeric, tuple, str and bytes hashing (`Python/pyhash.c`,
//!   `Objects/tupleobject.c`, `Python/bootstrap_hash.c`).
//! * [`complex_repr`] — `repr(complex)` (`complex_repr` in
//!   `Objects/complexobject.c`).
//! * [`round`] — `round`, float `//` and `%`, `as_integer_ratio`, int/float
//!   conversions, int true division and three-argument `pow`
//!   (`Objects/floatobject.c`, `Objects/longobject.c`).

pub mod complex_repr;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod int_parse;
pub mod printf;
pub mod pyrepr;
pub mod round;

use std::fmt;

/// An error a Python program can cause, carrying CPython's exception type and
/// its exact message text. The caller raises the exception of the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumericError {
    ValueError(String),
    OverflowError(String),
    ZeroDivisionError(String),
    TypeError(String),
}

impl NumericError {
    /// The message text, without the exception type.
    pub fn message(&self) -> &str {
        match self {
            NumericError::ValueError(m)
            | NumericError::OverflowError(m)
            | NumericError::ZeroDivisionError(m)
            | NumericError::TypeError(m) => m,
        }
    }

    /// The Python exception type name (`"ValueError"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            NumericError::ValueError(_) => "ValueError",
            NumericError::OverflowError(_) => "OverflowError",
            NumericError::ZeroDivisionError(_) => "ZeroDivisionError",
            NumericError::TypeError(_) => "TypeError",
        }
    }
}

impl fmt::Display for NumericError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for NumericError {}

/// Shorthand for the results of this module.
pub type NumericResult<T> = Result<T, NumericError>;

pub(crate) fn value_error<T>(msg: impl Into<String>) -> NumericResult<T> {
    Err(NumericError::ValueError(msg.into()))
}

pub(crate) fn overflow_error<T>(msg: impl Into<String>) -> NumericResult<T> {
    Err(NumericError::OverflowError(msg.into()))
}

pub(crate) fn zero_division_error<T>(msg: impl Into<String>) -> NumericResult<T> {
    Err(NumericError::ZeroDivisionError(msg.into()))
}
