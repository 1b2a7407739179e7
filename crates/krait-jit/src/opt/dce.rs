//! Dead-code elimination.
//!
//! One backward walk: an op is live if it has an effect (anything not pure or
//! side-effect free: stores, calls, guards, control) or if a live op or a
//! live guard's resume data uses its value. Removable dead ops are dropped.
//! Earlier passes leave such ops behind freely (a folded comparison whose
//! guard went away, a load whose value was forwarded), and rely on this one.

use rustc_hash::FxHashSet;

use super::PassResult;
use crate::ir::{Opcode, Trace, Value};

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let mut used: FxHashSet<Value> = FxHashSet::default();
    let mut keep = vec![true; trace.ops.len()];
    for (i, op) in trace.ops.iter().enumerate().rev() {
        let removable = op.opcode.is_removable() && !op.opcode.is_guard() && op.opcode != Opcode::label;
        if removable && op.result.is_none_or(|r| !used.contains(&r)) {
            keep[i] = false;
            continue;
        }
        used.extend(op.args.iter().copied());
        if let Some(snapshot) = op.snapshot {
            used.extend(trace.resume.fail_args(snapshot));
        }
    }
    let mut index = 0;
    trace.ops.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::check;

    #[test]
    fn unused_pure_ops_and_loads_go() {
        check(
            run,
            "[i0, p1]
             i2 = int_add(i0, 1)
             i3 = int_mul(i2, 2)
             i4 = getfield_gc_i(p1, descr=valuedescr)
             i5 = int_sub(i0, 1)
             guard_true(i0) [i5]
             setfield_gc(p1, i0, descr=valuedescr)
             i6 = call_i(i0, descr=raisecall)
             finish()",
            "[i0, p1]
             i2 = int_sub(i0, 1)
             guard_true(i0) [i2]
             setfield_gc(p1, i0, descr=valuedescr)
             i3 = call_i(i0, descr=raisecall)
             finish()",
        );
    }
}
