//! Numeric builtins: `abs`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`,
//! `chr`, `ord` (CPython: `Python/bltinmodule.c`, `Objects/abstract.c`).
//!
//! Each dispatches to the operand's special method (`__abs__`,
//! `__divmod__`/`__rdivmod__`, `__pow__`, `__round__`, `__index__`), with a
//! fast path for small ints where the answer needs no call.

use krait_bytecode::BinaryOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

use crate::error::PyResult;
use crate::native::{Args, Signature};
use crate::protocol::{call, number, sequence};
use crate::types::str::PyStr;
use crate::types::typeobject::is_subtype;
use crate::value::Value;
use crate::vm::Vm;

/// Call `type(obj).<name>(obj, *args)`, if the class defines `name`.
fn call_special(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let class = vm.class_of(obj);
    let Some(method) = class.lookup_str(vm, name) else {
        return Ok(None);
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(obj);
    all.extend_from_slice(args);
    call::call(vm, method, &all).map(Some)
}

/// `abs(x)`.
pub(super) fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>(vm, "abs")?;
    if let Some(i) = x.as_small_int() {
        return Ok(vm.new_int(i.abs()));
    }
    match call_special(vm, x, "__abs__", &[])? {
        Some(result) => Ok(result),
        None => {
            let name = vm.type_name(x);
            Err(vm.type_error(format!("bad operand type for abs(): '{name}'")))
        }
    }
}

/// `divmod(a, b)` (CPython: `PyNumber_Divmod`, the binary-op protocol with
/// `__divmod__`/`__rdivmod__`).
pub(super) fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "divmod")?;
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        if y == 0 {
            return Err(vm.zero_division_error("integer division or modulo by zero"));
        }
        let (q, r) = x.div_mod_floor(&y);
        let (q, r) = (vm.new_int(q), vm.new_int(r));
        return Ok(crate::types::tuple::new_tuple(vm, &[q, r]));
    }
    let class_a = vm.class_of(a);
    let class_b = vm.class_of(b);
    let reflected_first = class_a != class_b && is_subtype(class_b, class_a);
    let not_implemented = vm.not_implemented();
    if reflected_first {
        if let Some(result) = call_special(vm, b, "__rdivmod__", &[a])? {
            if !result.is(not_implemented) {
                return Ok(result);
            }
        }
    }
    if let Some(result) = call_special(vm, a, "__divmod__", &[b])? {
        if !result.is(not_implemented) {
            return Ok(result);
        }
    }
    if !reflected_first && class_a != class_b {
        if let Some(result) = call_special(vm, b, "__rdivmod__", &[a])? {
            if !result.is(not_implemented) {
                return Ok(result);
            }
        }
    }
    let (name_a, name_b) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{name_a}' and '{name_b}'")))
}

/// The number of arguments, positional and keyword, for the "takes at
/// most N arguments" check argument clinic does before binding.
fn check_total(vm: &mut Vm, args: &Args<'_>, name: &str, max: usize) -> PyResult<()> {
    let total = args.all().len();
    if total > max {
        return Err(vm.type_error(format!("{name}() takes at most {max} arguments ({total} given)")));
    }
    Ok(())
}

/// `pow(base, exp, mod=None)`.
pub(super) fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature =
        Signature { name: "pow", params: &["base", "exp", "mod"], positional_only: 0, keyword_only: 3, required: 2 };
    check_total(vm, &args, "pow", 3)?;
    let [base, exp, modulus] = args.bind::<3>(vm, &SIG)?;
    if modulus.is_null() || vm.is_none(modulus) {
        return number::binary_op(vm, base, exp, BinaryOp::Power, false);
    }
    // Three-argument pow only consults the base's `__pow__` (as CPython's
    // `slot_nb_power` does when a modulus is given).
    let not_implemented = vm.not_implemented();
    if let Some(result) = call_special(vm, base, "__pow__", &[exp, modulus])? {
        if !result.is(not_implemented) {
            return Ok(result);
        }
    }
    let (a, b, c) = (vm.type_name(base), vm.type_name(exp), vm.type_name(modulus));
    Err(vm.type_error(format!("unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'")))
}

/// `round(number, ndigits=None)`: `type(number).__round__`.
pub(super) fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature =
        Signature { name: "round", params: &["number", "ndigits"], positional_only: 0, keyword_only: 2, required: 1 };
    check_total(vm, &args, "round", 2)?;
    let [value, ndigits] = args.bind::<2>(vm, &SIG)?;
    let class = vm.class_of(value);
    let Some(method) = class.lookup_str(vm, "__round__") else {
        let name = vm.type_name(value);
        return Err(vm.type_error(format!("type {name} doesn't define __round__ method")));
    };
    if ndigits.is_null() || vm.is_none(ndigits) {
        call::call(vm, method, &[value])
    } else {
        call::call(vm, method, &[value, ndigits])
    }
}

/// `hex`/`oct`/`bin`: `__index__`, then sign, prefix, digits.
fn format_radix(vm: &mut Vm, args: Args<'_>, name: &str, radix: u32, prefix: &str) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    let index = number::index(vm, x)?;
    let text = match index.as_small_int() {
        Some(i) => {
            let magnitude = i.unsigned_abs();
            let digits = match radix {
                16 => format!("{magnitude:x}"),
                8 => format!("{magnitude:o}"),
                _ => format!("{magnitude:b}"),
            };
            format!("{}{prefix}{digits}", if i < 0 { "-" } else { "" })
        }
        None => {
            let big = crate::types::int::as_bigint(index).map(|b| b.into_owned()).unwrap_or_else(BigInt::zero);
            let sign = if big.sign() == num_bigint::Sign::Minus { "-" } else { "" };
            format!("{sign}{prefix}{}", big.magnitude().to_str_radix(radix))
        }
    };
    Ok(vm.new_str(&text))
}

/// `hex(number)`.
pub(super) fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    format_radix(vm, args, "hex", 16, "0x")
}

/// `oct(number)`.
pub(super) fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult {
    format_radix(vm, args, "oct", 8, "0o")
}

/// `bin(number)`.
pub(super) fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    format_radix(vm, args, "bin", 2, "0b")
}

/// `chr(i)`.
pub(super) fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [i] = args.exact::<1>(vm, "chr")?;
    let index = number::index(vm, i)?;
    let Some(code) = index.as_small_int().filter(|&c| i32::try_from(c).is_ok()) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..0x110000).contains(&code) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(code as u32) {
        Some(c) => {
            let mut buffer = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut buffer)))
        }
        // Krait strings are UTF-8 and cannot hold a lone surrogate (see
        // `types/str.rs`).
        None => {
            Err(vm.value_error(format!("chr() arg {code:#x} is a lone surrogate, which Krait strings cannot hold")))
        }
    }
}

/// `ord(c)`: the code point of a one-character str, or the value of a
/// one-byte bytes/bytearray.
pub(super) fn builtin_ord(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [c] = args.exact::<1>(vm, "ord")?;
    if let Some(s) = c.downcast::<PyStr>() {
        if s.char_len() == 1 {
            return Ok(Value::from_small(s.char_at(0) as i64));
        }
        let len = s.char_len();
        return Err(vm.type_error(format!("ord() expected a character, but string of length {len} found")));
    }
    if vm.is_instance(c, vm.types.bytes) || vm.is_instance(c, vm.types.bytearray) {
        let len = sequence::len(vm, c)?;
        if len == 1 {
            return sequence::getitem(vm, c, Value::from_small(0));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {len} found")));
    }
    let name = vm.type_name(c);
    Err(vm.type_error(format!("ord() expected string of length 1, but {name} found")))
}
