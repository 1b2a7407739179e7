//! `complex`: pairs of doubles.
//!
//! The arithmetic mirrors CPython 3.11's `Objects/complexobject.c`:
//! `_Py_c_quot` (Smith's division, dividing by the larger component of the
//! divisor to avoid overflow), `_Py_c_pow` (polar form) and `c_powi`
//! (repeated squaring for integral exponents up to 100). CPython reports
//! domain and range errors through `errno`; here the helpers return a
//! `ComplexError` that `complex_pow` and `complex_binary_op` turn into the
//! same exceptions ("complex division by zero", "0.0 to a negative or
//! complex power", "complex exponentiation").
//!
//! Ints and floats are accepted as operands (converted to a complex with a
//! zero imaginary part); `//`, `%` and `divmod` are not defined, nor are the
//! ordering comparisons, so the core reports them as unsupported.

use krait_bytecode::{BinaryOp, ComparisonOp};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef, Signature};
use crate::object::{ObjHeader, PyPayload};
use crate::protocol;
use crate::types::float::{as_f64, compare_f64_with_int, float_from_number};
use crate::types::int::{int_ref, int_to_f64, new_target, numeric_error, UnaryOp};
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyComplex {
    header: ObjHeader,
    pub real: f64,
    pub imag: f64,
}

impl_payload!(PyComplex, Complex, subclassable);

impl PyComplex {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    pub fn new(real: f64, imag: f64) -> PyComplex {
        PyComplex { header: ObjHeader::new(PyComplex::LAYOUT, Value::NULL), real, imag }
    }

    /// A new exact `complex`.
    pub fn new_value(vm: &mut Vm, real: f64, imag: f64) -> Value {
        let ty = vm.types.complex;
        vm.alloc(PyComplex::new(real, imag), ty).value()
    }
}

/// A new exact `complex` (constants, `vm`-level constructors).
pub fn new_complex(vm: &mut Vm, real: f64, imag: f64) -> Value {
    PyComplex::new_value(vm, real, imag)
}

/// A complex number as (real, imag).
pub type C64 = (f64, f64);

/// The value of a complex (exact or a subclass instance).
#[inline]
pub fn as_complex(v: Value) -> Option<C64> {
    v.downcast::<PyComplex>().map(|c| (c.real, c.imag))
}

/// The complex value a complex operator sees for `v`: complexes, floats and
/// ints (OverflowError if too large for a double), `None` otherwise.
pub fn complex_operand(vm: &mut Vm, v: Value) -> PyResult<Option<C64>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if let Some(x) = as_f64(v) {
        return Ok(Some((x, 0.0)));
    }
    match int_ref(v) {
        Some(r) => Ok(Some((int_to_f64(vm, r)?, 0.0))),
        None => Ok(None),
    }
}

fn is_complex_operand(v: Value) -> bool {
    as_complex(v).is_some() || as_f64(v).is_some() || int_ref(v).is_some()
}

// ---- the algorithms -----------------------------------------------------------------

/// A failure CPython signals through `errno`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplexError {
    /// `EDOM`: division by zero, or zero to a negative or complex power.
    Domain,
    /// `ERANGE`: a finite computation overflowed.
    Range,
}

pub fn c_sum(a: C64, b: C64) -> C64 {
    (a.0 + b.0, a.1 + b.1)
}

pub fn c_diff(a: C64, b: C64) -> C64 {
    (a.0 - b.0, a.1 - b.1)
}

pub fn c_prod(a: C64, b: C64) -> C64 {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: Smith's algorithm.
pub fn c_quot(a: C64, b: C64) -> Result<C64, ComplexError> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return Err(ComplexError::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one of b's components is a NaN.
        Ok((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`: the polar form.
pub fn c_pow(a: C64, b: C64) -> Result<C64, ComplexError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(ComplexError::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: `x ** n` for `n >= 1` by repeated squaring.
fn c_powu(x: C64, n: i64) -> C64 {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `c_powi`: `x ** n` for an integer `n`.
fn c_powi(x: C64, n: i64) -> Result<C64, ComplexError> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` with CPython's choice of algorithm and its range check
/// (`complex_pow` + `Py_ADJUST_ERANGE2`).
pub fn c_power(a: C64, b: C64) -> Result<C64, ComplexError> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 { c_powi(a, b.0 as i64)? } else { c_pow(a, b)? };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(ComplexError::Range);
    }
    Ok(p)
}

/// `abs(z)` (`complex_abs`); `None` when a finite value overflows.
pub fn c_abs(z: C64) -> Option<f64> {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        // An infinite component wins over a NaN.
        if re.is_infinite() {
            return Some(re.abs());
        }
        if im.is_infinite() {
            return Some(im.abs());
        }
        return Some(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

// ---- the operators ------------------------------------------------------------------

/// `a ** b` as a Python value, raising CPython's exceptions.
pub fn complex_pow(vm: &mut Vm, a: C64, b: C64) -> PyResult<Value> {
    match c_power(a, b) {
        Ok((re, im)) => Ok(PyComplex::new_value(vm, re, im)),
        Err(ComplexError::Domain) => Err(vm.zero_division_error("0.0 to a negative or complex power")),
        Err(ComplexError::Range) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// `a <op> b` where at least one operand is a complex and the other a
/// complex, float or int; NotImplemented otherwise (and for `//`, `%` and
/// the bitwise operators).
pub fn complex_binary_op(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(vm.not_implemented());
    }
    if !(is_complex_operand(a) && is_complex_operand(b)) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (complex_operand(vm, a)?, complex_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let (re, im) = match op {
        BinaryOp::Add => c_sum(x, y),
        BinaryOp::Subtract => c_diff(x, y),
        BinaryOp::Multiply => c_prod(x, y),
        BinaryOp::TrueDivide => match c_quot(x, y) {
            Ok(q) => q,
            Err(_) => return Err(vm.zero_division_error("complex division by zero")),
        },
        BinaryOp::Power => return complex_pow(vm, x, y),
        _ => return Ok(vm.not_implemented()),
    };
    Ok(PyComplex::new_value(vm, re, im))
}

/// `a == b` / `a != b` where one operand is a complex (`complex_richcompare`);
/// `None` for other operand types and for the ordering comparisons.
pub fn complex_compare(a: Value, b: Value, op: ComparisonOp) -> Option<bool> {
    if !matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) {
        return None;
    }
    let (z, other) = match (as_complex(a), as_complex(b)) {
        (Some(z), _) => (z, b),
        (None, Some(z)) => (z, a),
        (None, None) => return None,
    };
    let equal = if let Some(w) = as_complex(other) {
        z.0 == w.0 && z.1 == w.1
    } else if let Some(x) = as_f64(other) {
        z.0 == x && z.1 == 0.0
    } else {
        // Compare with an int exactly, as float == int does.
        let n = int_ref(other)?;
        z.1 == 0.0 && compare_f64_with_int(z.0, n) == Some(std::cmp::Ordering::Equal)
    };
    Some(equal == (op == ComparisonOp::Eq))
}

/// `hash(v)` for a complex; `None` if `v` is not one (`complex_hash`).
pub fn complex_hash(v: Value) -> Option<i64> {
    let (re, im) = as_complex(v)?;
    Some(crate::numeric::hash::hash_complex(re, im, v.to_bits() as usize))
}

/// `-z`, `+z` (NotImplemented for `~` and for non-complexes).
pub fn complex_unary(vm: &mut Vm, op: UnaryOp, v: Value) -> PyResult<Value> {
    let Some((re, im)) = as_complex(v) else {
        return Ok(vm.not_implemented());
    };
    match op {
        UnaryOp::Negative => Ok(PyComplex::new_value(vm, -re, -im)),
        UnaryOp::Positive => Ok(exact_complex(vm, v)),
        UnaryOp::Invert => Ok(vm.not_implemented()),
    }
}

/// `v` itself if it is an exact complex, else a new complex of its value.
fn exact_complex(vm: &mut Vm, v: Value) -> Value {
    if vm.is_exact(v, vm.types.complex) {
        return v;
    }
    let (re, im) = as_complex(v).expect("a complex");
    PyComplex::new_value(vm, re, im)
}

// ---- complex(str) -------------------------------------------------------------------

/// The end of the float literal starting at `pos` (sign, digits, point,
/// exponent, or `inf`/`infinity`/`nan`), or `None` if there is none. Only
/// finds the extent; `numeric::float_parse` converts it.
fn scan_float(s: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    for word in [&b"infinity"[..], b"inf", b"nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word) {
            return Some(i + word.len());
        }
    }
    let digits_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - digits_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    Some(i)
}

/// Remove the underscores of `s` if each sits between two digits
/// (`_Py_string_to_number_with_underscores`); `None` if one does not.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit();
            if !(before && after) {
                return None;
            }
        } else {
            out.push(b as char);
        }
    }
    Some(out)
}

/// The grammar of `complex(str)` (`complex_from_string_inner`): the float
/// literals it finds, as (text, sign of a bare `j`) parts. Returns
/// (real literal, imaginary literal or bare sign), or `None` when malformed.
#[derive(Debug, PartialEq)]
enum Imag<'a> {
    None,
    Literal(&'a str),
    /// A bare `j` / `+j` / `-j`: ±1.
    Unit(f64),
}

fn split_complex_literal(text: &str) -> Option<(Option<&str>, Imag<'_>)> {
    let s = text.as_bytes();
    let is_space = |b: u8| b.is_ascii_whitespace();
    let mut i = 0;
    let mut end = s.len();
    while i < end && is_space(s[i]) {
        i += 1;
    }
    while end > i && is_space(s[end - 1]) {
        end -= 1;
    }
    let s = &s[..end];
    let mut got_bracket = false;
    if i < s.len() && s[i] == b'(' {
        got_bracket = true;
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    let real;
    let imag;
    match scan_float(s, i) {
        Some(z_end) => {
            let z = &text[i..z_end];
            i = z_end;
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                real = Some(z);
                match scan_float(s, i) {
                    Some(y_end) => {
                        imag = Imag::Literal(&text[i..y_end]);
                        i = y_end;
                    }
                    None => {
                        imag = Imag::Unit(if s[i] == b'+' { 1.0 } else { -1.0 });
                        i += 1;
                    }
                }
                if !(i < s.len() && (s[i] == b'j' || s[i] == b'J')) {
                    return None;
                }
                i += 1;
            } else if i < s.len() && (s[i] == b'j' || s[i] == b'J') {
                real = None;
                imag = Imag::Literal(z);
                i += 1;
            } else {
                real = Some(z);
                imag = Imag::None;
            }
        }
        None => {
            real = None;
            let mut sign = 1.0;
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                if s[i] == b'-' {
                    sign = -1.0;
                }
                i += 1;
            }
            if !(i < s.len() && (s[i] == b'j' || s[i] == b'J')) {
                return None;
            }
            imag = Imag::Unit(sign);
            i += 1;
        }
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if got_bracket {
        if !(i < s.len() && s[i] == b')') {
            return None;
        }
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    if i != s.len() {
        return None;
    }
    Some((real, imag))
}

/// `complex(text)`.
fn complex_from_string(vm: &mut Vm, text: &str) -> PyResult<C64> {
    // As `PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode decimal
    // digits become ASCII digits and Unicode whitespace a space.
    let ascii: String = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if let Some(d) = crate::numeric::int_parse::decimal_value(c) {
                char::from_digit(d, 10).unwrap_or(c)
            } else if crate::numeric::int_parse::is_unicode_whitespace(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let text = ascii.as_str();
    let malformed = |vm: &mut Vm| vm.value_error("complex() arg is a malformed string");
    let Some(cleaned) = strip_underscores(text) else {
        return Err(malformed(vm));
    };
    let Some((real, imag)) = split_complex_literal(&cleaned) else {
        return Err(malformed(vm));
    };
    let parse = |vm: &mut Vm, literal: &str| {
        crate::numeric::float_parse::parse_float(literal)
            .map_err(|_| vm.value_error("complex() arg is a malformed string"))
    };
    let re = match real {
        Some(literal) => parse(vm, literal)?,
        None => 0.0,
    };
    let im = match imag {
        Imag::None => 0.0,
        Imag::Unit(sign) => sign,
        Imag::Literal(literal) => parse(vm, literal)?,
    };
    Ok((re, im))
}

// ---- complex's Python surface -------------------------------------------------------

pub static SPEC: TypeSpec = TypeSpec {
    name: "complex",
    base: None,
    layout: PyComplex::LAYOUT,
    layout_with_attrs: PyComplex::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: GETSETS,
    doc: "Create a complex number from a real part and an optional imaginary part.\n\n\
This is equivalent to (real + imag*1j) where imag defaults to 0.",
};

macro_rules! complex_binary_dunders {
    ($($op:ident => $name:ident, $fwd:literal, $rname:ident, $rev:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $fwd)?;
                complex_binary_op(vm, BinaryOp::$op, a, b)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $rev)?;
                complex_binary_op(vm, BinaryOp::$op, b, a)
            }
        )*
    };
}

complex_binary_dunders! {
    Add => complex_add, "__add__", complex_radd, "__radd__";
    Subtract => complex_sub, "__sub__", complex_rsub, "__rsub__";
    Multiply => complex_mul, "__mul__", complex_rmul, "__rmul__";
    TrueDivide => complex_truediv, "__truediv__", complex_rtruediv, "__rtruediv__";
}

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", complex_new),
    MethodDef::method("__repr__", complex_repr),
    MethodDef::method("__hash__", complex_hash_method),
    MethodDef::method("__format__", complex_format),
    MethodDef::method("__bool__", complex_bool),
    MethodDef::method("__add__", complex_add),
    MethodDef::method("__radd__", complex_radd),
    MethodDef::method("__sub__", complex_sub),
    MethodDef::method("__rsub__", complex_rsub),
    MethodDef::method("__mul__", complex_mul),
    MethodDef::method("__rmul__", complex_rmul),
    MethodDef::method("__truediv__", complex_truediv),
    MethodDef::method("__rtruediv__", complex_rtruediv),
    MethodDef::method("__pow__", complex_pow_method),
    MethodDef::method("__rpow__", complex_rpow_method),
    MethodDef::method("__neg__", complex_neg),
    MethodDef::method("__pos__", complex_pos),
    MethodDef::method("__abs__", complex_abs),
    MethodDef::method("__eq__", complex_eq),
    MethodDef::method("__ne__", complex_ne),
    MethodDef::method("__complex__", complex_complex),
    MethodDef::method("__getnewargs__", complex_getnewargs),
    MethodDef::method("conjugate", complex_conjugate),
];

static GETSETS: &[GetSetDef] =
    &[GetSetDef::readonly("real", complex_get_real), GetSetDef::readonly("imag", complex_get_imag)];

/// `self` of a complex method.
fn this_complex(vm: &mut Vm, v: Value, method: &str) -> PyResult<C64> {
    match as_complex(v) {
        Some(z) => Ok(z),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'complex' object but received a '{tn}'")))
        }
    }
}

static COMPLEX_NEW_SIG: Signature =
    Signature { name: "complex", params: &["cls", "real", "imag"], positional_only: 1, keyword_only: 3, required: 1 };

/// `complex.__new__(cls, real=0, imag=0)` (`complex_new_impl`).
fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional().len();
    if given > 3 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({} given)", given - 1)));
    }
    let [cls, real, imag] = args.bind::<3>(vm, &COMPLEX_NEW_SIG)?;
    let cls = new_target(vm, cls, "complex")?;
    let exact_cls = cls == vm.types.complex;
    let (re, im) = match complex_from_args(vm, real, imag, exact_cls)? {
        ComplexArgs::Same(v) => return Ok(v),
        ComplexArgs::Value(re, im) => (re, im),
    };
    if exact_cls {
        return Ok(PyComplex::new_value(vm, re, im));
    }
    Ok(vm.alloc_instance(PyComplex::new(re, im), cls).value())
}

/// What `complex(real, imag)` evaluates to.
enum ComplexArgs {
    /// `complex(z)` of an exact complex: `z` itself.
    Same(Value),
    Value(f64, f64),
}

/// `real` through `__complex__` if it has one: `Some(z)` for a complex.
fn try_dunder_complex(vm: &mut Vm, real: Value) -> PyResult<Option<C64>> {
    let Some(method) = protocol::attr::lookup_special(vm, real, "__complex__") else {
        return Ok(None);
    };
    let result = protocol::call::call(vm, method, &[real])?;
    match as_complex(result) {
        Some(z) => Ok(Some(z)),
        None => {
            let tn = vm.type_name(result);
            Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")))
        }
    }
}

fn complex_from_args(vm: &mut Vm, real: Value, imag: Value, exact_cls: bool) -> PyResult<ComplexArgs> {
    // `complex(imag=x)`: the real part defaults to the int 0.
    let real = if real.is_null() { Value::from_small(0) } else { real };
    if let Some(s) = real.downcast::<PyStr>() {
        if !imag.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = complex_from_string(vm, s.as_str())?;
        return Ok(ComplexArgs::Value(re, im));
    }
    if !imag.is_null() && imag.downcast::<PyStr>().is_some() {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    // `real`: a complex (possibly through `__complex__`) or a real number.
    if imag.is_null() && exact_cls && vm.is_exact(real, vm.types.complex) {
        return Ok(ComplexArgs::Same(real));
    }
    let (cr, cr_is_complex) = if let Some(z) = try_dunder_complex(vm, real)? {
        (z, true)
    } else if let Some(z) = as_complex(real) {
        (z, true)
    } else {
        match float_from_number(vm, real)? {
            Some(x) => ((x, 0.0), false),
            None => {
                let tn = vm.type_name(real);
                return Err(vm.type_error(format!("complex() first argument must be a string or a number, not '{tn}'")));
            }
        }
    };
    if imag.is_null() {
        return Ok(ComplexArgs::Value(cr.0, cr.1));
    }
    let (ci, ci_is_complex) = match as_complex(imag) {
        Some(z) => (z, true),
        None => match float_from_number(vm, imag)? {
            Some(x) => ((x, 0.0), false),
            None => {
                let tn = vm.type_name(imag);
                return Err(vm.type_error(format!("complex() second argument must be a number, not '{tn}'")));
            }
        },
    };
    let mut re = cr.0;
    let mut im = ci.0;
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex {
        im += cr.1;
    }
    Ok(ComplexArgs::Value(re, im))
}

fn complex_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let (re, im) = this_complex(vm, this, "__repr__")?;
    let text = crate::numeric::complex_repr::complex_repr(re, im);
    Ok(vm.new_str(&text))
}

fn complex_hash_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    this_complex(vm, this, "__hash__")?;
    let h = complex_hash(this).expect("checked complex");
    Ok(vm.new_int(h))
}

/// `complex.__format__(spec)`: an empty spec is `str(self)`.
fn complex_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, spec] = args.exact::<2>(vm, "__format__")?;
    let (re, im) = this_complex(vm, this, "__format__")?;
    let Some(spec) = spec.downcast::<PyStr>() else {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    if spec.as_str().is_empty() {
        return Ok(protocol::object::str(vm, this)?.value());
    }
    let text =
        crate::numeric::format_spec::format_complex_str(re, im, spec.as_str()).map_err(|e| numeric_error(vm, e))?;
    Ok(vm.new_str(&text))
}

/// `complex.__pow__(self, other, mod=None)`: a modulus is an error.
fn complex_pow_args(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<(Value, Value)> {
    let values = args.positional_range(vm, name, 2, 3)?;
    if let Some(&m) = values.get(2) {
        if !vm.is_none(m) {
            return Err(vm.value_error("complex modulo"));
        }
    }
    Ok((values[0], values[1]))
}

fn complex_pow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = complex_pow_args(vm, args, "__pow__")?;
    complex_binary_op(vm, BinaryOp::Power, a, b)
}

fn complex_rpow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = complex_pow_args(vm, args, "__rpow__")?;
    complex_binary_op(vm, BinaryOp::Power, b, a)
}

fn complex_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    Ok(match complex_compare(a, b, ComparisonOp::Eq) {
        Some(r) => vm.bool_value(r),
        None => vm.not_implemented(),
    })
}

fn complex_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ne__")?;
    Ok(match complex_compare(a, b, ComparisonOp::Ne) {
        Some(r) => vm.bool_value(r),
        None => vm.not_implemented(),
    })
}

macro_rules! complex_unary_methods {
    ($($name:ident, $py:literal => |$vm:ident, $z:ident, $this:ident| $body:expr;)*) => {
        $(
            fn $name($vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [$this] = args.exact::<1>($vm, $py)?;
                let $z = this_complex($vm, $this, $py)?;
                $body
            }
        )*
    };
}

complex_unary_methods! {
    complex_bool, "__bool__" => |vm, z, _this| Ok(vm.bool_value(z.0 != 0.0 || z.1 != 0.0));
    complex_neg, "__neg__" => |vm, _z, this| complex_unary(vm, UnaryOp::Negative, this);
    complex_pos, "__pos__" => |vm, _z, this| complex_unary(vm, UnaryOp::Positive, this);
    complex_complex, "__complex__" => |vm, _z, this| Ok(exact_complex(vm, this));
    complex_abs, "__abs__" => |vm, z, _this| match c_abs(z) {
        Some(r) => Ok(vm.new_float(r)),
        None => Err(vm.overflow_error("absolute value too large")),
    };
    complex_conjugate, "conjugate" => |vm, z, _this| Ok(PyComplex::new_value(vm, z.0, -z.1));
    complex_getnewargs, "__getnewargs__" => |vm, z, _this| {
        let re = vm.new_float(z.0);
        let im = vm.new_float(z.1);
        Ok(new_tuple(vm, &[re, im]))
    };
}

fn complex_get_real(vm: &mut Vm, this: Value) -> PyResult {
    let z = this_complex(vm, this, "real")?;
    Ok(vm.new_float(z.0))
}

fn complex_get_imag(vm: &mut Vm, this: Value) -> PyResult {
    let z = this_complex(vm, this, "imag")?;
    Ok(vm.new_float(z.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smith_division_matches_cpython() {
        assert_eq!(c_quot((1.0, 2.0), (3.0, 4.0)), Ok((0.44, 0.08)));
        assert_eq!(c_quot((1.0, 0.0), (0.0, 0.0)), Err(ComplexError::Domain));
        // The denominator overflows exactly as in CPython: (nan+0j).
        let (re, im) = c_quot((1e308, 1e308), (1e308, 1e308)).unwrap();
        assert!(re.is_nan() && im == 0.0);
    }

    #[test]
    fn integral_powers_use_repeated_squaring() {
        assert_eq!(c_power((0.0, 1.0), (2.0, 0.0)), Ok((-1.0, 0.0)));
        assert_eq!(c_power((2.0, 0.0), (10.0, 0.0)), Ok((1024.0, 0.0)));
        assert_eq!(c_power((1.0, 2.0), (-1.0, 0.0)), Ok((0.2, -0.4)));
        assert_eq!(c_power((0.0, 0.0), (0.0, 0.0)), Ok((1.0, 0.0)));
        assert_eq!(c_power((0.0, 0.0), (-1.0, 0.0)), Err(ComplexError::Domain));
        assert_eq!(c_power((0.0, 0.0), (0.0, 1.0)), Err(ComplexError::Domain));
        assert_eq!(c_power((1e200, 0.0), (2.0, 0.0)), Err(ComplexError::Range));
        assert_eq!(c_power((1e308, 1e308), (2.5, 0.0)), Err(ComplexError::Range));
        // inf - inf: CPython gives (nan+nanj) here, not an OverflowError.
        let (re, im) = c_power((1e308, 1e308), (2.0, 0.0)).unwrap();
        assert!(re.is_nan() && im.is_nan());
    }

    #[test]
    fn fractional_powers_use_the_polar_form() {
        let (re, im) = c_power((1.0, 1.0), (0.5, 0.0)).unwrap();
        assert_eq!((re, im), (1.0986841134678098, 0.45508986056222733));
        let (re, im) = c_power((-8.0, 0.0), (1.0 / 3.0, 0.0)).unwrap();
        assert_eq!((re, im), (1.0000000000000002, 1.7320508075688772));
    }

    #[test]
    fn abs_handles_infinities_and_overflow() {
        assert_eq!(c_abs((3.0, 4.0)), Some(5.0));
        assert_eq!(c_abs((f64::NAN, f64::INFINITY)), Some(f64::INFINITY));
        assert!(c_abs((f64::NAN, 1.0)).unwrap().is_nan());
        assert_eq!(c_abs((1e308, 1e308)), Some(1.4142135623730951e308));
        assert_eq!(c_abs((1.7e308, 1.7e308)), None);
    }

    #[test]
    fn complex_literals_split_like_cpython() {
        assert_eq!(split_complex_literal("1+2j"), Some((Some("1"), Imag::Literal("+2"))));
        assert_eq!(split_complex_literal(" ( 1e-3-2J ) "), Some((Some("1e-3"), Imag::Literal("-2"))));
        assert_eq!(split_complex_literal("1e3j"), Some((None, Imag::Literal("1e3"))));
        assert_eq!(split_complex_literal("-j"), Some((None, Imag::Unit(-1.0))));
        assert_eq!(split_complex_literal("1-j"), Some((Some("1"), Imag::Unit(-1.0))));
        assert_eq!(split_complex_literal("infj"), Some((None, Imag::Literal("inf"))));
        assert_eq!(split_complex_literal("-1.5"), Some((Some("-1.5"), Imag::None)));
        assert_eq!(split_complex_literal("1+"), None);
        assert_eq!(split_complex_literal("(1+2j"), None);
        assert_eq!(split_complex_literal("x"), None);
        assert_eq!(split_complex_literal("1 + 2j"), None);
        assert_eq!(split_complex_literal(""), None);
    }

    #[test]
    fn underscores_only_between_digits() {
        assert_eq!(strip_underscores("1_0j").as_deref(), Some("10j"));
        assert_eq!(strip_underscores("_1"), None);
        assert_eq!(strip_underscores("1__0"), None);
        assert_eq!(strip_underscores("1_j"), None);
    }
}
