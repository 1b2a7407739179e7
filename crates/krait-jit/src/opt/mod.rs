//! The optimiser: passes over a trace, in one fixed order.
//!
//! Each pass is one module and one forward walk over the ops (dead-code
//! removal walks backward). A pass takes the op list out of the trace, and
//! for each op either keeps it (possibly rewritten), drops it, or replaces it
//! with other ops, pushing the survivors back. When a pass drops an op whose
//! value is still needed, it records in a [`Forward`] table what replaces the
//! value (another value or a constant); every later operand and every later
//! guard's resume data is read through the table.
//!
//! The order (PyPy's `optimizeopt/__init__.py` keeps its order in one place
//! too, and so does this file's [`PASSES`]):
//!
//! 1. `peel`: loop peeling first, so that every later pass sees a preamble
//!    (where the loop-invariant work happens once) and a body;
//! 2. `fold`: constant folding and algebraic simplification;
//! 3. `intbounds`: integer ranges, dropping overflow checks and decided guards;
//! 4. `guards`: guards implied by earlier guards or allocations;
//! 5. `virtuals`: escape analysis, removing allocations;
//! 6. `heap`: redundant loads and stores;
//! 7. `cse`: common pure subexpressions;
//! 8. `dce`: ops whose results nobody uses.
//!
//! A pass that proves a guard always fails returns [`InvalidLoop`]: the trace
//! would always leave at that guard, so the recorder should not compile it.
//! Passes reset what they know at a `label`, whose values are new.

pub mod cse;
pub mod dce;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod intbounds;
pub mod peel;
pub mod virtuals;

use std::fmt;

use crate::ir::resume::Slot;
use crate::ir::{Op, Opcode, Trace, Value};

/// A trace that cannot run to its end: a guard always fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidLoop {
    /// The op index (in the pass's output) where it was found.
    pub op: usize,
    /// Why.
    pub reason: String,
}

impl fmt::Display for InvalidLoop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid loop at op {}: {}", self.op, self.reason)
    }
}

impl std::error::Error for InvalidLoop {}

/// What a pass returns.
pub type PassResult = Result<(), InvalidLoop>;

/// A pass.
pub type Pass = fn(&mut Trace) -> PassResult;

/// The passes, in the order [`optimize`] runs them.
pub const PASSES: &[(&str, Pass)] = &[
    ("peel", peel::run),
    ("fold", fold::run),
    ("intbounds", intbounds::run),
    ("guards", guards::run),
    ("virtuals", virtuals::run),
    ("heap", heap::run),
    ("cse", cse::run),
    // Again: the heap cache and CSE make repeated loads and tests one
    // value, so the guards on them repeat too (a map guard per attribute
    // access of the same object).
    ("guards", guards::run),
    ("dce", dce::run),
];

/// Run every pass in order.
pub fn optimize(trace: &mut Trace) -> PassResult {
    optimize_observed(trace, &mut |_, _| {})
}

/// Run every pass in order, showing the trace to `observe` after each (for
/// `KRAIT_LOG=jit`, and for finding which pass did something).
pub fn optimize_observed(trace: &mut Trace, observe: &mut dyn FnMut(&str, &Trace)) -> PassResult {
    for (name, pass) in PASSES {
        pass(trace)?;
        observe(name, trace);
        debug_assert!(
            crate::ir::verify(trace).is_ok(),
            "{name} broke the trace: {:?}\n{trace}",
            crate::ir::verify(trace)
        );
    }
    Ok(())
}

/// The forwarding table: what replaces a value a pass removed.
#[derive(Clone, Debug, Default)]
pub struct Forward {
    map: Vec<Value>,
}

impl Forward {
    /// A table where every value stands for itself.
    pub fn new() -> Forward {
        Forward::default()
    }

    /// What stands for `v` now (following chains).
    pub fn get(&self, mut v: Value) -> Value {
        while !v.is_const() {
            match self.map.get(v.index()) {
                Some(&to) if to != v => v = to,
                _ => break,
            }
        }
        v
    }

    /// Make `from` stand for `to` from now on.
    pub fn set(&mut self, from: Value, to: Value) {
        debug_assert!(!from.is_const());
        let i = from.index();
        if self.map.len() <= i {
            self.map.extend((self.map.len()..=i).map(|n| Value::defined(n as u32)));
        }
        self.map[i] = to;
    }

    /// Rewrite an op's operands and resume data through the table.
    pub fn apply(&self, trace: &mut Trace, op: &mut Op) {
        for arg in op.args.iter_mut() {
            *arg = self.get(*arg);
        }
        if let Some(snapshot) = op.snapshot {
            if trace.resume.fail_args(snapshot).iter().any(|&v| self.get(v) != v) {
                op.snapshot = Some(trace.resume.rewrite(snapshot, &mut |v, _| Slot::Value(self.get(v))));
            }
        }
    }
}

/// For each label entered from the op just before it (the end of a peeled
/// preamble), which of its positions are **invariant**: the loop's own
/// `jump` passes the label's value back unchanged, so in every iteration
/// the value is the one the preamble passed. A fact a pass knew about the
/// preamble's operand at that position therefore holds for the label value
/// in the whole loop. Keyed by the label's op index.
pub fn invariant_label_positions(ops: &[Op]) -> rustc_hash::FxHashMap<usize, Vec<bool>> {
    let mut out = rustc_hash::FxHashMap::default();
    for (l, label) in ops.iter().enumerate() {
        if label.opcode != Opcode::label || l == 0 || ops[l - 1].opcode != Opcode::jump {
            continue;
        }
        // The back edges: jumps after the label, up to the next label, that
        // are not followed by a label of their own.
        let mut invariant = vec![true; label.args.len()];
        let mut has_back_edge = false;
        for (j, op) in ops.iter().enumerate().skip(l + 1) {
            if op.opcode == Opcode::label {
                break;
            }
            let enters_next = ops.get(j + 1).is_some_and(|o| o.opcode == Opcode::label);
            if op.opcode == Opcode::jump && !enters_next {
                has_back_edge = true;
                for (k, inv) in invariant.iter_mut().enumerate() {
                    *inv &= op.args.get(k) == Some(&label.args[k]);
                }
            }
        }
        if has_back_edge {
            out.insert(l, invariant);
        }
    }
    out
}

/// Shared helpers for pass tests: text in, text out.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::Arc;

    use super::PassResult;
    use crate::ir::{parse, print, verify, DescrTable, EffectClass, Trace, Type};

    /// The descriptors the pass tests use.
    pub fn descrs() -> Arc<DescrTable> {
        let mut t = DescrTable::new();
        t.field("valuedescr", 16, Type::Int);
        t.field("otherdescr", 24, Type::Int);
        t.field("nextdescr", 32, Type::Ref);
        t.field("floatdescr", 40, Type::Float);
        t.immutable_field("immutdescr", 48, Type::Int);
        t.size("nodesize", 56, 0x1000);
        t.size("othersize", 56, 0x2000);
        t.array("arraydescr", 24, 16, Type::Int);
        t.call("purecall", 0, &[Type::Int], Type::Int, EffectClass::Pure);
        t.call("raisecall", 0, &[Type::Int], Type::Int, EffectClass::CanRaise);
        t.call("forcecall", 0, &[Type::Ref], Type::Void, EffectClass::MayForce);
        t.call("refcall", 0, &[Type::Ref], Type::Void, EffectClass::CanRaise);
        let mut writes_value = t.call_descr(t.lookup("raisecall").unwrap()).clone();
        writes_value.writes_fields.push(t.lookup("valuedescr").unwrap());
        writes_value.args = vec![Type::Ref];
        writes_value.result = Type::Void;
        t.add("writesvaluecall", crate::ir::Descr::Call(writes_value));
        Arc::new(t)
    }

    /// Parse and verify.
    pub fn trace(text: &str) -> Trace {
        let trace = parse(text, &descrs()).unwrap_or_else(|e| panic!("{e}\n{text}"));
        verify(&trace).unwrap_or_else(|e| panic!("input does not verify: {e}\n{text}"));
        trace
    }

    /// Run a pass on `input` and compare with `expected` (both as text).
    pub fn check(pass: fn(&mut Trace) -> PassResult, input: &str, expected: &str) {
        let mut t = trace(input);
        pass(&mut t).unwrap_or_else(|e| panic!("{e}"));
        let out = print(&t);
        verify(&t).unwrap_or_else(|e| panic!("output does not verify: {e}\n{out}"));
        assert_eq!(out, print(&trace(expected)), "\ninput:\n{input}");
    }

    /// Run a pass and expect it to find a guard that always fails.
    pub fn check_invalid(pass: fn(&mut Trace) -> PassResult, input: &str) {
        let mut t = trace(input);
        assert!(pass(&mut t).is_err(), "expected an invalid loop:\n{}", print(&t));
    }
}

#[cfg(test)]
mod tests {
    use super::testing::check;
    use super::*;

    #[test]
    fn the_observer_sees_every_pass_in_order() {
        let mut t = super::testing::trace("[i0]\ni1 = int_add(i0, 0)\nfinish(i1)");
        let mut seen = Vec::new();
        optimize_observed(&mut t, &mut |name, trace| seen.push((name.to_owned(), trace.ops.len()))).unwrap();
        let names: Vec<&str> = PASSES.iter().map(|(n, _)| *n).collect();
        assert_eq!(seen.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), names);
        assert_eq!(seen[0].1, 2, "peel leaves a non-loop alone");
        assert_eq!(seen[1].1, 1, "fold removes x + 0");
    }

    #[test]
    fn forwarding_follows_chains() {
        let mut fwd = Forward::new();
        let (a, b, c) = (Value::defined(0), Value::defined(1), Value::constant(0));
        fwd.set(a, b);
        fwd.set(b, c);
        assert_eq!(fwd.get(a), c);
        assert_eq!(fwd.get(Value::defined(5)), Value::defined(5));
    }

    #[test]
    fn a_box_carried_around_the_loop_travels_as_its_fields() {
        // The box the loop allocates each iteration reaches the next one
        // through the jump: after peeling, it is passed as its field, and the
        // loop neither allocates nor checks it; guards describe it as a virtual.
        check(
            optimize,
            "[p0, i9]
             label(p1, i10)
             guard_nonnull(p1) [p1]
             guard_class(p1, ConstPtr(0x1000)) [p1]
             i2 = getfield_gc_i(p1, descr=valuedescr)
             i3 = int_add_ovf(i2, 1)
             guard_no_overflow() [p1]
             i4 = int_lt(i3, 100)
             guard_true(i4) [p1]
             p5 = new_with_vtable(descr=nodesize)
             setfield_gc(p5, i3, descr=valuedescr)
             i11 = int_mul(i10, 1)
             jump(p5, i11)",
            "[p0, i1]
             guard_nonnull(p0) [p0]
             guard_class(p0, ConstPtr(0x1000)) [p0]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = int_add_ovf(i2, 1)
             guard_no_overflow() [p0]
             i4 = int_lt(i3, 100)
             guard_true(i4) [p0]
             jump(i1, i3)
             label(i5, i6)
             i7 = int_add_ovf(i6, 1)
             guard_no_overflow() [$0] {$0 = nodesize(valuedescr=i6)}
             i8 = int_lt(i7, 100)
             guard_true(i8) [$0] {$0 = nodesize(valuedescr=i6)}
             jump(i5, i7)",
        );
    }

    #[test]
    fn the_whole_pipeline_optimises_a_counting_loop() {
        // A loop `while i < n: total += obj.step; i += 1` as the recorder would
        // write it: boxed intermediate, overflow checks, repeated loads.
        check(
            optimize,
            "[i0, i1, p2, i3]
             label(i4, i5, p6, i7)
             i8 = int_lt(i4, i7)
             guard_true(i8) [i4, i5, p6]
             guard_nonnull(p6) [i4, i5, p6]
             i9 = getfield_gc_i(p6, descr=immutdescr)
             p10 = new_with_vtable(descr=nodesize)
             i11 = int_add_ovf(i5, i9)
             guard_no_overflow() [i4, i5, p6]
             setfield_gc(p10, i11, descr=valuedescr)
             i12 = getfield_gc_i(p6, descr=immutdescr)
             i13 = int_lt(i12, 100)
             guard_true(i13) [i4, p10, p6]
             i14 = getfield_gc_i(p10, descr=valuedescr)
             i15 = int_add_ovf(i4, 1)
             guard_no_overflow() [i4, p10, p6]
             jump(i15, i14, p6, i7)",
            "[i0, i1, p2, i3]
             i4 = int_lt(i0, i3)
             guard_true(i4) [i0, i1, p2]
             guard_nonnull(p2) [i0, i1, p2]
             i5 = getfield_gc_i(p2, descr=immutdescr)
             i6 = int_add_ovf(i1, i5)
             guard_no_overflow() [i0, i1, p2]
             i7 = int_lt(i5, 100)
             guard_true(i7) [i0, $0, p2] {$0 = nodesize(valuedescr=i6)}
             i8 = int_add(i0, 1)
             jump(i8, i6, p2, i3, i5)
             label(i9, i10, p11, i12, i13)
             i14 = int_lt(i9, i12)
             guard_true(i14) [i9, i10, p11]
             i15 = int_add_ovf(i10, i13)
             guard_no_overflow() [i9, i10, p11]
             i16 = int_add(i9, 1)
             jump(i16, i15, p11, i12, i13)",
        );
    }
}
