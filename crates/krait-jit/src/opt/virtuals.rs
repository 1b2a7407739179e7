//! Virtuals: escape analysis that removes allocations.
//!
//! An object allocated in the trace (`new_with_vtable`, `new`) starts
//! **virtual**: the allocation is not emitted, and the pass keeps its size
//! descriptor and, per field, the value last stored. Then, in one forward walk:
//!
//! - `setfield_gc` into a virtual updates the tracked field (no op);
//! - `getfield_gc_*` from a virtual is forwarded to the tracked value (or to
//!   zero, as allocation zeroes fields);
//! - `guard_class`/`guard_nonnull` on a virtual are decided (its class is
//!   known, it is not null); `ptr_eq`/`ptr_ne` involving a virtual are
//!   decided (a virtual is only identical to itself);
//! - a guard whose resume data mentions a virtual keeps it as a **virtual in
//!   the snapshot** ([`crate::ir::resume::VirtualObject`], nested and cyclic
//!   structures included): if the guard fails, deoptimisation allocates it;
//! - any other use **escapes** the object: passing it to a call, a `jump`, a
//!   `finish`, storing it into a non-virtual object or an array, or anything
//!   else. Right before the escaping op the object is **materialised**: a
//!   `new_with_vtable` and one `setfield_gc` per tracked field (fields that
//!   are themselves virtual are materialised first; cycles work because the
//!   object stops being virtual before its fields are written). From then on
//!   the value stands for the materialised object.
//!
//! ## Virtuals around the loop
//!
//! A loop that carries a freshly allocated object from one iteration to the
//! next (the boxed `total` of `total = total + i`) would allocate it every
//! iteration, since the `jump` makes it escape. Instead, when the preamble's
//! `jump` passes a virtual, it passes the virtual's **fields**: the label
//! gets one new value per field, and the label's value for that position
//! becomes a virtual made of them, so the loop body reads its fields
//! without loads and its guards record it in resume data. This only holds
//! if the body's own `jump` passes, at that position, a virtual of the same
//! size and fields; when it does not, the pass starts again with that
//! position passed as a real object (a fixpoint over positions, at most one
//! restart per position). One level travels unboxed: virtual fields of a
//! travelling virtual are materialised at the jump, and a virtual passed
//! twice, or also reachable from another argument, travels as a real object
//! so that its identity is kept.
//!
//! ## Virtual arrays
//!
//! `new_array` with a constant length (up to 64 items) is virtual too: its
//! items are tracked while every access uses a constant index inside it
//! (`arraylen_gc` becomes the constant); an access with a variable index,
//! like any other use, materialises it (`new_array` and one
//! `setarrayitem_gc` per non-zero item). Guards record it as a virtual
//! array. Arrays do not travel around the loop as their items.
//!
//! Boxed ints and floats, tuples and frames the interpreter allocates per
//! iteration are the allocations this removes.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Forward, InvalidLoop, PassResult};
use crate::ir::descr::DescrId;
use crate::ir::resume::{Slot, VirtualObject};
use crate::ir::{Const, Opcode, Trace, Type, Value};

#[derive(Clone, Debug)]
struct Virtual {
    opcode: Opcode,
    size: DescrId,
    fields: Vec<(DescrId, Value)>,
}

/// A virtual array: its descriptor and every item.
#[derive(Clone, Debug)]
struct VirtualArray {
    descr: DescrId,
    items: Vec<Value>,
}

/// The longest array kept virtual.
const MAX_VIRTUAL_ARRAY: i64 = 64;

#[derive(Default)]
struct State {
    fwd: Forward,
    virtuals: FxHashMap<Value, Virtual>,
    arrays: FxHashMap<Value, VirtualArray>,
}

impl State {
    fn is_virtual(&self, v: Value) -> bool {
        let v = self.fwd.get(v);
        self.virtuals.contains_key(&v) || self.arrays.contains_key(&v)
    }

    fn is_virtual_object(&self, v: Value) -> bool {
        self.virtuals.contains_key(&self.fwd.get(v))
    }

    /// The virtual array `v` is, with `index` a constant inside it.
    fn array_item(&self, trace: &Trace, v: Value, index: Value) -> Option<(Value, usize)> {
        let v = self.fwd.get(v);
        let len = self.arrays.get(&v)?.items.len();
        let index = trace.const_int_of(index).filter(|&i| i >= 0 && (i as usize) < len)?;
        Some((v, index as usize))
    }

    /// Emit the allocation and stores for a virtual; returns the real object.
    fn force(&mut self, trace: &mut Trace, v: Value) -> Value {
        let v = self.fwd.get(v);
        if let Some(array) = self.arrays.remove(&v) {
            let length = trace.const_int(array.items.len() as i64);
            let alloc = trace.make_op(Opcode::new_array, &[length], Some(array.descr));
            let object = alloc.result.expect("allocations have a result");
            trace.ops.push(alloc);
            self.fwd.set(v, object);
            let zero = zero(trace, trace.descrs.array_descr(array.descr).ty);
            for (index, item) in array.items.into_iter().enumerate() {
                let item = self.force(trace, item);
                if item != zero {
                    let index = trace.const_int(index as i64);
                    let store = trace.make_op(Opcode::setarrayitem_gc, &[object, index, item], Some(array.descr));
                    trace.ops.push(store);
                }
            }
            return object;
        }
        let Some(virt) = self.virtuals.remove(&v) else { return v };
        let alloc = trace.make_op(virt.opcode, &[], Some(virt.size));
        let object = alloc.result.expect("allocations have a result");
        trace.ops.push(alloc);
        self.fwd.set(v, object);
        for (field, value) in virt.fields {
            let value = self.force(trace, value);
            let store = trace.make_op(Opcode::setfield_gc, &[object, value], Some(field));
            trace.ops.push(store);
        }
        object
    }

    /// The snapshot slot for a value: a virtual gets a `$k` (memoised).
    fn slot(&self, v: Value, list: &mut Vec<VirtualObject>, memo: &mut FxHashMap<Value, u32>) -> Slot {
        let v = self.fwd.get(v);
        if !self.is_virtual(v) {
            return Slot::Value(v);
        }
        if let Some(&k) = memo.get(&v) {
            return Slot::Virtual(k);
        }
        let k = list.len() as u32;
        memo.insert(v, k);
        // A placeholder first, so that cycles find their `$k`.
        list.push(VirtualObject::Array { descr: DescrId(0), items: Vec::new() });
        list[k as usize] = match (self.virtuals.get(&v), self.arrays.get(&v)) {
            (Some(virt), _) => VirtualObject::Object {
                size: virt.size,
                fields: virt.fields.iter().map(|&(d, fv)| (d, self.slot(fv, list, memo))).collect(),
            },
            (None, Some(array)) => VirtualObject::Array {
                descr: array.descr,
                items: array.items.iter().map(|&item| self.slot(item, list, memo)).collect(),
            },
            (None, None) => unreachable!("checked virtual"),
        };
        Slot::Virtual(k)
    }
}

fn zero(trace: &mut Trace, ty: Type) -> Value {
    trace.constant(match ty {
        Type::Float => Const::Float(0.0),
        Type::Ref => Const::Ptr(0),
        _ => Const::Int(0),
    })
}

/// How a virtual passed to the loop label travels: as its fields.
#[derive(Clone, Debug)]
struct Layout {
    opcode: Opcode,
    size: DescrId,
    fields: Vec<DescrId>,
}

/// Why one attempt of the pass stopped.
enum Stop {
    /// The trace always fails.
    Invalid(InvalidLoop),
    /// The loop's jump does not pass a virtual of the same shape at this
    /// position as the preamble did: try again passing that position as a
    /// real object.
    Unexpandable(usize),
}

impl From<InvalidLoop> for Stop {
    fn from(e: InvalidLoop) -> Stop {
        Stop::Invalid(e)
    }
}

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let mut keep_real: FxHashSet<usize> = FxHashSet::default();
    loop {
        let mut attempt = trace.clone();
        match run_once(&mut attempt, &keep_real) {
            Ok(()) => {
                *trace = attempt;
                return Ok(());
            }
            Err(Stop::Invalid(e)) => return Err(e),
            Err(Stop::Unexpandable(k)) => {
                keep_real.insert(k);
            }
        }
    }
}

/// The virtual objects among `args` that may travel as fields: not passed
/// twice, not reachable from another argument (arrays do not travel).
fn expandable(st: &State, args: &[Value]) -> Vec<bool> {
    let mut seen: FxHashMap<Value, usize> = FxHashMap::default();
    for &a in args {
        let a = st.fwd.get(a);
        *seen.entry(a).or_default() += 1;
        if let Some(virt) = st.virtuals.get(&a) {
            for &(_, fv) in &virt.fields {
                *seen.entry(st.fwd.get(fv)).or_default() += 1;
            }
        }
    }
    args.iter().map(|&a| st.is_virtual_object(a) && seen[&st.fwd.get(a)] == 1).collect()
}

/// The words a jump passes for a virtual that travels as its fields; its
/// virtual fields are materialised (only one level travels unboxed).
fn expand(st: &mut State, trace: &mut Trace, v: Value, layout: &Layout) -> Vec<Value> {
    let v = st.fwd.get(v);
    let virt = st.virtuals.remove(&v).expect("expandable arguments are virtual");
    layout
        .fields
        .iter()
        .map(|&d| match virt.fields.iter().find(|(f, _)| *f == d) {
            Some(&(_, fv)) => st.force(trace, fv),
            None => zero(trace, trace.descrs.field_descr(d).ty),
        })
        .collect()
}

fn run_once(trace: &mut Trace, keep_real: &FxHashSet<usize>) -> Result<(), Stop> {
    let ops = std::mem::take(&mut trace.ops);
    let targets: Vec<Option<usize>> = (0..ops.len())
        .map(|i| {
            let ahead = ops.get(i + 1).is_some_and(|o| o.opcode == Opcode::label);
            if ahead {
                Some(i + 1)
            } else {
                ops[..i].iter().rposition(|o| o.opcode == Opcode::label)
            }
        })
        .collect();
    let mut st = State::default();
    // Per position of the preamble's jump: how an expanded virtual travels.
    let mut layouts: Vec<Option<Layout>> = Vec::new();
    let mut expanded_label: Option<usize> = None;
    for (i, mut op) in ops.into_iter().enumerate() {
        st.fwd.apply(trace, &mut op);
        let at = trace.ops.len();
        let arg_virtual = |st: &State, k: usize| op.args.get(k).is_some_and(|&v| st.is_virtual(v));
        let arg_object = |st: &State, k: usize| op.args.get(k).is_some_and(|&v| st.is_virtual_object(v));
        match op.opcode {
            Opcode::new_with_vtable | Opcode::new => {
                let result = op.result.expect("allocations have a result");
                let size = op.descr.expect("verified");
                st.virtuals.insert(result, Virtual { opcode: op.opcode, size, fields: Vec::new() });
                continue;
            }
            Opcode::setfield_gc if arg_object(&st, 0) => {
                let (object, value, descr) = (op.args[0], op.args[1], op.descr.expect("verified"));
                let virt = st.virtuals.get_mut(&object).expect("checked virtual");
                match virt.fields.iter_mut().find(|(d, _)| *d == descr) {
                    Some(field) => field.1 = value,
                    None => virt.fields.push((descr, value)),
                }
                continue;
            }
            Opcode::getfield_gc_i | Opcode::getfield_gc_r | Opcode::getfield_gc_f if arg_object(&st, 0) => {
                let descr = op.descr.expect("verified");
                let known = st.virtuals[&op.args[0]].fields.iter().find(|(d, _)| *d == descr).map(|&(_, v)| v);
                let value = known.unwrap_or_else(|| zero(trace, op.opcode.result()));
                st.fwd.set(op.result.expect("loads have a result"), value);
                continue;
            }
            Opcode::new_array
                if trace.const_int_of(op.args[0]).is_some_and(|n| (0..=MAX_VIRTUAL_ARRAY).contains(&n)) =>
            {
                let result = op.result.expect("allocations have a result");
                let descr = op.descr.expect("verified");
                let length = trace.const_int_of(op.args[0]).expect("checked constant") as usize;
                let zero = zero(trace, trace.descrs.array_descr(descr).ty);
                st.arrays.insert(result, VirtualArray { descr, items: vec![zero; length] });
                continue;
            }
            Opcode::setarrayitem_gc if st.array_item(trace, op.args[0], op.args[1]).is_some() => {
                let (array, index) = st.array_item(trace, op.args[0], op.args[1]).expect("checked");
                st.arrays.get_mut(&array).expect("checked virtual").items[index] = op.args[2];
                continue;
            }
            Opcode::getarrayitem_gc_i | Opcode::getarrayitem_gc_r | Opcode::getarrayitem_gc_f
                if st.array_item(trace, op.args[0], op.args[1]).is_some() =>
            {
                let (array, index) = st.array_item(trace, op.args[0], op.args[1]).expect("checked");
                let item = st.arrays[&array].items[index];
                st.fwd.set(op.result.expect("loads have a result"), item);
                continue;
            }
            Opcode::arraylen_gc if st.arrays.contains_key(&op.args[0]) => {
                let length = trace.const_int(st.arrays[&op.args[0]].items.len() as i64);
                st.fwd.set(op.result.expect("loads have a result"), length);
                continue;
            }
            Opcode::guard_class if arg_object(&st, 0) => {
                let vtable = trace.descrs.size_descr(st.virtuals[&op.args[0]].size).vtable;
                if trace.const_of(op.args[1]).map(Const::bits) == Some(vtable) {
                    continue;
                }
                return Err(InvalidLoop { op: at, reason: "guard_class on a virtual of another class".into() }.into());
            }
            Opcode::guard_nonnull if arg_virtual(&st, 0) => continue,
            Opcode::guard_isnull if arg_virtual(&st, 0) => {
                return Err(InvalidLoop { op: at, reason: "guard_isnull on a virtual".into() }.into())
            }
            Opcode::ptr_eq | Opcode::ptr_ne if arg_virtual(&st, 0) || arg_virtual(&st, 1) => {
                let same = op.args[0] == op.args[1];
                let c = trace.const_int((same == (op.opcode == Opcode::ptr_eq)) as i64);
                st.fwd.set(op.result.expect("comparisons have a result"), c);
                continue;
            }
            Opcode::jump if targets[i] == Some(i + 1) => {
                // The preamble enters the loop: its virtual arguments travel as fields.
                let can = expandable(&st, &op.args);
                layouts = op
                    .args
                    .iter()
                    .enumerate()
                    .map(|(k, &a)| {
                        (can[k] && !keep_real.contains(&k)).then(|| {
                            let virt = &st.virtuals[&st.fwd.get(a)];
                            let fields = virt.fields.iter().map(|&(d, _)| d).collect();
                            Layout { opcode: virt.opcode, size: virt.size, fields }
                        })
                    })
                    .collect();
                if layouts.iter().any(Option::is_some) {
                    expanded_label = Some(i + 1);
                }
                op.args = jump_args(&mut st, trace, &op.args, &layouts).into();
            }
            Opcode::jump if targets[i].is_some() && targets[i] == expanded_label => {
                // The loop goes round: the same positions must be virtuals of the same shape.
                let can = expandable(&st, &op.args);
                for (k, layout) in layouts.iter().enumerate() {
                    let Some(layout) = layout else { continue };
                    let fits = can[k]
                        && st.virtuals.get(&st.fwd.get(op.args[k])).is_some_and(|v| {
                            v.size == layout.size
                                && v.opcode == layout.opcode
                                && v.fields.iter().all(|(d, _)| layout.fields.contains(d))
                        });
                    if !fits {
                        return Err(Stop::Unexpandable(k));
                    }
                }
                op.args = jump_args(&mut st, trace, &op.args, &layouts).into();
            }
            Opcode::label if Some(i) == expanded_label => {
                st.virtuals.clear();
                st.arrays.clear();
                let mut kept = Vec::new();
                let mut fresh = Vec::new();
                for (k, &v) in op.args.iter().enumerate() {
                    match &layouts[k] {
                        None => kept.push(v),
                        Some(layout) => {
                            let mut fields = Vec::new();
                            for &d in &layout.fields {
                                let value = trace.new_value(trace.descrs.field_descr(d).ty);
                                fresh.push(value);
                                fields.push((d, value));
                            }
                            st.virtuals.insert(v, Virtual { opcode: layout.opcode, size: layout.size, fields });
                        }
                    }
                }
                kept.extend(fresh);
                op.args = kept.into();
                trace.ops.push(op);
                continue;
            }
            _ => {}
        }
        // Everything else: operands escape (resume data does not).
        let mut forced = false;
        for k in 0..op.args.len() {
            if op.opcode != Opcode::label && st.is_virtual(op.args[k]) {
                st.force(trace, op.args[k]);
                forced = true;
            }
        }
        if forced {
            // The op (operands and resume data) now sees the materialised
            // objects, also where one was passed twice.
            st.fwd.apply(trace, &mut op);
        }
        if let Some(snapshot) = op.snapshot {
            if trace.resume.fail_args(snapshot).iter().any(|&v| st.is_virtual(v)) {
                let mut memo = FxHashMap::default();
                let new = trace.resume.rewrite(snapshot, &mut |v, list| st.slot(v, list, &mut memo));
                op.snapshot = Some(new);
            }
        }
        if op.opcode == Opcode::label {
            st.virtuals.clear();
            st.arrays.clear();
        }
        trace.ops.push(op);
    }
    Ok(())
}

/// A jump's operands: the real ones in order, then the fields of each
/// expanded virtual in position order (the label's layout).
fn jump_args(st: &mut State, trace: &mut Trace, args: &[Value], layouts: &[Option<Layout>]) -> Vec<Value> {
    let mut real = Vec::new();
    let mut fields = Vec::new();
    for (k, &a) in args.iter().enumerate() {
        match layouts.get(k).and_then(Option::as_ref) {
            Some(layout) => fields.extend(expand(st, trace, a, layout)),
            None => real.push(st.force(trace, a)),
        }
    }
    real.extend(fields);
    real
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::{check, check_invalid};

    #[test]
    fn a_virtual_that_never_escapes_disappears() {
        check(
            run,
            "[i0]
             p1 = new_with_vtable(descr=nodesize)
             setfield_gc(p1, i0, descr=valuedescr)
             guard_class(p1, ConstPtr(0x1000)) [i0]
             guard_nonnull(p1) [i0]
             i2 = getfield_gc_i(p1, descr=valuedescr)
             i3 = getfield_gc_i(p1, descr=otherdescr)
             i4 = int_add(i2, i3)
             finish(i4)",
            "[i0]
             i1 = int_add(i0, 0)
             finish(i1)",
        );
    }

    #[test]
    fn guards_record_virtuals_in_their_resume_data() {
        check(
            run,
            "[i0, p1]
             p2 = new_with_vtable(descr=nodesize)
             setfield_gc(p2, i0, descr=valuedescr)
             p3 = new_with_vtable(descr=nodesize)
             setfield_gc(p3, p2, descr=nextdescr)
             setfield_gc(p2, p3, descr=nextdescr)
             guard_true(i0) [p3, p1]
             finish()",
            "[i0, p1]
             guard_true(i0) [$0, p1] {$0 = nodesize(nextdescr=$1), $1 = nodesize(valuedescr=i0, nextdescr=$0)}
             finish()",
        );
    }

    #[test]
    fn an_escaping_virtual_is_materialised_before_the_escape() {
        check(
            run,
            "[i0, p1]
             p2 = new_with_vtable(descr=nodesize)
             setfield_gc(p2, i0, descr=valuedescr)
             guard_true(i0) [p2]
             setfield_gc(p2, 7, descr=valuedescr)
             setfield_gc(p1, p2, descr=nextdescr)
             i3 = getfield_gc_i(p2, descr=valuedescr)
             finish(i3)",
            "[i0, p1]
             guard_true(i0) [$0] {$0 = nodesize(valuedescr=i0)}
             p2 = new_with_vtable(descr=nodesize)
             setfield_gc(p2, 7, descr=valuedescr)
             setfield_gc(p1, p2, descr=nextdescr)
             i3 = getfield_gc_i(p2, descr=valuedescr)
             finish(i3)",
        );
    }

    #[test]
    fn cycles_are_materialised() {
        check(
            run,
            "[]
             p0 = new_with_vtable(descr=nodesize)
             setfield_gc(p0, p0, descr=nextdescr)
             call_n(p0, descr=refcall)
             finish()",
            "[]
             p0 = new_with_vtable(descr=nodesize)
             setfield_gc(p0, p0, descr=nextdescr)
             call_n(p0, descr=refcall)
             finish()",
        );
    }

    #[test]
    fn jumps_make_virtuals_escape_and_identity_is_known() {
        check(
            run,
            "[p0]
             label(p1)
             p2 = new_with_vtable(descr=nodesize)
             i3 = ptr_eq(p2, p1)
             guard_false(i3) [p1]
             jump(p2)",
            "[p0]
             label(p1)
             guard_false(0) [p1]
             p2 = new_with_vtable(descr=nodesize)
             jump(p2)",
        );
        check_invalid(
            run,
            "[]
             p0 = new_with_vtable(descr=nodesize)
             guard_class(p0, ConstPtr(0x2000)) []
             finish()",
        );
    }

    #[test]
    fn a_loop_carried_virtual_of_a_different_shape_stays_real() {
        // The body passes a loaded object where the preamble passed a new
        // one: that position is passed as a real object.
        check(
            run,
            "[p0]
             p1 = new_with_vtable(descr=nodesize)
             jump(p1)
             label(p2)
             p3 = getfield_gc_r(p2, descr=nextdescr)
             jump(p3)",
            "[p0]
             p1 = new_with_vtable(descr=nodesize)
             jump(p1)
             label(p2)
             p3 = getfield_gc_r(p2, descr=nextdescr)
             jump(p3)",
        );
    }

    #[test]
    fn an_object_escaping_twice_in_one_op_is_materialised_once() {
        check(
            run,
            "[p0]
             p1 = new_with_vtable(descr=nodesize)
             escape(p1, p1)
             guard_true(1) [p1]
             finish()",
            "[p0]
             p1 = new_with_vtable(descr=nodesize)
             escape(p1, p1)
             guard_true(1) [p1]
             finish()",
        );
    }

    #[test]
    fn a_virtual_passed_twice_keeps_its_identity() {
        check(
            run,
            "[p0, p1]
             p2 = new_with_vtable(descr=nodesize)
             setfield_gc(p2, 1, descr=valuedescr)
             jump(p2, p2)
             label(p3, p4)
             i5 = ptr_eq(p3, p4)
             guard_true(i5) []
             jump(p3, p4)",
            "[p0, p1]
             p2 = new_with_vtable(descr=nodesize)
             setfield_gc(p2, 1, descr=valuedescr)
             jump(p2, p2)
             label(p3, p4)
             i5 = ptr_eq(p3, p4)
             guard_true(i5) []
             jump(p3, p4)",
        );
    }

    #[test]
    fn virtuals_travel_around_the_loop_with_their_fields() {
        check(
            run,
            "[i0]
             p1 = new_with_vtable(descr=nodesize)
             setfield_gc(p1, i0, descr=valuedescr)
             jump(p1, i0)
             label(p2, i3)
             i4 = getfield_gc_i(p2, descr=valuedescr)
             i5 = int_add(i4, i3)
             guard_true(i5) [p2]
             p6 = new_with_vtable(descr=nodesize)
             setfield_gc(p6, i5, descr=valuedescr)
             jump(p6, i3)",
            "[i0]
             jump(i0, i0)
             label(i1, i2)
             i3 = int_add(i2, i1)
             guard_true(i3) [$0] {$0 = nodesize(valuedescr=i2)}
             jump(i1, i3)",
        );
    }

    #[test]
    fn constant_sized_arrays_with_constant_indices_are_virtual() {
        check(
            run,
            "[i0, i1]
             p2 = new_array(3, descr=arraydescr)
             setarrayitem_gc(p2, 0, i0, descr=arraydescr)
             setarrayitem_gc(p2, 2, i1, descr=arraydescr)
             i3 = getarrayitem_gc_i(p2, 2, descr=arraydescr)
             i4 = getarrayitem_gc_i(p2, 1, descr=arraydescr)
             i5 = arraylen_gc(p2, descr=arraydescr)
             guard_true(i3) [p2]
             finish(i4, i5)",
            "[i0, i1]
             guard_true(i1) [$0] {$0 = arraydescr[i0, 0, i1]}
             finish(0, 3)",
        );
    }

    #[test]
    fn a_variable_index_materialises_the_array() {
        check(
            run,
            "[i0, i1]
             p2 = new_array(2, descr=arraydescr)
             setarrayitem_gc(p2, 1, i0, descr=arraydescr)
             i3 = getarrayitem_gc_i(p2, i1, descr=arraydescr)
             finish(i3)",
            "[i0, i1]
             p2 = new_array(2, descr=arraydescr)
             setarrayitem_gc(p2, 1, i0, descr=arraydescr)
             i3 = getarrayitem_gc_i(p2, i1, descr=arraydescr)
             finish(i3)",
        );
        let unknown_length = "[i0]
             p1 = new_array(i0, descr=arraydescr)
             i2 = arraylen_gc(p1, descr=arraydescr)
             finish(i2)";
        check(run, unknown_length, unknown_length);
    }
}
