//! Arithmetic operators and integer conversion (CPython's `abstract.c`:
//! `binary_op1`, `PyNumber_InPlace*`, `PyNumber_Index`).
//!
//! `a + b` tries `type(a).__add__(a, b)`, then `type(b).__radd__(b, a)` —
//! the reflected method first when `type(b)` is a proper subclass of
//! `type(a)` that overrides it. In-place forms try `__iadd__` first. Exact
//! ints and floats take the same Rust functions their dunders call.

use krait_bytecode::{BinaryOp, Opcode};

use crate::error::{PyErr, PyResult};
use crate::protocol::call;
use crate::types::int::UnaryOp;
use crate::types::typeobject::is_subtype;
use crate::value::Value;
use crate::vm::Vm;

/// The dunder names of an operator: (`__add__`, `__radd__`, `__iadd__`).
fn dunder_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinaryOp::And => ("__and__", "__rand__", "__iand__"),
        BinaryOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinaryOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinaryOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinaryOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
        BinaryOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
        BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
        BinaryOp::Power => ("__pow__", "__rpow__", "__ipow__"),
        BinaryOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinaryOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
        BinaryOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinaryOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// `a op b`, or `a op= b` when `inplace`.
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinaryOp, inplace: bool) -> PyResult {
    if a.is_small_int() && b.is_small_int() {
        return crate::types::int::int_binary_op(vm, op, a, b);
    }
    // Exact floats with exact floats or ints: a subclass operand must get
    // its chance at a reflected method first, so it takes the slow path.
    let float = vm.types.float;
    let plain = |vm: &Vm, v: Value| v.is_small_int() || vm.is_exact(v, float) || vm.is_exact(v, vm.types.int);
    if (vm.is_exact(a, float) || vm.is_exact(b, float)) && plain(vm, a) && plain(vm, b) {
        let r = crate::types::float::float_binary_op(vm, op, a, b)?;
        if !r.is(vm.not_implemented()) {
            return Ok(r);
        }
    }
    vm.check_native_stack()?;
    let (name, rname, iname) = dunder_names(op);
    if inplace {
        if let Some(method) = lookup(vm, a, iname) {
            let r = call::call(vm, method, &[a, b])?;
            if !r.is(vm.not_implemented()) {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(vm, a, b, name, rname)?;
    if !r.is(vm.not_implemented()) {
        return Ok(r);
    }
    Err(unsupported(vm, a, b, op, inplace))
}

fn lookup(vm: &mut Vm, v: Value, name: &str) -> Option<Value> {
    let cls = vm.class_of(v);
    cls.lookup_str(vm, name).filter(|m| !vm.is_none(*m))
}

/// `binary_op1`: NotImplemented when neither side handles the operands.
fn binary_op1(vm: &mut Vm, a: Value, b: Value, name: &str, rname: &str) -> PyResult {
    let (ta, tb) = (vm.class_of(a), vm.class_of(b));
    let slot_a = lookup(vm, a, name);
    let slot_b = if ta != tb { lookup(vm, b, rname) } else { None };
    let mut slot_b = slot_b;
    if let Some(sa) = slot_a {
        if let Some(sb) = slot_b {
            if is_subtype(tb, ta) && !ta.lookup_str(vm, rname).is_some_and(|m| m.is(sb)) {
                let r = call::call(vm, sb, &[b, a])?;
                if !r.is(vm.not_implemented()) {
                    return Ok(r);
                }
                slot_b = None;
            }
        }
        let r = call::call(vm, sa, &[a, b])?;
        if !r.is(vm.not_implemented()) {
            return Ok(r);
        }
    }
    if let Some(sb) = slot_b {
        return call::call(vm, sb, &[b, a]);
    }
    Ok(vm.not_implemented())
}

/// CPython's message for an operator no operand supports, including the
/// sequence-specific ones (`can only concatenate str (not "int") to str`).
fn unsupported(vm: &mut Vm, a: Value, b: Value, op: BinaryOp, inplace: bool) -> PyErr {
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    let sequence_of = |vm: &Vm, v: Value| {
        let t = &vm.types;
        [t.str, t.list, t.tuple, t.bytes, t.bytearray].into_iter().find(|&ty| vm.is_instance(v, ty))
    };
    match op {
        BinaryOp::Add => {
            if let Some(seq) = sequence_of(vm, a) {
                let seq_name = seq.name().to_string();
                if seq == vm.types.bytes || seq == vm.types.bytearray {
                    return vm.type_error(format!("can't concat {nb} to {na}"));
                }
                return vm.type_error(format!("can only concatenate {seq_name} (not \"{nb}\") to {seq_name}"));
            }
        }
        BinaryOp::Multiply if (sequence_of(vm, a).is_some() || sequence_of(vm, b).is_some()) => {
            let other = if sequence_of(vm, a).is_some() { &nb } else { &na };
            if other != "int" && other != "bool" {
                return vm.type_error(format!("can't multiply sequence by non-int of type '{other}'"));
            }
        }
        _ => {}
    }
    let symbol = if op == BinaryOp::Power && !inplace { "** or pow()".to_string() } else { op.symbol().to_string() };
    let symbol = if inplace { format!("{}=", op.symbol()) } else { symbol };
    vm.type_error(format!("unsupported operand type(s) for {symbol}: '{na}' and '{nb}'"))
}

/// `-v`, `+v`, `~v` for the UNARY_* instructions.
pub fn unary_op(vm: &mut Vm, op: Opcode, v: Value) -> PyResult {
    let (unary, name, symbol) = match op {
        Opcode::UNARY_NEGATIVE => (UnaryOp::Negative, "__neg__", "-"),
        Opcode::UNARY_POSITIVE => (UnaryOp::Positive, "__pos__", "+"),
        _ => (UnaryOp::Invert, "__invert__", "~"),
    };
    if v.is_small_int() {
        return crate::types::int::int_unary(vm, unary, v);
    }
    if vm.is_exact(v, vm.types.float) && unary != UnaryOp::Invert {
        return crate::types::float::float_unary(vm, unary, v);
    }
    match lookup(vm, v, name) {
        Some(method) => call::call(vm, method, &[v]),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for unary {symbol}: '{tn}'")))
        }
    }
}

/// `operator.index(v)`: an exact int (bools become 0 or 1).
pub fn index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v);
    }
    if crate::types::int::is_int(v) {
        if vm.is_exact(v, vm.types.int) {
            return Ok(v);
        }
        let big = crate::types::int::as_bigint(v).expect("int").into_owned();
        return Ok(vm.new_bigint(big));
    }
    match lookup(vm, v, "__index__") {
        Some(method) => {
            let r = call::call(vm, method, &[v])?;
            if !crate::types::int::is_int(r) {
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
            }
            index(vm, r)
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `v.__index__()` as an `isize` for sequence indexing; too large is
/// IndexError "cannot fit 'int' into an index-sized integer".
pub fn to_index_isize(vm: &mut Vm, v: Value) -> PyResult<isize> {
    let i = index(vm, v)?;
    match crate::types::int::to_i64(i) {
        Some(n) => Ok(n as isize),
        None => {
            let tn = vm.type_name(v);
            Err(vm.index_error(format!("cannot fit '{tn}' into an index-sized integer")))
        }
    }
}

/// `v.__index__()` as an `i64`; OverflowError when it does not fit.
pub fn to_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = index(vm, v)?;
    match crate::types::int::to_i64(i) {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}
