//! Constant folding and algebraic simplification.
//!
//! One forward walk. For each op, operands are read through the forwarding
//! table, then:
//!
//! - a pure op whose operands are all constants is evaluated ([`eval`]) and
//!   its value forwarded to the constant (never a call: the helper is not
//!   ours to run at compile time);
//! - a commutative op gets its constant operand second, so later rules and
//!   `cse` see one form;
//! - identities replace the op by an operand or a constant: `x + 0`, `x - 0`,
//!   `x * 1`, `x * 0`, `x - x`, `x ^ x`, `x & 0`, `x | 0`, shifts by 0,
//!   `x == x`, `x < x`, `same_as(x)`, and so on (no float identity that
//!   `-0.0` or NaN would break: `x * 1.0` is kept out too, for NaN payloads);
//! - an `_ovf` op with constant operands (or `x + 0`, `x * 1`) is folded,
//!   and the `guard_no_overflow` after it goes with it, or, if the
//!   arithmetic does overflow, the trace is reported invalid;
//! - a guard on a constant is removed when it holds and reported
//!   ([`InvalidLoop`]) when it cannot.

use super::{Forward, InvalidLoop, PassResult};
use crate::ir::opcode::OpFlags;
use crate::ir::{Const, Opcode, Trace, Type, Value};

/// Evaluate a pure, non-call op on constant operands (`None` when the op
/// is not foldable, e.g. a division by zero, left for run time).
pub fn eval(opcode: Opcode, args: &[Const]) -> Option<Const> {
    use Const::{Float as F, Int as I};
    // Which NaN an operation on NaNs gives depends on the operand order the
    // machine code uses; leave those to run time, where it is the backend's.
    let nan_in = args.iter().any(|c| matches!(c, F(x) if x.is_nan()));
    if nan_in && !matches!(opcode, Opcode::float_neg | Opcode::float_abs | Opcode::same_as_f) {
        return None;
    }
    let b = |x: bool| Some(I(x as i64));
    Some(match (opcode, args) {
        (Opcode::int_add, [I(a), I(b)]) => I(a.wrapping_add(*b)),
        (Opcode::int_sub, [I(a), I(b)]) => I(a.wrapping_sub(*b)),
        (Opcode::int_mul, [I(a), I(b)]) => I(a.wrapping_mul(*b)),
        (Opcode::int_floordiv, [I(a), I(b)]) => I(floordiv(*a, *b)?),
        (Opcode::int_mod, [I(a), I(b)]) => {
            I(a.checked_rem(*b).map(|r| if r != 0 && (r ^ b) < 0 { r + b } else { r })?)
        }
        (Opcode::int_and, [I(a), I(b)]) => I(a & b),
        (Opcode::int_or, [I(a), I(b)]) => I(a | b),
        (Opcode::int_xor, [I(a), I(b)]) => I(a ^ b),
        (Opcode::int_lshift, [I(a), I(b)]) if (0..64).contains(b) => I(a << b),
        (Opcode::int_rshift, [I(a), I(b)]) if (0..64).contains(b) => I(a >> b),
        (Opcode::uint_rshift, [I(a), I(b)]) if (0..64).contains(b) => I(((*a as u64) >> b) as i64),
        (Opcode::int_neg, [I(a)]) => I(a.wrapping_neg()),
        (Opcode::int_invert, [I(a)]) => I(!a),
        (Opcode::int_lt, [I(x), I(y)]) => return b(x < y),
        (Opcode::int_le, [I(x), I(y)]) => return b(x <= y),
        (Opcode::int_eq, [I(x), I(y)]) => return b(x == y),
        (Opcode::int_ne, [I(x), I(y)]) => return b(x != y),
        (Opcode::int_gt, [I(x), I(y)]) => return b(x > y),
        (Opcode::int_ge, [I(x), I(y)]) => return b(x >= y),
        (Opcode::uint_lt, [I(x), I(y)]) => return b((*x as u64) < (*y as u64)),
        (Opcode::uint_le, [I(x), I(y)]) => return b((*x as u64) <= (*y as u64)),
        (Opcode::uint_gt, [I(x), I(y)]) => return b((*x as u64) > (*y as u64)),
        (Opcode::uint_ge, [I(x), I(y)]) => return b((*x as u64) >= (*y as u64)),
        (Opcode::int_is_true, [I(x)]) => return b(*x != 0),
        (Opcode::int_is_zero, [I(x)]) => return b(*x == 0),
        (Opcode::float_add, [F(a), F(b)]) => F(a + b),
        (Opcode::float_sub, [F(a), F(b)]) => F(a - b),
        (Opcode::float_mul, [F(a), F(b)]) => F(a * b),
        (Opcode::float_truediv, [F(a), F(b)]) => F(a / b),
        (Opcode::float_neg, [F(a)]) => F(-a),
        (Opcode::float_abs, [F(a)]) => F(a.abs()),
        (Opcode::float_sqrt, [F(a)]) => F(a.sqrt()),
        (Opcode::float_lt, [F(x), F(y)]) => return b(x < y),
        (Opcode::float_le, [F(x), F(y)]) => return b(x <= y),
        (Opcode::float_eq, [F(x), F(y)]) => return b(x == y),
        (Opcode::float_ne, [F(x), F(y)]) => return b(x != y),
        (Opcode::float_gt, [F(x), F(y)]) => return b(x > y),
        (Opcode::float_ge, [F(x), F(y)]) => return b(x >= y),
        (Opcode::cast_int_to_float, [I(a)]) => F(*a as f64),
        (Opcode::cast_float_to_int, [F(a)]) if a.is_finite() && a.abs() < 9.2e18 => I(*a as i64),
        (Opcode::cast_int_to_ptr, [I(a)]) => Const::Ptr(*a as u64),
        (Opcode::cast_ptr_to_int, [Const::Ptr(p)]) => I(*p as i64),
        (Opcode::convert_float_bytes_to_longlong, [F(a)]) => I(a.to_bits() as i64),
        (Opcode::convert_longlong_bytes_to_float, [I(a)]) => F(f64::from_bits(*a as u64)),
        (Opcode::ptr_eq, [x, y]) => return b(x == y),
        (Opcode::ptr_ne, [x, y]) => return b(x != y),
        (Opcode::same_as_i | Opcode::same_as_f | Opcode::same_as_r, [x]) => *x,
        _ => return None,
    })
}

/// Python's `a // b` on i64 (`None` for a zero divisor or `MIN // -1`).
pub fn floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

/// Evaluate an `_ovf` op: `Some(result)` or `None` on overflow.
pub fn eval_ovf(opcode: Opcode, a: i64, b: i64) -> Option<i64> {
    match opcode {
        Opcode::int_add_ovf => a.checked_add(b),
        Opcode::int_sub_ovf => a.checked_sub(b),
        Opcode::int_mul_ovf => a.checked_mul(b),
        _ => unreachable!("not an _ovf op: {opcode:?}"),
    }
}

/// An algebraic identity: what replaces the op's value, if any.
fn simplify(trace: &mut Trace, opcode: Opcode, args: &[Value]) -> Option<Value> {
    let int = |t: &Trace, v: Value| t.const_int_of(v);
    let (x, y) = match *args {
        [x, y] => (x, y),
        [x] if matches!(opcode, Opcode::same_as_i | Opcode::same_as_f | Opcode::same_as_r) => return Some(x),
        _ => return None,
    };
    let same = x == y;
    match opcode {
        Opcode::int_add | Opcode::int_add_ovf | Opcode::int_or | Opcode::int_xor if int(trace, y) == Some(0) => Some(x),
        Opcode::int_sub | Opcode::int_sub_ovf if int(trace, y) == Some(0) => Some(x),
        Opcode::int_lshift | Opcode::int_rshift | Opcode::uint_rshift if int(trace, y) == Some(0) => Some(x),
        Opcode::int_mul | Opcode::int_mul_ovf | Opcode::int_floordiv if int(trace, y) == Some(1) => Some(x),
        Opcode::int_mul | Opcode::int_mul_ovf | Opcode::int_and if int(trace, y) == Some(0) => Some(trace.const_int(0)),
        Opcode::int_and if int(trace, y) == Some(-1) => Some(x),
        Opcode::int_sub | Opcode::int_sub_ovf | Opcode::int_xor if same => Some(trace.const_int(0)),
        Opcode::int_and | Opcode::int_or if same => Some(x),
        Opcode::int_eq | Opcode::int_le | Opcode::int_ge | Opcode::uint_le | Opcode::uint_ge | Opcode::ptr_eq
            if same =>
        {
            Some(trace.const_int(1))
        }
        Opcode::int_ne | Opcode::int_lt | Opcode::int_gt | Opcode::uint_lt | Opcode::uint_gt | Opcode::ptr_ne
            if same =>
        {
            Some(trace.const_int(0))
        }
        _ => None,
    }
}

/// Whether a guard on constant operands passes.
fn guard_holds(trace: &Trace, opcode: Opcode, args: &[Value]) -> Option<bool> {
    let c = |v: Value| trace.const_of(v);
    match (opcode, args) {
        (Opcode::guard_true, [x]) => Some(c(*x)?.bits() != 0),
        (Opcode::guard_false, [x]) => Some(c(*x)?.bits() == 0),
        (Opcode::guard_value, [x, y]) => Some(c(*x)? == c(*y)?),
        (Opcode::guard_nonnull, [x]) => Some(c(*x)?.bits() != 0),
        (Opcode::guard_isnull, [x]) => Some(c(*x)?.bits() == 0),
        _ => None,
    }
}

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let ops = std::mem::take(&mut trace.ops);
    let mut fwd = Forward::new();
    // Set when an `_ovf` op was folded away: whether it overflowed.
    let mut folded_ovf: Option<bool> = None;
    for mut op in ops {
        fwd.apply(trace, &mut op);
        let opcode = op.opcode;
        let flags = opcode.flags();
        if flags.contains(OpFlags::COMMUTATIVE) && op.args[0].is_const() && !op.args[1].is_const() {
            op.args.swap(0, 1);
        }
        if let Some(overflowed) = folded_ovf.take() {
            match opcode {
                Opcode::guard_no_overflow if !overflowed => continue,
                Opcode::guard_overflow if overflowed => continue,
                _ => {
                    return Err(InvalidLoop {
                        op: trace.ops.len(),
                        reason: format!("{} after a folded overflow check always fails", opcode.name()),
                    })
                }
            }
        }
        let result = op.result;
        if flags.contains(OpFlags::OVF) {
            if let (Some(a), Some(b)) = (trace.const_int_of(op.args[0]), trace.const_int_of(op.args[1])) {
                match eval_ovf(opcode, a, b) {
                    Some(r) => {
                        let c = trace.const_int(r);
                        fwd.set(result.expect("ovf ops have a result"), c);
                        folded_ovf = Some(false);
                    }
                    None => folded_ovf = Some(true),
                }
                continue;
            }
        }
        if opcode.is_pure() && !opcode.is_call() {
            let consts: Option<Vec<Const>> = op.args.iter().map(|&v| trace.const_of(v)).collect();
            if let Some(value) = consts.and_then(|c| eval(opcode, &c)) {
                let c = trace.constant(value);
                fwd.set(result.expect("pure ops have a result"), c);
                continue;
            }
        }
        if opcode.is_pure() || flags.contains(OpFlags::OVF) {
            if let Some(v) = simplify(trace, opcode, &op.args) {
                if trace.ty(v) == opcode.result() || opcode.result() == Type::Int {
                    fwd.set(result.expect("pure ops have a result"), v);
                    if flags.contains(OpFlags::OVF) {
                        folded_ovf = Some(false);
                    }
                    continue;
                }
            }
        }
        if opcode.is_guard() {
            match guard_holds(trace, opcode, &op.args) {
                Some(true) => continue,
                Some(false) => {
                    return Err(InvalidLoop { op: trace.ops.len(), reason: format!("{} always fails", opcode.name()) })
                }
                None => {}
            }
        }
        trace.ops.push(op);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::{check, check_invalid};

    #[test]
    fn constants_fold() {
        check(
            run,
            "[i0]
             i1 = int_add(2, 3)
             i2 = int_mul(i1, 4)
             i3 = int_lt(i2, 100)
             guard_true(i3) [i0]
             f4 = cast_int_to_float(i2)
             f5 = float_mul(f4, 0.5)
             i6 = int_floordiv(-7, 2)
             i7 = int_mod(-7, 2)
             finish(i2, f5, i6, i7)",
            "[i0]
             finish(20, 10.0, -4, 1)",
        );
    }

    #[test]
    fn identities_simplify() {
        check(
            run,
            "[i0, i1, p2]
             i3 = int_add(i0, 0)
             i4 = int_mul(1, i3)
             i5 = int_sub(i4, i4)
             i6 = int_add(i5, i1)
             i7 = int_xor(i6, i6)
             i8 = int_eq(i1, i1)
             i9 = ptr_eq(p2, p2)
             p10 = same_as_r(p2)
             i11 = int_and(i1, 0)
             f12 = float_add(0.0, 1.0)
             finish(i4, i6, i7, i8, i9, p10, i11, f12)",
            "[i0, i1, p2]
             finish(i0, i1, 0, 1, 1, p2, 0, 1.0)",
        );
    }

    #[test]
    fn commutative_ops_put_the_constant_second() {
        check(run, "[i0]\ni1 = int_add(5, i0)\nfinish(i1)", "[i0]\ni1 = int_add(i0, 5)\nfinish(i1)");
    }

    #[test]
    fn float_identities_that_negative_zero_breaks_are_kept() {
        check(run, "[f0]\nf1 = float_add(f0, 0.0)\nfinish(f1)", "[f0]\nf1 = float_add(f0, 0.0)\nfinish(f1)");
    }

    #[test]
    fn overflow_checks_on_constants_fold_with_their_guard() {
        check(
            run,
            "[i0]
             i1 = int_add_ovf(5, 6)
             guard_no_overflow() [i0]
             i2 = int_add_ovf(i0, 0)
             guard_no_overflow() [i0]
             i3 = int_mul_ovf(i2, i1)
             guard_no_overflow() [i0]
             finish(i3)",
            "[i0]
             i1 = int_mul_ovf(i0, 11)
             guard_no_overflow() [i0]
             finish(i1)",
        );
        check_invalid(
            run,
            "[i0]
             i1 = int_add_ovf(9223372036854775807, 1)
             guard_no_overflow() [i0]
             finish(i1)",
        );
    }

    #[test]
    fn guards_on_constants_are_removed_or_reported() {
        check(
            run,
            "[i0]
             i1 = int_gt(3, 2)
             guard_true(i1) [i0]
             guard_value(4, 4) [i0]
             guard_nonnull(ConstPtr(0x10)) [i0]
             guard_false(i0) [i0]
             finish()",
            "[i0]
             guard_false(i0) [i0]
             finish()",
        );
        check_invalid(run, "[i0]\ni1 = int_gt(2, 3)\nguard_true(i1) [i0]\nfinish()");
        check_invalid(run, "[i0]\nguard_isnull(ConstPtr(0x10)) [i0]\nfinish()");
    }

    #[test]
    fn resume_data_sees_folded_values() {
        check(
            run,
            "[i0]
             i1 = int_add(i0, 0)
             i2 = int_add(1, 2)
             guard_true(i0) [i1, i2]
             finish()",
            "[i0]
             guard_true(i0) [i0, 3]
             finish()",
        );
    }

    #[test]
    fn arithmetic_on_nans_is_left_for_run_time() {
        let nan = Const::Float(f64::NAN);
        assert_eq!(eval(Opcode::float_add, &[nan, Const::Float(1.0)]), None);
        assert_eq!(eval(Opcode::float_lt, &[nan, nan]), None);
        assert!(matches!(eval(Opcode::float_neg, &[nan]), Some(Const::Float(x)) if x.is_nan()));
    }

    #[test]
    fn division_by_zero_is_left_for_run_time() {
        assert_eq!(eval(Opcode::int_floordiv, &[Const::Int(1), Const::Int(0)]), None);
        assert_eq!(eval(Opcode::int_floordiv, &[Const::Int(i64::MIN), Const::Int(-1)]), None);
        assert_eq!(floordiv(7, -2), Some(-4));
        assert_eq!(eval(Opcode::int_mod, &[Const::Int(7), Const::Int(-2)]), Some(Const::Int(-1)));
    }
}
