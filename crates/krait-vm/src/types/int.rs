//! `int` and `bool`: arbitrary-precision integers.
//!
//! An int has exactly one representation: values in the 63-bit small-int
//! range are tagged `Value`s (see `value`), anything larger is a `PyInt`
//! holding a `BigInt`. Every operation normalises its result through
//! `vm.new_bigint`, so a `PyInt` of class `int` never holds a small value.
//! Two kinds of `PyInt` break that rule on purpose: `True` and `False` (the
//! two instances of `bool`) and instances of Python subclasses of `int`,
//! whose class must be remembered whatever their value.
//!
//! The semantics of every operator live in one function each —
//! `int_binary_op`, `int_unary`, `int_compare`, `int_hash` — which the
//! interpreter's fast paths and the dunder methods (`__add__`, ...) share,
//! so that `a + b` and `a.__add__(b)` cannot disagree. They follow
//! CPython 3.11's `Objects/longobject.c` (`long_add`, `long_pow`,
//! `long_true_divide`, ...); the pure algorithms (string conversion with the
//! digit limit, true division, modular pow, rounding, hashing) are in
//! `crate::numeric`, and `numeric_error` turns their `NumericError` into the
//! Python exception.
//!
//! Reading an int: `int_ref` gives an `IntRef` (`Small(i64)` or a `Gc` of the
//! `PyInt`) without copying; `as_bigint` gives an owned `BigInt`; `to_i64`
//! gives the value when it fits.

use std::borrow::Cow;

use krait_bytecode::{BinaryOp, ComparisonOp};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef, Signature};
use crate::numeric::NumericError;
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{is_subtype, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// A heap int: a big value, `True`/`False`, or an instance of an `int`
/// subclass.
#[repr(C)]
pub struct PyInt {
    header: ObjHeader,
    pub value: BigInt,
}

impl_payload!(PyInt, Int, subclassable);

impl PyInt {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.external += self.value.bits() as usize / 8;
    }

    pub fn new(value: BigInt) -> PyInt {
        PyInt { header: ObjHeader::new(PyInt::LAYOUT, Value::NULL), value }
    }
}

// ---- reading ints ---------------------------------------------------------------------

/// A borrowed view of any int (bools and subclass instances included).
#[derive(Clone, Copy, Debug)]
pub enum IntRef {
    /// The value fits an `i64` (a tagged small int, or a heap int that fits).
    Small(i64),
    /// A heap int whose value does not fit an `i64`.
    Big(Gc<PyInt>),
}

impl IntRef {
    /// The value as an owned `BigInt`.
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.value.clone(),
        }
    }

    /// Run `f` on the value as a `BigInt` (borrowed when it is one already).
    pub fn with_big<R>(self, f: impl FnOnce(&BigInt) -> R) -> R {
        match self {
            IntRef::Small(i) => f(&BigInt::from(i)),
            IntRef::Big(b) => f(&b.value),
        }
    }

    pub fn is_zero(self) -> bool {
        matches!(self, IntRef::Small(0))
    }

    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.value.is_negative(),
        }
    }
}

/// The value of any int, without copying a big one.
#[inline]
pub fn int_ref(v: Value) -> Option<IntRef> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    let big = v.downcast::<PyInt>()?;
    Some(match big.value.to_i64() {
        Some(i) => IntRef::Small(i),
        None => IntRef::Big(big),
    })
}

/// The value of any int (bool and subclass instances included) as a
/// `BigInt`. Always owned: a heap int cannot lend its digits for `'static`.
pub fn as_bigint(v: Value) -> Option<Cow<'static, BigInt>> {
    int_ref(v).map(|r| Cow::Owned(r.to_bigint()))
}

/// The value of an int that fits an `i64`; `None` for non-ints and for
/// ints too big.
#[inline]
pub fn to_i64(v: Value) -> Option<i64> {
    match int_ref(v)? {
        IntRef::Small(i) => Some(i),
        IntRef::Big(_) => None,
    }
}

/// Whether `v` is an int (of any class: bool and subclasses count).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.has_kind(crate::object::LayoutKind::Int)
}

/// `v` as an exact `int` (what `int(v)` returns for an int subclass or a bool).
pub fn exact_int(vm: &mut Vm, v: IntRef) -> Value {
    match v {
        IntRef::Small(i) => vm.new_int(i),
        IntRef::Big(b) => {
            if vm.is_exact(b.value(), vm.types.int) {
                b.value()
            } else {
                vm.new_bigint(b.value.clone())
            }
        }
    }
}

/// Raise the Python exception a numeric algorithm reported.
pub fn numeric_error(vm: &mut Vm, err: NumericError) -> PyErr {
    match err {
        NumericError::ValueError(m) => vm.value_error(m),
        NumericError::OverflowError(m) => vm.overflow_error(m),
        NumericError::ZeroDivisionError(m) => vm.zero_division_error(m),
        NumericError::TypeError(m) => vm.type_error(m),
    }
}

/// `float(i)` for an int, with CPython's "int too large to convert to float".
pub fn int_to_f64(vm: &mut Vm, v: IntRef) -> PyResult<f64> {
    match v {
        IntRef::Small(i) if i.unsigned_abs() <= 1 << 53 => Ok(i as f64),
        other => other.with_big(crate::numeric::round::int_to_float).map_err(|e| numeric_error(vm, e)),
    }
}

// ---- the operators ------------------------------------------------------------------

/// The largest left shift attempted; beyond it CPython would run out of
/// digits ("too many digits in integer").
const MAX_SHIFT: u64 = 1 << 40;

/// `a <op> b` for two ints (`long_add`, `long_sub`, ... in CPython), or
/// NotImplemented when either operand is not an int. `**` with a negative
/// exponent and `/` produce floats.
pub fn int_binary_op(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) else {
        return Ok(vm.not_implemented());
    };
    if let (IntRef::Small(i), IntRef::Small(j)) = (x, y) {
        if let Some(result) = small_binary_op(vm, op, i, j)? {
            return Ok(result);
        }
    }
    big_binary_op(vm, op, x, y)
}

/// The `i64` fast path: `Ok(None)` when the result needs a `BigInt`.
#[inline]
fn small_binary_op(vm: &mut Vm, op: BinaryOp, i: i64, j: i64) -> PyResult<Option<Value>> {
    let result = match op {
        BinaryOp::Add => i.checked_add(j),
        BinaryOp::Subtract => i.checked_sub(j),
        BinaryOp::Multiply => i.checked_mul(j),
        BinaryOp::FloorDivide => {
            if j == 0 {
                return Err(vm.zero_division_error("integer division or modulo by zero"));
            }
            if i == i64::MIN && j == -1 {
                None
            } else {
                Some(Integer::div_floor(&i, &j))
            }
        }
        BinaryOp::Remainder => {
            if j == 0 {
                return Err(vm.zero_division_error("integer modulo by zero"));
            }
            if j == -1 {
                Some(0)
            } else {
                Some(Integer::mod_floor(&i, &j))
            }
        }
        BinaryOp::And => Some(i & j),
        BinaryOp::Or => Some(i | j),
        BinaryOp::Xor => Some(i ^ j),
        BinaryOp::LShift => {
            if j < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if i == 0 {
                Some(0)
            } else if j < 63 {
                let shifted = i << j;
                if shifted >> j == i {
                    Some(shifted)
                } else {
                    None
                }
            } else {
                None
            }
        }
        BinaryOp::RShift => {
            if j < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            Some(i >> j.min(63))
        }
        BinaryOp::TrueDivide => {
            if j == 0 {
                return Err(vm.zero_division_error("division by zero"));
            }
            if i.unsigned_abs() <= 1 << 53 && j.unsigned_abs() <= 1 << 53 {
                // Both exact as doubles: one correctly rounded division.
                return Ok(Some(vm.new_float(i as f64 / j as f64)));
            }
            return Ok(None);
        }
        BinaryOp::Power => {
            if j < 0 {
                return Ok(None);
            }
            u32::try_from(j).ok().and_then(|e| i.checked_pow(e))
        }
        BinaryOp::MatrixMultiply => return Ok(Some(vm.not_implemented())),
    };
    Ok(result.map(|r| vm.new_int(r)))
}

fn big_binary_op(vm: &mut Vm, op: BinaryOp, x: IntRef, y: IntRef) -> PyResult<Value> {
    // Borrow the operands' digits rather than copying them: `x` and `y`
    // keep their objects alive, and ints are immutable.
    let (small_a, small_b, big_a, big_b);
    let a: &BigInt = match x {
        IntRef::Small(i) => {
            small_a = BigInt::from(i);
            &small_a
        }
        IntRef::Big(big) => {
            big_a = big;
            &big_a.value
        }
    };
    let b: &BigInt = match y {
        IntRef::Small(i) => {
            small_b = BigInt::from(i);
            &small_b
        }
        IntRef::Big(big) => {
            big_b = big;
            &big_b.value
        }
    };
    let result = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Subtract => a - b,
        BinaryOp::Multiply => a * b,
        BinaryOp::FloorDivide => {
            if b.is_zero() {
                return Err(vm.zero_division_error("integer division or modulo by zero"));
            }
            match div_small_quotient(a, b) {
                Some((q, _)) => q,
                None => a.div_floor(b),
            }
        }
        BinaryOp::Remainder => {
            if b.is_zero() {
                return Err(vm.zero_division_error("integer modulo by zero"));
            }
            match div_small_quotient(a, b) {
                Some((_, r)) => r,
                None => a.mod_floor(b),
            }
        }
        BinaryOp::And => a & b,
        BinaryOp::Or => a | b,
        BinaryOp::Xor => a ^ b,
        BinaryOp::LShift => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::from_small(0));
            }
            match b.to_u64().filter(|&s| s <= MAX_SHIFT) {
                Some(shift) => a << shift,
                None => return Err(vm.overflow_error("too many digits in integer")),
            }
        }
        BinaryOp::RShift => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match b.to_u64() {
                // `>>` on a negative BigInt rounds towards -inf, as Python's does.
                Some(shift) => a >> shift,
                None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        BinaryOp::TrueDivide => {
            if b.is_zero() {
                return Err(vm.zero_division_error("division by zero"));
            }
            let q = crate::numeric::round::int_true_divide(a, b).map_err(|e| numeric_error(vm, e))?;
            return Ok(vm.new_float(q));
        }
        BinaryOp::Power => return int_pow(vm, a, b),
        BinaryOp::MatrixMultiply => return Ok(vm.not_implemented()),
    };
    Ok(vm.new_bigint(result))
}

/// Floor division and remainder of non-negative big ints whose quotient
/// is small (below 2**50, as in spigot algorithms): estimate it from the
/// leading 64 bits of each operand, then correct by at most a few steps.
/// Much cheaper than a general long division when the operands are long.
/// `None` when the shortcut does not apply.
fn div_small_quotient(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if a.is_negative() || !b.is_positive() {
        return None;
    }
    let (a_bits, b_bits) = (a.bits(), b.bits());
    if a_bits < b_bits || a_bits - b_bits > 50 || b_bits < 64 {
        return None;
    }
    let shift = b_bits - 64;
    let top_a = (a >> shift).to_f64()?;
    let top_b = (b >> shift).to_f64()?;
    let mut q = (top_a / top_b).floor() as i64;
    let mut r = a - b * q;
    while r.is_negative() {
        q -= 1;
        r += b;
    }
    while &r >= b {
        q += 1;
        r -= b;
    }
    Some((BigInt::from(q), r))
}

/// `a ** b` for ints (`long_pow` without a modulus): a negative exponent
/// gives a float.
fn int_pow(vm: &mut Vm, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    let trivial_base = a.magnitude().is_one() || a.is_zero();
    if !b.is_negative() && !trivial_base && b.to_u32().is_none() {
        // The result would have more than 2**32 digits.
        return Err(vm.memory_error());
    }
    match crate::numeric::round::int_pow(a, b).map_err(|e| numeric_error(vm, e))? {
        crate::numeric::round::IntPow::Int(i) => Ok(vm.new_bigint(i)),
        crate::numeric::round::IntPow::Float(f) => Ok(vm.new_float(f)),
    }
}

/// `pow(a, b, m)` for ints (`long_pow` with a modulus).
pub fn int_pow_mod(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Value> {
    let (Some(a), Some(b), Some(m)) = (int_ref(a), int_ref(b), int_ref(m)) else {
        return Ok(vm.not_implemented());
    };
    let result = crate::numeric::round::int_pow_mod(&a.to_bigint(), &b.to_bigint(), &m.to_bigint())
        .map_err(|e| numeric_error(vm, e))?;
    Ok(vm.new_bigint(result))
}

/// A unary numeric operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Negative,
    /// `+x`
    Positive,
    /// `~x`
    Invert,
}

/// `-v`, `+v`, `~v` for an int (NotImplemented for anything else). The
/// result is always an exact int, for bools too.
pub fn int_unary(vm: &mut Vm, op: UnaryOp, v: Value) -> PyResult<Value> {
    let Some(x) = int_ref(v) else {
        return Ok(vm.not_implemented());
    };
    if let IntRef::Small(i) = x {
        let result = match op {
            UnaryOp::Negative => i.checked_neg(),
            UnaryOp::Positive => Some(i),
            UnaryOp::Invert => Some(!i),
        };
        if let Some(r) = result {
            return Ok(vm.new_int(r));
        }
    }
    let big = x.to_bigint();
    Ok(match op {
        UnaryOp::Negative => vm.new_bigint(-big),
        UnaryOp::Positive => exact_int(vm, x),
        UnaryOp::Invert => vm.new_bigint(!big),
    })
}

/// `a <op> b` for two ints; `None` when either is not an int.
pub fn int_compare(a: Value, b: Value, op: ComparisonOp) -> Option<bool> {
    let ordering = match (int_ref(a)?, int_ref(b)?) {
        (IntRef::Small(i), IntRef::Small(j)) => i.cmp(&j),
        (x, y) => x.to_bigint().cmp(&y.to_bigint()),
    };
    Some(ordering_matches(ordering, op))
}

/// Whether an ordering satisfies a comparison.
pub fn ordering_matches(ordering: std::cmp::Ordering, op: ComparisonOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        ComparisonOp::Lt => ordering == Less,
        ComparisonOp::Le => ordering != Greater,
        ComparisonOp::Eq => ordering == Equal,
        ComparisonOp::Ne => ordering != Equal,
        ComparisonOp::Gt => ordering == Greater,
        ComparisonOp::Ge => ordering != Less,
    }
}

/// `hash(v)` for an int; `None` if `v` is not one.
pub fn int_hash(v: Value) -> Option<i64> {
    Some(match int_ref(v)? {
        IntRef::Small(i) => crate::numeric::hash::hash_i64(i),
        IntRef::Big(b) => crate::numeric::hash::hash_int(&b.value),
    })
}

/// `str(i)` in decimal, with the `sys.set_int_max_str_digits` limit.
pub fn int_to_decimal_string(vm: &mut Vm, v: IntRef) -> PyResult<String> {
    match v {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => crate::numeric::int_parse::int_to_decimal_string(&b.value, vm.int_max_str_digits)
            .map_err(|e| numeric_error(vm, e)),
    }
}

// ---- conversions used by int() ------------------------------------------------------

/// The bytes of a bytes-like object (`bytes`, `bytearray`, `memoryview`).
pub(crate) fn bytes_like_contents(v: Value) -> Option<Vec<u8>> {
    crate::types::bytes::as_buffer(v)
}

/// `int(text, base)` for a str or bytes-like `x`; `None` if `x` is neither.
fn int_from_string(vm: &mut Vm, x: Value, base: i64) -> PyResult<Option<Value>> {
    let parsed = if let Some(s) = x.downcast::<PyStr>() {
        if base == 10 {
            if let Some(i) = crate::numeric::int_parse::short_decimal(s.as_str()) {
                return Ok(Some(Value::from_small(i)));
            }
        }
        crate::numeric::int_parse::parse_int(s.as_str(), base, vm.int_max_str_digits)
    } else if let Some(bytes) = bytes_like_contents(x) {
        let repr = protocol::object::repr(vm, x)?;
        crate::numeric::int_parse::parse_int_bytes(&bytes, base, vm.int_max_str_digits, repr.as_str())
    } else {
        return Ok(None);
    };
    match parsed {
        Ok(value) => Ok(Some(vm.new_bigint(value))),
        Err(e) => Err(numeric_error(vm, e)),
    }
}

/// `int(x)` for one argument (`PyNumber_Long`): ints, `__int__`,
/// `__index__`, `__trunc__`, strings and bytes.
pub fn int_from_object(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if let Some(r) = int_ref(x) {
        if x.is_small_int() || vm.is_exact(x, vm.types.int) || vm.is_exact(x, vm.types.bool_) {
            return Ok(exact_int(vm, r));
        }
    }
    if let Some(f) = crate::types::float::as_f64(x) {
        if vm.is_exact(x, vm.types.float) {
            return crate::types::float::float_to_int(vm, f);
        }
    }
    for name in ["__int__", "__index__"] {
        if let Some(method) = protocol::attr::lookup_special(vm, x, name) {
            let result = protocol::call::call(vm, method, &[x])?;
            return match int_ref(result) {
                Some(r) => Ok(exact_int(vm, r)),
                None => {
                    let tn = vm.type_name(result);
                    Err(vm.type_error(format!("{name} returned non-int (type {tn})")))
                }
            };
        }
    }
    if let Some(method) = protocol::attr::lookup_special(vm, x, "__trunc__") {
        let result = protocol::call::call(vm, method, &[x])?;
        if let Some(r) = int_ref(result) {
            return Ok(exact_int(vm, r));
        }
        // CPython calls `__index__` on what `__trunc__` returned.
        return match protocol::attr::lookup_special(vm, result, "__index__") {
            Some(index) => {
                let i = protocol::call::call(vm, index, &[result])?;
                match int_ref(i) {
                    Some(r) => Ok(exact_int(vm, r)),
                    None => {
                        let tn = vm.type_name(i);
                        Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
                    }
                }
            }
            None => {
                let tn = vm.type_name(result);
                Err(vm.type_error(format!("__trunc__ returned non-Integral (type {tn})")))
            }
        };
    }
    if let Some(v) = int_from_string(vm, x, 10)? {
        return Ok(v);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
}

// ---- int's Python surface -----------------------------------------------------------

pub static SPEC: TypeSpec = TypeSpec {
    name: "int",
    base: None,
    layout: PyInt::LAYOUT,
    layout_with_attrs: PyInt::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: GETSETS,
    doc: "int([x]) -> integer\nint(x, base=10) -> integer\n\n\
Convert a number or string to an integer, or return 0 if no arguments\n\
are given.  If x is a number, return x.__int__().  For floating point\n\
numbers, this truncates towards zero.",
};

/// Define `__op__` and `__rop__` for one `BinaryOp`.
macro_rules! int_binary_dunders {
    ($($op:ident => $name:ident, $fwd:literal, $rname:ident, $rev:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $fwd)?;
                int_binary_op(vm, BinaryOp::$op, a, b)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $rev)?;
                int_binary_op(vm, BinaryOp::$op, b, a)
            }
        )*
    };
}

int_binary_dunders! {
    Add => int_add, "__add__", int_radd, "__radd__";
    Subtract => int_sub, "__sub__", int_rsub, "__rsub__";
    Multiply => int_mul, "__mul__", int_rmul, "__rmul__";
    FloorDivide => int_floordiv, "__floordiv__", int_rfloordiv, "__rfloordiv__";
    TrueDivide => int_truediv, "__truediv__", int_rtruediv, "__rtruediv__";
    Remainder => int_mod, "__mod__", int_rmod, "__rmod__";
    LShift => int_lshift, "__lshift__", int_rlshift, "__rlshift__";
    RShift => int_rshift, "__rshift__", int_rrshift, "__rrshift__";
    And => int_and, "__and__", int_rand, "__rand__";
    Or => int_or, "__or__", int_ror, "__ror__";
    Xor => int_xor, "__xor__", int_rxor, "__rxor__";
}

/// Define the six rich comparisons.
macro_rules! int_comparisons {
    ($($op:ident => $name:ident, $py:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $py)?;
                Ok(match int_compare(a, b, ComparisonOp::$op) {
                    Some(result) => vm.bool_value(result),
                    None => vm.not_implemented(),
                })
            }
        )*
    };
}

int_comparisons! {
    Lt => int_lt, "__lt__";
    Le => int_le, "__le__";
    Eq => int_eq, "__eq__";
    Ne => int_ne, "__ne__";
    Gt => int_gt, "__gt__";
    Ge => int_ge, "__ge__";
}

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", int_new),
    MethodDef::method("__repr__", int_repr),
    MethodDef::method("__hash__", int_hash_method),
    MethodDef::method("__format__", int_format),
    MethodDef::method("__bool__", int_bool),
    MethodDef::method("__add__", int_add),
    MethodDef::method("__radd__", int_radd),
    MethodDef::method("__sub__", int_sub),
    MethodDef::method("__rsub__", int_rsub),
    MethodDef::method("__mul__", int_mul),
    MethodDef::method("__rmul__", int_rmul),
    MethodDef::method("__floordiv__", int_floordiv),
    MethodDef::method("__rfloordiv__", int_rfloordiv),
    MethodDef::method("__truediv__", int_truediv),
    MethodDef::method("__rtruediv__", int_rtruediv),
    MethodDef::method("__mod__", int_mod),
    MethodDef::method("__rmod__", int_rmod),
    MethodDef::method("__divmod__", int_divmod),
    MethodDef::method("__rdivmod__", int_rdivmod),
    MethodDef::method("__pow__", int_pow_method),
    MethodDef::method("__rpow__", int_rpow_method),
    MethodDef::method("__lshift__", int_lshift),
    MethodDef::method("__rlshift__", int_rlshift),
    MethodDef::method("__rshift__", int_rshift),
    MethodDef::method("__rrshift__", int_rrshift),
    MethodDef::method("__and__", int_and),
    MethodDef::method("__rand__", int_rand),
    MethodDef::method("__or__", int_or),
    MethodDef::method("__ror__", int_ror),
    MethodDef::method("__xor__", int_xor),
    MethodDef::method("__rxor__", int_rxor),
    MethodDef::method("__neg__", int_neg),
    MethodDef::method("__pos__", int_pos),
    MethodDef::method("__invert__", int_invert),
    MethodDef::method("__abs__", int_abs),
    MethodDef::method("__int__", int_int),
    MethodDef::method("__index__", int_index),
    MethodDef::method("__float__", int_float),
    MethodDef::method("__trunc__", int_trunc),
    MethodDef::method("__floor__", int_floor),
    MethodDef::method("__ceil__", int_ceil),
    MethodDef::method("__round__", int_round),
    MethodDef::method("__lt__", int_lt),
    MethodDef::method("__le__", int_le),
    MethodDef::method("__eq__", int_eq),
    MethodDef::method("__ne__", int_ne),
    MethodDef::method("__gt__", int_gt),
    MethodDef::method("__ge__", int_ge),
    MethodDef::method("__getnewargs__", int_getnewargs),
    MethodDef::method("__sizeof__", int_sizeof),
    MethodDef::method("conjugate", int_conjugate),
    MethodDef::method("bit_length", int_bit_length),
    MethodDef::method("bit_count", int_bit_count),
    MethodDef::method("to_bytes", int_to_bytes),
    MethodDef::classmethod("from_bytes", int_from_bytes),
    MethodDef::method("as_integer_ratio", int_as_integer_ratio),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("real", int_get_self),
    GetSetDef::readonly("imag", int_get_zero),
    GetSetDef::readonly("numerator", int_get_self),
    GetSetDef::readonly("denominator", int_get_one),
];

/// `self` of an int method.
fn this_int(vm: &mut Vm, v: Value, method: &str) -> PyResult<IntRef> {
    match int_ref(v) {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'int' object but received a '{tn}'")))
        }
    }
}

static INT_NEW_SIG: Signature =
    Signature { name: "int", params: &["cls", "x", "base"], positional_only: 2, keyword_only: 3, required: 1 };

/// `int.__new__(cls, x=0, base=10)`.
fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional();
    if positional.len() > 3 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", positional.len() - 1)));
    }
    for (name, _) in args.kwargs() {
        if name.as_str() != "base" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for int()", name.as_str())));
        }
    }
    let [cls, x, base] = args.bind::<3>(vm, &INT_NEW_SIG)?;
    let cls = new_target(vm, cls, "int")?;
    if cls == vm.types.bool_ {
        return Err(vm.type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    let value = if x.is_null() {
        if !base.is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        Value::from_small(0)
    } else if base.is_null() {
        int_from_object(vm, x)?
    } else {
        let base = protocol::number::to_i64(vm, base)?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        match int_from_string(vm, x, base)? {
            Some(v) => v,
            None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        }
    };
    if cls == vm.types.int {
        return Ok(value);
    }
    let big = int_ref(value).expect("int() produced an int").to_bigint();
    vm.account_external(big.bits() as usize / 8);
    Ok(vm.alloc_instance(PyInt::new(big), cls).value())
}

/// The `cls` argument of a builtin `__new__`, checked to be a subtype of
/// the builtin type named `name`.
pub(crate) fn new_target(vm: &mut Vm, cls: Value, name: &str) -> PyResult<Gc<PyType>> {
    let builtin = match name {
        "int" => vm.types.int,
        "bool" => vm.types.bool_,
        "float" => vm.types.float,
        _ => vm.types.complex,
    };
    let Some(ty) = cls.downcast::<PyType>() else {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!("{name}.__new__(X): X is not a type object ({tn})")));
    };
    if !is_subtype(ty, builtin) {
        let sub = ty.name().to_string();
        return Err(vm.type_error(format!("{name}.__new__({sub}): {sub} is not a subtype of {name}")));
    }
    Ok(ty)
}

fn int_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let r = this_int(vm, this, "__repr__")?;
    let text = int_to_decimal_string(vm, r)?;
    Ok(vm.new_str(&text))
}

fn int_hash_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    this_int(vm, this, "__hash__")?;
    let h = int_hash(this).expect("checked int");
    Ok(vm.new_int(h))
}

/// `int.__format__(spec)`: an empty spec is `str(self)` (so `format(True, '')`
/// is `'True'`).
fn int_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, spec] = args.exact::<2>(vm, "__format__")?;
    let r = this_int(vm, this, "__format__")?;
    let Some(spec) = spec.downcast::<PyStr>() else {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    if spec.as_str().is_empty() {
        return Ok(protocol::object::str(vm, this)?.value());
    }
    let text = r
        .with_big(|big| crate::numeric::format_spec::format_int_str(big, spec.as_str(), vm.int_max_str_digits))
        .map_err(|e| numeric_error(vm, e))?;
    Ok(vm.new_str(&text))
}

fn int_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__bool__")?;
    let r = this_int(vm, this, "__bool__")?;
    Ok(vm.bool_value(!r.is_zero()))
}

/// `divmod(a, b)` for ints.
pub fn int_divmod_values(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) else {
        return Ok(vm.not_implemented());
    };
    if y.is_zero() {
        return Err(vm.zero_division_error("integer division or modulo by zero"));
    }
    let (q, r) = match (x, y) {
        (IntRef::Small(i), IntRef::Small(j)) if !(i == i64::MIN && j == -1) => {
            let (q, r) = Integer::div_mod_floor(&i, &j);
            (vm.new_int(q), vm.new_int(r))
        }
        _ => {
            let (q, r) = x.to_bigint().div_mod_floor(&y.to_bigint());
            let q = vm.new_bigint(q);
            let r = vm.new_bigint(r);
            (q, r)
        }
    };
    Ok(new_tuple(vm, &[q, r]))
}

fn int_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__divmod__")?;
    int_divmod_values(vm, a, b)
}

fn int_rdivmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__rdivmod__")?;
    int_divmod_values(vm, b, a)
}

/// `int.__pow__(self, other, mod=None)`.
fn int_pow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__pow__", 2, 3)?;
    let modulus = values.get(2).copied().filter(|m| !vm.is_none(*m));
    match modulus {
        None => int_binary_op(vm, BinaryOp::Power, values[0], values[1]),
        Some(m) => int_pow_mod(vm, values[0], values[1], m),
    }
}

/// `int.__rpow__(self, other, mod=None)`: `other ** self`.
fn int_rpow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__rpow__", 2, 3)?;
    let modulus = values.get(2).copied().filter(|m| !vm.is_none(*m));
    match modulus {
        None => int_binary_op(vm, BinaryOp::Power, values[1], values[0]),
        Some(m) => int_pow_mod(vm, values[1], values[0], m),
    }
}

/// Define a one-argument method on an int.
macro_rules! int_unary_methods {
    ($($name:ident, $py:literal => |$vm:ident, $r:ident, $this:ident| $body:expr;)*) => {
        $(
            fn $name($vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [$this] = args.exact::<1>($vm, $py)?;
                let $r = this_int($vm, $this, $py)?;
                $body
            }
        )*
    };
}

int_unary_methods! {
    int_neg, "__neg__" => |vm, _r, this| int_unary(vm, UnaryOp::Negative, this);
    int_pos, "__pos__" => |vm, _r, this| int_unary(vm, UnaryOp::Positive, this);
    int_invert, "__invert__" => |vm, _r, this| int_unary(vm, UnaryOp::Invert, this);
    int_abs, "__abs__" => |vm, r, this| if r.is_negative() {
        int_unary(vm, UnaryOp::Negative, this)
    } else {
        Ok(exact_int(vm, r))
    };
    int_int, "__int__" => |vm, r, _this| Ok(exact_int(vm, r));
    int_index, "__index__" => |vm, r, _this| Ok(exact_int(vm, r));
    int_trunc, "__trunc__" => |vm, r, _this| Ok(exact_int(vm, r));
    int_floor, "__floor__" => |vm, r, _this| Ok(exact_int(vm, r));
    int_ceil, "__ceil__" => |vm, r, _this| Ok(exact_int(vm, r));
    int_conjugate, "conjugate" => |vm, r, _this| Ok(exact_int(vm, r));
    int_float, "__float__" => |vm, r, _this| {
        let f = int_to_f64(vm, r)?;
        Ok(vm.new_float(f))
    };
    int_getnewargs, "__getnewargs__" => |vm, r, _this| {
        let v = exact_int(vm, r);
        Ok(new_tuple(vm, &[v]))
    };
    int_sizeof, "__sizeof__" => |vm, r, _this| {
        // CPython's layout: a 24-byte header plus one 4-byte digit per 30 bits.
        let bits = r.with_big(|b| b.bits());
        Ok(vm.new_int(24 + 4 * bits.div_ceil(30) as i64))
    };
    int_bit_length, "bit_length" => |vm, r, _this| {
        let bits = r.with_big(|b| b.bits());
        Ok(vm.new_int(bits as i64))
    };
    int_bit_count, "bit_count" => |vm, r, _this| {
        let count = match r {
            IntRef::Small(i) => u64::from(i.unsigned_abs().count_ones()),
            IntRef::Big(b) => b.value.magnitude().count_ones(),
        };
        Ok(vm.new_int(count as i64))
    };
    int_as_integer_ratio, "as_integer_ratio" => |vm, r, _this| {
        let v = exact_int(vm, r);
        Ok(new_tuple(vm, &[v, Value::from_small(1)]))
    };
}

/// `int.__round__(self, ndigits=None)`: rounds half to even at a negative
/// number of digits (`long_round`).
fn int_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__round__", 1, 2)?;
    let r = this_int(vm, values[0], "__round__")?;
    let Some(&ndigits) = values.get(1) else {
        return Ok(exact_int(vm, r));
    };
    let ndigits = protocol::number::index(vm, ndigits)?;
    let ndigits = int_ref(ndigits).expect("__index__ returns an int");
    if !ndigits.is_negative() {
        return Ok(exact_int(vm, r));
    }
    // Rounding to more digits than any int has gives zero.
    let rounded = match ndigits {
        IntRef::Small(n) => crate::numeric::round::round_int(&r.to_bigint(), n),
        IntRef::Big(_) => BigInt::zero(),
    };
    Ok(vm.new_bigint(rounded))
}

static TO_BYTES_SIG: Signature = Signature {
    name: "to_bytes",
    params: &["self", "length", "byteorder", "signed"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

/// The `byteorder` argument: true for little-endian.
fn byteorder_is_little(vm: &mut Vm, byteorder: Value, method: &str) -> PyResult<bool> {
    if byteorder.is_null() {
        return Ok(false);
    }
    let Some(s) = byteorder.downcast::<PyStr>() else {
        let tn = vm.type_name(byteorder);
        return Err(vm.type_error(format!("{method}() argument 'byteorder' must be str, not {tn}")));
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, length, byteorder, signed] = args.bind::<4>(vm, &TO_BYTES_SIG)?;
    let r = this_int(vm, this, "to_bytes")?;
    let length = if length.is_null() { 1 } else { protocol::number::to_index_isize(vm, length)? };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_is_little(vm, byteorder, "to_bytes")?;
    let signed = !signed.is_null() && protocol::object::truthy(vm, signed)?;
    let value = r.to_bigint();
    if !signed && value.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { value.to_signed_bytes_le() } else { value.to_bytes_le().1 };
    if value.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        // `to_signed_bytes_le` may add a sign byte that a shorter buffer cannot hold.
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if value.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::types::bytes::new_bytes(vm, &bytes))
}

static FROM_BYTES_SIG: Signature = Signature {
    name: "from_bytes",
    params: &["cls", "bytes", "byteorder", "signed"],
    positional_only: 1,
    keyword_only: 3,
    required: 2,
};

/// `PyBytes_FromObject`: the bytes of a bytes-like object or of an iterable
/// of ints.
fn bytes_from_object(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(bytes) = bytes_like_contents(v) {
        return Ok(bytes);
    }
    if let Some(method) = protocol::attr::lookup_special(vm, v, "__bytes__") {
        let result = protocol::call::call(vm, method, &[v])?;
        return match bytes_like_contents(result) {
            Some(b) => Ok(b),
            None => {
                let tn = vm.type_name(result);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    if v.downcast::<PyStr>().is_some() || protocol::attr::lookup_special(vm, v, "__iter__").is_none() {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
    }
    let items = protocol::iter::collect(vm, v)?;
    let mut bytes = Vec::with_capacity(items.len());
    for i in 0..items.len() {
        let Some(item) = items.get(i) else { break };
        let n = protocol::number::index(vm, item)?;
        match to_i64(n).filter(|n| (0..256).contains(n)) {
            Some(b) => bytes.push(b as u8),
            None => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod:
/// a subclass gets `cls(value)`).
fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, bytes, byteorder, signed] = args.bind::<4>(vm, &FROM_BYTES_SIG)?;
    let little = byteorder_is_little(vm, byteorder, "from_bytes")?;
    let signed = !signed.is_null() && protocol::object::truthy(vm, signed)?;
    let mut data = bytes_from_object(vm, bytes)?;
    if !little {
        data.reverse();
    }
    let value = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let result = vm.new_bigint(value);
    if cls.is(vm.types.int.value()) {
        Ok(result)
    } else {
        protocol::call::call(vm, cls, &[result])
    }
}

fn int_get_self(vm: &mut Vm, this: Value) -> PyResult {
    let r = this_int(vm, this, "real")?;
    Ok(exact_int(vm, r))
}

fn int_get_zero(_vm: &mut Vm, _this: Value) -> PyResult {
    Ok(Value::from_small(0))
}

fn int_get_one(_vm: &mut Vm, _this: Value) -> PyResult {
    Ok(Value::from_small(1))
}

// ---- bool ---------------------------------------------------------------------------

pub static BOOL_SPEC: TypeSpec = TypeSpec {
    name: "bool",
    base: Some(|t| t.int),
    layout: PyInt::LAYOUT,
    layout_with_attrs: None,
    methods: BOOL_METHODS,
    getsets: &[],
    doc: "bool(x) -> bool\n\n\
Returns True when the argument x is true, False otherwise.\n\
The builtins True and False are the only two instances of the class bool.\n\
The class bool is a subclass of the class int, and cannot be subclassed.",
};

static BOOL_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", bool_new),
    MethodDef::method("__repr__", bool_repr),
    MethodDef::method("__and__", bool_and),
    MethodDef::method("__rand__", bool_rand),
    MethodDef::method("__or__", bool_or),
    MethodDef::method("__ror__", bool_ror),
    MethodDef::method("__xor__", bool_xor),
    MethodDef::method("__rxor__", bool_rxor),
];

/// `bool.__new__(cls, x=False)`.
fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    let positional = args.positional();
    let Some(&cls) = positional.first() else {
        return Err(vm.type_error("bool.__new__(): not enough arguments"));
    };
    new_target(vm, cls, "bool")?;
    let values = &positional[1..];
    if values.len() > 1 {
        return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", values.len())));
    }
    let truth = match values.first() {
        Some(&x) => protocol::object::truthy(vm, x)?,
        None => false,
    };
    Ok(vm.bool_value(truth))
}

fn bool_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let text = if this.is(vm.singletons.true_) { "True" } else { "False" };
    Ok(vm.intern(text))
}

/// A bitwise operator on bools gives a bool; with any other int, an int.
fn bool_bitwise(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult {
    let bool_type = vm.types.bool_;
    if vm.is_instance(a, bool_type) && vm.is_instance(b, bool_type) {
        let (x, y) = (a.is(vm.singletons.true_), b.is(vm.singletons.true_));
        let result = match op {
            BinaryOp::And => x & y,
            BinaryOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(vm.bool_value(result));
    }
    int_binary_op(vm, op, a, b)
}

macro_rules! bool_dunders {
    ($($op:ident => $name:ident, $fwd:literal, $rname:ident, $rev:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $fwd)?;
                bool_bitwise(vm, BinaryOp::$op, a, b)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $rev)?;
                bool_bitwise(vm, BinaryOp::$op, b, a)
            }
        )*
    };
}

bool_dunders! {
    And => bool_and, "__and__", bool_rand, "__rand__";
    Or => bool_or, "__or__", bool_ror, "__ror__";
    Xor => bool_xor, "__xor__", bool_rxor, "__rxor__";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn small_ints_read_without_allocation() {
        let v = Value::from_small(-42);
        assert!(is_int(v));
        assert_eq!(to_i64(v), Some(-42));
        assert!(matches!(int_ref(v), Some(IntRef::Small(-42))));
        assert_eq!(as_bigint(v).as_deref(), Some(&BigInt::from(-42)));
        assert!(!is_int(Value::NULL));
        assert_eq!(to_i64(Value::NULL), None);
    }

    #[test]
    fn orderings_satisfy_comparisons() {
        let cases = [
            (Ordering::Less, [true, true, false, true, false, false]),
            (Ordering::Equal, [false, true, true, false, false, true]),
            (Ordering::Greater, [false, false, false, true, true, true]),
        ];
        for (ordering, expected) in cases {
            for (op, want) in ComparisonOp::ALL.into_iter().zip(expected) {
                assert_eq!(ordering_matches(ordering, op), want, "{ordering:?} {op:?}");
            }
        }
    }

    #[test]
    fn small_quotient_division_matches_long_division() {
        let b = (BigInt::from(3) << 200u32) + 12345;
        for q in [0i64, 1, 7, 9, 1 << 40] {
            for r in [BigInt::from(0), BigInt::from(1), &b - 1] {
                let a = &b * q + &r;
                match div_small_quotient(&a, &b) {
                    Some(got) => assert_eq!(got, (BigInt::from(q), r.clone())),
                    // Only a dividend shorter than the divisor is left to
                    // the general division.
                    None => assert!(a.bits() < b.bits()),
                }
                assert_eq!(a.div_floor(&b), BigInt::from(q));
            }
        }
        assert_eq!(div_small_quotient(&BigInt::from(-5), &b), None);
        assert_eq!(div_small_quotient(&(&b << 60u32), &b), None);
    }

    #[test]
    fn int_ref_helpers() {
        assert!(IntRef::Small(0).is_zero());
        assert!(IntRef::Small(-1).is_negative());
        assert_eq!(IntRef::Small(7).with_big(|b| b.bits()), 3);
        assert_eq!(IntRef::Small(i64::MIN).to_bigint(), BigInt::from(i64::MIN));
    }
}
