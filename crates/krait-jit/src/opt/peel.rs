//! Loop peeling: a preamble for the invariant work, then the loop.
//!
//! A recorded loop is `[inputs] label(h...) body jump(j...)` (or has no
//! label and jumps back to its inputs). Peeling emits the body twice:
//!
//! ```text
//! [inputs]
//! body, with h := inputs            # the preamble: the first iteration
//! jump(j..., extra...)
//! label(h'..., extra'...)
//! body minus its invariant ops      # the loop proper
//! jump(j'..., extra'...)
//! ```
//!
//! An op of the body is **invariant** when it computes the same thing in
//! every iteration: its operands are constants, invariant loop values (a
//! label value the jump passes back unchanged, `j_k == h_k`) or results of
//! invariant ops, and it is pure, or an idempotent guard (which passed in
//! the preamble with the same operands, so passes again; `guard_class` only
//! if the loop runs no Python code, which could assign `__class__`), or a load that no
//! op of the loop can change (an immutable field, a field or array no store
//! and no call in the body may write, an array length). Invariant ops run
//! once, in the preamble; the loop does not repeat them. The preamble
//! values that the loop still needs (used by loop ops, their resume data,
//! or the jump) become **extra label values**: the preamble's jump passes
//! them, and the loop's jump passes them back unchanged, so the loop keeps
//! them in registers, and a bridge that jumps to the label must supply them.
//!
//! This is the simple half of PyPy's `unroll.py` (LuaJIT's `lj_opt_loop.c`
//! unrolls the same way, for the same reason: the preamble's knowledge
//! makes the loop cheaper without a separate LICM pass); the later passes
//! then run over preamble and loop alike, resetting what they know at the
//! label (and `virtuals` lets a virtual the preamble's jump passes travel
//! into the loop as its fields). Not done yet: importing the preamble's
//! facts (bounds, classes, heap contents) into the loop beyond the invariant
//! ops themselves.

use rustc_hash::{FxHashMap, FxHashSet};

use super::PassResult;
use crate::ir::descr::{DescrId, EffectClass};
use crate::ir::opcode::OpFlags;
use crate::ir::resume::Slot;
use crate::ir::{Op, Opcode, Trace, Value};

/// Which descriptors the loop may write.
#[derive(Default)]
struct Writes {
    everything: bool,
    descrs: FxHashSet<DescrId>,
}

impl Writes {
    fn of(trace: &Trace, body: &[Op]) -> Writes {
        let mut w = Writes::default();
        for op in body {
            match op.opcode {
                Opcode::setfield_gc | Opcode::setarrayitem_gc => {
                    w.descrs.insert(op.descr.expect("verified"));
                }
                opcode if opcode.is_call() => {
                    let call = trace.descrs.call_descr(op.descr.expect("verified"));
                    match call.effect {
                        EffectClass::Pure => {}
                        EffectClass::CanRaise => {
                            w.descrs.extend(&call.writes_fields);
                            w.descrs.extend(&call.writes_arrays);
                        }
                        EffectClass::MayForce => w.everything = true,
                    }
                }
                _ => {}
            }
        }
        w
    }

    fn may_write(&self, descr: DescrId) -> bool {
        self.everything || self.descrs.contains(&descr)
    }
}

fn is_invariant(trace: &Trace, op: &Op, inv: &FxHashSet<Value>, writes: &Writes) -> bool {
    if !op.args.iter().all(|&a| a.is_const() || inv.contains(&a)) {
        return false;
    }
    let opcode = op.opcode;
    match opcode {
        Opcode::getfield_gc_i | Opcode::getfield_gc_r | Opcode::getfield_gc_f => {
            let descr = op.descr.expect("verified");
            trace.descrs.field_descr(descr).immutable || !writes.may_write(descr)
        }
        Opcode::getarrayitem_gc_i | Opcode::getarrayitem_gc_r | Opcode::getarrayitem_gc_f => {
            !writes.may_write(op.descr.expect("verified"))
        }
        Opcode::arraylen_gc => true,
        Opcode::guard_not_invalidated => false,
        // Python code run by the loop may assign `__class__`.
        Opcode::guard_class => !writes.everything,
        _ if opcode.is_guard() => opcode.flags().contains(OpFlags::IDEMPOTENT),
        _ => opcode.is_pure(),
    }
}

/// Copy an op with operands mapped and a fresh result.
fn copy_op(trace: &mut Trace, op: &Op, map: &mut FxHashMap<Value, Value>) -> Op {
    let lookup = |map: &FxHashMap<Value, Value>, v: Value| map.get(&v).copied().unwrap_or(v);
    let mut new = op.clone();
    for arg in new.args.iter_mut() {
        *arg = lookup(map, *arg);
    }
    if let Some(snapshot) = op.snapshot {
        new.snapshot = Some(trace.resume.rewrite(snapshot, &mut |v, _| Slot::Value(lookup(map, v))));
    }
    if let Some(result) = op.result {
        let fresh = trace.new_value(trace.ty(result));
        map.insert(result, fresh);
        new.result = Some(fresh);
    }
    new
}

/// Run the pass (a trace that is not a single loop is left alone).
pub fn run(trace: &mut Trace) -> PassResult {
    let n = trace.ops.len();
    let starts_with_label = trace.ops.first().is_some_and(|op| op.opcode == Opcode::label);
    let labels = trace.ops.iter().filter(|op| op.opcode == Opcode::label).count();
    let is_loop = n > 0 && trace.ops[n - 1].opcode == Opcode::jump;
    if !is_loop || labels > usize::from(starts_with_label) || trace.loop_target.is_some() {
        return Ok(());
    }
    let ops = std::mem::take(&mut trace.ops);
    let (header, body): (Vec<Value>, &[Op]) =
        if starts_with_label { (ops[0].args.to_vec(), &ops[1..n - 1]) } else { (trace.inputs.clone(), &ops[..n - 1]) };
    let jump_args: Vec<Value> = ops[n - 1].args.to_vec();

    // Which ops are invariant, and which of their values the loop needs.
    let writes = Writes::of(trace, body);
    let mut inv: FxHashSet<Value> = header.iter().zip(&jump_args).filter(|(h, j)| h == j).map(|(&h, _)| h).collect();
    let mut invariant = vec![false; body.len()];
    for (i, op) in body.iter().enumerate() {
        if is_invariant(trace, op, &inv, &writes) {
            invariant[i] = true;
            inv.extend(op.result);
        }
    }
    let invariant_results: FxHashSet<Value> =
        body.iter().zip(&invariant).filter(|(_, &inv)| inv).filter_map(|(op, _)| op.result).collect();
    let mut extras: Vec<Value> = Vec::new();
    let need = |v: Value, extras: &mut Vec<Value>| {
        if invariant_results.contains(&v) && !extras.contains(&v) {
            extras.push(v);
        }
    };
    for (op, _) in body.iter().zip(&invariant).filter(|(_, &inv)| !inv) {
        for &a in &op.args {
            need(a, &mut extras);
        }
        if let Some(snapshot) = op.snapshot {
            for v in trace.resume.fail_args(snapshot) {
                need(v, &mut extras);
            }
        }
    }
    for &j in &jump_args {
        need(j, &mut extras);
    }

    // The preamble: the whole body, with the header values bound to the inputs.
    let mut map: FxHashMap<Value, Value> = header.iter().copied().zip(trace.inputs.clone()).collect();
    for op in body {
        let copy = copy_op(trace, op, &mut map);
        trace.ops.push(copy);
    }
    let lookup = |map: &FxHashMap<Value, Value>, v: Value| map.get(&v).copied().unwrap_or(v);
    let mut pass: Vec<Value> = jump_args.iter().map(|&j| lookup(&map, j)).collect();
    pass.extend(extras.iter().map(|&e| lookup(&map, e)));
    trace.ops.push(Op::new(Opcode::jump, &pass));

    // The loop: a label for the header and the extras, then the variant ops.
    let mut types: Vec<_> = header.iter().map(|&h| trace.ty(h)).collect();
    types.extend(extras.iter().map(|&e| trace.ty(e)));
    let label = trace.push_label(&types);
    let mut map: FxHashMap<Value, Value> = header.iter().chain(&extras).copied().zip(label.iter().copied()).collect();
    for (op, _) in body.iter().zip(&invariant).filter(|(_, &inv)| !inv) {
        let copy = copy_op(trace, op, &mut map);
        trace.ops.push(copy);
    }
    let mut pass: Vec<Value> = jump_args.iter().map(|&j| lookup(&map, j)).collect();
    pass.extend(&label[header.len()..]);
    trace.ops.push(Op::new(Opcode::jump, &pass));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::check;

    #[test]
    fn invariant_guards_and_pure_ops_stay_in_the_preamble() {
        check(
            run,
            "[i0, i1]
             label(i2, i3)
             i4 = int_mul(i3, 2)
             i5 = int_gt(i3, 0)
             guard_true(i5) [i2, i3]
             i6 = int_add(i2, i4)
             i7 = int_lt(i6, 1000)
             guard_true(i7) [i6, i3]
             jump(i6, i3)",
            "[i0, i1]
             i2 = int_mul(i1, 2)
             i3 = int_gt(i1, 0)
             guard_true(i3) [i0, i1]
             i4 = int_add(i0, i2)
             i5 = int_lt(i4, 1000)
             guard_true(i5) [i4, i1]
             jump(i4, i1, i2)
             label(i6, i7, i8)
             i9 = int_add(i6, i8)
             i10 = int_lt(i9, 1000)
             guard_true(i10) [i9, i7]
             jump(i9, i7, i8)",
        );
    }

    #[test]
    fn loads_are_invariant_only_if_the_loop_cannot_write_them() {
        check(
            run,
            "[p0, i1]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = getfield_gc_i(p0, descr=otherdescr)
             i4 = getfield_gc_i(p0, descr=immutdescr)
             i5 = int_add(i1, i2)
             i6 = int_add(i5, i3)
             i7 = int_add(i6, i4)
             setfield_gc(p0, i7, descr=otherdescr)
             jump(p0, i7)",
            "[p0, i1]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = getfield_gc_i(p0, descr=otherdescr)
             i4 = getfield_gc_i(p0, descr=immutdescr)
             i5 = int_add(i1, i2)
             i6 = int_add(i5, i3)
             i7 = int_add(i6, i4)
             setfield_gc(p0, i7, descr=otherdescr)
             jump(p0, i7, i2, i4)
             label(p8, i9, i10, i11)
             i12 = getfield_gc_i(p8, descr=otherdescr)
             i13 = int_add(i9, i10)
             i14 = int_add(i13, i12)
             i15 = int_add(i14, i11)
             setfield_gc(p8, i15, descr=otherdescr)
             jump(p8, i15, i10, i11)",
        );
    }

    #[test]
    fn a_call_that_may_force_makes_every_mutable_load_variant() {
        check(
            run,
            "[p0]
             i1 = getfield_gc_i(p0, descr=valuedescr)
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() [i1]
             jump(p0)",
            "[p0]
             i1 = getfield_gc_i(p0, descr=valuedescr)
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() [i1]
             jump(p0)
             label(p2)
             i3 = getfield_gc_i(p2, descr=valuedescr)
             call_may_force_n(p2, descr=forcecall)
             guard_not_forced() [i3]
             jump(p2)",
        );
    }

    #[test]
    fn class_guards_stay_in_a_loop_that_runs_python_code() {
        check(
            run,
            "[p0]
             guard_class(p0, ConstPtr(0x1000)) []
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() []
             jump(p0)",
            "[p0]
             guard_class(p0, ConstPtr(0x1000)) []
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() []
             jump(p0)
             label(p1)
             guard_class(p1, ConstPtr(0x1000)) []
             call_may_force_n(p1, descr=forcecall)
             guard_not_forced() []
             jump(p1)",
        );
    }

    #[test]
    fn traces_that_are_not_simple_loops_are_left_alone() {
        let text = "[i0]\ni1 = int_add(i0, 1)\nfinish(i1)";
        check(run, text, text);
        let bridge = "[i0] -> loop(i)\ni1 = int_add(i0, 1)\njump(i1)";
        check(run, bridge, bridge);
    }
}
