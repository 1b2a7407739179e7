//! The `math` module (CPython 3.11: `Modules/mathmodule.c`).
//!
//! Float functions follow CPython's `math_1`/`math_2` wrappers: convert the
//! arguments with `PyFloat_AsDouble` semantics (`float`, then `__float__`,
//! then `__index__`), call the libm function, and classify the result — a
//! NaN from non-NaN input is a domain error (`ValueError`), an infinity
//! from finite input is a range error (`OverflowError`) for functions that
//! can overflow and a domain error (a pole) for the rest. The algorithms
//! CPython implements itself are ported in `special`; the integer
//! functions are in `integer`.

mod integer;
pub mod special;

use krait_bytecode::BinaryOp;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

use krait_vm::error::{PyErr, PyResult};
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::Gc;
use krait_vm::protocol::{call, iter, number};
use krait_vm::types::module::PyModule;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

use special::{FsumError, MathError};

pub static MATH: NativeModuleDef = NativeModuleDef {
    name: "math",
    doc: "This module provides access to the mathematical functions\ndefined by the C standard.",
    methods: &[
        MethodDef::function("acos", |vm, a| math_1(vm, a, "math.acos", f64::acos, false)),
        MethodDef::function("acosh", |vm, a| math_1(vm, a, "math.acosh", f64::acosh, false)),
        MethodDef::function("asin", |vm, a| math_1(vm, a, "math.asin", f64::asin, false)),
        MethodDef::function("asinh", |vm, a| math_1(vm, a, "math.asinh", f64::asinh, false)),
        MethodDef::function("atan", |vm, a| math_1(vm, a, "math.atan", f64::atan, false)),
        MethodDef::function("atan2", |vm, a| math_2(vm, a, "atan2", f64::atan2)),
        MethodDef::function("atanh", |vm, a| math_1(vm, a, "math.atanh", f64::atanh, false)),
        MethodDef::function("cbrt", |vm, a| math_1(vm, a, "math.cbrt", f64::cbrt, false)),
        MethodDef::function("ceil", math_ceil),
        MethodDef::function("comb", integer::math_comb),
        MethodDef::function("copysign", |vm, a| math_2(vm, a, "copysign", f64::copysign)),
        MethodDef::function("cos", |vm, a| math_1(vm, a, "math.cos", f64::cos, false)),
        MethodDef::function("cosh", |vm, a| math_1(vm, a, "math.cosh", f64::cosh, true)),
        MethodDef::function("degrees", |vm, a| {
            math_1(vm, a, "math.degrees", |x| x * (180.0 / std::f64::consts::PI), false)
        }),
        MethodDef::function("dist", math_dist),
        MethodDef::function("erf", |vm, a| math_1a(vm, a, "math.erf", |x| Ok(libm_erf(x)))),
        MethodDef::function("erfc", |vm, a| math_1a(vm, a, "math.erfc", |x| Ok(libm_erfc(x)))),
        MethodDef::function("exp", |vm, a| math_1(vm, a, "math.exp", f64::exp, true)),
        MethodDef::function("exp2", |vm, a| math_1(vm, a, "math.exp2", f64::exp2, true)),
        MethodDef::function("expm1", |vm, a| math_1(vm, a, "math.expm1", f64::exp_m1, true)),
        MethodDef::function("fabs", |vm, a| math_1(vm, a, "math.fabs", f64::abs, false)),
        MethodDef::function("factorial", integer::math_factorial),
        MethodDef::function("floor", math_floor),
        MethodDef::function("fmod", math_fmod),
        MethodDef::function("frexp", math_frexp),
        MethodDef::function("fsum", math_fsum),
        MethodDef::function("gamma", |vm, a| math_1a(vm, a, "math.gamma", special::gamma)),
        MethodDef::function("gcd", integer::math_gcd),
        MethodDef::function("hypot", math_hypot),
        MethodDef::function("isclose", math_isclose),
        MethodDef::function("isfinite", |vm, a| predicate(vm, a, "math.isfinite", f64::is_finite)),
        MethodDef::function("isinf", |vm, a| predicate(vm, a, "math.isinf", f64::is_infinite)),
        MethodDef::function("isnan", |vm, a| predicate(vm, a, "math.isnan", f64::is_nan)),
        MethodDef::function("isqrt", integer::math_isqrt),
        MethodDef::function("lcm", integer::math_lcm),
        MethodDef::function("ldexp", math_ldexp),
        MethodDef::function("lgamma", |vm, a| math_1a(vm, a, "math.lgamma", special::lgamma)),
        MethodDef::function("log", math_log),
        MethodDef::function("log10", |vm, a| log_function(vm, a, "math.log10", f64::log10)),
        MethodDef::function("log1p", |vm, a| math_1(vm, a, "math.log1p", f64::ln_1p, false)),
        MethodDef::function("log2", |vm, a| log_function(vm, a, "math.log2", f64::log2)),
        MethodDef::function("modf", math_modf),
        MethodDef::function("nextafter", |vm, a| math_2(vm, a, "nextafter", special::nextafter)),
        MethodDef::function("perm", integer::math_perm),
        MethodDef::function("pow", math_pow),
        MethodDef::function("prod", math_prod),
        MethodDef::function("radians", |vm, a| {
            math_1(vm, a, "math.radians", |x| x * (std::f64::consts::PI / 180.0), false)
        }),
        MethodDef::function("remainder", |vm, a| math_2(vm, a, "remainder", special::remainder)),
        MethodDef::function("sin", |vm, a| math_1(vm, a, "math.sin", f64::sin, false)),
        MethodDef::function("sinh", |vm, a| math_1(vm, a, "math.sinh", f64::sinh, true)),
        MethodDef::function("sqrt", |vm, a| math_1(vm, a, "math.sqrt", f64::sqrt, false)),
        MethodDef::function("tan", |vm, a| math_1(vm, a, "math.tan", f64::tan, false)),
        MethodDef::function("tanh", |vm, a| math_1(vm, a, "math.tanh", f64::tanh, false)),
        MethodDef::function("trunc", math_trunc),
        MethodDef::function("ulp", math_ulp),
    ],
    init: Some(math_init),
};

fn math_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let value = vm.new_float(value);
        module.set_attr(vm, name, value);
    }
    Ok(())
}

extern "C" {
    // CPython 3.11 takes erf and erfc from the C library.
    #[link_name = "erf"]
    fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn c_erfc(x: f64) -> f64;
}

fn libm_erf(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c_erf(x) }
}

fn libm_erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function of one double.
    unsafe { c_erfc(x) }
}

// ---- conversions and errors ----------------------------------------------------------------

fn math_error(vm: &mut Vm, error: MathError) -> PyErr {
    match error {
        MathError::Domain => vm.value_error("math domain error"),
        MathError::Range => vm.overflow_error("math range error"),
    }
}

/// An int's value as a double (`PyLong_AsDouble`).
fn bigint_to_f64(vm: &mut Vm, i: &BigInt) -> PyResult<f64> {
    match i.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// `PyFloat_AsDouble`: a float, `__float__`, or `__index__`.
pub(crate) fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    if let Some(f) = krait_vm::types::float::as_f64(v) {
        return Ok(f);
    }
    if let Some(i) = krait_vm::types::int::as_bigint(v) {
        return bigint_to_f64(vm, &i);
    }
    let class = vm.class_of(v);
    if let Some(method) = class.lookup_str(vm, "__float__") {
        let result = call::call(vm, method, &[v])?;
        return match krait_vm::types::float::as_f64(result) {
            Some(f) => Ok(f),
            None => {
                let (owner, got) = (vm.type_name(v), vm.type_name(result));
                Err(vm.type_error(format!("{owner}.__float__ returned non-float (type {got})")))
            }
        };
    }
    if class.lookup_str(vm, "__index__").is_some() {
        let index = number::index(vm, v)?;
        let i = krait_vm::types::int::as_bigint(index).map(|b| b.into_owned()).unwrap_or_default();
        return bigint_to_f64(vm, &i);
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {name}")))
}

/// A float result as a Python int (`PyLong_FromDouble`).
fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 4e18 {
        return Ok(vm.new_int(f as i64));
    }
    let big = BigInt::from_f64(f).unwrap_or_default();
    Ok(vm.new_bigint(big))
}

/// CPython's `math_1`.
fn math_1(vm: &mut Vm, args: Args<'_>, name: &str, func: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    let x = to_f64(vm, x)?;
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(math_error(vm, MathError::Domain));
    }
    if r.is_infinite() && x.is_finite() {
        let error = if can_overflow { MathError::Range } else { MathError::Domain };
        return Err(math_error(vm, error));
    }
    Ok(vm.new_float(r))
}

/// CPython's `math_1a`: the function reports its own errors.
fn math_1a(vm: &mut Vm, args: Args<'_>, name: &str, func: fn(f64) -> Result<f64, MathError>) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    let x = to_f64(vm, x)?;
    match func(x) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(error) => Err(math_error(vm, error)),
    }
}

/// CPython's `math_2`.
fn math_2(vm: &mut Vm, args: Args<'_>, name: &str, func: fn(f64, f64) -> f64) -> PyResult {
    let [x, y] = args.exact::<2>(vm, name)?;
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    let r = func(x, y);
    let errno = if r.is_nan() {
        (!x.is_nan() && !y.is_nan()).then_some(MathError::Domain)
    } else if r.is_infinite() {
        (x.is_finite() && y.is_finite()).then_some(MathError::Range)
    } else {
        None
    };
    match special::check(r, errno) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(error) => Err(math_error(vm, error)),
    }
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, test: fn(f64) -> bool) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    let x = to_f64(vm, x)?;
    Ok(vm.bool_value(test(x)))
}

// ---- logarithms ----------------------------------------------------------------------------------

/// CPython's `loghelper`: ints of any size (by splitting off a power of
/// two when they do not fit a double), then floats; non-positive
/// arguments are domain errors.
fn log_of(vm: &mut Vm, v: Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if v.as_small_int().is_none() && krait_vm::types::float::as_f64(v).is_none() {
        if let Some(i) = krait_vm::types::int::as_bigint(v) {
            if i.sign() != num_bigint::Sign::Plus {
                return Err(math_error(vm, MathError::Domain));
            }
            return Ok(log_of_positive_int(&i, func));
        }
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(math_error(vm, MathError::Domain));
    }
    Ok(func(x))
}

/// `func(i)` for an int i > 0 of any size: directly when it converts to a
/// double, else as func(m) + func(2) * e for i = m * 2**e, m in [0.5, 1)
/// (CPython: `loghelper` with `_PyLong_Frexp`).
pub(crate) fn log_of_positive_int(i: &BigInt, func: fn(f64) -> f64) -> f64 {
    if let Some(f) = i.to_f64().filter(|f| f.is_finite()) {
        return func(f);
    }
    let bits = i.bits();
    let shift = bits.saturating_sub(60);
    let top: BigInt = i >> shift;
    let m = top.to_f64().unwrap_or(1.0) / 2f64.powi(60.min(bits as i32));
    func(m) + func(2.0) * bits as f64
}

/// `math.log(x[, base])`.
fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "log")?;
    let positional = args.positional();
    if positional.is_empty() || positional.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, positional[0], f64::ln)?;
    let Some(&base) = positional.get(1) else {
        return Ok(vm.new_float(num));
    };
    let den = log_of(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    Ok(vm.new_float(num / den))
}

fn log_function(vm: &mut Vm, args: Args<'_>, name: &str, func: fn(f64) -> f64) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    let r = log_of(vm, x, func)?;
    Ok(vm.new_float(r))
}

// ---- rounding ------------------------------------------------------------------------------------

/// `math.floor`/`math.ceil`: exact floats directly, otherwise the type's
/// `__floor__`/`__ceil__`, otherwise via a double.
fn round_to_int(vm: &mut Vm, args: Args<'_>, name: &str, dunder: &str, func: fn(f64) -> f64) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    if x.as_small_int().is_some() {
        return Ok(x);
    }
    if !vm.is_exact(x, vm.types.float) {
        let class = vm.class_of(x);
        if let Some(method) = class.lookup_str(vm, dunder) {
            return call::call(vm, method, &[x]);
        }
    }
    let f = to_f64(vm, x)?;
    float_to_int(vm, func(f))
}

fn math_floor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    round_to_int(vm, args, "floor", "__floor__", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult {
    round_to_int(vm, args, "ceil", "__ceil__", f64::ceil)
}

/// `math.trunc(x)`: `type(x).__trunc__(x)`.
fn math_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>(vm, "math.trunc")?;
    if x.as_small_int().is_some() {
        return Ok(x);
    }
    if vm.is_exact(x, vm.types.float) {
        let f = to_f64(vm, x)?;
        return float_to_int(vm, f.trunc());
    }
    let class = vm.class_of(x);
    match class.lookup_str(vm, "__trunc__") {
        Some(method) => call::call(vm, method, &[x]),
        None => {
            let name = vm.type_name(x);
            Err(vm.type_error(format!("type {name} doesn't define __trunc__ method")))
        }
    }
}

// ---- other float functions --------------------------------------------------------------------

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x, y] = args.exact::<2>(vm, "fmod")?;
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    // fmod(x, ±inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(math_error(vm, MathError::Domain));
    }
    Ok(vm.new_float(r))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>(vm, "math.modf")?;
    let x = to_f64(vm, x)?;
    let (fraction, integral) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let integral = x.trunc();
        ((x - integral).copysign(x), integral)
    };
    let fraction = vm.new_float(fraction);
    let integral = vm.new_float(integral);
    Ok(krait_vm::types::tuple::new_tuple(vm, &[fraction, integral]))
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>(vm, "math.frexp")?;
    let x = to_f64(vm, x)?;
    let (m, e) = special::frexp(x);
    let m = vm.new_float(m);
    Ok(krait_vm::types::tuple::new_tuple(vm, &[m, Value::from_small(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x, i] = args.exact::<2>(vm, "ldexp")?;
    let x = to_f64(vm, x)?;
    if !vm.is_instance(i, vm.types.int) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let exponent = krait_vm::types::int::as_bigint(i).map(|b| b.into_owned()).unwrap_or_default();
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = match exponent.to_i32() {
        Some(e) => special::ldexp(x, e),
        None if exponent.sign() == num_bigint::Sign::Minus => 0.0f64.copysign(x),
        None => f64::INFINITY,
    };
    if r.is_infinite() {
        return Err(math_error(vm, MathError::Range));
    }
    Ok(vm.new_float(r))
}

/// `math.pow(x, y)` with C99's special cases made explicit (CPython's
/// `math_pow`).
fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x, y] = args.exact::<2>(vm, "pow")?;
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    let mut errno = None;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            errno = Some(MathError::Domain);
        } else if r.is_infinite() {
            errno = Some(if x == 0.0 { MathError::Domain } else { MathError::Range });
        }
        r
    };
    match special::check(r, errno) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(error) => Err(math_error(vm, error)),
    }
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>(vm, "math.ulp")?;
    let x = to_f64(vm, x)?;
    let r = if x.is_nan() {
        x
    } else {
        let x = x.abs();
        if x.is_infinite() {
            x
        } else if x == f64::MAX {
            x - special::nextafter(x, f64::NEG_INFINITY)
        } else {
            special::nextafter(x, f64::INFINITY) - x
        }
    };
    Ok(vm.new_float(r))
}

fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "isclose",
        params: &["a", "b", "rel_tol", "abs_tol"],
        positional_only: 0,
        keyword_only: 2,
        required: 2,
    };
    let positional = args.positional().len();
    if positional > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({positional} given)")));
    }
    let [a, b, rel_tol, abs_tol] = args.bind::<4>(vm, &SIG)?;
    let a = to_f64(vm, a)?;
    let b = to_f64(vm, b)?;
    let rel_tol = if rel_tol.is_null() { 1e-9 } else { to_f64(vm, rel_tol)? };
    let abs_tol = if abs_tol.is_null() { 0.0 } else { to_f64(vm, abs_tol)? };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.bool_value(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.bool_value(false));
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(vm.bool_value(close))
}

// ---- sums, products, norms -----------------------------------------------------------------------

fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [iterable] = args.exact::<1>(vm, "math.fsum")?;
    let iterator = iter::iter(vm, iterable)?;
    let mut sum = special::Fsum::new();
    let fsum_error = |vm: &mut Vm, error: FsumError| match error {
        FsumError::Overflow => vm.overflow_error("intermediate overflow in fsum"),
        FsumError::InfMinusInf => vm.value_error("-inf + inf in fsum"),
    };
    while let Some(item) = iter::next(vm, iterator)? {
        let x = to_f64(vm, item)?;
        if let Err(error) = sum.add(x) {
            return Err(fsum_error(vm, error));
        }
    }
    match sum.finish() {
        Ok(r) => Ok(vm.new_float(r)),
        Err(error) => Err(fsum_error(vm, error)),
    }
}

/// `math.prod(iterable, /, *, start=1)`: `*` in order, with an i64 fast
/// path while the product fits.
fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature =
        Signature { name: "prod", params: &["iterable", "start"], positional_only: 1, keyword_only: 1, required: 1 };
    let positional = args.positional().len();
    if positional != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({positional} given)")));
    }
    let [iterable, start] = args.bind::<2>(vm, &SIG)?;
    let mut result = if start.is_null() { Value::from_small(1) } else { start };
    let iterator = iter::iter(vm, iterable)?;
    while let Some(item) = iter::next(vm, iterator)? {
        if let (Some(a), Some(b)) = (result.as_small_int(), item.as_small_int()) {
            if let Some(product) = a.checked_mul(b) {
                result = vm.new_int(product);
                continue;
            }
        }
        result = number::binary_op(vm, result, item, BinaryOp::Multiply, false)?;
    }
    Ok(result)
}

/// The absolute values of a sequence of coordinates, their maximum, and
/// whether one is a NaN.
fn coordinates(vm: &mut Vm, values: &[Value]) -> PyResult<(Vec<f64>, f64, bool)> {
    let mut vec = Vec::with_capacity(values.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &v in values {
        let x = to_f64(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok((vec, max, found_nan))
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "hypot")?;
    let (mut vec, max, found_nan) = coordinates(vm, args.positional())?;
    let r = special::vector_norm(&mut vec, max, found_nan);
    Ok(vm.new_float(r))
}

/// `math.dist(p, q)`: the Euclidean distance between two points.
fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p, q] = args.exact::<2>(vm, "dist")?;
    let p = iter::collect(vm, p)?;
    let q = iter::collect(vm, q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut vec = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for i in 0..p.len() {
        let (a, b) = (p.get(i).unwrap_or(Value::NULL), q.get(i).unwrap_or(Value::NULL));
        let a = to_f64(vm, a)?;
        let b = to_f64(vm, b)?;
        let x = (a - b).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    let r = special::vector_norm(&mut vec, max, found_nan);
    Ok(vm.new_float(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_of_ints_too_large_for_a_double() {
        let big = |base: u32, exp: u32| num_traits::pow(BigInt::from(base), exp as usize);
        assert_eq!(log_of_positive_int(&big(10, 400), f64::ln), 921.0340371976182);
        assert_eq!(log_of_positive_int(&(big(2, 1000) + 1), f64::log2), 1000.0);
        assert_eq!(log_of_positive_int(&big(10, 500), f64::log10), 500.0);
        assert_eq!(log_of_positive_int(&big(3, 1000), f64::ln), 1098.6122886681096);
        assert_eq!(log_of_positive_int(&big(7, 999), f64::log10), 844.2529419742426);
    }
}
