//! Recording arithmetic and tests: small-int and float operations on the
//! trace's unboxed values, and comparisons, identity and membership tests
//! fused with the jump after them (see the module documentation of
//! [`super`]).

use krait_bytecode::{BinaryOp, ComparisonOp, Opcode as Bc};
use krait_vm::interp::specialize::{compare, small_int_op};

use super::{abort, Concrete, Kind, Recorder, Step, Tracked};
use crate::helpers::exact_str;
use crate::ir::{Const, Opcode, Value};

/// The int comparison ops, indexed by `ComparisonOp`.
const INT_COMPARISONS: [Opcode; 6] =
    [Opcode::int_lt, Opcode::int_le, Opcode::int_eq, Opcode::int_ne, Opcode::int_gt, Opcode::int_ge];

impl Recorder<'_> {
    /// `BINARY_OP_INT`: `+ - * // % & | ^ >>` of two small ints, on doubled values.
    pub(super) fn record_int_op(&mut self, at: usize, arg: u32) -> Step<()> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let (Concrete::Int(a), Concrete::Int(b)) = (lhs.concrete, rhs.concrete) else {
            return abort("BINARY_OP_INT on operands that are not small ints");
        };
        let Some((op, _)) = BinaryOp::decode(arg) else { return abort("bad BINARY_OP argument") };
        if !matches!(
            op,
            BinaryOp::Add
                | BinaryOp::Subtract
                | BinaryOp::Multiply
                | BinaryOp::FloorDivide
                | BinaryOp::Remainder
                | BinaryOp::And
                | BinaryOp::Or
                | BinaryOp::Xor
                | BinaryOp::RShift
        ) {
            return abort(format!("BINARY_OP_INT {op:?} is not supported"));
        }
        let result = int_result(op, a, b)?;
        let value = self.int_op(op, lhs.value, rhs.value, at);
        self.frame.stack.truncate(self.frame.stack.len() - 2);
        self.frame.stack.push(Tracked { value, concrete: Concrete::Int(result) });
        Ok(())
    }

    /// `divmod(a, b)` of two small ints (under the `CALL`'s operands at
    /// `at`) whose tuple the `UNPACK_SEQUENCE` after the call unpacks at
    /// once: the quotient and the remainder pushed as that would push them,
    /// with no tuple.
    pub(super) fn record_divmod_unpacked(&mut self, at: usize) -> Step<()> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let (Concrete::Int(a), Concrete::Int(b)) = (lhs.concrete, rhs.concrete) else {
            return abort("divmod of other than two small ints");
        };
        let (q, r) = (int_result(BinaryOp::FloorDivide, a, b)?, int_result(BinaryOp::Remainder, a, b)?);
        let quotient = self.int_op(BinaryOp::FloorDivide, lhs.value, rhs.value, at);
        let remainder = self.int_op(BinaryOp::Remainder, lhs.value, rhs.value, at);
        // The callable, its NULL and the two arguments.
        self.frame.stack.truncate(self.frame.stack.len() - 4);
        self.frame.stack.push(Tracked { value: remainder, concrete: Concrete::Int(r) });
        self.frame.stack.push(Tracked { value: quotient, concrete: Concrete::Int(q) });
        Ok(())
    }

    /// `op` (one `int_result` accepts) of two doubled small ints, guarded
    /// at `at` to stay small and not divide by zero.
    fn int_op(&mut self, op: BinaryOp, lhs: Value, rhs: Value, at: usize) -> Value {
        let one = self.trace.const_int(1);
        match op {
            BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply => {
                let (opcode, rhs_value) = match op {
                    BinaryOp::Add => (Opcode::int_add_ovf, rhs),
                    BinaryOp::Subtract => (Opcode::int_sub_ovf, rhs),
                    _ => (Opcode::int_mul_ovf, self.op(Opcode::int_rshift, &[rhs, one])),
                };
                let value = self.op(opcode, &[lhs, rhs_value]);
                self.guard(Opcode::guard_no_overflow, &[], at);
                value
            }
            // On doubled ints these are the ops themselves (the low bits
            // are 0 and stay 0).
            BinaryOp::And => self.op(Opcode::int_and, &[lhs, rhs]),
            BinaryOp::Or => self.op(Opcode::int_or, &[lhs, rhs]),
            BinaryOp::Xor => self.op(Opcode::int_xor, &[lhs, rhs]),
            BinaryOp::RShift => {
                // `((a << 1) >> b) & !1` is `(a >> b) << 1`, for a count
                // guarded to be 0 to 63.
                let zero = self.trace.const_int(0);
                let not_negative = self.op(Opcode::int_ge, &[rhs, zero]);
                self.guard(Opcode::guard_true, &[not_negative], at);
                let limit = self.trace.const_int(64 << 1);
                let small = self.op(Opcode::int_lt, &[rhs, limit]);
                self.guard(Opcode::guard_true, &[small], at);
                let count = self.op(Opcode::int_rshift, &[rhs, one]);
                let shifted = self.op(Opcode::int_rshift, &[lhs, count]);
                let mask = self.trace.const_int(!1);
                self.op(Opcode::int_and, &[shifted, mask])
            }
            _ => {
                let nonzero = self.op(Opcode::int_is_true, &[rhs]);
                self.guard(Opcode::guard_true, &[nonzero], at);
                if op == BinaryOp::FloorDivide {
                    let quotient = self.op(Opcode::int_floordiv, &[lhs, rhs]);
                    let value = self.op(Opcode::int_add_ovf, &[quotient, quotient]);
                    self.guard(Opcode::guard_no_overflow, &[], at);
                    value
                } else {
                    self.op(Opcode::int_mod, &[lhs, rhs])
                }
            }
        }
    }

    /// `+ - * /` of two numbers, at least one a float.
    pub(super) fn record_float_op(&mut self, at: usize, op: BinaryOp) -> Step<()> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        if lhs.kind() == Kind::Int && rhs.kind() == Kind::Int {
            return abort("float arithmetic on two ints");
        }
        let (Some((x, a)), Some((y, b))) = (self.as_float(lhs), self.as_float(rhs)) else {
            return abort("float arithmetic on an object");
        };
        let (opcode, result) = match op {
            BinaryOp::Add => (Opcode::float_add, a + b),
            BinaryOp::Subtract => (Opcode::float_sub, a - b),
            BinaryOp::Multiply => (Opcode::float_mul, a * b),
            BinaryOp::TrueDivide => {
                if b == 0.0 {
                    return abort("float division by zero");
                }
                let zero = self.trace.constant(Const::Float(0.0));
                let nonzero = self.op(Opcode::float_ne, &[y, zero]);
                self.guard(Opcode::guard_true, &[nonzero], at);
                (Opcode::float_truediv, a / b)
            }
            other => return abort(format!("BINARY_OP_FLOAT {other:?} is not supported")),
        };
        let value = self.op(opcode, &[x, y]);
        self.frame.stack.truncate(self.frame.stack.len() - 2);
        self.frame.stack.push(Tracked { value, concrete: Concrete::Float(result) });
        Ok(())
    }

    /// `COMPARE_OP_INT`/`_FLOAT` fused with the conditional jump after it
    /// (`push_bool_or_branch!`); returns the next instruction.
    pub(super) fn record_compare(&mut self, at: usize, op: Bc, arg: u32, next: usize) -> Step<usize> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let Some(cmp) = ComparisonOp::decode(arg) else { return abort("bad COMPARE_OP argument") };
        let (opcodes, truth) = match (op, lhs.concrete, rhs.concrete) {
            (Bc::COMPARE_OP_INT, Concrete::Int(a), Concrete::Int(b)) => (INT_COMPARISONS, compare(cmp, a, b)),
            (Bc::COMPARE_OP_FLOAT, Concrete::Float(a), Concrete::Float(b)) => (
                [
                    Opcode::float_lt,
                    Opcode::float_le,
                    Opcode::float_eq,
                    Opcode::float_ne,
                    Opcode::float_gt,
                    Opcode::float_ge,
                ],
                compare(cmp, a, b),
            ),
            (Bc::COMPARE_OP | Bc::COMPARE_OP_STR, Concrete::Ref(a), Concrete::Ref(b)) => {
                let (Some(x), Some(y)) = (exact_str(self.vm, a), exact_str(self.vm, b)) else {
                    return abort("COMPARE_OP of other than two strs");
                };
                // The truth as the interpreter's COMPARE_OP_STR computes it.
                let truth = compare(cmp, x.as_str(), y.as_str());
                return self.record_str_compare((lhs.value, rhs.value), cmp, truth, at, next);
            }
            (Bc::COMPARE_OP, Concrete::Ref(s), Concrete::Int(_))
            | (Bc::COMPARE_OP, Concrete::Int(_), Concrete::Ref(s))
                if matches!(cmp, ComparisonOp::Eq | ComparisonOp::Ne) && exact_str(self.vm, s).is_some() =>
            {
                // A str and an int are never equal (neither __eq__ knows the other).
                let str_side = if let Concrete::Ref(_) = lhs.concrete { lhs.value } else { rhs.value };
                self.guard_class(str_side, self.vm.types.str, at);
                return self.test_result(cmp == ComparisonOp::Ne, next);
            }
            _ => return abort("COMPARE_OP of other operands"),
        };
        let cond = self.op(opcodes[cmp as usize], &[lhs.value, rhs.value]);
        self.branch(cond, truth, at);
        self.test_result(truth, next)
    }

    /// A comparison of two exact strs (the trace values `operands`) that
    /// came out `truth` when recording: one pure call orders them, and the
    /// test of its result is guarded.
    fn record_str_compare(
        &mut self,
        operands: (Value, Value),
        cmp: ComparisonOp,
        truth: bool,
        at: usize,
        next: usize,
    ) -> Step<usize> {
        let str_class = self.vm.types.str;
        self.guard_class(operands.0, str_class, at);
        self.guard_class(operands.1, str_class, at);
        let args = [operands.0, operands.1];
        let found = self.trace.push(Opcode::call_pure_i, &args, Some(self.descrs.str_order));
        let zero = self.trace.const_int(0);
        let cond = self.op(INT_COMPARISONS[cmp as usize], &[found.expect("call_pure_i has a result"), zero]);
        self.branch(cond, truth, at);
        self.test_result(truth, next)
    }

    /// `CONTAINS_OP` (`in`, or `not in` when `negate`) of an exact str or
    /// small int in an exact dict, fused with the jump after it like a
    /// comparison; returns the next instruction.
    pub(super) fn record_dict_contains(&mut self, at: usize, negate: bool, next: usize) -> Step<usize> {
        let (key, dict) = (self.peek(2)?, self.peek(1)?);
        let Some(found) = self.dict_lookup(dict, key) else {
            return abort("CONTAINS_OP other than of an exact str or small int in an exact dict");
        };
        let found = found.is_some();
        let boxed = self.boxed(key, at);
        let r = self.trace.push(Opcode::call_i, &[dict.value, boxed], Some(self.descrs.dict_contains));
        let expected = self.trace.const_int(i64::from(found));
        self.guard(Opcode::guard_value, &[r.expect("call_i has a result"), expected], at);
        self.test_result(found != negate, next)
    }

    /// `IS_OP` (`is`, or `is not` when `negate`), fused with the jump
    /// after it like a comparison; returns the next instruction.
    pub(super) fn record_is(&mut self, at: usize, negate: bool, next: usize) -> Step<usize> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let (cond, same) = match (lhs.concrete, rhs.concrete) {
            (Concrete::Ref(a), Concrete::Ref(b)) => (self.op(Opcode::ptr_eq, &[lhs.value, rhs.value]), a.is(b)),
            (Concrete::Int(a), Concrete::Int(b)) => (self.op(Opcode::int_eq, &[lhs.value, rhs.value]), a == b),
            // A small int is never the same object as one of another kind.
            (Concrete::Int(_), Concrete::Ref(_)) | (Concrete::Ref(_), Concrete::Int(_)) => {
                (self.trace.const_int(0), false)
            }
            _ => return abort("`is` of a float or of an iterator the trace made"),
        };
        self.branch(cond, same, at);
        self.test_result(same != negate, next)
    }

    /// The outcome of a test of the two operands on top of the stack (the
    /// caller guarded it to go as recorded), whose Python result is
    /// `result`: taken at once by a conditional jump at `next` (as the
    /// interpreter fuses comparisons), else pushed as the constant bool.
    /// Returns the next instruction.
    fn test_result(&mut self, result: bool, next: usize) -> Step<usize> {
        self.frame.stack.truncate(self.frame.stack.len() - 2);
        if next < self.frame.code.instructions.len() {
            let (jump, target) = self.unit(next)?;
            if jump == Bc::POP_JUMP_IF_FALSE || jump == Bc::POP_JUMP_IF_TRUE {
                return Ok(if result == (jump == Bc::POP_JUMP_IF_TRUE) { target as usize } else { next + 1 });
            }
        }
        let t = self.constant(self.vm.bool_value(result));
        self.frame.stack.push(t);
        Ok(next)
    }
}

/// The small int `op` gives for `a` and `b`, as the interpreter defines it
/// (a right shift by 0 to 63 bits, always a small int, is Python's `>>`
/// itself); an abort for a division by zero or a result that leaves the
/// small ints.
fn int_result(op: BinaryOp, a: i64, b: i64) -> Step<i64> {
    if b == 0 && matches!(op, BinaryOp::FloorDivide | BinaryOp::Remainder) {
        return abort("division by zero");
    }
    match op {
        BinaryOp::RShift if (0..64).contains(&b) => Ok(a >> b),
        BinaryOp::RShift => abort("a shift by a negative or a large count"),
        _ => match small_int_op(op, a, b) {
            Some(result) => Ok(result.small_int_unchecked()),
            None => abort("int arithmetic leaves the small ints"),
        },
    }
}
