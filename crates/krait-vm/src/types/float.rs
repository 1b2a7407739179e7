//! `float`: IEEE 754 doubles.
//!
//! As for `int`, each operator is defined once — `float_binary_op`,
//! `float_unary`, `float_compare`, `float_hash` — and shared by the
//! interpreter's fast paths and the dunder methods. They mirror CPython
//! 3.11's `Objects/floatobject.c`:
//!
//! * An int operand is converted to a double first (`convert_to_double`),
//!   raising OverflowError when it is too large; any other operand type
//!   gives NotImplemented.
//! * `**` follows `float_pow` case by case (NaN and infinity rules, `0.0`
//!   to a negative power, a negative base to a non-integer power giving a
//!   complex result, OverflowError on a finite overflow).
//! * Comparisons with ints are exact (`float_richcompare`): a float and an
//!   int compare by their mathematical values, however big the int.
//!
//! String conversions, formatting, `//` and `%`, rounding, `hex` and
//! hashing are the pure algorithms of `crate::numeric`.

use std::cmp::Ordering;

use krait_bytecode::{BinaryOp, ComparisonOp};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::numeric::{float_parse, round};
use crate::object::{LayoutKind, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::int::{int_ref, int_to_f64, new_target, numeric_error, ordering_matches, IntRef, UnaryOp};
use crate::types::str::PyStr;
use crate::types::tuple::new_tuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyFloat {
    header: ObjHeader,
    pub value: f64,
}

impl_payload!(PyFloat, Float, subclassable, leaf);

impl PyFloat {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    pub fn new(value: f64) -> PyFloat {
        PyFloat { header: ObjHeader::new(PyFloat::LAYOUT, Value::NULL), value }
    }

    /// An exact `float` (what `vm.new_float` returns): immediate when the
    /// exponent allows, a shared object for the zeros, else a new object.
    #[inline(always)]
    pub fn new_value(vm: &mut Vm, value: f64) -> Value {
        match Value::immediate_float(value) {
            Some(v) => v,
            None => Self::new_boxed(vm, value),
        }
    }

    #[inline(never)]
    fn new_boxed(vm: &mut Vm, value: f64) -> Value {
        if value == 0.0 {
            return if value.is_sign_negative() { vm.singletons.float_neg_zero } else { vm.singletons.float_zero };
        }
        let ty = vm.types.float;
        vm.alloc(PyFloat::new(value), ty).value()
    }
}

/// The value of a float (exact or a subclass instance, immediate or boxed).
#[inline(always)]
pub fn as_f64(v: Value) -> Option<f64> {
    match v.as_immediate_float() {
        Some(f) => Some(f),
        None => v.downcast::<PyFloat>().map(|f| f.value),
    }
}

/// The value of an exact float (not a subclass instance).
#[inline(always)]
pub fn exact_f64(vm: &Vm, v: Value) -> Option<f64> {
    match v.as_immediate_float() {
        Some(f) => Some(f),
        None if vm.is_exact(v, vm.types.float) => v.downcast::<PyFloat>().map(|f| f.value),
        None => None,
    }
}

/// Whether `v` is a float (exact or a subclass instance).
#[inline(always)]
pub fn is_float(v: Value) -> bool {
    v.is_immediate_float() || v.has_kind(LayoutKind::Float)
}

/// The double a float operator sees for `v`: floats as they are, ints
/// converted (OverflowError if too large), `None` for anything else.
pub fn float_operand(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64(v) {
        return Ok(Some(f));
    }
    match int_ref(v) {
        Some(r) => int_to_f64(vm, r).map(Some),
        None => Ok(None),
    }
}

// ---- the operators ------------------------------------------------------------------

/// `a <op> b` where each operand is a float or an int (`float_add`, ... in
/// CPython); NotImplemented for other operand types. `**` may return a
/// complex.
pub fn float_binary_op(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    if as_f64(a).is_none() && as_f64(b).is_none() {
        return Ok(vm.not_implemented());
    }
    if !(is_float_operand(a) && is_float_operand(b)) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (float_operand(vm, a)?, float_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    float_binary_op_f64(vm, op, x, y)
}

fn is_float_operand(v: Value) -> bool {
    as_f64(v).is_some() || int_ref(v).is_some()
}

/// `x <op> y` on two doubles.
pub fn float_binary_op_f64(vm: &mut Vm, op: BinaryOp, x: f64, y: f64) -> PyResult<Value> {
    let result = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => round::float_true_div(x, y).map_err(|e| numeric_error(vm, e))?,
        BinaryOp::FloorDivide => round::float_floor_div(x, y).map_err(|e| numeric_error(vm, e))?,
        BinaryOp::Remainder => round::float_mod(x, y).map_err(|e| numeric_error(vm, e))?,
        BinaryOp::Power => return float_pow(vm, x, y),
        BinaryOp::And
        | BinaryOp::Or
        | BinaryOp::Xor
        | BinaryOp::LShift
        | BinaryOp::RShift
        | BinaryOp::MatrixMultiply => return Ok(vm.not_implemented()),
    };
    Ok(vm.new_float(result))
}

/// Whether `x` is an odd integer (`DOUBLE_IS_ODD_INTEGER`).
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `x ** y` (`float_pow` in CPython 3.11).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let result = if y == 0.0 {
        1.0
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        if x == 1.0 {
            1.0
        } else {
            y
        }
    } else if y.is_infinite() {
        let ax = x.abs();
        if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }
    } else if x.is_infinite() {
        let odd = is_odd_integer(y);
        if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }
    } else if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        if is_odd_integer(y) {
            x
        } else {
            0.0
        }
    } else {
        let mut base = x;
        let mut negate = false;
        if base < 0.0 {
            if y != y.floor() {
                // A negative number to a fractional power is complex.
                return crate::types::complex::complex_pow(vm, (x, 0.0), (y, 0.0));
            }
            base = -base;
            negate = is_odd_integer(y);
        }
        if base == 1.0 {
            if negate {
                -1.0
            } else {
                1.0
            }
        } else {
            let r = base.powf(y);
            if r.is_infinite() {
                return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
            }
            if negate {
                -r
            } else {
                r
            }
        }
    };
    Ok(vm.new_float(result))
}

/// `-v`, `+v` for a float (NotImplemented for `~` and for non-floats).
pub fn float_unary(vm: &mut Vm, op: UnaryOp, v: Value) -> PyResult<Value> {
    let Some(x) = as_f64(v) else {
        return Ok(vm.not_implemented());
    };
    match op {
        UnaryOp::Negative => Ok(vm.new_float(-x)),
        UnaryOp::Positive => Ok(exact_float(vm, v, x)),
        UnaryOp::Invert => Ok(vm.not_implemented()),
    }
}

/// `v` itself if it is an exact float, else a new float of the same value.
fn exact_float(vm: &mut Vm, v: Value, x: f64) -> Value {
    if vm.is_exact(v, vm.types.float) {
        v
    } else {
        vm.new_float(x)
    }
}

/// How a finite or infinite double compares with an int, exactly; `None`
/// for NaN.
pub fn compare_f64_with_int(x: f64, n: IntRef) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let IntRef::Small(i) = n {
        if i.unsigned_abs() <= 1 << 53 {
            // The int is exact as a double.
            return x.partial_cmp(&(i as f64));
        }
    }
    // Compare the integer parts as ints, then the fraction with zero.
    let whole = x.trunc();
    let whole_big = BigInt::from_f64(whole).expect("finite double");
    match n.with_big(|big| whole_big.cmp(big)) {
        Ordering::Equal => (x - whole).partial_cmp(&0.0),
        other => Some(other),
    }
}

/// `a <op> b` where one operand is a float and the other a float or an int
/// (`float_richcompare`); `None` when the operands are not such a pair.
pub fn float_compare(_vm: &Vm, a: Value, b: Value, op: ComparisonOp) -> Option<bool> {
    let ordering = match (as_f64(a), as_f64(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        (Some(x), None) => compare_f64_with_int(x, int_ref(b)?),
        (None, Some(y)) => compare_f64_with_int(y, int_ref(a)?).map(Ordering::reverse),
        (None, None) => return None,
    };
    Some(match ordering {
        Some(ordering) => ordering_matches(ordering, op),
        // NaN is unordered: only `!=` holds.
        None => op == ComparisonOp::Ne,
    })
}

/// `hash(v)` for a float; `None` if `v` is not one. NaNs hash by identity,
/// as in CPython 3.10+.
pub fn float_hash(v: Value) -> Option<i64> {
    let x = as_f64(v)?;
    Some(
        crate::numeric::hash::hash_float(x)
            .unwrap_or_else(|| crate::numeric::hash::hash_float_nan(v.to_bits() as usize)),
    )
}

/// `int(x)` for a double (`PyLong_FromDouble`), truncating.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.abs() < 4.0e18 {
        return Ok(vm.new_int(x as i64));
    }
    let big = round::float_to_int(x).map_err(|e| numeric_error(vm, e))?;
    Ok(vm.new_bigint(big))
}

/// `float(v)` for a non-string (`PyNumber_Float`): floats, `__float__`,
/// `__index__`. `None` when `v` has neither method.
pub fn float_from_number(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if let Some(x) = as_f64(v) {
        if vm.is_exact(v, vm.types.float) {
            return Ok(Some(x));
        }
    }
    if let Some(r) = int_ref(v) {
        if v.is_small_int() || vm.is_exact(v, vm.types.int) || vm.is_exact(v, vm.types.bool_) {
            return int_to_f64(vm, r).map(Some);
        }
    }
    if let Some(method) = protocol::attr::lookup_special(vm, v, "__float__") {
        let result = protocol::call::call(vm, method, &[v])?;
        return match as_f64(result) {
            Some(x) => Ok(Some(x)),
            None => {
                let (tn, rn) = (vm.type_name(v), vm.type_name(result));
                Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")))
            }
        };
    }
    if protocol::attr::lookup_special(vm, v, "__index__").is_some() {
        let i = protocol::number::index(vm, v)?;
        let r = int_ref(i).expect("__index__ returns an int");
        return int_to_f64(vm, r).map(Some);
    }
    Ok(None)
}

/// `float(v)` for one argument.
pub fn float_from_object(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(s) = v.downcast::<PyStr>() {
        return float_parse::parse_float(s.as_str()).map_err(|e| numeric_error(vm, e));
    }
    if let Some(x) = float_from_number(vm, v)? {
        return Ok(x);
    }
    if let Some(bytes) = crate::types::int::bytes_like_contents(v) {
        let repr = protocol::object::repr(vm, v)?;
        return float_parse::parse_float_bytes(&bytes, repr.as_str()).map_err(|e| numeric_error(vm, e));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{tn}'")))
}

// ---- float's Python surface ---------------------------------------------------------

pub static SPEC: TypeSpec = TypeSpec {
    name: "float",
    base: None,
    layout: PyFloat::LAYOUT,
    layout_with_attrs: PyFloat::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: GETSETS,
    doc: "Convert a string or number to a floating point number, if possible.",
};

macro_rules! float_binary_dunders {
    ($($op:ident => $name:ident, $fwd:literal, $rname:ident, $rev:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $fwd)?;
                float_binary_op(vm, BinaryOp::$op, a, b)
            }
            fn $rname(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $rev)?;
                float_binary_op(vm, BinaryOp::$op, b, a)
            }
        )*
    };
}

float_binary_dunders! {
    Add => float_add, "__add__", float_radd, "__radd__";
    Subtract => float_sub, "__sub__", float_rsub, "__rsub__";
    Multiply => float_mul, "__mul__", float_rmul, "__rmul__";
    TrueDivide => float_truediv, "__truediv__", float_rtruediv, "__rtruediv__";
    FloorDivide => float_floordiv, "__floordiv__", float_rfloordiv, "__rfloordiv__";
    Remainder => float_mod, "__mod__", float_rmod, "__rmod__";
}

macro_rules! float_comparisons {
    ($($op:ident => $name:ident, $py:literal;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $py)?;
                Ok(match float_compare(vm, a, b, ComparisonOp::$op) {
                    Some(result) => vm.bool_value(result),
                    None => vm.not_implemented(),
                })
            }
        )*
    };
}

float_comparisons! {
    Lt => float_lt, "__lt__";
    Le => float_le, "__le__";
    Eq => float_eq, "__eq__";
    Ne => float_ne, "__ne__";
    Gt => float_gt, "__gt__";
    Ge => float_ge, "__ge__";
}

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", float_new),
    MethodDef::method("__repr__", float_repr),
    MethodDef::method("__hash__", float_hash_method),
    MethodDef::method("__format__", float_format),
    MethodDef::method("__bool__", float_bool),
    MethodDef::method("__add__", float_add),
    MethodDef::method("__radd__", float_radd),
    MethodDef::method("__sub__", float_sub),
    MethodDef::method("__rsub__", float_rsub),
    MethodDef::method("__mul__", float_mul),
    MethodDef::method("__rmul__", float_rmul),
    MethodDef::method("__truediv__", float_truediv),
    MethodDef::method("__rtruediv__", float_rtruediv),
    MethodDef::method("__floordiv__", float_floordiv),
    MethodDef::method("__rfloordiv__", float_rfloordiv),
    MethodDef::method("__mod__", float_mod),
    MethodDef::method("__rmod__", float_rmod),
    MethodDef::method("__divmod__", float_divmod_method),
    MethodDef::method("__rdivmod__", float_rdivmod_method),
    MethodDef::method("__pow__", float_pow_method),
    MethodDef::method("__rpow__", float_rpow_method),
    MethodDef::method("__neg__", float_neg),
    MethodDef::method("__pos__", float_pos),
    MethodDef::method("__abs__", float_abs),
    MethodDef::method("__int__", float_int),
    MethodDef::method("__float__", float_float),
    MethodDef::method("__trunc__", float_int),
    MethodDef::method("__floor__", float_floor),
    MethodDef::method("__ceil__", float_ceil),
    MethodDef::method("__round__", float_round),
    MethodDef::method("__lt__", float_lt),
    MethodDef::method("__le__", float_le),
    MethodDef::method("__eq__", float_eq),
    MethodDef::method("__ne__", float_ne),
    MethodDef::method("__gt__", float_gt),
    MethodDef::method("__ge__", float_ge),
    MethodDef::method("__getnewargs__", float_getnewargs),
    MethodDef::method("conjugate", float_float),
    MethodDef::method("is_integer", float_is_integer),
    MethodDef::method("as_integer_ratio", float_as_integer_ratio),
    MethodDef::method("hex", float_hex),
    MethodDef::classmethod("fromhex", float_fromhex),
];

static GETSETS: &[GetSetDef] =
    &[GetSetDef::readonly("real", float_get_real), GetSetDef::readonly("imag", float_get_imag)];

/// `self` of a float method.
fn this_float(vm: &mut Vm, v: Value, method: &str) -> PyResult<f64> {
    match as_f64(v) {
        Some(x) => Ok(x),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'float' object but received a '{tn}'")))
        }
    }
}

/// `float.__new__(cls, x=0.0, /)`.
fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let positional = args.positional();
    let Some(&cls) = positional.first() else {
        return Err(vm.type_error("float.__new__(): not enough arguments"));
    };
    let cls = new_target(vm, cls, "float")?;
    let values = &positional[1..];
    if values.len() > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", values.len())));
    }
    let x = match values.first() {
        None => 0.0,
        Some(&v) => {
            if cls == vm.types.float && vm.is_exact(v, vm.types.float) {
                return Ok(v);
            }
            float_from_object(vm, v)?
        }
    };
    if cls == vm.types.float {
        return Ok(vm.new_float(x));
    }
    Ok(vm.alloc_instance(PyFloat::new(x), cls).value())
}

fn float_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let x = this_float(vm, this, "__repr__")?;
    let text = crate::numeric::float_repr::float_repr(x);
    Ok(vm.new_str(&text))
}

fn float_hash_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    this_float(vm, this, "__hash__")?;
    let h = float_hash(this).expect("checked float");
    Ok(vm.new_int(h))
}

/// `float.__format__(spec)`: an empty spec is `str(self)`.
fn float_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, spec] = args.exact::<2>(vm, "__format__")?;
    let x = this_float(vm, this, "__format__")?;
    let Some(spec) = spec.downcast::<PyStr>() else {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    if spec.as_str().is_empty() {
        return Ok(protocol::object::str(vm, this)?.value());
    }
    let text = crate::numeric::format_spec::format_float_str(x, spec.as_str()).map_err(|e| numeric_error(vm, e))?;
    Ok(vm.new_str(&text))
}

/// `divmod(a, b)` where the operands are floats or ints.
fn float_divmod_values(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    if !(is_float_operand(a) && is_float_operand(b)) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (float_operand(vm, a)?, float_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let (q, r) = round::float_divmod(x, y).map_err(|e| numeric_error(vm, e))?;
    let q = vm.new_float(q);
    let r = vm.new_float(r);
    Ok(new_tuple(vm, &[q, r]))
}

fn float_divmod_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__divmod__")?;
    float_divmod_values(vm, a, b)
}

fn float_rdivmod_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__rdivmod__")?;
    float_divmod_values(vm, b, a)
}

/// The third argument of `float.__pow__`/`__rpow__`, which must be None.
fn check_no_modulus(vm: &mut Vm, values: &[Value]) -> PyResult<()> {
    match values.get(2) {
        Some(&m) if !vm.is_none(m) => {
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        _ => Ok(()),
    }
}

fn float_pow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__pow__", 2, 3)?;
    check_no_modulus(vm, values)?;
    float_binary_op(vm, BinaryOp::Power, values[0], values[1])
}

fn float_rpow_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__rpow__", 2, 3)?;
    check_no_modulus(vm, values)?;
    float_binary_op(vm, BinaryOp::Power, values[1], values[0])
}

macro_rules! float_unary_methods {
    ($($name:ident, $py:literal => |$vm:ident, $x:ident, $this:ident| $body:expr;)*) => {
        $(
            fn $name($vm: &mut Vm, args: Args<'_>) -> PyResult {
                let [$this] = args.exact::<1>($vm, $py)?;
                let $x = this_float($vm, $this, $py)?;
                $body
            }
        )*
    };
}

float_unary_methods! {
    float_bool, "__bool__" => |vm, x, _this| Ok(vm.bool_value(x != 0.0));
    float_neg, "__neg__" => |vm, _x, this| float_unary(vm, UnaryOp::Negative, this);
    float_pos, "__pos__" => |vm, _x, this| float_unary(vm, UnaryOp::Positive, this);
    float_abs, "__abs__" => |vm, x, _this| Ok(vm.new_float(x.abs()));
    float_int, "__int__" => |vm, x, _this| float_to_int(vm, x);
    float_float, "__float__" => |vm, x, this| Ok(exact_float(vm, this, x));
    float_floor, "__floor__" => |vm, x, _this| float_to_int(vm, x.floor());
    float_ceil, "__ceil__" => |vm, x, _this| float_to_int(vm, x.ceil());
    float_getnewargs, "__getnewargs__" => |vm, x, _this| {
        let v = vm.new_float(x);
        Ok(new_tuple(vm, &[v]))
    };
    float_is_integer, "is_integer" => |vm, x, _this| Ok(vm.bool_value(x.is_finite() && x == x.floor()));
    float_as_integer_ratio, "as_integer_ratio" => |vm, x, _this| {
        let (n, d) = round::float_as_integer_ratio(x).map_err(|e| numeric_error(vm, e))?;
        let n = vm.new_bigint(n);
        let d = vm.new_bigint(d);
        Ok(new_tuple(vm, &[n, d]))
    };
    float_hex, "hex" => |vm, x, _this| {
        let text = float_parse::float_hex(x);
        Ok(vm.new_str(&text))
    };
}

/// `float.__round__(self, ndigits=None)`: round half to even, to an int
/// without `ndigits`, to a float with it (`float___round___impl`).
fn float_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "__round__", 1, 2)?;
    let x = this_float(vm, values[0], "__round__")?;
    let ndigits = values.get(1).copied().filter(|v| !vm.is_none(*v));
    let ndigits = match ndigits {
        None => None,
        Some(n) => {
            let n = protocol::number::index(vm, n)?;
            // Any `ndigits` beyond an i64 rounds like the i64 extremes.
            Some(match int_ref(n).expect("__index__ returns an int") {
                IntRef::Small(i) => i,
                IntRef::Big(b) if b.value.is_negative() => i64::MIN,
                IntRef::Big(_) => i64::MAX,
            })
        }
    };
    match round::round_float(x, ndigits).map_err(|e| numeric_error(vm, e))? {
        round::RoundedFloat::Int(i) => Ok(vm.new_bigint(i)),
        round::RoundedFloat::Float(f) => Ok(vm.new_float(f)),
    }
}

/// `float.fromhex(string)` (a classmethod: a subclass gets `cls(value)`).
fn float_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, text] = args.exact::<2>(vm, "fromhex")?;
    let Some(s) = text.downcast::<PyStr>() else {
        let tn = vm.type_name(text);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
    };
    let x = float_parse::float_fromhex(s.as_str()).map_err(|e| numeric_error(vm, e))?;
    let result = vm.new_float(x);
    if cls.is(vm.types.float.value()) {
        Ok(result)
    } else {
        protocol::call::call(vm, cls, &[result])
    }
}

fn float_get_real(vm: &mut Vm, this: Value) -> PyResult {
    let x = this_float(vm, this, "real")?;
    Ok(exact_float(vm, this, x))
}

fn float_get_imag(vm: &mut Vm, this: Value) -> PyResult {
    this_float(vm, this, "imag")?;
    Ok(vm.new_float(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_int_comparison_is_exact_beyond_2_53() {
        // 2**53 + 1 is not a double; 2.0**53 is less than it.
        assert_eq!(compare_f64_with_int(9007199254740992.0, IntRef::Small((1 << 53) + 1)), Some(Ordering::Less));
        assert_eq!(compare_f64_with_int(9007199254740994.0, IntRef::Small((1 << 53) + 1)), Some(Ordering::Greater));
        assert_eq!(compare_f64_with_int(0.5, IntRef::Small(0)), Some(Ordering::Greater));
        assert_eq!(compare_f64_with_int(-0.5, IntRef::Small(0)), Some(Ordering::Less));
        assert_eq!(compare_f64_with_int(f64::NAN, IntRef::Small(0)), None);
        assert_eq!(compare_f64_with_int(f64::INFINITY, IntRef::Small(i64::MAX)), Some(Ordering::Greater));
        assert_eq!(compare_f64_with_int(9.3e18, IntRef::Small(i64::MAX)), Some(Ordering::Greater));
        assert_eq!(compare_f64_with_int(9223372036854775807.0, IntRef::Small(i64::MAX)), Some(Ordering::Greater));
    }

    #[test]
    fn odd_integers() {
        assert!(is_odd_integer(3.0));
        assert!(is_odd_integer(-1.0));
        assert!(!is_odd_integer(2.0));
        assert!(!is_odd_integer(1.5));
        assert!(!is_odd_integer(1e300));
    }
}
