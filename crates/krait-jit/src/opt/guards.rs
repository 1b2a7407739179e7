//! Guard elimination by what earlier ops proved.
//!
//! One forward walk keeps, per ref value, what is known about it: its class
//! (from a `guard_class` or a `new_with_vtable`), that it is non-null (from
//! `guard_nonnull`, `guard_class`, any allocation), and per guard the set of
//! guards already passed. Then:
//!
//! - `guard_class(p, C)` is removed when `p`'s class is known to be `C`, and
//!   reported ([`InvalidLoop`]) when it is known to be another class;
//! - `guard_nonnull(p)` is removed when `p` is known non-null (a non-null
//!   constant included); `guard_isnull(p)` on it always fails;
//! - `guard_value(x, c)` makes `x` the constant `c` from then on (it is
//!   forwarded, so later guards on `x` fold, and resume data stores `c`);
//! - `guard_true(x)`/`guard_false(x)` (and any idempotent guard) that was
//!   already passed is removed; the opposite one always fails;
//! - `guard_no_exception` is needed only after a call that can raise (the
//!   trace is entered with no exception pending);
//! - `guard_not_invalidated` is needed once until the next call that may run
//!   Python code (which may invalidate the trace); known classes are
//!   forgotten at such a call too, as Python code may assign `__class__`.
//!
//! Everything is forgotten at a `label`, except the classes and non-nullness
//! of the loop's invariant values ([`super::invariant_label_positions`]).

use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;

use super::{Forward, InvalidLoop, PassResult};
use crate::ir::{Const, Opcode, Trace, Type, Value};

#[derive(Default)]
struct Known {
    class: FxHashMap<Value, u64>,
    nonnull: FxHashSet<Value>,
    passed: FxHashSet<(Opcode, SmallVec<[Value; 2]>)>,
    /// A call since the last `guard_no_exception` may have raised.
    may_have_raised: bool,
}

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let ops = std::mem::take(&mut trace.ops);
    let invariant = super::invariant_label_positions(&ops);
    // Loops that run Python code, which may assign `__class__` between iterations.
    let runs_python: FxHashSet<usize> = invariant
        .keys()
        .copied()
        .filter(|&l| {
            ops[l + 1..].iter().take_while(|op| op.opcode != Opcode::label).any(|op| op.opcode.is_call_may_force())
        })
        .collect();
    let mut fwd = Forward::new();
    let mut known = Known::default();
    // What was known about the operands of the jump into a label.
    let mut entry: Vec<(Option<u64>, bool)> = Vec::new();
    for (i, mut op) in ops.into_iter().enumerate() {
        fwd.apply(trace, &mut op);
        let at = trace.ops.len();
        let invalid = |reason: String| Err(InvalidLoop { op: at, reason });
        if op.opcode.is_call() && trace.descrs.call_descr(op.descr.expect("verified")).can_raise() {
            known.may_have_raised = true;
        }
        if op.opcode == Opcode::jump {
            entry = op
                .args
                .iter()
                .map(|a| {
                    let nonnull_const = trace.const_of(*a).is_some_and(|c| c.bits() != 0) && trace.ty(*a) == Type::Ref;
                    (known.class.get(a).copied(), known.nonnull.contains(a) || nonnull_const)
                })
                .collect();
        }
        match op.opcode {
            Opcode::label => {
                known = Known::default();
                // Loop-invariant label values keep what the preamble proved.
                if let Some(invariant) = invariant.get(&i) {
                    for (k, &v) in op.args.iter().enumerate() {
                        let (class, nonnull) = entry[k];
                        if invariant[k] {
                            if let Some(class) = class.filter(|_| !runs_python.contains(&i)) {
                                known.class.insert(v, class);
                            }
                            if nonnull {
                                known.nonnull.insert(v);
                            }
                        }
                    }
                }
            }
            Opcode::guard_no_exception if !known.may_have_raised => continue,
            Opcode::guard_no_exception => known.may_have_raised = false,
            Opcode::new_with_vtable => {
                let result = op.result.expect("allocations have a result");
                let vtable = trace.descrs.size_descr(op.descr.expect("verified")).vtable;
                known.class.insert(result, vtable);
                known.nonnull.insert(result);
            }
            Opcode::new | Opcode::new_array => {
                known.nonnull.insert(op.result.expect("allocations have a result"));
            }
            opcode if opcode.is_call_may_force() => {
                // Python code may invalidate the trace, or assign `__class__`.
                known.passed.retain(|(guard, _)| !matches!(guard, Opcode::guard_not_invalidated | Opcode::guard_class));
                known.class.clear();
            }
            Opcode::guard_class => {
                let (p, class) = (op.args[0], trace.const_of(op.args[1]).expect("verified").bits());
                match known.class.get(&p) {
                    Some(&c) if c == class => continue,
                    Some(&c) => return invalid(format!("guard_class({class:#x}) on an object of class {c:#x}")),
                    None => {
                        known.class.insert(p, class);
                        known.nonnull.insert(p);
                    }
                }
            }
            Opcode::guard_nonnull => {
                let p = op.args[0];
                let nonnull_const = trace.const_of(p).is_some_and(|c| c.bits() != 0);
                if nonnull_const || known.nonnull.contains(&p) {
                    continue;
                }
                known.nonnull.insert(p);
            }
            Opcode::guard_isnull if known.nonnull.contains(&op.args[0]) => {
                return invalid("guard_isnull on a non-null object".into())
            }
            Opcode::guard_value if !op.args[0].is_const() => {
                let (x, c) = (op.args[0], op.args[1]);
                if trace.const_of(c).is_some_and(|c| c != Const::Ptr(0)) && trace.ty(c) == crate::ir::Type::Ref {
                    known.nonnull.insert(x);
                }
                trace.ops.push(op);
                fwd.set(x, c);
                continue;
            }
            Opcode::guard_value => {
                if trace.const_of(op.args[0]) == trace.const_of(op.args[1]) {
                    continue;
                }
                return invalid("guard_value on a different constant".into());
            }
            Opcode::guard_true | Opcode::guard_false => {
                let opposite = if op.opcode == Opcode::guard_true { Opcode::guard_false } else { Opcode::guard_true };
                if known.passed.contains(&(opposite, op.args.iter().copied().collect())) {
                    return invalid(format!("{} after {}", op.opcode.name(), opposite.name()));
                }
            }
            _ => {}
        }
        if op.opcode.is_guard() && op.opcode.flags().contains(crate::ir::OpFlags::IDEMPOTENT) {
            let key = (op.opcode, op.args.iter().copied().collect());
            if !known.passed.insert(key) {
                continue;
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
    fn guards_proved_by_earlier_guards_go() {
        check(
            run,
            "[p0, i1]
             guard_class(p0, ConstPtr(0x1000)) [i1]
             guard_nonnull(p0) [i1]
             guard_class(p0, ConstPtr(0x1000)) [i1]
             guard_true(i1) [i1]
             guard_true(i1) [p0]
             guard_not_invalidated() []
             guard_not_invalidated() []
             guard_nonnull(ConstPtr(0x10)) []
             finish()",
            "[p0, i1]
             guard_class(p0, ConstPtr(0x1000)) [i1]
             guard_true(i1) [i1]
             guard_not_invalidated() []
             finish()",
        );
    }

    #[test]
    fn allocations_prove_class_and_nonnull() {
        check(
            run,
            "[i0]
             p1 = new_with_vtable(descr=nodesize)
             guard_nonnull(p1) [i0]
             guard_class(p1, ConstPtr(0x1000)) [i0]
             escape(p1)
             finish()",
            "[i0]
             p1 = new_with_vtable(descr=nodesize)
             escape(p1)
             finish()",
        );
    }

    #[test]
    fn guard_value_makes_the_value_constant() {
        check(
            run,
            "[i0, p1]
             guard_value(i0, 5) [i0]
             i2 = int_add(i0, 1)
             guard_value(i0, 5) [i0]
             guard_true(i2) [p1, i0]
             finish(i2)",
            "[i0, p1]
             guard_value(i0, 5) [i0]
             i2 = int_add(5, 1)
             guard_true(i2) [p1, 5]
             finish(i2)",
        );
    }

    #[test]
    fn may_force_calls_require_new_invalidation_and_class_checks() {
        let text = "[p0]
             guard_not_invalidated() []
             guard_class(p0, ConstPtr(0x1000)) []
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() []
             guard_not_invalidated() []
             guard_class(p0, ConstPtr(0x1000)) []
             finish()";
        check(run, text, text);
    }

    #[test]
    fn exception_checks_follow_only_calls_that_can_raise() {
        check(
            run,
            "[i0]
             guard_no_exception() [i0]
             i1 = call_i(i0, descr=purecall)
             guard_no_exception() [i0]
             i2 = call_i(i1, descr=raisecall)
             guard_no_exception() [i0]
             guard_no_exception() [i0]
             finish(i2)",
            "[i0]
             i1 = call_i(i0, descr=purecall)
             i2 = call_i(i1, descr=raisecall)
             guard_no_exception() [i0]
             finish(i2)",
        );
    }

    #[test]
    fn invariant_loop_values_keep_their_preamble_classes() {
        check(
            run,
            "[p0, p1]
             guard_class(p0, ConstPtr(0x1000)) []
             guard_nonnull(p1) []
             jump(p0, p1)
             label(p2, p3)
             guard_class(p2, ConstPtr(0x1000)) []
             guard_nonnull(p3) []
             jump(p2, p3)",
            "[p0, p1]
             guard_class(p0, ConstPtr(0x1000)) []
             guard_nonnull(p1) []
             jump(p0, p1)
             label(p2, p3)
             jump(p2, p3)",
        );
        let variant = "[p0]
             guard_nonnull(p0) []
             jump(p0)
             label(p1)
             guard_nonnull(p1) []
             p2 = getfield_gc_r(p1, descr=nextdescr)
             jump(p2)";
        check(run, variant, variant);
        // Python code in the loop may change the class between iterations.
        let runs_python = "[p0]
             guard_class(p0, ConstPtr(0x1000)) []
             jump(p0)
             label(p1)
             guard_class(p1, ConstPtr(0x1000)) []
             call_may_force_n(p1, descr=forcecall)
             guard_not_forced() []
             jump(p1)";
        check(run, runs_python, runs_python);
    }

    #[test]
    fn contradictions_are_reported() {
        check_invalid(
            run,
            "[p0]
             guard_class(p0, ConstPtr(0x1000)) []
             guard_class(p0, ConstPtr(0x2000)) []
             finish()",
        );
        check_invalid(
            run,
            "[i0]
             guard_true(i0) []
             guard_false(i0) []
             finish()",
        );
        check_invalid(
            run,
            "[]
             p0 = new_with_vtable(descr=nodesize)
             guard_isnull(p0) []
             finish()",
        );
    }
}
