//! Common subexpression elimination for pure ops.
//!
//! A pure op (the `PURE` flag: arithmetic, comparisons, casts, `call_pure_*`)
//! computes the same value from the same operands, so the second of two
//! identical pure ops is dropped and its value forwarded to the first's. The
//! key is the opcode, the descriptor and the operands read through the
//! forwarding table, with the operands of commutative ops sorted. The table
//! is cleared at a `label` (the body's values are new).
//!
//! An overflow-checked op (`int_add_ovf` and co.) followed by
//! `guard_no_overflow` is shared the same way: past the first one's guard
//! the operation is known not to overflow, so a second with the same
//! operands is dropped together with its guard (`i + j` computed twice in
//! one expression, or in a caller and an inlined callee).

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::{Forward, PassResult};
use crate::ir::descr::DescrId;
use crate::ir::opcode::OpFlags;
use crate::ir::{Opcode, Trace, Value};

type Key = (Opcode, Option<DescrId>, SmallVec<[Value; 3]>);

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let ops = std::mem::take(&mut trace.ops);
    let mut fwd = Forward::new();
    let mut seen: FxHashMap<Key, Value> = FxHashMap::default();
    // The overflow-checked op just kept, registered once its guard follows.
    let mut checked: Option<(Key, Value)> = None;
    // A repeated overflow-checked op was dropped: drop its guard too.
    let mut drop_guard = false;
    for mut op in ops {
        fwd.apply(trace, &mut op);
        if op.opcode == Opcode::label {
            seen.clear();
        }
        let (pending, dropping) = (checked.take(), std::mem::take(&mut drop_guard));
        if op.opcode == Opcode::guard_no_overflow {
            if dropping {
                continue;
            }
            if let Some((key, result)) = pending {
                seen.insert(key, result);
            }
        }
        if op.opcode.flags().contains(OpFlags::OVF) {
            if let Some(result) = op.result {
                let key = key_of(&op);
                if let Some(&earlier) = seen.get(&key) {
                    fwd.set(result, earlier);
                    drop_guard = true;
                    continue;
                }
                checked = Some((key, result));
            }
        }
        if op.opcode.is_pure() {
            if let Some(result) = op.result {
                let key = key_of(&op);
                if let Some(&earlier) = seen.get(&key) {
                    fwd.set(result, earlier);
                    continue;
                }
                seen.insert(key, result);
            }
        }
        trace.ops.push(op);
    }
    Ok(())
}

/// An op's key: the operands of a commutative op sorted.
fn key_of(op: &crate::ir::trace::Op) -> Key {
    let mut args = op.args.clone();
    if op.opcode.flags().contains(OpFlags::COMMUTATIVE) {
        args.sort();
    }
    (op.opcode, op.descr, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::check;

    #[test]
    fn repeated_pure_ops_are_shared() {
        check(
            run,
            "[i0, i1]
             i2 = int_add(i0, i1)
             i3 = int_add(i1, i0)
             i4 = int_mul(i2, i3)
             i5 = int_sub(i0, i1)
             i6 = int_sub(i1, i0)
             i7 = call_pure_i(i0, descr=purecall)
             i8 = call_pure_i(i0, descr=purecall)
             finish(i4, i5, i6, i7, i8)",
            "[i0, i1]
             i2 = int_add(i0, i1)
             i3 = int_mul(i2, i2)
             i4 = int_sub(i0, i1)
             i5 = int_sub(i1, i0)
             i6 = call_pure_i(i0, descr=purecall)
             finish(i3, i4, i5, i6, i6)",
        );
    }

    #[test]
    fn loads_and_calls_that_may_raise_are_not_shared() {
        let text = "[p0, i1]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = getfield_gc_i(p0, descr=valuedescr)
             i4 = call_i(i1, descr=raisecall)
             guard_no_exception() []
             i5 = call_i(i1, descr=raisecall)
             guard_no_exception() []
             finish(i2, i3, i4, i5)";
        check(run, text, text);
    }

    #[test]
    fn a_repeated_overflow_checked_op_is_shared_with_its_guard_dropped() {
        check(
            run,
            "[i0, i1]
             i2 = int_add_ovf(i0, i1)
             guard_no_overflow() []
             i3 = int_add_ovf(i1, i0)
             guard_no_overflow() []
             i4 = int_mul_ovf(i2, i3)
             guard_no_overflow() []
             finish(i4)",
            "[i0, i1]
             i2 = int_add_ovf(i0, i1)
             guard_no_overflow() []
             i3 = int_mul_ovf(i2, i2)
             guard_no_overflow() []
             finish(i3)",
        );
    }

    #[test]
    fn nothing_is_shared_across_a_label() {
        let text = "[i0]
             i1 = int_add(i0, 1)
             jump(i1)
             label(i2)
             i3 = int_add(i2, 1)
             jump(i3)";
        check(run, text, text);
    }
}
